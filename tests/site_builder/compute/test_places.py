"""Scorecards, roll-ups and topic sections (compute.scorecard, compute.rollup, compute.topics) on a
small province (tests/site_builder/conftest.py: `province`)."""
from __future__ import annotations

import pytest

from site_builder.compute.derive import Computed
from site_builder.compute.topics import topic_sections
from site_builder.content.corpus import Corpus
from site_builder.content.model import Level, Topic
from site_builder.content.qualifiers import Qualifier

def test_a_scorecard_says_the_change_from_the_previous_comparable_period(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    card = next(c for c in computed.scorecards["xa-1"] if c.indicator == "dossiers-received")
    assert (card.latest.period, card.latest.value) == ("2021", 100)  # the first statement of 2021
    assert card.change is not None and card.change.previous.period == "2020"
    assert card.change.change == 20 and card.change.relative == pytest.approx(25.0)
    assert card.trend is None


def test_headline_indicators_lead_the_scorecard(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    # share-online is recomputed (30 of 100) and comes second, as in HEADLINE; then NEXT, then by topic
    assert [c.indicator for c in computed.scorecards["xa-1"]] == ["dossiers-received", "share-online", "dossiers-received-online", "dossiers-pending"]


def test_peers_are_units_of_the_same_level_and_province_with_the_same_period(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    peers = {uid: next(c for c in computed.scorecards[uid] if c.indicator == "dossiers-received").peers for uid in ("xa-1", "xa-2", "xa-3", "xa-4")}
    assert peers["xa-2"] is not None and (peers["xa-2"].rank, peers["xa-2"].count, peers["xa-2"].level) == (1, 3, Level.commune)
    assert peers["xa-1"] is not None and peers["xa-1"].rank == 2
    assert peers["xa-3"] is not None and peers["xa-3"].rank == 3
    assert peers["xa-4"] is None  # a quarter is not compared with years


def test_a_bound_has_no_peers_and_no_change(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    card = next(c for c in computed.scorecards["xa-2"] if c.indicator == "dossiers-received-online")
    assert card.latest.qualifier is Qualifier.more_than and card.peers is None and card.change is None


def test_a_province_adds_up_its_communes_only_for_additive_indicators_and_the_same_period(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    rollup = computed.rollups["tinh-a"]
    sums = {(s.level, s.indicator): s for s in rollup.sums}
    received = sums[(Level.commune, "dossiers-received")]
    # 100 + 250 + 40 for 2021; the office's 5,000 and xa-4's quarter are not added, and that
    # quarter, later but given by one commune of four, does not hide the year three give
    assert (received.period, received.value, received.total) == ("2021", 390, 4)
    assert [u for u, _ in received.parts] == ["xa-1", "xa-2", "xa-3"]
    assert received.qualifier is Qualifier.approx  # one commune's figure is approximate
    assert (Level.commune, "dossiers-pending") not in sums  # a stock is never added up
    assert (Level.commune, "dossiers-received-online") not in sums  # "more than 50" makes no sum
    assert not any(s.level is Level.office for s in rollup.sums)


def test_coverage_counts_units_of_each_level_that_reported(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    coverage = {c.level: (c.reporting, c.total) for c in computed.rollups["tinh-a"].coverage}
    assert coverage == {Level.district: (1, 2), Level.commune: (4, 4)}  # huyen-b has the minimal report
    assert {c.level: (c.reporting, c.total) for c in computed.rollups["huyen-c"].coverage} == {Level.commune: (2, 2)}


def test_a_rollup_lists_every_report_below_and_the_units_with_data(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    rollup = computed.rollups["tinh-a"]
    assert set(rollup.reports) == {"bc-2021", "bc-xa"}
    assert [b.unit for b in rollup.units] == ["huyen-b", "xa-1", "xa-2", "xa-3", "xa-4", "vp-a"]
    assert rollup.columns[0] == "dossiers-received"
    xa2 = next(b for b in rollup.units if b.unit == "xa-2")
    assert xa2.values[0] is not None and xa2.values[0].value == 250 and xa2.reports == 1


def test_predecessors_come_from_the_successor_field(province: tuple[Corpus, Computed]) -> None:
    _, computed = province
    assert computed.predecessors["tinh-a"] == ("tinh-cu",)


def test_topic_sections_keep_only_their_periods_and_number_conflicts(province: tuple[Corpus, Computed]) -> None:
    corpus, computed = province
    sections = topic_sections(corpus, computed.figures_by_unit["xa-1"], "xa-1")
    assert [s.topic for s in sections] == [Topic.dossiers, Topic.online]
    dossiers = sections[0]
    assert dossiers.grid.periods == ("2020", "2021")
    assert [c.number for c in dossiers.conflicts] == [1]
    conflict = dossiers.conflicts[0]
    assert (conflict.indicator, conflict.period, [f.value for f in conflict.figures]) == ("dossiers-received", "2021", [100, 101])
    assert dossiers.conflict_of == {"bc-xa-001": 1, "bc-xa-011": 1}
    assert sections[1].grid.periods == ("2021",)
    assert dossiers.row_ids == ("row-dossiers-received", "row-dossiers-pending")  # a search hit lands on its row
    assert topic_sections(corpus, computed.figures_by_unit["xa-1"], "tinh-a")[0].row_ids[0] == "row-dossiers-received--xa-1"
