"""Report pages read as the document, on a phone and a desktop, in both languages: short enough to
read through, every figure's value in view in its table, each figure's source one tap away, and a
figure's anchor (#fig-…, which unit and indicator pages, the changelog and the API link to) landing
on it, highlighted, with its source open."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ROOTS = {"vi": "", "en": "en/"}
WIDTHS = (1280, 360)
# document.documentElement.scrollHeight with every source closed; 62,037 / 105,021 px (vi) when
# each figure was a card
HEIGHT_LIMITS = {1280: 15_000, 360: 30_000}
TUY_PHONG = "tuy-phong-cchc-2011-2020"
DAK_NONG = "dak-nong-vp-ubnd-2021-q3"
# a cell in the last column of a printed table (Phụ lục 07, dòng 11, tử số, 2020 to 31 March), which a phone
# scrolls sideways to; a row of a list (Đắk Nông, Mục II.6)
LANDINGS = {TUY_PHONG: f"{TUY_PHONG}-304", DAK_NONG: f"{DAK_NONG}-012"}
HIGHLIGHT = "rgb(255, 240, 168)"  # extra.css: a figure's row or cell under :target


def figures(rid: str) -> list[dict[str, str]]:
    path = ROOT / "datapackages/cchc-figures/data" / f"{rid}.csv"
    return list(csv.DictReader(path.open(encoding="utf-8")))


def readings(rid: str) -> dict[str, str]:
    """OCR quote -> restored reading, from the report's content/sources/<rid>.readings.yaml."""
    path = ROOT / "content/sources" / f"{rid}.readings.yaml"
    return {e["ocr"]: e["reading"] for e in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["readings"]} if path.is_file() else {}


def shown_quote(rid: str, row: dict[str, str]) -> str:
    """The sentence a figure's source shows first: its restored reading, else the quote as it is."""
    return readings(rid).get(row["quote"], row["quote"])


# For each id: whether an element #fig-<id> exists, the figure's value (its source's summary) as
# shown, and whether it is rendered and on the page without opening anything.
VALUES = """(ids) => ids.map(id => {
  const el = document.getElementById("fig-" + id);
  const summary = el && el.querySelector("details.mb-src > summary");
  if (!summary) return [id, !!el, "", false];
  const r = summary.getBoundingClientRect();
  const shown = summary.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0
    && !summary.closest("details:not([open]) details, details:not([open]) > :not(summary)");
  const seen = summary.cloneNode(true);
  seen.querySelectorAll(".mb-sr-only").forEach(e => e.remove());  // words for screen readers only
  return [id, true, seen.textContent.trim(), shown];
})"""

# The landed element: where it is in the viewport (below the theme's header), its background (the
# row's first cell for a list, the cell for a printed table), and whether its source is open.
LANDED = """(id) => {
  const el = document.getElementById(id);
  const r = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const painted = el.tagName === "TR" ? el.cells[0] : el.closest("td");
  const details = el.querySelector("details.mb-src");
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, header, width: innerWidth, height: innerHeight,
          target: el.matches(":target"), background: getComputedStyle(painted).backgroundColor, open: !!(details && details.open)};
}"""


def load(page: Any, site_url: str, lang: str, rid: str, fragment: str = "") -> None:
    page.goto(site_url + ROOTS[lang] + f"reports/{rid}/" + (f"#{fragment}" if fragment else ""))
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ROOTS)
def test_a_report_fits_and_shows_every_figures_value(lang: str, width: int, site_url: str, new_page: Any, screenshots: Path) -> None:
    page = new_page(width=width, touch=width < 400)
    for rid in (TUY_PHONG, DAK_NONG):
        load(page, site_url, lang, rid)
        assert page.evaluate("document.querySelectorAll('details[open]').length") == 0
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= HEIGHT_LIMITS[width], f"{rid} {lang} {width}: {height} px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # only the tables scroll sideways
        rows = figures(rid)
        found = page.evaluate(VALUES, [r["id"] for r in rows])
        missing = [id for id, exists, _, _ in found if not exists]
        assert not missing, f"{rid}: no element for {missing[:5]}"
        hidden = [id for id, _, _, shown in found if not shown]
        assert not hidden, f"{rid}: value not in view for {hidden[:5]}"
        # the value is the figure's: a digit where the report gives a number, "/" where it gives none
        for (id, _, text, _), row in zip(found, rows):
            assert (text == "/" or text == {"vi": "không có số liệu (\"/\")", "en": "not given (\"/\")"}[lang]) if row["value"] == "" \
                else any(c.isdigit() for c in text), (id, text)
        assert page.evaluate("document.querySelectorAll('[id^=\"fig-\"]').length") == len(rows)  # each figure once
    page.screenshot(path=str(screenshots / f"report-{TUY_PHONG}.{lang}.{width}.png"))
    assert page.mb_errors == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ROOTS)
