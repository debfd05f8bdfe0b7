"""`site-builder check`: one test per kind of bad input, asserting the exact located message."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main
from site_builder.validate import validate


def errors(root: Path) -> list[str]:
    _, findings = validate(root)
    return [p.text() for p in findings.sorted() if p.severity.value == "error"]


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_project_is_clean(minimal: Path) -> None:
    corpus, findings = validate(minimal)
    assert findings.problems == []
    assert corpus is not None and len(corpus.figures) == 3


def test_cli_exit_codes(minimal: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["check", "--root", str(minimal)])
    assert ok.exit_code == 0, ok.output
    replace(minimal, "content/units/huyen-b.yaml", "level: district", "level: county")
    bad = runner.invoke(main, ["check", "--root", str(minimal)])
    assert bad.exit_code == 1
    assert "content/units/huyen-b.yaml:2:8: level: must be one of: province, district, commune, office or party" in bad.output
    assert "Traceback" not in bad.output


CASES = [
    pytest.param("content/units/huyen-b.yaml", "level: district", "level: county",
                 "content/units/huyen-b.yaml:2:8: level: must be one of: province, district, commune, office or party", id="enum"),
    pytest.param("content/units/huyen-b.yaml", "parent: tinh-a", "parent: tinh-z",
                 "content/units/huyen-b.yaml:3:9: parent: unknown unit 'tinh-z'", id="unknown-parent"),
    pytest.param("content/units/huyen-b.yaml", "level: district", "level: district\ncolour: red",
                 "content/units/huyen-b.yaml:3:1: colour: unknown key; allowed keys: id, level, parent, name, short_name, admin_code, website, reorganisation_2025, description", id="unknown-key"),
    pytest.param("content/units/huyen-b.yaml", "  vi: Huyện B\n", "",
                 "content/units/huyen-b.yaml:4:1: name.vi: required field is missing", id="missing-required"),
    pytest.param("content/reports/bc-2021.yaml", "date: 2021-12-20", "date: 2023-02-31",
                 "content/reports/bc-2021.yaml:6:7: date: '2023-02-31' is not a valid date; write YYYY-MM-DD", id="impossible-date"),
    pytest.param("content/reports/bc-2021.yaml", "end: 2021-12-31", "end: 2020-12-31",
                 "content/reports/bc-2021.yaml:8:3: period: period ends (2020-12-31) before it starts (2021-01-01)", id="period-order"),
    pytest.param("content/reports/bc-2021.yaml", "unit: huyen-b", "unit: huyen-x",
                 "content/reports/bc-2021.yaml:2:7: unit: unknown unit 'huyen-x'", id="unknown-report-unit"),
    pytest.param("content/reports/bc-2021.yaml", "file: bc-2021.txt", "file: ../../etc/passwd.txt",
                 "content/reports/bc-2021.yaml:19:9: source.file: '../../etc/passwd.txt' leaves content/sources/", id="path-escape"),
    pytest.param("content/reports/bc-2021.yaml", "number: 12/BC-UBND", "number: [12",
                 "content/reports/bc-2021.yaml:6:5: YAML syntax error: expected ',' or ']', but got ':'", id="yaml-syntax"),
    pytest.param("content/reports/bc-2021.yaml", "issuer: huyen-b", "issuer: huyen-b\nissuer: tinh-a",
                 'content/reports/bc-2021.yaml:4:1: issuer: duplicate key "issuer" (first defined on line 3)', id="duplicate-key"),
    pytest.param("content/reports/bc-2021.yaml", "  vi: Huyện tiếp nhận", "\tvi: Huyện tiếp nhận",
                 "content/reports/bc-2021.yaml:16:1: tab used for indentation; indent with spaces", id="tab"),
    pytest.param("content/reports/bc-2021.yaml", "  vi: Huyện tiếp nhận", "  vi: Huye\u0302\u0323n tiếp nhận",
                 "content/reports/bc-2021.yaml:16:11: text is not Unicode NFC (decomposed diacritics); run `site-builder fmt`", id="nfd"),
    pytest.param("content/units/huyen-b.yaml", "id: huyen-b", "id: huyen-c",
                 "content/units/huyen-b.yaml:1:5: id: id 'huyen-c' must equal the file name 'huyen-b'", id="id-filename"),
    pytest.param("content/indicators/share-online.yaml", "denominator: dossiers-received", "denominator: dossiers-all",
                 "content/indicators/share-online.yaml:13:16: formula.denominator: unknown indicator 'dossiers-all'", id="unknown-indicator-in-formula"),
    pytest.param("content/units/tinh-a.yaml", "level: province", "level: province\nparent: huyen-b",
                 "content/units/tinh-a.yaml:3:9: parent: a province has no parent", id="province-parent"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021,2021-01-01,2021-12-31,,7447", "2021,2021-01-01,2021-12-31,,-7447",
                 "datapackages/figures/data/bc-2021.csv:2:75: value: value '-7447' breaks a constraint: constraint \"minimum\" is \"0\"", id="negative-count"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "huyen-b,dossiers-received,2021", "huyen-q,dossiers-received,2021",
                 "datapackages/figures/data/bc-2021.csv:2:21: unit: unknown unit 'huyen-q' (no content/units/huyen-q.yaml)", id="csv-unknown-unit"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021-12-31,,5386,reported", "2021-12-31,,5386.5,reported",
                 "datapackages/figures/data/bc-2021.csv:3:82: value: 5386.5 is not a whole number for a count indicator", id="fractional-count"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,abc",
                 "datapackages/figures/data/bc-2021.csv:2:75: value: value 'abc' has the wrong type: type is \"number/default\"", id="wrong-type"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "bc-2021-002,", "bc-2021-001,",
                 "datapackages/figures/data/bc-2021.csv:3:1: id: duplicate id: the same as in the row at position 2", id="duplicate-row-id"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "Nam 2021 tiep nhan 7.447 ho so", "Nam 2021 tiep nhan 7.448 ho so",
                 "datapackages/figures/data/bc-2021.csv:2:95: quote: quote not found verbatim in the report's source text", id="quote-not-in-source"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021-12-31,,7447,reported", "2021-12-31,,,reported",
                 "datapackages/figures/data/bc-2021.csv:2:75: value: status is 'reported' but the value is empty", id="reported-without-value"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021-12-31,,7447,reported", "2021-12-31,colour=red,7447,reported",
                 "datapackages/figures/data/bc-2021.csv:2:74: breakdown: unknown breakdown 'colour': add content/breakdowns/colour.yaml naming it and its values in both languages", id="unknown-breakdown"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "2021-12-31,,7447,reported", "2021-12-31,channel=fax,7447,reported",
                 "datapackages/figures/data/bc-2021.csv:2:74: breakdown: 'fax' is not a value of breakdown 'channel' (known: hotline, postal); add it to content/breakdowns/channel.yaml", id="unknown-breakdown-value"),
    pytest.param("content/breakdowns/channel.yaml", "  - id: postal", "  - id: hotline",
                 "content/breakdowns/channel.yaml:10:9: values[1].id: value 'hotline' is listed twice", id="breakdown-value-twice"),
    pytest.param("datapackages/figures/data/bc-2021.csv", "7447,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,", "7447,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,inconsistent,,",
                 "datapackages/figures/data/bc-2021.csv:2:139: note_vi: flag 'inconsistent' needs a note in both languages", id="flag-without-note"),
]


@pytest.mark.parametrize("rel,old,new,expected", CASES)
def test_bad_input_gets_exact_located_error(minimal: Path, rel: str, old: str, new: str, expected: str) -> None:
    replace(minimal, rel, old, new)
    assert expected in errors(minimal)


def test_unchanged_csvs_skip_frictionless_but_errors_never_hide(minimal: Path) -> None:
    assert errors(minimal) == []
    remembered = sorted((minimal / "build/cache/validated").iterdir())
    assert len(remembered) == 1  # the one CSV, validated clean
    replace(minimal, "datapackages/figures/data/bc-2021.csv", "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,abc")
    wrong = "datapackages/figures/data/bc-2021.csv:2:75: value: value 'abc' has the wrong type: type is \"number/default\""
    assert wrong in errors(minimal)
    assert wrong in errors(minimal)  # a CSV with errors is never remembered
    replace(minimal, "datapackages/figures/data/bc-2021.csv", "2021-01-01,2021-12-31,,abc", "2021-01-01,2021-12-31,,7447")
    assert errors(minimal) == []
    assert sorted((minimal / "build/cache/validated").iterdir()) == remembered


def test_csv_not_listed_in_its_package_is_an_error(minimal: Path) -> None:
    (minimal / "datapackages/figures/data/bc-2022.csv").write_text((minimal / "datapackages/figures/data/bc-2021.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert errors(minimal) == ["datapackages/figures/data/bc-2022.csv:0:0: CSV file not listed in datapackages/figures/datapackage.yaml: add a resource (name, path, schema) for it, or remove it"]


def test_percent_over_100(minimal: Path) -> None:
    path = minimal / "datapackages/figures/data/bc-2021.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("bc-2021-004,bc-2021,huyen-b,share-online,2021,2021-01-01,2021-12-31,,100.5,reported,Mục 1,truc tuyen 5.386 ho so.,,,\n")
    assert "datapackages/figures/data/bc-2021.csv:5:70: value: 100.5 is over 100 for a percent indicator" in errors(minimal)


def test_unit_cycle(minimal: Path) -> None:
    (minimal / "content/units/xa-c.yaml").write_text("id: xa-c\nlevel: commune\nparent: xa-d\nname:\n  vi: Xã C\n  en: C commune\n", encoding="utf-8")
    (minimal / "content/units/xa-d.yaml").write_text("id: xa-d\nlevel: commune\nparent: xa-c\nname:\n  vi: Xã D\n  en: D commune\n", encoding="utf-8")
    found = errors(minimal)
    assert "content/units/xa-c.yaml:3:9: parent: cycle in the unit tree: xa-c → xa-d → xa-c" in found
    assert "content/units/xa-d.yaml:3:9: parent: cycle in the unit tree: xa-d → xa-c → xa-d" in found


@pytest.mark.parametrize("encoding,expected", [
    ("utf-16", "datapackages/figures/data/bc-2021.csv:1:1: file is UTF-16; save it as UTF-8 without BOM"),
    ("utf-8-sig", "datapackages/figures/data/bc-2021.csv:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM"),
    ("cp1258", "datapackages/figures/data/bc-2021.csv:2:91: file is not valid UTF-8; save it as UTF-8"),
])
def test_csv_encodings(minimal: Path, encoding: str, expected: str) -> None:
    path = minimal / "datapackages/figures/data/bc-2021.csv"
    text = path.read_text(encoding="utf-8")
    # Windows-1258 writes Vietnamese with combining tone marks, so decompose first
    path.write_bytes((unicodedata.normalize("NFD", text) if encoding == "cp1258" else text).encode(encoding))
    assert expected in errors(minimal)


def test_csv_wrong_delimiter(minimal: Path) -> None:
    path = minimal / "datapackages/figures/data/bc-2021.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    assert "datapackages/figures/data/bc-2021.csv:1:1: columns are separated by ;; use commas" in errors(minimal)


def test_csv_extra_and_missing_columns(minimal: Path) -> None:
    path = minimal / "datapackages/figures/data/bc-2021.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("breakdown", "subgroup")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = errors(minimal)
    assert "datapackages/figures/data/bc-2021.csv:1:57: subgroup: unexpected column 'subgroup'; expected columns: id, report, unit, indicator, period, period_start, period_end, breakdown, value, status, locator, quote, flag, note_vi, note_en" in found
    assert "datapackages/figures/data/bc-2021.csv:1:1: breakdown: missing column 'breakdown'" in found


def test_every_error_is_collected_not_just_the_first(minimal: Path) -> None:
    replace(minimal, "content/units/huyen-b.yaml", "level: district", "level: county")
    replace(minimal, "content/reports/bc-2021.yaml", "date: 2021-12-20", "date: 2023-02-31")
    replace(minimal, "datapackages/figures/data/bc-2021.csv", "huyen-b,dossiers-received,2021", "huyen-q,dossiers-received,2021")
    assert len(errors(minimal)) >= 3


def test_missing_english_is_a_warning_and_strict_fails(minimal: Path) -> None:
    replace(minimal, "content/reports/bc-2021.yaml", "  en: The district received 7,447 dossiers.\n", "")
    _, findings = validate(minimal)
    assert [p.text() for p in findings.warnings] == [
        "content/reports/bc-2021.yaml:15:1: warning: summary: English translation missing (shown as 'not yet translated')"
    ]
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--root", str(minimal)]).exit_code == 0
    assert runner.invoke(main, ["check", "--root", str(minimal), "--strict"]).exit_code == 1


def test_github_and_json_formats_carry_the_same_locations(minimal: Path) -> None:
    replace(minimal, "content/units/huyen-b.yaml", "parent: tinh-a", "parent: tinh-z")
    runner = CliRunner()
    text = runner.invoke(main, ["check", "--root", str(minimal)]).output
    gh = runner.invoke(main, ["check", "--root", str(minimal), "--format", "github"]).output
    js = json.loads(runner.invoke(main, ["check", "--root", str(minimal), "--format", "json"]).output)
    assert "content/units/huyen-b.yaml:3:9: parent: unknown unit 'tinh-z'" in text
    assert "::error file=content/units/huyen-b.yaml,line=3,col=9,title=unknown-id::parent: unknown unit 'tinh-z'" in gh
    assert {"path": "content/units/huyen-b.yaml", "line": 3, "column": 9, "field": "parent", "message": "unknown unit 'tinh-z'", "code": "unknown-id", "severity": "error"} in js


def test_symlink_is_refused(minimal: Path) -> None:
    (minimal / "content/units/link.yaml").symlink_to(minimal / "content/units/tinh-a.yaml")
    assert "content/units/link.yaml:0:0: symbolic links are not allowed in content/; commit the file itself" in errors(minimal)


def test_very_large_file_is_refused(minimal: Path) -> None:
    (minimal / "content/units/big.yaml").write_text("id: big\n# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    assert "content/units/big.yaml:0:0: file is 2,100,011 bytes; the limit is 2,000,000" in errors(minimal)
