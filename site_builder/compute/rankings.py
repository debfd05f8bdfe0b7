"""Rankings: for each indicator, the units of one level side by side in one period.

Input: the corpus and its series (compute.derive). Output: per indicator, per level, one
`Ranking` per period code that at least two units of that level report for, the latest first.

What may stand in one list is what `periods.comparable` allows: the very same period code, of a
kind that compares at all (a running total "to 30/9/2023" has no known start, so two of them are
not alike). What cannot be ranked is kept, listed apart with its reason, never dropped:

- a bound ("more than 80%") says where a value lies, not what it is: it has no place in an order;
- a value for a period no other unit of its level reports for has nothing to stand beside;
- a running total compares with nothing.

Whether an order is a ranking depends on what is measured. A rate, a share, a score, a number of
days or a rank says how well a place does, and the indicator says which way is better: those are
ranked (rank 1 the best; equal values share a rank: 1, 2, 2, 4). A count or an amount of money
mostly says how large a place is (a city receives more dossiers than a mountain commune): listing
it from the largest is useful, calling the largest "first" is not, so counts are ordered by size
and carry no rank. An indicator that says neither "higher is better" nor "lower" is also ordered
by value without a rank.

Each entry carries its change since the same unit's previous value in the same run of comparable
periods (a year after a year; percentage points for a percent) and, when the unit was ranked in
that previous period too, how many places it moved.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

from site_builder.compute.series import Point, comparable_runs, rank_among
from site_builder.content.corpus import Corpus
from site_builder.content.model import Indicator, Level, MeasureUnit
from site_builder.content.periods import comparable
from site_builder.content.qualifiers import Qualifier, combine

# What a unit does rather than how large it is: these are ranked when the indicator has a direction.
PERFORMANCE_UNITS = frozenset({MeasureUnit.percent, MeasureUnit.percent_of_plan, MeasureUnit.score,
                               MeasureUnit.days, MeasureUnit.rank})
LEVEL_ORDER = tuple(Level)


class Order(str, Enum):
    """How a list is ordered, and so whether it shows ranks."""

    ranked = "ranked"  # the best first by the indicator's direction, with a rank
    by_size = "by_size"  # a count or an amount: the largest first, no rank (sizes of places, not performance)
    by_value = "by_value"  # no direction given: the highest first, no rank


class Apart(str, Enum):
    """Why a value is listed beside a ranking rather than in it."""

    bound = "bound"  # "more than 80": where the value lies, not what it is
    alone = "alone"  # no other unit of the level reports for this period
    running = "running"  # a running total from a start the source does not give


@dataclass(frozen=True)
class Entry:
    """One unit's value in one period, with where it stands and how it moved."""

    unit: str
    point: Point
    rank: int | None  # None when the list is not ranked (Order) or the value is listed apart
    previous: Point | None  # the unit's value before, in the same run of comparable periods
    change: float | None  # point - previous (percentage points for a percent); None across a bound
    change_qualifier: Qualifier | None  # approximate or estimated when either value is
    rank_change: int | None  # places moved up since `previous` (negative: down), when ranked in both

    @property
    def marked(self) -> bool:
        """Approximate or estimated: ranked, but shown with its mark."""
        return self.point.qualifier is not Qualifier.exact


@dataclass(frozen=True)
class Ranking:
    """The units of one level with a value for one period, in order."""

    indicator: str
    level: Level
    period: str
    end: dt.date  # the period's last day, for ordering periods
    order: Order
    entries: tuple[Entry, ...]  # in order, best (or largest) first; ties by unit id
    bounds: tuple[Entry, ...]  # values for this period given as bounds: not ranked


@dataclass(frozen=True)
class LevelRankings:
    """An indicator's rankings at one level, the latest period first, and what stands apart."""

    level: Level
    order: Order
    rankings: tuple[Ranking, ...]
    apart: tuple[tuple[Apart, Entry], ...]  # values with nothing to stand beside, by period then unit


def order_of(indicator: Indicator) -> Order:
    """Whether an indicator's values are ranked, or only ordered (see the module's docstring)."""
    if indicator.unit not in PERFORMANCE_UNITS:
        return Order.by_size
    if indicator.higher_is_better is None:
        return Order.by_value
    return Order.ranked


