import pytest
from django.utils import translation

from quizzes.models import Question
from tests.factories import verified_user
from tests.factories.quizzes import QuestionFactory, QuizPageFactory, build_quiz

EVERY_TYPE = [kind.value for kind in Question.Type]


@pytest.fixture
def messages_in_english():
    """For tests of what parsers and attempt rules report: the source language.

    The suite activates Finnish before every test; these tests check messages as
    written in the code, not as translated.
    """
    with translation.override("en"):
        yield


@pytest.fixture
def quiz(db):
    """A three-question single-choice quiz, pass mark 70 %."""
    return build_quiz(questions=3)


@pytest.fixture
def other_trustee(db):
    return verified_user(email="toinen@example.fi")


@pytest.fixture
def every_type_quiz(db):
    """One question of every type, in a fixed order."""
    return QuizPageFactory(
        questions=[QuestionFactory(type=kind) for kind in EVERY_TYPE]
    )


def right_answers(attempt) -> dict:
    """The full-marks answer for every response of an attempt, by position."""
    answers = {}
    for response in attempt.responses.all():
        snap = response.snapshot
        kind = snap["type"]
        if kind in ("single", "true_false"):
            answers[response.position] = max(
                snap["options"], key=lambda o: float(o["fraction"])
            )["token"]
        elif kind == "multiple":
            answers[response.position] = [
                o["token"] for o in snap["options"] if float(o["fraction"]) > 0
            ]
        elif kind == "short_answer":
            answers[response.position] = snap["accepted"][0]["text"]
        elif kind == "numerical":
            answers[response.position] = snap["accepted"][0]["value"].replace(".", ",")
        elif kind == "matching":
            token_of = {a["text"]: a["token"] for a in snap["answers"]}
            answers[response.position] = {
                p["token"]: token_of[p["answer"]] for p in snap["prompts"]
            }
        elif kind == "ordering":
            answers[response.position] = {
                i["token"]: i["position"] + 1 for i in snap["items"]
            }
        elif kind == "essay":
            answers[response.position] = "Pohdintani."
    return answers


def wrong_answers(attempt) -> dict:
    """A zero-marks answer for every single-choice response."""
    return {
        r.position: min(r.snapshot["options"], key=lambda o: float(o["fraction"]))[
            "token"
        ]
        for r in attempt.responses.all()
        if r.snapshot["type"] in ("single", "true_false")
    }
