"""What needs no browser: link previews (Open Graph), glossary tooltips, the search index step.

These live beside the browser tests because they check the same features (issue 7); they run
everywhere, Chromium or not.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from site_builder.publish import i18n
from site_builder.publish.build import BuildError, build
from site_builder.compute.derive import compute
from site_builder.content.corpus import Corpus
from site_builder.content.model import GlossaryTerm, Text
from site_builder.publish.lang import Abbreviations, Lang
from site_builder.publish.search import SearchIndexError, fold, html_aliases, index_site
from site_builder.content.validate import validate

ROOTS = {"vi": "", "en": "en/"}
# The abbreviations the issue names; each must be in the glossary with both expansions.
ISSUE_TERMS = ("UBND", "HĐND", "TTHC", "CCHC", "DVC", "PAKN", "CBCC", "BHYT", "QLVB")


@pytest.fixture(scope="module")
def corpus(shipped_site: Path) -> Corpus:
    """The shipped content, as the build read it."""
    found, findings = validate(shipped_site.parent)
    assert found is not None, findings
    return found


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


# ------------------------------------------------------------------ Open Graph / Twitter


def test_every_page_has_open_graph_and_twitter_meta(shipped_site: Path) -> None:
    pages = [p for p in shipped_site.rglob("index.html") if "pagefind" not in p.parts]
    assert len(pages) > 200
    for html in pages:
        page = soup(html)
        lang = "en" if html.relative_to(shipped_site).parts[0] == "en" else "vi"
        for key in ("og:title", "og:description", "og:image", "twitter:card", "twitter:image"):
            assert meta(page, key), f"{html}: no {key}"
        assert meta(page, "og:locale") == {"vi": "vi_VN", "en": "en_US"}[lang], html
        assert meta(page, "twitter:card") == "summary_large_image"
        image = (html.parent / meta(page, "og:image")).resolve()  # relative: no site_url configured
        assert image.is_file(), f"{html}: og:image {meta(page, 'og:image')} does not exist"
        assert image.name.endswith(f".{lang}.png")


def test_unit_pages_share_their_own_preview_image(shipped_site: Path) -> None:
    for lang, root in (("vi", shipped_site), ("en", shipped_site / "en")):
        page = soup(root / "units/binh-son-binh-phuoc/index.html")
        assert meta(page, "og:image") == f"{'../../' if lang == 'vi' else '../../../'}social/binh-son-binh-phuoc.{lang}.png"
        assert meta(page, "og:title") == {"vi": "Xã Bình Phước", "en": "Bình Phước commune"}[lang]
        home = soup(root / "index.html")
        assert meta(home, "og:image").endswith(f"social/default.{lang}.png")


def test_preview_images_are_1200_by_630_png_for_every_unit(shipped_site: Path) -> None:
    units = sorted(p.stem for p in (shipped_site.parent / "content/units").glob("*.yaml"))
    for lang in i18n.LANGS:
        for name in units + ["default"]:
            assert png_size(shipped_site / "social" / f"{name}.{lang}.png") == (1200, 630)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_unit_page_shares_a_card_with_its_name_and_figures(lang: i18n.Lang, shipped_site: Path, corpus: Corpus, tmp_path: Path) -> None:
    """A link to a unit page, shared on Zalo or Facebook, previews that unit: its own 1200×630
    PNG, which is the unit's card (its name, its place, its latest headline figures) redrawn
    byte for byte, titled with the unit's name."""
    from site_builder.publish.social import draw, unit_card

    computed = compute(corpus)
    root = shipped_site / ROOTS[lang]
    images = set()
    for unit_id, unit in sorted(corpus.units.items()):
        html = root / "units" / unit_id / "index.html"
        page = soup(html)
        name = unit.name.en if lang == "en" and unit.name.en else unit.name.vi
        assert meta(page, "og:title") == name, html
        assert meta(page, "og:image:alt") == name and meta(page, "twitter:title") == name
        assert meta(page, "og:image") == meta(page, "twitter:image")
        image = (html.parent / meta(page, "og:image")).resolve()
        assert image == (shipped_site / "social" / f"{unit_id}.{lang}.png").resolve(), f"{html}: {meta(page, 'og:image')}"
        assert png_size(image) == (1200, 630)
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        card = unit_card(corpus, computed, unit_id, lang)
        assert card.title == name
        if unit_id in computed.series:  # a unit with figures shows up to three of them
            assert card.stats and all(stat.value and stat.label for stat in card.stats)
        draw(card, tmp_path / "card.png")
        assert (tmp_path / "card.png").read_bytes() == image.read_bytes(), f"{image} is not the card of {unit_id}"
        images.add(image.read_bytes())
    assert len(images) == len(corpus.units)  # every unit its own picture


