"""A person's accessibility feedback is exported and erased, also what they sent
without logging in under their address (any letter case)."""

import pytest
from allauth.account.models import EmailAddress

from accessibility.models import Feedback
from accounts.privacy import erase_user, export_user_data
from tests.factories import verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    user = verified_user(email="tiina@example.fi")
    EmailAddress.objects.create(user=user, email="tiina.toinen@example.fi")
    return user


def test_export_has_the_persons_feedback(person):
    Feedback.objects.create(
        user=person, message="Kuvasta puuttuu teksti.", page_url="/", language="fi"
    )
    Feedback.objects.create(
        message="Ilman kirjautumista.",
        email="Tiina.Toinen@Example.fi",
        language="fi",
    )
    Feedback.objects.create(message="Toisen palaute.", language="fi")
    rows = export_user_data(person)["accessibility"]
    assert [row["message"] for row in rows] == [
        "Kuvasta puuttuu teksti.",
        "Ilman kirjautumista.",
    ]
    assert set(rows[0]) == {"message", "page_url", "email", "language", "created_at"}


def test_erasure_leaves_none_of_the_persons_addresses(person):
    Feedback.objects.create(user=person, message="Kirjautuneena.", language="fi")
    Feedback.objects.create(
        message="Kirjautumatta.", email="Tiina@Example.FI", language="sv"
    )
    other = Feedback.objects.create(
        message="Toisen palaute.", email="muu@example.fi", language="fi"
    )
    erase_user(person)
    assert list(Feedback.objects.all()) == [other]
