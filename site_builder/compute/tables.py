"""The published tables, once: columns (type, description, references) and rows as CSV text.

Every download format (CSV, XLSX, JSON, SQLite) is written from these tables, so they all hold
the same cells. Rows stay in their CSV text form, the canonical one; each writer types a cell
with `typed()` following the Frictionless rules (an empty cell is null, whatever the type).
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import functools
import io
import json
import math
from dataclasses import dataclass
from typing import Any

from site_builder.content import periods
from site_builder.content.breakdowns import COLUMNS as breakdown_columns
from site_builder.content.breakdowns import NAME_SEPARATOR, SEPARATOR
from site_builder.content.breakdowns import parse as parse_breakdown
from site_builder.content.corpus import FIGURE_FIELDS, TARGET_FIELDS, Corpus, Package, Resource, project_schema

LOOKUPS = ("units", "reports", "indicators", "breakdowns")
# Columns holding a breakdown code (channel=hotline): published with a key to the breakdowns table,
# which names each code. The source schemas leave it out: `check` explains a bad code better.
BREAKDOWN_COLUMNS = breakdown_columns


@dataclass(frozen=True)
class Column:
    """One column: Frictionless type, description, and the table its values point to."""

    name: str
    type: str  # a Table Schema type: string | number | integer | date | boolean | year | datetime | …
    description: str
    references: str | None = None  # name of the table whose `id` this column holds
    field: dict[str, Any] | None = None  # the Table Schema field, when its cells need more than `type` to be read


@dataclass(frozen=True)
class Table:
    """A table as published: its columns and its rows of CSV text cells, sorted by id."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    key: tuple[str, ...] = ("id",)  # the primary key's columns; () when the rows have none

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def csv(self) -> str:
        """The table as UTF-8 CSV text, the same dialect as the shipped packages."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        # The csv module quotes a cell holding a line feed but not one holding a lone carriage
        # return (a third party's cell may), which every reader then takes for a line end.
        quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        for row in [tuple(self.names), *self.rows]:
            (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
        return buf.getvalue()

    def records(self) -> list[dict[str, Any]]:
        """Rows as typed dicts (numbers, dates as ISO text, booleans, null for empty cells)."""
        out = []
        for row in self.rows:
            rec = {}
            for col, cell in zip(self.columns, row):
                value = typed(col.type, cell, col.field)
                if isinstance(value, float) and not math.isfinite(value):
                    value = cell  # NaN, INF, 1e400: a number JSON cannot write (JSON.parse refuses NaN), kept as the source wrote it
                rec[col.name] = value.isoformat() if isinstance(value, dt.date) else value
            out.append(rec)
        return out


SIMPLE_TYPES = ("string", "number", "integer", "date", "boolean")


def typed(kind: str, cell: str, field: dict[str, Any] | None = None) -> Any:
    """A CSV cell as a Python value of its Frictionless type; the empty cell is None.

    The plain forms (ISO dates, dotted decimals) are read here; any other field, a third-party
    package's date in its own format or a geopoint, is read by frictionless as its schema says,
    and what JSON has no type for is given as text (a datetime or time as ISO, a geopoint as a list).
    """
    if cell == "":
        return None
    if field is not None:
        return _by_frictionless(field, cell)
    if kind == "number":
        try:
            return int(cell)
        except ValueError:
            return float(cell)
    if kind == "integer":
        return int(cell)
    if kind == "date":
        return dt.date.fromisoformat(cell)
    if kind == "boolean":
        return cell.strip().lower() in ("true", "1")
    return cell


_FIELDS: dict[str, Any] = {}  # frictionless Field objects by their descriptor, made once


def _by_frictionless(field: dict[str, Any], cell: str) -> Any:
    key = json.dumps(field, sort_keys=True, default=str)
    reader = _FIELDS.get(key)
    if reader is None:
        import frictionless  # only third-party packages' fields need it

        reader = _FIELDS[key] = frictionless.Field.from_descriptor(field)
    value, notes = reader.read_cell(cell)
    if notes or value is None:
        return cell
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() and not any(c in cell for c in ".eE") else float(value)
    if isinstance(value, (dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (tuple, list, dict)):
        return _plain(value)
    if isinstance(value, (dt.date, str, int, float, bool)):
        return value
    return str(value)


def _plain(value: Any) -> Any:
    """A value inside a geopoint, array or object as JSON holds it: frictionless reads a geopoint's
    coordinates as Decimals, which no JSON writer takes (a coordinate with a point is a float)."""
    if isinstance(value, decimal.Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


# --------------------------------------------------------------------------- lookup tables

LOOKUP_COLUMNS: dict[str, tuple[Column, ...]] = {
    "units": (
        Column("id", "string", "Stable id of the unit; its page is units/<id>/."),
        Column("level", "string", "province | district | commune | office | party."),
        Column("parent", "string", "Id of the unit this one belongs to; empty for a province.", "units"),
        Column("name_vi", "string", "Full official name in Vietnamese."),
        Column("name_en", "string", "Full name in English."),
        Column("short_name_vi", "string", "Short name in Vietnamese, used in lists and charts."),
        Column("short_name_en", "string", "Short name in English."),
        Column("admin_code", "string", "Administrative-unit code of Decision 124/2004/QĐ-TTg, where one exists."),
        Column("reorganisation_2025", "string", "Fate in the 1 July 2025 reorganisation: continued | merged | abolished | new | unknown."),
        Column("successor_2025", "string", "Id of the unit that took over in the 2025 reorganisation, when known.", "units"),
    ),
    "reports": (
        Column("id", "string", "Stable id of the report; its page is reports/<id>/."),
        Column("unit", "string", "Id of the unit the report is about.", "units"),
        Column("issuer", "string", "Id of the unit that issued it.", "units"),
        Column("document_type", "string", "bao_cao | chi_thi | ke_hoach | quyet_dinh | cong_van | nghi_quyet | bai_bao (press article) | trang_web (web page)."),
        Column("number", "string", "Number and symbol as printed, e.g. 278/BC-UBND; empty when the copy shows none."),
        Column("date", "date", "Date of signature; empty when the copy does not show it."),
        Column("uncertain", "string", "Header fields read from a damaged copy and not certain, comma-separated: number, date, signer, place; empty when all are certain."),
        Column("period", "string", f"Reporting period code: {periods.EXAMPLES}."),
        Column("period_start", "date", "First day the report covers; empty for a running total whose start it does not give."),
        Column("period_end", "date", "Last day the report covers."),
        Column("data_period", "string", "The period its figures cover, when the report states one that differs from its reporting period; empty otherwise."),
        Column("data_period_start", "date", "First day of the data period."),
        Column("data_period_end", "date", "Last day of the data period."),
        Column("title_vi", "string", "Title as printed, diacritics restored."),
        Column("title_en", "string", "Title in English."),
        Column("source_ocr", "boolean", "true when the source text came from OCR."),
        Column("publisher", "string", "The newspaper or website that published a press article or web page, as it names itself; empty for other documents."),
        Column("author", "string", "Who wrote a press article, as printed; empty when it names no one."),
        Column("url", "string", "The address the source was read at; empty for a document not read online."),
        Column("retrieved", "date", "The day the source was read at url."),
    ),
    "indicators": (
        Column("id", "string", "Stable id of the indicator; its page is indicators/<id>/."),
        Column("name_vi", "string", "Short name in Vietnamese."),
        Column("name_en", "string", "Short name in English."),
        Column("definition_vi", "string", "What is counted or measured, in Vietnamese."),
        Column("definition_en", "string", "What is counted or measured, in English."),
        Column("unit", "string", "count | percent (0–100) | percent_of_plan | vnd | million_vnd | score | days | rank."),
        Column("higher_is_better", "boolean", "true, false, or empty when neither."),
        Column("field", "string", "The administrative-reform field it belongs to."),
        Column("formula_numerator", "string", "For a derived indicator: the indicator divided.", "indicators"),
        Column("formula_denominator", "string", "For a derived indicator: the indicator divided by.", "indicators"),
    ),
    "breakdowns": (
        Column("id", "string", "The code as it appears in the breakdown (figures) and scope (targets) columns, dimension=value; "
                               "a code of several pairs joined by ';' has a row of its own."),
        Column("dimension", "string", "The part before '=': what the figures are broken down by (for several pairs, each joined by ';')."),
        Column("value", "string", "The part after '=' (for several pairs, each joined by ';')."),
        Column("dimension_vi", "string", "Name of the dimension in Vietnamese (for several pairs, each joined by '; ')."),
        Column("dimension_en", "string", "Name of the dimension in English (for several pairs, each joined by '; ')."),
        Column("name_vi", "string", "Name of the value in Vietnamese (for several pairs, each joined by '; ')."),
        Column("name_en", "string", "Name of the value in English (for several pairs, each joined by '; ')."),
    ),
}

LOOKUP_TITLES = {
    "units": ("Đơn vị / Units", "The bodies that report or are reported on."),
    "reports": ("Báo cáo / Reports", "The source documents the figures were read from."),
    "indicators": ("Chỉ số / Indicators", "The catalogue of what is measured."),
    "breakdowns": ("Phân tổ / Breakdowns", "The names of the sub-groups figures and targets are broken down by."),
}


def _breakdown_rows(corpus: Corpus) -> list[list[str]]:
    """A row per value content/breakdowns names, and one per code of several pairs the figures and
    targets use (cause=system_error;level=district), its columns joined the way the code is, so
    that every code in a breakdown or scope column is a key of this table."""
    out = [[f"{d.id}={v.id}", d.id, v.id, d.name.vi, d.name.en or "", v.name.vi, v.name.en or ""]
           for d in corpus.breakdowns.values() for v in d.values]
    combined = {f.breakdown for f in corpus.figures} | {t.scope for t in corpus.targets}
    for code in sorted(c for c in combined if len(parse_breakdown(c)) > 1):
        parts = corpus.breakdown_parts(code) or ()
        dims, vals = [d for d, _ in parts], [v for _, v in parts]
        out.append([code, SEPARATOR.join(d.id for d in dims), SEPARATOR.join(v.id for v in vals),
                    _joined([d.name.vi for d in dims]), _joined([d.name.en for d in dims]),
                    _joined([v.name.vi for v in vals]), _joined([v.name.en for v in vals])])
    return out


def _joined(names: list[str | None]) -> str:
    """Names of a combined code's parts, joined as on the site; empty when one is untranslated."""
    return NAME_SEPARATOR.join(n for n in names if n) if all(names) else ""


