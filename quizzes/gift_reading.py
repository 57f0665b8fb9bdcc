"""Reading GIFT answer blocks, shared by `quizzes.gift` and the question types that
read their own answers from one (`quizzes.question_types`).

A malformed answer raises `quizzes.interchange.EntryError`, so the entry is
skipped and reported while the rest import.
"""

import functools
import re
from decimal import Decimal

from django.utils.translation import gettext as _

from courses.sanitize import clean_html
from quizzes.gift_syntax import find, split_unescaped, unescape
from quizzes.interchange import (
    ChoiceData,
    EntryError,
    entry_fit,
    entry_number,
    html_to_text,
    text_to_html,
)
from quizzes.numbers import FRACTION


class Formatter:
    """Turns entry text into our fields according to the entry's format marker."""

    def __init__(self, is_html: bool):
        self.is_html = is_html

    def rich(self, raw: str) -> str:
        text = unescape(raw).strip()
        if not text:
            return ""
        return clean_html(text) if self.is_html else text_to_html(text)

    def plain(self, raw: str) -> str:
        text = unescape(raw).strip()
        return html_to_text(text) if self.is_html else text


def split_weight(item: str) -> tuple[Decimal | None, str]:
    """An answer's leading %weight% as a fraction (None without one), and the rest."""
    match = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", item)
    if not match:
        return None, item
    return entry_number(match.group(1)) / 100, item[match.end() :]


def weight_fraction(value: Decimal) -> Decimal:
    """A weight as a fraction of the points, refused outside -100%..100%."""
    if not Decimal(-1) <= value <= Decimal(1):
        raise EntryError(_("a weight must be between -100% and 100%"))
    return entry_fit(value, FRACTION)


def answer_parts(item: str) -> tuple[str, str]:
    """Split an answer into its text and its # feedback."""
    cut = find(item, "#")
    if cut < 0:
        return item.strip(), ""
    return item[:cut].strip(), item[cut + 1 :].strip()


@functools.lru_cache(maxsize=1)
def answer_items(body: str) -> tuple[str, ...]:
    """The `=` and `~` answers of a block, each with its sign; () if it starts
    with neither. Every type that may claim the block asks; one split serves all."""
    if not body.startswith(("=", "~")):
        return ()
    return tuple(split_unescaped(body, "=~"))


def answer_signs(body: str) -> set[str]:
    """Which of `=` (right) and `~` (wrong) start the block's answers."""
    return {item[0] for item in answer_items(body)}


def weighted_choices(body: str, fmt: Formatter) -> list[ChoiceData]:
    """`=right` and `~wrong` answers, with optional %weight% and #feedback."""
    items = answer_items(body)
    if any(find(item, "->") >= 0 for item in items):
        raise EntryError(_("matching pairs must all start with ="))
    choices = []
    for item in items:
        weight, rest = split_weight(item[1:])
        text, feedback = answer_parts(rest)
        default = Decimal(1) if item.startswith("=") else Decimal(0)
        choices.append(
            ChoiceData(
                text=fmt.plain(text),
                fraction=weight_fraction(default if weight is None else weight),
                feedback=fmt.rich(feedback),
            )
        )
    if any(not c.text for c in choices):
        raise EntryError(_("an answer is empty"))
    return choices
