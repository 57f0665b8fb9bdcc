"""A logged-in user's pages and e-mails follow their preferred language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.factories import verified_user
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


def in_language(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def swede(db):
    return verified_user(email="svensk@example.fi", preferred_language="sv")


def test_unprefixed_page_redirects_to_the_preferred_language(client, swede):
    client.force_login(swede)
    response = client.get(f"{reverse('my_studies')}?sivu=2")
    assert response.status_code == 302
    assert response.url == f"{in_language('sv', 'my_studies')}?sivu=2"


def test_an_explicit_prefix_is_served_as_asked(client, swede):
    client.force_login(swede)
    response = client.get(in_language("en", "my_studies"))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


@pytest.mark.parametrize("preferred", [None, "fi"])
def test_finnish_and_anonymous_readers_stay_on_unprefixed_pages(
    client, trustee, preferred
):
    if preferred:
        client.force_login(trustee)
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "fi"


def test_posts_and_pages_outside_the_language_prefix_are_not_redirected(client, swede):
    client.force_login(swede)
    assert client.get(reverse("health")).status_code == 200
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not response.url.startswith("/sv/")


def test_login_lands_on_pages_in_the_preferred_language(client, swede):
    response = client.post(
        reverse("account_login"),
        {"login": swede.email, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == in_language("sv", "my_studies")
    assert response.status_code == 200


def test_the_language_switcher_sets_the_preference(client, swede):
    client.force_login(swede)
    page = client.get(in_language("sv", "my_studies"))
    assert reverse("switch_language") in page.content.decode()

    response = client.post(
        reverse("switch_language"),
        {"language": "fi", "next": in_language("sv", "my_studies")},
    )
    assert response.url == in_language("fi", "my_studies")
    swede.refresh_from_db()
    assert swede.preferred_language == "fi"
    assert client.get(response.url).status_code == 200  # Finnish now sticks


def test_anonymous_switcher_is_links_and_the_view_changes_nothing_stored(
    client, trustee
):
    page = client.get(reverse("account_login")).content.decode()
    assert reverse("switch_language") not in page
    assert f'href="{in_language("sv", "account_login")}"' in page
    response = client.post(
        reverse("switch_language"),
        {"language": "en", "next": reverse("account_login")},
    )
    assert response.url == in_language("en", "account_login")
    assert User.objects.get(pk=trustee.pk).preferred_language == "fi"


@pytest.mark.parametrize(
    "data",
    [
        {"language": "de", "next": "/"},
        {"language": "sv", "next": "https://evil.example/"},
        {"language": "sv"},
    ],
)
def test_switcher_refuses_unknown_languages_and_foreign_addresses(client, data):
    response = client.post(reverse("switch_language"), data)
    assert response.status_code == 302
    assert response.url in ("/", "/sv/")


def test_mail_to_a_known_user_is_in_their_language(client, swede):
    # Asked for on a Finnish page, written in Swedish, with a Swedish link.
    client.post(reverse("account_reset_password"), {"email": swede.email})
    (message,) = mail.outbox
    with translation.override("sv"):
        subject = translation.gettext("Password Reset Email")
        reset_prefix = reverse("account_reset_password")
    assert subject in message.subject
    assert f"{reset_prefix}key/" in message.body


def test_mail_to_an_unknown_address_is_in_the_language_in_use(client):
    client.post(in_language("sv", "account_reset_password"), {"email": "ny@example.fi"})
    (message,) = mail.outbox
    with translation.override("sv"):
        assert translation.gettext("Unknown Account") in message.subject
