"""What the search index knows a page by besides its text (issues 18, 19): its names without
diacritics and in the other language, a unit's short names, old units' names on their
successors' pages, its words with đ; held as Pagefind metadata, never as text that an excerpt
could show; and the pages listed by their own names, which the header search shows first."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.content.model import Reorganisation, Text, Unit
from site_builder.content.validate import validate
from site_builder.publish.search import (BODY_ATTR, FORMER, NAMED, NAMED_FILES, NAMES, WORDS, PageNames, former_names, index_site, key,
                                         markdown_aliases, named_file, predecessors, short_names, spaced_blocks, with_meta)

ROOT = Path(__file__).resolve().parents[3]


def unit(uid: str, level: str, vi: str, en: str | None = None, successor: str | None = None, short: str | None = None,
         short_en: str | None = None) -> Unit:
    fate = Reorganisation(status="merged" if successor else "continued", successor=successor)
    return Unit(id=uid, level=level, name=Text(vi=vi, en=en), short_name=Text(vi=short, en=short_en) if short else None, reorganisation_2025=fate)


UNITS = {
    u.id: u for u in (
        unit("new-province", "province", "Tỉnh Lâm Đồng", "Lâm Đồng province", short="Lâm Đồng", short_en="Lâm Đồng"),
        unit("old-province", "province", "Tỉnh Đắk Nông", "Đắk Nông province", successor="new-province", short="Đắk Nông"),
        unit("other-old", "province", "Tỉnh Bình Thuận", None, successor="new-province"),
        unit("district", "district", "Huyện Tuy Phong", "Tuy Phong district", successor="other-old"),
        unit("office", "office", "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", "Đắk Nông Service Centre", successor="new-province",
             short="TT HCC Đắk Nông", short_en="Đắk Nông Service Centre"),
        unit("loop-a", "commune", "Xã A", successor="loop-b"),
        unit("loop-b", "commune", "Xã B", successor="loop-a"),
        unit("self", "commune", "Xã C", successor="self"),
    )
}


def named(site: Path, lang: str) -> dict[str, list[str]]:
    """A language's pages by their own names, as the header search reads them: all its files."""
    files = sorted((site / "pagefind" / NAMED / lang).glob("*.json"))
    assert [f.name for f in files] == sorted(f"{n}.json" for n in range(NAMED_FILES))  # every one, fetched without a 404
    listed: dict[str, list[str]] = {}
    for path in files:
        for name_key, paths in json.loads(path.read_text(encoding="utf-8")).items():
            assert named_file(name_key) == int(path.stem)  # where the header search looks for it
            listed[name_key] = paths
    return listed


def fragments(site: Path) -> dict[str, dict]:
    """What Pagefind stored of each page (its url -> content, meta): its fragments, gzipped JSON after a
    signature, in every partition's bundle (pagefind/<lang>/<n>/)."""
    out = {}
    for path in (site / "pagefind").glob("*/*/fragment/*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{"):])
        out[fragment["url"]] = fragment
    return out


def test_predecessors_are_direct_and_through_another_unit() -> None:
    found = predecessors(UNITS)
    # Tuy Phong was abolished into Bình Thuận, which merged into Lâm Đồng: a predecessor of both
    assert found["new-province"] == ["district", "office", "old-province", "other-old"]
    assert found["other-old"] == ["district"]
    assert "district" not in found and "self" not in found  # no unit took them over (a unit is not its own)
    # a cycle in the data ends; neither unit is its own predecessor
    assert found["loop-a"] == ["loop-b"] and found["loop-b"] == ["loop-a"]


def test_former_names_are_places_in_the_pages_language() -> None:
    names = former_names(UNITS)
    vi, en = names["units/new-province/index.html"], names["en/units/new-province/index.html"]
    # units in id order, full name then short name, each once
    assert vi == ["Huyện Tuy Phong", "Tỉnh Đắk Nông", "Đắk Nông", "Tỉnh Bình Thuận"]
    # English names where there are some; Bình Thuận has none yet: its Vietnamese name, unmarked
    assert en == ["Tuy Phong district", "Đắk Nông province", "Đắk Nông", "Tỉnh Bình Thuận"]
    # an office is no place: its long name would make the province answer searches for such offices
    assert not any("Trung" in n or "Centre" in n for n in vi + en)
    assert names["units/other-old/index.html"] == ["Huyện Tuy Phong"]
    assert "units/old-province/index.html" not in names  # nothing was taken over by it


def test_short_names_are_a_units_in_both_languages_on_both_pages() -> None:
    names = short_names(UNITS)
    assert names["units/office/index.html"] == names["en/units/office/index.html"] == ["TT HCC Đắk Nông", "Đắk Nông Service Centre"]
    assert names["units/new-province/index.html"] == ["Lâm Đồng"]  # the same in both languages: once
    assert "units/district/index.html" not in names  # no short name


