"""datapackages/: read each Frictionless package, validate it, and turn rows into figures.

Frictionless checks types, constraints, keys and foreign keys; the tables that foreign keys
point to (units, reports, indicators) are generated from content/, the single source of truth,
and injected before validation. Checks that need the content model (a percent over 100, a note
for every flag) run here on the typed rows.
"""
from __future__ import annotations

import ast
import copy
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import math
import os
import re
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import frictionless

from site_builder.content import periods
from site_builder.content.corpus import Figure, Package, Resource, Target
from site_builder.content.qualifiers import Qualifier
from site_builder.error_types import (
    COUNT_INTEGER, CSV_COLUMN_ORDER, CSV_CONTROL, CSV_DELIMITER, CSV_EXTRA_COLUMN, CSV_MISSING_COLUMN,
    CSV_QUOTE, DUPLICATE_ID, ENCODING, FIGURE_ID, FLAG_NOTE, FRICTIONLESS_FAMILY, MISSING_FILE, PACKAGE,
    PATH_ESCAPE, PERCENT_RANGE, PERIOD_MISMATCH, PERIOD_ORDER, QUALIFIER_VALUE, QUOTE_NOT_IN_SOURCE,
    STATUS_VALUE, SYMLINK, UNKNOWN_BREAKDOWN, UNKNOWN_ID, UNLISTED_FILE, VALUE_RANGE,
)
from site_builder.errors import Loc, Message, Problem, field_path, rel
from site_builder.content.load import Content
from site_builder.content.messages import date_message, kind_of
from site_builder.content.yamlio import Located, nfc_problems, parse_yaml, read_text

log = logging.getLogger(__name__)

FIGURE_FIELDS = ("id", "report", "unit", "indicator", "period", "period_start", "period_end", "breakdown", "value", "qualifier", "status", "locator", "quote", "flag", "note_vi", "note_en")
TARGET_FIELDS = ("id", "report", "unit", "indicator", "comparator", "target_value", "deadline", "recurrence", "scope", "scope_vi", "scope_en", "locator", "quote", "note_vi", "note_en")


LOOKUP_KINDS = ("units", "reports", "indicators")


def split_content_keys(desc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[tuple[str, str]]]]:
    """The descriptor frictionless validates, and the foreign keys into content/ taken out of it.

    Keys to units, reports and indicators are checked against the ids in content/ here rather
    than by frictionless, which would copy and re-read a lookup table for every CSV of the
    package (a cost that grows with CSVs × units). Returns {resource name: [(field, kind)]}.
    """
    check = copy.deepcopy(desc)
    taken: dict[str, list[tuple[str, str]]] = {}
    for res in check["resources"]:
        schema = res.get("schema")
        if not isinstance(schema, dict):
            continue
        keep = []
        for fk in schema.get("foreignKeys", []):
            fields, kind = fk.get("fields"), fk.get("reference", {}).get("resource")
            fields = [fields] if isinstance(fields, str) else fields
            if kind in LOOKUP_KINDS and isinstance(fields, list) and len(fields) == 1:
                taken.setdefault(res.get("name", ""), []).append((fields[0], kind))
            else:
                keep.append(fk)
        if "foreignKeys" in schema:
            schema["foreignKeys"] = keep
    return check, taken


def _unknown_ids(csvf: "_CsvFile", keys: list[tuple[str, str]], content: Content) -> list[Problem]:
    """A located error for every cell naming a unit, report or indicator that content/ does not have."""
    out = []
    header = next(csv.reader([csvf.lines[0]])) if csvf.lines else []
    known = {kind: content.known(kind) for _, kind in keys}
    for line, row in enumerate(csv.DictReader(io.StringIO("\n".join(csvf.lines))), start=2):
        for fieldname, kind in keys:
            value = row.get(fieldname) or ""
            if value and value not in known[kind]:
                col = csvf.col(line, header.index(fieldname) + 1) if fieldname in header else 1
                out.append(UNKNOWN_ID.at(csvf.shown, line, col, fieldname, variant="csv", kind=kind[:-1], id=value, folder=kind))
    return out


