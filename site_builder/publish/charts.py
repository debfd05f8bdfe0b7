"""Charts: which charts each page gets, in each language, drawn as SVG by `svgchart`.

A unit page gets its dossier flow and each of its series of two or more points; an indicator
page gets the latest value of every unit for a rate. For each chart this module decides the
title, the sentence that says what it shows (the image's alt text and caption), the table of
its data and the CSV beside it; `svgchart` lays out the SVG itself (text stays text: selectable,
searchable, drawn with the reader's fonts).

Deterministic: a chart's file name is the digest of its spec, and the same spec gives the same
bytes. Cached: a spec whose file is already in the cache is reused without drawing; uncached
charts are drawn over all cores when there are thousands.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from site_builder.publish import i18n
from site_builder.compute.derive import Computed, Point, comparable_runs, when
from site_builder.content.periods import comparable
from site_builder.content.corpus import Corpus, Target
from site_builder.content.model import Text
from site_builder.publish.progress import Emit, each_over_cores
from site_builder.files import link_or_copy

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")  # Okabe–Ito, colour-blind safe
TARGET_COLOUR = "#D55E00"
WIDTH, HEIGHT = 720, 360
FLOW = ("dossiers-received", "dossiers-resolved", "dossiers-resolved-early", "dossiers-resolved-on-time", "dossiers-resolved-late")
STACKED = ("dossiers-resolved-early", "dossiers-resolved-on-time", "dossiers-resolved-late")
ORDER = ("flow", "share-online", "share-on-time", "satisfaction-rate", "online-payment-share", "digitisation-share")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    stack: bool = False  # stacked with the other stacked series of the chart
    qualifiers: tuple[str, ...] = ()  # per value: "" exact, approx, estimated (bounds are not drawn)


@dataclass(frozen=True)
class ChartSpec:
    """Everything that determines a chart's bytes; its digest names the file."""

    key: str
    lang: i18n.Lang
    kind: str  # "bar" (grouped/stacked over periods), "line" (percent over periods), "hbar" (units compared)
    title: str
    unit: str
    categories: tuple[str, ...]
    codes: tuple[str, ...]  # period codes or unit ids behind the categories, for the CSV
    series: tuple[Series, ...]
    targets: tuple[tuple[str, float], ...] = ()

    def digest(self) -> str:
        # repr of a frozen dataclass of strings, numbers and tuples is deterministic, and a
        # tenth of the cost of asdict() + json.dumps() (measured: 1.5 of 14 s for 1,734 charts)
        return hashlib.sha256(f"{self!r}|{STYLE_VERSION}".encode()).hexdigest()[:20]


POOL_FROM = 2000
STYLE_VERSION = "7"  # bump when drawing code changes, so cached files are redrawn


def _name(text: Text, lang: i18n.Lang) -> str:
    return (text.en or text.vi) if lang == "en" else text.vi


def _fmt(value: float | None, unit: str, lang: i18n.Lang) -> str:
    return i18n.quantity(value, unit, lang)


def _target_when(target: Target, lang: i18n.Lang) -> str:
    """When a target is due, as the document sets it: its year, every year, or nothing said."""
    if target.deadline is not None:
        return f" ({target.deadline.year})"
    return f" ({i18n.t('recurrence.' + target.recurrence, lang)})" if target.recurrence else ""


def _targets_for(corpus: Corpus, unit_id: str, indicator: str, lang: i18n.Lang) -> tuple[tuple[str, float], ...]:
    """Targets binding this unit (set on it or on a unit above it)."""
    above = {unit_id} | {u.id for u in corpus.ancestors(unit_id)}
    out = []
    for t in corpus.targets:
        if t.indicator == indicator and t.unit in above and not t.scope:
            label = f"{i18n.t('target', lang)} {i18n.t('comparator.' + t.comparator, lang)} {_fmt(t.target_value, corpus.indicators[indicator].unit.value, lang)}{_target_when(t, lang)}"
            out.append((label, t.target_value))
    return tuple(sorted(set(out), key=lambda x: (x[1], x[0])))


