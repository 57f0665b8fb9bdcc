"""A coordinator downloads their own municipality's certificates as one ZIP."""

import zipfile
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from courses.certificate_codes import formatted
from courses.certificates import issue_due_certificates
from courses.models import LessonPage
from municipalities.certificate_archive import certificate_zip
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    at,
    body,
    complete,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db


def certified(name: str, of_body, course):
    first, last = name.split()
    user = verified_user(first_name=first, last_name=last)
    seat(user, of_body)
    complete(user, list(LessonPage.objects.descendant_of(course)), at(2026, 11, 3))
    (certificate,) = issue_due_certificates(user.pk)
    return certificate


@pytest.fixture
def two_towns():
    course = build_course(modules=1, lessons=2)
    helsinki, espoo = municipality("091", "Helsinki"), municipality("049", "Espoo")
    council, espoo_council = body(helsinki), body(espoo)
    ours = [certified(n, council, course) for n in ("Aino Aalto", "Eero Esko")]
    theirs = certified("Outi Oja", espoo_council, course)
    coordinator = verified_user()
    coordinate(coordinator, helsinki)
    return coordinator, helsinki, espoo, ours, theirs


def archive_of(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(BytesIO(response.content))


def test_the_zip_holds_only_the_coordinators_own_municipality(client, two_towns):
    coordinator, helsinki, _, ours, theirs = two_towns
    login_with_second_factor(client, coordinator)
    response = client.get(reverse("coordinator_certificates", args=[helsinki.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = archive_of(response)
    names = archive.namelist()
    assert len(names) == 2
    course = ours[0].course_title.lower().replace(" ", "-")
    assert {n.rsplit("-", 4)[0] for n in names} == {
        f"aino-aalto-{course}",
        f"eero-esko-{course}",
    }
    assert {formatted(c.code) for c in ours} == {n[-23:-4] for n in names}
    texts = "".join(
        PdfReader(BytesIO(archive.read(n))).pages[0].extract_text() for n in names
    )
    assert "Aino Aalto" in texts and "Eero Esko" in texts
    assert "Outi Oja" not in texts
    assert formatted(theirs.code) not in " ".join(names)


def test_another_municipality_is_not_found(client, two_towns):
    coordinator, _, espoo, _, _ = two_towns
    login_with_second_factor(client, coordinator)
    url = reverse("coordinator_certificates", args=[espoo.code])
    assert client.get(url).status_code == 404


def test_a_trustee_without_the_role_and_an_anonymous_visitor_get_nothing(
    client, two_towns
):
    _, helsinki, _, ours, _ = two_towns
    url = reverse("coordinator_certificates", args=[helsinki.code])
    assert client.get(url).status_code == 302  # to the login
    login_with_second_factor(client, ours[0].user)
    assert client.get(url).status_code == 404


def test_a_former_seat_holder_is_left_out(client, two_towns):
    coordinator, helsinki, _, ours, _ = two_towns
    ours[0].user.memberships.update(term_end="2025-01-01", term_start="2021-01-01")
    login_with_second_factor(client, coordinator)
    response = client.get(reverse("coordinator_certificates", args=[helsinki.code]))
    assert len(archive_of(response).namelist()) == 1


def test_no_certificates_yet_says_so_on_the_dashboard(client):
    town = municipality()
    coordinator = verified_user()
    coordinate(coordinator, town)
    login_with_second_factor(client, coordinator)
    response = client.get(
        reverse("coordinator_certificates", args=[town.code]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "coordinator_dashboard", args=[town.code]
    )
    assert "Kenelläkään luottamushenkilöllä ei ole vielä todistusta." in (
        response.content.decode()
    )


def test_the_download_costs_the_same_queries_for_more_certificates(
    client, django_assert_max_num_queries
):
    course = build_course(modules=1, lessons=1)
    town = municipality()
    council = body(town)
    coordinator = verified_user()
    coordinate(coordinator, town)
    login_with_second_factor(client, coordinator)
    url = reverse("coordinator_certificates", args=[town.code])
    made = 0
    for count in (1, 6):
        while made < count:
            certified(f"Henkilö Numero{made}", council, course)
            made += 1
        with django_assert_max_num_queries(9):
            response = client.get(url)
        assert len(archive_of(response).namelist()) == count


def test_an_empty_list_makes_an_empty_archive():
    assert zipfile.ZipFile(BytesIO(certificate_zip([]))).namelist() == []
