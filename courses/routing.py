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

Swedish pages have Swedish slugs, so a path can be a page of another
language's tree: an old Finnish address under /sv/, or a Swedish one after
the language switcher swapped the prefix. Such a request is sent on (301) to
the page's translation in the active language's tree, found in the same
cached map by translation key.
"""

from itertools import chain
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from accounts.language import moved_permanently
from courses.languages import CONTENT_LANGUAGES, DEFAULT_CONTENT_LANGUAGE
from courses.page_cache import content_version

TIMEOUT = 24 * 60 * 60


class Tree(NamedTuple):
    """A language's tree of live pages, as the router needs it."""

    site: Site | None
    root: str  # the url_path of the site root's translation
    paths: dict  # {url_path: (page id, content type id, translation key)}
    keys: dict  # {translation key: url_path}


def _tree(request, language: str) -> Tree:
    """The request's site and its pages in `language`'s tree (the site root's
    translation, as Wagtail's own routing finds it)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"page-routes:{content_version()}:{hostname}:{request.get_port()}:{language}"
    found = cache.get(key)
    if found is None:
        site = Site.find_for_request(request)
        root, paths = "", {}
        if site is not None:
            with translation.override(language):
                root_page = Page.objects.get(pk=site.root_page_id).localized
            root = root_page.url_path
            paths = {
                url_path: tuple(target)
                for url_path, *target in Page.objects.live()
                .descendant_of(root_page, inclusive=True)
                .values_list("url_path", "pk", "content_type_id", "translation_key")
            }
        keys = {target[2]: url_path for url_path, target in paths.items()}
        found = Tree(site, root, paths, keys)
        cache.set(key, found, TIMEOUT)
    return found


def route(request, path: str) -> RouteResult | str | None:
    """The live page at `path` (relative to the site root), in one query, or
    the address of its translation to send the reader to instead.

    The active language's tree first. A path it lacks is looked up in the
    Finnish tree and then the others: a page found there whose translation is
    live in the active tree is redirected to; one without is shown as it is,
    so a page not yet translated is shown in Finnish under the Swedish or
    English interface (courses.languages).
    """
    first, *others = dict.fromkeys(
        (translation.get_language(), DEFAULT_CONTENT_LANGUAGE, *dict(CONTENT_LANGUAGES))
    )
    active = _tree(request, first)
    if active.site is None:
        return None
    # Built only when needed: a path in the active tree costs no other tree.
    for tree in chain([active], (_tree(request, language) for language in others)):
        target = tree.paths.get(f"{tree.root}{path}")
        if target is None:
            continue
        translated = active.keys.get(target[2]) if tree.root != active.root else None
        if translated is not None and request.method in ("GET", "HEAD"):
            return reverse("wagtail_serve", args=[translated[len(active.root) :]])
        request._wagtail_site = tree.site
        page = _live_page(*target[:2])
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
            if isinstance(result, str):
                return moved_permanently(request, result)
            if result is not None:
                request._wagtail_route_for_request = result
