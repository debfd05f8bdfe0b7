"""Rankings (compute.rankings): order and ranks follow the data and the indicator's direction;
ties share a rank; bounds, lone periods and running totals stand apart; changes and moves are
against the same unit's previous comparable period."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from site_builder.compute.derive import Computed, compute
from site_builder.compute.rankings import Apart, LevelRankings, Order, Ranking
from site_builder.content.corpus import Corpus
from site_builder.content.model import Level
from site_builder.content.periods import comparable
from site_builder.content.validate import validate
from site_builder.exports.rankings_csv import rankings_csv
from tests.site_builder.conftest import RANKING_ROWS as ROWS

ROOT = Path(__file__).resolve().parents[3]


def level(computed: Computed, iid: str, lv: Level) -> LevelRankings:
    return next(r for r in computed.rankings[iid] if r.level is lv)


def ranking(computed: Computed, iid: str, lv: Level, period: str) -> Ranking:
    return next(r for r in level(computed, iid, lv).rankings if r.period == period)


def test_lower_is_better_ranks_the_lowest_first_and_ties_share_a_rank(communes: tuple[Corpus, Computed]) -> None:
    _, computed = communes
    r = ranking(computed, "share-late", Level.commune, "2021")
    assert r.order is Order.ranked
    assert [(e.unit, e.point.value, e.rank) for e in r.entries] == [("xa-2", 3, 1), ("xa-3", 3, 1), ("xa-1", 5, 3), ("xa-4", 8, 4)]
    assert [e.unit for e in r.entries if e.marked] == ["xa-3"]  # approximate: ranked, and marked


def test_a_bound_is_listed_beside_the_ranking_not_in_it(communes: tuple[Corpus, Computed]) -> None:
    _, computed = communes
    r = ranking(computed, "share-late", Level.commune, "2021")
    assert [e.unit for e in r.bounds] == ["xa-5"] and all(e.rank is None for e in r.bounds)
    assert "xa-5" not in {e.unit for e in r.entries}


def test_change_and_move_are_against_the_previous_comparable_period(communes: tuple[Corpus, Computed]) -> None:
    _, computed = communes
    by_unit = {e.unit: e for e in ranking(computed, "share-late", Level.commune, "2021").entries}
    # 2020: xa-3 (3) first, xa-1 (4) second, xa-2 (6) third
    assert (by_unit["xa-1"].change, by_unit["xa-1"].previous.period if by_unit["xa-1"].previous else None) == (1, "2020")
    assert by_unit["xa-1"].rank_change == -1  # 2nd -> 3rd
    assert by_unit["xa-2"].change == -3 and by_unit["xa-2"].rank_change == 2  # 3rd -> 1st
    assert by_unit["xa-3"].change == 0 and by_unit["xa-3"].rank_change == 0
    assert by_unit["xa-4"].change is None and by_unit["xa-4"].rank_change is None  # no 2020 value: the quarter is no previous year


def test_periods_no_other_unit_shares_and_running_totals_stand_apart(communes: tuple[Corpus, Computed]) -> None:
    _, computed = communes
    lv = level(computed, "share-late", Level.commune)
    assert [r.period for r in lv.rankings] == ["2021", "2020"]  # the latest first; the quarter and the running totals rank nothing
    apart = {(why, e.unit, e.point.period) for why, e in lv.apart}
    assert apart == {(Apart.alone, "xa-4", "2021-Q3"), (Apart.running, "xa-1", "../2021-09-30"), (Apart.running, "xa-2", "../2021-09-30")}


def test_counts_are_ordered_by_size_and_an_indicator_without_direction_by_value_without_ranks(communes: tuple[Corpus, Computed]) -> None:
    _, computed = communes
    counts = ranking(computed, "dossiers-received", Level.commune, "2021")
    assert counts.order is Order.by_size
    assert [(e.unit, e.rank) for e in counts.entries] == [("xa-2", None), ("xa-1", None)]
    score = ranking(computed, "survey-score", Level.commune, "2021")
    assert score.order is Order.by_value and [(e.unit, e.rank) for e in score.entries] == [("xa-2", None), ("xa-1", None)]
    # levels never mix: the district's count stands alone at its own level
    district = level(computed, "dossiers-received", Level.district)
    assert not district.rankings and {e.unit for _, e in district.apart} == {"huyen-b"}


def test_the_csv_holds_every_ranked_and_every_apart_value(communes: tuple[Corpus, Computed]) -> None:
    corpus, computed = communes
    rows = list(csv.DictReader(io.StringIO(rankings_csv(corpus, computed.rankings["share-late"]))))
    assert len(rows) == sum(1 for r in ROWS if r[1] == "share-late")
    first = [(r["unit"], r["rank"]) for r in rows if r["period"] == "2021" and not r["listed_apart"]]
    assert first == [("xa-2", "1"), ("xa-3", "1"), ("xa-1", "3"), ("xa-4", "4")]
    assert {r["unit"]: r["listed_apart"] for r in rows if r["listed_apart"]} == {"xa-5": "bound", "xa-4": "alone", "xa-1": "running", "xa-2": "running"}
    assert rankings_csv(corpus, computed.rankings["share-late"]) == rankings_csv(corpus, compute(corpus).rankings["share-late"])


# --------------------------------------------------------------------------- the shipped content


@pytest.fixture(scope="module")
def shipped() -> tuple[Corpus, Computed]:
    corpus, findings = validate(ROOT)
    assert corpus is not None
    return corpus, compute(corpus)


def test_shipped_rankings_follow_the_data(shipped: tuple[Corpus, Computed]) -> None:
    """Every value of a unit's series is in exactly one place: a ranking of its level and period,
    beside it as a bound, or apart; a ranking's values are in order and its ranks follow them."""
    corpus, computed = shipped
    for iid, levels in computed.rankings.items():
        ind = corpus.indicators[iid]
        for lv in levels:
            placed = []
            for r in lv.rankings:
                assert len(r.entries) >= 2 and comparable(r.period, r.period)
                assert all(e.point.period == r.period and corpus.units[e.unit].level is lv.level for e in r.entries + r.bounds)
                values = [e.point.value for e in r.entries]
                lower_first = ind.higher_is_better is False and r.order is Order.ranked
                assert values == sorted(values, reverse=not lower_first)
                if r.order is Order.ranked:
                    better = (lambda a, b: a < b) if lower_first else (lambda a, b: a > b)
                    assert [e.rank for e in r.entries] == [1 + sum(better(v, e.point.value) for v in values) for e in r.entries]
                assert not any(e.point.qualifier.bound for e in r.entries)
                placed += [(e.unit, e.point.period) for e in r.entries + r.bounds]
            placed += [(e.unit, e.point.period) for _, e in lv.apart]
            expected = [(uid, p.period) for uid, by in computed.series.items() if uid in corpus.units
                        and corpus.units[uid].level is lv.level for p in by.get(iid, ())]
            assert sorted(placed) == sorted(expected)
