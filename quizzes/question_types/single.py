"""Single choice: one option to pick, worth its fraction of the points."""

from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_reading import answer_signs
from quizzes.gift_syntax import answer
from quizzes.question_types.base import ZERO, clamp, full_marks
from quizzes.question_types.choice import MIN_OPTIONS, ChoiceType


def grade_single(options: list[dict], answer) -> Decimal:
    """The fraction of the picked option; nothing picked or a bad token gives 0."""
    if not isinstance(answer, str):
        return ZERO
    for option in options:
        if option["token"] == answer:
            return clamp(Decimal(option["fraction"]))
    return ZERO


class Single(ChoiceType):
    """One option to pick; the others may carry partial or no credit."""

    name = "single"
    moodle_kind = "multichoice"
    moodle_single = "true"

    def grade(self, snapshot, answer):
        return grade_single(snapshot["options"], answer)

    def gift_claims(self, body):
        return answer_signs(body) == {"=", "~"}

    def gift_answers(self, question):
        best = max(question.choices, key=lambda c: c.fraction)
        return " ".join(
            answer("=", c, weight=c.fraction != 1)
            if c is best
            else answer("~", c, weight=c.fraction != 0)
            for c in question.choices
        )

    def problems(self, choices):
        problems = []
        if len(choices) < MIN_OPTIONS:
            problems.append(_("A single-choice question needs at least two options."))
        if not full_marks(choices):
            problems.append(
                _(
                    "A single-choice question needs one option worth all the points "
                    "(fraction 1)."
                )
            )
        return problems
