"""What GIFT and Moodle XML import and export share: plain data and its checks.

Parsers turn a file into `QuestionData` plus a list of problems (an entry that
could not be read, an unsupported type), and raise `FatalImportError` when the
file as a whole cannot be trusted; `quizzes.bank_sync` writes the data into the
bank. All imported HTML goes through the shared allowlist. Nothing here touches
the models, so the question types read their own answers into `ChoiceData`.
"""

import html
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.sanitize import clean_html
from quizzes.numbers import Bounds, NumberError, fit, parse_decimal

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 2000
MAX_NAME = 255  # Question.name
MAX_MATCH_TEXT = 500  # Choice.match_text
MAX_CATEGORY_NAME = 200  # QuestionCategory.name
NUL = "\x00"


class FatalImportError(Exception):
    """The whole file is refused; nothing is imported. The message is for people."""


class EntryError(Exception):
    """One entry of a file is malformed; it is skipped and reported, the rest import."""


def entry_number(text: str) -> Decimal:
    """`quizzes.numbers.parse_decimal`, its message as the entry's problem."""
    try:
        return parse_decimal(text)
    except NumberError as error:
        raise EntryError(str(error)) from error


def entry_fit(value: Decimal, bounds: Bounds) -> Decimal:
    """`quizzes.numbers.fit`, its message as the entry's problem."""
    try:
        return fit(value, bounds)
    except NumberError as error:
        raise EntryError(str(error)) from error


@dataclass
class ChoiceData:
    """One option or accepted answer, as in `quizzes.models.Choice`."""

    text: str
    fraction: Decimal = Decimal(0)
    feedback: str = ""
    match_text: str = ""
    tolerance: Decimal = Decimal(0)


@dataclass
class QuestionData:
    """One question independent of file format, as in `quizzes.models.Question`."""

    name: str
    type: str
    text: str
    general_feedback: str = ""
    points: Decimal = Decimal(1)
    choices: list[ChoiceData] = field(default_factory=list)
    position: str = ""


@dataclass
class Problem:
    """An entry that was skipped, named by its position and name in the file."""

    position: str
    name: str
    message: str

    def __str__(self):
        name = f" “{self.name}”" if self.name else ""
        return f"{self.position}{name}: {self.message}"


@dataclass
class ParseResult:
    """The questions read from a file and the entries that were skipped."""

    questions: list[QuestionData] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_size(data: bytes | str) -> None:
    """Refuse files above the size cap before parsing anything."""
    size = len(data.encode() if isinstance(data, str) else data)
    if size > MAX_FILE_BYTES:
        raise FatalImportError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {
                "size": round(size / 1024 / 1024, 1),
                "limit": MAX_FILE_BYTES // 1024 // 1024,
            }
        )


def check_count(count: int) -> None:
    """Refuse files with more questions than one import may bring."""
    if count > MAX_QUESTIONS:
        raise FatalImportError(
            ngettext(
                "The file has more than %(limit)s question; split it into parts.",
                "The file has more than %(limit)s questions; split it into parts.",
                MAX_QUESTIONS,
            )
            % {"limit": MAX_QUESTIONS}
        )


def check_no_nul(text: str) -> None:
    """Refuse text with a NUL character, which PostgreSQL cannot store in text."""
    at = text.find(NUL)
    if at >= 0:
        raise FatalImportError(
            _(
                "The file contains a NUL character (on line %(line)s), so it is not "
                "a text file that can be imported."
            )
            % {"line": text.count("\n", 0, at) + 1}
        )


def _texts(data: QuestionData):
    yield from (data.name, data.type, data.text, data.general_feedback)
    for choice in data.choices:
        yield from (choice.text, choice.feedback, choice.match_text)


def check_storable(questions: list[QuestionData]) -> None:
    """Refuse what the database would reject or fail on, whatever the parser.

    The parsers report such entries one by one; this is the last guard before
    writing: a NUL character, or a name or matching answer longer than its
    column.
    """
    for data in questions:
        if any(NUL in text for text in _texts(data)):
            raise FatalImportError(
                _("The question “%(name)s” contains a NUL character.")
                % {"name": data.name.replace(NUL, "")[:MAX_NAME]}
            )
        too_long = len(data.name) > MAX_NAME or any(
            len(c.match_text) > MAX_MATCH_TEXT for c in data.choices
        )
        if too_long:
            raise FatalImportError(
                _("The question “%(name)s” has a name or a matching answer too long.")
                % {"name": data.name[:60]}
            )


def check_category_name(name: str) -> str:
    """The category name stripped; FatalImportError when it cannot be stored."""
    name = (name or "").strip()
    if not name or NUL in name:
        raise FatalImportError(_("Give the category a name."))
    if len(name) > MAX_CATEGORY_NAME:
        raise FatalImportError(
            ngettext(
                "The category name is too long; the limit is %(limit)s character.",
                "The category name is too long; the limit is %(limit)s characters.",
                MAX_CATEGORY_NAME,
            )
            % {"limit": MAX_CATEGORY_NAME}
        )
    return name


def html_to_text(value: str) -> str:
    """Plain text of imported HTML (for option texts, which are plain)."""
    return html.unescape(strip_tags(clean_html(value))).strip()


def text_to_html(value: str) -> str:
    """Plain imported text as safe HTML paragraphs for rich-text fields."""
    paragraphs = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p
    )


def unique_names(questions: list[QuestionData]) -> None:
    """Make names unique within one file, since a name identifies a bank question."""
    seen: dict[str, int] = {}
    for question in questions:
        base = (question.name or "").strip()[:MAX_NAME] or _("Question")
        count = seen.get(base, 0) + 1
        seen[base] = count
        question.name = base if count == 1 else f"{base[: MAX_NAME - 6]} ({count})"


def name_from_text(text: str) -> str:
    """A bank name for a question that has none: the start of its text."""
    words = html_to_text(text).split()
    name = " ".join(words)
    return name if len(name) <= 60 else name[:57].rstrip() + "…"


def _comparable(data: QuestionData) -> tuple:
    return (
        data.name,
        data.type,
        data.text,
        data.general_feedback,
        Decimal(data.points).normalize(),
        [
            (
                c.text,
                Decimal(c.fraction).normalize(),
                c.feedback,
                c.match_text,
                Decimal(c.tolerance).normalize(),
            )
            for c in data.choices
        ],
    )


def same_question(a: QuestionData, b: QuestionData) -> bool:
    """Whether two questions carry the same content (position aside)."""
    return _comparable(a) == _comparable(b)
