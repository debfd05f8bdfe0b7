"""Glossary tooltips in the browser: Material's tooltip shows an abbreviation's expansion in the
page's language, on hover with a mouse and on a tap on a phone."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
EXPANSIONS = {"vi": {"UBND": "Ủy ban nhân dân", "TTHC": "thủ tục hành chính"}, "en": {"UBND": "People's Committee", "TTHC": "administrative procedure"}}


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_abbreviation_shows_its_expansion(lang: str, width: int, site_url: str, new_page: Any, screenshots: Path) -> None:
    phone = width == 360
    page = new_page(width=width, touch=phone)
    page.goto(site_url + ROOTS[lang] + "reports/dak-nong-vp-ubnd-2021-q3/")
    page.wait_for_load_state("load")
    for term, expansion in EXPANSIONS[lang].items():
        # in a figure's quote (Vietnamese on both languages' pages), shown once its value is tapped: a
        # handle, not a locator, since the theme moves the title into its tooltip on first hover;
        # outside a link, where a tap would follow the link
        abbr = page.evaluate_handle(
            "t => [...document.querySelectorAll('article details.mb-src blockquote abbr[title]')].find(a => a.textContent === t && !a.closest('a'))", term
        ).as_element()
        assert abbr is not None, f"{lang}: no {term} outside a link"
        assert abbr.get_attribute("title") == expansion
        value = abbr.evaluate_handle("a => a.closest('details.mb-src').querySelector('summary')").as_element()
        value.scroll_into_view_if_needed()
        value.tap() if phone else value.click()
        abbr.scroll_into_view_if_needed()
        abbr.tap() if phone else abbr.hover()
        tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
        tip.wait_for(state="visible")
        assert tip.text_content().strip() == expansion
        page.wait_for_timeout(300)  # the theme's fade-in
        box, host = tip.bounding_box(), abbr.bounding_box()
        below, above = box["y"] - (host["y"] + host["height"]), host["y"] - (box["y"] + box["height"])
        assert -1 < below < 30 or -1 < above < 30, (box, host)  # beside its term
        assert box["x"] < host["x"] + host["width"] and host["x"] < box["x"] + box["width"], (box, host)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # in front of the figure's source, whose card lies over the page
        assert page.evaluate("""() => { const tip = document.querySelector('.md-tooltip2--active .md-tooltip2__inner');
            tip.parentElement.style.pointerEvents = 'auto'; const r = tip.getBoundingClientRect();
            const front = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            tip.parentElement.style.pointerEvents = ''; return tip.contains(front); }""")
        page.screenshot(path=str(screenshots / f"tooltip-{term}.{lang}.{width}.png"))
        page.mouse.move(0, 0) if not phone else page.locator("h1").tap()
    assert page.mb_errors == []
