"""Phones: at 360 px no page scrolls sideways (wide tables scroll inside their own wrapper).

Screenshots of the main page types at 360 and 1280 px are written for people to look at
($MB_SCREENSHOTS, else a temporary folder).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "units-index": "units/",
    "unit": "units/binh-son-binh-phuoc/",
    "unit-province": "units/dak-nong/",
    "reports-index": "reports/",
    "report": "reports/dak-nong-vp-ubnd-2021-q3/",
    "report-source": "reports/dak-nong-vp-ubnd-2021-q3-source/",
    "indicators-index": "indicators/",
    "indicator": "indicators/share-online/",
    "datasets": "datasets/",
    "dataset": "datasets/cchc-figures/",
    "targets": "targets/",
    "glossary": "glossary/",
    "api": "api/",
    "changelog": "changelog/",
    "about": "about/",
}
ROOTS = {"vi": "", "en": "en/"}
SHOTS = ("home", "units-index", "unit", "unit-province", "reports-index", "report", "indicators-index", "indicator", "datasets", "targets", "glossary", "about")

# Key/value tables (a unit's or report's facts) that scroll sideways: they are not wide tables.
FACTS_SCROLLING = """() => [...document.querySelectorAll(".mb-facts")].filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => e.querySelector("tr:last-child th").textContent + " " + e.scrollWidth + "/" + e.clientWidth)"""


def png_width(path: Path) -> int:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(head[16:20], "big")

# Elements wider than the viewport that are not inside a horizontal scroll container.
OVERFLOWING = """(width) => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5) continue;
    let p = el.parentElement, scrolls = false;
    while (p && p !== document.body) {
      const s = getComputedStyle(p);
      if ((s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") && p.getBoundingClientRect().right <= width + 0.5) { scrolls = true; break; }
      p = p.parentElement;
    }
    if (!scrolls && getComputedStyle(el).position !== "fixed") out.push(el.tagName.toLowerCase() + "." + [...el.classList].join(".") + " right=" + Math.round(r.right));
  }
  return out.slice(0, 10);
}"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_horizontal_scrolling_at_360px(lang: str, site_url: str, new_page: Any, screenshots: Path) -> None:
    page = new_page(width=360, height=740)
    problems = {}
    for kind, path in PAGE_TYPES.items():
        page.goto(site_url + ROOTS[lang] + path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            problems[kind] = (width, page.evaluate(OVERFLOWING, 360))
        if page.evaluate(FACTS_SCROLLING):
            problems[kind + " facts"] = page.evaluate(FACTS_SCROLLING)
        if kind in SHOTS:
            shot = screenshots / f"{kind}.{lang}.360.png"
            page.screenshot(path=str(shot), full_page=True)
            assert png_width(shot) == 360
    assert not problems, problems
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_screenshots_at_1280px(lang: str, site_url: str, new_page: Any, screenshots: Path) -> None:
    page = new_page(width=1280, height=900)
    for kind in SHOTS:
        page.goto(site_url + ROOTS[lang] + PAGE_TYPES[kind])
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        shot = screenshots / f"{kind}.{lang}.1280.png"
        page.screenshot(path=str(shot), full_page=False)
        assert png_width(shot) == 1280
    assert page.mb_errors == []
