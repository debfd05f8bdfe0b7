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
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from site_builder.publish import i18n
from site_builder.compute.derive import Computed, Point, comparable_runs, when
from site_builder.content import periods
from site_builder.content.corpus import Corpus, Target
from site_builder.content.model import Text
from site_builder.publish.progress import Emit, each_over_cores
from site_builder.files import link_or_copy, replace_file

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000")  # Okabe–Ito, colour-blind safe
TARGET_COLOUR = "#D55E00"
FLOW = ("dossiers-received", "dossiers-resolved", "dossiers-resolved-early", "dossiers-resolved-on-time", "dossiers-resolved-late")
ORDER = ("flow", "share-online", "share-on-time", "satisfaction-rate", "online-payment-share", "digitisation-share")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    qualifiers: tuple[str, ...] = ()  # per value: "" exact, approx, estimated (bounds are not drawn)
    indicator: str = ""  # the indicator drawn; a unit chart draws each of its series once


@dataclass(frozen=True)
class Panel:
    """One axis of a chart: its series share a scale, so they are of comparable size."""

    kind: str  # "bar" (counts over periods, from zero), "line" (shares over periods, axis fitted), "hbar" (units compared)
    unit: str  # the indicator's measure unit
    categories: tuple[str, ...]
    codes: tuple[str, ...]  # period codes or unit ids behind the categories, for the CSV
    series: tuple[Series, ...]
    targets: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class ChartSpec:
    """Everything that determines a chart's bytes; its digest names the file."""

    key: str
    lang: i18n.Lang
    title: str
    subtitle: str  # the place or level, how periods run, and the periods shown
    source: str  # the documents the values were read from
    panels: tuple[Panel, ...]
    notes: tuple[str, ...] = ()  # sentences for what is not drawn: a constant series, units of other periods
    aliases: tuple[str, ...] = ()  # keys of charts this one replaces: their addresses keep resolving to it

    def digest(self) -> str:
        # repr of a frozen dataclass of strings, numbers and tuples is deterministic, and a
        # tenth of the cost of asdict() + json.dumps() (measured: 1.5 of 14 s for 1,734 charts)
        return hashlib.sha256(f"{self!r}|{STYLE_VERSION}".encode()).hexdigest()[:20]

    @property
    def kind(self) -> str:
        return "hbar" if self.panels and self.panels[0].kind == "hbar" else "time"

    @property
    def series(self) -> tuple[Series, ...]:
        return tuple(s for p in self.panels for s in p.series)


POOL_FROM = 2000
STYLE_VERSION = "10"  # bump when drawing code changes, so cached files are redrawn
MAX_PANELS = 4  # a topic's chart: more series than this are in its table, not drawn
MAX_BARS = 30  # units in a comparison chart: beyond it, the first and last 15
SHARE_AXIS = 5  # two series share an axis only when the larger is at most 5× the smaller


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


def _span(codes: Iterable[str], lang: i18n.Lang) -> str:
    """'theo năm, 2015–2019' / 'yearly, 2015–2019': how the periods run and the first and last;
    for panels over different kinds of period, each kind with its own span ('yearly, 2015–2019;
    quarterly, Q1 2020–Q3 2021'), so that a quarter is never read as a year."""
    by_kind: dict[str, list[str]] = {}
    for code in sorted(set(codes), key=_period_order):
        parsed = periods.parse(code)
        by_kind.setdefault(parsed.kind.value if parsed else "", []).append(code)
    parts = []
    for kind, ordered in by_kind.items():
        # a chart never mixes kinds (best_run): the subtitle says which, so a quarter is not read as a year
        run = i18n.t(f"chart.run.{kind}", lang) if kind else ""
        first, last = i18n.period_short(ordered[0], lang), i18n.period_short(ordered[-1], lang)
        parts.append(f"{run}, {first}–{last}" if first != last else f"{run}, {first}")
    return "; ".join(parts)


