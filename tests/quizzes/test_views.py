"""The learner's quiz pages: taking, saving, submitting, reviewing, and who may."""

import re

import pytest
from django.urls import reverse

from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt, QuizPage
from tests.factories.quizzes import QuestionFactory, QuizPageFactory
from tests.quizzes.conftest import right_answers

pytestmark = pytest.mark.django_db


def form_data(attempt, answers: dict, action="submit") -> dict:
    """Turn answers by position into the POST body the quiz form sends."""
    data = {"action": action}
    for position, value in answers.items():
        key = f"q{position}"
        if isinstance(value, dict):
            for token, chosen in value.items():
                data[f"{key}-{token}"] = str(chosen)
        else:
            data[key] = value
    return data


def test_anonymous_sees_quiz_page_and_login_link(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert "Kirjaudu sisään, niin voit tehdä tentin" in response.content.decode()


def test_anonymous_cannot_start_or_open_attempts(client, quiz, trustee):
    response = client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    assert response.status_code == 302
    assert "login" in response.url
    attempt = start_attempt(user=trustee, quiz=quiz)
    for name in ("quiz_attempt", "quiz_review"):
        response = client.get(reverse(name, kwargs={"attempt_id": attempt.pk}))
        assert response.status_code == 302
        assert "login" in response.url


def test_other_trustee_gets_404(client, quiz, trustee, other_trustee):
    attempt = start_attempt(user=trustee, quiz=quiz)
    client.force_login(other_trustee)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    assert client.get(url).status_code == 404
    assert (
        client.post(url, form_data(attempt, right_answers(attempt))).status_code == 404
    )
    submit_attempt(attempt=attempt, answers={})
    assert (
        client.get(
            reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
        ).status_code
        == 404
    )
    share = reverse(
        "quiz_share_essay", kwargs={"attempt_id": attempt.pk, "position": 1}
    )
    assert client.post(share, {"shared": "1"}).status_code == 404


def test_take_submit_and_review(client, trustee, every_type_quiz):
    client.force_login(trustee)
    response = client.post(
        reverse("quiz_start", kwargs={"quiz_id": every_type_quiz.pk})
    )
    attempt = Attempt.objects.get(user=trustee)
    assert response.url == reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    page = client.get(response.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<h1") == 1
    assert (
        html.count("<fieldset") == 5
    )  # single, multiple, true/false, matching, ordering
    response = client.post(response.url, form_data(attempt, right_answers(attempt)))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    review = client.get(response.url)
    assert review.status_code == 200
    assert "Läpäisit tentin" in review.content.decode()


def test_validation_error_keeps_answers(client, trustee):
    quiz = QuizPageFactory(
        questions=[
            QuestionFactory(type="numerical"),
            QuestionFactory(type="short_answer"),
        ]
    )
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    response = client.post(url, {"action": "submit", "q1": "kolme", "q2": "Hallitus"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="kolme"' in html
    assert 'value="Hallitus"' in html
    assert 'role="alert"' in html
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


def test_saved_answers_survive_reload(client, trustee, quiz):
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    answers = right_answers(attempt)
    assert client.post(url, form_data(attempt, answers, "save")).status_code == 302
    html = client.get(url).content.decode()
    for token in answers.values():
        assert re.search(rf'value="{re.escape(token)}"\s+checked', html)


def test_quiz_html_does_not_leak_right_answers(client, trustee, every_type_quiz):
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": every_type_quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    html = client.get(
        reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    ).content.decode()
    assert "data-" not in html.replace("data-", "data-", 0) or not re.search(
        r"\sdata-[a-z-]+=", html.split("<main", 1)[1]
    )
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"\sdata-[a-z-]+=", main)
    hidden = re.findall(r'<input[^>]*type="hidden"[^>]*>', main)
    assert all('name="csrfmiddlewaretoken"' in field for field in hidden)
    for word in ("fraction", "correct", "feedback", "right", "Talousarviosta"):
        assert word not in main.lower().replace("right answers", ""), word
    for response in attempt.responses.all():
        snap = response.snapshot
        if snap["type"] == "ordering":
            # Items appear in the stored shuffled order, never the right one.
            texts = [i["text"] for i in snap["items"]]
            shown = sorted(texts, key=main.index)
            right = [
                i["text"] for i in sorted(snap["items"], key=lambda i: i["position"])
            ]
            assert shown != right
        if snap["type"] == "short_answer":
            assert snap["accepted"][0]["text"] not in main
        if snap["type"] == "numerical":
            assert snap["accepted"][0]["value"] not in main
        if snap["type"] == "matching":
            first = [a["text"] for a in snap["answers"]]
            assert first != [p["answer"] for p in snap["prompts"]]
    # Option values are the per-attempt tokens, never database ids.
    values = set(re.findall(r'<option value="([^"]+)"', main)) | set(
        re.findall(
            r'type="(?:radio|checkbox)" name="[^"]+" id="[^"]+" value="([^"]+)"', main
        )
    )
    ids = {str(pk) for pk in range(1, 200)}
    assert not {v for v in values if len(v) > 3} & ids


def test_review_hides_answers_when_policy_says_never(client, trustee):
    quiz = QuizPageFactory(feedback_policy=QuizPage.Feedback.NEVER)
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers={})
    client.force_login(trustee)
    html = client.get(
        reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
    ).content.decode()
    assert "oikea vastaus" not in html
    assert "Talousarviosta päättää valtuusto" not in html


def test_review_once_passed_policy(client, trustee):
    quiz = QuizPageFactory(feedback_policy=QuizPage.Feedback.ONCE_PASSED)
    client.force_login(trustee)
    attempt = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=attempt, answers={})
    url = reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
    assert "Talousarviosta päättää valtuusto" not in client.get(url).content.decode()
    second = start_attempt(user=trustee, quiz=quiz)
    submit_attempt(attempt=second, answers=right_answers(second))
    assert "Talousarviosta päättää valtuusto" in client.get(url).content.decode()


def test_double_submit_over_http_gives_one_graded_attempt(client, trustee, quiz):
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    data = form_data(attempt, right_answers(attempt))
    assert client.post(url, data).status_code == 302
    assert client.post(url, {"action": "submit"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    assert Attempt.objects.filter(user=trustee).count() == 1


def test_essay_is_sanitised_and_private_until_shared(client, trustee):
    quiz = QuizPageFactory(questions=[QuestionFactory(type="essay")])
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    client.post(
        url, {"action": "submit", "q1": 'Hyvä <script>alert(1)</script><b onclick="x">'}
    )
    response = attempt.responses.get()
    assert "<script" not in response.answer
    assert "onclick" not in response.answer
    assert not response.shared
    share = reverse(
        "quiz_share_essay", kwargs={"attempt_id": attempt.pk, "position": 1}
    )
    client.post(share, {"shared": "1"})
    response.refresh_from_db()
    assert response.shared
