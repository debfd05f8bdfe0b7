"""WCAG 2.1 AA with axe-core on every page type in both languages, at 1280 and 360 px, and on the
header search and the unit finder in use; keyboard-only use; charts' text alternatives.

axe-core is vendored as one file (vendor/axe.min.js, see vendor/README.md): no npm install at
test time, no network, and the version is pinned by the file's SHA-256 below. Every run is
recorded (conftest.py writes axe-results.json and prints the table per page type).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1, npm tarball's axe.min.js
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
IMPACTS = ("critical", "serious", "moderate", "minor")
PAGE_TYPES = {
    "home": "",
    "units-index": "units/",
    "unit": "units/binh-son-binh-phuoc/",  # a commune: facts, reports, the figures grid
    "unit-province": "units/dak-nong/",
    "reports-index": "reports/",
    "report": "reports/dak-nong-vp-ubnd-2021-q3/",
    "report-source": "reports/dak-nong-vp-ubnd-2021-q3-source/",
    "indicators-index": "indicators/",
    "indicator": "indicators/share-online/",  # with a chart and its data table
    "datasets": "datasets/",
    "dataset": "datasets/cchc-figures/",
    "targets": "targets/",
    "compare": "compare/",
    "glossary": "glossary/",
    "api": "api/",
    "changelog": "changelog/",
    "about": "about/",
}
# The interactive states a citizen sees: search results over the page, the finder filtered, a
# mark's explanation open in a table of figures (issue 18), and a report's figure with its source
# open (arriving at its anchor: Tuy Phong's appendix tables).
STATES = ("search-results", "finder-in-use", "mark-open", "report-figure-source", "report-ocr-text", "compare-in-use")
ROOTS = {"vi": "", "en": "en/"}
WIDTHS = (1280, 360)
CASES = [(lang, kind, width) for kind in (*PAGE_TYPES, *STATES) for lang in ROOTS for width in WIDTHS]
# Moderate or minor violations accepted knowingly, by rule id, with the reason; none today. A new
# one fails the test: fix it, or add it here with its reason.
ACCEPTED: dict[str, str] = {}


def run_axe(page: Any) -> dict[str, Any]:
    """axe-core on the page as it is now: violations in full, passes and incomplete counted."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return {passes: r.passes.length, incomplete: r.incomplete.map(v => v.id),
                violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(0, 2).join(" "))}))};
        }""",
        AXE_TAGS,
    )


def open_state(page: Any, site_url: str, lang: str, kind: str) -> None:
    """Load the page type, or bring the page into one of the interactive STATES."""
    if kind == "search-results":
        page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
        if not page.is_visible("#mb-search-input"):
            page.click(".mb-search__open")
        page.fill("#mb-search-input", "Dak Nong")
        page.wait_for_selector(".mb-search__link")
    elif kind == "finder-in-use":
        page.goto(site_url + ROOTS[lang])
        page.select_option("#mb-finder-province", "quang-ngai")
        page.fill("#mb-finder-name", "binh")
        page.wait_for_function("() => /\\d/.test(document.querySelector('[data-mb-finder-status]').textContent)")
    elif kind == "mark-open":
        page.goto(site_url + ROOTS[lang] + "units/tuy-phong/")
        page.click(".mb-grid td.mb-num button.mb-mark--inconsistent")
        page.wait_for_function("() => document.getElementById('mb-tip').matches(':popover-open')")
    elif kind == "compare-in-use":  # two units side by side, a third name typed with its matches open
        page.goto(site_url + ROOTS[lang] + "compare/?a=tuy-phong&b=binh-son-binh-phuoc")
        page.wait_for_selector("[data-mb-compare-result] tbody tr")
        page.fill("#mb-compare-a", "dak")
        page.wait_for_selector("#mb-compare-a-list button")
    elif kind == "report-figure-source":
        page.goto(site_url + ROOTS[lang] + "reports/tuy-phong-cchc-2011-2020/#fig-tuy-phong-cchc-2011-2020-304")
        page.wait_for_selector("details.mb-src[open] blockquote", state="visible")
    elif kind == "report-ocr-text":  # an OCR quote's reading, its verbatim text opened below it
        page.goto(site_url + ROOTS[lang] + "reports/dak-nong-vp-ubnd-2021-q3/#fig-dak-nong-vp-ubnd-2021-q3-002")
        page.wait_for_selector("details.mb-src[open] details.mb-ocr > summary", state="visible")
        page.click("details.mb-src[open] details.mb-ocr > summary")
        page.wait_for_selector("details.mb-ocr[open] blockquote", state="visible")
    else:
        page.goto(site_url + ROOTS[lang] + PAGE_TYPES[kind])
    page.wait_for_load_state("load")


def test_vendored_axe_is_the_pinned_release() -> None:
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256
    assert AXE.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")


@pytest.mark.parametrize(("lang", "kind", "width"), CASES, ids=[f"{l}-{k}-{w}" for l, k, w in CASES])
def test_axe_finds_no_serious_or_critical_violation(lang: str, kind: str, width: int, site_url: str, new_page: Any, axe_results: list[dict[str, Any]]) -> None:
    page = new_page(width=width)
    open_state(page, site_url, lang, kind)
    result = run_axe(page)
    violations = result["violations"]
    axe_results.append({
        "lang": lang, "page": kind, "width": width,
        "counts": {i: sum(v["impact"] == i for v in violations) for i in IMPACTS},
        "nodes": {i: sum(len(v["nodes"]) for v in violations if v["impact"] == i) for i in IMPACTS},
        "passes": result["passes"], "incomplete": result["incomplete"], "violations": violations,
    })
    report = lambda vs: "\n".join(f"{v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in vs)  # noqa: E731
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, report(serious)
    others = [v for v in violations if v["id"] not in ACCEPTED]
    assert not others, "moderate or minor: fix, or accept in ACCEPTED with a reason\n" + report(others)
    assert result["passes"] > 20  # axe did run its rules on a real page
    assert page.mb_errors == []


# ------------------------------------------------------------------ keyboard only


def focused(page: Any) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'); }"
    )


def focus_path(page: Any, presses: int) -> list[str]:
    """Describe the focused element after each Tab press."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(focused(page))
    return seen


