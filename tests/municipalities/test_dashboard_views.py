"""The dashboard page: what it shows, bad filters, and a constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from courses.models import LessonCompletion, LessonPage, ModulePage
from municipalities.models import Membership
from tests.factories import build_course, build_quiz, verified_user
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


@pytest.fixture
def coordinator(db):
    return verified_user(email="koordinaattori@example.fi")


@pytest.fixture
def page(client, coordinator):
    """Helsinki with one trustee who finished the first of two modules."""
    course = build_course(modules=2, lessons=2)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    home = municipality()
    coordinate(coordinator, home)
    trustee = verified_user(first_name="Anna", last_name="Aalto")
    seat(trustee, body(home))
    complete(trustee, list(LessonPage.objects.child_of(module)), at(2026, 11, 2))
    login_with_second_factor(client, coordinator)
    return reverse("coordinator_dashboard", args=[home.code])


def test_the_page_shows_rows_totals_chart_and_its_table(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.text
    assert '<th scope="row">Anna Aalto</th>' in html
    assert "<td>Valmis 2.11.2026</td>" in html and "<td>Ei aloitettu</td>" in html
    assert html.count("<progress ") == 2  # one bar per module total
    assert 'role="img"' in html and "<polyline" in html
    assert '<caption id="timeline-caption">' in html
    assert "vienti.csv" in html and "vienti.xlsx" in html


@pytest.mark.parametrize("query", ["body=12345", "role=mayor", "sort=score"])
def test_unknown_filters_get_a_message_and_everyone(client, page, query):
    response = client.get(f"{page}?{query}")
    assert response.status_code == 400
    assert "Kaikkia rajauksia ei tunnistettu" in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Anna Aalto" in response.text
    assert "vienti.csv" not in response.text


@pytest.mark.parametrize(
    "export", ["coordinator_export_csv", "coordinator_export_xlsx"]
)
def test_an_export_with_unknown_filters_is_the_page_with_the_message(
    client, page, export
):
    response = client.get(reverse(export, args=["091"]) + "?role=mayor")
    assert response.status_code == 400
    assert "Content-Disposition" not in response.headers
    assert "Kaikkia rajauksia ei tunnistettu" in response.text


def test_no_live_course_no_table(client, page):
    ModulePage.objects.first().get_parent().unpublish()
    response = client.get(page)
    assert response.status_code == 200
    assert "Kursseja ei ole vielä julkaistu." in response.text


def seated_trustees(code: str, count: int, lessons: list):
    """`count` trustees of a new municipality `code`, each with some lessons done."""
    town = municipality(code, f"Kunta {code}")
    council = body(town)
    users = User.objects.bulk_create(
        User(email=f"t{code}-{i}@example.fi", last_name=f"T{i:04d}")
        for i in range(count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, body=council, role="member") for user in users
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for i, user in enumerate(users)
        for lesson in lessons[: i % (len(lessons) + 1)]
    )
    return town


@pytest.mark.parametrize(
    "page_name", ["coordinator_dashboard", "coordinator_export_csv"]
)
def test_query_count_does_not_grow_with_trustees(
    client, coordinator, page_name, django_assert_max_num_queries
):
    course = build_course(modules=3, lessons=3)
    build_quiz(parent=ModulePage.objects.child_of(course).first())
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    for code, count in (("005", 5), ("500", 500)):
        coordinate(coordinator, seated_trustees(code, count, lessons))
    login_with_second_factor(client, coordinator)
    client.get(reverse(page_name, args=["005"]))  # warm the course outline cache
    counts = {}
    for code in ("005", "500"):
        with django_assert_max_num_queries(8):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse(page_name, args=[code]))
        assert response.status_code == 200
        counts[code] = len(queries)
    assert counts["005"] == counts["500"], counts


def test_the_page_in_swedish(client, page):
    response = client.get("/sv/kontaktperson/091/")
    assert response.status_code == 200
    assert "Genomförande: Helsinki" in response.text
    assert "1 förtroendevald i kursen" in response.text
    assert "Klar 2026-11-02" in response.text


def test_swedish_pages_use_the_swedish_name(client, coordinator):
    home = municipality()
    home.name_sv = "Helsingfors"
    home.save()
    coordinate(coordinator, home)
    build_course(modules=1, lessons=1)
    login_with_second_factor(client, coordinator)
    url = reverse("coordinator_dashboard", args=[home.code])
    html = client.get("/sv/kontaktperson/091/")
    assert "Helsingfors" in html.content.decode().split("<h1", 1)[1].split("</h1>")[0]
    finnish = client.get(url)
    assert "Helsinki" in finnish.content.decode().split("<h1", 1)[1].split("</h1>")[0]
