"""A chart as an SVG that reflows: it fills the width it is shown at, and its text is never scaled.

Why reflow rather than scale: a chart laid out at 720 px and shrunk to a phone's 330 px draws its
12 px labels at 5 px. Here the SVG has no viewBox: horizontal positions are percentages of the
width it is given, vertical ones pixels, and text is set in pixels, so a label is 12 px on a phone
and on a desktop alike. What would crowd a narrow chart is thinned by media queries inside the
SVG, which a browser evaluates against the image's own width: every k-th period label, and the
value labels once the bars are narrower than their numbers. The latest period always keeps both.

One chart is one or more panels stacked vertically, each with its own axis (small multiples), so
that series of different size never share a scale. Bars start at zero; a line's axis fits its
data (a share between 0,1 and 0,6% is not drawn on 0–100%). Every series is named in the SVG
(a legend line above its panel), and the chart's title, subtitle and source are in its `<title>`
and `<desc>`, so that a downloaded or embedded file still says what it shows and where it comes
from (the page's script frames it with them for the PNG and SVG downloads).

Matplotlib supplies the tick positions (`MaxNLocator`) and the glyph advances of DejaVu Sans (to
know how wide a label is); the SVG is written in one pass, about a millisecond a chart.
"""
from __future__ import annotations

import math
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from site_builder.publish.charts import ChartSpec, Panel

FONT = "DejaVu Sans, Noto Sans, Arial, sans-serif"
GRID, AXIS, INK, MUTED = "#d9d9d9", "#555555", "#1a1a1a", "#4d4d4d"
TEXT_PX = 12  # every label; 13 for a panel's name. Never scaled: at least 11 px as rendered.
NAME_PX = 13
MIN_WIDTH = 300  # the narrowest a chart is laid out for (a 320 px phone's content column)
MAX_WIDTH = 1000  # the widest the site shows a chart
LEGEND_ROW = 18
PLOT_HEIGHT = {1: 200, 2: 150}  # a lone panel is taller; each of several panels is 150 px
HBAR_ROW = 40
PANEL_GAP = 20

Fmt = Callable[[float, str], str]


@lru_cache(maxsize=1)
def _advances() -> tuple[object, dict[str, float]]:
    from matplotlib.font_manager import FontProperties, findfont, get_font

    font = get_font(findfont(FontProperties(family="DejaVu Sans")))
    font.set_size(100, 72)  # 100 px em: advances are read once per character and scaled
    return font, {}


def text_width(text: str, px: float, bold: bool = False) -> float:
    """Width of `text` at `px` pixels in DejaVu Sans, from the font's advances (no kerning);
    bold is about 10% wider."""
    font, cache = _advances()
    total = 0.0
    for ch in text:
        w = cache.get(ch)
        if w is None:
            try:
                w = font.load_char(ord(ch)).horiAdvance / 64 / 100  # type: ignore[attr-defined]
            except (RuntimeError, ValueError):
                w = 0.6
            cache[ch] = w
        total += w
    return total * px * (1.1 if bold else 1.0)


def nice_ticks(lo: float, hi: float, integer: bool, bins: int = 4) -> list[float]:
    """Round tick values covering lo..hi (the first at or below lo, the last at or above hi)."""
    from matplotlib.ticker import MaxNLocator

    values = [float(v) for v in MaxNLocator(nbins=bins, integer=integer, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)]
    below = [v for v in values if v <= lo + 1e-9]
    above = [v for v in values if v >= hi - 1e-9]
    first = below[-1] if below else values[0]
    last = above[0] if above else values[-1]
    return [v for v in values if first - 1e-9 <= v <= last + 1e-9]


def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _truncate(text: str, px: float, room: float) -> str:
    if text_width(text, px) <= room:
        return text
    while text and text_width(text + "…", px) > room:
        text = text[:-1]
    return text.rstrip() + "…"


class _Svg:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.css: list[str] = []

    def add(self, s: str) -> None:
        self.parts.append(s)

    def text(self, x: str, y: float, s: str, cls: str = "", anchor: str = "", dx: float = 0) -> None:
        attrs = f' class="{cls}"' if cls else ""
        attrs += f' text-anchor="{anchor}"' if anchor else ""
        attrs += f' dx="{_n(dx)}"' if dx else ""
        self.add(f'<text x="{x}" y="{_n(y)}"{attrs}>{escape(s)}</text>')


def _pct(x: float) -> str:
    return f"{_n(x)}%"


def _wrap(text: str, px: float, room: float, lines: int = 3) -> list[str]:
    """`text` in lines no wider than `room` at the narrowest width; the last line cut with '…'."""
    out: list[str] = []
    for word in text.split():
        if out and text_width(out[-1] + " " + word, px) <= room:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[: lines - 1] + [_truncate(" ".join(out[lines - 1:]), px, room)]
    return [_truncate(line, px, room) for line in out] or [""]


