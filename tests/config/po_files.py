"""A small reader for gettext .po files, enough for checking Silta's catalogues."""

import ast
import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(
    r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$"
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> str:
        """The entry's key in a compiled catalogue: context and msgid."""
        return (
            f"{self.msgctxt}\x04{self.msgid}"
            if self.msgctxt is not None
            else self.msgid
        )


def _unquote(literal: str) -> str:
    return ast.literal_eval(literal)


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file's text, the header (msgid "") and obsolete
    `#~` entries included, each string joined from its quoted lines."""
    entries = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        entry = Entry()
        current = None
        seen = False
        for line in chunk.splitlines():
            if line.startswith("#~"):
                entry.obsolete = True
                line = line[2:].lstrip()
                if line.startswith("|"):
                    continue
            elif line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(","))
                continue
            elif line.startswith("#") or not line.strip():
                continue
            match = _KEYWORD.match(line)
            if match:
                keyword, index, literal = match.groups()
                seen = True
                value = _unquote(literal)
                if keyword.startswith("msgstr"):
                    slot = int(index) if index is not None else 0
                    while len(entry.msgstr) <= slot:
                        entry.msgstr.append("")
                    entry.msgstr[slot] = value
                    current = ("msgstr", slot)
                else:
                    setattr(entry, keyword, value)
                    current = (keyword, None)
            elif line.startswith('"') and current:
                value = _unquote(line.strip())
                keyword, slot = current
                if keyword == "msgstr":
                    entry.msgstr[slot] += value
                else:
                    setattr(entry, keyword, getattr(entry, keyword) + value)
        if seen:
            entries.append(entry)
    return entries
