"""A real Chromium (Debian's package) driven by Playwright against a live server.

Every browser test module sets
`pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]`: the
live server needs committed data, and `migrated_data` (tests/conftest.py) puts
back what the data migrations made, since transactional tests empty the database.
Browser tests skip when no Chromium is installed, except in CI (CI=true), where a
missing browser is a failure.
"""

import os
import shutil

import pytest
from django.core import mail

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


@pytest.fixture(autouse=True)
def _browser_data(migrated_data):
    """Every browser test starts from the data the migrations made."""


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
