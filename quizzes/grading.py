"""Grading and its checks as pure functions of a question snapshot and an answer.

A snapshot is the question as one attempt showed it (see `quizzes.attempts`);
the answer is what the learner gave, in the shape the form produces:

* single choice, true/false: the token of the picked option, or None;
* multiple choice: a list of tokens;
* short answer, numerical, essay: a string;
* matching: {prompt token: answer token};
* ordering: {item token: position from 1}.

Each type grades its own answers (`quizzes.question_types`) as a fraction
between 0 and 1 of the question's points, so the attempt total is a sum of
`fraction * points`. No stored answer makes grading raise: one of the wrong
shape, or a number that cannot be read (see `quizzes.numbers`), earns nothing.
Nothing here touches the database.
"""

from dataclasses import dataclass
from decimal import Decimal

from quizzes.question_types import is_graded, question_type


def grade(snapshot: dict, answer) -> Decimal:
    """The fraction (0..1) that `answer` earns on the question in `snapshot`."""
    return question_type(snapshot["type"]).grade(snapshot, answer)


def validate_answer(snapshot: dict, answer) -> str | None:
    """A message for an answer that cannot be graded as typed, else None.

    Only answers that are malformed, not merely wrong or empty, are refused: a
    number that is not a number (or too large or too precise to compare), or an
    ordering that uses a position twice.
    """
    return question_type(snapshot["type"]).answer_problem(snapshot, answer)


@dataclass(frozen=True)
class AttemptScore:
    """Points earned and available in an attempt, and the percentage."""

    points: Decimal
    max_points: Decimal

    @property
    def percent(self) -> Decimal:
        if not self.max_points:
            return Decimal(100)
        return (100 * self.points / self.max_points).quantize(Decimal("0.01"))


def score_attempt(graded: list[tuple[dict, Decimal]]) -> AttemptScore:
    """Total of (snapshot, fraction) pairs, counting only graded question types."""
    points = Decimal(0)
    max_points = Decimal(0)
    for snapshot, fraction in graded:
        if not is_graded(snapshot):
            continue
        weight = Decimal(snapshot["points"])
        points += fraction * weight
        max_points += weight
    return AttemptScore(points=points, max_points=max_points)