def _lookup_rows(corpus: Corpus, name: str) -> list[list[str]]:
    if name == "units":
        out = []
        for u in corpus.units.values():
            reorg = u.reorganisation_2025
            out.append([u.id, u.level.value, u.parent or "", u.name.vi, u.name.en or "", u.short_name.vi if u.short_name else "",
                        (u.short_name.en or "") if u.short_name else "", u.admin_code or "", reorg.status.value if reorg else "",
                        (reorg.successor or "") if reorg else ""])
        return out
    if name == "reports":
        def day(value: dt.date | None) -> str:
            return value.isoformat() if value else ""

        return [[r.id, r.unit, r.issuer, r.document_type.value, r.number or "", day(r.date), ",".join(f.value for f in r.uncertain),
                 r.period.code, day(r.period.start), day(r.period.end),
                 r.data_period.code if r.data_period else "", day(r.data_period.start if r.data_period else None), day(r.data_period.end if r.data_period else None),
                 r.title.vi, r.title.en or "", str(r.source.ocr).lower(), r.publisher or "", r.author or "", r.url or "", day(r.retrieved)]
                for r in corpus.reports.values()]
    if name == "breakdowns":
        return _breakdown_rows(corpus)
    return [[i.id, i.name.vi, i.name.en or "", i.definition.vi, i.definition.en or "", i.unit.value,
             "" if i.higher_is_better is None else str(i.higher_is_better).lower(), i.field.value,
             i.formula.numerator if i.formula else "", i.formula.denominator if i.formula else ""]
            for i in corpus.indicators.values()]


