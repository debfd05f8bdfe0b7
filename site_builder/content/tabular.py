"""Reading a tabular resource as its descriptor says: CSV dialect, header, missing values, inline data.

Any Frictionless package is read here, not only the project's own: the CSV Dialect (delimiter,
quote, escape, line terminator, `header: false`, comment lines) and the schema's `missingValues`
are honoured, so that what frictionless validates and what the site publishes are the same cells.
A file is read as a stream of rows (never split into a list of lines, never decoded whole): a
third-party CSV of 100 MB costs its rows, not three copies of its text.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from dataclasses import dataclass
from typing import Any, Iterator

# A CSV cell may be as long as a quoted paragraph; the csv module's default limit (131,072
# characters) would refuse a long `quote` or description with an error that names no line.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# The v1 CSV Dialect and what v2 (Table Dialect) adds, with whether the site honours each.
DIALECT_KEYS = {
    "delimiter", "quoteChar", "doubleQuote", "escapeChar", "skipInitialSpace", "lineTerminator", "header",
    "caseSensitiveHeader", "csvddfVersion", "commentChar", "nullSequence", "headerRows", "headerJoin",
    "commentRows", "$schema", "title", "description", "name", "type",
}


@dataclass(frozen=True)
class Dialect:
    """How a delimited file is written (CSV Dialect, v1 and v2), with the spec's defaults."""

    delimiter: str = ","
    quote_char: str = '"'
    double_quote: bool = True
    escape_char: str | None = None
    skip_initial_space: bool = False
    header: bool = True
    header_row: int = 1  # the line of the header (v2 headerRows: [n]); rows start after it
    comment_char: str | None = None
    comment_rows: tuple[int, ...] = ()
    null_sequence: str | None = None

    @property
    def canonical(self) -> bool:
        """The project's own dialect (comma, double quotes, a header on line 1): what editors write
        and what the strict one-row-per-line checks of content/packages.py are made for."""
        return self == Dialect()