def test_the_shipped_units_carry_their_short_and_former_names() -> None:
    corpus, findings = validate(ROOT)
    assert corpus is not None, findings
    former = former_names(corpus.units)
    # Bình Thuận and Đắk Nông merged into Lâm Đồng; Tuy Phong, a district of Bình Thuận, too
    for lang in ("", "en/"):
        assert {"Bình Thuận", "Đắk Nông", "Tuy Phong"} <= set(former[f"{lang}units/lam-dong/index.html"])
    assert {"Bình Phước", "Lộc Ninh"} <= set(former["units/dong-nai/index.html"])
    assert "Bình Sơn" in former["units/quang-ngai/index.html"]
    assert not any(path.startswith(("units/dak-nong/", "units/tuy-phong-vp")) for path in former)
    short = short_names(corpus.units)
    assert short["units/dak-nong/index.html"] == short["en/units/dak-nong/index.html"] == ["Đắk Nông"]
    assert short["units/tuy-phong/index.html"][0] == "Tuy Phong"


def test_a_pages_names_are_folded_translated_each_once_and_leave_its_title_to_pagefind() -> None:
    page = PageNames("Tỉnh Đắk Nông", ["Đắk Nông province", "Đắk Nông", "Tỉnh Đắk Nông"], ["Tỉnh Bình Thuận", "Bình Thuận"], ["Dak", "Dong", "Don"])
    meta = page.meta()
    assert meta[NAMES] == "Tinh Dak Nong · Đắk Nông province · Dak Nong province · Đắk Nông · Dak Nong"
    assert meta[FORMER] == "Tỉnh Bình Thuận · Tinh Binh Thuan · Bình Thuận · Binh Thuan"
    assert meta[WORDS] == "Dong Don"  # "Dak" is a name's already
    plain = PageNames("Dossiers received", ["Hồ sơ tiếp nhận"], [], [])
    assert plain.meta() == {NAMES: "Hồ sơ tiếp nhận · Ho so tiep nhan"}  # "Dossiers received" folds to itself: the title's
    assert PageNames("Minh Bạch", [], [], []).meta() == {NAMES: "Minh Bach"}


def test_a_page_is_listed_under_its_own_names_as_the_search_looks_them_up() -> None:
    assert key("Bình Phước (Bình Sơn)") == "binh phuoc binh son"
    assert key("  Đắk   Nông ") == key("dak nong") == key("ĐẮK NÔNG") == "dak nong"
    assert key("VP HĐND–UBND") == "vp hdnd ubnd"
    assert named_file("dak nong") == sum(map(ord, "dak nong")) % NAMED_FILES  # as minhbach.js computes it
    page = PageNames("Tỉnh Đắk Nông", ["Đắk Nông province", "Đắk Nông"], ["Tỉnh Bình Thuận"], [])
    assert page.keys() == ["tinh dak nong", "dak nong province", "dak nong"]  # not its predecessors': those are other pages' names


PAGE = '<html><body><div data-pagefind-body><h1>Tỉnh Đắk Nông</h1><p>Đồng bộ</p></div></body></html>'


def test_names_are_metadata_outside_the_indexed_text_and_escaped() -> None:
    out = BeautifulSoup(with_meta(PAGE, PageNames("Tỉnh Đắk Nông", ["<b>x</b> & y"], ["Bình Thuận"], ["Dong"])), "html.parser")
    body = out.find(attrs={BODY_ATTR: True})
    assert body.get_text() == "Tỉnh Đắk NôngĐồng bộ"  # the text Pagefind indexes, and shows in excerpts, is the page's
    meta = {tag["data-pagefind-meta"]: tag.get_text() for tag in out.find_all(attrs={"data-pagefind-meta": True})}
    assert meta == {NAMES: "Tinh Dak Nong · <b>x</b> & y", FORMER: "Bình Thuận · Binh Thuan", WORDS: "Dong"}
    assert all(tag.find_parent(attrs={BODY_ATTR: True}) is None for tag in out.find_all(attrs={"data-pagefind-meta": True}))
    assert "<b>x</b>" not in with_meta(PAGE, PageNames("T", ["<b>x</b>"], [], []))


def test_markdown_aliases_read_the_front_matters_title_and_the_words_of_the_text() -> None:
    markdown = ('---\ntitle: "Tỉnh Đắk Nông &amp; Đồng"\ndescription: "Điện"\nmb: {"title": "Đường"}\n---\n\n# Tỉnh Đắk Nông\n\n'
                '<p>Đơn vị <abbr title="Định">UBND</abbr></p>\n<blockquote class="mb-quote" data-pagefind-ignore>Điều</blockquote>\n')
    title, words = markdown_aliases(markdown)
    assert title == "Tỉnh Đắk Nông & Đồng"
    assert words == ["Dak", "Don"]  # not the front matter's, attributes' or ignored quote's words
    assert markdown_aliases('---\ntitle: "Hồ sơ"\n---\n\nhồ sơ') == ("Hồ sơ", [])


