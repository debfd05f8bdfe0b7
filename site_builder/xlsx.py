"""Excel workbooks of the published tables, safe and reproducible.

Safety: a text cell is always written as text. openpyxl turns any string starting with "=" into
a formula and "#N/A"-like strings into error values; quotes from reports often start with "=",
"-" or "+", so every string cell is forced back to the text type after assignment.
Reproducibility: the document properties carry a date derived from the data, and the archive is
re-packed with sorted entries and a fixed timestamp, so the same data gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from .tables import Column, Table, typed

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what openpyxl refuses in a cell
MAX_WIDTH = 60
SHEET_NAME_MAX = 31


class SpreadsheetError(ValueError):
    """A cell cannot be stored in a workbook (e.g. a control character); says where."""


def deterministic_zip(raw: bytes) -> bytes:
    """Re-pack a zip archive with sorted entries, fixed timestamps and fixed permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            write_entry(dst, name, src.read(name))
    return out.getvalue()


def write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add one file to a zip with a fixed date and mode, so archives are byte-identical across builds."""
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever the building machine
    archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def _sheet_title(name: str, taken: set[str]) -> str:
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:SHEET_NAME_MAX] or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f"-{n}"
        title, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _cells(ws: Any, columns: tuple[Column, ...], row: tuple[str, ...], where: str) -> list[Any]:
    """One row's values for a write-only sheet: typed, and text that openpyxl would take for a
    formula or an error value wrapped in a cell forced to text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.utils.exceptions import IllegalCharacterError

    out: list[Any] = []
    for column, text in zip(columns, row):
        value = typed(column.type, text)
        if isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES):
            try:
                cell = WriteOnlyCell(ws, value=value)
            except IllegalCharacterError as exc:
                raise SpreadsheetError(f"{where}: column '{column.name}' holds a control character that Excel cannot store") from exc
            cell.data_type = "s"  # never a formula or an error value, whatever the text starts with
            value = cell
        elif isinstance(value, str) and ILLEGAL.search(value):
            raise SpreadsheetError(f"{where}: column '{column.name}' holds a control character that Excel cannot store")
        out.append(value)
    return out


def _fill(ws: Any, columns: tuple[Column, ...], rows: list[tuple[str, ...]], where: str) -> None:
    """Write a sheet row by row (openpyxl's write-only mode: a national table has millions of
    cells, which the normal mode would hold in memory as objects)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths = [len(col.name) for col in columns]
    for row in rows:
        for j, text in enumerate(row):
            if len(text) > widths[j]:
                widths[j] = min(len(text), MAX_WIDTH)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.name)
        cell.data_type = "s"
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for i, row in enumerate(rows, start=2):
        ws.append(_cells(ws, columns, row, f"{where} row {i}"))


TEXT = Column("text", "string", "")


def workbook(tables: list[Table], about: list[tuple[str, str]], stamp: dt.date | None, name: str) -> bytes:
    """An .xlsx file: one sheet per table, a `fields` sheet describing every column, an `about` sheet.

    `stamp` (derived from the data, never the clock) becomes the document's created/modified date.
    """
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    taken: set[str] = set()
    for table in tables:
        ws = wb.create_sheet(_sheet_title(table.name, taken))
        _fill(ws, table.columns, list(table.rows), f"{name}.xlsx sheet {ws.title}")
    fields = wb.create_sheet(_sheet_title("fields", taken))
    field_cols = (Column("table", "string", ""), Column("field", "string", ""), Column("type", "string", ""), Column("description", "string", ""))
    _fill(fields, field_cols, [(t.name, c.name, c.type, c.description) for t in tables for c in t.columns], f"{name}.xlsx sheet fields")
    info = wb.create_sheet(_sheet_title("about", taken))
    _fill(info, (Column("key", "string", ""), TEXT), about, f"{name}.xlsx sheet about")
    when = dt.datetime.combine(stamp or dt.date(2000, 1, 1), dt.time())
    wb.properties.creator = "Minh Bạch"
    wb.properties.title = name
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = None
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # save_workbook() would stamp the current time as `modified`
    return deterministic_zip(buf.getvalue())
