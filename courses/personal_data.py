"""A learner's lesson completions, for export and erasure (see accounts.privacy).

Completions are erased, not anonymised: they are the person's progress, and
no statistic needs them once the person is gone.
"""

from accounts.privacy import PersonalData
from courses.models import LessonCompletion


def _export(user) -> list[dict]:
    return list(
        LessonCompletion.objects.filter(user=user)
        .order_by("completed_at", "pk")
        .values("lesson_id", "lesson__title", "completed_at")
    )


def _erase(user, stand_in) -> None:
    LessonCompletion.objects.filter(user=user).delete()


LESSON_COMPLETIONS = PersonalData(
    name="courses",
    models=("courses.LessonCompletion",),
    export=_export,
    erase=_erase,
)
