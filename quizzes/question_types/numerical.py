"""Numerical: a typed number, right within an accepted answer's tolerance."""

import xml.etree.ElementTree as ET  # only to write XML; parsing is defused
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quizzes.gift_reading import answer_parts, split_weight, weight_fraction
from quizzes.gift_syntax import escape, percent, split_unescaped, unescape
from quizzes.interchange import ChoiceData, entry_fit, entry_number
from quizzes.moodle_reading import child_text, fraction, number, plain, rich
from quizzes.numbers import (
    MAX_INTEGER_DIGITS,
    MAX_PLACES,
    TOLERANCE,
    VALUE,
    NumberError,
    canonical,
    parse_decimal,
    parse_number,
)
from quizzes.question_types.base import full_marks
from quizzes.question_types.typed import TypedAnswerType


def is_number(text: str | None) -> bool:
    """Whether grading can read `text` as the value of a numerical answer.

    Grading reads stored values with `quizzes.numbers.parse_number`, the same
    reader as learners' answers, so this accepts what a learner may type, and
    refuses numbers too large or too precise to compare exactly.
    """
    return parse_number(text) is not None


def _within(number: Decimal | None, option: dict) -> bool:
    """Whether a typed number hits an accepted one; unreadable values never hit."""
    value = parse_number(option.get("value"))
    tolerance = parse_number(option.get("tolerance") or "0")
    if number is None or value is None or tolerance is None:
        return False
    return abs(number - value) <= abs(tolerance)


def _value_problem(text: str) -> str | None:
    try:
        parse_decimal(text)
    except NumberError as error:
        if error.reason == "invalid":
            return _(
                "“%(text)s” is not a number. Write a numerical answer with a "
                "decimal point, for example 3.5."
            ) % {"text": text}
        return str(error)
    return None


def _gift_range(text: str) -> tuple[Decimal, Decimal]:
    """A GIFT number as (value, tolerance): `min..max`, `value:tolerance` or `value`."""
    if ".." in text:
        low, high = (entry_number(v) for v in text.split("..", 1))
        return (low + high) / 2, (high - low) / 2
    if ":" in text:
        value, tolerance = text.split(":", 1)
        return entry_number(value), entry_number(tolerance)
    return entry_number(text), Decimal(0)


def _gift_accepted(item: str, fmt) -> ChoiceData:
    """One accepted number of a GIFT block, with its %weight% and #feedback."""
    weight, rest = split_weight(item[1:] if item.startswith("=") else item)
    text, feedback = answer_parts(rest)
    value, tolerance = _gift_range(unescape(text).strip())
    value = entry_fit(value, VALUE).normalize()
    return ChoiceData(
        text=f"{value:f}" if value else "0",
        fraction=weight_fraction(Decimal(1) if weight is None else weight),
        feedback=fmt.rich(feedback),
        tolerance=entry_fit(abs(tolerance), TOLERANCE),
    )


class Numerical(TypedAnswerType):
    """Accepted numbers with tolerances; 3,5 and 3.5 are the same number."""

    name = "numerical"
    moodle_kind = "numerical"
    right_key = "value"

    def accepted_entry(self, choice):
        return {
            "value": choice.text,
            "tolerance": str(choice.tolerance),
            "fraction": str(choice.fraction),
            "feedback": choice.feedback or "",
        }

    def hits(self, accepted, answer):
        return _within(parse_number(answer), accepted)

    def moodle_accepted(self, answer):
        return ChoiceData(
            text=f"{entry_fit(number(plain(answer)), VALUE).normalize():f}",
            fraction=fraction(answer),
            feedback=rich(answer, "feedback"),
            tolerance=entry_fit(
                abs(number(child_text(answer, "tolerance"), "0")), TOLERANCE
            ),
        )

    def moodle_answer(self, element, choice):
        answer = super().moodle_answer(element, choice)
        tolerance = f"{Decimal(choice.tolerance).normalize():f}"
        ET.SubElement(answer, "tolerance").text = tolerance
        return answer

    def answer_problem(self, snapshot, answer):
        """An empty answer is no problem (it is just unanswered); text that is not a
        number, or a number too large or too precise to compare exactly, is."""
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            return None
        try:
            parse_decimal(answer)
        except NumberError as error:
            if error.reason == "too_large":
                return ngettext(
                    "That number is too large. Enter at most %(digits)s digit "
                    "before the decimal comma.",
                    "That number is too large. Enter at most %(digits)s digits "
                    "before the decimal comma.",
                    MAX_INTEGER_DIGITS,
                ) % {"digits": MAX_INTEGER_DIGITS}
            if error.reason == "too_precise":
                return ngettext(
                    "That number has too many decimals. Enter at most %(places)s "
                    "digit after the decimal comma.",
                    "That number has too many decimals. Enter at most %(places)s "
                    "digits after the decimal comma.",
                    MAX_PLACES,
                ) % {"places": MAX_PLACES}
            return _("Enter a number, for example 12 or 3,5.")
        return None

    def prepare_choices(self, choices):
        """Accept 3,5 as Finns write it and store it as 3.5, as exports write it.

        Text that is not a number is kept as typed, for the error message.
        """
        for choice in choices:
            choice.text = canonical(choice.text) or choice.text

    def gift_claims(self, body):
        return body.startswith("#")

    def gift_choices(self, body, fmt):
        body = body[1:]
        items = split_unescaped(body, "=") if "=" in body else [body]
        return [_gift_accepted(item, fmt) for item in items]

    def gift_answers(self, question):
        parts = []
        for c in question.choices:
            tolerance = f"{Decimal(c.tolerance).normalize():f}"
            part = f"=%{percent(c.fraction)}%{c.text}:{tolerance}"
            if c.feedback:
                part += "#" + escape(c.feedback)
            parts.append(part)
        return "#" + " ".join(parts)

    def problems(self, choices):
        problems = [
            problem
            for c in choices
            if (problem := _value_problem(c.text or "")) is not None
        ]
        if not any(is_number(c.text) for c in full_marks(choices)):
            problems.append(
                _(
                    "A numerical question needs a numeric answer worth all the "
                    "points (fraction 1)."
                )
            )
        return problems
