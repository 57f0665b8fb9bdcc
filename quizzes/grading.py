"""Grading as pure functions of a question snapshot and an answer.

A snapshot is the question as one attempt showed it (see `quizzes.attempts`);
the answer is what the learner gave, in the shape the form produces:

* single choice, true/false: the token of the picked option, or None;
* multiple choice: a list of tokens;
* short answer, numerical, essay: a string;
* matching: {prompt token: answer token};
* ordering: {item token: position from 1}.

Every function returns a fraction between 0 and 1 of the question's points, so
the attempt total is a sum of `fraction * points`. No stored answer makes them
raise: one of the wrong shape, or a number that cannot be read (see
`quizzes.numbers`), earns nothing. Nothing here touches the database, which
keeps grading testable type by type.
"""

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from quizzes.numbers import (
    MAX_INTEGER_DIGITS,
    MAX_PLACES,
    NumberError,
    parse_decimal,
    parse_number,
)

ZERO = Decimal(0)
ONE = Decimal(1)

GRADED_TYPES = frozenset(
    {
        "single",
        "multiple",
        "true_false",
        "short_answer",
        "numerical",
        "matching",
        "ordering",
    }
)


def is_graded(snapshot: dict) -> bool:
    """Whether the question counts towards the score (essays and texts do not)."""
    return snapshot["type"] in GRADED_TYPES


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def normalise_text(value: str | None) -> str:
    """Fold a typed answer so that case, spacing and Unicode form do not matter.

    NFKC joins a decomposed "a" + combining diaeresis into "ä" and flattens
    compatibility forms; casefold handles "ß" and the like; inner runs of
    whitespace count as one space.
    """
    text = value if isinstance(value, str) else ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _tokens(answer) -> set[str]:
    """The picked tokens of a multiple-choice answer; anything else picks none."""
    if not isinstance(answer, list | tuple):
        return set()
    return {token for token in answer if isinstance(token, str)}


def grade_single(options: list[dict], answer) -> Decimal:
    """The fraction of the picked option; nothing picked or a bad token gives 0."""
    if not isinstance(answer, str):
        return ZERO
    for option in options:
        if option["token"] == answer:
            return _clamp(Decimal(option["fraction"]))
    return ZERO


def wrong_pick_penalty(options: list[dict]) -> Decimal:
    """What a wrong option with no explicit negative fraction subtracts.

    Wrong picks must cost something, or ticking every box would earn full marks;
    by default one wrong pick cancels one right pick of equal weight.
    """
    right = sum(1 for option in options if Decimal(option["fraction"]) > 0)
    return ONE / right if right else ONE


def grade_multiple(options: list[dict], answer) -> Decimal:
    """Sum of the picked options' fractions, wrong picks subtracting, within 0..1."""
    picked = _tokens(answer)
    penalty = wrong_pick_penalty(options)
    total = ZERO
    for option in options:
        if option["token"] not in picked:
            continue
        fraction = Decimal(option["fraction"])
        total += fraction if fraction != 0 else -penalty
    return _clamp(total)


def grade_short_answer(accepted: list[dict], answer) -> Decimal:
    """The best fraction among accepted answers equal to the typed one once folded."""
    typed = normalise_text(answer)
    if not typed:
        return ZERO
    best = ZERO
    for option in accepted:
        if normalise_text(option["text"]) == typed:
            best = max(best, Decimal(option["fraction"]))
    return _clamp(best)


def _within(number: Decimal | None, option: dict) -> bool:
    """Whether a typed number hits an accepted one; unreadable values never hit."""
    value = parse_number(option.get("value"))
    tolerance = parse_number(option.get("tolerance") or "0")
    if number is None or value is None or tolerance is None:
        return False
    return abs(number - value) <= abs(tolerance)


def matching_accepted(accepted: list[dict], answer) -> dict | None:
    """The accepted answer (short answer or numerical) the given answer matched."""
    number = parse_number(answer) if accepted and "value" in accepted[0] else None
    typed = normalise_text(answer)
    best = None
    for option in accepted:
        if "value" in option:
            hit = _within(number, option)
        else:
            hit = bool(typed) and normalise_text(option["text"]) == typed
        if hit and (
            best is None or Decimal(option["fraction"]) > Decimal(best["fraction"])
        ):
            best = option
    return best


def grade_numerical(accepted: list[dict], answer) -> Decimal:
    """The best fraction among accepted numbers within their tolerance."""
    number = parse_number(answer)
    if number is None:
        return ZERO
    best = ZERO
    for option in accepted:
        if _within(number, option):
            best = max(best, Decimal(option["fraction"]))
    return _clamp(best)


