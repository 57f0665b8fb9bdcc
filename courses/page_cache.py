"""A whole-page cache for anonymous readers of the course tree.

Anonymous lesson, module and course pages are the same for every visitor in a
language, so they are served from the shared cache without touching Wagtail or
the database. Only responses that a course page marked as cacheable are stored,
only for requests that carry no cookie at all (so no session, message or CSRF
token can be involved), and any change to a page, a view restriction or a site
invalidates them all at once by bumping a version number.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

VERSION_KEY = "anonymous-page-cache-version"
# Paths that are never course pages: keep the cache (and Redis) off their way,
# so that a health check reports the database, not the cache.
NOT_PAGES = ("/health/", "/admin/", "/documents/", "/i18n/")
TIMEOUT = 600
MARK = "anonymous_page_cacheable"


def mark_cacheable(request, response):
    """Called by a course page's serve(): this response may be shared."""
    if not request.user.is_authenticated:
        setattr(response, MARK, True)
    return response


def invalidate(**kwargs):
    """Forget every cached anonymous page; content or access changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site):
        invalidate()


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_save.connect(_page_saved_or_deleted, dispatch_uid="page_cache_saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="page_cache_deleted")


def _key(request) -> str:
    version = cache.get_or_set(VERSION_KEY, 1, None)
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"anonymous-page:{version}:{language}:{request.get_host()}:{request.path}"


class AnonymousPageCacheMiddleware:
    """Serves and stores marked anonymous page responses; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method != "GET"
            or request.COOKIES
            or request.GET
            or request.path.startswith(NOT_PAGES)
        ):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        if (
            getattr(response, MARK, False)
            and response.status_code == 200
            and not response.cookies
        ):
            cache.set(key, (response.content, dict(response.headers)), TIMEOUT)
        return response
