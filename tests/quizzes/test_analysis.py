"""Item analysis: statistics, the small-group rule, CSV escaping, who may see it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from quizzes.analysis import analyse_quiz, analysis_csv, csv_safe, pearson
from quizzes.attempts import start_attempt, submit_attempt
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def take(quiz, user, *, right: int):
    """Submit an attempt with the first `right` questions answered right."""
    attempt = start_attempt(user=user, quiz=quiz)
    good, bad = right_answers(attempt), wrong_answers(attempt)
    answers = {p: (good[p] if p <= right else bad[p]) for p in good}
    submit_attempt(attempt=attempt, answers=answers)


@pytest.fixture
def facilitator(db):
    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name="Facilitators"))
    return user


def test_hidden_below_five_trustees(quiz):
    for n in range(4):
        take(quiz, verified_user(), right=n % 4)
    analysis = analyse_quiz(quiz)
    assert analysis.hidden
    assert analysis.items == []
    assert analysis_csv(analysis).count("\n") == 1


def test_facility_discrimination_and_wrong_option(quiz):
    for n in range(6):
        take(quiz, verified_user(), right=min(n, 3))
    analysis = analyse_quiz(quiz)
    assert not analysis.hidden
    assert analysis.trustees == 6
    assert len(analysis.items) == 3
    facilities = sorted(round(i.facility, 1) for i in analysis.items)
    assert facilities == [50.0, 66.7, 83.3]
    for item in analysis.items:
        assert item.discrimination is not None and item.discrimination > 0
        assert item.most_chosen_wrong in ("Kunnanhallitus", "Kunnanjohtaja")
    assert analysis.median == pytest.approx(83.33, abs=0.01)


def test_only_first_attempts_are_analysed(quiz):
    users = [verified_user() for _ in range(5)]
    for user in users:
        take(quiz, user, right=0)
        take(quiz, user, right=3)
    analysis = analyse_quiz(quiz)
    assert analysis.attempts == 10
    assert analysis.mean == 0


def test_pearson_without_variance():
    assert pearson([1, 1, 1], [0, 1, 2]) is None
    assert pearson([0, 1], [0, 1]) == pytest.approx(1)


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(A1)"])
def test_csv_formula_escaping(value):
    assert csv_safe(value).startswith("'")
    assert csv_safe("Valtuusto") == "Valtuusto"


def test_facilitator_sees_analysis_and_csv(client, quiz, facilitator):
    for n in range(5):
        take(quiz, verified_user(), right=n % 4)
    login_with_mfa(client, facilitator, activate_totp(facilitator))
    response = client.get(reverse("quizzes_analysis", kwargs={"quiz_id": quiz.pk}))
    assert response.status_code == 200
    assert "Helppousindeksi" in response.content.decode()
    csv_response = client.get(
        reverse("quizzes_analysis_csv", kwargs={"quiz_id": quiz.pk})
    )
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"] == "text/csv"
    assert client.get(reverse("quizzes_import")).status_code == 200


def test_trustee_and_anonymous_do_not_see_analysis(client, quiz, trustee):
    url = reverse("quizzes_analysis", kwargs={"quiz_id": quiz.pk})
    assert client.get(url).status_code in (302, 403)
    client.force_login(trustee)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Helppousindeksi" not in response.content.decode()
    if response.status_code == 302:
        assert response.url.startswith(reverse("account_login"))
    csv_url = reverse("quizzes_analysis_csv", kwargs={"quiz_id": quiz.pk})
    assert client.get(csv_url).status_code in (302, 403)
