"""CSV and XLSX exports hold what the screen shows, with formulas made inert."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses.models import LessonPage, ModulePage
from municipalities.exports import neutralise
from municipalities.models import Membership
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    at,
    body,
    complete,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db

HEADER = [
    "Nimi",
    "Sähköposti",
    "Luottamustehtävät",
    "Perusteet",
    "Talous",
    "Edistyminen",
]
AALTO = [
    "Anna Aalto",
    "aalto@example.fi",
    "Valtuusto (Jäsen)",
    "Valmis 2.11.2026",
    "Kesken",
    "75 %",
]
# Typed-in names that a spreadsheet would run as formulas.
EVIL = [
    '=HYPERLINK("x") +Plus',
    "at@example.fi",
    "-Miinus (Puheenjohtaja), Valtuusto (Varajäsen)",
    "Ei aloitettu",
    "Ei aloitettu",
    "0 %",
]
CEDER = [
    "@Cecilia \tTab",
    "ceder@example.fi",
    "Valtuusto (Jäsen)",
    "Valmis 16.11.2026",
    "Valmis 17.11.2026",
    "100 %",
]


@pytest.fixture
def town(client):
    course = build_course(modules=0)
    lessons = {}
    for title in ("Perusteet", "Talous"):
        module = ModulePage(title=title, summary="")
        course.add_child(instance=module)
        lessons[title] = [
            module.add_child(instance=LessonPage(title=f"{title} {n}")) for n in (1, 2)
        ]
    home = municipality()
    council, minus = body(home), body(home, "-Miinus", "board")
    aalto = verified_user(
        first_name="Anna", last_name="Aalto", email="aalto@example.fi"
    )
    evil = verified_user(
        first_name='=HYPERLINK("x")', last_name="+Plus", email="at@example.fi"
    )
    ceder = verified_user(
        first_name="@Cecilia", last_name="\tTab", email="ceder@example.fi"
    )
    seat(aalto, council)
    seat(evil, minus, Membership.Role.CHAIR)
    seat(evil, council, Membership.Role.DEPUTY)
    seat(ceder, council)
    complete(aalto, lessons["Perusteet"], at(2026, 11, 2))
    complete(aalto, lessons["Talous"][:1], at(2026, 11, 3))
    complete(ceder, lessons["Perusteet"], at(2026, 11, 16))
    complete(ceder, lessons["Talous"], at(2026, 11, 17))
    coordinator = verified_user()
    coordinate(coordinator, home)
    login_with_second_factor(client, coordinator)
    assert ModulePage.objects.count() == 2
    return {"minus": minus.pk}


def expected(params):
    """The table for `params`, written out here rather than taken from the code."""
    if params.get("body") == "minus":
        return [HEADER, EVIL]
    if params.get("sort") == "progress":
        return [HEADER, CEDER, AALTO, EVIL]
    # By last name: "\tTab" and "+Plus" sort before letters, tab first.
    return [HEADER, CEDER, EVIL, AALTO]


class TableText(HTMLParser):
    """The text of each row of the page's first table, cell by cell."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.tables = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables += 1
        elif tag == "tr" and self.tables == 1:
            self.rows.append([])
        elif tag in ("th", "td") and self.tables == 1:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def query(town, params):
    params = {**params}
    if params.get("body") == "minus":
        params["body"] = town["minus"]
    return params


def inert(table):
    """What a spreadsheet must receive: a quote before a formula's first sign."""
    return [
        [f"'{v}" if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v for v in line]
        for line in table
    ]


CASES = [{}, {"sort": "progress"}, {"sort": "name"}, {"body": "minus"}]


@pytest.mark.parametrize("params", CASES)
def test_the_screen_shows_the_table(client, town, params):
    response = client.get(
        reverse("coordinator_dashboard", args=["091"]), query(town, params)
    )
    parser = TableText()
    parser.feed(response.text)
    assert parser.rows == expected(params)


@pytest.mark.parametrize("params", CASES)
def test_csv_is_the_screen_cell_by_cell(client, town, params):
    response = client.get(
        reverse("coordinator_export_csv", args=["091"]), query(town, params)
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="silta-091-'
    )
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == inert(expected(params))


@pytest.mark.parametrize("params", CASES)
def test_xlsx_is_the_screen_cell_by_cell_as_text(client, town, params):
    response = client.get(
        reverse("coordinator_export_xlsx", args=["091"]), query(town, params)
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == inert(
        expected(params)
    )
    assert {c.data_type for row in sheet.iter_rows() for c in row} == {"s"}


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+358", "'+358"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Anna", "Anna"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(value, safe):
    assert neutralise(value) == safe
