"""Excel workbooks of the published tables, safe and reproducible, written directly as SpreadsheetML.

Why not openpyxl's writer: it costs about 55 µs a cell even in write-only mode, and a national
figures table has millions of cells (minutes per build). A workbook of plain tables is a handful
of small XML parts; this module writes them in one pass. openpyxl still reads them back in the
tests, as Excel and LibreOffice do.

Safety: a text cell is always a shared string, never a formula or an error value, whatever it
starts with ("=", "#N/A", "-", "+": quotes from reports do); a control character Excel cannot
store is an error naming the sheet, row and column.
Reproducibility: the document properties carry a date derived from the data, entries are
written in a fixed order with a fixed timestamp, so the same data gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import zipfile
from html import escape
from typing import Any, Iterable

from site_builder.compute.tables import Column, Table, typed

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what the XML of a cell cannot hold
MAX_WIDTH = 60
SHEET_NAME_MAX = 31
EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (Lotus' leap-year bug included)
STYLE_BOLD, STYLE_DATE = 1, 2  # indexes into cellXfs below

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class SpreadsheetError(ValueError):
    """A cell cannot be stored in a workbook (e.g. a control character); says where."""


def write_entry(archive: zipfile.ZipFile, name: str, data: bytes, level: int = 6) -> None:
    """Add one file to a zip with a fixed date and mode, so archives are byte-identical across builds;
    `level` 0 stores it as it is (a file that is itself compressed)."""
    kind = zipfile.ZIP_DEFLATED if level else zipfile.ZIP_STORED
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = kind
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever the building machine
    archive.writestr(info, data, compress_type=kind, compresslevel=level or None)


def _sheet_title(name: str, taken: set[str]) -> str:
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:SHEET_NAME_MAX] or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f"-{n}"
        title, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def column_letter(n: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


class _Strings:
    """The shared-strings table: each distinct text once, numbered in order of first use."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.uses = 0

    def __call__(self, text: str) -> int:
        self.uses += 1
        n = self.index.get(text)
        if n is None:
            n = self.index[text] = len(self.index)
        return n

    def xml(self) -> bytes:
        items = "".join(f'<si><t xml:space="preserve">{escape(s, quote=False)}</t></si>' for s in self.index)
        return (XML + f'<sst xmlns="{NS}" count="{self.uses}" uniqueCount="{len(self.index)}">{items}</sst>').encode("utf-8")


def _cell(ref: str, value: Any, strings: _Strings, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{s}><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, float) and math.isfinite(value):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    if isinstance(value, (list, dict)):  # a geopoint, an object: its JSON text
        value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{STYLE_DATE}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    return f'<c r="{ref}" t="s"{s}><v>{strings(str(value))}</v></c>'


TYPED = ("number", "integer", "date", "boolean")  # the column types whose cells are no text


def _widths(columns: tuple[Column, ...], rows: list[tuple[str, ...]]) -> list[int]:
    """Each column as wide as its longest text (at most MAX_WIDTH), never narrower than its name."""
    widths = [len(col.name) for col in columns]
    for j, values in enumerate(zip(*rows)):
        longest = max(map(len, values))
        if longest > widths[j]:
            widths[j] = min(longest, MAX_WIDTH)
    return widths


def _sheet(columns: tuple[Column, ...], rows: list[tuple[str, ...]], strings: _Strings, where: str) -> bytes:
    """One worksheet: a bold header, the rows typed by their column, frozen header, filter, widths.

    A cell costs a few string operations: a national below-workbook has millions. Text columns
    go straight to the shared strings; the other types through `typed` and `_cell`.
    """
    letters = [column_letter(j) for j in range(1, len(columns) + 1)]
    widths = _widths(columns, rows)
    out = [XML, f'<worksheet xmlns="{NS}" xmlns:r="{REL}">',
           f'<dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>' if columns else "",
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
           '<sheetFormatPr defaultRowHeight="15"/>']
    if columns:
        out.append("<cols>" + "".join(f'<col min="{j}" max="{j}" width="{min(w + 2, MAX_WIDTH)}" customWidth="1"/>'
                                      for j, w in enumerate(widths, start=1)) + "</cols>")
    out.append("<sheetData>")
    out.append('<row r="1">' + "".join(_cell(f"{letters[j]}1", col.name, strings, STYLE_BOLD) for j, col in enumerate(columns)) + "</row>")
    kinds = [(j, letters[j], col.type if col.type in TYPED or col.field else "", col.field) for j, col in enumerate(columns)]
    index, uses = strings.index, 0
    search = ILLEGAL.search
    for i, row in enumerate(rows, start=2):
        cells = []
        for j, letter, kind, field in kinds:
            text = row[j]
            if text == "":  # null, whatever the type
                continue
            if kind:
                cells.append(_cell(f"{letter}{i}", typed(kind, text, field), strings))
                continue
            n = index.get(text)
            if n is None:  # a text already in the table passed this check where it first stood
                if search(text):
                    raise SpreadsheetError(f"{where} row {i}: column '{columns[j].name}' holds a control character that Excel cannot store")
                n = index[text] = len(index)
            uses += 1
            cells.append(f'<c r="{letter}{i}" t="s"><v>{n}</v></c>')
        out.append(f'<row r="{i}">' + "".join(cells) + "</row>")
    strings.uses += uses
    out.append("</sheetData>")
    if rows:
        out.append(f'<autoFilter ref="A1:{letters[-1]}{len(rows) + 1}"/>')
    out.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')
    return "".join(out).encode("utf-8")


