"""The account page: the person's own details, and changing name and language."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

URL = "/omat-tiedot/"


@pytest.fixture
def person(client):
    user = verified_user(
        email="aino.asukas@example.fi", first_name="Aino", last_name="Asukas"
    )
    client.force_login(user)
    return user


def test_the_page_is_at_its_finnish_address():
    assert reverse("account_profile") == URL


def test_login_is_required(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/tili/login/")


def test_page_shows_own_details_and_the_ways_to_ones_data(client, person):
    other = verified_user(email="naapuri@example.fi", last_name="Naapuri")

    page = client.get(URL).content.decode()

    assert "Aino Asukas" in page
    assert "aino.asukas@example.fi" in page
    assert 'href="/tili/email/"' in page
    assert 'href="/omat-tiedot/lataa/"' in page
    assert 'href="/omat-tiedot/yhteenveto/"' in page
    assert 'href="/omat-tiedot/poista/"' in page
    assert other.email not in page and "Naapuri" not in page


def test_header_links_to_the_account_page(client, person):
    page = client.get(URL).content.decode()
    assert f'<a href="{URL}">Omat tiedot</a>' in page


def test_changing_the_name_strips_whitespace(client, person):
    response = client.post(
        URL,
        {
            "first_name": "  Aino-Maria ",
            "last_name": " Asukas ",
            "preferred_language": "fi",
        },
    )

    assert response.status_code == 302 and response.url == URL
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Aino-Maria", "Asukas")
    assert "Tietosi on tallennettu." in client.get(URL).content.decode()


def test_names_may_be_blank(client, person):
    client.post(URL, {"first_name": "", "last_name": "", "preferred_language": "fi"})
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("", "")


def test_changing_the_language_goes_to_the_page_in_that_language(client, person):
    response = client.post(
        URL, {"first_name": "Aino", "last_name": "Asukas", "preferred_language": "sv"}
    )

    assert response.status_code == 302 and response.url == "/sv/mina-uppgifter/"
    person.refresh_from_db()
    assert person.preferred_language == "sv"
    page = client.get(response.url).content.decode()
    assert "Dina uppgifter har sparats." in page
    assert "Mina uppgifter" in page


@pytest.mark.parametrize(
    "data, field",
    [
        (
            {
                "first_name": "A" * 151,
                "last_name": "Asukas",
                "preferred_language": "fi",
            },
            "first_name",
        ),
        (
            {"first_name": "Aino", "last_name": "B" * 151, "preferred_language": "fi"},
            "last_name",
        ),
        (
            {"first_name": "Aino", "last_name": "Asukas", "preferred_language": "de"},
            "preferred_language",
        ),
    ],
)
def test_bad_input_changes_nothing_and_says_why_in_finnish(client, person, data, field):
    response = client.post(URL, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert f'aria-describedby="id_{field}_error"' in page
    if field == "preferred_language":
        assert "Valitse oikea vaihtoehto." in page
    else:
        assert "enintään 150 merkkiä" in page
    saved = User.objects.get(pk=person.pk)
    assert (saved.first_name, saved.last_name, saved.preferred_language) == (
        "Aino",
        "Asukas",
        "fi",
    )
    assert "Aino Asukas" in page  # the saved name, not the rejected one
