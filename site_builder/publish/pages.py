"""Render Markdown pages from Jinja2 templates, one pass per language.

Input: the corpus, what compute and the changelog made of it, the charts, and a language.
Output: {path under docs/: Markdown with front matter}. Templates in templates/pages present;
the `Lang` helper (publish.lang) formats, and everything else a page shows is computed here
and in data_pages: templates call no method on the values they are given (tests/site_builder/
publish/test_templates.py holds them to it), only `L`'s and macros.
Text from YAML is HTML-escaped by Jinja's autoescape everywhere it lands; where it lands in
Markdown syntax (headings, front matter) it is also Markdown-escaped.

The front matter also carries what the theme overrides (templates/overrides) print for the page
(`mb`, see theme_values): they print values and compute nothing, as Zensical's MiniJinja requires.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import escape

from site_builder.compute.derive import Computed, Derived
from site_builder.compute.report_tables import report_tables
from site_builder.compute.tilemap import TileMap, home_map, indicator_map
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.model import WEB_SOURCES, GlossaryTerm, HeaderField, Page, Report, Text, Unit
from site_builder.compute.changelog import Changelog
from site_builder.publish import i18n
from site_builder.publish.charts import ChartView
from site_builder.publish.data_pages import extra_pages, package_views, place_docs
from site_builder.publish.engine import SiteAddress, site_address, social_image_url
from site_builder.publish.lang import Abbreviations, Lang, page_url, relative_url, site_path
from site_builder.publish.lists import ListPage, province_of, report_listing, unit_listing
from site_builder.publish.progress import Emit, Meter
from site_builder.publish.ranking_page import LevelView, level_views
from site_builder.publish.report_error import issue_links
from site_builder.publish.tilemap import MapView, map_view
from site_builder.exports.places import offered, place_rows
from site_builder.exports.source_cite import cite_source, csl_json
from site_builder.publish.unit_page import unit_view

# An indicator page lists its values by unit; a national corpus has tens of thousands for the
# dossier counts, which no page should hold. Beyond this many, the page lists the latest and
# the CSV beside it has them all: at about 560 bytes of HTML a row, 200 rows and as many
# recomputed values keep the page near 250 KB, under the 300 KB any page may weigh (issue 19).
INDICATOR_ROWS = 200


# The home page is the one page every visitor loads, on a phone: it lists the latest reports and
# the headline figures of the top-level units once the whole list would be long.
HOME_REPORTS = 12
HOME_HEADLINE_ROWS = 60


def home_headline(corpus: Corpus, computed: Computed) -> tuple[tuple[Figure, ...], bool]:
    """The headline figures the home page shows, and whether only top-level units' are shown."""
    if len(computed.headline) <= HOME_HEADLINE_ROWS:
        return computed.headline, False
    return tuple(f for f in computed.headline if not corpus.units[f.unit].parent), True


COMPARE_WORDS = ("compare.chosen", "compare.pick_two", "compare.loading", "compare.failed", "compare.none", "compare.count",
                 "compare.not_comparable", "compare.running", "compare.share", "compare.source", "compare.only_reported",
                 "indicator", "value", "period", "finder_none")


def compare_words(lang: i18n.Lang) -> str:
    """The compare page script's words in the page's language, as JSON for data-mb-words."""
    words = {k: i18n.t(k, lang) for k in COMPARE_WORDS}
    words |= {f"q.{q}": i18n.mark_symbol(q, lang) for q in ("approx", "more_than", "at_least", "less_than", "at_most", "estimated")}
    words |= {f"mu.{u}": i18n.quantity(1, u, lang).split(" ", 1)[1] for u in ("vnd", "million_vnd")}
    return json.dumps(words, ensure_ascii=False, separators=(",", ":"))


def ranking_views(L: Lang, corpus: Corpus, computed: Computed, iid: str) -> tuple[LevelView, ...]:
    """An indicator page's Rankings section (publish.ranking_page); none without values."""
    return level_views(L, corpus, iid, computed.rankings.get(iid, ()))


