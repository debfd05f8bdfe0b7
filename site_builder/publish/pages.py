"""Render Markdown pages from Jinja2 templates, one pass per language.

Input: the corpus, what compute and the changelog made of it, the charts, and a language.
Output: {path under docs/: Markdown with front matter}. Templates in templates/pages present;
the `Lang` helper (publish.lang) formats, and everything else a page shows is computed here.
Text from YAML is HTML-escaped by Jinja's autoescape everywhere it lands; where it lands in
Markdown syntax (headings, front matter) it is also Markdown-escaped.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from site_builder.compute.derive import Computed, Derived, unit_figures
from site_builder.compute.grid import figure_grid
from site_builder.content.corpus import Corpus, Figure
from site_builder.exports.changelog import Changelog
from site_builder.publish import i18n
from site_builder.publish.charts import ChartView
from site_builder.publish.data_pages import extra_pages
from site_builder.publish.lang import Abbreviations, Lang
from site_builder.publish.progress import Emit, Meter

# An indicator page lists its values by unit; a national corpus has tens of thousands for the
# dossier counts, which no page should hold. Beyond this many, the page lists the latest and
# the CSV beside it has them all.
INDICATOR_ROWS = 500


# The home page is the one page every visitor loads, on a phone: it lists the latest reports and
# the headline figures of the top-level units once the whole list would be long.
HOME_REPORTS = 12
HOME_HEADLINE_ROWS = 60


def home_headline(corpus: Corpus, computed: Computed) -> tuple[tuple[Figure, ...], bool]:
    """The headline figures the home page shows, and whether only top-level units' are shown."""
    if len(computed.headline) <= HOME_HEADLINE_ROWS:
        return computed.headline, False
    return tuple(f for f in computed.headline if not corpus.units[f.unit].parent), True


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


def front_matter(L: Lang, title: str, description: str = "") -> str:
    """YAML front matter; values are JSON strings, which YAML reads verbatim.

    The theme prints page.meta values into HTML without escaping (mkdocs' Jinja has no
    autoescape), so title and description are HTML-escaped here.
    """
    meta = {"title": html.escape(title, quote=True), "description": html.escape(description, quote=True), "alternate": L.alternate(), "alternate_lang": L.other}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n\n"


def render_site(corpus: Corpus, computed: Computed, changes: Changelog, lang: i18n.Lang, templates: Path,
                charts: dict[str, list[ChartView]] | None = None, progress: Emit = lambda s: None) -> dict[str, str]:
    """Every page of one language: {path under docs/: Markdown}. `charts` are this language's, per page key."""
    env = environment(templates)
    charts = charts or {}
    pages: dict[str, str] = {}
    meter = Meter(f"pages [{lang}]", 2 * len(corpus.reports) + len(corpus.units) + len(corpus.indicators) + 12, progress)

    abbreviations = Abbreviations.build(corpus.glossary, lang)

    def emit(path: str, template: str, title: str, description: str = "", **ctx: Any) -> None:
        L = Lang(lang, path, abbreviations)
        body = env.get_template(template).render(L=L, corpus=corpus, computed=computed, charts=charts, title=title, **ctx)
        pages[path] = front_matter(L, title, description) + body
        meter.step()

    name = i18n.SITE_NAME[lang]
    headline, top_only = home_headline(corpus, computed)
    emit("index.md", "home.md.j2", name, name, headline=headline, headline_top_only=top_only,
         latest_reports=list(reversed(list(corpus.reports.items())))[:HOME_REPORTS])
    emit("units/index.md", "units_index.md.j2", i18n.t("units", lang))
    for uid, unit in corpus.units.items():
        emit(f"units/{uid}.md", "unit.md.j2", Lang(lang, "").tx_plain(unit.name), unit=unit, grid=figure_grid(unit_figures(corpus, computed, uid)))
    emit("reports/index.md", "reports_index.md.j2", i18n.t("reports", lang))
    for rid, report in corpus.reports.items():
        emit(f"reports/{rid}.md", "report.md.j2", Lang(lang, "").tx_plain(report.title), Lang(lang, "").tx_plain(report.summary)[:300], report=report)
        emit(f"reports/{rid}-source.md", "source.md.j2", f"{i18n.t('source_text', lang)}: {Lang(lang, '').report_label(report)}", report=report, raw=corpus.sources.get(rid, ""))
    emit("indicators/index.md", "indicators_index.md.j2", i18n.t("indicators", lang))
    for iid, ind in corpus.indicators.items():
        figs = computed.figures_by_indicator.get(iid, ())
        ders = computed.derived_by_indicator.get(iid, ())
        emit(f"indicators/{iid}.md", "indicator.md.j2", Lang(lang, "").tx_plain(ind.name), indicator=ind,
             shown_figures=indicator_rows(figs), total_figures=len(figs), shown_derived=latest_derived(ders), total_derived=len(ders))
    emit("datasets/index.md", "datasets.md.j2", i18n.t("datasets", lang))
    for path, template, page_title, description, ctx in extra_pages(corpus, computed, changes, lang):
        emit(path, template, page_title, description, **ctx)
    emit("targets.md", "targets.md.j2", i18n.t("targets", lang))
    emit("glossary.md", "glossary.md.j2", i18n.t("glossary", lang))
    for pid, page in corpus.pages.items():
        emit(f"{pid}.md", "page.md.j2", Lang(lang, "").tx_plain(page.title), page=page, translation_percent=computed.translation_percent)
    return pages
