"""Moodle XML elements shared by `quizzes.moodle_xml` and the question types that
write their answers (`quizzes.question_types`)."""

import xml.etree.ElementTree as ET  # only to write XML; parsing is defused
from decimal import Decimal


def text_element(parent, tag: str, value: str, *, html: bool = True):
    """A <tag format="…"><text>value</text></tag> child of `parent`."""
    holder = ET.SubElement(parent, tag, {"format": "html" if html else "plain_text"})
    ET.SubElement(holder, "text").text = value
    return holder


def fraction_attr(value: Decimal) -> str:
    """A fraction as Moodle's percentage attribute."""
    return f"{(Decimal(value) * 100).normalize():f}"


def answer_element(parent, choice, *, fraction: str, feedback: bool = True):
    """One <answer> with its plain text, and its feedback unless told not to."""
    answer = ET.SubElement(
        parent, "answer", {"fraction": fraction, "format": "plain_text"}
    )
    ET.SubElement(answer, "text").text = choice.text
    if feedback:
        text_element(answer, "feedback", choice.feedback)
    return answer
