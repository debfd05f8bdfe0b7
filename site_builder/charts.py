"""Charts: matplotlib SVG files, one per series of two or more points, in each language.

Text stays text in the SVG (`svg.fonttype: none`): labels remain selectable, searchable and
translatable, files stay small, and Vietnamese diacritics render with the reader's fonts
rather than as outlines baked from whatever font the build machine had.
Output is deterministic: fixed hash salt, no date metadata, sorted inputs.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import i18n
from .compute import Computed
from .corpus import Corpus

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")  # Okabe–Ito, colour-blind safe
WIDTH, HEIGHT = 640, 320


@dataclass(frozen=True)
class ChartSpec:
    """Everything that determines a chart's bytes; its hash names the file."""

    key: str
    lang: str
    kind: str  # "bar" or "line"
    title: str
    ylabel: str
    unit: str
    labels: tuple[str, ...]
    values: tuple[float, ...]

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.__dict__, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _fmt(value: float, unit: str, lang: str) -> str:
    return i18n.quantity(value, unit, lang)  # type: ignore[arg-type]


def specs_for(corpus: Corpus, computed: Computed, lang: i18n.Lang) -> dict[str, list[ChartSpec]]:
    """Chart specs per page key ('unit:<id>', 'indicator:<id>')."""
    out: dict[str, list[ChartSpec]] = {}
    for unit_id in sorted(computed.series):
        for ind_id, points in sorted(computed.series[unit_id].items()):
            if len(points) < 2:
                continue
            ind = corpus.indicators[ind_id]
            unit = corpus.units[unit_id]
            name = (ind.name.en or ind.name.vi) if lang == "en" else ind.name.vi
            uname = ((unit.short_name or unit.name).en or unit.name.vi) if lang == "en" else (unit.short_name or unit.name).vi
            spec = ChartSpec(
                key=f"{unit_id}--{ind_id}", lang=lang, kind="line" if ind.unit.value == "percent" else "bar",
                title=f"{name} — {uname}", ylabel=i18n.t("mu." + ind.unit.value, lang), unit=ind.unit.value,
                labels=tuple(i18n.period_short(p.period, lang) for p in points), values=tuple(p.value for p in points),
            )
            out.setdefault(f"unit:{unit_id}", []).append(spec)
    return out


def alt_text(spec: ChartSpec) -> str:
    """A sentence stating what the chart shows, in the chart's language."""
    first, last = spec.values[0], spec.values[-1]
    a, b = _fmt(first, spec.unit, spec.lang), _fmt(last, spec.unit, spec.lang)
    if spec.lang == "vi":
        verb = "tăng" if last > first else ("giảm" if last < first else "giữ nguyên")
        return f"{spec.title}: {verb} từ {a} ({spec.labels[0]}) lên {b} ({spec.labels[-1]})." if last > first else f"{spec.title}: {verb} từ {a} ({spec.labels[0]}) xuống {b} ({spec.labels[-1]})." if last < first else f"{spec.title}: {a} ({spec.labels[0]}) và {b} ({spec.labels[-1]})."
    verb = "rose" if last > first else ("fell" if last < first else "stayed")
    return f"{spec.title}: {verb} from {a} ({spec.labels[0]}) to {b} ({spec.labels[-1]})." if first != last else f"{spec.title}: {a} ({spec.labels[0]}) and {b} ({spec.labels[-1]})."


def draw(spec: ChartSpec) -> bytes:
    """Render one chart to SVG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": spec.digest(), "font.family": "DejaVu Sans", "font.size": 10}):
        fig, ax = plt.subplots(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
        xs = range(len(spec.labels))
        if spec.kind == "bar":
            ax.bar(xs, spec.values, color=PALETTE[0], width=0.6)
        else:
            ax.plot(xs, spec.values, color=PALETTE[0], marker="o", linewidth=2)
            ax.set_ylim(bottom=0)
        for x, v in zip(xs, spec.values):
            ax.annotate(_fmt(v, spec.unit, spec.lang), (x, v), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=8)
        ax.set_xticks(list(xs), spec.labels)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _fmt(v, spec.unit, spec.lang)))
        ax.set_title(spec.title, fontsize=11, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buf.getvalue()


def render_charts(corpus: Corpus, computed: Computed, lang: i18n.Lang, out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Write every chart of one language into out_dir (site root charts/); return what templates show."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, list[dict[str, Any]]] = {}
    for page_key, specs in specs_for(corpus, computed, lang).items():
        for spec in specs:
            name = f"{spec.key}.{lang}"
            svg = out_dir / f"{name}.svg"
            svg.write_bytes(draw(spec))
            header = [i18n.t("period", lang), spec.title]
            rows = [[label, _fmt(v, spec.unit, lang)] for label, v in zip(spec.labels, spec.values)]
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(["period", "value"])
            writer.writerows([label, repr(v) if v != int(v) else int(v)] for label, v in zip(spec.labels, spec.values))
            (out_dir / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")
            result.setdefault(page_key, []).append({
                "file": f"charts/{name}.svg", "csv": f"charts/{name}.csv", "alt": alt_text(spec),
                "width": WIDTH, "height": HEIGHT, "header": header, "rows": rows,
            })
    return result
