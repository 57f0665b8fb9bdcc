"""GIFT's escapes and answer notation, shared by `quizzes.gift`,
`quizzes.gift_reading` and the question types that write themselves as GIFT
(`quizzes.question_types`)."""

import functools
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


@functools.cache
def _unescaped(targets: str, *, any_char: bool = False) -> re.Pattern:
    """A pattern matching an escape or a target: the whole `targets`, or any of its
    characters with `any_char`. Scanning by pattern keeps every search linear."""
    wanted = f"[{re.escape(targets)}]" if any_char else re.escape(targets)
    return re.compile(r"\\.|" + wanted, re.S)


def find(text: str, char: str, start: int = 0) -> int:
    """Index of the first unescaped `char` at or after `start`, or -1."""
    for match in _unescaped(char).finditer(text, start):
        if match.group()[0] != "\\":
            return match.start()
    return -1


def split_unescaped(text: str, starters: str) -> list[str]:
    """Split at every unescaped starter character, keeping it at each part's head."""
    parts, last = [], 0
    for match in _unescaped(starters, any_char=True).finditer(text):
        if match.group()[0] != "\\":
            parts.append(text[last : match.start()])
            last = match.start()
    parts.append(text[last:])
    return [p for p in parts if p.strip()]


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
