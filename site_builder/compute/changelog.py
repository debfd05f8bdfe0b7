"""The data changelog computed: which rows were added, changed or removed between releases.

Computed from the corpus (its rows and the release manifests validation read), never written by
hand, and without git: the manifest of the current data (table → id → hash of its values, plus its
short fields) is compared with each release manifest (datapackages/releases/<version>.json), each
release with the one before. exports/changelog.py writes it out and cuts releases.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from site_builder.compute.tables import package_tables
from site_builder.compute.versions import data_updated, data_version, package_version
from site_builder.content.corpus import Corpus

FORMAT = 1
HASHED = ("note_vi", "note_en", "locator", "quote", "scope_vi", "scope_en")  # long texts are kept as a hash (the changelog names them in this order)


# json.dumps with any argument but the defaults builds an encoder each call: half a million calls
# a national build. One encoder of the same settings writes the same bytes.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_LINE = json.JSONEncoder(ensure_ascii=False, sort_keys=False)


def digest(value: Any) -> str:
    """A short, stable hash of a JSON-able value."""
    return hashlib.sha256(_CANONICAL.encode(value).encode("utf-8")).hexdigest()[:16]


def kept(name: str, value: str) -> str:
    """A cell as the manifest keeps it: a long text as '#' and a hash of it, anything else as it is.

    The changelog page compares the current text with it, to show a note only when it is still
    the note of that release."""
    return ("#" + digest(value)[:12]) if value and name in HASHED else value


def manifest(corpus: Corpus) -> dict[str, Any]:
    """Every published row: table → id → {hash of all its cells, its fields (long texts hashed)}."""
    tables: dict[str, dict[str, Any]] = {}
    for pkg in corpus.packages.values():
        for table in package_tables(pkg):
            rows = tables.setdefault(table.name, {})
            for row in table.rows:
                cells = dict(zip(table.names, row))
                key = row_key(table.key, cells, row)
                fields = {k: kept(k, v) for k, v in cells.items() if k not in table.key}
                rows[key] = {"hash": digest(list(row)), "fields": fields}
    updated = data_updated(corpus)
    return {
        "format": FORMAT,
        "version": data_version(corpus),
        "updated": updated.isoformat() if updated else None,
        "packages": {name: package_version(pkg) for name, pkg in corpus.packages.items()},
        "tables": {name: dict(sorted(rows.items())) for name, rows in sorted(tables.items())},
    }


def row_key(key: tuple[str, ...], cells: dict[str, str], row: tuple[str, ...]) -> str:
    """What names a row across releases: its id, its primary key's values joined by '|', or, for a
    table without a key (a third-party one may have none), the hash of the row itself: such a row
    that changes shows as one removed and one added."""
    if key and all(k in cells for k in key):
        return "|".join(cells[k] for k in key)
    return "#" + digest(list(row))


def dump_manifest(doc: dict[str, Any]) -> str:
    """JSON with one row per line, so that a release's diff in review shows one line per changed row."""
    one = _LINE.encode

    head = [f" {one(k)}: {one(v)}" for k, v in doc.items() if k != "tables"]
    tables = []
    for name, rows in doc.get("tables", {}).items():
        body = ",\n".join(f"   {one(rid)}: {one(row)}" for rid, row in rows.items())
        tables.append(f"  {one(name)}: {{\n{body}\n  }}" if rows else f"  {one(name)}: {{}}")
    return "{\n" + ",\n".join(head + [' "tables": {\n' + ",\n".join(tables) + "\n }"]) + "\n}\n"


@dataclass(frozen=True)
class Change:
    """One row added, changed or removed. `fields` holds (before, after) for each changed field."""

    table: str
    id: str
    kind: str  # added | changed | removed
    row: dict[str, str]  # the row's fields now (or, when removed, before)
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Release:
    """A release and what changed since the one before. `version` None is the data not yet released."""

    version: str | None
    date: str | None
    previous: str | None
    changes: tuple[Change, ...]
    new_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # table -> columns its rows gained

    def count(self, kind: str, table: str | None = None) -> int:
        return sum(1 for c in self.changes if c.kind == kind and (table is None or c.table == table))

    def count_in(self, kind: str, tables: list[str]) -> int:
        """Changes of this kind to any of these tables (a dataset's)."""
        wanted = set(tables)
        return sum(1 for c in self.changes if c.kind == kind and c.table in wanted)

    @property
    def anchor(self) -> str:
        return "v" + self.version.replace(".", "-") if self.version else "unreleased"

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "date": self.date, "previous": self.previous,
            "counts": {k: self.count(k) for k in ("added", "changed", "removed")},
            "new_columns": {table: list(names) for table, names in self.new_columns.items()},
            "changes": [{"table": c.table, "id": c.id, "change": c.kind, "fields": {k: {"before": a, "after": b} for k, (a, b) in c.fields.items()},
                         "row": c.row} for c in self.changes],
        }


def diff(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[Change, ...]:
    """Row-level differences between two manifests, sorted by table, kind and id.

    A row whose hash changed only because its table gained an empty column (or lost one) has no
    field to show as changed: it is no change to its figure, and new_columns() names the column
    once instead of the log listing every row of the table.
    """
    old_tables = (before or {}).get("tables", {})
    new_tables = after.get("tables", {})
    out = []
    for table in sorted(set(old_tables) | set(new_tables)):
        old, new = old_tables.get(table, {}), new_tables.get(table, {})
        for rid in sorted(set(new) - set(old)):
            out.append(Change(table, rid, "added", new[rid]["fields"]))
        for rid in sorted(set(old) & set(new)):
            if old[rid]["hash"] != new[rid]["hash"]:
                a, b = old[rid]["fields"], new[rid]["fields"]
                fields = {k: (a.get(k, ""), b.get(k, "")) for k in sorted(set(a) | set(b)) if a.get(k, "") != b.get(k, "")}
                if fields:
                    out.append(Change(table, rid, "changed", b, fields))
        for rid in sorted(set(old) - set(new)):
            out.append(Change(table, rid, "removed", old[rid]["fields"]))
    order = {"added": 0, "changed": 1, "removed": 2}
    return tuple(sorted(out, key=lambda c: (c.table, order[c.kind], c.id)))


def new_columns(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Columns the rows of a table have in `after` and had in none of its rows in `before`."""
    out = {}
    for table, rows in after.get("tables", {}).items():
        old_rows = (before or {}).get("tables", {}).get(table, {})
        if not old_rows or not rows:
            continue  # a new table: its rows are added, no column is new to them
        had = {name for row in old_rows.values() for name in row["fields"]}
        has = {name for row in rows.values() for name in row["fields"]}
        if has - had:
            out[table] = tuple(sorted(has - had))
    return out


@dataclass(frozen=True)
class Changelog:
    """The current data's manifest and the releases, newest first: the unreleased changes, then
    each release against the one before."""

    manifest: dict[str, Any]
    releases: list[Release]


def history(corpus: Corpus) -> Changelog:
    """The changelog of the data: hashes every row once (pages and downloads both use it)."""
    current = manifest(corpus)
    out = []
    previous: dict[str, Any] | None = None
    for release in corpus.releases:  # as validation read them, oldest first
        rel: dict[str, Any] = {"release": release.release, "tables": release.tables}
        date = release.date.isoformat() if release.date else None
        out.append(Release(release.release, date, previous["release"] if previous else None, diff(previous, rel), new_columns(previous, rel)))
        previous = rel
    out.append(Release(None, None, previous["release"] if previous else None, diff(previous, current), new_columns(previous, current)))
    return Changelog(current, list(reversed(out)))


