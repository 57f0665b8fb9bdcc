"""Verification codes: random, unguessable, and easy to read off paper.

Sixteen characters from an alphabet without look-alikes (no 0/O, 1/I/L)
carry over 79 bits, so a guess at the rate-limited check page has no chance. A
code is shown in groups of four; a typed code is accepted with or without
the dashes, spaces and case.
"""

import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 16
GROUP = 4


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalised(text: str) -> str | None:
    """The code in `text` as stored, or None when it cannot be a code."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def formatted(code: str) -> str:
    """ABCD-EFGH-JKMN-PQRS: the form printed and shown."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
