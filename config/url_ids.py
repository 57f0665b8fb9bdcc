"""Ids in URLs that no database row can have are answered with 404.

Django's `<int:...>` converter accepts any number of digits. PostgreSQL and
Django's own range checks turn an id beyond 64 bits into "no such row", but
SQLite's driver raises OverflowError, a 500. Checking the resolved arguments
here covers every URL, Silta's and Wagtail's alike.
"""

from django.http import Http404

LARGEST_ID = 2**63 - 1


class IdRangeMiddleware:
    """Refuses resolved integer URL arguments outside a signed 64-bit integer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not -LARGEST_ID <= value <= LARGEST_ID:
                raise Http404
