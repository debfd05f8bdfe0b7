"""The search index's own spellings (issue 18): old units' names on their successors' pages, and
the block that holds them and the folded đ-words, which the header search tells from the page's
text by the heading ALIAS_ANCHOR that opens it."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.content.model import Reorganisation, Text, Unit
from site_builder.content.validate import validate
from site_builder.publish.search import ALIAS_ANCHOR, BODY_ATTR, FORMER_WEIGHT, former_names, index_site, predecessors, with_aliases

ROOT = Path(__file__).resolve().parents[3]


def unit(uid: str, level: str, vi: str, en: str | None = None, successor: str | None = None, short: str | None = None) -> Unit:
    fate = Reorganisation(status="merged" if successor else "continued", successor=successor)
    return Unit(id=uid, level=level, name=Text(vi=vi, en=en), short_name=Text(vi=short) if short else None, reorganisation_2025=fate)


UNITS = {
    u.id: u for u in (
        unit("new-province", "province", "Tỉnh Lâm Đồng", "Lâm Đồng province"),
        unit("old-province", "province", "Tỉnh Đắk Nông", "Đắk Nông province", successor="new-province", short="Đắk Nông"),
        unit("other-old", "province", "Tỉnh Bình Thuận", None, successor="new-province"),
        unit("district", "district", "Huyện Tuy Phong", "Tuy Phong district", successor="other-old"),
        unit("office", "office", "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", "Đắk Nông Service Centre", successor="new-province"),
        unit("loop-a", "commune", "Xã A", successor="loop-b"),
        unit("loop-b", "commune", "Xã B", successor="loop-a"),
        unit("self", "commune", "Xã C", successor="self"),
    )
}


def test_predecessors_are_direct_and_through_another_unit() -> None:
    found = predecessors(UNITS)
    # Tuy Phong was abolished into Bình Thuận, which merged into Lâm Đồng: a predecessor of both
    assert found["new-province"] == ["district", "office", "old-province", "other-old"]
    assert found["other-old"] == ["district"]
    assert "district" not in found and "self" not in found  # no unit took them over (a unit is not its own)
    # a cycle in the data ends; neither unit is its own predecessor
    assert found["loop-a"] == ["loop-b"] and found["loop-b"] == ["loop-a"]


def test_former_names_are_places_in_the_pages_language_as_written_and_folded() -> None:
    names = former_names(UNITS)
    vi, en = names["units/new-province/index.html"], names["en/units/new-province/index.html"]
    # units in id order, each word once, then the folded spellings of the words with đ
    assert vi == ["Huyện", "Tuy", "Phong", "Tỉnh", "Đắk", "Nông", "Bình", "Thuận", "Dak"]
    # English names where there are some; Bình Thuận has none yet: its Vietnamese name, unmarked
    assert en == ["Tuy", "Phong", "district", "Đắk", "Nông", "province", "Tỉnh", "Bình", "Thuận", "Dak"]
    # an office is no place: its long name would make the province answer searches for such offices
    assert "Trung" not in vi and "Centre" not in en
    assert names["units/other-old/index.html"] == ["Huyện", "Tuy", "Phong"]
    assert "units/old-province/index.html" not in names  # nothing was taken over by it


def test_the_shipped_successors_carry_their_predecessors_names() -> None:
    corpus, findings = validate(ROOT)
    assert corpus is not None, findings
    names = former_names(corpus.units)
    lam_dong = set(names["units/lam-dong/index.html"])
    # Bình Thuận and Đắk Nông merged into Lâm Đồng; Tuy Phong, a district of Bình Thuận, too
    assert {"Bình", "Thuận", "Đắk", "Nông", "Dak", "Tuy", "Phong"} <= lam_dong
    assert {"Bình", "Thuận", "Đắk", "Nông", "Dak", "Tuy", "Phong"} <= set(names["en/units/lam-dong/index.html"])
    assert {"Bình", "Phước", "Lộc", "Ninh"} <= set(names["units/dong-nai/index.html"])
    assert {"Bình", "Sơn"} <= set(names["units/quang-ngai/index.html"])
    assert not any(path.startswith(("units/dak-nong/", "units/tuy-phong-vp")) for path in names)


PAGE = '<html><body><div data-pagefind-body><h1>Tỉnh Đắk Nông</h1><p>Đồng bộ</p></div></body></html>'


def block(html: str) -> BeautifulSoup:
    """The block with_aliases adds: the last data-pagefind-body element of the page."""
    return BeautifulSoup(html, "html.parser").find_all(attrs={BODY_ATTR: True})[-1]


def test_the_block_opens_with_the_anchor_the_search_tells_it_by() -> None:
    out = block(with_aliases(PAGE, former=["Bình", "Thuận", "Đắk", "Dak"]))
    first = next(iter(out.children))
    assert first.name == "h6" and first["id"] == ALIAS_ANCHOR
    assert first.get_text() == "—"  # a heading Pagefind splits at, with no word to find
    assert out["aria-hidden"] == "true"
    weighted = [(span["data-pagefind-weight"], span.get_text()) for span in out.find_all("span")]
    assert weighted == [("7", "Dak"), (str(FORMER_WEIGHT), "Bình Thuận Đắk Dak")]  # the title's folded words, the former names
    assert out.get_text(" ").split()[-1] == "Dong"  # the page's other folded words ("Đồng bộ")


def test_the_block_holds_only_what_there_is() -> None:
    plain = '<html><body><div data-pagefind-body><h1>Hồ sơ</h1></div></body></html>'
    assert with_aliases(plain) == plain  # no đ-word, no former name: the page as it is
    only_former = block(with_aliases(plain, former=["Tuy", "Phong"]))
    assert [span.get_text() for span in only_former.find_all("span")] == ["Tuy Phong"]
    assert only_former.h6["id"] == ALIAS_ANCHOR
    no_former = block(with_aliases(PAGE, former=[]))
    assert [span.get_text() for span in no_former.find_all("span")] == ["Dak"]


def test_names_are_escaped_in_the_block() -> None:
    out = with_aliases(PAGE, former=["<b>x</b>", "a&b"])
    assert "<b>" not in out and "&lt;b&gt;x&lt;/b&gt; a&amp;b" in out


def test_pagefind_reads_former_names_on_the_successors_page_and_the_site_is_unchanged(tmp_path: Path) -> None:
    site, mirror = tmp_path / "site", tmp_path / "mirror"
    pages = {
        "index.html": '<html lang="vi"><body><div data-pagefind-body><h1>Trang chủ</h1></div></body></html>',
        "units/lam-dong/index.html": '<html lang="vi"><body><div data-pagefind-body><h1>Tỉnh Lâm Đồng</h1></div></body></html>',
    }
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    index_site(site, mirror=mirror, former={"units/lam-dong/index.html": ["Tuy", "Phong"]})
    read = (mirror / "units/lam-dong/index.html").read_text(encoding="utf-8")
    assert f'<span data-pagefind-weight="{FORMER_WEIGHT}">Tuy Phong</span>' in read and ALIAS_ANCHOR in read
    assert "Tuy" not in (mirror / "index.html").read_text(encoding="utf-8")
    for rel, html in pages.items():  # what is served is what was built
        assert (site / rel).read_text(encoding="utf-8") == html
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_shipped_index_reads_old_names_on_lam_dong(lang: str, shipped_site: Path) -> None:
    """The build passes the names to the index: the copy Pagefind read of Lâm Đồng's page has them."""
    mirror = shipped_site.parent / "build" / "pagefind-src"
    rel = ("" if lang == "vi" else "en/") + "units/lam-dong/index.html"
    read = block((mirror / rel).read_text(encoding="utf-8"))
    assert read.h6["id"] == ALIAS_ANCHOR
    former = read.find_all("span", attrs={"data-pagefind-weight": str(FORMER_WEIGHT)})[-1].get_text().split()
    assert {"Bình", "Thuận", "Đắk", "Nông", "Dak", "Tuy", "Phong"} <= set(former)
    assert ALIAS_ANCHOR not in (shipped_site / rel).read_text(encoding="utf-8")  # only the index reads them
