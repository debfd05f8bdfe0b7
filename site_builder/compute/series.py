"""Series: a unit's values of one indicator over time, and which of them may be compared.

The primitives compute's other modules share (derive groups figures into series; scorecard and
rollup read them).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from site_builder.content.corpus import Figure
from site_builder.content.periods import comparable
from site_builder.content.qualifiers import Qualifier

# The figures a unit's page, the home page and link previews lead with, in this order.
HEADLINE = ("dossiers-received", "share-online", "share-on-time", "satisfaction-rate", "online-payment-share")


@dataclass(frozen=True)
class Point:
    """One value of a series: a published figure, or a share recomputed from two (then `figure`
    is the numerator, which the point links to)."""

    period: str
    value: float
    figure: Figure
    qualifier: Qualifier = Qualifier.exact


def when(f: Figure) -> tuple[dt.date, dt.date, str]:
    """Time order of figures: a running total, which has no start, stands at its end."""
    return (f.period_start or f.period_end, f.period_end, f.id)


def comparable_runs(points: tuple[Point, ...]) -> list[tuple[Point, ...]]:
    """A series cut into runs of comparable periods (`periods.comparable`: same kind and length),
    each in time order: years with years, quarters with quarters. A chart or a change over time
    is drawn within one run, never across two."""
    runs: list[list[Point]] = []
    for point in points:
        run = next((r for r in runs if comparable(r[0].period, point.period)), None)
        if run is None:
            runs.append([point])
        else:
            run.append(point)
    return [tuple(r) for r in runs]


def rank_among(ordered: list[float], key: float) -> int:
    """A value's rank among `ordered` (ascending, the best first, the value itself included):
    1 + how many come before it, so that equal values share the better rank (1, 2, 2, 4).
    Pass values negated for "the highest first"."""
    return 1 + bisect_left(ordered, key)
