"""Learners' progress through the course tree, from lesson completions and quizzes.

Every read here costs a fixed number of queries however large the course is:
the tree is fetched level by level in one query each, completions in one query,
quizzes with the learner's best results in one more (`quizzes.progress`), and
the grouping happens in Python using Wagtail's materialised paths. A module is
complete when all its lessons are done and its quiz is passed; each lesson and
each quiz counts as one step.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from wagtail.models import Page

from courses.models import CoursePage, LessonCompletion, LessonPage, ModulePage
from quizzes.models import QuizPage
from quizzes.progress import QuizStatus, quiz_statuses


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
    """A module's lessons and quizzes with the learner's standing in each."""

    module: Page
    lessons: list[LessonStatus] = field(default_factory=list)
    quizzes: list[QuizStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        """Lessons done plus quizzes passed, out of lessons plus quizzes."""
        return Progress(
            sum(s.done for s in self.lessons) + sum(q.passed for q in self.quizzes),
            len(self.lessons) + len(self.quizzes),
        )

    @property
    def lesson_progress(self) -> Progress:
        return Progress(sum(s.done for s in self.lessons), len(self.lessons))

    @property
    def quiz(self) -> QuizStatus | None:
        """The module's (first) quiz, which closes the module."""
        return self.quizzes[0] if self.quizzes else None

    @property
    def next_lesson(self) -> Page | None:
        """Where to continue: the first unfinished lesson, then an unpassed quiz."""
        lesson = next((s.lesson for s in self.lessons if not s.done), None)
        if lesson is not None:
            return lesson
        return next((q.quiz for q in self.quizzes if not q.passed), None)


@dataclass
class CourseStatus:
    course: CoursePage
    modules: list[ModuleStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        parts = [m.progress for m in self.modules]
        return Progress(sum(p.done for p in parts), sum(p.total for p in parts))

    @property
    def next_lesson(self) -> Page | None:
        """The first unfinished lesson or unpassed quiz in course order."""
        return next(
            (m.next_lesson for m in self.modules if m.next_lesson is not None), None
        )

    @property
    def next_is_quiz(self) -> bool:
        """Whether the lessons are done and the next step is a module's quiz."""
        return isinstance(self.next_lesson, QuizPage)

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
            _, created = LessonCompletion.objects.get_or_create(
                user=user, lesson=lesson
            )
    except IntegrityError:
        return False
    return created


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _paths_with_other_children(statuses) -> list[str]:
    """Paths of modules that have children besides their live lessons.

    Wagtail keeps each page's `numchild`; when every child is a live lesson the
    module cannot have a quiz, and the quiz query is skipped altogether.
    """
    return [
        status.module.path
        for status in statuses
        if status.module.numchild != len(status.lessons)
    ]


def _course_statuses(courses: list[CoursePage], user) -> list[CourseStatus]:
    """Progress for several courses in four queries, whatever their size."""
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
    quizzes = quiz_statuses(
        user=user, module_paths=_paths_with_other_children(module_statuses.values())
    )
    for path, status in module_statuses.items():
        status.quizzes = quizzes.get(path, [])
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
    """The module's lessons in order, each marked done or not, and its quizzes."""
    lessons = (
        LessonPage.objects.live().child_of(module).defer_streamfields().order_by("path")
    )
    done_ids = completed_lesson_ids(user)
    status = ModuleStatus(
        module=module,
        lessons=[LessonStatus(lesson, lesson.pk in done_ids) for lesson in lessons],
    )
    paths = _paths_with_other_children([status])
    status.quizzes = quiz_statuses(user=user, module_paths=paths).get(module.path, [])
    return status


def lesson_context(*, user, lesson: LessonPage) -> dict:
    """What a lesson page shows around its body: its place in the module, progress."""
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