def grade_matching(prompts: list[dict], answers: list[dict], answer) -> Decimal:
    """Share of prompts matched to an answer with the right text."""
    if not prompts:
        return ZERO
    chosen = answer if isinstance(answer, dict) else {}
    text_of = {item["token"]: item["text"] for item in answers}
    right = sum(
        1
        for prompt in prompts
        if isinstance(picked := chosen.get(prompt["token"]), str)
        and text_of.get(picked) == prompt["answer"]
    )
    return Decimal(right) / Decimal(len(prompts))


def ordering_sequence(items: list[dict], answer) -> list[int] | None:
    """Right positions of the items in the order the learner gave, or None.

    None means the answer is not a complete ordering: every item needs a distinct
    position from 1 to n.
    """
    chosen = answer if isinstance(answer, dict) else {}
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


def grade_ordering(items: list[dict], answer) -> Decimal:
    """Share of neighbouring pairs the learner put in the right order.

    As in Moodle's "relative to the next item": each item whose right successor
    follows it directly earns one of n-1 parts, so one misplaced step of a
    meeting does not zero the whole answer.
    """
    sequence = ordering_sequence(items, answer)
    if sequence is None:
        return ZERO
    if len(sequence) < 2:
        return ONE
    pairs = sum(1 for a, b in zip(sequence, sequence[1:], strict=False) if b == a + 1)
    return Decimal(pairs) / Decimal(len(sequence) - 1)


def grade(snapshot: dict, answer) -> Decimal:
    """The fraction (0..1) that `answer` earns on the question in `snapshot`."""
    kind = snapshot["type"]
    if kind in ("single", "true_false"):
        return grade_single(snapshot["options"], answer)
    if kind == "multiple":
        return grade_multiple(snapshot["options"], answer)
    if kind == "short_answer":
        return grade_short_answer(snapshot["accepted"], answer)
    if kind == "numerical":
        return grade_numerical(snapshot["accepted"], answer)
    if kind == "matching":
        return grade_matching(snapshot["prompts"], snapshot["answers"], answer)
    if kind == "ordering":
        return grade_ordering(snapshot["items"], answer)
    return ZERO


def number_problem(answer) -> str | None:
    """Why a typed numerical answer cannot be read, for the learner, or None.

    An empty answer is no problem (it is just unanswered); text that is not a
    number, or a number too large or too precise to compare exactly (see
    `quizzes.numbers`), is.
    """
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return None
    try:
        parse_decimal(answer)
    except NumberError as error:
        if error.reason == "too_large":
            return _(
                "That number is too large. Enter at most %(digits)s digits before "
                "the decimal comma."
            ) % {"digits": MAX_INTEGER_DIGITS}
        if error.reason == "too_precise":
            return _(
                "That number has too many decimals. Enter at most %(places)s "
                "digits after the decimal comma."
            ) % {"places": MAX_PLACES}
        return _("Enter a number, for example 12 or 3,5.")
    return None


def validate_answer(snapshot: dict, answer) -> str | None:
    """A message for an answer that cannot be graded as typed, else None.

    Only answers that are malformed, not merely wrong or empty, are refused: a
    number that is not a number (or too large or too precise to compare), or an
    ordering that uses a position twice.
    """
    kind = snapshot["type"]
    if kind == "numerical":
        return number_problem(answer)
    if kind == "ordering" and isinstance(answer, dict) and any(answer.values()):
        if ordering_sequence(snapshot["items"], answer) is None:
            return _("Give every item a different position, from 1 to %(count)s.") % {
                "count": len(snapshot["items"])
            }
    return None


@dataclass(frozen=True)
class AttemptScore:
    """Points earned and available in an attempt, and the percentage."""

    points: Decimal
    max_points: Decimal

    @property
    def percent(self) -> Decimal:
        if not self.max_points:
            return Decimal(100)
        return (100 * self.points / self.max_points).quantize(Decimal("0.01"))


def score_attempt(graded: list[tuple[dict, Decimal]]) -> AttemptScore:
    """Total of (snapshot, fraction) pairs, counting only graded question types."""
    points = ZERO
    max_points = ZERO
    for snapshot, fraction in graded:
        if not is_graded(snapshot):
            continue
        weight = Decimal(snapshot["points"])
        points += fraction * weight
        max_points += weight
    return AttemptScore(points=points, max_points=max_points)