def lookup_table(corpus: Corpus, name: str) -> Table:
    """The units, reports, indicators or breakdowns table, generated from content/ (the single source of truth)."""
    title, description = LOOKUP_TITLES[name]
    rows = sorted(tuple(r) for r in _lookup_rows(corpus, name))
    return Table(name, title, description, LOOKUP_COLUMNS[name], tuple(rows))


# --------------------------------------------------------------------------- package tables


def table_name(fields: tuple[str, ...], fallback: str) -> str:
    """The name a resource's rows take in the database: figures, targets, or the resource's own."""
    if fields == FIGURE_FIELDS:
        return "figures"
    if fields == TARGET_FIELDS:
        return "targets"
    return fallback.replace("-", "_")


def _references(resource_schema: dict[str, Any], own_resources: set[str]) -> dict[str, str]:
    """{column: lookup table} of the columns whose values check verified against content/: a key
    to units, reports or indicators (not to a resource of the package's own of that name), and
    the breakdown codes of the project's figures and targets (a third party's `breakdown` column
    holds its own words, which check never compares with content/breakdowns)."""
    out: dict[str, str] = {}
    for fk in resource_schema.get("foreignKeys", []):
        fields = fk.get("fields")
        ref = fk.get("reference", {})
        if isinstance(fields, str):
            fields = [fields]
        if len(fields or []) == 1 and ref.get("resource") in LOOKUPS and ref["resource"] not in own_resources:
            out[fields[0]] = ref["resource"]
    if project_schema(tuple(f.get("name") for f in resource_schema.get("fields", []))):
        for f in resource_schema.get("fields", []):
            if f.get("name") in BREAKDOWN_COLUMNS:
                out.setdefault(f["name"], "breakdowns")
    return out


