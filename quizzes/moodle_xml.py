"""Moodle XML question files: a defused parser and a writer.

The parser refuses any DTD (and so every entity trick, XXE and billion laughs)
through defusedxml, caps the file size and question count, ignores embedded
file names and contents altogether, and passes HTML through the shared
allowlist. Unsupported types (calculated, cloze, drag and drop, random…) are
reported by position and name while the rest import.
"""

import xml.etree.ElementTree as ET  # only to write XML; parsing is defused
from decimal import Decimal

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from courses.sanitize import clean_html
from quizzes.interchange import (
    ChoiceData,
    FatalImportError,
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
from quizzes.moodle_syntax import text_element
from quizzes.numbers import (
    FRACTION,
    POINTS,
    TOLERANCE,
    VALUE,
    Bounds,
    NumberError,
    fit,
    parse_decimal,
)
from quizzes.question_types import question_type
from quizzes.question_types.choice import MIN_OPTIONS
from quizzes.question_types.matching import MIN_PAIRS, matching_prompts
from quizzes.question_types.ordering import MIN_ITEMS

SUPPORTED = {
    "multichoice",
    "truefalse",
    "shortanswer",
    "numerical",
    "matching",
    "ordering",
    "essay",
    "description",
}


class _EntryError(Exception):
    pass


def _text(element, path: str) -> str:
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _rich(element, path: str) -> str:
    """A <…><text> field as safe HTML, whatever its format attribute."""
    holder = element.find(path)
    if holder is None:
        return ""
    raw = _text(holder, "text").strip()
    if not raw:
        return ""
    if holder.get("format", "html") == "html":
        return clean_html(raw)
    return text_to_html(raw)


def _plain(element, path: str = "") -> str:
    holder = element.find(path) if path else element
    if holder is None:
        return ""
    raw = _text(holder, "text")
    if holder.get("format", "html") == "html":
        return html_to_text(raw)
    return raw.strip()


def _decimal(value: str | None, default: str = "0") -> Decimal:
    """The number in an element or attribute (`default` when empty or missing)."""
    try:
        return parse_decimal((value or "").strip() or default)
    except NumberError as error:
        raise _EntryError(str(error)) from error


def _fit(value: Decimal, bounds: Bounds) -> Decimal:
    try:
        return fit(value, bounds)
    except NumberError as error:
        raise _EntryError(str(error)) from error


def _fraction(answer) -> Decimal:
    value = _decimal(answer.get("fraction"), "0") / 100
    if not Decimal(-1) <= value <= Decimal(1):
        raise _EntryError(_("a fraction must be between -100 and 100"))
    return _fit(value, FRACTION)


def _answers(element) -> list:
    return element.findall("answer")


def _parse_question(element, kind: str) -> QuestionData:
    data = QuestionData(
        name=_plain(element, "name")[:255],
        type="",
        text=_rich(element, "questiontext"),
        general_feedback=_rich(element, "generalfeedback"),
        points=_decimal(_text(element, "defaultgrade"), "1"),
    )
    if data.points < 0:
        raise _EntryError(_("the points must not be negative"))
    data.points = _fit(data.points, POINTS)
    if kind == "multichoice":
        single = _text(element, "single").strip().lower() in ("true", "1")
        data.type = "single" if single else "multiple"
        data.choices = [
            ChoiceData(_plain(a), _fraction(a), _rich(a, "feedback"))
            for a in _answers(element)
        ]
        if len(data.choices) < MIN_OPTIONS:
            raise _EntryError(_("a choice question needs at least two answers"))
    elif kind == "truefalse":
        data.type = "true_false"
        by_text = {}
        for answer in _answers(element):
            key = _plain(answer).lower()
            if key not in ("true", "false"):
                raise _EntryError(_("true/false answers must be “true” and “false”"))
            by_text[key] = ChoiceData(key, _fraction(answer), _rich(answer, "feedback"))
        if set(by_text) != {"true", "false"}:
            raise _EntryError(_("true/false needs both answers"))
        data.choices = [by_text["true"], by_text["false"]]
    elif kind == "shortanswer":
        data.type = "short_answer"
        data.choices = [
            ChoiceData(_plain(a), _fraction(a), _rich(a, "feedback"))
            for a in _answers(element)
        ]
    elif kind == "numerical":
        data.type = "numerical"
        data.choices = [
            ChoiceData(
                text=f"{_fit(_decimal(_plain(a)), VALUE).normalize():f}",
                fraction=_fraction(a),
                feedback=_rich(a, "feedback"),
                tolerance=_fit(abs(_decimal(_text(a, "tolerance"), "0")), TOLERANCE),
            )
            for a in _answers(element)
        ]
    elif kind == "matching":
        data.type = "matching"
        data.choices = [
            ChoiceData(
                text=_plain(sub),
                match_text=_plain(sub, "answer")[:500],
            )
            for sub in element.findall("subquestion")
        ]
        if matching_prompts(data.choices) < MIN_PAIRS:
            raise _EntryError(_("a matching question needs at least two pairs"))
    elif kind == "ordering":
        data.type = "ordering"
        data.choices = [ChoiceData(_plain(a)) for a in _answers(element)]
        if len(data.choices) < MIN_ITEMS:
            raise _EntryError(_("an ordering question needs at least two items"))
    elif kind in ("essay", "description"):
        data.type = kind
    if data.type not in ("essay", "description") and not data.choices:
        raise _EntryError(_("the question has no answers"))
    if not data.text:
        raise _EntryError(_("the question has no text"))
    data.name = data.name or name_from_text(data.text)
    return data


def parse_moodle_xml(data: bytes | str) -> ParseResult:
    """Read a Moodle XML file; raises FatalImportError if it cannot be trusted."""
    check_size(data)
    if isinstance(data, str):
        check_no_nul(data)
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise FatalImportError(
            _("The file declares a DTD or entities, which are not allowed.")
        ) from error
    except ParseError as error:
        raise FatalImportError(
            _("The file is not well-formed XML (%(error)s).") % {"error": error}
        ) from error
    if root.tag != "quiz":
        raise FatalImportError(_("This is not a Moodle XML question file."))
    elements = root.findall("question")
    check_count(len(elements))
    result = ParseResult()
    number = 0
    for element in elements:
        kind = element.get("type", "")
        if kind == "category":
            continue
        number += 1
        position = _("question %(number)s") % {"number": number}
        name = _plain(element, "name")
        if kind not in SUPPORTED:
            result.problems.append(
                Problem(
                    position,
                    name,
                    _("the question type “%(type)s” is not supported") % {"type": kind},
                )
            )
            continue
        try:
            question = _parse_question(element, kind)
        except _EntryError as error:
            result.problems.append(Problem(position, name, str(error)))
            continue
        question.position = position
        result.questions.append(question)
    unique_names(result.questions)
    return result


def write_moodle_xml(questions: list[QuestionData], *, category: str = "") -> str:
    """Moodle XML for `questions`, loadable by Moodle and by `parse_moodle_xml`."""
    quiz = ET.Element("quiz")
    if category:
        entry = ET.SubElement(quiz, "question", {"type": "category"})
        holder = ET.SubElement(entry, "category")
        ET.SubElement(holder, "text").text = f"$course$/top/{category}"
    for question in questions:
        kind = question_type(question.type)
        element = ET.SubElement(quiz, "question", {"type": kind.moodle_kind})
        name = ET.SubElement(element, "name")
        ET.SubElement(name, "text").text = question.name
        text_element(element, "questiontext", question.text)
        text_element(element, "generalfeedback", question.general_feedback)
        ET.SubElement(
            element, "defaultgrade"
        ).text = f"{Decimal(question.points).normalize():f}"
        kind.moodle_answers(element, question)
    ET.indent(quiz)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(quiz, encoding="unicode")
        + "\n"
    )
