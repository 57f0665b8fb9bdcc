"""Silta's fi and sv catalogues: complete, compiled, numbers with plural forms,
and the words docs/terminology.md rules out kept out of what a user reads."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale

from accounts.roles import FACILITATORS_GROUP
from courses.loader import swedish_home
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.config.po_files import parse_po
from tests.factories import verified_user
from tests.factories.courses import home_page
from tests.factories.quizzes import build_quiz

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "site" / "locale"
TRANSLATED = ("fi", "sv")

# Placeholders that stand for how many of something there are: a message with one
# needs a plural form, since "1 kysymystä" and "1 frågor" are wrong.
COUNTS = {
    "attempts",
    "count",
    "counter",
    "created",
    "digits",
    "done",
    "in_progress",
    "limit",
    "limit_value",
    "log_length",
    "max",
    "min_group",
    "minutes",
    "not_started",
    "officials",
    "places",
    "population",
    "skipped",
    "trustees",
    "unchanged",
    "updated",
}
# Numbers that are not counts, so need no plural (listed to show they were
# considered): ordinals and ids (number: "Kysymys 3", row, first, line), percentages
# (percent, mark, score, mean, median), scores, sums and sizes (points, earned,
# total, size: "3 / 5 p", "0.8", "6 MB"), quoted input (value, minimum, maximum)
# and a length after "now it is" (show_value).
NOT_COUNTS = {
    "earned",
    "first",
    "line",
    "mark",
    "maximum",
    "mean",
    "median",
    "minimum",
    "number",
    "percent",
    "points",
    "row",
    "score",
    "show_value",
    "size",
    "total",
    "value",
}
# Messages whose counts stand after a label or before a unit sign, where no word
# agrees with the number ("Kysymyksiä: uusia 3", "5 min").
LIST_FORMS = {
    "%(done)s / %(total)s completed (%(percent)s %%)",
    "%(minutes)s min",
    "Elected officials: %(officials)s. Submitted attempts: %(attempts)s. First "
    "attempts: mean score %(mean)s %%, median %(median)s %%.",
    "In progress: %(in_progress)s. Not started: %(not_started)s.",
    "Questions: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
    "%(skipped)s skipped.",
    "Reading time about %(minutes)s min",
    "The file is too large (%(size)s MB); the limit is %(limit)s MB.",
    "population %(population)s",
    "“%(value)s” has too many decimal places (at most %(places)s).",
}
# Old wordings the review of the catalogues replaced: case-insensitive, matched at
# the start of a word, so a stem finds every inflected form.
WRONG = [
    "Et läpäissyt tällä kertaa",
    "Läpäistäksesi",
    "Erottelukyky-indeksi",
    "fasilitaattor",
    "handledar",
    "tietovisa",
    "Oma opiskelu",
    "Merkitse suoritetuksi",
    "Försöket kunde inte påbörjas",
    "Några svar behöver rättas",
    "Inskickad, försök",
    "Tidsgränsen för det här försöket har gått ut",
    "skribenten",
    "Börja kursen",
    "Börja provet",
    "Lataa tiedosto uudelleen",
    "sijanumero",
    "Olit jo suorittanut",
    "Tilin asetukset",
    "asettelu",
    "förhör",
    "pisteet: %",
    "epost",
]
# The role is "yhteyshenkilö" / "kontaktperson" in text; URL paths are addresses,
# which the URL configuration owns.
WRONG_IN_TEXT = ["koordinaattor", "koordinator"]
URL_PATH = "URL path"
OWN_TEXT = [
    *(ROOT / app / "templates" for app in ("accounts", "courses", "quizzes")),
    *(ROOT / app / "templates" for app in ("municipalities", "accessibility")),
    ROOT / "site" / "templates",
    ROOT / "courses" / "curriculum",
    ROOT / "accessibility" / "known_gaps.py",
]
PLACEHOLDER = re.compile(r"%\((\w+)\)")


def catalogue(language: str) -> list:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    return parse_po(path.read_text(encoding="utf-8"))


def live(language: str) -> list:
    """The entries in use: not obsolete, not the header."""
    return [e for e in catalogue(language) if not e.obsolete and e.msgid]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    untranslated = [e.msgid for e in live(language) if not all(e.msgstr)]
    fuzzy = [e.msgid for e in live(language) if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_every_count_has_plural_forms():
    singular_only = [
        e.msgid
        for e in live("fi")
        if e.msgid_plural is None
        and e.msgid not in LIST_FORMS
        and COUNTS & set(PLACEHOLDER.findall(e.msgid))
    ]
    assert singular_only == []


def test_the_count_lists_do_not_overlap():
    assert COUNTS.isdisjoint(NOT_COUNTS)


def _found(words: list[str], text: str) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}", text, re.I)]


def _own_text_files():
    for place in OWN_TEXT:
        yield from [place] if place.is_file() else sorted(place.rglob("*.*"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_uses_a_replaced_wording(language):
    found = []
    for entry in live(language):
        words = WRONG if entry.msgctxt == URL_PATH else WRONG + WRONG_IN_TEXT
        for text in entry.msgstr:
            found += [(w, text) for w in _found(words, text)]
    assert found == []


def test_no_template_or_content_uses_a_replaced_wording():
    found = []
    for path in _own_text_files():
        text = path.read_text(encoding="utf-8")
        found += [
            (w, str(path.relative_to(ROOT)))
            for w in _found(WRONG + WRONG_IN_TEXT, text)
        ]
    assert found == []


def _expected_compiled(language: str) -> dict:
    """What msgfmt puts in the .mo: translated, non-fuzzy, non-obsolete entries."""
    expected = {}
    for entry in live(language):
        if "fuzzy" in entry.flags or not all(entry.msgstr):
            continue
        if entry.msgid_plural is None:
            expected[entry.key] = entry.msgstr[0]
        else:
            for n, text in enumerate(entry.msgstr):
                expected[(entry.key, n)] = text
    return expected


@pytest.mark.parametrize("language", ("fi", "sv", "en"))
def test_the_compiled_catalogue_matches_the_po_file(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = dict(gettext.GNUTranslations(mo)._catalog)
    compiled.pop("", None)  # the header
    assert compiled == _expected_compiled(language)


@pytest.fixture
def facilitator_client(client):
    user = verified_user(email="valmentaja@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    login_with_mfa(client, user, activate_totp(user))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("questions", "expected"),
    [(1, "kysely.gift: 1 kysymys tuodaan"), (2, "kysely.gift: 2 kysymystä tuodaan")],
)
def test_the_import_preview_counts_questions_in_finnish(
    facilitator_client, questions, expected
):
    gift = "".join(f"::K{n}::Kysymys {n}? {{=a ~b}}\n\n" for n in range(questions))
    upload = SimpleUploadedFile("kysely.gift", gift.encode())
    response = facilitator_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    assert expected in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "allowed", "expected"),
    [
        ("fi", 1, "Voit tehdä tentin kerran."),
        ("fi", 2, "Voit tehdä tentin 2 kertaa."),
        ("sv", 1, "Du får göra provet en gång."),
        ("sv", 2, "Du får göra provet 2 gånger."),
    ],
)
def test_the_quiz_rules_count_attempts(client, language, allowed, expected):
    parent = home_page()
    fields = {"attempts_allowed": allowed}
    if language == "sv":
        parent = swedish_home(parent)
        fields["locale"] = Locale.objects.get(language_code="sv")
    quiz = build_quiz(questions=1, parent=parent, **fields)
    html = client.get(quiz.url).content.decode()
    assert expected in html
