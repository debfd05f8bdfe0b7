"""The search index in partitions (issue 24): each language's pages in bundles of a bounded number
of pages, a province's pages together, each bundle indexed again only when its pages changed, and
listed where the header search finds them."""
from __future__ import annotations

import json
from pathlib import Path

from site_builder.content.model import Text, Unit
from site_builder.publish.search import (BUNDLE, BUNDLES_LIST, RUNTIME, SEARCH_OPTIONS, UNUSED, Partition, html_lang, index_site,
                                         page_groups, partitions, province_of)


def unit(uid: str, level: str, parent: str | None = None) -> Unit:
    return Unit(id=uid, level=level, parent=parent, name=Text(vi=f"Đơn vị {uid}", en=f"Unit {uid}"))


UNITS = {u.id: u for u in (unit("alpha", "province"), unit("alpha-town", "district", "alpha"), unit("alpha-village", "commune", "alpha-town"),
                          unit("beta", "province"), unit("beta-ward", "commune", "beta"),
                          unit("loop-a", "commune", "loop-b"), unit("loop-b", "commune", "loop-a"), unit("orphan", "commune", "nowhere"))}


def test_a_unit_lies_in_the_province_at_the_top_of_its_parents() -> None:
    top = province_of(UNITS)
    assert top["alpha-village"] == top["alpha-town"] == top["alpha"] == "alpha" and top["beta-ward"] == "beta"
    assert top["orphan"] == "orphan"  # a parent that does not exist: its own top
    assert {top["loop-a"], top["loop-b"]} <= {"loop-a", "loop-b"}  # a loop ends


def test_a_report_and_its_source_text_go_with_their_units_province_in_both_languages() -> None:
    groups = page_groups(UNITS, {"r1": "alpha-village"})
    for prefix in ("", "en/"):
        assert groups[f"{prefix}units/alpha-village/index.html"] == "alpha"
        assert groups[f"{prefix}reports/r1/index.html"] == groups[f"{prefix}reports/r1-source/index.html"] == "alpha"
    assert "indicators/x/index.html" not in groups  # site-wide


def pages(n: int, folder: str, lang: str = "vi") -> dict[str, str]:
    prefix = "" if lang == "vi" else f"{lang}/"
    return {f"{prefix}{folder}/{i:03d}/index.html": lang for i in range(n)}


def test_partitions_are_bounded_keep_a_province_together_and_hold_every_page_once() -> None:
    langs = {**pages(3, "site"), **pages(4, "a"), **pages(4, "b"), **pages(11, "c"), **pages(5, "a", "en")}
    groups = {rel: rel.split("/")[-3] for rel in langs if "/site/" not in f"/{rel}"}
    parts = partitions(langs, groups, limit=8)
    assert all(len(p.pages) <= 8 for p in parts)
    assert sorted(rel for p in parts for rel in p.pages) == sorted(langs)  # each page in exactly one
    assert all({langs[rel] for rel in p.pages} == {p.lang} for p in parts)  # a bundle holds one language
    vi = [p for p in parts if p.lang == "vi"]
    assert [p.number for p in vi] == list(range(len(vi))) and vi[0].folder == "vi/0"
    assert sorted(vi[0].pages) == sorted(rel for rel in langs if rel.startswith("site/"))  # the site-wide pages first, on their own
    for group in ("a", "b"):  # a province smaller than the limit is never parted
        assert len({p.number for p in vi for rel in p.pages if rel.startswith(f"{group}/")}) == 1
    assert len({p.number for p in vi for rel in p.pages if rel.startswith("c/")}) == 2  # one larger than it is, in path order
    assert partitions(langs, groups, limit=8) == parts  # the same pages, the same partitions
    assert [len(p.pages) for p in partitions(langs, groups, limit=1000)] == [5, 3, 19]  # en; vi: the site-wide pages, the provinces


def test_html_lang_is_pagefinds_language() -> None:
    assert html_lang('<!doctype html><html class="no-js" lang="VI" data-x>') == "vi"
    assert html_lang("<html><body>") == "unknown"


def write_site(site: Path, files: dict[str, str]) -> None:
    for rel, html in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")


