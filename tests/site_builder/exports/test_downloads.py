"""Every number downloadable, citable and traceable: packages, XLSX, JSON, the bundle, SQLite, the changelog."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import frictionless
import openpyxl
import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from site_builder.compute import changelog
from site_builder.content.releases import load_releases
from site_builder.exports.changelog import ChangelogError, cut_release
from site_builder.exports.changelog import main as changelog_main
from site_builder.compute.derive import compute
from site_builder.exports.downloads import write_downloads
from site_builder.compute.tables import typed
from site_builder.content.validate import validate

ROOT = Path(__file__).resolve().parents[3]


def untyped(kind: str, value: Any) -> str:
    """The inverse of `typed` for values read back from a spreadsheet or database."""
    if value is None:
        return ""
    if kind == "date":
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("number", "integer"):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def downloads_of(root: Path, out: Path) -> Path:
    """write_downloads on a project, without mkdocs: the library-level build of downloads/ (and api/)."""
    corpus, findings = validate(root)
    assert corpus is not None, [p.text() for p in findings.errors]
    write_downloads(corpus, compute(corpus), changelog.history(corpus), out / "downloads")
    return out / "downloads"


def datasets(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "downloads/datasets").glob("*/datapackage.json"))


# --------------------------------------------------------------------------- data packages


def test_every_published_package_validates_inside_the_site(shipped_site: Path) -> None:
    names = datasets(shipped_site)
    assert names == sorted(p.parent.name for p in (ROOT / "datapackages").glob("*/datapackage.yaml"))
    for name in names:
        report = frictionless.validate(shipped_site / "downloads/datasets" / name / "datapackage.json")
        assert report.valid, (name, report.flatten(["rowNumber", "fieldName", "type", "note"]))


def shipped_version(name: str) -> str:
    """The version the shipped descriptor of a package declares."""
    return str(YAML(typ="safe").load((ROOT / "datapackages" / name / "datapackage.yaml").read_text(encoding="utf-8"))["version"])


def released_on(name: str) -> str:
    """The date of the first release holding the package's current version."""
    releases, problems = load_releases(ROOT)
    assert not problems
    dates = [r.date.isoformat() for r in releases if r.packages.get(name) == shipped_version(name) and r.date]
    assert dates, name
    return min(dates)


def test_published_descriptor_has_licence_version_update_sources_contributors_citation(shipped_site: Path) -> None:
    for name in datasets(shipped_site):
        desc = json.loads((shipped_site / "downloads/datasets" / name / "datapackage.json").read_text(encoding="utf-8"))
        assert desc["licenses"][0]["name"] == "CC-BY-4.0"
        assert desc["version"]
        assert desc["version"] == shipped_version(name)
        assert desc["updated"] == released_on(name)  # the date its version was released (datapackages/releases/), not the build time
        assert desc["contributors"] and desc["sources"]
        assert any(s.get("path", "").endswith("/") and "reports/" in s["path"] for s in desc["sources"])
        assert desc["version"] in desc["citation"]["text"] and desc["citation"]["bibtex"].startswith("@misc{")
        for res in desc["resources"]:
            assert all(f.get("description") for f in res["schema"]["fields"]), (name, res["name"])


def test_package_csvs_are_byte_faithful(shipped_site: Path) -> None:
    for src in (ROOT / "datapackages").glob("*/data/*.csv"):
        copy = shipped_site / "downloads/datasets" / src.parent.parent.name / "data" / src.name
        assert copy.read_bytes() == src.read_bytes()


# --------------------------------------------------------------------------- XLSX and JSON


