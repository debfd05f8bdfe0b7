"""Issue 18: a mark explains itself on a tap; a search result lands at its passage; old names are found.

On the site the session built (conftest), at 360 px (a phone, touch) and 1280 px, in both languages.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from site_builder.publish import i18n

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
CASES = [(lang, width) for lang in ROOTS for width in (360, 1280)]
IDS = [f"{lang}-{width}" for lang, width in CASES]
UNIT = "units/tuy-phong/"  # its figures over time hold numbers the report contradicts (⚠)
FLAG = ".mb-grid td.mb-num button.mb-mark--inconsistent"
TIP_OPEN = "() => document.getElementById('mb-tip').matches(':popover-open')"
PAGE = 8  # results the search shows before "more"


def first_flag(shipped_site: Path, lang: str) -> tuple[str, str, str]:
    """The name, note and link of the first ⚠ in the unit's figures over time, as the build wrote it."""
    html = (shipped_site / ROOTS[lang] / UNIT / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "lxml").select_one(".mb-grid td.mb-num a.mb-mark--inconsistent")
    name = link["data-mb-name"]
    assert link["title"].startswith(name + ": ")
    return name, link["title"][len(name) + 2:], link["href"]


def open_unit(new_page: Any, site_url: str, lang: str, width: int) -> Any:
    page = new_page(width=width, height=800, touch=width == 360)
    page.goto(site_url + ROOTS[lang] + UNIT)
    page.wait_for_load_state("load")
    return page


def press(page: Any, locator: Any, width: int) -> None:
    """A finger's tap on a phone, a click on a wide screen."""
    if width == 360:
        locator.tap()
    else:
        locator.click()


def table_geometry(page: Any) -> dict[str, Any]:
    """The grid's size and where each of its cells is: what opening a mark must not change."""
    return page.evaluate("""() => { const t = document.querySelector('.mb-grid table');
        return {table: [t.offsetWidth, t.offsetHeight], cells: [...t.querySelectorAll('td, th')].map(c => [c.offsetLeft, c.offsetTop, c.offsetWidth, c.offsetHeight])}; }""")