@pytest.mark.parametrize("rid", LANDINGS)
def test_a_figures_anchor_lands_on_it_highlighted_with_its_source_open(rid: str, lang: str, width: int, site_url: str, new_page: Any,
                                                                      screenshots: Path) -> None:
    page = new_page(width=width, height=740 if width < 400 else 800, touch=width < 400)
    target = f"fig-{LANDINGS[rid]}"
    load(page, site_url, lang, rid, target)
    page.wait_for_function("() => !!document.querySelector('details.mb-src[open]')")
    at = page.evaluate(LANDED, target)
    assert at["target"] and at["open"]
    assert at["header"] - 1 <= at["top"] and at["bottom"] <= at["height"], at  # below the header, on screen
    assert 0 <= at["left"] and at["right"] <= at["width"], at  # a phone's table scrolled sideways to it
    assert at["background"] == HIGHLIGHT, at
    quote = page.locator(f"#{target} .mb-src__body > blockquote")
    assert quote.is_visible() and quote.get_attribute("lang") == "vi" and quote.get_attribute("data-pagefind-ignore") is not None
    expected = shown_quote(rid, next(r for r in figures(rid) if r["id"] == LANDINGS[rid]))
    assert " ".join(quote.text_content().split()) == " ".join(expected.split())
    page.screenshot(path=str(screenshots / f"report-landing-{rid}.{lang}.{width}.png"))
    # another figure's row is not highlighted
    other = page.evaluate("""(id) => { const rows = [...document.querySelectorAll('tr[id^="fig-"]')].filter(r => r.id !== id);
                                       return getComputedStyle(rows[0].cells[0]).backgroundColor; }""", target)
    assert other != HIGHLIGHT
    assert page.mb_errors == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ROOTS)
