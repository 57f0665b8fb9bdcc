"""Personal data: every model keyed to the user is covered; export and erasure work.

Erasure keeps quiz statistics (attempts move to a stand-in per person) and
removes everything that names or describes the person.
"""

import dataclasses
import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import privacy
from accounts.models import User
from accounts.privacy import (
    ERASED_DOMAIN,
    PersonalData,
    erase_user,
    export_user_data,
    registered_personal_data,
)
from courses.models import LessonCompletion
from municipalities.models import Coordinator, Municipality
from quizzes.analysis import analyse_quiz
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt, Question, Response
from tests.factories import (
    LessonPageFactory,
    QuestionFactory,
    QuizPageFactory,
    build_quiz,
    verified_user,
)
from tests.factories.accounts import PASSWORD
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db

# Models with a key to the user that no registration covers, each left to its
# own on_delete on purpose. Add a model here only with its reason.
LEFT_TO_ON_DELETE = {
    # Wagtail's editorial history: who owned, locked, revised, uploaded or
    # moved content through a workflow. SET_NULL keeps the content and its
    # history and forgets the person.
    "wagtailcore.Page": "owner, locked_by: SET_NULL",
    "wagtailcore.Revision": "user: SET_NULL",
    "wagtailcore.WorkflowState": "requested_by: SET_NULL",
    "wagtailcore.TaskState": "finished_by: SET_NULL",
    "wagtailcore.UploadedFile": "uploaded_by_user: SET_NULL",
    "wagtailimages.Image": "uploaded_by_user: SET_NULL",
    "wagtaildocs.Document": "uploaded_by_user: SET_NULL",
    # Wagtail's audit log keeps the bare id (DO_NOTHING, no database
    # constraint) and shows it as a deleted user: accountability for content
    # changes, with nothing left that names the person.
    "wagtailcore.PageLogEntry": "user: DO_NOTHING",
    "wagtailcore.ModelLogEntry": "user: DO_NOTHING",
    # The admin's working state: deleted with the user (CASCADE). Not
    # exported: it describes the editor's screen, not the person, and API
    # tokens are credentials.
    "wagtailadmin.EditingSession": "user: CASCADE",
    "wagtailadmin.FormState": "user: CASCADE",
    "wagtailcore.APIToken": "user: CASCADE",
    "wagtailcore.PageSubscription": "user: CASCADE",
}


