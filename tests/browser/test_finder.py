"""The home page's unit finder, in both languages: plain links without JavaScript; a province
choice, then a unit; a name filter that ignores diacritics."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
WORDS = {  # what the finder says, in each language
    "vi": {"province": "Tỉnh", "all": "Tất cả các tỉnh", "name": "Tên đơn vị", "group": "Quảng Ngãi", "three": "3 đơn vị", "one": "1 đơn vị",
           "none": "Không có đơn vị nào khớp.", "commune": "Xã Bình Phước"},
    "en": {"province": "Province", "all": "All provinces", "name": "Name of the unit", "group": "Quảng Ngãi", "three": "3 units", "one": "1 unit",
           "none": "No unit matches.", "commune": "Bình Phước commune"},
}


def visible_units(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-mb-unit]", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').getAttribute('href'))")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_every_unit_is_a_plain_link(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(javascript=False)
    page.goto(site_url + ROOTS[lang])
    assert not page.is_visible(".mb-finder__controls")
    links = visible_units(page)
    assert "units/dak-nong/" in links and "units/binh-son-binh-phuoc/" in links
    assert len(links) == len(set(links)) >= 14


@pytest.mark.parametrize(("lang", "typed"), [("vi", "dak nong"), ("vi", "Đắk Nông"), ("en", "DAK NONG"), ("en", "dak"), ("en", "Đắk Nông")])
def test_typing_a_name_with_or_without_diacritics(lang: str, typed: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(site_url + ROOTS[lang])
    page.fill("#mb-finder-name", typed)
    shown = visible_units(page)
    assert shown and all("dak-nong" in href for href in shown), shown
    assert "units/dak-nong/" in shown
    assert page.text_content("[data-mb-finder-status]").startswith(str(len(shown)))


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_choosing_a_province_then_a_unit(lang: str, width: int, site_url: str, new_page: Any, screenshots: Path) -> None:
    words = WORDS[lang]
    page = new_page(width=width)
    page.goto(site_url + ROOTS[lang])
    assert page.text_content("label[for='mb-finder-province']") == words["province"]
    assert page.text_content("label[for='mb-finder-name']") == words["name"]
    assert page.text_content("#mb-finder-province option[value='']") == words["all"]
    page.select_option("#mb-finder-province", "quang-ngai")
    shown = visible_units(page)
    assert set(shown) == {"units/quang-ngai/", "units/binh-son/", "units/binh-son-binh-phuoc/"}
    assert page.text_content("[data-mb-finder-status]") == words["three"]
    assert page.locator(".mb-finder__group:visible .mb-finder__province").all_text_contents() == [words["group"]]
    page.fill("#mb-finder-name", "xa binh phuoc" if lang == "vi" else "binh phuoc commune")
    assert visible_units(page) == ["units/binh-son-binh-phuoc/"]
    assert page.text_content("[data-mb-finder-status]") == words["one"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the controls and what they found, clear of the sticky header
    page.evaluate("() => window.scrollTo(0, document.querySelector('.mb-finder').getBoundingClientRect().top + window.scrollY - 120)")
    page.wait_for_timeout(400)  # the theme's header title cross-fades on scroll
    page.screenshot(path=str(screenshots / f"finder.{lang}.{width}.png"))
    link = page.locator("a[href='units/binh-son-binh-phuoc/']").first
    assert link.text_content() == words["commune"]
    link.click()
    page.wait_for_url(f"**/{ROOTS[lang]}units/binh-son-binh-phuoc/")
    assert page.locator("h1").first.text_content().startswith(words["commune"])
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_match_is_said_in_words(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + ROOTS[lang])
    page.fill("#mb-finder-name", "zzzz")
    assert visible_units(page) == []
    assert page.text_content("[data-mb-finder-status]") == WORDS[lang]["none"]
