"""The statutes the curriculum cites, and how a citation becomes a Finlex link.

Finlex's consolidated texts anchor each section as `#L{chapter}P{section}`,
so a link to the right section needs the chapter the section sits in. The
chapters are kept here, once per statute, and `Citation.url` builds every link;
content files name only the statute and the section, and a link can never
point at another section than the one cited. `citations_in` reads the short
citations quiz feedback uses ("KL 97 §", "RL 24 luku 9 §") for the legal
references index.
"""

import re
from dataclasses import dataclass

FINLEX = "https://www.finlex.fi/fi/laki/ajantasa/"


def section_key(section) -> tuple[int, str]:
    """ "109b" → (109, "b"), for ordering sections with letters."""
    match = re.fullmatch(r"(\d+)\s*([a-z]?)", str(section).strip())
    return (int(match.group(1)), match.group(2)) if match else (0, "")


@dataclass(frozen=True)
class Statute:
    """One statute: its name as cited, number, short form and chapter table.

    `chapters` lists (chapter, its first section as a `section_key`), in
    order, and `last` is the statute's last section; a section belongs to the
    last chapter that starts at or before it. A statute whose citations name
    the chapter themselves (rikoslaki: "24 luku 9 §") has no table.
    """

    name: str
    number: str
    abbreviation: str
    chapters: tuple[tuple[str, tuple[int, str]], ...] = ()
    last: tuple[int, str] | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.number})"

    @property
    def finlex_path(self) -> str:
        number, year = self.number.split("/")
        return f"{year}/{year}{int(number):04d}" + (
            "001" if self.name == "Rikoslaki" else ""
        )

    def chapter_of(self, section: str) -> str | None:
        """The chapter `section` ("97", "109b") is in; None if out of range."""
        key = section_key(section)
        if not self.chapters or key < self.chapters[0][1] or key > self.last:
            return None
        return [chapter for chapter, first in self.chapters if first <= key][-1]


@dataclass(frozen=True)
class Citation:
    """A statute section as cited: `section` "97", `chapter` as the anchor needs."""

    statute: Statute
    section: str
    chapter: str | None

    @property
    def key(self) -> str:
        """How the index sorts and groups: "KL 97 §", "RL 24:9 §"."""
        prefix = (
            f"{self.chapter}:" if not self.statute.chapters and self.chapter else ""
        )
        return f"{self.statute.abbreviation} {prefix}{self.section} §"

    @property
    def sort_key(self) -> tuple:
        chapter = section_key(self.chapter) if not self.statute.chapters else (0, "")
        return (
            _ORDER.index(self.statute.abbreviation),
            chapter,
            section_key(self.section),
        )

    @property
    def url(self) -> str:
        anchor = f"#L{self.chapter}P{self.section}" if self.chapter else ""
        return FINLEX + self.statute.finlex_path + anchor


_SECTION = re.compile(r"^\s*(?:(\d+)\s*luku\s+)?(\d+)\s*([a-z])?\s*(?:§|[–-])", re.I)
_SHORT = re.compile(r"\b([A-Z][A-Za-z]*L)\s+(?:(\d+)\s*luku\s+)?(\d+)\s*([a-z])?\s*§")


def statute_named(label: str) -> Statute | None:
    """The statute cited as `label` ("Kuntalaki (410/2015)"), if it is known."""
    return _BY_LABEL.get(" ".join(label.split()))


def cite(statute: Statute, section_text: str) -> Citation | None:
    """`section_text` ("97 § 4 mom.", "24 luku 9 §", "26–28 §") as a citation of
    its first section, or None when it names no section or a chapter that the
    statute does not have."""
    match = _SECTION.match(section_text)
    if not match:
        return None
    named_chapter, number, letter = match.groups()
    section = number + (letter or "").lower()
    if statute.chapters:
        chapter = statute.chapter_of(section)
        if chapter is None or (named_chapter and named_chapter != chapter):
            return None
    elif named_chapter is None:
        return None
    else:
        chapter = named_chapter
    return Citation(statute, section, chapter)


def citations_in(text: str) -> list[Citation]:
    """The known short citations in `text` ("(KL 97 §, HL 28 §)"), in order."""
    found = []
    for abbreviation, chapter, number, letter in _SHORT.findall(text):
        statute = _BY_ABBREVIATION.get(abbreviation)
        if statute is None:
            continue
        section = (
            f"{chapter} luku {number}{letter} §" if chapter else f"{number}{letter} §"
        )
        citation = cite(statute, section)
        if citation is not None and citation not in found:
            found.append(citation)
    return found


def _statute(name, number, abbreviation, last="", chapters=()):
    return Statute(
        name,
        number,
        abbreviation,
        tuple((chapter, section_key(first)) for chapter, first in chapters),
        section_key(last) if last else None,
    )


STATUTES = (
    _statute(
        "Kuntalaki",
        "410/2015",
        "KL",
        "150",
        [
            ("1", "1"),
            ("2", "7"),
            ("3", "10"),
            ("4", "14"),
            ("5", "20"),
            ("6", "30"),
            ("7", "37"),
            ("8", "49"),
            ("9", "65"),
            ("10", "69"),
            ("11", "87"),
            ("12", "90"),
            ("12a", "109a"),
            ("13", "110"),
            ("14", "121"),
            ("15", "126"),
            ("16", "133"),
            ("17", "145"),
        ],
    ),
    _statute(
        "Hallintolaki",
        "434/2003",
        "HL",
        "71",
        [
            ("1", "1"),
            ("2", "6"),
            ("3", "11"),
            ("4", "16"),
            ("5", "23"),
            ("6", "31"),
            ("7", "43"),
            ("7a", "49a"),
            ("8", "50"),
            ("8a", "53a"),
            ("8b", "53e"),
            ("9", "54"),
            ("10", "59"),
            ("11", "64"),
            ("12", "70"),
        ],
    ),
    _statute(
        "Laki viranomaisten toiminnan julkisuudesta",
        "621/1999",
        "JulkL",
        "38",
        [
            ("1", "1"),
            ("2", "6"),
            ("3", "9"),
            ("4", "13"),
            ("5", "17"),
            ("6", "22"),
            ("7", "26"),
            ("8", "33"),
        ],
    ),
    _statute(
        "Perustuslaki",
        "731/1999",
        "PL",
        "131",
        [
            ("1", "1"),
            ("2", "6"),
            ("3", "24"),
            ("4", "33"),
            ("5", "54"),
            ("6", "70"),
            ("7", "81"),
            ("8", "93"),
            ("9", "98"),
            ("10", "106"),
            ("11", "119"),
            ("12", "127"),
            ("13", "130"),
        ],
    ),
    _statute("Rikoslaki", "39/1889", "RL"),
    _statute(
        "Tietosuojalaki",
        "1050/2018",
        "TSL",
        "38",
        [("1", "1"), ("2", "4"), ("3", "8"), ("4", "21"), ("5", "27"), ("6", "35")],
    ),
    _statute(
        "Vaalilaki",
        "714/1998",
        "VaaliL",
        "197",
        [
            ("1", "1"),
            ("2", "9a"),
            ("3", "18"),
            ("4", "30"),
            ("5", "46"),
            ("6", "67"),
            ("7", "84"),
            ("8", "100"),
            ("9", "107"),
            ("10", "127"),
            ("11", "144"),
            ("12", "160"),
            ("13", "183"),
            ("14", "196"),
        ],
    ),
)
_ORDER = [statute.abbreviation for statute in STATUTES]
_BY_LABEL = {statute.label: statute for statute in STATUTES}
_BY_ABBREVIATION = {statute.abbreviation: statute for statute in STATUTES}
