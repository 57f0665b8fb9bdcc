"""The anonymous whole-page cache: shared only where nothing is personal, and fresh."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction, Site

from courses import page_cache
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course):
    return course.get_children().first().get_children().first().specific


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as the end of a real transaction would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


@pytest.fixture
def document_lesson(lesson, committed):
    document = Document.objects.create(
        title="Hallintosääntö", file=ContentFile(b"%PDF-1.4", name="saanto.pdf")
    )
    lesson.body = [{"type": "document", "value": {"document": document.pk}}]
    committed(lambda: lesson.save_revision().publish())
    return lesson, document


def version() -> str:
    return cache.get(page_cache.VERSION_KEY)


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


def test_publishing_shows_the_new_version(client, lesson, committed):
    client.get(lesson.url)
    lesson.title = "Uusi otsikko"
    committed(lambda: lesson.save_revision().publish())
    assert "Uusi otsikko" in client.get(lesson.url).content.decode()


def test_unpublished_page_is_not_served_from_cache(client, lesson, committed):
    client.get(lesson.url)
    committed(lesson.unpublish)
    assert client.get(lesson.url).status_code == 404


def test_a_new_view_restriction_applies_at_once(client, lesson, committed):
    client.get(lesson.url)
    committed(
        lambda: PageViewRestriction.objects.create(
            page=lesson, restriction_type=PageViewRestriction.LOGIN
        )
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
    assert "Merkitse luetuksi" in html


def test_logged_in_pages_are_not_stored_for_others(client, trustee, lesson):
    client.force_login(trustee)
    client.get(lesson.url)
    client.logout()
    client.cookies.clear()
    html = client.get(lesson.url).content.decode()
    assert "Merkitse luetuksi" not in html
    assert "Kirjaudu ulos" not in html


# Invalidation waits for the commit.


def test_the_version_changes_only_when_the_transaction_commits(
    client, lesson, django_capture_on_commit_callbacks
):
    client.get(lesson.url)
    before = version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lesson.title = "Uusi otsikko"
        lesson.save_revision().publish()
        # A reader during the transaction still sees, and caches, the old version.
        assert version() == before
    assert callbacks
    for callback in callbacks:
        callback()
    assert version() != before


def test_a_rolled_back_change_does_not_flush(client, lesson):
    client.get(lesson.url)
    before = version()
    with pytest.raises(RuntimeError), transaction.atomic():
        lesson.save_revision().publish()
        raise RuntimeError
    assert version() == before


# Images and documents.


def test_a_renamed_document_is_renamed_on_the_page(client, document_lesson, committed):
    lesson, document = document_lesson
    assert "Hallintosääntö" in client.get(lesson.url).content.decode()
    document.title = "Hallintosääntö 2026"
    committed(document.save)
    assert "Hallintosääntö 2026" in client.get(lesson.url).content.decode()


def test_a_renamed_document_is_renamed_in_the_lesson_body_for_learners(
    client, trustee, document_lesson, committed
):
    """Logged-in readers skip the page cache but share the 24-hour body fragment."""
    lesson, document = document_lesson
    client.force_login(trustee)
    assert "Hallintosääntö" in client.get(lesson.url).content.decode()
    document.title = "Hallintosääntö 2026"
    committed(document.save)
    assert "Hallintosääntö 2026" in client.get(lesson.url).content.decode()


def test_a_deleted_document_leaves_the_page(
    client, trustee, document_lesson, committed
):
    lesson, document = document_lesson
    client.get(lesson.url)
    client.force_login(trustee)
    client.get(lesson.url)
    committed(document.delete)
    assert "Hallintosääntö" not in client.get(lesson.url).content.decode()
    client.logout()
    client.cookies.clear()
    assert "Hallintosääntö" not in client.get(lesson.url).content.decode()


def test_a_changed_image_changes_the_version(committed):
    image = wagtail_factories.ImageFactory()
    before = version()
    image.title = "Uusi kuva"
    committed(image.save)
    assert version() != before
    before = version()
    committed(image.delete)
    assert version() != before


# What changes the version, and what does not.


def test_draft_saves_and_locks_keep_the_cache(client, lesson, committed):
    client.get(lesson.url)
    before = version()
    lesson.title = "Luonnos"
    committed(lesson.save_revision)
    committed(lambda: lesson.save_revision(clean=False, changed=False))
    lesson.locked = True
    committed(lambda: lesson.save(update_fields=["locked", "locked_at", "locked_by"]))
    assert version() == before
    assert "Luonnos" not in client.get(lesson.url).content.decode()


def test_saving_a_draft_only_page_keeps_the_cache(client, lesson, committed):
    client.get(lesson.url)
    before = version()
    draft = lesson.get_parent().add_child(
        instance=LessonPage(title="Keskeneräinen", live=False, estimated_minutes=5)
    )
    committed(draft.save)
    assert version() == before


def test_saving_a_live_page_directly_changes_the_version(client, lesson, committed):
    client.get(lesson.url)
    lesson.title = "Suoraan tallennettu"
    committed(lesson.save)
    assert "Suoraan tallennettu" in client.get(lesson.url).content.decode()


def test_moving_a_page_changes_the_version(client, lesson, course, committed):
    other_module = course.get_children().last()
    client.get(lesson.url)
    before = version()
    committed(lambda: lesson.move(other_module, pos="last-child"))
    assert version() != before


def test_deleting_a_page_changes_the_version(client, lesson, committed):
    client.get(lesson.url)
    before = version()
    committed(lambda: Page.objects.get(pk=lesson.pk).delete())
    assert version() != before
    assert client.get(lesson.url).status_code == 404


def test_site_and_restriction_group_changes_change_the_version(lesson, committed):
    before = version() or page_cache.content_version()
    site = Site.objects.get()
    site.site_name = "Silta"
    committed(site.save)
    after_site = version()
    assert after_site != before
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.GROUPS
    )
    after_create = version()
    committed(lambda: restriction.groups.add(Group.objects.create(name="Valtuusto")))
    assert version() != after_create


# Release and eviction.


def test_an_evicted_version_never_brings_old_pages_back(client, lesson, committed):
    cache.delete(page_cache.VERSION_KEY)
    assert "Oppitunti" in client.get(lesson.url).content.decode()
    lesson.title = "Uusi nimi"
    committed(lambda: lesson.save_revision().publish())
    assert "Uusi nimi" in client.get(lesson.url).content.decode()
    # The cache evicts the version key but keeps the first, now stale, entry.
    cache.delete(page_cache.VERSION_KEY)
    assert "Uusi nimi" in client.get(lesson.url).content.decode()


def test_a_new_release_never_serves_the_old_html(client, lesson):
    client.get(lesson.url)
    LessonPage.objects.filter(pk=lesson.pk).update(title="Uusi julkaisu")
    page_cache.release.cache_clear()
    try:
        with override_settings(RELEASE="2026.1"):
            assert page_cache.content_version().startswith("2026.1.")
            html = client.get(lesson.url).content.decode()
    finally:
        page_cache.release.cache_clear()
    assert "Uusi julkaisu" in html


def test_the_default_release_is_a_hash_of_the_code(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "views.py").write_text("x = 1\n")
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "db.sqlite3").write_text("data")
    page_cache.release.cache_clear()
    try:
        with override_settings(RELEASE="", BASE_DIR=tmp_path):
            first = page_cache.release()
            page_cache.release.cache_clear()
            (tmp_path / "var" / "db.sqlite3").write_text("other data")
            assert page_cache.release() == first
            page_cache.release.cache_clear()
            (tmp_path / "app" / "views.py").write_text("x = 2\n")
            assert page_cache.release() != first
    finally:
        page_cache.release.cache_clear()
    assert len(first) == 12


def test_a_request_reads_the_content_version_once(client, monkeypatch):
    """Routing, outline, restrictions and standing all key on it: one read."""
    from courses import page_cache
    from tests.factories import build_course, verified_user

    lesson = build_course(modules=1, lessons=1).get_children().first()
    lesson = lesson.get_children().first()
    client.force_login(verified_user())
    client.get(lesson.url)
    reads = []
    real = page_cache._read_version
    monkeypatch.setattr(page_cache, "_read_version", lambda: reads.append(1) or real())
    assert client.get(lesson.url).status_code == 200
    assert len(reads) == 1
    page_cache.content_version()  # outside a request: read afresh
    assert len(reads) == 2
