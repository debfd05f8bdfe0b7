"""The periods a report's text names, and the period each figure in it belongs to (issue 23).

`find_periods(text)` finds every period expression — "năm 2021", "quý III/2021", "tháng 9 năm 2021",
"6 tháng đầu năm 2023", "từ ngày 21/7 đến 20/8/2021", "lũy kế đến 30/9/2023", "giai đoạn 2016-2020",
the same without diacritics or damaged by OCR ("Quy I1I nim 2021"), and in English ("in the first
quarter of 2024", "as of September 30, 2023") — each with its offsets in the original text and a
period code of content/periods.py. The codes follow the hand counts of the corpus: an explicit
date range stays a range (01/01–31/03/2024 is `2024-01-01/2024-03-31`, not a quarter); "6 tháng đầu
năm" is the half, "9 tháng đầu năm" the first nine months; "lũy kế đến" a running total.

An expression without its year ("9 tháng đầu năm", "từ ngày 21/7 đến 20/8") takes the year of
the nearest period printed before it in the same text; with none it is not a period: the source
does not say which year, so neither do we. A period named after a date range that covers it in
other words ("tháng 8/2021" in a bulletin titled 21/7–20/8/2021, "quý I" after "quý I năm 2020
(tính từ 1/12/2019 đến 29/2/2020)") is read as that range.

`PeriodScope(text).at(offset)` is the period of a figure printed at `offset`:

1. in a table whose header names two or more periods ("Năm 2020    Năm 2021"), its column's;
2. inside the brackets after a compared period ("so với năm 2022 (80,08%)"), or the first number
   of "từ 51 lên 31" after one, the compared period's (None when the compared period has no code:
   "so với cùng kỳ năm trước (4.500 hồ sơ)");
3. else the nearest period before it in its sentence, compared periods ("so với năm 2020",
   "cùng kỳ", "hơn năm 2022") left out — or, when that is a year, the part of it the sentence
   gives in brackets further on ("Năm 2020, … 350 phiếu (từ ngày 01/01/2020 đến ngày 31/3/2020)");
4. else the first period after it in its sentence ("Với 73,40 điểm trong bảng xếp hạng PCI 2019"),
   unless a part is named in between ("480 hồ sơ, riêng quý IV: 120");
5. else the nearest period before it in the text (the paragraphs of a report run on in the period
   they last named: "Cụ thể, tính từ ngày 7/12/2022 đến ngày 4/12/2023, …" covers the paragraphs
   under it);
6. else the document's period, the first one it names (a title without a year, "Trên 7.600 hồ sơ
   bị quá hạn trong quý I", takes the year the text gives below).

Reading is by regular expressions over a one-to-one fold of the text (lower case, no diacritics),
so offsets in the fold are offsets in the original.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from site_builder.content import periods

# --------------------------------------------------------------------------- folding


def _fold_char(ch: str) -> str:
    if ch in "đĐð":
        return "d"
    base = unicodedata.normalize("NFD", ch)[:1].lower() or ch
    return base if len(base) == 1 else ch


def fold1(text: str) -> str:
    """Lower case without diacritics, đ → d, one character for one: offsets stay those of `text`.

    Unlike phrases.fold, digits inside words stay digits ("Q1/2024" must keep its 1).
    """
    return "".join(_fold_char(ch) for ch in text)


# --------------------------------------------------------------------------- the expressions

YEAR = r"((?:19|20)\d\d)(?!\d)"
NAM = r"(?<![a-z0-9])n(?!h)[a-z0-9@&]{1,2}m(?![a-z])"  # năm, and OCR's nim, ndm, niam, n4m
# ("thường", "thông", "thùng" are words of their own: "Bình thường 12" is no month)
THANG = r"(?<![a-z])th(?!uong|ong|ung)[a-z0-9]{1,2}ng(?![a-z])"
NGAY = r"(?<![a-z])ng[a-z]{1,2}y(?![a-z])"
DEN = r"(?:d[e3]n|toi)"
TU = r"(?<![a-z])(?:tinh\s+)?tu"
DATE = r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-]((?:19|20)\d\d))?(?![\d/])"
S = r"[\s,]*"
MONTHS_EN = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
MONTHS_EN.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
MONTH_EN = r"(" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
DATE_EN = rf"(?:{MONTH_EN}\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_EN})(?:{S}{YEAR})?"
COUNT = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
         "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12}
NUMBER = r"(\d{1,2}|sau|chin|ba|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# What, just before a period, makes it the period compared with rather than the text's own.
# A period inside the citation of a document is that document's, not the report's: "Căn cứ Quyết định
# số 123/QĐ-UBND ngày 12/4/2022 … về Kế hoạch CCHC năm 2022" names no period of the figures below it.
# A figure followed, in its own clause, by a bracket that names its period.
OWN_AFTER = re.compile(r"[\d.,]+[ \t]*%?[ \t]+(?:trong|vao)[ \t]+")  # "24,1% trong tháng 4": a figure and its own time
OWN_BRACKET = re.compile(r"[\d.,/%]+[^\d();,]{0,40}\(\s*")
CITED = re.compile(r"(?:(?:^|[.\n])[ \t#*-]*can cu\b[^.\n]*"
                   r"|\b(?:quyet dinh|ke hoach|cong van|nghi quyet|chi thi|thong tu|nghi dinh)\b[^,;.\n()]{0,40}"
                   # "PAPI 2023 công bố tháng 4/2024": when a result was published, not what it is of
                   r"|(?<![a-z])(?:cong\s+bo|published|announced|released)(?:\s+(?:vao|ngay|hom|sang|chieu|in|on))*\s*)$")
# "trong khi năm 2021 chỉ có 203 hồ sơ", "while in 2021 …": a contrast sets another period beside the text's own,
# the subject of its clause (its figures run to the semicolon or the sentence's end).
COMPARED = re.compile(r"(?:so\s+voi|cung\s+ky|(?<![a-z])hon|compared\s+(?:with|to)|(?<![a-z])than|(?<![a-z])vs"
                      r"|trong\s+khi|(?<![a-z])(?:while|whereas)(?:\s+in)?"
                      r"|same\s+period|up\s+from|down\s+from)(?![a-z])[^0-9.;:!?()\n]*$")
# "cao hơn mức 81,6% của năm 2022": the period after a compared value is that value's, a comparison (only the
# value is of it: `PeriodScope._compared`).
COMPARED_VALUE = re.compile(r"(?<![a-z])(?:hon|so\s+voi)\s+(?:muc\s+)?(?P<v>\d[\d.,]*)\s*(?:%|diem)?\s*(?:cua\s+)?$")
DEADLINE = re.compile(r"(?<![a-z])(?:den|toi|by|until)\s+(?:het\s+|cuoi\s+|the\s+end\s+of\s+)?$")
DATE_BEFORE = re.compile(r"(?<![a-z])(?:ngay|day)[a-z]*\s*\S{0,4}\s*$")  # "ngày 21 tháng 9 năm 2021": a date
# Between a figure and a later period of its sentence: that period is a part's, not the figure's
# ("đã giải quyết 480 hồ sơ, riêng quý IV giải quyết 120").
PART_OF = re.compile(r";|(?<![a-z])(?:rieng|trong\s+do|trong\s+so|of\s+which|including|in\s+particular)(?![a-z])")
# A period compared with that the text does not date ("so với cùng kỳ năm trước", "tháng trước"); not the
# period dossiers were carried over from ("năm trước chuyển sang 120 hồ sơ": this period's figure).
UNNAMED = (r"(?<![a-z])(?:cung\s+ky(?:\s+n(?!h)[a-z]{1,2}m\s+(?:truoc|ngoai))?|n(?!h)[a-z]{1,2}m\s+(?:truoc|ngoai)"
           r"|(?:thang|quy)\s+truoc"
           r"|(?:the\s+)?same\s+period\s+(?:of\s+)?last\s+year|last\s+year|(?:the\s+)?previous\s+year)(?![a-z])(?!\s+chuyen)")
# Words before a compared period that make it the object of a comparison ("tăng 8% so với năm 2022"): its
# reach ends at the clause's end. Without them it is the subject of its clause ("cùng kỳ năm trước tiếp nhận
# 5.400 hồ sơ, giải quyết 5.300 hồ sơ") and its figures run to the semicolon, the bracket or the sentence's end.
COMPARED_OBJECT = re.compile(r"(?:so\s+voi|(?<![a-z])hon|compared\s+(?:with|to)|(?<![a-z])than|(?<![a-z])vs"
                             r"|up\s+from|down\s+from)(?![a-z])[^0-9.;:!?()\n]*$")
# Where the dossiers of an earlier period are this period's carried-over ones ("tồn từ năm trước: 45 hồ sơ").
CARRIED = re.compile(r"(?<![a-z])(?:ton|tu|chuyen\s+tu)\s*$")
FROM_BEFORE = re.compile(r"\s*chuyen\s+(?:sang|qua)(?![a-z])")
UNKNOWN = re.compile(rf"{TU}\s+dau\s+{NAM}(?:\s+{YEAR})?\s+{DEN}\s+nay(?![a-z])")


@dataclass(frozen=True)
class Span:
    """A period expression: where it is in the original text and the period code it names.

    `comparison` marks a period the text compares with ("so với năm 2020"), not its own.
    """

    start: int
    end: int
    code: str
    comparison: bool = False


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    kind: str  # year, years, months, last_months, quarter, month, range, to_date, fixed (code given), unknown,
    # quarter_again ("cả quý": the quarter named last)
    year: int | None  # None: the text gives no year here
    a: int = 0  # the part (half, quarter, month, months) or the first year
    b: tuple[int, int, int, int] | None = None  # range: day, month, first day, first month
    code: str = ""
    comparison: bool = False
    column: bool = False  # a table column's header


def _days(m: re.Match[str], i: int) -> tuple[int, int, int | None]:
    """(day, month, year) from DATE groups i, i+1, i+2."""
    return int(m[i]), int(m[i + 1]), int(m[i + 2]) if m[i + 2] else None


def _en_date(m: re.Match[str], i: int) -> tuple[int, int, int | None]:
    """(day, month, year) from DATE_EN groups i.. i+4."""
    if m[i]:
        month, day = MONTHS_EN[m[i]], int(m[i + 1])
    else:
        day, month = int(m[i + 2]), MONTHS_EN[m[i + 3]]
    return day, month, int(m[i + 4]) if m[i + 4] else None


def _roman(token: str) -> int:
    token = re.sub(r"[l1|]", "i", token)
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4, "2": 2, "3": 3, "4": 4}.get(token, 0)


def _count(token: str) -> int:
    return int(token) if token.isdigit() else COUNT.get(token, 0)


def _date_range(s: int, e: int, first: tuple[int, int, int | None], last: tuple[int, int, int | None]) -> _Mention:
    (d1, m1, y1), (d2, m2, y2) = first, last
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1  # "từ 15/12/2022 đến 14/3": into the next year
    return _Mention(s, e, "range", y2, y1 or 0, (d2, m2, d1, m1))


def _candidates(f: str) -> list[_Mention]:
    """Every match of every pattern; overlaps are resolved by the caller."""
    out: list[_Mention] = []

    def add(pattern: str, make: Callable[[re.Match[str]], _Mention | None]) -> None:
        for m in re.finditer(pattern, f):
            made = make(m)
            if made is not None:
                out.append(made)

    # date ranges
    # "đến hết ngày 31-7-2025": the range runs to the end of its last day, which is the day itself
    add(rf"(?:{TU}\s+(?:{NGAY}\s*)?|(?<![a-z])t\s+{NGAY}\s*)\s*{DATE}\s*(?:{DEN}(?:\s+het)?|[-–—])\s*(?:{NGAY}\s*)?{DATE}",
        lambda m: _date_range(m.start(), m.end(), _days(m, 1), _days(m, 4)))
    # "từ ngày 1 đến 20/12/2022", "từ ngày 1-20/12": the first day's month and year are the last day's
    add(rf"{TU}\s+{NGAY}\s*(\d{{1,2}})(?![\d/.])\s*(?:{DEN}(?:\s+het)?|[-–—])\s*(?:{NGAY}\s*)?{DATE}",
        lambda m: _date_range(m.start(), m.end(), (int(m[1]), int(m[3]), int(m[4]) if m[4] else None), _days(m, 2))
        if int(m[1]) < int(m[2]) else None)
    add(rf"(?<![a-z])from\s+(?:the\s+)?{DATE_EN}\s+(?:to|until|through|till|-|–)\s+(?:the\s+)?{DATE_EN}",
        lambda m: _date_range(m.start(), m.end(), _en_date(m, 1), _en_date(m, 6)))
    add(rf"(?<![a-z])from\s+{DATE}\s+(?:to|until|-|–)\s+{DATE}",
        lambda m: _date_range(m.start(), m.end(), _days(m, 1), _days(m, 4)))
    add(rf"{TU}\s+dau\s+{NAM}(?:\s+{YEAR})?\s+{DEN}\s+(?:{NGAY}\s*)?{DATE}",
        lambda m: _date_range(m.start(), m.end(), (1, 1, int(m[1]) if m[1] else None), _days(m, 2)))
    # one day: "trong sáng 23-2", "trong ngày 10/2/2026", "trong buổi chiều ngày 5-9" (the figures of that day;
    # "Ngày 10-2, ông … cho biết" without "trong" dates a statement, not a period)
    add(rf"(?<![a-z])trong\s+(?:(?:buoi\s+)?(?:sang|chieu|toi)\s+(?:{NGAY}\s*)?|{NGAY}\s*){DATE}",
        lambda m: _date_range(m.start(), m.end(), _days(m, 1), _days(m, 1)))
    add(rf"{TU}\s+{NAM}\s+{YEAR}\s+{DEN}\s+(?:{NGAY}\s*)?{DATE}",
        lambda m: _date_range(m.start(), m.end(), (1, 1, int(m[1])), _days(m, 2)))
    add(rf"{TU}\s+{THANG}\s+(\d{{1,2}})(?:\s*[/\-]\s*{YEAR})?\s+{DEN}\s+{THANG}\s+(\d{{1,2}})(?:\s*[/\-]\s*|\s+{NAM}\s+){YEAR}",
        lambda m: _months_span(m.start(), m.end(), int(m[1]), int(m[2]) if m[2] else None, int(m[3]), int(m[4])))
    add(rf"{THANG}\s+(\d{{1,2}})((?:\s*(?:,|va|-|–)\s*\d{{1,2}})+)\s*[/\-]\s*{YEAR}",
        lambda m: _months_span(m.start(), m.end(), int(m[1]), None, int(re.findall(r"\d+", m[2])[-1]), int(m[3])))
    # "từ đầu năm đến hết tháng 5/2024", "lũy kế từ đầu năm 2024 đến tháng 5": the first months of the year
    add(rf"{TU}\s+dau\s+{NAM}(?:\s+{YEAR})?\s+{DEN}\s+(?:het\s+|cuoi\s+)?{THANG}\s+(\d{{1,2}})(?!\d)(?:\s*[/\-]\s*{YEAR}|\s+{NAM}\s+{YEAR})?",
        lambda m: _first_months(m.start(), m.end(), int(m[2]), "dau", m[1] or m[3] or m[4]))
    add(UNKNOWN.pattern, lambda m: _Mention(m.start(), m.end(), "unknown", None))
    add(UNNAMED, lambda m: _Mention(m.start(), m.end(), "unknown", None, comparison=True))
    # running totals
    add(rf"(?<![a-z])(?:luy\s+ke|tinh|cong\s+don)(?:\s+[a-z]+){{0,2}}?\s+{DEN}\s+(?:thoi\s+diem\s+)?(?:{NGAY}\s*)?{DATE}",
        lambda m: _to_date(m.start(), m.end(), _days(m, 1)))
    add(rf"(?<![a-z])(?:luy\s+ke|tinh)\s+{DEN}\s+het\s+{NAM}\s+{YEAR}",
        lambda m: _to_date(m.start(), m.end(), (31, 12, int(m[1]))))
    # "tính đến hết tháng 9/2023", "lũy kế đến tháng 6/2024": to the month's last day; "đến hết tháng 5/2024"
    # says as much without "tính" (the total runs to the month's end; "từ đầu năm đến hết tháng 5" is below)
    add(rf"(?<![a-z])(?:(?:luy\s+ke|tinh)\s+{DEN}\s+(?:het\s+)?|{DEN}\s+het\s+){THANG}\s+(\d{{1,2}})\s*[/\-]\s*{YEAR}",
        lambda m: _to_date(m.start(), m.end(), (calendar.monthrange(int(m[2]), int(m[1]))[1], int(m[1]), int(m[2])))
        if 1 <= int(m[1]) <= 12 else None)
    add(rf"(?<![a-z]){DEN}\s+{NGAY}\s*{DATE}", lambda m: _to_date(m.start(), m.end(), _days(m, 1)))
    add(rf"(?<![a-z])as\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?{DATE_EN}", lambda m: _to_date(m.start(), m.end(), _en_date(m, 1)))
    add(rf"(?<![a-z])as\s+(?:of|at)\s+{DATE}", lambda m: _to_date(m.start(), m.end(), _days(m, 1)))
    # whole years
    add(rf"(?<![a-z])giai\s+doan\s+(?:{NAM}\s+)?{YEAR}\s*[-–—]\s*{YEAR}", lambda m: _years(m.start(), m.end(), m[1], m[2]))
    add(rf"{TU}\s+(?:{NAM}\s+)?{YEAR}\s+{DEN}\s+(?:{NAM}\s+)?{YEAR}", lambda m: _years(m.start(), m.end(), m[1], m[2]))
    add(rf"(?<![a-z])from\s+{YEAR}\s+(?:to|until|through)\s+{YEAR}", lambda m: _years(m.start(), m.end(), m[1], m[2]))
    # the first months, halves
    add(rf"(?<![a-z0-9]){NUMBER}\s+{THANG}\s+(?:(dau|cuoi)\s+)?{NAM}(?:\s+{YEAR})?",
        lambda m: _first_months(m.start(), m.end(), _count(m[1]), m[2] or "", m[3]))
    add(rf"(?<![a-z])first\s+{NUMBER}\s+months\s+of\s+(?:the\s+year\s+)?{YEAR}?",
        lambda m: _first_months(m.start(), m.end(), _count(m[1]), "dau", m[2]))
    add(rf"(?<![a-z])(first|second)\s+half\s+of\s+(?:the\s+year\s+)?{YEAR}?",
        lambda m: _first_months(m.start(), m.end(), 6, "dau" if m[1] == "first" else "cuoi", m[2]))
    # quarters
    add(rf"(?<![a-z])qu[yi]\s+([il1|]{{1,3}}v?|[il1|]?v|[2-4])(?![a-z0-9])(?:\s*[/\-]\s*{YEAR}|\.{YEAR}|\s+(?:{NAM}\s+)?{YEAR})?",
        lambda m: _part(m.start(), m.end(), "quarter", _roman(m[1]), m[2] or m[3] or m[4]))
    add(rf"(?<![a-z])q\.?\s?([1-4])\s*[/\-]?\s*{YEAR}", lambda m: _part(m.start(), m.end(), "quarter", int(m[1]), m[2]))
    add(rf"(?<![a-z])(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?:the\s+year\s+)?{YEAR})?",
        lambda m: _part(m.start(), m.end(), "quarter", ORDINAL[m[1]], m[2]))
    # months
    add(rf"{THANG}\s+(\d{{1,2}})(?!\d|[,.]\s*\d)(?:\s*[/\-]\s*{YEAR}|\s+(?:{NAM}\s+)?{YEAR})?",
        lambda m: None if DATE_BEFORE.search(f[max(0, m.start() - 14): m.start()])
        else _part(m.start(), m.end(), "month", int(m[1]), m[2] or m[3]))
    add(rf"(?<![a-z]){MONTH_EN}\s*,?\s+{YEAR}", lambda m: _part(m.start(), m.end(), "month", MONTHS_EN[m[1]], m[2]))
    # "In March alone, …", "in March the departments …": a month of the year the text is about ("in May" only
    # before a comma or "alone": "may" is a verb too)
    add(rf"(?<![a-z])(?:in|during)\s+{MONTH_EN}(?!\s*,?\s*\d)(?![a-z])",
        lambda m: None if m[1] == "may" and not re.match(r"\s*(?:alone\b|,)", f[m.end():])
        else _part(m.start(), m.end(), "month", MONTHS_EN[m[1]], None))
    # years
    add(rf"{NAM}\s+{YEAR}", lambda m: _year(f, m.start(), m.end(), m[1]))
    add(rf"(?<![a-z])(?:ca|toan)\s+{NAM}(?!\s*\d)", lambda m: _Mention(m.start(), m.end(), "year", None))  # "cả năm"
    add(r"(?<![a-z])(?:for|in|during|over)\s+the\s+(?:whole|entire|full)\s+year(?![a-z])", lambda m: _Mention(m.start(), m.end(), "year", None))
    # "cả quý", "For the whole quarter": the quarter the text named last
    add(r"(?<![a-z])(?:(?:ca|toan)\s+qu[yi](?![a-z])(?!\s*(?:[il1|v]+|\d)(?![a-z]))|(?:for|in|during|over)\s+the\s+(?:whole|entire|full)\s+quarter(?![a-z]))",
        lambda m: _Mention(m.start(), m.end(), "quarter_again", None))
    add(rf"(?<![a-z])(?:pci|papi|sipas|par\s*-?\s*index)\s+{YEAR}", lambda m: _year(f, m.start(1), m.end(), m[1]))
    add(rf"(?<![a-z0-9]){YEAR}\s+(?:pci|papi|sipas|par\s*-?\s*index)(?![a-z])", lambda m: _year(f, m.start(), m.end(1), m[1]))  # "the 2022 PAR Index"
    add(rf"(?<![a-z])(?:in|during|for|year)\s+{YEAR}(?!\s*[-–/]\s*\d)", lambda m: _year(f, m.start(), m.end(), m[1]))
    add(rf"(?<![a-z])(?:so\s+voi|than)\s+{YEAR}(?!\s*[-–/]\s*\d)", lambda m: _year(f, m.start(1), m.end(), m[1]))
    return out


def _months_span(s: int, e: int, first: int, first_year: int | None, last: int, year: int) -> _Mention | None:
    start_year = first_year or (year if first <= last else year - 1)
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return None
    end = dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
    code = periods.suggest(dt.date(start_year, first, 1), end)
    return _Mention(s, e, "fixed", year, code=code)


def _to_date(s: int, e: int, date: tuple[int, int, int | None]) -> _Mention:
    day, month, year = date
    return _Mention(s, e, "to_date", year, b=(day, month, 0, 0))


def _years(s: int, e: int, first: str, last: str) -> _Mention | None:
    if int(last) <= int(first):
        return None
    return _Mention(s, e, "years", int(last), int(first))


def _first_months(s: int, e: int, n: int, which: str, year: str | None) -> _Mention | None:
    if not 1 <= n <= 12 or (not which and not year):
        return None
    y = int(year) if year else None
    if n == 12:
        return _Mention(s, e, "year", y)
    if which == "cuoi":
        return _Mention(s, e, "last_months", y, n)
    return _Mention(s, e, "months", y, n)


def _part(s: int, e: int, kind: str, part: int, year: str | None) -> _Mention | None:
    if part < 1 or (kind == "month" and part > 12):
        return None
    return _Mention(s, e, kind, int(year) if year else None, part)


def _year(f: str, s: int, e: int, year: str) -> _Mention | None:
    before = f[max(0, s - 20): s]
    if DEADLINE.search(before):
        return None  # "phấn đấu đến năm 2025": a deadline, not the period reported
    if re.search(r"(?<![a-z])tu\s+$", before):
        return None  # "được cấp từ năm 2009": since a year, not a period reported
    if re.search(rf"{THANG}\s+\d{{1,2}}\s*$", before):
        return None  # "ngày 21 tháng 9 năm 2021": a date
    return _Mention(s, e, "year", int(year))


# --------------------------------------------------------------------------- codes


def _code(m: _Mention, year: int) -> str | None:
    """The period code of a mention in `year` (its own year or the one it takes from the text)."""
    try:
        if m.kind == "fixed":
            return m.code
        if m.kind == "year":
            return str(year)
        if m.kind == "years":
            return f"{m.a}-{year}"
        if m.kind == "quarter":
            return f"{year}-Q{m.a}"
        if m.kind == "month":
            return f"{year}-{m.a:02d}"
        if m.kind == "months":
            return f"{year}-H1" if m.a == 6 else f"{year}-{m.a}M"
        if m.kind == "last_months":
            if m.a == 6:
                return f"{year}-H2"
            return periods.suggest(dt.date(year, 13 - m.a, 1), dt.date(year, 12, 31))
        if m.kind == "to_date":
            assert m.b is not None
            return f"../{dt.date(year, m.b[1], m.b[0]).isoformat()}"
        if m.kind == "range":
            assert m.b is not None
            d2, m2, d1, m1 = m.b
            first_year = m.a or (year if (m1, d1) <= (m2, d2) else year - 1)
            return f"{dt.date(first_year, m1, d1).isoformat()}/{dt.date(year, m2, d2).isoformat()}"
    except ValueError:
        return None  # 31/2, month 13: not a date
    return None


def _select(cands: list[_Mention]) -> list[_Mention]:
    """The longest of overlapping matches, earliest first."""
    chosen: list[_Mention] = []
    for m in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if chosen and m.start < chosen[-1].end:
            continue
        chosen.append(m)
    return chosen


def _same_in_other_words(named: str, rng: str) -> bool:
    """Whether a date range is a named period worded by its dates (a month of a bulletin counted
    21/7–20/8, a quarter counted 1/12–29/2): it ends inside the period, and each end is at most a
    month from the period's."""
    p, r = periods.parse(named), periods.parse(rng)
    if p is None or r is None or r.kind is not periods.PeriodKind.range or p.kind in (periods.PeriodKind.range, periods.PeriodKind.to_date):
        return False
    assert r.start is not None and r.end is not None
    start, end = periods.bounds(p)[0]
    assert start is not None
    # a reporting month or quarter is shifted by at most a month (Decree 09/2019: 15th to 14th)
    return start <= r.end <= end and abs((r.start - start).days) <= 31 and abs((r.end - end).days) <= 31


