"""`manage.py create_demo_users` makes the logins README lists and a demo network
with varied progress, again and again without duplicates."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.roles import can_access_admin
from courses.completion import completions
from courses.outline import course_outline
from municipalities.demo import DEMO_MUNICIPALITY, PEER_MUNICIPALITIES
from municipalities.models import Body, Coordinator, Membership, Municipality
from municipalities.trustees import trustees_of
from quizzes.models import Attempt, Question
from tests.factories import QuestionFactory, QuizPageFactory, build_course

pytestmark = pytest.mark.django_db

LOGINS = {
    "trustee@silta.example",
    "coordinator@silta.example",
    "facilitator@silta.example",
}


def run() -> str:
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    return out.getvalue()


@pytest.fixture
def course(db):
    """Two modules of two lessons, each ending in a quiz of every question type."""
    course = build_course(modules=2, lessons=2)
    for module in course.get_children():
        QuizPageFactory(
            parent=module,
            questions=[QuestionFactory(type=kind) for kind in Question.Type.values],
        )
    return course


def test_demo_users_can_log_in_in_their_roles():
    run()
    output = run()  # safe to run again

    users = {user.email: user for user in User.objects.all()}
    assert LOGINS < set(users)
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    assert all(u.emailaddress_set.get().verified for u in users.values())
    assert can_access_admin(users["facilitator@silta.example"])
    assert not can_access_admin(users["trustee@silta.example"])
    assert not any(can_access_admin(u) for e, u in users.items() if e not in LOGINS)
    coordinator = Coordinator.objects.get()
    assert coordinator.user == users["coordinator@silta.example"]
    assert coordinator.municipality.code == DEMO_MUNICIPALITY
    assert "no study progress" in output


def test_demo_network_is_created_once_from_the_data_file():
    run()
    counts = (User.objects.count(), Body.objects.count(), Membership.objects.count())
    run()

    assert (User.objects.count(), Body.objects.count()) == counts[:2]
    assert Membership.objects.count() == counts[2]
    network = Municipality.objects.filter(in_network=True)
    assert set(network.values_list("code", flat=True)) == {
        DEMO_MUNICIPALITY,
        *PEER_MUNICIPALITIES,
    }
    assert Municipality.objects.count() == 4  # only those needed were loaded
    home = Municipality.objects.get(code=DEMO_MUNICIPALITY)
    assert (home.name_sv, home.population) == ("Helsingfors", 656920)
    assert set(home.bodies.values_list("name", flat=True)) == {
        "Valtuusto",
        "Kunnanhallitus",
        "Sivistyslautakunta",
        "Tekninen lautakunta",
        "Tarkastuslautakunta",
    }
    assert Membership.objects.filter(
        user__email="trustee@silta.example",
        body__name="Valtuusto",
        body__municipality=home,
    ).exists()
    assert trustees_of(home).count() >= 16
    assert all(trustees_of(m).count() >= 6 for m in network)
    assert len(set(Membership.objects.values_list("role", flat=True))) == 4


def test_loaded_network_keeps_the_rest_of_the_list():
    call_command("load_municipalities", stdout=io.StringIO())
    run()
    assert Municipality.objects.count() == 309
    assert Municipality.objects.filter(in_network=True).count() == 4


def test_progress_is_varied_and_made_by_the_learner_functions(course):
    run()
    attempts = Attempt.objects.count()
    run()
    assert Attempt.objects.count() == attempts

    outline = course_outline(course)
    for municipality in Municipality.objects.filter(in_network=True):
        by_user = completions(users=trustees_of(municipality), outlines=[outline])
        states = Counter(
            "done" if c.progress.complete else "begun" if c.progress.done else "none"
            for user_courses in by_user.values()
            for c in user_courses.values()
        )
        assert states["done"] and states["none"], municipality
    home = trustees_of(Municipality.objects.get(code=DEMO_MUNICIPALITY))
    assert Counter(
        c.progress.done > 0 and not c.progress.complete
        for user_courses in completions(users=home, outlines=[outline]).values()
        for c in user_courses.values()
    )[True]
    assert Attempt.objects.filter(passed=True).exists()
    assert Attempt.objects.filter(state="submitted", passed=False).exists()
    assert not Attempt.objects.filter(state="in_progress").exists()
