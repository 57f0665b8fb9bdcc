"""Comparison: own, network and peer rates, peer codes checked, sizes suggested."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from municipalities.comparison import (
    MAX_PEERS,
    PeerForm,
    build_comparison,
    comparison_chart,
    similar_in_size,
)
from municipalities.models import Municipality
from municipalities.network import MIN_GROUP
from tests.municipalities.test_network import course, populate  # noqa: F401

pytestmark = pytest.mark.django_db


def form(query: str, municipality: Municipality) -> PeerForm:
    return PeerForm({"peers": query}, municipality=municipality)


@pytest.fixture
def towns(course):  # noqa: F811
    populate("001", 10, done=4, population=10_000)
    populate("002", 5, done=5, population=9_000)
    populate("003", MIN_GROUP - 1, done=1, population=30_000)
    Municipality.objects.create(code="004", name_fi="Ulkona", population=10_001)
    return {m.code: m for m in Municipality.objects.all()}


def test_rates_of_own_network_and_peers(towns):
    comparison = build_comparison(towns["001"], [towns["002"], towns["003"]])
    assert [label for label, _group in comparison.columns] == [
        "Kunta 001",
        "Verkosto",
        "Kunta 002",
        "Kunta 003",
    ]
    first, second = comparison.rows()
    # 4/10, the pooled (4 + 5 + 1)/19, 5/5, and the group of four hidden.
    assert first[1] == ["40 %", "53 %", "100 %", "liian vähän näytettäväksi"]
    assert second[1] == ["0 %", "0 %", "0 %", "liian vähän näytettäväksi"]
    assert [group.trustees for _label, group in comparison.columns] == [10, 19, 5, 4]


def test_a_municipality_outside_the_network_is_compared_but_not_in_the_average(
    towns,
):
    outside = towns["004"]
    populate("005", 6, done=6)
    Municipality.objects.filter(code="005").update(in_network=False)
    comparison = build_comparison(Municipality.objects.get(code="005"), [])
    assert comparison.own.group.trustees == 6
    assert comparison.network.trustees == 19
    assert outside not in comparison.suggestions


def test_peer_codes_are_checked(towns):
    home = towns["001"]
    assert form("002, 003 002 001", home).chosen() == [towns["002"], towns["003"]]
    unknown = form("002 999 12x", home)
    assert unknown.chosen() == []
    assert unknown.errors["peers"] == ["Millään kunnalla ei ole kuntanumeroa 999, 12x."]
    outside = form("004", home)
    assert outside.errors["peers"] == ["Eivät kuulu verkostoon: Ulkona."]
    many = form(" ".join(f"{n:03d}" for n in range(100, 101 + MAX_PEERS)), home)
    assert "enintään 10" in many.errors["peers"][0]
    assert form("", home).chosen() == []


def test_similar_in_size_are_the_nearest_members(towns):
    for n, population in enumerate([9_500, 11_000, 50_000, 12_000], start=10):
        Municipality.objects.create(
            code=f"{n:03d}",
            name_fi=f"Lähellä {n}",
            population=population,
            in_network=True,
        )
    Municipality.objects.create(code="020", name_fi="Tuntematon", in_network=True)
    near = similar_in_size(towns["001"])
    assert [m.code for m in near] == ["010", "002", "011", "013", "003"]
    assert similar_in_size(Municipality(code="099", name_fi="X")) == []


def test_the_chart_has_a_bar_per_module_and_column_none_when_hidden(towns):
    comparison = build_comparison(towns["001"], [towns["003"]])
    chart = comparison_chart(comparison)
    assert len(chart.headings) == 2 and len(chart.bars) == 6
    assert [bar.text for bar in chart.bars[:3]] == [
        "40 %",
        "53 %",
        "liian vähän näytettäväksi",
    ]
    assert chart.bars[2].width == 0 and chart.bars[0].own
    assert chart.bars[0].width < chart.bars[1].width


def _queries(peers: int, trustees: int) -> int:
    Municipality.objects.all().delete()
    User.objects.all().delete()
    for n in range(peers + 1):
        populate(f"{n:03d}", trustees, done=n % trustees, population=100 * n)
    home, *others = Municipality.objects.order_by("code")
    with CaptureQueriesContext(connection) as queries:
        form(" ".join(m.code for m in others), home).chosen()
        build_comparison(home, others)
    return len(queries)


def test_the_query_count_does_not_grow_with_peers_or_trustees(towns):
    build_comparison(towns["001"], [])  # fill the outline cache
    assert _queries(2, 10) == _queries(9, 60)