def chartable(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """The points a chart may draw: not a bound ("more than 80" is no bar at 80)."""
    return tuple(p for p in points if not p.qualifier.bound)


def best_run(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """The run of comparable periods a chart draws (compute.comparable_runs): the longest, the
    latest of equally long ones. Years are never drawn beside a quarter or a running total."""
    runs = comparable_runs(chartable(points))
    return max(runs, key=lambda r: (len(r), when(r[-1].figure)), default=())


def _qualifiers(points: Iterable[Point | None]) -> tuple[str, ...]:
    """The qualifiers of a series' values, or () when every value is exact (the spec, and so the
    file name, of a chart of exact values stays what it was)."""
    out = tuple(p.qualifier.value if p else "" for p in points)
    return out if any(out) else ()


def _series_points(computed: Computed, unit_id: str) -> dict[str, tuple[Point, ...]]:
    return computed.series.get(unit_id, {})


def unit_specs(corpus: Corpus, computed: Computed, unit_id: str, lang: i18n.Lang) -> list[ChartSpec]:
    """The charts of one unit page: dossier flow first, then shares, then every other series;
    each over one run of comparable periods (best_run)."""
    unit = corpus.units[unit_id]
    uname = _name(unit.short_name or unit.name, lang)
    series = _series_points(computed, unit_id)
    specs: list[ChartSpec] = []
    flow_points = tuple(sorted((p for ind, pts in series.items() if ind in FLOW for p in pts), key=lambda p: when(p.figure)))
    run = best_run(flow_points)
    codes = tuple(dict.fromkeys(p.period for p in run))
    flow = {ind: {p.period: p for p in chartable(pts) if p.period in codes} for ind, pts in series.items() if ind in FLOW}
    flow = {ind: by_period for ind, by_period in flow.items() if len(by_period) >= 2}
    if flow:
        out = [Series(_name(corpus.indicators[ind].name, lang), tuple(flow[ind][c].value if c in flow[ind] else None for c in codes), ind in STACKED,
                      _qualifiers(flow[ind].get(c) for c in codes)) for ind in FLOW if ind in flow]
        title = ("Luồng hồ sơ" if lang == "vi" else "Dossier flow") + f" — {uname}"
        specs.append(ChartSpec(f"unit--{unit_id}--flow", lang, "bar", title, "count",
                               tuple(i18n.period_short(c, lang) for c in codes), codes, tuple(out)))
    runs = {ind: best_run(pts) for ind, pts in series.items() if ind not in flow}
    rest = sorted((ind for ind, run in runs.items() if len(run) >= 2), key=lambda i: (ORDER.index(i) if i in ORDER else len(ORDER), i))
    for ind in rest:
        points = runs[ind]
        indicator = corpus.indicators[ind]
        unit_kind = indicator.unit.value
        specs.append(ChartSpec(
            f"unit--{unit_id}--{ind}", lang, "line" if unit_kind == "percent" else "bar",
            f"{_name(indicator.name, lang)} — {uname}", unit_kind,
            tuple(i18n.period_short(p.period, lang) for p in points), tuple(p.period for p in points),
            (Series(_name(indicator.name, lang), tuple(p.value for p in points), qualifiers=_qualifiers(points)),),
            _targets_for(corpus, unit_id, ind, lang),
        ))
    return specs


def indicator_specs(corpus: Corpus, computed: Computed, indicator_id: str, lang: i18n.Lang) -> list[ChartSpec]:
    """An indicator's comparison chart: the latest value of each unit, for rates only, and only
    among units whose latest periods are comparable (the largest such group, the latest of
    equally large ones): a commune's year is not set beside a centre's quarter.

    Counts are not compared across units: a commune and a province differ in size, so a
    bar chart of counts would compare populations, not performance.
    """
    indicator = corpus.indicators[indicator_id]
    if indicator.unit.value not in ("percent", "percent_of_plan"):
        return []
    latest: dict[str, Point] = {}
    for unit_id in corpus.units:
        pts = chartable(_series_points(computed, unit_id).get(indicator_id, ()))
        if pts:
            latest[unit_id] = pts[-1]
    groups: list[list[str]] = []
    for unit_id, point in latest.items():
        group = next((g for g in groups if comparable(latest[g[0]].period, point.period)), None)
        if group is None:
            groups.append([unit_id])
        else:
            group.append(unit_id)
    chosen = max(groups, key=lambda g: (len(g), max(when(latest[u].figure) for u in g)), default=[])
    if len(chosen) < 2:
        return []
    order = sorted(chosen, key=lambda u: (latest[u].value, u))
    cats = tuple(f"{_name(corpus.units[u].short_name or corpus.units[u].name, lang)} ({i18n.period_short(latest[u].period, lang)})" for u in order)
    return [ChartSpec(
        f"indicator--{indicator_id}", lang, "hbar", _name(indicator.name, lang), indicator.unit.value, cats, tuple(order),
        (Series(_name(indicator.name, lang), tuple(latest[u].value for u in order), qualifiers=_qualifiers(latest[u] for u in order)),),
    )]


def alt_text(spec: ChartSpec) -> str:
    """A sentence stating what the chart shows, in the chart's language."""
    vi = spec.lang == "vi"
    if spec.kind == "hbar":
        s = spec.series[0]
        lo, hi = spec.categories[0], spec.categories[-1]
        a, b = _fmt(s.values[0] or 0, spec.unit, spec.lang), _fmt(s.values[-1] or 0, spec.unit, spec.lang)
        return f"{spec.title}: thấp nhất {lo} {a}, cao nhất {hi} {b}." if vi else f"{spec.title}: lowest {lo} at {a}, highest {hi} at {b}."
    parts = []
    for s in spec.series:
        known = [(c, v) for c, v in zip(spec.categories, s.values) if v is not None]
        if len(known) < 2:
            continue
        (c0, v0), (c1, v1) = known[0], known[-1]
        a, b = _fmt(v0, spec.unit, spec.lang), _fmt(v1, spec.unit, spec.lang)
        if vi:
            verb = "tăng từ" if v1 > v0 else ("giảm từ" if v1 < v0 else "giữ ở mức")
            parts.append(f"{s.name} {verb} {a} ({c0}) {'lên' if v1 > v0 else 'xuống' if v1 < v0 else 'đến'} {b} ({c1})")
        else:
            verb = "rose from" if v1 > v0 else ("fell from" if v1 < v0 else "stayed at")
            parts.append(f"{s.name} {verb} {a} ({c0}) {'to' if v1 != v0 else 'through'} {b} ({c1})")
    text = "; ".join(parts) if parts else spec.title
    if spec.targets:
        text += ". " + "; ".join(label for label, _ in spec.targets)
    return text[:1].upper() + text[1:] + "."


def draw(spec: ChartSpec) -> bytes:
    """Render one chart to SVG bytes (see svgchart: laid out with matplotlib's tick locator and font metrics)."""
    from site_builder.publish.svgchart import render

    return render(spec, PALETTE, TARGET_COLOUR, WIDTH, chart_height(spec), lambda v: _fmt(v, spec.unit, spec.lang)).encode("utf-8")


def chart_height(spec: ChartSpec) -> int:
    return HEIGHT if spec.kind != "hbar" else max(HEIGHT, 60 + 36 * len(spec.categories))


def chart_csv(spec: ChartSpec) -> str:
    """Exactly what the chart shows, one row per category; a qualifier column beside a series
    that has approximate or estimated values."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    header = ["code", "label"]
    for s in spec.series:
        header += [s.name] + ([f"{s.name} (qualifier)"] if s.qualifiers else [])
    writer.writerow(header + [f"target {v:g}" for _, v in spec.targets])
    for i, (code, label) in enumerate(zip(spec.codes, spec.categories)):
        row = []
        for s in spec.series:
            value = s.values[i]
            row += ["" if value is None else f"{value:g}"] + ([s.qualifiers[i]] if s.qualifiers else [])
        writer.writerow([code, label] + row + [f"{v:g}" for _, v in spec.targets])
    return buf.getvalue()


@dataclass(frozen=True)
class ChartView:
    """One chart as a page shows it: the image, its CSV, the sentence saying what it shows, and its data as a table."""

    file: str  # path from the site root
    csv: str
    alt: str
    width: int
    height: int
    header: list[str]
    rows: list[list[str]]
    indicator: str = ""  # what a unit page files it under: the indicator drawn (the dossier flow: dossiers-received)


@dataclass(frozen=True)
class Charts:
    """Every chart of the site, per language and page, and how many were drawn or taken from the cache."""

    pages: dict[str, dict[str, list[ChartView]]]  # language -> page key ('unit:<id>', 'indicator:<id>') -> charts
    drawn: int
    cached: int


def all_specs(corpus: Corpus, computed: Computed, lang: i18n.Lang) -> dict[str, list[ChartSpec]]:
    """Chart specs per page key ('unit:<id>', 'indicator:<id>')."""
    out: dict[str, list[ChartSpec]] = {}
    for unit_id in corpus.units:
        specs = unit_specs(corpus, computed, unit_id, lang)
        if specs:
            out[f"unit:{unit_id}"] = specs
    for ind_id in corpus.indicators:
        specs = indicator_specs(corpus, computed, ind_id, lang)
        if specs:
            out[f"indicator:{ind_id}"] = specs
    return out


def chart_indicator(spec: ChartSpec) -> str:
    """The indicator a chart draws, from its key ('unit--<unit>--<indicator>'); the dossier flow is
    filed under dossiers received, an indicator page's chart under its indicator."""
    last = spec.key.rsplit("--", 1)[-1]
    return FLOW[0] if last == "flow" else last


def _draw_to(args: tuple[ChartSpec, str]) -> str:
    spec, path = args
    tmp = f"{path}.{os.getpid()}.tmp"
    Path(tmp).write_bytes(draw(spec))
    os.replace(tmp, path)  # a killed worker never leaves a truncated file in the cache
    return path


def render_charts(corpus: Corpus, computed: Computed, out_dir: Path, cache: Path, progress: Emit = lambda s: None) -> Charts:
    """Write every chart of every language into out_dir (the site's charts/); return what pages show of them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    per_lang: dict[str, dict[str, list[ChartView]]] = {}
    todo: list[tuple[ChartSpec, str]] = []
    placed: list[tuple[Path, Path]] = []
    cached_count = 0
    for lang in i18n.LANGS:
        result: dict[str, list[ChartView]] = {}
        for page_key, specs in all_specs(corpus, computed, lang).items():
            for spec in specs:
                digest = spec.digest()
                cached = cache / f"{digest}.svg"
                name = f"{spec.key}.{lang}"
                if cached.is_file():
                    cached_count += 1
                else:
                    todo.append((spec, str(cached)))
                placed.append((cached, out_dir / f"{name}.svg"))
                (out_dir / f"{name}.csv").write_text(chart_csv(spec), encoding="utf-8")
                result.setdefault(page_key, []).append(ChartView(
                    file=f"charts/{name}.svg", csv=f"charts/{name}.csv", alt=alt_text(spec),
                    width=WIDTH, height=chart_height(spec),
                    header=[i18n.t("period", lang) if spec.kind != "hbar" else i18n.t("unit", lang)] + [s.name for s in spec.series],
                    rows=[[label] + [i18n.qualified(s.values[i], spec.unit, lang, s.qualifiers[i] if s.qualifiers else "") for s in spec.series]
                          for i, label in enumerate(spec.categories)],
                    indicator=chart_indicator(spec),
                ))
        per_lang[lang] = result
    unique = list({path: (spec, path) for spec, path in todo}.values())
    # about 1 ms a chart: a pool pays for its start-up only with thousands to draw
    each_over_cores(_draw_to, unique, "charts drawn", progress, POOL_FROM)
    for src, dest in placed:
        link_or_copy(str(src), str(dest))  # cached files are replaced whole, never written into
    return Charts(per_lang, drawn=len(unique), cached=cached_count)
