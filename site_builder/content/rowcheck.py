"""A quick pass over a CSV's rows that tells when frictionless would find nothing wrong with them.

Frictionless spends 20–35 ms on a resource before it reads a row (it copies the descriptor and
validates it, its schema and every field through JSON Schema), and the project's package holds one
CSV per report, all of one schema: at national scale thousands of CSVs, most of a check's time.
This pass is built once per schema and costs the rows, not the resource. It decides nothing by
itself and words no error: a resource it passes is valid as frictionless would find it, anything
else (a problem it sees, a file or descriptor it is not sure of) goes to frictionless, whose report
gives the located messages as before.

To stay exactly as strict as frictionless, each cell is read by frictionless' own cell reader of
its field (type, format, missing values and every constraint), once per distinct text of a column;
what frictionless checks across cells (row length, blank rows, unique fields, the primary key) and
the header are checked here the way its row stream does; and the file must be one frictionless
decodes and splits as the site did (its encoding detection and its dialect sniffing, asked here).
"""
from __future__ import annotations

import codecs
import copy
import csv
import io
import re
from typing import Any, Callable, Sequence

import frictionless
from frictionless import settings as fl_settings

# Descriptor keys that change neither how frictionless reads a resource's rows nor what it checks
# in them; a resource with any other key (a dialect, a hash, a byte count, a compression, …) is left
# to frictionless.
QUICK_KEYS = frozenset({"name", "path", "schema", "title", "description", "title_vi", "description_vi", "encoding", "format"})
# The Table Schema keys the quick pass honours; a schema with another (foreign keys left after
# content/'s are taken out, a field's own missingValues, …) is left to frictionless.
SCHEMA_KEYS = frozenset({"fields", "primaryKey", "missingValues", "foreignKeys"})  # foreign keys only when none are left
NAME = re.compile(fl_settings.NAME_PATTERN)
SNIFF_DELIMITERS = ",\t;|"  # what frictionless' CSV parser lets csv.Sniffer choose from
SAMPLE_LINES = 100  # the lines frictionless sniffs the dialect from


class RowChecker:
    """The quick pass of one Table Schema: each field's frictionless cell reader and what it read.

    `clean(header, rows)` is True only when frictionless would report nothing in these rows.
    """

    def __init__(self, schema: frictionless.Schema):
        self.names = [f.name for f in schema.fields]
        self.missing = frozenset(str(v) for v in schema.missing_values)
        self.readers: list[Callable[[Any], tuple[Any, Any]] | None] = []
        for f in schema.fields:
            plain = f.type == "string" and f.format == "default" and all(f.constraints.get(c) is None for c in f.supported_constraints)
            self.readers.append(None if plain else f.create_cell_reader())  # a plain text never fails: its value is the cell
        self.memo: list[dict[str, tuple[Any, bool]]] = [{} for _ in schema.fields]  # cell text -> (value, read without a note)
        self.unique = [i for i, f in enumerate(schema.fields) if f.constraints.get("unique")]
        key = list(schema.primary_key)
        self.primary = [self.names.index(name) for name in key] if set(key) <= set(self.names) else []
        self.blank_possible = not any(f.constraints.get("required") for f in schema.fields)

    def _column(self, i: int, cells: Sequence[str]) -> list[Any] | None:
        """The values frictionless reads from column `i`, or None when a cell gets a note (type or constraint)."""
        reader = self.readers[i]
        if reader is None:
            return [None if c in self.missing else c for c in cells]
        memo = self.memo[i]
        for text in set(cells).difference(memo):
            value, notes = reader(text)
            memo[text] = (value, not notes)
        if not all(memo[text][1] for text in set(cells)):
            return None
        return [memo[c][0] for c in cells]

    def clean(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
        """Whether frictionless would find no error in this header and these data rows (raw cells, schema order)."""
        width = len(self.names)
        if list(header) != self.names:
            return False
        if not rows:  # a header alone is a valid empty table
            return True
        if any(len(r) != width for r in rows):  # extra or missing cells
            return False
        columns = list(zip(*rows))
        values: dict[int, list[Any]] = {}
        for i in range(width):
            got = self._column(i, columns[i])
            if got is None:
                return False
            if i in self.unique or i in self.primary:
                values[i] = got
        if self.blank_possible and any(all(c in self.missing for c in r) for r in rows):
            return False
        for i in self.unique:
            present = [v for v in values[i] if v is not None]
            if len(set(present)) != len(present):
                return False
        if self.primary:
            keys = list(zip(*(values[i] for i in self.primary)))
            if any(all(v is None for v in k) for k in keys) or len(set(keys)) != len(keys):
                return False
        return True


def checker(schema: Any) -> RowChecker | None:
    """The quick pass of a schema descriptor, or None when it is one the pass leaves to frictionless
    (a key it does not honour, field names it cannot compare, or a schema frictionless refuses)."""
    if not isinstance(schema, dict) or set(schema) - SCHEMA_KEYS or schema.get("missingValues", [""]) != [""] or schema.get("foreignKeys"):
        return None
    fields = schema.get("fields")
    if not isinstance(fields, list) or not all(isinstance(f, dict) and "missingValues" not in f for f in fields):
        return None
    names = [f.get("name") for f in fields]
    if not all(isinstance(n, str) and n for n in names) or len(set(names)) != len(names):
        return None
    try:
        return RowChecker(frictionless.Schema.from_descriptor(copy.deepcopy(schema)))
    except frictionless.FrictionlessException:
        return None


def eligible(res: dict[str, Any]) -> bool:
    """Whether a resource's descriptor says nothing the quick pass does not honour: a CSV file with
    a name frictionless accepts, no dialect, no hash or counts, a schema of its own or shared."""
    return (not set(res) - QUICK_KEYS and isinstance(res.get("name"), str) and bool(NAME.match(res["name"]))
            and isinstance(res.get("path"), str) and res["path"].lower().endswith(".csv") and res.get("format", "csv") == "csv")


def read_alike(res: dict[str, Any], raw: bytes, encoding: str) -> bool:
    """Whether frictionless would decode `raw` with the same codec as the site (`encoding`) and split
    it as plain CSV (comma, double quotes, no escape character, spaces kept): it guesses an encoding
    the descriptor does not give and sniffs the dialect from the first lines."""
    detector = frictionless.Detector()
    theirs = detector.detect_encoding(raw[: detector.buffer_size], encoding=res.get("encoding"))
    if codecs.lookup(theirs).name != codecs.lookup(encoding).name:
        return False
    try:
        stream = io.TextIOWrapper(io.BytesIO(raw), theirs, newline="")
        sample = "".join(line for _, line in zip(range(SAMPLE_LINES), stream))
    except UnicodeDecodeError:
        return False
    try:
        sniffed = csv.Sniffer().sniff(sample, SNIFF_DELIMITERS)
    except csv.Error:
        return True  # frictionless falls back to the excel dialect: the site's
    return sniffed.delimiter == "," and sniffed.quotechar in ('"', "'") and sniffed.escapechar is None and not sniffed.skipinitialspace