RESERVED = set(LOOKUPS) | {"figures", "targets", "_fields", "_about"}  # the database's own tables (exports/sqlite.py)


@functools.lru_cache(maxsize=64)  # several exports and pages ask for the same package's tables (Package hashes by identity)
def package_tables(pkg: Package) -> list[Table]:
    """A package's data as tables. Resources of the project's figures or targets schema are one
    table (all figures of all reports, by id); any other resource is a table of its own, in the
    order its publisher wrote the rows, named after the package (and the resource, when the
    package has several)."""
    groups: dict[tuple[str, ...], list[tuple[Resource, dict[str, Any]]]] = {}
    for res, spec in zip(pkg.resources, pkg.descriptor["resources"]):
        key = res.names if project_schema(res.names) else (res.name, "") + res.names
        groups.setdefault(key, []).append((res, spec))
    tables = []
    title = pkg.label("title") or pkg.name
    description = pkg.label("description")
    for members in groups.values():
        first, spec = members[0]
        refs = _references(spec.get("schema", {}), {r.name for r in pkg.resources})
        columns = tuple(Column(f["name"], f.get("type", "string"), " ".join(str(f.get("description", "")).split()), refs.get(f["name"]),
                               _format(f))
                        for f in first.fields)
        rows: list[tuple[str, ...]] = []
        for res, _ in members:
            rows += res.rows
        if project_schema(first.names):
            name, ordered = table_name(first.names, pkg.name), tuple(sorted(rows))
        else:
            name = (pkg.name if len(pkg.resources) == 1 else f"{pkg.name}_{first.name}").replace("-", "_")
            name, ordered = (f"data_{name}" if name in RESERVED else name), tuple(rows)
        declared = spec.get("schema", {}).get("primaryKey") or []
        pk = ("id",) if project_schema(first.names) else (declared,) if isinstance(declared, str) else tuple(declared)
        tables.append(Table(name, title, description, columns, ordered, pk))
    return tables


def _format(field: dict[str, Any]) -> dict[str, Any] | None:
    """What besides its type a field's cells need to be read (a date's format, a decimal comma),
    or None for the plain forms `typed` reads itself."""
    extra = {k: v for k, v in field.items() if k in ("format", "decimalChar", "groupChar", "bareNumber", "trueValues", "falseValues")
             and not (k == "format" and v == "default")}
    if not extra and field.get("type", "string") in SIMPLE_TYPES:
        return None
    return {"name": field["name"], "type": field.get("type", "string"), **extra}


def all_tables(corpus: Corpus) -> list[Table]:
    """Every table of every package, then units, reports and indicators. The project's figures
    (and targets) of several packages are one table; a third party's table whose name another
    package's table already has (packages `khao-sat` and `khao_sat`) gets a number (`khao_sat_2`)
    rather than someone else's rows and columns."""
    merged: dict[str, Table] = {}
    for pkg in corpus.packages.values():
        for t in package_tables(pkg):
            old = merged.get(t.name)
            if old is not None and project_schema(tuple(t.names)) and old.columns == t.columns:
                merged[t.name] = Table(old.name, old.title, old.description, old.columns, tuple(sorted(old.rows + t.rows)), old.key)
                continue
            name, n = t.name, 2
            while name in merged:
                name, n = f"{t.name}_{n}", n + 1
            merged[name] = Table(name, t.title, t.description, t.columns, t.rows, t.key)
    return list(merged.values()) + [lookup_table(corpus, name) for name in LOOKUPS]
