"""Lessons as steps of a module: the courses app's own step kind, and completing one."""

from django.db import IntegrityError, transaction

from courses.models import LessonCompletion, LessonPage
from courses.steps import DoneRows, StepKind, StepRecord, records_changed


def lesson_records(users, page_ids: list[int]):
    """A lesson is done when its completion was recorded; there is no "begun"."""
    rows = LessonCompletion.objects.filter(
        user_id__in=users, lesson_id__in=page_ids
    ).values_list("user_id", "lesson_id", "completed_at")
    return (StepRecord(*row) for row in rows)


def describe_lesson(page: LessonPage) -> dict:
    return {"summary": page.summary, "minutes": page.estimated_minutes}


LESSONS = StepKind(
    name="lesson",
    model=LessonPage,
    records=lesson_records,
    describe=describe_lesson,
    template="courses/includes/lesson_step.html",
    done_rows=DoneRows(LessonCompletion, "lesson_id"),
)


@transaction.atomic
def mark_lesson_complete(*, user, lesson: LessonPage) -> bool:
    """Record that `user` finished `lesson`. Returns False if it was already done.

    Idempotent under concurrency: the unique constraint decides, so two quick
    clicks create one row.
    """
    try:
        with transaction.atomic():
            _, created = LessonCompletion.objects.get_or_create(
                user=user, lesson=lesson
            )
    except IntegrityError:
        return False
    if created:
        records_changed(user.pk)
    return created
