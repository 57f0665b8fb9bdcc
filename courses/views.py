"""Learner pages outside the page tree: completing a lesson, "my studies" and
the glossary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.access import page_access_response
from courses.certificates import certificates_by_course
from courses.glossary import entries
from courses.lessons import mark_lesson_complete
from courses.models import LessonPage
from courses.progress import my_studies


@require_POST
def complete_lesson(request, lesson_id: int):
    """Mark a published lesson done for the current user, then go back to it."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        return render(request, "courses/lesson_unavailable.html", status=404)
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.get_url(request))
    if denied := page_access_response(request, lesson):
        return denied
    if mark_lesson_complete(user=request.user, lesson=lesson):
        messages.success(request, _("Lesson marked as read."))
    else:
        messages.info(request, _("You have already read this lesson."))
    return redirect(lesson.get_url(request) + "#lesson-complete")


@login_required
def my_studies_view(request):
    """Every course with the user's progress, a link to continue and, once
    the course is done, its certificate."""
    statuses = my_studies(user=request.user)
    certificates = certificates_by_course(request.user)
    return render(
        request,
        "courses/my_studies.html",
        {"courses": [(s, certificates.get(s.course.key)) for s in statuses]},
    )


def glossary_view(request):
    """Every term, alphabetical in the interface language, each with an anchor."""
    language = translation.get_language()
    return render(request, "courses/glossary.html", {"entries": entries(language)})
