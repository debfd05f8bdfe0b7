"""The table reader of `site-builder extract`: figures from the tables a report prints.

Reports print tables in two orientations, and in two layouts:

- rows name indicators and columns name periods ("Năm 2019 | Năm 2020", the appendices of
  district reports) or say what the cells are ("Số lượng | Tỷ lệ");
- columns name indicators ("Tiếp nhận | Đã giải quyết | Trước hạn | …", "Số thủ tục | Hồ sơ
  tiếp nhận") and rows name a breakdown: a level ("Cấp huyện"), an online level ("Mức độ 3"),
  a channel, a rating, or the total ("Tổng cộng", "Cộng"), which gets no breakdown;
- cells separated by tabs (pasted from a word processor) or by runs of spaces, aligned under
  their header (`pdftotext -layout`), or, under such a header, by single spaces when every
  cell is a number (a statistics page copied from a browser).

`table_spans` finds the tables so that the prose reader skips them; `read_tables` reads their
cells. A value is always the number printed in its cell: "0" is a reported zero, a blank, "-"
or "/" is a missing figure, and nothing is ever added up.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from site_builder.content import periods
from site_builder.editor import extract as ex
from site_builder.editor import phrases as pt
from site_builder.editor import text_periods
from site_builder.editor.phrases import fold, fold_with_map, phrase

Period = tuple[str, str, str]  # (code, first day, last day)
PeriodAt = Callable[[int], "Period | None"]

# --------------------------------------------------------------------------- phrase tables

# What a column header (or, in a table whose columns say "Số lượng | Tỷ lệ", a row label) names.
# The first phrase that matches wins: the combined "đúng hạn và trước hạn" before its parts,
# "quá hạn … chưa có kết quả" (still open) before "quá hạn" (resolved late), "chưa đến hạn" before
# "đến hạn"; "thủ tục" only where no "hồ sơ" is named ("Hồ sơ TTHC tiếp nhận" counts dossiers).
HEADER_RULES: tuple[tuple[str, str], ...] = (
    ("dossiers-withdrawn", "(`r[ua]t(?!\\W+(?:(?:khong|chua)\\W+)?hai\\W*long)`|tra lai)"),  # "rút" (or OCR's "rat"), never "Rất (không) hài lòng"
    # "Số hóa thành phần hồ sơ", "Kết quả được số hóa": before "hồ sơ" and "kết quả" name other counts
    ("results-digitised", "(ket qua ~ " + pt.DIGITISED + "|" + pt.DIGITISED + " ket qua)"),
    ("dossiers-digitised", pt.DIGITISED),
    ("dossiers-carried-over", "((ky truoc|ton) ~ chuyen (qua|sang)|ton ky truoc|ky truoc)"),
    # "Số hồ sơ nhận giải quyết" (the form of Circular 01/2018): new and carried over together
    ("dossiers-to-process", "(tong so ho so (phai |can )?(giai quyet|xu ly)|(phai|can) (giai quyet|xu ly)|ho so nhan giai quyet)"),
    ("dossiers-pending-within-deadline", "(chua den han|trong han)"),
    ("dossiers-due", "den han"),
    ("dossiers-resolved-on-time", pt.ON_TIME_WITH_EARLY),  # "Đúng và trước hạn", "Trước và đúng hạn", "Sớm và đúng hạn" …
    ("dossiers-pending-overdue", "(qua|tre) (han|hen) ~ chua (co ket qua|giai quyet|xu ly)"),
    ("dossiers-resolved-early", "truoc (han|hen)"),
    ("dossiers-resolved-on-time", "dung (han|hen)"),
    ("dossiers-resolved-late", "(qua|tre) (han|hen)"),
    ("dossiers-pending", "(dang|chua) (giai quyet|xu ly)"),
    ("dossiers-resolved", "(da )?(giai quyet|xu ly|tra ket qua|co ket qua)"),
    ("procedures-online-services", "(so )?(thu tuc|tthc)"),
    ("dossiers-received-online", "truc tuyen"),
    ("dossiers-received", "(tiep nhan|nhan moi|moi nhan|ho so nhan|phat sinh)"),  # "nhận mới" and "mới nhận"; "Hồ sơ phát sinh"
    ("survey-forms-issued", "(phieu ~ phat( ra)?|phat ra)"),  # "Phiếu phát ra": handed out, not returned
    ("satisfaction-survey-forms", "(so )?phieu"),
)
# Headers that say what the cells of an indicator row are: its count, or its share.
COUNT_HEADER = "(so luong|so ho so|tong so|ket qua|tong|cong|tong cong|so luot( danh gia)?|luot danh gia|tan (so|suat)|so nguoi|so phieu|sl|n)"
# Columns computed from the others, no figure of the row's own: a comparison of two periods ("So sánh
# 2021/2020 (%)", "Tăng, giảm"), a cumulative share ("Tỷ lệ cộng dồn", as a statistics package prints it).
DERIVED_HEADER = "(so sanh|tang,? giam|tang/giam|chenh lech|cong don|tich luy|`\\d{4}\\s*/\\s*\\d{4}`)"
SHARE_HEADER = "(ty le|`%`)"
# The header of the label column ("STT", "Nội dung", "Mức độ"): never a column of figures.
LABEL_HEADER = "(stt|tt|noi dung|chi tieu|don vi|linh vuc|muc do|kenh|hinh thuc|cap|(muc )?danh gia)"

# Row labels that name a breakdown (dimension=value); a total row names none.
ROW_BREAKDOWNS: tuple[tuple[str, str], ...] = (
    ("muc( do)? `0?1\\W{0,3}(?:va\\W+)?0?2(?!\\d)`", "online_level=level-1-2"),  # "Mức 1, 2": the old levels 1 and 2 together
    ("muc( do)? `0?1(?!\\W{0,3}(?:va\\W+)?0?2)(?![\\d,.])`", "online_level=level-1"),
    ("muc( do)? `0?2(?![\\d,.])`", "online_level=level-2"),
    ("muc( do)? `0?3`", "online_level=partial"),
    ("muc( do)? `0?4`", "online_level=full_process"),
    ("mot phan", "online_level=partial"),
    ("toan trinh", "online_level=full_process"),
    ("truc tiep", "channel=in-person"),
    ("rat hai long", "rating=very_satisfied"),
    ("(khong|chua) hai long", "rating=dissatisfied"),
    ("hai long", "rating=satisfied"),
    ("binh thuong", "rating=average"),
) + tuple((spec, f"level={level}") for spec, level in pt.LEVELS) + (
    ("(cac xa|xa, (phuong, )?thi tran)", "level=commune"),
    # a row for the one-stop desk of one level ("Bộ phận Một cửa huyện" above "UBND các xã"): that level's figures
    ("mot cua (cap )?huyen", "level=district"),
    ("mot cua (cap )?tinh", "level=province"),
    ("so,? (ban,? )?nganh", "level=province"),  # "Sở, ngành" as a row: the province's agencies
    # "Cấp thị xã", "Cấp quận" as a row: a town's or an urban district's own level is always the district level
    # ("cấp thành phố" is not: a city may be a province)
    ("cap (thi xa|quan)", "level=district"),
)
# "Rất không hài lòng": a rating row of a five-point scale that the catalogue does not count apart.
UNCOUNTED_RATING = "rat (khong|chua) hai long"
# A share of one rating that the catalogue has as an indicator of its own, without breakdown
# ("Không hài lòng … 2%" is the dissatisfaction rate).
OWN_INDICATOR = {("share-rating", "rating=dissatisfied"): "dissatisfaction-rate"}
# ("Toàn thị xã", "Toàn thành phố": the whole of the report's own unit, whatever kind of unit it is)
TOTAL_ROW = (r"\W*(?:tong\s*cong|tong\s*so|tong|cong|toan\s*(?:tinh|huyen|xa|thi\s*xa|thanh\s*pho|quan|phuong|thi\s*tran))\W*")
# A second header line that splits the columns above it into a count and a share: "Tổng % Tổng %".
SUB_HEADER = re.compile(r"(?:(?:tong|so luong|sl|tthc|so)\s*%\s*)+")
# In a table about online services, its counts are the online ones.
ONLINE = {"dossiers-received": "dossiers-received-online", "dossiers-resolved": "dossiers-resolved-online"}
# A row "Trực tuyến" / "Bưu chính" under "Tiếp nhận" is a channel the catalogue counts apart.
ROW_VARIANTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("truc tuyen", ONLINE),
    ("buu chinh", {"dossiers-received": "dossiers-received-postal"}),
)
# "Bảng 2.", "Biểu 1", "Phụ lục 01": the name the locator gives a table.
CAPTION = "(bang|bieu|phu luc) `\\s*\\d+`"
# Indicators `HEADER_RULES` names that the catalogue is still being given (issue 23): extract
# drops an id the catalogue lacks, so these light up once it has them.
PENDING_INDICATORS = frozenset({"dossiers-due", "dossiers-pending-overdue", "dossiers-pending-within-deadline", "share-rating"})
# Shares the catalogue defines per breakdown: the share of the forms at one rating among all forms.
RATING_SHARE = ("satisfaction-survey-forms", "share-rating")
# A row's first cell that only numbers it ("1", "2.", "II"): the label is the next cell.
STT = re.compile(r"(?:\d+(?:\.\d+)*|[IVX]+)[.)]?|[a-zđ][.)]")  # and "a)", "b."


def header_indicators() -> set[str]:
    """Every indicator id the table phrases can propose (for checking against the catalogue)."""
    return {ind for ind, _ in HEADER_RULES} | {"satisfaction-rate", "dissatisfaction-rate"} | set(ONLINE.values()) | {
        v for _, variants in ROW_VARIANTS for v in variants.values()} | {RATING_SHARE[1]}


# --------------------------------------------------------------------------- the figures


@dataclass(frozen=True)
class TableFigure:
    """One figure read from a table cell, in the terms of a cchc-figures row."""

    offset: int  # where its row starts in the text
    indicator: str
    breakdown: str  # "", "level=district", or sorted "a=x;b=y"
    value: str  # as extract.format_value writes it; "" when missing
    status: str  # reported | missing
    locator: str  # "Bảng 2, dòng Cấp huyện, cột Tiếp nhận"
    quote: str  # the row's line, squashed
    period: str  # "" when neither the column nor `period_at` gives one
    period_start: str
    period_end: str


# --------------------------------------------------------------------------- finding tables

_TAB_LINE = re.compile(r"[^\n]*\t[^\n]*\t")
_GAP = re.compile(r"\t| {3,}")
# A signed number ("-37,6", "+2,1") is a change between columns: a cell of the table, never a figure.
_NUMBER_CELL = re.compile(rf"[-+–]?\s?(?:{ex._NUM}|\d+\.\d{{1,2}})\s?%?|{ex._NUM}\s*/\s*{ex._NUM}|[-–/]")
# "104 (32,5)": a count and its share in brackets in one cell, as survey papers print "n (%)".
_COUNT_SHARE = re.compile(rf"(?P<n>{ex._NUM})\s*\(\s*(?P<p>{ex._NUM})\s*%?\s*\)")
_LOOSE_ROW = re.compile(rf"(?P<label>.*?\S)[ \t]+(?P<cells>(?:{ex._NUM})%?(?:[ \t]+(?:{ex._NUM})%?){{2,}})[ \t]*")


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a layout line (runs of 3+ spaces or a tab between them), with their columns."""
    out, pos = [], 0
    for part in _GAP.split(line):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append((pos + lead, part.strip()))
        pos += len(part)
        gap = _GAP.match(line, pos)
        pos = gap.end() if gap else pos
    return out


