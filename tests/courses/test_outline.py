"""The course outline: built once per content version and language, then cached."""

import pytest
from django.utils import translation

from courses.outline import course_outline, outline_around
from tests.factories import LessonPageFactory, build_course
from tests.factories.quizzes import build_quiz

pytestmark = pytest.mark.django_db


def test_outline_lists_modules_and_steps_in_page_order():
    course = build_course(modules=2, lessons=2)
    first, second = course.get_children()
    quiz = build_quiz(questions=1, parent=first)
    outline = course_outline(course)
    expected = [
        [(p.title, p.url) for p in module.get_children().specific()]
        for module in (first, second)
    ]
    assert [[(s.title, s.url) for s in m.steps] for m in outline.modules] == expected
    assert [s.kind for s in outline.modules[0].steps] == ["lesson", "lesson", "quiz"]
    assert outline.modules[0].steps[-1].info == {"pass_mark": quiz.pass_mark}
    assert outline.home.url == "/"


def test_second_read_costs_no_query(django_assert_num_queries):
    course = build_course(modules=3, lessons=4)
    course_outline(course)
    lesson = course.get_children().first().get_children().first()
    with django_assert_num_queries(0):
        assert outline_around(lesson).pk == course.pk


def test_publishing_a_lesson_changes_the_outline(django_capture_on_commit_callbacks):
    course = build_course(modules=1, lessons=1)
    module = course.get_children().first()
    assert len(course_outline(course).modules[0].steps) == 1
    with django_capture_on_commit_callbacks(execute=True):
        LessonPageFactory(parent=module, title="Uusi oppitunti")
    titles = [s.title for s in course_outline(course).modules[0].steps]
    assert titles[-1] == "Uusi oppitunti"
    lesson = module.get_children().last().specific
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert len(course_outline(course).modules[0].steps) == 1


def test_each_language_has_its_own_urls():
    course = build_course(modules=1, lessons=1)
    finnish = course_outline(course).modules[0].url
    with translation.override("sv"):
        swedish = course_outline(course).modules[0].url
    assert swedish == "/sv" + finnish
