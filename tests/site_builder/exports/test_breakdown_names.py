"""A figure broken down by several dimensions (agency=so-tu-phap;cause=awaiting-verification in the
shipped Đắk Nông report) is named dimension by dimension, in both languages, in every download and
in the API. The expected names are read from content/breakdowns/, not from the code under test."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import openpyxl
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[3]


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def combined_figures() -> list[dict[str, str]]:
    """The shipped figure rows whose breakdown has more than one pair."""
    return [r for p in sorted((ROOT / "datapackages/cchc-figures/data").glob("*.csv")) for r in _rows(p) if ";" in r["breakdown"]]


def names(code: str) -> list[dict[str, str]]:
    """Each pair of a code with the names content/breakdowns gives it."""
    out = []
    for pair in code.split(";"):
        dim_id, value_id = pair.split("=")
        dim = YAML(typ="safe").load((ROOT / "content/breakdowns" / f"{dim_id}.yaml").read_text(encoding="utf-8"))
        (value,) = [v for v in dim["values"] if v["id"] == value_id]
        out.append({"dimension": dim_id, "value": value_id, "dimension_vi": dim["name"]["vi"], "dimension_en": dim["name"]["en"],
                    "value_vi": value["name"]["vi"], "value_en": value["name"]["en"]})
    return out


def test_the_shipped_content_has_figures_of_two_dimensions() -> None:
    rows = combined_figures()
    assert rows, "the Đắk Nông report's late dossiers by agency and cause"
    assert all(len({n["dimension"] for n in names(r["breakdown"])}) == 2 for r in rows)


def test_unit_downloads_name_each_dimension_in_their_language(shipped_site: Path) -> None:
    for row in combined_figures():
        for lang in ("vi", "en"):
            for path in (shipped_site / f"downloads/units/{row['unit']}.{lang}.csv",):
                (got,) = [r for r in _rows(path) if r["id"] == row["id"]]
                assert got["breakdown"] == row["breakdown"]
                for n in names(row["breakdown"]):
                    assert f"{n[f'dimension_{lang}']}: {n[f'value_{lang}']}" in got["breakdown_name"], (path.name, got["breakdown_name"])


def test_everything_below_a_province_as_a_workbook_names_both(shipped_site: Path) -> None:
    row = combined_figures()[0]
    for book in sorted((shipped_site / "downloads/units").glob("*.below.*.xlsx")):
        lang = book.name.split(".")[-2]
        sheet = openpyxl.load_workbook(book, read_only=True)["figures"]
        header, *cells = [list(r) for r in sheet.iter_rows(values_only=True)]
        found = [dict(zip(header, r)) for r in cells if r[header.index("id")] == row["id"]]
        if not found:
            continue
        (got,) = found
        for n in names(row["breakdown"]):
            assert f"{n[f'dimension_{lang}']}: {n[f'value_{lang}']}" in str(got["breakdown_name"])
        return
    raise AssertionError(f"no workbook below a unit holds {row['id']}")


def test_the_breakdowns_table_keys_every_combined_code_in_csv_and_sqlite(shipped_site: Path) -> None:
    codes = {r["breakdown"] for r in combined_figures()}
    table = {r["id"]: r for r in _rows(shipped_site / "downloads/datasets/cchc-figures/breakdowns.csv")}
    for code in codes:
        parts = names(code)
        assert table[code]["dimension"].split(";") == [n["dimension"] for n in parts]
        for lang in ("vi", "en"):
            assert [n[f"value_{lang}"] for n in parts] == table[code][f"name_{lang}"].split("; ")
            assert [n[f"dimension_{lang}"] for n in parts] == table[code][f"dimension_{lang}"].split("; ")
    con = sqlite3.connect(shipped_site / "downloads/minh-bach.db")
    try:
        joined = dict(con.execute("SELECT f.id, b.name_en FROM figures f JOIN breakdowns b ON b.id = f.breakdown WHERE f.breakdown LIKE '%;%'").fetchall())
        assert set(joined) == {r["id"] for r in combined_figures()}
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_the_api_lists_each_dimension_with_both_names(shipped_site: Path) -> None:
    for row in combined_figures():
        for kind, key in (("units", row["unit"]), ("reports", row["report"]), ("indicators", row["indicator"])):
            doc = json.loads((shipped_site / f"api/{kind}/{key}.json").read_text(encoding="utf-8"))
            (fig,) = [f for f in doc["figures"] if f["id"] == row["id"]]
            assert fig["breakdown"] == row["breakdown"]
            assert fig["breakdowns"] == [{"dimension": n["dimension"], "value": n["value"],
                                          "dimension_name": {"vi": n["dimension_vi"], "en": n["dimension_en"]},
                                          "value_name": {"vi": n["value_vi"], "en": n["value_en"]}} for n in names(row["breakdown"])]
    total = json.loads((shipped_site / f"api/units/{combined_figures()[0]['unit']}.json").read_text(encoding="utf-8"))
    assert all(f["breakdowns"] == [] for f in total["figures"] if f["breakdown"] is None)
