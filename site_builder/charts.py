"""Charts: matplotlib SVG, one per series of two or more points, in each language.

Text stays text in the SVG (`svg.fonttype: none`): labels remain selectable, searchable and
translatable, files stay small (a chart is ~15 kB instead of ~60 kB of glyph outlines), and
Vietnamese diacritics are drawn by the reader's own fonts, which the site's CSS names, rather
than baked from whatever font the build machine happened to have.

Deterministic: the hash salt is the spec's digest, the date metadata is removed and inputs
are sorted, so the same data gives byte-identical files. Cached: a chart's file name is the
digest of its spec, and a file already in the cache is reused without drawing. Uncached charts
are drawn in a process pool over all cores.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import i18n
from .compute import Computed, Point
from .corpus import Corpus

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


@dataclass(frozen=True)
class ChartSpec:
    """Everything that determines a chart's bytes; its digest names the file."""

    key: str
    lang: str
    kind: str  # "bar" (grouped/stacked over periods), "line" (percent over periods), "hbar" (units compared)
    title: str
    unit: str
    categories: tuple[str, ...]
    codes: tuple[str, ...]  # period codes or unit ids behind the categories, for the CSV
    series: tuple[Series, ...]
    partial: tuple[bool, ...] = ()  # categories covering less than a full year are hatched
    targets: tuple[tuple[str, float], ...] = ()

    def digest(self) -> str:
        blob = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False) + f"|{STYLE_VERSION}"
        return hashlib.sha256(blob.encode()).hexdigest()[:20]


STYLE_VERSION = "5"  # bump when drawing code changes, so cached files are redrawn


def _name(text: Any, lang: str) -> str:
    return (text.en or text.vi) if lang == "en" else text.vi


def _fmt(value: float, unit: str, lang: str) -> str:
    return i18n.quantity(value, unit, lang)  # type: ignore[arg-type]


def _partial(point: Point) -> bool:
    f = point.figure
    return "-Q" in f.period


def _targets_for(corpus: Corpus, unit_id: str, indicator: str, lang: str) -> tuple[tuple[str, float], ...]:
    """Targets binding this unit (set on it or on a unit above it)."""
    above = {unit_id} | {u.id for u in corpus.ancestors(unit_id)}
    out = []
    for t in corpus.targets:
        if t.indicator == indicator and t.unit in above and not t.scope:
            label = f"{i18n.t('target', lang)} {i18n.t('comparator.' + t.comparator, lang)} {_fmt(t.target_value, corpus.indicators[indicator].unit.value, lang)} ({t.deadline.year})"  # type: ignore[arg-type]
            out.append((label, t.target_value))
    return tuple(sorted(set(out), key=lambda x: (x[1], x[0])))


def _series_points(computed: Computed, unit_id: str) -> dict[str, tuple[Point, ...]]:
    return computed.series.get(unit_id, {})


def unit_specs(corpus: Corpus, computed: Computed, unit_id: str, lang: str) -> list[ChartSpec]:
    """The charts of one unit page: dossier flow first, then shares, then every other series."""
    unit = corpus.units[unit_id]
    uname = _name(unit.short_name or unit.name, lang)
    series = _series_points(computed, unit_id)
    specs: list[ChartSpec] = []
    flow = {ind: pts for ind, pts in series.items() if ind in FLOW and len(pts) >= 2}
    if flow:
        periods = sorted({(p.figure.period_start, p.figure.period_end, p.period) for pts in flow.values() for p in pts})
        codes = tuple(code for _, _, code in periods)
        partial = tuple("-Q" in code for code in codes)
        out = []
        for ind in FLOW:
            if ind in flow:
                values = {p.period: p.value for p in flow[ind]}
                out.append(Series(_name(corpus.indicators[ind].name, lang), tuple(values.get(c) for c in codes), ind in STACKED))
        title = ("Luồng hồ sơ" if lang == "vi" else "Dossier flow") + f" — {uname}"
        specs.append(ChartSpec(f"unit--{unit_id}--flow", lang, "bar", title, "count",
                               tuple(i18n.period_short(c, lang) for c in codes), codes, tuple(out), partial))
    rest = sorted((ind for ind, pts in series.items() if ind not in flow and len(pts) >= 2),
                  key=lambda i: (ORDER.index(i) if i in ORDER else len(ORDER), i))
    for ind in rest:
        points = series[ind]
        indicator = corpus.indicators[ind]
        unit_kind = indicator.unit.value
        specs.append(ChartSpec(
            f"unit--{unit_id}--{ind}", lang, "line" if unit_kind == "percent" else "bar",
            f"{_name(indicator.name, lang)} — {uname}", unit_kind,
            tuple(i18n.period_short(p.period, lang) for p in points), tuple(p.period for p in points),
            (Series(_name(indicator.name, lang), tuple(p.value for p in points)),),
            tuple(_partial(p) for p in points), _targets_for(corpus, unit_id, ind, lang),
        ))
    return specs


