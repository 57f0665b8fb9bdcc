"""The privacy notice in a real browser: Finnish and Swedish, axe-clean, reached
from the footer."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_notice_in_finnish_and_swedish(page, axe_check):
    page.goto("/sanasto/")
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Tietosuojaseloste"
    ).click()
    page.wait_for_url("**/tietosuoja/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tietosuojaseloste"
    assert page.locator("#data-quizzes").is_visible()
    axe_check(page)
    page.goto("/sv/dataskydd/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Dataskyddsbeskrivning"
    axe_check(page)
