"""A municipality's completion dashboard: who has done which module, and when.

Built only on `courses.completion.completion_matrix`, which holds states and
dates, never scores, answers or reflections, so nothing here can show them.
The screen and the CSV and XLSX exports all render `Dashboard.table()`, so they
hold the same rows and columns in the same order. The cost is a fixed number
of queries (seats, then one per step kind) whatever the number of trustees.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.completion import Progress, State, completion_matrix
from courses.outline import CourseOutline, ModuleOutline, live_course_paths, outline_at
from municipalities.dashboard_filters import SORT_BY_PROGRESS, Filters
from municipalities.models import Membership, Municipality
from municipalities.trustees import current_memberships


@dataclass(frozen=True)
class Cell:
    """One trustee's standing in one module, with the text every view shows."""

    state: State
    done_on: date | None
    text: str


@dataclass(frozen=True)
class Row:
    """One trustee: who, where they sit, each module, and the course progress."""

    name: str
    email: str
    seats: str
    cells: tuple[Cell, ...]
    progress: Progress
    sort_name: tuple[str, ...]

    def values(self) -> list[str]:
        progress = _("%(percent)s %%") % {"percent": self.progress.percent}
        return [
            self.name,
            self.email,
            self.seats,
            *(cell.text for cell in self.cells),
            progress,
        ]


@dataclass(frozen=True)
class ModuleTotal:
    """How many of the trustees shown are done, in progress, not started."""

    module: ModuleOutline
    done: int
    in_progress: int
    not_started: int

    @property
    def progress(self) -> Progress:
        return Progress(self.done, self.done + self.in_progress + self.not_started)


@dataclass(frozen=True)
class Week:
    """Module completions in the week starting `start`, and all up to its end."""

    start: date
    completed: int
    cumulative: int


@dataclass(frozen=True)
class Dashboard:
    municipality: Municipality
    course: CourseOutline | None
    rows: list[Row]
    totals: list[ModuleTotal]
    timeline: list[Week]

    def header(self) -> list[str]:
        modules = self.course.modules if self.course else ()
        return [
            _("Name"),
            _("E-mail"),
            _("Seats"),
            *(module.title for module in modules),
            _("Progress"),
        ]

    def table(self) -> list[list[str]]:
        """The header and one line per row, exactly as the screen shows them."""
        return [self.header(), *(row.values() for row in self.rows)]


def first_live_course() -> CourseOutline | None:
    """The course the dashboard follows: the first live one (from the cache)."""
    paths = live_course_paths()
    return outline_at(paths[0]) if paths else None


def _seated_trustees(municipality: Municipality, filters: Filters, on: date | None):
    """{user: [seat, …]} of active trustees with a current seat matching `filters`."""
    seats = (
        current_memberships(on=on)
        .filter(body__municipality=municipality, user__is_active=True)
        .select_related("user", "body")
        .order_by("body__name", "pk")
    )
    by_user: dict = {}
    for seat in seats:
        by_user.setdefault(seat.user, []).append(seat)
    return {
        user: mine
        for user, mine in by_user.items()
        if any(
            (filters.body_id is None or seat.body_id == filters.body_id)
            and (filters.role is None or seat.role == filters.role)
            for seat in mine
        )
    }


def _cell(state: State, done_on: date | None) -> Cell:
    """The cell for a state and day (`build_rows` reuses equal ones)."""
    if state == State.DONE:
        text = _("Done %(date)s") % {"date": date_format(done_on, "SHORT_DATE_FORMAT")}
        return Cell(State.DONE, done_on, text)
    if state == State.IN_PROGRESS:
        return Cell(State.IN_PROGRESS, None, _("In progress"))
    return Cell(State.NOT_STARTED, None, _("Not started"))


def build_rows(
    municipality: Municipality,
    course: CourseOutline | None,
    filters: Filters,
    *,
    on: date | None = None,
) -> list[Row]:
    """Every current trustee matching `filters`, in the order `filters` asks."""
    trustees = _seated_trustees(municipality, filters, on)
    matrix = (
        completion_matrix(users=[user.pk for user in trustees], course=course)
        if course and trustees
        else {}
    )
    rows, cells_by_standing = [], {}
    role_names = {value: str(label) for value, label in Membership.Role.choices}
    for user, seats in trustees.items():
        completion = matrix.get(user.pk)
        cells = []
        for module in course.modules if completion else ():
            standing = completion.modules[module.pk]
            done_on = standing.done_at and timezone.localdate(standing.done_at)
            key = (standing.state, done_on)
            if key not in cells_by_standing:
                cells_by_standing[key] = _cell(*key)
            cells.append(cells_by_standing[key])
        rows.append(
            Row(
                name=user.display_name,
                email=user.email,
                seats=", ".join(
                    f"{seat.body.name} ({role_names[seat.role]})" for seat in seats
                ),
                cells=tuple(cells),
                progress=completion.progress if completion else Progress(0, 0),
                sort_name=tuple(
                    part.casefold()
                    for part in (user.last_name, user.first_name, user.email)
                ),
            )
        )
    rows.sort(key=lambda row: row.sort_name)
    if filters.sort == SORT_BY_PROGRESS:
        rows.sort(key=lambda row: (-row.progress.percent, -row.progress.done))
    return rows


def module_totals(course: CourseOutline | None, rows: list[Row]) -> list[ModuleTotal]:
    """Per module, how many of `rows` are done, in progress and not started."""
    modules = course.modules if course else ()
    totals = []
    for index, module in enumerate(modules):
        states = [row.cells[index].state for row in rows]
        totals.append(
            ModuleTotal(
                module,
                states.count(State.DONE),
                states.count(State.IN_PROGRESS),
                states.count(State.NOT_STARTED),
            )
        )
    return totals


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(rows: list[Row], *, today: date | None = None) -> list[Week]:
    """Module completions of `rows` per week, from the first one to this week."""
    done = sorted(cell.done_on for row in rows for cell in row.cells if cell.done_on)
    if not done:
        return []
    per_week: dict[date, int] = {}
    for day in done:
        per_week[week_start(day)] = per_week.get(week_start(day), 0) + 1
    last = max(week_start(today or timezone.localdate()), max(per_week))
    weeks, start, cumulative = [], min(per_week), 0
    while start <= last:
        cumulative += per_week.get(start, 0)
        weeks.append(Week(start, per_week.get(start, 0), cumulative))
        start += timedelta(weeks=1)
    return weeks


def build_dashboard(
    municipality: Municipality, filters: Filters, *, on: date | None = None
) -> Dashboard:
    """Rows, module totals and the weekly timeline for the first live course."""
    course = first_live_course()
    rows = build_rows(municipality, course, filters, on=on)
    return Dashboard(
        municipality,
        course,
        rows,
        module_totals(course, rows),
        timeline(rows, today=on),
    )
