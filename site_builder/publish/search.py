"""Full-text search: index the assembled site with Pagefind (the binary shipped in `pagefind[bin]`).

Input: the assembled site folder (both languages). Output: `<site>/pagefind/`, the static
search bundle the header search box loads. Pagefind splits the index by each page's
`<html lang>`, so Vietnamese pages are searched from / and English pages from /en/.

Only what the templates mark `data-pagefind-body` (the article) is indexed: not the header,
navigation or footer, and not the 404 page.

Pagefind already matches "ho so" to "hồ sơ" (it strips combining marks), but đ is a letter of
its own, not d with a mark: "Dak Nong" would not find "Đắk Nông". So Pagefind reads a copy of
the pages in which each page carries, in one more indexed block, the words of its body that
contain đ spelled without diacritics ("Dak", "Dong"), and in which table cells are parted by
a space. The pages served are not changed.

The build knows each page's words before mkdocs renders it (`markdown_aliases`, from the
generated Markdown), so it passes them in and no page is parsed again; a page it did not
generate is parsed (`with_aliases`). The copies live in a folder kept between builds
and are rewritten only when their bytes change.

Old names are found too: the page of a unit that took others over in the 2025 reorganisation
(Lâm Đồng, which took in Bình Thuận, Đắk Nông and, through Bình Thuận, Tuy Phong) carries its
predecessors' names in the same block (`former_names`), so that "binh thuan" lists the new
province beside the old one whatever the page itself says.

The block opens with an empty-looking heading whose id is ALIAS_ANCHOR: Pagefind makes it a
section of its own, so that the header search (minhbach.js) tells these spellings from the page's
text, ranks the page by them but never shows them in an excerpt nor lands on them.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Mapping

from site_builder.content.model import Level, Text, Unit
from site_builder.files import write_if_changed
from site_builder.publish import i18n
from site_builder.publish.engine import html_path
from site_builder.publish.progress import Meter

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
BODY_ATTR = "data-pagefind-body"
IGNORE_ATTR = "data-pagefind-ignore"
WEIGHT_ATTR = "data-pagefind-weight"
TITLE_WEIGHT = 7  # what Pagefind gives an <h1> by default
FORMER_WEIGHT = TITLE_WEIGHT  # the names of the places a page's unit took over: they were titles too
PLACES = (Level.province, Level.district, Level.commune)  # whose old names are searched for (former_names)
ALIAS_ANCHOR = "mb-search-aliases"  # the id that opens the block of spellings; minhbach.js knows it
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


CELL_JOIN = re.compile(r"(</t[dh]>)(?=<t[dh][\s>])")


def spaced_cells(html: str) -> str:
    """Table cells written with no whitespace between them (<td>a</td><td>b</td>) parted by a
    space: Pagefind would otherwise read "ab", and excerpts show "UnitPeriod coveredBreakdown"."""
    return CELL_JOIN.sub(r"\1 ", html)


TAG = re.compile(r"<[^>]*>")
IGNORED_QUOTE = re.compile(r"<blockquote[^>]*data-pagefind-ignore[^>]*>.*?</blockquote>", re.S)
Aliases = tuple[list[str], list[str]]  # (folded đ-words of the title, of the rest of the page)


def markdown_aliases(markdown: str) -> Aliases:
    """The folded đ-words of a generated page, from its Markdown (markup and attributes dropped):
    those of its title (the `# ` heading) and those of everything else."""
    if "đ" not in markdown and "Đ" not in markdown:
        return [], []
    heading = next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), "")
    markdown = IGNORED_QUOTE.sub(" ", markdown)  # what Pagefind will not index gives no aliases either
    title = _folded_words([unescape(TAG.sub(" ", heading))])
    words = _folded_words([unescape(TAG.sub(" ", markdown))])
    return title, words


def with_aliases(html: str, known: Aliases | None = None, former: list[str] | None = None) -> str:
    """The page as Pagefind should read it: its đ-words, folded, in one more indexed block, and
    the words of `former` names (see `former_names`).

    The folded words of the page's title (<h1>) carry a heading's weight, as the title itself
    does: "Dak Nong" then ranks the province's page above pages that only mention it often
    (the changelog lists dozens of figure ids such as dak-nong-vp-ubnd-2021-q3-038). Former
    names weigh as a title too (they were one): "binh thuan" lists Lâm Đồng second, after Bình
    Thuận's own page, which also holds the name in its text. The block opens with the heading ALIAS_ANCHOR (module docstring).
    `known` gives the words when the build already has them; otherwise the page is parsed.
    """
    if known is None:
        parser = _parse(html)
        title, words = _folded_words(parser.title), _folded_words(parser.parts)
    else:
        title, words = known
    if not words and not former:
        return html
    rest = [w for w in words if w not in title]
    inner = f'<span {WEIGHT_ATTR}="{TITLE_WEIGHT}">{escape(" ".join(title))}</span> ' if title else ""
    if former:
        inner += f'<span {WEIGHT_ATTR}="{FORMER_WEIGHT}">{escape(" ".join(former))}</span> '
    block = f'<div {BODY_ATTR} aria-hidden="true"><h6 id="{ALIAS_ANCHOR}">—</h6>{inner}{escape(" ".join(rest))}</div>'
    at = html.rfind("</body>")
    return html[:at] + block + html[at:] if at >= 0 else html + block


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


def former_names(units: Mapping[str, Unit]) -> dict[str, list[str]]:
    """Page path in the site (both languages) -> the words of the names (full and short) of the
    places its unit took over, in the page's language (a name not yet translated in Vietnamese):
    each word as written and, for words with đ, folded ("Đắk" and "Dak"), as the page's own
    aliases are. Pagefind matches "Bình" to "binh" by itself.

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
            names: list[str] = []
            for unit in places:
                for text in (unit.name, unit.short_name):
                    if isinstance(text, Text):
                        names.append(text.en if lang == "en" and text.en else text.vi)
            words = dict.fromkeys(WORD.findall(" ".join(names)))
            words.update(dict.fromkeys(_folded_words(names)))
            prefix = "" if lang == "vi" else f"{lang}/"
            out[prefix + html_path(f"units/{heir}.md")] = list(words)
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


