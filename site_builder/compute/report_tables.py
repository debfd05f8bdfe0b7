"""A report's figures as the document lays them out: a table per section, in document order.

Input: one report's figures and its source text. Output: `ReportTables`, which the report page
presents. Each figure's locator names its place in the document ("Mục II.6, gạch đầu dòng 4",
"Phụ lục 03, dòng 1.2, cột Năm 2015"); the part before its first comma is the section the figure
is grouped under. A section whose figures are the rows of a printed table over several columns,
one period per column (an appendix's statistics for 2015 … 2020), is laid out as that table, rows
× periods. A section of text that gives the same figures year after year is laid out the same
way, a row per indicator; any other section is a list, one row per figure.

Unlike compute.grid (a unit's figures over time, where a number the text repeats in a table is
shown once) nothing is merged here: the report page is where every figure has its anchor, so
each appears exactly once.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from site_builder.compute.grid import ordered_periods
from site_builder.content.corpus import Figure

_OPEN, _CLOSE = "(“[", ")”]"
_COLUMN = re.compile(r"^cột\b", re.IGNORECASE)  # "cột Năm 2015", "cột “Kết quả”"


@dataclass(frozen=True)
class TableRow:
    """One row of a printed table: the document's row over the table's periods."""

    label: str  # the row as the locator names it, without section and column: 'dòng 5.1, tử số'
    indicator: str
    breakdown: str
    unit: str
    cells: tuple[tuple[Figure, ...], ...]  # per period of the table: its figures (one, or none for a blank cell)


@dataclass(frozen=True)
class UnitColumn:
    """A column of a printed table of units: the indicator (and breakdown) its cells give."""

    label: str  # as the locator names it: 'cột Đúng hạn'
    indicator: str
    breakdown: str


@dataclass(frozen=True)
class UnitRow:
    """A row of a printed table of units (a province's appendix, a row per commune): one unit, one
    line of the document, quoted once for all its cells."""

    label: str  # 'dòng 106'
    unit: str
    locator: str  # the section and the row: 'Phụ lục, dòng 106'
    quote: str  # the row's line, which every cell of it quotes
    cells: tuple[tuple[Figure, ...], ...]  # per column: its figure, or none for a blank cell


@dataclass(frozen=True)
class FigureGroup:
    """The figures of one section of the document, in document order."""

    section: str  # the locator's first part: 'Mục II.6', 'Phụ lục 03'
    anchor: str  # an HTML id for the group's heading, unique on the page
    figures: tuple[Figure, ...]  # every figure of the section, in document order
    periods: tuple[str, ...]  # rows × periods: the columns, in time order; empty for a list
    rows: tuple[TableRow, ...]  # rows × periods: the rows, in document order; empty for a list
    printed: bool  # the rows × periods are a table the document prints (an appendix), not its text's
    period: str  # a list whose figures share one period: that period (no column for it); else ''
    in_section: bool  # a printed table shown in the report's own section about it (ReportTables.in_sections)
    columns: tuple[UnitColumn, ...] = ()  # a table of units: its columns; empty otherwise
    unit_rows: tuple[UnitRow, ...] = ()  # a table of units: a row per unit, in document order


@dataclass(frozen=True)
class ReportTables:
    """Every figure of a report, grouped by the document's sections."""

    groups: tuple[FigureGroup, ...]
    in_sections: tuple[FigureGroup | None, ...]  # per section of the report: the printed table it transcribes, if any
    unit: str  # the unit most figures are about; rows about another name theirs ('' without figures)
    mixed: bool  # some figures are about another unit than `unit`
    count: int  # figures in all groups


def locator_parts(locator: str) -> tuple[str, ...]:
    """A locator split at its commas, except those inside brackets or quotes:
    'Chú thích 1 (cho số hồ sơ quá hạn, Mục III.1), đoạn 1' -> ('Chú thích 1 (…, Mục III.1)', 'đoạn 1')."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(locator):
        if ch == '"':
            quoted = not quoted
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and not quoted:
            parts.append(locator[start:i].strip())
            start = i + 1
    parts.append(locator[start:].strip())
    return tuple(p for p in parts if p)


def section_of(locator: str) -> str:
    """The section a locator points into: its first part ('Mục II.6', 'Phụ lục 03')."""
    parts = locator_parts(locator)
    return parts[0] if parts else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def document_order(figures: Iterable[Figure], source: str) -> tuple[Figure, ...]:
    """Figures in the order their quotes appear in the source text; figures quoting the same
    sentence, or a table row, keep the order of the CSV. A quote not found in the source (the
    check refuses one; a fixture may lack its source) stays after the figure before it in the CSV."""
    text = _squash(source)
    keyed: list[tuple[int, int, Figure]] = []
    last = -1
    for f in sorted(figures, key=lambda f: f.line):
        found = text.find(_squash(f.quote)) if f.quote.strip() else -1
        last = found if found >= 0 else last
        keyed.append((last, f.line, f))
    return tuple(f for _, _, f in sorted(keyed, key=lambda k: (k[0], k[1])))


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "section"


def _rows(figures: tuple[Figure, ...], keys: list[tuple[str, str, str, str]]) -> tuple[tuple[str, ...], tuple[TableRow, ...]]:
    """Figures as rows (by key: row label, indicator, breakdown, unit; in order of first figure)
    over their periods (in time order)."""
    periods = ordered_periods(figures)
    cells: dict[tuple[str, str, str, str], dict[str, list[Figure]]] = {}
    for key, f in zip(keys, figures):
        cells.setdefault(key, {}).setdefault(f.period, []).append(f)
    rows = tuple(TableRow(label, indicator, breakdown, unit, tuple(tuple(by_period.get(p, ())) for p in periods))
                 for (label, indicator, breakdown, unit), by_period in cells.items())
    return periods, rows


def _printed_table(figures: tuple[Figure, ...]) -> tuple[tuple[str, ...], tuple[TableRow, ...]]:
    """A section's figures as rows × periods when they are a printed table's cells: every locator
    names a column ('cột …'), each column is one period and each period one column, there are two
    columns or more, and some row has a figure in more than one. Else ((), ())."""
    columns: dict[str, set[str]] = {}  # column -> its periods
    periods_of: dict[str, set[str]] = {}  # period -> its columns
    keys: list[tuple[str, str, str, str]] = []
    for f in figures:
        parts = locator_parts(f.locator)[1:]
        named = [i for i, p in enumerate(parts) if _COLUMN.match(p)]
        if len(named) != 1:
            return (), ()
        column = parts[named[0]]
        columns.setdefault(column, set()).add(f.period)
        periods_of.setdefault(f.period, set()).add(column)
        keys.append((", ".join(parts[:named[0]] + parts[named[0] + 1:]), f.indicator, f.breakdown, f.unit))
    if len(columns) < 2 or any(len(v) != 1 for v in (*columns.values(), *periods_of.values())):
        return (), ()
    periods, rows = _rows(figures, keys)
    if all(sum(1 for cell in row.cells if cell) < 2 for row in rows):
        return (), ()
    return periods, rows


UNIT_TABLE_MIN_ROWS = 10  # below this a table of units stays a list, a card per figure


def _unit_table(figures: tuple[Figure, ...]) -> tuple[tuple[UnitColumn, ...], tuple[UnitRow, ...]]:
    """A section's figures as units × columns when they are a printed table of units (a province's
    appendix, a row per commune, a column per indicator): one period, every locator names one column
    and each column one indicator, each row one unit and one quoted line, and at least
    UNIT_TABLE_MIN_ROWS rows of two units or more. Its rows share their source card, so that a
    province of 150 communes is a page of 150 quotes, not 750. Else ((), ())."""
    if len({f.period for f in figures}) != 1:
        return (), ()
    columns: dict[str, set[tuple[str, str]]] = {}
    rows: dict[str, list[Figure]] = {}
    for f in figures:
        parts = locator_parts(f.locator)
        named = [i for i, p in enumerate(parts[1:], start=1) if _COLUMN.match(p)]
        if len(named) != 1:
            return (), ()
        columns.setdefault(parts[named[0]], set()).add((f.indicator, f.breakdown))
        rows.setdefault(", ".join(parts[: named[0]] + parts[named[0] + 1:]), []).append(f)
    if len(columns) < 2 or len(rows) < UNIT_TABLE_MIN_ROWS or any(len(v) != 1 for v in columns.values()):
        return (), ()
    if any(len({f.unit for f in fs}) != 1 or len({_squash(f.quote) for f in fs}) != 1 for fs in rows.values()):
        return (), ()
    if len({fs[0].unit for fs in rows.values()}) < 2:
        return (), ()
    order = list(columns)
    out = []
    for locator, fs in rows.items():
        by_column: dict[str, list[Figure]] = {}
        for f in fs:
            column = next(p for p in locator_parts(f.locator) if _COLUMN.match(p))
            by_column.setdefault(column, []).append(f)
        label = ", ".join(locator_parts(locator)[1:])
        out.append(UnitRow(label, fs[0].unit, locator, fs[0].quote, tuple(tuple(by_column.get(c, ())) for c in order)))
    return tuple(UnitColumn(c, *next(iter(columns[c]))) for c in order), tuple(out)


def _series(figures: tuple[Figure, ...]) -> tuple[tuple[str, ...], tuple[TableRow, ...]]:
    """A section of text that gives the same figures period after period ("in 2015 … 850 forms,
    5,658 dossiers …; in 2016 …") as rows × periods: a row per indicator, breakdown and unit, when
    no row has two figures for one period and the table has at most half as many rows as there
    are figures. Else ((), ())."""
    keys = [("", f.indicator, f.breakdown, f.unit) for f in figures]
    if len(set(zip(keys, (f.period for f in figures)))) < len(figures):
        return (), ()
    periods, rows = _rows(figures, keys)
    if len(periods) < 2 or 2 * len(rows) > len(figures):
        return (), ()
    return periods, rows


def transcribes(heading: str, section: str) -> bool:
    """Whether a report section's heading ('Phụ lục 03: Thống kê …') names the document's section
    `section` ('Phụ lục 03') at its start."""
    return heading.startswith(section) and not heading[len(section):len(section) + 1].isalnum()


def report_tables(figures: Iterable[Figure], source: str = "", headings: Sequence[str] = ()) -> ReportTables:
    """Group one report's figures by the sections of its document, in document order (`source`
    is the report's text as received, which gives that order).

    `headings` are the Vietnamese headings of the report's own sections. A section that
    transcribes a printed table ('Phụ lục 03: …', whose points restate its rows in words) shows
    that table, rows × periods, where the document has it: each table in one section, the first
    whose heading names it (the longest name, when a heading names two).
    """
    ordered = document_order(figures, source)
    sections: dict[str, list[Figure]] = {}
    for f in ordered:
        sections.setdefault(section_of(f.locator), []).append(f)
    groups: list[FigureGroup] = []
    anchors: set[str] = set()
    for section, members in sections.items():
        figs = tuple(members)
        periods, rows = _printed_table(figs)
        printed = bool(rows)
        columns, unit_rows = ((), ()) if printed else _unit_table(figs)
        if not printed and not unit_rows:
            periods, rows = _series(figs)
        shared = {f.period for f in figs}
        anchor = base = f"figures-{_slug(section)}"
        n = 1
        while anchor in anchors:
            n += 1
            anchor = f"{base}-{n}"
        anchors.add(anchor)
        groups.append(FigureGroup(section, anchor, figs, periods, rows, printed, next(iter(shared)) if len(shared) == 1 and not rows else "", False,
                                  columns, unit_rows))
    placement: list[int | None] = []  # per heading: the index of the group it shows
    for heading in headings:
        free = [i for i, g in enumerate(groups) if g.printed and i not in placement and transcribes(heading, g.section)]
        placement.append(max(free, key=lambda i: len(groups[i].section)) if free else None)
    groups = [replace(g, in_section=True) if i in placement else g for i, g in enumerate(groups)]
    units = Counter(f.unit for f in ordered)
    # the most common unit; a tie goes to the one named first in the document
    unit = max(units, key=lambda u: (units[u], -next(i for i, f in enumerate(ordered) if f.unit == u))) if units else ""
    return ReportTables(tuple(groups), tuple(None if i is None else groups[i] for i in placement), unit, len(units) > 1, len(ordered))
