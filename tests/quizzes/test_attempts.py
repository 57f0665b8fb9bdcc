"""Starting, saving and submitting attempts: rules, idempotency and snapshots."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from quizzes.attempts import (
    AttemptRefused,
    save_answers,
    start_attempt,
    submit_attempt,
)
from quizzes.models import Attempt, Choice, Question, Response
from tests.factories import verified_user
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory, build_quiz
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("messages_in_english")]


def test_start_fixes_questions_and_tokens(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    assert attempt.number == 1
    assert attempt.responses.count() == 3
    again = start_attempt(user=trustee, quiz=quiz)
    assert again.pk == attempt.pk
    first = [r.snapshot for r in attempt.responses.all()]
    second = [r.snapshot for r in again.responses.all()]
    assert first == second


def test_tokens_differ_between_attempts(trustee, quiz):
    first = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=first, answers={})
    second = start_attempt(user=trustee, quiz=quiz)
    tokens = {o["token"] for r in first.responses.all() for o in r.snapshot["options"]}
    assert not tokens & {
        o["token"] for r in second.responses.all() for o in r.snapshot["options"]
    }
    assert second.number == 2


def test_every_type_full_marks(trustee, every_type_quiz):
    attempt = start_attempt(user=trustee, quiz=every_type_quiz)
    result = submit_attempt(attempt=attempt, answers=right_answers(attempt))
    assert result.graded_now
    assert result.attempt.score == 100
    assert result.attempt.passed
    assert result.attempt.max_points == 7


def test_fail_then_pass(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    failed = submit_attempt(attempt=attempt, answers=wrong_answers(attempt)).attempt
    assert failed.score == 0
    assert not failed.passed
    retry = start_attempt(user=trustee, quiz=quiz)
    passed = submit_attempt(attempt=retry, answers=right_answers(retry)).attempt
    assert passed.passed
    assert passed.number == 2


def test_double_submit_grades_once(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    first = submit_attempt(attempt=attempt, answers=right_answers(attempt))
    second = submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    assert first.graded_now
    assert not second.graded_now
    attempt.refresh_from_db()
    assert attempt.score == 100
    assert Attempt.objects.filter(user=trustee, quiz=quiz).count() == 1


def test_attempt_limit_refused(trustee):
    quiz = build_quiz(questions=1, attempts_allowed=1)
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers={})
    with pytest.raises(AttemptRefused, match="all 1 attempts"):
        start_attempt(user=trustee, quiz=quiz)


def test_submit_after_time_limit_refused_and_saved_answers_graded(trustee):
    quiz = build_quiz(questions=2, time_limit_minutes=10)
    attempt = start_attempt(user=trustee, quiz=quiz)
    assert attempt.deadline is not None
    saved = right_answers(attempt)
    save_answers(attempt=attempt, answers={1: saved[1]})
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=5)
    )
    attempt.refresh_from_db()
    with pytest.raises(AttemptRefused):
        save_answers(attempt=attempt, answers=saved)
    result = submit_attempt(attempt=attempt, answers=saved)
    assert result.refusal
    assert result.attempt.timed_out
    assert result.attempt.score == 50


def test_malformed_answer_stops_submit_and_is_kept(trustee):
    question = QuestionFactory(type=Question.Type.NUMERICAL)
    quiz = build_quiz(questions=0)
    quiz.quiz_questions.all().delete()
    quiz.quiz_questions.create(question=question)
    attempt = start_attempt(user=trustee, quiz=quiz)
    result = submit_attempt(attempt=attempt, answers={1: "kolme ja puoli"})
    assert result.errors
    assert not result.graded_now
    response = attempt.responses.get()
    assert response.answer == "kolme ja puoli"
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


def test_editing_question_does_not_change_past_attempt(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    answers = right_answers(attempt)
    submit_attempt(attempt=attempt, answers=answers)
    question = quiz.quiz_questions.first().question
    question.text = "<p>Muutettu</p>"
    question.save()
    Choice.objects.filter(question=question).update(fraction=0)
    response = Response.objects.get(attempt=attempt, question=question)
    assert response.snapshot["text"] != "<p>Muutettu</p>"
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_random_questions_from_category(trustee):
    category = QuestionCategoryFactory()
    for _ in range(6):
        QuestionFactory(category=category)
    quiz = build_quiz(questions=1, random_category=category, random_count=4)
    attempt = start_attempt(user=trustee, quiz=quiz)
    ids = {r.question.category_id for r in attempt.responses.all()}
    assert ids == {category.pk}
    assert attempt.responses.count() == 4


def test_database_refuses_second_attempt_in_progress(trustee, quiz):
    start_attempt(user=trustee, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(user=trustee, quiz=quiz, number=2)


def test_database_refuses_duplicate_number(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers={})
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            user=trustee, quiz=quiz, number=1, state=Attempt.State.SUBMITTED
        )


def test_ordering_never_shown_in_right_order(trustee):
    question = QuestionFactory(type=Question.Type.ORDERING)
    quiz = build_quiz(questions=0)
    quiz.quiz_questions.all().delete()
    quiz.quiz_questions.create(question=question)
    for _ in range(5):
        attempt = start_attempt(user=trustee, quiz=quiz)
        positions = [i["position"] for i in attempt.responses.get().snapshot["items"]]
        assert positions != sorted(positions)
        submit_attempt(attempt=attempt, answers={})


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers anyway"
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_concurrent_submits_grade_once():
    trustee = verified_user()
    quiz = build_quiz(questions=3)
    attempt = start_attempt(user=trustee, quiz=quiz)
    answers = right_answers(attempt)
    barrier = threading.Barrier(2)
    results = []

    def submit():
        try:
            barrier.wait()
            results.append(submit_attempt(attempt=attempt, answers=answers))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.graded_now for r in results) == [False, True]
    assert Attempt.objects.filter(user=trustee, quiz=quiz).count() == 1
    attempt.refresh_from_db()
    assert attempt.score == 100
