"""Shared reflections: facilitators read only what writers shared, and nobody else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from municipalities.models import Coordinator, Municipality
from quizzes.attempts import set_essay_shared, start_attempt, submit_attempt
from quizzes.models import Question, Response
from quizzes.reflections import shared_reflections
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user
from tests.factories.quizzes import QuestionFactory, QuizPageFactory

pytestmark = pytest.mark.django_db

HEADING = "Jaetut pohdinnat"


@pytest.fixture
def essay_quiz(db):
    """A single-choice question and two essay questions, in this order."""
    return QuizPageFactory(
        questions=[
            QuestionFactory(name="Valinta"),
            QuestionFactory(type=Question.Type.ESSAY, name="Oma rooli"),
            QuestionFactory(type=Question.Type.ESSAY, name="Kuntalaiset"),
        ]
    )


@pytest.fixture
def facilitator(db):
    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return user


def write(quiz, user, texts: dict[int, str], *, share=(), submit=True):
    """An attempt with essay `texts` by position, sharing the given positions."""
    attempt = start_attempt(user=user, quiz=quiz)
    if submit:
        submit_attempt(attempt=attempt, answers=texts)
    for response in attempt.responses.filter(position__in=share):
        set_essay_shared(response=response, shared=True)
    return attempt


def url_for(quiz) -> str:
    return reverse("quizzes_reflections", kwargs={"quiz_id": quiz.pk})


def test_only_shared_essays_of_submitted_attempts(essay_quiz):
    anni = verified_user(first_name="Anni", last_name="Avoin")
    write(
        essay_quiz, anni, {2: "<p>Jaettu rooli</p>", 3: "<p>Yksityinen</p>"}, share=[2]
    )
    bertta = verified_user(first_name="Bertta", last_name="Kesken")
    write(essay_quiz, bertta, {}, share=[2, 3], submit=False)
    cecilia = verified_user(first_name="Cecilia", last_name="Salainen")
    write(essay_quiz, cecilia, {2: "<p>Ei jaettu</p>"})

    questions = shared_reflections(essay_quiz)

    assert [q.name for q in questions] == ["Oma rooli"]
    [reflection] = questions[0].reflections
    assert reflection.writer == "Anni Avoin"
    assert reflection.text == "<p>Jaettu rooli</p>"
    assert reflection.attempt_number == 1
    assert reflection.submitted_at is not None


def test_reflections_survive_a_deleted_question_and_are_cleaned(essay_quiz):
    writer = verified_user(first_name="Daniel", last_name="Kirjoittaja")
    attempt = write(essay_quiz, writer, {2: "<p>Hyvä</p>", 3: "<p>Myös</p>"})
    # An answer stored by some other route than the quiz form.
    Response.objects.filter(attempt=attempt, position=3).update(
        answer='<p onclick="x()">Myös</p><script>alert(1)</script>', shared=True
    )
    Response.objects.filter(attempt=attempt, position=2).update(shared=True)
    Question.objects.filter(name="Oma rooli").delete()

    questions = shared_reflections(essay_quiz)

    assert [q.name for q in questions] == ["Kuntalaiset", "Oma rooli"]
    kuntalaiset = questions[0].reflections[0].text
    assert "<script" not in kuntalaiset and "onclick" not in kuntalaiset
    assert questions[1].reflections[0].text == "<p>Hyvä</p>"


def test_facilitator_reads_shared_not_unshared(client, essay_quiz, facilitator):
    sharer = verified_user(first_name="Anni", last_name="Avoin")
    write(
        essay_quiz,
        sharer,
        {2: "<p>Haluan kuulla <strong>kuntalaisia</strong>.</p>", 3: "<p>Piilossa</p>"},
        share=[2],
    )
    private = verified_user(first_name="Pekka", last_name="Yksityinen")
    write(essay_quiz, private, {2: "<p>Vain minulle</p>"})
    login_with_mfa(client, facilitator, activate_totp(facilitator))

    analysis = client.get(
        reverse("quizzes_analysis", kwargs={"quiz_id": essay_quiz.pk})
    )
    assert url_for(essay_quiz) in analysis.content.decode()

    response = client.get(url_for(essay_quiz))
    html = response.content.decode()
    assert response.status_code == 200
    assert HEADING in html
    assert "Anni Avoin" in html
    assert "Haluan kuulla <strong>kuntalaisia</strong>." in html
    assert "Piilossa" not in html
    assert "Vain minulle" not in html
    assert "Yksityinen" not in html


def test_page_without_shared_reflections(client, essay_quiz, facilitator):
    write(essay_quiz, verified_user(), {2: "<p>Oma asia</p>"})
    login_with_mfa(client, facilitator, activate_totp(facilitator))
    html = client.get(url_for(essay_quiz)).content.decode()
    assert "Yksikään luottamushenkilö ei ole jakanut" in html
    assert "Oma asia" not in html


def assert_refused(response):
    assert response.status_code in (302, 403)
    assert HEADING not in response.content.decode()
    if response.status_code == 302:
        assert response.url.startswith(reverse("account_login"))


def test_anonymous_and_trustee_are_refused(client, essay_quiz, trustee):
    write(essay_quiz, trustee, {2: "<p>Jaettu</p>"}, share=[2])
    assert_refused(client.get(url_for(essay_quiz)))
    client.force_login(trustee)
    assert_refused(client.get(url_for(essay_quiz)))


def test_coordinator_is_refused(client, essay_quiz, trustee):
    write(essay_quiz, trustee, {2: "<p>Jaettu</p>"}, share=[2])
    coordinator = verified_user(email="koordinaattori@example.fi")
    Coordinator.objects.create(
        user=coordinator,
        municipality=Municipality.objects.create(code="091", name_fi="Helsinki"),
    )
    client.force_login(coordinator)
    assert_refused(client.get(url_for(essay_quiz)))


def test_queries_do_not_grow_with_reflections(
    client, facilitator, django_assert_max_num_queries
):
    login_with_mfa(client, facilitator, activate_totp(facilitator))
    counts = []
    for writers in (2, 30):
        quiz = QuizPageFactory(
            questions=[
                QuestionFactory(type=Question.Type.ESSAY, name=f"Pohdinta {n}")
                for n in range(3)
            ]
        )
        for n in range(writers):
            write(
                quiz,
                verified_user(),
                {1: f"<p>Ensimmäinen {n}</p>", 2: f"<p>Toinen {n}</p>", 3: "<p>x</p>"},
                share=[1, 2, 3],
            )
        client.get(url_for(quiz))  # warm per-process caches
        with django_assert_max_num_queries(15) as queries:
            response = client.get(url_for(quiz))
        assert response.status_code == 200
        assert response.content.decode().count('class="essay-text"') == 3 * writers
        counts.append(len(queries))
    assert counts[0] == counts[1]
