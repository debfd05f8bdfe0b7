"""The national corpus generator (benchmarks/national.py) and what national scale asks of pages.

No build and no timing here: the timings are `make bench`'s.
"""
from __future__ import annotations

import hashlib
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import national  # noqa: E402
from site_builder.compute.derive import APPENDIX_UNITS, Computed, compute, unit_figures  # noqa: E402
from site_builder.content.corpus import Corpus  # noqa: E402
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


@pytest.fixture(scope="module")
def built(small: tuple[Path, national.CorpusStats]) -> tuple[Corpus, Computed]:
    """The small corpus validated and computed once for the tests that read it."""
    corpus, _ = validate(small[0])
    assert corpus is not None
    return corpus, compute(corpus)


@pytest.fixture(scope="module")
def rendered(built: tuple[Corpus, Computed]) -> dict[str, dict[str, str]]:
    """Its pages, rendered once per language."""
    from site_builder.compute.changelog import history
    from site_builder.publish.pages import render_site

    corpus, computed = built
    changes = history(corpus)
    return {lang: render_site(corpus, computed, changes, lang, ROOT / "templates") for lang in ("vi", "en")}


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


def test_a_province_page_leaves_its_communes_appendix_to_the_communes(built: tuple[Corpus, Computed]) -> None:
    corpus, computed = built
    province = next(u for u in corpus.units.values() if not u.parent)
    own = unit_figures(corpus, computed, province.id)
    assert own and {f.unit for f in own} == {province.id}  # the totals row, not 40 communes' rows
    commune = corpus.children(province.id)[0].id
    theirs = unit_figures(corpus, computed, commune)
    assert any(corpus.reports[f.report].unit == province.id for f in theirs)  # the appendix row is on the commune's page
    headline, top_only = home_headline(corpus, computed)
    assert len(computed.headline) > HOME_HEADLINE_ROWS and top_only
    assert {f.unit for f in headline} == {province.id}


def test_a_province_download_of_everything_below_holds_the_appendix(built: tuple[Corpus, Computed]) -> None:
    from site_builder.exports.places import place_downloads, place_rows

    corpus, computed = built
    province = next(u for u in corpus.units.values() if not u.parent)
    rows = place_rows(corpus, computed)
    appendix = [f for f in corpus.figures if corpus.reports[f.report].unit == province.id and f.unit != province.id]
    assert appendix and not {f.id for f in appendix} & {f.id for f in rows.own[province.id]}  # off the province's page
    assert [f.id for f in rows.below[province.id]] == sorted(f.id for f in corpus.figures)  # one province: every row
    offered = {d.key: d.rows for d in place_downloads(corpus, computed, province.id, "vi")}
    assert offered["download.place_below_xlsx"] == len(corpus.figures)


def test_a_province_appendix_is_a_table_of_units_with_a_source_card_per_row(built: tuple[Corpus, Computed], rendered: dict[str, dict[str, str]]) -> None:
    """The report page of a province's statistics: a row per commune, every figure's anchor once,
    each row's line quoted once (not once per cell, which made a province of 168 communes a page of
    900 KB); a value still leads to its row's quote."""
    from bs4 import BeautifulSoup

    corpus, computed = built
    rid = next(r.id for r in corpus.reports.values() if not corpus.units[r.unit].parent)
    figures = computed.figures_by_report[rid]
    for lang in ("vi", "en"):
        page = rendered[lang][f"reports/{rid}.md"]
        soup = BeautifulSoup(page, "html.parser")
        [table] = soup.select(".mb-figtable--units")
        rows = table.select("tbody tr")
        appendix_units = {f.unit for f in figures if f.locator.startswith("Phụ lục")}
        assert len(rows) == len(appendix_units) >= 10
        for f in figures:
            [anchor] = soup.select(f"#fig-{f.id}")
            row = anchor.find_parent("tr")
            assert row is not None and row.select_one("th details.mb-src blockquote").get_text() == f.quote
        assert len(soup.select(".mb-figtable--units blockquote")) == len(rows)  # one quote a row
        assert len(page.encode()) < 400 * len(figures)  # about 1,070 bytes a figure with a card per figure