def models_keyed_to_the_user() -> set[str]:
    """Labels of installed models that declare a key to AUTH_USER_MODEL."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.local_fields
        if field.is_relation and field.related_model is user_model
    }


def test_every_model_keyed_to_the_user_is_covered_or_left_on_purpose():
    covered = {label for part in registered_personal_data() for label in part.models}
    keyed = models_keyed_to_the_user()
    assert keyed - covered - set(LEFT_TO_ON_DELETE) == set()
    # Neither list may name a model that no longer has a key to the user.
    assert (covered | set(LEFT_TO_ON_DELETE)) - keyed == set()
    assert covered.isdisjoint(LEFT_TO_ON_DELETE)


def test_every_app_with_user_data_registers_itself():
    names = {part.name for part in registered_personal_data()}
    assert {"accounts", "courses", "quizzes", "municipalities"} <= names


def take(quiz, user, *, right: int, essay: str = "Pohdintani."):
    """Submit an attempt with the first `right` graded questions answered right."""
    attempt = start_attempt(user=user, quiz=quiz)
    good, bad = right_answers(attempt), wrong_answers(attempt)
    answers = {p: (good[p] if p <= right else bad.get(p, good[p])) for p in good}
    for response in attempt.responses.all():
        if response.snapshot["type"] == Question.Type.ESSAY:
            answers[response.position] = essay
    submit_attempt(attempt=attempt, answers=answers)
    return attempt


@pytest.fixture
def quiz(db):
    return build_quiz(questions=3)


@pytest.fixture
def reflective_quiz(db):
    """Three single-choice questions and an essay."""
    return QuizPageFactory(
        questions=[
            *(QuestionFactory() for _ in range(3)),
            QuestionFactory(type=Question.Type.ESSAY),
        ]
    )


@pytest.fixture
def person(trustee, reflective_quiz):
    """A trustee with a completion, a shared essay, an open attempt and a role."""
    LessonCompletion.objects.create(user=trustee, lesson=LessonPageFactory())
    attempt = take(reflective_quiz, trustee, right=3, essay="Oma mielipiteeni.")
    Response.objects.filter(attempt=attempt, snapshot__type=Question.Type.ESSAY).update(
        shared=True
    )
    start_attempt(user=trustee, quiz=reflective_quiz)
    municipality = Municipality.objects.create(code="091", name_fi="Helsinki")
    Coordinator.objects.create(user=trustee, municipality=municipality)
    return trustee


def test_export_holds_the_users_own_data_and_no_one_elses(person, reflective_quiz):
    other = verified_user(email="toinen@example.fi")
    LessonCompletion.objects.create(user=other, lesson=LessonPageFactory())
    take(reflective_quiz, other, right=0, essay="Toisen ajatus.")

    data = export_user_data(person)

    assert data["accounts"]["user"]["email"] == person.email
    assert [e["email"] for e in data["accounts"]["email_addresses"]] == [person.email]
    assert len(data["courses"]) == 1
    assert [a["state"] for a in data["quizzes"]] == ["submitted", "in_progress"]
    submitted = data["quizzes"][0]
    assert submitted["score"] == "100.00"
    answers = [r["answer"] for r in submitted["responses"]]
    assert "Valtuusto" in answers  # the option's text, not the attempt's token
    assert "Oma mielipiteeni." in answers
    assert data["municipalities"] == {
        "memberships": [],
        "coordinations": [
            {"municipality__code": "091", "municipality__name_fi": "Helsinki"}
        ],
    }
    everything = str(data)
    assert other.email not in everything
    assert "Toisen ajatus." not in everything


def test_erase_removes_the_person_and_keeps_anonymous_attempts(
    client, person, reflective_quiz
):
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert Session.objects.count() == 1
    person_id = person.pk

    erase_user(person)

    assert not User.objects.filter(pk=person_id).exists()
    assert not EmailAddress.objects.filter(email=person.email).exists()
    assert not LessonCompletion.objects.exists()
    assert not Coordinator.objects.exists()
    assert not Session.objects.exists()
    attempt = Attempt.objects.get()  # the open attempt is gone, the graded one kept
    assert attempt.is_submitted and attempt.score == 100
    stand_in = attempt.user
    assert stand_in.email.endswith(f"@{ERASED_DOMAIN}")
    assert not stand_in.is_active and not stand_in.has_usable_password()
    assert (stand_in.first_name, stand_in.last_name) == ("", "")
    essay = attempt.responses.get(snapshot__type=Question.Type.ESSAY)
    assert essay.answer is None and not essay.shared
    assert client.get(reverse("my_studies")).status_code == 302  # logged out


def test_erasing_people_leaves_the_item_analysis_as_it_was(quiz):
    people = [verified_user() for _ in range(6)]
    for n, user in enumerate(people):
        take(quiz, user, right=n % 4)
        take(quiz, user, right=3)  # later attempts must stay out of the analysis
    before = analyse_quiz(quiz)

    for user in people[:3]:
        erase_user(user)

    after = analyse_quiz(quiz)
    assert not after.hidden
    assert (after.trustees, after.attempts) == (before.trustees, before.attempts)
    assert (after.mean, after.median) == (before.mean, before.median)
    fields = [dataclasses.astuple(item) for item in after.items]
    assert fields == [dataclasses.astuple(item) for item in before.items]


def test_erasure_is_one_transaction(person, monkeypatch):
    def fail(user, stand_in):
        raise RuntimeError("an app could not erase")

    monkeypatch.setitem(
        privacy._REGISTRY,
        "failing",
        PersonalData(name="failing", models=(), export=list, erase=fail),
    )
    with pytest.raises(RuntimeError):
        erase_user(person)

    assert User.objects.filter(pk=person.pk).exists()
    assert LessonCompletion.objects.filter(user=person).exists()
    assert Attempt.objects.filter(user=person).count() == 2
    assert Coordinator.objects.filter(user=person).exists()


def test_commands_export_and_erase_by_address(person):
    out = io.StringIO()
    call_command("export_user_data", person.email.upper(), stdout=out)
    assert json.loads(out.getvalue())["accounts"]["user"]["email"] == person.email
    with pytest.raises(CommandError):
        call_command("erase_user", person.email)
    assert User.objects.filter(pk=person.pk).exists()
    call_command("erase_user", person.email, "--yes", stdout=io.StringIO())
    assert not User.objects.filter(pk=person.pk).exists()