def _is_number(cell: str) -> bool:
    return bool(_NUMBER_CELL.fullmatch(cell) or _COUNT_SHARE.fullmatch(cell))


# A header of repeated level names with single spaces between them ("Mức độ 1 Mức độ 2 Mức độ 3"),
# as a statistics page copied from a browser prints it.
_REPEATED_LEVELS = re.compile(r"\s*(?:muc\s+(?:do\s+)?\d\s*){2,}")
_LEVEL_CELL = re.compile(r"muc\s+(?:do\s+)?\d")


# A line that numbers the columns under a header, as official forms print it: "(1)  (2)  (3)=(4)+(5)  (4) …".
_COLUMN_NUMBERS = re.compile(r"\s*(?:\(\d+\)(?:\s*=\s*[\d()+\-\s]*[\d)])?\s*){3,}")


def _line_kind(line: str) -> str:
    """tab, layout (aligned cells with a figure), header (aligned short words), colnum, loose, or ''."""
    if _COLUMN_NUMBERS.fullmatch(line.replace("\t", " ")):
        return "colnum"
    if _TAB_LINE.match(line):
        return "tab"
    if _REPEATED_LEVELS.fullmatch(fold(line)):
        return "levels"
    if SUB_HEADER.fullmatch(" ".join(fold(line).split())):
        return "sub"
    cells = _cells(line.rstrip())
    if len(cells) >= 3 and STT.fullmatch(cells[0][1]) and not _is_number(cells[1][1]):
        cells = cells[1:]  # "1   Cấp huyện   1.842 …"
    if len(cells) >= 2:
        values = cells[1:]
        if any(_is_number(c) for _, c in values) and all(_is_number(c) for _, c in values) and len(cells[0][1]) <= 60:
            return "layout"
        short = all(len(c) <= 30 and not c.endswith((".", ",", ";")) for _, c in cells)
        if short and (len(cells) >= 3 or any(_column(c, 0, 0).kind not in ("unknown", "label") for _, c in cells)):
            return "header"
    if _LOOSE_ROW.fullmatch(line.rstrip()) and len(line) <= 160:
        return "loose"
    if _spaced_header(line) is not None:
        return "spaced"
    return ""


_NAMED_KINDS = ("indicator", "count", "share", "period", "breakdown", "variant")


def _spaced_header(line: str) -> list[str] | None:
    """The cells of a header whose cells are only single spaces apart, as a web page's table comes out when
    its text is copied ("Mức độ Tổng Đã xử lý Chưa xử lý Trước hạn Đúng hạn Trễ hạn"): the most runs of one
    to four words that each name a column (a header matches words inside a longer run too: "Đã xử lý Chưa" names
    one), three or more, two of them figures. None for anything else."""
    stripped = line.strip()
    words = [m for m in re.finditer(r"\S+", stripped)]
    if not 3 <= len(words) <= 16 or "\t" in line or stripped.endswith((".", ",", ";", ":")) or _GAP.search(stripped):
        return None
    best: list[list[str] | None] = [[]] + [None] * len(words)  # best[j]: the most cells covering words[:j]
    for j in range(1, len(words) + 1):
        for i in range(max(0, j - 4), j):
            before = best[i]
            if before is None:
                continue
            cell = stripped[words[i].start(): words[j - 1].end()]
            if _column(cell, 0, 0).kind == "unknown":
                continue
            if best[j] is None or len(before) + 1 > len(best[j] or ()):
                best[j] = before + [cell]
    cells = best[-1]
    if cells is None or len(cells) < 3 or sum(_column(c, 0, 0).kind in _NAMED_KINDS for c in cells) < 2:
        return None
    return cells


