"""Ordering: put the items in their right order (the bank's sort order)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.gift_reading import answer_items
from quizzes.gift_syntax import escape
from quizzes.interchange import ChoiceData, EntryError
from quizzes.moodle_reading import plain
from quizzes.moodle_syntax import answer_element
from quizzes.question_types.base import ONE, ZERO, QuestionType, shuffled, token

MIN_ITEMS = 2


def _chosen(answer) -> dict:
    return answer if isinstance(answer, dict) else {}


def ordering_sequence(items: list[dict], answer) -> list[int] | None:
    """Right positions of the items in the order the learner gave, or None.

    None means the answer is not a complete ordering: every item needs a distinct
    position from 1 to n.
    """
    chosen = _chosen(answer)
    positions = {}
    for item in items:
        try:
            positions[item["token"]] = int(chosen.get(item["token"]))
        except (TypeError, ValueError, OverflowError):
            return None
    if sorted(positions.values()) != list(range(1, len(items) + 1)):
        return None
    by_token = {item["token"]: item["position"] for item in items}
    return [
        by_token[token] for token, _ in sorted(positions.items(), key=lambda p: p[1])
    ]


class Ordering(QuestionType):
    """The answer is {item token: position from 1}; the items are always shuffled."""

    name = "ordering"
    moodle_kind = "ordering"

    def snapshot(self, choices, *, rng, shuffle):
        items = [
            {"token": token(), "text": choice.text, "position": index}
            for index, choice in enumerate(choices)
        ]
        return {"items": shuffled(items, rng)}

    def read_answer(self, snapshot, data, key):
        allowed = {str(n) for n in range(1, len(snapshot["items"]) + 1)}
        return {
            i["token"]: int(value)
            for i in snapshot["items"]
            if (value := data.get(f"{key}-{i['token']}")) in allowed
        }

    def answer_problem(self, snapshot, answer):
        """An ordering that uses a position twice cannot be graded."""
        if not (isinstance(answer, dict) and any(answer.values())):
            return None
        if ordering_sequence(snapshot["items"], answer) is None:
            return _("Give every item a different position, from 1 to %(last)s.") % {
                "last": len(snapshot["items"])
            }
        return None

    def grade(self, snapshot, answer):
        """Share of neighbouring pairs the learner put in the right order.

        As in Moodle's "relative to the next item": each item whose right
        successor follows it directly earns one of n-1 parts, so one misplaced
        step of a meeting does not zero the whole answer.
        """
        sequence = ordering_sequence(snapshot["items"], answer)
        if sequence is None:
            return ZERO
        if len(sequence) < 2:
            return ONE
        pairs = sum(
            1 for a, b in zip(sequence, sequence[1:], strict=False) if b == a + 1
        )
        return Decimal(pairs) / Decimal(len(sequence) - 1)

    def take_fields(self, snapshot, answer):
        chosen = _chosen(answer)
        items = snapshot["items"]
        return {
            "options": [str(n) for n in range(1, len(items) + 1)],
            "rows": [
                {
                    "token": entry["token"],
                    "text": entry["text"],
                    "value": str(chosen.get(entry["token"]) or ""),
                }
                for entry in items
            ],
        }

    def review_fields(self, snapshot, answer, *, show_feedback):
        sequence = ordering_sequence(snapshot["items"], answer) or []
        text_at = {i["position"]: i["text"] for i in snapshot["items"]}
        fields = {"rows": [{"text": text_at[p]} for p in sequence]}
        if show_feedback:
            fields["right_answers"] = [text_at[p] for p in sorted(text_at)]
        return fields

    # GIFT has no ordering syntax of its own; Silta reads and writes
    # "{>" followed by the items as "=" answers in their right order.
    def gift_claims(self, body):
        return body.startswith(">")

    def gift_choices(self, body, fmt):
        items = answer_items(body[1:].strip())
        if any(not item.startswith("=") for item in items):
            raise EntryError(_("the items of an ordering question must start with ="))
        choices = [ChoiceData(fmt.plain(item[1:])) for item in items]
        if len(choices) < MIN_ITEMS or any(not c.text for c in choices):
            raise EntryError(_("an ordering question needs at least two items"))
        return choices

    def gift_answers(self, question):
        return ">" + "".join(f"\n={escape(c.text)}" for c in question.choices) + "\n"

    def moodle_answer(self, element, choice):
        # The order of the <answer>s is the right order; each is "fully right".
        return answer_element(element, choice, fraction="100", feedback=False)

    def moodle_choices(self, element):
        choices = [ChoiceData(plain(answer)) for answer in element.findall("answer")]
        if len(choices) < MIN_ITEMS:
            raise EntryError(_("an ordering question needs at least two items"))
        return choices

    def problems(self, choices):
        if len(choices) < MIN_ITEMS:
            return [_("An ordering question needs at least two items.")]
        return []
