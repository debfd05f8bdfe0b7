"""The numbers `extract` read no figure from: what an editor has to look at by hand.

`extract` proposes a row only where its phrase rules name the figure, and on wording it was not written
for it names far fewer (issue 23: about half of the rows of texts written blind from new sources). A
figure it did not read must not be lost silently: every number the text prints as a figure — not a date,
a year, a document number, a list number or a change ("tăng 4 bậc") — that no proposal takes its value
from is listed with its line and the sentence or table row around it, so that the editor's check of the
draft covers the whole text rather than only the rows proposed.

A number counts as read when a proposal was made from its place, or when a proposal made from the same
line of the text has its value (a table row's figures are located by their row, a sum in "tỷ đồng" is
converted to đồng). Proposals dropped as a figure said again still count: the figure was read.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from site_builder.editor import tables
from site_builder.editor.extract import Number, find_numbers, is_english, split_sentences, squash
from site_builder.editor.phrases import fold
from site_builder.editor.text_periods import PeriodScope

# A number that only states a change or a difference ("tăng 4 bậc", "giảm 3,86%", "up 2.1 points", "nhiều hơn 12
# hồ sơ"): never a row (extract_corpus/README.md), so not a figure left unread either; nor one signed ("+13").
_CHANGE = re.compile(r"(?<![a-z])(?:tang|giam|nhieu hon|it hon|cao hon|thap hon|vuot|chenh lech|tut|len|xuong"
                     r"|increase[sd]?|decrease[sd]?|up|down|rose|fell|gained|dropped|higher|lower|more than last)"
                     r"(?:\s+(?:them|so voi|by|of|khoang|gan|hon|tren|duoc))?\W{0,3}$|[+−]\s?$|(?<!\w)-$")
# What names a thing by a number rather than counting: a table's or section's number ("Bảng 2"), a hotline's
# ("Tổng đài 1022"), a group's size ("nhóm 20 địa phương", "top 30"), a time of day and a time zone ("16:40 [GMT+7]").
_NAMING = re.compile(r"(?<![a-z])(?:(?:tong dai|duong day nong|hotline)(?:\W+[a-z]+){0,3}|nhom|top"
                     r"|gmt|utc|phien|(?:lan|nam|ky|dot) thu|khoa|ngay|sang|chieu|toi|muc(?: do)?|level|tieu chi|criteri(?:on|a)"
                     r"|(?:muc(?: do)?|level) \d+(?: va|,| and)?)\W{0,2}$")  # "Mức 1, 2", "Tiêu chí 3:", "lần thứ 3"
# A move up or down a ranking ("nhảy vọt 8 bậc", "up 3 places") is a change.
_STEPS = re.compile(r"\s*(?:bac|hang|places?|spots?|positions?)(?![a-z])")
_CAPTION = re.compile(r"(?<![a-z])(?:bang|bieu|phu luc|hinh|table|chart|figure)\W{0,2}$")  # "Bảng 2." ("bằng 53,98%" is no caption)
_CLOCK = re.compile(r"\d[:h]$|[:h]\d|\d[-/.]$")  # "16:40", "7h30", the month of "Ngày 18-1"
# A number of months, years or days is a length of time ("Trong 9 tháng", "3 năm thực hiện"), not a figure.
_DURATION = re.compile(r"\s*(?:thang|nam|quy|ngay|tuan|gio|phut|months?|years?|quarters?|days?|weeks?|hours?|tuoi)(?![a-z])")


@dataclass(frozen=True)
class Unread:
    """A number printed as a figure that no proposal was made from."""

    line: int  # 1-based line of the text
    printed: str  # as the text prints it ("3.486", "72,3%")
    value: float  # as read (3486.0, 72.3)
    quote: str  # the sentence or table row it stands in


def as_proposed(value: float) -> set[float]:
    """The values a proposal may carry for a printed number: itself, or itself in đồng when printed in thousand,
    million or billion đồng."""
    return {round(value * f, 6) for f in (1, 1e3, 1e6, 1e9)}


Candidate = tuple[int, str, float, str]  # (offset, as printed, value, the words to quote)


def _no_figure(piece: str, number: Number) -> bool:
    """Whether the words around a number of a sentence make it no figure: a change, a name, a length of time, a
    move in a ranking, a time of day or a date's part, a table's caption, or a zero in words (said of plans and
    of many things, too often to list)."""
    before = fold(piece[max(0, number.start - 40): number.start])
    after = fold(piece[number.end: number.end + 12])
    return (_CHANGE.search(before) is not None or _NAMING.search(before) is not None
            or (not number.percent and (_STEPS.match(after) or _DURATION.match(after)) is not None)
            or _CLOCK.search(piece[max(0, number.start - 2): number.start]) is not None or _CLOCK.match(piece[number.end:]) is not None
            or (_CAPTION.search(before) is not None and re.fullmatch(r"\d{1,2}", number.text.strip()) is not None
                and re.match(r"[.:]?\s*$", piece[number.end:]) is not None)
            or not any(c.isdigit() for c in number.text))


def _in_prose(text: str, scope: PeriodScope, english: bool) -> Iterator[tuple[Candidate, float | None]]:
    """The numbers of the prose sentences that may be figures, each with the whole of its ratio ("1.204/1.236")."""
    for sentence in split_sentences(text):
        piece = sentence.text
        for number in find_numbers(piece, english):
            at = sentence.start + number.start
            if scope.compared_undated(at) or _no_figure(piece, number):
                continue
            decimal = re.match(r"\.\d{1,2}(?!\d)", piece[number.end:])  # "98.41" of a software export, read as 98.41
            value = float(number.text.strip() + decimal.group()) if decimal and not english else number.value
            yield (at, number.text, value, piece), number.denominator


def _alone_on_lines(lines: list[str], starts: list[int], spans: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Numbers alone on their line outside the tables: cells of a table copied one per line that `tables.unstack`
    did not join, quoted after the line above (their label); not a page's number between two paragraphs."""
    for k, line in enumerate(lines):
        alone = re.fullmatch(r"\s*(\d[\d.,]*\s?%?)\s*", line)
        if alone is None or any(a <= starts[k] <= b for a, b in spans):
            continue
        before = next((lines[j] for j in range(k - 1, -1, -1) if lines[j].strip()), "")
        after = next((lines[j] for j in range(k + 1, len(lines)) if lines[j].strip()), "")
        if all(len(n.strip()) > 40 for n in (before, after) if n):
            continue
        cells = tables.figure_cells(alone.group(1))
        if cells:
            yield starts[k] + alone.start(1), alone.group(1), cells[0][2], f"{before} {line}"


