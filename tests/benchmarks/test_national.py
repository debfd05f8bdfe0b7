"""The national corpus generator (benchmarks/national.py) and what national scale asks of pages.

No build and no timing here: the timings are `make bench`'s.
"""
from __future__ import annotations

import hashlib
import random
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import national  # noqa: E402
from site_builder.compute.derive import APPENDIX_UNITS, compute, unit_figures  # noqa: E402
from site_builder.publish.pages import HOME_HEADLINE_ROWS, home_headline  # noqa: E402
from site_builder.content.validate import validate  # noqa: E402


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_the_whole_country_has_34_provinces_and_3321_communes() -> None:
    provinces, communes = national.places(random.Random(national.DEFAULT_SEED))
    assert len(provinces) == 34 and len(communes) == 3321
    assert len({u.id for u in provinces + communes}) == 3355  # ids unique across the country
    assert all(unicodedata.normalize("NFC", u.name_vi) == u.name_vi for u in provinces + communes)
    assert {"Hà Nội", "Hồ Chí Minh", "Đắk Lắk", "Thanh Hóa"} <= {p.base for p in provinces}
    kinds = {c.kind[0] for c in communes}
    assert {"Xã", "Phường"} <= kinds
    share = sum(c.own_reports for c in communes) / len(communes)
    assert 0.07 < share < 0.13  # one commune in ten reports on its own


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, national.CorpusStats]:
    root = tmp_path_factory.mktemp("national") / "corpus"
    return root, national.generate(root, provinces=1, communes_cap=APPENDIX_UNITS * 2)


def test_generated_corpus_is_valid_deterministic_and_has_gaps(small: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    root, stats = small
    corpus, findings = validate(root)
    assert findings.errors == [] and corpus is not None
    assert len(corpus.figures) == stats.figures and stats.missing_cells > 0
    assert {f.period for f in corpus.figures} == {str(y) for y in national.YEARS} | {"2025-9M"}  # and a partial year
    assert sum(1 for f in corpus.figures if f.qualifier.value) == stats.qualified_figures > 0
    assert {f.qualifier.value for f in corpus.figures} == {"", "approx", "more_than", "estimated"}
    assert sum(1 for f in corpus.figures if ";" in f.breakdown) == stats.multi_breakdown_figures > 0
    former = [u for u in corpus.units.values() if u.reorganisation_2025 and u.reorganisation_2025.status.value == "abolished"]
    assert len(former) == stats.former_units == 2 and all(u.level.value == "district" for u in former)
    assert all(any(r.unit == u.id for r in corpus.reports.values()) for u in former)  # each with its report
    again = tmp_path / "again"
    national.generate(again, provinces=1, communes_cap=APPENDIX_UNITS * 2)
    assert _digest(again / "content") == _digest(root / "content")
    assert _digest(again / "datapackages") == _digest(root / "datapackages")


def test_edit_one_report_changes_one_number_and_stays_valid(small: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    root, stats = small
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    before = validate(copy)[0]
    what = national.edit_one_report(copy, stats.edit_target)
    after, findings = validate(copy)
    assert findings.errors == [] and before is not None and after is not None
    changed = [f.id for f in after.figures if f != next(g for g in before.figures if g.id == f.id)]
    assert len(changed) == 1 and changed[0].startswith(stats.edit_target) and "satisfaction-rate" in what


def test_a_province_page_leaves_its_communes_appendix_to_the_communes(small: tuple[Path, national.CorpusStats]) -> None:
    root, _ = small
    corpus, _ = validate(root)
    assert corpus is not None
    computed = compute(corpus)
    province = next(u for u in corpus.units.values() if not u.parent)
    own = unit_figures(corpus, computed, province.id)
    assert own and {f.unit for f in own} == {province.id}  # the totals row, not 40 communes' rows
    commune = corpus.children(province.id)[0].id
    theirs = unit_figures(corpus, computed, commune)
    assert any(corpus.reports[f.report].unit == province.id for f in theirs)  # the appendix row is on the commune's page
    headline, top_only = home_headline(corpus, computed)
    assert len(computed.headline) > HOME_HEADLINE_ROWS and top_only
    assert {f.unit for f in headline} == {province.id}


def test_a_province_download_of_everything_below_holds_the_appendix(small: tuple[Path, national.CorpusStats]) -> None:
    from site_builder.exports.places import place_downloads, place_rows

    root, _ = small
    corpus, _ = validate(root)
    assert corpus is not None
    computed = compute(corpus)
    province = next(u for u in corpus.units.values() if not u.parent)
    rows = place_rows(corpus, computed)
    appendix = [f for f in corpus.figures if corpus.reports[f.report].unit == province.id and f.unit != province.id]
    assert appendix and not {f.id for f in appendix} & {f.id for f in rows.own[province.id]}  # off the province's page
    assert [f.id for f in rows.below[province.id]] == sorted(f.id for f in corpus.figures)  # one province: every row
    offered = {d.key: d.rows for d in place_downloads(corpus, computed, province.id, "vi")}
    assert offered["download.place_below_xlsx"] == len(corpus.figures)
