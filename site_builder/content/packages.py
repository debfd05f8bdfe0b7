"""datapackages/: read each Frictionless package, validate it, and turn rows into figures.

Frictionless checks types, constraints, keys and foreign keys; the foreign keys into content/
(units, reports, indicators), the single source of truth, are checked here against its ids. A
CSV of a kind frictionless has already validated once in the run (the same descriptor, its name
and path aside) is first given the quick pass of content/rowcheck.py, built on frictionless' own
cell readers: only what it does not pass goes to frictionless, which words every error. On a
large project the pass is made beforehand in a worker, while content/ loads. Checks that need the
content model (a percent over 100, a note for every flag) run here on the typed rows.
"""
from __future__ import annotations

import ast
import codecs
import copy
import csv
import datetime as dt
import hashlib
import json
import logging
import math
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from dataclasses import dataclass
from dataclasses import field as dc_field
from types import SimpleNamespace
from typing import Any, Callable

import frictionless

from site_builder.content import breakdowns, periods
from site_builder.content.corpus import FIGURE_FIELDS, TARGET_FIELDS, Figure, Package, Resource, Target, project_schema
from site_builder.content.qualifiers import Qualifier
from site_builder.error_types import (
    COUNT_INTEGER, CSV_COLUMN_ORDER, CSV_CONTROL, CSV_DELIMITER, CSV_EXTRA_COLUMN, CSV_MISSING_COLUMN,
    CSV_QUOTE, DUPLICATE_ID, ENCODING, FIGURE_ID, FLAG_NOTE, FRICTIONLESS_FAMILY, MISSING_FILE, PACKAGE,
    PATH_ESCAPE, PERCENT_RANGE, PERIOD_MISMATCH, PERIOD_ORDER, QUALIFIER_VALUE, QUOTE_NOT_IN_SOURCE, READING_MISSING,
    BREAKDOWN_FORM, PACKAGE_UNSUPPORTED, STATUS_VALUE, SYMLINK, UNICODE_NFC, UNKNOWN_BREAKDOWN, UNKNOWN_ID, UNLISTED_FILE, VALUE_RANGE, YAML_CONTROL,
)
from site_builder.errors import Loc, Message, Problem, field_path, rel
from site_builder.content.load import Content
from site_builder.content.messages import date_message, kind_of
from site_builder.content.readings import shown_path
from site_builder.content import rowcheck
from site_builder.content.quickpass import quick_pass
from site_builder.content.tabular import CsvError, Dialect, dialect_problem, field_columns, inline_rows, missing_values, physical_line, read_rows
from site_builder.content.yamlio import Located, nfc_problems, parse_json, parse_yaml, read_text

log = logging.getLogger(__name__)



LOOKUP_KINDS = ("units", "reports", "indicators")


def copy_plain(value: Any) -> Any:
    """A deep copy of data read from JSON or YAML (mappings, lists, scalars), four times quicker than
    copy.deepcopy, which a descriptor of thousands of resources, each with its schema, feels."""
    if isinstance(value, dict):
        return {k: copy_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, dt.date)):
        return value  # immutable
    return copy.deepcopy(value)


def split_content_keys(desc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[tuple[str, str]]]]:
    """The descriptor frictionless validates, and the foreign keys into content/ taken out of it.

    Keys to units, reports and indicators are checked against the ids in content/ here rather
    than by frictionless, which would copy and re-read a lookup table for every CSV of the
    package (a cost that grows with CSVs × units). Returns {resource name: [(field, kind)]}.
    """
    check = copy_plain(desc)
    taken: dict[str, list[tuple[str, str]]] = {}
    own = {res.get("name") for res in check["resources"]}  # a package's own resource named `units` is its own table
    for res in check["resources"]:
        schema = res.get("schema")
        if not isinstance(schema, dict):
            continue
        keep = []
        for fk in schema.get("foreignKeys", []):
            fields, kind = fk.get("fields"), fk.get("reference", {}).get("resource")
            fields = [fields] if isinstance(fields, str) else fields
            if kind in LOOKUP_KINDS and kind not in own and isinstance(fields, list) and len(fields) == 1:
                taken.setdefault(res.get("name", ""), []).append((fields[0], kind))
            else:
                keep.append(fk)
        if "foreignKeys" in schema:
            schema["foreignKeys"] = keep
    return check, taken


def _unknown_ids(got: "_Read", keys: list[tuple[str, str]], known: dict[str, set[str]]) -> list[Problem]:
    """A located error for every cell naming a unit, report or indicator that content/ does not have,
    row by row. A column is compared as the set of its ids: only a column with an unknown one is walked.
    `known`: the ids of each kind (Content.known), made once for every CSV."""
    found: list[tuple[int, int, str, str, str]] = []  # (row index, key's place, field, kind, id)
    for place, (fieldname, kind) in enumerate(keys):
        if fieldname not in got.header:
            continue
        i = got.header.index(fieldname)
        column = [row[i] if i < len(row) else "" for row in got.rows]
        unknown = set(column) - known[kind] - {""}
        found += [(index, place, fieldname, kind, value) for index, value in enumerate(column) if value in unknown]
    out = []
    for index, _, fieldname, kind, value in sorted(found):
        line = got.lines[index] if got.lines else index + 2
        _, col = got.position(line, got.header.index(fieldname) + 1)
        out.append(UNKNOWN_ID.at(got.shown, line, col, fieldname, variant="csv", kind=kind[:-1], id=value, folder=kind))
    return out


QUOTE_OR_COMMA = re.compile('[",]')


def _field_columns(line: str) -> list[int]:
    """1-based start column of each CSV field on a physical line: a comma outside double quotes
    starts one (a doubled quote inside a cell toggles twice). Only the quotes and commas are
    visited, found by the regular expression engine: a figure's line is mostly its quote."""
    starts, quoted = [1], False
    for m in QUOTE_OR_COMMA.finditer(line):
        if m.group() == '"':
            quoted = not quoted
        elif not quoted:
            starts.append(m.start() + 2)
    return starts


