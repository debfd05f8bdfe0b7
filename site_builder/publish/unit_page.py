"""What a unit's page shows, in the order a citizen on a phone needs it.

Input: the corpus, what compute made of it, the unit's charts and a `Lang`. Output: a `UnitView`
the template lays out: where the unit went in the 2025 reorganisation (or what it took over),
its scorecard told in sentences, what lies below it (reports, who reported, sums), then its
figures by topic with at most one chart each, and its identity last.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from site_builder.compute.derive import Computed, unit_figures
from site_builder.compute.rollup import Rollup, Sum
from site_builder.compute.topics import TopicSection, topic_sections
from site_builder.content.corpus import Corpus
from site_builder.content.model import Fate2025, Report, Unit
from site_builder.exports.places import PlaceDownload
from site_builder.publish.charts import ChartView
from site_builder.publish.lang import Lang
from site_builder.publish.story import CardView, card_view, coverage_sentence, sum_sentence

# A unit whose fate says it went on into another: its page says so at the top.
GONE = frozenset({Fate2025.merged, Fate2025.abolished})


@dataclass(frozen=True)
class TopicView:
    section: TopicSection
    chart: ChartView | None  # the topic's one chart (or only the sentences saying why a series is not drawn)


@dataclass(frozen=True)
class SumView:
    sum: Sum
    sentence: Markup


@dataclass(frozen=True)
class UnitView:
    unit: Unit
    crumbs: tuple[Unit, ...]
    children: tuple[Unit, ...]
    successor: Unit | None  # where it went, when the reorganisation merged or abolished it
    predecessors: tuple[Unit, ...]  # the units merged into it
    cards: tuple[CardView, ...]
    rollup: Rollup | None
    sums: tuple[SumView, ...]
    coverage: tuple[Markup, ...]  # '12 of 98 communes' per level below
    reports: tuple[tuple[str, Report], ...]  # its own reports (by it or about it)
    below_reports: tuple[tuple[str, Report], ...]  # reports of units below, not its own
    topics: tuple[TopicView, ...]
    downloads: tuple[PlaceDownload, ...]  # exports.places: its rows, and those of every unit below


def unit_view(L: Lang, corpus: Corpus, computed: Computed, uid: str, charts: list[ChartView],
              downloads: tuple[PlaceDownload, ...] = ()) -> UnitView:
    unit = corpus.units[uid]
    fate = unit.reorganisation_2025
    successor = corpus.units.get(fate.successor) if fate and fate.successor and fate.status in GONE else None
    figures = unit_figures(corpus, computed, uid)
    sections = topic_sections(corpus, figures, uid)
    topics = []
    for section in sections:
        # charts.unit_specs makes one chart per topic (its series as small multiples)
        topics.append(TopicView(section, next((c for c in charts if c.topic == section.topic.value), None)))
    rollup = computed.rollups.get(uid)
    # its own reports: by it or about it, and those whose figures are about it (a district's
    # review written by its office)
    own = tuple(dict.fromkeys([*computed.reports_by_unit.get(uid, ()), *(f.report for f in computed.figures_by_unit.get(uid, ()))]))
    below = tuple(r for r in rollup.reports if r not in own) if rollup else ()
    return UnitView(
        unit=unit,
        crumbs=tuple(corpus.ancestors(uid)),
        children=tuple(corpus.children(uid)),
        successor=successor,
        predecessors=tuple(corpus.units[p] for p in computed.predecessors.get(uid, ())),
        cards=tuple(card_view(L, corpus, c) for c in computed.scorecards.get(uid, ())),
        rollup=rollup,
        sums=tuple(SumView(s, sum_sentence(L, s)) for s in rollup.sums) if rollup else (),
        coverage=tuple(coverage_sentence(L, c) for c in rollup.coverage) if rollup else (),
        reports=tuple((rid, corpus.reports[rid]) for rid in own),
        below_reports=tuple((rid, corpus.reports[rid]) for rid in below),
        topics=tuple(topics),
        downloads=downloads,
    )
