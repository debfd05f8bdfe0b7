"""Nothing said beyond the source: partial periods, qualified values, uncertain header fields and
targets without a deadline, as pages, charts, downloads and the API show them.

One project is built once: the minimal project grown by a figure for the first nine months, an
approximate, an estimated and a lower-bound value, a report number read from a damaged copy, and
two targets of a directive that sets no date (one of them yearly).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from site_builder.publish import i18n
from site_builder.publish.build import build

CSV = "datapackages/figures/data/bc-2021.csv"
TARGETS_PACKAGE = """\
name: targets
title: Targets
licenses:
  - name: CC-BY-4.0
    path: https://creativecommons.org/licenses/by/4.0/
resources:
  - name: targets
    path: data/targets.csv
    schema: targets.schema.yaml
"""
TARGET_HEADER = "id,report,unit,indicator,comparator,target_value,deadline,recurrence,scope,scope_vi,scope_en,locator,quote,note_vi,note_en\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Callable[[Path], Path]) -> Path:
    from ruamel.yaml import YAML

    root = minimal_factory(tmp_path_factory.mktemp("qualified") / "proj")
    rows = (root / CSV).read_text(encoding="utf-8")
    rows = rows.replace(",5386,,reported,", ",5386,approx,reported,").replace(",6000,,reported,", ",6000,estimated,reported,")
    rows += ("bc-2021-004,bc-2021,huyen-b,dossiers-received-online,2020,2020-01-01,2020-12-31,,4000,more_than,reported,Mục 1,"
             "Nam 2020 truc tuyen tren 4.000 ho so.,,,\n"
             "bc-2021-005,bc-2021,huyen-b,dossiers-received,2021-9M,2021-01-01,2021-09-30,,5000,,reported,Mục 1,"
             "9 thang dau nam 2021 tiep nhan 5.000 ho so.,,,\n")
    (root / CSV).write_text(rows, encoding="utf-8")
    source = root / "content/sources/bc-2021.txt"
    source.write_text(source.read_text(encoding="utf-8") + "Nam 2020 truc tuyen tren 4.000 ho so.\n9 thang dau nam 2021 tiep nhan 5.000 ho so.\n"
                      "Ty le truc tuyen dat 80% moi nam.\nPhan dau ty le 90%.\n", encoding="utf-8")
    report = root / "content/reports/bc-2021.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("number: 12/BC-UBND\n", "number: 12/BC-UBND\nuncertain: [number]\n"),
                      encoding="utf-8")
    (root / "datapackages/targets/data").mkdir(parents=True)
    (root / "datapackages/targets/datapackage.yaml").write_text(TARGETS_PACKAGE, encoding="utf-8")
    shipped = YAML(typ="safe").load((Path(__file__).resolve().parents[3] / "datapackages/directive-targets/datapackage.yaml").read_text(encoding="utf-8"))
    YAML().dump(shipped["resources"][0]["schema"], root / "datapackages/targets/targets.schema.yaml")
    (root / "datapackages/targets/data/targets.csv").write_text(
        TARGET_HEADER
        + "bc-2021-101,bc-2021,huyen-b,share-online,>=,80,,annual,,,,Mục 1,Ty le truc tuyen dat 80% moi nam.,,\n"
        + "bc-2021-102,bc-2021,huyen-b,share-online,>=,90,,,,,,Mục 1,Phan dau ty le 90%.,,\n", encoding="utf-8")
    build(root)
    return root / "site"


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def article(site: Path, rel: str) -> BeautifulSoup:
    found = page(site, rel).select_one("[data-pagefind-body]")
    assert found is not None
    return found


LANGS = [("vi", ""), ("en", "en/")]


def visible(element: BeautifulSoup) -> str:
    """What a sighted reader sees: the words kept for screen readers left out, spaces normalised."""
    copy = BeautifulSoup(str(element), "lxml")
    for hidden in copy.select(".mb-sr-only"):
        hidden.decompose()
    return " ".join(copy.get_text(" ").replace("\xa0", " ").split())


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_a_partial_period_is_named_and_never_filed_under_the_year(site: Path, lang: i18n.Lang, prefix: str) -> None:
    grid = article(site, f"{prefix}units/huyen-b/index.html").select_one(".mb-grid table")
    assert grid is not None
    headers = [th.get_text(" ", strip=True) for th in grid.select("thead th")][1:]
    assert headers == ([i18n.period_label(c, lang) for c in ("2020", "2021-9M", "2021")])
    assert headers[1] == ("9 tháng đầu năm 2021" if lang == "vi" else "first nine months of 2021")
    row = next(tr for tr in grid.select("tbody tr") if "dossiers-received/" in tr.th.a["href"])
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert cells[1].startswith("5.000" if lang == "vi" else "5,000") and cells[2].startswith("7.447" if lang == "vi" else "7,447")


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_qualified_values_carry_their_marks_linked_to_the_explanation(site: Path, lang: i18n.Lang, prefix: str) -> None:
    grids = article(site, f"{prefix}units/huyen-b/index.html").select(".mb-grid table")  # one per topic
    assert grids
    cells = {a["href"].split("#fig-")[-1]: a.parent for grid in grids for a in grid.select('a[href*="#fig-"]')}
    approx, estimated, bound = cells["bc-2021-002"], cells["bc-2021-003"], cells["bc-2021-004"]
    number = i18n.number
    assert visible(approx) == f"≈ {number(5386, lang)}"
    assert approx.select_one("a.mb-mark--approx")["href"].endswith("about/#mark-approx")
    assert visible(estimated) == f"{number(6000, lang)} ( {'ước tính' if lang == 'vi' else 'est.'} )"
    assert visible(bound) == f"> {number(4000, lang)}"
    for cell, name in ((approx, "approx"), (estimated, "estimated"), (bound, "more_than")):
        mark = cell.select_one(f"a.mb-mark--{name}")
        assert mark["href"].endswith(f"about/#mark-{name}") and mark["title"].startswith(i18n.t("mark.estimated.name" if name == "estimated" else f"mark.{name}", lang))


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_a_share_of_an_estimate_is_marked_and_a_share_of_a_bound_is_not_computed(site: Path, lang: i18n.Lang, prefix: str) -> None:
    body = article(site, f"{prefix}indicators/share-online/index.html")
    # the published-and-recomputed table (the Rankings section above it lists the same share, apart)
    derived = [tr for table in body.select(".mb-derived table") for tr in table.select("tbody tr") if "/units/huyen-b/" in (tr.a or {}).get("href", "") + "/"]
    periods = [tr.select("td")[0].get_text(strip=True) for tr in derived]  # the unit is the row's header, the period its first cell
    assert periods == [i18n.period_label("2021", lang)]  # 2020's online count is "more than 4,000": no share
    assert derived[0].select_one("a.mb-mark--approx") is not None  # 5,386 is approximate, so is 72.3%


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_an_uncertain_report_number_is_marked_wherever_it_is_cited(site: Path, lang: i18n.Lang, prefix: str) -> None:
    report = article(site, f"{prefix}reports/bc-2021/index.html")
    number = next(item for item in report.select(".mb-docmeta > div") if item.dt.get_text(strip=True) == i18n.t("number", lang)).dd
    assert number.select_one("a.mb-mark--uncertain")["href"].endswith("about/#mark-uncertain")
    for rel in ("reports/index.html", "units/huyen-b/index.html", "index.html", "indicators/dossiers-received/index.html", "targets/index.html"):
        body = article(site, prefix + rel)
        cited = [a for a in body.find_all("a") if a.get_text(strip=True) == "12/BC-UBND"] + [
            el for el in body.find_all(string=lambda s: s and "12/BC-UBND" in s)]
        assert cited, rel
        assert body.select("a.mb-mark--uncertain"), rel
    title = page(site, f"{prefix}reports/bc-2021-source/index.html").title.get_text()
    assert f"12/BC-UBND ({i18n.t('mark.uncertain', lang)})" in title


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_targets_without_a_deadline_show_none(site: Path, lang: i18n.Lang, prefix: str) -> None:
    body = article(site, f"{prefix}targets/index.html")
    def cell(tr: Any, column: str) -> str:  # a cell by its column's name, as a phone shows it
        return tr.select_one(f'td[data-label="{i18n.t(column, lang)}"]').get_text(" ", strip=True)

    rows = {cell(tr, "target"): cell(tr, "deadline") for tr in body.select("tbody tr")}
    assert rows == {f"≥ {i18n.quantity(80, 'percent', lang)}": i18n.t("recurrence.annual", lang),
                    f"≥ {i18n.quantity(90, 'percent', lang)}": i18n.t("no_deadline", lang)}
    assert "2025" not in body.get_text() and "31/12" not in body.get_text()


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_the_methodology_page_explains_every_mark_and_every_mark_link_lands_there(site: Path, lang: i18n.Lang, prefix: str) -> None:
    about = page(site, f"{prefix}about/index.html")
    explained = {tr["id"]: tr.td.get_text(" ", strip=True) for tr in about.select(".mb-marks tr[id]")}
    assert list(explained) == [f"mark-{name}" for name in i18n.MARKS]
    assert all(len(text) > 40 for text in explained.values())
    links = 0
    for html in sorted(site.glob(f"{prefix}**/*.html") if prefix else (p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("en/"))):
        for a in page(site, html.relative_to(site).as_posix()).select("a.mb-mark"):
            target = urlsplit(a["href"])
            landed = (html.parent / unquote(target.path) / "index.html").resolve()
            assert landed == (site / prefix / "about/index.html").resolve(), (html, a["href"])
            assert f"mark-{a['class'][1].removeprefix('mb-mark--')}" == target.fragment and target.fragment in explained
            assert a.get("title"), (html, a)
            links += 1
    assert links > 10


def test_charts_draw_only_comparable_periods(site: Path) -> None:
    """Dossiers received: 2020 and 2021 are drawn; the first nine months of 2021 are not set beside them."""
    rows = list(csv.reader(io.StringIO((site / "charts/unit--huyen-b--dossiers.vi.csv").read_text(encoding="utf-8"))))
    assert [r[0] for r in rows[1:]] == ["2020", "2021"]
    assert rows[0][:4] == ["code", "label", "Hồ sơ tiếp nhận", "Hồ sơ tiếp nhận (qualifier)"]
    assert [r[3] for r in rows[1:]] == ["estimated", ""]


def test_downloads_and_api_say_what_the_source_says(site: Path) -> None:
    unit = list(csv.DictReader(io.StringIO((site / "downloads/units/huyen-b.csv").read_text(encoding="utf-8"))))
    assert {r["id"]: r["qualifier"] for r in unit} == {"bc-2021-001": "", "bc-2021-002": "approx", "bc-2021-003": "estimated",
                                                       "bc-2021-004": "more_than", "bc-2021-005": ""}
    api = json.loads((site / "api/reports/bc-2021.json").read_text(encoding="utf-8"))
    assert api["report"]["uncertain"] == ["number"] and api["report"]["data_period"] is None
    nine = next(f for f in api["figures"] if f["id"] == "bc-2021-005")
    assert (nine["period_kind"], nine["period_label"]) == ("months", {"vi": "9 tháng đầu năm 2021", "en": "first nine months of 2021"})
    assert {t["id"]: (t["deadline"], t["recurrence"]) for t in api["targets"]} == {"bc-2021-101": (None, "annual"), "bc-2021-102": (None, None)}
    indicator = json.loads((site / "api/indicators/share-online.json").read_text(encoding="utf-8"))
    assert [(d["period"], d["qualifier"]) for d in indicator["derived"]] == [("2021", "approx")]
    reports = list(csv.DictReader(io.StringIO((site / "downloads/datasets/figures/reports.csv").read_text(encoding="utf-8"))))
    assert reports[0]["uncertain"] == "number" and reports[0]["data_period"] == ""