def _continues(line: str) -> bool:
    """A label wrapped onto the next line of a layout table: short, lower-case, no figure."""
    words = line.strip()
    return bool(words) and words[0].islower() and len(words) <= 40 and not re.search(r"\d", words) and not _GAP.search(words)


def _blocks(text: str) -> list[list[tuple[int, str, str]]]:
    """Runs of table lines: (offset, line, kind). A run of aligned lines needs two rows with
    figures; a header line or a loose row (single spaces) only counts next to a tab or layout line."""
    blocks: list[list[tuple[int, str, str]]] = []
    run: list[tuple[int, str, str]] = []
    lines = ex._lines(text) + [(len(text) + 1, "")]
    kinds = [_line_kind(line) for _, line in lines]
    # A header of single-spaced words heads the figures right below it (its "Tổng %" line, or a row), else it is a
    # title or a sentence that happens to name columns ("Kết quả giải quyết thủ tục hành chính").
    kinds = [k if k != "spaced" or (n + 1 < len(kinds) and kinds[n + 1] in ("sub", "loose", "layout")) else ""
             for n, k in enumerate(kinds)]
    for n, (start, line) in enumerate(lines):
        kind = kinds[n]
        if not kind and run and run[-1][2] in ("layout", "cont") and _continues(line):
            kind = "cont"
        if kind:
            run.append((start, line, kind))
            continue
        if run and run[-1][2] in ("header", "layout", "tab") and _furniture(lines, kinds, n):
            continue  # a page's running title or number between a table's lines: the table goes on
        if run:
            in_run = [k for _, _, k in run]
            rows = sum(k in ("tab", "layout", "loose") for k in in_run)
            anchored = any(k in ("tab", "layout", "levels") for k in in_run) or ("spaced" in in_run and rows >= 2)
            # a line of two tabs is a table row even alone; so is one row under a header of levels, or under
            # a header that names two columns or more (a commune's one line of figures, "Số phiếu" by rating)
            if (rows >= 2 and anchored) or "tab" in in_run or ("levels" in in_run and rows >= 1) or (
                    rows == 1 and anchored and _named_header(run)):
                blocks.append(run)
        run = []
    return blocks


def unstack(text: str) -> str:
    """`text` with each table printed one cell per line turned into a tab-separated one, as a web page's table
    comes out when copied on a phone or from an infographic ("Mức đánh giá / Số phiếu / Tỷ lệ / Rất hài lòng /
    201 / 56,46% / …"): a header of k short lines, two of them naming columns of figures, then rows of k lines,
    a label and k-1 figures. Each newline inside a header or a row becomes a tab, so every offset is kept."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out = list(text)
    n = 0
    while n < len(lines):
        width = _stacked_width(lines, n)
        if not width:
            n += 1
            continue
        end = n + width
        rows = 0
        while end + width <= len(lines) and _stacked_row(lines[end: end + width]):
            end += width
            rows += 1
        if rows < 2:
            n += 1
            continue
        for k in range(n, end, width):
            for j in range(k, k + width - 1):
                out[starts[j + 1] - 1] = "\t"
        n = end
    return "".join(out)


def _stacked_width(lines: list[str], n: int) -> int:
    """How many header lines of a one-cell-per-line table start at line n (2 to 6), or 0."""
    for width in range(6, 1, -1):
        cells = [line.strip() for line in lines[n: n + width]]
        if len(cells) < width or any(not c or len(c) > 30 or c.endswith((".", ",", ";", ":")) or _is_number(c) for c in cells):
            continue
        kinds = [_column(c, 0, 0).kind for c in cells]
        if kinds[0] in ("label", "unknown") and sum(k in _NAMED_KINDS for k in kinds[1:]) == width - 1 \
                and _stacked_row(lines[n + width: n + 2 * width]):
            return width
    return 0


def _stacked_row(cells: list[str]) -> bool:
    """Whether lines are one row of a one-cell-per-line table: a short label, then figures only."""
    cells = [c.strip() for c in cells]
    return len(cells) >= 2 and bool(cells[0]) and len(cells[0]) <= 60 and not _is_number(cells[0]) \
        and all(_is_number(c) for c in cells[1:])


def _named_header(run: list[tuple[int, str, str]]) -> bool:
    """Whether a header line of the run names two columns or more as indicators, breakdowns or periods."""
    named = ("indicator", "breakdown", "period", "variant")
    return any(k == "header" and sum(_column(c, 0, 0).kind in named for _, c in _cells(line)) >= 2 for _, line, k in run)


def _furniture(lines: list[tuple[int, str]], kinds: list[str], n: int) -> bool:
    """Whether line n, and at most one more, stand between two lines of one table: a page break's running
    title or page number in text extracted from a PDF. Not a sentence, a caption or a blank line."""
    for k in (n, n + 1):
        if k >= len(lines) or kinds[k]:
            return False
        line = lines[k][1].strip()
        if not line or line.endswith((".", ":", ";")) or phrase(CAPTION).match(fold(line)):
            return False
        if k + 1 < len(lines) and kinds[k + 1] in ("layout", "tab"):
            return True
    return False


def table_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges (start, end) of the tables of `text`, each from its first line's start
    to its last line's end, for the prose reader to skip."""
    return [(b[0][0], b[-1][0] + len(b[-1][1])) for b in _blocks(unstack(text))]


# --------------------------------------------------------------------------- periods in headers


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"\W*quy\s+(?P<q>iv|i{1,3}|[1-4])\s*(?:/|nam)\s*(?P<y>\d{4})\W*")
_MONTH = re.compile(r"\W*thang\s+(?P<m>\d{1,2})\s*(?:/|nam)\s*(?P<y>\d{4})\W*")
# "6 tháng đầu năm 2023", "Lũy kế 11 tháng năm 2023" (from January: the first N months)
_MONTHS = re.compile(r"\W*(?:luy\s+ke\s+)?(?P<n>[1-9]|1[0-2])\s+thang\s+(?:dau\s+)?(?:nam\s+)?(?P<y>\d{4})\W*")


def _short_period(folded: str) -> str | None:
    """Code of a column headed "Quý I/2023", "Tháng 9/2021", "6 tháng đầu năm 2023"."""
    if m := _QUARTER.fullmatch(folded):
        return f"{m['y']}-Q{_ROMAN.get(m['q']) or m['q']}"
    if (m := _MONTH.fullmatch(folded)) and 1 <= int(m["m"]) <= 12:
        return f"{m['y']}-{int(m['m']):02d}"
    if m := _MONTHS.fullmatch(folded):
        return m["y"] + {"1": "-01", "3": "-Q1", "6": "-H1", "12": ""}.get(m["n"], f"-{m['n']}M")
    return None


_YEARLESS = re.compile(r"\W*(?:(?P<kind>thang|quy)\s+(?P<n>iv|i{1,3}|\d{1,2}))\W*")


def _yearless_period(folded: str) -> str | None:
    """"-09" of a column headed "Tháng 9", "-Q3" of "Quý III": a period whose year the table's title gives."""
    m = _YEARLESS.fullmatch(folded)
    if not m:
        return None
    if m["kind"] == "quy":
        q = _ROMAN.get(m["n"]) or (int(m["n"]) if m["n"].isdigit() else 0)
        return f"-Q{q}" if 1 <= q <= 4 else None
    return f"-{int(m['n']):02d}" if m["n"].isdigit() and 1 <= int(m["n"]) <= 12 else None


