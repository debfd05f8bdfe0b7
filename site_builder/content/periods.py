"""Periods as reports write them: what a period code means, whether its dates agree, and which periods compare.

Reports on administrative procedures cover a year, a half or a quarter, a month, the first N
months of a year, an explicit date range, or run "to date" (lũy kế đến ngày…). A period code
names one of these; its kind is read from the code's shape, never guessed from the dates:

    code                      kind      label (vi / en)
    2021                      year      Năm 2021 / 2021
    2021-H1                   half      6 tháng đầu năm 2021 / first half of 2021
    2021-Q3                   quarter   Quý III/2021 / Q3 2021
    2021-09                   month     Tháng 9/2021 / September 2021
    2022-9M                   months    9 tháng đầu năm 2022 / first nine months of 2022
    2011-2020                 years     Giai đoạn 2011–2020 / 2011–2020
    2021-07-21/2021-08-20     range     21/7–20/8/2021 / 21 Jul – 20 Aug 2021
    ../2023-09-30             to_date   lũy kế đến 30/9/2023 / to 30 Sep 2023

The range and to-date codes are ISO 8601 intervals (ISO 8601-2 writes an open start as "..").
Whole-month periods may follow the calendar (1/1–31/12) or the statistical reporting convention
of Decree 09/2019/NĐ-CP, which runs from the 15th of the month before to the 14th (a reporting
year 15/12/2020–14/12/2021, a quarter 15/6–14/9/2021): both are the same year or quarter.

`comparable` is the one place that decides whether two periods can stand side by side in a
series or a comparison: the same kind and the same length.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from babel.dates import format_date


class PeriodKind(str, Enum):
    year = "year"
    half = "half"
    quarter = "quarter"
    month = "month"
    months = "months"  # the first N months of a year
    years = "years"  # whole years, from the first to the last
    range = "range"  # an explicit date range
    to_date = "to_date"  # cumulative up to a date, from a start the source does not give


PATTERNS: dict[PeriodKind, re.Pattern[str]] = {
    PeriodKind.year: re.compile(r"^(?P<year>\d{4})$"),
    PeriodKind.half: re.compile(r"^(?P<year>\d{4})-H(?P<part>[12])$"),
    PeriodKind.quarter: re.compile(r"^(?P<year>\d{4})-Q(?P<part>[1-4])$"),
    PeriodKind.month: re.compile(r"^(?P<year>\d{4})-(?P<part>0[1-9]|1[0-2])$"),
    PeriodKind.months: re.compile(r"^(?P<year>\d{4})-(?P<part>[1-9]|1[01])M$"),
    PeriodKind.years: re.compile(r"^(?P<year>\d{4})-(?P<last>\d{4})$"),
    PeriodKind.range: re.compile(r"^(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})$"),
    PeriodKind.to_date: re.compile(r"^\.\./(?P<end>\d{4}-\d{2}-\d{2})$"),
}

# For the Table Schema `pattern` constraint: every code shape in one group (frictionless anchors a
# pattern as ^…$, which would bind only the first and last alternatives of a bare alternation).
CODE_PATTERN = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(", f"(?:{p.pattern[1:-1]})") for p in PATTERNS.values()) + ")"
EXAMPLES = "2021, 2021-H1, 2021-Q3, 2021-09, 2022-9M, 2011-2020, 2021-07-21/2021-08-20 or ../2023-09-30"

# Kinds shorter than a year: shown with what they are, never filed under a year.
PARTIAL = frozenset({PeriodKind.half, PeriodKind.quarter, PeriodKind.month, PeriodKind.months})


@dataclass(frozen=True)
class PeriodCode:
    """A period code, read: its kind and the numbers or dates it names."""

    code: str
    kind: PeriodKind
    year: int  # the (last) year it belongs to
    part: int = 0  # the half, quarter, month, or number of months
    first_year: int = 0  # years: the first year
    start: dt.date | None = None  # range: the first day; to_date: None (the source does not say)
    end: dt.date | None = None  # range and to_date: the last day

    def months(self) -> tuple[int, int, int] | None:
        """(first year, first month, number of months) for the whole-month kinds; None for a date range."""
        if self.kind is PeriodKind.year:
            return self.year, 1, 12
        if self.kind is PeriodKind.half:
            return self.year, 6 * self.part - 5, 6
        if self.kind is PeriodKind.quarter:
            return self.year, 3 * self.part - 2, 3
        if self.kind is PeriodKind.month:
            return self.year, self.part, 1
        if self.kind is PeriodKind.months:
            return self.year, 1, self.part
        if self.kind is PeriodKind.years:
            return self.first_year, 1, 12 * (self.year - self.first_year + 1)
        return None

    @property
    def partial(self) -> bool:
        """Shorter than a year: a quarter, a half, a month, the first N months, or a range or
        running total that the label gives as dates."""
        if self.kind in PARTIAL:
            return True
        if self.kind is PeriodKind.range and self.start and self.end:
            return (self.end - self.start).days < 364
        return self.kind is PeriodKind.to_date


@lru_cache(maxsize=65536)  # a national corpus repeats a few hundred codes over 160,000 figures
def parse(code: str) -> PeriodCode | None:
    """The period a code names, or None when the code has none of the shapes in EXAMPLES
    (or names an impossible date, or a range that ends before it starts)."""
    for kind, pattern in PATTERNS.items():
        m = pattern.match(code)
        if m is None:
            continue
        groups = m.groupdict()
        try:
            start = dt.date.fromisoformat(groups["start"]) if groups.get("start") else None
            end = dt.date.fromisoformat(groups["end"]) if groups.get("end") else None
        except ValueError:
            return None
        if kind is PeriodKind.range and start and end and end < start:
            return None
        if kind is PeriodKind.years and int(groups["last"]) <= int(groups["year"]):
            return None
        if kind in (PeriodKind.range, PeriodKind.to_date):
            assert end is not None
            return PeriodCode(code, kind, end.year, start=start, end=end)
        if kind is PeriodKind.years:
            return PeriodCode(code, kind, int(groups["last"]), first_year=int(groups["year"]))
        return PeriodCode(code, kind, int(groups["year"]), int(groups.get("part") or 0))
    return None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def bounds(code: PeriodCode) -> list[tuple[dt.date | None, dt.date]]:
    """The (start, end) dates a code allows: the calendar months, or the statistical reporting
    convention (15th of the month before to the 14th); a range its own dates; to_date no start."""
    if code.kind is PeriodKind.range:
        assert code.start and code.end
        return [(code.start, code.end)]
    if code.kind is PeriodKind.to_date:
        assert code.end
        return [(None, code.end)]
    spec = code.months()
    assert spec is not None
    year, month, n = spec
    last_year, last_month = _add_months(year, month, n - 1)
    calendar_months = (dt.date(year, month, 1), dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]))
    before_year, before_month = _add_months(year, month, -1)
    reporting = (dt.date(before_year, before_month, 15), dt.date(last_year, last_month, 14))
    return [calendar_months, reporting]


def date_problem(code: PeriodCode, start: dt.date | None, end: dt.date) -> str | None:
    """Why `start`–`end` contradicts the kind the code names, or None when they agree."""
    allowed = bounds(code)
    if (start, end) in allowed:
        return None
    if code.kind is PeriodKind.to_date:
        if start is not None:
            return f"a running total to {end.isoformat()} has no start date; leave period_start empty, or write the range {start.isoformat()}/{end.isoformat()}"
        return f"'{code.code}' runs to {code.end}, not to {end.isoformat()}"
    if code.kind is PeriodKind.range:
        return f"'{code.code}' is the range {code.start}–{code.end}, not {start}–{end}"
    shown = " or ".join(f"{a.isoformat() if a else '…'}–{b.isoformat()}" for a, b in allowed)
    return f"'{code.code}' ({code.kind.value}) covers {shown}, not {start.isoformat() if start else '…'}–{end.isoformat()}; the dates are the period {suggest(start, end)}"


def suggest(start: dt.date | None, end: dt.date) -> str:
    """The code that names exactly these dates: a year, half, quarter, month, first months or whole
    years when they are one of those, else a range (or a running total when there is no start)."""
    if start is None:
        return f"../{end.isoformat()}"
    candidates = [f"{end.year}", f"{end.year}-H{1 if end.month <= 6 else 2}", f"{end.year}-Q{(end.month - 1) // 3 + 1}",
                  f"{end.year}-{end.month:02d}", f"{end.year}-{end.month}M" if end.month < 12 else "", f"{start.year}-{end.year}"]
    for candidate in candidates:
        code = parse(candidate) if candidate else None
        if code is not None and (start, end) in bounds(code):
            return candidate
    return f"{start.isoformat()}/{end.isoformat()}"


def length(code: PeriodCode) -> int | None:
    """How long a period is, in months for the whole-month kinds and in days for a range; None
    for a running total, whose start the source does not give."""
    spec = code.months()
    if spec is not None:
        return spec[2]
    if code.kind is PeriodKind.range and code.start and code.end:
        return (code.end - code.start).days + 1
    return None


def comparable(a: str, b: str) -> bool:
    """Whether two periods can stand side by side in a series or a comparison: the same kind and
    the same length (a year with a year, a quarter with a quarter, the first nine months with the
    first nine months). A running total compares with nothing, not even another: its start is unknown."""
    pa, pb = parse(a), parse(b)
    if pa is None or pb is None or pa.kind is not pb.kind or pa.kind is PeriodKind.to_date:
        return False
    return length(pa) == length(pb)


# --------------------------------------------------------------------------- in words

QUARTER_VI = {1: "I", 2: "II", 3: "III", 4: "IV"}
ENGLISH_COUNT = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven"}


def day_month(value: dt.date, lang: str, with_year: bool) -> str:
    """'21/7' or '21/7/2021' (vi); '21 Jul' or '21 Jul 2021' (en): the compact dates of period labels."""
    if lang == "vi":
        return f"{value.day}/{value.month}" + (f"/{value.year}" if with_year else "")
    return format_date(value, "d MMM y" if with_year else "d MMM", locale="en")


def span(start: dt.date, end: dt.date, lang: str, joiner: str) -> str:
    """Two dates, the year written once when they share it: 21/7–20/8/2021, 21 Jul – 20 Aug 2021."""
    same_year = start.year == end.year
    return f"{day_month(start, lang, not same_year)}{joiner}{day_month(end, lang, True)}"


@lru_cache(maxsize=4096)
def label(code: str, lang: str) -> str:
    """What a period code says, in words, as the reports write it (content/periods.py):

    2020 -> Năm 2020 / 2020; 2022-H1 -> 6 tháng đầu năm 2022 / first half of 2022;
    2021-Q3 -> Quý III/2021 / Q3 2021; 2021-09 -> Tháng 9/2021 / September 2021;
    2022-9M -> 9 tháng đầu năm 2022 / first nine months of 2022; 2011-2020 -> Giai đoạn 2011–2020 /
    2011–2020; 2021-07-21/2021-08-20 -> 21/7–20/8/2021 / 21 Jul – 20 Aug 2021;
    ../2023-09-30 -> lũy kế đến 30/9/2023 / to 30 Sep 2023. A code of none of these shapes is
    shown as it is.
    """
    p = parse(code)
    if p is None:
        return code
    vi = lang == "vi"
    kind = p.kind
    if kind is PeriodKind.year:
        return f"Năm {p.year}" if vi else str(p.year)
    if kind is PeriodKind.half:
        if vi:
            return f"6 tháng {'đầu' if p.part == 1 else 'cuối'} năm {p.year}"
        return f"{'first' if p.part == 1 else 'second'} half of {p.year}"
    if kind is PeriodKind.quarter:
        return f"Quý {QUARTER_VI[p.part]}/{p.year}" if vi else f"Q{p.part} {p.year}"
    if kind is PeriodKind.month:
        return f"Tháng {p.part}/{p.year}" if vi else format_date(dt.date(p.year, p.part, 1), "MMMM y", locale="en")
    if kind is PeriodKind.months:
        return f"{p.part} tháng đầu năm {p.year}" if vi else f"first {ENGLISH_COUNT[p.part]} months of {p.year}"
    if kind is PeriodKind.years:
        return f"Giai đoạn {p.first_year}–{p.year}" if vi else f"{p.first_year}–{p.year}"
    assert p.end is not None
    if kind is PeriodKind.range:
        assert p.start is not None
        return span(p.start, p.end, lang, "–" if vi else " – ")
    return f"lũy kế đến {day_month(p.end, lang, True)}" if vi else f"to {day_month(p.end, lang, True)}"