def test_preview_images_are_deterministic(tmp_path: Path) -> None:
    from site_builder.publish.social import Card, Stat, draw

    card = Card("Minh Bạch", "Dữ liệu mở", "Xã · Bình Sơn · Quảng Ngãi", "Xã Bình Phước", (Stat("43,6%", "Tỷ lệ hồ sơ trực tuyến", "Năm 2023"),), "1 báo cáo")
    draw(card, tmp_path / "a.png")
    draw(card, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert b"Software" not in (tmp_path / "a.png").read_bytes()


def test_og_image_is_absolute_when_site_url_is_configured(addressed_site: Path) -> None:
    site = addressed_site  # built with site_url https://example.org/minhbach/ (tests/conftest.py)
    assert meta(soup(site / "units/huyen-b/index.html"), "og:image") == "https://example.org/minhbach/social/huyen-b.vi.png"
    assert meta(soup(site / "en/units/huyen-b/index.html"), "og:image") == "https://example.org/minhbach/social/huyen-b.en.png"
    assert meta(soup(site / "en/index.html"), "og:image") == "https://example.org/minhbach/social/default.en.png"


# ------------------------------------------------------------------ glossary tooltips

TERMS = [
    GlossaryTerm(term="UBND", vi="Ủy ban nhân dân", en="People's Committee"),
    GlossaryTerm(term="VPUBND", vi="Văn phòng Ủy ban nhân dân", en='Office of the "People\'s Committee"'),
    GlossaryTerm(term="QĐ", vi="Quyết định", en="Decision"),
    GlossaryTerm(term="QĐ-TTg", vi="Quyết định của Thủ tướng Chính phủ", en="Prime Minister's Decision"),
    GlossaryTerm(term="QLVB&HSCV", vi="quản lý văn bản & hồ sơ <công việc>", en=None),
    GlossaryTerm(term="Tỉnh ủy", vi="Tỉnh ủy", en="Provincial Party Committee"),
]


def lang(code: i18n.Lang) -> Lang:
    return Lang(code, "reports/x.md", Abbreviations.build(TERMS, code))


def test_terms_become_abbr_with_the_expansion_of_the_page_language() -> None:
    text = Text(vi="UBND tỉnh ban hành QĐ 12/QĐ-TTg", en="The UBND issued QĐ 12/QĐ-TTg")
    assert lang("vi").tx(text) == Markup(
        '<abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh ban hành <abbr title="Quyết định">QĐ</abbr> 12/'
        '<abbr title="Quyết định của Thủ tướng Chính phủ">QĐ-TTg</abbr>'
    )
    assert '<abbr title="People&#39;s Committee">UBND</abbr>' in lang("en").tx(text)


def test_whole_words_only_and_case_sensitive() -> None:
    out = str(lang("vi").tx(Text(vi="VPUBND và UBNDX, ubnd, xUBND, UBND.", en="x")))
    assert out.count("<abbr") == 2  # VPUBND (its own term) and the final UBND
    assert '<abbr title="Văn phòng Ủy ban nhân dân">VPUBND</abbr>' in out
    assert "UBNDX" in out and "ubnd" in out and "xUBND" in out


def test_no_markup_injection_from_text_terms_or_expansions() -> None:
    vi = lang("vi").tx(Text(vi='<script>alert(1)</script> QLVB&HSCV "UBND"', en=None))
    assert "<script>" not in vi and "&lt;script&gt;" in vi
    assert '<abbr title="quản lý văn bản &amp; hồ sơ &lt;công việc&gt;">QLVB&amp;HSCV</abbr>' in vi
    en = str(lang("en").tx(Text(vi="VPUBND", en="VPUBND")))
    assert 'title="Office of the &#34;People&#39;s Committee&#34;"' in en


def test_expansion_equal_to_the_term_is_no_tooltip_and_missing_english_is_marked() -> None:
    assert "<abbr" not in lang("vi").tx(Text(vi="Tỉnh ủy Bình Phước", en="x"))
    assert '<abbr title="Provincial Party Committee">Tỉnh ủy</abbr>' in lang("en").tx(Text(vi="Tỉnh ủy", en="Tỉnh ủy"))
    assert f"({i18n.t('untranslated', 'en')})" in lang("en").tx(Text(vi="QLVB&HSCV", en="QLVB&HSCV"))


def test_untranslated_text_keeps_its_mark_and_pick_adds_no_markup() -> None:
    out = lang("en").tx(Text(vi="UBND huyện", en=None))
    assert out.startswith('<span lang="vi"><abbr title="People&#39;s Committee">UBND</abbr> huyện</span>')
    assert "mb-untranslated" in out
    assert "<abbr" not in lang("vi").pick("UBND tỉnh", "")  # pick() lands in title="…" attributes


def test_plain_strings_headings_and_notes_get_tooltips_but_attributes_stay_plain() -> None:
    vi, en = lang("vi"), lang("en")
    assert vi.abbr("278/BC-UBND") == Markup('278/BC-<abbr title="Ủy ban nhân dân">UBND</abbr>')
    assert vi.abbr(None) == "" and vi.abbr(2023) == "2023"
    # a heading: Markdown specials backslashed in the text and in the term, not in the tag
    assert vi.md(Text(vi="Tỷ lệ UBND (tỉnh) QĐ-TTg", en=None)) == Markup(
        'Tỷ lệ <abbr title="Ủy ban nhân dân">UBND</abbr> \\(tỉnh\\) <abbr title="Quyết định của Thủ tướng Chính phủ">QĐ\\-TTg</abbr>'
    )
    assert vi.pick_html("UBND xã", "").startswith(Markup('<abbr title="Ủy ban nhân dân">UBND</abbr>'))
    # title="…": the untranslated mark in words, never markup
    assert en.pick("UBND <xã>", "") == Markup(f"UBND &lt;xã&gt; ({i18n.t('untranslated', 'en')})")
    assert en.pick("UBND", "People's Committee") == Markup("People&#39;s Committee")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_glossary_page_lists_each_abbreviation_with_both_expansions(lang: str, shipped_site: Path, corpus: Corpus) -> None:
    page = soup(shipped_site / ROOTS[lang] / "glossary/index.html")
    terms = {t.term: t for t in corpus.glossary}
    entries = page.select("dl.mb-glossary > div.mb-glossary__entry")
    assert len(entries) == len(terms)
    for term in ISSUE_TERMS:
        entry = page.select_one(f"dl.mb-glossary > div[id='t-{term}']")
        assert entry is not None, f"{lang}: {term} is not in the glossary page"
        assert entry.select_one("dt dfn").get_text() == term
        vi = entry.select_one("dd span[lang=vi]")
        en = entry.select_one("dd span[lang=en]")
        assert vi is not None and vi.get_text() == terms[term].vi and terms[term].vi
        assert en is not None and en.get_text() == terms[term].en and terms[term].en, f"{term} has no English expansion"
        first = entry.select("dd")[0].select_one("span[lang]")["lang"]
        assert first == lang  # the page's language first


def bare_terms(article: Any, pattern: re.Pattern[str]) -> list[str]:
    """Glossary terms in the article's text that are not inside an <abbr>: verbatim source texts
    (<pre>), code, and the glossary's own terms and expansions aside."""
    out = []
    for text in article.find_all(string=True):
        if text.find_parent(["abbr", "pre", "code", "script", "style", "dl"]):
            continue
        out += [f"{m.group()} in <{text.parent.name}> “{text[max(0, m.start() - 30):m.end() + 30].strip()}”" for m in pattern.finditer(text)]
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_glossary_terms_have_tooltips_wherever_they_appear(lang: str, shipped_site: Path, corpus: Corpus) -> None:
    """Every whole-word occurrence of the issue's abbreviations on every page of a language is an
    <abbr> whose title is the expansion in that language: in headings, tables, chart captions,
    quotes, document numbers and running text alike."""
    expansions = {t.term: (t.en if lang == "en" else t.vi) for t in corpus.glossary if t.term in ISSUE_TERMS}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ISSUE_TERMS)) + r")(?!\w)")
    root = shipped_site / ROOTS[lang]
    pages = [p for p in root.rglob("index.html") if lang == "en" or p.relative_to(shipped_site).parts[0] != "en"]
    assert len(pages) > 150
    bare: dict[str, list[str]] = {}
    tooltips = 0
    for html in pages:
        article = soup(html).select_one("article")
        if article is None:
            continue
        for abbr in article.select("abbr"):
            if abbr.get_text() in expansions:
                assert abbr.get("title") == expansions[abbr.get_text()], f"{html}: {abbr}"
                tooltips += 1
        if found := bare_terms(article, pattern):
            bare[str(html.relative_to(shipped_site))] = found[:3]
    assert not bare, "\n".join(f"{k}: {v}" for k, v in sorted(bare.items())[:20])
    assert tooltips > 500


