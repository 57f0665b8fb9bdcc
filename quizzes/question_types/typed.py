"""What short answer and numerical share: a typed answer checked against a list
of accepted ones, the best hit counting."""

from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.interchange import ChoiceData, EntryError
from quizzes.question_types.base import ZERO, QuestionType, clamp, typed_text


class TypedAnswerType(QuestionType):
    """`accepted` holds the answers that earn points, each with its feedback."""

    right_key = "text"  # the field of an accepted answer shown as right

    def accepted_entry(self, choice) -> dict:
        """One accepted answer as the snapshot keeps it."""
        raise NotImplementedError

    def hits(self, accepted: dict, answer) -> bool:
        """Whether the typed answer matches the accepted one."""
        raise NotImplementedError

    def moodle_accepted(self, answer) -> ChoiceData:
        """One Moodle XML <answer> as an accepted answer."""
        raise NotImplementedError

    def moodle_choices(self, element):
        choices = [self.moodle_accepted(answer) for answer in element.findall("answer")]
        if not choices:
            raise EntryError(_("the question has no answers"))
        return choices

    def best_accepted(self, accepted: list[dict], answer) -> dict | None:
        """The accepted answer with the highest fraction that the answer hit."""
        best = None
        for option in accepted:
            if self.hits(option, answer) and (
                best is None or Decimal(option["fraction"]) > Decimal(best["fraction"])
            ):
                best = option
        return best

    def snapshot(self, choices, *, rng, shuffle):
        return {"accepted": [self.accepted_entry(choice) for choice in choices]}

    def read_answer(self, snapshot, data, key):
        return typed_text(data, key)

    def grade(self, snapshot, answer):
        hit = self.best_accepted(snapshot["accepted"], answer)
        return clamp(Decimal(hit["fraction"])) if hit else ZERO

    def review_fields(self, snapshot, answer, *, show_feedback):
        fields = {"answer_text": answer or ""}
        if show_feedback:
            accepted = snapshot["accepted"]
            fields["right_answers"] = [
                a[self.right_key] for a in accepted if float(a["fraction"]) >= 1
            ]
            hit = self.best_accepted(accepted, answer)
            fields["feedback"] = [hit["feedback"]] if hit and hit["feedback"] else []
        return fields
