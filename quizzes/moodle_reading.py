"""Reading a Moodle XML <question>'s fields, shared by `quizzes.moodle_xml` and the
question types that read their own answers (`quizzes.question_types`).

A malformed value raises `quizzes.interchange.EntryError`, so the question is
skipped and reported while the rest import.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from courses.sanitize import clean_html
from quizzes.interchange import (
    ChoiceData,
    EntryError,
    entry_fit,
    entry_number,
    html_to_text,
    text_to_html,
)
from quizzes.numbers import FRACTION


def child_text(element, path: str) -> str:
    """The text of the child at `path`; empty when there is none."""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def rich(element, path: str) -> str:
    """A <…><text> field as safe HTML, whatever its format attribute."""
    holder = element.find(path)
    if holder is None:
        return ""
    raw = child_text(holder, "text").strip()
    if not raw:
        return ""
    if holder.get("format", "html") == "html":
        return clean_html(raw)
    return text_to_html(raw)


def plain(element, path: str = "") -> str:
    """A <…><text> field (`element` itself without `path`) as plain text."""
    holder = element.find(path) if path else element
    if holder is None:
        return ""
    raw = child_text(holder, "text")
    if holder.get("format", "html") == "html":
        return html_to_text(raw)
    return raw.strip()


def number(value: str | None, default: str = "0") -> Decimal:
    """The number in an element or attribute (`default` when empty or missing)."""
    return entry_number((value or "").strip() or default)


def fraction(answer) -> Decimal:
    """An <answer>'s percentage attribute as a fraction of the points."""
    value = number(answer.get("fraction"), "0") / 100
    if not Decimal(-1) <= value <= Decimal(1):
        raise EntryError(_("a fraction must be between -100 and 100"))
    return entry_fit(value, FRACTION)


def answer_option(answer) -> ChoiceData:
    """An <answer> as an option: its plain text, fraction and feedback."""
    return ChoiceData(plain(answer), fraction(answer), rich(answer, "feedback"))