def test_blocks_written_together_are_read_apart() -> None:
    html = '<table><tr><th>Unit</th><th scope="col">Period</th></tr><tr><td>Xã</td><td>2023</td></tr></table>'
    assert spaced_blocks(html) == '<table><tr><th>Unit</th> <th scope="col">Period</th></tr><tr><td>Xã</td> <td>2023</td></tr></table>'
    assert spaced_blocks("<dl><div><dt>Loại văn bản</dt><dd>Báo cáo</dd></div><div><dt>Số</dt>") == \
        "<dl><div><dt>Loại văn bản</dt> <dd>Báo cáo</dd></div> <div><dt>Số</dt>"
    assert spaced_blocks("<p>a <b>b</b><i>c</i></p>") == "<p>a <b>b</b><i>c</i></p>"  # inline elements: one word stays one


def test_pagefind_reads_the_names_and_the_site_is_unchanged(tmp_path: Path) -> None:
    site, mirror = tmp_path / "site", tmp_path / "mirror"
    pages = {
        "index.html": '<html lang="vi"><body><div data-pagefind-body><h1>Trang chủ</h1></div></body></html>',
        "units/new-province/index.html": '<html lang="vi"><body><div data-pagefind-body><h1>Tỉnh Lâm Đồng</h1><p>Đà Lạt &amp; Đồng</p></div></body></html>',
        "en/units/new-province/index.html": '<html lang="en"><body><div data-pagefind-body><h1>Lâm Đồng province</h1></div></body></html>',
    }
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    index_site(site, mirror=mirror, units=UNITS)  # no page known from a build: each is read from its HTML
    stored = fragments(site)
    vi, en = stored["/units/new-province/"], stored["/en/units/new-province/"]
    # the title folded, the English page's title, the short name; the old places' names apart
    assert vi["meta"][NAMES] == "Tinh Lam Dong · Lâm Đồng province · Lam Dong province · Lâm Đồng · Lam Dong"
    assert vi["meta"][FORMER].startswith("Huyện Tuy Phong · Huyen Tuy Phong · Tỉnh Đắk Nông · Tinh Dak Nong")
    assert vi["meta"][WORDS] == "Da"  # "Đà"; "Đồng" is in the names already
    assert en["meta"][NAMES].startswith("Lam Dong province · Tỉnh Lâm Đồng")
    assert {k: v for k, v in named(site, "vi").items() if "lam dong" in k} == {k: ["units/new-province/"] for k in ("tinh lam dong", "lam dong province", "lam dong")}
    assert named(site, "en")["lam dong"] == ["en/units/new-province/"] and named(site, "vi")["trang chu"] == [""]
    assert vi["content"] == "Tỉnh Lâm Đồng. Đà Lạt & Đồng."  # what an excerpt is cut from: the page's own text only
    assert "Huyện" not in (mirror / "pages" / "index.html").read_text(encoding="utf-8")  # the copy Pagefind read
    for rel, html in pages.items():  # what is served is what was built
        assert (site / rel).read_text(encoding="utf-8") == html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_shipped_index_knows_units_by_their_names_old_and_short(lang: str, shipped_site: Path) -> None:
    root = "/" if lang == "vi" else "/en/"
    stored = fragments(shipped_site)
    lam_dong, dak_nong = stored[f"{root}units/lam-dong/"], stored[f"{root}units/dak-nong/"]
    assert {"Bình", "Thuận", "Đắk", "Nông", "Dak", "Tuy", "Phong"} <= set(lam_dong["meta"][FORMER].split())
    assert "Dak Nong" in dak_nong["meta"][NAMES]
    listed, here = named(shipped_site, lang), root.removeprefix("/")
    assert listed["dak nong"] == [f"{here}units/dak-nong/"]  # the province: not Lâm Đồng, which took it over, nor its offices
    for name in ("ho so tiep nhan", "dossiers received"):  # an indicator's name in both languages
        assert listed[name] == [f"{here}indicators/dossiers-received/"]
    assert not any(path.endswith("404.html") for paths in listed.values() for path in paths)  # what Pagefind does not index
    for fragment in stored.values():  # no page's text holds the index's own fields
        fields = [fragment["meta"].get(field, "") for field in (NAMES, FORMER, WORDS)]
        assert not any(" " in value and value in fragment["content"] for value in fields), fragment["url"]
    rel = ("" if lang == "vi" else "en/") + "units/lam-dong/index.html"
    assert NAMES not in (shipped_site / rel).read_text(encoding="utf-8").split("data-pagefind-meta")[-1][:20]  # only the index reads them