def _sheet_rows(path: Path, sheet: str) -> tuple[list[str], list[tuple]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def test_xlsx_round_trips_against_the_csv(shipped_site: Path) -> None:
    for name in datasets(shipped_site):
        desc = json.loads((shipped_site / "downloads/datasets" / name / "datapackage.json").read_text(encoding="utf-8"))
        types = {f["name"]: f["type"] for f in desc["resources"][0]["schema"]["fields"]}
        csv_rows = read_csv(shipped_site / "downloads/datasets" / f"{name}.csv")
        wb = openpyxl.load_workbook(shipped_site / "downloads/datasets" / f"{name}.xlsx")
        ws = wb.worksheets[0]
        rows = list(ws.iter_rows())
        header = [c.value for c in rows[0]]
        assert header == list(csv_rows[0])
        assert len(rows) - 1 == len(csv_rows)
        for cells, expected in zip(rows[1:], csv_rows):
            for col, cell in zip(header, cells):
                want = expected[col]
                if types[col] == "string" and want:
                    assert cell.data_type == "s", (name, col, cell.coordinate)
                    assert cell.value == want
                elif types[col] == "number" and want:
                    assert float(cell.value) == float(want)
                else:
                    assert untyped(types[col], cell.value) == want, (name, col, cell.coordinate)
        assert {"fields", "about"} <= set(wb.sheetnames)


def test_xlsx_describes_fields_and_how_to_cite(shipped_site: Path) -> None:
    header, rows = _sheet_rows(shipped_site / "downloads/datasets/cchc-figures.xlsx", "fields")
    assert header == ["table", "field", "type", "description"]
    described = {(r[0], r[1]) for r in rows if r[3]}
    assert ("figures", "quote") in described and ("units", "name_vi") in described
    _, about = _sheet_rows(shipped_site / "downloads/datasets/cchc-figures.xlsx", "about")
    facts = dict((r[0], r[1]) for r in about)
    assert facts["version"] == shipped_version("cchc-figures") and facts["bibtex"].startswith("@misc{") and "CC BY 4.0" in facts["cite (en)"]


def test_dataset_json_equals_the_csv(shipped_site: Path) -> None:
    for name in datasets(shipped_site):
        doc = json.loads((shipped_site / "downloads/datasets" / f"{name}.json").read_text(encoding="utf-8"))
        types = {f["name"]: f["type"] for f in doc["fields"]}
        csv_rows = read_csv(shipped_site / "downloads/datasets" / f"{name}.csv")
        assert len(doc["data"]) == len(csv_rows)
        for rec, row in zip(doc["data"], csv_rows):
            for col, text in row.items():
                value = typed(types[col], text)
                assert rec[col] == (value.isoformat() if hasattr(value, "isoformat") else value), (name, col)
        assert doc["license"]["name"] == "CC-BY-4.0" and doc["version"] and doc["citation"]["bibtex"]


TRICKY = {
    "=SUM(A1) tiep nhan 7.447 ho so": "formula",
    "-5 ho so so voi nam 2020": "minus",
    "+84 261 3544 555 duong day nong": "plus",
}


@pytest.fixture
def tricky(minimal: Path) -> Path:
    """The minimal project with quotes that a spreadsheet would read as formulas."""
    quotes = list(TRICKY)
    (minimal / "content/sources/bc-2021.txt").write_text("\n".join(quotes) + "\nNam 2020 tiep nhan 6.000 ho so.\n", encoding="utf-8")
    (minimal / "datapackages/figures/data/bc-2021.csv").write_text(
        "id,report,unit,indicator,period,period_start,period_end,breakdown,value,qualifier,status,locator,quote,flag,note_vi,note_en\n"
        f"bc-2021-001,bc-2021,huyen-b,dossiers-received,2021,2021-01-01,2021-12-31,,7447,,reported,Mục 1,{quotes[0]},,=1+1,#N/A\n"
        f"bc-2021-002,bc-2021,huyen-b,dossiers-received-online,2021,2021-01-01,2021-12-31,,5386,,reported,Mục 1,{quotes[1]},,,\n"
        f"bc-2021-003,bc-2021,huyen-b,dossiers-received,2020,2020-01-01,2020-12-31,,6000,,reported,Mục 1,{quotes[2]},,,\n",
        encoding="utf-8")
    return minimal


def test_text_starting_with_equals_arrives_in_xlsx_as_text(tricky: Path, tmp_path: Path) -> None:
    out = downloads_of(tricky, tmp_path / "out")
    path = out / "datasets/figures.xlsx"
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    cells = {(r[0].value, header[i]): c for r in ws.iter_rows(min_row=2) for i, c in enumerate(r)}
    quote = cells[("bc-2021-001", "quote")]
    assert quote.data_type == "s" and quote.value == "=SUM(A1) tiep nhan 7.447 ho so"
    assert cells[("bc-2021-001", "note_vi")].value == "=1+1" and cells[("bc-2021-001", "note_vi")].data_type == "s"
    assert cells[("bc-2021-001", "note_en")].value == "#N/A" and cells[("bc-2021-001", "note_en")].data_type == "s"
    assert cells[("bc-2021-002", "quote")].value.startswith("-5") and cells[("bc-2021-003", "quote")].value.startswith("+84")
    assert cells[("bc-2021-001", "value")].value == 7447
    with zipfile.ZipFile(path) as z:  # no formula element anywhere in the workbook
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    rows = read_csv(out / "datasets/figures.csv")
    assert [r["quote"] for r in rows] == list(TRICKY)


# --------------------------------------------------------------------------- bundle and SQLite


def test_bundle_zip_holds_every_dataset_sorted_with_fixed_times(shipped_site: Path, tmp_path: Path) -> None:
    path = shipped_site / "downloads/minh-bach-data.zip"
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        for name in datasets(shipped_site):
            for suffix in (".csv", ".xlsx", ".json", "/datapackage.json"):
                entry = f"minh-bach-data/{name}{suffix}"
                assert z.read(entry) == (shipped_site / "downloads/datasets" / f"{name}{suffix}").read_bytes(), entry
        assert "minh-bach-data/minh-bach.db" in names and "minh-bach-data/README.txt" in names
        z.extractall(tmp_path)
    for name in datasets(shipped_site):
        report = frictionless.validate(tmp_path / "minh-bach-data" / name / "datapackage.json")
        assert report.valid, report.flatten(["type", "note"])


def test_sqlite_has_every_table_foreign_keys_and_descriptions(shipped_site: Path) -> None:
    con = sqlite3.connect(shipped_site / "downloads/minh-bach.db")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"figures", "targets", "units", "reports", "indicators", "breakdowns", "_fields", "_about"} <= tables
    assert 7447 in [r[0] for r in con.execute("SELECT value FROM figures WHERE unit = 'dak-nong-tt-hcc' AND indicator = 'dossiers-received'")]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(r[3], r[2]) for r in con.execute("PRAGMA foreign_key_list(figures)")}
    assert fks == {("unit", "units"), ("report", "reports"), ("indicator", "indicators"), ("breakdown", "breakdowns")}
    assert {(r[3], r[2]) for r in con.execute("PRAGMA foreign_key_list(targets)")} >= {("scope", "breakdowns")}
    named = con.execute("SELECT b.dimension_en, b.name_en FROM figures f JOIN breakdowns b ON b.id = f.breakdown "
                        "WHERE f.id = 'loc-ninh-pci-2020-008'").fetchone()
    assert named == ("Channel", "hotline")
    assert {(r[3], r[2]) for r in con.execute("PRAGMA foreign_key_list(units)")} == {("parent", "units"), ("successor_2025", "units")}
    for table in ("figures", "targets", "units", "reports", "indicators", "breakdowns"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        described = {r[0] for r in con.execute("SELECT field FROM _fields WHERE \"table\" = ? AND description != ''", (table,))}
        assert set(cols) == described, table
    count = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert count == sum(len(read_csv(p)) for p in (ROOT / "datapackages/cchc-figures/data").glob("*.csv"))
    assert con.execute("SELECT typeof(value) FROM figures WHERE id = 'tuy-phong-cchc-2011-2020-003'").fetchone()[0] == "real"
    con.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO figures (id, report, unit, indicator, period, period_start, period_end, status, locator, quote) "
                    "VALUES ('x-001', 'no-such-report', 'dak-nong', 'dossiers-received', '2021', '2021-01-01', '2021-12-31', 'reported', 'x', 'x')")
    con.close()


