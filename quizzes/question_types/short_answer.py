"""Short answer: typed text compared with the accepted answers, loosely."""

import unicodedata
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_reading import answer_signs, weighted_choices
from quizzes.gift_syntax import answer
from quizzes.moodle_reading import answer_option
from quizzes.question_types.base import full_marks, text_of
from quizzes.question_types.typed import TypedAnswerType


def normalise_text(value: str | None) -> str:
    """Fold a typed answer so that case, spacing, punctuation around it and
    Unicode form do not matter.

    NFKC joins a decomposed "a" + combining diaeresis into "ä" and flattens
    compatibility forms; casefold handles "ß" and the like; inner runs of
    whitespace count as one space; punctuation at either end ("Valtuusto.",
    "”valtuusto”") is dropped, inner punctuation ("3,5") is kept.
    """
    text = value if isinstance(value, str) else ""
    words = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return _strip_punctuation(words)


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (_is_punctuation(text[start]) or text[start] == " "):
        start += 1
    while end > start and (_is_punctuation(text[end - 1]) or text[end - 1] == " "):
        end -= 1
    return text[start:end]


class ShortAnswer(TypedAnswerType):
    """Right when the folded text equals a folded accepted answer."""

    name = "short_answer"
    moodle_kind = "shortanswer"

    def accepted_entry(self, choice):
        return {
            "text": choice.text,
            "fraction": str(choice.fraction),
            "feedback": choice.feedback or "",
        }

    def moodle_accepted(self, answer):
        return answer_option(answer)

    def hits(self, accepted, answer):
        typed = normalise_text(answer)
        return bool(typed) and normalise_text(accepted["text"]) == typed

    def wrong_choices(self, snapshot, answer):
        if not answer:
            return []
        accepted = {
            normalise_text(a["text"])
            for a in snapshot["accepted"]
            if Decimal(a["fraction"]) > 0
        }
        typed = normalise_text(answer)
        return [typed] if typed not in accepted else []

    def gift_claims(self, body):
        return answer_signs(body) == {"="}

    def gift_choices(self, body, fmt):
        return weighted_choices(body, fmt)

    def gift_answers(self, question):
        return " ".join(
            answer("=", c, weight=c.fraction != 1) for c in question.choices
        )

    def problems(self, choices):
        if not any(text_of(c) for c in full_marks(choices)):
            return [
                _(
                    "A short-answer question needs an accepted answer worth all the "
                    "points (fraction 1)."
                )
            ]
        return []
