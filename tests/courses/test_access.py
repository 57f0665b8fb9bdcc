"""Every view that touches a page honours Wagtail's view restrictions.

Each restriction is put on the module, so the lesson and the quiz inherit it,
as they would when a facilitator restricts a whole module. For each view: the
user who fails the restriction is refused and nothing changes; the user who
meets it gets through.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.models import LessonCompletion
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt
from tests.factories import build_course, verified_user
from tests.factories.quizzes import QuestionFactory, QuizPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "sisapiiri-2026"


@pytest.fixture
def module():
    return build_course(modules=1, lessons=1).get_children().first().specific


@pytest.fixture
def lesson(module):
    return module.get_children().first().specific


@pytest.fixture
def quiz(module):
    return QuizPageFactory(
        parent=module, questions=[QuestionFactory(), QuestionFactory(type="essay")]
    )


def restrict(page, kind: str) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password=PASSWORD if kind == "password" else "",
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.create(name="Sisäpiiri"))
    return restriction


def refused(response, kind: str, page) -> bool:
    """How each restriction refuses: password form, login, or no such page."""
    if kind == "password":
        return response.status_code == 302 and response.url == page.url
    if kind == "login":
        return response.status_code == 302 and reverse("account_login") in response.url
    return response.status_code == 404


def let_in(client, restriction, page, user):
    """Meet the restriction the way its user would."""
    if restriction.restriction_type == "password":
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
        )
        client.post(url, {"password": PASSWORD, "return_url": page.url})
    elif restriction.restriction_type == "groups":
        user.groups.add(restriction.groups.get())
    client.force_login(user)


def visitor(client, kind):
    """Whoever fails `kind`: anyone for login-only pages is anonymous."""
    user = verified_user()
    if kind != "login":
        client.force_login(user)
    return user


KINDS = ["password", "groups", "login"]


@pytest.mark.parametrize("kind", KINDS)
def test_complete_lesson(client, module, lesson, kind):
    restriction = restrict(module, kind)
    user = visitor(client, kind)
    url = reverse("complete_lesson", args=[lesson.pk])
    assert refused(client.post(url), kind, lesson)
    assert not LessonCompletion.objects.exists()
    let_in(client, restriction, lesson, user)
    assert client.post(url).status_code == 302
    assert LessonCompletion.objects.filter(user=user, lesson=lesson).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_start_quiz(client, module, quiz, kind):
    restriction = restrict(module, kind)
    user = visitor(client, kind)
    url = reverse("quiz_start", kwargs={"quiz_id": quiz.pk})
    assert refused(client.post(url), kind, quiz)
    assert not Attempt.objects.exists()
    let_in(client, restriction, quiz, user)
    response = client.post(url)
    attempt = Attempt.objects.get(user=user)
    assert response.url == reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_attempt_opened_before_the_restriction(client, module, quiz, kind):
    """Restricting a module also closes attempts already begun in it."""
    user = verified_user()
    attempt = start_attempt(user=user, quiz=quiz)
    restriction = restrict(module, kind)
    client.force_login(user)
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    page = client.get(url)
    assert refused(page, kind, quiz)
    assert "Kuka päättää" not in page.content.decode()
    essay = attempt.responses.get(position=2)
    response = client.post(url, {"action": "save", "q2": "Ei pitäisi tallentua."})
    assert refused(response, kind, quiz)
    essay.refresh_from_db()
    assert essay.answer is None
    let_in(client, restriction, quiz, user)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_review_and_share(client, module, quiz, kind):
    user = verified_user()
    attempt = start_attempt(user=user, quiz=quiz)
    submit_attempt(attempt=attempt, answers={2: "Pohdinta."})
    restriction = restrict(module, kind)
    client.force_login(user)
    review = reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
    page = client.get(review)
    assert refused(page, kind, quiz)
    assert "Talousarviosta päättää valtuusto" not in page.content.decode()
    share = reverse(
        "quiz_share_essay", kwargs={"attempt_id": attempt.pk, "position": 2}
    )
    assert refused(client.post(share, {"shared": "1"}), kind, quiz)
    assert not attempt.responses.get(position=2).shared
    let_in(client, restriction, quiz, user)
    assert "Talousarviosta päättää valtuusto" in client.get(review).content.decode()


def test_logged_in_user_outside_the_groups_gets_404_not_a_login_loop(
    client, module, lesson
):
    restrict(module, "groups")
    client.force_login(verified_user())
    assert client.get(lesson.url).status_code == 404
    assert client.get(module.url).status_code == 404


def test_anonymous_reader_of_a_group_page_is_sent_to_allauth(client, module, lesson):
    restrict(module, "groups")
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
