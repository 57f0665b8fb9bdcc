"""A logged-in user's pages and e-mails follow their preferred language.

The URL says the language: Finnish has no prefix, Swedish is under /sv/ and
English under /en/. An unprefixed address says nothing for sure (it is also
what links, bookmarks and colleagues share), so a logged-in user whose
preference is not Finnish is sent to the same page in their language, which
also lands them there after logging in. A prefix is an explicit choice and is
served as asked. The language switcher changes the preference
(`accounts.views.switch_language`), so choosing Finnish sticks.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation


def url_language(url: str) -> str:
    """The language an address of this site is in (no prefix: the default)."""
    path = urlsplit(url).path
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def one_of(language: str | None, languages: tuple[str, ...]) -> str:
    """`language` (without a region) if it is among `languages`, else the default.

    For what is written separately per language (a legal text, a certificate)
    and exists only in some of them.
    """
    code = (language or "").split("-")[0]
    return code if code in languages else settings.LANGUAGE_CODE


def moved_permanently(request, path: str) -> HttpResponsePermanentRedirect:
    """A 301 to `path` that keeps the request's query string."""
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


def url_in_language(url: str, language: str) -> str:
    """`url` under `language`'s prefix; unchanged if it is not a translated page."""
    with translation.override(url_language(url)):
        return translate_url(url, language)


class PreferredLanguageMiddleware:
    """Redirects a logged-in user's unprefixed GET to their preferred language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.method in ("GET", "HEAD")
            and user.is_authenticated
            and user.preferred_language != settings.LANGUAGE_CODE
            and translation.get_language_from_path(request.path_info) is None
        ):
            url = request.get_full_path()
            target = url_in_language(url, user.preferred_language)
            if target != url:
                return HttpResponseRedirect(target)
        return self.get_response(request)
