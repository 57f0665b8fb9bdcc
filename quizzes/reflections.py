"""Reflections (essay answers) that their writers chose to share with facilitators.

An essay is private to its writer: only responses with `shared` set, from
submitted attempts, ever leave this module, and unlike the item analysis they
carry the writer's name, because sharing is the writer's own decision. All of
a quiz's shared reflections are read with one query, whatever their number.
"""

from dataclasses import dataclass, field
from datetime import datetime

from courses.sanitize import clean_html
from quizzes.models import Attempt, Question, QuizPage, Response


@dataclass
class SharedReflection:
    """One shared essay answer; `text` is allowlisted HTML, safe to render."""

    writer: str
    submitted_at: datetime | None
    attempt_number: int
    text: str


@dataclass
class ReflectionQuestion:
    """An essay question of the quiz, as it was shown, with its shared answers."""

    name: str
    text: str
    reflections: list[SharedReflection] = field(default_factory=list)


def shared_reflections(quiz: QuizPage) -> list[ReflectionQuestion]:
    """The shared reflections of `quiz`, grouped by essay question, newest first.

    Questions are named and worded as the attempts showed them (the response's
    snapshot), so a later edit or deletion in the bank does not relabel what a
    trustee answered. The answer was cleaned when it was saved; it is cleaned
    again here so that nothing stored by another route reaches the page raw.
    """
    responses = (
        Response.objects.filter(
            attempt__quiz=quiz,
            attempt__state=Attempt.State.SUBMITTED,
            shared=True,
            snapshot__type=Question.Type.ESSAY,
        )
        .select_related("attempt__user")
        .order_by("-attempt__submitted_at", "-pk")
    )
    by_question: dict = {}
    for response in responses:
        snapshot = response.snapshot
        key = response.question_id or snapshot.get("id") or snapshot.get("name")
        group = by_question.get(key)
        if group is None:
            group = by_question[key] = ReflectionQuestion(
                name=snapshot.get("name", ""), text=snapshot.get("text", "")
            )
        answer = response.answer if isinstance(response.answer, str) else ""
        group.reflections.append(
            SharedReflection(
                writer=str(response.attempt.user),
                submitted_at=response.attempt.submitted_at,
                attempt_number=response.attempt.number,
                text=clean_html(answer),
            )
        )
    return sorted(by_question.values(), key=lambda group: group.name)
