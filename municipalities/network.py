"""Completion rates of groups of trustees: municipalities and the whole network.

Rates only, never individuals: a group's share of its current trustees who
completed each module, by the one rule (`courses.completion.completion_matrix`),
and no rate at all for a group under `MIN_GROUP` trustees, so that a small
municipality's rate cannot point at a person. The network's rate pools the
trustees of every member municipality (each person once), so a large
municipality weighs as many people as it has.

Whatever the number of trustees and municipalities, a report costs a fixed
number of queries: the municipalities, their seats, then one query per step
kind. Building `completion_matrix` for 50,000 trustees took about 6 s (300,000
module standings in Python), so the counting happens in the database instead,
with the same rule: a module is done when every one of its steps is done, and a
step is done as its kind says in `StepKind.done_rows` (the same rule as its
`records`; tests/municipalities/test_network.py checks that the rates equal
those from `completion_matrix`).
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When

from courses.completion import Progress
from courses.outline import CourseOutline, ModuleOutline
from courses.steps import step_kind
from municipalities.dashboard import first_live_course
from municipalities.models import Municipality
from municipalities.trustees import current_memberships

MIN_GROUP = 5


@dataclass(frozen=True)
class Rate:
    """How many of a group's trustees completed one module."""

    module: ModuleOutline
    done: int
    total: int

    @property
    def progress(self) -> Progress:
        return Progress(self.done, self.total)


@dataclass(frozen=True)
class GroupRates:
    """A group's trustee count and its rate per module (empty when hidden)."""

    trustees: int
    rates: tuple[Rate, ...]

    @property
    def hidden(self) -> bool:
        return self.trustees < MIN_GROUP


@dataclass(frozen=True)
class MunicipalityRates:
    municipality: Municipality
    group: GroupRates


@dataclass(frozen=True)
class NetworkReport:
    """Every member municipality's rates and the network's, for one course."""

    course: CourseOutline | None
    network: GroupRates
    municipalities: list[MunicipalityRates]


def seated_trustees(
    municipalities: QuerySet[Municipality], *, on: date | None = None
) -> QuerySet:
    """Active users with a current seat in any of `municipalities` (a subquery)."""
    seats = current_memberships(on=on).filter(body__municipality__in=municipalities)
    return get_user_model().objects.filter(
        pk__in=seats.values("user_id"), is_active=True
    )


def trustees_by_municipality(
    municipalities: QuerySet[Municipality], *, on: date | None = None
) -> dict[int, set[int]]:
    """{municipality id: ids of its active current trustees}, in one query."""
    rows = (
        current_memberships(on=on)
        .filter(body__municipality__in=municipalities, user__is_active=True)
        .order_by()
        .values_list("body__municipality_id", "user_id")
        .distinct()
    )
    groups: dict[int, set[int]] = {}
    for municipality_id, user_id in rows:
        groups.setdefault(municipality_id, set()).add(user_id)
    return groups


def _kind_complete(kind: str, modules, users: QuerySet) -> set[tuple[int, int]]:
    """(user id, module id) where the user did every step of `kind` in the module.

    A step counts once whichever language's page of it the user did.
    """
    rows = step_kind(kind).done_rows
    model, page_field, done = rows.model, rows.page_field, rows.condition
    steps = {m.pk: m.steps_of(kind) for m in modules}
    steps = {module_id: found for module_id, found in steps.items() if found}
    if not steps:
        return set()

    def case(pairs):
        return Case(
            *(When(**{f"{page_field}__in": ids}, then=Value(v)) for ids, v in pairs),
            output_field=IntegerField(),
        )

    every = [(step, m) for m, found in steps.items() for step in found]
    rows = (
        model.objects.filter(
            done,
            user_id__in=users.values("pk"),
            **{f"{page_field}__in": [pk for s, _ in every for pk in s.page_ids]},
        )
        .order_by()
        .annotate(
            module=case((s.page_ids, m) for s, m in every),
            needed=case((s.page_ids, len(steps[m])) for s, m in every),
            step=case((s.page_ids, s.pk) for s, _ in every),
        )
        .values("user_id", "module", "needed")
        .annotate(steps_done=Count("step", distinct=True))
        .filter(steps_done=F("needed"))
        .values_list("user_id", "module")
    )
    return set(rows)


def completed_modules(*, users: QuerySet, course: CourseOutline) -> dict[int, set]:
    """{module id: ids of `users` who did every step of it}, one query per kind.

    A module with no steps is done by no one, as in `module_completion`.
    """
    by_kind: dict[str, dict[int, set[int]]] = {}
    for kind in {step.kind for step in course.steps}:
        mine = by_kind.setdefault(kind, {})
        for user_id, module_id in _kind_complete(kind, course.modules, users):
            mine.setdefault(module_id, set()).add(user_id)
    done = {}
    for module in course.modules:
        needs = {step.kind for step in module.steps}
        done[module.pk] = (
            set.intersection(*(by_kind[kind].get(module.pk, set()) for kind in needs))
            if needs
            else set()
        )
    return done


def group_rates(
    groups: dict[Hashable, set[int]], *, users: QuerySet, course: CourseOutline | None
) -> dict[Hashable, GroupRates]:
    """Each group's rates; `users` (a queryset, used as a subquery) covers them all."""
    modules = course.modules if course else ()
    done_by_module: dict[int, set[int]] = {module.pk: set() for module in modules}
    if course and any(len(members) >= MIN_GROUP for members in groups.values()):
        done_by_module = completed_modules(users=users, course=course)
    return {
        key: _rates(members, modules, done_by_module) for key, members in groups.items()
    }


def _rates(
    members: set[int],
    modules: Iterable[ModuleOutline],
    done_by_module: dict[int, set[int]],
) -> GroupRates:
    if len(members) < MIN_GROUP:
        return GroupRates(len(members), ())
    return GroupRates(
        len(members),
        tuple(
            Rate(module, len(members & done_by_module[module.pk]), len(members))
            for module in modules
        ),
    )


NETWORK = "network"


def network_report(*, on: date | None = None) -> NetworkReport:
    """Rates of every member municipality and of the network, first live course."""
    course = first_live_course()
    members = Municipality.objects.filter(in_network=True)
    municipalities = list(members.order_by("name_fi"))
    groups: dict[Hashable, set[int]] = trustees_by_municipality(members, on=on)
    groups[NETWORK] = set().union(*groups.values())
    rates = group_rates(groups, users=seated_trustees(members, on=on), course=course)
    return NetworkReport(
        course,
        rates[NETWORK],
        [
            MunicipalityRates(m, rates.get(m.pk, GroupRates(0, ())))
            for m in municipalities
        ],
    )


def municipality_rates(
    municipality: Municipality, *, on: date | None = None
) -> tuple[CourseOutline | None, GroupRates]:
    """One municipality's own rates (the network view's drill-down)."""
    course = first_live_course()
    only = Municipality.objects.filter(pk=municipality.pk)
    groups = trustees_by_municipality(only, on=on)
    members = groups.get(municipality.pk, set())
    rates = group_rates(
        {municipality.pk: members}, users=seated_trustees(only, on=on), course=course
    )
    return course, rates[municipality.pk]
