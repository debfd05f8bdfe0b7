"""Unit, district and province pages tell their figures (issue 18), in both languages at 360 and
1280 px: the scorecard is on the first screen, a province adds up what lies below it (checked
here against the data package, computed independently of site_builder.compute), no page a
citizen reaches is a dead end, and the 2025 reorganisation links both ways."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.publish import i18n

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ROOTS = {"vi": "", "en": "en/"}
WIDTHS = (360, 1280)
FIRST_SCREEN = 800


def _units() -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "content/units").glob("*.yaml")}


def _indicators() -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "content/indicators").glob("*.yaml")}


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((ROOT / "datapackages/cchc-figures/data").glob("*.csv")):
        rows += csv.DictReader(path.open(encoding="utf-8"))
    return rows


def _below(units: dict[str, dict[str, Any]], uid: str) -> set[str]:
    out, todo = set(), [uid]
    while todo:
        cur = todo.pop()
        kids = [u for u, d in units.items() if d.get("parent") == cur]
        out.update(kids)
        todo += kids
    return out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_scorecard_is_on_the_first_screen(lang: str, width: int, site_url: str, new_page: Any) -> None:
    page = new_page(width=width, height=FIRST_SCREEN)
    seen = 0
    for uid in ("tuy-phong", "binh-son-binh-phuoc", "dak-nong", "loc-ninh", "dak-nong-tt-hcc"):
        page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
        value = page.locator(".mb-score .mb-score__value").first
        box = value.bounding_box()
        assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN, (uid, box)
        assert value.is_visible() and value.inner_text().strip()
        # the scorecard comes before the tables of figures and the unit's identity
        order = page.evaluate("""() => [...document.querySelectorAll('.mb-scorecard, .mb-grid, .mb-facts')].map(e => e.className)""")
        assert "mb-scorecard" in order[0], (uid, order)
        assert "mb-facts" in order[-1]
        seen += 1
    assert seen == 5 and page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_scorecard_values_are_the_latest_of_the_data(lang: str, site_url: str, new_page: Any) -> None:
    """Each card's value is the latest total its unit's rows give for the indicator, formatted for
    the language (7.447 / 7,447); a recomputed share is not checked here but must link a row."""
    indicators = _indicators()
    latest: dict[tuple[str, str], tuple[str, str, str, float]] = {}
    stated: set[tuple[str, str, str]] = set()
    for r in _rows():
        if r["breakdown"] or r["status"] != "reported" or not r["value"]:
            continue
        key = (r["unit"], r["indicator"])
        if (r["unit"], r["indicator"], r["period"]) in stated:  # a period stated twice: its first statement
            continue
        stated.add((r["unit"], r["indicator"], r["period"]))
        when = (r["period_start"] or r["period_end"], r["period_end"], r["id"])  # two periods of the same dates: the later statement
        if key not in latest or when > latest[key][:3]:
            latest[key] = (*when, float(r["value"]))
    page = new_page(width=1280)
    checked = 0
    for uid in ("tuy-phong", "binh-son-binh-phuoc", "dak-nong-tt-hcc", "loc-ninh"):
        page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
        for card in page.locator(".mb-score").all():
            indicator = (card.get_attribute("id") or "").removeprefix("score-")
            link = card.locator(".mb-score__value a").first
            assert "#fig-" in (link.get_attribute("href") or "")
            if (uid, indicator) in latest:
                expected = i18n.quantity(latest[(uid, indicator)][3], indicators[indicator]["unit"], lang)  # type: ignore[arg-type]
                assert link.inner_text().strip() == expected, (uid, indicator)
                checked += 1
    assert checked >= 15


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_provinces_add_up_what_lies_below(lang: str, site_url: str, new_page: Any) -> None:
    """Every sum shown equals the rows of the units of its level below for its period, added up
    independently here (one value per unit: its first statement), and only for additive indicators;
    coverage says how many units of each level have figures or reports."""
    units, indicators, rows = _units(), _indicators(), _rows()
    reports = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "content/reports").glob("*.yaml")}
    page = new_page(width=360)
    sums_checked = 0
    for uid in ("quang-ngai", "binh-thuan", "binh-phuoc", "binh-son"):
        page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
        below = _below(units, uid)
        for tr in page.locator(".mb-sums tbody tr").all():
            _, level, indicator = (tr.get_attribute("id") or "").split("-", 2)
            assert indicators[indicator].get("additive") is True, indicator
            period = tr.get_attribute("data-period")
            assert i18n.period_label(period or "", lang).lower() in tr.locator("td").nth(1).inner_text().lower()
            first: dict[str, float] = {}
            for r in rows:
                if (r["indicator"] == indicator and not r["breakdown"] and r["status"] == "reported" and r["value"] and r["unit"] in below
                        and units[r["unit"]]["level"] == level and r["period"] == period):
                    first.setdefault(r["unit"], float(r["value"]))
            assert first, (uid, indicator)
            expected = i18n.quantity(sum(first.values()), indicators[indicator]["unit"], lang)
            assert tr.locator("td").first.inner_text().strip().endswith(expected), (uid, indicator, expected)
            sums_checked += 1
        coverage = page.locator(".mb-coverage").all_inner_texts()
        for level in ("district", "commune"):
            of_level = [b for b in below if units[b]["level"] == level]
            if not of_level:
                continue
            with_data = [b for b in of_level if any(r["unit"] == b for r in rows) or any(b in (rep["unit"], rep["issuer"]) for rep in reports.values())]
            words = i18n.t(f"levels.{level}", lang) if len(of_level) > 1 else i18n.t(f"story.level.{level}", lang)
            phrase = f"{len(with_data)}/{len(of_level)} {words}" if lang == "vi" else f"{len(with_data)} of {len(of_level)} {words}"
            assert any(phrase in line for line in coverage), (uid, phrase, coverage)
    assert sums_checked >= 10


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_unit_page_is_a_dead_end(lang: str, site_url: str, new_page: Any) -> None:
    """Every unit page shows figures, its reports, what lies below it, or where it went / what it took over."""
    page = new_page(width=360)
    for uid in sorted(_units()):
        page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
        found = page.locator(".mb-scorecard, #below, #reports, .mb-reorg-note a").count()
        assert found > 0, uid


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_reorganisation_links_both_ways_near_the_top(lang: str, width: int, site_url: str, new_page: Any) -> None:
    units = _units()
    page = new_page(width=width, height=FIRST_SCREEN)
    successors: dict[str, set[str]] = defaultdict(set)
    for uid, unit in units.items():
        fate = unit.get("reorganisation_2025") or {}
        if fate.get("successor") and fate["status"] in ("merged", "abolished"):
            successors[fate["successor"]].add(uid)
            page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
            link = page.locator(f'.mb-reorg-note a[href$="/{fate["successor"]}/"]')
            box = link.bounding_box()
            assert box is not None and box["y"] < FIRST_SCREEN, uid
    assert successors
    for successor, old in successors.items():
        page.goto(f"{site_url}{ROOTS[lang]}units/{successor}/")
        listed = {h.rstrip("/").rsplit("/", 1)[-1] for h in page.locator(".mb-reorg-note a").evaluate_all("els => els.map(e => e.getAttribute('href'))")}
        assert old <= listed, (successor, old - listed)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_phone_labels_each_value_of_the_units_below(lang: str, site_url: str, new_page: Any) -> None:
    """At 360 px the table of units below is a block per unit; each value says which column it is
    (and the column's period, unless it names its own or is missing), as its header says."""
    page = new_page(width=360)
    cells = 0
    for uid in ("binh-phuoc", "dak-nong", "quang-ngai"):
        page.goto(f"{site_url}{ROOTS[lang]}units/{uid}/")
        seen = page.evaluate("""() => {
          const table = document.querySelector('.mb-below table');
          const heads = [...table.querySelectorAll('thead th')].map(th => {
            const period = th.querySelector('.mb-cell-period');
            const name = (th.querySelector('a') || th).textContent.trim();
            return {name: period ? name.replace(period.textContent, '').trim() : name, period: period ? period.textContent.trim() : ''};
          });
          return [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children].map((cell, i) => ({
            i, tag: cell.tagName, label: getComputedStyle(cell, '::before').content, head: heads[i],
            own: !!cell.querySelector('.mb-cell-period'), missing: cell.textContent.trim() === '—',
            shown: getComputedStyle(cell).display})));
        }""")
        for c in seen:
            if c["tag"] != "TD":
                continue
            head = c["head"]
            expected = f"{head['name']}, {head['period']}" if head["period"] and not c["own"] and not c["missing"] else head["name"]
            assert c["label"] == f'"{expected}"', (uid, c)
            assert c["shown"] == "block"
            cells += 1
    assert cells >= 20 and page.mb_errors == []
    # on a wide screen the table is a table: no cell repeats its column's name
    page.set_viewport_size({"width": 1280, "height": 900})
    labels = page.evaluate("""() => [...document.querySelectorAll('.mb-below tbody td')].map(td => getComputedStyle(td, '::before').content)""")
    assert labels and set(labels) <= {"none", "normal"}, set(labels)
