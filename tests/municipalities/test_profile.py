"""The trustee's "My municipality" page: their own seats, and what is shown to whom."""

from datetime import date

import pytest
from django.urls import reverse

from municipalities.models import Body, Coordinator, Membership, Municipality
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

URL = reverse("my_municipality")


@pytest.fixture
def helsinki(db):
    return Municipality.objects.create(
        code="091", name_fi="Helsinki", name_sv="Helsingfors"
    )


def body(municipality, name, kind=Body.Kind.COMMITTEE):
    return Body.objects.create(municipality=municipality, kind=kind, name=name)


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_trustee_sees_own_seats_and_coordinator_only(client, helsinki):
    trustee = verified_user(first_name="Tiina", last_name="Valtuutettu")
    other = verified_user(email="toinen@example.fi")
    Membership.objects.create(
        user=trustee,
        body=body(helsinki, "Valtuusto", Body.Kind.COUNCIL),
        role=Membership.Role.CHAIR,
    )
    Membership.objects.create(user=other, body=body(helsinki, "Sivistyslautakunta"))
    espoo = Municipality.objects.create(code="049", name_fi="Espoo")
    Membership.objects.create(user=other, body=body(espoo, "Kunnanhallitus"))
    Coordinator.objects.create(
        user=verified_user(first_name="Kalle", last_name="Kunnansihteeri"),
        municipality=helsinki,
    )
    client.force_login(trustee)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.text
    assert "Helsinki" in page and "Valtuusto" in page
    assert "Puheenjohtaja" in page or "Chair" in page
    assert "1.6.2025" in page and "31.5.2029" in page
    assert "Kalle Kunnansihteeri" in page
    assert "Sivistyslautakunta" not in page
    assert "Espoo" not in page and "Kunnanhallitus" not in page
    assert other.email not in page


def test_page_says_what_the_coordinator_sees_and_never_sees(client):
    client.force_login(verified_user())
    with_language = client.get("/en/my-municipality/").text
    for shown in (
        "your name and e-mail address",
        "the bodies you sit in and your roles in them",
        "whether you have completed it (and on what date), are in the middle of it",
    ):
        assert shown in with_language
    assert "What they never see" in with_language
    for hidden in ("quiz scores", "answers to quiz questions", "reflections"):
        assert hidden in with_language
    assert "no municipal coordinator follows your studies" in with_language


def test_past_seat_is_listed_but_not_followed(client, helsinki):
    trustee = verified_user()
    Membership.objects.create(
        user=trustee,
        body=body(helsinki, "Valtuusto", Body.Kind.COUNCIL),
        term_start=date(2021, 8, 1),
        term_end=date(2025, 5, 31),
    )
    client.force_login(trustee)

    page = client.get("/en/my-municipality/").text

    assert "Valtuusto" in page
    assert "None of these seats is current" in page


def test_swedish_page_uses_the_swedish_name(client, helsinki):
    trustee = verified_user(preferred_language="sv")
    Membership.objects.create(user=trustee, body=body(helsinki, "Valtuusto"))
    client.force_login(trustee)
    assert "Helsingfors" in client.get("/sv/min-kommun/").text


def test_nav_links_the_page_for_logged_in_users_only(client):
    assert URL not in client.get(reverse("my_studies"), follow=True).text
    client.force_login(verified_user())
    assert f'href="{URL}"' in client.get(reverse("my_studies")).text
