"""Header search (Pagefind): with or without diacritics, each language on its own pages, from a
sub-path; a page's own name first, passages of the page's own words, the query kept in the address."""
from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate
from site_builder.publish.search import fold, key
from tests.browser.conftest import serve

pytestmark = pytest.mark.browser

# query -> a page (under the language root) that must be among the first results
EXPECTED = {
    "vi": {
        "ho so truc tuyen": "indicators/dossiers-received-online/",
        "hồ sơ trực tuyến": "indicators/dossiers-received-online/",
        "Dak Nong": "units/dak-nong/",
        "Đắk Nông": "units/dak-nong/",
    },
    "en": {
        # the Vietnamese name of an English page's indicator finds it, before the original texts that say it
        "ho so truc tuyen": "indicators/dossiers-received-online/",
        "hồ sơ trực tuyến": "indicators/dossiers-received-online/",
        "Dak Nong": "units/dak-nong/",
        "Đắk Nông": "units/dak-nong/",
    },
}
ROOTS = {"vi": "", "en": "en/"}
CASES = [(lang, width) for lang in ROOTS for width in (360, 1280)]
IDS = [f"{lang}-{width}" for lang, width in CASES]
# [room for text, width of the placeholder] of an input, in CSS pixels
PLACEHOLDER_FIT = """s => { const i = document.querySelector(s), c = getComputedStyle(i);
  const ctx = document.createElement("canvas").getContext("2d"); ctx.font = `${c.fontStyle} ${c.fontWeight} ${c.fontSize} ${c.fontFamily}`;
  return [i.clientWidth - parseFloat(c.paddingLeft) - parseFloat(c.paddingRight), ctx.measureText(i.placeholder).width]; }"""


@pytest.fixture(scope="module")
def corpus(shipped_site: Path) -> Corpus:
    """The shipped content, as the build read it."""
    found, findings = validate(shipped_site.parent)
    assert found is not None, findings
    return found


def search(page: Any, query: str, every: bool = True) -> tuple[str, list[str]]:
    """Type `query` into the header search; return the summary line and the pages of the results
    (their hrefs without the #anchor of the passage they land at: test_marks_and_anchors.py
    checks those): all of them ("more" pressed until the list ends), or the first screen."""
    if not page.is_visible("#mb-search-input"):
        page.click(".mb-search__open")  # phones: the magnifier opens the search
    page.fill("#mb-search-input", query)
    # the summary names the query in quotes ("63 trang cho “Tuy Phong”"): the previous query's, which may
    # hold this one ("… huyện Tuy Phong"), is not taken for it while this search still loads
    page.wait_for_function(
        "q => { const m = document.querySelector('[data-mb-search-meta]').textContent; return m.includes('“' + q + '”') && "
        "(document.querySelector('[data-mb-search-list]').children.length > 0 || !/\\d/.test(m.replace(q, ''))); }",
        arg=query,
    )
    while every and page.is_visible("[data-mb-search-more]"):
        before = page.locator(".mb-search__link").count()
        page.click("[data-mb-search-more]")
        page.wait_for_function("n => document.querySelectorAll('.mb-search__link').length > n", arg=before)
    hrefs = page.eval_on_selector_all(".mb-search__link", "els => els.map(e => e.getAttribute('href').split('#')[0].split('?')[0])")
    return page.text_content("[data-mb-search-meta]") or "", hrefs


