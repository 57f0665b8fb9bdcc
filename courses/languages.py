"""Which languages content is written in, and what English visitors see.

Pages exist in Finnish and Swedish (Wagtail's content languages); English is
an interface language only. Wagtail addresses a Finnish page without a
prefix whatever the interface language, which would drop an English visitor
back into Finnish at every link, so a Finnish page's address keeps the
English prefix while English is active.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

CONTENT_LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
DEFAULT_CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def is_content_language(code: str | None) -> bool:
    return code in dict(CONTENT_LANGUAGES)


def interface_language_url_parts(parts):
    """Wagtail's (site id, root URL, path) for `page`, under /en/ while English
    (an interface-only language) is active and the page is in the default
    language."""
    active = translation.get_language()
    site_id, root_url, path = parts
    if path is None or is_content_language(active):
        return parts
    if translation.get_language_from_path(path) is not None:
        return parts  # a Swedish page keeps its /sv/ address
    with translation.override(DEFAULT_CONTENT_LANGUAGE):
        return site_id, root_url, translate_url(path, active)


class InterfaceLanguageUrls:
    """Page mixin: addresses follow an interface-only language (see module)."""

    def get_url_parts(self, request=None):
        return interface_language_url_parts(super().get_url_parts(request))
