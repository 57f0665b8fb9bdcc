"""A learner's lesson completions and certificates, for export and erasure
(see accounts.privacy).

Both are erased, not anonymised: they are the person's progress, and no
statistic needs them once the person is gone. A certificate's code stops
verifying with it.
"""

from accounts.privacy import PersonalData
from courses.models import Certificate, LessonCompletion


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


def _export_certificates(user) -> list[dict]:
    return list(
        Certificate.objects.filter(user=user)
        .order_by("issued_at", "pk")
        .values(
            "code", "name", "course_title", "module_titles", "language", "issued_at"
        )
    )


def _erase_certificates(user, stand_in) -> None:
    Certificate.objects.filter(user=user).delete()


CERTIFICATES = PersonalData(
    name="certificates",
    models=("courses.Certificate",),
    export=_export_certificates,
    erase=_erase_certificates,
)