def _period_order(code: str) -> tuple[str, str]:
    """Periods in time order: by their last day (the calendar's; a code without one last)."""
    parsed = periods.parse(code)
    return (periods.bounds(parsed)[0][1].isoformat() if parsed else "9999", code)


def source_line(corpus: Corpus, points: Iterable[Point], lang: i18n.Lang) -> str:
    """'Nguồn: Báo cáo 278/BC-UBND, UBND huyện …; …' / 'Source: Report 278/BC-UBND, … People's
    Committee; …': the documents the drawn values were read from, latest first, at most three named."""
    reports = list(dict.fromkeys(p.figure.report for p in sorted(points, key=lambda p: when(p.figure), reverse=True)))
    labels = []
    for rid in reports[:3]:
        report = corpus.reports[rid]
        kind = i18n.t("dt." + report.document_type.value, lang)
        what = report.number or i18n.period_label(report.period.code, lang)
        if lang == "vi" and not report.number:
            what = what[:1].lower() + what[1:]  # 'Báo cáo giai đoạn 2011–2020', not '… Giai đoạn …'
        issuer = corpus.units.get(report.issuer)
        labels.append(f"{kind} {what}" + (f", {_name(issuer.name, lang)}" if issuer else ""))
    more = len(reports) - len(labels)
    tail = i18n.t("chart.more_documents", lang).replace("{n}", i18n.number(more, lang)) if more else ""
    return f"{i18n.t('chart.source', lang)}: {'; '.join(labels)}{tail}." if labels else ""


def _distinct(values: Iterable[float | None]) -> int:
    return len({v for v in values if v is not None})


def _unchartable(name: str, points: tuple[Point, ...], unit: str, lang: i18n.Lang) -> str:
    """The sentence said instead of a chart of a constant series."""
    value = i18n.qualified(points[0].value, unit, lang, points[0].qualifier.value)
    span = _span((p.period for p in points), lang).split(", ", 1)[-1]
    return i18n.t("chart.constant", lang).replace("{name}", name).replace("{value}", value).replace("{n}", str(len(points))).replace("{span}", span)


def _topic_of(corpus: Corpus, indicator: str) -> str:
    return corpus.indicators[indicator].topic.value


def _order(indicator: str) -> tuple[int, int, str]:
    if indicator in FLOW:
        return (0, FLOW.index(indicator), indicator)
    return (1, ORDER.index(indicator) if indicator in ORDER else len(ORDER), indicator)


def unit_specs(corpus: Corpus, computed: Computed, unit_id: str, lang: i18n.Lang) -> list[ChartSpec]:
    """The charts of one unit page: one per topic, its series as small multiples (a panel each,
    two dossier counts of similar size sharing one), each over one run of comparable periods
    (best_run). A series drawn here is drawn nowhere else on the page; a constant or all-zero
    series is a sentence instead of a chart."""
    unit = corpus.units[unit_id]
    uname = _name(unit.short_name or unit.name, lang)
    place = _name(unit.name, lang)
    series = _series_points(computed, unit_id)
    by_topic: dict[str, list[str]] = {}
    for ind in sorted(series, key=_order):
        by_topic.setdefault(_topic_of(corpus, ind), []).append(ind)
    specs: list[ChartSpec] = []
    for topic, indicators in by_topic.items():
        panels: list[Panel] = []
        notes: list[str] = []
        drawn: list[Point] = []
        left_out = 0
        for ind in indicators:
            run = best_run(series[ind])
            if len(run) < 2:
                continue  # one value is a figure in the table, not a series
            indicator = corpus.indicators[ind]
            name = _name(indicator.name, lang)
            unit_kind = indicator.unit.value
            if _distinct(p.value for p in run) < 2:
                notes.append(_unchartable(name, run, unit_kind, lang))
                continue
            codes = tuple(p.period for p in run)
            one = Series(name, tuple(p.value for p in run), _qualifiers(run), ind)
            targets = _targets_for(corpus, unit_id, ind, lang)
            last = panels[-1] if panels else None
            if (last is not None and ind in FLOW and last.series[-1].indicator in FLOW and last.codes == codes
                    and len(last.series) < 2 and not targets and _similar(last.series + (one,))):
                panels[-1] = Panel(last.kind, last.unit, last.categories, codes, last.series + (one,))
                drawn.extend(run)
                continue
            if len(panels) == MAX_PANELS:
                left_out += 1
                continue
            panels.append(Panel("line" if unit_kind in ("percent", "percent_of_plan") else "bar", unit_kind,
                                tuple(i18n.period_short(c, lang) for c in codes), codes, (one,), targets))
            drawn.extend(run)
        if left_out:
            notes.append(i18n.t("chart.left_out", lang).replace("{n}", str(left_out)))
        if not panels and not notes:
            continue
        # before issue 20 a unit page had a chart per series (the dossier counts as one, 'flow'):
        # their addresses are cited, so each resolves to the chart that now shows the series
        aliases = sorted({f"unit--{unit_id}--{'flow' if ind in FLOW else ind}" for ind in indicators if len(best_run(series[ind])) >= 2})
        title = f"{i18n.t('topic.' + topic, lang)} — {uname}"
        subtitle = f"{place}, {_span((c for p in panels for c in p.codes), lang)}" if panels else place
        specs.append(ChartSpec(f"unit--{unit_id}--{topic}", lang, title, subtitle, source_line(corpus, drawn, lang),
                               tuple(panels), tuple(notes), tuple(aliases)))
    return specs


