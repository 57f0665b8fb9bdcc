"""What the quiz and review templates get to see of an attempt's responses.

The templates never receive a snapshot: the take view gets only tokens, texts
and the learner's own picks, so a page being answered cannot carry fractions,
feedback or the right order; the review view gets correctness and feedback only
when the quiz's feedback policy allows.
"""

import hashlib
import html
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from quizzes.grading import is_graded, matching_accepted, ordering_sequence

MAX_TEXT_ANSWER = 500
MAX_ESSAY = 20_000


def option_label(snapshot: dict, text: str) -> str:
    """True/false options are stored as keys and shown in the learner's language."""
    if snapshot["type"] == "true_false":
        return _("True") if text == "true" else _("False")
    return text


def _text_value(snapshot: dict, answer) -> str:
    """A typed answer for its input again; a stored essay is sanitised HTML text."""
    if not isinstance(answer, str):
        return ""
    return html.unescape(answer) if snapshot["type"] == "essay" else answer


def answer_fingerprint(answer) -> str:
    """A short digest of a stored answer, sent with the form as it was shown.

    Comparing it with the digest of what comes back tells which questions the
    form actually changed; unchanged fields are then not written, so they can
    never overwrite an answer saved from another tab. An empty answer of any
    type ("", [], {}) is the same as none.
    """
    encoded = json.dumps(answer or None, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.blake2s(encoded, digest_size=8).hexdigest()


def shown_field(position: int) -> str:
    return f"q{position}-shown"


@dataclass
class TakeItem:
    """One question on the page being answered: no correctness, only choices."""

    position: int
    type: str
    text: str
    points: str
    graded: bool
    value: object = None
    error: str | None = None
    options: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    shown: str = ""

    @property
    def name(self) -> str:
        return f"q{self.position}"

    @property
    def shown_name(self) -> str:
        return shown_field(self.position)


def take_items(
    responses,
    errors: dict[int, str] | None = None,
    unsaved: dict[int, object] | None = None,
) -> list[TakeItem]:
    """The questions of an attempt as the answering form shows them.

    `unsaved` holds answers to show instead of the stored ones (typed in this
    form but not stored, because of an error or a newer save elsewhere); each
    item still carries the digest of the stored answer, so saving again writes
    them as changes.
    """
    errors = errors or {}
    unsaved = unsaved or {}
    items = []
    for response in responses:
        snap = response.snapshot
        answer = unsaved.get(response.position, response.answer)
        item = TakeItem(
            shown=answer_fingerprint(response.answer),
            position=response.position,
            type=snap["type"],
            text=snap["text"],
            points=snap["points"],
            graded=is_graded(snap),
            value=_text_value(snap, answer),
            error=errors.get(response.position),
        )
        if snap["type"] in ("single", "true_false", "multiple"):
            picked = set(answer or []) if snap["type"] == "multiple" else {answer}
            item.options = [
                {
                    "token": option["token"],
                    "text": option_label(snap, option["text"]),
                    "checked": option["token"] in picked,
                }
                for option in snap["options"]
            ]
        elif snap["type"] == "matching":
            chosen = answer if isinstance(answer, dict) else {}
            item.options = [
                {"token": a["token"], "text": a["text"]} for a in snap["answers"]
            ]
            item.rows = [
                {
                    "token": prompt["token"],
                    "text": prompt["text"],
                    "value": chosen.get(prompt["token"]) or "",
                }
                for prompt in snap["prompts"]
            ]
        elif snap["type"] == "ordering":
            chosen = answer if isinstance(answer, dict) else {}
            item.options = [str(n) for n in range(1, len(snap["items"]) + 1)]
            item.rows = [
                {
                    "token": entry["token"],
                    "text": entry["text"],
                    "value": str(chosen.get(entry["token"]) or ""),
                }
                for entry in snap["items"]
            ]
        items.append(item)
    return items


def read_answers(responses, data) -> dict[int, object]:
    """The answers in a submitted form, keyed by position, keeping only known tokens.

    Anything not offered on the page (a forged token, an overlong text) is
    dropped or cut here, so the grading functions only see well-formed values.
    Essays pass through the shared HTML allowlist before they are stored.
    """
    from courses.sanitize import clean_html

    answers = {}
    for response in responses:
        snap = response.snapshot
        key = f"q{response.position}"
        kind = snap["type"]
        if kind in ("single", "true_false"):
            tokens = {o["token"] for o in snap["options"]}
            value = data.get(key)
            answers[response.position] = value if value in tokens else None
        elif kind == "multiple":
            tokens = {o["token"] for o in snap["options"]}
            answers[response.position] = [t for t in data.getlist(key) if t in tokens]
        elif kind in ("short_answer", "numerical"):
            answers[response.position] = (data.get(key) or "")[:MAX_TEXT_ANSWER]
        elif kind == "essay":
            answers[response.position] = clean_html((data.get(key) or "")[:MAX_ESSAY])
        elif kind == "matching":
            tokens = {a["token"] for a in snap["answers"]}
            answers[response.position] = {
                p["token"]: value
                for p in snap["prompts"]
                if (value := data.get(f"{key}-{p['token']}")) in tokens
            }
        elif kind == "ordering":
            allowed = {str(n) for n in range(1, len(snap["items"]) + 1)}
            answers[response.position] = {
                i["token"]: int(value)
                for i in snap["items"]
                if (value := data.get(f"{key}-{i['token']}")) in allowed
            }
    return answers


def changed_answers(answers: dict[int, object], data) -> dict[int, object]:
    """The answers whose value differs from the one the form was shown with."""
    return {
        position: answer
        for position, answer in answers.items()
        if answer_fingerprint(answer) != data.get(shown_field(position))
    }


def form_revision(data) -> int:
    """The attempt revision the form was opened at; -1 (always stale) if unreadable."""
    value = data.get("revision", "")
    readable = value.isascii() and value.isdigit() and len(value) < 10
    return int(value) if readable else -1


def has_null_character(data) -> bool:
    """PostgreSQL cannot store U+0000 in text, and no person types one."""
    return any("\x00" in value for values in data.lists() for value in values[1])


def without_null_characters(data):
    """A copy of the form data with U+0000 removed, to show the typed answers again."""
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(key, [value.replace("\x00", "") for value in values])
    return cleaned


@dataclass
class ReviewItem:
    """One question of a submitted attempt as the review page shows it."""

    position: int
    type: str
    text: str
    points: str
    graded: bool
    earned: object
    correct: bool | None
    show_feedback: bool
    general_feedback: str = ""
    answer_text: str = ""
    options: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    right_answers: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    shared: bool = False


def _state(fraction) -> bool | None:
    if fraction is None:
        return None
    return fraction >= 1


def review_items(responses, *, show_feedback: bool) -> list[ReviewItem]:
    """The learner's own answers; right answers and feedback only if allowed."""
    items = []
    for response in responses:
        snap = response.snapshot
        answer = response.answer
        kind = snap["type"]
        graded = is_graded(snap)
        item = ReviewItem(
            position=response.position,
            type=kind,
            text=snap["text"],
            points=snap["points"],
            graded=graded,
            earned=response.points,
            correct=_state(response.fraction) if graded and show_feedback else None,
            show_feedback=show_feedback,
            general_feedback=snap.get("general_feedback", "") if show_feedback else "",
            shared=response.shared,
        )
        if kind in ("single", "true_false", "multiple"):
            picked = set(answer or []) if kind == "multiple" else {answer}
            for option in snap["options"]:
                chosen = option["token"] in picked
                item.options.append(
                    {
                        "text": option_label(snap, option["text"]),
                        "chosen": chosen,
                        "right": float(option["fraction"]) > 0
                        if show_feedback
                        else None,
                    }
                )
                if show_feedback and chosen and option["feedback"]:
                    item.feedback.append(option["feedback"])
        elif kind in ("short_answer", "numerical", "essay"):
            item.answer_text = answer or ""
            if kind != "essay" and show_feedback:
                key = "value" if kind == "numerical" else "text"
                item.right_answers = [
                    a[key] for a in snap["accepted"] if float(a["fraction"]) >= 1
                ]
                hit = matching_accepted(snap["accepted"], answer)
                if hit and hit["feedback"]:
                    item.feedback.append(hit["feedback"])
        elif kind == "matching":
            chosen = answer if isinstance(answer, dict) else {}
            text_of = {a["token"]: a["text"] for a in snap["answers"]}
            for prompt in snap["prompts"]:
                given = text_of.get(chosen.get(prompt["token"]), "")
                item.rows.append(
                    {
                        "text": prompt["text"],
                        "given": given,
                        "right": prompt["answer"] if show_feedback else None,
                        "ok": given == prompt["answer"] if show_feedback else None,
                    }
                )
        elif kind == "ordering":
            sequence = ordering_sequence(snap["items"], answer) or []
            text_at = {i["position"]: i["text"] for i in snap["items"]}
            item.rows = [{"text": text_at[p]} for p in sequence]
            if show_feedback:
                item.right_answers = [text_at[p] for p in sorted(text_at)]
        items.append(item)
    return items
