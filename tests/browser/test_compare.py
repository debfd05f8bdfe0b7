"""The compare page, in both languages, on a phone and a desktop: two units picked by name
without accents, their latest values side by side in the page's number format, each linked to
its figure; the address is the share link and restores the choice; without JavaScript the page
says what it needs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.publish import i18n

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
PICKS = (("a", "tuy phong", "tuy-phong"), ("b", "binh phuoc", "binh-son-binh-phuoc"))  # typed without accents


def shown_values(page: Any) -> list[tuple[str, str]]:
    """(figure id, text) of every value in the comparison table."""
    return page.eval_on_selector_all(
        "[data-mb-compare-result] tbody td a",
        "els => els.map(a => [a.getAttribute('href').split('#fig-')[1], a.textContent])")


def expected_text(site: Path, fid: str, unit: str, lang: str) -> str:
    """A figure's value as the site formats it in `lang` (publish.i18n), read from the API."""
    figure = next(f for f in json.loads((site / "api" / "units" / f"{unit}.json").read_text(encoding="utf-8"))["figures"] if f["id"] == fid)
    kind = next(i["unit"] for i in json.loads((site / "api" / "indicators.json").read_text(encoding="utf-8"))["indicators"] if i["id"] == figure["indicator"])
    return i18n.quantity(figure["value"], kind, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_two_units_side_by_side_in_the_page_language(lang: str, width: int, site_url: str, shipped_site: Path, new_page: Any) -> None:
    page = new_page(width=width)
    page.goto(site_url + ROOTS[lang] + "compare/")
    assert not page.is_visible("[data-mb-compare-nojs]")
    for side, typed, uid in PICKS:
        page.fill(f"#mb-compare-{side}", typed)
        page.locator(f"#mb-compare-{side}-list button").first.wait_for()
        names = page.eval_on_selector_all(f"#mb-compare-{side}-list button", "els => els.map(e => e.textContent)")
        api_name = json.loads((shipped_site / "api" / "units" / f"{uid}.json").read_text(encoding="utf-8"))["unit"]["name"]
        wanted = api_name[lang] or api_name["vi"]
        assert any(n.startswith(wanted) for n in names), names
        page.locator(f"#mb-compare-{side}-list button", has_text=wanted).first.click()
    page.locator("[data-mb-compare-result] tbody tr").first.wait_for()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"a": ["tuy-phong"], "b": ["binh-son-binh-phuoc"]}
    values = shown_values(page)
    assert values and len(values) % 2 == 0
    for n, (fid, text) in enumerate(values):
        assert text == expected_text(shipped_site, fid, PICKS[n % 2][2], lang)
    # the two units' periods differ in the shipped reports: every row says so
    rows = page.locator("[data-mb-compare-result] tbody tr").count()
    assert page.locator(".mb-compare__note").count() == rows
    assert i18n.t("compare.not_comparable", lang) in page.inner_text("[data-mb-compare-result]")
    if width == 360:  # stacked: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # the address is the share link: a fresh page restores both units and the same values
    again = new_page(width=width)
    again.goto(page.url)
    again.locator("[data-mb-compare-result] tbody tr").first.wait_for()
    assert shown_values(again) == values
    assert again.input_value("#mb-compare-a") and again.input_value("#mb-compare-b")
    assert page.mb_errors == [] and again.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_unit_page_links_to_the_comparison_with_itself_chosen(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + ROOTS[lang] + "units/tuy-phong/")
    page.click(".mb-compare-link a")
    page.locator("[data-mb-chosen] a").first.wait_for()
    assert parse_qs(urlsplit(page.url).query) == {"a": ["tuy-phong"]}
    assert page.input_value("#mb-compare-a")
    assert page.inner_text("[data-mb-compare-status]") == i18n.t("compare.pick_two", lang)
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_the_page_says_what_it_needs(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360, javascript=False)
    page.goto(site_url + ROOTS[lang] + "compare/")
    assert page.is_visible("[data-mb-compare-nojs]") and not page.is_visible(".mb-compare__pickers")
    assert i18n.t("compare.nojs", lang) in page.inner_text("[data-mb-compare-nojs]")
    assert page.get_attribute("[data-mb-compare-nojs] a", "href").endswith("units/")
