"""True or false: two options whose texts are the keys "true" and "false"."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_syntax import escape
from quizzes.interchange import ChoiceData, EntryError
from quizzes.moodle_reading import fraction, plain, rich
from quizzes.question_types.base import full_marks
from quizzes.question_types.choice import ChoiceType
from quizzes.question_types.single import grade_single

TEXTS = ("true", "false")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}


def _gift_parts(body: str) -> tuple[str, list[str]]:
    """A GIFT block's TRUE or FALSE word (upper case) and the feedbacks after it."""
    head, *feedbacks = [part.strip() for part in re.split(r"(?<!\\)#", body)]
    return head.upper(), feedbacks


class TrueFalse(ChoiceType):
    """Graded as a single choice; shown as True and False in the learner's language."""

    name = "true_false"
    moodle_kind = "truefalse"

    def ordered(self, options, *, rng, shuffle):
        # True comes first, as everywhere; the order reveals nothing.
        return sorted(options, key=lambda option: option["text"] != "true")

    def option_label(self, text):
        return _("True") if text == "true" else _("False")

    def grade(self, snapshot, answer):
        return grade_single(snapshot["options"], answer)

    def gift_claims(self, body):
        return _gift_parts(body)[0] in _TRUE | _FALSE

    def gift_choices(self, body, fmt):
        """GIFT writes the feedback for a wrong answer first, then for the right."""
        head, feedbacks = _gift_parts(body)
        if len(feedbacks) > 2:
            raise EntryError(_("a true/false answer has at most two feedbacks"))
        truth = head in _TRUE
        wrong, right = (feedbacks + ["", ""])[:2]
        return [
            ChoiceData("true", Decimal(truth), fmt.rich(right if truth else wrong)),
            ChoiceData(
                "false", Decimal(not truth), fmt.rich(wrong if truth else right)
            ),
        ]

    def gift_answers(self, question):
        by_text = {c.text: c for c in question.choices}
        true, false = by_text.get("true"), by_text.get("false")
        truth = bool(true and true.fraction > 0)
        right, wrong = (true, false) if truth else (false, true)
        body = "TRUE" if truth else "FALSE"
        body += "#" + escape(wrong.feedback if wrong else "")
        return body + "#" + escape(right.feedback if right else "")

    def moodle_choices(self, element):
        by_text = {}
        for answer in element.findall("answer"):
            key = plain(answer).lower()
            if key not in TEXTS:
                raise EntryError(_("true/false answers must be “true” and “false”"))
            by_text[key] = ChoiceData(key, fraction(answer), rich(answer, "feedback"))
        if set(by_text) != set(TEXTS):
            raise EntryError(_("true/false needs both answers"))
        return [by_text[text] for text in TEXTS]

    def problems(self, choices):
        # The quiz shows an option as "True" or "False" by its text, so the texts
        # are keys, not wording.
        if sorted(c.text for c in choices) != sorted(TEXTS):
            return [
                _(
                    "A true/false question needs exactly two options, with the "
                    "texts “true” and “false”."
                )
            ]
        if len(full_marks(choices)) != 1:
            return [
                _(
                    "In a true/false question exactly one of “true” and “false” "
                    "must be worth all the points (fraction 1)."
                )
            ]
        return []
