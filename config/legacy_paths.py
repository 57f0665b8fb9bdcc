"""Old Finnish addresses under /sv/ and /en/ lead to the page in that language.

The site's own paths are translated (`pgettext_lazy("URL path", ...)` in the
URLconfs), so `/sv/oma-opiskelu/` is now `/sv/mina-studier/`. Bookmarks, sent
e-mails and printed certificates still carry the old paths. A GET under a
prefix that found nothing, whose path without the prefix is a Finnish route,
is sent permanently to that route in the requested language, query string
kept. Wagtail's catch-all is no such route: page paths are the router's
(`courses.routing`). Only a path that finds nothing is redirected, and a
route's path in its own language resolves to it, so no redirect loops.
"""

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

from accounts.language import moved_permanently

CATCH_ALL = "wagtail_serve"


def path_in_language(path: str) -> str | None:
    """The current path of the route that `path` (prefixed) named in Finnish."""
    language = translation.get_language_from_path(path)
    if language in (None, settings.LANGUAGE_CODE):
        return None
    unprefixed = path[len(language) + 1 :]
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(unprefixed)
        except Resolver404:
            return None
    if match.url_name in (None, CATCH_ALL):
        return None
    with translation.override(language):
        try:
            target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return target if target != path else None


class LegacyPathMiddleware:
    """Turns a 404 at an old Finnish path under a prefix into a 301; see module."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = path_in_language(request.path_info)
        if target is None:
            return response
        return moved_permanently(request, target)