# ------------------------------------------------------------------ marks


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_tapping_a_flag_in_the_figures_explains_it_in_place(lang: str, width: int, site_url: str, shipped_site: Path, new_page: Any, screenshots: Path) -> None:
    name, note, _ = first_flag(shipped_site, lang)
    page = open_unit(new_page, site_url, lang, width)
    mark = page.locator(FLAG).first
    assert mark.locator("[aria-hidden=true]").inner_text() == "⚠" and mark.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name=name, exact=True).count() >= 1  # the words screen readers read, as before
    mark.scroll_into_view_if_needed()
    before, url = table_geometry(page), page.url
    press(page, mark, width)
    page.wait_for_function(TIP_OPEN)
    assert page.url == url  # explained in place: no navigation
    assert mark.get_attribute("aria-expanded") == "true"
    tip = page.locator("#mb-tip")
    text = tip.inner_text()
    assert text.startswith(name) and note in text, text
    more = tip.locator("a.mb-tip__more")
    assert more.inner_text() == i18n.t("mark.more", lang)
    assert page.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash", more.element_handle()).endswith(f"/{ROOTS[lang]}about/#mark-inconsistent")
    # announced: the live region reads out what opened
    assert page.evaluate("n => [...document.querySelectorAll('[role=status]')].some(e => e.textContent.includes(n))", note)
    # on screen, under (or over) its mark, and the table around it did not move
    box, at = tip.bounding_box(), mark.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= width and 0 <= box["y"] and box["y"] + box["height"] <= 800, box
    assert abs(box["y"] - (at["y"] + at["height"])) < 12 or abs(box["y"] + box["height"] - at["y"]) < 12, (box, at)
    assert table_geometry(page) == before
    page.screenshot(path=str(screenshots / f"mark-open.{lang}.{width}.png"))
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !({TIP_OPEN})()")
    assert mark.get_attribute("aria-expanded") == "false"
    # a tap elsewhere closes it too, and the same mark again
    press(page, mark, width)
    page.wait_for_function(TIP_OPEN)
    press(page, page.locator("h1").first, width)
    page.wait_for_function(f"() => !({TIP_OPEN})()")
    press(page, mark, width)
    page.wait_for_function(TIP_OPEN)
    press(page, mark, width)
    page.wait_for_function(f"() => !({TIP_OPEN})()")
    assert page.url == url and page.mb_errors == []


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_the_keyboard_opens_a_mark_and_reaches_its_explanation(lang: str, width: int, site_url: str, shipped_site: Path, new_page: Any) -> None:
    name, note, _ = first_flag(shipped_site, lang)
    page = open_unit(new_page, site_url, lang, width)
    # the number the flag follows, then Tab onto the flag
    page.evaluate("s => document.querySelector(s).closest('.mb-flag').previousElementSibling.focus()", FLAG)
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", FLAG)
    page.keyboard.press("Enter")
    page.wait_for_function(TIP_OPEN)
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", FLAG)  # the focus stays on the mark
    assert note in page.locator("#mb-tip").inner_text()
    page.keyboard.press("Tab")  # into the explanation: its link to the about page
    assert page.evaluate("() => document.activeElement.matches('#mb-tip a.mb-tip__more')")
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !({TIP_OPEN})()")
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", FLAG)  # back on the mark
    assert page.mb_errors == []


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_a_flag_keeps_a_column_of_numbers_aligned(lang: str, width: int, site_url: str, new_page: Any) -> None:
    """The sign hangs in the cell's padding: a flagged number ends where the others of its column end."""
    page = open_unit(new_page, site_url, lang, width)
    flagged, others, mark, cell = page.evaluate("""s => { const b = document.querySelector(s), td = b.closest('td'), col = td.cellIndex;
        const value = b.closest('.mb-flag').previousElementSibling;
        const others = [...td.closest('tbody').rows].map(r => r.cells[col]).filter(c => c && c !== td && c.querySelector('a') && !c.querySelector('.mb-flag'));
        return [value.getBoundingClientRect().right, others.map(c => c.querySelector('a').getBoundingClientRect().right),
                b.getBoundingClientRect().right, td.getBoundingClientRect().right]; }""", FLAG)
    assert others, "no unflagged number in the column to compare with"
    assert all(abs(flagged - right) < 1 for right in others), (flagged, others)
    assert mark <= cell  # the sign stays inside its cell


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_a_mark_is_the_link_to_its_explanation(lang: str, site_url: str, shipped_site: Path, new_page: Any) -> None:
    name, note, _ = first_flag(shipped_site, lang)
    page = new_page(width=360, javascript=False)
    page.goto(site_url + ROOTS[lang] + UNIT)
    link = page.locator(".mb-grid td.mb-num a.mb-mark--inconsistent").first
    assert link.get_attribute("title") == f"{name}: {note}"  # the tooltip, as before
    link.click()
    page.wait_for_url(f"**/{ROOTS[lang]}about/#mark-inconsistent")
    row = page.evaluate("""() => { const t = document.getElementById('mark-inconsistent'), r = t.getBoundingClientRect();
        return [r.top, document.querySelector('.md-header').getBoundingClientRect().bottom, innerHeight]; }""")
    assert row[1] <= row[0] < row[2], row  # below the sticky header, on screen


# ------------------------------------------------------------------ search lands at the passage


def results(page: Any, query: str) -> list[dict[str, str]]:
    """Type `query` into the header search; every result (all pages of them): href, title, section, excerpt."""
    if not page.is_visible("#mb-search-input"):
        page.click(".mb-search__open")
    page.fill("#mb-search-input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-mb-search-meta]').textContent.includes(q) && document.querySelector('[data-mb-search-list]').children.length > 0",
        arg=query,
    )
    while page.is_visible("[data-mb-search-more]"):
        before = page.locator(".mb-search__link").count()
        page.click("[data-mb-search-more]")
        page.wait_for_function("n => document.querySelectorAll('.mb-search__link').length > n", arg=before)
    return page.eval_on_selector_all(".mb-search__link", """els => els.map(e => {
        const s = e.querySelector('.mb-search__section');
        return {href: e.getAttribute('href'), title: e.querySelector('.mb-search__title').textContent,
                section: s ? s.lastChild.textContent : '', label: s ? s.firstChild.textContent : '',
                excerpt: e.querySelector('.mb-search__excerpt').textContent}; })""")


