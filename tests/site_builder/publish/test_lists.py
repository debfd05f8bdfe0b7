"""Long lists cut to a phone's size (issue 19): beyond a limit, the reports and units are listed by
province, each province on pages of at most the limit, every row on exactly one page; the home
page's finder lists only the provinces and leaves the rest to its script. Pages are rendered
from the `province` fixture with the limits lowered, as a national corpus would exceed them."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.compute.changelog import history
from site_builder.publish import lists, pages
from site_builder.publish.lists import listing, province_of, unit_listing

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def test_a_list_that_fits_is_one_page(province: tuple[Corpus, Computed]) -> None:
    corpus, _ = province
    units = unit_listing(corpus)
    assert units.groups == () and units.pages == ()
    assert [u.id for u in units.index.rows][:3] == ["tinh-a", "huyen-b", "xa-1"]  # the tree's order: a unit, then those below it
    assert {u.id for u in units.index.rows} == set(corpus.units)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_beyond_the_limit_each_row_is_on_one_page_of_its_province(province: tuple[Corpus, Computed], limit: int) -> None:
    corpus, _ = province
    rows = [(u.id, u) for u in corpus.units.values()]
    listed = listing(corpus, "units", rows, {u.id: u.id for u in corpus.units.values()}, limit=limit)
    assert listed.index.rows == ()
    seen = [u.id for p in listed.pages for u in p.rows]
    assert sorted(seen) == sorted(corpus.units)  # every row once
    for p in listed.pages:
        assert 0 < len(p.rows) <= limit
        assert all(province_of(corpus, u.id) == p.province.id for u in p.rows) if p.province else False
        assert p.path == p.pages[p.number - 1] and p.index == "units/index.md"
    by_group = {g.unit.id: g.count for g in listed.groups}
    assert by_group == {top: sum(1 for u in corpus.units if province_of(corpus, u) == top) for top in by_group}
    assert sum(by_group.values()) == len(corpus.units)


def test_an_id_that_clashes_with_the_list_pages_is_refused(province: tuple[Corpus, Computed]) -> None:
    corpus, _ = province
    with pytest.raises(ValueError, match="'by'"):
        listing(corpus, "reports", [("by", 1)], {"by": "tinh-a"}, limit=0)


def _render(corpus: Corpus, computed: Computed, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(lists, "LIST_ROWS", 2)
    monkeypatch.setattr(pages, "FINDER_UNITS", 3)
    return pages.render_site(corpus, computed, history(corpus), "vi", TEMPLATES)


def test_list_pages_link_every_province_and_back(province: tuple[Corpus, Computed], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, computed = province
    rendered = _render(corpus, computed, monkeypatch)
    index = BeautifulSoup(rendered["units/index.md"], "lxml")
    links = [a["href"] for a in index.select(".mb-groups tbody a")]
    tops = [u.id for u in corpus.children(None)]
    assert links == [f"by/{t}/" for t in sorted(tops)]
    listed: set[str] = set()
    for path in (p for p in rendered if p.startswith("units/by/")):
        soup = BeautifulSoup(rendered[path], "lxml")
        assert soup.select_one(".mb-pager a")["href"] == "../../"  # back to the index, units/
        listed |= {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select(".mb-units-list tbody th a")}
    assert listed == set(corpus.units)


def test_the_finder_of_a_large_country_lists_the_provinces(province: tuple[Corpus, Computed], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, computed = province
    home = BeautifulSoup(_render(corpus, computed, monkeypatch)["index.md"], "lxml")
    finder = home.select_one("[data-mb-finder]")
    assert finder["data-mb-finder-api"] == "api/units.json" and finder["data-mb-finder-root"] == "./"
    listed = [li["data-mb-id"] for li in finder.select("[data-mb-unit]")]
    assert listed == sorted(u.id for u in corpus.children(None))
    more: dict[str, Any] = {sec["data-mb-group"]: sec.select_one(".mb-finder__more a") for sec in finder.select("[data-mb-group]")}
    for top, link in more.items():
        below = len(corpus.descendants(top))
        assert (link is None) == (below == 0), top
        if link is not None:
            assert link.get_text().startswith(str(below)) and link["href"].endswith("#below-units")
