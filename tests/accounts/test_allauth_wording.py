"""allauth's pages and e-mails in Silta's wording, in Finnish and Swedish.

Silta's catalogue overrides allauth's own translations (accounts.allauth_messages
keeps them through makemessages); these tests read what a person actually sees.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.allauth_messages import MESSAGES
from tests.accounts.helpers import (
    activate_totp,
    code_from_mail,
    current_code,
    reauthenticate,
)
from tests.factories import verified_user
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

# What the native-language review found in allauth's own catalogues.
WRONG = [
    "tilliin",
    "sähköpostiosoiteen",
    "Salasana vaihto onnistui",
    "Felaktig inlogging",
    "Vänligen",
    "Terve palvelusta",
    "Syötä se avoimessa selainikkunassasi",
    "voidaan turvallisesti jättää huomiotta",
    "Silta palvelua",
    "Skapa konto",
    "epost",
    "Tvåfaktor",
    "Tunnistin",
]


def url(language, name):
    with translation.override(language):
        return reverse(name)


def test_swedish_login_page_invites_to_sign_up(client):
    html = client.get(url("sv", "account_login")).content.decode()
    assert "Har du inget konto ännu?" in html
    link = re.search(
        r'Har du inget konto ännu\? <a href="([^"]+)">\s*Registrera dig\s*</a> först\.',
        html,
    )
    assert link, html
    assert link.group(1) == "/sv/konto/signup/"
    assert link.group(1) == url("sv", "account_signup")
    signup = client.get(link.group(1)).content.decode()
    assert re.search(r"<h1>\s*Registrera dig\s*</h1>", signup)


def test_finnish_login_page_invites_to_sign_up(client):
    html = client.get(url("fi", "account_login")).content.decode()
    link = re.search(
        r'Eikö sinulla ole vielä käyttäjätiliä\? <a href="([^"]+)">\s*'
        r"Rekisteröidy\s*</a> ensin\.",
        html,
    )
    assert link, html
    assert link.group(1) == url("fi", "account_signup")


def _pages_and_mails(client, language) -> list[str]:
    """Walk the allauth pages Silta uses, with some wrong input on the way."""
    texts = []

    def get(name):
        texts.append(client.get(url(language, name)).content.decode())

    def post(name, data):
        response = client.post(url(language, name), data, follow=True)
        texts.append(response.content.decode())

    for name in (
        "account_login",
        "account_signup",
        "account_request_login_code",
        "account_reset_password",
        "account_reset_password_done",
    ):
        get(name)
    post("account_login", {"login": "nobody@example.fi", "password": "wrong"})
    post("account_signup", {"email": "not an address", "password1": "a"})
    post(
        "account_signup",
        {
            "email": f"new-{language}@example.fi",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    get("account_email_verification_sent")
    post("account_email_verification_sent", {"code": "WRONG1"})
    post("account_email_verification_sent", {"code": code_from_mail(mail.outbox[-1])})
    post("account_logout", {})

    person = verified_user(
        email=f"mfa-{language}@example.fi", preferred_language=language
    )
    secret = activate_totp(person)
    post("account_login", {"login": person.email, "password": "wrong"})
    post("account_login", {"login": person.email, "password": PASSWORD})
    post("mfa_authenticate", {"code": "000000"})
    post("mfa_authenticate", {"code": current_code(secret)})
    reauthenticate(client)
    for name in (
        "account_email",
        "account_change_password",
        "account_reauthenticate",
        "mfa_index",
        "mfa_deactivate_totp",
        "mfa_generate_recovery_codes",
        "account_logout",
    ):
        get(name)
    post("mfa_generate_recovery_codes", {})
    get("mfa_view_recovery_codes")
    post(
        "account_change_password",
        {
            "oldpassword": PASSWORD,
            "password1": "uusi-2025-salasana",
            "password2": "uusi-2025-salasana",
        },
    )
    post("account_reset_password", {"email": person.email})
    post("account_logout", {})
    post("account_request_login_code", {"email": person.email})
    post("account_confirm_login_code", {"code": "WRONG1"})
    texts += [f"{message.subject}\n{message.body}" for message in mail.outbox]
    return texts


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_wording_the_review_found_wrong(client, language):
    texts = _pages_and_mails(client, language)
    heading = {"fi": "Kaksivaiheinen tunnistautuminen", "sv": "Tvåstegsverifiering"}
    assert any(heading[language] in text for text in texts)  # MFA pages reached
    assert len(mail.outbox) == 3  # confirmation, password reset, login code
    found = {wrong for wrong in WRONG for text in texts if wrong in text}
    assert found == set()


def _login_code_mail(client, language):
    person = verified_user(email=f"koodi-{language}@example.fi")
    person.preferred_language = language
    person.save()
    response = client.post(
        url(language, "account_request_login_code"), {"email": person.email}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    return message


def test_login_code_mail_in_finnish(client):
    message = _login_code_mail(client, "fi")
    code = code_from_mail(message)
    assert message.to == ["koodi-fi@example.fi"]
    assert message.subject == "[Silta] Kirjautumiskoodi"
    assert message.body == (
        "Hei!\n"
        "\n"
        "Kirjautumiskoodisi on alla. Kirjoita se selaimen kirjautumissivulle.\n"
        "\n"
        f"{code}\n"
        "\n"
        "Jos et pyytänyt tätä, voit jättää viestin huomiotta.\n"
        "\n"
        "Kiitos, että käytät Silta-palvelua!\n"
        "testserver"
    )


def test_login_code_mail_in_swedish(client):
    message = _login_code_mail(client, "sv")
    code = code_from_mail(message)
    assert message.subject == "[Silta] Inloggningskod"
    assert message.body == (
        "Hej!\n"
        "\n"
        "Din inloggningskod står nedan. Skriv in den på inloggningssidan i "
        "webbläsaren.\n"
        "\n"
        f"{code}\n"
        "\n"
        "Om du inte bad om det här kan du bortse från meddelandet.\n"
        "\n"
        "Tack för att du använder Silta!\n"
        "testserver"
    )


def test_finnish_user_gets_login_code_in_finnish_from_the_swedish_page(client):
    """The mail follows the person's language, not the page they are on."""
    person = verified_user(email="suomeksi@example.fi")
    client.post(url("sv", "account_request_login_code"), {"email": person.email})
    (message,) = mail.outbox
    assert message.subject == "[Silta] Kirjautumiskoodi"
    assert message.body.startswith("Hei!\n")