def indicator_rows(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The figures an indicator page lists: all of them, or the latest INDICATOR_ROWS."""
    if len(figures) <= INDICATOR_ROWS:
        return figures
    return tuple(sorted(figures, key=lambda f: (f.period_end, f.id), reverse=True)[:INDICATOR_ROWS])


def latest_derived(derived: tuple[Derived, ...]) -> tuple[Derived, ...]:
    """The recomputed values an indicator page lists: all of them, or the latest INDICATOR_ROWS."""
    if len(derived) <= INDICATOR_ROWS:
        return derived
    return tuple(sorted(derived, key=lambda d: (d.numerator.period_end, d.unit, d.breakdown), reverse=True)[:INDICATOR_ROWS])


# --------------------------------------------------------------------------- what pages are given


@dataclass(frozen=True)
class FinderEntry:
    """A unit in the home page's finder, with the unit it belongs to when that is not the province."""

    unit: Unit
    parent: Unit | None


@dataclass(frozen=True)
class FinderGroup:
    """A province (a top-level unit) and the units in it the page lists: itself first, then the
    rest by id; `more` counts those it leaves to the script (see finder_groups)."""

    unit: Unit
    entries: tuple[FinderEntry, ...]
    more: int = 0


# The home page is every visitor's first page: beyond this many units its finder lists only the
# provinces (the whole country's 3,321 communes made 680 KB of HTML), each with a link to its
# page, which lists the units below it; the script then loads the names from the site's API
# (api/units.json) the first time a name is typed.
FINDER_UNITS = 400


def finder_groups(corpus: Corpus) -> tuple[FinderGroup, ...]:
    """The home page's unit finder, a group per top-level unit, by id."""
    groups = []
    every = len(corpus.units) <= FINDER_UNITS
    for top in sorted((u for u in corpus.units.values() if u.parent is None), key=lambda u: u.id):
        below = sorted(corpus.descendants(top.id))
        entries = [FinderEntry(top, None)]
        for uid in below if every else ():
            unit = corpus.units[uid]
            # the province is the group's heading already; a district or commune above is worth naming
            parent = corpus.units[unit.parent] if unit.parent and unit.parent != top.id else None
            entries.append(FinderEntry(unit, parent))
        groups.append(FinderGroup(top, tuple(entries), 0 if every else len(below)))
    return tuple(groups)


@dataclass(frozen=True)
class Expansion:
    """One language's expansion of a glossary term; `text` None when not yet translated."""

    label: str  # interface string key: expansion_vi / expansion_en
    lang: i18n.Lang
    text: str | None


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary term with its expansions, the page's language first."""

    term: GlossaryTerm
    expansions: tuple[Expansion, ...]


def glossary_entries(terms: tuple[GlossaryTerm, ...], lang: i18n.Lang) -> tuple[GlossaryEntry, ...]:
    def expansions(term: GlossaryTerm) -> tuple[Expansion, ...]:
        both = (Expansion("expansion_vi", "vi", term.vi), Expansion("expansion_en", "en", term.en))
        return both if lang == "vi" else both[::-1]

    return tuple(GlossaryEntry(term, expansions(term)) for term in terms)


def breakdown_names(corpus: Corpus) -> dict[str, Text]:
    """Every breakdown code content/breakdowns lists ('channel=hotline') with its name, for Lang.breakdown()."""
    names: dict[str, Text] = {}
    for dim_id, dim in corpus.breakdowns.items():
        for value in dim.values:
            code = f"{dim_id}={value.id}"
            if (text := corpus.breakdown_text(code)) is not None:
                names[code] = text
    return names


# --------------------------------------------------------------------------- front matter and theme


def theme_values(L: Lang, title: str, description: str, site: SiteAddress, image: str) -> dict[str, Any]:
    """What templates/overrides print for this page (the front matter's `mb`), computed here
    because Zensical's MiniJinja has no Python methods to compute it in the template.

    `title` and `description` are HTML-escaped already. The 404 page, which has no front matter,
    gets the same keys from engine.not_found_values().
    """
    here = page_url(L.page)  # the page's folder in its language's build
    home = relative_url("", here).rstrip("/")  # what mkdocs gives as base_url: '.', '..', '../..'
    # The English build is copied into en/, one folder below the whole site's root, so its own
    # root stops one level short; written as mkdocs' base_url plus '/..', as the theme always did.
    root = home + ("/.." if L.code == "en" else "")
    return {
        "root": root,
        "home": home,
        "script": relative_url("assets/minhbach.js", here),
        "image": social_image_url(L.code, site.url, root, image),
        # Open Graph and Twitter cards fall back on the site's own name and description
        "title": title or str(escape(i18n.SITE_NAME[L.code])),
        "html_title": html_title(L, title),
        "description": description or str(escape(site.description)),
        "alternate": L.alternate(),
        "alternate_lang": L.other,
        # og:url: the page's address, absolute, when the site's is known (site_url)
        "canonical": site.url + site_path(L.code, here) if site.url else "",
    }


def html_title(L: Lang, title: str) -> str:
    """The page's <title>: its own title, then the site's name; the home page's the site's name
    alone, which holds the home page's heading already. `title` is HTML-escaped."""
    site = str(escape(i18n.SITE_NAME[L.code]))
    return site if L.page == "index.md" or not title else f"{title} - {site}"


def social_image(lang: i18n.Lang, unit: str | None = None) -> str:
    """A unit page's own link preview (publish.social draws it), else the site's."""
    return f"social/{unit or 'default'}.{lang}.png"


def front_matter(L: Lang, title: str, description: str, site: SiteAddress, image: str = "") -> str:
    """YAML front matter; values are JSON, which YAML reads verbatim.

    The theme prints page.meta values into HTML without escaping (mkdocs' Jinja has no
    autoescape), so title and description are HTML-escaped here.
    """
    title_html, description_html = html.escape(title, quote=True), html.escape(description, quote=True)
    meta = {"title": title_html, "description": description_html,
            # the tabs are the site's navigation; the left sidebar would repeat the current tab's
            # only entry, in 250 px of a wide screen (the phone's drawer keeps the navigation)
            "hide": ["navigation"],
            "mb": theme_values(L, title_html, description_html, site, image or social_image(L.code))}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n\n"


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates / "pages")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    return env


