"""A person with rows in every app that stores personal data, for the export
and deletion tests."""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from accessibility.models import Feedback
from courses.models import LessonCompletion
from municipalities.models import (
    Body,
    Invitation,
    Membership,
    Municipality,
    Reminder,
    ReminderOptOut,
)
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Question
from tests.factories import (
    LessonPageFactory,
    ModulePageFactory,
    QuestionFactory,
    QuizPageFactory,
)
from tests.municipalities.coordinator_helpers import coordinate
from tests.quizzes.conftest import right_answers


@dataclass
class Rows:
    lessons: list = field(default_factory=list)
    quizzes: list = field(default_factory=list)
    municipality: object = None
    module: object = None


def reflective_quiz():
    return QuizPageFactory(
        questions=[QuestionFactory(), QuestionFactory(type=Question.Type.ESSAY)]
    )


def submit(quiz, user, essay: str):
    attempt = start_attempt(user=user, quiz=quiz)
    answers = right_answers(attempt)
    for response in attempt.responses.all():
        if response.snapshot["type"] == Question.Type.ESSAY:
            answers[response.position] = essay
    submit_attempt(attempt=attempt, answers=answers)
    return attempt


def give_rows(user, *, count: int = 1, essay: str = "Pohdintani.") -> Rows:
    """`count` completions and submitted attempts, and one of everything else:
    a seat, a coordination, an accepted invitation, a received reminder, the
    reminder opt-out and accessibility feedback."""
    rows = Rows()
    for _ in range(count):
        lesson = LessonPageFactory()
        LessonCompletion.objects.create(user=user, lesson=lesson)
        rows.lessons.append(lesson)
        quiz = reflective_quiz()
        submit(quiz, user, essay)
        rows.quizzes.append(quiz)
    home, _ = Municipality.objects.get_or_create(
        code="091", defaults={"name_fi": "Helsinki"}
    )
    rows.municipality = home
    council, _ = Body.objects.get_or_create(
        municipality=home, kind="council", name="Valtuusto"
    )
    Membership.objects.create(user=user, body=council, role=Membership.Role.MEMBER)
    coordinate(user, home)
    now = timezone.now()
    Invitation.objects.create(
        municipality=home,
        body=council,
        role=Membership.Role.MEMBER,
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        language="fi",
        token=secrets.token_urlsafe(32),
        expires_at=now + timedelta(days=14),
        accepted_by=user,
        accepted_at=now,
    )
    rows.module = ModulePageFactory()
    Reminder.objects.create(user=user, municipality=home, module=rows.module)
    ReminderOptOut.objects.create(user=user)
    Feedback.objects.create(
        message=f"{user.first_name} ei löytänyt painiketta.",
        page_url="/",
        email=user.email,
        language="fi",
        user=user,
    )
    return rows
