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

from quizzes.interchange import (
    MAX_NAME,
    EntryError,
    FatalImportError,
    ParseResult,
    Problem,
    QuestionData,
    check_count,
    check_no_nul,
    check_size,
    entry_fit,
    name_from_text,
    unique_names,
)
from quizzes.moodle_reading import child_text, number, plain, rich
from quizzes.moodle_syntax import text_element
from quizzes.numbers import POINTS
from quizzes.question_types import QuestionType, moodle_type, question_type


def _parse_question(element, kind: QuestionType) -> QuestionData:
    data = QuestionData(
        name=plain(element, "name")[:MAX_NAME],
        type=kind.name,
        text=rich(element, "questiontext"),
        general_feedback=rich(element, "generalfeedback"),
        points=number(child_text(element, "defaultgrade"), "1"),
    )
    if data.points < 0:
        raise EntryError(_("the points must not be negative"))
    data.points = entry_fit(data.points, POINTS)
    data.choices = kind.moodle_choices(element)
    if not data.text:
        raise EntryError(_("the question has no text"))
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
        name = plain(element, "name")
        reader = moodle_type(kind, element)
        if reader is None:
            result.problems.append(
                Problem(
                    position,
                    name,
                    _("the question type “%(type)s” is not supported") % {"type": kind},
                )
            )
            continue
        try:
            question = _parse_question(element, reader)
        except EntryError as error:
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
