"""Quizzes in module and course completion, and the learner's pages showing them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from courses.models import LessonPage
from courses.progress import course_progress, mark_lesson_complete, module_progress
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.progress import quiz_statuses
from tests.factories import build_course
from tests.factories.quizzes import build_quiz
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_with_quiz(course):
    module = course.get_children().first().specific
    quiz = build_quiz(questions=2, parent=module)
    module.refresh_from_db()
    return module, quiz


def finish_lessons(user, module):
    for lesson in LessonPage.objects.child_of(module):
        mark_lesson_complete(user=user, lesson=lesson)


def test_module_needs_lessons_and_passed_quiz(trustee, module_with_quiz):
    module, quiz = module_with_quiz
    finish_lessons(trustee, module)
    status = module_progress(user=trustee, module=module)
    assert status.progress.done == 3
    assert status.progress.total == 4
    assert not status.progress.complete
    assert status.next_lesson.pk == quiz.pk
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    status = module_progress(user=trustee, module=module)
    assert status.progress.complete
    assert status.quiz.passed
    assert status.quiz.best_score == 100
    assert status.next_lesson is None


def test_best_attempt_counts(trustee, module_with_quiz):
    module, quiz = module_with_quiz
    first = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=first, answers=right_answers(first))
    second = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=second, answers=wrong_answers(second))
    [status] = quiz_statuses(user=trustee, module_paths=[module.path])[module.path]
    assert status.passed
    assert status.best_score == 100
    assert status.attempts == 2


def test_other_users_results_do_not_count(trustee, other_trustee, module_with_quiz):
    module, quiz = module_with_quiz
    attempt = start_attempt(user=other_trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    [status] = quiz_statuses(user=trustee, module_paths=[module.path])[module.path]
    assert not status.attempted
    assert not status.passed


def test_course_progress_counts_quiz_as_step(trustee, module_with_quiz, course):
    status = course_progress(user=trustee, course=course)
    assert status.progress.total == 7
    assert status.modules[0].quiz is not None
    assert status.modules[1].quiz is None


def test_quiz_statuses_is_one_query(trustee, django_assert_num_queries):
    course = build_course(modules=4, lessons=1)
    modules = list(course.get_children())
    for module in modules:
        build_quiz(questions=1, parent=module)
    with django_assert_num_queries(1):
        statuses = quiz_statuses(user=trustee, module_paths=[m.path for m in modules])
    assert len(statuses) == 4
    with django_assert_num_queries(1):
        quiz_statuses(user=AnonymousUser(), module_paths=[m.path for m in modules])


def test_pages_show_quiz_status_and_own_best_score(client, trustee, module_with_quiz):
    module, quiz = module_with_quiz
    attempt = start_attempt(user=trustee, quiz=quiz)
    answers = right_answers(attempt)
    answers.pop(1)
    submit_attempt(attempt=attempt, answers=answers)
    client.force_login(trustee)
    for url in (module.url, module.get_parent().url, reverse("my_studies")):
        html = client.get(url).content.decode()
        assert quiz.title in html
        assert "Paras tuloksesi: 50 %" in html
        assert "Ei vielä hyväksytty" in html
