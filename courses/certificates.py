"""Certificates: issued exactly once, the moment a learner finishes a course.

`issue_due_certificates` runs after every commit that changed a learner's
step records (courses.steps.after_records_change). Running after the commit
means that when two requests finish the last two steps at once, the later
one sees both; the unique constraint on (user, course) means that when both
see the course done, one certificate is made. A course is finished when
every module is complete by the one completion rule (courses.completion),
in whichever languages its steps were done.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation

from accounts.language import one_of
from accounts.models import User
from courses.certificate_codes import new_code, normalised
from courses.completion import completions
from courses.models import Certificate, CoursePage
from courses.outline import course_outline
from courses.tasks import render_certificate

logger = logging.getLogger(__name__)

CERTIFICATE_LANGUAGES = ("fi", "sv")
SUMMARY_FIELDS = ("code", "language", "name", "course_title", "issued_at")


def certificate_language(user: User) -> str:
    """Finnish or Swedish: the learner's language if it is one of them."""
    return one_of(user.preferred_language, CERTIFICATE_LANGUAGES)


def _uncertified_courses(user: User) -> list[CoursePage]:
    """Live courses in the default language that `user` has no certificate of."""
    return list(
        CoursePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .exclude(certificates__user=user)
        .order_by("path")
    )


def issue_due_certificates(user_id: int) -> list[Certificate]:
    """Issue `user_id` a certificate of each course they have now finished."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    courses = _uncertified_courses(user) if user else []
    if not courses:
        return []
    outlines = [course_outline(course) for course in courses]
    standing = completions(users=[user.pk], outlines=outlines)[user.pk]
    return [
        certificate
        for course, outline in zip(courses, outlines, strict=True)
        if standing[outline.pk].progress.complete
        and (certificate := _issue(user, course)) is not None
    ]


def _shown_course(course: CoursePage, language: str) -> CoursePage:
    """The course's live translation in `language`, else the course itself."""
    translated = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=language)
        .first()
    )
    return translated or course


def _issue(user: User, course: CoursePage) -> Certificate | None:
    language = certificate_language(user)
    with translation.override(language):
        outline = course_outline(_shown_course(course, language))
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user,
                course=course,
                code=new_code(),
                language=language,
                name=user.get_full_name(),
                course_title=outline.title,
                module_titles=[module.title for module in outline.modules],
            )
    except IntegrityError:
        return None  # a concurrent request issued it first
    logger.info("Certificate %s issued", certificate.pk)
    transaction.on_commit(
        lambda: render_certificate.enqueue(certificate_id=certificate.pk)
    )
    return certificate


def certificates_by_course(user: User) -> dict[str, Certificate]:
    """{course translation key: certificate} for the learner's own pages; one
    query, without the PDFs."""
    rows = (
        Certificate.objects.filter(user=user)
        .only(*SUMMARY_FIELDS)
        .annotate(key=F("course__translation_key"))
    )
    return {str(row.key): row for row in rows}


def own_certificate(user: User, certificate_id: int) -> Certificate | None:
    return Certificate.objects.filter(user=user, pk=certificate_id).first()


def verified_certificate(typed_code: str) -> Certificate | None:
    """The certificate a code belongs to, if it is still valid; else None.

    A certificate of a deleted account is gone with it, so its code no longer
    verifies.
    """
    code = normalised(typed_code)
    if code is None:
        return None
    return (
        Certificate.objects.filter(code=code, user__is_active=True)
        .only(*SUMMARY_FIELDS)
        .first()
    )