def dialect_problem(raw: Any, tsv: bool = False) -> tuple[Dialect | None, tuple[str, str] | None]:
    """The Dialect of a resource's `dialect` value, or (None, (key, why)) for one the site cannot honour.

    `tsv`: the resource is a TSV (format tsv or a .tsv path), whose default delimiter is a tab.
    """
    base = Dialect(delimiter="\t") if tsv else Dialect()
    if raw is None:
        return base, None
    if not isinstance(raw, dict):
        return None, ("", "a dialect is a mapping of its settings (delimiter, quoteChar, header, …)")
    for key in raw:
        if key not in DIALECT_KEYS:
            return None, (str(key), f"'{key}' is not a CSV Dialect setting")

    def char(key: str, default: str | None) -> str | None:
        value = raw.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str) or len(value) != 1:
            raise _Bad(key, "must be exactly one character")
        return value

    def flag(key: str, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            raise _Bad(key, "must be true or false")
        return value

    try:
        delimiter = char("delimiter", base.delimiter) or ","
        quote = char("quoteChar", '"') or '"'
        if delimiter in ("\r", "\n") or quote in ("\r", "\n") or delimiter == quote:
            raise _Bad("delimiter", "a delimiter must differ from the quote character and from line ends")
        terminator = raw.get("lineTerminator", "\r\n")
        if terminator not in ("\r\n", "\n", "\r"):
            raise _Bad("lineTerminator", "must be one of \"\\r\\n\", \"\\n\", \"\\r\"")
        header = flag("header", True)
        header_row = 1
        rows = raw.get("headerRows")
        if rows is not None:
            if not isinstance(rows, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in rows):
                raise _Bad("headerRows", "must be a list of line numbers from 1")
            if len(rows) > 1:
                raise _Bad("headerRows", "a header of several rows is not supported; join it into one row")
            header, header_row = bool(rows), rows[0] if rows else 1
        comment_rows = raw.get("commentRows", [])
        if not isinstance(comment_rows, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in comment_rows):
            raise _Bad("commentRows", "must be a list of line numbers from 1")
        null = raw.get("nullSequence")
        if null is not None and not isinstance(null, str):
            raise _Bad("nullSequence", "must be text")
        for key in ("caseSensitiveHeader",):
            flag(key, False)
        return Dialect(delimiter=delimiter, quote_char=quote, double_quote=flag("doubleQuote", True),
                       escape_char=char("escapeChar", None), skip_initial_space=flag("skipInitialSpace", False),
                       header=header, header_row=header_row, comment_char=char("commentChar", None),
                       comment_rows=tuple(comment_rows), null_sequence=null), None
    except _Bad as bad:
        return None, (bad.key, bad.why)


class _Bad(Exception):
    def __init__(self, key: str, why: str):
        super().__init__(why)
        self.key, self.why = key, why


def missing_values(schema: dict[str, Any]) -> frozenset[str]:
    """The cells a schema reads as missing (Table Schema `missingValues`, v2 objects too; default [""])."""
    raw = schema.get("missingValues", [""])
    out = set()
    for item in raw if isinstance(raw, list) else [""]:
        if isinstance(item, dict):
            item = item.get("value")
        if isinstance(item, str):
            out.add(item)
    return frozenset(out)


@dataclass(frozen=True)
class Row:
    """A data row as written, and the physical line it starts on (for located messages)."""

    line: int
    cells: list[str]


class CsvError(Exception):
    """The file is not CSV the csv module can read in this dialect; `line` is where it stopped."""

    def __init__(self, line: int, why: str):
        super().__init__(why)
        self.line, self.why = line, why


def _reader(stream: io.TextIOBase, dialect: Dialect) -> Any:
    return csv.reader(stream, delimiter=dialect.delimiter, quotechar=dialect.quote_char, doublequote=dialect.double_quote,
                      escapechar=dialect.escape_char, skipinitialspace=dialect.skip_initial_space, strict=True)


def read_rows(raw: bytes, encoding: str, dialect: Dialect) -> tuple[list[str] | None, int, Iterator[Row]]:
    """(header or None, its line, the data rows): a stream over the file's bytes, decoded as it goes.

    Comment lines (commentChar, commentRows) and the lines before the header are skipped; a blank
    line is a row of no cells, which validation reports. Raises CsvError where a quote is left open
    or misplaced, UnicodeDecodeError where the bytes are not in `encoding`.
    """
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding=codecs.lookup(encoding).name, newline="")
    reader = _reader(stream, dialect)
    header: list[str] | None = None
    header_line = 0

    def rows() -> Iterator[Row]:
        last = 0
        try:
            for cells in reader:
                start, last = last + 1, reader.line_num
                if start in dialect.comment_rows or dialect.comment_char and cells and cells[0].startswith(dialect.comment_char):
                    continue
                if dialect.null_sequence is not None:
                    cells = ["" if c == dialect.null_sequence else c for c in cells]
                yield Row(start, cells)
        except csv.Error as exc:
            raise CsvError(reader.line_num or last + 1, str(exc)) from exc

    stream_rows = rows()
    if dialect.header:
        for row in stream_rows:
            if row.line < dialect.header_row:
                continue
            header, header_line = row.cells, row.line
            break
    return header, header_line, stream_rows


def inline_rows(data: list[Any], field_names: list[str], header: bool) -> tuple[list[str] | None, list[list[str]]]:
    """Inline `data` as text cells: a list of lists (the first a header unless the dialect says not)
    or a list of objects keyed by field name. Values are written as their CSV text (true, 3.5)."""
    if data and all(isinstance(item, dict) for item in data):
        return list(field_names), [[cell_text(item.get(name)) for name in field_names] for item in data]
    rows = [[cell_text(v) for v in item] if isinstance(item, list) else [cell_text(item)] for item in data]
    if header and rows:
        return rows[0], rows[1:]
    return None, rows


def cell_text(value: Any) -> str:
    """A JSON/YAML value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def field_columns(line: str, dialect: Dialect) -> list[int]:
    """1-based start column of each field on a physical line, in this dialect (for located messages)."""
    starts, quoted, i = [1], False, 0
    while i < len(line):
        ch = line[i]
        if dialect.escape_char and ch == dialect.escape_char:
            i += 2
            continue
        if ch == dialect.quote_char:
            quoted = not quoted
        elif ch == dialect.delimiter and not quoted:
            starts.append(i + 2)
        i += 1
    return starts


def physical_line(raw: bytes, encoding: str, number: int) -> str:
    """Line `number` (1-based) of the file, for placing a column; '' beyond its end.

    Read only when a message needs a column: scanning the bytes again is cheaper than keeping
    every line of a large file for the few that are wrong.
    """
    start = 0
    for _ in range(number - 1):
        nl = raw.find(b"\n", start)
        if nl < 0:
            return ""
        start = nl + 1
    end = raw.find(b"\n", start)
    return raw[start:end if end >= 0 else len(raw)].decode(encoding, errors="replace").rstrip("\r")
