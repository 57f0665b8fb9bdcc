"""A whole-page cache for anonymous readers of the course tree.

Anonymous lesson, module and course pages are the same for every visitor in a
language, so they are served from the shared cache without touching Wagtail or
the database. Only responses that a course page marked as cacheable are stored,
and only for requests that carry no cookie at all (so no session, message or
CSRF token can be involved).

Every key carries the *content version*: the release (so a deploy never serves
HTML rendered by the old code) and a random token that changes when what
anonymous readers see changes: a page is published, unpublished, moved or
deleted, a live page is saved, a view restriction, site, image or document
changes. Draft saves and autosaves leave it alone. The token changes only after
the transaction commits, so a reader cannot store the old content under the new
token, and it is random, so if the cache evicts it no old entry becomes valid
again. The lesson-body fragment cache (lesson_page.html) uses the same version,
from `request.page_cache_version`.
"""

import functools
import hashlib
import secrets
from contextvars import ContextVar
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.roles import admin_prefix

VERSION_KEY = "anonymous-page-cache-version"
# Paths that are never course pages: keep the cache (and Redis) off their way,
# so that a health check reports the database, not the cache. The admin prefix
# comes from the URLconf (accounts.roles.admin_prefix).
NOT_PAGES = ("/health/", "/documents/", "/i18n/")
TIMEOUT = 600
MARK = "anonymous_page_cacheable"
# A page saved with only these fields changed a draft, a lock or comments,
# nothing a reader sees (Page.save_revision, autosave, lock and unlock).
DRAFT_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# What the release hash leaves out: not code, or not served (tests, bench).
NOT_CODE = {".git", ".venv", "var", "media", "tests", "bench", "__pycache__"}


def mark_cacheable(request, response):
    """Called by a course page's serve(): this response may be shared."""
    if not request.user.is_authenticated:
        setattr(response, MARK, True)
    return response


@functools.cache
def release() -> str:
    """The RELEASE setting, or a hash of everything that shapes the HTML.

    The hash covers the project's code, templates, translations and static
    files (the hashed static names appear in the HTML) and the Django and
    Wagtail versions, so two processes of one release agree without
    configuration and a deploy of changed code gets new keys.
    """
    if settings.RELEASE:
        return settings.RELEASE
    hasher = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    root = Path(settings.BASE_DIR)
    for path in sorted(_code_files(root)):
        hasher.update(str(path.relative_to(root)).encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:12]


def _code_files(directory: Path):
    for path in directory.iterdir():
        if path.name.startswith(".") or path.name in NOT_CODE:
            continue
        if path.is_dir():
            yield from _code_files(path)
        elif path.suffix not in (".pyc", ".sqlite3", ".log"):
            yield path


# The version read once per request: the routing, outline, restriction and
# standing caches each key on it, and one read serves them all.
_REQUEST_VERSION: ContextVar[dict | None] = ContextVar("content_version", default=None)


def content_version() -> str:
    """The release and the current content token, for every cache key.

    Within a request (see the middleware) it is read from the cache once;
    outside one, every call reads it afresh.
    """
    memo = _REQUEST_VERSION.get()
    if memo is None:
        return _read_version()
    if "version" not in memo:
        memo["version"] = _read_version()
    return memo["version"]


def _read_version() -> str:
    token = cache.get(VERSION_KEY)
    if token is None:
        # Evicted or never set: a new random token, never a reused value. Of
        # several processes racing here, the first add wins for all.
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        token = cache.get(VERSION_KEY) or secrets.token_hex(8)
    return f"{release()}.{token}"


def _new_token():
    cache.set(VERSION_KEY, secrets.token_hex(8), None)
    if (memo := _REQUEST_VERSION.get()) is not None:
        memo.clear()  # this request goes on with the new version


def invalidate(**kwargs):
    """Forget every cached anonymous page once the current transaction commits."""
    transaction.on_commit(_new_token, robust=True)


def _model_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # A draft is not served; unpublishing sends page_unpublished.
        if not instance.live:
            return
        if update_fields and set(update_fields) <= DRAFT_FIELDS:
            return
    elif not isinstance(instance, _watched_models()):
        return
    invalidate()


def _model_deleted(sender, instance, **kwargs):
    if isinstance(instance, (Page, *_watched_models())):
        invalidate()


def _restriction_groups_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate()


@functools.cache
def _watched_models() -> tuple:
    glossary = apps.get_model("courses", "GlossaryTerm")
    return (
        PageViewRestriction,
        Site,
        get_image_model(),
        get_document_model(),
        glossary,
    )


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    post_save.connect(_model_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(_model_deleted, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="page_cache_restriction_groups",
    )


def _key(request, version: str) -> str:
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"anonymous-page:{version}:{language}:{request.get_host()}:{request.path}"


class AnonymousPageCacheMiddleware:
    """Serves and stores marked anonymous page responses; see the module docstring.

    It also puts the content version on every request as
    `request.page_cache_version` for fragment caches. That is read lazily: a
    fragment resolves it before it reads what it caches (the lesson body's
    blocks, images and documents), and the page itself is in the fragment key
    through Wagtail's `page.cache_key`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = _REQUEST_VERSION.set({})
        try:
            return self._respond(request)
        finally:
            _REQUEST_VERSION.reset(scope)

    def _respond(self, request):
        if (
            request.method != "GET"
            or request.COOKIES
            or request.GET
            or request.path.startswith((*NOT_PAGES, admin_prefix()))
        ):
            request.page_cache_version = SimpleLazyObject(content_version)
            return self.get_response(request)
        # Read before the page is, so that what is stored under a version is
        # never older than that version.
        version = content_version()
        request.page_cache_version = version
        key = _key(request, version)
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
