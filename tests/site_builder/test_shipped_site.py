"""The shipped content, built: the promises of the foundation issue, checked on the real site."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from bs4 import BeautifulSoup

from site_builder.content.validate import validate

ROOT = Path(__file__).resolve().parents[2]


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def test_shipped_content_is_clean_even_strict() -> None:
    _, findings = validate(ROOT)
    assert [p.text() for p in findings.problems] == []


def test_home_pages_exist_in_both_languages(shipped_site: Path) -> None:
    vi = page(shipped_site, "index.html")
    en = page(shipped_site, "en/index.html")
    assert vi.html["lang"] == "vi" and en.html["lang"] == "en"
    assert "Minh Bạch — Dữ liệu mở về cải cách hành chính" in vi.title.get_text()
    assert "Minh Bạch — Open data on administrative reform" in en.title.get_text()


def test_dak_nong_office_page_shows_7447_in_each_locale(shipped_site: Path) -> None:
    vi = page(shipped_site, "units/dak-nong-vp-ubnd/index.html").get_text()
    en = page(shipped_site, "en/units/dak-nong-vp-ubnd/index.html").get_text()
    assert "7.447" in vi and "7,447" not in vi
    assert "7,447" in en and "7.447" not in en
    assert "72,3%" in vi and "72.3%" in en


def test_every_page_has_its_twin(shipped_site: Path) -> None:
    # the one 404 page speaks both languages and is served at any URL, so it has no twin
    # nor has the embed page, which shows any chart of either language by its id
    vi = {p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html") if not p.relative_to(shipped_site).as_posix().startswith("en/")} - {"404.html", "charts/embed.html"}
    en = {p.relative_to(shipped_site / "en").as_posix() for p in (shipped_site / "en").rglob("*.html")}
    assert len(vi) > 50
    assert vi == en


def test_no_untranslated_mark_on_english_pages(shipped_site: Path) -> None:
    marked = [p.relative_to(shipped_site).as_posix() for p in (shipped_site / "en").rglob("*.html") if "mb-untranslated" in p.read_text(encoding="utf-8")]
    assert marked == []


def test_every_unit_page_exists_with_hierarchy_and_successor(shipped_site: Path) -> None:
    for unit in (ROOT / "content/units").glob("*.yaml"):
        html = page(shipped_site, f"en/units/{unit.stem}/index.html")
        text = html.get_text()
        assert "1 July 2025 reorganisation" in text, unit.stem
        assert html.select_one("nav.mb-crumbs") is not None


def test_unit_csv_downloads_equal_the_package_rows(shipped_site: Path) -> None:
    package_rows = {}
    for path in (ROOT / "datapackages/cchc-figures/data").glob("*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            package_rows[row["id"]] = row
    checked = 0
    for unit_page in (shipped_site / "units").glob("*/index.html"):
        for a in page(shipped_site, unit_page.relative_to(shipped_site).as_posix()).select("a[download]"):
            if not re.search(r"downloads/units/[^./]+\.csv$", a["href"]):  # the codes-only file: the package's columns
                continue
            data = (unit_page.parent / a["href"]).resolve().read_text(encoding="utf-8")
            for row in csv.DictReader(io.StringIO(data)):
                assert row == package_rows[row["id"]]
                checked += 1
    assert checked >= len(package_rows)


def test_source_text_page_is_labelled_ocr_and_verbatim(shipped_site: Path) -> None:
    html = page(shipped_site, "reports/dak-nong-vp-ubnd-2021-q3-source/index.html")
    assert "Nguồn OCR" in html.get_text()
    raw = (ROOT / "content/sources/dak-nong-vp-ubnd-2021-q3.txt").read_text(encoding="utf-8")
    assert html.select_one("pre.mb-source").get_text() == raw


def test_the_404_page_speaks_both_languages_and_links_both_homes(shipped_site: Path) -> None:
    assert not (shipped_site / "en" / "404.html").exists()
    page = BeautifulSoup((shipped_site / "404.html").read_text(encoding="utf-8"), "lxml")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "Không tìm thấy trang" in text and "Page not found" in text
    links = {a["href"] for a in page.select("article a")}
    assert links == {"/", "/en/"}
    assert page.select_one("[data-mb-search]")["data-mb-root"] == "/"