def _dateline_year(before: str) -> int | None:
    """The year of the last full date printed before a day without one: a press article's dateline."""
    dates = re.findall(r"(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-]((?:19|20)\d\d)(?!\d)", before)
    return int(dates[-1]) if dates else None


def _mentions(text: str, f: str | None = None) -> list[_Mention]:
    f = fold1(text) if f is None else f
    out: list[_Mention] = []
    last_year: int | None = None
    for m in _select(_candidates(f)):
        comparison = (m.comparison or bool(COMPARED.search(f[max(0, m.start - 40): m.start]))
                      or bool(COMPARED_VALUE.search(f[max(0, m.start - 40): m.start]))
                      or bool(CITED.search(f[max(0, m.start - 160): m.start]))
                      # "666 hồ sơ tồn từ quý II chuyển sang": where carried-over dossiers came from, not the period reported
                      or bool(CARRIED.search(f[max(0, m.start - 12): m.start]) and FROM_BEFORE.match(f, m.end)))
        if m.kind == "unknown":
            # "Tính đến ngày 25/6/2024, … Từ đầu năm đến nay, …": "nay" is the date the text has just given
            as_of = next((p.code.removeprefix("../") for p in reversed(out) if p.kind == "to_date" and p.code.startswith("../")), None)
            if as_of and not comparison and UNKNOWN.fullmatch(f, m.start, m.end):
                since_new_year = f"{as_of[:4]}-01-01/{as_of}"  # a period code (not an error code)
                out.append(_Mention(m.start, m.end, "fixed", int(as_of[:4]), code=since_new_year))
                continue
            out.append(replace(m, comparison=comparison))
            continue
        if m.kind == "quarter_again":
            last = next((p for p in reversed(out) if p.kind == "quarter" and p.code and not p.comparison), None)
            if last is not None:
                out.append(replace(m, kind="quarter", year=last.year, a=last.a, code=last.code, comparison=comparison))
            continue
        year = m.year if m.year is not None else last_year
        if year is None and m.kind == "range":
            year = _dateline_year(f[: m.start])  # "trong sáng 10-2", "từ ngày 5 đến 8/5" under the article's "08/05/2025 16:10"
        if year is None:
            continue  # no year printed before it: not a period
        code = _code(m, year)
        parsed = periods.parse(code) if code else None
        if code is None or parsed is None:
            continue
        if not comparison:
            last_year = parsed.year
        out.append(replace(m, year=year, code=code, comparison=comparison))
    return _refined(out, f)


