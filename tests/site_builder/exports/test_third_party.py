"""A third-party package is published whole (CSV, XLSX, JSON, the zip, the SQLite database) and
cited as its descriptor credits it: its authors, licence and sources, never this project's."""
from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.compute.changelog import history, manifest
from site_builder.exports.cite import BUNDLE, PUBLISHER, dataset_meta
from site_builder.exports.downloads import write_downloads


@pytest.fixture(scope="module")
def out(third_party: tuple[Corpus, Computed], tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus, computed = third_party
    folder = tmp_path_factory.mktemp("downloads") / "downloads"
    write_downloads(corpus, computed, history(corpus), folder)
    return folder


def test_the_descriptor_is_published_with_the_publishers_own_credits(out: Path, third_party_root: Path) -> None:
    desc = json.loads((out / "datasets/offices/datapackage.json").read_text(encoding="utf-8"))
    source = json.loads((third_party_root / "datapackages/offices/datapackage.json").read_text(encoding="utf-8"))
    assert desc["licenses"] == source["licenses"] and desc["contributors"] == source["contributors"]
    assert desc["version"] == "1.2.0" and PUBLISHER not in json.dumps(desc["contributors"], ensure_ascii=False)
    assert (out / "datasets/offices/data/towns.csv").read_bytes() == (third_party_root / "datapackages/offices/data/towns.csv").read_bytes()
    tallies = json.loads((out / "datasets/tallies/datapackage.json").read_text(encoding="utf-8"))
    assert "licenses" not in tallies and "contributors" not in tallies  # none stated: none invented
    waits = json.loads((out / "datasets/waits/datapackage.json").read_text(encoding="utf-8"))
    assert waits["resources"][0]["data"][2] == ["A2", "n/a"]  # inline data published as written


def test_the_citation_credits_the_package_not_the_site(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    offices = dataset_meta(corpus, "offices")
    assert offices.citation("en") == ("Lê Văn Tâm (n.d.). One-stop offices of a province (version 1.2.0) [data set]. "
                                      "Licence Open Data Commons Attribution License 1.0. Source: Provincial gazetteer 2020. {site}/datasets/offices/")
    assert "publisher = {Open Offices Project}" in offices.bibtex() and PUBLISHER not in offices.bibtex()
    tallies = dataset_meta(corpus, "tallies")
    assert tallies.citation("vi") == "tallies [bộ dữ liệu] (n.d.). Không nêu giấy phép. {site}/datasets/tallies/"
    assert "author" not in tallies.bibtex() and "publisher" not in tallies.bibtex()
    waits = dataset_meta(corpus, "waits")
    assert waits.authors == ("Nhóm khảo sát Bình Minh",)  # a v2 contributor's `roles`
    assert dataset_meta(corpus, "figures").authors == (PUBLISHER,)  # the project's own data stays its own


def test_missing_values_are_blank_and_types_follow_the_schema(out: Path) -> None:
    assert (out / "datasets/waits.csv").read_text(encoding="utf-8") == "counter,minutes\nA1,12\nA2,\nA3,7.5\n"
    doc = json.loads((out / "datasets/waits.json").read_text(encoding="utf-8"))
    assert [r["minutes"] for r in doc["data"]] == [12, None, 7.5]
    offices = json.loads((out / "datasets/offices.json").read_text(encoding="utf-8"))
    sites = offices["more_tables"]["offices_sites"]["data"]
    assert [s["opened"] for s in sites] == ["2019-07-01", None]  # a date in its declared format, as ISO


def test_every_table_is_in_the_database_and_the_zip(out: Path) -> None:
    con = sqlite3.connect(out / "minh-bach.db")
    try:
        assert con.execute("SELECT visitors FROM tallies_doors ORDER BY day").fetchall() == [(40,), (None,), (55,)]
        assert con.execute("SELECT town, people FROM offices_towns").fetchall() == [("Phan Rí; the old town", 12000), ("Liên Hương", None)]
        assert con.execute("SELECT count(*) FROM figures").fetchone() == (3,)
        pk = [row[1] for row in con.execute("PRAGMA table_info(offices_towns)") if row[5]]
        assert pk == ["town"]  # the package's own primary key, not an `id`
    finally:
        con.close()
    names = set(zipfile.ZipFile(out / f"{BUNDLE}.zip").namelist())
    for entry in ("offices/datapackage.json", "offices/data/towns.csv", "offices/data/sites.csv", "tallies/data/doors.tsv",
                  "waits/datapackage.json", "waits.csv", "waits.xlsx", "waits.json", "tallies.xlsx"):
        assert f"{BUNDLE}/{entry}" in names, entry


def test_rows_without_an_id_are_tracked_by_their_key_or_their_content(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    tables = manifest(corpus)["tables"]
    assert set(tables["offices_towns"]) == {"Phan Rí; the old town", "Liên Hương"}
    assert len(tables["tallies_doors"]) == 3 and all(key.startswith("#") for key in tables["tallies_doors"])


def test_datasette_shows_a_third_party_tables_own_licence_and_source(out: Path) -> None:
    tables = json.loads((out / "metadata.json").read_text(encoding="utf-8"))["databases"]["minh-bach"]["tables"]
    assert tables["offices_towns"]["license"] == "Open Data Commons Attribution License 1.0"
    assert tables["offices_towns"]["license_url"] == "https://opendatacommons.org/licenses/by/1-0/"
    assert tables["offices_towns"]["source"] == "Lê Văn Tâm"
    assert tables["tallies_doors"]["license"] == "not stated"
    assert "license" not in tables["figures"]  # the project's own: the database's licence