def render_site(corpus: Corpus, computed: Computed, changes: Changelog, lang: i18n.Lang, templates: Path,
                charts: dict[str, list[ChartView]] | None = None, progress: Emit = lambda s: None,
                only: Callable[[str], bool] | None = None, reuse: Callable[[str], bool] | None = None,
                sink: Callable[[str, str], None] | None = None) -> dict[str, str]:
    """Every page of one language: {path under docs/: Markdown}. `charts` are this language's, per page key.

    A rebuild (publish/page_deps.py) passes `only`, the pages an edit changes, and `reuse(path)`,
    true when the caller holds the last build's page at `path`: a page neither in `only` nor
    rendered before is rendered; the others are neither rendered nor put.
    With `sink`, each page goes to `sink(path, Markdown)` as it is made and none is kept: the
    Markdown of a national site's language is 160 MB, three times that as Python strings."""
    env = environment(templates)
    charts = charts or {}
    pages: dict[str, str] = {}
    put: Callable[[str, str], None] = sink or pages.__setitem__

    def kept(path: str) -> bool:
        """Whether the page is the last build's, which the caller keeps: not to render."""
        if only is None or only(path) or reuse is None or not reuse(path):
            return False
        meter.step()
        return True
    meter = Meter(f"pages [{lang}]", 2 * len(corpus.reports) + len(corpus.units) + len(corpus.indicators) + 12, progress)

    abbreviations = Abbreviations.build(corpus.glossary, lang)
    names = breakdown_names(corpus)
    site = site_address(corpus.settings.mkdocs())
    plain = Lang(lang, "")  # titles and descriptions: plain text, no page to link from

    def emit(path: str, template: str, title: str, description: str = "", image: str = "", **ctx: Any) -> None:
        L = Lang(lang, path, abbreviations, names)
        body = env.get_template(template).render(L=L, corpus=corpus, computed=computed, title=title, **ctx)
        put(path, front_matter(L, title, description, site, image) + body)
        meter.step()

    def report_list(rids: tuple[str, ...]) -> tuple[tuple[str, Report], ...]:
        return tuple((rid, corpus.reports[rid]) for rid in rids)

    def list_title(what: str, page: ListPage[Any]) -> str:
        """A list page's title: the list's name, and on a province's page its name (and page number)."""
        if page.province is None:
            return i18n.t(what, lang)
        number = f" ({page.number}/{len(page.pages)})" if len(page.pages) > 1 else ""
        return f"{i18n.t(what, lang)}: {plain.tx_plain(page.province.name)}{number}"

    def tile_map(path: str, m: TileMap | None) -> MapView | None:
        """A map as drawn on the page at `path` (its links are relative to it)."""
        return map_view(m, corpus, Lang(lang, path)) if m is not None else None

    headline, top_only = home_headline(corpus, computed)
    emit("index.md", "home.md.j2", i18n.TAGLINE[lang], i18n.SITE_NAME[lang], tile_map=tile_map("index.md", home_map(corpus, computed)), headline=headline, headline_top_only=top_only, finder=finder_groups(corpus),
         latest_reports=report_list(tuple(reversed(corpus.reports)))[:HOME_REPORTS])
    rows = place_rows(corpus, computed)  # how many rows each unit's downloads hold, counted once
    units_listed = unit_listing(corpus)
    unit_reports = {uid: len(computed.reports_by_unit.get(uid, ())) for uid in corpus.units}
    unit_rows = {uid: len(rows.own.get(uid, ())) for uid in corpus.units}
    for unit_page in (units_listed.index, *units_listed.pages):
        emit(unit_page.path, "units_index.md.j2", list_title("units", unit_page), listing=units_listed, page=unit_page,
             total=len(corpus.units), report_counts=unit_reports, figure_counts=unit_rows)
    reports_listed = report_listing(corpus)
    report_pages = {g.unit.id: g.page for g in reports_listed.groups}  # each province's first list page, when the list is split
    for uid, unit in corpus.units.items():
        if kept(f"units/{uid}.md"):
            continue
        downloads = offered(uid, len(rows.own.get(uid, ())), len(rows.below.get(uid, ())), lang)
        emit(f"units/{uid}.md", "unit.md.j2", plain.tx_plain(unit.name), image=social_image(lang, uid),
             v=unit_view(Lang(lang, f"units/{uid}.md", abbreviations, names), corpus, computed, uid, charts.get(f"unit:{uid}", []), downloads,
                         report_pages.get(province_of(corpus, uid), reports_listed.index.path)))
    report_counts = {rid: len(computed.figures_by_report.get(rid, ())) for rid in corpus.reports}
    for list_page in (reports_listed.index, *reports_listed.pages):
        emit(list_page.path, "reports_index.md.j2", list_title("reports", list_page), listing=reports_listed, page=list_page,
             total=len(corpus.reports), figure_counts=report_counts)
    for rid, report in corpus.reports.items():
        if kept(f"reports/{rid}.md") and kept(f"reports/{rid}-source.md"):
            continue
        tables = report_tables(computed.figures_by_report.get(rid, ()), corpus.sources.get(rid, ""), tuple(s.heading.vi for s in report.sections))
        cited = cite_source(report, corpus.units[report.issuer])
        emit(f"reports/{rid}.md", "report.md.j2", plain.tx_plain(report.title), plain.tx_plain(report.summary)[:300], report=report, tables=tables,
             issues=issue_links(Lang(lang, f"reports/{rid}.md"), site, report, corpus.units.get(tables.unit), tables.mixed),
             web=report.document_type in WEB_SOURCES, citation=cited.text[lang], bibtex=cited.bibtex,
             csl=csl_json(cited.csl))
        uncertain = f" ({i18n.t('mark.uncertain', lang)})" if report.number and HeaderField.number in report.uncertain else ""
        emit(f"reports/{rid}-source.md", "source.md.j2", f"{i18n.t('source_text', lang)}: {plain.report_label(report)}{uncertain}",
             report=report, raw=corpus.sources.get(rid, ""))
    emit("indicators/index.md", "indicators_index.md.j2", i18n.t("indicators", lang),
         figure_counts={iid: len(computed.figures_by_indicator.get(iid, ())) for iid in corpus.indicators})
    for iid, ind in corpus.indicators.items():
        if kept(f"indicators/{iid}.md"):
            continue
        figs = computed.figures_by_indicator.get(iid, ())
        ders = computed.derived_by_indicator.get(iid, ())
        emit(f"indicators/{iid}.md", "indicator.md.j2", plain.tx_plain(ind.name), indicator=ind, identities=computed.identities.get(iid, ()),
             tile_map=tile_map(f"indicators/{iid}.md", indicator_map(corpus, computed, iid)), indicator_charts=charts.get(f"indicator:{iid}", []),
             shown_figures=indicator_rows(figs), total_figures=len(figs), shown_derived=latest_derived(ders), total_derived=len(ders),
             rankings=ranking_views(Lang(lang, f"indicators/{iid}.md", abbreviations, names), corpus, computed, iid))
    emit("datasets/index.md", "datasets.md.j2", i18n.t("datasets", lang), packages=package_views(corpus), places=place_docs(lang),
         all_own=all(p.provenance for p in corpus.packages.values()))
    for path, template, page_title, description, ctx in extra_pages(corpus, computed, changes, lang, lambda path: Lang(lang, path, abbreviations, names)):
        emit(path, template, page_title, description, **ctx)
    emit("targets.md", "targets.md.j2", i18n.t("targets", lang))
    emit("compare.md", "compare.md.j2", i18n.t("compare", lang), words=compare_words(lang))
    emit("glossary.md", "glossary.md.j2", i18n.t("glossary", lang), glossary=glossary_entries(corpus.glossary, lang))
    # The about page explains every mark the site shows; without one in content/pages, a page of
    # only that, so that no mark links to nothing.
    about = corpus.pages.get("about") or Page(id="about", title=Text(vi=i18n.t("about", "vi"), en=i18n.t("about", "en")),
                                              lead=Text(vi=i18n.t("marks.lead", "vi"), en=i18n.t("marks.lead", "en")))
    for pid, page in {**corpus.pages, "about": about}.items():
        emit(f"{pid}.md", "page.md.j2", plain.tx_plain(page.title), page=page, translation_percent=computed.translation_percent,
             marks=mark_rows(lang) if pid == "about" else ())
    return pages


@dataclass(frozen=True)
class MarkRow:
    """One mark as the methodology page explains it."""

    name: str  # its anchor is mark-<name>
    symbol: str
    words: str
    text: str


def mark_rows(lang: i18n.Lang) -> tuple[MarkRow, ...]:
    """Every mark a visitor can meet (i18n.MARKS), with its explanation."""
    return tuple(MarkRow(name, i18n.mark_symbol(name, lang), i18n.mark_name(name, lang), i18n.t(f"mark.{name}.text", lang))
                 for name in i18n.MARKS)
