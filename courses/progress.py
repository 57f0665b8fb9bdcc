"""Learners' progress through the course tree, computed from lesson completions.

Every read here costs a fixed number of queries however large the course is:
the tree is fetched level by level in one query each, completions in one query,
and the grouping happens in Python using Wagtail's materialised paths.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from wagtail.models import Page

from courses.models import CoursePage, LessonCompletion, LessonPage, ModulePage


@dataclass(frozen=True)
class Progress:
    """How many of a set of steps a learner has done."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass
class LessonStatus:
    lesson: LessonPage
    done: bool


@dataclass
class ModuleStatus:
    module: Page
    lessons: list[LessonStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return Progress(sum(s.done for s in self.lessons), len(self.lessons))

    @property
    def next_lesson(self) -> LessonPage | None:
        return next((s.lesson for s in self.lessons if not s.done), None)


@dataclass
class CourseStatus:
    course: CoursePage
    modules: list[ModuleStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        parts = [m.progress for m in self.modules]
        return Progress(sum(p.done for p in parts), sum(p.total for p in parts))

    @property
    def next_lesson(self) -> LessonPage | None:
        """The first unfinished lesson in course order: where to continue."""
        return next(
            (m.next_lesson for m in self.modules if m.next_lesson is not None), None
        )

    @property
    def started(self) -> bool:
        return self.progress.done > 0


def completed_lesson_ids(user) -> set[int]:
    """Ids of every lesson this user has completed; no query for anonymous users."""
    if not user.is_authenticated:
        return set()
    return set(
        LessonCompletion.objects.filter(user=user).values_list("lesson_id", flat=True)
    )


@transaction.atomic
def mark_lesson_complete(*, user, lesson: LessonPage) -> bool:
    """Record that `user` finished `lesson`. Returns False if it was already done.

    Idempotent under concurrency: the unique constraint decides, so two quick
    clicks create one row.
    """
    try:
        with transaction.atomic():
            _, created = LessonCompletion.objects.get_or_create(user=user, lesson=lesson)
    except IntegrityError:
        return False
    return created


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _course_statuses(courses: list[CoursePage], user) -> list[CourseStatus]:
    """Progress for several courses in three queries, whatever their size."""
    if not courses:
        return []
    within = Q()
    for course in courses:
        within |= Q(path__startswith=course.path)
    modules = ModulePage.objects.live().filter(within).defer_streamfields()
    lessons = LessonPage.objects.live().filter(within).defer_streamfields()
    done_ids = completed_lesson_ids(user)
    module_statuses = {m.path: ModuleStatus(module=m) for m in modules.order_by("path")}
    for lesson in lessons.order_by("path"):
        status = module_statuses.get(_parent_path(lesson))
        if status is not None:
            status.lessons.append(LessonStatus(lesson, lesson.pk in done_ids))
    course_statuses = {c.path: CourseStatus(course=c) for c in courses}
    for path, status in module_statuses.items():
        course_statuses[path[: -Page.steplen]].modules.append(status)
    return list(course_statuses.values())


def course_progress(*, user, course: CoursePage) -> CourseStatus:
    """Each module's progress in one course, and where to continue."""
    return _course_statuses([course], user)[0]


def courses_overview(*, user, home: Page) -> list[CourseStatus]:
    """The live courses under the home page with the user's progress in each."""
    courses = list(CoursePage.objects.live().child_of(home).order_by("path"))
    return _course_statuses(courses, user)


def my_studies(*, user) -> list[CourseStatus]:
    """Every live course with this user's progress, for the "my studies" page."""
    courses = list(CoursePage.objects.live().order_by("path"))
    return _course_statuses(courses, user)


def module_progress(*, user, module: Page) -> ModuleStatus:
    """The module's lessons in order, each marked done or not."""
    lessons = (
        LessonPage.objects.live().child_of(module).defer_streamfields().order_by("path")
    )
    done_ids = completed_lesson_ids(user)
    return ModuleStatus(
        module=module,
        lessons=[LessonStatus(lesson, lesson.pk in done_ids) for lesson in lessons],
    )


def lesson_context(*, user, lesson: LessonPage) -> dict:
    """What a lesson page shows around its body: its place in the module and progress."""
    ancestors = list(lesson.get_ancestors().filter(depth__gt=1))
    status = module_progress(user=user, module=ancestors[-1])
    lessons = [s.lesson for s in status.lessons]
    # A draft seen in the editor's preview is not among the live lessons.
    position = next((i for i, s in enumerate(lessons) if s.pk == lesson.pk), None)
    if position is None:
        return {"breadcrumbs": ancestors, "module_status": status, "done": False}
    return {
        "breadcrumbs": ancestors,
        "module_status": status,
        "done": status.lessons[position].done,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
    }
