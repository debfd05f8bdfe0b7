"""Full-text search: index the assembled site with Pagefind (the binary shipped in `pagefind[bin]`).

Input: the assembled site folder (both languages). Output: `<site>/pagefind/`, the static
search bundles the header search box loads. Each language's pages (by their `<html lang>`) are
indexed in partitions (`partitions`: the site-wide pages, then the provinces' pages, a province
kept whole, at most PARTITION_PAGES pages each), each by its own Pagefind run into its own bundle,
`pagefind/<lang>/<n>/`; `pagefind/<lang>/bundles.json` lists them. The header search loads the
first and merges the others into it (Pagefind's `mergeIndex`): one search, one ranking. So
Vietnamese pages are searched from / and English pages from /en/, Pagefind's memory is that of
one partition, not of the site, and a rebuild indexes again only the partitions whose pages'
copies changed (an edited report: its province's, and the site-wide pages that list it).

Only what the templates mark `data-pagefind-body` (the article) is indexed: not the header,
navigation or footer, and not the 404 page.

Pagefind reads a copy of each page (the pages served are not changed) in which:

- blocks written with no whitespace between them (table cells, a definition's term and
  description) are parted by a space, so that "Loại văn bản" and "Báo cáo" stay two phrases;
- metadata fields hold what a visitor may type that the page does not say. Pagefind searches
  metadata besides the text, and ranks a page by a field's matches as SEARCH_OPTIONS weighs them
  (the header search passes them on), but never shows it in an excerpt:
  - NAMES, the page's names other than its title: the title without diacritics ("Tinh Dak
    Nong"; Pagefind already matches "ho so" to "hồ sơ", but đ is a letter of its own, not d with
    a mark), the title of the same page in the other language (an English page answers "ho so
    tiep nhan", the name of its indicator in Vietnamese), a unit's short names ("Đắk Nông").
    They weigh as the title does: a page's own name, typed either way, ranks it as its title would.
  - FORMER, for a unit that took others over in the 2025 reorganisation, their names
    (`former_names`: "binh thuan" finds Lâm Đồng); as much as a title too: they were one.
  - WORDS, the other words of the page's text that contain đ, without diacritics ("Dong" for
    "Đồng"), so that they are found as typed on a phone.

Beside Pagefind's bundle, the pages are listed by their own names (`write_named`): the header
search puts the pages named exactly as typed first.

The build knows each page's title and words before mkdocs renders it (`markdown_aliases`, from
the generated Markdown), so it passes them in and no page is parsed again; a page it did not
generate is parsed. The copies live in a folder kept between builds, with what each was made
from (the page's size and time, its names): a page mkdocs did not write again is not read again,
and a copy is rewritten only when its bytes change.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from html import escape, unescape
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Callable, Mapping

from site_builder.content.model import Level, Text, Unit
from site_builder.files import link_or_copy, write_if_changed
from site_builder.publish import i18n
from site_builder.publish.engine import html_path
from site_builder.publish.progress import Meter

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
BODY_ATTR = "data-pagefind-body"
IGNORE_ATTR = "data-pagefind-ignore"
META_ATTR = "data-pagefind-meta"
NAMES = "names"  # metadata field: the page's names besides its title (module docstring)
FORMER = "former"  # metadata field: the names of the places its unit took over
WORDS = "words"  # metadata field: the other words of the page with đ, without diacritics
NAMED = "names"  # folder of the bundle that lists the pages by their own names (write_named)
NAMED_FILES = 16  # files per language it spreads them over (named_file): each a small download
TITLE_WEIGHT = 5.0  # how Pagefind weighs a query found in a page's title (its default for `title`)
# Pagefind finds the words that start with what was typed: "tre" finds "trễ" and "trên", "han"
# "hạn", "hành" and "handling". Vietnamese syllables are short and differ by a letter, so a word
# much like the one typed is worth more than Pagefind's default (1) makes it: the pages that say
# "trễ hạn" come before those that say "trên … hành".
TERM_SIMILARITY = 3.0
# What the header search (minhbach.js, through the theme's configuration) needs of the index: the
# ranking it passes to pagefind.options(), in which a page's other names and old names count as its
# title does, and where the pages named exactly as typed are listed (write_named): it shows them first.
# The index is in partitions (`partitions`), each its own Pagefind bundle at pagefind/<lang>/<n>/:
# the header search loads the first (the primary: Pagefind's script and WebAssembly) and merges in
# the others that pagefind/<lang>/bundles.json lists (Pagefind's mergeIndex).
BUNDLES_LIST = "bundles.json"
SEARCH_OPTIONS = {"ranking": {"metaWeights": {NAMES: TITLE_WEIGHT, FORMER: TITLE_WEIGHT}, "termSimilarity": TERM_SIMILARITY},
                  "named": {"folder": f"{BUNDLE}/{NAMED}/", "files": NAMED_FILES},
                  "bundles": {"folder": f"{BUNDLE}/", "list": BUNDLES_LIST, "primary": "0/"}}
# Most pages one Pagefind run indexes. A run's peak memory grows with its pages, about 0.23 MiB a
# page on the national corpus's first six provinces (52 MiB for 166 pages, 225 MiB for 1,000,
# 706 MiB for 3,150; the whole national site, 38,540 pages in one run, took 4.7 GiB), and its time
# too, about 3.6 ms of CPU a page. Each partition costs the browser about three requests more on
# a language's first query (its entry, its metadata, an index chunk a word) and one or two on
# later ones (17 requests with one bundle, 28 with four, 77 with nineteen; the time to the first
# result stayed within the noise of a loaded machine). 1,000 pages: two runs side by side stay
# near 500 MiB, an edit is indexed again in a few seconds, and the national site has about twenty
# partitions a language.
PARTITION_PAGES = 1000
# Pagefind indexes on one core (its CPU time is its wall time): two runs side by side use both of
# a 2-core machine's, and peak memory is that of the two largest partitions.
PAGEFIND_RUNS = 2
BUNDLE_FORMAT = 1  # bumped when what a bundle holds changes otherwise than through its pages (_finish_bundle)
# Files of Pagefind's bundle the header search never loads (its own search interfaces), and those
# only the primary bundle needs (a merged bundle is searched with the primary's script and WebAssembly).
UNUSED = {"pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"}
RUNTIME = {"pagefind.js", "pagefind-worker.js"}  # and wasm.<lang>.pagefind
PLACES = (Level.province, Level.district, Level.commune)  # whose old names are searched for (former_names)
EXCLUDE_SELECTORS = ".headerlink"  # the ¶ permalink Python-Markdown adds to every heading
WORD = re.compile(r"\w+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message says which and why."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote."""

    bundle: Path  # <site>/pagefind
    languages: dict[str, int]  # language of the index -> pages in it
    seconds: float
    partitions: tuple[str, ...] = ()  # their folders in the bundle, "vi/0" …
    indexed: tuple[str, ...] = ()  # those Pagefind indexed in this run (the others' pages did not change)

    @property
    def pages(self) -> int:
        return sum(self.languages.values())


