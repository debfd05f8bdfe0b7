"""What an indicator page's "Rankings" section shows (compute.rankings), cut to a phone's page.

Per level: the latest period's ranking as a table (at most RANK_ROWS rows), each earlier period
in a closed <details> with at most EARLIER_ROWS rows, and the values that stand apart with why.
Each cut table says how many rows it shows and links the CSV that has every row
(downloads/indicators/<id>.rankings.csv). The words are formatted here; the template prints them.
"""
from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.rankings import Apart, Entry, LevelRankings, Order, Ranking
from site_builder.compute.series import Point
from site_builder.content.corpus import Corpus
from site_builder.content.model import Level
from site_builder.publish.lang import Lang

# A commune ranking of the whole country has 3,321 rows. At about 400 bytes a row, the latest
# period's 30 and the first 5 of each of ten earlier periods, for provinces and communes, add
# some 75 KB to an indicator page of the national corpus (dossiers-received: 135 KB of Markdown
# before, 210 KB after), under the 300 KB any page may weigh (issue 19) with room for the charts.
RANK_ROWS = 30
EARLIER_ROWS = 5
APART_ROWS = 20
EARLIER_PERIODS = 10


@dataclass(frozen=True)
class RankRow:
    """One line of a ranking table, its words formatted."""

    rank: str  # "" when the list is not ranked
    unit: str
    point: Point
    change: str  # "+2,5 điểm %" / "−120"; "" when there is no previous comparable value
    change_sort: str  # the change as a number for sorting, "" when none
    change_title: str  # "since 2022 (70%)"
    moved: str  # "▲ 2" / "▼ 1" / "", places moved since the previous period
    moved_words: str  # the same in words for screen readers and tooltips
    apart: str  # why it is listed apart, "" in the order


@dataclass(frozen=True)
class RankTable:
    period: str
    sentence: str  # "3.321 xã có số liệu năm 2023"
    rows: tuple[RankRow, ...]
    shown_note: str  # "50 of 3,321 shown; the CSV has all", or ""
    bounds: tuple[RankRow, ...]


@dataclass(frozen=True)
class LevelView:
    level: Level
    heading: str
    ranked: bool
    order_note: str  # how the list is ordered and why (no rank for a count)
    latest: RankTable | None
    earlier: tuple[RankTable, ...]
    more_periods: str  # "and 4 earlier periods, in the CSV", or ""
    apart: tuple[RankRow, ...]
    apart_note: str


def _signed(L: Lang, value: float, unit: str) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    magnitude = abs(round(value, 2))
    if unit in ("percent", "percent_of_plan"):
        return L.t("rank.points").replace("{value}", sign + L.num(magnitude))
    return sign + L.q(magnitude, unit)


def _row(L: Lang, corpus: Corpus, unit: str, e: Entry, apart: str = "") -> RankRow:
    change = change_title = moved = moved_words = ""
    if e.change is not None and e.previous is not None:
        change = _signed(L, e.change, unit)
        change_title = L.t("rank.since").replace("{period}", L.period(e.previous.period)).replace(
            "{value}", L.q(e.previous.value, unit))
    if e.rank_change:
        moved = ("▲ " if e.rank_change > 0 else "▼ ") + L.num(abs(e.rank_change))
        moved_words = L.t("rank.up" if e.rank_change > 0 else "rank.down").replace("{n}", L.num(abs(e.rank_change)))
    return RankRow("" if e.rank is None else L.num(e.rank), e.unit, e.point, change,
                   "" if e.change is None else repr(round(e.change, 6)), change_title, moved, moved_words, apart)


def in_sentence(L: Lang, period: str) -> str:
    """A period's label inside a sentence: "năm 2023", "quý III/2021" (Vietnamese labels open
    with a capital as headings; English ones keep theirs: "September 2021")."""
    label = L.period(period)
    return label[:1].lower() + label[1:] if L.code == "vi" else label


def _why(L: Lang, level: Level, why: Apart, period: str) -> str:
    return (L.t(f"rank.apart.{why.value}").replace("{level}", L.t(f"rank.one.{level.value}"))
            .replace("{period}", in_sentence(L, period)))


def _table(L: Lang, corpus: Corpus, unit: str, level: Level, r: Ranking, limit: int) -> RankTable:
    count = len(r.entries)
    sentence = (L.t("rank.count").replace("{n}", L.num(count)).replace("{level}", L.t(f"rank.level.{level.value}"))
                .replace("{period}", in_sentence(L, r.period)))
    shown = r.entries[:limit]
    note = L.t("rank.shown").replace("{n}", L.num(len(shown))).replace("{total}", L.num(count)) if count > limit else ""
    return RankTable(r.period, sentence, tuple(_row(L, corpus, unit, e) for e in shown), note,
                     tuple(_row(L, corpus, unit, e, _why(L, level, Apart.bound, r.period)) for e in r.bounds))


def level_views(L: Lang, corpus: Corpus, iid: str, levels: tuple[LevelRankings, ...]) -> tuple[LevelView, ...]:
    """The Rankings section of one indicator's page, level by level."""
    unit = corpus.indicators[iid].unit.value
    out = []
    for lr in levels:
        ranked = lr.order is Order.ranked
        if ranked:
            note = L.t("rank.order.lower" if corpus.indicators[iid].higher_is_better is False else "rank.order.higher")
        else:
            note = L.t(f"rank.order.{lr.order.value}")
        if not lr.rankings:
            note = L.t("rank.none").replace("{level}", L.t(f"rank.level.{lr.level.value}"))
        latest = _table(L, corpus, unit, lr.level, lr.rankings[0], RANK_ROWS) if lr.rankings else None
        earlier = tuple(_table(L, corpus, unit, lr.level, r, EARLIER_ROWS) for r in lr.rankings[1:1 + EARLIER_PERIODS])
        rest = len(lr.rankings) - 1 - len(earlier)
        more = L.t("rank.more_periods").replace("{n}", L.num(rest)) if rest > 0 else ""
        apart = tuple(_row(L, corpus, unit, e, _why(L, lr.level, why, e.point.period)) for why, e in lr.apart[:APART_ROWS])
        apart_note = (L.t("rank.shown").replace("{n}", L.num(len(apart))).replace("{total}", L.num(len(lr.apart)))
                      if len(lr.apart) > APART_ROWS else "")
        out.append(LevelView(lr.level, L.t(f"level.{lr.level.value}"), ranked, note, latest, earlier, more, apart, apart_note))
    return tuple(out)