def _field_columns(line: str) -> list[int]:
    """1-based start column of each CSV field on a physical line."""
    starts, quoted, i = [1], False, 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(i + 2)
        i += 1
    return starts


class _CsvFile:
    """A CSV read once: raw lines for locations, decoded rows for checks."""

    def __init__(self, shown: str, text: str):
        self.shown = shown
        self.lines = csv_lines(text)

    def col(self, line: int, field_number: int | None) -> int:
        if not field_number or not (1 <= line <= len(self.lines)):
            return 1
        starts = _field_columns(self.lines[line - 1])
        return starts[field_number - 1] if field_number <= len(starts) else 1


def _load_descriptor(folder: Path, root: Path) -> tuple[Located | None, dict[str, Any] | None, list[Problem]]:
    path = folder / "datapackage.yaml"
    shown = rel(path, root)
    text, problems = read_text(shown, path.read_bytes())
    if text is None:
        return None, None, problems
    doc, more = parse_yaml(shown, text)
    problems += more
    if doc is None:
        return None, None, problems
    desc = copy.deepcopy(doc.data)
    shape = _descriptor_shape(doc)
    if shape:
        return doc, None, problems + shape
    schemas: dict[str, Any] = {}  # a schema file shared by every report's CSV is read once, not once per CSV
    for i, res in enumerate(desc["resources"]):
        schema = res.get("schema")
        if isinstance(schema, str):  # a schema kept in its own file, shared by resources
            spath = (folder / schema)
            if ".." in Path(schema).parts or Path(schema).is_absolute() or not spath.resolve().is_relative_to(folder.resolve()):
                line, col = doc.value_position(("resources", i, "schema"))
                problems.append(PATH_ESCAPE.at(shown, line, col, f"resources[{i}].schema", file=schema, folder="the package folder"))
                return doc, None, problems
            if spath.is_symlink() or not spath.is_file():
                line, col = doc.value_position(("resources", i, "schema"))
                problems.append(MISSING_FILE.at(shown, line, col, f"resources[{i}].schema", variant="linked-schema" if spath.is_symlink() else "schema", file=schema))
                return doc, None, problems
            if schema not in schemas:
                stext, sp = read_text(rel(spath, root), spath.read_bytes())
                sdoc, sp2 = parse_yaml(rel(spath, root), stext or "") if stext is not None else (None, [])
                problems += sp + sp2
                if sdoc is None:
                    return doc, None, problems
                bad = _schema_shape(sdoc, ())
                if bad:
                    return doc, None, problems + bad
                schemas[schema] = sdoc.data
            res["schema"] = copy.deepcopy(schemas[schema])
        rpath = res.get("path")
        if isinstance(rpath, str):
            full = folder / rpath
            if ".." in Path(rpath).parts or not full.resolve().is_relative_to(folder.resolve()) or Path(rpath).is_absolute() or "://" in rpath:
                line, col = doc.value_position(("resources", i, "path"))
                problems.append(PATH_ESCAPE.at(shown, line, col, f"resources[{i}].path", file=rpath, folder="the package folder"))
                return doc, None, problems
            if full.is_symlink():
                line, col = doc.value_position(("resources", i, "path"))
                problems.append(SYMLINK.at(shown, line, col, f"resources[{i}].path", file=rpath))
                return doc, None, problems
            if not full.is_file():
                line, col = doc.value_position(("resources", i, "path"))
                problems.append(MISSING_FILE.at(shown, line, col, f"resources[{i}].path", file=rpath))
                return doc, None, problems
    return doc, desc, problems


