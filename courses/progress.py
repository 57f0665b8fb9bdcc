"""The learner's own progress pages: a thin layer over `courses.completion`.

Module, course, home and "my studies" pages and the "continue where you left
off" link all read the same completion rule as the coordinators' dashboards.
What only the learner may see about their own steps (a quiz's best score)
comes from each step kind's `own_details`, fetched for the learner alone. The
course shape comes from the cached outline, so a warm request costs one query
per step kind for the learner's records and one per kind with own details,
and a repeat visit none: the standing is cached until the learner's records
change (`courses.steps.records_changed`).
"""

from dataclasses import dataclass, field

from django.core.cache import cache

from courses.completion import (
    NOT_STARTED,
    CourseCompletion,
    ModuleCompletion,
    Progress,
    State,
    completions,
    module_completion,
)
from courses.outline import (
    CourseOutline,
    Link,
    ModuleOutline,
    Step,
    course_outline,
    live_course_paths,
    module_in_outline,
    outline_around,
    outline_at,
)
from courses.page_cache import content_version
from courses.steps import StepKind, records_token, step_kind, step_kinds

LESSON = "lesson"
STANDING_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class StepStatus:
    """One step with the learner's standing in it and their own details."""

    step: Step
    done: bool = False
    begun: bool = False
    detail: object = None

    @property
    def kind(self) -> StepKind:
        return step_kind(self.step.kind)


@dataclass(frozen=True)
class StepGroup:
    """A module's steps of one kind, for that kind's section template."""

    kind: StepKind
    statuses: list[StepStatus]


@dataclass
class ModuleStatus:
    module: ModuleOutline
    completion: ModuleCompletion
    steps: list[StepStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return self.completion.progress

    @property
    def lessons(self) -> list[StepStatus]:
        return [s for s in self.steps if s.step.kind == LESSON]

    @property
    def activities(self) -> list[StepStatus]:
        """The steps other than lessons (quizzes), listed on course pages."""
        return [s for s in self.steps if s.step.kind != LESSON]

    @property
    def groups(self) -> list[StepGroup]:
        return [
            StepGroup(kind, statuses)
            for kind in step_kinds()
            if (statuses := [s for s in self.steps if s.step.kind == kind.name])
        ]

    @property
    def next_step(self) -> StepStatus | None:
        """Where to continue: the first unfinished lesson, then other steps."""
        return next((s for s in self.lessons if not s.done), None) or next(
            (s for s in self.activities if not s.done), None
        )


@dataclass
class CourseStatus:
    course: CourseOutline
    modules: list[ModuleStatus] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return CourseCompletion(
            {m.module.pk: m.completion for m in self.modules}
        ).progress

    @property
    def next_step(self) -> StepStatus | None:
        """The first unfinished step in course order."""
        return next(
            (m.next_step for m in self.modules if m.next_step is not None), None
        )

    @property
    def started(self) -> bool:
        return self.progress.done > 0


def _own_details(user, steps: list[Step]) -> dict[int, object]:
    details = {}
    for kind in step_kinds():
        page_ids = [step.pk for step in steps if step.kind == kind.name]
        if kind.own_details is not None and page_ids:
            details.update(kind.own_details(user, page_ids))
    return details


def _standing(user, outlines: list[CourseOutline]) -> tuple[dict, dict]:
    """({course id: CourseCompletion}, {step id: own detail}) for the learner.

    Cached under the learner's records token (courses.steps), which every
    write of their records renews, and the content version, so a repeat visit
    costs no query. An editor's preview (an outline without a live course)
    is never cached.
    """
    if not user.is_authenticated:
        return {}, {}
    key = ":".join(
        [
            "learner-standing",
            content_version(),
            records_token(user.pk),
            str(user.pk),
            ",".join(str(outline.pk) for outline in outlines),
        ]
    )
    cacheable = all(outline.pk for outline in outlines)
    standing = cache.get(key) if cacheable else None
    if standing is None:
        mine = completions(users=[user.pk], outlines=outlines).get(user.pk, {})
        standing = (mine, _own_details(user, [s for o in outlines for s in o.steps]))
        if cacheable:
            cache.set(key, standing, STANDING_TIMEOUT)
    return standing


def _module_status(module, completion, details) -> ModuleStatus:
    return ModuleStatus(
        module,
        completion,
        [
            StepStatus(
                step,
                done=(c := completion.steps.get(step.pk, NOT_STARTED)).done,
                begun=c.state != State.NOT_STARTED,
                detail=details.get(step.pk),
            )
            for step in module.steps
        ],
    )


def _statuses(user, outlines: list[CourseOutline]) -> list[CourseStatus]:
    """The user's standing in each course: a constant number of queries."""
    mine, details = _standing(user, outlines)
    statuses = []
    for outline in outlines:
        course = mine.get(outline.pk) or CourseCompletion(
            {m.pk: module_completion(m, {}) for m in outline.modules}
        )
        statuses.append(
            CourseStatus(
                outline,
                [
                    _module_status(m, course.modules[m.pk], details)
                    for m in outline.modules
                ],
            )
        )
    return statuses


def course_progress(*, user, course) -> CourseStatus:
    """Each module's progress in one course, and where to continue."""
    return _statuses(user, [course_outline(course)])[0]


def courses_overview(*, user, home) -> list[CourseStatus]:
    """The live courses under the home page with the user's progress in each."""
    return _statuses(user, _outlines(live_course_paths(under=home)))


def my_studies(*, user) -> list[CourseStatus]:
    """Every live course with this user's progress, for the "my studies" page."""
    return _statuses(user, _outlines(live_course_paths()))


def _outlines(paths: list[str]) -> list[CourseOutline]:
    return [outline for path in paths if (outline := outline_at(path)) is not None]


def module_progress(*, user, module) -> ModuleStatus:
    """The module's steps in order, each marked done or not."""
    outline, entry = module_in_outline(module)
    return _module_progress(user, outline, entry)


def _module_progress(user, outline: CourseOutline, module: ModuleOutline):
    mine, details = _standing(user, [outline])
    course = mine.get(outline.pk)
    completion = course.modules[module.pk] if course else module_completion(module, {})
    return _module_status(module, completion, details)


def lesson_context(*, user, lesson) -> dict:
    """What a lesson page shows around its body: its place in the module, progress."""
    outline = outline_around(lesson)
    module = outline and next(
        (m for m in outline.modules if lesson.pk in {s.pk for s in m.steps}), None
    )
    if module is None:  # a draft seen in the editor's preview
        return {"breadcrumbs": _ancestor_links(lesson), "done": False}
    lessons = module.steps_of(LESSON)
    position = next(i for i, s in enumerate(lessons) if s.pk == lesson.pk)
    status = _module_progress(user, outline, module)
    return {
        "breadcrumbs": [
            outline.home,
            Link(outline.pk, outline.title, outline.url),
            module,
        ],
        "module_status": status,
        "done": status.lessons[position].done,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
    }


def _ancestor_links(page) -> list[Link]:
    return [
        Link(a.pk, a.title, a.get_url())
        for a in page.get_ancestors().filter(depth__gt=1)
    ]
