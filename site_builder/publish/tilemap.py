"""Draw a tile-grid map (compute.tilemap) as inline SVG, with its legend and table in the page's language.

One `<a>` per tile with a province page (a `<g>` otherwise), in reading order, each with a
`<title>` naming the province, its value and period. Colours come from classes (extra.css,
`.mb-tilemap`), so a map on each of a national site's indicator pages stays a few kilobytes and
follows the dark scheme. The value is written on its tile where it fits, so colour is never the
only way to read it; a tile without data is hatched and dashed, a bound only outlined.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from site_builder.compute.series import Point
from site_builder.compute.tilemap import Bin, MapTile, TileMap
from site_builder.content.corpus import Corpus
from site_builder.content.model import Text
from site_builder.publish import i18n
from site_builder.publish.lang import Lang

TILE_W, TILE_H, GAP = 38, 34, 2  # SVG units: at most 8 columns fit 320, drawn 1:1 on a 360 px phone
FONT = 12  # SVG units, the text size in extra.css: 12 px on a phone, never under 11
# Widths in SVG units of the characters a value is written with, at FONT (system sans-serif, rounded up).
CHAR_W = {**{d: 7.0 for d in "0123456789"}, ",": 3.5, ".": 3.5, "%": 10.5, "\u00a0": 3.5, " ": 3.5}


@dataclass(frozen=True)
class LegendItem:
    css: str  # the swatch's class: q0…q4, b (bound), n (no data)
    text: str


@dataclass(frozen=True)
class MapRow:
    """A row of the map's table: a tile with a value (or, on the places map, with reports)."""

    name: Text
    unit: str | None
    point: Point | None
    reports: int


@dataclass(frozen=True)
class MapView:
    svg: Markup
    caption: str
    legend: tuple[LegendItem, ...]
    rows: tuple[MapRow, ...]
    indicator: str | None
    period: str | None


def _fits(text: str) -> bool:
    return sum(CHAR_W.get(c, 7.5) for c in text) <= TILE_W - 3


def _value(tile: MapTile, unit: str, lang: i18n.Lang) -> str:
    assert tile.point is not None
    return i18n.qualified(tile.point.value, unit, lang, tile.point.qualifier.value)


def _title(m: TileMap, tile: MapTile, unit: str, L: Lang) -> str:
    name = L.tx_plain(tile.tile.name)
    if m.indicator is None:
        return f"{name}: " + (L.t("map.reports_n").replace("{n}", L.num(tile.reports)) if tile.reports else L.t("map.no_reports"))
    if tile.point is None:
        return f"{name}: {L.t('map.no_data')}"
    return f"{name}: {_value(tile, unit, L.code)} ({L.period(tile.point.period)})"


def _css(tile: MapTile, places: bool) -> str:
    if tile.bin is not None:
        return f"q{tile.bin.shade}"
    return "b" if tile.point is not None and not places else "n"


def svg(m: TileMap, corpus: Corpus, L: Lang) -> Markup:
    """The map as one line of SVG (no blank line: Markdown passes it through as it is)."""
    unit = corpus.indicators[m.indicator].unit.value if m.indicator else ""
    cols = max(t.tile.col for t in m.tiles) + 1
    rows = max(t.tile.row for t in m.tiles) + 1
    width, height = cols * (TILE_W + GAP) - GAP, rows * (TILE_H + GAP) - GAP
    out = [f'<svg class="mb-tilemap__svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="mb-map-cap">'
           '<defs><pattern id="mb-nd" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 0V5"/></pattern></defs>']
    for tile in m.tiles:
        x, y = tile.tile.col * (TILE_W + GAP), tile.tile.row * (TILE_H + GAP)
        cx = x + TILE_W // 2
        value = _value(tile, unit, L.code) if tile.point is not None else ""
        show = value if value and _fits(value) else ""
        label_y = y + (14 if show else 21)
        body = (f'<title>{escape(_title(m, tile, unit, L))}</title><rect x="{x}" y="{y}" width="{TILE_W}" height="{TILE_H}"/>'
                f'<text x="{cx}" y="{label_y}">{escape(tile.tile.label)}</text>')
        if show:
            body += f'<text class="v" x="{cx}" y="{y + 28}">{escape(show)}</text>'
        css = _css(tile, m.indicator is None)
        attr = f' class="{css}"' if css != "n" else ""  # no data, the most common, is the tiles' default look
        if tile.unit:
            out.append(f'<a{attr} href="{escape(L.url("units/" + tile.unit + ".md"))}">{body}</a>')
        else:
            out.append(f'<g{attr}>{body}</g>')
    out.append("</svg>")
    return Markup("".join(out))


def _legend(m: TileMap, unit: str, L: Lang) -> tuple[LegendItem, ...]:
    if m.indicator is None:
        return (LegendItem(f"q{m.bins[0].shade}", L.t("map.has_reports")), LegendItem("n", L.t("map.no_reports")))

    # edges to one decimal for a percent or a narrow scale (97,2% – 97,3%), else whole numbers;
    # rounded outwards, so that a class's words include every value in it
    scale = 10 if unit in ("percent", "percent_of_plan") or m.bins[-1].high - m.bins[0].low < 10 else 1

    def span(b: Bin) -> str:
        low = i18n.quantity(math.floor(b.low * scale + 1e-9) / scale, unit, L.code)
        high = i18n.quantity(math.ceil(b.high * scale - 1e-9) / scale, unit, L.code)
        return low if low == high else f"{low} – {high}"

    items = [LegendItem(f"q{b.shade}", span(b)) for b in m.bins]
    if m.has_bounds:
        items.append(LegendItem("b", L.t("map.bound")))
    if m.has_gaps:
        items.append(LegendItem("n", L.t("map.no_data")))
    return tuple(items)


def map_view(m: TileMap, corpus: Corpus, L: Lang) -> MapView:
    """What a page shows of a map: the SVG, its caption and legend, and its table (highest first)."""
    unit = corpus.indicators[m.indicator].unit.value if m.indicator else ""
    layout = L.tx_plain(m.layout.title)
    if m.indicator is None:
        caption = L.t("map.places_caption").replace("{layout}", layout)
        rows = [MapRow(t.tile.name, t.unit, None, t.reports) for t in m.tiles if t.reports]
        rows.sort(key=lambda r: -r.reports)
    else:
        assert m.period is not None
        caption = (L.t("map.caption").replace("{indicator}", L.tx_plain(corpus.indicators[m.indicator].name))
                   .replace("{period}", L.period(m.period)).replace("{layout}", layout))
        rows = [MapRow(t.tile.name, t.unit, t.point, 0) for t in m.tiles if t.point is not None]
        rows.sort(key=lambda r: (r.point is None or r.point.qualifier.bound, -(r.point.value if r.point else 0)))
    return MapView(svg(m, corpus, L), caption, _legend(m, unit, L), tuple(rows), m.indicator, m.period)
