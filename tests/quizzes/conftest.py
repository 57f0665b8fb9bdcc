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


def _bank_choices(response) -> list:
    """The bank question's options, in their order: what is right, independently
    of what the attempt's snapshot says."""
    return list(Question.objects.get(pk=response.snapshot["id"]).choices.all())


def _tokens_by_text(items: list[dict]) -> dict[str, str]:
    return {item["text"]: item["token"] for item in items}


def right_answers(attempt) -> dict:
    """The full-marks answer for every response of an attempt, by position.

    Read from the bank's options and matched to the attempt's tokens by their
    text, so a snapshot that scored the wrong option would fail the tests.
    """
    answers = {}
    for response in attempt.responses.all():
        snap = response.snapshot
        kind = snap["type"]
        choices = _bank_choices(response)
        best = max(choices, key=lambda c: c.fraction) if choices else None
        if kind in ("single", "true_false"):
            answers[response.position] = _tokens_by_text(snap["options"])[best.text]
        elif kind == "multiple":
            token = _tokens_by_text(snap["options"])
            answers[response.position] = [
                token[c.text] for c in choices if c.fraction > 0
            ]
        elif kind == "short_answer":
            answers[response.position] = best.text
        elif kind == "numerical":
            answers[response.position] = best.text.replace(".", ",")
        elif kind == "matching":
            prompt = _tokens_by_text(snap["prompts"])
            answer = _tokens_by_text(snap["answers"])
            answers[response.position] = {
                prompt[c.text]: answer[c.match_text] for c in choices if c.text.strip()
            }
        elif kind == "ordering":
            item = _tokens_by_text(snap["items"])
            answers[response.position] = {
                item[c.text]: place for place, c in enumerate(choices, start=1)
            }
        elif kind == "essay":
            answers[response.position] = "Pohdintani."
    return answers


def wrong_answers(attempt) -> dict:
    """A zero-marks answer for every single-choice response, from the bank."""
    answers = {}
    for response in attempt.responses.all():
        if response.snapshot["type"] in ("single", "true_false"):
            worst = min(_bank_choices(response), key=lambda c: c.fraction)
            answers[response.position] = _tokens_by_text(response.snapshot["options"])[
                worst.text
            ]
    return answers