def _in_tables(lines: list[str], starts: list[int], spans: list[tuple[int, int]]) -> Iterator[Candidate]:
    """The figure cells of every table row, quoted with their row; not a level's or criterion's number."""
    for a, b in spans:
        for k in range(bisect_right(starts, a) - 1, bisect_right(starts, b)):
            for column, cell, value in tables.figure_cells(lines[k]):
                if not _NAMING.search(fold(lines[k][max(0, column - 40): column])):  # "Mức 3", "Mức độ 1 Mức độ 2"
                    yield starts[k] + column, cell, value, lines[k]


def unread_numbers(scope: PeriodScope, read: Iterable[tuple[int, str]]) -> list[Unread]:
    """Numbers of the text `scope` was read from (extract's, with its periods) printed as figures that none of the
    proposals `read` — (offset of the number or table row, value) of every row `extract` made, before rows said
    twice were dropped — was made from, in text order."""
    text = scope.text
    flat = tables.unstack(text)  # a table printed one cell per line is one row per line here, at the same offsets
    starts = [0] + [m.end() for m in re.finditer(r"\n", flat)]  # rows, by which table proposals are located
    text_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]  # the text's own lines, as the editor counts them
    offsets: set[int] = set()
    on_row: dict[int, set[float]] = {}
    for offset, value in read:
        offsets.add(offset)
        if value != "":
            on_row.setdefault(bisect_right(starts, offset), set()).add(round(float(value), 6))
    lines, spans = flat.split("\n"), tables.table_spans(text)
    candidates = [*_in_prose(text, scope, is_english(text)),
                  *((c, None) for c in _alone_on_lines(lines, starts, spans)), *((c, None) for c in _in_tables(lines, starts, spans))]
    found: dict[int, Unread] = {}  # one entry a place: "10th out of 18" reads 18 twice
    for (at, printed, number, quote), whole in candidates:
        proposed = on_row.get(bisect_right(starts, at), set())
        if at in offsets or scope.in_period(at) or as_proposed(number) & proposed or (whole is not None and as_proposed(whole) & proposed):
            continue  # read: proposed from here, or its value (or the whole of its ratio) proposed from its row
        found[at] = Unread(bisect_right(text_starts, at), printed.strip(), number, squash(quote))
    return [found[at] for at in sorted(found)]
