"""The home page's unit finder: plain links without JavaScript; a province choice and a name filter that ignores diacritics with it."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def visible_units(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-mb-unit]", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').getAttribute('href'))")


def test_without_javascript_every_unit_is_a_plain_link(site_url: str, new_page: Any) -> None:
    page = new_page(javascript=False)
    page.goto(site_url)
    assert not page.is_visible(".mb-finder__controls")
    links = visible_units(page)
    assert "units/dak-nong/" in links and "units/binh-son-binh-phuoc/" in links
    assert len(links) == len(set(links)) >= 14


@pytest.mark.parametrize(("lang", "typed"), [("vi", "dak nong"), ("vi", "Đắk Nông"), ("en", "DAK NONG"), ("en", "dak")])
def test_typing_a_name_with_or_without_diacritics(lang: str, typed: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(site_url + ("en/" if lang == "en" else ""))
    page.fill("#mb-finder-name", typed)
    shown = visible_units(page)
    assert shown and all("dak-nong" in href for href in shown), shown
    assert "units/dak-nong/" in shown
    assert page.text_content("[data-mb-finder-status]").startswith(str(len(shown)))


def test_choosing_a_province_then_a_unit(site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url)
    page.select_option("#mb-finder-province", "quang-ngai")
    shown = visible_units(page)
    assert set(shown) == {"units/quang-ngai/", "units/binh-son/", "units/binh-son-binh-phuoc/"}
    page.fill("#mb-finder-name", "xa binh phuoc")
    assert visible_units(page) == ["units/binh-son-binh-phuoc/"]
    page.click("a[href='units/binh-son-binh-phuoc/']")
    page.wait_for_url("**/units/binh-son-binh-phuoc/")


def test_no_match_is_said_in_words(site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + "en/")
    page.fill("#mb-finder-name", "zzzz")
    assert visible_units(page) == []
    assert page.text_content("[data-mb-finder-status]") == "No unit matches."
