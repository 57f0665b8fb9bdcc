"""The geometry of the completions-over-time chart, drawn as SVG by a template.

Server-rendered so that it needs no script; the template puts the same numbers
in a table beside it for screen readers (the SVG itself is one labelled image).
"""

from dataclasses import dataclass

from django.utils.formats import date_format

from municipalities.dashboard import Week

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    """A cumulative line over the weeks, with its axes' end labels."""

    width: int
    height: int
    points: tuple[tuple[float, float], ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{x},{y}" for x, y in self.points)

    @property
    def left(self) -> int:
        return LEFT

    @property
    def top(self) -> int:
        return TOP

    @property
    def bottom(self) -> int:
        return HEIGHT - BOTTOM

    @property
    def right(self) -> int:
        return WIDTH - RIGHT


def cumulative_chart(weeks: list[Week]) -> Chart | None:
    """The chart of `weeks` (None when there is nothing to draw)."""
    if not weeks:
        return None
    top = max(week.cumulative for week in weeks) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(weeks) - 1, 1)
    points = tuple(
        (
            round(LEFT + i * step, 1),
            round(TOP + plot_h * (1 - week.cumulative / top), 1),
        )
        for i, week in enumerate(weeks)
    )
    y_ticks = (Tick(LEFT - 6, TOP + plot_h, "0"), Tick(LEFT - 6, TOP, str(top)))
    first, last = weeks[0], weeks[-1]
    x_ticks = (Tick(LEFT, HEIGHT - 14, date_format(first.start, "SHORT_DATE_FORMAT")),)
    if last is not first:
        x_ticks += (
            Tick(
                WIDTH - RIGHT, HEIGHT - 14, date_format(last.start, "SHORT_DATE_FORMAT")
            ),
        )
    return Chart(WIDTH, HEIGHT, points, y_ticks, x_ticks)