def _sort_key(indicator: Indicator, value: float) -> float:
    """Ascending key that puts the best first: lower first only when lower is better."""
    return value if indicator.higher_is_better is False and order_of(indicator) is Order.ranked else -value


def _previous(points: tuple[Point, ...]) -> dict[int, Point]:
    """Each point's predecessor in its run of comparable periods, by the point's identity (a
    national corpus ranks some 300,000 points: comparing whole figures for equality was half the
    compute stage)."""
    return {id(p): run[i - 1] for run in comparable_runs(points) for i, p in enumerate(run) if i}


def _level_rankings(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]], indicator: Indicator,
                    level: Level, uids: list[str]) -> LevelRankings | None:
    iid = indicator.id
    order = order_of(indicator)
    lower_first = _sort_key(indicator, 1.0) > 0  # _sort_key's choice, made once for 300,000 points

    def sort_key(value: float) -> float:
        return value if lower_first else -value
    by_period: dict[str, list[tuple[str, Point]]] = defaultdict(list)
    for uid in uids:
        for p in series[uid].get(iid, ()):
            by_period[p.period].append((uid, p))
    if not by_period:
        return None
    ranks: dict[tuple[str, str], int] = {}  # (period, unit) -> rank, to say how a unit moved
    placed: dict[str, tuple[list[tuple[str, Point]], list[tuple[str, Point]]]] = {}
    apart_points: list[tuple[Apart, str, Point]] = []
    for period, items in by_period.items():
        values = [(u, p) for u, p in items if not p.qualifier.bound]
        bounds = [(u, p) for u, p in items if p.qualifier.bound]
        if not comparable(period, period):
            apart_points += [(Apart.running, u, p) for u, p in items]
            continue
        if len(values) < 2:
            apart_points += [(Apart.bound if p.qualifier.bound else Apart.alone, u, p) for u, p in items]
            continue
        values.sort(key=lambda up: (sort_key(up[1].value), up[0]))
        placed[period] = (values, sorted(bounds))
        if order is Order.ranked:
            keys = [sort_key(p.value) for _, p in values]
            for (u, _), key in zip(values, keys):
                ranks[(period, u)] = rank_among(keys, key)

    before_of: dict[str, dict[int, Point]] = {}

    def entry(uid: str, p: Point, ranked: bool) -> Entry:
        if uid not in before_of:
            before_of[uid] = _previous(series[uid][iid])
        prev = before_of[uid].get(id(p))
        qualifier = combine(p.qualifier, prev.qualifier) if prev else None
        change = p.value - prev.value if prev and qualifier is not None else None
        rank = ranks.get((p.period, uid)) if ranked else None
        before = ranks.get((prev.period, uid)) if prev and rank is not None else None
        return Entry(uid, p, rank, prev, change, qualifier if change is not None else None,
                     before - rank if before is not None and rank is not None else None)

    rankings = []
    for period, (values, bounds) in placed.items():
        end = max(p.figure.period_end for _, p in values)
        rankings.append(Ranking(iid, level, period, end, order,
                                tuple(entry(u, p, True) for u, p in values),
                                tuple(entry(u, p, False) for u, p in bounds)))
    rankings.sort(key=lambda r: (r.end, r.period), reverse=True)
    apart_points.sort(key=lambda a: (a[2].figure.period_end, a[2].period, a[1]), reverse=True)
    apart = tuple((why, entry(u, p, False)) for why, u, p in apart_points)
    return LevelRankings(level, order, tuple(rankings), apart)


def indicator_rankings(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]], iid: str) -> tuple[LevelRankings, ...]:
    """One indicator's rankings, level by level (province, district, commune, office, party);
    a level none of whose units has a value for the indicator is left out."""
    indicator = corpus.indicators[iid]
    by_level: dict[Level, list[str]] = defaultdict(list)
    for uid in sorted(series):
        unit = corpus.units.get(uid)
        if unit is not None and iid in series[uid]:
            by_level[unit.level].append(uid)
    out = []
    for level in LEVEL_ORDER:
        found = _level_rankings(corpus, series, indicator, level, by_level[level]) if by_level[level] else None
        if found is not None:
            out.append(found)
    return tuple(out)


def rankings(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]]) -> dict[str, tuple[LevelRankings, ...]]:
    """Every indicator's rankings (indicators without values have none)."""
    return {iid: found for iid in corpus.indicators if (found := indicator_rankings(corpus, series, iid))}
