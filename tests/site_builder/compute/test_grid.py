"""Figures over time on unit pages: the grid groups every figure and loses none."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from site_builder.publish import i18n
from site_builder.content.corpus import Figure
from site_builder.content.qualifiers import Qualifier
from site_builder.compute.grid import figure_grid

ROOT = Path(__file__).resolve().parents[3]


def fig(id: str, indicator: str, period: str, value: float | None, breakdown: str = "", unit: str = "u", flag: str = "", line: int = 2) -> Figure:
    year = int(period[:4])
    start, end = (dt.date(year, 1, 1), dt.date(year, 3, 31)) if period.endswith("-Q1") else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    return Figure(id, "r", unit, indicator, period, start, end, breakdown, value, Qualifier.exact, "reported" if value is not None else "missing",
                  "Mục 1", "q", flag, "n" if flag else "", "n" if flag else "", "ds", "res", line)


def test_rows_follow_the_document_and_periods_follow_time() -> None:
    grid = figure_grid([
        fig("r-003", "b", "2015", 3, line=4),
        fig("r-001", "a", "2016", 1, line=2),
        fig("r-002", "a", "2015", 2, line=3),
        fig("r-004", "a", "2016-Q1", 4, line=5),
    ])
    assert grid.periods == ("2015", "2016-Q1", "2016")  # Q1 2016 ends before the whole of 2016
    decade = figure_grid([fig("r-001", "a", "2016", 1), fig("r-002", "a", "2015", 2, line=3)]
                         + [Figure("r-003", "r", "u", "a", "2011-2016", dt.date(2011, 1, 1), dt.date(2016, 12, 31), "", 9, Qualifier.exact, "reported",
                                   "Mục 1", "q", "", "", "", "ds", "res", 4)])
    assert decade.periods == ("2015", "2016", "2011-2016")  # a review of several years comes after its last year
    assert [(r.indicator, [[f.id for f in c] for c in r.cells]) for r in grid.rows] == [
        ("a", [["r-002"], ["r-004"], ["r-001"]]),
        ("b", [["r-003"], [], []]),
    ]


def test_a_number_stated_twice_is_one_entry_and_a_contradiction_keeps_both() -> None:
    grid = figure_grid([
        fig("r-001", "a", "2016", 6184, line=2),
        fig("r-002", "a", "2016", 6184, line=3),  # the same sentence repeated in a table
        fig("r-003", "a", "2016", 6174, flag="inconsistent", line=4),
        fig("r-004", "a", "2016", None, line=5),  # a "/" cell
    ])
    [row] = grid.rows
    assert [f.id for f in row.cells[0]] == ["r-001", "r-003", "r-004"]
    assert any(f.flag for f in row.cells[0])
    repeated = figure_grid([fig("r-001", "a", "2016", 5), fig("r-002", "a", "2016", 5, flag="inconsistent", line=3)])
    assert [f.id for f in repeated.rows[0].cells[0]] == ["r-002"]  # the flag is not hidden behind its unflagged twin


def test_breakdowns_and_units_are_rows_of_their_own() -> None:
    grid = figure_grid([fig("r-001", "a", "2016", 1), fig("r-002", "a", "2016", 2, breakdown="level=commune", line=3),
                        fig("r-003", "a", "2016", 3, unit="v", line=4)])
    assert [(r.breakdown, r.unit) for r in grid.rows] == [("", "u"), ("level=commune", "u"), ("", "v")]


def _row_key(th) -> tuple[str, str, str]:
    """(indicator, breakdown, unit or '') named by a grid row's header cell."""
    indicator = th.select_one("a")["href"].rstrip("/").rsplit("/", 1)[1]
    named = th.select_one(".mb-breakdown")
    unit = th.select_one(".mb-grid__unit")
    return indicator, named["title"] if named else "", unit["href"].rstrip("/").rsplit("/", 1)[1] if unit else ""


def test_unit_pages_show_every_figure_in_its_row_and_period(shipped_site: Path) -> None:
    measure = {}
    for path in (ROOT / "content/indicators").glob("*.yaml"):
        measure[path.stem] = next(line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("unit:"))
    checked = 0
    for uid in sorted(p.stem for p in (ROOT / "content/units").glob("*.yaml")):
        for lang, prefix in (("vi", ""), ("en", "en/")):
            page = shipped_site / f"{prefix}units/{uid}/index.html"
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            grids = soup.select(".mb-grid")  # one per topic
            csv_link = soup.select_one(f'a[download][href$="downloads/units/{uid}.csv"]')
            if not grids:
                assert csv_link is None, uid
                continue
            # per row: the grid's periods and, per period, the texts of the cell's links (a "/"
            # cell also says why, for screen readers)
            rows = {}
            for grid in grids:
                periods = [th.get_text(strip=True) for th in grid.select("thead th")][1:]
                for tr in grid.select("tbody tr"):
                    key = _row_key(tr.select_one("th"))
                    assert key not in rows, (uid, key)  # an indicator is in one topic only
                    rows[key] = (periods, [[a.get_text(" ", strip=True) for a in td.select("a")] for td in tr.select("td")])
            for r in csv.DictReader((page.parent / csv_link["href"]).resolve().open(encoding="utf-8")):
                periods, row = rows[(r["indicator"], r["breakdown"], "" if r["unit"] == uid else r["unit"])]
                cell = row[periods.index(i18n.period_label(r["period"], lang))]
                expected = i18n.quantity(float(r["value"]), measure[r["indicator"]], lang) if r["value"] else "/"
                assert any(text == expected or text.startswith(expected + " ") for text in cell), (uid, lang, r["id"], expected, cell)
                checked += 1
    assert checked > 900
