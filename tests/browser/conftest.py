"""A real Chromium (Debian's package) driven by Playwright against a live server.

Every browser test module sets
`pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]`: the
live server needs committed data. Transactional tests empty the database afterwards,
so `migrated_data` puts back what the data migrations made. Browser tests skip when
no Chromium is installed, except in CI (CI=true), where a missing browser is a failure.
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps
from django.core import mail
from wagtail.models import Collection, Locale, Page

from courses.models import HomePage

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}


def _chromium_path():
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    return next((p for p in CHROMIUM_CANDIDATES if shutil.which(p)), None)


@pytest.fixture(scope="session")
def chromium():
    path = _chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required in CI but was not found.")
        pytest.skip("Chromium is not installed (apt-get install chromium).")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


DATA_MIGRATIONS = [
    (
        "courses.migrations.0002_home_page_and_facilitators",
        "create_home_page_and_group",
    ),
    ("quizzes.migrations.0002_facilitators_manage_questions", "grant"),
]


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    """The root page, locale, collection, home page and groups of the migrations.

    Serialized rollback cannot be relied on here: Playwright's event loop gives
    Django a fresh connection object that lacks the serialized copy.
    """
    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="fi")
    Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Collection.add_root(name="Root")
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def page(chromium, live_server, settings):
    """A fresh browser context per test, pointed at the live server."""
    settings.ALLOWED_HOSTS = ["*"]
    mail.outbox = []
    context = chromium.new_context(base_url=live_server.url, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the current page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v.get("impact") in SERIOUS
        ]
        assert not violations, f"axe on {page.url}:\n" + "\n".join(violations)

    return check