def page(lang: str, title: str, text: str = "") -> str:
    return f'<html lang="{lang}"><body><nav>menu</nav><div data-pagefind-body><h1>{title}</h1><p>{text}</p></div></body></html>'


SITE = {
    "index.html": page("vi", "Trang chủ"),
    "404.html": '<html lang="vi"><body><h1>Không có trang này</h1></body></html>',  # not marked: not indexed
    "units/alpha/index.html": page("vi", "Tỉnh Alpha", "hồ sơ"),
    "units/alpha-village/index.html": page("vi", "Xã Alpha", "hồ sơ trễ hạn"),
    "units/beta/index.html": page("vi", "Tỉnh Beta", "thủ tục"),
    "units/beta-ward/index.html": page("vi", "Phường Beta", "thủ tục"),
    "en/index.html": page("en", "Home"),
    "en/units/alpha/index.html": page("en", "Alpha province", "dossiers"),
    "en/units/beta/index.html": page("en", "Beta province", "procedures"),
}


def bundles_of(site: Path) -> dict[str, list[str]]:
    return {lang: json.loads((site / BUNDLE / lang / BUNDLES_LIST).read_text(encoding="utf-8")) for lang in ("vi", "en")}


def test_each_partition_is_a_bundle_listed_for_the_header_search_and_only_changed_ones_are_indexed_again(tmp_path: Path) -> None:
    site, mirror = tmp_path / "site", tmp_path / "mirror"
    write_site(site, SITE)
    write_site(mirror, {"units/alpha/index.html": "a copy as an older build laid them out"})
    first = index_site(site, mirror=mirror, units=UNITS, limit=2)
    assert not (mirror / "units").exists()  # gone, not indexed
    assert first.partitions == ("en/0", "en/1", "vi/0", "vi/1", "vi/2") and first.indexed == first.partitions
    assert first.languages == {"vi": 5, "en": 3}  # the 404 page is not indexed
    assert bundles_of(site) == {"vi": ["0/", "1/", "2/"], "en": ["0/", "1/"]}
    primary = SEARCH_OPTIONS["bundles"]["primary"]  # type: ignore[index]
    for folder in first.partitions:  # where the header search loads them from; only the primary brings Pagefind's script
        files = {p.name for p in (site / BUNDLE / folder).iterdir()}
        assert "pagefind-entry.json" in files and not files & UNUSED
        assert (RUNTIME <= files) == folder.endswith("/" + primary.rstrip("/")), folder
    # one province's pages change: its partition alone is indexed again, the others' bundles are reused
    write_site(site, {"units/beta-ward/index.html": page("vi", "Phường Beta", "thủ tục mới")})
    second = index_site(site, mirror=mirror, units=UNITS, limit=2)
    beta = [p.folder for p in partitions({rel: rel[:2] == "en" and "en" or "vi" for rel in SITE if rel != "404.html"},
                                        page_groups(UNITS, {}), 2) if "units/beta-ward/index.html" in p.pages]
    assert second.indexed == tuple(beta) and len(beta) == 1
    assert index_site(site, mirror=mirror, units=UNITS, limit=2).indexed == ()  # nothing changed
    # a page gone is gone from its partition's copies and from the index
    (site / "units/alpha-village/index.html").unlink()
    third = index_site(site, mirror=mirror, units=UNITS, limit=2)
    assert third.languages["vi"] == 4 and third.indexed
    assert not any(p.name == "index.html" and "alpha-village" in p.parts for p in mirror.rglob("*.html"))
    for rel, html in SITE.items():  # what is served is what was built
        if rel != "units/alpha-village/index.html":
            assert (site / rel).read_text(encoding="utf-8") == (html if rel != "units/beta-ward/index.html" else page("vi", "Phường Beta", "thủ tục mới"))


def test_partition_folders_are_the_bundles_the_search_options_name() -> None:
    part = Partition("vi", 0, ("index.html",))
    options = SEARCH_OPTIONS["bundles"]
    assert f"{options['folder']}{part.folder}/" == f"{BUNDLE}/vi/{options['primary']}"  # type: ignore[index]
