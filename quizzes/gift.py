"""Moodle's GIFT text format: our own small parser and writer.

Supported: single and multiple choice (with %weights%), true/false, short
answer, numerical (value:tolerance and min..max), matching, essay ({}) and
description (no braces); per-answer feedback (#) and general feedback (####);
::titles::, [html]/[moodle]/[plain]/[markdown] markers, // comments, escapes.
Ordering has no GIFT form and is exported only through Moodle XML. An entry
that cannot be read is reported by line and title and the rest import.
"""

import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from courses.sanitize import clean_html
from quizzes.gift_syntax import escape, unescape
from quizzes.interchange import (
    MAX_MATCH_TEXT,
    ChoiceData,
    ParseResult,
    Problem,
    QuestionData,
    check_count,
    check_no_nul,
    check_size,
    html_to_text,
    name_from_text,
    text_to_html,
    unique_names,
)
from quizzes.numbers import (
    FRACTION,
    TOLERANCE,
    VALUE,
    Bounds,
    NumberError,
    fit,
    parse_decimal,
)
from quizzes.question_types import question_type
from quizzes.question_types.matching import MIN_PAIRS
from quizzes.question_types.multiple import has_positive

_CLOZE = re.compile(r"\{\d+:[A-Z_]+:")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}


class EntryError(Exception):
    """One GIFT entry is malformed; it is skipped and reported."""


_ESCAPED = re.compile(r"\\.", re.S)


@functools.cache
def _unescaped(targets: str, *, any_char: bool = False) -> re.Pattern:
    """A pattern matching an escape or a target: the whole `targets`, or any of its
    characters with `any_char`. Scanning by pattern keeps every search linear."""
    wanted = f"[{re.escape(targets)}]" if any_char else re.escape(targets)
    return re.compile(r"\\.|" + wanted, re.S)


def _find(text: str, char: str, start: int = 0) -> int:
    """Index of the first unescaped `char` at or after `start`, or -1."""
    for match in _unescaped(char).finditer(text, start):
        if match.group()[0] != "\\":
            return match.start()
    return -1


def _split_unescaped(text: str, starters: str) -> list[str]:
    """Split at every unescaped starter character, keeping it at each part's head."""
    parts, last = [], 0
    for match in _unescaped(starters, any_char=True).finditer(text):
        if match.group()[0] != "\\":
            parts.append(text[last : match.start()])
            last = match.start()
    parts.append(text[last:])
    return [p for p in parts if p.strip()]


