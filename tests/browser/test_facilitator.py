"""A facilitator sets up TOTP on first reaching the admin, then edits and publishes."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import FACILITATORS_GROUP
from courses.models import LessonPage
from tests.accounts.helpers import current_code
from tests.factories import LessonPageFactory, verified_user
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_sets_up_mfa_then_edits_and_publishes_a_lesson(page, axe_check):
    user = verified_user(email="fanni@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    lesson = LessonPageFactory(title="Vanha otsikko")

    page.goto("/admin/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()

    # allauth asks for the password again before an authenticator is added.
    page.wait_for_url("**/reauthenticate/**")
    axe_check(page)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Vahvista").click()
    page.locator("#authenticator_secret").wait_for()
    axe_check(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(current_code(secret))
    page.get_by_role("button", name="Ota käyttöön").click()
    page.wait_for_url("**/recovery-codes/**")
    axe_check(page)

    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("#id_title").fill("Uusi otsikko")
    page.locator("footer").get_by_role("button", name="Lisää toimintoja").click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url(f"**/admin/pages/{lesson.get_parent().pk}/")

    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "Uusi otsikko"
    assert lesson.live and not lesson.has_unpublished_changes
