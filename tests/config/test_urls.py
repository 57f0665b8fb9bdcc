"""The whole URLconf, walked: one way to log in, and no input gives a 5xx.

Every URL pattern is turned into a concrete address and requested. New routes
are covered as soon as they are added, whichever app or library brings them.
"""

import re

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse

from accounts.roles import FACILITATORS_GROUP
from quizzes.attempts import start_attempt, submit_attempt
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import build_course, verified_user
from tests.factories.accounts import PASSWORD
from tests.factories.quizzes import QuestionFactory, QuizPageFactory

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
GROUP = re.compile(r"\((?:\?P<\w+>|\?:)?([^()]*)\)[*+?]?")


def _route_to_path(route: str, values: dict) -> str:
    """A concrete path for a route or regex pattern, with `values` for its parts."""

    def converter(match):
        kind, name = match.group(1) or "str", match.group(2)
        return str(values.get(name, values.get(kind, "1")))

    path = CONVERTER.sub(converter, route)
    path = path.replace("^", "").replace("$", "").replace(".*", "x")
    while GROUP.search(path):
        # A group of path segments ("(?:[\w\-]+/)*") becomes one segment.
        path = GROUP.sub(lambda m: "x/" if m.group(1).endswith("/") else "1", path)
    return "/" + path.replace("\\.", ".").replace("\\", "")


def url_patterns(patterns=None, prefix=""):
    """(route, view) for every pattern in the URLconf, nested includes flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def view_module(view) -> str:
    return getattr(view, "view_class", view).__module__


def test_the_walk_reaches_every_pattern():
    """Guards the walker itself: each concrete path resolves somewhere."""
    from django.urls import Resolver404, resolve

    unresolved = []
    for route, _view in url_patterns():
        try:
            resolve(_route_to_path(route, {}))
        except Resolver404:
            unresolved.append(route)
    assert unresolved == []
    assert len(list(url_patterns())) > 200  # Wagtail, allauth and Silta's own


def test_no_view_but_allauths_can_log_a_user_in(client):
    """Post a real user's credentials, under every field name a login form uses,
    to every URL; only allauth's views may log anyone in."""
    user = verified_user(email="kirjautuja@example.fi")
    logins = []

    def record(sender, request, user, **kwargs):
        logins.append(view_module(request.resolver_match.func))

    credentials = {
        "login": user.email,
        "username": user.email,
        "email": user.email,
        "password": PASSWORD,
        "next": "/",
    }
    user_logged_in.connect(record)
    try:
        for route, _view in url_patterns():
            client.logout()
            client.post(_route_to_path(route, {}), credentials)
    finally:
        user_logged_in.disconnect(record)
    assert logins, "allauth's own login should have let the user in"
    assert {module.split(".")[0] for module in logins} == {"allauth"}


