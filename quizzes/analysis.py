"""Item analysis of a quiz for facilitators: how hard each question is, and how well
it separates those who know from those who do not.

Only aggregates, and only when at least `MIN_GROUP` trustees attempted, since
elected officials' results are politically sensitive. Each trustee's first
submitted attempt is analysed: later attempts follow feedback and would make
every question look easy.
"""

import csv
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext

from quizzes.models import Attempt, QuizPage, Response
from quizzes.question_types import is_graded, question_type

MIN_GROUP = 5
DIFFICULT_BELOW = 40.0
WEAK_DISCRIMINATION = 0.2


@dataclass
class ItemStats:
    """Statistics of one question across the analysed attempts."""

    question_id: int | None
    name: str
    type: str
    responses: int
    facility: float
    discrimination: float | None
    most_chosen_wrong: str = ""
    most_chosen_wrong_count: int = 0

    @property
    def difficult(self) -> bool:
        return self.facility < DIFFICULT_BELOW


@dataclass
class QuizAnalysis:
    """The report for one quiz; `hidden` when the group is too small to show."""

    quiz: QuizPage
    trustees: int
    attempts: int
    hidden: bool
    mean: float | None = None
    median: float | None = None
    items: list[ItemStats] = field(default_factory=list)

    @property
    def difficult(self) -> list[ItemStats]:
        return sorted((i for i in self.items if i.difficult), key=lambda i: i.facility)


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Correlation of two equal-length series; None when either does not vary."""
    if len(xs) < 2:
        return None
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if not sxx or not syy:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / (sxx * syy) ** 0.5


def analyse_quiz(quiz: QuizPage) -> QuizAnalysis:
    """Facility, discrimination and most chosen wrong option per question.

    Facility is the mean share of the points earned (0–100 %). Discrimination
    is the correlation between the item's score and the rest of the attempt's
    score, so the item does not correlate with itself.
    """
    submitted = Attempt.objects.filter(quiz=quiz, state=Attempt.State.SUBMITTED)
    total_attempts = submitted.count()
    first_ids = {}
    for attempt_id, user_id in submitted.order_by("number").values_list(
        "pk", "user_id"
    ):
        first_ids.setdefault(user_id, attempt_id)
    analysis = QuizAnalysis(
        quiz=quiz,
        trustees=len(first_ids),
        attempts=total_attempts,
        hidden=len(first_ids) < MIN_GROUP,
    )
    if analysis.hidden:
        return analysis
    scores = {
        pk: float(score)
        for pk, score in submitted.filter(pk__in=first_ids.values()).values_list(
            "pk", "score"
        )
    }
    analysis.mean = statistics.fmean(scores.values())
    analysis.median = statistics.median(scores.values())
    responses = Response.objects.filter(attempt_id__in=scores).only(
        "attempt_id", "question_id", "snapshot", "answer", "points", "fraction"
    )
    earned = defaultdict(float)
    by_item: dict = defaultdict(list)
    for response in responses:
        if not is_graded(response.snapshot):
            continue
        earned[response.attempt_id] += float(response.points or 0)
        by_item[response.question_id or response.snapshot.get("id")].append(response)
    for question_id, item_responses in by_item.items():
        snapshot = item_responses[0].snapshot
        item_scores = [float(r.fraction or 0) for r in item_responses]
        rest = [earned[r.attempt_id] - float(r.points or 0) for r in item_responses]
        wrong = Counter(
            text
            for r in item_responses
            for text in question_type(r.snapshot["type"]).wrong_choices(
                r.snapshot, r.answer
            )
        )
        common = wrong.most_common(1)
        analysis.items.append(
            ItemStats(
                question_id=question_id,
                name=snapshot["name"],
                type=snapshot["type"],
                responses=len(item_responses),
                facility=100 * statistics.fmean(item_scores),
                discrimination=pearson(item_scores, rest),
                most_chosen_wrong=common[0][0] if common else "",
                most_chosen_wrong_count=common[0][1] if common else 0,
            )
        )
    analysis.items.sort(key=lambda i: i.name)
    return analysis


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def analysis_csv(analysis: QuizAnalysis) -> str:
    """The per-question table as CSV; empty of rows when the report is hidden."""
    out = io.StringIO()
    writer = csv.writer(out)
    # Headers in the reader's language: the file opens in a spreadsheet.
    writer.writerow(
        [
            gettext("Question"),
            gettext("Type"),
            gettext("Responses"),
            gettext("Facility index (%)"),
            gettext("Discrimination index"),
            gettext("Most chosen wrong answer"),
            gettext("Times the wrong answer was chosen"),
        ]
    )
    if not analysis.hidden:
        for item in analysis.items:
            writer.writerow(
                [
                    csv_safe(item.name),
                    item.type,
                    item.responses,
                    f"{item.facility:.1f}",
                    "" if item.discrimination is None else f"{item.discrimination:.2f}",
                    csv_safe(item.most_chosen_wrong),
                    item.most_chosen_wrong_count,
                ]
            )
    return out.getvalue()
