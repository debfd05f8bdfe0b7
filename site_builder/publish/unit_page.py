"""What a unit's page shows, in the order a citizen on a phone needs it.

Input: the corpus, what compute made of it, the unit's charts and a `Lang`. Output: a `UnitView`
the template lays out: where the unit went in the 2025 reorganisation (or what it took over),
its scorecard told in sentences, what lies below it (reports, who reported, sums), then its
figures by topic with at most one chart each, and its identity last.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from site_builder.compute.derive import Computed, unit_figures
from site_builder.compute.rollup import Rollup, Sum
from site_builder.compute.series import Point
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
    parts_in_table: bool  # every figure added up is the one the table of units below shows: no second list
    parts_anchor: str  # else: the table of the figures added up (PartsTable) that holds its column


@dataclass(frozen=True)
class PartsTable:
    """The figures added up in the sums of one level and period: a row per unit, a column per sum.
    One table, not a list per sum: a province of 168 communes listed each commune once per sum."""

    anchor: str
    level: str
    period: str
    indicators: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Point | None, ...]], ...]  # (unit, its point per indicator), by unit id


def parts_tables(sums: tuple[Sum, ...], shown: frozenset[str] = frozenset()) -> tuple[PartsTable, ...]:
    """The tables of the figures added up, per level and period, in the order of the sums; sums
    whose indicator is in `shown` (their parts are the table of units below) left out."""
    groups: dict[tuple[str, str], list[Sum]] = {}
    for s in sums:
        if s.indicator not in shown:
            groups.setdefault((s.level.value, s.period), []).append(s)
    out = []
    for (level, period), members in groups.items():
        units = sorted({uid for s in members for uid, _ in s.parts})
        by_sum = [dict(s.parts) for s in members]
        out.append(PartsTable(f"sum-parts-{level}-{period}", level, period, tuple(s.indicator for s in members),
                              tuple((uid, tuple(parts.get(uid) for parts in by_sum)) for uid in units)))
    return tuple(out)


def shared_periods(rollup: Rollup) -> tuple[str, ...]:
    """Per column of the table of units below, the period most of its values share (at least half):
    the header names it once, and only a value of another period names its own (a province's 168
    rows of "Năm 2025" under every value said nothing, and hid the few older ones); else ''."""
    out = []
    for column in range(len(rollup.columns)):
        found = Counter(point.period for b in rollup.units if (point := b.values[column]) is not None)
        period, count = found.most_common(1)[0] if found else ("", 0)
        out.append(period if 2 * count >= sum(found.values()) else "")
    return tuple(out)


def parts_in_table(s: Sum, rollup: Rollup) -> bool:
    """Whether each unit's number in a sum is the one the table of units below shows for it: the
    page then points at that table instead of listing the figures again (a province of 168
    communes listed them once per summed indicator, a third of its page)."""
    if s.indicator not in rollup.columns:
        return False
    column = rollup.columns.index(s.indicator)
    shown = {b.unit: b.values[column] for b in rollup.units}

    def same(a: Point | None, b: Point) -> bool:  # the same number for the same period, whichever report printed it
        return a is not None and (a.period, a.value, a.qualifier) == (b.period, b.value, b.qualifier)
    return all(same(shown.get(uid), point) for uid, point in s.parts)


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
    parts: tuple[PartsTable, ...]  # the figures the sums add up, except those the table of units below shows
    column_periods: tuple[str, ...]  # per column of the table of units below: the period all its values share, or ''
    column_labels: Markup  # CSS: each cell's label on a phone in the table of units below (below_labels)
    coverage: tuple[Markup, ...]  # '12 of 98 communes' per level below
    reports: tuple[tuple[str, Report], ...]  # its own reports (by it or about it)
    below_reports: tuple[tuple[str, Report], ...]  # reports of units below, not its own: the latest BELOW_REPORTS_SHOWN
    below_reports_total: int  # how many there are
    reports_page: str  # the list page that holds them all (its province's, or the reports index)
    topics: tuple[TopicView, ...]
    downloads: tuple[PlaceDownload, ...]  # exports.places: its rows, and those of every unit below


def css_string(text: str) -> str:
    """`text` as a CSS string literal that is safe inside <style>: quotes, backslashes, markup
    characters and controls as hexadecimal escapes (a name from YAML can hold any of them)."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>&' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text) + '"'


def below_labels(L: Lang, corpus: Corpus, rollup: Rollup, periods: tuple[str, ...]) -> Markup:
    """What a phone shows before each cell of the table of units below, as the page's CSS: the
    column's name, and its period for a value of that period (a value of another period, and a
    missing one, `mb-label-plain`, show the name alone; the cell names its own period).

    A data-label on each cell said the same: with a province's 170 communes it was 850 labels and
    37 KB of its page, the largest of the site. The cells keep an empty data-label for the layout's
    rules (templates/assets/extra.css), which these override."""
    rule = ".md-typeset .mb-below.mb-stack td:nth-child({n}){extra}::before{{content:{text}}}"
    rules = [rule.format(n=n, extra="", text=css_string(L.t(key))) for n, key in ((2, "reports"), (3, "figures"))]
    for n, (iid, period) in enumerate(zip(rollup.columns, periods), start=4):
        name = L.tx_plain(corpus.indicators[iid].name)
        rules.append(rule.format(n=n, extra="", text=css_string(f"{name}, {L.period(period)}" if period else name)))
        if period:
            rules.append(rule.format(n=n, extra=".mb-label-plain", text=css_string(name)))
    # only where the table is a block per unit (templates/assets/extra.css: .mb-stack below 30em)
    return Markup("@media screen and (max-width: 30em) {\n" + "\n".join(rules) + "\n}")


# The reports of the units below a province run to thousands: the page lists the latest and links
# to the list page of the province, which pages through them all.
BELOW_REPORTS_SHOWN = 12


def unit_view(L: Lang, corpus: Corpus, computed: Computed, uid: str, charts: list[ChartView],
              downloads: tuple[PlaceDownload, ...] = (), reports_page: str = "reports/index.md") -> UnitView:
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
    in_table = frozenset(s.indicator for s in rollup.sums if parts_in_table(s, rollup)) if rollup else frozenset()
    return UnitView(
        unit=unit,
        crumbs=tuple(corpus.ancestors(uid)),
        children=tuple(corpus.children(uid)),
        successor=successor,
        predecessors=tuple(corpus.units[p] for p in computed.predecessors.get(uid, ())),
        cards=tuple(card_view(L, corpus, c) for c in computed.scorecards.get(uid, ())),
        rollup=rollup,
        sums=tuple(SumView(s, sum_sentence(L, s), s.indicator in in_table, "" if s.indicator in in_table else f"sum-parts-{s.level.value}-{s.period}")
                   for s in rollup.sums) if rollup else (),
        parts=parts_tables(rollup.sums, in_table) if rollup else (),
        column_periods=(periods := shared_periods(rollup) if rollup else ()),
        column_labels=below_labels(L, corpus, rollup, periods) if rollup and rollup.units else Markup(""),
        coverage=tuple(coverage_sentence(L, c) for c in rollup.coverage) if rollup else (),
        reports=tuple((rid, corpus.reports[rid]) for rid in own),
        below_reports=tuple((rid, corpus.reports[rid]) for rid in below[:BELOW_REPORTS_SHOWN]),
        below_reports_total=len(below),
        reports_page=reports_page,
        topics=tuple(topics),
        downloads=downloads,
    )
