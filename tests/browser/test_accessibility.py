"""WCAG 2.1 AA with axe-core on every page type in both languages; keyboard use; charts' text alternatives.

axe-core is vendored as one file (vendor/axe.min.js, see vendor/README.md): no npm install at
test time, no network, and the version is pinned by the file's SHA-256 below.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1, npm tarball's axe.min.js
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGE_TYPES = {
    "home": "",
    "units-index": "units/",
    "unit": "units/dak-nong/",
    "reports-index": "reports/",
    "report": "reports/dak-nong-vp-ubnd-2021-q3/",
    "report-source": "reports/dak-nong-vp-ubnd-2021-q3-source/",
    "indicators-index": "indicators/",
    "indicator": "indicators/dossiers-received/",
    "datasets": "datasets/",
    "targets": "targets/",
    "glossary": "glossary/",
    "about": "about/",
}
ROOTS = {"vi": "", "en": "en/"}
CASES = [(lang, kind, width) for lang in ROOTS for kind in PAGE_TYPES for width in (1280,)] + [
    (lang, kind, 360) for lang in ROOTS for kind in ("home", "unit", "report", "glossary")
]


def run_axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(0, 2).join(" "))}));
        }""",
        AXE_TAGS,
    )


def test_vendored_axe_is_the_pinned_release() -> None:
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256
    assert AXE.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")


@pytest.mark.parametrize(("lang", "kind", "width"), CASES, ids=[f"{l}-{k}-{w}" for l, k, w in CASES])
def test_no_serious_or_critical_axe_violation(lang: str, kind: str, width: int, site_url: str, new_page: Any, screenshots: Path) -> None:
    page = new_page(width=width)
    page.goto(site_url + ROOTS[lang] + PAGE_TYPES[kind])
    page.wait_for_load_state("load")
    violations = run_axe(page)
    with (screenshots / "axe.jsonl").open("a", encoding="utf-8") as fh:  # a record of every run, minor issues included
        fh.write(json.dumps({"lang": lang, "page": kind, "width": width, "violations": violations}, ensure_ascii=False) + "\n")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in serious)
    assert page.mb_errors == []


def focus_path(page: Any, presses: int) -> list[str]:
    """Describe the focused element after each Tab press."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(
            "() => { const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'); }"
        ))
    return seen


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tab_reaches_skip_link_language_switch_and_search(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    path = focus_path(page, 12)
    assert "md-skip" in path[0], path  # the first stop is the skip link
    assert any("mb-lang-switch" in p for p in path), path
    assert any(p.startswith("input#mb-search-input") for p in path), path


def test_tab_reaches_search_button_on_a_phone(site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(site_url + "units/loc-ninh/")
    path = focus_path(page, 8)
    assert any("mb-lang-switch" in p for p in path), path
    assert any("mb-search__open" in p for p in path), path
    page.focus(".mb-search__open")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "mb-search-input"


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


def test_search_results_are_reachable_by_keyboard(site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(site_url + "en/")
    page.focus("#mb-search-input")
    page.keyboard.type("Dak Nong")
    page.wait_for_selector(".mb-search__link")
    assert "Dak Nong" in (page.text_content("[data-mb-search-status]") or "")  # announced to screen readers
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the clear button, onto the first result
    assert page.evaluate("document.activeElement.classList.contains('mb-search__link')")
    page.keyboard.press("Escape")
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
            assert img is not None and img.get("alt", "").strip(), f"{html}: chart without alt text"
            details = figure.find_next_sibling("details")
            assert details is not None and "mb-chart-data" in details.get("class", []), f"{html}: chart without its data table"
            assert details.select("table thead th") and details.select("table tbody tr"), f"{html}: empty chart data table"
    assert charts > 10