def test_wagtails_front_end_login_is_allauths(client, trustee):
    response = client.get("/_util/login/?next=/oma-opiskelu/")
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=%2Foma-opiskelu%2F"
    client.post("/_util/login/", {"username": trustee.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    response = client.get("/sv/_util/login/?next=https://evil.example/")
    assert "evil" not in response.url


# --- No input gives a 5xx ---------------------------------------------------

FIELDS = [
    "login",
    "password",
    "email",
    "password1",
    "password2",
    "oldpassword",
    "code",
    "next",
    "remember",
    "action",
    "revision",
    "shared",
    "language",
    "return_url",
    "token",
    "category",
    "format",
    "q1",
    "q2",
    "q3",
    "q1-shown",
    "q2-shown",
]
PAYLOADS = {
    "huge number": "1e999999999",
    "huge integer": str(10**40),
    "null character": "valtuu\x00sto",
    "over-long": "å" * 100_000,
    "wrong type": ["1", "kaksi", "-0x1"],
    "missing fields": None,
}
HUGE_ID = str(2**64)


def _body(payload) -> dict:
    if payload is None:
        return {}
    return dict.fromkeys(FIELDS, payload)


@pytest.fixture
def learner_world(trustee):
    """Real objects, so that id routes reach their views rather than a 404."""
    course = build_course(modules=1, lessons=1)
    module = course.get_children().first()
    lesson = module.get_children().first()
    quiz = QuizPageFactory(
        parent=module,
        questions=[
            QuestionFactory(type="numerical"),
            QuestionFactory(type="short_answer"),
            QuestionFactory(type="essay"),
        ],
    )
    open_attempt = start_attempt(user=trustee, quiz=quiz)
    done = QuizPageFactory(parent=module, questions=[QuestionFactory(type="essay")])
    submitted = start_attempt(user=trustee, quiz=done)
    submit_attempt(attempt=submitted, answers={1: "Pohdinta"})
    return {
        "lesson_id": lesson.pk,
        "quiz_id": quiz.pk,
        "attempt_id": open_attempt.pk,
        "position": 1,
    }


def _own_post_routes():
    """Every route outside the Wagtail admin: Silta's, allauth's and Django's."""
    return [route for route, view in url_patterns() if not route.startswith("admin/")]


def _server_errors(client, paths, login=None) -> list[str]:
    errors = []
    for path in paths:
        for name, payload in PAYLOADS.items():
            if login:
                login()
            try:
                status = client.post(path, _body(payload)).status_code
            except Exception as error:  # noqa: BLE001 - any crash is the finding
                status = f"{type(error).__name__}: {error}"[:200]
            if not isinstance(status, int) or status >= 500:
                errors.append(f"{path} [{name}] → {status}")
    return errors


@pytest.mark.parametrize("who", ["anonymous", "trustee"])
def test_no_post_endpoint_gives_a_server_error(client, trustee, learner_world, who):
    login = (lambda: client.force_login(trustee)) if who == "trustee" else None
    paths = set()
    for route in _own_post_routes():
        paths.add(_route_to_path(route, learner_world))
        paths.add(_route_to_path(route, {"int": HUGE_ID}))
    assert _server_errors(client, sorted(paths), login) == []


BAD_FILES = {
    "huge numbers.gift": b"::N::Luku? {#1e999999999}\n\n::P::Kysymys {=a ~b}\n",
    "null.gift": b"::A::Kysy\x00mys? {=a ~b}\n",
    "long.gift": b"::" + b"x" * 300_000 + b"::? {=a ~b}\n",
    "binary.gift": bytes(range(256)) * 100,
    "grade.xml": b'<quiz><question type="multichoice"><name><text>x</text></name>'
    b"<questiontext><text>?</text></questiontext>"
    b"<defaultgrade>1e6</defaultgrade></question></quiz>",
    "tolerance.xml": b'<quiz><question type="numerical"><name><text>n</text></name>'
    b'<questiontext><text>?</text></questiontext><answer fraction="100">'
    b"<text>1</text><tolerance>1e20</tolerance></answer></question></quiz>",
    "types.xml": b'<quiz><question type="multichoice"><name><text>x</text></name>'
    b'<defaultgrade>abc</defaultgrade><answer fraction="lots"><text>a</text>'
    b"</answer></question></quiz>",
    "not xml.xml": b"<quiz><question",
}


def test_admin_import_gives_no_server_error(client):
    from django.contrib.auth.models import Group

    from quizzes.models import Question, QuestionCategory

    user = verified_user(email="fasilitaattori@example.fi")
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    login_with_mfa(client, user, activate_totp(user))
    errors = []
    for name, content in BAD_FILES.items():
        upload = SimpleUploadedFile(name, content)
        response = client.post(
            reverse("quizzes_import"), {"file": upload, "category": "Tuotu"}
        )
        if response.status_code >= 500:
            errors.append(f"{name} → {response.status_code}")
    for url in (reverse("quizzes_import"), reverse("quizzes_import_confirm")):
        errors += _server_errors(client, [url])
    assert errors == []
    assert not Question.objects.exists()
    assert not QuestionCategory.objects.filter(name="Tuotu").exists()
