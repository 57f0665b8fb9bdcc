"""The dashboard: current trustees × modules, filters, sorting, totals, timeline."""

from datetime import date

import pytest

from courses.completion import State
from courses.models import LessonPage, ModulePage
from municipalities.chart import cumulative_chart
from municipalities.dashboard import Week, build_dashboard, week_start
from municipalities.dashboard_filters import DashboardFilterForm, Filters
from municipalities.models import Body, Membership
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    at,
    body,
    complete,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)


@pytest.fixture
def town():
    """Helsinki with three current trustees, a former one and an outsider.

    Aalto finished module 1 on 2 November and began module 2; Ceder finished
    both in the week of 16 November; Berg has done nothing.
    """
    course = build_course(modules=2, lessons=3)
    first, second = (
        list(LessonPage.objects.child_of(module).order_by("path"))
        for module in ModulePage.objects.child_of(course).order_by("path")
    )
    home = municipality()
    council, board = body(home), body(home, "Kunnanhallitus", "board")
    aalto = verified_user(first_name="Anna", last_name="Aalto")
    berg = verified_user(first_name="Bertta", last_name="Berg")
    ceder = verified_user(first_name="Cecilia", last_name="Ceder")
    seat(aalto, council)
    seat(berg, board, Membership.Role.CHAIR)
    seat(berg, council, Membership.Role.DEPUTY)
    seat(ceder, council)
    complete(aalto, first, at(2026, 11, 2))
    complete(aalto, second[:1], at(2026, 11, 10))
    complete(ceder, first[:2], at(2026, 11, 13))
    complete(ceder, first[2:], at(2026, 11, 16))
    complete(ceder, second, at(2026, 11, 17))
    former = verified_user(last_name="Entinen")
    Membership.objects.create(
        user=former,
        body=council,
        term_start=date(2021, 6, 1),
        term_end=date(2025, 5, 31),
    )
    complete(former, first, at(2026, 11, 2))
    outsider = verified_user(last_name="Espoolainen")
    seat(outsider, body(municipality("049", "Espoo")))
    return {"home": home, "council": council, "board": board}


def names(board):
    return [row.name for row in board.rows]


def test_current_trustees_by_name_with_each_module(town):
    board = build_dashboard(town["home"], Filters(), on=TODAY)
    assert names(board) == ["Anna Aalto", "Bertta Berg", "Cecilia Ceder"]
    aalto, berg, ceder = board.rows
    assert [c.state for c in aalto.cells] == [State.DONE, State.IN_PROGRESS]
    assert aalto.cells[0].done_on == date(2026, 11, 2)
    assert [c.state for c in berg.cells] == [State.NOT_STARTED] * 2
    assert [c.done_on for c in ceder.cells] == [date(2026, 11, 16), date(2026, 11, 17)]
    assert (aalto.progress.done, aalto.progress.total) == (4, 6)
    assert berg.seats == "Kunnanhallitus (Puheenjohtaja), Valtuusto (Varajäsen)"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Anna Aalto", "Bertta Berg", "Cecilia Ceder"]),
        ({"body": "board"}, ["Bertta Berg"]),
        ({"role": "chair"}, ["Bertta Berg"]),
        ({"role": "member"}, ["Anna Aalto", "Cecilia Ceder"]),
        # The same seat must match both: Berg chairs the board, not the council.
        ({"body": "council", "role": "chair"}, []),
        ({"sort": "progress"}, ["Cecilia Ceder", "Anna Aalto", "Bertta Berg"]),
        ({"sort": "name"}, ["Anna Aalto", "Bertta Berg", "Cecilia Ceder"]),
    ],
)
def test_filters_and_sorting(town, params, expected):
    if "body" in params:
        params = {**params, "body": str(town[params["body"]].pk)}
    form = DashboardFilterForm(params, bodies=[town["council"], town["board"]])
    assert form.is_valid(), form.errors
    assert names(build_dashboard(town["home"], form.filters(), on=TODAY)) == expected


@pytest.mark.parametrize(
    "params",
    [{"body": "999999"}, {"body": "x"}, {"role": "mayor"}, {"sort": "score"}],
)
def test_unknown_filter_values_are_errors_and_show_everyone(town, params):
    form = DashboardFilterForm(params, bodies=[town["council"], town["board"]])
    assert not form.is_valid()
    assert form.filters() == Filters()


def test_a_body_of_another_municipality_is_unknown(town):
    espoo_council = Body.objects.get(municipality__code="049")
    form = DashboardFilterForm(
        {"body": str(espoo_council.pk)}, bodies=[town["council"], town["board"]]
    )
    assert not form.is_valid()


def test_module_totals_count_the_rows_shown(town):
    board = build_dashboard(town["home"], Filters(), on=TODAY)
    assert [(t.done, t.in_progress, t.not_started) for t in board.totals] == [
        (2, 0, 1),
        (1, 1, 1),
    ]
    assert [t.progress.percent for t in board.totals] == [67, 33]
    only_board = build_dashboard(
        town["home"], Filters(body_id=town["board"].pk), on=TODAY
    )
    assert [(t.done, t.not_started) for t in only_board.totals] == [(0, 1), (0, 1)]


def test_timeline_counts_module_completions_per_week_up_to_this_week(town):
    board = build_dashboard(town["home"], Filters(), on=TODAY)
    assert [(w.start, w.completed, w.cumulative) for w in board.timeline] == [
        (date(2026, 11, 2), 1, 1),
        (date(2026, 11, 9), 0, 1),
        (date(2026, 11, 16), 2, 3),
        (date(2026, 11, 23), 0, 3),
        (date(2026, 11, 30), 0, 3),
    ]
    assert week_start(date(2026, 11, 22)) == date(2026, 11, 16)


def test_no_completions_no_timeline(town):
    board = build_dashboard(town["home"], Filters(body_id=town["board"].pk), on=TODAY)
    assert board.timeline == []


def test_without_a_live_course_there_are_trustees_but_no_modules(town):
    from wagtail.models import Page

    for course in Page.objects.filter(depth=3):
        course.unpublish()
    board = build_dashboard(town["home"], Filters(), on=TODAY)
    assert board.course is None
    assert board.totals == [] and board.timeline == []
    assert board.header() == ["Nimi", "Sähköposti", "Luottamustehtävät", "Edistyminen"]


def test_the_chart_rises_from_the_bottom_left_to_the_top_right():
    weeks = [Week(date(2026, 11, 2), 1, 1), Week(date(2026, 11, 9), 3, 4)]
    chart = cumulative_chart(weeks)
    (x0, y0), (x1, y1) = chart.points
    assert x0 == chart.left and x1 == chart.right
    assert y1 == chart.top and chart.top < y0 < chart.bottom
    assert [tick.label for tick in chart.y_ticks] == ["0", "4"]
    assert [tick.label for tick in chart.x_ticks] == ["2.11.2026", "9.11.2026"]
    assert cumulative_chart([]) is None
