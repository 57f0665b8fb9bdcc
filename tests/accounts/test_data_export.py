"""The person's own data: the JSON download and the page that summarises it."""

import json

import pytest
from django.urls import reverse

from accounts.privacy import registered_personal_data
from tests.accounts.personal_rows import give_rows, reflective_quiz, submit
from tests.factories import LessonPageFactory, verified_user

pytestmark = pytest.mark.django_db

DOWNLOAD = "/omat-tiedot/lataa/"
SUMMARY = "/omat-tiedot/yhteenveto/"


@pytest.fixture
def person(client):
    user = verified_user(
        email="elina.esimerkki@example.fi", first_name="Elina", last_name="Esimerkki"
    )
    client.force_login(user)
    return user


@pytest.fixture
def other():
    """Someone else with data of their own, which must never show."""
    user = verified_user(
        email="olli.ohikulkija@example.fi", first_name="Olli", last_name="Ohikulkija"
    )
    LessonPageFactory(title="Ollin oma oppitunti")
    submit(reflective_quiz(), user, "Ollin salainen pohdinta.")
    return user


def download(client) -> dict:
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="silta-omat-tiedot.json"'
    )
    return json.loads(response.content.decode("utf-8"))


def test_the_pages_are_at_their_finnish_addresses():
    assert reverse("account_data") == DOWNLOAD
    assert reverse("account_data_summary") == SUMMARY


@pytest.mark.parametrize("url", [DOWNLOAD, SUMMARY])
def test_login_is_required(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/tili/login/")


def test_download_holds_every_part_and_the_rows_of_every_app(client, person, other):
    rows = give_rows(person, essay="Elinan pohdinta äänestämisestä.")

    data = download(client)

    assert set(data) == {part.name for part in registered_personal_data()}
    assert data["accounts"]["user"]["email"] == "elina.esimerkki@example.fi"
    assert data["accounts"]["user"]["first_name"] == "Elina"
    assert [c["lesson__title"] for c in data["courses"]] == [rows.lessons[0].title]
    assert len(data["quizzes"]) == 1
    answers = [r["answer"] for r in data["quizzes"][0]["responses"]]
    assert "Elinan pohdinta äänestämisestä." in answers
    memberships = data["municipalities"]["memberships"]
    assert [m["body__municipality__code"] for m in memberships] == ["091"]
    assert data["municipalities"]["coordinations"][0]["municipality__code"] == "091"
    received = data["invitations"]["received"]
    assert [i["email"] for i in received] == ["elina.esimerkki@example.fi"]
    assert [r["module__title"] for r in data["reminders"]["received"]] == [
        rows.module.title
    ]
    assert data["reminders"]["reminders_off"] is True
    assert [f["message"] for f in data["accessibility"]] == [
        "Elina ei löytänyt painiketta."
    ]
    everything = json.dumps(data, ensure_ascii=False)
    assert "olli" not in everything.lower()
    assert "Ollin salainen pohdinta." not in everything


def test_download_is_pretty_printed_utf8(client, person):
    give_rows(person, essay="Äänestäjän näkökulma.")
    body = client.get(DOWNLOAD).content.decode("utf-8")
    assert "Äänestäjän näkökulma." in body  # not \u escapes
    assert body.startswith('{\n  "')


def test_summary_shows_the_name_and_a_completed_lesson(client, person, other):
    rows = give_rows(person)

    response = client.get(SUMMARY)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Elina" in page and "Esimerkki" in page
    assert rows.lessons[0].title in page
    for heading in ["Suoritetut oppitunnit", "Tenttien suorituskerrat", "Kutsut"]:
        assert f">{heading}</h2>" in page
    assert "Ohikulkija" not in page and "Ollin salainen pohdinta." not in page


def test_summary_names_a_part_it_does_not_know_by_its_key(client, person, monkeypatch):
    from accounts import privacy
    from accounts.privacy import PersonalData

    monkeypatch.setitem(
        privacy._REGISTRY,
        "newapp",
        PersonalData(
            name="newapp",
            models=(),
            export=lambda user: [{"note": "uusi rivi"}],
            erase=lambda user, stand_in: None,
        ),
    )
    page = client.get(SUMMARY).content.decode()
    assert ">newapp</h2>" in page and "uusi rivi" in page


def _queries(client, django_assert_max_num_queries, ceiling, url):
    with django_assert_max_num_queries(ceiling):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [DOWNLOAD, SUMMARY])
def test_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries, url):
    # 20 today: a handful per part, whatever the amount of data; the margin
    # is for parts registered later.
    ceiling = 25
    few, many = (verified_user() for _ in range(2))
    give_rows(few, count=1)
    client.force_login(few)
    _queries(client, django_assert_max_num_queries, ceiling, url)

    give_rows(many, count=10)
    client.force_login(many)
    _queries(client, django_assert_max_num_queries, ceiling, url)
