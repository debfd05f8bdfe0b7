"""One SQLite database of every table, for Datasette, DB Browser or `sqlite3`.

Tables keep their published columns; numbers are numbers, dates ISO text, empty cells NULL.
Foreign keys are declared (figures.unit → units.id, …) and hold (`PRAGMA foreign_key_check`
is empty). Field descriptions are in a `_fields` table and in a Datasette `metadata.json`.
The file is written fresh in one transaction, rows sorted, so the same data gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

from site_builder.compute.tables import Table, typed

SQL_TYPES = {"number": "NUMERIC", "integer": "INTEGER", "date": "TEXT", "boolean": "INTEGER", "string": "TEXT"}
INDEXED = ("unit", "report", "indicator", "period", "issuer", "parent")
FACETS = {"figures": ["unit", "indicator", "period", "status", "flag"], "targets": ["unit", "indicator", "comparator"],
          "units": ["level", "parent", "reorganisation_2025"], "reports": ["unit", "document_type", "period"], "indicators": ["unit", "field"]}
LABELS = {"units": "name_vi", "reports": "title_vi", "indicators": "name_vi"}
SQLITE_INT = (-(2**63), 2**63 - 1)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def column_names(table: Table) -> dict[str, str]:
    """{column: its name in the database}. SQLite compares names without regard to ASCII case, so a
    table with both `name` and `Name` (distinct to Frictionless) keeps the second as `Name_2`."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for c in table.columns:
        name, n = c.name, 2
        while _fold(name) in taken:
            name, n = f"{c.name}_{n}", n + 1
        taken.add(_fold(name))
        out[c.name] = name
    return out


def _fold(name: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in name)


def _create(table: Table, known: set[str], as_given: frozenset[str] = frozenset()) -> str:
    """CREATE TABLE; the columns in `as_given` are declared without a type, so that SQLite keeps
    each value as it is given (a number of 29 digits, NaN or INF as text) rather than rounding
    them to one REAL (two such keys would then be one)."""
    names = column_names(table)
    cols = []
    for c in table.columns:
        kind = "" if c.name in as_given else SQL_TYPES.get(c.type, "TEXT")
        if table.key == (c.name,):
            # INTEGER PRIMARY KEY would make the column SQLite's rowid, which refuses a number of more digits than 64 bits
            decl = f"{_quote(names[c.name])} {'INT' if kind == 'INTEGER' else kind} PRIMARY KEY NOT NULL".replace("  ", " ")
        else:
            decl = f"{_quote(names[c.name])} {kind}".rstrip()
        cols.append(decl)
    if len(table.key) > 1:
        cols.append(f"PRIMARY KEY ({', '.join(_quote(names[k]) for k in table.key)})")
    for c in table.columns:
        if c.references and c.references in known:
            cols.append(f"FOREIGN KEY ({_quote(names[c.name])}) REFERENCES {_quote(c.references)}(id)")
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"


def _value(kind: str, cell: str, field: dict[str, Any] | None = None) -> Any:
    value = typed(kind, cell, field)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not SQLITE_INT[0] <= value <= SQLITE_INT[1]:
        return cell  # more digits than SQLite's 64-bit integers hold: the text, which SQLite stores as it can
    if isinstance(value, float) and not math.isfinite(value):
        return cell  # SQLite stores NaN as NULL (the cell is not empty) and INF and 1e400 as one same REAL
    if isinstance(value, (list, dict)):  # a geopoint, an object: SQLite keeps JSON text
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def write_database(path: Path, tables: list[Table], about: dict[str, str]) -> None:
    """Write the database at `path` (replacing any old file): every table, `_fields` and `_about`."""
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    known = {t.name for t in tables}
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")
        with con:  # keys are checked once everything is in (rows may point to later rows: units.parent)
            for table in tables:
                rows = [[_value(c.type, cell, c.field) for c, cell in zip(table.columns, row)] for row in table.rows]
                as_given = frozenset(c.name for j, c in enumerate(table.columns)
                                     if SQL_TYPES.get(c.type) in ("INTEGER", "NUMERIC") and any(isinstance(row[j], str) for row in rows))
                con.execute(_create(table, known, as_given))
                marks = ", ".join("?" for _ in table.columns)
                con.executemany(f"INSERT INTO {_quote(table.name)} VALUES ({marks})", rows)
                for c in table.columns:
                    if c.name in INDEXED:
                        con.execute(f"CREATE INDEX {_quote(f'idx_{table.name}_{c.name}')} ON {_quote(table.name)}({_quote(column_names(table)[c.name])})")
            con.execute("CREATE TABLE _fields (\n  \"table\" TEXT NOT NULL,\n  field TEXT NOT NULL,\n  type TEXT NOT NULL,\n"
                        "  description TEXT NOT NULL,\n  references_table TEXT,\n  PRIMARY KEY (\"table\", field)\n)")
            con.executemany("INSERT INTO _fields VALUES (?, ?, ?, ?, ?)",
                            [(t.name, name, c.type, c.description, c.references if c.references in known else None)
                             for t in tables for c, name in zip(t.columns, column_names(t).values())])
            con.execute("CREATE TABLE _about (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
            con.executemany("INSERT INTO _about VALUES (?, ?)", sorted(about.items()))
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"{path.name}: foreign keys broken: {problems[:5]}")
    finally:
        con.close()


def datasette_metadata(tables: list[Table], database: str, about: dict[str, str],
                       credits: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """Datasette's metadata.json: titles, licence, source and a description of every column.

    `credits` gives a third-party table its own licence and source (Datasette shows a table's
    over the database's): the project's CC BY and name are not someone else's data's."""
    meta: dict[str, Any] = {
        "title": about.get("title", "Minh Bạch"),
        "description": about.get("description", ""),
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "Minh Bạch",
    }
    if about.get("site_url", "").startswith("http"):
        meta["source_url"] = about["site_url"]
    tabs: dict[str, Any] = {}
    for t in tables:
        entry: dict[str, Any] = {"title": t.title, "description": t.description,
                                 "columns": {name: c.description for c, name in zip(t.columns, column_names(t).values())}}
        if t.name in FACETS:
            entry["facets"] = [f for f in FACETS[t.name] if f in t.names]
        if t.name in LABELS:
            entry["label_column"] = LABELS[t.name]
        entry.update((credits or {}).get(t.name, {}))
        tabs[t.name] = entry
    tabs["_fields"] = {"title": "Fields", "description": "The description of every column of every table.", "hidden": False}
    tabs["_about"] = {"title": "About", "description": "Version, last update, licence and how to cite."}
    meta["databases"] = {database: {"tables": tabs}}
    return meta


def metadata_json(tables: list[Table], database: str, about: dict[str, str], credits: dict[str, dict[str, str]] | None = None) -> str:
    return json.dumps(datasette_metadata(tables, database, about, credits), ensure_ascii=False, indent=2) + "\n"
