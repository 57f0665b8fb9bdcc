"""Bank questions as interchange data, and interchange data written into the bank.

`sync_questions` writes everything in one transaction, so a file either imports
(minus the entries its parser reported) or changes nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from quizzes.interchange import (
    ChoiceData,
    ParseResult,
    QuestionData,
    check_category_name,
    check_storable,
    same_question,
)
from quizzes.models import Choice, Question, QuestionCategory


def question_data(question: Question) -> QuestionData:
    """A bank question (with its choices) as format-independent data."""
    return QuestionData(
        name=question.name,
        type=question.type,
        text=question.text,
        general_feedback=question.general_feedback,
        points=Decimal(question.points),
        choices=[
            ChoiceData(
                text=choice.text,
                fraction=Decimal(choice.fraction),
                feedback=choice.feedback,
                match_text=choice.match_text,
                tolerance=Decimal(choice.tolerance),
            )
            for choice in question.choices.all()
        ],
    )


@dataclass
class SyncReport:
    """Names of the questions an import created, updated or left unchanged."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@transaction.atomic
def sync_questions(
    questions: list[QuestionData], *, category: QuestionCategory
) -> SyncReport:
    """Create or update `questions` in `category`, matched by name; all or nothing.

    A question whose content is unchanged is not written at all, which makes
    importing the same file twice a no-op. Past attempts are unaffected by
    updates because responses keep their own snapshot.
    """
    check_storable(questions)
    report = SyncReport()
    existing = {
        q.name: q
        for q in Question.objects.filter(category=category).prefetch_related("choices")
    }
    for data in questions:
        question = existing.get(data.name)
        if question is not None and same_question(question_data(question), data):
            report.unchanged.append(data.name)
            report.questions.append(question)
            continue
        if question is None:
            question = Question(name=data.name, category=category)
            report.created.append(data.name)
        else:
            report.updated.append(data.name)
        question.type = data.type
        question.text = data.text
        question.general_feedback = data.general_feedback
        question.points = data.points
        question.save()
        Choice.objects.filter(question=question).delete()
        Choice.objects.bulk_create(
            Choice(
                question=question,
                sort_order=index,
                text=c.text,
                fraction=c.fraction,
                feedback=c.feedback,
                match_text=c.match_text,
                tolerance=c.tolerance,
            )
            for index, c in enumerate(data.choices)
        )
        report.questions.append(question)
    return report


def import_into_category(
    result: ParseResult, *, category_name: str, source: str = ""
) -> SyncReport:
    """Write parsed questions into the named category (created when missing).

    A file that brings no questions changes nothing: no empty category is made.
    """
    category_name = check_category_name(category_name)
    check_storable(result.questions)
    if not result.questions:
        return SyncReport()
    with transaction.atomic():
        if source:
            category, _created = QuestionCategory.objects.get_or_create(
                source=source, defaults={"name": category_name}
            )
        else:
            category, _created = QuestionCategory.objects.get_or_create(
                name=category_name
            )
        return sync_questions(result.questions, category=category)