TEXT = Column("text", "string", "")
STYLES = (XML + f'<styleSheet xmlns="{NS}">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
          '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>').encode("utf-8")


def _package(sheets: list[tuple[str, bytes]], strings: _Strings, title: str, when: dt.datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    n = len(sheets)
    parts: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                 '<Default Extension="xml" ContentType="application/xml"/>'
                                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                                 + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for k in range(1, n + 1))
                                 + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                                 "</Types>").encode("utf-8")),
        ("_rels/.rels", (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                         f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
                         "</Relationships>").encode("utf-8")),
        ("docProps/app.xml", (XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                              "<Application>Minh Bạch</Application></Properties>").encode("utf-8")),
        ("docProps/core.xml", (XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                               'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                               f"<dc:title>{escape(title, quote=False)}</dc:title><dc:creator>Minh Bạch</dc:creator>"
                               f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                               f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
                               "</cp:coreProperties>").encode("utf-8")),
        ("xl/workbook.xml", (XML + f'<workbook xmlns="{NS}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>'
                             + "".join(f'<sheet name="{escape(name)}" sheetId="{k}" r:id="rId{k}"/>' for k, (name, _) in enumerate(sheets, start=1))
                             + "</sheets><definedNames>"
                             + "".join(_filter_name(k, name, body) for k, (name, body) in enumerate(sheets))
                             + "</definedNames></workbook>").encode("utf-8")),
        ("xl/_rels/workbook.xml.rels", (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                        + "".join(f'<Relationship Id="rId{k}" Type="{REL}/worksheet" Target="worksheets/sheet{k}.xml"/>' for k in range(1, n + 1))
                                        + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
                                        + f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                                        + "</Relationships>").encode("utf-8")),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", strings.xml()),
    ]
    parts += [(f"xl/worksheets/sheet{k}.xml", body) for k, (_, body) in enumerate(sheets, start=1)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for name, data in parts:
            write_entry(archive, name, data)
    return buf.getvalue()


def _filter_name(index: int, name: str, body: bytes) -> str:
    """The hidden name Excel keeps for a sheet's filter range (it adds one itself when missing)."""
    m = re.search(rb'<autoFilter ref="A1:([A-Z]+)(\d+)"/>', body)
    if not m:
        return ""
    quoted = name.replace("'", "''")
    return (f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"'{escape(quoted, quote=False)}'!$A$1:${m.group(1).decode()}${m.group(2).decode()}</definedName>")


def workbook(tables: list[Table], about: list[tuple[str, str]], stamp: dt.date | None, name: str) -> bytes:
    """An .xlsx file: one sheet per table, a `fields` sheet describing every column, an `about` sheet.

    `stamp` (derived from the data, never the clock) becomes the document's created/modified date.
    """
    strings = _Strings()
    taken: set[str] = set()
    sheets: list[tuple[str, bytes]] = []

    def add(title: str, columns: tuple[Column, ...], rows: Iterable[tuple[str, ...]]) -> None:
        title = _sheet_title(title, taken)
        sheets.append((title, _sheet(columns, list(rows), strings, f"{name}.xlsx sheet {title}")))

    for table in tables:
        add(table.name, table.columns, table.rows)
    field_cols = (Column("table", "string", ""), Column("field", "string", ""), Column("type", "string", ""), Column("description", "string", ""))
    add("fields", field_cols, [(t.name, c.name, c.type, c.description) for t in tables for c in t.columns])
    add("about", (Column("key", "string", ""), TEXT), about)
    when = dt.datetime.combine(stamp or dt.date(2000, 1, 1), dt.time())
    return _package(sheets, strings, name, when)
