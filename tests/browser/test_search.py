"""Header search (Pagefind): with or without diacritics, each language on its own pages, from a sub-path."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# query -> a page (under the language root) that must be among the first results
EXPECTED = {
    "vi": {
        "ho so truc tuyen": "indicators/dossiers-received-online/",
        "hồ sơ trực tuyến": "indicators/dossiers-received-online/",
        "Dak Nong": "units/dak-nong/",
        "Đắk Nông": "units/dak-nong/",
    },
    "en": {
        # English pages hold this Vietnamese phrase only in the original texts, kept verbatim
        "ho so truc tuyen": "reports/dak-nong-vp-ubnd-2021-q3-source/",
        "hồ sơ trực tuyến": "reports/dak-nong-vp-ubnd-2021-q3-source/",
        "Dak Nong": "units/dak-nong/",
        "Đắk Nông": "units/dak-nong/",
    },
}
ROOTS = {"vi": "", "en": "en/"}


def search(page: Any, query: str) -> tuple[str, list[str]]:
    """Type `query` into the header search; return the summary line and every result's href."""
    if not page.is_visible("#mb-search-input"):
        page.click(".mb-search__open")  # phones: the magnifier opens the search
    page.fill("#mb-search-input", query)
    page.wait_for_function(
        "q => { const m = document.querySelector('[data-mb-search-meta]').textContent; return m.includes(q) && "
        "(document.querySelector('[data-mb-search-list]').children.length > 0 || !/\\d/.test(m.replace(q, ''))); }",
        arg=query,
    )
    while page.is_visible("[data-mb-search-more]"):
        before = page.locator(".mb-search__link").count()
        page.click("[data-mb-search-more]")
        page.wait_for_function("n => document.querySelectorAll('.mb-search__link').length > n", arg=before)
    hrefs = page.eval_on_selector_all(".mb-search__link", "els => els.map(e => e.getAttribute('href'))")
    return page.text_content("[data-mb-search-meta]") or "", hrefs


def test_each_language_has_its_own_index(shipped_site: Path) -> None:
    entry = json.loads((shipped_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert set(counts) == {"vi", "en"}
    assert counts["vi"] == counts["en"] > 100


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_finds_the_right_pages_with_or_without_diacritics(lang: str, site_url: str, prefix: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    found: dict[str, list[str]] = {}
    for query, expected in EXPECTED[lang].items():
        meta, hrefs = search(page, query)
        assert hrefs, f"{lang}: no result for {query!r} ({meta})"
        assert all(h.startswith(prefix + ROOTS[lang]) for h in hrefs), f"{lang}: result outside the sub-path or the language: {hrefs}"
        if lang == "vi":
            assert not any(h.startswith(prefix + "en/") for h in hrefs), f"English page in Vietnamese results for {query!r}"
        assert prefix + ROOTS[lang] + expected in hrefs[:8], f"{lang}: {expected} not in the first results for {query!r}: {hrefs[:8]}"
        found[query] = hrefs
    # typing without diacritics finds what typing with them finds
    assert set(found["hồ sơ trực tuyến"]) <= set(found["ho so truc tuyen"])
    assert set(found["Đắk Nông"]) <= set(found["Dak Nong"])
    assert page.mb_errors == []


def test_search_result_opens_the_page(site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + "en/")
    search(page, "Dak Nong")
    page.locator(".mb-search__link", has_text="Đắk Nông province").first.click()
    page.wait_for_url("**/en/units/dak-nong/")
    assert page.locator("h1").first.text_content().startswith("Đắk Nông province")


def test_search_on_a_phone_opens_over_the_header_and_closes_with_escape(site_url: str, new_page: Any, screenshots: Path) -> None:
    page = new_page(width=360)
    page.goto(site_url)
    assert not page.is_visible("#mb-search-input")
    page.click(".mb-search__open")
    assert page.get_attribute(".mb-search__open", "aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "mb-search-input"
    search(page, "Dak Nong")
    page.screenshot(path=str(screenshots / "search.vi.360.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.keyboard.press("Escape")
    assert not page.is_visible("#mb-search-input")
    assert page.evaluate("document.activeElement.classList.contains('mb-search__open')")


def test_without_javascript_the_search_box_is_not_offered(site_url: str, new_page: Any) -> None:
    page = new_page(javascript=False)
    page.goto(site_url)
    assert page.locator("[data-mb-search]").count() == 1
    assert not page.is_visible("[data-mb-search]")
