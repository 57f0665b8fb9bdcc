"""The learner's standing in quizzes, for module, course and "my studies" pages.

One query whatever the number of modules, quizzes or attempts: the live quizzes
under the given modules come annotated with the user's best submitted score and
whether any attempt passed. The best attempt counts, so a failed retry never
undoes a pass.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from wagtail.models import Page

from quizzes.models import Attempt, QuizPage


@dataclass(frozen=True)
class QuizStatus:
    """One quiz and the user's own best result in it."""

    quiz: QuizPage
    best_score: Decimal | None = None
    passed: bool = False
    attempts: int = 0

    @property
    def attempted(self) -> bool:
        return self.attempts > 0


def quiz_statuses(*, user, module_paths: list[str]) -> dict[str, list[QuizStatus]]:
    """Live quizzes directly under each module path, in page order, with results.

    Returns {module path: [QuizStatus, ...]}; modules without quizzes are absent.
    Anonymous users get the quizzes with no results, in the same single query.
    """
    if not module_paths:
        return {}
    within = Q()
    for path in module_paths:
        within |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    quizzes = QuizPage.objects.live().filter(within).order_by("path")
    if user.is_authenticated:
        submitted = Attempt.objects.filter(
            quiz=OuterRef("pk"), user=user, state=Attempt.State.SUBMITTED
        ).order_by()
        per_quiz = submitted.values("quiz")
        quizzes = quizzes.annotate(
            best_score=Subquery(
                per_quiz.annotate(best=Max("score")).values("best")[:1]
            ),
            attempt_count=Subquery(per_quiz.annotate(n=Count("pk")).values("n")[:1]),
            has_passed=Exists(submitted.filter(passed=True)),
        )
    statuses: dict[str, list[QuizStatus]] = {}
    for quiz in quizzes:
        status = QuizStatus(
            quiz=quiz,
            best_score=getattr(quiz, "best_score", None),
            passed=bool(getattr(quiz, "has_passed", False)),
            attempts=getattr(quiz, "attempt_count", None) or 0,
        )
        statuses.setdefault(quiz.path[: -Page.steplen], []).append(status)
    return statuses
