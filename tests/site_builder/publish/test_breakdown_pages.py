"""Pages show a figure of several breakdowns with each dimension and value named in the page's
language, the code (as in the CSV) in the tooltip: on its report, its unit and its indicator."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.site_builder.exports.test_breakdown_names import combined_figures, names


def _soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def _shown(soup: BeautifulSoup, code: str) -> list[str]:
    return [s.get_text(" ", strip=True) for s in soup.select("span.mb-breakdown") if s.get("title") == code]


def test_report_unit_and_indicator_pages_name_every_dimension(shipped_site: Path) -> None:
    for row in combined_figures():
        parts = names(row["breakdown"])
        for lang, prefix in (("vi", ""), ("en", "en/")):
            wanted = [f"{n[f'dimension_{lang}']}: {n[f'value_{lang}']}" for n in parts]
            report = _soup(shipped_site, f"{prefix}reports/{row['report']}/index.html")
            line = report.find(id=f"fig-{row['id']}")
            assert line is not None, row["id"]
            (span,) = [s for s in line.select("th span.mb-breakdown")]
            assert span["title"] == row["breakdown"]
            text = span.get_text(" ", strip=True)
            assert all(w in text for w in wanted), (lang, text)
            assert text.index(wanted[0]) < text.index(wanted[1])  # in the code's order
            for page in (f"{prefix}units/{row['unit']}/index.html", f"{prefix}indicators/{row['indicator']}/index.html"):
                shown = _shown(_soup(shipped_site, page), row["breakdown"])
                assert shown and all(all(w in s for w in wanted) for s in shown), (page, shown)


def test_the_agency_alone_and_the_agency_by_cause_are_separate_rows(shipped_site: Path) -> None:
    """Over time (the unit page's grid) a sub-group of two dimensions is its own row, not merged
    into the row of one of its dimensions."""
    row = combined_figures()[0]
    agency = row["breakdown"].split(";")[0]
    soup = _soup(shipped_site, f"units/{row['unit']}/index.html")
    ids = [tr.get("id") for tr in soup.select("tr[id^=row-]")]
    assert len(ids) == len(set(ids))
    assert _shown(soup, agency) and _shown(soup, row["breakdown"])