def _descriptor_shape(doc: Located) -> list[Problem]:
    """What frictionless and this module rely on in a descriptor: a name and resources with name, path and schema.

    Checked before anything reads them, so a descriptor with a missing or mistyped key is a located
    error instead of a KeyError.
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
    resources = data.get("resources")
    if not isinstance(resources, list) or not resources:
        return out + [at(("resources",), PACKAGE.message(variant="no-resources"), missing="resources" not in data)]
    names: dict[str, int] = {}
    for i, res in enumerate(resources):
        if not isinstance(res, dict):
            out.append(at(("resources", i), PACKAGE.message(variant="resource-type", kind=kind_of(res))))
            continue
        for key in ("name", "path", "schema"):
            if key not in res:
                out.append(at(("resources", i, key), PACKAGE.message(variant="missing"), missing=True))
            elif key == "schema" and isinstance(res[key], dict):
                out += _schema_shape(doc, ("resources", i, "schema"))
            elif not isinstance(res[key], str) or not res[key]:
                out.append(at(("resources", i, key), PACKAGE.message(variant="text-type", kind=kind_of(res[key]))))
        name = res.get("name")
        if isinstance(name, str) and name in names:
            out.append(at(("resources", i, "name"), PACKAGE.message(variant="resource-twice", name=name, index=names[name])))
        elif isinstance(name, str):
            names[name] = i
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
    return out


def _decode_csv(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    shown = rel(path, root)
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [ENCODING.at(shown, 1, 1, variant="utf16")]
    text, problems = read_text(shown, raw)
    if text is None:
        return None, problems
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header or "\t" in header and "," not in header:
        sep = "semicolons" if ";" in header else "tabs"
        return None, [CSV_DELIMITER.at(shown, 1, 1, separator=sep)]
    lines = csv_lines(text)
    for n, line in enumerate(lines, start=1):
        if bad := CONTROL.search(line):
            return None, [CSV_CONTROL.at(shown, n, bad.start() + 1, codepoint=ord(bad.group()))]
        opened = _unclosed_quote(line)
        if opened:
            return None, [CSV_QUOTE.at(shown, n, opened)]
    return text, nfc_problems(shown, lines)


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
    """1-based column of a quoted cell left open at the end of `line`, else 0 (the csv module's quoting rules)."""
    opened, quoted, at_start, i = 0, False, True, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1 : i + 2] == '"':
                i += 1  # an escaped quote inside the cell
            elif ch == '"':
                quoted = False
        elif ch == '"' and at_start:
            quoted, opened = True, i + 1
        at_start = not quoted and ch == ","
        i += 1
    return opened if quoted else 0


def _check_header(csvf: _CsvFile, fields: list[str]) -> list[Problem]:
    header = next(csv.reader([csvf.lines[0]])) if csvf.lines else []
    out = []
    for name in header:
        if name not in fields:
            out.append(CSV_EXTRA_COLUMN.at(csvf.shown, 1, csvf.col(1, header.index(name) + 1), name, name=name, expected=", ".join(fields)))
    for name in fields:
        if name not in header:
            out.append(CSV_MISSING_COLUMN.at(csvf.shown, 1, 1, name, name=name))
    if not out and header != fields:
        out.append(CSV_COLUMN_ORDER.at(csvf.shown, 1, 1, expected=", ".join(fields)))
    return out


