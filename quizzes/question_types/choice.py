"""What single choice, multiple choice and true/false share: options to pick."""

import xml.etree.ElementTree as ET  # only to write XML; parsing is defused
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_reading import weighted_choices
from quizzes.interchange import EntryError
from quizzes.moodle_reading import answer_option, child_text
from quizzes.question_types.base import QuestionType, shuffled, token

MIN_OPTIONS = 2


class ChoiceType(QuestionType):
    """Options with their fractions; the answer is the picked token (or tokens)."""

    def snapshot(self, choices, *, rng, shuffle):
        options = [
            {
                "token": token(),
                "text": choice.text,
                "fraction": str(choice.fraction),
                "feedback": choice.feedback or "",
            }
            for choice in choices
        ]
        return {"options": self.ordered(options, rng=rng, shuffle=shuffle)}

    def ordered(self, options: list[dict], *, rng, shuffle: bool) -> list[dict]:
        """The options in the order this attempt shows them."""
        return shuffled(options, rng) if shuffle else options

    moodle_single = ""  # single choice "true", multiple "false"; none for true/false

    def moodle_answers(self, element, question):
        if self.moodle_single:
            ET.SubElement(element, "single").text = self.moodle_single
            ET.SubElement(element, "shuffleanswers").text = "true"
        super().moodle_answers(element, question)

    def gift_choices(self, body, fmt):
        return weighted_choices(body, fmt)

    def moodle_claims(self, element):
        if not self.moodle_single:
            return True
        single = child_text(element, "single").strip().lower() in ("true", "1")
        return single == (self.moodle_single == "true")

    def moodle_choices(self, element):
        choices = [answer_option(answer) for answer in element.findall("answer")]
        if len(choices) < MIN_OPTIONS:
            raise EntryError(_("a choice question needs at least two answers"))
        return choices

    def picked(self, answer) -> set:
        """The picked tokens of a stored answer."""
        return {answer}

    def read_answer(self, snapshot, data, key):
        value = data.get(key)
        return value if value in offered_tokens(snapshot) else None

    def take_fields(self, snapshot, answer):
        picked = self.picked(answer)
        options = [
            {
                "token": option["token"],
                "text": self.option_label(option["text"]),
                "checked": option["token"] in picked,
            }
            for option in snapshot["options"]
        ]
        return {"options": options}

    def review_fields(self, snapshot, answer, *, show_feedback):
        picked = self.picked(answer)
        options, feedback = [], []
        for option in snapshot["options"]:
            chosen = option["token"] in picked
            options.append(
                {
                    "text": self.option_label(option["text"]),
                    "chosen": chosen,
                    "right": float(option["fraction"]) > 0 if show_feedback else None,
                }
            )
            if show_feedback and chosen and option["feedback"]:
                feedback.append(option["feedback"])
        return {"options": options, "feedback": feedback}

    def wrong_choices(self, snapshot, answer):
        picked = self.picked(answer)
        return [
            self.option_label(option["text"])
            for option in snapshot["options"]
            if option["token"] in picked and Decimal(option["fraction"]) <= 0
        ]


def offered_tokens(snapshot: dict) -> set[str]:
    """The tokens of the options the page offered."""
    return {option["token"] for option in snapshot["options"]}
