"""A unit page's downloads (issue 18): every file it offers exists, holds the rows the page says,
and names things in the page's language; a province offers the rows of every unit below it."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

ROOTS = {"vi": "", "en": "en/"}


def _downloads(site: Path, lang: str, uid: str) -> list[tuple[Path, str]]:
    page = site / ROOTS[lang] / "units" / uid / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    return [((page.parent / a["href"]).resolve(), a.find_next_sibling("span").get_text()) for a in soup.select(".mb-downloads a[download]")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_offered_download_exists_with_the_rows_it_says(lang: str, shipped_site: Path) -> None:
    seen = 0
    for uid in sorted(p.name for p in (shipped_site / "units").iterdir() if p.is_dir()):
        for path, meta in _downloads(shipped_site, lang, uid):
            assert path.is_file(), (uid, path)
            said = int(meta.split(",")[1].split()[0].replace(".", "").replace(",", ""))
            if path.suffix == ".csv":
                with path.open(encoding="utf-8") as fh:
                    assert sum(1 for _ in csv.DictReader(fh)) == said, (uid, path.name)
            else:
                assert load_workbook(path, read_only=True)["figures"].max_row - 1 == said, (uid, path.name)
            seen += 1
    assert seen > 20


def test_a_province_offers_everything_below_it_with_names_in_its_language(shipped_site: Path) -> None:
    offered = {path.name for path, _ in _downloads(shipped_site, "vi", "dak-nong")}
    assert {"dak-nong.vi.csv", "dak-nong.csv", "dak-nong.below.vi.csv", "dak-nong.below.vi.xlsx"} <= offered
    english = {path.name for path, _ in _downloads(shipped_site, "en", "quang-ngai")}
    assert english == {"quang-ngai.below.en.csv", "quang-ngai.below.en.xlsx"}  # no rows of its own: only what lies below
    with (shipped_site / "downloads/units/dak-nong.below.vi.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 62 and {r["unit"] for r in rows} == {"dak-nong", "dak-nong-vp-ubnd", "dak-nong-tt-hcc"}
    assert any(r["indicator_name"] == "Hồ sơ tiếp nhận" for r in rows)
