"""Pages with personal data send `Cache-Control: private, no-store`; others do not."""

import pytest
from django.urls import reverse

from courses import page_cache
from quizzes.attempts import start_attempt, submit_attempt
from tests.factories.quizzes import build_quiz

pytestmark = pytest.mark.django_db


def assert_private(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, response.get("Cache-Control")


@pytest.fixture
def lesson(course):
    return course.get_children().first().get_children().first().specific


@pytest.fixture
def attempt(trustee, course):
    quiz = build_quiz(questions=2, parent=course.get_children().first())
    return start_attempt(user=trustee, quiz=quiz)


def test_an_attempt_page_is_private(client, trustee, attempt):
    client.force_login(trustee)
    response = client.get(reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk}))
    assert response.status_code == 200
    assert_private(response)


def test_a_review_page_is_private(client, trustee, attempt):
    submit_attempt(attempt=attempt, answers={})
    client.force_login(trustee)
    response = client.get(reverse("quiz_review", kwargs={"attempt_id": attempt.pk}))
    assert response.status_code == 200
    assert_private(response)


def test_my_studies_is_private(client, trustee, course):
    client.force_login(trustee)
    response = client.get(reverse("my_studies"))
    assert response.status_code == 200
    assert_private(response)


def test_a_lesson_read_by_a_learner_is_private(client, trustee, lesson):
    client.force_login(trustee)
    assert_private(client.get(lesson.url))


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_request_login_code",
    ],
)
def test_account_pages_are_private_for_anyone(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_private(response)


def test_account_pages_in_other_languages_are_private(client):
    response = client.get("/sv/konto/login/")
    assert response.status_code == 200
    assert_private(response)


@pytest.mark.parametrize(
    "name",
    [
        "account_change_password",
        "account_email",
        "mfa_index",
        "mfa_activate_totp",
        "account_logout",
    ],
)
def test_account_pages_of_a_learner_are_private(client, trustee, name):
    client.force_login(trustee)
    response = client.get(reverse(name))
    assert response.status_code in (200, 302)
    assert_private(response)


def test_logging_out_is_private(client, trustee):
    client.force_login(trustee)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert_private(response)


def test_an_anonymous_lesson_stays_cacheable(client, lesson, django_assert_num_queries):
    first = client.get(lesson.url)
    assert "no-store" not in first.get("Cache-Control", "")
    assert "private" not in first.get("Cache-Control", "")
    with django_assert_num_queries(0):
        second = client.get(lesson.url)
    assert second.status_code == 200
    assert "no-store" not in second.get("Cache-Control", "")
    key = page_cache._key(first.wsgi_request, page_cache.content_version())
    assert page_cache.cache.get(key) is not None
