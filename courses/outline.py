"""The shape of a course: its modules and their steps, the same for every user.

Titles, URLs and the order of modules, lessons and quizzes do not depend on who
asks, so they are built once per content version and language and kept in the
shared cache (`courses.page_cache.content_version` changes after any publish,
unpublish, move or delete commits). A learner's request then only fetches the
learner's own completions. Outlines hold plain values, never page objects, so
they pickle small and cannot trigger lazy queries in templates.

The page types are found by their place in the tree (courses at depth 3, their
children are modules), not by importing the page models, which themselves call
this module to build their context.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from courses.page_cache import content_version
from courses.steps import step_kinds

TIMEOUT = 24 * 60 * 60
COURSE_DEPTH = 3


@dataclass(frozen=True)
class Link:
    """A page to link to: what breadcrumbs and "continue" buttons need."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class Step(Link):
    """A lesson, quiz or other activity of a module, in page order.

    `same_as` holds the ids of the step's page in every language (its own
    included): a trustee who did the Swedish lesson has done the Finnish one.
    """

    kind: str = ""
    info: dict = field(default_factory=dict)
    same_as: tuple[int, ...] = ()

    @property
    def page_ids(self) -> tuple[int, ...]:
        return self.same_as or (self.pk,)


@dataclass(frozen=True)
class ModuleOutline(Link):
    summary: str = ""
    steps: tuple[Step, ...] = ()

    def steps_of(self, kind: str) -> list[Step]:
        return [step for step in self.steps if step.kind == kind]


@dataclass(frozen=True)
class CourseOutline(Link):
    summary: str = ""
    # The course's translation key: the same course in every language.
    key: str = ""
    home: Link | None = None
    modules: tuple[ModuleOutline, ...] = ()

    @property
    def steps(self) -> list[Step]:
        return [step for module in self.modules for step in module.steps]

    def module(self, pk: int) -> ModuleOutline | None:
        return next((m for m in self.modules if m.pk == pk), None)


def _link(page: Page) -> Link:
    return Link(page.pk, page.title, page.get_url())


def _translations(pages: list[Page]) -> dict[object, tuple[int, ...]]:
    """{translation key: ids of the pages in every language}, in one query."""
    keys = {page.translation_key for page in pages}
    found: dict[object, list[int]] = {}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "pk"
    )
    for key, pk in rows.order_by("pk"):
        found.setdefault(key, []).append(pk)
    return {key: tuple(ids) for key, ids in found.items()}


def _steps_by_module(course: Page) -> dict[str, list[Step]]:
    """Every live step page two levels under the course: one query per kind,
    and one for the translations of them all."""
    found = []
    for kind in step_kinds():
        pages = (
            kind.model.objects.live()
            .descendant_of(course)
            .filter(depth=course.depth + 2)
            .defer_streamfields()
        )
        found += [(kind, page) for page in pages]
    same_as = _translations([page for _, page in found]) if found else {}
    steps = [
        (
            page.path,
            Step(
                page.pk,
                page.title,
                page.get_url(),
                kind.name,
                kind.describe(page),
                same_as.get(page.translation_key, (page.pk,)),
            ),
        )
        for kind, page in found
    ]
    by_module: dict[str, list[Step]] = {}
    for path, step in sorted(steps, key=lambda item: item[0]):
        by_module.setdefault(path[: -Page.steplen], []).append(step)
    return by_module


def build_outline(course: Page) -> CourseOutline:
    """The outline from the database: modules, then each kind's steps."""
    modules = Page.objects.live().child_of(course).defer_streamfields().specific()
    steps = _steps_by_module(course)
    home = course.get_parent()
    return CourseOutline(
        course.pk,
        course.title,
        course.get_url(),
        summary=course.summary,
        key=str(course.translation_key),
        home=_link(home),
        modules=tuple(
            ModuleOutline(
                module.pk,
                module.title,
                module.get_url(),
                summary=module.summary,
                steps=tuple(steps.get(module.path, ())),
            )
            for module in modules.order_by("path")
        ),
    )


def _key(course_path: str) -> str:
    language = translation.get_language() or ""
    return f"course-outline:{content_version()}:{language}:{course_path}"


def outline_at(course_path: str) -> CourseOutline | None:
    """The live course at `course_path` (a Wagtail tree path), from the cache."""
    key = _key(course_path)
    outline = cache.get(key)
    if outline is None:
        course = Page.objects.live().filter(path=course_path).specific().first()
        if course is None:
            return None
        outline = build_outline(course)
        cache.set(key, outline, TIMEOUT)
    return outline


def course_outline(course: Page) -> CourseOutline:
    """The outline of `course` (live or a draft seen in preview)."""
    return outline_at(course.path) or build_outline(course)


def outline_around(page: Page) -> CourseOutline | None:
    """The outline of the live course that `page` (a module or a step) is in.

    Courses sit at depth 3 (root → home → course: CoursePage's only parent type
    is HomePage, whose only parent is the root), so the course's tree path is a
    prefix of the page's and no query is needed to find it.
    """
    return outline_at(page.path[: COURSE_DEPTH * Page.steplen])


def module_in_outline(module: Page) -> tuple[CourseOutline, ModuleOutline]:
    """The course outline and the module's entry in it.

    A module that is not live (an editor's preview) is not in the cached
    outline; it gets a one-off outline of its own from the database.
    """
    outline = outline_around(module)
    entry = outline.module(module.pk) if outline else None
    if entry is None:
        steps = _steps_by_module(module.get_parent().specific).get(module.path, [])
        entry = ModuleOutline(
            module.pk,
            module.title,
            module.get_url(),
            summary=getattr(module, "summary", ""),
            steps=tuple(steps),
        )
        outline = CourseOutline(0, "", "", modules=(entry,))
    return outline, entry


def live_course_paths(*, under: Page | None = None) -> list[str]:
    """Paths of the live courses (under a home page if given), in page order."""
    language = translation.get_language() or ""
    key = f"course-paths:{content_version()}:{language}:{under.pk if under else ''}"
    paths = cache.get(key)
    if paths is None:
        courses = Page.objects.live().filter(depth=COURSE_DEPTH)
        if under is not None:
            courses = courses.child_of(under)
        paths = list(courses.order_by("path").values_list("path", flat=True))
        cache.set(key, paths, TIMEOUT)
    return paths
