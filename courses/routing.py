"""Find the page for a request without Wagtail's two queries per tree level.

Wagtail looks up the site, its root page, and then walks the tree two queries
per level; a lesson sits three levels down. Which live page answers which URL
is the same for everyone, so the map from URL path to page id and type, and
the site itself, are kept in the shared cache under the content version
(`courses.page_cache`), which changes after any publish, unpublish, move,
delete or site change commits. A request then fetches only the page itself.
The live page object itself is cached the same way, so a warm request costs
no page query at all. The result is handed to Wagtail's own `serve` view,
which still runs every hook, view restriction included. Paths not in the map
fall back to Wagtail.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from courses.languages import DEFAULT_CONTENT_LANGUAGE
from courses.page_cache import content_version

TIMEOUT = 24 * 60 * 60


def _site_and_paths(request, language: str) -> tuple[Site | None, dict]:
    """The request's site and {url_path: (page id, content type id)} of its pages
    in `language`'s tree (the site root's translation, as Wagtail's own
    routing finds it)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"site-routes:{content_version()}:{hostname}:{request.get_port()}:{language}"
    found = cache.get(key)
    if found is None:
        site = Site.find_for_request(request)
        paths = {}
        if site is not None:
            with translation.override(language):
                root = Page.objects.get(pk=site.root_page_id).localized
            site.root_url_path = root.url_path
            paths = {
                url_path: (pk, content_type_id)
                for url_path, pk, content_type_id in Page.objects.live()
                .descendant_of(root, inclusive=True)
                .values_list("url_path", "pk", "content_type_id")
            }
        found = (site, paths)
        cache.set(key, found, TIMEOUT)
    return found


def route(request, path: str) -> RouteResult | None:
    """The live page at `path` (relative to the site root), in one query.

    The active language's tree first; a path it lacks is looked up in the
    Finnish tree, so a page not yet translated is shown in Finnish under the
    Swedish or English interface (courses.languages).
    """
    languages = dict.fromkeys((translation.get_language(), DEFAULT_CONTENT_LANGUAGE))
    for language in languages:
        site, paths = _site_and_paths(request, language)
        if site is None:
            return None
        target = paths.get(f"{site.root_url_path}{path}")
        if target is not None:
            request._wagtail_site = site
            page = _live_page(*target)
            return RouteResult(page) if page is not None else None
    return None


def _live_page(page_id: int, content_type_id: int) -> Page | None:
    """The live page itself, also from the cache: its live fields change only on
    publish, unpublish or a save of the live page, which renew the content
    version. Draft saves leave the live page as it is."""
    key = f"live-page:{content_version()}:{page_id}"
    page = cache.get(key)
    if page is None:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.live().filter(pk=page_id).first()
        if page is None:
            return None
        cache.set(key, page, TIMEOUT)
    return page


class CachedRoutingMiddleware:
    """Pre-resolves Wagtail's page route for its `serve` view; see the module."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and view_args:
            result = route(request, view_args[0])
            if result is not None:
                request._wagtail_route_for_request = result
