"""Multiple choice: any number of options to tick, wrong ticks subtracting."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_reading import answer_signs
from quizzes.gift_syntax import answer
from quizzes.interchange import EntryError
from quizzes.question_types.base import ONE, ZERO, clamp, fraction_of
from quizzes.question_types.choice import MIN_OPTIONS, ChoiceType, offered_tokens

# Fractions have five decimals, so three options of 0.33333 add up to 0.99999.
SUM_TOLERANCE = Decimal("0.001")


def has_positive(choices: Sequence) -> bool:
    """Whether any option earns points (a multiple-choice question needs one)."""
    return any(fraction_of(c) > 0 for c in choices)


def wrong_pick_penalty(options: list[dict]) -> Decimal:
    """What a wrong option with no explicit negative fraction subtracts.

    Wrong picks must cost something, or ticking every box would earn full marks;
    by default one wrong pick cancels one right pick of equal weight.
    """
    right = sum(1 for option in options if Decimal(option["fraction"]) > 0)
    return ONE / right if right else ONE


def _tokens(answer) -> set[str]:
    """The picked tokens of a stored answer; anything but a list picks none."""
    if not isinstance(answer, list | tuple):
        return set()
    return {token for token in answer if isinstance(token, str)}


class Multiple(ChoiceType):
    """Sum of the ticked options' fractions, within 0..1."""

    name = "multiple"
    moodle_kind = "multichoice"
    moodle_single = "false"

    def picked(self, answer):
        return set(answer or [])

    def read_answer(self, snapshot, data, key):
        tokens = offered_tokens(snapshot)
        return [token for token in data.getlist(key) if token in tokens]

    def grade(self, snapshot, answer):
        options = snapshot["options"]
        picked = _tokens(answer)
        penalty = wrong_pick_penalty(options)
        total = ZERO
        for option in options:
            if option["token"] not in picked:
                continue
            fraction = Decimal(option["fraction"])
            total += fraction if fraction != 0 else -penalty
        return clamp(total)

    def gift_claims(self, body):
        return answer_signs(body) == {"~"}

    def gift_choices(self, body, fmt):
        choices = super().gift_choices(body, fmt)
        if not has_positive(choices):
            raise EntryError(_("no answer has a positive weight"))
        return choices

    def gift_answers(self, question):
        return " ".join(answer("~", c, weight=True) for c in question.choices)

    def problems(self, choices):
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
        total = sum((fraction_of(c) for c in choices if fraction_of(c) > 0), ZERO)
        if abs(total - ONE) > SUM_TOLERANCE:
            problems.append(
                _(
                    "The positive fractions of a multiple-choice question must add "
                    "up to 1 (all the points); now they add up to %(total)s."
                )
                % {"total": f"{total.normalize():f}"}
            )
        return problems
