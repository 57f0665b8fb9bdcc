"""Starting, answering and submitting quiz attempts.

The database holds the invariants (see `Attempt`); these functions lean on them
rather than on row locks, which SQLite does not have: a second "start" hits the
one-in-progress constraint and gets the existing attempt back, and a second
"submit" finds the state already flipped by a conditional update and returns
the first result. Every function costs a fixed number of queries whatever the
number of questions.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.steps import records_changed
from quizzes.grading import grade, score_attempt, validate_answer
from quizzes.models import Attempt, Choice, Question, QuizPage, Response
from quizzes.question_types import question_type
from quizzes.question_types.base import shuffled
from quizzes.standing import attempts_left

# Slack for the trip from the learner's browser to the server at the deadline.
TIME_LIMIT_GRACE = timedelta(seconds=30)


class AttemptRefused(Exception):
    """An action the quiz rules do not allow; the message is for the learner."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def question_snapshot(question: Question, *, rng: random.Random, shuffle: bool) -> dict:
    """The question as one attempt will show and grade it, with fresh opaque tokens.

    Tokens are random per attempt and option, so neither the page nor a
    previous attempt tells which option is which; what else the snapshot holds
    depends on the question's type.
    """
    snapshot = {
        "id": question.pk,
        "name": question.name,
        "type": question.type,
        "text": question.text or "",
        "general_feedback": question.general_feedback or "",
        "points": str(question.points),
    }
    kind = question_type(question.type)
    snapshot.update(
        kind.snapshot(list(question.choices.all()), rng=rng, shuffle=shuffle)
    )
    return snapshot


def _questions_for(quiz: QuizPage, rng: random.Random) -> list[Question]:
    """The questions of a new attempt: the ordered list, or a random draw."""
    choices = Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk"))
    if quiz.random_category_id:
        questions = list(
            Question.objects.filter(category_id=quiz.random_category_id)
            .order_by("?")
            .prefetch_related(choices)[: quiz.random_count]
        )
    else:
        placements = quiz.quiz_questions.select_related("question").order_by(
            "sort_order", "pk"
        )
        by_id = {p.question_id: p.question for p in placements}
        questions = list(by_id.values())
        prefetch_related_objects(questions, choices)
    if quiz.shuffle_questions:
        questions = shuffled(questions, rng)
    return questions


def in_progress_attempt(*, user, quiz: QuizPage) -> Attempt | None:
    """The learner's open attempt at `quiz`, if there is one."""
    return Attempt.objects.filter(
        user=user, quiz=quiz, state=Attempt.State.IN_PROGRESS
    ).first()


def is_expired(attempt: Attempt, now=None) -> bool:
    """Whether the attempt's time limit (plus a little grace) has run out."""
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + TIME_LIMIT_GRACE


def start_attempt(*, user, quiz: QuizPage, rng: random.Random | None = None) -> Attempt:
    """Open a new attempt at `quiz`, or return the one already in progress.

    Refuses (AttemptRefused) when the learner has used every allowed attempt.
    The attempt's question order, option order and tokens are fixed here and
    stored, so reloading the page shows the same quiz.
    """
    rng = rng or random.SystemRandom()
    existing = in_progress_attempt(user=user, quiz=quiz)
    if existing is not None:
        if not is_expired(existing):
            return existing
        submit_attempt(attempt=existing, answers=None)
    for _retry in range(2):
        try:
            with transaction.atomic():
                return _create_attempt(user=user, quiz=quiz, rng=rng)
        except IntegrityError:
            # A concurrent start won the race: use its attempt if it is open,
            # otherwise the number was taken and one more try gets the next one.
            existing = in_progress_attempt(user=user, quiz=quiz)
            if existing is not None:
                return existing
    raise AttemptRefused(_("The attempt could not be started. Please try again."))


def _create_attempt(*, user, quiz: QuizPage, rng: random.Random) -> Attempt:
    used = Attempt.objects.filter(user=user, quiz=quiz).aggregate(n=Max("number"))["n"]
    used = used or 0
    if attempts_left(quiz=quiz, used=used) == 0:
        raise AttemptRefused(
            ngettext(
                "You have used the one attempt allowed at this quiz.",
                "You have used all %(count)s attempts allowed at this quiz.",
                quiz.attempts_allowed,
            )
            % {"count": quiz.attempts_allowed}
        )
    questions = _questions_for(quiz, rng)
    if not questions:
        raise AttemptRefused(_("This quiz has no questions yet."))
    now = timezone.now()
    deadline = (
        now + timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes
        else None
    )
    attempt = Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=used + 1,
        deadline=deadline,
    )
    records_changed(user.pk)
    Response.objects.bulk_create(
        Response(
            attempt=attempt,
            question=question,
            position=position,
            snapshot=question_snapshot(question, rng=rng, shuffle=quiz.shuffle_options),
        )
        for position, question in enumerate(questions, start=1)
    )
    return attempt


class StaleForm(Exception):
    """The form was opened before answers were saved from another tab or window.

    Nothing was written; `current` is the attempt as it is now, so the view can
    show the newer answers together with the ones this form changed.
    """

    def __init__(self, current: Attempt):
        super().__init__("stale attempt form")
        self.current = current


def _refuse_if_closed(attempt: Attempt, now=None) -> None:
    if attempt.state != Attempt.State.IN_PROGRESS:
        raise AttemptRefused(_("This attempt has already been submitted."))
    if is_expired(attempt, now):
        raise AttemptRefused(
            _(
                "The time limit of this attempt has passed; "
                "answers can no longer change."
            )
        )


def _apply_answers(responses: list[Response], answers: dict[int, object]) -> list:
    """Put the answers (by position) on the responses; return the changed ones."""
    changed = []
    for response in responses:
        if response.position in answers:
            response.answer = answers[response.position]
            changed.append(response)
    return changed


