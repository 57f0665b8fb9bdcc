"""Who completed what, and when: one rule for one learner or ten thousand.

`completion_matrix` is the only definition of "module complete": every step of
the module done. Each step kind answers for all the users at once in a fixed
number of queries, so the cost does not grow with the number of users or
steps. The result holds states and dates only, never scores or answers, so a
coordinator's dashboard built on it cannot leak them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.db.models import QuerySet

from courses.outline import CourseOutline, ModuleOutline, Step, course_outline
from courses.steps import StepRecord, step_kind


class State(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


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


@dataclass(frozen=True)
class StepCompletion:
    state: State = State.NOT_STARTED
    done_at: datetime | None = None

    @property
    def done(self) -> bool:
        return self.state == State.DONE


NOT_STARTED = StepCompletion()


@dataclass(frozen=True)
class ModuleCompletion:
    """One user's standing in one module; done when every step is done."""

    state: State
    done_at: datetime | None
    progress: Progress
    steps: dict[int, StepCompletion] = field(default_factory=dict)


def step_completion(step: Step, pages: dict[int, StepCompletion]) -> StepCompletion:
    """The step's standing over its page in every language: done when done in
    any (at the first such date), begun when begun in any."""
    found = [pages[pk] for pk in step.page_ids if pk in pages]
    done = [c for c in found if c.done]
    if done:
        return min(done, key=lambda c: c.done_at)
    return found[0] if found else NOT_STARTED


def module_completion(
    module: ModuleOutline, steps: dict[int, StepCompletion]
) -> ModuleCompletion:
    """The rule: done when all steps are done (dated by the last), begun when any is.

    `steps` is {page id: StepCompletion}, for pages in any language.
    """
    mine = {step.pk: step_completion(step, steps) for step in module.steps}
    done = [c for c in mine.values() if c.done]
    progress = Progress(len(done), len(mine))
    if progress.complete:
        return ModuleCompletion(
            State.DONE, max(c.done_at for c in done), progress, mine
        )
    begun = done or any(c.state == State.IN_PROGRESS for c in mine.values())
    state = State.IN_PROGRESS if begun else State.NOT_STARTED
    return ModuleCompletion(state, None, progress, mine)


@dataclass(frozen=True)
class CourseCompletion:
    """One user's modules in one course, by module id, and the course total."""

    modules: dict[int, ModuleCompletion]

    @property
    def progress(self) -> Progress:
        parts = [m.progress for m in self.modules.values()]
        return Progress(sum(p.done for p in parts), sum(p.total for p in parts))


def _step_records(outlines: list[CourseOutline], users) -> Iterable[StepRecord]:
    by_kind: dict[str, set[int]] = {}
    for outline in outlines:
        for step in outline.steps:
            by_kind.setdefault(step.kind, set()).update(step.page_ids)
    for kind, page_ids in by_kind.items():
        yield from step_kind(kind).records(users, sorted(page_ids))


def completions(*, users, outlines: list[CourseOutline]) -> dict[int, dict]:
    """{user id: {course id: CourseCompletion}} for `users` in several courses.

    `users` is a queryset of users (used as a subquery) or a list of user ids.
    One query per step kind (plus one for a queryset's ids), whatever the
    number of users, courses, modules or steps. Users with no records get
    "not started" everywhere.
    """
    if isinstance(users, QuerySet):
        user_ids, users = list(users.values_list("pk", flat=True)), users.values("pk")
    else:
        user_ids = users = list(users)
    steps: dict[int, dict[int, StepCompletion]] = {pk: {} for pk in user_ids}
    for record in _step_records(outlines, users):
        mine = steps.setdefault(record.user_id, {})
        if record.done_at is not None:
            mine[record.page_id] = StepCompletion(State.DONE, record.done_at)
        elif record.page_id not in mine:
            mine[record.page_id] = StepCompletion(State.IN_PROGRESS)
    return {
        user_id: {
            outline.pk: CourseCompletion(
                {m.pk: module_completion(m, user_steps) for m in outline.modules}
            )
            for outline in outlines
        }
        for user_id, user_steps in steps.items()
    }


def completion_matrix(*, users, course) -> dict[int, CourseCompletion]:
    """{user id: CourseCompletion} for `users` in one course (page or outline).

    The one definition of completion, for one learner or a municipality's
    thousands: states and dates per module and step, never scores.
    """
    outline = course if isinstance(course, CourseOutline) else course_outline(course)
    return {
        user_id: by_course[outline.pk]
        for user_id, by_course in completions(users=users, outlines=[outline]).items()
    }
