"""A trustee takes a module's quiz in Chromium: fails, retries, passes, and the
module turns complete. Answers are picked by their per-attempt tokens, which
only the database knows."""

import pytest

from courses.lessons import mark_lesson_complete
from quizzes.models import Attempt
from tests.factories import build_course, verified_user
from tests.factories.accounts import PASSWORD
from tests.factories.quizzes import build_quiz

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _answer(page, attempt: Attempt, *, right: bool):
    for response in attempt.responses.all():
        options = response.snapshot["options"]
        pick = max if right else min
        token = pick(options, key=lambda o: float(o["fraction"]))["token"]
        page.locator(f'input[name="q{response.position}"][value="{token}"]').check()


def test_fail_retry_pass_and_module_completes(page, axe_check):
    course = build_course(modules=1, lessons=1)
    module = course.get_children().first()
    trustee = verified_user(email="kyselija@example.fi")
    mark_lesson_complete(user=trustee, lesson=module.get_children().first().specific)
    quiz = build_quiz(questions=2, parent=module)

    page.goto("/en/account/login/")
    page.locator("#id_login").fill(trustee.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/en/my-studies/")

    page.goto(f"/en{module.url}")
    assert page.locator("#progress-module").get_attribute("value") == "1"
    page.get_by_role("link", name=quiz.title).click()
    axe_check(page)
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("button", name="Submit answers").wait_for()
    axe_check(page)
    _answer(page, Attempt.objects.get(user=trustee), right=False)
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("Not passed this time").wait_for()
    axe_check(page)

    page.get_by_role("link", name="Back to the quiz").click()
    page.get_by_role("button", name="Try again").click()
    page.get_by_role("button", name="Submit answers").wait_for()
    _answer(page, Attempt.objects.get(user=trustee, number=2), right=True)
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("You passed").wait_for()
    axe_check(page)

    page.goto(f"/en{module.url}")
    page.get_by_text("You have completed this module.").wait_for()
    assert page.locator("#progress-module").get_attribute("value") == "2"
    axe_check(page)
