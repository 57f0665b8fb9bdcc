"""Which languages content is written in, and how pages are addressed.

Pages exist in Finnish and Swedish (Wagtail's content languages); English is
an interface language only. Wagtail addresses a Finnish page without a
prefix whatever the interface language, which would drop a Swedish or
English reader back into the Finnish interface at every link. So a Finnish
page's address carries the interface language's prefix: under /sv/ the
router redirects it to the Swedish translation (which has Swedish slugs), or
serves the Finnish page itself (its text marked as Finnish) while no
translation exists (courses.routing).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

CONTENT_LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
DEFAULT_CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def interface_language_url_parts(parts):
    """Wagtail's (site id, root URL, path) of a page, with a Finnish page's
    path under the active interface language's prefix."""
    active = translation.get_language()
    site_id, root_url, path = parts
    if path is None or active in (None, DEFAULT_CONTENT_LANGUAGE):
        return parts
    if translation.get_language_from_path(path) is not None:
        return parts  # a Swedish page keeps its /sv/ address
    with translation.override(DEFAULT_CONTENT_LANGUAGE):
        return site_id, root_url, translate_url(path, active)


class InterfaceLanguageUrls:
    """Page mixin: addresses follow the interface language (see module)."""

    def get_url_parts(self, request=None):
        return interface_language_url_parts(super().get_url_parts(request))
