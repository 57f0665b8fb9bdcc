"""Description: text between the questions, with nothing to answer."""

from quizzes.question_types.base import QuestionType


class Description(QuestionType):
    """Shown, never answered or graded; also stands in for an unknown type."""

    name = "description"
    moodle_kind = "description"
    graded = False
    answered = False
    gift_answer_block = False
