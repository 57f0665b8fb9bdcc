"""Deleting one's own account: confirmation, reauthentication, what is left.

The last test looks through every text column of every table for the
person's name and address, so that data a new app stores cannot outlive an
erasure unnoticed.
"""

import dataclasses
import io
import logging
import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountDeletion, User
from accounts.privacy import ERASED_DOMAIN, erase_user, registered_personal_data
from courses.models import LessonCompletion
from municipalities.models import Coordinator, Membership, Reminder
from quizzes.analysis import analyse_quiz
from quizzes.models import Attempt, Question, Response
from tests.accounts.helpers import log_in, reauthenticate
from tests.accounts.personal_rows import give_rows, submit
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

URL = "/omat-tiedot/poista/"
EMAIL = "zebulon.quaxmire@example.fi"
FIRST, LAST = "Zebulon", "Quaxmire"


@pytest.fixture
def person():
    return verified_user(email=EMAIL, first_name=FIRST, last_name=LAST)


@pytest.fixture
def logged_in(client, person):
    """The person, logged in and having just confirmed their password again."""
    log_in(client, person)
    reauthenticate(client)
    return person


def test_the_page_is_at_its_finnish_address():
    assert reverse("account_delete") == URL


def test_login_is_required(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/tili/login/")


def test_an_open_session_must_confirm_the_password_first(client, person):
    log_in(client, person)

    response = client.post(URL, {"email": EMAIL})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert User.objects.filter(pk=person.pk).exists()


def test_the_page_says_what_happens(client, logged_in):
    page = client.get(URL).content.decode()
    assert "Henkilötietosi poistetaan" in page
    assert "nimettömiksi tilastoiksi" in page
    assert "Saamiesi todistusten aitoutta ei voi enää tarkistaa." in page
    assert "Poistoa ei voi perua." in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'aria-describedby="id_email_helptext"' in page


@pytest.mark.parametrize("typed", ["", "joku.muu@example.fi", "zebulon"])
def test_a_wrong_confirmation_deletes_nothing(client, logged_in, typed):
    give_rows(logged_in)

    response = client.post(URL, {"email": typed})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-describedby="id_email_helptext id_email_error"' in page
    if typed == "joku.muu@example.fi":
        assert "Tämä ei ole sähköpostiosoitteesi. Mitään ei poistettu." in page
    assert User.objects.filter(pk=logged_in.pk).exists()
    assert LessonCompletion.objects.filter(user=logged_in).exists()
    assert Membership.objects.filter(user=logged_in).exists()
    assert not AccountDeletion.objects.exists()


def test_the_right_confirmation_deletes_and_logs_out(client, logged_in, caplog):
    give_rows(logged_in)
    caplog.set_level(logging.INFO, logger="accounts.privacy")

    response = client.post(URL, {"email": " Zebulon.Quaxmire@example.fi "})

    assert response.status_code == 302 and response.url == "/"
    assert not User.objects.filter(email=EMAIL).exists()
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
    assert "Tilisi on poistettu." in client.get("/").content.decode()
    assert client.get("/omat-tiedot/").status_code == 302  # logged out
    deletion = AccountDeletion.objects.get()
    assert deletion.by_self is True
    assert deletion.parts == [part.name for part in registered_personal_data()]
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "accounts.privacy"]
    assert logged.startswith("Account erased by its owner")
    for personal in (EMAIL, FIRST, LAST):
        assert personal not in logged
    assert not re.search(rf"\b{logged_in.pk}\b", logged)


def test_deleting_in_swedish_ends_on_the_swedish_front_page(client):
    user = verified_user(email="svensk@example.fi", preferred_language="sv")
    log_in(client, user)
    reauthenticate(client)

    response = client.post("/sv/mina-uppgifter/radera/", {"email": "svensk@example.fi"})

    assert response.status_code == 302 and response.url == "/sv/"
    assert "Ditt konto har raderats." in client.get("/sv/").content.decode()


def test_the_command_logs_an_operators_erasure(person):
    call_command("erase_user", EMAIL, "--yes", stdout=io.StringIO())
    assert AccountDeletion.objects.get().by_self is False


def test_every_part_gets_the_same_stand_in(person):
    give_rows(person)
    reminder = Reminder.objects.get(user=person)

    erase_user(person)

    reminder.refresh_from_db()
    attempt = Attempt.objects.get()
    assert reminder.user == attempt.user
    assert reminder.user.email.endswith(f"@{ERASED_DOMAIN}")
    assert User.objects.filter(email__endswith=ERASED_DOMAIN).count() == 1


def test_no_stand_in_when_nothing_needs_one(person):
    erase_user(person)
    assert not User.objects.exists()


def test_the_item_analysis_is_unchanged(client, logged_in):
    rows = give_rows(logged_in)
    quiz = rows.quizzes[0]
    for n in range(5):
        submit(quiz, verified_user(), f"Pohdinta {n}.")
    before = analyse_quiz(quiz)

    client.post(URL, {"email": EMAIL})

    after = analyse_quiz(quiz)
    assert not User.objects.filter(email=EMAIL).exists()
    assert (after.trustees, after.attempts) == (before.trustees, before.attempts)
    assert [dataclasses.astuple(i) for i in after.items] == [
        dataclasses.astuple(i) for i in before.items
    ]


TEXT_COLUMNS = {"CharField", "TextField", "JSONField"}


def tables_holding(*needles: str) -> set[tuple[str, str, str]]:
    """(table, column, needle) for every text column of every table that
    contains a needle, in any case."""
    found = set()
    introspection = connection.introspection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in introspection.table_names(cursor):
            for column in introspection.get_table_description(cursor, table):
                try:
                    kind = introspection.get_field_type(column.type_code, column)
                except KeyError:  # untyped, as in SQLite's full-text tables
                    kind = "TextField"
                if kind not in TEXT_COLUMNS:
                    continue
                for needle in needles:
                    cursor.execute(
                        f"SELECT 1 FROM {quote(table)} WHERE "
                        f"LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s LIMIT 1",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone():
                        found.add((table, column.name, needle))
    return found


def sessions_naming(email: str) -> list[str]:
    """Session data is signed and encoded, out of reach of a text search."""
    return [
        session.session_key
        for session in Session.objects.all()
        if email in str(session.get_decoded())
    ]


def test_after_deletion_no_table_holds_the_name_or_the_address(client, person):
    give_rows(person, essay=f"{FIRST} {LAST} ajattelee näin.")
    log_in(client, person)
    reauthenticate(client)
    # A second device, logged in too.
    other_device = client.__class__()
    log_in(other_device, person)
    # A third that has expired but is still in the table.
    stale = client.__class__()
    log_in(stale, person)
    Session.objects.filter(session_key=stale.session.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )

    before = tables_holding(EMAIL, FIRST, LAST)
    assert {(t, c) for t, c, needle in before if needle == EMAIL} >= {
        ("accounts_user", "email"),
        ("account_emailaddress", "email"),
        ("municipalities_invitation", "email"),
    }
    assert ("accounts_user", "first_name", FIRST) in before
    assert ("accounts_user", "last_name", LAST) in before
    assert ("quizzes_response", "answer", LAST) in before
    assert sessions_naming(EMAIL)
    assert Coordinator.objects.filter(user=person).exists()
    assert Response.objects.filter(
        attempt__user=person, snapshot__type=Question.Type.ESSAY
    ).exists()

    response = client.post(URL, {"email": EMAIL})

    assert response.status_code == 302
    assert tables_holding(EMAIL, FIRST, LAST) == set()
    assert sessions_naming(EMAIL) == []
