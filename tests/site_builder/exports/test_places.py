"""Downloads of a place (exports/places.py): a unit's rows, and everything below it, with names beside the codes."""
from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from ruamel.yaml import YAML

from site_builder.compute.derive import compute, unit_figures
from site_builder.content.packages import FIGURE_FIELDS
from site_builder.content.validate import validate
from site_builder.compute import changelog
from site_builder.exports.downloads import write_downloads
from site_builder.exports.places import NAMED_COLUMNS, UNIT_COLUMNS, place_downloads, place_rows
from site_builder.publish import i18n

ROOT = Path(__file__).resolve().parents[3]
FIGURES = ROOT / "datapackages/cchc-figures/data"
NAMED = [c.name for c in NAMED_COLUMNS]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def report_ids(report: str) -> list[str]:
    """The ids of a report's rows as shipped, in the package's order."""
    return [r["id"] for r in read_csv(FIGURES / f"{report}.csv")]


def content(kind: str, id: str) -> dict[str, object]:
    data: dict[str, object] = YAML(typ="safe").load((ROOT / "content" / kind / f"{id}.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def units(shipped_site: Path) -> Path:
    return shipped_site / "downloads/units"


# --------------------------------------------------------------------------- which rows


@pytest.mark.parametrize("unit,report,own", [
    ("dak-nong", "dak-nong-vp-ubnd-2021-q3", 5),  # the rows sit under two offices below the province
    ("binh-phuoc", "loc-ninh-pci-2020", 0),  # the province has no rows; its district Lộc Ninh has
    ("quang-ngai", "binh-son-binh-phuoc-2023", 0),  # the commune of Bình Phước, district of Bình Sơn
])
def test_a_province_offers_every_row_below_it(units: Path, unit: str, report: str, own: int) -> None:
    expected = sorted(report_ids(report))
    assert len(expected) == {"dak-nong": 62, "binh-phuoc": 11, "quang-ngai": 107}[unit]
    for lang in ("vi", "en"):
        rows = read_csv(units / f"{unit}.below.{lang}.csv")
        assert [r["id"] for r in rows] == expected, lang  # sorted by id, like the package
        ws = openpyxl.load_workbook(units / f"{unit}.below.{lang}.xlsx")["figures"]
        assert ws.max_row - 1 == len(expected)
        assert [c.value for c in ws["A"][1:]] == expected
    assert len(read_csv(units / f"{unit}.csv")) == own if own else not (units / f"{unit}.csv").exists()


def test_a_unit_without_units_below_has_no_below_files(units: Path) -> None:
    assert (units / "loc-ninh.vi.csv").exists() and not list(units.glob("loc-ninh.below.*"))
    assert not list(units.glob("binh-son-binh-phuoc.below.*"))
    assert not list(units.glob("lam-dong*"))  # no rows at all: no files


def test_below_is_the_union_of_the_own_rows_of_the_unit_and_every_unit_below() -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    computed = compute(corpus)
    rows = place_rows(corpus, computed)
    for uid in corpus.units:
        own = [f.id for f in unit_figures(corpus, computed, uid)]
        assert [f.id for f in rows.own[uid]] == own
        union = sorted({f.id for v in [uid, *corpus.descendants(uid)] for f in unit_figures(corpus, computed, v)})
        if corpus.children(uid) and union:
            assert [f.id for f in rows.below[uid]] == union, uid
            assert set(own) <= set(union)
        else:
            assert uid not in rows.below
        alone = place_rows(corpus, computed, uid)  # what a page asks: the unit's subtree only
        assert alone.own[uid] == rows.own[uid] and alone.below.get(uid) == rows.below.get(uid)


# --------------------------------------------------------------------------- the columns and the names


def test_the_codes_only_csv_keeps_its_address_and_the_package_columns(units: Path) -> None:
    text = (units / "dak-nong-tt-hcc.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(FIGURE_FIELDS)
    package = {r["id"]: r for r in read_csv(FIGURES / "dak-nong-vp-ubnd-2021-q3.csv")}
    rows = read_csv(units / "dak-nong-tt-hcc.csv")
    assert len(rows) == 40 and all(r == package[r["id"]] for r in rows)  # the package's rows, unchanged


def test_names_stand_beside_the_codes_in_each_language(units: Path) -> None:
    vi = {r["id"]: r for r in read_csv(units / "dak-nong.below.vi.csv")}
    en = {r["id"]: r for r in read_csv(units / "dak-nong.below.en.csv")}
    assert list(next(iter(vi.values()))) == NAMED and list(next(iter(en.values()))) == NAMED
    first = "dak-nong-vp-ubnd-2021-q3-001"
    indicator = content("indicators", vi[first]["indicator"])["name"]
    unit = content("units", "dak-nong")["name"]
    assert isinstance(indicator, dict) and isinstance(unit, dict)
    assert vi[first]["indicator_name"] == indicator["vi"] == "TTHC được cắt giảm thời gian giải quyết"
    assert en[first]["indicator_name"] == indicator["en"]
    assert (vi[first]["unit_name"], en[first]["unit_name"]) == (unit["vi"], unit["en"])
    assert (vi[first]["period_label"], en[first]["period_label"]) == ("Quý III/2021", "Q3 2021")
    assert (vi[first]["measure_unit_name"], en[first]["measure_unit_name"]) == ("số lượng", "count")
    assert vi[first]["page"].endswith("/reports/dak-nong-vp-ubnd-2021-q3/#fig-dak-nong-vp-ubnd-2021-q3-001")
    assert en[first]["page"].endswith("/en/reports/dak-nong-vp-ubnd-2021-q3/#fig-dak-nong-vp-ubnd-2021-q3-001")
    assert vi[first]["report_title"] != en[first]["report_title"] and vi[first]["report_number"] == en[first]["report_number"]
    package = {r["id"]: r for r in read_csv(FIGURES / "dak-nong-vp-ubnd-2021-q3.csv")}
    for fid, row in vi.items():
        assert unicodedata.normalize("NFC", row["unit_name"]) == row["unit_name"]
        for col in ("unit", "indicator", "period", "period_start", "period_end", "breakdown", "value", "qualifier", "status", "flag", "report", "locator", "quote"):
            assert row[col] == en[fid][col] == package[fid][col], (fid, col)  # codes and numbers: the same bytes in both
        assert row["note"] == package[fid]["note_vi"] and en[fid]["note"] == package[fid]["note_en"]
    # an OCR quote's restored reading stands beside it, in both languages, from the readings file
    entries = YAML(typ="safe").load((ROOT / "content/sources/dak-nong-vp-ubnd-2021-q3.readings.yaml").read_text(encoding="utf-8"))["readings"]
    readings = {e["ocr"]: e["reading"] for e in entries}
    for fid, row in vi.items():
        if row["report"] == "dak-nong-vp-ubnd-2021-q3":
            assert row["quote_reading"] == en[fid]["quote_reading"] == readings[row["quote"]] != row["quote"]


def test_numbers_stay_machine_readable_in_both_languages(units: Path) -> None:
    for path in units.glob("*.below.*.csv"):
        for row in read_csv(path):
            if row["value"]:
                float(row["value"])  # dot decimal, no thousands separator
                assert "," not in row["value"] and " " not in row["value"], (path.name, row["id"])


def test_a_name_not_yet_translated_is_marked_as_the_site_marks_it(minimal: Path, tmp_path: Path) -> None:
    (minimal / "content/units/huyen-b.yaml").write_text("id: huyen-b\nlevel: district\nparent: tinh-a\nname:\n  vi: Huyện B\n", encoding="utf-8")
    corpus, findings = validate(minimal)
    assert corpus is not None, [p.text() for p in findings.errors]
    out = tmp_path / "out" / "downloads"
    write_downloads(corpus, compute(corpus), changelog.history(corpus), out)
    marked = f"Huyện B ({i18n.t('untranslated', 'en')})"
    assert {r["unit_name"] for r in read_csv(out / "units/huyen-b.en.csv")} == {marked}
    assert {r["unit_name"] for r in read_csv(out / "units/tinh-a.below.en.csv")} == {marked}
    assert {r["unit_name"] for r in read_csv(out / "units/tinh-a.below.vi.csv")} == {"Huyện B"}
    ws = openpyxl.load_workbook(out / "units/tinh-a.below.en.xlsx")["units"]
    names = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert names["huyen-b"][5] == marked and names["huyen-b"][4] == "A province"


# --------------------------------------------------------------------------- the workbook


def test_the_workbook_has_the_rows_the_units_the_fields_and_the_source(units: Path) -> None:
    for lang in ("vi", "en"):
        wb = openpyxl.load_workbook(units / f"dak-nong.below.{lang}.xlsx")
        assert wb.sheetnames == ["figures", "units", "fields", "about"]
        figures = list(wb["figures"].iter_rows(values_only=True))
        assert list(figures[0]) == NAMED
        csv_rows = read_csv(units / f"dak-nong.below.{lang}.csv")
        assert len(figures) - 1 == len(csv_rows) == 62
        value = NAMED.index("value")
        assert all(isinstance(r[value], (int, float)) for r in figures[1:])  # numbers, not text
        assert [float(r[value]) for r in figures[1:]] == [float(r["value"]) for r in csv_rows]
        unit_rows = {r[0]: r for r in wb["units"].iter_rows(min_row=2, values_only=True)}
        assert [c.value for c in wb["units"][1]] == [c.name for c in UNIT_COLUMNS]
        assert set(unit_rows) == {"dak-nong", "dak-nong-vp-ubnd", "dak-nong-tt-hcc"}
        assert unit_rows["dak-nong-tt-hcc"][3] == "dak-nong-vp-ubnd" and unit_rows["dak-nong-vp-ubnd"][3] == "dak-nong"
        assert {k: r[8] for k, r in unit_rows.items()} == {"dak-nong": 5, "dak-nong-vp-ubnd": 17, "dak-nong-tt-hcc": 40}
        assert unit_rows["dak-nong"][2] == {"vi": "Tỉnh", "en": "Province"}[lang]
        about = [r[1] for r in wb["about"].iter_rows(min_row=2, values_only=True)]
        assert "CC BY 4.0" in about and any("cchc-figures" in str(a) for a in about)  # licence and how to cite
        fields = {r[1]: r[3] for r in wb["fields"].iter_rows(min_row=2, values_only=True) if r[0] == "figures"}
        assert set(fields) == set(NAMED) and all(fields.values())
        assert wb.properties.creator == "Minh Bạch" and wb.properties.modified.year >= 2020  # a date from the data


def test_a_second_build_writes_the_same_bytes(units: Path, tmp_path: Path) -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    out = tmp_path / "again" / "downloads"
    write_downloads(corpus, compute(corpus), changelog.history(corpus), out)
    names = sorted(p.name for p in units.iterdir())
    assert names == sorted(p.name for p in (out / "units").iterdir())
    assert any(n.endswith(".xlsx") for n in names)
    for name in names:
        assert (out / "units" / name).read_bytes() == (units / name).read_bytes(), name


# --------------------------------------------------------------------------- what a page offers


def test_place_downloads_lists_the_files_written_with_their_row_counts(shipped_site: Path) -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    computed = compute(corpus)
    offered = 0
    for uid in corpus.units:
        for lang in i18n.LANGS:
            for d in place_downloads(corpus, computed, uid, lang):
                path = shipped_site / d.path
                assert path.is_file(), d
                assert d.key in i18n.STRINGS and d.lang in ("", lang)
                if d.format == "csv":
                    assert len(read_csv(path)) == d.rows, d
                else:
                    assert openpyxl.load_workbook(path)["figures"].max_row - 1 == d.rows, d
                offered += 1
    assert offered > 30
    keys = [d.key for d in place_downloads(corpus, computed, "dak-nong", "en")]
    assert keys == ["download.place_named_csv", "download.place_codes_csv", "download.place_below_csv", "download.place_below_xlsx"]
    assert [d.path for d in place_downloads(corpus, computed, "binh-phuoc", "vi")] == [
        "downloads/units/binh-phuoc.below.vi.csv", "downloads/units/binh-phuoc.below.vi.xlsx"]
    assert place_downloads(corpus, computed, "lam-dong", "vi") == ()
    written = {p.relative_to(shipped_site).as_posix() for p in (shipped_site / "downloads/units").iterdir()}
    listed = {d.path for uid in corpus.units for lang in i18n.LANGS for d in place_downloads(corpus, computed, uid, lang)}
    assert listed == written  # every file of a place is offered on its page
