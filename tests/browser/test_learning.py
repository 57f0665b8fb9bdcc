"""A new trustee signs up, confirms the e-mail code, studies a lesson, sees progress."""

import re

import pytest
from django.core import mail

from tests.accounts.helpers import code_from_mail
from tests.factories import build_course

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _code_from_mailbox() -> str:
    return code_from_mail(mail.outbox[-1])


def test_signup_confirm_study_and_see_progress(page, axe_check):
    course = build_course(modules=1, lessons=2)
    lesson = course.get_children().first().get_children().first().specific

    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Rekisteröidy").first.click()
    axe_check(page)
    page.locator("#id_email").fill("uusi.valtuutettu@example.fi")
    page.locator("#id_password1").fill("Kuntatalous-2025!")
    page.locator("#id_password2").fill("Kuntatalous-2025!")
    page.get_by_role("button", name="Rekisteröidy").click()

    page.locator("#id_code").fill(_code_from_mailbox())
    axe_check(page)
    page.get_by_role("button", name="Vahvista").click()

    page.goto(lesson.url)
    axe_check(page)
    progress = page.locator("#progress-module")
    assert progress.get_attribute("value") == "0"
    page.get_by_role("button", name="Merkitse luetuksi").click()
    page.get_by_text("Olet lukenut tämän oppitunnin.").wait_for()
    assert page.locator("#progress-module").get_attribute("value") == "1"
    axe_check(page)

    page.goto("/oma-opiskelu/")
    axe_check(page)
    assert page.locator("progress").first.get_attribute("value") == "1"
    page.get_by_role("link", name=re.compile("Jatka siitä, mihin jäit")).click()
    assert page.locator("h1").inner_text() != lesson.title


def test_pages_pass_axe_for_anonymous_visitor(page, axe_check):
    course = build_course(modules=2, lessons=2)
    module = course.get_children().first()
    lesson = module.get_children().first()
    for url in [
        "/",
        course.url,
        module.url,
        lesson.url,
        "/tili/login/",
        "/tili/signup/",
        "/tili/login/code/",
        "/tili/password/reset/",
        "/sv/",
        "/en/",
    ]:
        response = page.goto(url)
        assert response.status == 200, url  # axe would pass an error page too
        axe_check(page)


def test_lesson_is_readable_at_320_px_without_javascript(chromium, live_server):
    course = build_course(modules=1, lessons=1)
    lesson = course.get_children().first().get_children().first()
    context = chromium.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = context.new_page()
    page.goto(lesson.url)
    assert page.locator("h1").inner_text() == lesson.title
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    page.locator("details summary").first.click()
    assert page.locator("details").first.get_attribute("open") is not None
    context.close()
