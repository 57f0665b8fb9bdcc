"""Network rates: pooled and per municipality, hidden below five, constant cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from courses.completion import State, completion_matrix
from courses.models import LessonCompletion, LessonPage, ModulePage
from courses.steps import step_kinds
from municipalities.dashboard import first_live_course
from municipalities.models import Body, Membership, Municipality
from municipalities.network import (
    MIN_GROUP,
    completed_modules,
    municipality_rates,
    network_report,
    seated_trustees,
)
from quizzes.models import Attempt
from tests.factories import build_course, build_quiz

pytestmark = pytest.mark.django_db


def populate(code: str, trustees: int, *, done: int = 0, **fields) -> list[User]:
    """A member municipality whose first `done` trustees did the first module."""
    town = Municipality.objects.create(
        code=code, name_fi=f"Kunta {code}", in_network=True, **fields
    )
    council = Body.objects.create(municipality=town, kind="council", name="Valtuusto")
    users = User.objects.bulk_create(
        User(email=f"t{code}-{i}@example.fi") for i in range(trustees)
    )
    Membership.objects.bulk_create(Membership(user=u, body=council) for u in users)
    module = ModulePage.objects.order_by("path").first()
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for user in users[:done]
        for lesson in LessonPage.objects.child_of(module)
    )
    return users


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons=2)


def test_rates_per_municipality_and_pooled_network(course):
    populate("001", 6, done=3)
    populate("002", 10, done=1)
    populate("003", MIN_GROUP - 1, done=2)
    Municipality.objects.create(code="004", name_fi="Ulkona", in_network=False)
    report = network_report()
    rates = {r.municipality.code: r.group for r in report.municipalities}
    assert list(rates) == ["001", "002", "003"]  # members only, by name
    assert [(r.done, r.total) for r in rates["001"].rates] == [(3, 6), (0, 6)]
    assert [r.progress.percent for r in rates["002"].rates] == [10, 0]
    assert rates["003"].hidden and rates["003"].rates == ()
    assert rates["003"].trustees == MIN_GROUP - 1
    # The network pools every member's trustees, the small one's too.
    assert [(r.done, r.total) for r in report.network.rates] == [(6, 20), (0, 20)]


def test_a_person_in_two_municipalities_counts_once_in_the_network(course):
    first = populate("001", 5, done=5)
    other = Body.objects.create(
        municipality=Municipality.objects.create(
            code="002", name_fi="Toinen", in_network=True
        ),
        kind="council",
        name="Valtuusto",
    )
    Membership.objects.create(user=first[0], body=other)
    report = network_report()
    assert report.network.trustees == 5
    assert report.municipalities[1].group.trustees == 1  # Kunta 001, Toinen


def test_old_seats_and_inactive_users_do_not_count(course):
    users = populate("001", 7, done=7)
    User.objects.filter(pk=users[0].pk).update(is_active=False)
    Membership.objects.filter(user=users[1]).update(
        term_start=timezone.localdate() - timedelta(days=900),
        term_end=timezone.localdate() - timedelta(days=1),
    )
    _course, group = municipality_rates(Municipality.objects.get(code="001"))
    assert group.trustees == 5
    assert [(r.done, r.total) for r in group.rates] == [(5, 5), (0, 5)]


def test_no_live_course_gives_counts_without_rates(course):
    populate("001", 6, done=3)
    course.unpublish()
    report = network_report()
    assert report.course is None and report.network.trustees == 6
    assert report.network.rates == ()


def test_every_step_kind_says_how_to_count_its_done_steps():
    assert all(kind.done_rows is not None for kind in step_kinds())


def test_the_database_count_agrees_with_completion_matrix(course):
    """Lessons, passed, failed and unfinished quizzes: the same modules done."""
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    quiz = build_quiz(parent=modules[1])
    users = populate("001", 8, done=4)
    lessons = list(LessonPage.objects.child_of(modules[1]))
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for user in users[2:7]
        for lesson in lessons
    )
    now = timezone.now()
    submitted = {"state": Attempt.State.SUBMITTED, "submitted_at": now}
    Attempt.objects.create(user=users[2], quiz=quiz, number=1, passed=True, **submitted)
    Attempt.objects.create(user=users[3], quiz=quiz, number=1, **submitted)
    Attempt.objects.create(user=users[3], quiz=quiz, number=2, passed=True, **submitted)
    Attempt.objects.create(user=users[4], quiz=quiz, number=1, **submitted)
    Attempt.objects.create(user=users[5], quiz=quiz, number=1)
    Attempt.objects.create(user=users[0], quiz=quiz, number=1, passed=True, **submitted)
    outline = first_live_course()
    trustees = seated_trustees(Municipality.objects.all())
    matrix = completion_matrix(users=trustees, course=outline)
    expected = {
        module.pk: {
            user_id
            for user_id, completion in matrix.items()
            if completion.modules[module.pk].state == State.DONE
        }
        for module in outline.modules
    }
    assert completed_modules(users=trustees, course=outline) == expected
    assert expected[modules[1].pk] == {users[2].pk, users[3].pk}


def _queries(municipalities: int, trustees: int) -> int:
    Municipality.objects.all().delete()
    User.objects.all().delete()
    for n in range(municipalities):
        populate(f"{n:03d}", trustees, done=trustees // 2, population=1000 * n)
    with CaptureQueriesContext(connection) as queries:
        network_report()
    return len(queries)


def test_the_query_count_does_not_grow_with_trustees_or_municipalities(course):
    network_report()  # fill the outline cache
    small = _queries(2, 10)
    assert small == _queries(6, 60)
    assert small <= 6
