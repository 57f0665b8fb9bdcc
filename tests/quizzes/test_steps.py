"""Quizzes as module steps: completion, the learner's own results, the pages."""

import pytest
from django.urls import reverse

from courses.lessons import mark_lesson_complete
from courses.models import LessonPage
from courses.progress import course_progress, module_progress
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.steps import own_results, quiz_records
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
    assert status.next_step.step.pk == quiz.pk
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    status = module_progress(user=trustee, module=module)
    assert status.progress.complete
    [quiz_status] = status.activities
    assert quiz_status.done
    assert quiz_status.detail.best_score == 100
    assert status.next_step is None


def test_best_attempt_counts(trustee, module_with_quiz):
    module, quiz = module_with_quiz
    first = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=first, answers=right_answers(first))
    second = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=second, answers=wrong_answers(second))
    [record] = quiz_records([trustee.pk], [quiz.pk])
    first.refresh_from_db()
    assert record.done_at == first.submitted_at  # the first pass, not the retry
    assert own_results(trustee, [quiz.pk])[quiz.pk].best_score == 100
    assert own_results(trustee, [quiz.pk])[quiz.pk].attempts == 2


def test_an_open_attempt_is_begun_not_done(trustee, module_with_quiz):
    module, quiz = module_with_quiz
    start_attempt(user=trustee, quiz=quiz)
    [record] = quiz_records([trustee.pk], [quiz.pk])
    assert record.done_at is None
    assert own_results(trustee, [quiz.pk])[quiz.pk].attempts == 0


def test_other_users_results_do_not_count(trustee, other_trustee, module_with_quiz):
    module, quiz = module_with_quiz
    attempt = start_attempt(user=other_trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    assert list(quiz_records([trustee.pk], [quiz.pk])) == []
    assert own_results(trustee, [quiz.pk]) == {}


def test_course_progress_counts_quiz_as_step(trustee, module_with_quiz, course):
    status = course_progress(user=trustee, course=course)
    assert status.progress.total == 7
    assert [s.step.kind for s in status.modules[0].activities] == ["quiz"]
    assert status.modules[1].activities == []


def test_quiz_results_are_one_query_each(trustee, django_assert_num_queries):
    course = build_course(modules=4, lessons=1)
    quizzes = [build_quiz(questions=1, parent=m) for m in course.get_children()]
    ids = [q.pk for q in quizzes]
    for quiz in quizzes[:3]:
        attempt = start_attempt(user=trustee, quiz=quiz)
        submit_attempt(attempt=attempt, answers=right_answers(attempt))
    with django_assert_num_queries(1):
        assert len(list(quiz_records([trustee.pk], ids))) == 3
    with django_assert_num_queries(1):
        assert len(own_results(trustee, ids)) == 3


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