def built_page(shipped_site: Path, prefix: str, href: str) -> BeautifulSoup:
    path = urlsplit(href).path.removeprefix(prefix)  # a result on the page itself keeps its ?q=
    return BeautifulSoup((shipped_site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def headings(page: BeautifulSoup) -> set[str]:
    """The text of a page's headings as Pagefind reads it: without the ¶ permalink."""
    for link in page.select(".headerlink"):
        link.decompose()
    return {h.get_text().strip() for h in page.select("article h1, article h2, article h3, article h4, article h5, article h6")}


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_a_number_found_lands_at_its_passage(lang: str, width: int, site_url: str, prefix: str, shipped_site: Path, new_page: Any, screenshots: Path) -> None:
    query = {"vi": "7.447", "en": "7,447"}[lang]
    page = new_page(width=width, height=800)
    page.goto(site_url + ROOTS[lang])
    found = results(page, query)
    page.evaluate("() => document.querySelectorAll('.mb-search__box, .mb-search__results').forEach(e => e.scrollTop = 0)")
    page.screenshot(path=str(screenshots / f"search-sections-{query}.{lang}.{width}.png"))
    anchored = [r for r in found if "#" in r["href"]]
    assert anchored, found
    for r in anchored:  # each shows the heading it was found under, and its anchor is on that page
        built = built_page(shipped_site, prefix, r["href"])
        assert built.find(id=unquote(r["href"].split("#")[1])) is not None, r
        if r["section"]:
            assert r["section"] in headings(built), r
            assert r["label"] == i18n.t("search.section", lang) + ": "  # read out before the section
    # the report's figure itself, not the top of the report
    report = next(r for r in anchored if r["href"].startswith(f"{prefix}{ROOTS[lang]}reports/dak-nong-vp-ubnd-2021-q3/#"))
    target = built_page(shipped_site, prefix, report["href"]).find(id=unquote(report["href"].split("#")[1]))
    assert query in target.get_text(), target.get_text()[:200]
    assert report["section"] in headings(built_page(shipped_site, prefix, report["href"])) and report["section"] != report["title"]
    assert query in report["excerpt"]
    page.locator(f".mb-search__link[href='{report['href']}']").click()
    page.wait_for_url(f"**{report['href']}")
    page.wait_for_load_state("load")
    top, bottom, header, height, lit = page.evaluate("""() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        const r = t.getBoundingClientRect();
        return [r.top, r.bottom, document.querySelector('.md-header').getBoundingClientRect().bottom, innerHeight,
                t.matches(':target') && getComputedStyle(t).backgroundColor !== 'rgba(0, 0, 0, 0)']; }""")
    assert header <= top < height and bottom > header, (top, bottom, header, height)  # in view, below the sticky header
    assert lit  # and highlighted
    page.screenshot(path=str(screenshots / f"search-landed.{lang}.{width}.png"))
    assert page.mb_errors == []


def test_a_result_on_the_page_itself_moves_to_the_passage_and_the_results_step_aside(site_url: str, prefix: str, new_page: Any) -> None:
    page = new_page(width=360, height=800)
    page.goto(site_url + "reports/dak-nong-vp-ubnd-2021-q3/")
    found = results(page, "7.447")
    # on the page itself: the same address, its query kept (the page is not loaded again), another #anchor
    here = next(r for r in found if r["href"].startswith(prefix + "reports/dak-nong-vp-ubnd-2021-q3/?q=7.447#"))
    page.evaluate("() => { window.mbSamePage = true; }")
    page.locator(f".mb-search__link[href='{here['href']}']").click()
    page.wait_for_function("() => location.hash.length > 1")
    assert page.evaluate("() => window.mbSamePage === true")
    assert not page.is_visible(".mb-search__results") and not page.is_visible("#mb-search-input")
    top, header = page.evaluate("""() => [document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect().top,
        document.querySelector('.md-header').getBoundingClientRect().bottom]""")
    assert header <= top < 800


# ------------------------------------------------------------------ old names


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_an_old_name_finds_the_old_unit_and_its_successor(lang: str, width: int, site_url: str, prefix: str, new_page: Any) -> None:
    page = new_page(width=width, height=800)
    page.goto(site_url + ROOTS[lang])
    root = prefix + ROOTS[lang]
    for query, old in (("binh thuan", "binh-thuan"), ("dak nong", "dak-nong"), ("Bình Thuận", "binh-thuan"), ("Đắk Nông", "dak-nong"), ("tuy phong", "tuy-phong")):
        found = results(page, query)
        pages = [r["href"].split("#")[0] for r in found]
        assert f"{root}units/{old}/" in pages, (query, pages)
        assert f"{root}units/lam-dong/" in pages, (query, pages)
        if query in ("binh thuan", "dak nong"):  # on the first screen of results, not only somewhere
            assert f"{root}units/lam-dong/" in pages[:PAGE], (query, pages[:PAGE])
        # the index's own spellings are never shown: not in an excerpt, not as a section
        successor = found[pages.index(f"{root}units/lam-dong/")]
        assert "Dak" not in successor["excerpt"] and not successor["excerpt"].startswith("—"), successor
        assert all(r["section"] != "—" for r in found)
    assert page.mb_errors == []
