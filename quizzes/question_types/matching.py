"""Matching: pick, for every item, the answer that belongs to it."""

import xml.etree.ElementTree as ET  # only to write XML; parsing is defused
from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quizzes.gift_reading import answer_items, answer_parts
from quizzes.gift_syntax import escape, find
from quizzes.interchange import MAX_MATCH_TEXT, ChoiceData, EntryError
from quizzes.moodle_reading import plain
from quizzes.moodle_syntax import text_element
from quizzes.question_types.base import ZERO, QuestionType, shuffled, text_of, token

MIN_PAIRS = 2


def matching_prompts(choices: Sequence) -> int:
    """How many items a matching question shows; a blank item is only a distractor."""
    return sum(1 for c in choices if text_of(c))


def _gift_pair(item: str, fmt) -> ChoiceData:
    """One GIFT `=item -> answer` pair."""
    arrow = find(item, "->")
    prompt, answer = item[1:arrow], item[arrow + 2 :]
    return ChoiceData(
        text=fmt.plain(prompt),
        fraction=Decimal(0),
        match_text=fmt.plain(answer_parts(answer)[0]),
    )


def _chosen(answer) -> dict:
    return answer if isinstance(answer, dict) else {}


class Matching(QuestionType):
    """Prompts (`text`) and answers (`match_text`), both shown in shuffled order.

    The answer is {prompt token: answer token}; a prompt counts as right when
    the picked answer has its text, so two prompts may share an answer.
    """

    name = "matching"
    moodle_kind = "matching"

    def snapshot(self, choices, *, rng, shuffle):
        prompts = [
            {"token": token(), "text": choice.text, "answer": choice.match_text}
            for choice in choices
            if choice.text.strip()
        ]
        prompts = shuffled(prompts, rng) if shuffle else prompts
        # The answer list is shuffled on its own, independently of the prompts.
        shown_order = [p["answer"] for p in prompts]
        extra = [
            c.match_text
            for c in choices
            if c.match_text and c.match_text not in shown_order
        ]
        texts = list(dict.fromkeys(shown_order + extra))
        answers = [{"token": token(), "text": text} for text in texts]
        return {"prompts": prompts, "answers": shuffled(answers, rng)}

    def read_answer(self, snapshot, data, key):
        tokens = {a["token"] for a in snapshot["answers"]}
        return {
            p["token"]: value
            for p in snapshot["prompts"]
            if (value := data.get(f"{key}-{p['token']}")) in tokens
        }

    def grade(self, snapshot, answer):
        """Share of prompts matched to an answer with the right text."""
        prompts = snapshot["prompts"]
        if not prompts:
            return ZERO
        chosen = _chosen(answer)
        text_of_answer = {item["token"]: item["text"] for item in snapshot["answers"]}
        right = sum(
            1
            for prompt in prompts
            if isinstance(picked := chosen.get(prompt["token"]), str)
            and text_of_answer.get(picked) == prompt["answer"]
        )
        return Decimal(right) / Decimal(len(prompts))

    def take_fields(self, snapshot, answer):
        chosen = _chosen(answer)
        return {
            "options": [
                {"token": a["token"], "text": a["text"]} for a in snapshot["answers"]
            ],
            "rows": [
                {
                    "token": prompt["token"],
                    "text": prompt["text"],
                    "value": chosen.get(prompt["token"]) or "",
                }
                for prompt in snapshot["prompts"]
            ],
        }

    def review_fields(self, snapshot, answer, *, show_feedback):
        chosen = _chosen(answer)
        text_of_answer = {a["token"]: a["text"] for a in snapshot["answers"]}
        rows = []
        for prompt in snapshot["prompts"]:
            given = text_of_answer.get(chosen.get(prompt["token"]), "")
            rows.append(
                {
                    "text": prompt["text"],
                    "given": given,
                    "right": prompt["answer"] if show_feedback else None,
                    "ok": given == prompt["answer"] if show_feedback else None,
                }
            )
        return {"rows": rows}

    def gift_claims(self, body):
        items = answer_items(body)
        return bool(items) and all(
            item.startswith("=") and find(item, "->") >= 0 for item in items
        )

    def gift_choices(self, body, fmt):
        choices = [_gift_pair(item, fmt) for item in answer_items(body)]
        if any(len(c.match_text) > MAX_MATCH_TEXT for c in choices):
            raise EntryError(
                ngettext(
                    "a matching answer is longer than %(limit)s character",
                    "a matching answer is longer than %(limit)s characters",
                    MAX_MATCH_TEXT,
                )
                % {"limit": MAX_MATCH_TEXT}
            )
        # Every pair written counts here, a blank item too (as before); Moodle XML
        # and the admin count only items with text (`matching_prompts`).
        if len(choices) < MIN_PAIRS:
            raise EntryError(_("a matching question needs at least two pairs"))
        return choices

    def gift_answers(self, question):
        return " ".join(
            f"={escape(c.text)} -> {escape(c.match_text)}" for c in question.choices
        )

    def moodle_answers(self, element, question):
        for choice in question.choices:
            sub = text_element(element, "subquestion", choice.text, html=False)
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = choice.match_text

    def moodle_choices(self, element):
        choices = [
            ChoiceData(
                text=plain(sub), match_text=plain(sub, "answer")[:MAX_MATCH_TEXT]
            )
            for sub in element.findall("subquestion")
        ]
        if matching_prompts(choices) < MIN_PAIRS:
            raise EntryError(_("a matching question needs at least two pairs"))
        return choices

    def problems(self, choices):
        problems = [
            _("The item “%(text)s” of a matching question has no matching answer.")
            % {"text": text_of(c)}
            for c in choices
            if text_of(c) and not (c.match_text or "").strip()
        ]
        if matching_prompts(choices) < MIN_PAIRS:
            problems.append(
                _(
                    "A matching question needs at least two pairs of an item and its "
                    "matching answer."
                )
            )
        return problems
