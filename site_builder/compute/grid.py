"""Figures over time: one row per indicator and breakdown, one column per period.

Input: the figures a page shows. Output: a `Grid` the unit template lays out as a table. A
report's list gives each figure with its sentence; a unit's page answers "how did this change",
which reads across a row. Every cell keeps its figures, so each number still links to its quote.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from site_builder.content.corpus import Figure


@dataclass(frozen=True)
class GridRow:
    """One indicator, breakdown and unit; a cell per period of the grid."""

    indicator: str
    breakdown: str
    unit: str
    cells: tuple[tuple[Figure, ...], ...]  # per period: the figures with distinct values, in document order


@dataclass(frozen=True)
class Grid:
    """Periods in time order (by end, shorter first) and the rows over them."""

    periods: tuple[str, ...]
    rows: tuple[GridRow, ...]


def _order(f: Figure) -> tuple[str, int]:
    return (f.report, f.line)


def period_key(f: Figure) -> tuple[dt.date, int, str]:
    """Where a figure's period sorts: by end, then the shorter period first (a 2011–2020 review
    sits after 2020, not before 2015)."""
    return (f.period_end, -(f.period_start or dt.date.min).toordinal(), f.period)


def ordered_periods(figures: Iterable[Figure]) -> tuple[str, ...]:
    """The periods of `figures`, each once, in time order (period_key)."""
    bounds: dict[str, tuple[dt.date, int, str]] = {}
    for f in figures:
        bounds.setdefault(f.period, period_key(f))
    return tuple(sorted(bounds, key=lambda p: bounds[p]))


def figure_grid(figures: Iterable[Figure]) -> Grid:
    """Group figures into a grid. Rows follow the order of their first figure in the documents.

    The same number stated twice (in the text and again in a table) is one cell entry, linked to
    its first statement, or to the first that is flagged; two different numbers for the same cell
    are both kept, since the documents' own inconsistencies are published, not resolved.
    """
    figures = sorted(figures, key=_order)
    cells: dict[tuple[str, str, str], dict[str, list[Figure]]] = {}
    for f in figures:
        entry = cells.setdefault((f.indicator, f.breakdown, f.unit), {}).setdefault(f.period, [])
        same = next((i for i, g in enumerate(entry) if (g.value, g.status) == (f.value, f.status)), None)
        if same is None:
            entry.append(f)
        elif f.flag and not entry[same].flag:  # a repeated number keeps the statement that carries a flag
            entry[same] = f
    periods = ordered_periods(figures)
    rows = tuple(
        GridRow(indicator, breakdown, unit, tuple(tuple(by_period.get(p, ())) for p in periods))
        for (indicator, breakdown, unit), by_period in cells.items()
    )
    return Grid(periods, rows)
