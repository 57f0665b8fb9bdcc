"""Cached routing finds live pages in one query and follows every change."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import build_course, verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        course = build_course(modules=1, lessons=2)
    return course.get_children().first().get_children().first().specific


def test_a_warm_page_costs_no_page_query(client, lesson):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(verified_user())  # anonymous pages come whole from the cache
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(lesson.url).status_code == 200
    page_queries = [q for q in captured if "wagtailcore_page" in q["sql"]]
    assert page_queries == []


def test_unpublished_and_moved_pages_follow_at_once(
    client, lesson, django_capture_on_commit_callbacks
):
    old_url = lesson.url
    assert client.get(old_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        lesson.slug = "uusi-osoite"
        lesson.save_revision().publish()
    lesson.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's automatic redirect
    assert (moved.status_code, moved.url) == (301, lesson.url)
    assert client.get(lesson.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_unknown_path_is_not_found(client, lesson):
    assert client.get(lesson.url + "ei-ole/").status_code == 404


def test_a_new_restriction_applies_to_cached_routes(
    client, lesson, django_capture_on_commit_callbacks
):
    client.force_login(verified_user())
    assert client.get(lesson.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=lesson.get_parent(), restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Vain valtuusto"))
    assert client.get(lesson.url).status_code == 404


def test_a_draft_save_keeps_serving_the_live_version(
    client, lesson, django_capture_on_commit_callbacks
):
    client.force_login(verified_user())
    assert lesson.title in client.get(lesson.url).content.decode()
    live_title = lesson.title
    with django_capture_on_commit_callbacks(execute=True):
        lesson.title = "Luonnoksen otsikko"
        lesson.save_revision()
    html = client.get(lesson.url).content.decode()
    assert live_title in html and "Luonnoksen otsikko" not in html
    with django_capture_on_commit_callbacks(execute=True):
        lesson.get_latest_revision().publish()
    assert "Luonnoksen otsikko" in client.get(lesson.url).content.decode()