def _refined(mentions: list[_Mention], f: str) -> list[_Mention]:
    """A named period followed by the dates it counts ("quý I năm 2020 (tính từ 1/12/2019 đến
    29/2/2020)"), or following them in brackets ("từ 16/3/2024 đến 15/6/2024 (quý II/2024)"), is that date range."""
    out = list(mentions)
    named: dict[str, str] = {}
    for i in range(len(out) - 1):
        m, nxt = out[i], out[i + 1]
        if m.comparison or nxt.comparison or not m.code or not nxt.code:
            continue
        if not re.fullmatch(r"\s*[(:,\-–]?\s*(?:<i>)?", f[m.end: nxt.start]):
            continue
        if _same_in_other_words(m.code, nxt.code):
            named[m.code] = nxt.code
            out[i] = replace(m, code=nxt.code)
        elif m.kind == "range" and re.fullmatch(r"\s*\(\s*", f[m.end: nxt.start]) and _same_in_other_words(nxt.code, m.code):
            named[nxt.code] = m.code  # "từ 16/3/2024 đến 15/6/2024 (quý II/2024)": the dates, their name in brackets
            out[i + 1] = replace(nxt, code=m.code)
        elif m.kind == "year" and nxt.kind == "to_date":  # "Năm 2020 (Tính đến 31/3)": the year so far
            end = periods.parse(nxt.code)
            assert end is not None and end.end is not None
            if end.end.year == int(m.code) and end.end.month < 12:
                month_end = (end.end + dt.timedelta(days=1)).day == 1
                code = f"{m.code}-{end.end.month}M" if month_end else f"{m.code}-01-01/{end.end.isoformat()}"
                out[i] = replace(m, code=code)
    return _as_worded_before(out, named)