def load_packages(root: Path, content: Content) -> tuple[dict[str, Package], list[Figure], list[Target], list[Problem]]:
    """Validate every package under datapackages/ and return its typed rows."""
    packages: dict[str, Package] = {}
    figures: list[Figure] = []
    targets: list[Target] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}  # (figure|target, id) -> where it was first used
    owners: dict[str, str] = {}  # package name -> its descriptor
    for folder in sorted(p for p in (root / "datapackages").iterdir() if p.is_dir()) if (root / "datapackages").is_dir() else []:
        if not (folder / "datapackage.yaml").is_file():
            continue
        doc, desc, found = _load_descriptor(folder, root)
        problems += found
        if desc is None or doc is None:
            continue
        listed = {(folder / res["path"]).resolve() for res in desc["resources"]}
        for stray in sorted(folder.rglob("*.csv")):
            if stray.resolve() not in listed:  # a report's rows an editor added but never listed would silently not exist
                problems.append(UNLISTED_FILE.at(rel(stray, root), 0, 0, descriptor=doc.path))
        csvs: dict[str, _CsvFile] = {}
        header_ok = True
        for res in desc["resources"]:
            path = folder / res["path"]
            text, found = _decode_csv(path, root)
            problems += found
            if text is None:
                header_ok = False
                continue
            csvf = _CsvFile(rel(path, root), text)
            csvs[res["name"]] = csvf
            expected = [f["name"] for f in res.get("schema", {}).get("fields", [])]
            found = _check_header(csvf, expected)
            problems += found
            header_ok = header_ok and not found
        if not header_ok:
            continue
        check, content_keys = split_content_keys(desc)
        for name, keys in sorted(content_keys.items()):
            if name in csvs:
                problems += _unknown_ids(csvs[name], keys, content)
        try:
            tasks, valid = _validate_with_cache(check, folder, root / "build" / "cache" / "validated")
        except frictionless.FrictionlessException as exc:
            problems.append(PACKAGE.at(doc.path, 1, 1, error=exc.error.message))
            continue
        for task in tasks:
            task_csv = csvs.get(task.name)
            fields = _resource(desc, task.name).get("schema", {}).get("fields", [])
            for err in task.errors:
                if err.type == "primary-key" and 'all "None"' in (getattr(err, "note", "") or ""):
                    continue  # an empty id: the blank row or the required id says it, located

                row = getattr(err, "row_number", None)
                fnum = getattr(err, "field_number", None)
                fname = getattr(err, "field_name", None) or ""
                if not fname and getattr(err, "field_names", None):  # foreign keys name their fields
                    fname = ",".join(err.field_names)
                    columns = [f["name"] for f in _resource(desc, task.name).get("schema", {}).get("fields", [])]
                    fnum = columns.index(err.field_names[0]) + 1 if err.field_names[0] in columns else None
                if task_csv is None:
                    problems.append(FRICTIONLESS_FAMILY.at(doc.path, 1, 1, fname, suffix=err.type, detail=err.message))
                    continue
                line = row or 1
                problems.append(FRICTIONLESS_FAMILY.at(task_csv.shown, line, task_csv.col(line, fnum), fname, suffix=err.type, detail=_message(err, fields)))
        if not valid:
            continue
        resources = []
        for res in desc["resources"]:
            csvf = csvs[res["name"]]
            rows = list(csv.DictReader(io.StringIO("\n".join(csvf.lines))))
            schema_fields = tuple(res["schema"]["fields"])
            names = tuple(f["name"] for f in schema_fields)
            resources.append(Resource(res["name"], folder / res["path"], res["path"], schema_fields, len(rows)))
            if names == FIGURE_FIELDS:
                f, p = _figures(rows, csvf, desc["name"], res["name"], content)
                figures += f
                problems += p
                problems += _duplicate_ids("figure", rows, csvf, seen)
            elif names == TARGET_FIELDS:
                t, p = _targets(rows, csvf, content)
                targets += t
                problems += p
                problems += _duplicate_ids("target", rows, csvf, seen)
        if desc["name"] in owners:
            line, col = doc.value_position(("name",))
            problems.append(DUPLICATE_ID.at(doc.path, line, col, "name", variant="package-name", name=desc["name"], other=owners[desc["name"]]))
            continue
        owners[desc["name"]] = doc.path
        packages[desc["name"]] = Package(desc["name"], folder, desc, tuple(resources))
    return packages, figures, targets, problems


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


def _validation_key(resource: dict[str, Any], folder: Path) -> str:
    """What a resource's validity depends on: its descriptor, its bytes, the frictionless release."""
    digest = hashlib.sha256(json.dumps(resource, sort_keys=True, default=str).encode())
    digest.update(FRICTIONLESS_VERSION.encode())
    digest.update((folder / resource["path"]).read_bytes())
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


