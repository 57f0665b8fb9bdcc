"""GIFT's escapes and answer notation, shared by `quizzes.gift` and the question
types that write themselves as GIFT (`quizzes.question_types`)."""

import re
from decimal import Decimal

SPECIAL = "~=#{}:"
_ESCAPES = {"\\" + c: c for c in SPECIAL} | {"\\n": "\n", "\\\\": "\\"}


def unescape(text: str) -> str:
    """Turn GIFT escapes (\\~ \\= \\# \\{ \\} \\: \\n) into their characters."""
    return re.sub(r"\\[~=#{}:n\\]", lambda m: _ESCAPES[m.group(0)], text)


def escape(text: str) -> str:
    """Escape GIFT's special characters and newlines in `text`."""
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def percent(fraction: Decimal) -> str:
    """A fraction as GIFT's percentage weight, without trailing zeros."""
    value = (Decimal(fraction) * 100).normalize()
    return f"{value:f}"


def answer(prefix: str, choice, *, weight: bool) -> str:
    """One `=` or `~` answer with its text, optional %weight% and #feedback."""
    part = prefix
    if weight:
        part += f"%{percent(choice.fraction)}%"
    part += escape(choice.text)
    if choice.feedback:
        part += "#" + escape(choice.feedback)
    return part
