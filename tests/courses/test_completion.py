"""One completion rule for one learner or a municipality: states and dates only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from courses.completion import State, completion_matrix
from courses.models import LessonCompletion, LessonPage
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt, QuizPage
from tests.factories import build_course
from tests.factories.quizzes import build_quiz
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_quiz():
    """Two modules of two lessons; the first ends in a quiz."""
    course = build_course(modules=2, lessons=2)
    first = course.get_children().first()
    build_quiz(questions=1, parent=first)
    return course


def lessons_of(module):
    return list(LessonPage.objects.child_of(module).order_by("path"))


def complete(user, lesson, when):
    LessonCompletion.objects.create(user=user, lesson=lesson)
    LessonCompletion.objects.filter(user=user, lesson=lesson).update(completed_at=when)


def test_states_and_dates_follow_lessons_and_the_passed_quiz(course_with_quiz):
    finisher, beginner, idle = (
        User.objects.create_user(email=f"{name}@example.fi")
        for name in ("valmis", "aloittanut", "ei")
    )
    first, second = course_with_quiz.get_children()
    quiz = QuizPage.objects.child_of(first).get()
    day = timezone.now().replace(microsecond=0) - timedelta(days=10)
    a, b = lessons_of(first)
    complete(finisher, a, day)
    complete(finisher, b, day + timedelta(days=1))
    attempt = start_attempt(user=finisher, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    passed_at = Attempt.objects.get(pk=attempt.pk).submitted_at
    complete(beginner, lessons_of(second)[0], day)

    matrix = completion_matrix(
        users=User.objects.filter(pk__in=[finisher.pk, beginner.pk, idle.pk]),
        course=course_with_quiz,
    )

    done = matrix[finisher.pk].modules[first.pk]
    assert done.state == State.DONE
    assert done.done_at == passed_at  # the last step finished
    assert done.steps[a.pk].done_at == day
    assert matrix[finisher.pk].modules[second.pk].state == State.NOT_STARTED
    assert matrix[beginner.pk].modules[second.pk].state == State.IN_PROGRESS
    assert matrix[beginner.pk].modules[second.pk].done_at is None
    assert {m.state for m in matrix[idle.pk].modules.values()} == {State.NOT_STARTED}
    assert matrix[finisher.pk].progress.done == 3
    assert matrix[finisher.pk].progress.total == 5


def test_a_failed_quiz_leaves_the_module_in_progress(course_with_quiz):
    user = User.objects.create_user(email="yrittaja@example.fi")
    first = course_with_quiz.get_children().first()
    for lesson in lessons_of(first):
        complete(user, lesson, timezone.now())
    quiz = QuizPage.objects.child_of(first).get()
    attempt = start_attempt(user=user, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    module = completion_matrix(users=[user.pk], course=course_with_quiz)[user.pk]
    assert module.modules[first.pk].state == State.IN_PROGRESS
    assert module.modules[first.pk].progress.done == 2


def test_nothing_but_states_and_dates():
    """By construction no score, answer or points can reach a coordinator."""
    from dataclasses import fields

    from courses.completion import CourseCompletion, ModuleCompletion, StepCompletion

    names = {
        f.name
        for cls in (CourseCompletion, ModuleCompletion, StepCompletion)
        for f in fields(cls)
    }
    assert names == {"modules", "state", "done_at", "progress", "steps"}


@pytest.mark.parametrize("user_count", [1, 50, 500])
def test_query_count_does_not_grow_with_users(user_count, django_assert_num_queries):
    course = build_course(modules=6, lessons=10)
    for module in course.get_children():
        build_quiz(questions=1, parent=module)
    users = User.objects.bulk_create(
        User(email=f"u{n}@example.fi") for n in range(user_count)
    )
    lessons = list(LessonPage.objects.descendant_of(course))
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for index, user in enumerate(users)
        for lesson in lessons[: index % 61]
    )
    completion_matrix(users=[], course=course)  # the outline is cached from here on
    with django_assert_num_queries(3):  # user ids, lessons, quizzes
        matrix = completion_matrix(users=User.objects.all(), course=course)
    assert len(matrix) == user_count
    finished = sum(
        m.state == State.DONE for c in matrix.values() for m in c.modules.values()
    )
    # User n finished its first n % 61 lessons; no quiz was passed, so no module.
    assert finished == 0
    assert matrix[users[-1].pk].progress.done == (user_count - 1) % 61
