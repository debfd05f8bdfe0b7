"""Derived values. Input: a Corpus. Output: plain data the pages, charts and downloads show.

Derived indicators (shares, rates) are recomputed from their formula; where the report also
publishes the figure, both are kept and a gap larger than rounding is marked.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from site_builder.content.consistency import half_unit, printed, relations, share_bounds
from site_builder.content.model import Text
from site_builder.content.corpus import Corpus, Figure, Target
from site_builder.content.coverage import corpus_coverage, overall_percent
from site_builder.content.qualifiers import Qualifier, combine
from site_builder.compute.changelog import Changelog, history
from site_builder.compute.rollup import Rollup, rollups
from site_builder.compute.versions import package_updated
from site_builder.compute.rankings import LevelRankings, rankings
from site_builder.compute.scorecard import Card, scorecards
from site_builder.compute.series import HEADLINE, Point, comparable_runs, when

__all__ = ["HEADLINE", "Point", "comparable_runs", "when", "Computed", "Derived", "compute", "derive", "unit_figures"]



@dataclass(frozen=True)
class Derived:
    """A derived indicator value for one unit, period and breakdown."""

    unit: str
    indicator: str
    period: str
    breakdown: str
    value: float
    numerator: Figure
    denominator: Figure
    published: Figure | None
    qualifier: Qualifier  # an estimate when a part is estimated, approximate when a part is approximate
    scale: float = 1.0  # 100 for a percent
    units: tuple[str, str] = ("", "")  # the measure units of numerator and denominator (a whole count is never rounded)

    def _bounds(self) -> tuple[float, float]:
        """Where the exact value lies given how far numerator and denominator were rounded
        (content/consistency.py: half a unit of each last printed digit; a whole count is exact)."""
        n, d = self.numerator, self.denominator
        hn = half_unit(n.printed or printed(n.value), self.units[0])
        hd = half_unit(d.printed or printed(d.value), self.units[1])
        return share_bounds(n.value or 0.0, hn, d.value or 0.0, hd, self.scale)

    @property
    def differs(self) -> bool:
        """The published share is further from the formula than rounding of every number explains."""
        pub = self.published
        if pub is None or pub.value is None:
            return False
        h = half_unit(pub.printed or printed(pub.value), "percent")
        lo, hi = self._bounds()
        return pub.value + h < lo - 1e-9 or pub.value - h > hi + 1e-9

    @property
    def impossible(self) -> bool:
        """A share of a whole above 100%: its numerator and denominator contradict each other
        (Tuy Phong, first three months of 2020: 2,717 on time of 2,700 resolved). Not a value to show."""
        return self.scale == 100 and self._bounds()[0] > 100 + 1e-9

    @property
    def from_flagged(self) -> bool:
        """Computed from a figure flagged as contradicted or misread (a rounding flag is no doubt about the value)."""
        return bool({self.numerator.flag, self.denominator.flag} & {"inconsistent", "ocr_uncertain"})


@dataclass(frozen=True)
class Computed:
    """What later stages need, computed once."""

    derived: tuple[Derived, ...]
    derived_by_indicator: dict[str, tuple[Derived, ...]]
    series: dict[str, dict[str, tuple[Point, ...]]]  # unit -> indicator -> points (totals only, by period; derived shares added)
    figures_by_unit: dict[str, tuple[Figure, ...]]
    figures_by_report: dict[str, tuple[Figure, ...]]
    figures_by_indicator: dict[str, tuple[Figure, ...]]
    reports_by_unit: dict[str, tuple[str, ...]]
    headline: tuple[Figure, ...]  # the latest total of each headline indicator, per unit
    targets: dict[str, "TargetStatus"]  # target id -> latest figure against it
    translation_percent: float  # share of bilingual fields with English, shown on the about page
    scorecards: dict[str, tuple[Card, ...]]  # unit -> the figures its page opens with
    rollups: dict[str, Rollup]  # unit with units below -> what lies below it
    predecessors: dict[str, tuple[str, ...]]  # unit -> the units the 2025 reorganisation merged into it, by id
    rankings: dict[str, tuple[LevelRankings, ...]]  # indicator -> its units ranked, level by level, period by period
    changes: Changelog  # what changed between releases, and since the latest
    updated: dict[str, dt.date | None]  # package -> when its data last changed (cited with it)
    identities: dict[str, tuple[Text, ...]]  # indicator -> the identities it takes part in (content/consistency.py), its formula aside


def _key(f: Figure) -> tuple[str, str, str]:
    return (f.unit, f.period, f.breakdown)


def derive(corpus: Corpus) -> tuple[Derived, ...]:
    """Every derived indicator value computable from reported numerators and denominators."""
    index: dict[tuple[str, str, str, str], Figure] = {}
    for f in corpus.figures:
        if f.status == "reported":
            index.setdefault((f.indicator,) + _key(f), f)
    out = []
    for ind in corpus.indicators.values():
        if not ind.formula:
            continue
        nums = [f for k, f in index.items() if k[0] == ind.formula.numerator]
        for num in nums:
            den = index.get((ind.formula.denominator,) + _key(num))
            if den is None or not den.value or num.value is None:
                continue
            qualifier = combine(num.qualifier, den.qualifier)
            if qualifier is None:  # a share of "more than 80" is no share
                continue
            value = num.value / den.value * (100 if ind.unit.value == "percent" else 1)
            published = index.get((ind.id,) + _key(num))
            out.append(Derived(num.unit, ind.id, num.period, num.breakdown, round(value, 4), num, den, published, qualifier,
                               100.0 if ind.unit.value == "percent" else 1.0, (_unit(corpus, num), _unit(corpus, den))))
    return tuple(sorted(out, key=lambda d: (d.unit, d.indicator, d.period, d.breakdown)))


def _unit(corpus: Corpus, f: Figure) -> str:
    ind = corpus.indicators.get(f.indicator)
    return ind.unit.value if ind else ""


def compute(corpus: Corpus) -> Computed:
    """Group figures for pages and build the time series charts draw from."""
    by_unit: dict[str, list[Figure]] = defaultdict(list)
    by_report: dict[str, list[Figure]] = defaultdict(list)
    by_ind: dict[str, list[Figure]] = defaultdict(list)
    for f in corpus.figures:
        by_unit[f.unit].append(f)
        by_report[f.report].append(f)
        by_ind[f.indicator].append(f)
    series: dict[str, dict[str, list[Point]]] = defaultdict(lambda: defaultdict(list))
    seen: set[tuple[str, str, str]] = set()
    for f in sorted(corpus.figures, key=when):
        if f.status != "reported" or f.breakdown or f.value is None:
            continue
        key = (f.unit, f.indicator, f.period)
        if key in seen:  # the same number stated twice (text and table): chart it once
            continue
        seen.add(key)
        series[f.unit][f.indicator].append(Point(f.period, f.value, f, f.qualifier))
    derived = derive(corpus)
    _merge_derived(series, derived)
    reports_by_unit: dict[str, list[str]] = defaultdict(list)
    for rid, rep in corpus.reports.items():
        reports_by_unit[rep.unit].append(rid)
        if rep.issuer != rep.unit:
            reports_by_unit[rep.issuer].append(rid)
    derived_by_indicator: dict[str, list[Derived]] = defaultdict(list)
    for d in derived:
        derived_by_indicator[d.indicator].append(d)
    frozen_series = {u: {i: tuple(p) for i, p in inds.items()} for u, inds in series.items()}
    frozen_reports = {k: tuple(v) for k, v in reports_by_unit.items()}
    frozen_by_unit = {k: tuple(v) for k, v in by_unit.items()}
    cards = scorecards(corpus, frozen_series)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for uid, unit in sorted(corpus.units.items()):
        if unit.reorganisation_2025 and unit.reorganisation_2025.successor and unit.reorganisation_2025.successor != uid:
            predecessors[unit.reorganisation_2025.successor].append(uid)
    return Computed(
        derived=derived,
        derived_by_indicator={k: tuple(v) for k, v in derived_by_indicator.items()},
        series=frozen_series,
        figures_by_unit=frozen_by_unit,
        figures_by_report={k: tuple(v) for k, v in by_report.items()},
        figures_by_indicator={k: tuple(v) for k, v in by_ind.items()},
        reports_by_unit=frozen_reports,
        headline=_headline(series),
        targets={t.id: target_status(t, corpus, series) for t in corpus.targets},
        translation_percent=overall_percent(corpus_coverage(corpus)),
        scorecards=cards,
        rollups=rollups(corpus, frozen_series, frozen_reports, frozen_by_unit, {u: tuple(c.indicator for c in cs) for u, cs in cards.items()}),
        predecessors={k: tuple(v) for k, v in predecessors.items()},
        rankings=rankings(corpus, frozen_series),
        changes=history(corpus),
        updated={name: package_updated(corpus, pkg) for name, pkg in corpus.packages.items()},
        identities=identities_by_indicator(corpus),
    )


def identities_by_indicator(corpus: Corpus) -> dict[str, tuple[Text, ...]]:
    """Each indicator's identities, by name, as its page lists them: those it declares and those
    of other indicators that name it (a part is checked against its whole)."""
    out: dict[str, list[Text]] = defaultdict(list)
    for rel in relations(corpus.indicators):
        if rel.kind == "share":  # the page states the formula itself
            continue
        for iid in dict.fromkeys((rel.subject, *rel.terms)):
            out[iid].append(rel.name)
    return {k: tuple(v) for k, v in out.items()}


APPENDIX_UNITS = 20


def unit_figures(corpus: Corpus, computed: Computed, uid: str) -> list[Figure]:
    """A unit's rows, as its page, CSV and API response show them: figures about it, and figures
    of its own reports about other units (an office reporting on its district or its centre);
    sorted by id.

    Except a report's appendix about many units below it (more than APPENDIX_UNITS): a
    province's statistics list every commune, and ten years of that would make one page of
    thousands of rows repeating what each commune's page shows. Those rows stay on the
    communes' pages and the report's page.
    """
    own = list(computed.figures_by_unit.get(uid, ()))
    below: set[str] | None = None
    for rid in computed.reports_by_unit.get(uid, ()):
        others = [f for f in computed.figures_by_report.get(rid, ()) if f.unit != uid]
        if len({f.unit for f in others}) > APPENDIX_UNITS:
            below = set(corpus.descendants(uid)) if below is None else below
            others = [f for f in others if f.unit not in below]
        own += others
    return sorted({f.id: f for f in own}.values(), key=lambda f: f.id)


def _merge_derived(series: dict[str, dict[str, list[Point]]], derived: tuple[Derived, ...]) -> None:
    """Add recomputed shares to the series where the report did not publish them."""
    for d in derived:
        if d.breakdown or d.published is not None or d.impossible:
            continue
        points = series[d.unit][d.indicator]
        if any(p.period == d.period for p in points):
            continue
        points.append(Point(d.period, round(d.value, 1), d.numerator, d.qualifier))
        points.sort(key=lambda p: when(p.figure))


def _headline(series: dict[str, dict[str, list[Point]]]) -> tuple[Figure, ...]:
    out = []
    for unit in sorted(series):
        for ind in HEADLINE:
            points = series[unit].get(ind)
            if points:
                out.append(points[-1].figure)
    return tuple(out)


@dataclass(frozen=True)
class TargetStatus:
    """A target against the latest figure of the unit it binds (or of a unit below it)."""

    status: str  # met | not_met | no_data
    point: Point | None
    unit: str


def target_status(target: Target, corpus: Corpus, series: dict[str, dict[str, list[Point]]]) -> TargetStatus:
    """Met, not met, or no data: the latest total figure among the bound unit and its descendants."""
    candidates: list[tuple[str, Point]] = []
    for unit_id in [target.unit] + corpus.descendants(target.unit):
        points = series.get(unit_id, {}).get(target.indicator)
        if points:
            candidates.append((unit_id, points[-1]))
    if not candidates or target.scope:
        return TargetStatus("no_data", None, "")
    unit_id, point = max(candidates, key=lambda c: (c[1].figure.period_end, c[0]))
    value, goal = point.value, target.target_value
    met = value >= goal if target.comparator == ">=" else value <= goal if target.comparator == "<=" else abs(value - goal) < 1e-9
    return TargetStatus("met" if met else "not_met", point, unit_id)