def _legend_lines(name: str) -> list[str]:
    return _wrap(name, NAME_PX, MIN_WIDTH - 20)


def _legend(svg: _Svg, entries: list[tuple[str, str, bool]], y: float) -> float:
    """A swatch and the name of each series (or target), the name wrapped to fit the narrowest
    chart; returns the height used."""
    y0 = y
    for name, colour, dashed in entries:
        if dashed:
            svg.add(f'<line x1="0" y1="{_n(y - 4)}" x2="14" y2="{_n(y - 4)}" stroke="{colour}" stroke-width="2" stroke-dasharray="4 2"/>')
        else:
            svg.add(f'<rect x="0" y="{_n(y - 10)}" width="12" height="12" fill="{colour}"/>')
        for line in _legend_lines(name):
            svg.text("20", y, line, "n")
            y += LEGEND_ROW
    return y - y0


def _thinning(svg: _Svg, panel_cls: str, n: int, frac: float, need: float, cls: str) -> list[int]:
    """Media queries that show every k-th label of class `cls` (counted back from the last) once
    the chart is too narrow for all of them; returns the k values used. `need` is the width in px
    one category must have to hold the label, `frac` the share of the width the categories span."""
    if n <= 1:
        return []
    k_min = max(1, math.ceil(need * n / (frac * MAX_WIDTH)))
    k_max = max(1, math.ceil(need * n / (frac * MIN_WIDTH)))
    used = []
    for k in range(max(2, k_min), k_max + 1):
        upper = need * n / (frac * (k - 1))  # below this width, k-1 is too few
        lower = need * n / (frac * k)
        cond = f"(max-width:{_n(upper)}px)" if k == k_max else f"(min-width:{_n(lower)}px) and (max-width:{_n(upper)}px)"
        svg.css.append(f"@media {cond}{{.{panel_cls} .{cls}:not(.{cls}{k}){{display:none}}}}")
        used.append(k)
    return used


def _classes(cls: str, i: int, n: int, ks: list[int]) -> str:
    return " ".join([cls] + [f"{cls}{k}" for k in ks if (n - 1 - i) % k == 0])


def _scale(panel: "Panel", fmt: Fmt) -> tuple[list[float], list[str]]:
    """A panel's axis ticks and their labels: from zero for bars, fitted to the data for lines."""
    values = [v for s in panel.series for v in s.values if v is not None] + [v for _, v in panel.targets]
    if panel.kind == "bar":
        ticks = nice_ticks(0, max(values) * 1.05 or 1, panel.unit == "count")
    else:
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.15 or abs(hi) * 0.05 or 1
        lo, hi = lo - pad, hi + pad
        if min(values) >= 0:
            lo = max(lo, 0.0)
        if panel.unit in ("percent", "percent_of_plan") and max(values) <= 100:
            hi = min(hi, 100.0)
        ticks = nice_ticks(lo, hi, False)
    return ticks, [fmt(t, panel.unit) for t in ticks]


def _margins(panels: "tuple[Panel, ...]", fmt: Fmt) -> tuple[float, float]:
    """Left and right margins in % shared by a chart's panels, so that their plots line up: the
    axis labels stand left of the plot, right-aligned, and the plot starts where the widest of
    them ends on the narrowest chart; on the right, half the widest period or latest value label."""
    left = right = 1.0
    for panel in panels:
        if panel.kind == "hbar":
            continue
        _, tick_labels = _scale(panel, fmt)
        left = max(left, 100 * (max(text_width(t, TEXT_PX) for t in tick_labels) + 8) / MIN_WIDTH)
        cat_w = max((text_width(c, TEXT_PX) for c in panel.categories), default=10)
        last = [fmt(v, panel.unit) for s in panel.series if (v := s.values[-1]) is not None]
        right = max(right, 100 * (max([cat_w] + [text_width(t, TEXT_PX) for t in last]) / 2 + 3) / MIN_WIDTH)
    return min(30.0, left), min(12.0, right)