def _spoken_period(header: str) -> Period | None:
    """A header that is one period as prose words it ("Lũy kế đến 31/10/2023", "Từ 01/01 đến 31/10/2023"),
    read as `text_periods` reads it in a sentence. Not a period compared with ("Cùng kỳ năm 2022")."""
    spans = text_periods.find_periods(header)
    if len(spans) != 1 or spans[0].comparison or re.search(r"\w", header[: spans[0].start] + header[spans[0].end:]):
        return None
    return (spans[0].code, *ex.period_bounds(spans[0].code))


def column_period(header: str) -> Period | None:
    """Period of a table column headed "Năm 2020", "Năm 2020 (Tính đến 31/3)", "Quý I/2023",
    "Tháng 9/2021" or "6 tháng đầu năm 2023"."""
    if (code := _short_period(fold(header))) is not None:
        return (code, *ex.period_bounds(code))
    m = re.fullmatch(r"\W*(?:n\w{1,3}m\s+)?(\d{4})(?:\W*\(.*\)\W*)?", fold(header))
    if not m or not 1900 <= int(m[1]) <= 2100:
        return _spoken_period(header)
    year = int(m[1])
    until = re.search(r"den\s+(\d{1,2})/(\d{1,2})", fold(header))
    if not until:
        return (str(year), *ex.period_bounds(str(year)))
    try:
        end = dt.date(year, int(until[2]), int(until[1]))
    except ValueError:  # an impossible cut-off date: keep the whole year
        return (str(year), *ex.period_bounds(str(year)))
    # "Năm 2020 (tính đến 31/3)": the year so far, never the whole year. From 1 January to a month's
    # end it is the first N months (2020-3M); to any other day, the range of those dates.
    last_day = (end + dt.timedelta(days=1)).day == 1
    if last_day and end.month < 12:
        code = f"{year}-{end.month}M"
    else:
        code = periods.suggest(dt.date(year, 1, 1), end)
    return code, f"{year}-01-01", end.isoformat()


# --------------------------------------------------------------------------- tables by period columns


@dataclass
class _TableRow:
    offset: int
    line: str
    stt: str
    label: str
    cells: list[str]
    columns: dict[int, tuple[str, Period]]  # cell index -> (header text, period)
    appendix: str


def _clean(cell: str) -> str:
    return ex.squash(re.sub(r"</?\w+>", "", cell))


def _period_rows(text: str) -> list[_TableRow]:
    """Numbered rows of tab tables under a header of periods ("Năm 2015 | Năm 2016 | …")."""
    rows: list[_TableRow] = []
    columns: dict[int, tuple[str, Period]] = {}
    appendix = ""
    appendix_re = phrase(pt.APPENDIX)
    for start, line in ex._lines(text):
        if not _TAB_LINE.match(line):
            folded, where = fold_with_map(line)
            m = appendix_re.search(folded)
            if m and len(line.strip("*# ")) < 60:
                appendix = line[where[m.start()]: where[m.end() - 1] + 1]
            continue
        cells = line.split("\t")
        stt = cells[0].strip()
        numbered = re.fullmatch(r"\d+(?:\.\d+)*\.?", stt)
        found = {i: (_clean(c), p) for i, c in enumerate(cells) if i >= 2 and (p := column_period(_clean(c)))}
        if len(found) >= 2 and not numbered:  # a header row: "Năm 2015 | Năm 2016 | …"
            columns = found
            continue
        values = [c for c in cells[2:] if c.strip()]
        if numbered:
            rows.append(_TableRow(start, line, stt.rstrip("."), _clean(cells[1] if len(cells) > 1 else ""), cells, columns, appendix))
        elif not stt and not values and rows and len(cells) > 1:
            rows[-1].label += " " + _clean(cells[1])  # the label goes on under a repeated header
    return rows


def _label_rule(label: str) -> tuple[str | None, str | None]:
    return next(((ind, per) for ind, spec, per in pt.LABEL_RULES if phrase(spec).search(label)), (None, None))


def _level(label: str) -> str:
    found = {level for spec, level in pt.LEVELS if phrase(spec).search(label)}
    return f"level={found.pop()}" if len(found) == 1 else ""


def _read_period_tables(text: str, catalogue: ex.Catalogue) -> list[TableFigure]:
    figures: list[TableFigure] = []
    resolved: dict[str, tuple[str | None, str | None]] = {}
    for row in _period_rows(text):
        label = fold(row.label)
        parts = re.split(pt.LABEL_SPLIT, label, maxsplit=1)
        if len(parts) == 2:
            ids = (_label_rule(parts[0])[0], _label_rule(parts[1])[0])
        else:
            ids = _label_rule(label)
        if ids[0] is None and "." in row.stt:  # "1.2 … cấp huyện" under "1. Tổng số TTHC …"
            ids = resolved.get(row.stt.rsplit(".", 1)[0], (None, None))
        resolved[row.stt] = ids
        num_id, den_id = (i if i in catalogue else None for i in ids)
        if num_id is None:
            continue
        figures += _period_cells(row, num_id, den_id, _level(label), catalogue)
    return figures


def _period_cells(row: _TableRow, num_id: str, den_id: str | None, level: str, catalogue: ex.Catalogue) -> list[TableFigure]:
    out: list[TableFigure] = []
    quote = ex.squash(row.line)
    where = f"{row.appendix or 'Bảng'}, dòng {row.stt}"

    def add(indicator: str, value: float | None, header: str, period: Period, breakdown: str, part: str = "") -> None:
        if value is not None and not _fits(indicator, value, False, catalogue):
            return
        out.append(TableFigure(row.offset, indicator, breakdown, "" if value is None else ex.format_value(value),
                               "missing" if value is None else "reported", f"{where}, cột {header}{part}", quote, *period))

    for index, (header, period) in row.columns.items():
        cell = _clean(row.cells[index]) if index < len(row.cells) else ""
        ratio = re.fullmatch(rf"({ex._NUM})\s*/\s*({ex._NUM})", cell)
        levels = re.findall(r"\b([A-Za-z]):\s*(\d+)", cell)
        lead = re.match(rf"({ex._NUM})(?![\d/])", cell)
        if cell in ("", "/", "-", "–"):  # the document marks the cell missing: never a zero
            add(num_id, None, header, period, level)
            if den_id:
                add(den_id, None, header, period, level)
        elif ratio:
            add(num_id, ex.parse_number(ratio[1]), header, period, level, ", tử số" if den_id else "")
            if den_id:
                add(den_id, ex.parse_number(ratio[2]), header, period, level, ", mẫu số")
        elif levels:
            for letter, value in levels:
                lvl = pt.CELL_LEVELS.get(letter.lower())
                add(num_id, ex.parse_number(value), header, period, f"level={lvl}" if lvl else level, f", {letter}")
        elif lead:
            add(num_id, ex.parse_number(lead[1]), header, period, level)
    return out


def _fits(indicator: str, value: float, percent: bool, catalogue: ex.Catalogue) -> bool:
    """Whether a cell's number can be a value of the indicator: whole counts, shares up to 100."""
    unit = catalogue.units[indicator]
    if unit == "count":
        return not percent and value == int(value)
    if unit == "percent":
        return value <= 100
    return not percent


