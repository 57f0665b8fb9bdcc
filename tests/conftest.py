import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from wagtail.models import Collection, Locale, Page

from courses.models import HomePage
from tests.factories import build_course, verified_user

DATA_MIGRATIONS = [
    (
        "courses.migrations.0002_home_page_and_facilitators",
        "create_home_page_and_group",
    ),
    ("quizzes.migrations.0002_facilitators_manage_questions", "grant"),
    (
        "courses.migrations.0004_swedish_content_and_legal_summaries",
        "add_swedish_locale",
    ),
    ("courses.migrations.0007_facilitators_manage_glossary", "grant"),
]


@pytest.fixture
def trustee(db):
    return verified_user(email="trustee@example.fi")


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons=3)


@pytest.fixture(autouse=True)
def fresh_visitor():
    """Each test starts as a new visitor: default language, no rate-limit history.

    A request under /sv/ leaves Swedish active in the thread, which would make
    `reverse()` and `page.url` in the next test produce /sv/ addresses.
    """
    from django.utils import translation

    translation.activate("fi")
    cache.clear()  # allauth's rate-limit counters live in the cache
    yield
    translation.deactivate()


@pytest.fixture
def migrated_data(transactional_db):
    """For transactional tests: the root page, locale, collection, home page and
    groups that the data migrations made, put back after an earlier test's flush.

    Serialized rollback cannot be relied on: Playwright's event loop gives Django
    a fresh connection object that lacks the serialized copy.
    """
    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="fi")
    Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Collection.add_root(name="Root")
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