def test_shipped_pages_show_glossary_tooltips(shipped_site: Path) -> None:
    page = soup(shipped_site / "reports/dak-nong-vp-ubnd-2021-q3/index.html")
    titles = {a.get_text(): a["title"] for a in page.select("article abbr[title]")}
    assert titles.get("CCHC") == "cải cách hành chính"
    en = soup(shipped_site / "en/reports/dak-nong-vp-ubnd-2021-q3/index.html")
    assert any(a["title"] == "People's Committee" for a in en.select("article abbr[title]"))
    glossary = soup(shipped_site / "glossary/index.html")
    assert glossary.select_one("dl.mb-glossary #t-TTHC dd") is not None


# ------------------------------------------------------------------ search index step


def test_fold_spells_d_for_dj_and_drops_marks() -> None:
    assert fold("Đắk Nông") == "Dak Nong"
    assert fold("đồng") == "dong"
    assert fold("hồ sơ trực tuyến") == "ho so truc tuyen"


def test_a_page_the_build_did_not_write_gives_its_title_and_words_from_the_indexed_body_only() -> None:
    html = (
        '<html><body><nav>Đơn vị</nav><div data-pagefind-body><h1>Tỉnh Đắk Nông<a class="headerlink">¶</a></h1>'
        "<p>Đồng Nai, hồ sơ</p><div data-pagefind-ignore>Điện Biên</div><script>var đ = 1</script></div></body></html>"
    )
    assert html_aliases(html) == ("Tỉnh Đắk Nông", ["Dak", "Dong"])
    assert html_aliases("<html><body><div data-pagefind-body>hồ sơ</div></body></html>") == ("", [])


def test_index_site_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no index.html"):
        index_site(tmp_path)
    (tmp_path / "index.html").write_text("<html lang='vi'><body><p>trang không đánh dấu nội dung</p></body></html>", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="indexed no page"):
        index_site(tmp_path)


def test_search_failure_leaves_previous_site(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(minimal)
    before = (minimal / "site/index.html").read_bytes()

    def broken(site_dir: Path, **kwargs: object) -> None:
        raise SearchIndexError("pagefind exploded")

    monkeypatch.setattr("site_builder.publish.search.index_site", broken)
    with pytest.raises(BuildError, match="pagefind exploded"):
        build(minimal)
    assert (minimal / "site/index.html").read_bytes() == before
