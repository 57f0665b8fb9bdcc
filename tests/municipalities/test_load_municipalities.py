"""`manage.py load_municipalities`: by code, again and again, never in_network."""

import io

import pytest
from django.core.management import CommandError, call_command

from municipalities.loader import DATA_FILE, read_municipalities
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db

HEADER = (
    "code,name_fi,name_sv,population_2020,area,wellbeing_county,"
    "wellbeing_county_fi,wellbeing_county_sv\n"
)
SMALL = HEADER + (
    "005,Alajärvi,Alajärvi,9419,mainland,EP,Etelä-Pohjanmaan hyvinvointialue,"
    "Södra Österbottens välfärdsområde\n"
    '091,Helsinki,Helsingfors,656920,mainland,,"Helsingin kaupunki, itse",'
    '"Helsingfors stad, själv"\n'
    "035,Brändö,Brändö,449,aland,,,\n"
)


def load(tmp_path, text: str) -> str:
    path = tmp_path / "municipalities.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("load_municipalities", file=path, stdout=out)
    return out.getvalue()


def test_creates_then_updates_by_code_and_keeps_network_membership(tmp_path):
    assert "3 created, 0 updated, 0 unchanged" in load(tmp_path, SMALL)
    helsinki = Municipality.objects.get(code="091")
    assert (helsinki.name_sv, helsinki.population) == ("Helsingfors", 656920)
    assert helsinki.wellbeing_county == "Helsingin kaupunki, itse"
    assert Municipality.objects.get(code="035").area == Municipality.Area.ALAND
    Municipality.objects.filter(code="091").update(in_network=True, name_fi="Hki")

    assert "0 created, 1 updated, 2 unchanged" in load(tmp_path, SMALL)
    helsinki.refresh_from_db()
    assert helsinki.name_fi == "Helsinki"
    assert helsinki.in_network
    assert Municipality.objects.count() == 3


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("91,Helsinki,Helsingfors,1,mainland,,,\n", "line 3: code '91'"),
        ("091,,Helsingfors,1,mainland,,,\n", "line 3: name_fi is empty"),
        ("091,Helsinki,Helsingfors,many,mainland,,,\n", "line 3: population_2020"),
        ("091,Helsinki,Helsingfors,1,island,,,\n", "line 3: area 'island'"),
        ("005,Alajärvi,Alajärvi,1,mainland,,,\n", "line 3: code 005 appears twice"),
        ("091,Helsinki,Helsingfors,1,mainland,,,,extra\n", "line 3: more fields"),
    ],
)
def test_malformed_file_names_the_line_and_changes_nothing(tmp_path, bad_line, message):
    load(tmp_path, SMALL)
    Municipality.objects.filter(code="005").update(name_fi="Muutettu")
    text = HEADER + "005,Alajärvi,Alajärvi,9419,mainland,,Uusi,\n" + bad_line

    with pytest.raises(CommandError, match=message) as error:
        load(tmp_path, text)

    assert "Nothing was loaded" in str(error.value)
    assert Municipality.objects.get(code="005").name_fi == "Muutettu"


def test_missing_column_and_missing_file_are_refused(tmp_path):
    with pytest.raises(CommandError, match="line 1: missing columns: area"):
        load(tmp_path, "code,name_fi,name_sv,population_2020,wellbeing_county_fi\n")
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_municipalities", file=tmp_path / "none.csv")
    assert not Municipality.objects.exists()


def test_the_real_file_loads_every_municipality_once():
    rows = read_municipalities(DATA_FILE)
    assert len(rows) == 309
    assert sum(row.area == "aland" for row in rows) == 16

    call_command("load_municipalities", stdout=io.StringIO())
    out = io.StringIO()
    call_command("load_municipalities", stdout=out)

    assert "0 created, 0 updated, 309 unchanged" in out.getvalue()
    assert Municipality.objects.count() == 309
    assert Municipality.objects.filter(area="aland", wellbeing_county="").count() == 16
    assert Municipality.objects.get(code="049").name_sv == "Esbo"
    assert not Municipality.objects.filter(in_network=True).exists()
