"""What GIFT and Moodle XML import and export share: plain data and one writer.

Parsers turn a file into `QuestionData` plus a list of problems (an entry that
could not be read, an unsupported type), and raise `FatalImportError` when the
file as a whole cannot be trusted. `sync_questions` writes everything in one
transaction, so a file either imports (minus the reported entries) or changes
nothing. All imported HTML goes through the shared allowlist.
"""

import html
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from courses.sanitize import clean_html
from quizzes.models import Choice, Question, QuestionCategory

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 2000
MAX_NAME = 255  # Question.name
MAX_MATCH_TEXT = 500  # Choice.match_text
MAX_CATEGORY_NAME = 200  # QuestionCategory.name
NUL = "\x00"


class FatalImportError(Exception):
    """The whole file is refused; nothing is imported. The message is for people."""


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
            _("The file has more than %(limit)s questions; split it into parts.")
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
            _("The category name is too long; the limit is %(limit)s characters.")
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


def question_data(question: Question) -> QuestionData:
    """A bank question (with its choices) as format-independent data."""
    return QuestionData(
        name=question.name,
        type=question.type,
        text=question.text,
        general_feedback=question.general_feedback,
        points=Decimal(question.points),
        choices=[
            ChoiceData(
                text=choice.text,
                fraction=Decimal(choice.fraction),
                feedback=choice.feedback,
                match_text=choice.match_text,
                tolerance=Decimal(choice.tolerance),
            )
            for choice in question.choices.all()
        ],
    )


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


@dataclass
class SyncReport:
    """Names of the questions an import created, updated or left unchanged."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@transaction.atomic
def sync_questions(
    questions: list[QuestionData], *, category: QuestionCategory
) -> SyncReport:
    """Create or update `questions` in `category`, matched by name; all or nothing.

    A question whose content is unchanged is not written at all, which makes
    importing the same file twice a no-op. Past attempts are unaffected by
    updates because responses keep their own snapshot.
    """
    check_storable(questions)
    report = SyncReport()
    existing = {
        q.name: q
        for q in Question.objects.filter(category=category).prefetch_related("choices")
    }
    for data in questions:
        question = existing.get(data.name)
        if question is not None and same_question(question_data(question), data):
            report.unchanged.append(data.name)
            report.questions.append(question)
            continue
        if question is None:
            question = Question(name=data.name, category=category)
            report.created.append(data.name)
        else:
            report.updated.append(data.name)
        question.type = data.type
        question.text = data.text
        question.general_feedback = data.general_feedback
        question.points = data.points
        question.save()
        Choice.objects.filter(question=question).delete()
        Choice.objects.bulk_create(
            Choice(
                question=question,
                sort_order=index,
                text=c.text,
                fraction=c.fraction,
                feedback=c.feedback,
                match_text=c.match_text,
                tolerance=c.tolerance,
            )
            for index, c in enumerate(data.choices)
        )
        report.questions.append(question)
    return report


def import_into_category(
    result: ParseResult, *, category_name: str, source: str = ""
) -> SyncReport:
    """Write parsed questions into the named category (created when missing).

    A file that brings no questions changes nothing: no empty category is made.
    """
    category_name = check_category_name(category_name)
    check_storable(result.questions)
    if not result.questions:
        return SyncReport()
    with transaction.atomic():
        if source:
            category, _created = QuestionCategory.objects.get_or_create(
                source=source, defaults={"name": category_name}
            )
        else:
            category, _created = QuestionCategory.objects.get_or_create(
                name=category_name
            )
        return sync_questions(result.questions, category=category)
