"""Which Finnish pages lack a Swedish translation, or have one that lags behind.

A Swedish page is a translation of a Finnish one when they share Wagtail's
translation key. It lags when the Finnish page was published after it, and a
Swedish lesson whose body is still the Finnish text is not yet translated.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from courses.languages import DEFAULT_CONTENT_LANGUAGE
from courses.models import CoursePage, LessonPage, ModulePage


class State(StrEnum):
    MISSING = "missing"
    BODY_IN_FINNISH = "body_in_finnish"
    BEHIND = "behind"
    CURRENT = "current"


LABELS = {
    State.MISSING: _("No Swedish page"),
    State.BODY_IN_FINNISH: _("Text not yet translated"),
    State.BEHIND: _("Finnish changed since"),
    State.CURRENT: _("Up to date"),
}


@dataclass(frozen=True)
class TranslationStatus:
    page: Page
    translation: Page | None
    state: State

    @property
    def label(self):
        return LABELS[self.state]


def _state(page: Page, translation: Page | None, finnish_bodies: set[int]) -> State:
    if translation is None:
        return State.MISSING
    if (page.last_published_at or page.first_published_at) and (
        translation.last_published_at is None
        or page.last_published_at > translation.last_published_at
    ):
        return State.BEHIND
    if translation.pk in finnish_bodies:
        return State.BODY_IN_FINNISH
    return State.CURRENT


def translation_statuses(language: str = "sv") -> list[TranslationStatus]:
    """Every Finnish course, module and lesson page, in tree order, with the
    state of its translation into `language`. Four queries."""
    models = (CoursePage, ModulePage, LessonPage)
    pages = list(
        Page.objects.type(*models)
        .filter(locale__language_code=DEFAULT_CONTENT_LANGUAGE)
        .order_by("path")
    )
    locale = Locale.objects.filter(language_code=language).first()
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale=locale, translation_key__in=[p.translation_key for p in pages]
        )
    }
    finnish_bodies = set(
        LessonPage.objects.filter(
            pk__in=[t.pk for t in translations.values()],
            body_language=DEFAULT_CONTENT_LANGUAGE,
        ).values_list("pk", flat=True)
    )
    return [
        TranslationStatus(
            page,
            translations.get(page.translation_key),
            _state(page, translations.get(page.translation_key), finnish_bodies),
        )
        for page in pages
    ]