def _confirmation_mail(client, language):
    response = client.post(
        url(language, "account_signup"),
        {
            "email": f"uusi-{language}@example.fi",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302, response.content
    (message,) = mail.outbox
    return message


def test_confirmation_code_mail_in_finnish(client):
    message = _confirmation_mail(client, "fi")
    code = code_from_mail(message)
    assert message.subject == "[Silta] Vahvista sähköpostiosoitteesi"
    assert message.body == (
        "Hei!\n"
        "\n"
        "Saat tämän viestin, koska sähköpostiosoitteellasi uusi-fi@example.fi on "
        "rekisteröity käyttäjätili palveluun testserver.\n"
        "\n"
        "Vahvistuskoodisi on alla. Kirjoita se selaimen vahvistussivulle.\n"
        "\n"
        f"{code}\n"
        "\n"
        "Kiitos, että käytät Silta-palvelua!\n"
        "testserver"
    )


def test_confirmation_code_mail_in_swedish(client):
    message = _confirmation_mail(client, "sv")
    code = code_from_mail(message)
    assert message.subject == "[Silta] Verifiera din e-postadress"
    assert message.body == (
        "Hej!\n"
        "\n"
        "Du får det här meddelandet eftersom din e-postadress uusi-sv@example.fi "
        "har använts för att registrera ett konto på testserver.\n"
        "\n"
        "Din verifieringskod står nedan. Skriv in den på verifieringssidan i "
        "webbläsaren.\n"
        "\n"
        f"{code}\n"
        "\n"
        "Tack för att du använder Silta!\n"
        "testserver"
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_allauth_override_is_translated(language):
    with translation.override(language):
        missing = [msgid for msgid in MESSAGES if translation.gettext(msgid) == msgid]
    assert missing == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Kirjautuminen epäonnistui."), ("sv", "Inloggningen misslyckades.")],
)
def test_override_wins_over_allauth_s_catalogue(language, expected):
    with translation.override(language):
        assert translation.gettext("Invalid login.") == expected
