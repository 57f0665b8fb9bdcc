"""The accessibility statement in a real browser: axe in Finnish and Swedish, and
feedback written and sent with the keyboard alone."""

import pytest
from django.core import mail

from accessibility.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "Kaavion tekstivastine puuttuu."


@pytest.fixture(autouse=True)
def quick_people(settings):
    """A test types faster than the minimum time a person needs."""
    settings.ACCESSIBILITY_FEEDBACK_MIN_SECONDS = 0
    settings.ACCESSIBILITY_FEEDBACK_RECIPIENTS = ["saavutettavuus@example.fi"]


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_the_statement_passes_axe_in_finnish_and_swedish(page, axe_check):
    page.goto("/saavutettavuus/")
    assert page.locator("h1").inner_text() == "Saavutettavuusseloste"
    axe_check(page)
    page.goto("/sv/tillganglighet/")
    assert page.locator("h1").inner_text() == "Tillgänglighetsutlåtande"
    axe_check(page)


def test_feedback_is_sent_with_the_keyboard(page, axe_check):
    page.goto("/saavutettavuus/")
    page.get_by_label("Palautteesi").focus()
    page.keyboard.type(MESSAGE)
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_page_url"
    page.keyboard.type("/sanasto/")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_email"
    page.keyboard.type("tiina@example.fi")
    page.keyboard.press("Tab")
    # The honeypot is out of the tab order: next comes the button.
    assert page.evaluate("document.activeElement.textContent") == "Lähetä palaute"
    page.keyboard.press("Enter")

    page.get_by_text("Kiitos palautteestasi.").wait_for()
    assert page.url.endswith("/saavutettavuus/#main")
    assert page.locator(".messages").is_visible()
    axe_check(page)
    feedback = Feedback.objects.get()
    assert (feedback.message, feedback.email) == (MESSAGE, "tiina@example.fi")
    assert [m.to for m in mail.outbox] == [["saavutettavuus@example.fi"]]


def test_an_empty_message_is_explained_in_swedish_and_passes_axe(page, axe_check):
    page.goto("/sv/tillganglighet/")
    page.get_by_label("Din e-postadress för svar (frivilligt)").fill("tiina@example.fi")
    page.get_by_role("button", name="Skicka respons").press("Enter")
    error = page.locator("#message-error")
    error.wait_for()
    assert error.inner_text() == "Skriv din respons innan du skickar den."
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_email").input_value() == "tiina@example.fi"
    axe_check(page)
    assert Feedback.objects.count() == 0
