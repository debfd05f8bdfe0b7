"""Tables that work on a phone and the look of a data portal (issue 19), in both languages at 360
and 1280 px: every list's label and value are on screen, long tables sort and filter with the
script and stay whole, plain tables without it, a table wider than its box says so, and the
type, the sidebar, the dark scheme and print look like a data portal's, not a manual's."""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from site_builder.publish import i18n

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ROOTS = {"vi": "", "en": "en/"}
WIDTHS = (360, 1280)
# pages whose lists use the table component, and the list a citizen reads there
LISTS = ("", "indicators/dossiers-received/", "indicators/share-online/", "targets/", "indicators/", "reports/", "units/", "units/quang-ngai/")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d")).encode("ascii", "ignore").decode().lower()


def _figure_count(indicator: str) -> int:
    n = 0
    for path in sorted((ROOT / "datapackages/cchc-figures/data").glob("*.csv")):
        n += sum(1 for r in csv.DictReader(path.open(encoding="utf-8")) if r["indicator"] == indicator)
    return n


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_label_and_value_of_every_row_are_on_screen(lang: str, width: int, site_url: str, new_page: Any) -> None:
    """In every list table, each row's header and each number are inside the viewport's width
    (on a phone the rows are blocks: nothing to scroll sideways to)."""
    page = new_page(width=width)
    checked = 0
    for path in LISTS:
        page.goto(f"{site_url}{ROOTS[lang]}{path}")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.mb-table tbody tr')].slice(0, 12).flatMap(tr =>
            [...tr.querySelectorAll('th[scope=row], td.mb-num')].map(c => { const r = c.getBoundingClientRect();
              return {path: location.pathname, text: c.innerText.trim(), left: r.left, right: r.right}; }))""")
        assert boxes, path
        for b in boxes:
            assert b["left"] >= 0 and b["right"] <= width + 0.5, b
        # the page itself never scrolls sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        checked += len(boxes)
    assert checked > 50 and page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_column_is_not_shown(lang: str, site_url: str) -> None:
    """The home page's headline figures and an indicator without breakdowns have no Breakdown column."""
    import urllib.request

    html = urllib.request.urlopen(f"{site_url}{ROOTS[lang]}indicators/share-online/").read().decode()
    table = html[html.index('class="mb-table'):]
    table = table[: table.index("</table>")]
    assert i18n.t("breakdown", lang) not in table
    assert i18n.t("value", lang) in table


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sorting_and_filtering_a_long_table(lang: str, width: int, site_url: str, new_page: Any) -> None:
    page = new_page(width=width)
    page.goto(f"{site_url}{ROOTS[lang]}indicators/")
    table = page.locator(".mb-indicators table")
    total = table.locator("tbody tr").count()
    assert total >= 100

    def counts() -> list[float]:
        cells = table.locator("tbody tr:not([hidden]) td.mb-num").all_inner_texts()
        return [float(c.replace(".", "").replace(",", "")) for c in cells]

    def choose(column: str, direction: str) -> None:
        select = page.locator(".mb-table__tools select")
        label = f"{i18n.t('figures', lang)} ({i18n.t('table.' + direction, lang)})"
        select.select_option(label=label)

    # by the sort choice (which a phone shows; its header row is hidden) and by the header button
    choose("figures", "descending")
    values = counts()
    assert values == sorted(values, reverse=True) and values[0] > values[-1]
    if width > 600:
        header = table.locator("th", has_text=i18n.t("figures", lang))
        header.locator("button").click()
        assert header.get_attribute("aria-sort") == "ascending"
        assert counts() == sorted(values)
        header.locator("button").click()
        assert header.get_attribute("aria-sort") == "descending"
    # back to the page's order
    page.locator(".mb-table__tools select").select_option(value="")
    names = table.locator("tbody th[scope=row] a").all_inner_texts()
    page.reload()
    assert names == table.locator("tbody th[scope=row] a").all_inner_texts()

    # a filter typed without accents finds the accented names; the status counts what is shown
    word = "ho so" if lang == "vi" else "dossiers"
    field = page.locator(".mb-table__tools input")
    field.fill(word)
    shown = table.locator("tbody tr:not([hidden])")
    n = shown.count()
    assert 0 < n < total
    for text in shown.all_inner_texts():
        assert all(w in _fold(text) for w in word.split()), text
    status = page.locator(".mb-table__count").inner_text()
    assert re.search(r"\d", status) and str(n) in status and f"{total}" in status.replace(".", "").replace(",", "")
    field.fill("zzzqqq")
    assert shown.count() == 0
    assert page.locator(".mb-table__count").inner_text() == i18n.t("table.none", lang)
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_a_list_is_a_plain_whole_table(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280, javascript=False)
    page.goto(f"{site_url}{ROOTS[lang]}indicators/dossiers-received/")
    rows = page.locator(".mb-figures tbody tr")
    assert rows.count() == _figure_count("dossiers-received")
    assert page.locator(".mb-table__tools").count() == 0 and page.locator("th button").count() == 0
    assert rows.first.locator("th[scope=row] a").is_visible()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_table_wider_than_the_screen_says_so(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(f"{site_url}{ROOTS[lang]}units/tuy-phong/")
    grids = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap.mb-grid')].map(w => {
        const hint = w.previousElementSibling;
        return {scrolls: w.scrollWidth > w.clientWidth, hint: hint && hint.matches('.mb-table__scrolls:not([hidden])') ? hint.innerText : null}; })""")
    assert any(g["scrolls"] for g in grids), grids
    for g in grids:  # each grid that scrolls says so, and only those
        assert g["hint"] == (i18n.t("table.scrolls", lang) if g["scrolls"] else None), g
    # and at 1280 px a list that fits says nothing
    page = new_page(width=1280)
    page.goto(f"{site_url}{ROOTS[lang]}indicators/")
    assert page.locator(".mb-indicators .mb-table__scrolls:not([hidden])").count() == 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_long_table_keeps_its_header_in_view(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280, height=800)
    page.goto(f"{site_url}{ROOTS[lang]}indicators/")
    wrap = page.locator(".mb-indicators .md-typeset__scrollwrap")
    wrap.evaluate("w => w.scrollTop = 1500")
    head = page.locator(".mb-indicators thead th").first.bounding_box()
    box = wrap.bounding_box()
    assert head and box and abs(head["y"] - box["y"]) < 2  # the header row sits at the top of its scrolled box


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_data_portals_type(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(f"{site_url}{ROOTS[lang]}units/tuy-phong/")
    style = page.evaluate("""() => {
      const css = (sel, prop) => { const e = document.querySelector(sel); return e && getComputedStyle(e)[prop]; };
      return {h1: css('.md-typeset h1', 'fontWeight'), h1colour: css('.md-typeset h1', 'color'), body: css('.md-typeset', 'color'),
              cell: css('.mb-grid td', 'fontSize'), badge: css('.mb-level', 'fontSize'),
              number: css('.mb-grid td.mb-num a:not(.mb-mark)', 'color'), link: css('.mb-crumbs a', 'color'),
              sidebar: (() => { const s = document.querySelector('.md-sidebar--primary'); return s ? s.getBoundingClientRect().width : 0; })()};
    }""")
    assert int(style["h1"]) >= 600 and style["h1colour"] == style["body"], style
    assert float(style["cell"].removesuffix("px")) >= 14, style
    assert float(style["badge"].removesuffix("px")) >= 12, style
    assert style["number"] == style["body"] and style["number"] != style["link"], style  # a number is not a blue link
    assert style["sidebar"] == 0, style  # no empty navigation sidebar at 1280 px


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_dark_scheme_keeps_charts_legible(lang: str, site_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{site_url}{ROOTS[lang]}units/tuy-phong/")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate"
        colours = page.evaluate("""() => ({bg: getComputedStyle(document.body).backgroundColor,
            chart: getComputedStyle(document.querySelector('.mb-chart img')).backgroundColor})""")
        dark = [int(x) for x in re.findall(r"\d+", colours["bg"])[:3]]
        assert max(dark) < 80, colours  # the page is dark…
        assert colours["chart"] == "rgb(255, 255, 255)", colours  # …and a chart keeps its white ground
        # the switch says what it does, in the page's language
        assert page.locator(f"[title='{i18n.t('palette.slate', lang)}']").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("path", ["units/tuy-phong/", "reports/dak-nong-vp-ubnd-2021-q3/"])
def test_print_shows_the_page_not_the_controls(path: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(f"{site_url}{path}")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.mb-table__tools', '.mb-table__scrolls', '.md-footer']
        .flatMap(s => [...document.querySelectorAll(s)]).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}, hidden
    assert page.locator("h1").is_visible()
    scroll_boxes = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => getComputedStyle(w).overflowY)""")
    assert "auto" not in scroll_boxes  # a long table is printed whole, not in a scrolling box
