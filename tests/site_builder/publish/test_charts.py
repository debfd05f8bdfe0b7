"""Charts: expected files per page and language, localised labels, targets, determinism, caching."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.publish.build import build
from site_builder.publish.charts import ChartSpec, Series, alt_text, draw

ROOT = Path(__file__).resolve().parents[3]
TARGETS_HEADER = "id,report,unit,indicator,comparator,target_value,deadline,recurrence,scope,scope_vi,scope_en,locator,quote,note_vi,note_en\n"


@pytest.fixture
def charted(minimal: Path) -> Path:
    """The minimal project plus a 2020 online figure (so the online share has two points) and a target on it."""
    csv_path = minimal / "datapackages/figures/data/bc-2021.csv"
    with csv_path.open("a", encoding="utf-8") as fh:
        fh.write("bc-2021-004,bc-2021,huyen-b,dossiers-received-online,2020,2020-01-01,2020-12-31,,2614.5,,reported,Mục 1,Nam 2020 tiep nhan 6.000 ho so.,,,\n")
    text = csv_path.read_text(encoding="utf-8").replace(",2614.5,", ",2614,")
    csv_path.write_text(text.replace("Nam 2020 tiep nhan 6.000 ho so.,,,\n", "Nam 2020 tiep nhan 6.000 ho so.,,,\n"), encoding="utf-8")
    (minimal / "content/sources/bc-2021.txt").write_text(
        (minimal / "content/sources/bc-2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    pkg = minimal / "datapackages/targets"
    (pkg / "data").mkdir(parents=True)
    shutil.copyfile(ROOT / "datapackages/directive-targets/datapackage.yaml", pkg / "datapackage.yaml")
    (pkg / "data/targets.csv").write_text(
        TARGETS_HEADER + "bc-2021-001,bc-2021,tinh-a,share-online,>=,50,2025-12-31,,,,,Mục 1,truc tuyen 5.386 ho so.,,\n", encoding="utf-8")
    return minimal


def test_expected_charts_exist_with_localised_labels(charted: Path) -> None:
    build(charted)
    site = charted / "site"
    vi = (site / "charts/unit--huyen-b--flow.vi.svg").read_text(encoding="utf-8")
    en = (site / "charts/unit--huyen-b--flow.en.svg").read_text(encoding="utf-8")
    assert "Luồng hồ sơ — Huyện B" in vi and "Năm" not in en
    assert "Dossier flow — B district" in en
    assert "7.000" in vi or "6.000" in vi  # axis numbers in Vietnamese format
    assert "6,000" in en or "7,000" in en
    share_vi = (site / "charts/unit--huyen-b--share-online.vi.svg").read_text(encoding="utf-8")
    share_en = (site / "charts/unit--huyen-b--share-online.en.svg").read_text(encoding="utf-8")
    assert "43,6%" in share_vi and "72,3%" in share_vi  # 2614/6000 and 5386/7447, recomputed
    assert "43.6%" in share_en and "72.3%" in share_en
    assert 'id="target-0"' in share_vi and "Chỉ tiêu ≥ 50%" in share_vi
    assert "Target ≥ 50%" in share_en
    page = BeautifulSoup((site / "en/units/huyen-b/index.html").read_text(encoding="utf-8"), "lxml")
    imgs = {img["src"].rsplit("/", 1)[-1]: img["alt"] for img in page.select("figure.mb-chart img")}
    assert imgs["unit--huyen-b--share-online.en.svg"].startswith("Online share rose from 43.6% (2020) to 72.3% (2021)")
    vi_page = BeautifulSoup((site / "units/huyen-b/index.html").read_text(encoding="utf-8"), "lxml")
    vi_imgs = {img["src"].rsplit("/", 1)[-1]: img["alt"] for img in vi_page.select("figure.mb-chart img")}
    assert vi_imgs["unit--huyen-b--share-online.vi.svg"].startswith("Tỷ lệ hồ sơ trực tuyến tăng từ 43,6% (2020) lên 72,3% (2021)")
    csv_text = (site / "charts/unit--huyen-b--share-online.en.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[1:] == ["2020,2020,43.6,50", "2021,2021,72.3,50"]


def test_targets_page_shows_status(charted: Path) -> None:
    build(charted)
    page = BeautifulSoup((charted / "site/en/targets/index.html").read_text(encoding="utf-8"), "lxml")
    row = page.select_one("tbody tr")
    assert row.select_one(".mb-status--met").get_text() == "met"
    assert "72.3%" in row.get_text()


def test_two_builds_identical_and_second_redraws_nothing(charted: Path, tmp_path: Path) -> None:
    first = build(charted)
    files1 = {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()}
    assert first.charts.drawn > 0
    second = build(charted)
    files2 = {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()}
    assert second.charts.drawn == 0 and second.charts.cached == first.charts.drawn + first.charts.cached
    assert files1 == files2
    shutil.rmtree(charted / "build")  # a cold cache draws again, to the same bytes
    third = build(charted)
    assert third.charts.drawn == first.charts.drawn
    assert {p.name: p.read_bytes() for p in (charted / "site/charts").iterdir()} == files1


def test_changed_data_redraws_only_its_charts(charted: Path) -> None:
    first = build(charted)
    path = charted / "datapackages/figures/data/bc-2021.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",2614,", ",2700,"), encoding="utf-8")
    second = build(charted)
    assert 0 < second.charts.drawn < first.charts.drawn + first.charts.cached


def test_draw_is_deterministic_and_text_stays_text() -> None:
    spec = ChartSpec("k", "vi", "line", "Tỷ lệ hài lòng", "percent", ("2022", "2023"), ("2022", "2023"),
                     (Series("Tỷ lệ hài lòng", (95.5, 99.5)),))
    a, b = draw(spec), draw(spec)
    assert a == b
    assert "Tỷ lệ hài lòng".encode() in a and b"<dc:date>" not in a
    assert alt_text(spec) == "Tỷ lệ hài lòng tăng từ 95,5% (2022) lên 99,5% (2023)."
