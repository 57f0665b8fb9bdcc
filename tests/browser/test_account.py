"""A person reads their own details and data, then deletes the account."""

import pytest

from accounts.models import User
from courses.models import LessonCompletion
from tests.factories import LessonPageFactory, verified_user
from tests.factories.accounts import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

EMAIL = "bruno.selain@example.fi"


def test_details_data_and_deletion_in_the_browser(page, axe_check):
    user = verified_user(email=EMAIL, first_name="Bruno", last_name="Selain")
    lesson = LessonPageFactory(title="Kunnan talous")
    LessonCompletion.objects.create(user=user, lesson=lesson)

    page.goto("/tili/login/?next=/omat-tiedot/")
    page.locator("#id_login").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.wait_for_url("**/omat-tiedot/")
    assert page.locator("h1").inner_text() == "Omat tiedot"
    axe_check(page)

    page.goto("/sv/mina-uppgifter/")
    assert page.locator("h1").inner_text() == "Mina uppgifter"
    axe_check(page)

    page.goto("/omat-tiedot/yhteenveto/")
    main = page.locator("main").inner_text()
    assert "Bruno" in main and "Kunnan talous" in main
    axe_check(page)

    page.goto("/omat-tiedot/")
    page.get_by_role("link", name="Poista tili").click()
    page.wait_for_url("**/reauthenticate/**")
    axe_check(page)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/omat-tiedot/poista/")
    axe_check(page)

    page.locator("#id_email").fill("vaara@example.fi")
    page.get_by_role("button", name="Poista tilini").click()
    page.get_by_text(
        "Tämä ei ole sähköpostiosoitteesi. Mitään ei poistettu."
    ).wait_for()
    axe_check(page)
    assert User.objects.filter(email=EMAIL).exists()

    page.locator("#id_email").fill(EMAIL)
    page.get_by_role("button", name="Poista tilini").click()
    page.get_by_text("Tilisi on poistettu.").wait_for()
    assert page.url.endswith("/")
    assert page.get_by_role("link", name="Kirjaudu").first.is_visible()
    assert not User.objects.filter(email=EMAIL).exists()