# --------------------------------------------------------------------------- tables by indicator columns


@dataclass(frozen=True)
class _Column:
    header: str
    start: int  # character column of the header cell in a layout table (-1 for tab tables)
    end: int
    indicator: str | None  # the indicator the header names
    kind: str  # indicator | count | share | period | breakdown | variant | label | unknown
    period: Period | None = None
    breakdown: str = ""  # of a column headed "Cấp huyện", "Mức độ 3"; "" under "Tổng"
    yearless: str = ""  # "-01", "-Q1" of a column headed "Tháng 1", "Quý I": the year is the table's


def _header_indicator(folded: str) -> str | None:
    dossiers = bool(phrase(pt.DOSSIER).search(folded))
    return next((ind for ind, spec in HEADER_RULES
                 if phrase(spec).search(folded) and not (dossiers and ind == "procedures-online-services")), None)


def _column(header: str, start: int, end: int) -> _Column:
    folded = fold(header)
    if phrase(DERIVED_HEADER).search(folded):
        return _Column(header, start, end, None, "unknown")
    if (period := column_period(header)) is not None:
        return _Column(header, start, end, None, "period", period)
    if (part := _yearless_period(folded)) is not None:
        return _Column(header, start, end, None, "period", yearless=part)
    if (index_kind := _index_column(folded)) is not None:
        return _Column(header, start, end, index_kind, "indicator")
    if phrase(SHARE_HEADER).search(folded) and phrase("hai long").search(folded):  # "Tỷ lệ hài lòng (%)": a rate of its own
        rate = "dissatisfaction-rate" if phrase("(khong|chua) hai long").search(folded) else "satisfaction-rate"
        return _Column(header, start, end, rate, "indicator")
    if phrase(SHARE_HEADER).search(folded):  # "Tỷ lệ", "Tỷ lệ đúng hạn (%)": the share of a count
        named = _header_indicator(phrase(SHARE_HEADER).sub(" ", folded))
        return _Column(header, start, end, named, "share")
    if phrase(COUNT_HEADER).fullmatch(folded.strip()):
        return _Column(header, start, end, None, "count")
    breakdown, total = _row_breakdown(folded)
    if breakdown and not total and _header_indicator(folded) is None:
        return _Column(header, start, end, None, "breakdown", breakdown=breakdown)
    if any(phrase(spec).search(folded) and _header_indicator(phrase(spec).sub(" ", folded)) is None for spec, _ in ROW_VARIANTS):
        return _Column(header, start, end, _header_indicator(folded), "variant")  # "Trực tuyến" alone: a channel
    # "Trong đó trễ do lỗi hệ thống", "Do lỗi phần mềm": the late dossiers one cause explains (the
    # catalogue's causes are causes of delay), whether or not the header says "hạn"
    cause = next((f"cause={value}" for spec, value in pt.CONTEXT["cause"][0] if phrase(spec).search(folded)), "")
    if (indicator := _header_indicator(folded)) is not None or cause:
        return _Column(header, start, end, indicator or "dossiers-resolved-late", "indicator", breakdown=cause)
    if phrase(LABEL_HEADER).fullmatch(folded.strip()):
        return _Column(header, start, end, None, "label")
    return _Column(header, start, end, None, "unknown")


# A column of an index's results: its score ("Điểm", "Điểm PCI", "Tổng điểm") or its rank ("Xếp hạng (/63)", "Thứ hạng").
_INDEX_COLUMNS = (("score", "(tong )?diem( so)?( tong hop)?"), ("rank", "(xep hang|thu hang|hang|vi tri)( ca nuoc)?"))
UNNAMED_INDEX = "index"  # the prefix of a score or rank column that does not name its index (the table's title does)


def _index_column(folded: str) -> str | None:
    """`<index>-score` / `<index>-rank` for a column of an index's results, `index-…` when the header names no index."""
    for kind, spec in _INDEX_COLUMNS:
        m = phrase(spec).match(folded.strip())
        if not m:
            continue
        rest = folded.strip()[m.end():]
        named = [index for index, name in pt.INDEX_NAMES if phrase(name).search(rest)]
        if len(named) == 1:
            return f"{named[0]}-{kind}"
        if not named and re.fullmatch(r"[\s()/\d]*", rest):  # "Xếp hạng (/63)"
            return f"{UNNAMED_INDEX}-{kind}"
    return None


def _table_index(text: str, block: list[tuple[int, str, str]]) -> str | None:
    """The one index a table's header or its title (the three lines above it) names, else None."""
    title = [line for line in text[max(0, block[0][0] - 300): block[0][0]].split("\n") if line.strip()][-3:]
    where = fold(" ".join(title + [line for _, line, kind in block if kind == "header"]))
    named = {index for index, spec in pt.INDEX_NAMES if phrase(spec).search(where)}
    return named.pop() if len(named) == 1 else None


def _split(line: str, kind: str, width: int = 0) -> list[tuple[int, str]]:
    """Cells of a line with their character columns (-1 in tab and loose lines). A loose row
    (single spaces) has its last `width` words as cells when the header says how many there are:
    its label may end in a number ("Mức 1, 2")."""
    if kind == "tab":
        return [(-1, _clean(c)) for c in line.split("\t")]
    if kind == "spaced":
        return [(-1, c) for c in _spaced_header(line) or [line.strip()]]
    if kind == "levels":  # fold keeps the length of these words: offsets carry over
        folded = fold(line)
        return [(m.start(), line[m.start(): m.end()]) for m in _LEVEL_CELL.finditer(folded)]
    if kind == "loose":
        words = line.split()
        if 0 < width < len(words) and all(_cell_value(w) is not None for w in words[-width:]):
            return [(-1, " ".join(words[:-width]))] + [(-1, w) for w in words[-width:]]
        m = _LOOSE_ROW.fullmatch(line.rstrip())
        assert m is not None
        return [(-1, m["label"].strip())] + [(-1, c) for c in m["cells"].split()]
    return _cells(line.rstrip())


def _label(line: str, kind: str, width: int) -> str:
    cells = _split(line, kind, width)
    if len(cells) > 2 and STT.fullmatch(cells[0][1]) and _cell_value(cells[1][1]) is None:
        return cells[1][1]
    return cells[0][1]


def _header_columns(line: str, kind: str) -> list[_Column]:
    return [_column(text, pos, pos + len(text)) for pos, text in _split(line, kind)]


def _align(header: list[_Column], cells: list[tuple[int, str]], layout: bool) -> list[tuple[_Column, str]]:
    """Pair a row's value cells (after its label) with the header's columns of figures."""
    columns = [c for c in header if c.kind != "label"]
    values = cells[1:]
    if layout and values and all(p >= 0 for p, _ in values) and all(c.start >= 0 for c in columns):
        paired: dict[int, str] = {}
        for pos, text in values:  # each cell under the header nearest to it (numbers align right or centre)
            centre = pos + len(text) / 2
            best = min(range(len(columns)), key=lambda i: abs((columns[i].start + columns[i].end) / 2 - centre))
            if best in paired:
                return []  # two cells under one header: the alignment is not to be trusted
            paired[best] = text
        return [(col, paired.get(i, "")) for i, col in enumerate(columns)]
    if len(columns) == len(values) + 1 and header and header[0].kind != "label":
        columns = columns[1:]  # the first header named the label column in words we do not know
    if len(values) != len(columns):
        return []
    return [(col, text) for col, (_, text) in zip(columns, values)]


