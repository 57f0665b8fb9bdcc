"""Taking and submitting a quiz costs the same queries for 10 or 30 questions."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.factories.quizzes import build_quiz
from tests.quizzes.conftest import right_answers
from tests.quizzes.helpers import form_data

pytestmark = pytest.mark.django_db


def measure(client, user, questions: int, django_assert_max_num_queries) -> list[int]:
    quiz = build_quiz(questions=questions)
    client.force_login(user)
    counts = []
    client.get(quiz.url)  # warm the shared caches (routes, restricted paths)
    with django_assert_max_num_queries(25) as start:
        client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    counts.append(len(start))
    attempt = Attempt.objects.get(user=user, quiz=quiz)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    client.get(url)  # warm per-process caches such as site root paths
    with django_assert_max_num_queries(12) as take:
        assert client.get(url).status_code == 200
    counts.append(len(take))
    data = form_data(client, attempt, right_answers(attempt))
    with django_assert_max_num_queries(20) as submit:
        assert client.post(url, data).status_code == 302
    counts.append(len(submit))
    attempt.refresh_from_db()
    assert attempt.score == 100
    return counts


def test_query_count_does_not_grow_with_questions(
    client, trustee, other_trustee, django_assert_max_num_queries
):
    small = measure(client, trustee, 10, django_assert_max_num_queries)
    large = measure(client, other_trustee, 30, django_assert_max_num_queries)
    assert small == large