def split_lines(source: str) -> list[str]:
    """The lines of `source`, whatever its line endings."""
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_entries(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (line number, entry text), splitting at blank lines between entries.

    One pass over `lines`, each line looked at once: blank lines inside an
    unclosed brace are held back until the next non-blank line shows whether a
    new titled entry starts there (an unclosed brace must not swallow it) or the
    entry goes on.
    """
    block: list[str] = []
    held: list[str] = []  # blank lines inside an unclosed answer block
    start = 0
    depth = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if held and stripped:
            if stripped.startswith(("::", "$CATEGORY:")):
                yield start, "\n".join(block)
                block, depth = [], 0
            else:
                block += held
            held = []
        if stripped.startswith("//"):
            continue
        if not stripped:
            if depth > 0:
                held.append(line)
            elif block:
                yield start, "\n".join(block)
                block, depth = [], 0
            continue
        if not block:
            start = number
        block.append(line)
        unescaped = _ESCAPED.sub("", line)
        depth += unescaped.count("{") - unescaped.count("}")
    if block:
        yield start, "\n".join(block + held)


def _weight(item: str) -> tuple[Decimal | None, str]:
    match = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", item)
    if not match:
        return None, item
    return _number(match.group(1)) / 100, item[match.end() :]


def _number(text: str, bounds: Bounds | None = None) -> Decimal:
    """`quizzes.numbers.parse_decimal`, its message as the entry's problem."""
    try:
        return parse_decimal(text, bounds=bounds)
    except NumberError as error:
        raise EntryError(str(error)) from error


def _fit(value: Decimal, bounds: Bounds) -> Decimal:
    try:
        return fit(value, bounds)
    except NumberError as error:
        raise EntryError(str(error)) from error


def _answer_parts(item: str) -> tuple[str, str]:
    """Split an answer into its text and its # feedback."""
    cut = _find(item, "#")
    if cut < 0:
        return item.strip(), ""
    return item[:cut].strip(), item[cut + 1 :].strip()


class _Formatter:
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


def _fraction(value: Decimal) -> Decimal:
    if not Decimal(-1) <= value <= Decimal(1):
        raise EntryError(_("a weight must be between -100% and 100%"))
    return _fit(value, FRACTION)


def _parse_numerical(body: str, fmt: _Formatter) -> list[ChoiceData]:
    items = _split_unescaped(body, "=") if "=" in body else [body]
    choices = []
    for item in items:
        item = item[1:] if item.startswith("=") else item
        weight, item = _weight(item)
        value, feedback = _answer_parts(item)
        value = unescape(value).strip()
        if ".." in value:
            low, high = (_number(v) for v in value.split("..", 1))
            number, tolerance = (low + high) / 2, (high - low) / 2
        elif ":" in value:
            number_text, tolerance_text = value.split(":", 1)
            number, tolerance = _number(number_text), _number(tolerance_text)
        else:
            number, tolerance = _number(value), Decimal(0)
        number = _fit(number, VALUE).normalize()
        choices.append(
            ChoiceData(
                text=f"{number:f}" if number else "0",
                fraction=_fraction(Decimal(1) if weight is None else weight),
                feedback=fmt.rich(feedback),
                tolerance=_fit(abs(tolerance), TOLERANCE),
            )
        )
    return choices


def _parse_entry(entry: str) -> QuestionData:
    """One GIFT entry as question data; raises EntryError when malformed."""
    text = entry.strip()
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise EntryError(_("the title has no closing ::"))
        name, text = unescape(text[2:end]).strip(), text[end + 2 :].lstrip()
    fmt = _Formatter(is_html=False)
    marker = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if marker:
        fmt = _Formatter(is_html=marker.group(1) == "html")
        text = text[marker.end() :]
    if _CLOZE.search(text):
        raise EntryError(_("embedded answers (cloze) questions are not supported"))
    open_at = _find(text, "{")
    if open_at < 0:
        if _find(text, "}") >= 0:
            raise EntryError(_("a closing brace } has no opening brace {"))
        body_text = fmt.rich(text)
        return QuestionData(
            name=name or name_from_text(body_text), type="description", text=body_text
        )
    close_at = _find(text, "}", open_at + 1)
    if close_at < 0:
        raise EntryError(_("the answer block has no closing brace }"))
    if _find(text, "{", close_at + 1) >= 0:
        raise EntryError(_("an entry may have only one answer block"))
    before, body, after = (
        text[:open_at],
        text[open_at + 1 : close_at],
        text[close_at + 1 :],
    )
    question_text = before.strip() + (
        " _____ " + after.strip() if after.strip() else ""
    )
    general = ""
    cut = _find(body, "####")
    # The separator is the last unescaped "####": "TRUE#wrong#####general".
    while cut >= 0 and _find(body, "####", cut + 1) >= 0:
        cut = _find(body, "####", cut + 1)
    if cut >= 0:
        body, general = body[:cut], body[cut + 4 :]
    data = QuestionData(
        name=name,
        type="",
        text=fmt.rich(question_text),
        general_feedback=fmt.rich(general),
    )
    body = body.strip()
    data.choices = _parse_answers(body, fmt, data)
    if not data.text:
        raise EntryError(_("the question has no text"))
    data.name = data.name or name_from_text(data.text)
    return data


def _parse_answers(body: str, fmt: _Formatter, data: QuestionData) -> list[ChoiceData]:
    if not body:
        data.type = "essay"
        return []
    if body.startswith("#"):
        data.type = "numerical"
        return _parse_numerical(body[1:], fmt)
    head, *feedbacks = [part.strip() for part in re.split(r"(?<!\\)#", body)]
    if head.upper() in _TRUE | _FALSE:
        if len(feedbacks) > 2:
            raise EntryError(_("a true/false answer has at most two feedbacks"))
        truth = head.upper() in _TRUE
        wrong, right = (feedbacks + ["", ""])[:2]
        data.type = "true_false"
        return [
            ChoiceData("true", Decimal(truth), fmt.rich(right if truth else wrong)),
            ChoiceData(
                "false", Decimal(not truth), fmt.rich(wrong if truth else right)
            ),
        ]
    if body[0] not in "=~":
        raise EntryError(
            _("answers must start with = or ~ (found “%(text)s”)") % {"text": body[:20]}
        )
    items = _split_unescaped(body, "=~")
    rights = [i for i in items if i.startswith("=")]
    wrongs = [i for i in items if i.startswith("~")]
    if rights and not wrongs and all(_find(i, "->") >= 0 for i in rights):
        data.type = "matching"
        choices = []
        for item in rights:
            arrow = _find(item, "->")
            prompt, answer = item[1:arrow], item[arrow + 2 :]
            choices.append(
                ChoiceData(
                    text=fmt.plain(prompt),
                    fraction=Decimal(0),
                    match_text=fmt.plain(_answer_parts(answer)[0]),
                )
            )
        if any(len(c.match_text) > MAX_MATCH_TEXT for c in choices):
            raise EntryError(
                _("a matching answer is longer than %(limit)s characters")
                % {"limit": MAX_MATCH_TEXT}
            )
        # Every pair written counts here, a blank item too (as before); Moodle XML
        # and the admin count only items with text (`matching_prompts`).
        if len(choices) < MIN_PAIRS:
            raise EntryError(_("a matching question needs at least two pairs"))
        return choices
    if any(_find(i, "->") >= 0 for i in items):
        raise EntryError(_("matching pairs must all start with ="))
    choices = []
    for item in items:
        weight, rest = _weight(item[1:])
        text, feedback = _answer_parts(rest)
        default = Decimal(1) if item.startswith("=") else Decimal(0)
        choices.append(
            ChoiceData(
                text=fmt.plain(text),
                fraction=_fraction(default if weight is None else weight),
                feedback=fmt.rich(feedback),
            )
        )
    if any(not c.text for c in choices):
        raise EntryError(_("an answer is empty"))
    if rights and not wrongs:
        data.type = "short_answer"
    elif rights:
        data.type = "single"
    else:
        data.type = "multiple"
        if not has_positive(choices):
            raise EntryError(_("no answer has a positive weight"))
    return choices


def parse_gift(source: str) -> ParseResult:
    """Read every entry of a GIFT file; malformed entries become problems."""
    check_size(source)
    check_no_nul(source)
    result = ParseResult()
    for line, entry in split_entries(split_lines(source.lstrip("\ufeff"))):
        if entry.strip().startswith("$CATEGORY:"):
            continue
        title = re.match(r"\s*::(.*?)::", entry, re.S)
        name = unescape(title.group(1)).strip() if title else ""
        try:
            question = _parse_entry(entry)
        except EntryError as error:
            position = _("line %(line)s") % {"line": line}
            result.problems.append(Problem(position, name, str(error)))
            continue
        question.position = _("line %(line)s") % {"line": line}
        result.questions.append(question)
        check_count(len(result.questions))
    unique_names(result.questions)
    return result


def _write_one(question: QuestionData) -> str | None:
    """The entry for `question`, or None when GIFT has no form for its type."""
    head = f"::{escape(question.name)}::[html]{escape(question.text)}"
    kind = question_type(question.type)
    if not kind.gift_answer_block:
        return head
    body = kind.gift_answers(question)
    if body is None:
        return None
    if question.general_feedback:
        body += "####" + escape(question.general_feedback)
    return f"{head}{{{body}}}"


def write_gift(
    questions: list[QuestionData], *, category: str = ""
) -> tuple[str, list[Problem]]:
    """GIFT text of `questions`, and the ones GIFT cannot express (ordering)."""
    blocks = [f"$CATEGORY: {category}"] if category else []
    problems = []
    for index, question in enumerate(questions, start=1):
        text = _write_one(question)
        if text is None:
            problems.append(
                Problem(
                    _("question %(number)s") % {"number": index},
                    question.name,
                    _("GIFT has no form for this type; export it as Moodle XML."),
                )
            )
            continue
        blocks.append(text)
    return "\n\n".join(blocks) + "\n", problems