def _split_columns(header: list[_Column], pairs: int) -> list[_Column]:
    """The header with its last `pairs` columns of figures each followed by a share column."""
    figures = [i for i, c in enumerate(header) if c.kind != "label"]
    split = set(figures[-pairs:]) if pairs else set()
    out: list[_Column] = []
    for i, column in enumerate(header):
        out.append(column)
        if i in split:
            out.append(_Column(f"{column.header} (%)", -1, -1, None, "share", column.period, column.breakdown))  # the share of that column
    return out


def _variants(folded: str) -> dict[str, str]:
    """The indicators a channel ("trực tuyến", "bưu chính") turns counts into, or {}."""
    return next((v for spec, v in ROW_VARIANTS if phrase(spec).search(folded)), {})


def _row_breakdown(folded: str) -> tuple[str, bool]:
    """(breakdown, total row) of a row label."""
    if re.fullmatch(TOTAL_ROW, folded):
        return "", True
    if phrase(UNCOUNTED_RATING).search(folded):
        return "", False  # a rating the catalogue does not count apart (never "không hài lòng")
    found = {value for spec, value in ROW_BREAKDOWNS if phrase(spec).search(folded)}
    if found & {"rating=very_satisfied", "rating=dissatisfied"}:
        found.discard("rating=satisfied")
    dims = {v.split("=")[0] for v in found}
    if len(dims) != len(found):  # two values of one dimension: not a breakdown row we can read
        return "", False
    return ";".join(sorted(found)), False


def _cell_value(cell: str) -> tuple[float | None, bool] | None:
    """(value or None when the cell marks the figure missing, percent) of a cell; None when it is no figure."""
    cell = cell.strip()
    if cell in ("", "-", "–", "/"):
        return None, False
    m = re.fullmatch(rf"(?P<n>{ex._NUM}|\d+\.\d{{1,2}})\s?(?P<pct>%)?", cell)
    if not m:
        return None
    number = m["n"]
    if re.fullmatch(r"\d+\.\d{1,2}", number):  # "78.4%", "98.41" from a software export: a decimal point, no thousands
        return float(number), bool(m["pct"])
    return ex.parse_number(number), bool(m["pct"])


def figure_cells(row: str) -> list[tuple[int, str, float]]:
    """(column, cell, value) of each cell of a table row that holds a figure; a row printed with single spaces
    ("Cấp xã 9876 9802 99.88") is cut at every space. A first cell that numbers the row ("1", "2.") or a year
    that labels it ("2019 60,12 58") holds none."""
    cells = _cells(row)
    if len(cells) < 2:
        cells = [(m.start(), m.group()) for m in re.finditer(r"\S+", row)]
    out = []
    for k, (column, cell) in enumerate(cells):
        read = _cell_value(cell)
        value = read[0] if read else None
        if value is None or (k == 0 and len(cells) > 1 and re.fullmatch(r"\d{1,2}[.)]?|(?:19|20)\d\d", cell.strip())):
            continue
        out.append((column, cell, value))
    return out


def _share_of(indicator: str, breakdown: str, catalogue: ex.Catalogue, named: set[str | None] | frozenset[str] = frozenset()) -> str | None:
    """The share the catalogue defines for a count (share-on-time for dossiers-resolved-on-time);
    of two ("online ÷ received" and "online ÷ eligible"), the one whose whole the table counts."""
    if indicator == RATING_SHARE[0] and "rating=" in breakdown:
        return RATING_SHARE[1]
    options = [(den, share) for num, den, share, extra in catalogue.shares if num == indicator and not extra]
    # A share the catalogue keeps for several counts, told apart by a breakdown (digitisation-share of
    # dossiers, of results): only when the count has no share of its own. `_share_breakdown` adds it.
    options = options or [(den, share) for num, den, share, extra in catalogue.shares if num == indicator]
    return next((share for den, share in options if den in named), options[0][1] if options else None)


def _share_breakdown(count: str | None, share: str, catalogue: ex.Catalogue) -> str:
    """The breakdown that tells `share` of `count` from the same share of another count ("object=dossier")."""
    return next((extra for num, _, s, extra in catalogue.shares if num == count and s == share), "")


def _caption(text: str, start: int) -> str:
    """"Bảng 2" / "Phụ lục 01" from the three lines above a table, or "Bảng"."""
    above = text[max(0, text.rfind("\n", 0, max(0, start - 1)) - 300): start]
    for line in reversed(above.split("\n")[-4:]):
        folded, where = fold_with_map(line)
        m = phrase(CAPTION).search(folded)
        if m and m.start() < 5:
            return line[where[m.start()]: where[m.end() - 1] + 1]
    return "Bảng"


@dataclass
class _Row:
    offset: int
    line: str
    kind: str
    more: str = ""  # the label's continuation on the lines below ("trước hạn" under "Hồ sơ giải quyết")
    section: str = ""  # of a line that only names a breakdown ("I   CẤP TỈNH"): the rows below are its own


def _merge_headers(lines: list[tuple[str, str]]) -> list[_Column]:
    """One header from the header lines above the rows. The line with most cells (the lowest of equals)
    gives the columns. A cell of another line over one column is that header wrapped ("Hồ sơ | Đã giải"
    over "tiếp nhận | quyết"); a cell of a line above that spans several columns is their group ("Đã giải
    quyết" over "Đúng hạn | Quá hạn", "Tháng 11/2023" over "Tiếp nhận | Tỷ lệ"), which `_in_group` applies.
    Tab lines span a cell over the empty cells after it (merged cells pasted from a word processor)."""
    if len(lines) == 1 or not all(kind == lines[0][1] for _, kind in lines) or lines[0][1] not in ("header", "tab"):
        return _header_columns(*lines[-1])
    tab = lines[0][1] == "tab"
    if tab:  # a cell's position is its index; the label cell may be empty on every line but one
        split = [[(i, _clean(c)) for i, c in enumerate(line.split("\t")) if _clean(c)] for line, _ in lines]
        width = max(len(line.split("\t")) for line, _ in lines)
    else:
        split = [_split(line, kind) for line, kind in lines]
    base = max(range(len(split)), key=lambda i: (len(split[i]), i))
    spots = list(range(width)) if tab else [pos for pos, _ in split[base]]
    texts: dict[int, list[str]] = {pos: [] for pos in spots}
    ends: dict[int, int] = {pos: pos + 1 if tab else pos + len(text) for pos, text in ([] if tab else split[base])} or {p: p + 1 for p in spots}
    for pos, text in split[base]:
        texts[pos].append(text)
    groups: dict[int, list[str]] = {pos: [] for pos in spots}
    for i, cells in enumerate(split):
        if i == base:
            continue
        for n, (pos, text) in enumerate(cells):
            nxt = cells[n + 1][0] if n + 1 < len(cells) else 10**6
            if tab:
                covered = [p for p in spots if pos <= p < nxt]
            else:
                covered = [p for p in spots if pos - 1 <= (p + ends[p]) / 2 < nxt - 1] if i < base else []
            if len(covered) >= 2 and i < base:
                for p in covered:
                    groups[p].append(text)
            elif covered:
                texts[covered[0]].insert(0 if i < base else len(texts[covered[0]]), text)
            elif not tab and not any(pos < ends[p] and p < pos + len(text) for p in spots) and i < base:
                texts[pos], groups[pos], ends[pos] = [text], [], pos + len(text)  # a column of its own ("STT")
                spots = sorted(spots + [pos])
            else:
                nearest = min(spots, key=lambda p: abs(p - pos))
                texts[nearest].insert(0 if i < base else len(texts[nearest]), text)
    out = []
    for pos in sorted(spots):
        parts = texts[pos]
        column = _column(" ".join(parts), -1 if tab else pos, -1 if tab else pos + max((len(t) for t in parts), default=0))
        for group in reversed(groups[pos]):  # the nearest group first
            column = _in_group(column, group)
        out.append(column)
    return out


