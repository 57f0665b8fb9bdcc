"""The registry of question types: `Question.Type` value → its `QuestionType`.

Adding a type is one new module here (a `QuestionType` subclass) listed in
`QUESTION_TYPES`, plus its `Question.Type` choice; a type with a GIFT answer
syntax of its own also takes its place in `_GIFT_READING_ORDER`. The parsers
ask `moodle_type` and `gift_type` which type reads an entry.
"""

from quizzes.question_types.base import QuestionType
from quizzes.question_types.description import Description
from quizzes.question_types.essay import Essay
from quizzes.question_types.matching import Matching
from quizzes.question_types.multiple import Multiple
from quizzes.question_types.numerical import Numerical
from quizzes.question_types.ordering import Ordering
from quizzes.question_types.short_answer import ShortAnswer
from quizzes.question_types.single import Single
from quizzes.question_types.true_false import TrueFalse

QUESTION_TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        Single(),
        Multiple(),
        TrueFalse(),
        ShortAnswer(),
        Numerical(),
        Matching(),
        Ordering(),
        Essay(),
        Description(),
    )
}
_UNKNOWN = Description()
# The order GIFT answer syntaxes are told apart in: an empty block, "#", ">"
# (Silta's ordering) and a TRUE/FALSE word first; matching pairs are "="
# answers too, so matching is asked before short answer.
_GIFT_READING_ORDER = tuple(
    QUESTION_TYPES[kind.name]
    for kind in (
        Essay,
        Numerical,
        Ordering,
        TrueFalse,
        Matching,
        ShortAnswer,
        Single,
        Multiple,
    )
)


def question_type(name: str) -> QuestionType:
    """The type named `name`; an unknown name shows and grades as a description."""
    return QUESTION_TYPES.get(name, _UNKNOWN)


def moodle_type(kind: str, element) -> QuestionType | None:
    """The type a Moodle XML <question type="kind"> reads as; None if unsupported."""
    return next(
        (
            candidate
            for candidate in QUESTION_TYPES.values()
            if candidate.moodle_kind == kind and candidate.moodle_claims(element)
        ),
        None,
    )


def gift_type(body: str | None) -> QuestionType | None:
    """The type a GIFT answer block reads as (`body` None: the entry has none), or
    None when no type claims the block."""
    if body is None:
        return next(t for t in QUESTION_TYPES.values() if not t.gift_answer_block)
    return next((t for t in _GIFT_READING_ORDER if t.gift_claims(body)), None)


def is_graded(snapshot: dict) -> bool:
    """Whether the question counts towards the score (essays and texts do not)."""
    return question_type(snapshot["type"]).graded


__all__ = [
    "QUESTION_TYPES",
    "QuestionType",
    "gift_type",
    "is_graded",
    "moodle_type",
    "question_type",
]
