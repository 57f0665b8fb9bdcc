"""What the quiz and review templates get to see of an attempt's responses.

The templates never receive a snapshot: the take view gets only tokens, texts
and the learner's own picks, so a page being answered cannot carry fractions,
feedback or the right order; the review view gets correctness and feedback only
when the quiz's feedback policy allows.
"""

import hashlib
import json
from dataclasses import dataclass, field

from quizzes.question_types import question_type


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
        kind = question_type(snap["type"])
        answer = unsaved.get(response.position, response.answer)
        item = TakeItem(
            shown=answer_fingerprint(response.answer),
            position=response.position,
            type=snap["type"],
            text=snap["text"],
            points=snap["points"],
            graded=kind.graded,
            value=kind.shown_text(answer),
            error=errors.get(response.position),
            **kind.take_fields(snap, answer),
        )
        items.append(item)
    return items


def read_answers(responses, data) -> dict[int, object]:
    """The answers in a submitted form, keyed by position, keeping only known tokens.

    Anything not offered on the page (a forged token, an overlong text) is
    dropped or cut here, so the grading functions only see well-formed values.
    Essays pass through the shared HTML allowlist before they are stored.
    """
    answers = {}
    for response in responses:
        kind = question_type(response.snapshot["type"])
        if kind.answered:
            answers[response.position] = kind.read_answer(
                response.snapshot, data, f"q{response.position}"
            )
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
        kind = question_type(snap["type"])
        graded = kind.graded
        item = ReviewItem(
            position=response.position,
            type=snap["type"],
            text=snap["text"],
            points=snap["points"],
            graded=graded,
            earned=response.points,
            correct=_state(response.fraction) if graded and show_feedback else None,
            show_feedback=show_feedback,
            general_feedback=snap.get("general_feedback", "") if show_feedback else "",
            shared=response.shared,
            **kind.review_fields(snap, response.answer, show_feedback=show_feedback),
        )
        items.append(item)
    return items