def _answer_errors(responses: list[Response]) -> dict[int, str]:
    """What to correct before the attempt can be submitted, by position."""
    errors = {}
    for response in responses:
        message = validate_answer(response.snapshot, response.answer)
        if message:
            errors[response.position] = message
    return errors


def _claim(attempt: Attempt, revision: int | None, **changes) -> None:
    """Move the open attempt on by one revision in one conditional UPDATE.

    The row counts only if the attempt is still in progress and, when the form
    said which revision it was opened at, still at that revision. This single
    statement is what orders saves and submits on both SQLite and PostgreSQL:
    whichever commits first wins, and the other finds no row to update.
    """
    rows = Attempt.objects.filter(pk=attempt.pk, state=Attempt.State.IN_PROGRESS)
    if revision is not None:
        rows = rows.filter(revision=revision)
    if rows.update(revision=F("revision") + 1, **changes):
        attempt.revision = (revision if revision is not None else attempt.revision) + 1
        return
    current = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    _refuse_if_closed(current)
    raise StaleForm(current)


def save_answers(
    *, attempt: Attempt, answers: dict[int, object], revision: int | None = None
) -> dict[int, str]:
    """Store the changed answers without submitting; return problems by position.

    `answers` holds only the questions the form changed, so an answer saved
    from another tab is never overwritten by an unchanged field. With
    `revision` (the attempt's revision when the form was shown) a form that is
    out of date raises StaleForm and writes nothing. Answers are stored even
    when some are malformed, so nothing typed is lost; the messages say what to
    correct before submitting.
    """
    _refuse_if_closed(attempt)
    if not answers:
        return {}
    with transaction.atomic():
        _claim(attempt, revision)
        responses = list(attempt.responses.all())
        changed = _apply_answers(responses, answers)
        Response.objects.bulk_update(changed, ["answer"])
    return {
        position: message
        for position, message in _answer_errors(responses).items()
        if position in answers
    }


@dataclass
class SubmitResult:
    """What a submit did: graded now, refused, or found it already graded."""

    attempt: Attempt
    graded_now: bool = False
    errors: dict[int, str] = field(default_factory=dict)
    refusal: str | None = None


def submit_attempt(
    *,
    attempt: Attempt,
    answers: dict[int, object] | None,
    revision: int | None = None,
) -> SubmitResult:
    """Grade the attempt exactly once, however many times it is submitted.

    `answers` are the questions the form changed (None when the time limit
    closes the attempt). The state flips from in progress to submitted in one
    conditional UPDATE (see `_claim`) before the answers are read, so a save
    that commits first is graded and a save that comes later is refused: what
    is graded is always what is stored. Malformed answers stop the submit and
    are saved so the learner can fix them. After the time limit the new
    answers are refused and the answers saved in time are graded.
    """
    now = timezone.now()
    current = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    if current.state != Attempt.State.IN_PROGRESS:
        return SubmitResult(current)
    expired = is_expired(current, now)
    refusal = None
    if answers is not None and expired:
        refusal = _(
            "The time limit had passed, so your last changes were not accepted. "
            "The answers you saved in time have been graded."
        )
        answers, revision = None, None
    if answers:
        responses = list(current.responses.all())
        _apply_answers(responses, answers)
        if errors := _answer_errors(responses):
            try:
                save_answers(attempt=current, answers=answers, revision=revision)
            except AttemptRefused:
                return SubmitResult(
                    Attempt.objects.select_related("quiz").get(pk=current.pk)
                )
            return SubmitResult(current, errors=errors)
    with transaction.atomic():
        try:
            _claim(
                current,
                revision,
                state=Attempt.State.SUBMITTED,
                submitted_at=now,
                timed_out=expired,
            )
        except AttemptRefused:
            return SubmitResult(
                Attempt.objects.select_related("quiz").get(pk=current.pk)
            )
        responses = list(current.responses.all())
        _apply_answers(responses, answers or {})
        _grade(current, responses, now=now, expired=expired)
    return SubmitResult(current, graded_now=True, refusal=refusal)


def _grade(attempt: Attempt, responses: list[Response], *, now, expired) -> None:
    graded = []
    for response in responses:
        fraction = grade(response.snapshot, response.answer)
        response.fraction = fraction
        response.points = fraction * Decimal(response.snapshot["points"])
        graded.append((response.snapshot, fraction))
    Response.objects.bulk_update(responses, ["answer", "fraction", "points"])
    total = score_attempt(graded)
    attempt.state = Attempt.State.SUBMITTED
    attempt.submitted_at = now
    attempt.timed_out = expired
    attempt.points = total.points
    attempt.max_points = total.max_points
    attempt.score = total.percent
    attempt.passed = total.percent >= attempt.quiz.pass_mark
    Attempt.objects.filter(pk=attempt.pk).update(
        points=attempt.points,
        max_points=attempt.max_points,
        score=attempt.score,
        passed=attempt.passed,
    )
    records_changed(attempt.user_id)


def feedback_visible(*, quiz: QuizPage, passed_any: bool) -> bool:
    """Whether right answers and feedback may be shown under the quiz's policy."""
    if quiz.feedback_policy == QuizPage.Feedback.AFTER_SUBMIT:
        return True
    if quiz.feedback_policy == QuizPage.Feedback.ONCE_PASSED:
        return passed_any
    return False


@transaction.atomic
def set_essay_shared(*, response: Response, shared: bool) -> None:
    """Let facilitators read (or stop reading) the writer's own essay answer."""
    if response.snapshot.get("type") != Question.Type.ESSAY:
        raise AttemptRefused(_("Only reflections can be shared."))
    Response.objects.filter(pk=response.pk).update(shared=shared)
    response.shared = shared
