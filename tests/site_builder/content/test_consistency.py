"""content/consistency.py: the identities the catalogue declares, checked on figures, with rounding apart."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.consistency import CONTRADICTION, ROUNDING, Fact, Finding, check, half_unit, relations
from site_builder.content.model import Dimension, Indicator
from site_builder.content.validate import facts, validate
from tests.conftest import ROOT


def indicator(iid: str, unit: str = "count", **extra: object) -> Indicator:
    return Indicator.model_validate({"id": iid, "name": {"vi": iid, "en": iid}, "definition": {"vi": iid, "en": iid}, "unit": unit,
                                     "field": "procedures", "topic": "dossiers", **extra})


def named(vi: str) -> dict[str, str]:
    return {"vi": vi, "en": vi}


# A catalogue like the shipped one: resolved = early + on time + late, or on time (early included)
# + late where early is not given apart; each part's share of resolved; online at most received.
CATALOGUE = {i.id: i for i in [
    indicator("received", identities=[{"name": named("parts"), "parts": True}]),
    indicator("online", identities=[{"name": named("online ≤ received"), "at_most": "received"}]),
    indicator("resolved", identities=[
        {"name": named("early + on time + late = resolved"), "sum": ["early", "on-time", "late"]},
        {"name": named("on time + late = resolved"), "sum": ["on-time", "late"], "unless": ["early"]},
    ]),
    indicator("early"), indicator("on-time"), indicator("late"),
    indicator("share-early", "percent", formula={"numerator": "early", "denominator": "resolved"}),
    indicator("share-on-time", "percent", formula={"numerator": "on-time", "denominator": "resolved"}),
    indicator("share-late", "percent", formula={"numerator": "late", "denominator": "resolved"}),
]}
RELATIONS = relations(CATALOGUE)
LEVEL = Dimension.model_validate({"id": "level", "name": named("cấp"), "values": [{"id": "district", "name": named("huyện")}, {"id": "commune", "name": named("xã")}]})
ROUTE = Dimension.model_validate({"id": "route", "name": named("đường"), "overlapping": True,
                                  "values": [{"id": "all", "name": named("tất cả")}, {"id": "part", "name": named("một phần")}]})


def fact(n: int, ind: str, printed: str, breakdown: str = "", flag: str = "", period: str = "2021") -> Fact:
    return Fact(f"r-{n:03d}", "huyen-b", ind, period, breakdown, float(printed), printed, flag)


def run(*rows: Fact) -> list[Finding]:
    return check(rows, RELATIONS, CATALOGUE, {"level": LEVEL, "route": ROUTE})


def test_half_a_unit_of_the_last_printed_digit_and_whole_counts_exact() -> None:
    assert half_unit("77.3", "percent") == pytest.approx(0.05)
    assert half_unit("15.02", "percent") == pytest.approx(0.005)
    assert half_unit("98", "percent") == pytest.approx(0.5)
    assert half_unit("1868", "count") == 0.0
    assert half_unit("1234.5", "million_vnd") == pytest.approx(0.05)


def test_the_newspaper_draft_on_time_plus_late_is_not_resolved_and_its_share_was_divided_by_received() -> None:
    # what the issue found in a provincial newspaper's district report: 14.283 on time (early
    # included), 26 late, 14.322 resolved, 14.570 received, and "98,03%" on time
    found = run(fact(1, "received", "14570"), fact(2, "resolved", "14322"), fact(3, "on-time", "14283"), fact(4, "late", "26"),
                fact(5, "share-on-time", "98.03"))
    kinds = {(f.kind, f.severity) for f in found}
    assert kinds == {("sum", CONTRADICTION), ("share", CONTRADICTION)}
    total = next(f for f in found if f.kind == "sum")
    assert total.detail == "14283 (on-time) + 26 (late) = 14309 ≠ 14322 (resolved)"
    assert {r.id for r in total.rows} == {"r-002", "r-003", "r-004"}
    assert total.relation is not None and total.relation.name.vi == "on time + late = resolved"
    share = next(f for f in found if f.kind == "share")
    assert share.detail == "14283 ÷ 14322 × 100 = 99.7277, published 98.03"
    assert share.rows[0].id == "r-005" and share.flag == "inconsistent"


def test_shares_that_add_to_99_9_are_rounding_when_their_counts_add_up() -> None:
    # Đắk Nông, third quarter of 2021: 1.713 + 5.962 + 33 = 7.708, shares 22,2 + 77,3 + 0,4 = 99,9
    counts = [fact(1, "resolved", "7708"), fact(2, "early", "1713"), fact(3, "on-time", "5962"), fact(4, "late", "33")]
    shares = [fact(5, "share-early", "22.2"), fact(6, "share-on-time", "77.3"), fact(7, "share-late", "0.4")]
    found = run(*counts, *shares)
    assert [(f.kind, f.severity, f.flag) for f in found] == [("shares", ROUNDING, "rounding")]
    assert found[0].detail == "22.2 (share-early) + 77.3 (share-on-time) + 0.4 (share-late) = 99.9, not 100"
    assert found[0].relation is not None and found[0].relation.name.vi == "share-early + share-on-time + share-late = 100%"
    # 99.7 is not rounding: three half-units of 0.05 explain at most 0.15
    found = run(*counts, *shares[:2], fact(7, "share-late", "0.2"))
    assert {(f.kind, f.severity) for f in found} == {("shares", CONTRADICTION), ("share", CONTRADICTION)}


def test_a_flag_silences_what_it_explains_and_only_that() -> None:
    rows = [fact(1, "resolved", "2700"), fact(2, "on-time", "2717")]
    (found,) = run(*rows)
    assert found.detail == "2717 (on-time) > 2700 (resolved)" and not found.silenced
    (found,) = run(rows[0], fact(2, "on-time", "2717", flag="inconsistent"))
    assert found.silenced
    (found,) = run(rows[0], fact(2, "on-time", "2717", flag="rounding"))
    assert not found.silenced, "a rounding flag does not excuse a contradiction"


def test_early_given_apart_replaces_on_time_plus_late() -> None:
    assert run(fact(1, "resolved", "100"), fact(2, "early", "10"), fact(3, "on-time", "85"), fact(4, "late", "5")) == []
    (found,) = run(fact(1, "resolved", "100"), fact(2, "early", "10"), fact(3, "on-time", "90"), fact(4, "late", "5"))
    assert found.detail == "10 (early) + 90 (on-time) + 5 (late) = 105 ≠ 100 (resolved)"


def test_the_same_figure_twice() -> None:
    (found,) = run(fact(1, "received", "6184"), fact(2, "received", "6174"), fact(3, "received", "6174"))
    assert (found.kind, found.severity) == ("duplicate", CONTRADICTION)
    assert found.detail == "6184 (r-001) vs 6174 (r-002)" and {r.id for r in found.rows} == {"r-001", "r-002", "r-003"}
    (found,) = run(fact(1, "share-late", "0.4"), fact(2, "share-late", "0.43"))
    assert found.severity == ROUNDING
    assert run(fact(1, "received", "7"), fact(2, "received", "7")) == []
    assert run(fact(1, "received", "7"), fact(2, "received", "8", period="2022")) == [], "another period is another figure"


def test_a_duplicate_that_agrees_with_the_identity_keeps_the_identity_quiet() -> None:
    # the total is given twice (6174 and 6184); one of them makes the sum hold: the identity
    # has nothing to say, the duplicate is reported once, on its own
    found = run(fact(1, "resolved", "6174"), fact(2, "resolved", "6184"), fact(3, "on-time", "6160"), fact(4, "late", "14"))
    assert [f.kind for f in found] == ["duplicate"]


def test_parts_of_a_breakdown() -> None:
    assert run(fact(1, "received", "100"), fact(2, "received", "60", "level=district"), fact(3, "received", "40", "level=commune")) == []
    (found,) = run(fact(1, "received", "100"), fact(2, "received", "60", "level=district"), fact(3, "received", "41", "level=commune"))
    assert found.detail == "41 (level=commune) + 60 (level=district) = 101 > 100 (total)"
    (found,) = run(fact(1, "received", "100"), fact(2, "received", "160", "level=district"))
    assert found.detail == "160 (level=district) > 100 (total)"
    # the values of an overlapping dimension are not added up; each is still at most the total
    assert run(fact(1, "received", "100"), fact(2, "received", "90", "route=all"), fact(3, "received", "60", "route=part")) == []
    # an indicator that does not declare parts is not checked
    assert run(fact(1, "online", "100"), fact(2, "online", "160", "level=district")) == []


def test_several_breakdowns_compare_with_the_breakdown_one_dimension_coarser() -> None:
    rows = [fact(1, "received", "50", "level=district"), fact(2, "received", "30", "level=district;route=all"),
            fact(3, "received", "70", "level=district;route=part")]
    (found,) = run(*rows)
    assert found.detail == "70 (level=district;route=part) > 50 (level=district)"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 2_000_000), min_size=3, max_size=3).filter(lambda xs: sum(xs) > 0), st.integers(0, 3))
def test_published_rounding_is_never_a_contradiction(counts: list[int], decimals: int) -> None:
    """Counts that add up, and shares printed to any number of decimals the way a report rounds
    them: nothing is a contradiction, and a rounding finding only where the printed shares miss 100."""
    early, on_time, late = counts
    resolved = sum(counts)
    rows = [fact(1, "resolved", str(resolved)), fact(2, "early", str(early)), fact(3, "on-time", str(on_time)), fact(4, "late", str(late))]
    for n, (ind, part) in enumerate((("share-early", early), ("share-on-time", on_time), ("share-late", late)), start=5):
        rows.append(fact(n, ind, f"{part / resolved * 100:.{decimals}f}"))
    found = run(*rows)
    assert all(f.severity == ROUNDING and f.kind == "shares" for f in found), found
    printed_total = sum(float(r.printed) for r in rows[4:])
    assert bool(found) == (abs(printed_total - 100) > 1e-9)


def test_the_shipped_documents_flag_every_finding_and_rounding_is_flagged_rounding() -> None:
    corpus, findings = validate(ROOT)
    assert corpus is not None and findings.ok(strict=True), [p.text() for p in findings.sorted()]
    found = check(facts(list(corpus.figures)), relations(corpus.indicators), corpus.indicators, corpus.breakdowns)
    assert found and all(f.silenced for f in found)
    rounding = [f for f in found if f.severity == ROUNDING]
    assert {r.id for f in rounding for r in f.rows} == {f.id for f in corpus.figures if f.flag == "rounding"}
    assert {r.id for f in rounding for r in f.rows} == {"dak-nong-vp-ubnd-2021-q3-030", "dak-nong-vp-ubnd-2021-q3-032", "dak-nong-vp-ubnd-2021-q3-034"}
    # a contradiction is silenced by a flag saying so, never by the quiet rounding flag
    for f in found:
        if f.severity == CONTRADICTION:
            assert any(r.flag in ("inconsistent", "ocr_uncertain") for r in f.rows), f


def test_every_identity_of_the_catalogue_has_both_names() -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    rels = relations(corpus.indicators)
    assert {r.kind for r in rels} >= {"sum", "at_most", "parts", "share", "shares"}
    for r in rels:
        assert r.name.vi and r.name.en, r
