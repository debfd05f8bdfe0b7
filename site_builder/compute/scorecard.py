"""A unit's scorecard: the few figures its page opens with, each with what it means over time
and among its peers.

Input: the corpus and its series (compute.derive). Output: per unit, up to SCORECARD_SIZE cards.
A card holds the latest value of one indicator, the value before it in the same run of
comparable periods (a year after a year, a quarter after a quarter: never a quarter after a
year), and, where units of the same level in the same province give a value for the very same
period, its place among them. The page turns a card into a sentence (publish.story); what the
documents do not give (a previous period, a peer) the card does not hold, and the sentence does
not say.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.compute.series import HEADLINE, Point, comparable_runs, rank_among, when
from site_builder.content.corpus import Corpus
from site_builder.content.model import Indicator, Level, Topic
from site_builder.content.qualifiers import Qualifier, combine

SCORECARD_SIZE = 6
# After the headline, the figures a citizen asks about next (how many were settled, late,
# online, digitised, complained about); then any other, by topic.
NEXT = ("dossiers-resolved", "share-late", "dossiers-received-online", "dossiers-resolved-online", "share-early",
        "digitisation-share", "feedback-received", "feedback-resolved")
LEADING = HEADLINE + NEXT
TOPIC_ORDER = tuple(Topic)
# Units compared with their peers: the levels at which a province has many units of a kind.
PEER_LEVELS = frozenset({Level.district, Level.commune})


@dataclass(frozen=True)
class Peers:
    """Where a value stands among the units of the same level and province with a value for the
    same period: `rank` 1 is the highest value (whether that is good, the indicator says)."""

    rank: int
    count: int  # units with a value for the period, this one included
    level: Level
    province: str  # the top-level unit they share


@dataclass(frozen=True)
class Change:
    """A value and the one before it in the same run of comparable periods."""

    latest: Point
    previous: Point
    change: float  # latest - previous, in the indicator's unit (percentage points for a percent)
    relative: float | None  # the change in percent of `previous`, for counts and amounts
    qualifier: Qualifier  # approximate or estimated when either value is


@dataclass(frozen=True)
class Card:
    """One headline figure of a unit."""

    indicator: str
    latest: Point
    change: Change | None  # since the period before `latest`, when the documents give one comparable
    trend: Change | None  # when they do not: the last change within the longest comparable run
    peers: Peers | None


RELATIVE_UNITS = frozenset({"count", "vnd", "million_vnd", "days"})


def _order(indicator: Indicator, points: tuple[Point, ...]) -> tuple[int, int, int, str]:
    """Headline indicators first (in HEADLINE's order), then NEXT, then by topic and the longest series."""
    headline = LEADING.index(indicator.id) if indicator.id in LEADING else len(LEADING)
    return (headline, TOPIC_ORDER.index(indicator.topic), -len(points), indicator.id)


def _change(iid: str, unit: str, run: tuple[Point, ...], latest: Point) -> Change | None:
    """`latest` against the point before it in `run`; none across a bound ("more than 80" then
    75 is no change of 5)."""
    i = run.index(latest)
    if i == 0:
        return None
    previous = run[i - 1]
    qualifier = combine(latest.qualifier, previous.qualifier)
    if qualifier is None:
        return None
    change = latest.value - previous.value
    relative = change / previous.value * 100 if unit in RELATIVE_UNITS and previous.value else None
    return Change(latest, previous, change, relative, qualifier)


def top_unit(corpus: Corpus, uid: str) -> str:
    """The province a unit lies in (itself for a province)."""
    above = corpus.ancestors(uid)
    return above[0].id if above else uid


PeerKey = tuple[str, str, Level, str]  # indicator, period code, level, province


def peer_index(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]]) -> dict[PeerKey, list[float]]:
    """Every comparable value by indicator, period and level within a province, negated and in
    ascending order (the highest value first), so that a rank is one bisection."""
    index: dict[PeerKey, list[float]] = defaultdict(list)
    for uid, by_indicator in series.items():
        unit = corpus.units.get(uid)
        if unit is None or unit.level not in PEER_LEVELS:
            continue
        province = top_unit(corpus, uid)
        for iid, points in by_indicator.items():
            for p in points:
                if not p.qualifier.bound:
                    index[(iid, p.period, unit.level, province)].append(-p.value)
    for values in index.values():
        values.sort()
    return dict(index)


def _peers(corpus: Corpus, index: dict[PeerKey, list[float]], uid: str, iid: str, point: Point) -> Peers | None:
    unit = corpus.units[uid]
    if unit.level not in PEER_LEVELS or point.qualifier.bound:
        return None
    province = top_unit(corpus, uid)
    values = index.get((iid, point.period, unit.level, province), [])
    if len(values) < 2:
        return None
    rank = rank_among(values, -point.value)  # the highest first
    return Peers(rank, len(values), unit.level, province)


def card(corpus: Corpus, index: dict[PeerKey, list[float]], uid: str, iid: str, points: tuple[Point, ...]) -> Card:
    latest = max(points, key=lambda p: when(p.figure))
    unit = corpus.indicators[iid].unit.value
    runs = comparable_runs(points)
    own = next(r for r in runs if latest in r)
    change = _change(iid, unit, own, latest)
    trend = None
    if change is None:
        # the latest period stands alone (three months of 2020 after five full years): the
        # years still tell how it went, and the sentence names their periods
        longest = max((r for r in runs if len(r) >= 2), key=lambda r: (len(r), when(r[-1].figure)), default=None)
        if longest is not None:
            trend = _change(iid, unit, longest, longest[-1])
    return Card(iid, latest, change, trend, _peers(corpus, index, uid, iid, latest))


def scorecard(corpus: Corpus, series: dict[str, tuple[Point, ...]], uid: str,
              index: dict[PeerKey, list[float]]) -> tuple[Card, ...]:
    """A unit's cards: the headline indicators it has figures for, then its other indicators by
    topic, up to SCORECARD_SIZE. `series` is the unit's (indicator -> points, totals only)."""
    chosen = sorted((iid for iid, pts in series.items() if pts), key=lambda i: _order(corpus.indicators[i], series[i]))
    return tuple(card(corpus, index, uid, iid, series[iid]) for iid in chosen[:SCORECARD_SIZE])


def scorecards(corpus: Corpus, series: dict[str, dict[str, tuple[Point, ...]]]) -> dict[str, tuple[Card, ...]]:
    """Every unit's scorecard (units without figures of their own have none)."""
    index = peer_index(corpus, series)
    return {uid: cards for uid in corpus.units if (cards := scorecard(corpus, series.get(uid, {}), uid, index))}
