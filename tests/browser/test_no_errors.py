"""Nothing fails (issue 19): one page of every type, in both languages, served from a sub-path,
loads with no console error and no failed request (4xx, 5xx, aborted). Material's script used to
fetch a sitemap.xml beside every page's <link rel="alternate">: a 404 on every page but the home."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
PAGE_TYPES = {
    "home": "",
    "units index": "units/",
    "province": "units/dak-nong/",
    "district": "units/tuy-phong/",
    "commune": "units/binh-son-binh-phuoc/",
    "office": "units/dak-nong-vp-ubnd/",
    "reports index": "reports/",
    "report": "reports/dak-nong-vp-ubnd-2021-q3/",
    "source": "reports/dak-nong-vp-ubnd-2021-q3-source/",
    "indicators index": "indicators/",
    "indicator": "indicators/share-online/",
    "targets": "targets/",
    "datasets": "datasets/",
    "dataset": "datasets/cchc-figures/",
    "changelog": "changelog/",
    "glossary": "glossary/",
    "api": "api/",
    "about": "about/",
}


def watch(page: Any) -> list[str]:
    """Every console error, uncaught script error and failed request of `page` from now on."""
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda exc: problems.append(f"script: {exc}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    return problems


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_type_loads_without_an_error(lang: str, site_url: str, new_page: Any) -> None:
    failures = {}
    for kind, path in PAGE_TYPES.items():
        page = new_page()
        problems = watch(page)
        page.goto(site_url + ROOTS[lang] + path, wait_until="networkidle")  # what the theme's script fetches after the load too
        if kind == "province":  # and the search: Pagefind's index, filters and fragments
            page.fill("#mb-search-input", "dak nong")
            page.wait_for_function("() => document.querySelectorAll('.mb-search__link').length > 0")
            page.wait_for_load_state("networkidle")
        if problems:
            failures[kind] = problems
    assert failures == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_404_page_at_a_missed_address_loads_all_it_needs(lang: str, addressed_url: str, new_page: Any) -> None:
    """A static host serves 404.html at any address it lacks; with the site's path known
    (site_url), its style, script and links work from there, in a folder of either language."""
    page = new_page()
    problems = watch(page)
    missed = addressed_url + ROOTS[lang] + "no/such/page/"
    response = page.goto(missed, wait_until="networkidle")
    assert response.status == 404 and page.locator("h1").first.text_content().startswith("404")
    assert [p for p in problems if missed not in p] == []  # the missed address is the one 404, as it must be
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # Material's style applied
    assert page.is_visible("[data-mb-search]")  # the site's script ran
