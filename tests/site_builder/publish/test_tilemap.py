"""A tile-grid map as drawn: the SVG's tiles, links, titles and text, and the legend in each
language (site_builder/publish/tilemap.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import xml.etree.ElementTree as ET

import pytest

from site_builder.compute.derive import Computed, compute
from site_builder.compute.tilemap import indicator_map
from site_builder.content.corpus import Corpus
from site_builder.content.model import Text
from site_builder.content.qualifiers import Qualifier
from site_builder.content.validate import validate
from site_builder.compute.series import Point
from site_builder.publish import i18n
from site_builder.publish.lang import Lang
from site_builder.publish.tilemap import FONT, TILE_W, map_view, svg
from tests.conftest import ROOT

NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def shipped() -> tuple[Corpus, Computed]:
    corpus, findings = validate(ROOT)
    assert corpus is not None, [str(p) for p in findings.errors]
    return corpus, compute(corpus)


def _map(corpus: Corpus, computed: Computed, values: dict[str, tuple[float, Qualifier]]):  # type: ignore[no-untyped-def]
    base = corpus.figures[0]
    series = {}
    for uid, (value, q) in values.items():
        f = dataclasses.replace(base, unit=uid, period="2021", period_end=dt.date(2021, 12, 31), value=value, qualifier=q, indicator="share-online")
        series[uid] = {"share-online": (Point("2021", value, f, q),)}
    m = indicator_map(corpus, dataclasses.replace(computed, series=series), "share-online")
    assert m is not None
    return m


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_tile_is_drawn_and_each_with_a_page_is_a_link(shipped: tuple[Corpus, Computed], lang: i18n.Lang) -> None:
    corpus, computed = shipped
    m = _map(corpus, computed, {"lam-dong": (72.3, Qualifier.exact), "binh-thuan": (7.5, Qualifier.exact), "dak-nong": (80.0, Qualifier.more_than)})
    page = "indicators/share-online.md"
    root = _parse(str(svg(m, corpus, Lang(lang, page))))
    links = root.findall("s:a", NS)
    plain = root.findall("s:g", NS)
    assert len(links) + len(plain) == 63
    assert len(links) == sum(1 for t in m.tiles if t.unit)
    here = posixpath.dirname("/" + ("en/" if lang == "en" else "") + "indicators/share-online/")
    for a, tile in zip(links, [t for t in m.tiles if t.unit]):
        target = posixpath.normpath(posixpath.join(here + "/", a.get("href", "")))
        assert target.endswith(f"/units/{tile.unit}"), target
        title = a.findtext("s:title", namespaces=NS) or ""
        assert title.startswith(Lang(lang, page).tx_plain(tile.tile.name))
    titles = {t.findtext("s:title", namespaces=NS) for t in [*links, *plain]}
    lam = next(t for t in titles if t and t.startswith("Lâm Đồng"))
    assert ("72,3%" if lang == "vi" else "72.3%") in lam and i18n.period_label("2021", lang) in lam
    assert any(t and t.endswith(i18n.t("map.no_data", lang)) for t in titles)
    classes = {el.get("class") for el in [*links, *plain]}
    assert {None, "b"} <= classes  # no data the default look (hatched), the bound outlined
    bound = next(a for a in links if a.get("class") == "b")
    assert ">" in "".join(bound.itertext())  # a bound keeps its sign where it is written


def test_values_are_written_on_tiles_that_fit_them(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    m = _map(corpus, computed, {"lam-dong": (72.3, Qualifier.exact), "binh-thuan": (7.5, Qualifier.exact)})
    root = _parse(str(svg(m, corpus, Lang("vi", "index.md"))))
    written = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "v"]
    assert written == ["72,3%", "7,5%"]  # reading order: Lâm Đồng is north of Bình Thuận
    assert int(root.get("width", "0")) <= 320  # drawn 1:1 in a 360 px phone's column
    assert FONT >= 11 and TILE_W * 8 + 14 <= 320


def test_text_from_content_is_escaped(shipped: tuple[Corpus, Computed]) -> None:
    corpus, computed = shipped
    m = _map(corpus, computed, {"lam-dong": (1.0, Qualifier.exact)})
    evil = Text(vi="<b>Lâm & Đồng</b>", en="<b>x</b>")
    tiles = tuple(dataclasses.replace(t, tile=t.tile.model_copy(update={"name": evil, "label": "<i>"})) if t.unit == "lam-dong" else t for t in m.tiles)
    out = str(svg(dataclasses.replace(m, tiles=tiles), corpus, Lang("vi", "index.md")))
    assert "<b>" not in out and "<i>" not in out and "&lt;b&gt;Lâm &amp; Đồng" in out
    _parse(out)  # still well-formed


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_legend_and_table_rows_in_the_page_language(shipped: tuple[Corpus, Computed], lang: i18n.Lang) -> None:
    corpus, computed = shipped
    m = _map(corpus, computed, {"lam-dong": (72.3, Qualifier.exact), "binh-thuan": (7.5, Qualifier.exact), "dak-nong": (80.0, Qualifier.more_than)})
    view = map_view(m, corpus, Lang(lang, "index.md"))
    texts = [i.text for i in view.legend]
    assert texts[0].startswith("7,5%" if lang == "vi" else "7.5%") and texts[-2:] == [i18n.t("map.bound", lang), i18n.t("map.no_data", lang)]
    assert [i.css for i in view.legend][-2:] == ["b", "n"]
    assert [r.unit for r in view.rows] == ["lam-dong", "binh-thuan", "dak-nong"]  # highest first, the bound last
    assert corpus.maps["provinces-2008"].title.vi in view.caption if lang == "vi" else "the 63 provinces before 1 July 2025" in view.caption