def _in_group(column: _Column, group: str) -> _Column:
    """A column under the header of its group: the group's period; the group's count under "Tổng số"; a
    part the group qualifies ("Quá hạn" under "Đang giải quyết" is still open, not resolved late)."""
    if (period := column_period(group)) is not None:
        return column if column.period else replace(column, period=period)
    breakdown, total = _row_breakdown(fold(group))
    if breakdown and not total and not column.breakdown and _header_indicator(fold(group)) is None:
        return replace(column, breakdown=breakdown)  # "Rất hài lòng" over "Số phiếu | Tỷ lệ", "Cấp xã" over …
    named = _header_indicator(fold(group))
    if named is None:
        return column
    if column.kind == "count" or (column.kind == "share" and column.indicator is None):
        return replace(column, kind="indicator" if column.kind == "count" else "share", indicator=named)
    if named == "dossiers-pending" and column.indicator in ("dossiers-resolved-late", "dossiers-pending"):
        return replace(column, indicator="dossiers-pending-overdue" if column.indicator != "dossiers-pending" else column.indicator)
    return column


def _section(line: str, kind: str) -> str | None:
    """The breakdown of a line that names one and nothing else ("I   CẤP TỈNH", "b) Cấp xã"), or None."""
    cells = [c for _, c in _split(line, kind) if c]
    if len(cells) == 2 and STT.fullmatch(cells[0]):
        cells = cells[1:]
    if len(cells) != 1:
        return None
    folded = fold(cells[0])
    breakdown, total = _row_breakdown(folded)
    return breakdown if breakdown and not total and _header_indicator(folded) is None else None


def _parse_block(block: list[tuple[int, str, str]]) -> tuple[list[_Column], list[_Row]]:
    """The header (the last run of header lines before the rows, split by "Tổng %") and the rows."""
    header: list[_Column] = []
    pending: list[tuple[str, str]] = []
    rows: list[_Row] = []
    for offset, line, kind in block:
        if kind == "colnum":
            continue
        if kind == "cont":
            if rows:
                rows[-1].more += " " + line.strip()
            continue
        if kind == "sub":
            if pending:
                header, pending = _merge_headers(pending), []
            if header:
                header = _split_columns(header, fold(line).count("%"))
            continue
        cells = _split(line, kind)
        if kind == "levels":  # every cell names a column: put an empty label column before them
            header, pending = [_Column("", -1, -1, None, "label")] + [_column(text, -1, -1) for _, text in cells], []
            continue
        if kind in ("header", "tab") and (section := _section(line, kind)) is not None and (header or pending):
            if pending:
                header, pending = _merge_headers(pending), []
            rows.append(_Row(offset, line, "section", section=section))
            continue
        if kind in ("header", "spaced") or (kind == "tab" and not any(c.strip() and _cell_value(c) is not None for _, c in cells[1:])):
            pending.append((line, kind))
            continue
        if pending:
            header, pending = _merge_headers(pending), []
        rows.append(_Row(offset, line, kind))
    if not header and rows and all(len(_split(r.line, r.kind)) == 2 for r in rows):
        header = [_Column("", -1, -1, None, "label"), _Column("", -1, -1, None, "count")]  # "label   figure" lines
    if not any(c.kind in ("indicator", "count", "share", "period", "breakdown", "variant") for c in header):
        return [], []
    return header, rows


def _read_block(text: str, block: list[tuple[int, str, str]], catalogue: ex.Catalogue, period_at: PeriodAt) -> list[TableFigure]:
    header, rows = _parse_block(block)
    width = sum(c.kind != "label" for c in header)
    folded_rows = [fold(f"{_label(r.line, r.kind, width)} {r.more}".strip()) for r in rows]
    kinds = [(*_row_breakdown(f), phrase(UNCOUNTED_RATING).search(f) is not None) for r, f in zip(rows, folded_rows) if r.kind != "section"]
    # A table about online services: every row but the total is an online level ("Mức độ 3", "Mức độ 4").
    # Not a table that also has the old levels 1 and 2 ("Mức 1, 2"), which only put information online.
    online = any(b for b, _, _ in kinds) and all(re.search(r"online_level=(partial|full_process)", b) or total for b, total, _ in kinds)
    # A table of ratings ("Rất hài lòng | Hài lòng | …", a total): its counts are the survey's forms.
    ratings = any(b for b, _, _ in kinds) and all(b.startswith("rating=") or total or uncounted for b, total, uncounted in kinds)
    if any(c.indicator and c.indicator.startswith(f"{UNNAMED_INDEX}-") for c in header):
        index = _table_index(text, block)  # "Điểm | Xếp hạng" under "Bảng 1. … PCI …": that index's, else none
        header = [replace(c, indicator=f"{index}-{c.indicator.split('-', 1)[1]}" if index else None, kind="indicator" if index else "unknown")
                  if c.indicator and c.indicator.startswith(f"{UNNAMED_INDEX}-") else c for c in header]
    named = {c.indicator for c in header}
    # "Tổng" before "Đã giải quyết | Đang giải quyết": every dossier to process.
    total_column = "dossiers-to-process" if {"dossiers-resolved", "dossiers-pending"} <= named else None
    caption = _caption(text, block[0][0])
    spread = _spread_columns(header, rows, folded_rows, width) if not ratings else set()
    # The period of the table's title, for columns of months without a year: read at the table's first
    # line, as the header's own "Tháng 1" would otherwise stand as the period of the rows below it.
    table_period = period_at(block[0][0]) if any(c.yearless for c in header) else None
    out: list[TableFigure] = []
    previous: str | None = None  # the indicator the row above named
    section = ""
    for row, folded in zip(rows, folded_rows):
        if row.kind == "section":
            section = row.section
            continue
        cells = _split(row.line, row.kind, width)
        if len(cells) > 2 and STT.fullmatch(cells[0][1]) and _cell_value(cells[1][1]) is None:
            cells = cells[1:]  # "1 | Cấp huyện | …": the number only counts the rows
        label = ex.squash(f"{cells[0][1]} {row.more}")
        breakdown, total = _row_breakdown(folded)
        row_indicator = _header_indicator(folded) if not breakdown and not total else None
        if section and not breakdown and not total:
            breakdown = section  # a row of the section above
        # "Tỷ lệ (%)" alone under a row of counts ("Số phiếu" by rating, "Hồ sơ trễ hạn" by year): their share
        if row_indicator is None and previous and re.fullmatch(r"\W*(?:ty le|%)\W*", folded):
            row_indicator = previous
        # "Tỷ lệ đúng hạn (%)" as a row under period columns: its cells are the share of the count it names.
        row_share = bool(row_indicator and phrase(SHARE_HEADER).search(folded)) and not any(c.kind == "share" for c in header)
        previous = None if row_share else row_indicator
        variants = _variants(folded)
        if row_indicator and variants:  # "Số hồ sơ giải quyết trực tuyến": the row names the count and its channel
            row_indicator = variants.get(row_indicator, row_indicator)
        if row_indicator == "procedures-online-services" and not (online or phrase("truc tuyen").search(folded)):
            row_indicator = None
        # a row labelled by its period ("Quý I/2023", "Năm 2022") under columns naming what is counted
        row_period = column_period(label) if not (breakdown or total or row_indicator or variants) else None
        if not (breakdown or total or row_indicator or variants or row_period):
            continue  # a row we cannot name ("Mức 1, 2"): never read as the total
        base_period = row_period or period_at(row.offset)
        quote = ex.squash(f"{row.line} {row.more}")
        last_count: str | None = None
        for column, cell in _count_share_pairs(_align(header, cells, row.kind == "layout")):
            value = _cell_value(cell)
            extra = ""
            if value is None or (not cell.strip() and row.kind != "tab"):
                continue  # no figure; or nothing under the header in an aligned row, which says nothing
            indicator: str | None
            # A row and a column both naming what is counted: the column names the part of the row's
            # count ("Đã giải quyết" row, "Trước hạn" column), except a channel column ("Trực tuyến",
            # "Bưu chính"), which turns the row's count into the catalogue's indicator for it.
            if column.kind == "variant" and row_indicator:
                indicator = _variants(fold(column.header)).get(row_indicator)
                last_count = indicator
            elif column.kind == "variant" and column.indicator:  # under a row of a level: the channel's own count
                indicator = _column_indicator(column.indicator, online, variants, breakdown)
                last_count = indicator
            elif column.kind == "indicator" and column.indicator:
                indicator = _column_indicator(column.indicator, online, variants, breakdown)
                last_count = indicator
            elif column.kind in ("count", "period", "breakdown"):
                indicator = row_indicator or (total_column if column.kind == "count" else None)
                if indicator is None and column.kind == "count" and (ratings or column.breakdown.startswith("rating=")):
                    indicator = RATING_SHARE[0]  # forms by rating: the rows' ratings, or the column's group
                elif indicator and row_share:
                    cell = breakdown or column.breakdown  # the rating may be the column's ("Rất hài lòng" over "Tỷ lệ (%)")
                    # the share of every form among all forms is no figure (100%, or another share the table lacks)
                    indicator = None if indicator == RATING_SHARE[0] and not cell.startswith("rating=") else \
                        _share_of(indicator, cell, catalogue, named)
                last_count = indicator
            elif column.kind == "share" and ratings and total:
                indicator = None  # "Tổng … 100%": the shares of the ratings add up, no figure of its own
            elif column.kind == "share" and column in spread:
                indicator = None  # each row's part of the total, no share the catalogue defines
            elif column.kind == "share":
                base = column.indicator or row_indicator or last_count
                indicator = _share_of(base, f"{breakdown};{column.breakdown}", catalogue, named) if base else None
                extra = _share_breakdown(base, indicator, catalogue) if indicator else ""
            else:
                indicator = None
            rated = column.breakdown if column.breakdown.startswith("rating=") else breakdown or column.breakdown
            own = OWN_INDICATOR.get((indicator or "", rated))
            indicator = own or indicator
            if indicator is None or indicator not in catalogue:
                continue
            number, percent = value
            if number is not None and not _fits(indicator, number, percent, catalogue):
                continue
            parts = [b for b in (breakdown, column.breakdown, extra) if b and not (own and b == rated)]
            if len({b.split("=")[0] for b in parts}) < len(parts):
                continue  # a row and a column of the same dimension: no cell is both
            if column.yearless:  # "Tháng 1" in a table of "quý I/2019": that month of the table's period, else no figure
                inside = _within(column.yearless, table_period)
                if inside is None:
                    continue
                period = inside
            else:
                period = column.period or base_period or ("", "", "")
            out.append(TableFigure(
                row.offset, indicator, ";".join(sorted(parts)),
                "" if number is None else ex.format_value(number), "missing" if number is None else "reported",
                f"{caption}, dòng {label}" + (f", cột {column.header}" if column.header else ""), quote, *period))
    return out


