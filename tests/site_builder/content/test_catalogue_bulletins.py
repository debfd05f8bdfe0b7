"""The catalogue's indicators for service-centre bulletins and index results (issue 23): their
identities agree with the hand counts of the own-words corpus and catch a count that is off;
the bulletins' own identity steps aside where a report gives what it leaves out; ranks and
scores have the direction their kind needs."""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from site_builder.content.consistency import CONTRADICTION, Fact, Finding, check, draft_facts, relations
from site_builder.content.corpus import Corpus
from site_builder.content.model import MeasureUnit, ReformField, Topic
from site_builder.content.validate import validate
from tests.conftest import ROOT

SEEN = ROOT / "tests" / "site_builder" / "editor" / "extract_corpus" / "seen"  # never unseen/: it is held out


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    found, findings = validate(ROOT)
    assert found is not None, [p.text() for p in findings.sorted()]
    return found


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{**row, "id": f"{path.stem}-{n}", "unit": path.stem} for n, row in enumerate(csv.DictReader(f))]


def findings(corpus: Corpus, table: list[dict[str, str]]) -> list[Finding]:
    return check(draft_facts(table), relations(corpus.indicators), corpus.indicators, corpus.breakdowns)


def changed(table: list[dict[str, str]], indicator: str, value: str) -> list[dict[str, str]]:
    hits = [r for r in table if r["indicator"] == indicator and not r["breakdown"]]
    assert len(hits) == 1, (indicator, table)
    return [{**r, "value": value} if r is hits[0] else r for r in table]


def contradicted(found: list[Finding]) -> set[str]:
    return {f.relation.subject for f in found if f.severity == CONTRADICTION and f.relation is not None}


def test_every_hand_count_of_the_seen_corpus_keeps_every_identity(corpus: Corpus) -> None:
    texts = sorted(SEEN.glob("*.csv"))
    assert len(texts) >= 20
    for path in texts:
        assert contradicted(findings(corpus, rows(path))) == set(), path.name


@pytest.mark.parametrize(("text", "indicator", "value", "subject"), [
    ("03-tinh-binh-ngoc-trung-tam-thang-9-2021", "dossiers-due", "4191", "dossiers-due"),  # 4.102 + 88 = 4.190
    ("03-tinh-binh-ngoc-trung-tam-thang-9-2021", "share-overdue", "3.1", "share-overdue"),  # 88 / 4.190 = 2,1%
    ("03-tinh-binh-ngoc-trung-tam-thang-9-2021", "share-withdrawn", "0.65", "share-withdrawn"),  # 23 / 4.215 = 0,55%
    ("15-huyen-tan-khe-nam-2023-ton-ky-truoc", "dossiers-pending", "380", "dossiers-pending"),  # 352 + 26 = 378
    ("12-huyen-phu-dien-khao-sat-hai-long-2022", "survey-forms-issued", "1400", "satisfaction-survey-forms"),  # 1.462 returned
])
def test_a_count_off_by_a_little_is_a_contradiction(corpus: Corpus, text: str, indicator: str, value: str, subject: str) -> None:
    table = rows(SEEN / f"{text}.csv")
    assert subject not in contradicted(findings(corpus, table))
    assert subject in contradicted(findings(corpus, changed(table, indicator, value)))


def fact_rows(**values: str) -> list[dict[str, str]]:
    return [{"id": f"r{n}", "unit": "huyen-a", "indicator": iid.replace("_", "-"), "period": "2021-09", "breakdown": "", "value": v}
            for n, (iid, v) in enumerate(values.items())]


def test_the_bulletin_form_of_dossiers_due_steps_aside_where_it_does_not_hold(corpus: Corpus) -> None:
    bulletin = {"dossiers_due": "100", "dossiers_resolved_on_time": "90", "dossiers_pending_overdue": "5"}
    # early and on time + overdue without a result = due: 95 is not 100
    assert "dossiers-due" in contradicted(findings(corpus, fact_rows(**bulletin)))
    # dossiers answered late, given apart, are due too: the two-part form no longer applies
    assert "dossiers-due" not in contradicted(findings(corpus, fact_rows(**bulletin, dossiers_resolved_late="5")))
    # with dossiers resolved given, due = resolved + overdue without a result is what is checked
    assert "dossiers-due" not in contradicted(findings(corpus, fact_rows(**bulletin, dossiers_resolved="95")))
    assert "dossiers-due" in contradicted(findings(corpus, fact_rows(**bulletin, dossiers_resolved="96")))


def test_ranks_are_better_when_lower_and_index_results_feed_their_index(corpus: Corpus) -> None:
    indices = [ind for ind in corpus.indicators.values() if ind.field is ReformField.indices]
    assert {ind.unit for ind in indices} >= {MeasureUnit.rank, MeasureUnit.score, MeasureUnit.percent}
    for ind in corpus.indicators.values():
        if ind.unit is MeasureUnit.rank and ind.higher_is_better is not None:
            assert ind.higher_is_better is False, ind.id  # rank 1 is the best
        if ind.unit in (MeasureUnit.rank, MeasureUnit.score):
            assert not ind.additive, ind.id  # two provinces' ranks or scores never add up
    for ind in indices:
        assert ind.frameworks and ind.topic is Topic.indices, ind.id
        for text in (ind.name.vi, ind.definition.vi):
            assert text == unicodedata.normalize("NFC", text), ind.id