def _as_worded_before(mentions: list[_Mention], named: dict[str, str]) -> list[_Mention]:
    """A period named again after its dates were given is those dates: "quý I" after "quý I năm
    2020 (tính từ 1/12/2019 đến 29/2/2020)", and "tháng 8/2021" in a bulletin whose own period
    (its first, the title's) is 21/7–20/8/2021."""
    own = [m for m in mentions if m.code and not m.comparison]
    first = periods.parse(own[0].code) if own else None
    document = own[0].code if first is not None and first.kind is periods.PeriodKind.range else ""
    out = []
    for m in mentions:
        if m.code and not m.comparison and m.kind != "range":
            if m.code in named:
                m = replace(m, code=named[m.code])
            elif document and m.start > own[0].start and _same_in_other_words(m.code, document):
                m = replace(m, code=document)
        out.append(m)
    return out


def find_periods(text: str) -> list[Span]:
    """Every period expression of `text` that names a period, in order, with its code."""
    return [Span(m.start, m.end, m.code, m.comparison) for m in _mentions(text) if m.code]


# --------------------------------------------------------------------------- scope

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table line: tab-separated, or columns two spaces apart."""
    if "\t" in line:
        spans, pos = [], 0
        for part in line.split("\t"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        return spans
    return [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _bounds(code: str) -> tuple[str, str, str]:
    parsed = periods.parse(code)
    assert parsed is not None
    start, end = periods.bounds(parsed)[0]
    return code, start.isoformat() if start else "", end.isoformat()


class PeriodScope:
    """The period of each figure of one text (see the module's docstring for the order of the rules)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold1(text)
        self.mentions = _mentions(text, self.folded)
        self._lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._columns: dict[int, list[tuple[tuple[int, int], str, bool]]] = {}  # line index -> header cells
        self._mark_tables()
        own = [m for m in self.mentions if not m.comparison and not m.column]
        self._own = own
        self._own_starts = [m.start for m in own]
        self._all_starts = [m.start for m in self.mentions]
        self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def _line_of(self, offset: int) -> int:
        return bisect_right(self._lines, offset) - 1

    def _line(self, i: int) -> tuple[int, str]:
        start = self._lines[i]
        end = self._lines[i + 1] - 1 if i + 1 < len(self._lines) else len(self.text)
        return start, self.text[start:end]

    def _mark_tables(self) -> None:
        """Header lines naming two or more periods, cell by cell, and the lines under them."""
        by_line: dict[int, list[int]] = {}
        for k, m in enumerate(self.mentions):
            if m.code and not m.comparison:
                by_line.setdefault(self._line_of(m.start), []).append(k)
        for i, ks in by_line.items():
            start, line = self._line(i)
            rest = line
            for k in ks:
                m = self.mentions[k]
                rest = rest[: m.start - start] + " " * (m.end - m.start) + rest[m.end - start:]
            separated = "\t" in line or re.search(r"\S {2,}\S", line.strip()) is not None
            if len(ks) < 2 or re.search(r"\d", rest) or not separated:
                continue
            header: list[tuple[tuple[int, int], str, bool]] = []
            for cell in _cells(line):
                inside = [self.mentions[k] for k in ks if cell[0] <= self.mentions[k].start - start < cell[1]]
                header.append((cell, inside[0].code if inside else "", "\t" in line))
            for k in ks:
                self.mentions[k] = replace(self.mentions[k], column=True)
            j = i + 1
            while j < len(self._lines):
                _, under = self._line(j)
                if not under.strip() or j in by_line:
                    break
                self._columns[j] = header
                j += 1

    def _column(self, offset: int) -> tuple[bool, str]:
        i = self._line_of(offset)
        header = self._columns.get(i)
        if header is None:
            return False, ""
        start, line = self._line(i)
        cells = _cells(line)
        col = next((n for n, c in enumerate(cells) if c[0] <= offset - start < c[1]), None)
        if col is None:
            return True, ""
        if header[0][2] or "\t" in line:  # by position from the right when the counts differ
            index = col if len(cells) == len(header) else len(header) - (len(cells) - col)
            return True, header[index][1] if 0 <= index < len(header) else ""
        centre = (cells[col][0] + cells[col][1]) / 2
        best = min(header, key=lambda h: abs((h[0][0] + h[0][1]) / 2 - centre))
        return True, best[1]

    def _sentence(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self._sentence_ends, offset)
        start = self._sentence_ends[k - 1] if k else 0
        end = self._sentence_ends[k] if k < len(self._sentence_ends) else len(self.text)
        return start, end

    def _compared(self, offset: int, sentence_start: int) -> tuple[bool, str]:
        """Whether a number stands for a compared period: in the brackets right after one, in the clause
        one opens or ends with ("cùng kỳ năm trước tiếp nhận 5.400 hồ sơ", "so với cùng kỳ năm 2023 là
        4.512 hồ sơ"), or the first number of "từ X lên/xuống Y". The code is "" when the text does not
        date that period, and for "cùng kỳ năm 2023" (the same part of that year, not the year)."""
        f = self.folded
        k = bisect_right(self._all_starts, offset)
        before = [m for m in self.mentions[:k] if m.comparison and m.end <= offset and m.start >= sentence_start]
        if before:
            last = before[-1]
            gap = f[last.end: offset]
            if re.fullmatch(r"\s*\([^()]*", gap):
                return True, last.code
            if self._in_compared_clause(last, gap):
                same_part = len(before) > 1 and not before[-2].code and re.fullmatch(r"\s*", f[before[-2].end: last.start])
                return True, "" if same_part else last.code
        after = [m for m in self.mentions[k:k + 2] if m.comparison and m.start >= offset]
        base = max(0, after[0].start - 40) if after else 0
        if after and (value := COMPARED_VALUE.search(f[base: after[0].start])) is not None \
                and base + value.start("v") <= offset < after[0].start:
            return True, after[0].code  # "cao hơn mức 81,6% của năm 2022": the value compared is of that period
        if re.search(r"(?<![a-z])tu\s+(?:[a-z]+\s+){0,3}$", f[max(sentence_start, offset - 30): offset]) and \
                re.match(r"[\d.,%\s]*(?:[a-z]+\s+){0,2}?(?:len|xuong)(?![a-z])", f[offset: offset + 40]):
            return True, before[-1].code if before else ""
        return False, ""

    def _in_compared_clause(self, mention: _Mention, gap: str) -> bool:
        """Whether a figure `gap` characters after a compared period is in that period's reach: the rest of
        the clause after the object of a comparison; after a subject, up to a semicolon or the bracket's end."""
        f = self.folded
        head = f[max(0, mention.start - 40): mention.start]
        if CARRIED.search(head) or COMPARED_VALUE.search(head):
            return False  # "… hơn mức 81,6% của năm 2022, xếp thứ 9": the period is the compared value's alone
        if CITED.search(f[max(0, mention.start - 160): mention.start]):
            return False  # a document's or a publication's date dates no figure
        if COMPARED_OBJECT.search(head):
            # "So với năm 2021, khi tỉnh chỉ xếp thứ 23, …": a "khi" clause says what the compared year was
            return not re.search(r"[,;:()\d]", gap) or re.fullmatch(r"\s*,\s*(?:khi|luc)\s[^,;:()\d]*", gap) is not None
        opened = f.rfind("(", 0, mention.start) > f.rfind(")", 0, mention.start)
        return not re.search(r"[;)]" if opened else r";", gap)

    def compared_undated(self, offset: int) -> bool:
        """Whether a figure at `offset` stands for a compared period the text does not date ("cùng kỳ năm
        trước tiếp nhận 5.400 hồ sơ"): not a figure of the period reported, nor of any period one can name."""
        if self._column(offset)[0]:
            return False
        compared, code = self._compared(offset, self._sentence(offset)[0])
        return compared and not code

    def _narrowed(self, year: _Mention, k: int, s_end: int) -> str:
        """The dates a sentence gives in brackets for the part of its year it counts ("Năm 2020, …
        350 phiếu (từ ngày 01/01/2020 đến ngày 31/3/2020)"): never a full year for part of one."""
        if year.kind != "year" or k >= len(self._own) or self._own[k].start >= s_end:
            return ""
        later = self._own[k]
        parsed = periods.parse(later.code) if later.code else None
        if parsed is None or not parsed.partial or parsed.year != int(year.code) or \
                not re.search(r"\(\s*(?:tinh\s+)?$", self.folded[max(0, later.start - 8): later.start]):
            return ""
        return later.code

    def in_period(self, offset: int) -> bool:
        """Whether `offset` is inside a period expression (the 21 of "từ ngày 21/7", the 2021 of
        "năm 2021"): a number there is part of a date, not a figure."""
        k = bisect_right(self._all_starts, offset)
        return k > 0 and offset < self.mentions[k - 1].end

    def at(self, offset: int) -> tuple[str, str, str] | None:
        """(code, first day, last day) of the period a figure printed at `offset` belongs to, or None."""
        in_table, code = self._column(offset)
        if in_table:
            return _bounds(code) if code else None  # a column of changes or labels has no period
        s_start, s_end = self._sentence(offset)
        compared, code = self._compared(offset, s_start)
        if compared:
            return _bounds(code) if code else None
        k = bisect_right(self._own_starts, offset)
        own_before = self._own[k - 1] if k else None
        if k < len(self._own) and self._own[k].code and self._own[k].start < s_end \
                and OWN_BRACKET.fullmatch(self.folded[offset: self._own[k].start]) \
                and re.match(r"[^()\d]*\)", self.folded[self._own[k].end:]):
            # "1 hồ sơ trễ hạn (năm 2017)": the figure's own bracket; not "(năm 2022: 8.200 hồ sơ)", another
            # period's figure printed beside it
            return _bounds(self._own[k].code)
        if k < len(self._own) and self._own[k].code and self._own[k].start < s_end \
                and OWN_AFTER.fullmatch(self.folded[offset: self._own[k].start]):
            # "tăng từ 22,7% trong tháng 3 lên 24,1% trong tháng 4": the period right after a figure is its own
            return _bounds(self._own[k].code)
        if own_before is not None and own_before.start >= s_start and own_before.end <= offset:
            narrower = self._narrowed(own_before, k, s_end)
            return _bounds(narrower or own_before.code) if own_before.code else None
        if k < len(self._own) and self._own[k].start < s_end and not PART_OF.search(self.folded[offset: self._own[k].start]):
            after = self._own[k]
            return _bounds(after.code) if after.code else None
        while own_before is not None and self._bracketed(own_before):
            # "(tháng 1 mới chỉ có 3.120 hồ sơ, … đến tháng 6 đã có 7.480 hồ sơ). Hiện nay, …": months named with
            # their figures in brackets are no period the text runs on in (but "trong tuần (từ ngày 11.5 đến
            # 17.5.2018)" is: the bracket only dates the words before it)
            k -= 1
            own_before = self._own[k - 1] if k else None
        if own_before is not None:
            return _bounds(own_before.code) if own_before.code else None
        return document_period(self.text, self._own)

    def _bracketed(self, mention: _Mention) -> bool:
        """Whether a period is named inside brackets that also hold a figure."""
        s_start, s_end = self._sentence(mention.start)
        head = self.text[s_start:mention.start]
        if head.count("(") <= head.count(")"):
            return False
        opened = head.rfind("(") + s_start
        closed = self.text.find(")", mention.end)
        inside = self.text[opened: closed if closed != -1 else s_end]
        rest = inside.replace(self.text[mention.start: mention.end], " ")
        return re.search(r"\d", rest) is not None


def document_period(text: str, _own: list[_Mention] | None = None) -> tuple[str, str, str] | None:
    """The period of the whole document: the first of its own periods it names (title first)."""
    own = _own if _own is not None else [m for m in _mentions(text) if not m.comparison]
    first = next((m for m in own if m.code), None)
    return _bounds(first.code) if first else None
