"""Certificates are issued once, when every module of a course is done."""

import threading
from functools import partial

import pytest
from django.db import connection
from wagtail.models import Locale

from courses.certificates import (
    certificates_by_course,
    issue_due_certificates,
    verified_certificate,
)
from courses.lessons import mark_lesson_complete
from courses.loader import swedish_home
from courses.models import Certificate, LessonCompletion, LessonPage
from quizzes.attempts import start_attempt, submit_attempt
from tests.factories import build_course, verified_user
from tests.factories.courses import CoursePageFactory, ModulePageFactory, home_page
from tests.factories.quizzes import build_quiz
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def finish(user, lessons, capture):
    for lesson in lessons:
        with capture(execute=True):
            mark_lesson_complete(user=user, lesson=lesson)


def test_no_certificate_until_the_last_step_then_exactly_one(
    django_capture_on_commit_callbacks,
):
    user = verified_user(first_name="Aino", last_name="Aaltonen")
    course = build_course(modules=2, lessons=2)
    lessons = lessons_of(course)
    finish(user, lessons[:-1], django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()

    finish(user, lessons[-1:], django_capture_on_commit_callbacks)
    finish(user, lessons, django_capture_on_commit_callbacks)  # done again: no-op
    assert issue_due_certificates(user.pk) == []

    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.course_id) == (user, course.pk)
    assert certificate.name == "Aino Aaltonen"
    assert certificate.course_title == course.title
    modules = [m.title for m in course.get_children().order_by("path")]
    assert certificate.module_titles == modules
    assert certificate.language == "fi"


def test_the_pdf_is_rendered_in_the_background_when_issued(
    django_capture_on_commit_callbacks,
):
    user = verified_user()
    course = build_course(modules=1, lessons=1)
    finish(user, lessons_of(course), django_capture_on_commit_callbacks)
    assert bytes(Certificate.objects.get().pdf).startswith(b"%PDF")


def test_a_passed_quiz_as_the_last_step_issues_it(django_capture_on_commit_callbacks):
    user = verified_user()
    course = build_course(modules=1, lessons=1)
    quiz = build_quiz(questions=2, parent=course.get_children().first())
    finish(user, lessons_of(course), django_capture_on_commit_callbacks)

    failed = start_attempt(user=user, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submit_attempt(attempt=failed, answers=wrong_answers(failed))
    assert not Certificate.objects.exists()

    passed = start_attempt(user=user, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submit_attempt(attempt=passed, answers=right_answers(passed))
    assert Certificate.objects.filter(user=user, course=course).count() == 1


def test_each_course_gets_its_own_and_others_learners_none(
    django_capture_on_commit_callbacks,
):
    user, other = verified_user(), verified_user()
    first, second = build_course(modules=1, lessons=1), build_course(1, 1)
    finish(user, lessons_of(first), django_capture_on_commit_callbacks)
    assert list(Certificate.objects.values_list("user", "course")) == [
        (user.pk, first.pk)
    ]
    finish(user, lessons_of(second), django_capture_on_commit_callbacks)
    assert set(certificates_by_course(user)) == {
        str(first.translation_key),
        str(second.translation_key),
    }
    assert certificates_by_course(other) == {}


def test_an_inactive_user_gets_none():
    user = verified_user(is_active=False)
    course = build_course(modules=1, lessons=1)
    for lesson in lessons_of(course):
        mark_lesson_complete(user=user, lesson=lesson)
    assert issue_due_certificates(user.pk) == []


def test_a_swedish_speaker_gets_it_in_swedish_with_the_swedish_titles():
    course = CoursePageFactory(title="Kurssi", slug="kurssi")
    module = ModulePageFactory(parent=course, title="Moduuli", slug="moduuli")
    lesson = LessonPage(title="Oppitunti", slug="oppitunti")
    module.add_child(instance=lesson)
    sv = Locale.objects.get(language_code="sv")
    sv_course = CoursePageFactory(
        parent=swedish_home(home_page()),
        title="Kurs",
        slug="kurssi",
        locale=sv,
        translation_key=course.translation_key,
    )
    ModulePageFactory(
        parent=sv_course,
        title="Modul",
        slug="moduuli",
        locale=sv,
        translation_key=module.translation_key,
    )
    user = verified_user(preferred_language="sv")
    mark_lesson_complete(user=user, lesson=lesson)

    (certificate,) = issue_due_certificates(user.pk)
    assert certificate.language == "sv"
    assert certificate.course == course  # one certificate per course, any language
    assert (certificate.course_title, certificate.module_titles) == ("Kurs", ["Modul"])


def test_english_speakers_get_finnish_which_the_certificate_is_in():
    user = verified_user(preferred_language="en")
    course = build_course(modules=1, lessons=1)
    mark_lesson_complete(user=user, lesson=lessons_of(course)[0])
    (certificate,) = issue_due_certificates(user.pk)
    assert certificate.language == "fi"


def test_the_check_finds_a_valid_code_typed_loosely_and_nothing_else():
    user = verified_user()
    course = build_course(modules=1, lessons=1)
    mark_lesson_complete(user=user, lesson=lessons_of(course)[0])
    (certificate,) = issue_due_certificates(user.pk)
    code = certificate.code
    loose = " " + "-".join([code[:4], code[4:8].lower(), code[8:]]) + " "
    assert verified_certificate(loose).pk == certificate.pk
    assert verified_certificate(code[:-1]) is None
    assert verified_certificate(code[:-1] + ("A" if code[-1] != "A" else "B")) is None
    assert verified_certificate("'; DROP TABLE x; --") is None
    user.is_active = False
    user.save()
    assert verified_certificate(code) is None


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers anyway"
)


def _together(*actions):
    """Run the actions in threads released at once, each on its own connection."""
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_two_last_steps_finished_at_once_issue_exactly_one():
    """Each request commits one of the last two lessons at the same moment:
    however the commits interleave, one certificate, never none or two."""
    for _ in range(5):
        user = verified_user()
        course = build_course(modules=2, lessons=1)
        first, second = lessons_of(course)
        _together(
            partial(mark_lesson_complete, user=user, lesson=first),
            partial(mark_lesson_complete, user=user, lesson=second),
        )
        assert Certificate.objects.filter(user=user, course=course).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_two_checks_that_both_see_the_course_done_issue_one():
    user = verified_user()
    course = build_course(modules=1, lessons=1)
    # Recorded without the hook, so that only the racing checks issue.
    LessonCompletion.objects.create(user=user, lesson=lessons_of(course)[0])
    _together(
        lambda: issue_due_certificates(user.pk),
        lambda: issue_due_certificates(user.pk),
        lambda: issue_due_certificates(user.pk),
    )
    assert Certificate.objects.filter(user=user, course=course).count() == 1
