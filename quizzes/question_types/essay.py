"""Essay: an ungraded reflection, private to its writer unless shared."""

import html

from courses.sanitize import clean_html
from quizzes.question_types.base import QuestionType

MAX_ESSAY = 20_000


class Essay(QuestionType):
    """The answer is HTML, passed through the shared allowlist when read."""

    name = "essay"
    moodle_kind = "essay"
    graded = False

    def read_answer(self, snapshot, data, key):
        return clean_html((data.get(key) or "")[:MAX_ESSAY])

    def shown_text(self, answer):
        """A stored essay is sanitised HTML text; its textarea shows it unescaped."""
        return html.unescape(answer) if isinstance(answer, str) else ""

    def gift_claims(self, body):
        return body == ""

    def gift_answers(self, question):
        return ""

    def review_fields(self, snapshot, answer, *, show_feedback):
        return {"answer_text": answer or ""}
