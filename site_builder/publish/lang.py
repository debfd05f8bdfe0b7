"""What page templates use to present a value in the page's language: the `Lang` helper.

`Lang` holds locale formatting (numbers, dates, periods), bilingual text with the visible
"not yet translated" mark, glossary tooltips, escaping for HTML and Markdown, and URLs relative
to the page being rendered. Templates call it; they compute nothing themselves.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from markupsafe import Markup, escape

from site_builder.content import languages, periods
from site_builder.content.breakdowns import join_names
from site_builder.content.breakdowns import parse as parse_breakdown
from site_builder.content.model import GlossaryTerm, Period, Report, Text
from site_builder.publish import i18n

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
MD_ATTRIBUTE = set("\\`*_{}[]()#+!|~>-<&\"'")  # written as character references in an attribute inside Markdown
_PLACEHOLDER = re.compile(r"\{(\w+)\}")  # {name} in an interface string kept as markup, see Lang.html()


METHODOLOGY = "about.md"  # the page that explains every mark (section "marks", anchors mark-<name>)


@functools.cache
def _table_words(lang: i18n.Lang) -> str:
    """Computed once per language: every long table of every page carries it."""
    return json.dumps({key.removeprefix("table."): i18n.t(key, lang) for key in i18n.TABLE_STRINGS}, ensure_ascii=False, separators=(",", ":"))


def page_url(path: str) -> str:
    """Directory URL of a generated page: 'units/x.md' -> 'units/x/', 'index.md' -> ''."""
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(root_path: str, here: str) -> str:
    """The URL of `root_path` (from the site root; a trailing / for a folder) seen from the folder `here`.

    What posixpath.relpath gives for these clean paths, without its getcwd() per call: a unit
    page links hundreds of times, and a national build renders thousands of pages.
    """
    target = [p for p in root_path.split("/") if p]
    base = [p for p in here.split("/") if p]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    parts = [".."] * (len(base) - common) + target[common:]
    out = "/".join(parts)
    if root_path.endswith("/") or root_path == "":
        return out + "/" if out else "./"
    return out or "."


def site_path(lang: str, url: str) -> str:
    """Path of a page URL from the site root: English lives under en/."""
    return url if lang == "vi" else f"en/{url}"


@dataclass(frozen=True, eq=False)
class Abbreviations:
    """The glossary of one language: terms found whole-word in text and wrapped in <abbr title>.

    Matching runs on the raw text and every piece is escaped on its own, so neither a term, nor
    its expansion, nor the text around it can inject markup. Case-sensitive; at one position the
    longest term wins (QĐ-TTg before QĐ).
    """

    pattern: re.Pattern[str] | None
    titles: dict[str, str]

    @classmethod
    def build(cls, terms: Iterable[GlossaryTerm], lang: i18n.Lang) -> "Abbreviations":
        """Terms whose expansion in `lang` says something the term itself does not."""
        titles: dict[str, str] = {}
        for term in terms:
            title = term.vi if lang == "vi" else (term.en or languages.untranslated(term.vi, lang))
            if title.casefold() != term.term.casefold():
                titles[term.term] = title
        if not titles:
            return cls(None, {})
        alternatives = "|".join(re.escape(t) for t in sorted(titles, key=lambda t: (-len(t), t)))
        return cls(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), titles)

    def wrap(self, text: str, piece: Callable[[str], Markup] = escape, attribute: Callable[[str], Markup] = escape) -> Markup:
        """`text` HTML-escaped, each glossary term in it wrapped in <abbr title="expansion">.

        `piece` escapes each piece of text (the terms included) and `attribute` the expansion in
        title="…": HTML escaping, or for a heading (Markdown, where inline syntax applies inside
        a tag's attributes too) HTML and Markdown escaping.
        """
        if self.pattern is None:
            return piece(text)
        out: list[Markup] = []
        pos = 0
        for match in self.pattern.finditer(text):
            out.append(piece(text[pos : match.start()]))
            out.append(Markup('<abbr title="{}">{}</abbr>').format(attribute(self.titles[match.group()]), piece(match.group())))
            pos = match.end()
        out.append(piece(text[pos:]))
        return Markup("").join(out)


@dataclass(frozen=True)
class Lang:
    """Everything a template needs that depends on the language and the current page."""

    code: i18n.Lang
    page: str  # path of the page being rendered, e.g. 'units/loc-ninh.md'
    abbreviations: Abbreviations | None = field(default=None, compare=False, repr=False)  # glossary tooltips in tx()
    breakdowns: Mapping[str, Text] = field(default_factory=dict, compare=False, repr=False)  # 'channel=hotline' -> its name (one pair each), for breakdown()

    @property
    def other(self) -> i18n.Lang:
        return "en" if self.code == "vi" else "vi"

    def t(self, key: str) -> str:
        return i18n.t(key, self.code)

    def html(self, key: str, **values: str) -> Markup:
        """An interface string holding markup of ours (a key ending in _html), each `{name}` in
        it replaced by its value HTML-escaped. Braces not named in `values` stay as written: the
        API page prints a literal {"vi": …, "en": …}."""
        if not key.endswith("_html"):
            raise KeyError(f"{key}: Lang.html() prints only strings kept as markup, whose key ends in _html; use t()")
        escaped = {name: str(escape(value)) for name, value in values.items()}
        # one pass, so that a value holding "{name}" is not filled in again
        return Markup(_PLACEHOLDER.sub(lambda m: escaped.get(m.group(1), m.group(0)), i18n.t(key, self.code)))

    def table_words(self) -> str:
        """The words of a long table's controls, as JSON for its data-mb-words (autoescaped there)."""
        return _table_words(self.code)

    def level_words(self) -> str:
        """Each level's name, as JSON for the finder's script (data-mb-levels, autoescaped there)."""
        return json.dumps({code: names[self.code] for code, names in languages.LEVEL_NAMES.items()}, ensure_ascii=False, separators=(",", ":"))

    def breakdown(self, code: str) -> Text | None:
        """A breakdown's name ('channel=hotline' -> Kênh: đường dây nóng / Channel: hotline; each
        pair of 'cause=system_error;level=district' named, joined by '; '); None for the total (no
        code) and for a code with a pair content/breakdowns does not list."""
        names = [self.breakdowns.get(f"{key}={value}") for key, value in parse_breakdown(code)]
        if not names or None in names:
            return None
        return join_names([n for n in names if n is not None])

    def tx(self, text: Text | None) -> Markup:
        """A bilingual text for HTML: the page's language, or Vietnamese with a visible mark.

        Glossary terms in it become <abbr title="expansion"> (element content only: never use
        tx() inside an attribute value; pick() and tx_plain() add no markup).
        """
        return self._html(text, self.abbreviations)

    def _html(self, text: Text | None, abbreviations: Abbreviations | None) -> Markup:
        if text is None:
            return Markup("")
        wrap = abbreviations.wrap if abbreviations else escape
        if self.code == "en" and not text.en:
            return Markup('<span lang="vi">{}</span> <span class="mb-untranslated" title="{}">({})</span>').format(
                wrap(text.vi), self.t("mark.untranslated.text"), self.t("untranslated"))
        return Markup("{}").format(wrap(text.en if self.code == "en" else text.vi))  # type: ignore[arg-type]

    def abbr(self, text: object) -> Markup:
        """A plain string that is no bilingual field (a document number, a verbatim quote, a chart
        caption or cell) HTML-escaped, with its glossary terms as <abbr title> like tx().

        Element content only, never an attribute value. The text itself is not changed: a
        verbatim quote stays verbatim, the tooltip only explains it.
        """
        if text is None or text == "":
            return Markup("")
        plain = str(text)
        return self.abbreviations.wrap(plain) if self.abbreviations else escape(plain)

    def tx_plain(self, text: Text | None) -> str:
        """A bilingual text as plain (unescaped) string, with the mark in words when untranslated."""
        return languages.plain(text, self.code)

    def md(self, value: str | Text | None) -> Markup:
        """Escape for inline Markdown (headings): HTML-escaped and Markdown specials backslashed;
        glossary terms as <abbr title> (the table of contents and anchors keep the plain text)."""
        plain = self.tx_plain(value) if isinstance(value, Text) or value is None else value

        def piece(text: str) -> Markup:
            return Markup(MD_SPECIAL.sub(r"\\\1", str(escape(text))))

        def attribute(text: str) -> Markup:
            # Markdown would link "[x](…)" even inside title="…", and a backslash would show in the
            # tooltip: character references are inert to Markdown and read as the character.
            return Markup("".join(f"&#{ord(ch)};" if ch in MD_ATTRIBUTE else ch for ch in text))

        return self.abbreviations.wrap(plain, piece, attribute) if self.abbreviations else piece(plain)

    def pick(self, vi: str, en: str) -> Markup:
        """Two plain strings (CSV columns such as note_vi/note_en) for a title="…" attribute: the
        page's language, else the other with the mark in words; escaped, no markup at all."""
        return escape(languages.pick(vi, en, self.code))

    def pick_plain(self, vi: str, en: str) -> str:
        """pick() unescaped, for a heading (md() escapes it) or a title in the front matter."""
        return languages.pick(vi, en, self.code)

    def pick_html(self, vi: str, en: str) -> Markup:
        """pick() for element content: the same text, with glossary tooltips as in tx(). Where the
        page's language is missing, the other language with the visible mark: Vietnamese on the
        English page as tx() shows it, and English on the Vietnamese page (a Table Schema's field
        descriptions are written in English first)."""
        if vi or not en:
            return self._html(Text(vi=vi, en=en or None), self.abbreviations) if vi else Markup("")
        if self.code == "en":
            return self.abbr(en)
        return Markup('<span lang="en">{}</span> <span class="mb-untranslated" title="{}">({})</span>').format(
            self.abbr(en), self.t("mark.untranslated_vi.text"), self.t("untranslated"))

    def num(self, value: float) -> str:
        return i18n.number(value, self.code)

    def q(self, value: float | None, unit: str) -> str:
        return i18n.quantity(value, unit, self.code)

    def mark(self, name: str, note: str = "") -> Markup:
        """A mark (≈, >, ⚠, /, ước tính, chưa chắc chắn, …) linked to its explanation on the methodology
        page; the tooltip names it, and `note` (plain text, e.g. a flag's note) follows.

        The symbol is hidden from screen readers, which read the name in words instead. See
        `_mark_link` for the markup every mark shares, which the site's script turns into a
        button that shows the explanation in place.
        """
        words = i18n.mark_name(name, self.code)
        symbol = i18n.mark_symbol(name, self.code)
        if symbol == words:
            return self._mark_link(name, note, escape(symbol))
        return self._mark_link(name, note, Markup('<span aria-hidden="true">{}</span><span class="mb-sr-only">{}</span>').format(symbol, words))

    def _mark_link(self, name: str, note: str, content: Markup, extra_class: str = "") -> Markup:
        """The markup every mark shares (the site's script, minhbach.js setupMarks, relies on it):

            <a class="mb-mark mb-mark--<name>[ extra]" href="<about page>#mark-<name>"
               title="<name in words>[: <note>]" data-mb-name="<name in words>">content</a>

        Without JavaScript it is a link to the explanation, with the tooltip on hover. The script
        turns it into a <button> that shows, in place, the name in words (data-mb-name), the note
        (the rest of the title, after "<name>: ") and a link to the explanation (the href).
        """
        words = i18n.mark_name(name, self.code)
        # Markup.format escapes a plain string once and leaves markup (a note from pick(),
        # already escaped) as it is: an f-string here escaped such a note twice ("row&amp;#39;s").
        tip = Markup("{}: {}").format(words, note) if note else escape(words)
        classes = f"mb-mark mb-mark--{name}" + (f" {extra_class}" if extra_class else "")
        return Markup('<a class="{}" href="{}#mark-{}" title="{}" data-mb-name="{}">{}</a>').format(
            classes, self.url(METHODOLOGY), name, tip, words, content)

    def mark_before(self, qualifier: str) -> Markup:
        """≈ > ≥ < ≤ before a number, linked to its explanation; nothing for an exact or estimated one."""
        return self.mark(qualifier) + Markup(i18n.NBSP) if qualifier in i18n.QUALIFIER_MARKS else Markup("")

    def mark_after(self, qualifier: str) -> Markup:
        """'(ước tính)' / '(est.)' after an estimated number, linked to its explanation."""
        return Markup(" ({})").format(self.mark("estimated")) if qualifier == "estimated" else Markup("")

    def qualified(self, value: float | None, unit: str, qualifier: str) -> Markup:
        """A value with its qualifier's marks, for places where the value itself is no link."""
        if value is None:
            return Markup("{}").format(self.q(value, unit))
        return self.mark_before(qualifier) + Markup("{}").format(self.q(value, unit)) + self.mark_after(qualifier)

    def uncertain(self, report: Report, part: str) -> Markup:
        """The uncertain mark after a header field of `report` read from a damaged copy, else nothing."""
        return Markup(" ") + self.mark("uncertain") if any(f.value == part for f in report.uncertain) else Markup("")

    def date(self, value: dt.date | None) -> str:
        return i18n.date(value, self.code)

    def period(self, code: str) -> str:
        return i18n.period_label(code, self.code)

    def period_html(self, code: str) -> Markup:
        """A period in words for element content; a period shorter than a year is itself the
        link to what partial periods mean (never inside another link)."""
        label = self.period(code)
        parsed = periods.parse(code)
        if parsed is None or not parsed.partial:
            return escape(label)
        return self._mark_link("partial", self.t("mark.partial.text"), escape(label), "mb-period")

    def period_dates(self, period: Period) -> str:
        """A period's first and last day, '15/06/2021 – 14/09/2021'; a running total only its end."""
        if period.start is None:
            return f"{self.t('until')} {self.date(period.end)}"
        return f"{self.date(period.start)} – {self.date(period.end)}"

    def locator(self, text: str) -> Markup:
        """A figure's place in its document, translated; else the Vietnamese, marked untranslated."""
        translated = i18n.locator(text, self.code)
        if translated is None:
            return self._html(Text(vi=text), self.abbreviations)
        return self.abbr(translated)

    def report_label(self, report: Report) -> str:
        """How a report is cited in lists: its number, or, for a copy that shows none, its type and period."""
        return report.number or f"{self.t('dt.' + report.document_type.value)} {self.period(report.period.code)}"

    def url(self, target: str) -> str:
        """Relative URL from the current page to another generated page of the same language."""
        return self.rel(site_path(self.code, page_url(target)))

    def rel(self, root_path: str) -> str:
        """Relative URL from the current page to a path from the site root (downloads, the other language)."""
        return relative_url(root_path, site_path(self.code, page_url(self.page)))

    def alternate(self) -> str:
        return self.rel(site_path(self.other, page_url(self.page)))

    def download(self, name: str) -> str:
        return self.rel(f"downloads/{name}")
