"""Quizzes as steps of a module, registered with courses from `ready()`.

A quiz step is done when an attempt at it passed (dated by the first passing
submit; a failed retry never undoes a pass) and begun once any attempt exists.
The learner's own pages also show their best score and attempt count; those
come from `own_results`, which the step registry calls for the learner alone,
never for a coordinator's view.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext_lazy as _

from courses.steps import DoneRows, StepKind, StepRecord
from quizzes.models import Attempt, QuizPage

# A quiz step is done by an attempt that passed.
PASSED = Q(passed=True, submitted_at__isnull=False)


def quiz_records(users, page_ids: list[int]):
    """One row per user and attempted quiz: the first pass, or begun."""
    rows = (
        Attempt.objects.filter(user_id__in=users, quiz_id__in=page_ids)
        .order_by()
        .values("user_id", "quiz_id")
        .annotate(first_pass=Min("submitted_at", filter=PASSED))
        .values_list("user_id", "quiz_id", "first_pass")
    )
    return (StepRecord(*row) for row in rows)


@dataclass(frozen=True)
class QuizResult:
    """The learner's own best submitted score and number of attempts."""

    best_score: Decimal | None
    attempts: int


def own_results(user, page_ids: list[int]) -> dict[int, QuizResult]:
    rows = (
        Attempt.objects.filter(user=user, quiz_id__in=page_ids)
        .order_by()
        .values("quiz_id")
        .annotate(
            best=Max("score", filter=Q(state=Attempt.State.SUBMITTED)),
            n=Count("pk", filter=Q(state=Attempt.State.SUBMITTED)),
        )
    )
    return {row["quiz_id"]: QuizResult(row["best"], row["n"]) for row in rows}


def describe_quiz(page: QuizPage) -> dict:
    return {"pass_mark": page.pass_mark}


QUIZZES = StepKind(
    name="quiz",
    model=QuizPage,
    records=quiz_records,
    describe=describe_quiz,
    template="quizzes/includes/module_quizzes.html",
    line_template="quizzes/includes/quiz_line.html",
    call_to_action=_("Take the quiz"),
    own_details=own_results,
    done_rows=DoneRows(Attempt, "quiz_id", PASSED),
)
