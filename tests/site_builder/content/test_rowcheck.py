"""The quick pass over a CSV's rows (content/rowcheck.py) says "clean" exactly when frictionless does.

Each table below is validated both ways: by the quick pass, and by frictionless itself on the same
CSV in a package of its own. A pass laxer than frictionless would let an error through unreported;
a stricter one would only cost time, but the pass is meant to agree, so equality is asserted.
"""
from __future__ import annotations

import copy
import csv
import io
from pathlib import Path
from typing import Any

import frictionless
import pytest
import yaml

from site_builder.content import rowcheck

ROOT = Path(__file__).resolve().parents[3]
FIGURES = yaml.safe_load((ROOT / "datapackages/cchc-figures/figures.schema.yaml").read_text(encoding="utf-8"))
FIGURES.pop("foreignKeys")  # those into content/ are checked by content/packages.py, not frictionless
GOOD_FIGURES = [
    ["x-2021-001", "x-2021", "u", "dossiers-received", "2021", "2021-01-01", "2021-12-31", "", "7447", "", "reported", "Mục 1", "tiếp nhận 7.447", "", "", ""],
    ["x-2021-002", "x-2021", "u", "share-online", "2022-9M", "2022-01-01", "2022-09-30", "channel=postal;level=commune", "72.3", "more_than", "reported", "Mục 2", "trên 72,3%", "rounding", "ghi chú", "a note"],
    ["x-2021-003", "x-2021", "u", "dossiers-received", "../2023-09-30", "", "2023-09-30", "", "", "", "missing", "Phụ lục", "/", "", "", ""],
]
# a third party's table: other types, a date format, a composite primary key, a unique column
OTHER = {
    "fields": [
        {"name": "code", "type": "string", "constraints": {"unique": True, "minLength": 2, "maxLength": 4}},
        {"name": "year", "type": "integer", "constraints": {"minimum": 2000, "maximum": 2030}},
        {"name": "share", "type": "number", "constraints": {"maximum": 0.75}},
        {"name": "open", "type": "boolean"},
        {"name": "since", "type": "date", "format": "%d/%m/%Y"},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
    ],
    "primaryKey": ["year", "kind"],
}
GOOD_OTHER = [["AB", "2020", "0.5", "true", "01/02/2020", "a"], ["ABC", "2020", "0.25", "false", "", "b"], ["ABCD", "2021", "", "", "31/12/2021", "a"]]

