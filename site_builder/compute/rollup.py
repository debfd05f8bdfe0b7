"""What lies below a province or district: its units' reports, who reported, and the figures that
add up.

Input: the corpus and its series. Output: per unit with units below, a `Rollup`. A figure of
several units is added up only where its indicator declares itself additive (a flow such as
dossiers received; never a stock, a rate, a score or a rank), only over units of one level (the
communes, or the districts: never a district with its own communes), only for the very same
period, and never with an office or party body (an office's figures are part of the unit that
contains it, so adding both would count twice). Each sum keeps the figures it adds up, so that
every summand still leads to its sentence.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from site_builder.compute.series import HEADLINE, Point, when
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.model import Level, Topic
from site_builder.content.qualifiers import Qualifier, combine

SUMMED_LEVELS = (Level.district, Level.commune)  # the levels whose units are added up, top down
SUMS_PER_LEVEL = 8  # the page shows the indicators a citizen looks for first; the CSV has every row


@dataclass(frozen=True)
class Coverage:
    """How many units of one level below reported anything: '12 of 98 communes'."""

    level: Level
    reporting: int
    total: int


@dataclass(frozen=True)
class Sum:
    """An additive indicator added up over the units of one level below, for one period."""

    indicator: str
    period: str
    level: Level
    value: float
    qualifier: Qualifier
    parts: tuple[tuple[str, Point], ...]  # (unit, its point), by unit id
    total: int  # units of that level below: the sum covers len(parts) of them


@dataclass(frozen=True)
class BelowUnit:
    """A unit below with figures or reports, and its latest value of each column indicator."""

    unit: str
    reports: int
    figures: int
    values: tuple[Point | None, ...]  # one per Rollup.columns


@dataclass(frozen=True)
class Rollup:
    """Everything below one unit."""

    reports: tuple[str, ...]  # every report by or about a unit below, the latest period first
    coverage: tuple[Coverage, ...]  # per level below that has units
    sums: tuple[Sum, ...]
    columns: tuple[str, ...]  # indicators of the table of units below
    units: tuple[BelowUnit, ...]  # units below with figures or reports, by level then id


def _latest_first(corpus: Corpus, rids: set[str]) -> tuple[str, ...]:
    return tuple(sorted(rids, key=lambda r: (corpus.reports[r].period.end, r), reverse=True))


def _sums(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]], level: Level, units: list[str]) -> list[Sum]:
    """For each additive indicator, a recent period well covered by the units of `level`, added up
    over those units that give it for that same period."""
    by_key: dict[tuple[str, str], list[tuple[str, Point]]] = defaultdict(list)
    for uid in units:
        for iid, points in series.get(uid, {}).items():
            if corpus.indicators[iid].additive:
                for p in points:
                    by_key[(iid, p.period)].append((uid, p))
    # per indicator, the latest period that at least half as many units give as the best-covered
    # one: a quarter one commune reports does not hide the year that most of them report
    candidates: dict[str, list[tuple[int, tuple[dt.date, dt.date, str], str]]] = defaultdict(list)
    for (iid, period), parts in by_key.items():
        candidates[iid].append((len(parts), max(when(p.figure) for _, p in parts), period))
    latest: dict[str, tuple[tuple[dt.date, dt.date, str], str]] = {}
    for iid, options in candidates.items():
        most = max(n for n, _, _ in options)
        end, period = max((end, period) for n, end, period in options if 2 * n >= most)
        latest[iid] = (end, period)
    out = []
    for iid, (_, period) in latest.items():
        parts = sorted(by_key[(iid, period)], key=lambda part: part[0])
        qualifier: Qualifier | None = Qualifier.exact
        for _, p in parts:
            qualifier = combine(qualifier, p.qualifier) if qualifier is not None else None
        if qualifier is None:  # "more than 80" in one commune: the sum is no number
            continue
        out.append(Sum(iid, period, level, sum(p.value for _, p in parts), qualifier, tuple(parts), len(units)))
    order = tuple(Topic)
    out.sort(key=lambda s: (HEADLINE.index(s.indicator) if s.indicator in HEADLINE else len(HEADLINE),
                            order.index(corpus.indicators[s.indicator].topic), s.indicator))
    return out[:SUMS_PER_LEVEL]


def rollup(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]], reports_by_unit: dict[str, tuple[str, ...]],
           figures_by_unit: dict[str, tuple[Figure, ...]], uid: str, cards: dict[str, tuple[str, ...]]) -> Rollup | None:
    """What lies below `uid`; None for a unit with nothing below. `cards` gives each unit's
    scorecard indicators, from which the table of units below takes its columns."""
    below = corpus.descendants(uid)
    if not below:
        return None
    reports = {rid for b in below for rid in reports_by_unit.get(b, ())}
    coverage, sums = [], []
    for level in SUMMED_LEVELS:
        units = [b for b in below if corpus.units[b].level is level]
        if units:
            reporting = sum(1 for b in units if figures_by_unit.get(b) or reports_by_unit.get(b))
            coverage.append(Coverage(level, reporting, len(units)))
            sums += _sums(corpus, series, level, units)
    with_data = [b for b in below if figures_by_unit.get(b) or reports_by_unit.get(b)]
    levels = tuple(Level)
    with_data.sort(key=lambda b: (levels.index(corpus.units[b].level), b))
    # the table's columns: the indicators the units below open their own pages with, most shared first
    counts: dict[str, int] = defaultdict(int)
    for b in with_data:
        for iid in cards.get(b, ())[:3]:
            counts[iid] += 1
    columns = tuple(sorted(counts, key=lambda i: (HEADLINE.index(i) if i in HEADLINE else len(HEADLINE), -counts[i], i))[:4])

    def latest(b: str, iid: str) -> Point | None:
        points = series.get(b, {}).get(iid, ())
        return max(points, key=lambda p: when(p.figure)) if points else None

    def report_count(b: str) -> int:  # by it, about it, or with figures about it
        return len({*reports_by_unit.get(b, ()), *(f.report for f in figures_by_unit.get(b, ()))})

    rows = tuple(BelowUnit(b, report_count(b), len(figures_by_unit.get(b, ())), tuple(latest(b, i) for i in columns)) for b in with_data)
    return Rollup(_latest_first(corpus, reports), tuple(coverage), tuple(sums), columns, rows)


def rollups(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]], reports_by_unit: dict[str, tuple[str, ...]],
            figures_by_unit: dict[str, tuple[Figure, ...]], cards: dict[str, tuple[str, ...]]) -> dict[str, Rollup]:
    """Every unit's roll-up, for the units that have units below."""
    out = {}
    for uid in corpus.units:
        if (r := rollup(corpus, series, reports_by_unit, figures_by_unit, uid, cards)) is not None:
            out[uid] = r
    return out
