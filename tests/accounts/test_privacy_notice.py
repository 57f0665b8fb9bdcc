"""The privacy notice: public, in each interface language, covering every part of
the personal data that an app registers, with the controller from the settings."""

import re

import pytest
from django.urls import reverse

from accounts.privacy import registered_personal_data
from accounts.privacy_notice import template_for
from municipalities.invitations import VALID_FOR
from municipalities.reminders import QUIET_PERIOD
from quizzes.analysis import MIN_GROUP

pytestmark = pytest.mark.django_db

# Language, address and what the page must say in that language.
PAGES = {
    "fi": (
        "/tietosuoja/",
        [
            "<h1>Tietosuojaseloste</h1>",
            "Mitä tietoja säilytämme",
            "Kuinka kauan tietoja säilytetään",
            "Oikeutesi ja niiden käyttäminen",
            "Niin kauan kuin tilisi on olemassa",
            "nimettömiksi tilastoiksi",
            "6 artiklan 1 kohdan e alakohta",
            "tietosuojavaltuutetun toimistolle",
            f"voimassa {VALID_FOR.days} päivää",
            f"alle {MIN_GROUP} luottamushenkilöä",
            f"kerran {QUIET_PERIOD.days} päivässä",
            "enintään 14 päivää",
            *(f"({n} artikla)" for n in (15, 16, 17, 18, 20, 21)),
        ],
    ),
    "sv": (
        "/sv/dataskydd/",
        [
            "<h1>Dataskyddsbeskrivning</h1>",
            "Vilka uppgifter vi sparar",
            "Hur länge uppgifterna sparas",
            "Dina rättigheter och hur du använder dem",
            "Så länge ditt konto finns",
            "anonym statistik",
            "artikel 6.1 e",
            "dataombudsmannens byrå",
            f"gäller i {VALID_FOR.days} dagar",
            f"färre än {MIN_GROUP} förtroendevalda",
            f"på {QUIET_PERIOD.days} dagar",
            "högst 14 dagar",
            *(f"(artikel {n})" for n in (15, 16, 17, 18, 20, 21)),
        ],
    ),
    "en": (
        "/en/privacy/",
        [
            "<h1>Privacy notice</h1>",
            "What we keep",
            "How long data is kept",
            "Your rights and how to use them",
            "As long as your account exists",
            "anonymous statistics",
            "Article 6(1)(e)",
            "Data Protection Ombudsman",
            f"valid for {VALID_FOR.days} days",
            f"fewer than {MIN_GROUP} elected officials",
            f"in {QUIET_PERIOD.days} days",
            "at most 14 days",
            *(f"(Article {n})" for n in (15, 16, 17, 18, 20, 21)),
        ],
    ),
}


def test_the_url_and_the_account_page_it_links_to():
    assert reverse("privacy_notice") == "/tietosuoja/"
    assert reverse("account_profile") == "/omat-tiedot/"


@pytest.mark.parametrize("language", PAGES)
def test_the_notice_answers_without_login_in_its_language(client, language):
    url, phrases = PAGES[language]
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    missing = [phrase for phrase in phrases if phrase not in response.text]
    assert not missing, f"missing from {url}: {missing}"


def test_an_unknown_language_falls_back_to_finnish():
    assert template_for("de") == "accounts/privacy_notice/fi.html"
    assert template_for(None) == "accounts/privacy_notice/fi.html"
    assert template_for("sv") == "accounts/privacy_notice/sv.html"


@pytest.mark.parametrize("language", PAGES)
def test_the_controller_and_contact_come_from_the_settings(client, settings, language):
    settings.PRIVACY_CONTROLLER_NAME = "Esimerkkikuntien Silta ry"
    settings.PRIVACY_CONTACT_EMAIL = "dpo@silta.example.fi"
    text = client.get(PAGES[language][0]).text
    assert "Esimerkkikuntien Silta ry" in text
    assert 'href="mailto:dpo@silta.example.fi"' in text


@pytest.mark.parametrize("language", PAGES)
def test_the_date_of_the_last_update_is_shown(client, language):
    assert '<time datetime="2026-12-01">' in client.get(PAGES[language][0]).text


@pytest.mark.parametrize("language", PAGES)
def test_the_session_length_follows_the_setting(client, settings, language):
    settings.SESSION_COOKIE_AGE = 3 * 86400
    text = client.get(PAGES[language][0]).text
    assert {"fi": "enintään 3 päivää", "sv": "högst 3 dagar", "en": "most 3 days"}[
        language
    ] in text


@pytest.mark.parametrize("language", PAGES)
def test_every_registered_part_of_personal_data_has_its_section(client, language):
    """An app that registers personal data fails here until the notice covers it."""
    text = client.get(PAGES[language][0]).text
    sections = set(re.findall(r'id="data-([a-z_]+)"', text))
    registered = {part.name for part in registered_personal_data()}
    assert registered, "no personal data registered?"
    assert registered <= sections, (
        f"the {language} privacy notice has no section for "
        f"{sorted(registered - sections)}: add one with id=data-<name>"
    )


@pytest.mark.parametrize("language", PAGES)
def test_the_notice_links_to_the_account_page(client, language):
    text = client.get(PAGES[language][0]).text
    account = {
        "fi": "/omat-tiedot/",
        "sv": "/sv/mina-uppgifter/",
        "en": "/en/my-details/",
    }
    assert f'href="{account[language]}"' in text


@pytest.mark.parametrize("url", ["/", "/sanasto/", "/sv/ordlista/"])
def test_other_pages_link_to_the_notice_in_the_footer(client, url):
    response = client.get(url)
    assert response.status_code == 200
    footer = response.text.split('<footer class="site-footer">', 1)[1]
    swedish = url.startswith("/sv/")
    link = (
        '<a href="/sv/dataskydd/">Dataskyddsbeskrivning</a>'
        if swedish
        else '<a href="/tietosuoja/">Tietosuojaseloste</a>'
    )
    assert link in footer
