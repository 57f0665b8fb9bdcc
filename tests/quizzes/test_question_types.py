"""The registry knows every question type, and nothing else."""

from quizzes.models import Question
from quizzes.question_types import QUESTION_TYPES, is_graded, question_type


def test_every_question_type_has_exactly_one_class():
    assert set(QUESTION_TYPES) == set(Question.Type.values)
    assert all(name == kind.name for name, kind in QUESTION_TYPES.items())


def test_unknown_type_is_shown_as_text_and_not_graded():
    kind = question_type("calculated")
    assert not kind.graded and not kind.answered
    assert not is_graded({"type": "calculated"})