def _count_share_pairs(pairs: list[tuple[_Column, str]]) -> list[tuple[_Column, str]]:
    """Each "n (%)" cell as two: the count under its column (a count column if it names none), then the share."""
    out: list[tuple[_Column, str]] = []
    for column, cell in pairs:
        m = _COUNT_SHARE.fullmatch(cell.strip())
        if not m:
            out.append((column, cell))
            continue
        count = column if column.kind in ("indicator", "period", "breakdown", "count") else replace(column, kind="count", indicator=None)
        share = _Column(f"{column.header} (%)", -1, -1, column.indicator, "share", column.period, column.breakdown)
        out += [(count, m["n"]), (share, f"{m['p']}%")]
    return out


def _within(part: str, period: Period | None) -> Period | None:
    """The month or quarter `part` ("-01", "-Q1") of a year that lies within `period` (the table's title:
    "từ 15/12/2023 đến 14/3/2024" puts "Tháng 1" in 2024), or None."""
    if not period or not period[2]:
        return None
    first, last = period[1] or period[2][:4] + "-01-01", period[2]
    for year in sorted({first[:4], last[:4]}):
        code = year + part
        start, end = ex.period_bounds(code)
        if first <= start and end <= last:
            return (code, start, end)
    return None


def _spread_columns(header: list[_Column], rows: list[_Row], folded_rows: list[str], width: int) -> set[_Column]:
    """The share columns that name no count ("Tỷ lệ (%)") whose rows add up to 100: how a total
    spreads over the rows (toàn trình 35,2 + một phần 64,8), not the share the catalogue defines for the count."""
    sums: dict[_Column, list[float]] = {}
    for row, folded in zip(rows, folded_rows):
        breakdown, total = _row_breakdown(folded)
        if row.kind == "section" or total:
            continue  # the total row's 100% says nothing
        if not breakdown:
            return set()  # rows naming counts ("Đúng hạn 98,45%", "Trễ hạn 1,55%") add up to 100 by nature
        cells = _split(row.line, row.kind, width)
        if len(cells) > 2 and STT.fullmatch(cells[0][1]) and _cell_value(cells[1][1]) is None:
            cells = cells[1:]
        for column, cell in _align(header, cells, row.kind == "layout"):
            value = _cell_value(cell) if column.kind == "share" and column.indicator is None else None
            if value is not None and value[0] is not None:
                sums.setdefault(column, []).append(value[0])
    return {c for c, values in sums.items() if len(values) >= 2 and abs(sum(values) - 100) <= 0.6}


def _column_indicator(indicator: str, online: bool, variants: dict[str, str], breakdown: str) -> str | None:
    """The indicator of a column headed by an indicator, in a row of a given kind."""
    if online:
        indicator = ONLINE.get(indicator, indicator)
    if variants and not breakdown:  # "Bưu chính": only the counts the channel has an indicator for
        return variants.get(indicator)
    indicator = variants.get(indicator, indicator)
    if indicator == "procedures-online-services" and not online:
        return None  # "Số thủ tục" beside levels of government: procedures of what kind is not said
    return indicator


# --------------------------------------------------------------------------- the entry point


def read_tables(text: str, catalogue: ex.Catalogue, period_at: PeriodAt) -> list[TableFigure]:
    """Figures of every table of `text`, in document order.

    `period_at(offset)` gives the period in force at a table row (from the table's title or the
    sentence before it), or None; a column headed by a period overrides it.
    """
    text = unstack(text)
    figures = _read_period_tables(text, catalogue)
    taken = {f.offset for f in figures}
    for block in _blocks(text):
        if any(offset in taken for offset, _, _ in block):
            continue  # a table by period columns, read above
        figures += _read_block(text, block, catalogue, period_at)
    return sorted(figures, key=lambda f: f.offset)
