"""The theme's own words (skip link, landmarks, back to top, footer, header search) in the page's
language on every page: no English left on Vietnamese pages, no Vietnamese on English ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOTS = {"vi": "", "en": "en/"}
WORDS = {
    "vi": {"skip": "Chuyển đến nội dung", "tabs": "Các mục chính", "top": "Lên đầu trang", "made": "Trang được làm bằng", "search": "Tìm kiếm trên trang", "toc": "Mục lục"},
    "en": {"skip": "Skip to content", "tabs": "Tabs", "top": "Back to top", "made": "Made with", "search": "Search this site", "toc": "Table of contents"},
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_themes_words_are_in_the_pages_language(lang: str, shipped_site: Path) -> None:
    words, other = WORDS[lang], WORDS["en" if lang == "vi" else "vi"]
    root = shipped_site / ROOTS[lang]
    pages = [p for p in root.rglob("index.html") if lang == "en" or p.relative_to(shipped_site).parts[0] != "en"]
    assert len(pages) > 150
    for html in pages:
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        assert page.html["lang"] == lang
        found = {
            "skip": page.select_one("a.md-skip").get_text(strip=True),
            "tabs": page.select_one("nav.md-tabs")["aria-label"],
            "top": page.select_one("button.md-top").get_text(strip=True),
            "made": " ".join(page.select_one(".md-copyright").get_text(" ").split()),
            "search": page.select_one("form.mb-search__form")["aria-label"],
        }
        assert found["made"].endswith(f"{words['made']} Material for MkDocs"), (html, found["made"])
        found["made"] = words["made"]
        assert found == {k: words[k] for k in found}, html
        toc = page.select_one("nav.md-nav--secondary")
        if toc is not None:
            assert toc["aria-label"] == words["toc"], html
        chrome = " ".join(e.get_text(" ") for e in page.select("header, .md-tabs, .md-sidebar, footer"))
        assert not [w for w in other.values() if w in chrome and w not in words.values()], html
