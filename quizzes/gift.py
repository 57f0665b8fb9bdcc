"""Moodle's GIFT text format: our own small parser and writer.

Supported: single and multiple choice (with %weights%), true/false, short
answer, numerical (value:tolerance and min..max), matching, essay ({}) and
description (no braces); per-answer feedback (#) and general feedback (####);
::titles::, [html]/[moodle]/[plain]/[markdown] markers, // comments, escapes.
GIFT has no ordering syntax; Silta reads and writes "{>" followed by the items
as "=" answers in their right order (Moodle imports such an ordering only as
Moodle XML). An entry that cannot be read is reported by line and title and
the rest import.
"""

import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from quizzes.gift_reading import Formatter
from quizzes.gift_syntax import escape, find, unescape
from quizzes.interchange import (
    EntryError,
    ParseResult,
    Problem,
    QuestionData,
    check_count,
    check_no_nul,
    check_size,
    name_from_text,
    unique_names,
)
from quizzes.question_types import gift_type, question_type

_CLOZE = re.compile(r"\{\d+:[A-Z_]+:")
_ESCAPED = re.compile(r"\\.", re.S)


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


def _parse_entry(entry: str) -> QuestionData:
    """One GIFT entry as question data; raises EntryError when malformed."""
    text = entry.strip()
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise EntryError(_("the title has no closing ::"))
        name, text = unescape(text[2:end]).strip(), text[end + 2 :].lstrip()
    fmt = Formatter(is_html=False)
    marker = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if marker:
        fmt = Formatter(is_html=marker.group(1) == "html")
        text = text[marker.end() :]
    if _CLOZE.search(text):
        raise EntryError(_("embedded answers (cloze) questions are not supported"))
    open_at = find(text, "{")
    if open_at < 0:
        if find(text, "}") >= 0:
            raise EntryError(_("a closing brace } has no opening brace {"))
        body_text = fmt.rich(text)
        return QuestionData(
            name=name or name_from_text(body_text),
            type=gift_type(None).name,
            text=body_text,
        )
    close_at = find(text, "}", open_at + 1)
    if close_at < 0:
        raise EntryError(_("the answer block has no closing brace }"))
    if find(text, "{", close_at + 1) >= 0:
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
    cut = find(body, "####")
    # The separator is the last unescaped "####": "TRUE#wrong#####general".
    while cut >= 0 and find(body, "####", cut + 1) >= 0:
        cut = find(body, "####", cut + 1)
    if cut >= 0:
        body, general = body[:cut], body[cut + 4 :]
    data = QuestionData(
        name=name,
        type="",
        text=fmt.rich(question_text),
        general_feedback=fmt.rich(general),
    )
    _read_answers(data, body.strip(), fmt)
    if not data.text:
        raise EntryError(_("the question has no text"))
    data.name = data.name or name_from_text(data.text)
    return data


def _read_answers(data: QuestionData, body: str, fmt: Formatter) -> None:
    """Set the type and options that the answer block's syntax says."""
    kind = gift_type(body)
    if kind is None:
        raise EntryError(
            _("answers must start with = or ~ (found “%(text)s”)") % {"text": body[:20]}
        )
    data.type = kind.name
    data.choices = kind.gift_choices(body, fmt)


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
    """GIFT text of `questions`, and the ones it cannot express."""
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
