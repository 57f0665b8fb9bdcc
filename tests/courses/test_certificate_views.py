"""The learner's certificate download and the public check of a code."""

import pytest
from django.urls import reverse

from accounts.privacy import erase_user
from courses.certificate_codes import formatted
from courses.certificates import issue_due_certificates
from courses.lessons import mark_lesson_complete
from courses.models import LessonPage
from tests.factories import build_course, verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued():
    """A course of two modules finished by Aino Aaltonen, and her certificate."""
    user = verified_user(
        first_name="Aino", last_name="Aaltonen", email="aino.aaltonen@example.fi"
    )
    course = build_course(modules=2, lessons=1)
    for lesson in LessonPage.objects.descendant_of(course):
        mark_lesson_complete(user=user, lesson=lesson)
    (certificate,) = issue_due_certificates(user.pk)
    return certificate


def main_of(response) -> str:
    """The page's own content, without the header's language links to itself."""
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def check_url(code: str) -> str:
    return reverse("verify_certificate", args=[code])


def test_the_owner_downloads_the_pdf(client, issued):
    client.force_login(issued.user)
    response = client.get(reverse("download_certificate", args=[issued.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_nobody_else_downloads_it(client, issued):
    url = reverse("download_certificate", args=[issued.pk])
    assert client.get(url).status_code == 302  # to the login
    client.force_login(verified_user())
    assert client.get(url).status_code == 404
    assert client.get(reverse("download_certificate", args=[99999])).status_code == 404


def test_the_check_confirms_name_course_and_date_and_nothing_else(client, issued):
    response = client.get(check_url(formatted(issued.code)))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Todistus on voimassa" in body
    assert "Aino Aaltonen" in body
    assert issued.course_title in body
    assert issued.issued_at.strftime("%-d.%-m.%Y") in body
    for hidden in ["aino.aaltonen@example.fi", *issued.module_titles]:
        assert hidden not in body
    assert "no-cache" in response["Cache-Control"]


def test_a_code_typed_in_lower_case_without_dashes_also_checks(client, issued):
    response = client.get(check_url(issued.code.lower()))
    assert "Aino Aaltonen" in response.content.decode()


def test_unknown_and_malformed_codes_get_the_same_answer(client, issued):
    unknown = "A" * 16 if issued.code != "A" * 16 else "B" * 16
    answers = [client.get(check_url(code)) for code in (unknown, "x" * 300, "%00")]
    assert {r.status_code for r in answers} == {404}
    bodies = {main_of(r) for r in answers}
    assert len(bodies) == 1
    (body,) = bodies
    assert "Tällä koodilla ei löydy voimassa olevaa todistusta" in body
    assert "Aino" not in body


def test_the_answer_is_in_swedish_under_sv(client, issued):
    assert (
        "Intyget är giltigt" in client.get(f"/sv/intyg/{issued.code}/").content.decode()
    )


def test_the_form_sends_a_code_to_its_page_and_explains_a_bad_one(client, issued):
    response = client.get(reverse("check_certificate"), {"code": f" {issued.code} "})
    assert response.status_code == 302
    assert response["Location"] == check_url(formatted(issued.code))

    response = client.get(reverse("check_certificate"), {"code": "12345"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Tämä ei ole tarkistuskoodi" in body
    assert 'value="12345"' in body  # what was typed stays in the field

    assert client.get(reverse("check_certificate")).status_code == 200


def test_the_check_is_rate_limited_per_client(client, issued, settings):
    settings.SILTA_RATE_LIMITS = {"verify_certificate": "3/m/ip"}
    codes = ["A" * 16, "B" * 16, "C" * 16]
    assert [client.get(check_url(c)).status_code for c in codes] == [404] * 3
    limited = client.get(check_url(formatted(issued.code)))
    assert limited.status_code == 429
    assert "Aino" not in limited.content.decode()
    assert "Liian monta pyyntöä" in limited.content.decode()
    form = client.get(reverse("check_certificate"), {"code": issued.code})
    assert form.status_code == 429


def test_a_deleted_account_certificate_no_longer_verifies(client, issued):
    code = issued.code
    erase_user(issued.user)
    response = client.get(check_url(code))
    assert response.status_code == 404
    assert "Aino" not in response.content.decode()


def test_my_studies_offers_the_certificate_once_the_course_is_done(client, issued):
    client.force_login(issued.user)
    body = client.get(reverse("my_studies")).content.decode()
    assert reverse("download_certificate", args=[issued.pk]) in body
    assert formatted(issued.code) in body

    other = verified_user()
    client.force_login(other)
    body = client.get(reverse("my_studies")).content.decode()
    assert "Lataa todistus" not in body


def test_my_studies_asks_a_nameless_learner_for_a_name(client):
    nameless = verified_user(first_name="", last_name="")
    client.force_login(nameless)
    body = client.get(reverse("my_studies")).content.decode()
    assert "Lisää nimesi sinne ennen kuin suoritat kurssin loppuun." in body
    assert f'href="{reverse("account_profile")}"' in body

    client.force_login(verified_user(first_name="Aino"))
    body = client.get(reverse("my_studies")).content.decode()
    assert "Lisää nimesi" not in body
