"""Starting, saving and submitting attempts: rules, idempotency and snapshots."""

import random
import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from quizzes.attempts import (
    AttemptRefused,
    SubmitResult,
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
    with pytest.raises(AttemptRefused, match="the one attempt allowed"):
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


def _one_question_quiz(question):
    quiz = build_quiz(questions=0)
    quiz.quiz_questions.all().delete()
    quiz.quiz_questions.create(question=question)
    return quiz


TWO_ITEMS = {
    Question.Type.ORDERING: [("Kokouskutsu", 0), ("Päätös", 0)],
    Question.Type.MATCHING: [
        {"text": "Valtuusto", "match_text": "Päättää talousarviosta"},
        {"text": "Kunnanhallitus", "match_text": "Valmistelee asiat"},
    ],
}


def _shown_in_right_order(snapshot) -> bool:
    """Whether the page would list the items (or answers) in the right order."""
    if snapshot["type"] == Question.Type.ORDERING:
        return [i["text"] for i in snapshot["items"]] == ["Kokouskutsu", "Päätös"]
    expected = [p["answer"] for p in snapshot["prompts"]]
    return [a["text"] for a in snapshot["answers"]] == expected


@pytest.mark.parametrize("kind", sorted(TWO_ITEMS))
def test_two_item_order_is_sometimes_right_and_sometimes_not(trustee, kind):
    """A shuffle that never shows the right order gives the answer away."""
    quiz = _one_question_quiz(QuestionFactory(type=kind, options=TWO_ITEMS[kind]))
    right = 0
    for seed in range(40):
        attempt = start_attempt(user=trustee, quiz=quiz, rng=random.Random(seed))
        snapshot = attempt.responses.get().snapshot
        # Stable across reloads: starting again resumes the same attempt.
        again = start_attempt(user=trustee, quiz=quiz, rng=random.Random(seed + 1))
        assert again.responses.get().snapshot == snapshot
        right += _shown_in_right_order(snapshot)
        submit_attempt(attempt=attempt, answers={})
    assert 8 <= right <= 32  # about half of 40; never 0 or 40


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


def _race(*actions):
    """Run the actions in threads released together; each gets its own connection."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # noqa: BLE001 - the outcome is what is asserted
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, action))
        for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers anyway"
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
@pytest.mark.parametrize("trial", range(8))
def test_save_racing_submit_never_grades_another_answer(trial):
    """What is graded is what is stored, whichever request commits first."""
    trustee = verified_user()
    quiz = build_quiz(questions=1)
    attempt = start_attempt(user=trustee, quiz=quiz)
    right, wrong = right_answers(attempt)[1], wrong_answers(attempt)[1]
    save_answers(attempt=attempt, answers={1: wrong}, revision=0)
    outcomes = _race(
        lambda: save_answers(
            attempt=Attempt.objects.get(pk=attempt.pk), answers={1: right}, revision=1
        ),
        lambda: submit_attempt(
            attempt=Attempt.objects.get(pk=attempt.pk), answers=None
        ),
    )
    saved, submitted = outcomes
    assert isinstance(submitted, SubmitResult) and submitted.graded_now
    response = Response.objects.get(attempt=attempt)
    graded_right = response.fraction == 1
    assert (response.answer == right) == graded_right
    # The save either came first (and is graded) or was refused as too late.
    assert saved == {} if graded_right else isinstance(saved, AttemptRefused)


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_two_tabs_saving_at_once_keep_one_and_tell_the_other():
    trustee = verified_user()
    quiz = build_quiz(questions=2)
    attempt = start_attempt(user=trustee, quiz=quiz)
    answers = right_answers(attempt)
    outcomes = _race(
        *(
            lambda position=position: save_answers(
                attempt=Attempt.objects.get(pk=attempt.pk),
                answers={position: answers[position]},
                revision=0,
            )
            for position in (1, 2)
        )
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["StaleForm", "dict"]
    kept = [r.answer for r in Response.objects.filter(attempt=attempt)]
    assert sum(answer is not None for answer in kept) == 1
    assert Attempt.objects.get(pk=attempt.pk).revision == 1


def test_save_after_submit_is_refused(trustee, quiz):
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers={})
    with pytest.raises(AttemptRefused):
        save_answers(attempt=attempt, answers=right_answers(attempt), revision=0)
    # Even through an attempt object loaded before the submit.
    stale_copy = Attempt.objects.get(pk=attempt.pk)
    stale_copy.state = Attempt.State.IN_PROGRESS
    with pytest.raises(AttemptRefused):
        save_answers(attempt=stale_copy, answers=right_answers(attempt), revision=1)
    assert not Response.objects.filter(attempt=attempt, answer__isnull=False).exists()
