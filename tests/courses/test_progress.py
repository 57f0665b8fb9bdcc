import pytest
from django.contrib.auth.models import AnonymousUser

from courses.completion import Progress
from courses.lessons import mark_lesson_complete
from courses.models import LessonCompletion
from courses.progress import (
    course_progress,
    lesson_context,
    module_progress,
    my_studies,
)
from tests.factories import LessonPageFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db


def _lessons(course):
    return [
        lesson.specific
        for module in course.get_children()
        for lesson in module.get_children()
    ]


def test_progress_percent_and_completion():
    assert Progress(0, 0).percent == 0
    assert not Progress(0, 0).complete
    assert Progress(1, 3).percent == 33
    assert Progress(3, 3).complete


def test_mark_lesson_complete_is_idempotent(trustee):
    lesson = LessonPageFactory()
    assert mark_lesson_complete(user=trustee, lesson=lesson) is True
    assert mark_lesson_complete(user=trustee, lesson=lesson) is False
    assert LessonCompletion.objects.filter(user=trustee, lesson=lesson).count() == 1


def test_module_progress_marks_done_lessons(trustee, course):
    module = course.get_children().first().specific
    first, second, third = [page.specific for page in module.get_children()]
    mark_lesson_complete(user=trustee, lesson=second)

    status = module_progress(user=trustee, module=module)

    assert [s.done for s in status.lessons] == [False, True, False]
    assert status.progress == Progress(1, 3)
    assert status.next_step.step.pk == first.pk


def test_course_progress_counts_every_module_and_continues_at_first_gap(
    trustee, course
):
    lessons = _lessons(course)
    for lesson in lessons[:4]:
        mark_lesson_complete(user=trustee, lesson=lesson)

    status = course_progress(user=trustee, course=course)

    assert [m.progress for m in status.modules] == [Progress(3, 3), Progress(1, 3)]
    assert status.progress == Progress(4, 6)
    assert status.next_step.step.pk == lessons[4].pk


def test_other_users_completions_do_not_count(trustee, course):
    other = UserFactory()
    for lesson in _lessons(course):
        mark_lesson_complete(user=other, lesson=lesson)

    assert course_progress(user=trustee, course=course).progress == Progress(0, 6)


def test_unpublished_lessons_are_not_counted(trustee, course):
    lessons = _lessons(course)
    lessons[0].unpublish()

    status = course_progress(user=trustee, course=course)

    assert status.progress.total == 5


def test_my_studies_lists_each_course_with_its_own_progress(trustee):
    first, second = build_course(modules=1, lessons=2), build_course(2, 1)
    mark_lesson_complete(user=trustee, lesson=_lessons(second)[0])

    studies = {s.course.pk: s for s in my_studies(user=trustee)}

    assert studies[first.pk].progress == Progress(0, 2)
    assert studies[second.pk].progress == Progress(1, 2)
    assert studies[second.pk].started


def test_finished_course_has_nowhere_to_continue(trustee):
    course = build_course(modules=1, lessons=1)
    mark_lesson_complete(user=trustee, lesson=_lessons(course)[0])

    status = course_progress(user=trustee, course=course)

    assert status.progress.complete
    assert status.next_step is None


def test_anonymous_progress_is_empty_and_costs_no_query_once_outlined(
    course, trustee, django_assert_num_queries
):
    module = course.get_children().first()
    module_progress(user=AnonymousUser(), module=module)  # builds the outline
    with django_assert_num_queries(0):
        status = module_progress(user=AnonymousUser(), module=module)
    assert status.progress == Progress(0, 3)
    with django_assert_num_queries(1):  # the learner's lesson completions
        module_progress(user=trustee, module=module)


def test_lesson_context_gives_neighbours(trustee, course):
    lessons = _lessons(course)
    mark_lesson_complete(user=trustee, lesson=lessons[1])

    context = lesson_context(user=trustee, lesson=lessons[1])

    assert context["done"] is True
    assert context["previous_lesson"].pk == lessons[0].pk
    assert context["next_lesson"].pk == lessons[2].pk
    assert [c.title for c in context["breadcrumbs"]][-1] == lessons[
        1
    ].get_parent().title


def test_repeat_visit_reads_the_cached_standing_until_a_record_changes(
    trustee, course, django_assert_num_queries
):
    module = course.get_children().first()
    first = LessonPageFactory._meta.model.objects.child_of(module).first()
    assert module_progress(user=trustee, module=module).progress == Progress(0, 3)
    with django_assert_num_queries(0):
        module_progress(user=trustee, module=module)
    mark_lesson_complete(user=trustee, lesson=first)
    assert module_progress(user=trustee, module=module).progress == Progress(1, 3)


def test_an_evicted_records_token_never_comes_back(trustee):
    from django.core.cache import cache

    from courses.steps import records_token

    before = records_token(trustee.pk)
    assert records_token(trustee.pk) == before
    cache.delete(f"step-records-token:{trustee.pk}")
    assert records_token(trustee.pk) != before
