"""The legal references index: which lessons and questions cite which section.

When a law changes, facilitators need every place the curriculum relies on
the changed section. Lessons cite through their legal reference blocks;
other apps (quizzes) add their own citing items through
`register_citation_source` from `AppConfig.ready()`, so this app never
imports them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from courses.models import LessonPage
from courses.statutes import Citation, cite, statute_named


@dataclass(frozen=True)
class CitingItem:
    """A lesson or question that cites a section, with its admin edit link."""

    kind: str
    title: str
    edit_url: str
    checked: date | None = None


@dataclass
class IndexEntry:
    citation: Citation
    items: list[CitingItem] = field(default_factory=list)


CitationSource = Callable[[object], Iterable[tuple[Citation, CitingItem]]]
_SOURCES: list[CitationSource] = []


def register_citation_source(source: CitationSource) -> None:
    """Add a function of the requesting user that yields (citation, item) pairs."""
    _SOURCES.append(source)


def lesson_citations(user) -> Iterable[tuple[Citation, CitingItem]]:
    finder = AdminURLFinder(user)
    lessons = LessonPage.objects.live().select_related("locale").order_by("path")
    for lesson in lessons:
        item = CitingItem(
            f"{_('Lesson')} ({lesson.locale.language_code})",
            lesson.title,
            finder.get_edit_url(lesson) or "",
            lesson.content_checked,
        )
        for block in lesson.body:
            if block.block_type != "legal_reference":
                continue
            statute = statute_named(block.value["statute"])
            citation = statute and cite(statute, block.value["section"])
            if citation:
                yield citation, item


register_citation_source(lesson_citations)


def legal_index(user) -> list[IndexEntry]:
    """Every cited section, in statute and section order, with what cites it."""
    entries: dict[str, IndexEntry] = {}
    for source in _SOURCES:
        for citation, item in source(user):
            entry = entries.setdefault(citation.key, IndexEntry(citation))
            if item not in entry.items:
                entry.items.append(item)
    return sorted(entries.values(), key=lambda e: e.citation.sort_key)