def test_a_figures_source_is_one_tap_away(lang: str, width: int, site_url: str, new_page: Any) -> None:
    phone = width < 400
    page = new_page(width=width, touch=phone)
    load(page, site_url, lang, TUY_PHONG)
    for figure in (f"{TUY_PHONG}-157", f"{TUY_PHONG}-040"):  # a cell of Phụ lục 03 (flagged), a row of Mục II's years
        value = page.locator(f"#fig-{figure} summary.mb-srcbtn")
        quote = page.locator(f"#fig-{figure} .mb-src__body > blockquote")
        assert not quote.is_visible()
        value.scroll_into_view_if_needed()
        value.tap() if phone else value.click()
        assert quote.is_visible()
        row = next(r for r in figures(TUY_PHONG) if r["id"] == figure)
        assert " ".join(quote.text_content().split()) == " ".join(shown_quote(TUY_PHONG, row).split())
        body = page.locator(f"#fig-{figure} .mb-src__body")
        box = body.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width  # a card within the screen
        assert figure in body.text_content() and row["note_vi" if lang == "vi" else "note_en"][:30] in " ".join(body.text_content().split())
        assert page.evaluate("document.querySelectorAll('details.mb-src[open]').length") == 1  # one at a time
    close = page.locator(f"#fig-{TUY_PHONG}-040 .mb-src__close")
    close.tap() if phone else close.click()
    assert page.evaluate("document.querySelectorAll('details.mb-src[open]').length") == 0
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ROOTS)
def test_a_figures_source_opens_and_closes_by_keyboard(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    load(page, site_url, lang, DAK_NONG)
    summary = page.locator(f"#fig-{DAK_NONG}-001 summary.mb-srcbtn")
    summary.focus()
    assert page.evaluate("document.activeElement.matches('details.mb-src > summary')")
    page.keyboard.press("Enter")
    assert page.locator(f"#fig-{DAK_NONG}-001 .mb-src__body > blockquote").is_visible()
    assert page.evaluate(f"document.querySelector('#fig-{DAK_NONG}-001 details').open")
    page.keyboard.press("Tab")  # into the source: its first link
    assert page.evaluate(f"!!document.activeElement.closest('#fig-{DAK_NONG}-001 .mb-src__body')")
    page.keyboard.press("Escape")
    assert not page.locator(f"#fig-{DAK_NONG}-001 .mb-src__body > blockquote").is_visible()
    assert page.evaluate("document.activeElement.matches('details.mb-src > summary')")  # back on the value
    assert page.mb_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_a_source_opens_in_place(width: int, site_url: str, new_page: Any) -> None:
    page = new_page(width=width, javascript=False)
    load(page, site_url, "vi", TUY_PHONG, f"fig-{LANDINGS[TUY_PHONG]}")
    at = page.evaluate("""(id) => { const r = document.getElementById(id).getBoundingClientRect();
                                    return [r.top >= 0 && r.bottom <= innerHeight, r.left >= 0 && r.right <= innerWidth]; }""", f"fig-{LANDINGS[TUY_PHONG]}")
    assert at == [True, True]
    assert page.evaluate("getComputedStyle(document.querySelector(':target').closest('td')).backgroundColor") == HIGHLIGHT
    value = page.locator(f"#fig-{TUY_PHONG}-040 summary.mb-srcbtn")
    value.scroll_into_view_if_needed()
    value.click()
    quote = page.locator(f"#fig-{TUY_PHONG}-040 .mb-src__body > blockquote")
    assert quote.is_visible()
    assert page.evaluate(f"getComputedStyle(document.querySelector('#fig-{TUY_PHONG}-040 .mb-src__body')).position") == "static"  # in the page's flow
    assert not page.locator(f"#fig-{TUY_PHONG}-040 .mb-src__close").is_visible()  # a button only the script can work


OCR_SUMMARY = {"vi": "Nguyên văn OCR (chưa hiệu đính)", "en": "Verbatim OCR text (uncorrected)"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ROOTS)
def test_an_ocr_quote_shows_its_reading_with_the_verbatim_ocr_one_tap_away(lang: str, width: int, site_url: str, new_page: Any,
                                                                          screenshots: Path) -> None:
    phone = width < 400
    page = new_page(width=width, touch=phone)
    figure = f"{DAK_NONG}-002"
    row = next(r for r in figures(DAK_NONG) if r["id"] == figure)
    reading = readings(DAK_NONG)[row["quote"]]
    assert reading != row["quote"]
    load(page, site_url, lang, DAK_NONG, f"fig-{figure}")
    page.wait_for_function("() => !!document.querySelector('details.mb-src[open]')")
    shown = page.locator(f"#fig-{figure} .mb-src__body > blockquote")
    assert shown.is_visible() and " ".join(shown.text_content().split()) == " ".join(reading.split())
    verbatim = page.locator(f"#fig-{figure} details.mb-ocr blockquote")
    assert not verbatim.is_visible()
    summary = page.locator(f"#fig-{figure} details.mb-ocr > summary")
    assert summary.text_content() == OCR_SUMMARY[lang]
    box = summary.bounding_box()
    assert box and box["height"] >= 24  # a finger finds it
    if phone:
        summary.tap()
    else:  # by keyboard: Tab from the value reaches it, Enter opens it
        summary.focus()
        page.keyboard.press("Enter")
    assert verbatim.is_visible() and " ".join(verbatim.text_content().split()) == " ".join(row["quote"].split())
    assert page.evaluate(f"document.querySelector('#fig-{figure} details.mb-src').open")  # the card stays open
    page.screenshot(path=str(screenshots / f"report-ocr-reading.{lang}.{width}.png"))
    # a figure whose quote reads as printed has no disclosure
    plain = next(r["id"] for r in figures(TUY_PHONG) if readings(TUY_PHONG).get(r["quote"], r["quote"]) == r["quote"])
    load(page, site_url, lang, TUY_PHONG)
    assert page.locator(f"#fig-{plain} details.mb-ocr").count() == 0
    assert page.mb_errors == []
