"""Whether a question's options let it be answered right, as plain functions.

A question saved without, say, a right option would fail every trustee who
meets it, and nobody would notice until the item analysis showed it. The
admin form (`quizzes.forms`) refuses to save such a question with these
messages, and the importers share the counting rules they have in common.

Nothing here touches the database or the models, so the rules are testable
type by type and importable from the parsers without a cycle. A choice is
anything with `text`, `fraction` and `match_text` attributes: a
`quizzes.models.Choice` or a `quizzes.interchange.ChoiceData`.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.numbers import NumberError, parse_decimal, parse_number

MIN_OPTIONS = 2
MIN_PAIRS = 2
MIN_ITEMS = 2
FULL = Decimal(1)
# Fractions have five decimals, so three options of 0.33333 add up to 0.99999.
SUM_TOLERANCE = Decimal("0.001")
TRUE_FALSE_TEXTS = ("true", "false")


def _fraction(choice) -> Decimal:
    return Decimal(choice.fraction or 0)


def _text(choice) -> str:
    return (choice.text or "").strip()


def is_number(text: str | None) -> bool:
    """Whether grading can read `text` as the value of a numerical answer.

    Grading reads stored values with `quizzes.numbers.parse_number`, the same
    reader as learners' answers, so this accepts what a learner may type, and
    refuses numbers too large or too precise to compare exactly.
    """
    return parse_number(text) is not None


def has_positive(choices: Sequence) -> bool:
    """Whether any option earns points (a multiple-choice question needs one)."""
    return any(_fraction(c) > 0 for c in choices)


def matching_prompts(choices: Sequence) -> int:
    """How many items a matching question shows; a blank item is only a distractor."""
    return sum(1 for c in choices if _text(c))


def _full_marks(choices: Sequence) -> list:
    return [c for c in choices if _fraction(c) >= FULL]


def _single(choices: Sequence) -> list[str]:
    problems = []
    if len(choices) < MIN_OPTIONS:
        problems.append(_("A single-choice question needs at least two options."))
    if not _full_marks(choices):
        problems.append(
            _(
                "A single-choice question needs one option worth all the points "
                "(fraction 1)."
            )
        )
    return problems


def _multiple(choices: Sequence) -> list[str]:
    problems = []
    if len(choices) < MIN_OPTIONS:
        problems.append(_("A multiple-choice question needs at least two options."))
    if not has_positive(choices):
        problems.append(
            _(
                "A multiple-choice question needs at least one right option "
                "with a positive fraction."
            )
        )
        return problems
    total = sum((_fraction(c) for c in choices if _fraction(c) > 0), Decimal(0))
    if abs(total - FULL) > SUM_TOLERANCE:
        problems.append(
            _(
                "The positive fractions of a multiple-choice question must add up "
                "to 1 (all the points); now they add up to %(total)s."
            )
            % {"total": f"{total.normalize():f}"}
        )
    return problems


def _true_false(choices: Sequence) -> list[str]:
    # The quiz shows an option as "True" or "False" by its text, so the texts
    # are keys, not wording.
    texts = sorted(c.text for c in choices)
    if texts != sorted(TRUE_FALSE_TEXTS):
        return [
            _(
                "A true/false question needs exactly two options, with the texts "
                "“true” and “false”."
            )
        ]
    if len(_full_marks(choices)) != 1:
        return [
            _(
                "In a true/false question exactly one of “true” and “false” must be "
                "worth all the points (fraction 1)."
            )
        ]
    return []


def _short_answer(choices: Sequence) -> list[str]:
    if not any(_text(c) for c in _full_marks(choices)):
        return [
            _(
                "A short-answer question needs an accepted answer worth all the "
                "points (fraction 1)."
            )
        ]
    return []


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


def _numerical(choices: Sequence) -> list[str]:
    problems = [
        problem
        for c in choices
        if (problem := _value_problem(c.text or "")) is not None
    ]
    if not any(is_number(c.text) for c in _full_marks(choices)):
        problems.append(
            _(
                "A numerical question needs a numeric answer worth all the points "
                "(fraction 1)."
            )
        )
    return problems


def _matching(choices: Sequence) -> list[str]:
    problems = [
        _("The item “%(text)s” of a matching question has no matching answer.")
        % {"text": _text(c)}
        for c in choices
        if _text(c) and not (c.match_text or "").strip()
    ]
    if matching_prompts(choices) < MIN_PAIRS:
        problems.append(
            _(
                "A matching question needs at least two pairs of an item and its "
                "matching answer."
            )
        )
    return problems


def _ordering(choices: Sequence) -> list[str]:
    if len(choices) < MIN_ITEMS:
        return [_("An ordering question needs at least two items.")]
    return []


_RULES = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "numerical": _numerical,
    "matching": _matching,
    "ordering": _ordering,
}


def question_problems(kind: str, choices: Sequence) -> list[str]:
    """Why a question of type `kind` with these options cannot be answered right.

    An empty list means it can. Essays and descriptions have no options to
    check, so whatever options they carry are not a problem.
    """
    rule = _RULES.get(kind)
    return rule(list(choices)) if rule else []