def test_a_province_page_lists_the_figures_it_adds_up_once(built: tuple[Corpus, Computed], rendered: dict[str, dict[str, str]]) -> None:
    """A sum over the communes points at the table of units below when that table shows the very
    numbers added up, else at one table of the figures added up (a column per sum), instead of a
    list of every commune per summed indicator; the reports below are the latest few and a link."""
    from bs4 import BeautifulSoup

    from site_builder.publish.unit_page import BELOW_REPORTS_SHOWN

    corpus, computed = built
    province = next(u for u in corpus.units.values() if not u.parent)
    rollup = computed.rollups[province.id]
    page = rendered["vi"][f"units/{province.id}.md"]
    soup = BeautifulSoup(page, "html.parser")
    below = soup.select_one("#below-units").find_next("table")
    pointed = set()
    for s in rollup.sums:
        [link] = soup.select(f"#sum-{s.level.value}-{s.indicator} a.mb-parts-ref")
        target = link["href"].removeprefix("#")
        pointed.add(target)
        if target == "below-units":  # each number added up is the one that table shows for its unit
            column = rollup.columns.index(s.indicator)
            shown = {b.unit: b.values[column] for b in rollup.units}
            assert all(shown[uid] is not None and (shown[uid].period, shown[uid].value) == (p.period, p.value) for uid, p in s.parts)
        else:  # its column of the parts table links each figure added up, once
            table = soup.select_one(f"details#{target} table")
            heads = [th.get_text() for th in table.select("thead th")]
            column = heads.index(corpus.indicators[s.indicator].name.vi)
            links = [tr.select("td")[column - 1].select_one("a") for tr in table.select("tbody tr")]
            assert sorted(a["href"].split("#")[-1] for a in links if a) == sorted(f"fig-{p.figure.id}" for _, p in s.parts)
    assert "below-units" in pointed and len(pointed) >= 2
    assert below is not None and not soup.select("details.mb-parts li")  # no list per sum any more
    listed = soup.select_one("#below-reports").find_next("ul").select("li")
    assert len(listed) == BELOW_REPORTS_SHOWN < len(rollup.reports)
    assert soup.select_one("#below-reports").find_next("p", class_="mb-more").a["href"].startswith("../../reports/")


def test_the_table_of_units_below_names_its_columns_period_once(built: tuple[Corpus, Computed], rendered: dict[str, dict[str, str]]) -> None:
    """The period most values of a column share is in its header (and in each value's label on a
    phone); a value of another period still names its own."""
    from collections import Counter

    from bs4 import BeautifulSoup

    from site_builder.publish.unit_page import shared_periods

    corpus, computed = built
    province = next(u for u in corpus.units.values() if not u.parent)
    rollup = computed.rollups[province.id]
    periods = shared_periods(rollup)
    for column, period in enumerate(periods):
        found = Counter(b.values[column].period for b in rollup.units if b.values[column] is not None)
        assert period == found.most_common(1)[0][0] and 2 * found[period] >= sum(found.values())
    page = rendered["vi"][f"units/{province.id}.md"]
    soup = BeautifulSoup(page, "html.parser")
    table = soup.select_one("#below-units").find_next("table")
    heads = table.select("thead th")[3:]
    assert [h.select_one(".mb-cell-period").get_text() for h in heads] == [f"Năm {p}" for p in periods]
    # a phone's label of each cell: the page's CSS names the column, and its period for a value of that period
    style = soup.select_one("#below-units").find_next("style").get_text()
    labels = dict(re.findall(r"td:nth-child\((\d+\)(?:\.mb-label-plain)?)::before\{content:\"([^\"]*)\"\}", style))
    assert labels["2)"] == "Báo cáo" and labels["3)"] == "Số liệu"
    for n, (iid, period) in enumerate(zip(rollup.columns, periods), start=4):
        name = corpus.indicators[iid].name.vi
        assert labels[f"{n})"] == f"{name}, Năm {period}" and labels[f"{n}).mb-label-plain"] == name
    for tr, b in zip(table.select("tbody tr"), rollup.units):
        for td, point, period in zip(tr.select("td")[2:], b.values, periods):
            assert td["data-label"] == ""  # the layout's hook; the text is the CSS's
            assert ("mb-label-plain" in td["class"]) == (point is None or point.period != period)
            if point is None:
                continue
            named = td.select_one(".mb-cell-period")
            assert (named is None) == (point.period == period)  # only another period is named in the cell
