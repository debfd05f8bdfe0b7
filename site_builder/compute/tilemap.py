"""Tile-grid maps: which province each tile is, and what colours it.

Input: the corpus (its map layouts, content/maps/, and its province units) and the series of
compute.derive. Output: a `TileMap` per indicator page, and one for the home page.

A map shows one period only, so that its tiles compare like with like: of the periods in which
provinces give a value, the one most provinces give (the latest of those that tie). The layout is
the one in force at that period's last day: a 2021 figure of Bình Thuận lies on the map of the 63
provinces, a 2025-Q3 figure of Lâm Đồng on the map of the 34. A tile links to the province unit
with its code that existed on the layout's dates: a province merged on 1 July 2025 only on a map
that ends before, the new one only on a map that starts after. A bound ("more than 80%") says
where a value lies, not what it is: its tile is not coloured as a value.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.derive import Computed
from site_builder.compute.series import HEADLINE, Point
from site_builder.content.corpus import Corpus
from site_builder.content.model import Fate2025, Level, MapLayout, Tile

REORGANISED = dt.date(2025, 7, 1)  # Resolution 202/2025/QH15: 63 provinces became 34
BINS = 5  # colour classes at most: more would not be told apart on a phone


@dataclass(frozen=True)
class Bin:
    """One colour class: values from `low` to `high`, both included. `shade` is its colour, 0 (light)
    to BINS - 1 (dark), spread over the scale when there are fewer bins than colours."""

    low: float
    high: float
    shade: int


@dataclass(frozen=True)
class MapTile:
    """A tile as drawn: its province, the unit its link goes to, and what colours it."""

    tile: Tile
    unit: str | None  # the province unit whose page the tile links to; None: no page
    point: Point | None  # the value of the map's period; None: no data
    bin: Bin | None  # None: no data, a bound, or (places map) no report
    reports: int = 0  # places map: reports about the province and the units below it


@dataclass(frozen=True)
class TileMap:
    """A map of one indicator in one period, or (indicator None) of where there are reports."""

    layout: MapLayout
    indicator: str | None
    period: str | None
    tiles: tuple[MapTile, ...]  # reading order: north to south, west to east
    bins: tuple[Bin, ...]

    @property
    def has_bounds(self) -> bool:
        return any(t.point is not None and t.bin is None for t in self.tiles)

    @property
    def has_gaps(self) -> bool:
        return any(t.point is None for t in self.tiles)


def layout_at(corpus: Corpus, day: dt.date) -> MapLayout | None:
    """The layout in force on `day` (validation allows one at most)."""
    return next((layout for layout in corpus.maps.values() if layout.in_force(day)), None)


def _existed(corpus: Corpus, uid: str, layout: MapLayout) -> bool:
    """Whether a province unit existed on the layout's dates, as the 2025 reorganisation says."""
    fate = corpus.units[uid].reorganisation_2025
    status = fate.status if fate else None
    if layout.valid_to is not None and layout.valid_to < REORGANISED:
        return status is not Fate2025.new
    if layout.valid_from >= REORGANISED:
        return status not in (Fate2025.merged, Fate2025.abolished)
    return True


def tile_units(corpus: Corpus, layout: MapLayout) -> dict[str, str]:
    """Province code -> the province unit its tile links to, for the tiles that have one."""
    out: dict[str, str] = {}
    codes = {tile.code for tile in layout.tiles}
    for uid, unit in corpus.units.items():
        if unit.level is Level.province and unit.admin_code in codes and _existed(corpus, uid, layout):
            out.setdefault(unit.admin_code or "", uid)
    return out


def make_bins(values: list[float]) -> tuple[Bin, ...]:
    """Up to BINS classes of equal width from the least value to the greatest; one when all are equal."""
    if not values:
        return ()
    low, high = min(values), max(values)
    count = min(BINS, len(set(values)))
    shades = {1: (2,), 2: (1, 4), 3: (0, 2, 4), 4: (0, 1, 3, 4)}.get(count, tuple(range(BINS)))
    if count == 1:
        return (Bin(low, high, shades[0]),)
    width = (high - low) / count
    edges = [low + i * width for i in range(count)] + [high]
    return tuple(Bin(edges[i], edges[i + 1], shades[i]) for i in range(count))


def bin_of(value: float, bins: tuple[Bin, ...]) -> Bin | None:
    """The class a value falls in (an edge shared by two: the lower); None outside them all."""
    return next((b for b in bins if b.low <= value <= b.high), None)


def _values(corpus: Corpus, computed: Computed, iid: str) -> dict[str, dict[str, Point]]:
    """Period -> province unit -> its value of the indicator in that period (the last one given)."""
    out: dict[str, dict[str, Point]] = {}
    for uid, unit in corpus.units.items():
        if unit.level is not Level.province:
            continue
        for point in computed.series.get(uid, {}).get(iid, ()):
            out.setdefault(point.period, {})[uid] = point
    return out


def indicator_map(corpus: Corpus, computed: Computed, iid: str) -> TileMap | None:
    """The map of an indicator: None when no province gives a value on a layout in force."""
    best: tuple[int, dt.date, str, MapLayout, dict[str, Point]] | None = None
    for period, by_unit in _values(corpus, computed, iid).items():
        end = max(p.figure.period_end for p in by_unit.values())  # a period's last day, as its reports date it
        layout = layout_at(corpus, end)
        if layout is None:
            continue
        on_map = set(tile_units(corpus, layout).values())
        shown = {uid: p for uid, p in by_unit.items() if uid in on_map}
        if shown and (best is None or (len(shown), end, period) > best[:3]):
            best = (len(shown), end, period, layout, shown)
    if best is None:
        return None
    _, _, period, layout, points = best
    bins = make_bins([p.value for p in points.values() if not p.qualifier.bound])
    units = tile_units(corpus, layout)
    tiles = []
    for tile in _reading_order(layout):
        uid = units.get(tile.code)
        point = points.get(uid) if uid else None
        colour = bin_of(point.value, bins) if point is not None and not point.qualifier.bound else None
        tiles.append(MapTile(tile, uid, point, colour))
    return TileMap(layout, iid, period, tuple(tiles), bins)


def home_map(corpus: Corpus, computed: Computed) -> TileMap | None:
    """The home page's map: the headline indicator most provinces give; else which provinces have
    reports, on the layout that shows the most of them (the latest of those that tie)."""
    maps = [m for m in (indicator_map(corpus, computed, iid) for iid in HEADLINE if iid in corpus.indicators) if m]
    if maps:
        return max(maps, key=lambda m: sum(t.point is not None for t in m.tiles))
    if not corpus.maps:
        return None
    has = Bin(1, 1, 3)
    options = []
    for layout in corpus.maps.values():
        units = tile_units(corpus, layout)
        tiles = []
        for tile in _reading_order(layout):
            uid = units.get(tile.code)
            count = len(_reports_below(corpus, computed, uid)) if uid else 0
            tiles.append(MapTile(tile, uid, None, has if count else None, count))
        options.append(TileMap(layout, None, None, tuple(tiles), (has,)))
    return max(options, key=lambda m: (sum(t.reports > 0 for t in m.tiles), m.layout.valid_from))


def _reports_below(corpus: Corpus, computed: Computed, uid: str) -> set[str]:
    out = set(computed.reports_by_unit.get(uid, ()))
    for below in corpus.descendants(uid):
        out.update(computed.reports_by_unit.get(below, ()))
    return out


def _reading_order(layout: MapLayout) -> list[Tile]:
    return sorted(layout.tiles, key=lambda t: (t.row, t.col))
