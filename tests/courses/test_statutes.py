"""Statute citations become Finlex links to the cited section's own anchor."""

import pytest

from courses.statutes import citations_in, cite, statute_named

KL = "Kuntalaki (410/2015)"
BASE = "https://www.finlex.fi/fi/laki/ajantasa/"


# Chapters from the consolidated kuntalaki (10 luku Luottamushenkilöt 69–86 §,
# 12 luku Hallinto ja päätöksenteko 90–109 §, 12 a luku 109 a–c §,
# 16 luku Muutoksenhaku 133–144 §) and hallintolaki (5 luku 23–30 §).
@pytest.mark.parametrize(
    ("statute", "section", "url"),
    [
        (KL, "69 §", BASE + "2015/20150410#L10P69"),
        (KL, "97 § 4 mom.", BASE + "2015/20150410#L12P97"),
        (KL, "109 b §", BASE + "2015/20150410#L12aP109b"),
        (KL, "135 §", BASE + "2015/20150410#L16P135"),
        (KL, "26–28 §", BASE + "2015/20150410#L5P26"),
        ("Hallintolaki (434/2003)", "28 §", BASE + "2003/20030434#L5P28"),
        ("Rikoslaki (39/1889)", "24 luku 9 §", BASE + "1889/18890039001#L24P9"),
        ("Vaalilaki (714/1998)", "13 §", BASE + "1998/19980714#L2P13"),
    ],
)
def test_a_section_links_to_its_anchor(statute, section, url):
    assert cite(statute_named(statute), section).url == url


@pytest.mark.parametrize(
    ("statute", "section"),
    [
        (KL, "151 §"),  # beyond the last section
        (KL, "§"),
        (KL, "10 luku 97 §"),  # 97 § is in chapter 12
        ("Rikoslaki (39/1889)", "9 §"),  # rikoslaki needs the chapter
    ],
)
def test_a_section_the_statute_does_not_have_is_refused(statute, section):
    assert cite(statute_named(statute), section) is None


def test_unknown_statutes_are_not_guessed():
    assert statute_named("Kuntalaki (365/1995)") is None


def test_short_citations_in_feedback():
    text = "Oikein (KL 97 §, HL 28 § 2 mom.). Ks. myös RL 24 luku 9 § ja XL 3 §."
    assert [c.key for c in citations_in(text)] == ["KL 97 §", "HL 28 §", "RL 24:9 §"]
    assert citations_in("KL 999 §") == []
