"""The one reader of numbers in the quiz app: learners' answers, imports, the editor.

Everything that turns text into a `Decimal` goes through `parse_decimal` (or
`parse_number`, its forgiving form), so a learner, a GIFT or Moodle XML file
and the question editor agree on what a number is: "3,5" and "3.5", "−2",
"1 500", "+4", " 1e3 ". NaN and infinities are refused, and so is any value
too large or too precise for exact arithmetic in the default decimal context
(28 digits): `1e999999999` would otherwise overflow the first subtraction.

Stored fields have tighter ranges, given as `Bounds` beside the model fields
(`POINTS`, `FRACTION`, `TOLERANCE`); `fit` checks a value against them and
rounds it to the field's decimal places. The database holds the same ranges
as check constraints. Nothing here touches the database.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# |value| < 10**15 and at most 12 decimal places: at most 27 digits, so sums
# and differences of two such numbers are exact in the 28-digit context.
MAX_INTEGER_DIGITS = 15
MAX_PLACES = 12
_MESSAGE_CHARS = 40

# Thin, narrow and no-break spaces, apostrophes and underscores group digits.
_GROUPING = dict.fromkeys(map(ord, " \u00a0\u202f\u2009'_\t"), None)
_SHAPE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


@dataclass(frozen=True)
class Bounds:
    """The range and decimal places a stored decimal field allows, and what to
    say of a value outside them (with %(value)s, %(minimum)s and %(maximum)s)."""

    minimum: Decimal
    maximum: Decimal
    places: int
    message: str


# Question.points: max_digits 6, decimal_places 2.
POINTS = Bounds(
    Decimal(0),
    Decimal("9999.99"),
    2,
    gettext_lazy("The points “%(value)s” must be between %(minimum)s and %(maximum)s."),
)
# Choice.fraction: -1 (a wrong pick's penalty) to 1 (all the points), 5 places.
FRACTION = Bounds(
    Decimal(-1),
    Decimal(1),
    5,
    gettext_lazy(
        "The fraction “%(value)s” must be between %(minimum)s and %(maximum)s."
    ),
)
# Choice.tolerance: max_digits 12, decimal_places 6.
TOLERANCE = Bounds(
    Decimal(0),
    Decimal("999999.999999"),
    6,
    gettext_lazy(
        "The tolerance “%(value)s” must be between %(minimum)s and %(maximum)s."
    ),
)
# The value of a numerical answer (Choice.text): what parse_decimal reads.
VALUE = Bounds(
    Decimal("-999999999999999.999999999999"),
    Decimal("999999999999999.999999999999"),
    MAX_PLACES,
    gettext_lazy("The number “%(value)s” must be between %(minimum)s and %(maximum)s."),
)


class NumberError(ValueError):
    """Text that is not a usable number; `str(error)` is a message for people.

    `reason` says why, for callers that word it their own way: "invalid",
    "too_large", "too_precise" or "out_of_range".
    """

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def _shown(text: str) -> str:
    """The offending text, cut so that a message stays readable."""
    text = text.strip()
    return text if len(text) <= _MESSAGE_CHARS else text[: _MESSAGE_CHARS - 1] + "…"


def _plain_text(value) -> str | None:
    """The text of `value`, or None for anything but text and whole numbers."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return None


def parse_decimal(value, *, bounds: Bounds | None = None) -> Decimal:
    """The number in `value`, as a Finn, a Swede or a file may write it.

    A comma is the decimal separator when it is the only separator; a comma
    and a point together are ambiguous and refused rather than guessed. Spaces
    around and between digit groups, a leading + or - (or −) and an exponent
    are accepted. Raises `NumberError` for anything else, for NaN and
    infinities, for |value| ≥ 10**15 or more than 12 decimal places, and, with
    `bounds`, for values outside them (see `fit`).
    """
    raw = _plain_text(value)
    if raw is None:
        raise NumberError(_("This is not a number."), "invalid")
    text = unicodedata.normalize("NFKC", raw).replace("\u2212", "-")
    text = text.strip().translate(_GROUPING)
    if "," in text:
        if "." in text or text.count(",") > 1:
            text = ""
        text = text.replace(",", ".")
    if not _SHAPE.fullmatch(text):
        raise NumberError(
            _("“%(value)s” is not a number") % {"value": _shown(raw)}, "invalid"
        )
    try:
        number = Decimal(text)
    except InvalidOperation as error:  # the pattern should have caught it
        raise NumberError(
            _("“%(value)s” is not a number") % {"value": _shown(raw)}, "invalid"
        ) from error
    number = _check_size(number, raw)
    return fit(number, bounds, raw) if bounds else number


def _check_size(number: Decimal, raw: str) -> Decimal:
    if not number:
        return Decimal(0)
    _sign, digits, exponent = number.as_tuple()
    if number.adjusted() >= MAX_INTEGER_DIGITS:
        raise NumberError(
            _("“%(value)s” is too large a number.") % {"value": _shown(raw)},
            "too_large",
        )
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if exponent + trailing_zeros < -MAX_PLACES:
        raise NumberError(
            _("“%(value)s” has too many decimal places (at most %(places)s).")
            % {"value": _shown(raw), "places": MAX_PLACES},
            "too_precise",
        )
    if exponent < -MAX_PLACES:  # only zeros past the last allowed place
        return number.quantize(Decimal(1).scaleb(-MAX_PLACES))
    return number


def _label(number: Decimal, raw: str | None) -> str:
    if raw is not None:
        return _shown(raw)
    small = number.is_finite() and number.adjusted() < MAX_INTEGER_DIGITS
    return _shown(f"{number:f}" if small else str(number))


def fit(number: Decimal, bounds: Bounds, raw: str | None = None) -> Decimal:
    """`number` rounded to the places of `bounds`; NumberError if out of range.

    Rounding rather than refusing extra places lets Moodle's 33.33333 % weights
    and 1.0000000 grades in; a value outside the range is refused, since
    clamping it would change the question silently.
    """
    if not number.is_finite() or number.adjusted() >= MAX_INTEGER_DIGITS:
        raise NumberError(
            _("“%(value)s” is too large a number.") % {"value": _label(number, raw)},
            "too_large",
        )
    rounded = number.quantize(Decimal(1).scaleb(-bounds.places), ROUND_HALF_UP)
    if not bounds.minimum <= rounded <= bounds.maximum:
        raise NumberError(
            str(bounds.message)
            % {
                "value": _label(number, raw),
                "minimum": f"{bounds.minimum:f}",
                "maximum": f"{bounds.maximum:f}",
            },
            "out_of_range",
        )
    return rounded


def parse_number(value) -> Decimal | None:
    """`parse_decimal` for grading: the number, or None when there is none."""
    try:
        return parse_decimal(value)
    except NumberError:
        return None


def canonical(value) -> str | None:
    """`value` written as grading and exports expect it ("3,50" → "3.50"), or None."""
    number = parse_number(value)
    return None if number is None else f"{number:f}"