# texts each cell is tried with: wrong types, broken constraints, spaces, values frictionless reads loosely
TRIES = ["", " ", "abc", "0", "-1", "1.0", "1e400", "NaN", "Infinity", " 7447", "7,447", "1_000", "2021", "2021-1-5", "2021-02-31",
         "2021-02-28", "31/12/2021", "TRUE", "yes", "reportd", "reported", "a", "b", "A", "x-2021-001", "x-2021-1", "level=commune;channel=postal",
         "2022-13", "ab\u00a0", "Mục 1"]


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _tables(schema: dict[str, Any], good: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    """The good table and, for each column, each try in its first row; then what no cell shows alone."""
    names = [f["name"] for f in schema["fields"]]
    out = [("good", good)]
    for i, name in enumerate(names):
        for text in TRIES:
            rows = [list(r) for r in good]
            rows[0][i] = text
            out.append((f"{name}={text!r}", rows))
    width = len(names)
    out += [
        ("extra cell", [good[0] + ["x"]] + good[1:]),
        ("missing cell", [good[0][:-1]] + good[1:]),
        ("blank row", [good[0], [""] * width] + good[1:]),
        ("empty line", [good[0], []] + good[1:]),
        ("first row twice", [good[0], good[0]] + good[1:]),
        ("no rows", []),
    ]
    return out


def _frictionless_valid(tmp: Path, schema: dict[str, Any], tables: list[tuple[str, list[list[str]]]]) -> list[bool]:
    names = [f["name"] for f in schema["fields"]]
    resources = []
    for n, (_, rows) in enumerate(tables):
        (tmp / f"t{n}.csv").write_bytes(_csv(names, rows))
        resources.append({"name": f"t{n}", "path": f"t{n}.csv", "schema": copy.deepcopy(schema)})  # frictionless must not share one
    report = frictionless.Package({"name": "p", "resources": resources}, basepath=str(tmp)).validate()
    return [task.valid for task in report.tasks]


@pytest.mark.parametrize("schema,good", [(FIGURES, GOOD_FIGURES), (OTHER, GOOD_OTHER)], ids=["figures", "third-party"])
def test_the_quick_pass_agrees_with_frictionless(tmp_path: Path, schema: dict[str, Any], good: list[list[str]]) -> None:
    tables = _tables(schema, good)
    theirs = _frictionless_valid(tmp_path, schema, tables)
    check = rowcheck.checker(schema)
    assert check is not None
    names = [f["name"] for f in schema["fields"]]
    ours = [check.clean(names, [tuple(r) for r in rows]) for _, rows in tables]
    disagree = [label for (label, _), a, b in zip(tables, ours, theirs) if a != b]
    assert disagree == []
    assert ours[0] and not all(ours)  # the good table passes and many of the others do not


def test_a_header_other_than_the_fields_is_never_clean() -> None:
    check = rowcheck.checker(OTHER)
    assert check is not None
    names = [f["name"] for f in OTHER["fields"]]
    assert check.clean(names, [tuple(r) for r in GOOD_OTHER])
    assert not check.clean(list(reversed(names)), [tuple(r) for r in GOOD_OTHER])
    assert not check.clean(names[:-1], [tuple(r) for r in GOOD_OTHER])


@pytest.mark.parametrize("schema", [
    {"fields": [{"name": "a", "type": "string", "missingValues": ["NA"]}]},  # a field's own missing values
    {"fields": [{"name": "a", "type": "string"}], "missingValues": ["", "NA"]},  # cells read as missing the site leaves as they are
    {"fields": [{"name": "a", "type": "string"}], "foreignKeys": [{"fields": ["a"], "reference": {"resource": "other", "fields": ["id"]}}]},
    {"fields": [{"name": "a", "type": "strin"}]},  # frictionless refuses it, and says why
    {"fields": [{"name": "a"}, {"name": "a"}]},
    {"fields": [{"name": "a"}], "$schema": "https://datapackage.org/profiles/2.0/tableschema.json"},
], ids=["field-missing-values", "missing-values", "foreign-key", "unknown-type", "names-twice", "unknown-key"])
def test_a_schema_the_pass_does_not_honour_is_left_to_frictionless(schema: dict[str, Any]) -> None:
    assert rowcheck.checker(schema) is None


@pytest.mark.parametrize("extra,ok", [
    ({}, True), ({"title": "T", "encoding": "utf-8"}, True), ({"dialect": {"delimiter": ","}}, False), ({"hash": "md5:0"}, False),
    ({"bytes": 10}, False), ({"format": "tsv"}, False), ({"name": "Bad Name"}, False), ({"path": "t.txt"}, False),
], ids=["plain", "title-encoding", "dialect", "hash", "bytes", "tsv", "name", "not-csv"])
def test_only_a_plain_csv_resource_is_eligible(extra: dict[str, Any], ok: bool) -> None:
    res = {"name": "t", "path": "data/t.csv", "schema": OTHER} | extra
    assert rowcheck.eligible(res) is ok


def test_a_file_frictionless_would_split_or_decode_otherwise_is_not_read_alike() -> None:
    plain = _csv(["a", "b"], [["Mục 1", "x"], ["2", "y"]])
    assert rowcheck.read_alike({"name": "t", "path": "t.csv"}, plain, "utf-8")
    semicolons = b'a,b\n"x";"y";"z"\n"p";"q";"r"\n"s";"t";"u"\n'  # frictionless' sniffer takes ';' for the delimiter
    assert csv.Sniffer().sniff(semicolons.decode(), ",\t;|").delimiter == ";"
    assert not rowcheck.read_alike({"name": "t", "path": "t.csv"}, semicolons, "utf-8")
    assert not rowcheck.read_alike({"name": "t", "path": "t.csv", "encoding": "latin-1"}, plain, "utf-8")
    assert rowcheck.read_alike({"name": "t", "path": "t.csv"}, b"\xef\xbb\xbf" + plain, "utf-8-sig")