class _CsvFile:
    """A CSV read once: raw lines for locations, decoded rows for checks."""

    def __init__(self, shown: str, text: str):
        self.shown = shown
        self.lines = csv_lines(text)
        self._starts: tuple[int, list[int]] = (0, [])  # the last line asked for and its columns: a row asks twice

    def col(self, line: int, field_number: int | None) -> int:
        if not field_number or not (1 <= line <= len(self.lines)):
            return 1
        if self._starts[0] != line:
            self._starts = (line, _field_columns(self.lines[line - 1]))
        starts = self._starts[1]
        return starts[field_number - 1] if field_number <= len(starts) else 1


DESCRIPTOR_NAMES = ("datapackage.json", "datapackage.yaml", "datapackage.yml")  # the spec's name first


def resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """`path.resolve()`, each folder resolved once (`folders` keeps them): thousands of CSVs share data/.
    A file that is a link, or a name such as '..', is resolved in full."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    if path.parent not in folders:
        folders[path.parent] = path.parent.resolve()
    return folders[path.parent] / path.name


def descriptor_file(folder: Path) -> Path | None:
    """The package descriptor of a folder under datapackages/, or None when it is no package."""
    return next((folder / name for name in DESCRIPTOR_NAMES if (folder / name).is_file()), None)


def _parse_descriptor(shown: str, text: str) -> tuple[Located | None, list[Problem]]:
    """A descriptor in JSON or YAML, positions kept. Control characters YAML escapes can put in a
    string are refused everywhere but in the dialect, where a line terminator "\r\n" is a setting."""
    doc, problems = (parse_json if shown.endswith(".json") else parse_yaml)(shown, text)
    problems = [p for p in problems if not (p.code == YAML_CONTROL.code and DIALECT_FIELD.search(p.field))]
    return doc, problems


DIALECT_FIELD = re.compile(r"^resources\[\d+\]\.dialect\.(lineTerminator|delimiter|quoteChar|escapeChar|commentChar|nullSequence)$")


def _load_descriptor(folder: Path, root: Path) -> tuple[Located | None, dict[str, Any] | None, list[Problem]]:
    path = descriptor_file(folder)
    assert path is not None
    shown = rel(path, root)
    others = [name for name in DESCRIPTOR_NAMES if name != path.name and (folder / name).is_file()]
    if others:
        return None, None, [PACKAGE_UNSUPPORTED.at(rel(folder / others[0], root), 1, 1, variant="both", other=path.name)]
    text, problems = read_text(shown, path.read_bytes())
    if text is None:
        return None, None, problems
    doc, more = _parse_descriptor(shown, text)
    problems += more
    if doc is None:
        return None, None, problems
    desc = copy.deepcopy(doc.data)
    shape = _descriptor_shape(doc)
    if shape:
        return doc, None, problems + shape
    schemas: dict[str, Any] = {}  # a schema file shared by every report's CSV is read once, not once per CSV
    inside = folder.resolve()
    folders: dict[Path, Path] = {}
    for i, res in enumerate(desc["resources"]):
        schema = res.get("schema")
        if isinstance(schema, str):  # a schema kept in its own file, shared by resources
            spath = (folder / schema)
            if "://" in schema:
                line, col = doc.value_position(("resources", i, "schema"))
                problems.append(PACKAGE_UNSUPPORTED.at(shown, line, col, f"resources[{i}].schema", variant="remote", file=schema))
                return doc, None, problems
            if ".." in Path(schema).parts or Path(schema).is_absolute() or not spath.resolve().is_relative_to(inside):
                line, col = doc.value_position(("resources", i, "schema"))
                problems.append(PATH_ESCAPE.at(shown, line, col, f"resources[{i}].schema", file=schema, folder="the package folder"))
                return doc, None, problems
            if spath.is_symlink() or not spath.is_file():
                line, col = doc.value_position(("resources", i, "schema"))
                problems.append(MISSING_FILE.at(shown, line, col, f"resources[{i}].schema", variant="linked-schema" if spath.is_symlink() else "schema", file=schema))
                return doc, None, problems
            if schema not in schemas:
                stext, sp = read_text(rel(spath, root), spath.read_bytes())
                sdoc, sp2 = ((parse_json if schema.endswith(".json") else parse_yaml)(rel(spath, root), stext or "")
                             if stext is not None else (None, []))
                problems += sp + sp2
                if sdoc is None:
                    return doc, None, problems
                bad = _schema_shape(sdoc, ())
                if bad:
                    return doc, None, problems + bad
                schemas[schema] = sdoc.data
            res["schema"] = copy_plain(schemas[schema])  # its own copy: frictionless and the downloads change what they are given
        rpath = res.get("path")
        if isinstance(rpath, str):
            full = folder / rpath
            if not ("://" in rpath or ".." in Path(rpath).parts or Path(rpath).is_absolute() or full.is_symlink()
                    or not full.is_file() or not resolved(full, folders).is_relative_to(inside)):
                continue  # the usual case: no position is needed (finding one parses the whole descriptor with ruamel)
            line, col = doc.value_position(("resources", i, "path"))
            where = f"resources[{i}].path"
            if "://" in rpath:
                problems.append(PACKAGE_UNSUPPORTED.at(shown, line, col, where, variant="remote", file=rpath))
                return doc, None, problems
            if ".." in Path(rpath).parts or not full.resolve().is_relative_to(inside) or Path(rpath).is_absolute():
                problems.append(PATH_ESCAPE.at(shown, line, col, where, file=rpath, folder="the package folder"))
                return doc, None, problems
            if full.is_symlink():
                problems.append(SYMLINK.at(shown, line, col, where, file=rpath))
                return doc, None, problems
            if not full.is_file():
                problems.append(MISSING_FILE.at(shown, line, col, where, file=rpath))
                return doc, None, problems
    return doc, desc, problems


TABLE_FORMATS = {"csv": ",", "tsv": "\t"}  # format -> its default delimiter


def resource_format(res: dict[str, Any]) -> str:
    """csv, tsv, inline, or what else the resource says it is (its format, or its file's extension)."""
    if "data" in res and "path" not in res:
        return "inline"
    fmt = res.get("format")
    if isinstance(fmt, str) and fmt:
        return fmt.lower()
    path = res.get("path")
    suffix = Path(path).suffix.lower().lstrip(".") if isinstance(path, str) else ""
    return {"txt": "csv", "": "csv"}.get(suffix, suffix)


def _descriptor_shape(doc: Located) -> list[Problem]:
    """What frictionless and this module rely on in a descriptor: a name and resources with name, data and schema.

    Checked before anything reads them, so a descriptor with a missing or mistyped key is a located
    error instead of a KeyError, and a resource the site cannot publish (not a table, on the
    internet, compressed) is refused with what to do about it.
    """
    data = doc.data
    if not isinstance(data, dict):
        return [PACKAGE.at(doc.path, 1, 1, variant="not-mapping", kind=kind_of(data))]

    def at(loc: Loc, message: Message, missing: bool = False) -> Problem:
        line, col = doc.position(loc[:-1]) if missing else doc.value_position(loc)
        return message.at(doc.path, line, col, field_path(loc))

    out = []
    if "name" not in data:
        out.append(at(("name",), PACKAGE.message(variant="missing"), missing=True))
    elif not isinstance(data["name"], str) or not data["name"]:
        out.append(at(("name",), PACKAGE.message(variant="name-type", kind=kind_of(data["name"]))))
    elif "/" in data["name"] or data["name"].startswith(".") or data["name"] in RESERVED_NAMES:
        # the name is the dataset's page (datasets/<name>/) and files: '../x' would write outside the site
        out.append(at(("name",), PACKAGE.message(variant="name-path", name=data["name"])))
    for key in ("title", "description", "title_vi", "description_vi", "version"):
        if key in data and not isinstance(data[key], str):  # a title in several languages as a mapping: the site shows text
            out.append(at((key,), PACKAGE.message(variant="text-type", kind=kind_of(data[key]))))
    updated = data.get("updated")
    if isinstance(updated, str) and not _iso_date(updated):
        out.append(at(("updated",), PACKAGE.message(variant="updated", value=updated)))
    for i, licence in enumerate(data.get("licenses") or [] if isinstance(data.get("licenses"), list) else []):
        if not isinstance(licence, dict) or not (licence.get("name") or licence.get("path")):
            out.append(at(("licenses", i), PACKAGE_UNSUPPORTED.message(variant="licence")))
    resources = data.get("resources")
    if not isinstance(resources, list) or not resources:
        return out + [at(("resources",), PACKAGE.message(variant="no-resources"), missing="resources" not in data)]
    names: dict[str, int] = {}
    for i, res in enumerate(resources):
        if not isinstance(res, dict):
            out.append(at(("resources", i), PACKAGE.message(variant="resource-type", kind=kind_of(res))))
            continue
        out += _resource_shape(doc, res, i, at)
        name = res.get("name")
        if isinstance(name, str) and name in names:
            out.append(at(("resources", i, "name"), PACKAGE.message(variant="resource-twice", name=name, index=names[name])))
        elif isinstance(name, str):
            names[name] = i
    return out


RESERVED_NAMES = ("index",)  # datasets/index.md is the list of every dataset


def _iso_date(text: str) -> bool:
    """Whether `updated` reads as a date (YYYY-MM-DD, a time after it allowed), as the citation reads it."""
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _resource_shape(doc: Located, res: dict[str, Any], i: int, at: Any) -> list[Problem]:
    out: list[Problem] = []
    loc = ("resources", i)
    fmt = resource_format(res)
    if fmt not in TABLE_FORMATS and fmt != "inline":  # not a table: what else is wrong with it does not matter
        return [at(loc + ("format",) if "format" in res else loc + ("path",), PACKAGE_UNSUPPORTED.message(format=fmt))]
    for key in ("title", "description"):
        if key in res and not isinstance(res[key], str):
            out.append(at(loc + (key,), PACKAGE.message(variant="text-type", kind=kind_of(res[key]))))
    for key in ("name", "schema"):
        if key not in res:
            out.append(at(loc + (key,), PACKAGE.message(variant="missing"), missing=True))
        elif key == "schema" and isinstance(res[key], dict):
            out += _schema_shape(doc, loc + ("schema",))
        elif not isinstance(res[key], str) or not res[key]:
            out.append(at(loc + (key,), PACKAGE.message(variant="text-type", kind=kind_of(res[key]))))
    if "path" not in res and "data" not in res:
        out.append(at(loc + ("path",), PACKAGE.message(variant="missing"), missing=True))
    elif "path" in res and isinstance(res["path"], list):
        out.append(at(loc + ("path",), PACKAGE_UNSUPPORTED.message(variant="multipart")))
    elif "path" in res and (not isinstance(res["path"], str) or not res["path"]):
        out.append(at(loc + ("path",), PACKAGE.message(variant="text-type", kind=kind_of(res["path"]))))
    elif "path" not in res and not (isinstance(res["data"], list) and all(isinstance(r, (list, dict)) for r in res["data"])):
        out.append(at(loc + ("data",), PACKAGE_UNSUPPORTED.message(variant="inline")))
    if res.get("compression") or str(res.get("path", "")).lower().endswith((".zip", ".gz", ".bz2", ".xz")):
        out.append(at(loc + ("compression",) if "compression" in res else loc + ("path",), PACKAGE_UNSUPPORTED.message(variant="compression")))
    encoding = res.get("encoding", "utf-8")
    try:
        codecs.lookup(str(encoding))
    except LookupError:
        out.append(at(loc + ("encoding",), PACKAGE_UNSUPPORTED.message(variant="encoding", encoding=str(encoding))))
    if isinstance(res.get("dialect"), str):
        out.append(at(loc + ("dialect",), PACKAGE_UNSUPPORTED.message(variant="dialect-file")))
    else:
        _, bad = dialect_problem(res.get("dialect"), tsv=fmt == "tsv")
        if bad is not None:
            key, why = bad
            out.append(at(loc + ("dialect",) + ((key,) if key else ()), PACKAGE_UNSUPPORTED.message(variant="dialect", why=why)))
    return out


def _schema_shape(doc: Located, loc: Loc) -> list[Problem]:
    """A Table Schema (in its own file, or inline at `loc`) must list fields, each with a name."""
    node: Any = doc.data
    for key in loc:
        node = node[key]
    fields = node.get("fields") if isinstance(node, dict) else None
    if not isinstance(fields, list) or not fields:
        line, col = doc.value_position(loc + ("fields",)) if isinstance(node, dict) and "fields" in node else doc.position(loc)
        return [PACKAGE.at(doc.path, line, col, field_path(loc + ("fields",)), variant="no-fields")]
    out = []
    for i, f in enumerate(fields):
        if not isinstance(f, dict) or not isinstance(f.get("name"), str):
            line, col = doc.position(loc + ("fields", i))
            out.append(PACKAGE.at(doc.path, line, col, field_path(loc + ("fields", i, "name")), variant="field-name"))
            continue
        for key in ("title", "description", "description_vi", "type"):
            if key in f and not isinstance(f[key], str):  # shown on the dataset page as text
                line, col = doc.value_position(loc + ("fields", i, key))
                out.append(PACKAGE.at(doc.path, line, col, field_path(loc + ("fields", i, key)), variant="text-type", kind=kind_of(f[key])))
    return out


def _decode_csv(shown: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [ENCODING.at(shown, 1, 1, variant="utf16")]
    text, problems = read_text(shown, raw, limit=None)  # figures grow with the data: a province's at national scale pass 2 MB
    if text is None:
        return None, problems
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header or "\t" in header and "," not in header:
        sep = "semicolons" if ";" in header else "tabs"
        return None, [CSV_DELIMITER.at(shown, 1, 1, separator=sep)]
    lines = csv_lines(text)
    # the whole text first, as one string; line by line only where something is there to place
    controls = CONTROL.search(text.replace("\r\n", "\n")) is not None  # a line's own \r\n ending is no control
    quotes = '"' in text
    for n, line in enumerate(lines, start=1) if controls or quotes else ():
        if controls and (bad := CONTROL.search(line)):
            return None, [CSV_CONTROL.at(shown, n, bad.start() + 1, codepoint=ord(bad.group()))]
        opened = _unclosed_quote(line)
        if opened:
            return None, [CSV_QUOTE.at(shown, n, opened)]
    # lines are independent for NFC (a line end composes with nothing): one test of the whole text
    return text, [] if unicodedata.is_normalized("NFC", text) else nfc_problems(shown, lines)


# C0 controls other than tab (line ends are split off first), and the separators that
# str.splitlines() and some editors treat as line ends: a row is exactly one physical line.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def csv_lines(text: str) -> list[str]:
    """Physical lines as editors and the csv module count them: split at \\n, a \\r before it dropped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _unclosed_quote(line: str) -> int:
    """1-based column of a quoted cell left open at the end of `line`, else 0 (the csv module's quoting rules:
    a quote opens a cell only at its start, "" inside it is a quote). Goes from quote to quote."""
    opened, i = 0, 0
    while (j := line.find('"', i)) >= 0:
        if not opened:
            if j == 0 or line[j - 1] == ",":
                opened = j + 1
        elif line[j + 1 : j + 2] == '"':
            j += 1  # an escaped quote inside the cell
        else:
            opened = 0  # the cell is closed
        i = j + 1
    return opened


def _check_header(csvf: _CsvFile, fields: list[str]) -> list[Problem]:
    header = next(csv.reader([csvf.lines[0]])) if csvf.lines else []
    return _header_problems(csvf.shown, 1, header, fields, lambda n: csvf.col(1, n))


def _header_problems(shown: str, line: int, header: list[str], fields: list[str], col: Callable[[int], int]) -> list[Problem]:
    """The header row against the schema's fields: each extra column, each missing one, else the order.
    `col` gives the column where the header's n-th name starts, in the file's dialect."""
    out = []
    for name in header:
        if name not in fields:
            out.append(CSV_EXTRA_COLUMN.at(shown, line, col(header.index(name) + 1), name, name=name, expected=", ".join(fields)))
    for name in fields:
        if name not in header:
            out.append(CSV_MISSING_COLUMN.at(shown, line, 1, name, name=name))
    if not out and header != fields:
        out.append(CSV_COLUMN_ORDER.at(shown, line, 1, expected=", ".join(fields)))
    return out


@dataclass
class _Read:
    """A resource's rows as read and checked, before frictionless validates them."""

    shown: str  # the file messages name: the CSV, or the descriptor for inline data
    header: list[str]  # the names in the file's header row, or the schema's when it has none
    rows: list[tuple[str, ...]]  # cells in schema order, missing values blank
    position: Callable[[int, int | None], tuple[int, int]]  # (data row index or row number, field number) -> (line, column)
    data: bytes | None  # the file's bytes as shipped; None for inline data
    lines: list[int] = dc_field(default_factory=list)  # the physical line each row starts on
    first_row: int = 2  # the number frictionless gives the first of `rows` (its header, when there is one, is 1)
    csv_file: "_CsvFile | None" = None  # the project's own CSV, its lines kept for the row checks' columns
    encoding: str = "utf-8"  # the codec the file was decoded with


def _read_resource(folder: Path, root: Path, doc: Located, i: int, res: dict[str, Any]) -> tuple[_Read | None, list[Problem]]:
    """Read one resource: the strict CSV of the project's own schemas, any dialect of any other, or inline data."""
    names = tuple(f["name"] for f in res["schema"]["fields"])
    fmt = resource_format(res)
    dialect, _ = dialect_problem(res.get("dialect"), tsv=fmt == "tsv")
    assert dialect is not None  # the shape check refused a dialect it cannot honour
    missing = missing_values(res["schema"])
    if fmt == "inline":
        return _read_inline(doc, i, res, names, dialect.header, missing)
    path = folder / res["path"]
    # the project's figures and targets: CSVs editors write, held to one row per line
    if project_schema(names) and dialect.canonical and str(res.get("encoding", "utf-8")).lower() in ("utf-8", "utf8"):
        raw = path.read_bytes()
        shown = rel(path, root)
        text, found = _decode_csv(shown, raw)
        if text is None:
            return None, found
        csvf = _CsvFile(shown, text)
        found += _check_header(csvf, list(names))
        if found:
            return None, found
        rows = [tuple(r) for r in csv.reader(csvf.lines[1:])]
        return _Read(csvf.shown, list(names), rows, lambda line, fnum: (line, csvf.col(line, fnum)), raw,
                     list(range(2, len(rows) + 2)), csv_file=csvf), []
    return _read_delimited(path, root, res, names, dialect, missing)


def _read_inline(doc: Located, i: int, res: dict[str, Any], names: tuple[str, ...], header: bool,
                 missing: frozenset[str]) -> tuple[_Read | None, list[Problem]]:
    data = res["data"]
    objects = bool(data) and all(isinstance(item, dict) for item in data)
    head, rows = inline_rows(data, list(names), header)

    def position(row_number: int, fnum: int | None) -> tuple[int, int]:
        # frictionless numbers rows from 1, a header row included: a list's row n is data[n - 1]
        # (its header, if any, is data[0]); records have no header row in `data`, so row n is data[n - 2]
        index = row_number - 2 if objects else row_number - 1
        return doc.position(("resources", i, "data", max(0, min(index, len(data) - 1))))

    problems = []
    if head is not None and header and list(head) != list(names):
        line, col = doc.position(("resources", i, "data", 0))
        problems.append(CSV_COLUMN_ORDER.at(doc.path, line, col, f"resources[{i}].data[0]", expected=", ".join(names)))
    cells = [tuple("" if c in missing else c for c in row) for row in rows]
    return _Read(doc.path, list(head or names), cells, position, None), problems


def _read_delimited(path: Path, root: Path, res: dict[str, Any], names: tuple[str, ...], dialect: Dialect,
                    missing: frozenset[str]) -> tuple[_Read | None, list[Problem]]:
    """A CSV or TSV in its declared dialect and encoding, read row by row (a stream, whatever its size)."""
    shown = rel(path, root)
    raw = path.read_bytes()
    encoding = str(res.get("encoding") or "utf-8")
    if codecs.lookup(encoding).name == "utf-8" and raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"  # spreadsheets write one; frictionless reads past it, and so does the site

    def position(line: int, fnum: int | None) -> tuple[int, int]:
        starts = field_columns(physical_line(raw, encoding, line), dialect)
        return line, starts[fnum - 1] if fnum and fnum <= len(starts) else 1

    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    problems: list[Problem] = []
    # Cells repeat (a province's name on every row, a category, a year): each distinct text is kept
    # once per column, until a column shows itself to hold mostly distinct values (ids, notes).
    memos: list[dict[str, str] | None] = [{} for _ in names]
    try:
        header, header_line, stream = read_rows(raw, encoding, dialect)
        for row in stream:
            cells = row.cells
            for n, cell in enumerate(cells):
                if not cell.isascii() and not unicodedata.is_normalized("NFC", cell):
                    problems.append(UNICODE_NFC.at(shown, *position(row.line, n + 1)))
                if cell in missing:
                    cells[n] = ""
                elif n < len(memos) and (memo := memos[n]) is not None:
                    cells[n] = memo.setdefault(cell, cell)
                    if len(memo) > MEMO_LIMIT:
                        memos[n] = None
            rows.append(tuple(cells))
            lines.append(row.line)
    except CsvError as exc:
        return None, [PACKAGE_UNSUPPORTED.at(shown, exc.line, 1, variant="csv", why=exc.why)]
    except UnicodeDecodeError:
        line, col = _undecodable(raw, encoding)
        return None, [ENCODING.at(shown, line, col)]
    if dialect.header:
        line = header_line or 1
        problems += _header_problems(shown, line, header or [], list(names), lambda n: position(line, n)[1])
    if problems:
        return None, problems
    return _Read(shown, list(header or names), rows, position, raw, lines, first_row=2 if dialect.header else 1, encoding=encoding), []


MEMO_LIMIT = 20_000  # distinct texts a column keeps shared before it counts as mostly distinct


def _undecodable(raw: bytes, encoding: str) -> tuple[int, int]:
    """(line, column) of the first byte that is not text in `encoding`, found a megabyte at a time."""
    decoder = codecs.getincrementaldecoder(encoding)()
    step = 1 << 20
    for start in range(0, len(raw) + 1, step):
        try:
            decoder.decode(raw[start:start + step], final=start + step >= len(raw))
        except UnicodeDecodeError as exc:
            at = max(0, start + exc.start - len(decoder.getstate()[0]))
            return raw[:at].count(b"\n") + 1, at - (raw.rfind(b"\n", 0, at) + 1) + 1
    return 1, 1


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def load_packages(root: Path, content: Content, verdicts: Callable[[], dict[str, bool] | None] = lambda: None
                  ) -> tuple[dict[str, Package], list[Figure], list[Target], list[Problem]]:
    """Validate every package under datapackages/ and return its typed rows. `verdicts` gives the quick
    passes a worker made beforehand (start_quick_verdicts), asked for when the first package needs them."""
    packages: dict[str, Package] = {}
    figures: list[Figure] = []
    targets: list[Target] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}  # (figure|target, id) -> where it was first used
    owners: dict[str, str] = {}  # package name -> its descriptor
    checkers: dict[str, rowcheck.RowChecker | None] = {}  # a schema's quick pass, built once for every CSV of it
    known = {kind: content.known(kind) for kind in LOOKUP_KINDS}  # each a set of thousands of ids: made once
    waited: list[dict[str, bool] | None] = []

    def given() -> dict[str, bool] | None:
        if not waited:
            waited.append(verdicts())
        return waited[0]
    base = root / "datapackages"
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        if descriptor_file(folder) is None:
            continue
        doc, desc, found = _load_descriptor(folder, root)
        problems += found
        if desc is None or doc is None:
            continue
        folders: dict[Path, Path] = {}
        listed = {resolved(folder / res["path"], folders) for res in desc["resources"] if isinstance(res.get("path"), str)}
        for stray in sorted(folder.rglob("*.csv")):
            if resolved(stray, folders) not in listed:  # a report's rows an editor added but never listed would silently not exist
                problems.append(UNLISTED_FILE.at(rel(stray, root), 0, 0, descriptor=doc.path))
        read: dict[str, _Read] = {}
        for i, res in enumerate(desc["resources"]):
            got, found = _read_resource(folder, root, doc, i, res)
            problems += found
            if got is not None:
                read[res["name"]] = got
        if len(read) < len(desc["resources"]):
            continue
        check, content_keys = split_content_keys(desc)
        for name, keys in sorted(content_keys.items()):
            problems += _unknown_ids(read[name], keys, known)
        try:
            tasks, valid = _validate_with_cache(check, folder, root / "build" / "cache" / "validated", {n: r.data for n, r in read.items()},
                                                quick_pass(check, read, checkers, given()))
        except frictionless.FrictionlessException as exc:
            why = "; ".join(dict.fromkeys(r.message for r in getattr(exc, "reasons", []) or [])) or exc.error.message
            problems.append(PACKAGE.at(doc.path, 1, 1, error=why))
            continue
        for task in tasks:
            got = read.get(task.name)
            res_desc = _resource(desc, task.name)
            fields = res_desc.get("schema", {}).get("fields", [])
            said = {getattr(e, "row_number", None) for e in task.errors if not _empty_key(e)}
            for err in task.errors:
                if _empty_key(err) and getattr(err, "row_number", None) in said:
                    continue  # an empty id: the blank row or the required id says it, located
                row = getattr(err, "row_number", None)
                fnum = getattr(err, "field_number", None)
                fname = getattr(err, "field_name", None) or ""
                if not fname and getattr(err, "field_names", None):  # foreign keys name their fields
                    fname = ",".join(err.field_names)
                    columns = [f["name"] for f in fields]
                    fnum = columns.index(err.field_names[0]) + 1 if err.field_names[0] in columns else None
                if got is None:
                    problems.append(FRICTIONLESS_FAMILY.at(doc.path, 1, 1, fname, suffix=err.type, detail=err.message))
                    continue
                line, col = got.position(_line_of(got, row), fnum)
                problems.append(FRICTIONLESS_FAMILY.at(got.shown, line, col, fname, suffix=err.type, detail=_message(err, fields)))
        if not valid:
            continue
        resources = []
        parts: list[bytes] = [json.dumps(desc, sort_keys=True, ensure_ascii=False, default=str).encode()]
        for res in desc["resources"]:
            got = read[res["name"]]
            schema_fields = tuple(res["schema"]["fields"])
            names = tuple(f["name"] for f in schema_fields)
            width = len(names)
            rows = tuple(r if len(r) == width else (r + ("",) * width)[:width] for r in got.rows)
            digest = _digest(got.data if got.data is not None else json.dumps(res.get("data"), sort_keys=True, default=str).encode())
            parts.append(digest.encode())
            resources.append(Resource(res["name"], res["path"] if got.data is not None else "", schema_fields, len(rows),
                                      rows=rows, data=got.data, source=got.shown, digest=digest))
            if project_schema(names):
                dict_rows = [dict(zip(names, r)) for r in rows]
                csvf = got.csv_file or _CsvFile(got.shown, "")  # inline or in another dialect: columns placed at 1
                if names == FIGURE_FIELDS:
                    f, p = _figures(dict_rows, csvf, desc["name"], res["name"], content)
                    figures += f
                    problems += p
                    problems += _duplicate_ids("figure", dict_rows, csvf, seen)
                else:
                    t, p = _targets(dict_rows, csvf, content)
                    targets += t
                    problems += p
                    problems += _duplicate_ids("target", dict_rows, csvf, seen)
        if desc["name"] in owners:
            line, col = doc.value_position(("name",))
            problems.append(DUPLICATE_ID.at(doc.path, line, col, "name", variant="package-name", name=desc["name"], other=owners[desc["name"]]))
            continue
        owners[desc["name"]] = doc.path
        packages[desc["name"]] = Package(desc["name"], desc, tuple(resources), source=doc.path, digest=_digest(*parts))
    given()  # the worker, if any, is done and its process gone, whether or not a package asked
    return packages, figures, targets, problems


def _empty_key(err: Any) -> bool:
    """A row whose primary key cells are all empty (frictionless: 'all "None"')."""
    return bool(err.type == "primary-key" and 'all "None"' in (getattr(err, "note", "") or ""))


def _line_of(got: _Read, row_number: int | None) -> int:
    """The physical line of the row frictionless numbers `row_number` (its header is row 1)."""
    if row_number is None:
        return 1
    if not got.lines:  # inline data: its position function takes the row number
        return row_number
    index = row_number - got.first_row
    if 0 <= index < len(got.lines):
        return got.lines[index]
    return row_number


def _duplicate_ids(kind: str, rows: list[dict[str, str]], csvf: "_CsvFile", seen: dict[tuple[str, str], str]) -> list[Problem]:
    """Ids are unique across every CSV of every package (frictionless checks one CSV at a time)."""
    out = []
    for line, row in enumerate(rows, start=2):
        key = (kind, row["id"])
        if key in seen:
            out.append(DUPLICATE_ID.at(csvf.shown, line, 1, "id", variant="row", kind=kind, id=row["id"], other=seen[key]))
        else:
            seen[key] = f"{csvf.shown}:{line}"
    return out


# A resource validated by one frictionless release is validated again by another. Read once:
# importlib.metadata parses the package's METADATA file on every call.
FRICTIONLESS_VERSION = version("frictionless")


def _validation_key(resource: dict[str, Any], data: bytes | None) -> str:
    """What a resource's validity depends on: its descriptor, its bytes, the frictionless release."""
    digest = hashlib.sha256(json.dumps(resource, sort_keys=True, default=str).encode())
    digest.update(FRICTIONLESS_VERSION.encode())
    if data is not None:  # inline data is in the descriptor, hashed above
        digest.update(data)
    return digest.hexdigest()


ERROR_FIELDS = ("type", "title", "message", "note", "cell", "row_number", "field_number", "field_name", "field_names")
POOL_FROM = 200  # resources; below this, starting worker processes costs more than it saves


def _validate_chunk(args: tuple[dict[str, Any], list[dict[str, Any]], str]) -> tuple[list[SimpleNamespace], bool]:
    """Validate some resources of a package; tasks come back as plain values (they cross processes)."""
    check, pending, folder = args
    report = frictionless.Package(dict(check, resources=pending), basepath=folder).validate()
    tasks = [SimpleNamespace(name=t.name, valid=t.valid, errors=[SimpleNamespace(**{k: getattr(e, k, None) for k in ERROR_FIELDS}) for e in t.errors])
             for t in report.tasks]
    return tasks, report.valid


def _validate_with_cache(check: dict[str, Any], folder: Path, cache: Path, data: dict[str, bytes | None],
                         quick: Callable[[dict[str, Any], str], bool] = lambda res, key: False) -> tuple[list[Any], bool]:
    """Frictionless validation of the resources that changed since they last validated clean.

    Frictionless costs about 20 ms a resource before it reads a row, and a package holds one CSV
    per report: a rebuild re-validates only the CSVs that changed. Of the others, those that
    `quick` passes (content/rowcheck.py: frictionless would find nothing) are not given to
    frictionless, but for one of each descriptor (its name and path aside), so that frictionless
    still validates the package's and every kind of resource's descriptor. What is left is shared
    out over the cores when it is much. A resource is remembered only when it validated
    without error, so every error is reported again on every run. A package whose resources
    still refer to one another is validated whole.
    Returns the tasks of the resources validated and whether they all passed.
    """
    linked = any(res.get("schema", {}).get("foreignKeys") for res in check["resources"] if isinstance(res.get("schema"), dict))
    keys = {res["name"]: _validation_key(res, data.get(res["name"])) for res in check["resources"]}  # the bytes read once, already
    pending = check["resources"] if linked else [res for res in check["resources"] if not (cache / keys[res["name"]]).is_file()]
    if not pending:
        return [], True
    passed: list[dict[str, Any]] = []
    if not linked:
        kinds: set[str] = set()
        left = []
        for res in pending:
            kind = json.dumps({k: v for k, v in res.items() if k not in ("name", "path")}, sort_keys=True, default=str)
            if kind in kinds and quick(res, keys[res["name"]]):
                passed.append(res)
            else:
                kinds.add(kind)  # the first of its kind goes to frictionless, with its descriptor
                left.append(res)
        pending = left
    workers = os.cpu_count() or 1
    if linked or len(pending) < POOL_FROM or workers < 2:
        tasks, valid = _validate_chunk((check, pending, str(folder)))
    else:
        size = -(-len(pending) // (workers * 4))
        chunks = [(check, pending[i:i + size], str(folder)) for i in range(0, len(pending), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(_validate_chunk, chunks))
        tasks = [t for chunk_tasks, _ in done for t in chunk_tasks]
        valid = all(ok for _, ok in done)
    cache.mkdir(parents=True, exist_ok=True)
    for task in tasks:
        if task.valid and not linked:
            (cache / keys[task.name]).touch()
    for res in passed:  # after frictionless accepted the descriptor of their kind
        (cache / keys[res["name"]]).touch()
    return tasks, valid


def _resource(desc: dict[str, Any], name: str) -> dict[str, Any]:
    return next((r for r in desc["resources"] if r.get("name") == name), {})


CONSTRAINT_NOTE = re.compile(r'constraint "(\w+)" is "(.*)"$', re.S)


def _message(err: Any, fields: list[dict[str, Any]]) -> str:
    """Frictionless' finding in the editor's words: the cell as written and what to write instead."""
    note = getattr(err, "note", "") or ""
    kind = err.type
    cell = getattr(err, "cell", "")
    ftype = next((f.get("type", "string") for f in fields if f.get("name") == getattr(err, "field_name", None)), "string")
    if kind == "constraint-error":
        m = CONSTRAINT_NOTE.match(note)
        name, bound = (m.group(1), m.group(2)) if m else ("", "")
        if name == "required":
            return "a value is required"
        if name == "minimum":
            return f"{cell} is below the minimum {bound}"
        if name == "maximum":
            return f"{cell} is above the maximum {bound}"
        if name == "pattern":
            return f"'{cell}' does not match the pattern {bound}"
        if name == "enum":
            try:
                allowed = [str(v) or "(empty)" for v in ast.literal_eval(bound)]
            except (ValueError, SyntaxError):
                allowed = [bound]
            return f"'{cell}' must be one of: {', '.join(allowed)}"
        return f"value '{cell}' breaks a constraint: {note}"
    if kind == "type-error":
        if ftype == "date":
            return date_message(cell)
        if ftype == "number":
            return f"'{cell}' is not a number; write digits with a dot for decimals (72.3), no thousands separator"
        if ftype == "integer":
            return f"'{cell}' is not a whole number"
        return f"value '{cell}' has the wrong type: {note}"
    if kind == "extra-cell":
        return f"row has more cells than the {len(fields)} columns of the header; a cell holding a comma must be in double quotes"
    if kind == "missing-cell":
        return f"row ends before column '{getattr(err, 'field_name', '')}'; every row needs all {len(fields)} columns"
    if kind == "blank-row":
        return "blank row; remove it"
    if kind == "foreign-key":
        return f"unknown id: {note}"
    if kind == "primary-key" and 'all "None"' in note:
        return "the primary key is empty; every row needs a value in its key"
    if kind in ("primary-key", "unique-error"):
        return f"duplicate id: {note}"
    return f"{err.title}: {note}" if note else err.message


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def breakdown_problem(code: str, content: Content) -> Message | None:
    """Why a breakdown code ('channel=hotline', 'cause=system_error;level=district') has no name
    to show visitors or is not written the one way it must be, or None when it is fine."""
    pairs = breakdowns.parse(code)
    for key, value in pairs:
        if key not in content.known("breakdowns"):
            return UNKNOWN_BREAKDOWN.message(key=key)
        dim = content.breakdowns.get(key)
        if dim is not None and dim.value(value) is None:  # a broken dimension file is reported once, by itself
            return UNKNOWN_BREAKDOWN.message(variant="value", value=value, key=key, known=", ".join(v.id for v in dim.values))
    if (twice := breakdowns.repeated(pairs)) is not None:
        return BREAKDOWN_FORM.message(key=twice, code=code)
    if code != breakdowns.canonical(pairs):
        return BREAKDOWN_FORM.message(variant="order", code=code, canonical=breakdowns.canonical(pairs))
    return None


def _figures(rows: list[dict[str, str]], csvf: _CsvFile, dataset: str, resource: str, content: Content) -> tuple[list[Figure], list[Problem]]:
    out, problems = [], []
    cols = {name: i + 1 for i, name in enumerate(FIGURE_FIELDS)}
    squashed: dict[str, str] = {}  # report id -> its source text, squashed once rather than once per row
    # a report's rows repeat their periods and breakdowns: each is read and checked once
    dated: dict[tuple[str, str, str], tuple[dt.date | None, dt.date, tuple[str, Message] | None]] = {}
    parted: dict[str, Message | None] = {}
    for line, row in enumerate(rows, start=2):
        def bad(fieldname: str, message: Message) -> None:
            problems.append(message.at(csvf.shown, line, csvf.col(line, cols[fieldname]), fieldname))
        value = _num(row["value"])
        if value is not None and not math.isfinite(value):  # 1e400, inf: a number frictionless accepts but no count or share
            bad("value", VALUE_RANGE.message(value=row["value"]))
            value = 0.0
        when = (row["period"], row["period_start"], row["period_end"])
        if when not in dated:
            dated[when] = _period(*when)
        start, end, wrong = dated[when]
        if wrong is not None:
            bad(*wrong)
        qualifier = Qualifier(row["qualifier"])
        if qualifier is not Qualifier.exact and value is None:
            bad("qualifier", QUALIFIER_VALUE.message(qualifier=qualifier.value))
        if row["status"] == "missing" and value is not None:
            bad("value", STATUS_VALUE.message())
        if row["status"] == "reported" and value is None:
            bad("value", STATUS_VALUE.message(variant="no-value"))
        ind = content.indicators.get(row["indicator"])
        if ind is not None and ind.unit.value == "percent" and value is not None and value > 100:
            bad("value", PERCENT_RANGE.message(value=row["value"]))
        if ind is not None and ind.unit.value == "count" and value is not None and value != int(value):
            bad("value", COUNT_INTEGER.message(value=row["value"]))
        if row["flag"] and not (row["note_vi"].strip() and row["note_en"].strip()):
            bad("note_vi" if not row["note_vi"].strip() else "note_en", FLAG_NOTE.message(flag=row["flag"]))
        if row["report"] in content.reports and not row["id"].startswith(row["report"] + "-"):
            bad("id", FIGURE_ID.message(report=row["report"]))
        if row["report"] in content.reports and row["quote"].strip() and row["report"] in content.sources:
            if row["report"] not in squashed:
                squashed[row["report"]] = _squash(content.sources[row["report"]])
            if _squash(row["quote"]) not in squashed[row["report"]]:
                bad("quote", QUOTE_NOT_IN_SOURCE.message())
            elif (missing := _reading_missing(row, content)) is not None:
                bad("quote", missing)
        if row["breakdown"] not in parted:
            parted[row["breakdown"]] = breakdown_problem(row["breakdown"], content)
        if (why := parted[row["breakdown"]]) is not None:
            bad("breakdown", why)
        out.append(Figure(
            id=row["id"], report=row["report"], unit=row["unit"], indicator=row["indicator"], period=row["period"],
            period_start=start, period_end=end, breakdown=row["breakdown"], value=value, qualifier=qualifier, status=row["status"],
            locator=row["locator"], quote=row["quote"], flag=row["flag"], note_vi=row["note_vi"], note_en=row["note_en"],
            dataset=dataset, resource=resource, line=line, printed=row["value"].strip(),
            columns=(csvf.col(line, cols["value"]), csvf.col(line, cols["flag"])),
            reading=content.readings.get(row["report"], {}).get(row["quote"], ""),
        ))
    return out, problems


def _period(period: str, start_text: str, end_text: str) -> tuple[dt.date | None, dt.date, tuple[str, Message] | None]:
    """A figure's period: its first and last day, and what is wrong with them (the field and why), if anything."""
    start = dt.date.fromisoformat(start_text) if start_text else None
    end = dt.date.fromisoformat(end_text)
    code = periods.parse(period)
    if start is not None and end < start:
        return start, end, ("period_end", PERIOD_ORDER.message(end=end, start=start))
    if code is None:
        return start, end, ("period", PERIOD_MISMATCH.message(variant="code", period=period, examples=periods.EXAMPLES))
    if (contradiction := periods.date_problem(code, start, end)) is not None:
        return start, end, ("period", PERIOD_MISMATCH.message(why=contradiction))
    return start, end, None


def _reading_missing(row: dict[str, str], content: Content) -> Message | None:
    """A warning when a quote of a source whose diacritics are restored has no readable reading."""
    report = content.reports[row["report"]]
    if not report.source.diacritics_restored or row["quote"] in content.readings.get(row["report"], {}):
        return None
    return READING_MISSING.message(file=shown_path(report.source.file))


def _squash(text: str) -> str:
    """Whitespace-insensitive form, since quotes join lines the source wraps."""
    return " ".join(text.split())


def _targets(rows: list[dict[str, str]], csvf: _CsvFile, content: Content) -> tuple[list[Target], list[Problem]]:
    out, problems = [], []
    cols = {name: i + 1 for i, name in enumerate(TARGET_FIELDS)}
    for line, row in enumerate(rows, start=2):
        value = float(row["target_value"])
        if not math.isfinite(value):
            problems.append(VALUE_RANGE.at(csvf.shown, line, csvf.col(line, cols["target_value"]), "target_value", value=row["target_value"]))
            value = 0.0
        ind = content.indicators.get(row["indicator"])
        if ind is not None and ind.unit.value == "percent" and value > 100:
            problems.append(PERCENT_RANGE.at(csvf.shown, line, csvf.col(line, cols["target_value"]), "target_value", value=row["target_value"]))
        if (why := breakdown_problem(row["scope"], content)) is not None:
            problems.append(why.at(csvf.shown, line, csvf.col(line, cols["scope"]), "scope"))
        if row["report"] in content.reports and row["quote"].strip() and (missing := _reading_missing(row, content)) is not None:
            problems.append(missing.at(csvf.shown, line, csvf.col(line, cols["quote"]), "quote"))
        out.append(Target(
            id=row["id"], report=row["report"], unit=row["unit"], indicator=row["indicator"], comparator=row["comparator"],
            target_value=value, deadline=dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None,
            recurrence=row["recurrence"], scope=row["scope"], scope_vi=row["scope_vi"],
            scope_en=row["scope_en"], locator=row["locator"], quote=row["quote"], note_vi=row["note_vi"], note_en=row["note_en"], line=line,
            reading=content.readings.get(row["report"], {}).get(row["quote"], ""),
        ))
    return out, problems
