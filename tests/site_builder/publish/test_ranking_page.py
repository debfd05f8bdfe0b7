"""The Rankings section of an indicator page: its tables list the computed ranking in order, in
both languages, with the sentence, the change, what stands apart and the CSV link; a cut table
says so (publish.ranking_page)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.compute.derive import Computed
from site_builder.compute.rankings import Entry, Order, Ranking
from site_builder.content.corpus import Corpus
from site_builder.content.model import Level
from site_builder.compute.changelog import history
from site_builder.publish import ranking_page
from site_builder.publish.lang import Lang
from site_builder.publish.pages import render_site

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def section(markdown: str, heading: str) -> BeautifulSoup:
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 3)
    return BeautifulSoup(markdown[start:end if end > 0 else None], "html.parser")


def unit_names(table: BeautifulSoup) -> list[str]:
    return [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")]


@pytest.fixture(scope="module")
def rendered(communes: tuple[Corpus, Computed]) -> dict[str, dict[str, str]]:
    corpus, computed = communes
    return {lang: render_site(corpus, computed, history(corpus), lang, TEMPLATES) for lang in ("vi", "en")}


@pytest.mark.parametrize(("lang", "heading", "sentence", "change"),
                         [("vi", "Xếp hạng", "4 xã có số liệu năm 2021", "+1 điểm %"), ("en", "Rankings", "4 communes with a value for 2021", "+1 pp")])
def test_the_rows_follow_the_computed_ranking(communes: tuple[Corpus, Computed], rendered: dict[str, dict[str, str]],
                                              lang: str, heading: str, sentence: str, change: str) -> None:
    corpus, computed = communes
    page = section(rendered[lang]["indicators/share-late.md"], heading)
    commune = next(lv for lv in computed.rankings["share-late"] if lv.level is Level.commune)
    latest, earlier = commune.rankings[0], commune.rankings[1]
    tables = page.select("table.mb-table__table")
    names = {e.unit: Lang(lang, "").tx_plain(corpus.units[e.unit].name) for e in latest.entries + latest.bounds + earlier.entries}
    assert unit_names(tables[0]) == [names[e.unit] for e in latest.entries]
    ranks = [row.select("td")[0].get_text(" ", strip=True).split(" ")[0] for row in tables[0].select("tbody tr")]
    assert ranks == [str(e.rank) for e in latest.entries]
    assert sentence in page.get_text(" ")
    xa1 = next(row for row in tables[0].select("tbody tr") if row.th and row.th.get_text(strip=True) == names["xa-1"])
    assert xa1.select("td")[-1].get_text(strip=True) == change
    # each value links to the row it was read from
    links = [row.select("td")[1].find("a", href=lambda h: "#fig-" in h)["href"] for row in tables[0].select("tbody tr")]
    assert links == [f"../../reports/bc-xa/#fig-{e.point.figure.id}" for e in latest.entries]
    # the bound beside the latest table; the earlier year in a closed details, in its order
    assert unit_names(tables[1]) == [names[e.unit] for e in latest.bounds]
    details = page.select("details.mb-rank-earlier")[0]
    assert unit_names(details.select("table")[0]) == [names[e.unit] for e in earlier.entries]
    assert page.find("a", href=lambda h: h.endswith("/downloads/indicators/share-late.rankings.csv")) is not None


def test_a_count_is_listed_without_a_rank_column(rendered: dict[str, dict[str, str]]) -> None:
    page = section(rendered["en"]["indicators/dossiers-received.md"], "Rankings")
    table = page.select("div.mb-ranking:not(.mb-apart) table")[0]  # the district's lone count is listed apart, before
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Unit", "Value", "Change"]
    assert "without ranks" in page.get_text(" ")


def test_a_long_ranking_is_cut_and_says_how_many_rows_it_shows(communes: tuple[Corpus, Computed]) -> None:
    corpus, computed = communes
    commune = next(lv for lv in computed.rankings["share-late"] if lv.level is Level.commune)
    latest = commune.rankings[0]
    many: tuple[Entry, ...] = latest.entries * (ranking_page.RANK_ROWS // len(latest.entries) + 1)
    long = replace(commune, rankings=(Ranking(latest.indicator, latest.level, latest.period, latest.end, Order.ranked, many, ()),))
    view = ranking_page.level_views(Lang("en", "indicators/share-late.md"), corpus, "share-late", (long,))[0]
    assert view.latest is not None and len(view.latest.rows) == ranking_page.RANK_ROWS
    assert view.latest.shown_note == f"{ranking_page.RANK_ROWS} of {len(many)} rows shown; the CSV has them all."
