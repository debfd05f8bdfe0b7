"""Tile-grid maps: the shipped layouts, which layout a date falls on, which unit a tile is, and
what colours it (site_builder/compute/tilemap.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from benchmarks.national import PROVINCES
from site_builder.compute.derive import Computed, compute
from site_builder.compute.series import Point
from site_builder.compute.tilemap import BINS, bin_of, home_map, indicator_map, layout_at, make_bins, tile_units
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.qualifiers import Qualifier
from site_builder.content.validate import validate
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shipped() -> tuple[Corpus, Computed]:
    corpus, findings = validate(ROOT)
    assert corpus is not None, [str(p) for p in findings.errors]
    return corpus, compute(corpus)


def test_the_shipped_layouts_hold_63_and_then_34_provinces(shipped: tuple[Corpus, Computed]) -> None:
    corpus, _ = shipped
    sizes = {m.id: len(m.tiles) for m in corpus.maps.values()}
    assert sizes == {"provinces-2008": 63, "provinces-2025": 34}
    for layout in corpus.maps.values():
        assert len({t.code for t in layout.tiles}) == len(layout.tiles)
        assert len({(t.col, t.row) for t in layout.tiles}) == len(layout.tiles)
        assert len({t.label for t in layout.tiles}) == len(layout.tiles)
        for tile in layout.tiles:
            assert tile.name.en, f"{layout.id}: {tile.code} has no English name"
            for text in (tile.name.vi, tile.name.en, tile.label):
                assert unicodedata.normalize("NFC", text) == text
        assert layout.title.en and layout.title.vi
    after = corpus.maps["provinces-2025"]
    assert {t.name.vi for t in after.tiles} == {name for name, *_ in PROVINCES}


def test_a_day_falls_on_the_layout_in_force(shipped: tuple[Corpus, Computed]) -> None:
    corpus, _ = shipped
    on = {day: (layout_at(corpus, day) or None) for day in (dt.date(2008, 7, 31), dt.date(2008, 8, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 1), dt.date(2031, 1, 1))}
    assert [m.id if m else None for m in on.values()] == [None, "provinces-2008", "provinces-2008", "provinces-2025", "provinces-2025"]


def test_a_tile_links_to_the_province_of_its_time(shipped: tuple[Corpus, Computed]) -> None:
    corpus, _ = shipped
    before, after = tile_units(corpus, corpus.maps["provinces-2008"]), tile_units(corpus, corpus.maps["provinces-2025"])
    assert before["60"] == "binh-thuan" and "60" not in after  # merged into Lâm Đồng on 1 July 2025
    assert before["68"] == after["68"] == "lam-dong"  # continued
    for units in (before, after):
        for code, uid in units.items():
            assert corpus.units[uid].admin_code == code and corpus.units[uid].level.value == "province"
    merged = {uid for uid, u in corpus.units.items() if u.reorganisation_2025 and u.reorganisation_2025.status.value == "merged"}
    assert merged and not merged & set(after.values())


def _point(corpus: Corpus, unit: str, period: str, end: dt.date, value: float, qualifier: Qualifier = Qualifier.exact) -> Point:
    base: Figure = corpus.figures[0]
    figure = dataclasses.replace(base, unit=unit, period=period, period_end=end, value=value, qualifier=qualifier, indicator="share-online")
    return Point(period, value, figure, qualifier)


def _with(computed: Computed, points: dict[str, list[Point]]) -> Computed:
    return dataclasses.replace(computed, series={uid: {"share-online": tuple(ps)} for uid, ps in points.items()})


def test_the_map_shows_the_period_most_provinces_give_and_no_bound_as_a_value(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    y2021, q3 = dt.date(2021, 12, 31), dt.date(2025, 9, 30)
    points = {
        "binh-thuan": [_point(corpus, "binh-thuan", "2021", y2021, 10.0)],
        "lam-dong": [_point(corpus, "lam-dong", "2021", y2021, 50.0), _point(corpus, "lam-dong", "2025-Q3", q3, 60.0)],
        "dak-nong": [_point(corpus, "dak-nong", "2021", y2021, 90.0, Qualifier.more_than)],
        "dong-nai": [_point(corpus, "dong-nai", "2025-Q3", q3, 70.0)],
    }
    m = indicator_map(corpus, _with(computed, points), "share-online")
    assert m is not None and m.period == "2021" and m.layout.id == "provinces-2008"
    by_unit = {t.unit: t for t in m.tiles if t.unit}
    assert by_unit["binh-thuan"].bin is not None and by_unit["lam-dong"].bin is not None
    assert by_unit["binh-thuan"].bin.shade < by_unit["lam-dong"].bin.shade  # darker is more
    assert by_unit["dak-nong"].point is not None and by_unit["dak-nong"].bin is None  # a bound is not coloured
    assert by_unit["dong-nai"].point is None  # its 2025-Q3 value is another period: not on this map
    assert all(b.high <= 50.0 for b in m.bins)  # the bound's 90 does not stretch the scale
    assert m.has_bounds and m.has_gaps
    assert [(t.tile.row, t.tile.col) for t in m.tiles] == sorted((t.tile.row, t.tile.col) for t in m.tiles)

    points["quang-ngai"] = [_point(corpus, "quang-ngai", "2025-Q3", q3, 65.0)]
    del points["dak-nong"]
    later = indicator_map(corpus, _with(computed, points), "share-online")
    assert later is not None and later.period == "2025-Q3" and later.layout.id == "provinces-2025"
    assert "binh-thuan" not in {t.unit for t in later.tiles}
    assert {t.unit: t.point.value for t in later.tiles if t.point} == {"lam-dong": 60.0, "dong-nai": 70.0, "quang-ngai": 65.0}


def test_a_tie_between_periods_goes_to_the_latest(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    points = {"lam-dong": [_point(corpus, "lam-dong", "2020", dt.date(2020, 12, 31), 1.0), _point(corpus, "lam-dong", "2021", dt.date(2021, 12, 31), 2.0)]}
    m = indicator_map(corpus, _with(computed, points), "share-online")
    assert m is not None and m.period == "2021"


def test_no_province_value_no_map(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    assert indicator_map(corpus, _with(computed, {}), "share-online") is None
    communes = {"binh-son-binh-phuoc": [_point(corpus, "binh-son-binh-phuoc", "2021", dt.date(2021, 12, 31), 5.0)]}
    assert indicator_map(corpus, _with(computed, communes), "share-online") is None  # only provinces are mapped


@pytest.mark.parametrize("values", [[1.0], [3.0, 3.0], [0.0, 100.0], [5.0, 7.5, 12.0, 40.0, 41.0, 99.9, 2.0], [10.0, 20.0, 30.0]])
def test_bins_cover_every_value_in_order(values: list[float]) -> None:
    bins = make_bins(values)
    assert 1 <= len(bins) <= min(BINS, len(set(values)))
    assert bins[0].low == min(values) and bins[-1].high == max(values)
    assert all(a.high <= b.low + 1e-9 and a.shade < b.shade for a, b in zip(bins, bins[1:]))
    for v in values:
        b = bin_of(v, bins)
        assert b is not None and b.low <= v <= b.high
    assert bin_of(max(values) + 1, bins) is None or len(set(values)) == 1


def test_the_home_map_says_where_there_are_reports(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    m = home_map(corpus, computed)
    assert m is not None
    with_reports = {t.unit for t in m.tiles if t.reports}
    assert with_reports and all(t.bin is not None for t in m.tiles if t.reports)
    for uid in with_reports:
        assert uid is not None
        below = {uid, *corpus.descendants(uid)}
        assert any(r.unit in below for r in corpus.reports.values())
    for tile in m.tiles:
        if tile.unit and not tile.reports:
            below = {tile.unit, *corpus.descendants(tile.unit)}
            assert not any(r.unit in below for r in corpus.reports.values())


def test_no_layouts_no_home_map(tmp_path: Path, minimal_factory: object) -> None:
    from tests.conftest import make_minimal

    corpus, _ = validate(make_minimal(tmp_path / "proj"))
    assert corpus is not None and not corpus.maps
    assert home_map(corpus, compute(corpus)) is None
