"""Admin import: upload shows a preview with problems; only confirming saves."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from quizzes.models import Question, QuestionCategory
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

GIFT = "::Hyvä::Kysymys? {=a ~b}\n\n::Rikki::Kysymys {=a\n\n::Toinen::Tosi? {T}\n"


@pytest.fixture
def facilitator_client(client):
    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
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


@pytest.fixture
def superuser_client(client):
    user = verified_user(
        email="paakayttaja@example.fi", is_staff=True, is_superuser=True
    )
    login_with_mfa(client, user, activate_totp(user))
    return client


def moodle(question: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><quiz>'
        '<question type="truefalse"><name><text>Hyvä</text></name>'
        "<questiontext><text>Ok?</text></questiontext>"
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>'
        f"{question}</quiz>"
    ).encode()


def numerical(inner: str, *, grade: str = "1") -> str:
    return (
        '<question type="numerical"><name><text>Rikki</text></name>'
        "<questiontext><text>Montako?</text></questiontext>"
        f"<defaultgrade>{grade}</defaultgrade>{inner}</question>"
    )


GOOD_GIFT = "::Hyvä::Ok? {T}\n\n"
BAD_FILES = {
    "huge_number.gift": GOOD_GIFT + "::Rikki::Luku? {#1e999999999}\n",
    "huge_tolerance.gift": GOOD_GIFT + "::Rikki::Luku? {#1:1e20}\n",
    "huge_weight.gift": GOOD_GIFT + "::Rikki::Valitse {~%1000%a ~b}\n",
    "long_match.gift": GOOD_GIFT + f"::Rikki::Pari {{=a -> {'b' * 501} =c -> d}}\n",
    "no_answers.gift": GOOD_GIFT + "::Rikki::Tyhjä {=}\n",
    "grade_huge.xml": moodle(
        numerical('<answer fraction="100"><text>1</text></answer>', grade="1e6")
    ),
    "grade_abc.xml": moodle(
        numerical('<answer fraction="100"><text>1</text></answer>', grade="abc")
    ),
    "grade_overflow.xml": moodle(
        numerical('<answer fraction="100"><text>1</text></answer>', grade="1e999999999")
    ),
    "tolerance.xml": moodle(
        numerical(
            '<answer fraction="100"><text>1</text><tolerance>1e20</tolerance></answer>'
        )
    ),
    "value.xml": moodle(
        numerical('<answer fraction="100"><text>1e999999999</text></answer>')
    ),
    "fraction.xml": moodle(numerical('<answer fraction="abc"><text>1</text></answer>')),
    "no_answers.xml": moodle(numerical("")),
    "no_text.xml": moodle(
        '<question type="multichoice"><name><text>Rikki</text></name>'
        '<answer fraction="100"><text>a</text></answer>'
        '<answer fraction="0"><text>b</text></answer></question>'
    ),
}
FATAL_FILES = {
    "nul.gift": (GOOD_GIFT + "::Rikki::Tek\x00sti {T}\n").encode(),
    "nul.xml": moodle(numerical("<answer>\x00</answer>")),
    "nul_reference.xml": moodle("<question>&#0;</question>"),
    "latin1.gift": "::Hyvä::Ok? {T}".encode("latin-1"),
    "binary.xml": bytes(range(256)),
    "empty.xml": b"",
    "html.xml": b"<html></html>",
    "kysely.pdf": b"%PDF-1.4",
}


def assert_bank_is_sound(client):
    """Nothing out of range was stored, and the bank's admin list still opens."""
    assert not Question.objects.filter(name="Rikki").exists()
    response = client.get(reverse("wagtailsnippets_quizzes_question:list"))
    assert response.status_code == 200


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_entries_are_reported_by_name_and_not_saved(superuser_client, name):
    data = BAD_FILES[name]
    upload = SimpleUploadedFile(
        name, data if isinstance(data, bytes) else data.encode()
    )
    response = superuser_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rikki" in html  # the skipped entry is named in the preview
    assert not Question.objects.exists()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = superuser_client.post(
        reverse("quizzes_import_confirm"), {"token": token}
    )
    assert response.status_code == 302
    assert list(Question.objects.values_list("name", flat=True)) == ["Hyvä"]
    assert_bank_is_sound(superuser_client)


@pytest.mark.parametrize("name", sorted(FATAL_FILES))
def test_unreadable_files_are_refused_with_a_message(superuser_client, name):
    upload = SimpleUploadedFile(name, FATAL_FILES[name])
    response = superuser_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mitään ei tuotu" in html or "GIFT" in html
    assert not Question.objects.exists()
    assert not QuestionCategory.objects.filter(name="Tuotu").exists()
    assert_bank_is_sound(superuser_client)


def test_nul_character_message_names_the_line(superuser_client):
    upload = SimpleUploadedFile("nul.gift", FATAL_FILES["nul.gift"])
    response = superuser_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
    )
    assert "NUL" in response.content.decode()


@pytest.mark.parametrize("category", ["x" * 201, "Tuo\x00tu", "   "])
def test_bad_category_names_are_refused(superuser_client, category):
    upload = SimpleUploadedFile("kysely.gift", GOOD_GIFT.encode())
    response = superuser_client.post(
        reverse("quizzes_import"), {"file": upload, "category": category}
    )
    assert response.status_code == 200
    assert 'name="token"' not in response.content.decode()
    assert not QuestionCategory.objects.exists()


def test_a_file_without_questions_creates_no_category(superuser_client):
    upload = SimpleUploadedFile("tyhja.gift", b"// vain kommentti\n")
    response = superuser_client.post(
        reverse("quizzes_import"), {"file": upload, "category": "Tyhjä"}
    )
    assert response.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert token is None  # nothing to confirm
    assert not QuestionCategory.objects.exists()


@pytest.mark.parametrize("token", ["", "x\x00y", "å" * 300, "a b"])
def test_a_forged_token_is_an_expired_preview(superuser_client, token, recwarn):
    response = superuser_client.post(
        reverse("quizzes_import_confirm"), {"token": token}
    )
    assert response.status_code == 302
    assert not [w for w in recwarn if "Cache key" in str(w.message)]
    assert not QuestionCategory.objects.exists()