def test_datasette_metadata_describes_every_column(shipped_site: Path) -> None:
    meta = json.loads((shipped_site / "downloads/metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY 4.0"
    tables = meta["databases"]["minh-bach"]["tables"]
    con = sqlite3.connect(shipped_site / "downloads/minh-bach.db")
    for table in ("figures", "targets", "units", "reports", "indicators", "breakdowns"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        assert sorted(tables[table]["columns"]) == sorted(cols)
    con.close()


def test_two_builds_are_byte_identical(shipped_site: Path, tmp_path: Path) -> None:
    out = downloads_of(ROOT, tmp_path / "again")
    for rel in ("minh-bach-data.zip", "minh-bach.db", "metadata.json", "manifest.json", "changelog.json",
                "datasets/cchc-figures.xlsx", "datasets/directive-targets.xlsx", "datasets/cchc-figures.json"):
        assert (out / rel).read_bytes() == (shipped_site / "downloads" / rel).read_bytes(), rel


# --------------------------------------------------------------------------- pages: own rows, provenance, citation


def test_indicator_pages_offer_exactly_their_rows(shipped_site: Path) -> None:
    rows = [r for p in (ROOT / "datapackages/cchc-figures/data").glob("*.csv") for r in read_csv(p)]
    checked = 0
    for ind in (shipped_site / "indicators").glob("*/index.html"):
        iid = ind.parent.name
        expected = sorted(r["id"] for r in rows if r["indicator"] == iid)
        links = [a["href"] for a in page(shipped_site, ind.relative_to(shipped_site).as_posix()).select("a[download]") if a["href"].endswith(f"downloads/indicators/{iid}.csv")]
        if not expected:
            assert links == []
            continue
        assert links, iid
        got = read_csv((ind.parent / links[0]).resolve())
        assert [r["id"] for r in got] == expected
        assert all(r == next(x for x in rows if x["id"] == r["id"]) for r in got)
        checked += 1
    assert checked > 20


def _provenance_links(site: Path, rel: str) -> list[str]:
    # the value's own link; the marks beside it (≈, ⚠, …) link to their explanation instead, and
    # a conflict's number to the note under its table
    return [a["href"] for a in page(site, rel).select(".mb-figures td.mb-num a:not(.mb-mark):not(.mb-conflict-link)")]


def test_every_figure_on_home_unit_and_indicator_pages_reaches_its_quote(shipped_site: Path) -> None:
    quotes = {r["id"]: r["quote"] for p in (ROOT / "datapackages").glob("*/data/*.csv") for r in read_csv(p) if "quote" in r}
    pages = ["index.html", "en/index.html"]
    for kind in ("units", "indicators"):
        pages += [p.relative_to(shipped_site).as_posix() for p in (shipped_site / kind).glob("*/index.html")]
        pages += [p.relative_to(shipped_site).as_posix() for p in (shipped_site / "en" / kind).glob("*/index.html")]
    reports: dict[Path, BeautifulSoup] = {}
    checked = 0
    for rel in pages:
        for href in _provenance_links(shipped_site, rel):
            target, _, anchor = href.partition("#")
            assert anchor.startswith("fig-"), (rel, href)
            file = ((shipped_site / rel).parent / target / "index.html").resolve()
            if file not in reports:
                reports[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
            block = reports[file].find(id=anchor)
            assert block is not None, (rel, href)
            # the verbatim quote: the only blockquote, or, behind an OCR quote's restored reading, the last
            quote = block.find_all("blockquote")[-1].get_text()  # not strip=True: glossary <abbr>s split the text into pieces
            assert " ".join(quote.split()) == " ".join(quotes[anchor[4:]].split()), (rel, href)
            checked += 1
    assert checked > 300


def test_dataset_pages_say_how_to_cite(shipped_site: Path) -> None:
    for name in datasets(shipped_site):
        for lang in ("", "en/"):
            html = page(shipped_site, f"{lang}datasets/{name}/index.html")
            cite = html.select_one("blockquote.mb-cite").get_text(" ", strip=True)
            version = shipped_version(name)
            assert version in cite and f"/datasets/{name}/" in cite and "CC BY 4.0" in cite
            bib = html.select_one("details.mb-bibtex pre").get_text()
            assert bib.startswith("@misc{minhbach_") and f"version   = {{{version}}}" in bib and f"/datasets/{name}/" in bib
            for a in html.select("a[download]"):
                assert ((shipped_site / f"{lang}datasets/{name}") / a["href"]).resolve().is_file(), a["href"]
        index = page(shipped_site, "datasets/index.html")
        assert any(a["href"].endswith(f"{name}/") for a in index.select("a"))


def test_datasets_page_links_every_format_and_the_bundle(shipped_site: Path) -> None:
    for lang in ("", "en/"):
        html = page(shipped_site, f"{lang}datasets/index.html")
        hrefs = [a["href"] for a in html.select("a[download]")]
        for target in ("minh-bach-data.zip", "minh-bach.db", "metadata.json", "cchc-figures.xlsx", "cchc-figures.json", "cchc-figures.csv"):
            assert any(h.endswith(target) for h in hrefs), target
        for h in hrefs:
            assert ((shipped_site / f"{lang}datasets") / h).resolve().is_file(), h


# --------------------------------------------------------------------------- changelog


def test_changelog_diff_reports_added_changed_removed() -> None:
    def manifest(rows: dict[str, dict[str, str]]) -> dict:
        return {"tables": {"figures": {rid: {"hash": changelog.digest(sorted(f.items())), "fields": f} for rid, f in rows.items()}}}

    before = manifest({"a-001": {"value": "1", "quote": "#aaa"}, "a-002": {"value": "2", "quote": "#bbb"}, "a-003": {"value": "3", "quote": "#ccc"}})
    after = manifest({"a-001": {"value": "1", "quote": "#aaa"}, "a-002": {"value": "20", "quote": "#bbb"}, "a-004": {"value": "4", "quote": "#ddd"}})
    changes = changelog.diff(before, after)
    assert [(c.kind, c.id) for c in changes] == [("added", "a-004"), ("changed", "a-002"), ("removed", "a-003")]
    assert changes[1].fields == {"value": ("2", "20")}


def test_release_then_edit_shows_in_the_changelog(minimal: Path) -> None:
    corpus, _ = validate(minimal)
    assert corpus is not None
    path = cut_release(corpus, "1.0.0", date=__import__("datetime").date(2024, 1, 2))
    assert path == minimal / "datapackages/releases/1.0.0.json"
    corpus, _ = validate(minimal)  # the release as validation reads it
    assert corpus is not None
    history = changelog.history(corpus).releases
    assert [(r.version, len(r.changes)) for r in history] == [(None, 0), ("1.0.0", 3)]
    assert history[1].count("added") == 3
    data = minimal / "datapackages/figures/data/bc-2021.csv"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",7447,", ",7450,")
    del lines[3]
    data.write_text("".join(lines), encoding="utf-8")
    corpus, findings = validate(minimal)
    assert corpus is not None, [p.text() for p in findings.errors]
    latest = changelog.history(corpus).releases[0]
    assert latest.version is None and latest.previous == "1.0.0"
    assert [(c.kind, c.id, c.fields) for c in latest.changes] == [("changed", "bc-2021-001", {"value": ("7447", "7450")}), ("removed", "bc-2021-003", {})]
    with pytest.raises(ChangelogError, match="already exists with other data"):
        cut_release(corpus, "1.0.0")
    assert changelog_main(["--root", str(minimal), "--version", "1.1.0", "--date", "2024-02-01"]) == 0
    corpus, _ = validate(minimal)
    assert [r.version for r in changelog.history(corpus).releases] == [None, "1.1.0", "1.0.0"]
    assert changelog.history(corpus).releases[0].changes == ()


def test_changelog_page_and_manifest_in_the_site(shipped_site: Path) -> None:
    manifest = json.loads((shipped_site / "downloads/manifest.json").read_text(encoding="utf-8"))
    figures = manifest["tables"]["figures"]
    assert figures["dak-nong-vp-ubnd-2021-q3-020"]["fields"]["value"] == "7447"
    assert all(len(v["hash"]) == 16 for v in figures.values())
    log = json.loads((shipped_site / "downloads/changelog.json").read_text(encoding="utf-8"))
    versions = [r["version"] for r in log["releases"]]
    assert versions[-1] == "0.1.0" and "0.2.0" in versions  # newest first; the first release last
    for lang in ("", "en/"):
        html = page(shipped_site, f"{lang}changelog/index.html")
        assert html.find(id="v0-1-0") is not None and html.find(id="v0-2-0") is not None


def test_release_manifests_are_well_formed() -> None:
    releases, problems = load_releases(ROOT)
    assert not problems and releases and releases[0].release == "0.1.0"


def test_xlsx_sheets_have_a_frozen_bold_header_a_filter_and_widths(shipped_site: Path) -> None:
    wb = openpyxl.load_workbook(shipped_site / "downloads/datasets/cchc-figures.xlsx")
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}"
    assert all(c.font.b for c in ws[1])
    assert ws.column_dimensions["A"].width > 10  # sized to the ids, not Excel's default 8.43
    dates = [c for c in ws[2] if isinstance(c.value, dt.datetime)]
    assert dates and all(c.number_format == "yyyy-mm-dd" for c in dates)
    assert wb.properties.creator == "Minh Bạch" and wb.properties.modified.year >= 2020
