"""The network's situation analysis: one municipality's rates beside others'.

A coordinator sees, per module, the share of their municipality's current
trustees who completed it, beside the network's (all member municipalities'
trustees pooled, each person once) and beside peer municipalities they pick by
code, with members of similar population suggested. Rates only, and none for a
group under `network.MIN_GROUP` trustees. A fixed number of queries whatever the
number of trustees or peers: the peers, the suggestions, the members, their
seats, and one query per step kind (`network.completed_modules`).
"""

import re
from dataclasses import dataclass

from django import forms
from django.db.models import F, Q
from django.db.models.functions import Abs
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from courses.outline import CourseOutline, ModuleOutline
from municipalities.dashboard import first_live_course
from municipalities.models import Municipality
from municipalities.network import (
    GroupRates,
    MunicipalityRates,
    group_rates,
    seated_trustees,
    trustees_by_municipality,
)

SUGGESTED = 5
MAX_PEERS = 10
NETWORK = "network"


class PeerForm(forms.Form):
    """Peer municipalities by code, e.g. "091 049"; only network members."""

    peers = forms.CharField(
        label=gettext_lazy("Compare with municipalities (codes)"),
        help_text=gettext_lazy(
            "Three-digit municipality codes separated by spaces or commas, "
            "for example 091 049."
        ),
        required=False,
        max_length=200,
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        described = "peers-help peers-error" if self.errors else "peers-help"
        self.fields["peers"].widget.attrs["aria-describedby"] = described

    def clean_peers(self) -> list[Municipality]:
        codes = list(dict.fromkeys(re.split(r"[\s,;]+", self.cleaned_data["peers"])))
        codes = [code for code in codes if code and code != self.municipality.code]
        if len(codes) > MAX_PEERS:
            raise forms.ValidationError(
                ngettext(
                    "Compare with at most %(max)s municipality at a time.",
                    "Compare with at most %(max)s municipalities at a time.",
                    MAX_PEERS,
                )
                % {"max": MAX_PEERS}
            )
        found = {
            m.code: m
            for m in Municipality.objects.filter(
                code__in=[c for c in codes if re.fullmatch(r"[0-9]{3}", c)]
            )
        }
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise forms.ValidationError(
                _("No municipality has the code %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
        outside = [found[code].name_fi for code in codes if not found[code].in_network]
        if outside:
            raise forms.ValidationError(
                _("Not members of the network: %(names)s.")
                % {"names": ", ".join(outside)}
            )
        return [found[code] for code in codes]

    def chosen(self) -> list[Municipality]:
        """The valid peers, or none when the field has errors."""
        return self.cleaned_data.get("peers", []) if self.is_valid() else []


def similar_in_size(
    municipality: Municipality, *, count: int = SUGGESTED
) -> list[Municipality]:
    """The `count` other network members nearest in population (none if unknown)."""
    if municipality.population is None:
        return []
    return list(
        Municipality.objects.filter(in_network=True, population__isnull=False)
        .exclude(pk=municipality.pk)
        .annotate(distance=Abs(F("population") - municipality.population))
        .order_by("distance", "name_fi")[:count]
    )


@dataclass(frozen=True)
class Comparison:
    """The rates to show side by side, in column order: own, network, peers."""

    course: CourseOutline | None
    own: MunicipalityRates
    network: GroupRates
    peers: list[MunicipalityRates]
    suggestions: list[Municipality]

    @property
    def columns(self) -> list[tuple[str, GroupRates]]:
        return [
            (self.own.municipality.name_fi, self.own.group),
            (_("Network"), self.network),
            *((peer.municipality.name_fi, peer.group) for peer in self.peers),
        ]

    def rows(self) -> list[tuple[ModuleOutline, list[str]]]:
        """Per module, each column's rate as the table and the chart show it."""
        modules = self.course.modules if self.course else ()
        return [
            (module, [rate_text(group, index) for _label, group in self.columns])
            for index, module in enumerate(modules)
        ]


def rate_text(group: GroupRates, index: int) -> str:
    if group.hidden or not group.rates:
        return _("too few to show")
    return _("%(percent)s %%") % {"percent": group.rates[index].progress.percent}


def build_comparison(
    municipality: Municipality, peers: list[Municipality], *, on=None
) -> Comparison:
    """`municipality`, the network and `peers`, for the first live course."""
    course = first_live_course()
    wanted = Q(in_network=True) | Q(pk=municipality.pk)
    counted = Municipality.objects.filter(wanted)
    members = set(
        Municipality.objects.filter(in_network=True).values_list("pk", flat=True)
    )
    groups: dict = trustees_by_municipality(counted, on=on)
    groups[NETWORK] = set().union(
        *(users for pk, users in groups.items() if pk in members)
    )
    for pk in [municipality.pk, *(peer.pk for peer in peers)]:
        groups.setdefault(pk, set())
    rates = group_rates(groups, users=seated_trustees(counted, on=on), course=course)
    return Comparison(
        course,
        MunicipalityRates(municipality, rates[municipality.pk]),
        rates[NETWORK],
        [MunicipalityRates(peer, rates[peer.pk]) for peer in peers],
        similar_in_size(municipality),
    )


WIDTH = 640
LABEL_RIGHT, PLOT_LEFT, PLOT_RIGHT = 196, 204, 580
HEADING_H, BAR_H, GAP = 28, 22, 10


@dataclass(frozen=True)
class Bar:
    """One group's rate in one module: a label, a bar (none when hidden), a value."""

    y: float
    label: str
    width: float
    text: str
    own: bool

    @property
    def text_x(self) -> float:
        return PLOT_LEFT + self.width + 6


@dataclass(frozen=True)
class ChartHeading:
    y: float
    text: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    headings: tuple[ChartHeading, ...]
    bars: tuple[Bar, ...]
    label_right: int = LABEL_RIGHT
    plot_left: int = PLOT_LEFT
    bar_height: int = BAR_H - 6


def comparison_chart(comparison: Comparison) -> BarChart | None:
    """Bars per module for every column, 0–100 %; the page's table repeats them."""
    if comparison.course is None or not comparison.course.modules:
        return None
    plot = PLOT_RIGHT - PLOT_LEFT
    headings, bars, y = [], [], 0
    for index, module in enumerate(comparison.course.modules):
        headings.append(ChartHeading(y + 18, module.title))
        y += HEADING_H
        for column, (label, group) in enumerate(comparison.columns):
            width = 0.0
            if not group.hidden and group.rates:
                progress = group.rates[index].progress
                width = round(plot * progress.done / progress.total, 1)
            bars.append(Bar(y, label, width, rate_text(group, index), column == 0))
            y += BAR_H
        y += GAP
    return BarChart(WIDTH, y, tuple(headings), tuple(bars))