def _similar(series: tuple[Series, ...]) -> bool:
    """Whether series are of a size to share one axis: the smallest at least 1/SHARE_AXIS of the largest."""
    tops = [max((v for v in s.values if v is not None), default=0.0) for s in series]
    return min(tops) * SHARE_AXIS >= max(tops) > 0


def indicator_specs(corpus: Corpus, computed: Computed, indicator_id: str, lang: i18n.Lang) -> list[ChartSpec]:
    """An indicator's comparison charts, one per level of unit: the ranking (compute.rankings) of
    the period most units of that level report, the latest of equally many, in its order (best
    first). A commune's year is never set beside a centre's quarter, nor a province beside a
    commune; units of that level with values for other periods only are named below the chart,
    with their periods.

    Counts are not compared across units: a commune and a province differ in size, so a
    bar chart of counts would compare populations, not performance.
    """
    indicator = corpus.indicators[indicator_id]
    if indicator.unit.value not in ("percent", "percent_of_plan"):
        return []
    specs = []
    for level in computed.rankings.get(indicator_id, ()):
        if not level.rankings:
            continue
        chosen = max(level.rankings, key=lambda r: len(r.entries))  # rankings run latest first: ties keep the latest
        period = chosen.period
        order = [e.unit for e in chosen.entries]
        shown = set(order) | {e.unit for e in chosen.bounds}  # a bound stands beside the ranking's table
        elsewhere: dict[str, list[str]] = {}
        for entry in [e for r in level.rankings for e in (*r.entries, *r.bounds)] + [e for _, e in level.apart]:
            if entry.unit not in shown:
                elsewhere.setdefault(entry.unit, []).append(entry.point.period)
        notes: tuple[str, ...] = ()
        if elsewhere:
            listed = "; ".join(
                f"{_name(corpus.units[u].short_name or corpus.units[u].name, lang)} ("
                + ", ".join(i18n.period_short(per, lang) for per in sorted(set(pers), key=_period_order)) + ")"
                for u, pers in sorted(elsewhere.items()))
            notes = (i18n.t("chart.other_periods", lang).replace("{period}", _inline(i18n.period_label(period, lang), lang)) + " " + listed + ".",)
        entries = list(chosen.entries)
        if len(entries) > MAX_BARS:
            # thousands of communes make no readable chart: the first and the last, said so
            half = MAX_BARS // 2
            notes = (i18n.t("chart.ends", lang).replace("{n}", str(half)).replace("{total}", i18n.number(len(entries), lang)),) + notes
            entries = entries[:half] + entries[-half:]
        cats = tuple(_name(corpus.units[e.unit].short_name or corpus.units[e.unit].name, lang) for e in entries)
        points = [e.point for e in entries]
        level_words = i18n.t(f"level.{level.level.value}", lang)
        subtitle = f"{i18n.t('chart.level_units', lang).replace('{level}', _inline(level_words, lang))}, {_inline(i18n.period_label(period, lang), lang)}"
        specs.append(ChartSpec(
            f"indicator--{indicator_id}--{level.level.value}", lang, _name(indicator.name, lang), subtitle, source_line(corpus, points, lang),
            (Panel("hbar", indicator.unit.value, cats, tuple(e.unit for e in entries),
                   (Series(_name(indicator.name, lang), tuple(p.value for p in points), _qualifiers(points), indicator_id),)),),
            notes,
        ))
    return specs