def _time_panel(svg: _Svg, panel: "Panel", index: int, y0: float, plot_h: int, palette: tuple[str, ...],
                target_colour: str, fmt: Fmt, margins: tuple[float, float]) -> float:
    """Bars or lines over periods; returns the panel's height."""
    pc = f"p{index}"
    svg.add(f'<g class="{pc}">')
    colours = palette[: len(panel.series)]
    entries = [(s.name, c, False) for s, c in zip(panel.series, colours)]
    entries += [(label, target_colour, True) for label, _ in panel.targets]
    y = y0 + NAME_PX + 2
    y += _legend(svg, entries, y) - NAME_PX - 2 + 6

    values = [v for s in panel.series for v in s.values if v is not None]
    n = len(panel.categories)
    ticks, tick_labels = _scale(panel, fmt)
    dlo, dhi = ticks[0], ticks[-1]
    left, right = margins
    cat_w = max((text_width(c, TEXT_PX) for c in panel.categories), default=10)
    labels = [fmt(v, panel.unit) for v in values]
    frac = (100 - left - right) / 100
    top = y + 14  # room for value labels above the highest point
    bottom = top + plot_h

    def y_of(v: float) -> float:
        return bottom - plot_h * ((v - dlo) / (dhi - dlo) if dhi > dlo else 0)

    def x_of(i: float) -> float:
        return left + (100 - left - right) * (i + 0.5) / n

    for t, label in zip(ticks, tick_labels):
        ty = y_of(t)
        svg.add(f'<line x1="{_pct(left)}" y1="{_n(ty)}" x2="{_pct(100 - right)}" y2="{_n(ty)}" stroke="{GRID}"/>')
        svg.text(_pct(left), ty + 4, label, "y")
    if panel.kind == "bar" or dlo == 0:
        svg.add(f'<line x1="{_pct(left)}" y1="{_n(bottom)}" x2="{_pct(100 - right)}" y2="{_n(bottom)}" stroke="{AXIS}"/>')
    ks = _thinning(svg, pc, n, frac, cat_w + 10, "c")
    for i, cat in enumerate(panel.categories):
        svg.text(_pct(x_of(i)), bottom + 6 + TEXT_PX, cat, _classes("c", i, n, ks))

    band = (100 - left - right) / n
    m = len(panel.series)
    width = band * 0.72 / m
    value_w = max((text_width(s, TEXT_PX) for s in labels), default=10) + 6
    # value labels of all but the last period go once a period is narrower than its labels
    hide_below = value_w * (m if panel.kind == "bar" else 1) * n / frac
    svg.css.append(f"@media (max-width:{_n(hide_below)}px){{.{pc} .v{{display:none}}}}")
    for k, (s, colour) in enumerate(zip(panel.series, colours)):
        svg.add(f'<g id="series-{index}-{k}" fill="{colour}"' + (f' stroke="{colour}">' if panel.kind == "line" else ">"))
        if panel.kind == "bar":
            for i, v in enumerate(s.values):
                if v is None:
                    continue
                x = x_of(i) - band * 0.36 + width * k
                svg.add(f'<rect x="{_pct(x)}" y="{_n(y_of(v))}" width="{_pct(width * 0.94)}" height="{_n(bottom - y_of(v))}"/>')
        else:
            pts = [(x_of(i), y_of(v)) if v is not None else None for i, v in enumerate(s.values)]
            for a, b in zip(pts, pts[1:]):
                if a and b:
                    svg.add(f'<line x1="{_pct(a[0])}" y1="{_n(a[1])}" x2="{_pct(b[0])}" y2="{_n(b[1])}" stroke-width="2"/>')
            for p in pts:
                if p:
                    svg.add(f'<circle cx="{_pct(p[0])}" cy="{_n(p[1])}" r="3.5"/>')
        svg.add("</g>")
        for i, v in enumerate(s.values):
            if v is None:
                continue
            cx = x_of(i) - band * 0.36 + width * (k + 0.47) if panel.kind == "bar" else x_of(i)
            # the latest period keeps its label at any width, unless bars stand side by side
            cls = "l" if i == n - 1 and (m == 1 or panel.kind == "line") else "v"
            dy = 4 if panel.kind == "bar" else 7
            if panel.kind == "line" and m > 1 and k % 2 == 1:
                svg.text(_pct(cx), y_of(v) + 7 + TEXT_PX, fmt(v, panel.unit), cls)
            else:
                svg.text(_pct(cx), y_of(v) - dy, fmt(v, panel.unit), cls)
    for k, (_, value) in enumerate(panel.targets):
        ty = y_of(value)
        svg.add(f'<line id="target-{index}-{k}" x1="0" y1="{_n(ty)}" x2="100%" y2="{_n(ty)}" stroke="{target_colour}" '
                f'stroke-width="1.5" stroke-dasharray="6 4"/>')
    svg.add("</g>")
    return bottom + 6 + TEXT_PX + 4 - y0


