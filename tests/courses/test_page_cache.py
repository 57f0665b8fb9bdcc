"""The anonymous whole-page cache: shared only where nothing is personal, and fresh."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course):
    return course.get_children().first().get_children().first().specific


def test_second_anonymous_visit_costs_no_queries(
    client, lesson, django_assert_num_queries
):
    first = client.get(lesson.url)
    with django_assert_num_queries(0):
        second = client.get(lesson.url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_publishing_shows_the_new_version(client, lesson):
    client.get(lesson.url)
    lesson.title = "Uusi otsikko"
    lesson.save_revision().publish()
    assert "Uusi otsikko" in client.get(lesson.url).content.decode()


def test_unpublished_page_is_not_served_from_cache(client, lesson):
    client.get(lesson.url)
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_new_view_restriction_applies_at_once(client, lesson):
    client.get(lesson.url)
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(lesson.url).status_code == 302


def test_languages_are_cached_apart(client, lesson):
    url = lesson.url
    client.get(url)
    assert '<html lang="sv">' in client.get("/sv" + url).content.decode()
    assert '<html lang="fi">' in client.get(url).content.decode()


def test_logged_in_reader_never_gets_the_anonymous_page(client, trustee, lesson):
    client.get(lesson.url)
    client.force_login(trustee)
    html = client.get(lesson.url).content.decode()
    assert "Merkitse suoritetuksi" in html


def test_logged_in_pages_are_not_stored_for_others(client, trustee, lesson):
    client.force_login(trustee)
    client.get(lesson.url)
    client.logout()
    client.cookies.clear()
    html = client.get(lesson.url).content.decode()
    assert "Merkitse suoritetuksi" not in html
    assert "Kirjaudu ulos" not in html
