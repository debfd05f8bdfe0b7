"""The tile-grid map on the home page and on an indicator page, as a reader gets it: tiles drawn
inside the column, text at least 11 px, links to pages that exist, reachable with Tab, and a
table with the very values the tiles give."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
# The shipped indicator with a province value (Đắk Nông, 2021-Q3) and the home page.
PAGES = {"home": "", "indicator": "indicators/procedures-processing-time-cut/"}

MEASURE = """() => {
  const svg = document.querySelector('.mb-tilemap__svg');
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')];
  const out = [...svg.querySelectorAll('rect, text')].filter(e => { const r = e.getBoundingClientRect();
    return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5; }).length;
  return {
    tiles: svg.querySelectorAll('rect').length,
    links: [...svg.querySelectorAll('a')].map(a => a.href.baseVal !== undefined ? new URL(a.getAttribute('href'), location.href).href : a.href),
    smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width)),
    lowest_glyph: Math.min(...texts.map(t => t.getBoundingClientRect().height)),
    right: box.right, left: box.left, outside: out,
    page: document.documentElement.scrollWidth,
    titles: [...svg.querySelectorAll('a > title, g > title')].map(t => t.textContent),
    rows: [...document.querySelectorAll('.mb-map-table tbody tr')].map(tr => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]),
  };
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_the_map_fits_reads_and_links(kind: str, lang: str, width: int, site_url: str, shipped_site: Path, new_page: Any) -> None:
    page = new_page(width=width, height=800)
    page.goto(site_url + ROOTS[lang] + PAGES[kind])
    page.wait_for_load_state("load")
    m = page.evaluate(MEASURE)
    assert m["tiles"] in (63, 34)
    assert m["left"] >= 0 and m["right"] <= width and m["page"] <= width  # nothing outside the column, no sideways scrolling
    assert m["outside"] == 0  # nothing drawn outside the SVG's canvas
    assert m["smallest"] >= 11 and m["lowest_glyph"] >= 11
    assert m["links"], "no tile links to a province page"
    served = urlsplit(site_url).path
    for href in m["links"]:
        path = urlsplit(href).path
        assert path.startswith(served), href
        target = shipped_site / path[len(served):] / "index.html"
        assert target.is_file(), f"{href} has no page"
    assert len(m["titles"]) == m["tiles"]
    if kind == "indicator":
        assert m["rows"], "the table equivalent is empty"
        for name, value in m["rows"]:
            assert any(t.startswith(name + ":") and value in t for t in m["titles"]), (name, value, m["titles"])
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tab_reaches_the_tiles_with_a_visible_ring(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360, height=740)
    page.goto(site_url + ROOTS[lang] + PAGES["indicator"])
    page.wait_for_load_state("load")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.mb-tilemap__svg')"):
            break
    else:
        pytest.fail("Tab never reached a tile")
    ring = page.evaluate("() => { const r = document.activeElement.querySelector('rect'); const s = getComputedStyle(r); return [s.strokeWidth, s.stroke]; }")
    assert float(ring[0].rstrip("px")) >= 3 and ring[1] not in ("none", "")
    page.keyboard.press("Enter")  # a tile is a link: Enter opens its province
    page.wait_for_url("**/units/**")
