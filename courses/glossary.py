"""The glossary: loading its terms, listing them, and linking them in lessons.

A lesson links each glossary term where it first appears in its text, as a
plain link to the term on the glossary page (which works without
JavaScript); `glossary.js` turns such links into a popover with the
definition. Headings and existing links are left alone. Finnish words are
inflected, so a term matches by the beginnings of its forms at the start of a
word: "kunnanhallit" finds "kunnanhallituksen" but "lautakun" does not find
"tarkastuslautakunta", which is a term of its own.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.urls import reverse

from courses.models import GlossaryTerm

# Tags whose text is never linked: links themselves, headings, buttons.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "summary"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
# Finnish and Swedish alphabetical order: å, ä and ö after z (Finnish puts
# å before ä; Swedish does the same), w with v as both languages' dictionaries.
_ORDER = {"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003", "w": "v"}


def sort_key(text: str) -> str:
    return "".join(_ORDER.get(char, char) for char in text.casefold())


def split_forms(text: str) -> list[str]:
    return [form.strip().casefold() for form in text.split(",") if form.strip()]


@dataclass(frozen=True)
class Entry:
    """One term as a page in `language` shows it."""

    slug: str
    headword: str
    other: str
    definition: str
    language: str


def entries(language: str) -> list[Entry]:
    """Every term, headword in `language` (Swedish or else Finnish), sorted."""
    swedish = language == "sv"
    found = [
        Entry(
            term.slug,
            term.term_sv if swedish else term.term,
            term.term if swedish else term.term_sv,
            term.definition_sv if swedish else term.definition,
            language if swedish else "fi",
        )
        for term in GlossaryTerm.objects.all()
    ]
    return sorted(found, key=lambda entry: sort_key(entry.headword))


WHOLE = "$"  # marks a form that must match whole words only


def _forms(term: GlossaryTerm, language: str) -> list[str]:
    """The word beginnings that count as `term`; without any given, the term
    itself as whole words ("part" must not match "partiet")."""
    if language == "sv":
        return split_forms(term.forms_sv) or [term.term_sv.casefold() + WHOLE]
    return split_forms(term.forms) or [term.term.casefold() + WHOLE]


class TermFinder:
    """Finds glossary terms at the start of words in text of one language."""

    def __init__(self, terms, language: str):
        self.by_form = {}
        for term in terms:
            for form in _forms(term, language):
                self.by_form.setdefault(form, term)
        forms = sorted(self.by_form, key=len, reverse=True)
        self.longest_first = [(form, self.by_form[form]) for form in forms]
        alternatives = [
            re.escape(f[: -len(WHOLE)]) + r"(?![\w-])"
            if f.endswith(WHOLE)
            else re.escape(f) + r"[\w-]*"
            for f in forms
        ]
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)
            if forms
            else None
        )

    def find(self, text: str):
        """(match, term) for every use of a term in `text`, in order."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match, self._term_of(match.group(0).casefold())

    def _term_of(self, word: str) -> GlossaryTerm:
        """The term of the longest form that `word` starts with (or is)."""
        for form, term in self.longest_first:
            bare = form.removesuffix(WHOLE)
            if word == bare or (not form.endswith(WHOLE) and word.startswith(bare)):
                return term
        raise LookupError(word)


def used_terms(texts, terms, language: str = "fi") -> set[str]:
    """Slugs of the terms that appear in any of `texts`."""
    finder = TermFinder(terms, language)
    return {term.slug for text in texts for _, term in finder.find(text)}


def _term_link(word: str, term: GlossaryTerm, language: str, url: str) -> str:
    swedish = language == "sv"
    definition = term.definition_sv if swedish else term.definition
    other = term.term if swedish else term.term_sv
    return (
        f'<a class="term" href="{html.escape(url)}#{term.slug}" '
        f'data-term="{html.escape(term.term_sv if swedish else term.term)}" '
        f'data-other="{html.escape(other)}" '
        f'data-definition="{html.escape(definition)}">{word}</a>'
    )


def link_first_uses(body: str, terms, language: str) -> str:
    """`body` (HTML) with each term's first use in running text linked.

    `language` is the language the body is written in; the link goes to the
    glossary page in the interface language.
    """
    finder = TermFinder(terms, language)
    url = reverse("glossary")
    linked: set[str] = set()
    out, depth, last = [], 0, 0
    for tag in _TAG.finditer(body):
        out.append(
            _link_text(body[last : tag.start()], finder, linked, depth, url, language)
        )
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in _SKIP and not self_closing:
            depth += -1 if closing else 1
        out.append(tag.group(0))
        last = tag.end()
    out.append(_link_text(body[last:], finder, linked, depth, url, language))
    return "".join(out)


def _link_text(text, finder, linked, depth, url, language) -> str:
    if depth > 0 or not text.strip():
        return text
    pieces, last = [], 0
    for match, term in finder.find(text):
        if term.slug in linked:
            continue
        linked.add(term.slug)
        pieces += [
            text[last : match.start()],
            _term_link(match.group(0), term, language, url),
        ]
        last = match.end()
    return "".join(pieces) + text[last:]


def linked_lesson_body(rendered: str, language: str) -> str:
    """A rendered lesson body with its glossary terms linked (one query)."""
    return link_first_uses(rendered, list(GlossaryTerm.objects.all()), language)


def load_glossary(path: Path) -> tuple[int, int]:
    """Add the terms of a glossary YAML file that are not in the database yet.

    Terms already present are the editors' (they manage them in the admin),
    so they are left as they are. Returns (added, kept).
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    existing = set(GlossaryTerm.objects.values_list("slug", flat=True))
    new = [
        GlossaryTerm(
            term=str(item["term"]),
            slug=str(item["slug"]),
            term_sv=str(item["sv"]),
            definition=" ".join(str(item["definition"]).split()),
            definition_sv=" ".join(str(item["definition_sv"]).split()),
            forms=", ".join(item.get("forms") or []),
            forms_sv=", ".join(item.get("forms_sv") or []),
        )
        for item in data
        if str(item["slug"]) not in existing
    ]
    GlossaryTerm.objects.bulk_create(new)
    return len(new), len(data) - len(new)
