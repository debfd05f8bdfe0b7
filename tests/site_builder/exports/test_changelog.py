"""The changelog's data: a row whose table only gained an empty column is no change, and the CSV
download holds every change, a line per changed field."""
from __future__ import annotations

import csv
import io
from typing import Any

from site_builder.compute import changelog
from site_builder.exports.changelog import CSV_COLUMNS, changelog_csv


def manifest(rows: dict[str, dict[str, str]]) -> dict[str, Any]:
    """A manifest of a figures table, each row hashed over its cells as manifest() does."""
    return {"tables": {"figures": {rid: {"hash": changelog.digest(list(f.values())), "fields": f} for rid, f in rows.items()}}}


def test_an_empty_new_column_changes_no_row_and_is_named_once() -> None:
    before = manifest({"a-001": {"value": "1"}, "a-002": {"value": "2"}})
    after = manifest({"a-001": {"value": "1", "qualifier": ""}, "a-002": {"value": "2", "qualifier": "approx"}})
    assert before["tables"]["figures"]["a-001"]["hash"] != after["tables"]["figures"]["a-001"]["hash"]  # what the log used to list
    changes = changelog.diff(before, after)
    assert [(c.id, c.fields) for c in changes] == [("a-002", {"qualifier": ("", "approx")})]
    assert changelog.new_columns(before, after) == {"figures": ("qualifier",)}
    assert changelog.new_columns(None, after) == {}  # a first release: its rows are added, no column is new to them
    assert changelog.new_columns(after, after) == {}


def test_the_csv_has_a_line_per_changed_field_and_per_added_or_removed_row() -> None:
    before = manifest({"a-001": {"report": "a", "value": "1", "flag": ""}, "a-002": {"report": "a", "value": "2", "flag": ""}})
    after = manifest({"a-001": {"report": "a", "value": "10", "flag": "inconsistent"}, "a-003": {"report": "a", "value": "3", "flag": ""}})
    log = changelog.Changelog(after, [changelog.Release("1.1.0", "2025-01-01", "1.0.0", changelog.diff(before, after))])
    rows = list(csv.DictReader(io.StringIO(changelog_csv(log))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["id"], r["change"], r["field"], r["before"], r["after"]) for r in rows] == [
        ("a-003", "added", "", "", "3"),
        ("a-001", "changed", "flag", "", "inconsistent"),
        ("a-001", "changed", "value", "1", "10"),
        ("a-002", "removed", "", "2", ""),
    ]
    assert {r["release"] for r in rows} == {"1.1.0"} and {r["report"] for r in rows} == {"a"}


def test_kept_hashes_long_texts_as_the_manifest_does() -> None:
    assert changelog.kept("note_vi", "Ghi chú") == "#" + changelog.digest("Ghi chú")[:12]
    assert changelog.kept("note_vi", "") == ""  # an empty note stays empty: "added" and "removed" read from it
    assert changelog.kept("value", "7447") == "7447"
