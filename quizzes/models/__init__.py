"""The question bank, quiz pages, and learners' attempts and responses."""

from quizzes.models.attempts import Attempt, Response
from quizzes.models.bank import Choice, Question, QuestionCategory, QuestionTag
from quizzes.models.quiz_page import QuizPage, QuizQuestion

__all__ = [
    "Attempt",
    "Choice",
    "Question",
    "QuestionCategory",
    "QuestionTag",
    "QuizPage",
    "QuizQuestion",
    "Response",
]