def tab_to(page: Any, selector: str, limit: int = 60) -> int:
    """Press Tab until the element matching `selector` has the focus; the number of presses."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached in {limit} Tab presses; last focus {focused(page)}")


def focus_is_visible(page: Any) -> bool:
    """The focused element shows a focus indicator (WCAG 2.4.7): an outline or a ring."""
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tab_reaches_skip_link_language_switch_and_search(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    path = focus_path(page, 12)
    assert "md-skip" in path[0], path  # the first stop is the skip link
    assert any("mb-lang-switch" in p for p in path), path
    assert any(p.startswith("input#mb-search-input") for p in path), path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tab_reaches_search_button_on_a_phone(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    path = focus_path(page, 8)
    assert any("mb-lang-switch" in p for p in path), path
    assert any("mb-search__open" in p for p in path), path
    page.focus(".mb-search__open")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "mb-search-input"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_keyboard_switches_to_the_same_page_in_the_other_language(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    tab_to(page, ".mb-lang-switch", limit=12)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    other = "en" if lang == "vi" else "vi"
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=other)
    assert page.url == site_url + ROOTS[other] + "units/loc-ninh/"
    assert page.locator("h1").first.text_content().startswith({"vi": "Huyện Lộc Ninh", "en": "Lộc Ninh district"}[other])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_keyboard_uses_the_unit_finder(lang: str, site_url: str, new_page: Any) -> None:
    """Province by arrow keys, a name typed without diacritics, Enter to the first match, Enter to open it."""
    page = new_page(width=1280)
    page.goto(site_url + ROOTS[lang])
    tab_to(page, "#mb-finder-province")
    assert focus_is_visible(page)
    options = page.eval_on_selector_all("#mb-finder-province option", "os => os.map(o => o.value)")
    for _ in range(options.index("quang-ngai")):
        page.keyboard.press("ArrowDown")
    assert page.input_value("#mb-finder-province") == "quang-ngai"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mb-finder-name"
    assert focus_is_visible(page)
    page.keyboard.type("binh phuoc")
    assert page.text_content("[data-mb-finder-status]") == {"vi": "1 đơn vị", "en": "1 unit"}[lang]
    page.keyboard.press("Enter")  # the form moves the focus onto the first unit shown
    assert page.evaluate("document.activeElement.getAttribute('href')") == "units/binh-son-binh-phuoc/"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{ROOTS[lang]}units/binh-son-binh-phuoc/")
    assert page.locator("h1").first.text_content().startswith({"vi": "Xã Bình Phước", "en": "Bình Phước commune"}[lang])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_keyboard_opens_a_charts_data_table(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    # Tuy Phong's page has charts (no indicator compares units whose latest periods are comparable)
    page.goto(site_url + ROOTS[lang] + "units/tuy-phong/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: past header, tabs and navigation
    tab_to(page, "details.mb-chart-data > summary", limit=60)
    assert focus_is_visible(page)
    table = page.locator("details.mb-chart-data table").first
    assert not table.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.mb-chart-data').open")
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 1
    assert table.locator("thead th").first.text_content().strip()


def test_skip_link_moves_on_to_the_content(site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + "reports/dak-nong-vp-ubnd-2021-q3/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert target and page.evaluate("h => !!document.getElementById(decodeURIComponent(h.slice(1)))", target)
    page.keyboard.press("Tab")  # the next stop is inside the article, past header, tabs and navigation
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_results_are_reachable_by_keyboard(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + ROOTS[lang])
    page.focus("#mb-search-input")
    page.keyboard.type("Dak Nong")
    # results of a shorter prefix ("Dak N") may show first and be replaced: wait for the whole
    # query's, which the status announces to screen readers
    page.wait_for_function("(document.querySelector('[data-mb-search-status]') || {}).textContent.includes('Dak Nong')"
                           " && document.querySelector('.mb-search__link')")
    page.wait_for_timeout(300)  # the results list settles (no newer search is under way)
    assert "Dak Nong" in (page.text_content("[data-mb-search-status]") or "")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the clear button, onto the first result
    assert page.evaluate("document.activeElement.classList.contains('mb-search__link')")
    assert focus_is_visible(page)
    page.keyboard.press("Escape")
    page.wait_for_selector(".mb-search__results", state="hidden", timeout=3000)
    assert not page.is_visible(".mb-search__results")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_has_a_text_alternative_and_its_data_table(lang: str, shipped_site: Path) -> None:
    root = shipped_site / ROOTS[lang] if lang == "en" else shipped_site
    charts = 0
    for html in sorted(root.rglob("index.html")):
        if lang == "vi" and html.relative_to(shipped_site).parts[0] == "en":
            continue
        text = html.read_text(encoding="utf-8")
        if "mb-chart" not in text:
            continue
        soup = BeautifulSoup(text, "lxml")
        for figure in soup.select("figure.mb-chart"):
            charts += 1
            img = figure.find("img")
            if img is None:  # nothing to draw (a constant series): sentences say so instead (issue 20)
                after = figure.find_next_sibling()
                assert figure.select(".mb-chart__note") and "mb-chart-data" not in (after.get("class", []) if after else []), f"{html}: empty figure"
                continue
            assert img.get("alt", "").strip(), f"{html}: chart without alt text"
            details = figure.find_next_sibling("details")
            assert details is not None and "mb-chart-data" in details.get("class", []), f"{html}: chart without its data table"
            assert details.select("table thead th") and details.select("table tbody tr"), f"{html}: empty chart data table"
    assert charts >= 5  # since issue 18 a unit page shows one chart per topic (Tuy Phong: 7)
