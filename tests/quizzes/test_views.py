"""The learner's quiz pages: taking, saving, submitting, reviewing, and who may."""

import re

import pytest
from django.urls import reverse

from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt, QuizPage
from tests.factories.quizzes import QuestionFactory, QuizPageFactory
from tests.quizzes.conftest import EVERY_TYPE, right_answers
from tests.quizzes.helpers import HIDDEN_FIELD, form_data, form_state

pytestmark = pytest.mark.django_db


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
        client.post(url, form_data(client, attempt, right_answers(attempt))).status_code
        == 404
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
    response = client.post(
        response.url, form_data(client, attempt, right_answers(attempt))
    )
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
    response = client.post(url, form_data(client, attempt, {1: "kolme", 2: "Hallitus"}))
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
    assert (
        client.post(url, form_data(client, attempt, answers, "save")).status_code == 302
    )
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
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"\sdata-[a-z-]+=", main)
    hidden = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', main)
    )
    # Besides the CSRF token, only the revision and one digest per question of
    # the stored answer; nothing answered yet, so all digests are the same.
    assert set(hidden) == {
        "csrfmiddlewaretoken",
        "revision",
        *(f"q{n}-shown" for n in range(1, len(EVERY_TYPE) + 1)),
    }
    assert len({v for k, v in hidden.items() if k.endswith("-shown")}) == 1
    for word in ("fraction", "correct", "feedback", "right", "Talousarviosta"):
        assert word not in main.lower().replace("right answers", ""), word
    for response in attempt.responses.all():
        snap = response.snapshot
        if snap["type"] == "ordering":
            # Items appear in the attempt's stored (uniformly shuffled) order.
            texts = [i["text"] for i in snap["items"]]
            assert sorted(texts, key=main.index) == texts
        if snap["type"] == "short_answer":
            assert snap["accepted"][0]["text"] not in main
        if snap["type"] == "numerical":
            assert snap["accepted"][0]["value"] not in main
        if snap["type"] == "matching":
            answers = [a["text"] for a in snap["answers"]]
            select = main.split(f'name="q{response.position}-', 1)[1]
            assert sorted(answers, key=select.index) == answers
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
    data = form_data(client, attempt, right_answers(attempt))
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # the double click
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
        url,
        form_data(
            client, attempt, {1: 'Hyvä <script>alert(1)</script><b onclick="x">'}
        ),
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


@pytest.fixture
def two_text_questions(client, trustee):
    """A started attempt at two short-answer questions, and its form URL."""
    quiz = QuizPageFactory(
        questions=[QuestionFactory(type="short_answer") for _ in range(2)]
    )
    client.force_login(trustee)
    client.post(reverse("quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=trustee)
    return attempt, reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})


def stored(attempt) -> list:
    return [r.answer for r in attempt.responses.order_by("position")]


def test_stale_tab_is_told_and_overwrites_nothing(client, two_text_questions):
    attempt, url = two_text_questions
    first_tab, second_tab = form_state(client, attempt), form_state(client, attempt)
    saved = client.post(
        url, form_data(client, attempt, {1: "valtuusto"}, "save", first_tab)
    )
    assert saved.status_code == 302
    # The second tab still shows question 1 empty; it changes question 2 only.
    stale = client.post(
        url, form_data(client, attempt, {1: "", 2: "hallitus"}, "save", second_tab)
    )
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "tallennettiin toisessa välilehdessä" in html
    assert 'value="valtuusto"' in html  # the newer saved answer is shown
    assert 'value="hallitus"' in html  # and this tab's change is kept on the page
    assert stored(attempt) == ["valtuusto", None]
    # Saving the refreshed form again stores both.
    state = dict(HIDDEN_FIELD.findall(html))
    again = client.post(
        url,
        form_data(client, attempt, {1: "valtuusto", 2: "hallitus"}, "save", state),
    )
    assert again.status_code == 302
    assert stored(attempt) == ["valtuusto", "hallitus"]


def test_stale_tab_cannot_submit(client, two_text_questions):
    attempt, url = two_text_questions
    old_tab = form_state(client, attempt)
    client.post(url, form_data(client, attempt, {1: "valtuusto"}, "save"))
    response = client.post(url, form_data(client, attempt, {2: "x"}, "submit", old_tab))
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert stored(attempt) == ["valtuusto", None]


def test_unchanged_fields_are_not_written(client, two_text_questions):
    """An answer stored after the page was opened survives a save of other fields."""
    attempt, url = two_text_questions
    state = form_state(client, attempt)
    response = client.post(
        url, form_data(client, attempt, {2: "hallitus"}, "save", state)
    )
    assert response.status_code == 302
    assert stored(attempt) == [None, "hallitus"]
    assert Attempt.objects.get(pk=attempt.pk).revision == int(state["revision"]) + 1


@pytest.mark.parametrize("action", ["save", "submit"])
def test_null_character_is_refused_with_a_message(client, two_text_questions, action):
    attempt, url = two_text_questions
    data = form_data(client, attempt, {1: "valtuu\x00sto", 2: "hallitus"}, action)
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "nollamerkki" in html
    assert 'value="valtuusto"' in html and 'value="hallitus"' in html
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert stored(attempt) == [None, None]


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("quiz_start", {"quiz_id": 2**64}),
        ("quiz_attempt", {"attempt_id": 2**64}),
        ("quiz_review", {"attempt_id": 10**30}),
        ("quiz_share_essay", {"attempt_id": 2**63, "position": 1}),
        ("complete_lesson", {"lesson_id": 2**70}),
    ],
)
def test_ids_beyond_64_bits_are_not_found(client, trustee, name, kwargs):
    client.force_login(trustee)
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code in (404, 405)
    assert client.post(url).status_code == 404