def own_names(corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(query, page) for the pages a citizen looks for by name: each unit by its short name (its
    name when it has none), as written and without diacritics; each indicator whose name is part
    of another's (the hard case: "Hồ sơ tiếp nhận" beside "Hồ sơ tiếp nhận trực tuyến") by its
    name in the page's language and in Vietnamese. A name that names two pages is left out."""
    names: dict[str, set[str]] = {}
    for uid, unit in corpus.units.items():
        for text in filter(None, (unit.name, unit.short_name)):
            for name in filter(None, (text.vi, text.en)):
                names.setdefault(key(name), set()).add(f"units/{uid}/")
    for iid, ind in corpus.indicators.items():
        for name in filter(None, (ind.name.vi, ind.name.en)):
            names.setdefault(key(name), set()).add(f"indicators/{iid}/")
    cases = [(name, f"units/{uid}/") for uid, unit in corpus.units.items()
             for name in {(unit.short_name or unit.name).vi, fold((unit.short_name or unit.name).vi)}]
    for iid, ind in corpus.indicators.items():
        own = [ind.name.vi] + ([ind.name.en] if lang == "en" and ind.name.en else [])
        if any(key(name) != other and f" {key(name)} " in f" {other} " for name in own for other in names):
            cases += [(query, f"indicators/{iid}/") for name in own for query in dict.fromkeys((name, fold(name)))]
    return [(query, target) for query, target in cases if names.get(key(query)) == {target}]


ARTICLES: dict[Path, tuple[set[str], str]] = {}
PUNCTUATION = ".,;:!?…()[]{}\"'“”«»·—–-/"


def shows(path: Path, word: str) -> bool:
    """Whether the article of a built page shows `word`: one of its words (elements parted by a
    space), or, for a word of several parts ("1076/BC-VPUBND", written with <abbr>s), in its text."""
    if path not in ARTICLES:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("[data-pagefind-body]")
        ARTICLES[path] = ({w.strip(PUNCTUATION) for w in article.get_text(" ").split()}, article.get_text(""))
    words, text = ARTICLES[path]
    word = word.strip(PUNCTUATION)
    return not word or word in words or (not word.isalpha() and word in text)


def test_each_language_has_its_own_index(shipped_site: Path) -> None:
    """Each language's bundles (pagefind/<lang>/<n>/, the partitions its list names) hold its pages only."""
    counts: dict[str, int] = {}
    for lang in ("vi", "en"):
        folders = json.loads((shipped_site / "pagefind" / lang / "bundles.json").read_text(encoding="utf-8"))
        assert folders and folders[0] == "0/" and sorted(p.name + "/" for p in (shipped_site / "pagefind" / lang).iterdir() if p.is_dir()) == sorted(folders)
        for folder in folders:
            entry = json.loads((shipped_site / "pagefind" / lang / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
            assert set(entry["languages"]) == {lang}
            counts[lang] = counts.get(lang, 0) + entry["languages"][lang]["page_count"]
    assert counts["vi"] == counts["en"] > 100


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_finds_the_right_pages_with_or_without_diacritics(lang: str, site_url: str, prefix: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    found: dict[str, list[str]] = {}
    for query, expected in EXPECTED[lang].items():
        meta, hrefs = search(page, query)
        assert hrefs, f"{lang}: no result for {query!r} ({meta})"
        assert all(h.startswith(prefix + ROOTS[lang]) for h in hrefs), f"{lang}: result outside the sub-path or the language: {hrefs}"
        if lang == "vi":
            assert not any(h.startswith(prefix + "en/") for h in hrefs), f"English page in Vietnamese results for {query!r}"
        assert prefix + ROOTS[lang] + expected in hrefs[:8], f"{lang}: {expected} not in the first results for {query!r}: {hrefs[:8]}"
        found[query] = hrefs
    # typing without diacritics finds what typing with them finds
    assert set(found["hồ sơ trực tuyến"]) <= set(found["ho so truc tuyen"])
    assert set(found["Đắk Nông"]) <= set(found["Dak Nong"])
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_pages_own_name_puts_it_first(lang: str, site_url: str, prefix: str, corpus: Corpus, new_page: Any) -> None:
    """Typed with or without diacritics, a unit's or an indicator's name finds its page first,
    above the pages that only mention it (an office named after its province, the changelog)
    and those whose name holds it ("Hồ sơ tiếp nhận trực tuyến" for "ho so tiep nhan")."""
    page = new_page()
    page.goto(site_url + ROOTS[lang])
    cases = own_names(corpus, lang)
    assert len(cases) > 30 and {"Đắk Nông", "Dak Nong", "Tuy Phong", "Hồ sơ tiếp nhận", "Ho so tiep nhan"} <= {q for q, _ in cases}
    wrong = {}
    for query, target in cases:
        _, hrefs = search(page, query, every=False)
        if hrefs[:1] != [prefix + ROOTS[lang] + target]:
            wrong[query] = (target, hrefs[:3])
    assert wrong == {}
    assert page.mb_errors == []


def says(path: Path, query: str) -> bool:
    """Whether the article of a built page has every word of `query` where the index reads it
    (not in what it ignores: a figure's quote in the source's spelling), diacritics aside."""
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("[data-pagefind-body]")
    for ignored in article.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return set(key(query).split()) <= set(key(article.get_text(" ")).split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_source_texts_rank_below_the_pages_built_from_them(lang: str, site_url: str, prefix: str, shipped_site: Path, new_page: Any) -> None:
    """A document's text as received (OCR included) is searched too, but the report built from it
    comes first when it says what was typed, and a name never finds the originals before its own page."""
    page = new_page()
    page.goto(site_url + ROOTS[lang])
    compared = 0
    for query in ("ho so truc tuyen", "hồ sơ tiếp nhận", "tre han", "Tuy Phong", "dak nong", "cai cach hanh chinh", "administrative reform"):
        _, hrefs = search(page, query)
        sources = [i for i, h in enumerate(hrefs) if h.endswith("-source/")]
        assert not any(i < 3 for i in sources), (query, hrefs[:5])
        for i in sources:
            report = hrefs[i].removesuffix("-source/") + "/"
            if says(shipped_site / report.removeprefix(prefix) / "index.html", query):
                assert report in hrefs[:i], (query, report, hrefs[i])
                compared += 1
    assert compared >= 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_passages_are_the_pages_own_words_from_the_start_of_a_word(lang: str, site_url: str, prefix: str, shipped_site: Path, new_page: Any) -> None:
    """Whatever is typed, a result's passage shows words of the page, never the index's own
    spellings ("Dak", "doi duoc do di"), and starts at a word, "…" marking a cut."""
    page = new_page()
    page.goto(site_url + ROOTS[lang])
    checked = 0
    for query in ("dak nong", "Đắk Nông", "dak", "dong", "tuy phong", "binh thuan", "ho so truc tuyen", "tre han"):
        search(page, query)
        for href, excerpt in page.eval_on_selector_all(".mb-search__link", "els => els.map(e => [e.getAttribute('href'), "
                                                       "e.querySelector('.mb-search__excerpt').textContent])"):
            path = shipped_site / urlsplit(href).path.removeprefix(prefix) / "index.html"
            assert re.match(r"(… )?[\w“\"«(]", excerpt), (query, href, excerpt)
            stray = [w for w in excerpt.split() if not shows(path, w)]
            assert stray == [], (query, href, excerpt)
            checked += 1
    assert checked > 100
    assert page.mb_errors == []


@pytest.mark.parametrize(("lang", "width"), CASES, ids=IDS)
def test_back_from_a_result_shows_the_query_and_its_results_again(lang: str, width: int, site_url: str, prefix: str, new_page: Any) -> None:
    page = new_page(width=width)
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    _, hrefs = search(page, "dak nong", every=False)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["dak nong"]}  # the address holds the query
    link = page.locator(".mb-search__link").nth(1)  # another page than this one
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{target}")
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('.mb-search__link').length > 0")
    assert page.input_value("#mb-search-input") == "dak nong"
    assert page.is_visible(".mb-search__link") and page.is_visible("#mb-search-input")  # on a phone, the box open over the header
    assert search(page, "dak nong", every=False)[1] == hrefs
    # a link with a query opens with its results; closing the search takes the query out of the address
    page.goto(site_url + ROOTS[lang] + "?q=tuy+phong")
    page.wait_for_function("() => document.querySelectorAll('.mb-search__link').length > 0")
    assert page.locator(".mb-search__link").first.get_attribute("href") == prefix + ROOTS[lang] + "units/tuy-phong/"
    page.focus("#mb-search-input")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('q=')", timeout=3000)
    assert "q=" not in page.url
    assert page.mb_errors == []


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_sits_in_the_material_header(lang: str, width: int, site_url: str, shipped_site: Path, new_page: Any) -> None:
    """Part of the theme: inside Material's header bar, in its colours and font; Material's own
    (lunr) search is gone. Wide screens show the field, phones Material's magnifier button."""
    page = new_page(width=width)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
    page.wait_for_load_state("load")
    assert page.evaluate("!!document.querySelector('[data-mb-search]').closest('header.md-header > nav.md-header__inner')")
    header = page.locator("header.md-header").bounding_box()
    visible = "#mb-search-input" if width == 1280 else ".mb-search__open"
    other = ".mb-search__open" if width == 1280 else "#mb-search-input"
    assert page.is_visible(visible) and not page.is_visible(other)
    box = page.locator(visible).bounding_box()
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (box, header)
    assert box["x"] + box["width"] <= width
    style = """s => { const c = getComputedStyle(document.querySelector(s)); return [c.color, c.fontFamily]; }"""
    header_fg = page.evaluate("getComputedStyle(document.querySelector('.md-header')).color")
    if width == 1280:  # the field: header text colour, the theme's font, a translucent bar like Material's
        color, font = page.evaluate(style, "#mb-search-input")
        assert color == header_fg and font == page.evaluate("getComputedStyle(document.body).fontFamily")
        assert page.evaluate("getComputedStyle(document.querySelector('.mb-search__form')).backgroundColor") == "rgba(0, 0, 0, 0.26)"
        room, needed = page.evaluate(PLACEHOLDER_FIT, "#mb-search-input")
        assert needed <= room, f"the placeholder is cut off at rest: {needed:.0f} px of text in {room:.0f} px"
    else:  # the magnifier: a Material header button, the same size and colour as the menu button
        assert page.evaluate("document.querySelector('.mb-search__open').classList.contains('md-header__button')")
        menu = page.locator("label.md-header__button[for='__drawer']").bounding_box()
        assert abs(box["height"] - menu["height"]) < 1 and abs(box["width"] - menu["width"]) < 1
        assert page.evaluate(style, ".mb-search__open")[0] == page.evaluate(style, "label.md-header__button[for='__drawer']")[0]
    assert page.locator(".md-search").count() == 0  # Material's lunr search is not rendered
    assert not (shipped_site / "search" / "search_index.json").exists()
    assert not any("search_index.json" in u or "/workers/search" in u for u in requests), requests
    assert page.mb_errors == []


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_results_screenshots(lang: str, width: int, site_url: str, new_page: Any, screenshots: Path) -> None:
    """The results of the issue's queries, as a citizen sees them; the panel stays on screen."""
    page = new_page(width=width, height=800)
    for query in ("dak nong", "tuy phong", "ho so truc tuyen"):
        page.goto(site_url + ROOTS[lang] + "units/loc-ninh/")
        search(page, query)
        panel = page.locator(".mb-search__results").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width, panel
        assert page.locator(".mb-search__link").first.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # back to the first results ("more" was pressed until the list ended), as a citizen sees them
        page.evaluate("() => document.querySelectorAll('.mb-search__box, .mb-search__results').forEach(e => e.scrollTop = 0)")
        shot = screenshots / f"search-{query.replace(' ', '-').lower()}.{lang}.{width}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000
    assert page.mb_errors == []


def test_search_result_opens_the_page(site_url: str, new_page: Any) -> None:
    page = new_page()
    page.goto(site_url + "en/")
    search(page, "Dak Nong")
    page.locator(".mb-search__link", has_text="Đắk Nông province").first.click()
    page.wait_for_url("**/en/units/dak-nong/")
    assert page.locator("h1").first.text_content().startswith("Đắk Nông province")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_on_a_phone_opens_over_the_header_and_closes_with_escape(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(site_url + ROOTS[lang])
    assert not page.is_visible("#mb-search-input")
    page.click(".mb-search__open")
    assert page.get_attribute(".mb-search__open", "aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "mb-search-input"
    box = page.locator(".mb-search__box").bounding_box()
    assert box["y"] == 0 and box["width"] == 360  # over the header, the full width of the phone
    search(page, "Dak Nong")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.keyboard.press("Escape")
    assert not page.is_visible("#mb-search-input")
    assert page.evaluate("document.activeElement.classList.contains('mb-search__open')")


def test_without_javascript_the_search_box_is_not_offered(site_url: str, new_page: Any) -> None:
    page = new_page(javascript=False)
    page.goto(site_url)
    assert page.locator("[data-mb-search]").count() == 1
    assert not page.is_visible("[data-mb-search]")


@pytest.fixture(scope="module")
def partitioned_url(shipped_site: Path, corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped site with its index made again in at least three partitions a language (search.py,
    partitions), as the national site is: its pages linked, not copied; served under /minhbach/."""
    from site_builder.files import link_or_copy
    from site_builder.publish.search import BODY_ATTR, index_site

    site = tmp_path_factory.mktemp("partitioned") / "site"
    shutil.copytree(shipped_site, site, copy_function=link_or_copy, ignore=shutil.ignore_patterns("pagefind"))
    indexed = sum(1 for p in site.rglob("*.html") if not p.is_relative_to(site / "en") and BODY_ATTR in p.read_text(encoding="utf-8"))
    result = index_site(site, units=corpus.units, reports={rid: r.unit for rid, r in corpus.reports.items()}, limit=indexed // 3 + 1)
    assert len(result.partitions) >= 6, result.partitions
    yield from serve(site)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_partitioned_index_finds_what_the_whole_one_finds(lang: str, site_url: str, partitioned_url: str, prefix: str, corpus: Corpus,
                                                           new_page: Any) -> None:
    """Merged in the browser, the partitions find the same pages as one bundle does, the expected
    ones among the first, and a page's own name still puts it first."""
    whole, parted = new_page(), new_page()
    whole.goto(site_url + ROOTS[lang])
    parted.goto(partitioned_url + ROOTS[lang])
    for query, expected in EXPECTED[lang].items():
        _, everything = search(whole, query)
        _, merged = search(parted, query)
        assert sorted(merged) == sorted(everything), query
        assert prefix + ROOTS[lang] + expected in merged[:8], (query, merged[:8])
    for query, target in own_names(corpus, lang)[:12]:
        _, hrefs = search(parted, query, every=False)
        assert hrefs[:1] == [prefix + ROOTS[lang] + target], (query, hrefs[:3])
    assert parted.mb_errors == [] and whole.mb_errors == []
