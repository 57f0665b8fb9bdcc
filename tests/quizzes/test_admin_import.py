"""Admin import: upload shows a preview with problems; only confirming saves."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Question
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

GIFT = "::Hyvä::Kysymys? {=a ~b}\n\n::Rikki::Kysymys {=a\n\n::Toinen::Tosi? {T}\n"


@pytest.fixture
def facilitator_client(client):
    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name="Facilitators"))
    login_with_mfa(client, user, activate_totp(user))
    return client


def test_upload_preview_confirm(facilitator_client):
    upload = SimpleUploadedFile("kysely.gift", GIFT.encode())
    response = facilitator_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rikki" in html and "rivi 3" in html
    assert not Question.objects.exists()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = facilitator_client.post(
        reverse("quizzes_import_confirm"), {"token": token}
    )
    assert response.status_code == 302
    assert set(Question.objects.values_list("name", flat=True)) == {"Hyvä", "Toinen"}


def test_fatal_file_shows_error_and_imports_nothing(facilitator_client):
    upload = SimpleUploadedFile("x.xml", b"<!DOCTYPE quiz [<!ENTITY a 'b'>]><quiz/>")
    response = facilitator_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    assert "Mitään ei tuotu" in response.content.decode()
    assert not Question.objects.exists()


def test_trustee_cannot_import(client):
    client.force_login(verified_user())
    response = client.get(reverse("quizzes_import"))
    assert response.status_code in (302, 403)
    assert "Kysymystiedosto" not in response.content.decode()