def _hbar(svg: _Svg, panel: "Panel", y0: float, palette: tuple[str, ...], fmt: Fmt) -> float:
    """Units compared, best first from the top: a name line, then its bar from zero; returns the height."""
    values = [v for s in panel.series for v in s.values if v is not None]
    top = max(values) * 1.05 or 1
    if panel.unit in ("percent", "percent_of_plan") and max(values) <= 100:
        top = min(top, 100.0)
    ticks = nice_ticks(0, top, panel.unit == "count", bins=4)
    xmax = ticks[-1]
    span = 78.0  # bars take at most 78% of the width: the value label follows the longest

    def x_of(v: float) -> float:
        return span * v / xmax if xmax else 0

    y = y0 + 4
    bottom = y + HBAR_ROW * len(panel.categories)
    for t in ticks:
        x = x_of(t)
        svg.add(f'<line x1="{_pct(x)}" y1="{_n(y)}" x2="{_pct(x)}" y2="{_n(bottom)}" stroke="{GRID}"/>')
        first, last = t == ticks[0], t == ticks[-1]
        # the first label starts at the axis, the last ends at the bar's limit: neither leaves the canvas
        svg.text(_pct(x), bottom + 6 + TEXT_PX, fmt(t, panel.unit), "t", "start" if first else "end" if last else "middle", dx=1 if first else 0)
    s = panel.series[0]
    svg.add(f'<g id="series-0-0" fill="{palette[0]}">')
    for i, (cat, v) in enumerate(zip(panel.categories, s.values)):
        row = y + HBAR_ROW * i
        svg.text("2", row + TEXT_PX + 2, _truncate(cat, NAME_PX, MIN_WIDTH - 6), "n")
        if v is not None:
            svg.add(f'<rect x="0" y="{_n(row + TEXT_PX + 8)}" width="{_pct(x_of(v))}" height="14"/>')
    svg.add("</g>")
    for i, v in enumerate(s.values):
        if v is not None:
            svg.text(_pct(x_of(v)), y + HBAR_ROW * i + TEXT_PX + 8 + 12, fmt(v, panel.unit), "h", dx=4)
    svg.add(f'<line x1="0" y1="{_n(y)}" x2="0" y2="{_n(bottom)}" stroke="{AXIS}"/>')
    return bottom + 6 + TEXT_PX + 4 - y0


def panel_height(panel: "Panel", panels: int) -> int:
    """What a panel's drawing adds up to (the sums in _time_panel and _hbar), without drawing it."""
    if panel.kind == "hbar":
        return 4 + HBAR_ROW * len(panel.categories) + 6 + TEXT_PX + 4
    plot_h = PLOT_HEIGHT[1] if panels == 1 else PLOT_HEIGHT[2]
    names = [s.name for s in panel.series] + [label for label, _ in panel.targets]
    return LEGEND_ROW * sum(len(_legend_lines(name)) for name in names) + 6 + 14 + plot_h + 6 + TEXT_PX + 4


def _note_lines(spec: "ChartSpec") -> list[str]:
    return [line for note in spec.notes for line in _wrap(note, NAME_PX, MIN_WIDTH - 8, lines=6)]


def height(spec: "ChartSpec") -> int:
    """A chart's height in px, as `render` draws it: pages size the image before it loads."""
    n = len(spec.panels)
    if not n:
        return 8 + LEGEND_ROW * len(_note_lines(spec))
    return sum(panel_height(p, n) for p in spec.panels) + PANEL_GAP * max(0, n - 1)


def render(spec: "ChartSpec", palette: tuple[str, ...], target_colour: str, fmt: Fmt) -> tuple[str, int]:
    """The SVG text of `spec` and its height in px (its width is whatever it is shown at)."""
    svg = _Svg()
    y = 0.0
    plot_h = PLOT_HEIGHT[1] if len(spec.panels) == 1 else PLOT_HEIGHT[2]
    margins = _margins(spec.panels, fmt)
    for index, panel in enumerate(spec.panels):
        if index:
            y += PANEL_GAP
        if panel.kind == "hbar":
            y += _hbar(svg, panel, y, palette, fmt)
        else:
            y += _time_panel(svg, panel, index, y, plot_h, palette, target_colour, fmt, margins)
    if not spec.panels:
        # nothing to draw, only what is said instead (charts.py keeps addresses of charts that
        # used to exist): the sentences, so that the address still says what there is to know
        for line in _note_lines(spec):
            y += LEGEND_ROW
            svg.text("4", y, line, "n")
        y += 8
    total = math.ceil(y)
    assert total == height(spec), "panel_height must add up what the panels draw"
    desc = spec.subtitle
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{total}" role="img" aria-labelledby="title desc" '
        f'data-source="{escape(spec.source)}">',
        f'<title id="title">{escape(spec.title)}</title>',
        f'<desc id="desc">{escape(desc)}</desc>',
        "<style>"
        f"text{{font-family:{FONT};font-size:{TEXT_PX}px;fill:{MUTED}}}"
        f".n{{font-size:{NAME_PX}px;fill:{INK}}}.l,.v,.h{{fill:{INK}}}.c,.l,.v{{text-anchor:middle}}"
        ".y{text-anchor:end;transform:translateX(-5px)}"
                + "".join(svg.css) + "</style>",
        f'<rect width="100%" height="{total}" fill="#fff"/>',
    ]
    return "\n".join(head + svg.parts + ["</svg>", ""]), total
