"""Charts that tell the truth (issue 20): small multiples instead of one axis for series of
different size, a share's axis fitted to its data, no chart of a constant, each series once,
indicators compared only within one level and one period, every chart framed (title, subtitle,
source), its CSV, the embed page, determinism and the cache."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from site_builder.compute.derive import compute
from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate
from site_builder.publish import i18n
from site_builder.publish.build import build
from site_builder.publish.charts import ChartSpec, Panel, Series, all_specs, alt_text, chart_csv, draw, indicator_specs, unit_specs
from site_builder.publish.svgchart import height
from tests.conftest import write_files

ROOT = Path(__file__).resolve().parents[3]
TARGETS_HEADER = "id,report,unit,indicator,comparator,target_value,deadline,recurrence,scope,scope_vi,scope_en,locator,quote,note_vi,note_en\n"
HEADER = "id,report,unit,indicator,period,period_start,period_end,breakdown,value,qualifier,status,locator,quote,flag,note_vi,note_en\n"


def _indicator(iid: str, vi: str, en: str, unit: str = "count", topic: str = "dossiers", extra: str = "") -> str:
    return (f"id: {iid}\nname:\n  vi: {vi}\n  en: {en}\ndefinition:\n  vi: {vi}.\n  en: {en}.\nunit: {unit}\n"
            f"field: procedures\ntopic: {topic}\n{extra}")


def _unit(uid: str, vi: str, en: str, level: str = "district") -> str:
    return f"id: {uid}\nlevel: {level}\nparent: tinh-a\nname:\n  vi: {vi}\n  en: {en}\n"


# (unit, indicator, period, value): what the second report says, one sentence per row
ROWS = [
    ("huyen-b", "dossiers-resolved", "2020", 5900), ("huyen-b", "dossiers-resolved", "2021", 7400),
    ("huyen-b", "dossiers-resolved-late", "2020", 8), ("huyen-b", "dossiers-resolved-late", "2021", 30),
    ("huyen-c", "dossiers-received", "2020", 3000), ("huyen-c", "dossiers-received", "2021", 3200),
    ("huyen-c", "dossiers-received-online", "2021", 1600),
    ("huyen-c", "dossiers-resolved-late", "2020", 12), ("huyen-c", "dossiers-resolved-late", "2021", 12),
    ("huyen-d", "dossiers-received", "2021-Q3", 900), ("huyen-d", "dossiers-received-online", "2021-Q3", 810),
    ("huyen-e", "dossiers-received", "2021", 1000), ("huyen-e", "dossiers-received-online", "2021", 950),
]
DATES = {"2020": ("2020-01-01", "2020-12-31"), "2021": ("2021-01-01", "2021-12-31"), "2021-Q3": ("2021-07-01", "2021-09-30")}


@pytest.fixture
def charted(minimal: Path) -> Path:
    """The minimal project plus a 2020 online figure (so the online share has two points), a
    target on it, three more districts, and dossiers resolved and resolved late."""
    return add_charted(minimal)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Any) -> Path:
    """`charted`, built once for the tests that only read its site."""
    root = add_charted(minimal_factory(tmp_path_factory.mktemp("charted") / "proj"))
    build(root)
    return root


def add_charted(minimal: Path) -> Path:
    csv_path = minimal / "datapackages/figures/data/bc-2021.csv"
    with csv_path.open("a", encoding="utf-8") as fh:
        fh.write("bc-2021-004,bc-2021,huyen-b,dossiers-received-online,2020,2020-01-01,2020-12-31,,2614,,reported,Mục 1,Nam 2020 tiep nhan 6.000 ho so.,,,\n")
        source = (minimal / "content/sources/bc-2021.txt").read_text(encoding="utf-8")
        for n, (unit, ind, period, value) in enumerate(ROWS, start=5):
            quote = f"Dong {n}: {unit} {ind} {period} la {value}."
            source += quote + "\n"
            start, end = DATES[period]
            fh.write(f"bc-2021-{n:03d},bc-2021,{unit},{ind},{period},{start},{end},,{value},,reported,Mục 2,{quote},,,\n")
    (minimal / "content/sources/bc-2021.txt").write_text(source, encoding="utf-8")
    write_files(minimal, {
        "content/indicators/dossiers-resolved.yaml": _indicator("dossiers-resolved", "Hồ sơ đã giải quyết", "Dossiers resolved", extra="additive: true\n"),
        "content/indicators/dossiers-resolved-late.yaml": _indicator("dossiers-resolved-late", "Hồ sơ trễ hạn", "Dossiers resolved late",
                                                                      extra="additive: true\nhigher_is_better: false\n"),
        "content/units/huyen-c.yaml": _unit("huyen-c", "Huyện C", "C district"),
        "content/units/huyen-d.yaml": _unit("huyen-d", "Huyện D", "D district"),
        "content/units/huyen-e.yaml": _unit("huyen-e", "Huyện E", "E district"),
    })
    pkg = minimal / "datapackages/targets"
    (pkg / "data").mkdir(parents=True)
    shutil.copyfile(ROOT / "datapackages/directive-targets/datapackage.yaml", pkg / "datapackage.yaml")
    (pkg / "data/targets.csv").write_text(
        TARGETS_HEADER + "bc-2021-001,bc-2021,tinh-a,share-online,>=,50,2025-12-31,,,,,Mục 1,truc tuyen 5.386 ho so.,,\n", encoding="utf-8")
    return minimal


def _load(root: Path) -> tuple[Corpus, object]:
    corpus, findings = validate(root)
    assert corpus is not None, findings
    return corpus, compute(corpus)


def test_series_of_different_size_never_share_an_axis(charted: Path) -> None:
    corpus, computed = _load(charted)
    (dossiers,) = [s for s in unit_specs(corpus, computed, "huyen-b", "en") if s.key.endswith("--dossiers")]  # type: ignore[arg-type]
    panels = [[s.indicator for s in p.series] for p in dossiers.panels]
    # received (6,000–7,447) and resolved (5,900–7,400) share one; late (8–30) has its own
    assert panels == [["dossiers-received", "dossiers-resolved"], ["dossiers-resolved-late"]]
    assert all(p.kind == "bar" for p in dossiers.panels)
    svg = draw(dossiers).decode()
    assert svg.count('<g class="p') == 2 and 'id="series-1-0"' in svg


def test_a_share_is_drawn_on_an_axis_that_fits_it(charted: Path) -> None:
    corpus, computed = _load(charted)
    (online,) = [s for s in unit_specs(corpus, computed, "huyen-b", "vi") if s.key.endswith("--online")]  # type: ignore[arg-type]
    (share,) = [p for p in online.panels if p.series[0].indicator == "share-online"]
    assert share.kind == "line" and share.series[0].values == pytest.approx((43.6, 72.3))
    svg = draw(online).decode()
    axis = [float(t.replace("%", "").replace(",", ".")) for t in re.findall(r'class="y"[^>]*>([^<]+)<', svg) if "%" in t]
    assert axis and 0 < min(axis) <= 43.6 and 72.3 <= max(axis) < 100  # not 0–100%


def test_a_constant_series_is_a_sentence_not_a_chart(charted: Path) -> None:
    corpus, computed = _load(charted)
    for lang, words in (("vi", "Hồ sơ trễ hạn: 12 trong cả 2 kỳ (2020–2021)"), ("en", "Dossiers resolved late: 12 in each of 2 periods (2020–2021)")):
        (dossiers,) = [s for s in unit_specs(corpus, computed, "huyen-c", lang) if s.key.endswith("--dossiers")]  # type: ignore[arg-type]
        assert [s.indicator for p in dossiers.panels for s in p.series] == ["dossiers-received"]
        assert any(note.startswith(words) for note in dossiers.notes), dossiers.notes


def _all_specs(root: Path) -> list[ChartSpec]:
    corpus, computed = _load(root)
    return [spec for lang in i18n.LANGS for specs in all_specs(corpus, computed, lang).values() for spec in specs]  # type: ignore[arg-type]


@pytest.mark.parametrize("project", ["fixture", "shipped"])
def test_no_chart_of_fewer_than_two_values_and_no_series_twice(project: str, charted: Path) -> None:
    specs = _all_specs(charted if project == "fixture" else ROOT)
    assert len(specs) >= 4
    seen: set[tuple[str, str, str]] = set()
    for spec in specs:
        for panel in spec.panels:
            for s in panel.series:
                assert len({v for v in s.values if v is not None}) >= 2, (spec.key, s.name)
                # a unit's series once per language: in one chart, one panel
                who = spec.key.split("--")[1] if spec.key.startswith("unit--") else spec.key
                key = (spec.lang, who, s.indicator)
                assert key not in seen, key
                seen.add(key)


def test_indicators_are_compared_within_one_level_and_one_period(charted: Path) -> None:
    corpus, computed = _load(charted)
    en = indicator_specs(corpus, computed, "share-online", "en")  # type: ignore[arg-type]
    assert [s.key for s in en] == ["indicator--share-online--district"]
    (panel,) = en[0].panels
    # 2021 is the year most districts report: E (95%), B (72.3%), C (50%), best first; D's Q3 is
    # not set beside their years, and the province is not set beside districts
    assert panel.codes == ("huyen-e", "huyen-b", "huyen-c")
    assert panel.series[0].values == pytest.approx((95.0, 72.3, 50.0))
    assert en[0].subtitle == "District level units, 2021"
    assert en[0].notes == ("Not in the chart, having no value for 2021: D district (Q3 2021).",)
    vi = indicator_specs(corpus, computed, "share-online", "vi")  # type: ignore[arg-type]
    assert vi[0].subtitle == "Các đơn vị cấp huyện, năm 2021"
    assert vi[0].notes == ("Không đưa vào biểu đồ vì không có số liệu năm 2021: Huyện D (Q3/2021).",)
    assert alt_text(vi[0]).startswith("Tỷ lệ hồ sơ trực tuyến, các đơn vị cấp huyện, năm 2021: 3 đơn vị, đứng đầu là Huyện E (95%)")
    # counts compare sizes of places, not performance: no comparison chart
    assert indicator_specs(corpus, computed, "dossiers-received", "en") == []  # type: ignore[arg-type]


def test_every_chart_is_framed_and_its_files_say_the_same(built: Path) -> None:
    charted = built
    site = charted / "site"
    vi = (site / "charts/unit--huyen-b--online.vi.svg").read_text(encoding="utf-8")
    en = (site / "charts/unit--huyen-b--online.en.svg").read_text(encoding="utf-8")
    assert "<title id=\"title\">Dịch vụ công trực tuyến, thanh toán — Huyện B</title>" in vi
    assert 'data-source="Source: Report 12/BC-UBND, B district."' in en
    assert "43,6%" in vi and "72,3%" in vi and "43.6%" in en and "72.3%" in en  # 2614/6000 and 5386/7447, recomputed
    assert 'id="target-0-0"' in vi and "Chỉ tiêu ≥ 50% (2025)" in vi and "Target ≥ 50% (2025)" in en
    assert 'width="100%"' in en and "viewBox" not in en  # it reflows: text is never scaled
    page = BeautifulSoup((site / "en/units/huyen-b/index.html").read_text(encoding="utf-8"), "lxml")
    fig = page.select_one("figure#chart-unit--huyen-b--online-en")
    assert fig.select_one(".mb-chart__title").get_text() == "Online services and payments — B district"
    assert fig.select_one(".mb-chart__subtitle").get_text() == "B district, yearly, 2020–2021"
    assert fig.select_one(".mb-chart__source").get_text() == "Source: Report 12/BC-UBND, B district."
    img = fig.select_one("img")
    # the share leads its topic, its target beside it; the count follows in a panel of its own
    assert img["alt"] == ("Online share rose from 43.6% (2020) to 72.3% (2021) (Target ≥ 50% (2025)); "
                          "Dossiers received online rose from 2,614 (2020) to 5,386 (2021).")
    assert int(img["height"]) == height(_spec_of(charted, "unit--huyen-b--online", "en"))
    tools = fig.select_one(".mb-chart__tools")
    assert [a.get_text() for a in tools.select("a")] == ["Data (CSV)", "Vector image (SVG)", "Embed", "Share"]
    assert tools.select_one(".mb-chart__embed")["href"].endswith("charts/embed.html?id=unit--huyen-b--online.en")
    csv_text = (site / "charts/unit--huyen-b--online.en.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines() == ["code,label,Online share,Dossiers received online,Target ≥ 50% (2025)",
                                     "2020,2020,43.6,2614,50", "2021,2021,72.3,5386,50"]
    embed = (site / "charts/embed.html").read_text(encoding="utf-8")
    assert "See it on Minh Bạch" in embed and "Xem trên Minh Bạch" in embed


def _spec_of(root: Path, key: str, lang: str) -> ChartSpec:
    return next(s for s in _all_specs(root) if s.key == key and s.lang == lang)


def test_two_builds_identical_and_second_redraws_nothing(charted: Path) -> None:
    first = build(charted)
    files1 = {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()}
    assert first.charts is not None and first.charts.drawn > 0
    second = build(charted)
    files2 = {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()}
    assert second.charts is not None and second.charts.drawn == 0
    assert second.charts.cached == 0 and second.charts.kept == len(files1) - 1  # nothing changed: every chart kept but the embed page
    assert files1 == files2
    shutil.rmtree(charted / "build")  # a cold cache draws again, to the same bytes
    third = build(charted)
    assert third.charts is not None and third.charts.drawn == first.charts.drawn
    assert {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()} == files1


def test_changed_data_redraws_only_its_charts(charted: Path) -> None:
    first = build(charted)
    path = charted / "datapackages/figures/data/bc-2021.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",2614,", ",2700,"), encoding="utf-8")
    second = build(charted)
    assert first.charts is not None and second.charts is not None
    assert 0 < second.charts.drawn < first.charts.drawn + first.charts.cached


def test_draw_is_deterministic_and_text_stays_text() -> None:
    spec = ChartSpec("k", "vi", "Tỷ lệ hài lòng — Xã A", "Xã A, theo năm, 2022–2023", "Nguồn: Báo cáo 1/BC-UBND.",
                     (Panel("line", "percent", ("2022", "2023"), ("2022", "2023"), (Series("Tỷ lệ hài lòng", (95.5, 99.5)),)),))
    a, b = draw(spec), draw(spec)
    assert a == b
    assert "Tỷ lệ hài lòng".encode() in a and b"<dc:date>" not in a
    assert alt_text(spec) == "Tỷ lệ hài lòng tăng từ 95,5% (2022) lên 99,5% (2023)."
    assert chart_csv(spec).splitlines() == ["code,label,Tỷ lệ hài lòng", "2022,2022,95.5", "2023,2023,99.5"]


def test_labels_thin_out_on_narrow_charts_but_the_latest_stays() -> None:
    years = tuple(str(y) for y in range(2006, 2026))
    spec = ChartSpec("k", "en", "t", "s", "", (Panel("bar", "count", years, years, (Series("n", tuple(float(1000 + i * 37) for i in range(20))),)),))
    svg = draw(spec).decode()
    # 20 years do not fit a 300 px chart: media queries keep every k-th label counted from 2025
    assert re.search(r"@media \(max-width:[\d.]+px\)\{\.p0 \.c:not\(\.c\d+\)\{display:none\}\}", svg)
    last = re.search(r'<text x="[\d.]+%" y="[\d.]+" class="([^"]+)">2025</text>', svg)
    assert last and all(f"c{k}" in last.group(1).split() for k in range(2, 5))
    # value labels go on narrow charts, except the latest one
    assert "{.p0 .v{display:none}}" in svg and re.search(r'class="l"[^>]*>1,703<', svg)


def test_targets_page_shows_status(built: Path) -> None:
    page = BeautifulSoup((built / "site/en/targets/index.html").read_text(encoding="utf-8"), "lxml")
    row = page.select_one("tbody tr")
    assert row.select_one(".mb-status--met").get_text() == "met"
    assert "95%" in row.get_text() and "E district, 2021" in row.get_text()  # the latest, best figure below the province


def test_addresses_of_charts_from_before_say_where_their_series_went(built: Path) -> None:
    """Before issue 20 each series had its own chart: its SVG address now says, in a few hundred
    bytes, which chart draws it and links there; its CSV address holds that chart's data."""
    charts = built / "site/charts"
    for lang, words in (("vi", "Biểu đồ này nay là một phần của biểu đồ:"), ("en", "This chart is now part of the chart:")):
        old = (charts / f"unit--huyen-b--share-online.{lang}.svg").read_text(encoding="utf-8")
        assert words in old and f'<a href="unit--huyen-b--online.{lang}.svg">' in old and len(old.encode()) < 600
        assert (charts / f"unit--huyen-b--flow.{lang}.csv").read_bytes() == (charts / f"unit--huyen-b--dossiers.{lang}.csv").read_bytes()