def _inline(words: str, lang: i18n.Lang) -> str:
    """A label inside a Vietnamese sentence: 'năm 2021', 'cấp huyện' (the labels start with a capital)."""
    return words[:1].lower() + words[1:] if lang == "vi" else words


def alt_text(spec: ChartSpec) -> str:
    """Sentences stating what the chart shows, in the chart's language."""
    vi = spec.lang == "vi"
    if spec.kind == "hbar":
        panel = spec.panels[0]
        s = panel.series[0]
        first, last = panel.categories[0], panel.categories[-1]
        a, b = _fmt(s.values[0], panel.unit, spec.lang), _fmt(s.values[-1], panel.unit, spec.lang)
        n = len(panel.categories)
        if vi:
            return f"{spec.title}, {_inline(spec.subtitle, 'vi')}: {n} đơn vị, đứng đầu là {first} ({a}), cuối cùng là {last} ({b})."
        return f"{spec.title}, {spec.subtitle}: {n} units, first {first} ({a}), last {last} ({b})."
    parts = []
    for panel in spec.panels:
        for s in panel.series:
            known = [(c, v) for c, v in zip(panel.categories, s.values) if v is not None]
            if len(known) < 2:
                continue
            (c0, v0), (c1, v1) = known[0], known[-1]
            a, b = _fmt(v0, panel.unit, spec.lang), _fmt(v1, panel.unit, spec.lang)
            if vi:
                verb = "tăng từ" if v1 > v0 else ("giảm từ" if v1 < v0 else "ở mức")
                parts.append(f"{s.name} {verb} {a} ({c0}) {'lên' if v1 > v0 else 'xuống' if v1 < v0 else 'và'} {b} ({c1})")
            else:
                verb = "rose from" if v1 > v0 else ("fell from" if v1 < v0 else "was")
                parts.append(f"{s.name} {verb} {a} ({c0}) {'to' if v1 != v0 else 'and'} {b} ({c1})")
            if panel.targets:
                parts[-1] += " (" + "; ".join(label for label, _ in panel.targets) + ")"
    text = "; ".join(parts) if parts else spec.title
    return text[:1].upper() + text[1:] + "."


def draw(spec: ChartSpec) -> bytes:
    """Render one chart to SVG bytes (svgchart: it reflows to the width it is shown at)."""
    from site_builder.publish.svgchart import render

    svg, _ = render(spec, PALETTE, TARGET_COLOUR, lambda v, unit: _fmt(v, unit, spec.lang))
    return svg.encode("utf-8")


def chart_height(spec: ChartSpec) -> int:
    from site_builder.publish.svgchart import height

    return height(spec)


def _rows(spec: ChartSpec) -> tuple[list[str], list[str], list[tuple[Series, Panel]]]:
    """The codes and labels of all panels, in order, and each series with its panel."""
    labels: dict[str, str] = {}
    for panel in spec.panels:
        for code, label in zip(panel.codes, panel.categories):
            labels.setdefault(code, label)
    codes = list(labels) if spec.kind == "hbar" else sorted(labels, key=_period_order)
    return codes, [labels[c] for c in codes], [(s, p) for p in spec.panels for s in p.series]