def indicator_specs(corpus: Corpus, computed: Computed, indicator_id: str, lang: str) -> list[ChartSpec]:
    """An indicator's comparison chart: the latest value of each unit, for rates only.

    Counts are not compared across units: a commune and a province differ in size, so a
    bar chart of counts would compare populations, not performance.
    """
    indicator = corpus.indicators[indicator_id]
    if indicator.unit.value not in ("percent", "percent_of_plan"):
        return []
    latest: dict[str, Point] = {}
    for unit_id in corpus.units:
        pts = _series_points(computed, unit_id).get(indicator_id)
        if pts:
            latest[unit_id] = pts[-1]
    if len(latest) < 2:
        return []
    order = sorted(latest, key=lambda u: (latest[u].value, u))
    cats = tuple(f"{_name(corpus.units[u].short_name or corpus.units[u].name, lang)} ({i18n.period_short(latest[u].period, lang)})" for u in order)
    return [ChartSpec(
        f"indicator--{indicator_id}", lang, "hbar", _name(indicator.name, lang), indicator.unit.value, cats, tuple(order),
        (Series(_name(indicator.name, lang), tuple(latest[u].value for u in order)),),
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
    full = [not p for p in spec.partial] if spec.partial else [True] * len(spec.categories)
    for s in spec.series:
        known = [(c, v) for c, v, whole in zip(spec.categories, s.values, full) if v is not None and whole]
        if len(known) < 2:  # a partial period (a quarter among years) is compared only when nothing else is
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
    """Render one chart to SVG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rc = {"svg.fonttype": "none", "svg.hashsalt": spec.digest(), "font.family": "DejaVu Sans", "font.size": 10,
          "axes.spines.top": False, "axes.spines.right": False}
    with matplotlib.rc_context(rc):
        height = HEIGHT if spec.kind != "hbar" else max(HEIGHT, 60 + 36 * len(spec.categories))
        fig, ax = plt.subplots(figsize=(WIDTH / 100, height / 100), dpi=100)
        n = len(spec.categories)
        if spec.kind == "hbar":
            s = spec.series[0]
            ax.barh(range(n), [v or 0 for v in s.values], color=PALETTE[0], height=0.6, gid="series-0")
            ax.set_yticks(range(n), spec.categories)
            for y, v in enumerate(s.values):
                if v is not None:
                    ax.annotate(_fmt(v, spec.unit, spec.lang), (v, y), textcoords="offset points", xytext=(4, 0), va="center", fontsize=8)
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _fmt(v, spec.unit, spec.lang)))
            ax.set_xlim(0, max(100.0, max((v or 0) for v in s.values) * 1.12))
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        else:
            plain = [s for s in spec.series if not s.stack]
            stacked = [s for s in spec.series if s.stack]
            groups = len(plain) + (1 if stacked else 0)
            width = 0.8 / max(groups, 1)
            colour = iter(PALETTE)
            for i, s in enumerate(plain):
                xs = [x - 0.4 + width * (i + 0.5) for x in range(n)] if spec.kind == "bar" else list(range(n))
                col = next(colour)
                vals = [v if v is not None else float("nan") for v in s.values]
                if spec.kind == "bar":
                    bars = ax.bar(xs, [0 if v != v else v for v in vals], width=width * 0.95, color=col, label=s.name, gid=f"series-{i}")
                    for bar, part, v in zip(bars, spec.partial or (False,) * n, s.values):
                        if part:
                            bar.set_hatch("//")
                            bar.set_edgecolor("white")
                        if v is None:
                            bar.set_visible(False)
                else:
                    ax.plot(xs, vals, color=col, marker="o", linewidth=2, label=s.name, gid=f"series-{i}")
                for x, v in zip(xs, s.values):
                    if v is not None and (groups <= 2 or spec.kind != "bar"):
                        ax.annotate(_fmt(v, spec.unit, spec.lang), (x, v), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=7)
            if stacked:
                xs = [x - 0.4 + width * (len(plain) + 0.5) for x in range(n)]
                bottom = [0.0] * n
                for j, s in enumerate(stacked):
                    vals = [v or 0.0 for v in s.values]
                    ax.bar(xs, vals, width=width * 0.95, bottom=bottom, color=next(colour), label=s.name, gid=f"stack-{j}")
                    bottom = [b + v for b, v in zip(bottom, vals)]
            for k, (label, value) in enumerate(spec.targets):
                ax.axhline(value, color=TARGET_COLOUR, linestyle="--", linewidth=1.5, gid=f"target-{k}")
                ax.annotate(label, (1, value), xycoords=("axes fraction", "data"), textcoords="offset points", xytext=(0, 3),
                            ha="right", fontsize=8, color=TARGET_COLOUR, annotation_clip=False)
            ax.set_xticks(list(range(n)), spec.categories)
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _fmt(v, spec.unit, spec.lang)))
            ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=spec.unit == "count"))
            top = max([v for s in spec.series for v in s.values if v is not None] + [t for _, t in spec.targets] + [0])
            if stacked:
                top = max([top] + [sum(s.values[i] or 0 for s in stacked) for i in range(n)])
            if spec.kind == "line" or spec.unit == "percent":
                ax.set_ylim(0, 100 if top <= 100 else top * 1.1)
            else:
                ax.set_ylim(0, top * (1.3 if len(spec.series) > 1 else 1.12) or 1)  # headroom for labels and legend
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            if len(spec.series) > 1:
                ax.legend(fontsize=8, frameon=False, loc="upper left", ncols=min(3, len(spec.series)))
        ax.set_axisbelow(True)
        ax.set_title(spec.title, fontsize=11, loc="left")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buf.getvalue()


def chart_csv(spec: ChartSpec) -> str:
    """Exactly what the chart shows, one row per category."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["code", "label"] + [s.name for s in spec.series] + [f"target {v:g}" for _, v in spec.targets])
    for i, (code, label) in enumerate(zip(spec.codes, spec.categories)):
        row = ["" if s.values[i] is None else f"{s.values[i]:g}" for s in spec.series]
        writer.writerow([code, label] + row + [f"{v:g}" for _, v in spec.targets])
    return buf.getvalue()


@dataclass
class ChartStats:
    """How many charts were drawn and how many came from the cache (counted, not timed)."""

    drawn: int = 0
    cached: int = 0


def all_specs(corpus: Corpus, computed: Computed, lang: str) -> dict[str, list[ChartSpec]]:
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


def _draw_to(args: tuple[ChartSpec, str]) -> str:
    spec, path = args
    tmp = f"{path}.{os.getpid()}.tmp"
    Path(tmp).write_bytes(draw(spec))
    os.replace(tmp, path)  # a killed worker never leaves a truncated file in the cache
    return path


def render_charts(corpus: Corpus, computed: Computed, langs: tuple[str, ...], out_dir: Path, cache: Path,
                  stats: ChartStats | None = None, workers: int | None = None) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Write every chart of every language into out_dir (the site's charts/); return, per language, what templates show."""
    stats = stats if stats is not None else ChartStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    per_lang: dict[str, dict[str, list[dict[str, Any]]]] = {}
    todo: list[tuple[ChartSpec, str]] = []
    placed: list[tuple[Path, Path]] = []
    for lang in langs:
        result: dict[str, list[dict[str, Any]]] = {}
        for page_key, specs in all_specs(corpus, computed, lang).items():
            for spec in specs:
                digest = spec.digest()
                cached = cache / f"{digest}.svg"
                name = f"{spec.key}.{lang}"
                if cached.is_file():
                    stats.cached += 1
                else:
                    todo.append((spec, str(cached)))
                placed.append((cached, out_dir / f"{name}.svg"))
                (out_dir / f"{name}.csv").write_text(chart_csv(spec), encoding="utf-8")
                result.setdefault(page_key, []).append({
                    "file": f"charts/{name}.svg", "csv": f"charts/{name}.csv", "alt": alt_text(spec),
                    "width": WIDTH, "height": HEIGHT if spec.kind != "hbar" else max(HEIGHT, 60 + 36 * len(spec.categories)),
                    "header": [i18n.t("period", lang) if spec.kind != "hbar" else i18n.t("unit", lang)] + [s.name for s in spec.series],  # type: ignore[arg-type]
                    "rows": [[label] + ["—" if s.values[i] is None else _fmt(s.values[i], spec.unit, lang) for s in spec.series]  # type: ignore[arg-type]
                             for i, label in enumerate(spec.categories)],
                })
        per_lang[lang] = result
    unique = list({path: (spec, path) for spec, path in todo}.values())
    if len(unique) > 1 and (workers or os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
            list(pool.map(_draw_to, unique, chunksize=max(1, len(unique) // 16)))
    else:
        for item in unique:
            _draw_to(item)
    stats.drawn += len(unique)
    for src, dest in placed:
        shutil.copyfile(src, dest)
    return per_lang
