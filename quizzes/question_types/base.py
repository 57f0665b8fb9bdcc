"""The interface of a question type, and the small rules the types share.

A question type is everything that differs between, say, a numerical and a
matching question: what an attempt stores of it (its snapshot), how an answer
is read from the form, checked, graded and shown, which options the editor
refuses, and how GIFT and Moodle XML read and write it. Everything else in the
app asks the registry (`quizzes.question_types`) rather than branching on a
type name.

Nothing here (nor in `quizzes.interchange`) touches the database or the models,
so the types are testable on their own and importable from the models' admin
form without a cycle. A choice is anything with `text`, `fraction`,
`match_text`, `tolerance` and `feedback` attributes: a `quizzes.models.Choice`
or a `quizzes.interchange.ChoiceData`.
"""

import random
import secrets
from collections.abc import Sequence
from decimal import Decimal

from quizzes.interchange import ChoiceData
from quizzes.moodle_syntax import answer_element, fraction_attr

ZERO = Decimal(0)
ONE = Decimal(1)
MAX_TEXT_ANSWER = 500


def token() -> str:
    """A fresh opaque token, so neither the page nor a past attempt tells options
    apart."""
    return secrets.token_urlsafe(9)


def shuffled(items: list, rng: random.Random) -> list:
    """A uniformly shuffled copy.

    Every order is equally likely, the right one included: an order that is
    never the right one would itself give the answer away (with two items the
    shown order would always be the reverse). The order is stored with the
    attempt, so reloading the page shows the same one.
    """
    items = list(items)
    rng.shuffle(items)
    return items


def clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def fraction_of(choice) -> Decimal:
    return Decimal(choice.fraction or 0)


def text_of(choice) -> str:
    return (choice.text or "").strip()


def full_marks(choices: Sequence) -> list:
    """The options worth all the points."""
    return [c for c in choices if fraction_of(c) >= ONE]


def typed_text(data, key: str) -> str:
    """A typed answer from the form, cut to what a short answer may hold."""
    return (data.get(key) or "")[:MAX_TEXT_ANSWER]


class QuestionType:
    """What one type of question does; the defaults fit one with nothing to answer.

    `name` is the `Question.Type` value. A snapshot always holds the common
    fields (see `quizzes.attempts.question_snapshot`) and what `snapshot` adds.
    """

    name = ""
    graded = True  # counts towards the score
    answered = True  # has a form field to read

    def snapshot(self, choices: list, *, rng: random.Random, shuffle: bool) -> dict:
        """The type's part of an attempt's snapshot, from the bank's options."""
        return {}

    def read_answer(self, snapshot: dict, data, key: str):
        """The answer in the posted form, keeping only what the page offered."""
        return None

    def answer_problem(self, snapshot: dict, answer) -> str | None:
        """Why an answer cannot be graded as typed (malformed, not wrong), or None."""
        return None

    def grade(self, snapshot: dict, answer) -> Decimal:
        """The fraction (0..1) of the points the answer earns; never raises."""
        return ZERO

    def option_label(self, text: str) -> str:
        """An option's text as the learner reads it."""
        return text

    def shown_text(self, answer) -> str:
        """A typed answer as its input shows it again."""
        return answer if isinstance(answer, str) else ""

    def take_fields(self, snapshot: dict, answer) -> dict:
        """The options and rows of the answering form (`quizzes.display.TakeItem`)."""
        return {}

    def review_fields(self, snapshot: dict, answer, *, show_feedback: bool) -> dict:
        """What the review page shows of the answer (`quizzes.display.ReviewItem`);
        right answers and feedback only with `show_feedback`."""
        return {}

    def wrong_choices(self, snapshot: dict, answer) -> list[str]:
        """Texts of the wrong options (or typed answers) picked, for item analysis."""
        return []

    def prepare_choices(self, choices: Sequence) -> None:
        """Tidy options typed in the editor before they are checked and saved."""

    gift_answer_block = True  # GIFT writes the answers in {braces}

    def gift_claims(self, body: str) -> bool:
        """Whether a GIFT answer block (its inside, stripped) is of this type."""
        return False

    def gift_choices(self, body: str, fmt) -> list[ChoiceData]:
        """The options in a GIFT answer block; raises `EntryError` if malformed.

        `fmt` is the entry's `quizzes.gift_reading.Formatter`.
        """
        return []

    def gift_answers(self, question) -> str | None:
        """The inside of the GIFT answer block, or None when GIFT cannot say it.

        `question` is a `quizzes.interchange.QuestionData`; see `quizzes.gift`.
        """
        return None

    moodle_kind = ""  # the type attribute of a Moodle XML <question>

    def moodle_claims(self, element) -> bool:
        """Whether a <question> of this type's `moodle_kind` reads as this type."""
        return True

    def moodle_choices(self, element) -> list[ChoiceData]:
        """The options of a Moodle XML <question>; raises `EntryError` if malformed."""
        return []

    def moodle_answers(self, element, question) -> None:
        """Write the question's options into its Moodle XML <question> element."""
        for choice in question.choices:
            self.moodle_answer(element, choice)

    def moodle_answer(self, element, choice):
        """One option as a Moodle XML <answer>, with its fraction and feedback."""
        return answer_element(element, choice, fraction=fraction_attr(choice.fraction))

    def problems(self, choices: Sequence) -> list[str]:
        """Why a question with these options cannot be answered right; [] if it can.

        A question saved without, say, a right option would fail every trustee
        who meets it, and nobody would notice until the item analysis showed it.
        """
        return []
