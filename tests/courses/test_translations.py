"""Swedish pages beside the Finnish ones: landing, progress in either language,
untranslated pages shown in Finnish, and the translation report."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from courses.completion import State, completion_matrix
from courses.lessons import mark_lesson_complete
from courses.loader import swedish_home
from courses.models import LessonPage
from courses.outline import course_outline
from courses.translation_status import State as Translation
from courses.translation_status import translation_statuses
from municipalities.network import completed_modules
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db


def _translate(page, parent, **fields):
    factory = {
        "coursepage": CoursePageFactory,
        "modulepage": ModulePageFactory,
        "lessonpage": LessonPageFactory,
    }[page.specific_class._meta.model_name]
    return factory(
        parent=parent,
        slug=page.slug,
        locale=Locale.objects.get(language_code="sv"),
        translation_key=page.translation_key,
        **fields,
    )


@pytest.fixture
def courses():
    """A Finnish course of one module and two lessons, and its Swedish translation."""
    course = CoursePageFactory(title="Kurssi", slug="kurssi")
    module = ModulePageFactory(parent=course, title="Moduuli", slug="moduuli")
    lessons = [
        LessonPageFactory(parent=module, title=f"Oppitunti {n}", slug=f"o{n}")
        for n in (1, 2)
    ]
    sv_course = _translate(course, swedish_home(home_page()), title="Kurs")
    sv_module = _translate(module, sv_course, title="Modul")
    sv_lessons = [
        _translate(lessons[0], sv_module, title="Lektion 1", body_language="sv"),
        _translate(lessons[1], sv_module, title="Lektion 2"),
    ]
    return course, lessons, sv_course, sv_lessons


def test_a_swedish_speaking_trustee_lands_on_the_swedish_page(client, courses):
    _, lessons, _, sv_lessons = courses
    user = verified_user(preferred_language="sv")
    client.force_login(user)
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response.url == "/sv/kurssi/moduuli/o1/"
    html = client.get(response.url).content.decode()
    assert "<h1>Lektion 1</h1>" in html
    assert '<div class="lesson-body">' in html  # a Swedish body, no lang="fi"


def test_a_swedish_page_with_the_finnish_text_marks_it_finnish(client, courses):
    html = client.get("/sv/kurssi/moduuli/o2/").content.decode()
    assert "<h1>Lektion 2</h1>" in html
    assert '<div class="lesson-body" lang="fi">' in html


def test_an_untranslated_page_is_shown_in_finnish_under_the_swedish_interface(
    client, courses
):
    course, lessons, _, _ = courses
    LessonPageFactory(parent=lessons[0].get_parent(), title="Uusi", slug="uusi")
    response = client.get("/sv/kurssi/moduuli/uusi/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html and "<h1>Uusi</h1>" in html
    assert '<div class="lesson-body" lang="fi">' in html


def test_progress_counts_whichever_language_a_trustee_studied_in(courses):
    course, lessons, sv_course, sv_lessons = courses
    user = verified_user()
    mark_lesson_complete(user=user, lesson=sv_lessons[0])
    mark_lesson_complete(user=user, lesson=lessons[1])
    for outline_of in (course, sv_course):
        outline = course_outline(outline_of)
        [module] = completion_matrix(users=[user.pk], course=outline)[
            user.pk
        ].modules.values()
        assert module.state == State.DONE
        assert module.progress.done == module.progress.total == 2
    done = completed_modules(
        users=type(user).objects.filter(pk=user.pk), course=course_outline(course)
    )
    assert done == {course_outline(course).modules[0].pk: {user.pk}}


def test_a_lesson_done_in_both_languages_counts_once(courses):
    course, lessons, _, sv_lessons = courses
    user = verified_user()
    mark_lesson_complete(user=user, lesson=lessons[0])
    mark_lesson_complete(user=user, lesson=sv_lessons[0])
    outline = course_outline(course)
    [module] = completion_matrix(users=[user.pk], course=outline)[
        user.pk
    ].modules.values()
    assert (module.progress.done, module.state) == (1, State.IN_PROGRESS)
    users = type(user).objects.filter(pk=user.pk)
    assert completed_modules(users=users, course=outline) == {
        outline.modules[0].pk: set()
    }


def test_the_report_says_which_translations_lag(courses):
    course, lessons, sv_course, sv_lessons = courses
    missing = LessonPageFactory(parent=lessons[0].get_parent(), title="Uusi")
    later = timezone.now() + datetime.timedelta(minutes=5)
    LessonPage.objects.filter(pk=lessons[0].pk).update(last_published_at=later)
    states = {s.page.pk: s.state for s in translation_statuses()}
    assert states[missing.pk] == Translation.MISSING
    assert states[lessons[0].pk] == Translation.BEHIND
    assert states[lessons[1].pk] == Translation.BODY_IN_FINNISH
    assert states[course.pk] == Translation.CURRENT


def test_the_report_costs_the_same_queries_for_more_pages(
    courses, django_assert_max_num_queries
):
    course, lessons, *_ = courses
    with django_assert_max_num_queries(4):
        translation_statuses()
    for _ in range(10):
        LessonPageFactory(parent=lessons[0].get_parent())
    with django_assert_max_num_queries(4):
        assert len(translation_statuses()) == 14


def test_only_admin_users_see_the_reports(client, courses):
    client.force_login(verified_user())
    for name in ("translation_status", "legal_index"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_a_facilitator_reads_the_reports(client, courses):
    facilitator = verified_user(email="valmentaja@example.fi")
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    login_with_mfa(client, facilitator, activate_totp(facilitator))
    html = client.get(reverse("translation_status")).content.decode()
    assert "Ruotsinkieliset käännökset" in html and "Oppitunti 2" in html
    html = client.get(reverse("legal_index")).content.decode()
    assert "KL 69 §" in html and "Oppitunti 1 " not in html
    assert 'href="https://www.finlex.fi/fi/laki/ajantasa/2015/20150410#L10P69"' in html