def fold(text: str) -> str:
    """'Đắk Nông' -> 'Dak Nong': every diacritic dropped, đ/Đ spelled d/D."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _BodyText(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside data-pagefind-ignore, script, style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside body, ignored)
        self.parts: list[str] = []
        self.title: list[str] = []  # the text of the body's <h1>s

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        classes = (dict(attrs).get("class") or "").split()
        inside, ignored = self.stack[-1][1:] if self.stack else (False, False)
        inside = inside or BODY_ATTR in names
        ignored = ignored or IGNORE_ATTR in names or tag in ("script", "style") or "headerlink" in classes
        if tag not in VOID:
            self.stack.append((tag, inside, ignored))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed elements, as browsers do
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.parts.append(data)
            if any(tag == "h1" for tag, _, _ in self.stack):
                self.title.append(data)


def _folded_words(parts: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for word in WORD.findall(" ".join(parts)):
        if "đ" in word or "Đ" in word:
            seen.setdefault(fold(word), None)
    return list(seen)


def _parse(html: str) -> _BodyText:
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    return parser


# A block's end tag directly followed by the next block's start tag: table cells, a definition's
# term and description, list items, paragraphs and other blocks a page writes without whitespace.
BLOCK_JOIN = re.compile(r"(</(?:t[dh]|d[td]|li|p|div|h[1-6]|caption|figcaption|summary)>)(?=<[a-z])")


def spaced_blocks(html: str) -> str:
    """Blocks written with no whitespace between them (<td>a</td><td>b</td>, <dt>a</dt><dd>b</dd>)
    parted by a space: Pagefind would otherwise read one word "ab", and excerpts show
    "UnitPeriod coveredBreakdown" or "Loại văn bảnBáo cáo"."""
    return BLOCK_JOIN.sub(r"\1 ", html)


TAG = re.compile(r"<[^>]*>")
IGNORED_QUOTE = re.compile(r"<blockquote[^>]*data-pagefind-ignore[^>]*>.*?</blockquote>", re.S)
FRONT_TITLE = re.compile(r'^title: (".*")$', re.M)
Aliases = tuple[str, list[str]]  # (the page's title, the folded đ-words of its text)


def markdown_aliases(markdown: str) -> Aliases:
    """A generated page's title (its front matter's, as the page shows it) and the folded đ-words
    of its text (markup, attributes and front matter dropped)."""
    title, body = "", markdown
    if markdown.startswith("---\n") and (end := markdown.find("\n---\n", 4)) > 0:
        found = FRONT_TITLE.search(markdown, 4, end)
        title = unescape(json.loads(found.group(1))) if found else ""  # pages.front_matter writes JSON, HTML-escaped
        body = markdown[end + 5:]
    if "đ" not in body and "Đ" not in body:
        return title, []
    body = IGNORED_QUOTE.sub(" ", body)  # what Pagefind will not index gives no aliases either
    return title, _folded_words([unescape(TAG.sub(" ", body))])


def html_aliases(html: str) -> Aliases:
    """What markdown_aliases gives for a generated page, read from the HTML of any other page."""
    parser = _parse(html)
    return " ".join("".join(parser.title).split()), _folded_words(parser.parts)


def twin(rel: str) -> str:
    """The path of the same page in the other language: 'units/x/index.html' <-> 'en/units/x/index.html'."""
    return rel.removeprefix("en/") if rel.startswith("en/") else "en/" + rel


def key(name: str) -> str:
    """A name as the list of pages by name holds it, and as the header search (minhbach.js, key)
    looks it up: without diacritics, in lower case, its words parted by one space ("Bình Phước
    (Bình Sơn)" -> "binh phuoc binh son")."""
    return " ".join(re.findall(r"[^\W_]+", fold(name).lower()))


def named_file(name_key: str) -> int:
    """Which of a language's NAMED_FILES lists a key: the sum of its characters' code points,
    which minhbach.js (namedFile) computes alike, so that a search fetches one small file."""
    return sum(map(ord, name_key)) % NAMED_FILES


@dataclass(frozen=True)
class PageNames:
    """What a visitor may type for a page that its text does not say (module docstring)."""

    title: str  # as the page shows it
    other: list[str]  # its other names: its title in the other language, a unit's short names
    former: list[str]  # the names of the places its unit took over (`former_names`)
    words: list[str]  # the words of its text with đ, without diacritics

    def meta(self) -> dict[str, str]:
        """The metadata fields Pagefind reads: each name once, as written and without diacritics,
        the title itself left out (Pagefind has it)."""
        names = [n for n in dict.fromkeys([fold(self.title)] + [v for n in self.other for v in (n, fold(n))]) if n and n != self.title]
        former = list(dict.fromkeys(v for n in self.former for v in (n, fold(n))))
        named = set(" ".join(names + former).split())
        fields = {NAMES: " · ".join(names), FORMER: " · ".join(former), WORDS: " ".join(w for w in self.words if w not in named)}
        return {field: value for field, value in fields.items() if value}

    def keys(self) -> list[str]:
        """What the page is listed under by name: its own names (not its predecessors'), as `key` writes them."""
        return [k for k in dict.fromkeys(key(n) for n in [self.title, *self.other]) if k]


def with_meta(html: str, names: PageNames) -> str:
    """The page as Pagefind should read it: its names as metadata fields, in elements after the
    article, which Pagefind reads as metadata only."""
    tags = "".join(f'<div {META_ATTR}="{field}">{escape(value)}</div>' for field, value in names.meta().items())
    at = html.rfind("</body>")
    return html[:at] + tags + html[at:] if at >= 0 else html + tags


def write_named(folder: Path, named: dict[str, dict[str, list[str]]]) -> None:
    """Each language's pages by their own names, key -> the pages' paths from the site root, in
    NAMED_FILES JSON files (`named_file`), every one written, sorted, so that two builds are the
    same bytes. The header search fetches the one file of what was typed and shows those pages
    first: Pagefind ranks words, and cannot tell "Tỉnh Đắk Nông" from "Văn phòng UBND tỉnh Đắk
    Nông" for "dak nong". (Pagefind's own filters would list them, but it writes them in an order
    that changes from build to build.)"""
    for lang, keys in named.items():
        files: list[dict[str, list[str]]] = [{} for _ in range(NAMED_FILES)]
        for name_key, paths in keys.items():
            files[named_file(name_key)][name_key] = sorted(paths)
        for number, listed in enumerate(files):
            write_if_changed(folder / lang / f"{number}.json", json.dumps(listed, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def predecessors(units: Mapping[str, Unit]) -> dict[str, list[str]]:
    """Unit id -> the ids of the units it took over in the 2025 reorganisation (their
    `reorganisation_2025.successor`), directly or through one that was itself taken over: a
    district abolished into a province that merged into another is a predecessor of both."""
    direct: dict[str, list[str]] = {}
    for uid, unit in sorted(units.items()):
        fate = unit.reorganisation_2025
        if fate and fate.successor and fate.successor != uid:
            direct.setdefault(fate.successor, []).append(uid)
    out: dict[str, list[str]] = {}
    for heir, first in direct.items():
        found: set[str] = set()
        todo = list(first)
        while todo:  # a cycle in the data (validation's business) ends here, not in a loop
            uid = todo.pop()
            if uid != heir and uid not in found:
                found.add(uid)
                todo.extend(direct.get(uid, []))
        out[heir] = sorted(found)
    return out


def unit_page(lang: i18n.Lang, uid: str) -> str:
    """The path of a unit's page in the site."""
    return ("" if lang == "vi" else f"{lang}/") + html_path(f"units/{uid}.md")


def short_names(units: Mapping[str, Unit]) -> dict[str, list[str]]:
    """Page path in the site (both languages) -> its unit's short names, in both languages: what
    a citizen types for the place ("Đắk Nông" for "Tỉnh Đắk Nông")."""
    out: dict[str, list[str]] = {}
    for uid, unit in units.items():
        if unit.short_name:
            names = [name for name in dict.fromkeys((unit.short_name.vi, unit.short_name.en)) if name]
            out.update({unit_page(lang, uid): names for lang in i18n.LANGS})
    return out


def former_names(units: Mapping[str, Unit]) -> dict[str, list[str]]:
    """Page path in the site (both languages) -> the names (full and short) of the places its
    unit took over, in the page's language (a name not yet translated in Vietnamese).

    Places only (provinces, districts, communes): a citizen looks for an old place by its name,
    and an office's long name ("Trung tâm Phục vụ hành chính công tỉnh …") would make the new
    province answer every search for such offices, and weigh down the names that matter.
    """
    out: dict[str, list[str]] = {}
    for heir, olds in predecessors(units).items():
        if heir not in units:
            continue
        places = [units[uid] for uid in olds if units[uid].level in PLACES]
        if not places:
            continue
        for lang in i18n.LANGS:
            names = [text.en if lang == "en" and text.en else text.vi
                     for unit in places for text in (unit.name, unit.short_name) if isinstance(text, Text)]
            out[unit_page(lang, heir)] = list(dict.fromkeys(names))
    return out



# --------------------------------------------------------------------------- partitions

def province_of(units: Mapping[str, Unit]) -> dict[str, str]:
    """Unit id -> the id of the province it lies in (its own for a province): its parents followed
    to the top. A unit whose chain breaks or loops (validation's business) is its own top."""
    out: dict[str, str] = {}
    for uid in units:
        seen, top = {uid}, uid
        while (parent := units[top].parent) and parent in units and parent not in seen:
            seen.add(parent)
            top = parent
        out[uid] = top
    return out


def page_groups(units: Mapping[str, Unit], reports: Mapping[str, str]) -> dict[str, str]:
    """Page path in the site (both languages) -> the province whose partition of the index holds
    it: a unit's page, a report's and its source text's go with the province of their unit, so that
    an edit to a report re-indexes its province's partition (and the site-wide pages' one, whose
    lists and latest figures it changes). `reports`: report id -> its unit's id. A page not listed
    here is site-wide."""
    top = province_of(units)
    out: dict[str, str] = {}
    for lang in i18n.LANGS:
        prefix = "" if lang == "vi" else f"{lang}/"
        for uid in units:
            out[unit_page(lang, uid)] = top[uid]
        for rid, uid in reports.items():
            province = top.get(uid, uid)
            out[prefix + html_path(f"reports/{rid}.md")] = province
            out[prefix + html_path(f"reports/{rid}-source.md")] = province
    return out


@dataclass(frozen=True)
class Partition:
    """The pages one Pagefind run indexes into one bundle: `<site>/pagefind/<lang>/<number>/`."""

    lang: str  # the pages' <html lang>, which the header search loads the bundles of
    number: int
    pages: tuple[str, ...]  # page paths in the site, sorted

    @property
    def folder(self) -> str:
        return f"{self.lang}/{self.number}"


def partitions(langs: Mapping[str, str], groups: Mapping[str, str], limit: int) -> list[Partition]:
    """Each language's pages (page path -> <html lang>) in partitions of at most `limit` pages:
    the site-wide pages first, on their own (any edit changes some of them: the lists, the latest
    figures, the changelog; their partition is small, and so quick to index again), then the
    provinces in the order of their ids, a province never parted from its pages unless it alone
    holds more than `limit` (then its pages in path order). Consecutive, so that the same corpus
    gives the same partitions, and an edit leaves every other partition's pages, and so its
    bundle, as they were."""
    by_lang: dict[str, dict[str, list[str]]] = {}
    for rel, lang in sorted(langs.items()):
        by_lang.setdefault(lang, {}).setdefault(groups.get(rel, ""), []).append(rel)
    out: list[Partition] = []
    for lang, by_group in sorted(by_lang.items()):
        bundles: list[list[str]] = [[]]
        site_wide = set(by_group.get("", ()))
        for group in sorted(by_group):  # "" (site-wide) sorts first
            pages = by_group[group]
            for chunk in (pages[start:start + limit] for start in range(0, len(pages), limit)):
                if bundles[-1] and (len(bundles[-1]) + len(chunk) > limit or bundles[-1][0] in site_wide):
                    bundles.append([])
                bundles[-1].extend(chunk)
        out.extend(Partition(lang, number, tuple(pages)) for number, pages in enumerate(bundles))
    return out


def _executable() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]  # the binary inside the pagefind-bin wheel; the package has no type hints
    except ImportError as exc:
        raise SearchIndexError("Pagefind is not installed: run `make build`, which installs pagefind[bin] from requirements.lock") from exc
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise SearchIndexError(f"the pagefind-bin package has no binary for this platform: {exc}") from exc


@functools.cache
def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return "unknown"


HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"", re.I)


def html_lang(html: str) -> str:
    """A page's language as Pagefind reads it (<html lang>, lower case; "unknown" without one)."""
    found = HTML_LANG.search(html, 0, 2000)
    return found.group(1).lower() if found and found.group(1) else "unknown"


def digest(partition: Partition, copies: Mapping[str, str]) -> str:
    """What a partition's bundle is made of: its pages' copies (path -> digest of the bytes
    Pagefind reads), Pagefind's version and the options it runs with."""
    h = hashlib.sha256(json.dumps([_pagefind_version(), EXCLUDE_SELECTORS, BUNDLE_FORMAT]).encode())
    for rel in partition.pages:
        h.update(f"\n{rel}\t{copies[rel]}".encode())
    return h.hexdigest()


def _finish_bundle(out: Path, primary: bool) -> dict[str, int]:
    """A bundle Pagefind wrote, as the site serves it: its entry in a stable byte order, without the
    files the header search does not load (Pagefind's own search interfaces; in a bundle that is
    merged into the primary one, the script and the WebAssembly, which only the primary loads).
    Returns its languages' page counts."""
    entry = out / "pagefind-entry.json"
    manifest = json.loads(entry.read_text(encoding="utf-8"))
    # Pagefind writes its languages in hash-map order, which changes from run to run; the
    # loader looks them up by key, so sorted keys make two builds of one site byte-identical.
    entry.write_text(json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    for path in sorted(out.iterdir()):
        if path.is_file() and (path.name in UNUSED or (not primary and (path.name in RUNTIME or path.name.startswith("wasm.")))):
            path.unlink()
    return {lang: int(info.get("page_count", 0)) for lang, info in manifest["languages"].items()}


def _index_partition(exe: Path, source: Path, out: Path, primary: bool) -> dict[str, int]:
    """One Pagefind run over `source` (a partition's copies) into a new `out`; its languages' page counts."""
    tmp_out = out.with_name(out.name + ".new")
    shutil.rmtree(tmp_out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        # cwd is an empty temporary folder, so no stray pagefind.yml of the caller is read
        cmd = [str(exe), "--site", str(source), "--output-path", str(tmp_out), "--exclude-selectors", EXCLUDE_SELECTORS, "--quiet"]
        run = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if run.returncode != 0:
        raise SearchIndexError(f"pagefind failed on {source} (exit {run.returncode}):\n{(run.stderr or run.stdout).strip()}")
    if not (tmp_out / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"pagefind wrote no {tmp_out / 'pagefind-entry.json'}:\n{(run.stderr or run.stdout).strip()}")
    counts = _finish_bundle(tmp_out, primary)
    shutil.rmtree(out, ignore_errors=True)
    tmp_out.rename(out)
    return counts


def _html_files(site: Path) -> list[str]:
    """The HTML files of the site, as paths from its root (posix), sorted; not the search bundle's."""
    out: list[str] = []
    for top, dirs, files in os.walk(site):
        if top == str(site):
            dirs[:] = [d for d in dirs if d != BUNDLE]
        rel = Path(top).relative_to(site).as_posix()
        out.extend(name if rel == "." else f"{rel}/{name}" for name in files if name.endswith(".html"))
    return sorted(out)


def _current(kept: Path, made_of: str) -> bool:
    """Whether the bundle kept in `kept` was made from what `made_of` digests (`digest`)."""
    stamp = kept / "digest"
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == made_of and (kept / BUNDLE / "pagefind-entry.json").is_file()


def _index_again(exe: Path, part: Partition, folders: Path, kept: Path, made_of: str, progress: Callable[[str], None]) -> None:
    """A partition's bundle made anew into `kept`, stamped with its digest once it is whole."""
    progress(f"search: indexing {part.folder} ({len(part.pages):,} pages)")
    stamp = kept / part.folder / "digest"
    stamp.unlink(missing_ok=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    _index_partition(exe, folders / part.folder, kept / part.folder / BUNDLE, primary=part.number == 0)
    stamp.write_text(made_of, encoding="utf-8")


def _prune(folder: Path, keep: set[str]) -> None:
    """Remove the files under `folder` whose path (relative, posix) is not in `keep`, then empty folders."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(folder).as_posix() not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


@dataclass(frozen=True)
class Copy:
    """What is known of a page's copy without reading the page again (`_prepare`)."""

    stat: tuple[int, int]  # the page's size and modification time when the copy was made
    names: str  # digest of what its names are made of (PageNames)
    sha: str  # digest of the copy's bytes; "" when the page is not indexed (no data-pagefind-body)
    lang: str  # its <html lang>
    folder: str = ""  # the partition whose folder holds it (`_link_partitions`)
    keys: tuple[str, ...] = ()  # what it is listed under by name (PageNames.keys)


def _load_copies(path: Path) -> dict[str, Copy]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {rel: Copy((int(v[0]), int(v[1])), str(v[2]), str(v[3]), str(v[4]), str(v[5]), tuple(map(str, v[6]))) for rel, v in raw.items()}
    except (OSError, ValueError, TypeError, IndexError, AttributeError):
        return {}  # none kept, or from another version: every page is read


def _prepare(pages: Mapping[str, Path], known: Callable[[str], Aliases], short: Mapping[str, list[str]], former: Mapping[str, list[str]],
             flat: Path, kept: Mapping[str, Copy], progress: Callable[[str], None]) -> tuple[dict[str, Copy], set[str]]:
    """Each page's copy in `flat` (its path in the site), what Pagefind will read: rewritten only for
    a page whose file or names changed since the copy `kept` was made, so that a rebuild reads only
    the pages mkdocs wrote again. Returns every page's Copy and the pages whose copy was rewritten."""
    copies: dict[str, Copy] = {}
    written: set[str] = set()
    meter = Meter("search: pages prepared", len(pages), progress)
    for rel, page in pages.items():  # a page's names need its twin's title: all titles are known first
        st = page.stat()
        title, words = known(rel)
        other = [known(twin(rel))[0]] if twin(rel) in pages else []
        names = PageNames(title, other + list(short.get(rel, [])), list(former.get(rel, [])), words)
        names_sum = hashlib.sha256(json.dumps([names.title, names.other, names.former, names.words], ensure_ascii=False).encode("utf-8")).hexdigest()
        copy = kept.get(rel)
        if not (copy and copy.stat == (st.st_size, st.st_mtime_ns) and copy.names == names_sum):
            html = page.read_text(encoding="utf-8")
            sha = ""
            if BODY_ATTR in html:  # what Pagefind indexes; a page without it is left out, as Pagefind leaves it
                raw = with_meta(spaced_blocks(html), names).encode("utf-8")
                if write_if_changed(flat / rel, raw):
                    written.add(rel)
                sha = hashlib.sha256(raw).hexdigest()
            copy = Copy((st.st_size, st.st_mtime_ns), names_sum, sha, html_lang(html), keys=tuple(names.keys()) if sha else ())
        copies[rel] = copy
        meter.step()
    return copies, written


def _link_partitions(parts: list[Partition], flat: Path, folders: Path, written: set[str], made: Mapping[str, Copy]) -> dict[str, str]:
    """Each partition's folder holds its pages' copies (hard links to the flat copies where the file
    system allows): Pagefind indexes a folder. A page that moved to another partition moves, a
    page gone goes. `made`: what the previous build left (`_prepare`); without it every folder is
    checked. Returns page path -> its partition's folder."""
    folder_of = {rel: part.folder for part in parts for rel in part.pages}
    for rel, folder in folder_of.items():
        before = made.get(rel)
        if rel in written or not before or before.folder != folder:
            target = folders / folder / rel
            target.unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(str(flat / rel), str(target))
    if made:
        for rel, before in made.items():
            if before.folder and folder_of.get(rel) != before.folder:
                (folders / before.folder / rel).unlink(missing_ok=True)
    else:
        _prune(folders, {f"{folder}/{rel}" for rel, folder in folder_of.items()})
    return folder_of


def index_site(site_dir: Path, aliases: dict[str, Aliases] | None = None, mirror: Path | None = None,
               progress: Callable[[str], None] = lambda s: None, units: Mapping[str, Unit] | None = None,
               reports: Mapping[str, str] | None = None, limit: int | None = None) -> SearchIndex:
    """Index the HTML pages of `site_dir` into `site_dir/pagefind/`. Raises SearchIndexError on failure.

    `aliases` maps a page's path (relative to site_dir, posix) to its title and đ-words, known
    from the build (a page not in it is parsed); `units` give unit pages their short names and
    their predecessors' names, and with `reports` (report id -> its unit's id) the province whose
    partition holds a page; at most `limit` pages a partition (PARTITION_PAGES). `mirror` is where the copies
    Pagefind reads and each partition's bundle are kept between builds (default: a temporary
    folder): a page whose file did not change is not read again, and a partition whose pages'
    copies did not change is not indexed again.
    """
    t0 = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html, nothing to index")
    exe = _executable()
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    aliases = aliases or {}
    short, former = short_names(units or {}), former_names(units or {})
    groups = page_groups(units or {}, reports or {})
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        work = mirror.resolve() if mirror else Path(tmp)  # Pagefind runs elsewhere: absolute paths
        flat, folders, kept, record = work / "pages", work / "partitions", work / "bundles", work / "pages.json"
        pages = {rel: site_dir / rel for rel in _html_files(site_dir)}
        parsed: dict[str, Aliases] = {}

        def known(rel: str) -> Aliases:  # a generated page's from the build; any other's read from its HTML, once
            if rel in aliases:
                return aliases[rel]
            if rel not in parsed:
                parsed[rel] = html_aliases(pages[rel].read_text(encoding="utf-8"))
            return parsed[rel]

        made = _load_copies(record) if mirror else {}
        if not made and work.is_dir():  # what an older build left there (copies laid out otherwise) goes
            for old in sorted(work.iterdir()):
                if old.is_dir() and old.name not in (flat.name, folders.name, kept.name):
                    shutil.rmtree(old)
                elif old.is_file():
                    old.unlink()
        record.unlink(missing_ok=True)  # written again once the copies match it
        copies, written = _prepare(pages, known, short, former, flat, made, progress)
        indexed_pages = [rel for rel, copy in copies.items() if copy.sha]
        if made:  # the copies of pages gone, or no longer indexed
            for rel in [rel for rel, copy in made.items() if copy.sha and not (rel in copies and copies[rel].sha)]:
                (flat / rel).unlink(missing_ok=True)
        else:
            _prune(flat, {rel for rel, copy in copies.items() if copy.sha})
        if not indexed_pages:  # Pagefind would then index every whole <body>, header and navigation included
            raise SearchIndexError(f"pagefind indexed no page of {site_dir}: no page marks its article {BODY_ATTR} (templates/overrides/main.html)")
        parts = partitions({rel: copies[rel].lang for rel in indexed_pages}, groups, limit or PARTITION_PAGES)
        folder_of = _link_partitions(parts, flat, folders, written, made)
        copies = {rel: replace(copy, folder=folder_of.get(rel, "")) for rel, copy in copies.items()}
        progress(f"search: {len(indexed_pages):,} pages to index, {len(written):,} changed, in {len(parts)} partitions")
        write_if_changed(record, json.dumps({rel: [*c.stat, c.names, c.sha, c.lang, c.folder, c.keys] for rel, c in copies.items()},
                                            ensure_ascii=False, separators=(",", ":")))
        made_of = {part.folder: digest(part, {rel: copies[rel].sha for rel in part.pages}) for part in parts}
        outdated = [part for part in parts if not _current(kept / part.folder, made_of[part.folder])]
        with ThreadPoolExecutor(max_workers=PAGEFIND_RUNS) as pool:  # Pagefind indexes on one core: two runs at a time
            for _ in pool.map(lambda part: _index_again(exe, part, folders, kept, made_of[part.folder], progress), outdated):
                pass
        indexed = [part.folder for part in outdated]
        languages: dict[str, int] = {}
        for part in parts:
            out = kept / part.folder / BUNDLE
            counts = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
            for lang, info in counts.items():
                languages[lang] = languages.get(lang, 0) + int(info.get("page_count", 0))
            shutil.copytree(out, bundle / part.folder, copy_function=link_or_copy)
        for stale in sorted(kept.glob("*/*")):  # the bundles of partitions no longer made
            if stale.relative_to(kept).as_posix() not in {part.folder for part in parts}:
                shutil.rmtree(stale)
    if not sum(languages.values()):
        raise SearchIndexError(f"pagefind indexed no page of {site_dir}: do the templates still mark the article {BODY_ATTR}?")
    listed: dict[str, list[str]] = {}
    for part in parts:
        listed.setdefault(part.lang, []).append(f"{part.number}/")
    for lang, numbers in listed.items():
        write_if_changed(bundle / lang / BUNDLES_LIST, json.dumps(numbers, separators=(",", ":")))
    named: dict[str, dict[str, list[str]]] = {lang: {} for lang in i18n.LANGS}  # language -> key -> pages
    for rel in indexed_pages:
        for name_key in copies[rel].keys:
            named["en" if rel.startswith("en/") else "vi"].setdefault(name_key, []).append(rel.removesuffix("index.html"))
    write_named(bundle / NAMED, named)
    result = SearchIndex(bundle, languages, time.perf_counter() - t0, tuple(part.folder for part in parts), tuple(indexed))
    log.info("search index: %s pages (%s) in %s partitions, %s indexed again, in %.1fs", result.pages,
             ", ".join(f"{k} {v}" for k, v in sorted(languages.items())), len(parts), len(indexed), result.seconds)
    return result