def index_site(site_dir: Path, aliases: dict[str, Aliases] | None = None, mirror: Path | None = None,
               progress: Callable[[str], None] = lambda s: None, former: dict[str, list[str]] | None = None) -> SearchIndex:
    """Index the HTML pages of `site_dir` into `site_dir/pagefind/`. Raises SearchIndexError on failure.

    `aliases` maps a page's path (relative to site_dir, posix) to its đ-words, known from the build;
    `former` a page's path to the words of its predecessors' names (`former_names`);
    `mirror` is where the copies Pagefind reads are kept between builds (default: a temporary folder).
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
    former = former or {}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        source = mirror or Path(tmp) / "site"
        marked = 0
        pages = sorted(site_dir.rglob("*.html"))
        keep = set()
        meter = Meter("search: pages prepared", len(pages), progress)
        for page in pages:
            html = page.read_text(encoding="utf-8")
            marked += BODY_ATTR in html
            rel = page.relative_to(site_dir).as_posix()
            keep.add(rel)
            write_if_changed(source / rel, with_aliases(spaced_cells(html), aliases.get(rel), former.get(rel)))
            meter.step()
        if mirror:  # pages that are gone must not stay findable
            for old in sorted(source.rglob("*.html")):
                if old.relative_to(source).as_posix() not in keep:
                    old.unlink()
        if not marked:  # Pagefind would then index every whole <body>, header and navigation included
            raise SearchIndexError(f"pagefind indexed no page of {site_dir}: no page marks its article {BODY_ATTR} (templates/overrides/main.html)")
        # cwd is the empty temporary folder, so no stray pagefind.yml of the caller is read
        cmd = [str(exe), "--site", str(source), "--output-path", str(bundle), "--exclude-selectors", EXCLUDE_SELECTORS, "--quiet"]
        run = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if run.returncode != 0:
        raise SearchIndexError(f"pagefind failed on {site_dir} (exit {run.returncode}):\n{(run.stderr or run.stdout).strip()}")
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        raise SearchIndexError(f"pagefind wrote no {entry}:\n{(run.stderr or run.stdout).strip()}")
    manifest = json.loads(entry.read_text(encoding="utf-8"))
    # Pagefind writes its languages in hash-map order, which changes from run to run; the
    # loader looks them up by key, so sorted keys make two builds of one site byte-identical.
    entry.write_text(json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    languages = {lang: int(info.get("page_count", 0)) for lang, info in manifest["languages"].items()}
    if not sum(languages.values()):
        raise SearchIndexError(f"pagefind indexed no page of {site_dir}: do the templates still mark the article {BODY_ATTR}?")
    result = SearchIndex(bundle, languages, time.perf_counter() - t0)
    log.info("search index: %s pages (%s) in %.1fs", result.pages, ", ".join(f"{k} {v}" for k, v in sorted(languages.items())), result.seconds)
    return result