def _validate_with_cache(check: dict[str, Any], folder: Path, cache: Path) -> tuple[list[Any], bool]:
    """Frictionless validation of the resources that changed since they last validated clean.

    Frictionless costs about 20 ms a resource before it reads a row, and a package holds one CSV
    per report: a rebuild re-validates only the CSVs that changed, and a cold build of thousands
    of CSVs shares them out over the cores. A resource is remembered only when it validated
    without error, so every error is reported again on every run. A package whose resources
    still refer to one another is validated whole.
    Returns the tasks of the resources validated and whether they all passed.
    """
    linked = any(res.get("schema", {}).get("foreignKeys") for res in check["resources"] if isinstance(res.get("schema"), dict))
    keys = {res["name"]: _validation_key(res, folder) for res in check["resources"]}
    pending = check["resources"] if linked else [res for res in check["resources"] if not (cache / keys[res["name"]]).is_file()]
    if not pending:
        return [], True
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
    if kind in ("primary-key", "unique-error"):
        return f"duplicate id: {note}"
    return f"{err.title}: {note}" if note else err.message


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def breakdown_problem(code: str, content: Content) -> Message | None:
    """Why a breakdown code ('channel=hotline') has no name to show visitors, or None when it has."""
    if not code:
        return None
    key, _, value = code.partition("=")
    if key not in content.known("breakdowns"):
        return UNKNOWN_BREAKDOWN.message(key=key)
    dim = content.breakdowns.get(key)
    if dim is not None and dim.value(value) is None:  # a broken dimension file is reported once, by itself
        return UNKNOWN_BREAKDOWN.message(variant="value", value=value, key=key, known=", ".join(v.id for v in dim.values))
    return None


def _figures(rows: list[dict[str, str]], csvf: _CsvFile, dataset: str, resource: str, content: Content) -> tuple[list[Figure], list[Problem]]:
    out, problems = [], []
    cols = {name: i + 1 for i, name in enumerate(FIGURE_FIELDS)}
    squashed: dict[str, str] = {}  # report id -> its source text, squashed once rather than once per row
    for line, row in enumerate(rows, start=2):
        def bad(fieldname: str, message: Message) -> None:
            problems.append(message.at(csvf.shown, line, csvf.col(line, cols[fieldname]), fieldname))
        value = _num(row["value"])
        if value is not None and not math.isfinite(value):  # 1e400, inf: a number frictionless accepts but no count or share
            bad("value", VALUE_RANGE.message(value=row["value"]))
            value = 0.0
        start = dt.date.fromisoformat(row["period_start"]) if row["period_start"] else None
        end = dt.date.fromisoformat(row["period_end"])
        code = periods.parse(row["period"])
        if start is not None and end < start:
            bad("period_end", PERIOD_ORDER.message(end=end, start=start))
        elif code is None:
            bad("period", PERIOD_MISMATCH.message(variant="code", period=row["period"], examples=periods.EXAMPLES))
        elif (contradiction := periods.date_problem(code, start, end)) is not None:
            bad("period", PERIOD_MISMATCH.message(why=contradiction))
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
        if (why := breakdown_problem(row["breakdown"], content)) is not None:
            bad("breakdown", why)
        out.append(Figure(
            id=row["id"], report=row["report"], unit=row["unit"], indicator=row["indicator"], period=row["period"],
            period_start=start, period_end=end, breakdown=row["breakdown"], value=value, qualifier=qualifier, status=row["status"],
            locator=row["locator"], quote=row["quote"], flag=row["flag"], note_vi=row["note_vi"], note_en=row["note_en"],
            dataset=dataset, resource=resource, line=line,
        ))
    return out, problems


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
        out.append(Target(
            id=row["id"], report=row["report"], unit=row["unit"], indicator=row["indicator"], comparator=row["comparator"],
            target_value=value, deadline=dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None,
            recurrence=row["recurrence"], scope=row["scope"], scope_vi=row["scope_vi"],
            scope_en=row["scope_en"], locator=row["locator"], quote=row["quote"], note_vi=row["note_vi"], note_en=row["note_en"], line=line,
        ))
    return out, problems