def chart_csv(spec: ChartSpec) -> str:
    """Exactly what the chart shows, one row per period (or unit); a qualifier column beside a
    series with approximate or estimated values, a column per target."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    codes, labels, columns = _rows(spec)
    header = ["code", "label"]
    for s, _ in columns:
        header += [s.name] + ([f"{s.name} (qualifier)"] if s.qualifiers else [])
    targets = [t for p in spec.panels for t in p.targets]
    writer.writerow(header + [label for label, _ in targets])
    for code, label in zip(codes, labels):
        row = []
        for s, panel in columns:
            i = panel.codes.index(code) if code in panel.codes else -1
            value = s.values[i] if i >= 0 else None
            row += ["" if value is None else f"{value:g}"] + ([s.qualifiers[i] if i >= 0 else ""] if s.qualifiers else [])
        writer.writerow([code, label] + row + [f"{v:g}" for _, v in targets])
    return buf.getvalue()


@dataclass(frozen=True)
class ChartView:
    """One chart as a page shows it: title, subtitle, the image, source, the sentence saying
    what it shows, what is not drawn, its data as a table, and its files."""

    id: str  # '<key>.<lang>': the file names and the embed page's ?id=
    file: str  # path from the site root
    csv: str
    alt: str
    height: int
    title: str
    subtitle: str
    source: str
    notes: tuple[str, ...]
    header: list[str]
    rows: list[list[str]]
    topic: str = ""  # a unit page's chart: the topic it illustrates


@dataclass(frozen=True)
class Charts:
    """Every chart of the site, per language and page, and how many were drawn or taken from the cache."""

    pages: dict[str, dict[str, list[ChartView]]]  # language -> page key ('unit:<id>', 'indicator:<id>') -> charts
    drawn: int
    cached: int
    files: dict[str, list[str]] = field(default_factory=dict)  # "<lang> <page key>" -> its files in charts/, for the next build
    kept: int = 0  # files kept as the last build left them (the charts of pages an edit did not touch)


def all_specs(corpus: Corpus, computed: Computed, lang: i18n.Lang,
              wanted: Callable[[str, str], bool] = lambda kind, oid: True) -> dict[str, list[ChartSpec]]:
    """Chart specs per page key ('unit:<id>', 'indicator:<id>'): of every unit and indicator, or
    of those `wanted(kind, id)` names."""
    out: dict[str, list[ChartSpec]] = {}
    for unit_id in corpus.units:
        specs = unit_specs(corpus, computed, unit_id, lang) if wanted("unit", unit_id) else []
        if specs:
            out[f"unit:{unit_id}"] = specs
    for ind_id in corpus.indicators:
        specs = indicator_specs(corpus, computed, ind_id, lang) if wanted("indicator", ind_id) else []
        if specs:
            out[f"indicator:{ind_id}"] = specs
    return out


def chart_view(spec: ChartSpec, height: int) -> ChartView:
    lang = spec.lang
    name = f"{spec.key}.{lang}"
    codes, labels, columns = _rows(spec)
    rows = []
    for code, label in zip(codes, labels):
        row = [label]
        for s, panel in columns:
            i = panel.codes.index(code) if code in panel.codes else -1
            row.append(i18n.qualified(s.values[i], panel.unit, lang, s.qualifiers[i] if s.qualifiers else "") if i >= 0 else "—")
        rows.append(row)
    first = i18n.t("unit", lang) if spec.kind == "hbar" else i18n.t("period", lang)
    drawn = bool(spec.panels)
    return ChartView(
        id=name, file=f"charts/{name}.svg" if drawn else "", csv=f"charts/{name}.csv" if drawn else "",
        alt=alt_text(spec) if drawn else "", height=height, title=spec.title, subtitle=spec.subtitle, source=spec.source,
        notes=spec.notes, header=[first] + [s.name for s, _ in columns], rows=rows,
        topic=spec.key.rsplit("--", 1)[-1] if spec.key.startswith("unit--") else "",
    )


def _draw_to(args: tuple[ChartSpec, str]) -> str:
    spec, path = args
    tmp = f"{path}.{os.getpid()}.tmp"
    Path(tmp).write_bytes(draw(spec))
    os.replace(tmp, path)  # a killed worker never leaves a truncated file in the cache
    return path


def render_charts(corpus: Corpus, computed: Computed, out_dir: Path, cache: Path, progress: Emit = lambda s: None,
                  remake: Callable[[str, str], bool] | None = None, kept: dict[str, list[str]] | None = None) -> Charts:
    """Write every chart of every language into out_dir (the site's charts/); return what pages show of them.

    `remake(kind, id)` names the units and indicators whose charts may have changed since the build
    that left out_dir, and `kept` the files that build wrote per page key and language
    (`Charts.files`): the others' are kept and their specs not even made (their pages are not
    rendered again: publish/page_deps.py). Without them, out_dir is made from nothing."""
    if remake is None or kept is None:
        shutil.rmtree(out_dir, ignore_errors=True)
        remake, kept = (lambda kind, oid: True), {}
    out_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    per_lang: dict[str, dict[str, list[ChartView]]] = {}
    files: dict[str, list[str]] = {}  # "<lang> <page key>" -> the files its charts are in
    todo: list[tuple[ChartSpec, str]] = []
    placed: list[tuple[Path, Path]] = []
    cached_count = 0
    claimed = {"embed.html"}
    kept_files = 0
    for key, names in kept.items():  # "<lang> <kind>:<id>"
        kind, oid = key.split(" ", 1)[1].split(":", 1)
        if not remake(kind, oid) and all((out_dir / n).is_file() for n in names):
            files[key] = names
            claimed.update(names)
            kept_files += len(names)
    for lang in i18n.LANGS:
        result: dict[str, list[ChartView]] = {}
        for page_key, specs in all_specs(corpus, computed, lang, remake).items():
            names = files.setdefault(f"{lang} {page_key}", [])
            for spec in specs:
                # a chart of only sentences is drawn only when an older address needs it
                if spec.panels:
                    digest = spec.digest()
                    cached = cache / f"{digest}.svg"
                    if cached.is_file():
                        cached_count += 1
                    else:
                        todo.append((spec, str(cached)))
                    table = out_dir / f"{spec.key}.{lang}.csv"
                    replace_file(table, chart_csv(spec).encode("utf-8"))
                    placed.append((cached, out_dir / f"{spec.key}.{lang}.svg"))
                    names += [table.name, f"{spec.key}.{lang}.svg"]
                    # an older address gets a few hundred bytes that say where its chart went
                    # (an SVG cannot redirect), and the new chart's data, which holds its series
                    for alias in spec.aliases:
                        replace_file(out_dir / f"{alias}.{lang}.svg", moved_svg(spec).encode("utf-8"))
                        placed.append((table, out_dir / f"{alias}.{lang}.csv"))
                        names += [f"{alias}.{lang}.svg", f"{alias}.{lang}.csv"]
                elif spec.aliases:
                    # nothing drawn: the older addresses say what there is to know instead
                    for alias in spec.aliases:
                        replace_file(out_dir / f"{alias}.{lang}.svg", draw(spec))
                        replace_file(out_dir / f"{alias}.{lang}.csv", chart_csv(spec).encode("utf-8"))
                        names += [f"{alias}.{lang}.svg", f"{alias}.{lang}.csv"]
                result.setdefault(page_key, []).append(chart_view(spec, chart_height(spec) if spec.panels else 0))
            claimed.update(names)
        per_lang[lang] = result
    replace_file(out_dir / "embed.html", embed_page().encode("utf-8"))
    unique = list({path: (spec, path) for spec, path in todo}.values())
    # about 1 ms a chart: a pool pays for its start-up only with thousands to draw
    each_over_cores(_draw_to, unique, "charts drawn", progress, POOL_FROM)
    for src, dest in placed:
        dest.unlink(missing_ok=True)
        link_or_copy(str(src), str(dest))  # cached files are replaced whole, never written into
    for old in out_dir.iterdir():
        if old.name not in claimed:
            old.unlink()  # a chart no page shows any more
    return Charts(per_lang, drawn=len(unique), cached=cached_count, files=files, kept=kept_files)


def moved_svg(spec: ChartSpec) -> str:
    """What an address of a chart from before issue 20 holds: a sentence and a link to the chart
    that now draws its series (same folder, same language)."""
    from html import escape

    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="52" role="img"><title>{escape(spec.title)}</title>'
            f'<style>text{{font:13px DejaVu Sans,Noto Sans,Arial,sans-serif;fill:#1a1a1a}}a text{{fill:#0b57a4}}</style>'
            f'<rect width="100%" height="52" fill="#fff"/><text x="4" y="20">{escape(i18n.t("chart.moved", spec.lang))}</text>'
            f'<a href="{spec.key}.{spec.lang}.svg"><text x="4" y="42">{escape(spec.title)}</text></a></svg>\n')


def embed_page() -> str:
    """charts/embed.html?id=<key>.<lang>: any chart, framed, for an <iframe> on another site. One
    page for every chart: the title, subtitle and source are read from the SVG itself, and the
    link back goes to the page that shows the chart (its key says which)."""
    words = json.dumps({lang: {k: i18n.t(f"chart.{k}", lang) for k in ("open_page", "not_found", "credit")} for lang in i18n.LANGS},
                       ensure_ascii=False)
    return EMBED.replace("__WORDS__", words)


EMBED = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Minh Bạch</title>
<style>
body{margin:0;font:14px/1.4 "DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#fff}
main{padding:12px 16px}h1{font-size:17px;line-height:1.35;margin:0}p{margin:.25em 0}
.sub,.src{color:#4d4d4d}.sub{font-size:13px}.src{font-size:12px}img{display:block;width:100%;margin:8px 0}a{color:#0b57a4}
</style></head>
<body><main><h1 id="title"></h1><p class="sub" id="subtitle"></p><img id="chart" alt="" hidden>
<p class="src" id="source"></p><p class="src"><a id="page" target="_top" hidden></a> <span id="credit"></span></p></main>
<script>
(function () {
  var WORDS = __WORDS__;
  var id = new URLSearchParams(location.search).get("id") || "";
  var m = /^(unit|indicator)--([a-z0-9-]+?)--([a-z0-9_-]+)\\.(vi|en)$/.exec(id);
  var lang = m ? m[4] : "vi";
  var words = WORDS[lang];
  document.documentElement.lang = lang;
  var say = function (el, text) { document.getElementById(el).textContent = text; };
  if (!m) { say("title", words.not_found); return; }
  fetch(id + ".svg").then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); }).then(function (text) {
    var svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    var title = (svg.querySelector("title") || {}).textContent || "";
    say("title", title);
    var subtitle = (svg.querySelector("desc") || {}).textContent || "";
    say("subtitle", subtitle);
    say("source", svg.getAttribute("data-source") || "");
    say("credit", "· " + words.credit);
    document.title = title + " · Minh Bạch";
    var img = document.getElementById("chart");
    img.src = id + ".svg";
    img.alt = title + ". " + subtitle;
    img.style.height = svg.getAttribute("height") + "px";
    img.hidden = false;
    var page = document.getElementById("page");
    page.href = "../" + (lang === "en" ? "en/" : "") + (m[1] === "unit" ? "units/" : "indicators/") + m[2] + "/#chart-" + id.replace(".", "-");
    page.textContent = words.open_page;
    page.hidden = false;
  }).catch(function () { say("title", words.not_found); });
})();
</script>
</body></html>
"""
