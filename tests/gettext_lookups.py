"""Record the gettext lookups a request makes, to find text shown untranslated.

A string with no entry in any catalogue comes back unchanged, in English, so a
page can look complete in a test yet show English to a Finnish reader. Wrapping
the functions behind django.utils.translation catches every lookup: templates'
{% translate %} and {% blocktranslate %}, lazy labels, messages and forms.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils import translation

LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Lookup:
    msgctxt: str | None
    msgid: str
    result: str

    @property
    def untranslated(self) -> bool:
        return self.result == self.msgid and bool(LETTER.search(self.msgid))


@contextmanager
def gettext_lookups():
    """Yields a list that fills with a Lookup per translation made meanwhile."""
    trans = translation._trans
    real = {
        name: getattr(trans, name)
        for name in ("gettext", "ngettext", "pgettext", "npgettext")
    }
    lookups = []

    def gettext(message):
        result = real["gettext"](message)
        lookups.append(Lookup(None, message, result))
        return result

    def ngettext(singular, plural, number):
        result = real["ngettext"](singular, plural, number)
        lookups.append(Lookup(None, singular if number == 1 else plural, result))
        return result

    def pgettext(context, message):
        result = real["pgettext"](context, message)
        lookups.append(Lookup(context, message, result))
        return result

    def npgettext(context, singular, plural, number):
        result = real["npgettext"](context, singular, plural, number)
        lookups.append(Lookup(context, singular if number == 1 else plural, result))
        return result

    replacements = {
        "gettext": gettext,
        "ngettext": ngettext,
        "pgettext": pgettext,
        "npgettext": npgettext,
    }
    for name, function in replacements.items():
        setattr(trans, name, function)
    try:
        yield lookups
    finally:
        for name, function in real.items():
            setattr(trans, name, function)


def untranslated(lookups, allowed=frozenset()) -> set[str]:
    """The msgids (prefixed 'msgctxt|' when they have one) that found no
    translation, less those `allowed` to read the same in every language."""
    found = {
        f"{lookup.msgctxt}|{lookup.msgid}" if lookup.msgctxt else lookup.msgid
        for lookup in lookups
        if lookup.untranslated
    }
    return found - set(allowed)
