"""Study progress for demo trustees, made through the same functions a learner's
clicks call, so that dashboards and comparisons have something to show.

A quiz is answered from its bank question's options (the best option for a
pass, the worst for a fail), never from what the attempt's snapshot marks.
"""

import random
from datetime import timedelta

from django.utils import timezone

from courses.lessons import mark_lesson_complete
from courses.models import CoursePage, LessonCompletion, LessonPage
from courses.outline import Step, course_outline
from courses.steps import records_changed
from quizzes.attempts import AttemptRefused, start_attempt, submit_attempt
from quizzes.models import Attempt, Question, QuizPage


def course_steps() -> list[Step]:
    """Every step of the live courses in page order; empty before any is loaded."""
    return [
        step
        for course in CoursePage.objects.live().order_by("path")
        for step in course_outline(course).steps
    ]


def _tokens(items: list[dict]) -> dict[str, str]:
    return {item["text"]: item["token"] for item in items}


def _answer(snapshot: dict, choices: list, *, right: bool):
    """One question's answer built from the bank's options, or None to leave it."""
    kind = snapshot["type"]
    if not choices:
        return "Pohdintani." if kind == "essay" and right else None
    best = max(choices, key=lambda c: c.fraction)
    if kind in ("single", "true_false"):
        pick = best if right else min(choices, key=lambda c: c.fraction)
        return _tokens(snapshot["options"])[pick.text]
    if not right:
        return None
    if kind == "multiple":
        token = _tokens(snapshot["options"])
        return [token[c.text] for c in choices if c.fraction > 0]
    if kind == "short_answer":
        return best.text
    if kind == "numerical":
        return best.text.replace(".", ",")
    if kind == "matching":
        prompt, answer = _tokens(snapshot["prompts"]), _tokens(snapshot["answers"])
        return {prompt[c.text]: answer[c.match_text] for c in choices if c.text.strip()}
    if kind == "ordering":
        item = _tokens(snapshot["items"])
        return {item[c.text]: place for place, c in enumerate(choices, start=1)}
    return None


def take_quiz(*, user, quiz: QuizPage, right: bool, when) -> None:
    """One submitted attempt, passed (`right`) or failed, dated `when`."""
    try:
        attempt = start_attempt(user=user, quiz=quiz, rng=random.Random(user.pk))
    except AttemptRefused:
        return
    responses = list(attempt.responses.all())
    questions = Question.objects.prefetch_related("choices").in_bulk(
        [r.snapshot["id"] for r in responses]
    )
    answers = {}
    for response in responses:
        choices = list(questions[response.snapshot["id"]].choices.all())
        answer = _answer(response.snapshot, choices, right=right)
        if answer is not None:
            answers[response.position] = answer
    submit_attempt(attempt=attempt, answers=answers)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=when, submitted_at=when)


def give_progress(*, user, steps: list[Step], done: int, failed_next: bool) -> None:
    """Complete the first `done` steps, a few days apart, ending days ago.

    With `failed_next`, the first quiz after them gets a failed attempt, so its
    module shows as begun. Running it again adds nothing.
    """
    lessons = LessonPage.objects.in_bulk([s.pk for s in steps if s.kind == "lesson"])
    quizzes = QuizPage.objects.in_bulk([s.pk for s in steps if s.kind == "quiz"])
    attempted = set(Attempt.objects.filter(user=user).values_list("quiz_id", flat=True))
    now = timezone.now()
    for position, step in enumerate(steps[:done]):
        when = now - timedelta(days=3 * (done - position) + user.pk % 5 + 1)
        if step.kind == "lesson":
            mark_lesson_complete(user=user, lesson=lessons[step.pk])
            LessonCompletion.objects.filter(user=user, lesson_id=step.pk).update(
                completed_at=when
            )
        elif step.pk not in attempted:
            take_quiz(user=user, quiz=quizzes[step.pk], right=True, when=when)
    later_quiz = next((s for s in steps[done:] if s.kind == "quiz"), None)
    if failed_next and later_quiz and later_quiz.pk not in attempted:
        take_quiz(user=user, quiz=quizzes[later_quiz.pk], right=False, when=now)
    records_changed(user.pk)
