"""`site-builder extract`: propose figure rows from the raw text of a report, for an editor to confirm.

Input: a report's text as pasted from a PDF or OCR, with or without diacritics, and the
indicator catalogue (content/indicators). Output: draft rows in the columns of the
cchc-figures package (`FIGURE_FIELDS`), each quoting the sentence or table row it came from.

How a text is read:

1. It is cut into prose sentences and tables (`tables.table_spans`: tab-separated or aligned by spaces).
2. In a sentence every number is found in the ORIGINAL text; dates, document numbers,
   years, list numbering, the digits of a period ("từ ngày 21/7") and changes ("tăng 4 bậc") are
   skipped. Values are read in Vietnamese format ("7.447" = 7447, "72,3%" = 72.3, "02" = 2, and
   "78.4%" with a decimal point), with a word for its magnitude ("61,3 ngàn hồ sơ" = 61300; "4,776 tỷ
   đồng" converted to the indicator's unit), in words before a thing counted ("mười lăm hồ sơ", "không có hồ
   sơ trễ hạn" = 0), or, in an English edition (`is_english`), in English format ("13,188").
3. The words on each side of a number are folded (`phrases.fold`: no diacritics, OCR look-alikes)
   and matched against the phrase table `phrases.RULES`: the lowest tier, then the nearest cue,
   wins; a cue right after the previous figure's noun is that figure's. Words in either order name
   one count ("đúng hạn và trước hạn" = "trước hạn và đúng hạn": on time, early included).
4. A number no phrase names inherits the indicator of the total it breaks down ("trong đó: …"),
   or of its sibling in a parallel list ("cấp huyện … 2.106 hồ sơ, cấp xã 4.412 hồ sơ"); a
   percentage after a count becomes the share the catalogue defines for that count; PAR INDEX,
   SIPAS, PCI and PAPI scores and ranks go to the index last named. The words around a number
   give its breakdown (level, online level, cause: `phrases.CONTEXT`) and its qualifier ("trên",
   "khoảng", "ước": `phrases.QUALIFIERS`).
5. Tables are read by `tables.read_tables`: indicators named by row labels or column headers,
   periods and breakdowns by the others, "a/b" to numerator and denominator, "/" or blank to `missing`.

6. Each figure's period is the one the text gives for it (`text_periods.PeriodScope`); without
   one, the period the editor passes. A figure of a compared period the text does not date ("cùng kỳ
   năm trước tiếp nhận 5.400 hồ sơ") is not proposed: it would be read as the current period's.

It never invents a number: every value is a number printed in its quote, and only
indicators that exist in the catalogue are proposed. The command then runs the consistency
checks on the draft and marks the rows they involve (`draft_findings`, `mark_draft`).
"""
from __future__ import annotations

import csv
import functools
import io
import logging
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from site_builder.content import periods
from site_builder.editor import phrases as pt
from site_builder.editor.phrases import fold, fold_with_map, phrase
from site_builder.editor.text_periods import PeriodScope, find_periods

if TYPE_CHECKING:
    from site_builder.content.consistency import Finding
    from site_builder.editor.unread import Unread

log = logging.getLogger(__name__)

# The columns of datapackages/cchc-figures/figures.schema.yaml (kept here so that the command
# does not import frictionless; a test checks it equals packages.FIGURE_FIELDS).
FIGURE_FIELDS = ("id", "report", "unit", "indicator", "period", "period_start", "period_end", "breakdown",
                 "value", "qualifier", "status", "locator", "quote", "flag", "note_vi", "note_en")
FORMATS = ("csv", "yaml", "text")
OTHER_UNIT_NOTE = (
    "Câu này nói về {name}, không phải đơn vị của báo cáo: mã đơn vị {id} là gợi ý, cần kiểm tra.",
    "This sentence is about {name}, not the report's unit: the unit id {id} is a guess to check.",
)
INHERITED_NOTE = (
    "Chỉ tiêu suy ra từ số tổng đứng trước; cần ghi phân tổ.",
    "Indicator carried over from the preceding total; the breakdown still needs to be filled in.",
)


class ExtractError(ValueError):
    """A problem with the input of `extract` (catalogue, period code), with the file concerned."""


# --------------------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class Catalogue:
    """What `extract` needs to know of content/indicators: units, and shares defined by formula."""

    units: dict[str, str]  # indicator id -> unit (count, percent, vnd, …)
    shares: tuple[tuple[str, str | None, str, str], ...] = ()  # (numerator, denominator, share, breakdown)

    def __contains__(self, indicator: object) -> bool:
        return indicator in self.units


def load_catalogue(folder: Path) -> Catalogue:
    """Read every indicator file of `folder` (content/indicators) for its id, unit and formula."""
    from ruamel.yaml import YAML

    if not folder.is_dir():
        raise ExtractError(f"{folder}: no indicator catalogue here (expected content/indicators)")
    yaml = YAML(typ="safe", pure=True)
    units: dict[str, str] = {}
    formulas: list[tuple[str, str | None, str, str]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"))
            ind_id, unit = str(doc["id"]), str(doc["unit"])
        except Exception as exc:  # any unreadable file is reported with its path
            raise ExtractError(f"{path}: cannot read indicator id and unit ({exc})") from exc
        units[ind_id] = unit
        formula = doc.get("formula") or {}
        if formula.get("numerator") and formula.get("denominator"):
            formulas.append((str(formula["numerator"]), str(formula["denominator"]), ind_id, ""))
    shares = tuple(formulas) + pt.EXTRA_SHARES
    return Catalogue(units, tuple(s for s in shares if s[0] in units and s[2] in units and (s[1] is None or s[1] in units)))


# --------------------------------------------------------------------------- periods


def period_bounds(code: str) -> tuple[str, str]:
    """First and last day of a period code (periods.EXAMPLES), by the calendar; empty strings for ''
    and for the missing start of a running total."""
    if not code:
        return "", ""
    parsed = periods.parse(code)
    if parsed is None:
        raise ExtractError(f"period '{code}' must look like {periods.EXAMPLES}")
    start, end = periods.bounds(parsed)[0]
    return start.isoformat() if start else "", end.isoformat()


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class FigureRow:
    """One proposed row, in the columns of the cchc-figures package (every field a string)."""

    id: str
    report: str
    unit: str
    indicator: str
    period: str
    period_start: str
    period_end: str
    breakdown: str
    value: str
    qualifier: str  # content/qualifiers.py: "trên", "khoảng", "ước" printed before the number; empty when none
    status: str
    locator: str
    quote: str
    flag: str = ""
    note_vi: str = ""
    note_en: str = ""

    def as_dict(self) -> dict[str, str]:
        """The row as an ordered mapping of FIGURE_FIELDS."""
        return asdict(self)


def format_value(value: float) -> str:
    """A value as the package writes it: 7447, 72.3, 0.4."""
    return str(int(value)) if value == int(value) else f"{value:.10g}"


def squash(text: str) -> str:
    """Whitespace-insensitive form: quotes join the lines the source wraps (as `check` does)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- numbers

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A percentage with a decimal point ("78.4%", software exports and some press) is read as such:
# a thousands group always has three digits, so "78.4" can only be a decimal.
_POINT_PERCENT = r"\d{1,3}\.\d{1,2}(?=[ \t]?%)"
_NUMBER = re.compile(rf"(?<![\w.,])(?P<a>{_POINT_PERCENT}|{_NUM})(?:[ \t]?/[ \t]?(?P<b>{_NUM}))?(?P<c>[ \t]?/[ \t]?\d+)?(?P<pct>[ \t]?%)?")
# A number glued to the word before it, as text extracted from a PDF loses the space after a letter with
# a diacritic ("đạt tỷlệ99,75%", "thu về1.204 phiếu"). Only a shape no OCR'd letter takes: a decimal
# percentage or thousands with separators; a bare digit in a word ("h6", "t6n") stays a letter.
_GLUED = re.compile(rf"(?<=[^\W\d_])(?P<a>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+,\d+(?=[ \t]?%))(?P<b>(?!))?(?P<c>(?!))?(?P<pct>[ \t]?%)?")
# ("trong tháng: 6.730" is a label and its figure; "Cũng trong năm, 1.356 hồ sơ": a comma ends the date's words)
_SKIP_BEFORE = re.compile(phrase(pt.SKIP_BEFORE).pattern + r"[^\w:,;]*$")
_DATE_BEFORE = re.compile(phrase("(ngay|thang|den|tu|quy|nam)").pattern + r"[^\w,;]*$")  # "điện tử, 5/6": no date after a comma
# A number followed by a word for its magnitude ("hơn 4,5 ngàn hồ sơ", "1,2 triệu hồ sơ") is that many
# thousands or millions: the number printed, partly in words, as "mười lăm" is 15 (issue 23 asks for numbers
# written as words). "triệu đồng" and "tỷ đồng" are money (`_currency`), converted to the indicator's unit
# when a row is made (`_in_unit`).
_MAGNITUDE = re.compile(r"[ \t]*(?:(?P<k>ngan|nghin)|(?P<m>trieu)|(?P<b>ty)(?! ?le))(?![a-z])")  # over folded text
_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}
_MASKS = (phrase("ty le"), phrase("ho so"), phrase("tra loi"))  # OCR words whose letters read as digits ("Ty 18", "ho 50", "tra 101")


def parse_number(text: str) -> float:
    """A number printed in Vietnamese format: "7.447" → 7447, "72,3" → 72.3, "02" → 2."""
    return float(text.replace(".", "").replace(",", "."))


def _parse_printed(text: str, percent: bool) -> float:
    """`parse_number`, except a percentage printed with a decimal point ("78.4%")."""
    if percent and re.fullmatch(r"\d{1,3}\.\d{1,2}", text):
        return float(text)
    return parse_number(text)


@dataclass(frozen=True)
class Number:
    """A number found in a sentence, with where it is (offsets in the sentence) and how it is printed."""

    start: int
    end: int
    text: str
    value: float
    denominator: float | None = None  # "a/b": b
    percent: bool = False
    currency: str = ""  # "", "dong", "trieu" (million) or "ty" (billion)

    @property
    def shape(self) -> str:
        """count, percent or ratio: what the phrase rules select on."""
        return "percent" if self.percent else "ratio" if self.denominator is not None else "count"


def _currency(after: str) -> str:
    head = fold(after[:24])
    if re.match(r"\s?(?:d|dong|vnd)\b", head):
        return "dong"
    if re.match(r"\s*tr[i1l][e€c¢]u\b", head):
        return "trieu"
    if re.match(r"\s*t[yi]\s+d", head):
        return "ty"
    return ""


def find_numbers(sentence: str, english: bool = False) -> list[Number]:
    """The figures printed in a sentence: dates, document numbers, years, levels and list numbering left out.

    `english`: the text is in English ("13,188", "99.2%", "no records"), as on the English editions of
    Vietnamese papers; otherwise numbers are read in Vietnamese format."""
    if english:
        return _english_numbers(sentence)
    folded, where = fold_with_map(sentence)
    masked = [(where[m.start()], where[m.end() - 1] + 1) for mask in _MASKS for m in mask.finditer(folded)]
    found: list[Number] = []
    for m in sorted([*_NUMBER.finditer(sentence), *_GLUED.finditer(sentence)], key=lambda m: m.start()):
        before, after = sentence[: m.start()], sentence[m.end():]
        if m["c"] or (re.match(r"[ \t]?[/\-][ \t]?[^\W\d_]", after) and not re.match(r"[ \t]+-[ \t]+", after)):
            continue  # a/b/c dates, "76/NQ-CP", "31-CT/TU"; but "81,30% - hạng 20": a dash between two items
        if before.rstrip(" \t").endswith("/"):  # "phiếu /5.658" is a count; ": /076" a document number
            prev = before.rstrip(" \t")[:-1].rstrip(" \t")
            if not prev or not prev[-1].isalpha():
                continue
        if any(s < m.end() and m.start() < e for s, e in masked):
            continue
        nxt = after[:1]
        currency = ""
        if nxt.isalpha() and not m["pct"]:  # "139,2 %KH" is fine: the % ends the number
            if nxt in "dđ" and not after[1:2].isalpha():
                currency = "dong"  # "5.158.000đ"
            elif not (nxt.isupper() and not m["b"]):  # "15Hb so": OCR glued the next word
                continue  # "s6", "2ế", "1a": a digit inside a word
        if nxt and nxt in "€¢&@$":
            continue
        a, b = m["a"], m["b"]
        scale, end = 1.0, m.end()
        head, head_map = fold_with_map(after[:12])
        if (magnitude := _MAGNITUDE.match(head)) and not m["pct"] and not b:
            if magnitude["k"] or not _currency(after) or _noun_class(head[magnitude.end():] + fold(after[12:40])) is not None:
                # "4,5 ngàn hồ sơ", "1,2 triệu hồ sơ": the word is part of the number, what follows it is what is counted
                scale = _SCALES[next(k for k in "kmb" if magnitude[k])]
                end = m.end() + head_map[magnitude.end()]
        if b and ((re.fullmatch(r"\d{4}", b) and 1900 <= int(b) <= 2100 and parse_number(a) <= 12)
                  or _DATE_BEFORE.search(fold(before[-16:]))):
            continue  # "9/2021", "đến 31/3"
        if (re.fullmatch(r"\d{4}", a) and 1900 <= int(a) <= 2100 and not m["pct"]
                and (re.search(r"\d{4}\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d{4}", after))):
            continue  # "2011 – 2020", "9001-2008"
        if _SKIP_BEFORE.search(fold(before[-30:])):
            continue  # "ngày 15", "năm 2020", "mức độ 3", "Quyết định số 1063"
        line_head = before[before.rfind("\n") + 1:]
        if re.fullmatch(r"[\s#*>(]*", line_head) and re.match(r"[.)]?[ \t]*(?:\n|$)|[.)]\s", after):
            continue  # "1. Cải cách thể chế", a page number alone on its line
        if re.match(r"\s*th\w{1,3}ng\s+(?:d\w{1,3}u|cu\w{1,3}i)\s+n\w{1,3}m", fold(after[:24])):
            continue  # "9 tháng đầu năm": a period, not a figure
        value = _parse_printed(a, bool(m["pct"]))
        found.append(Number(m.start(), end, sentence[m.start():end], round(value * scale, 6) if scale != 1 else value,
                            parse_number(b) if b else None, bool(m["pct"]), currency or ("" if scale != 1 else _currency(after))))
    found = _ratios_in_words(sentence, found)
    # Two bare numbers side by side: the first is an OCR'd word ("là" → "14 784", "lời" → "101 02/04").
    digits = [n for i, n in enumerate(found)
              if not (i + 1 < len(found) and re.fullmatch(r"[ \t]+", sentence[n.end:found[i + 1].start]))]
    return sorted(digits + _worded_numbers(sentence) + _worded_ranks(sentence), key=lambda n: n.start)


_OVER = re.compile(r"[ \t]+(?:trên|tren)[ \t]+(?:(?:tổng|tong)[ \t]+(?:(?:số|so)[ \t]+)?)?", re.IGNORECASE)


def _ratios_in_words(sentence: str, found: list[Number]) -> list[Number]:
    """"371.090 trên 545.320 hồ sơ": a part of a whole written with "trên" between two counts, as "371.090/545.320"."""
    out: list[Number] = []
    for n in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.denominator is None and not prev.percent and not n.percent and n.denominator is None
                and _OVER.fullmatch(sentence[prev.end: n.start]) and n.value >= prev.value):
            out[-1] = replace(prev, end=n.end, text=sentence[prev.start: n.end], denominator=n.value, currency=n.currency)
            continue
        out.append(n)
    return out


_NUMBER_EN = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[ \t]?/[ \t]?(?P<b>\d{1,3}(?:,\d{3})+|\d+))?"
                        r"(?P<c>[ \t]?/[ \t]?\d+)?(?P<pct>[ \t]?%)?")
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?(?P<b>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)")
_MONTHS_EN = "(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_COUNTED_EN = re.compile(r"[ \t]+(?:(?:administrative|procedure|online|new|incoming)[ \t]+)*" + pt.DOSSIER_EN, re.IGNORECASE)


def _english_numbers(sentence: str) -> list[Number]:
    """`find_numbers` for English text: 13,188 and 99.2%; years, days of a month and decree numbers left out;
    "no records" is a worded zero."""
    found: list[Number] = []
    taken = -1  # the end of an "a out of b" already read: its b is no figure of its own
    for m in _NUMBER_EN.finditer(sentence):
        if m.start() < taken:
            continue
        out_of = _OUT_OF.match(sentence, m.end()) if not (m["b"] or m["c"] or m["pct"]) else None
        if out_of:  # "1,946 out of 3,486 incoming dossiers": a ratio, as "1.946/3.486" is
            taken = out_of.end()
            found.append(Number(m.start(), out_of.end(), sentence[m.start(): out_of.end()], float(m["a"].replace(",", "")),
                                float(out_of["b"].replace(",", ""))))
            continue
        before, after = sentence[: m.start()].lower(), sentence[m.end():].lower()
        ordinal_rank = re.match(r"(?:st|nd|rd|th)\b", after) and re.search(r"\b(?:rank(?:ed|ing|s)?|placed)\W+$", before)
        if m["c"] or re.match(r"[ \t]?[/\-][ \t]?[a-z]", after) or (re.match(r"[a-z]", after) and not ordinal_rank):
            continue  # dates, "61/2018/ND-CP", "10th" (but "ranking 10th" is a rank)
        a, b, pct = m["a"], m["b"], bool(m["pct"])
        value = float(a.replace(",", ""))
        if not pct and not b and re.fullmatch(r"\d{4}", a) and 1900 <= value <= 2100 and not _COUNTED_EN.match(after):
            continue  # a year (never written "1,990")
        if re.search(_MONTHS_EN + r"\W{0,2}$", before) or re.match(r"\s*" + _MONTHS_EN, after):
            continue  # "July 1", "30 September"
        if b and re.fullmatch(r"\d{4}", b) and value <= 12:
            continue  # "9/2021"
        if re.search(r"(?:no\.|number|decree|decision|resolution|article)\s*$", before):
            continue
        found.append(Number(m.start(), m.end(), m.group(), value, float(b.replace(",", "")) if b else None, pct))
    found += _worded_ranks(sentence)
    for m in re.finditer(r"(?<![\w])no(?=[ \t])", sentence, re.IGNORECASE):
        if _COUNTED_EN.match(sentence[m.end():]):
            found.append(Number(m.start(), m.end(), m.group(), 0.0))
    return sorted(found, key=lambda n: n.start)


_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|with|were|was|which|has|had|records|applications)\b", re.IGNORECASE)


def is_english(text: str) -> bool:
    """Whether a text is in English (an English edition of a Vietnamese report): its common words."""
    words = max(1, len(text.split()))
    return len(_ENGLISH_WORDS.findall(text)) / words > 0.06


# Numbers written as words, read only right before a thing counted ("mười lăm hồ sơ", "trả ba kết quả"),
# and worded zeros ("không có hồ sơ trễ hạn"). Accented forms, or the bare letters of a text without diacritics.
_UNITS = {"một": 1, "mot": 1, "hai": 2, "ba": 3, "bốn": 4, "bon": 4, "năm": 5, "nam": 5, "sáu": 6, "sau": 6,
          "bảy": 7, "bay": 7, "tám": 8, "tam": 8, "chín": 9, "chin": 9}
_AFTER_TEN = {**_UNITS, "mốt": 1, "lăm": 5, "lam": 5}
_WORD = "|".join(sorted(_AFTER_TEN, key=len, reverse=True))
_TENS = "|".join(sorted((w for w in _UNITS if _UNITS[w] > 1), key=len, reverse=True))
_WORDED = re.compile(rf"(?<!\w)(?:(?P<zero>không có|khong co|không (?:phải )?gửi|khong (?:phai )?gui|không phải|khong phai|không (?:tiếp )?nhận được|khong (?:tiep )?nhan duoc)|(?:(?P<tens>{_TENS})[ \t]+(?:mươi|muoi)|(?P<ten>mười|muoi))"
                     rf"(?:[ \t]+(?P<unit>{_WORD}))?"
                     rf"|(?P<one>{'|'.join(sorted(_UNITS, key=len, reverse=True))}))(?=[ \t]+\w)", re.IGNORECASE)
# A label whose value is a worded zero, alone in its clause: "quá hạn: không", "không hài lòng: không có".
_LABEL_ZERO = re.compile(r":[ \t]*(không có|khong co|không|khong)(?=[ \t]*(?:[.;,)\n]|$))", re.IGNORECASE)
_COUNTED = re.compile(r"[ \t]+(?:" + phrase(f"({pt.DOSSIER}|{pt.FEEDBACK}|dia phuong|ket qua|phieu|(thu|van ban) xin loi|nhiem vu|thu tuc|tthc|giao dich|truong hop)").pattern + ")")


# A rank in words after the verb that ranks: "xếp vị trí thứ nhất", "đứng thứ hai", "ranked first" ("rơi xuống vị trí
# thứ hai" is a fall, "thứ Hai" a weekday: only after xếp/đứng/ranked).
_RANK_WORDED = re.compile(r"(?<![a-z])(?:(?:xep|dung)(?: hang)?(?: o)?(?: vi tri)? thu "
                          r"(muoi(?: (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|nhat|nhi|hai|ba|tu|nam|sau|bay|tam|chin)"
                          r"|(?:ranked|ranks|placed)(?: the)? (first|second|third))(?![a-z])")
_RANK_WORDS = {"nhat": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
               "first": 1, "second": 2, "third": 3}
_RANK_WORDS |= {f"muoi {w}": 10 + _RANK_WORDS[w] for w in ("hai", "ba", "tu", "sau", "bay", "tam", "chin")}
_RANK_WORDS |= {"muoi mot": 11, "muoi bon": 14, "muoi lam": 15, "muoi nam": 15}


def _worded_ranks(sentence: str) -> list[Number]:
    folded, where = fold_with_map(sentence)
    out = []
    for m in _RANK_WORDED.finditer(folded):
        g = 1 if m[1] else 2
        start, end = where[m.start(g)], where[m.end(g) - 1] + 1
        out.append(Number(start, end, sentence[start:end], float(_RANK_WORDS[m[g]])))
    return out


# A verdict right after a number in words, inside brackets that break a count down: "đã giải quyết bảy hồ sơ (bốn trước
# hạn, ba đúng hạn)" counts dossiers as the count before the bracket does.
_VERDICT_IN_BRACKETS = phrase(f" ({pt.EARLY}|{pt.LATE}|dung han|dung hen)")


def _worded_numbers(sentence: str) -> list[Number]:
    out = []
    for m in _WORDED.finditer(sentence):
        after = fold(sentence[m.end():m.end() + 30])
        in_brackets = sentence[: m.start()].count("(") > sentence[: m.start()].count(")")
        if m["zero"] and fold(m["zero"]) == "khong phai":
            if not re.match(r"[ \t]+xin loi", after):
                continue  # "không phải xin lỗi": no letter had to be sent; "không phải" before anything else is no zero
        elif not _COUNTED.match(after) and not (in_brackets and m["zero"] is None and _VERDICT_IN_BRACKETS.match(after)):
            continue
        if m["zero"]:
            value = 0
        elif m["ten"] or m["tens"]:  # "mười lăm" 15, "hai mươi mốt" 21
            tens = _UNITS[m["tens"].lower()] if m["tens"] else 1
            value = 10 * tens + (_AFTER_TEN[m["unit"].lower()] if m["unit"] else 0)
        else:
            value = _UNITS[m["one"].lower()]
        out.append(Number(m.start(), m.end(), m.group(), float(value)))
    for m in _LABEL_ZERO.finditer(sentence):
        out.append(Number(m.start(1), m.end(1), m[1], 0.0))
    return out


# --------------------------------------------------------------------------- segmentation


@dataclass(frozen=True)
class Sentence:
    """A prose sentence: its offsets in the document and its text."""

    start: int
    end: int
    text: str


_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]*]*(?=\s)")
_MARKER_LINE = re.compile(r"[ \t]*(?:[-+•*>#–]|\(?\d+(?:\.\d+)*[.)/]\s|\(?[IVXl1|]{1,5}[.)/\-]\s?|[a-zđ]\)\s)")
_HEADING = re.compile(r"(?:[IVXl1|]+|\d+)\s*[./)\-]\s*\S")
_TOP_HEADING = re.compile(r"(?=[IVXl1|]*[IVX])[IVXl1|]{1,5}\s*[./)\-]")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Prose sentences of `text` (tables excluded: `tables.table_spans`), joined across lines and page breaks."""
    from site_builder.editor import tables  # tables.py reads numbers with this module's helpers

    lines = _lines(text)
    spans = tables.table_spans(text) + [(len(text) + 1, len(text) + 1)]  # a sentinel table closes the last block
    sentences: list[Sentence] = []
    block: list[tuple[int, str]] = []
    for start, line in lines + [(len(text) + 1, "")]:
        if any(a <= start <= b for a, b in spans):
            if block:
                sentences += _block_sentences(text, block)
            block = []
        else:
            block.append((start, line))
    return sentences


def _block_sentences(text: str, block: list[tuple[int, str]]) -> list[Sentence]:
    begin, end = block[0][0], block[-1][0] + len(block[-1][1])
    cuts = {begin, end}
    prev_blank, prev_end = True, "."
    for start, line in block:
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            continue
        first = stripped[0]
        # After a blank line a new paragraph starts, unless the text runs on over a page break:
        # a lower-case word, or a number after a line that did not end its sentence ("đạt tỷ lệ\n\n100%").
        new_paragraph = first.isupper() or first in "(“\"*#'" or (first.isdigit() and prev_end in ".:;!?)*")
        if _MARKER_LINE.match(line) or (prev_blank and new_paragraph):
            cuts.add(start)
        if stripped.startswith("#"):  # a Markdown heading is a sentence of its own
            cuts.add(start + len(line))
        prev_blank, prev_end = False, stripped[-1]
    chunk = text[begin:end]
    for m in _SENTENCE_END.finditer(chunk):
        if re.fullmatch(r"\.{4,}|…{2,}", m.group()) and m.start() and chunk[m.start() - 1] in " \t" \
                and chunk[m.end():].split("\n", 1)[0].strip():
            continue  # a dot leader between a label and its value ("PAR INDEX 2023 ........ 89,72%"), no sentence end
        rest = chunk[m.end():].lstrip()
        if not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in "(-+*•#\"“'":
            cuts.add(begin + m.end())
    out = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            out.append(Sentence(a + lead, a + lead + len(body), body))
    return out


# --------------------------------------------------------------------------- prose


@dataclass
class _Hit:
    ids: tuple[str, ...]
    breakdown: str = ""
    how: str = "phrase"  # phrase | inherited | share | sibling | index
    per_id: tuple[str, ...] = ()  # a breakdown for each id, when they differ ("463/467 very satisfied")


@dataclass
class _Item:
    number: Number
    noun: str | None
    before: str  # folded sentence text before the number
    hit: _Hit | None = None
    left: str = ""  # folded clause between the previous figure and this one
    right: str = ""  # folded clause from the number to the next count
    lead: int | None = None  # where the previous figure's noun ends in `left` (None at a sentence's start)
    implied: str | None = None  # the noun class a label names when no noun follows ("Đã giải quyết: 11876")
    context: dict[str, str] = field(default_factory=dict)  # dimension -> value the words around it give
    qualifier: str = ""
    parent: int | None = None  # the item whose parenthesis holds this one ("378 hồ sơ đang giải quyết (352 …)")
    unit: str | None = None  # another unit the figure is of, when its words say so beyond its clause (_indices)


def _fits(indicator: str, number: Number, catalogue: Catalogue, value: float | None = None) -> bool:
    """Whether a number can be a value of the indicator: percent sign, money word, whole count."""
    unit = catalogue.units[indicator]
    value = number.value if value is None else value
    if unit in ("percent", "percent_of_plan"):
        return number.percent and (unit == "percent_of_plan" or value <= 100)
    if number.percent:
        return False
    if unit == "vnd":
        return number.currency in ("dong", "trieu", "ty")
    if unit == "million_vnd":
        return number.currency in ("trieu", "ty")
    if number.currency:
        return False
    return unit != "count" or value == int(value)


def _fit_all(ids: tuple[str, ...], number: Number, catalogue: Catalogue) -> bool:
    if any(i not in catalogue for i in ids):
        return False
    if number.denominator is not None and len(ids) == 2:
        return _fits(ids[0], number, catalogue) and _fits(ids[1], number, catalogue, number.denominator)
    return all(_fits(i, number, catalogue) for i in ids)


@functools.cache  # a handful of noun phrases, compiled once each
def _noun(spec: str) -> re.Pattern[str]:
    return re.compile(r"\W{0,3}" + phrase(spec).pattern)


def _noun_class(right: str) -> str | None:
    return next((name for name, spec in pt.NOUN_CLASSES.items() if _noun(spec).match(right)), None)


def _sentence_noun(before: str) -> str | None:
    """Dossiers, when the words before a number name them and no other thing counted after them ("Kết quả giải
    quyết hồ sơ TTHC năm 2023: tiếp nhận 3.400"): what a sentence of bare labelled numbers counts. Procedures
    named right after "hồ sơ" ("hồ sơ thủ tục hành chính") are the dossiers' kind, not another thing counted."""
    found = _nouns_named(before)
    first = min((start for start, name in found if name == "dossier"), default=None)
    if first is None or any(name != "dossier" and start > first for start, name in found):
        return None
    return "dossier"


def _label_noun(left: str) -> str | None:
    """The noun class a label before a colon names ("Số kết quả được số hóa: 1.090"), if any."""
    found = _nouns_named(left)
    return max(found)[1] if found else None


def _nouns_named(text: str) -> list[tuple[int, str]]:
    """(offset, class) of every thing counted that `text` names, except procedures right after "hồ sơ": in
    "hồ sơ TTHC", "hồ sơ thủ tục hành chính" they are the dossiers' kind, not another thing counted."""
    found = [(m.start(), m.end(), name) for name, spec in pt.NOUN_CLASSES.items() for m in phrase(spec).finditer(text)]
    dossier_ends = [end for _, end, name in found if name == "dossier"]
    return [(start, name) for start, _, name in found
            if not (name == "procedure" and any(0 <= start - end <= 40 and _DOSSIER_KIND_LINK.fullmatch(text[end:start])
                                                for end in dossier_ends))]


# Between "hồ sơ" and the procedures they are for: "hồ sơ TTHC", "hồ sơ liên quan đến các thủ tục hành chính",
# "hồ sơ thuộc các TTHC", "hồ sơ giải quyết TTHC": the procedures name the dossiers' kind.
_DOSSIER_KIND_LINK = re.compile(r"\W{0,2}(?:(?:lien quan (?:den|toi)|thuoc|cua|ve|(?:da )?(?:duoc )?(?:giai quyet|tiep nhan|xu ly))\W+)?(?:cac\W+)?")


# A clause boundary between a cue and its number counts as this many characters, so that
# "… két qua ban gidy c6 truée han, 01 ho so tré han" reads the 01 with the nearer "tré han".
CLAUSE_PENALTY = 30
_BOUNDARY = re.compile(r"[,()]")


def _lead(left: str) -> int | None:
    """Where the previous figure's noun ends at the start of a clause ("5.950| hồ sơ| chưa đến hạn và …"), if it does."""
    return next((m.end() for spec in pt.NOUN_CLASSES.values() if (m := _noun(spec).match(left))), None)


def _left_distance(spec: str, left: str, lead: int | None = None) -> tuple[int, int] | None:
    """(characters, ranking distance) from the last cue in `left` to the number, or None."""
    found = list(phrase(spec).finditer(left))
    if not found:
        return None
    gap = left[found[-1].end():]
    chars = len(re.sub(r"\W+$", "", gap))
    penalty = CLAUSE_PENALTY * len(_BOUNDARY.findall(gap))
    # "5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ đã quá hạn": words right after the previous figure's noun
    # are that figure's, and name this one only when nothing nearer does.
    if lead is not None and found[-1].start() <= lead + 3 and not _BOUNDARY.search(left[lead:found[-1].start()]):
        penalty += CLAUSE_PENALTY
    # "12 hồ sơ đang xử lý chưa đến hạn và 3 hồ sơ quá hạn": the modifiers of the previous figure's noun, up to
    # the "và" that opens this one, are that figure's too.
    elif lead is not None and re.fullmatch(r"\W*va\W*", gap) and not _BOUNDARY.search(left[lead:found[-1].start()]):
        penalty += CLAUSE_PENALTY
    return chars, chars + penalty


def _right_distance(spec: str, right: str, noun_end: int = 0) -> tuple[int, int] | None:
    """(characters, ranking distance) from the number to the first cue in `right`, or None; a comma inside the
    rule's noun ("18.452 lượt tổ chức, cá nhân đánh giá") is no clause boundary."""
    found = phrase(spec).search(right)
    if not found:
        return None
    gap = right[min(noun_end, found.start()): found.start()]
    return found.start(), found.start() + CLAUSE_PENALTY * len(_BOUNDARY.findall(gap))


NO_CUE = 50  # ranking distance of a rule that names no cue (noun or sentence only): after near cues


def _cue_distance(rule: pt.Rule, left: str, right: str, lead: int | None = None) -> int | None:
    """How far the rule's cues are from the number (for ranking); None when one is missing or too far."""
    distances = []
    for spec, is_left, limit in ((rule.left, True, rule.left_max), (rule.right, False, rule.right_max)):
        if spec:
            noun = _noun(rule.noun).match(right) if rule.noun and not is_left else None
            found = _left_distance(spec, left, lead) if is_left else _right_distance(spec, right, noun.end() if noun else 0)
            if found is None or found[0] > limit:
                return None
            if not is_left and limit <= 20 and found[1] > found[0]:
                return None  # a near cue past a comma or bracket names another figure: "305 hồ sơ (tồn kỳ trước …"
            distances.append(found[1])
    return min(distances, default=NO_CUE)


def _noun_fits(rule: pt.Rule, item: _Item, right: str) -> bool:
    if not rule.noun or _noun(rule.noun).match(right):
        return True
    # "Trước hạn: 9311": no noun follows, the label or the list it belongs to says what is counted
    # ("Rất hài lòng: 121 phiếu; không hài lòng: không có": the list's noun is the class a rule's plain noun names)
    if item.noun is not None or item.implied is None:
        return False
    return pt.NOUN_CLASSES.get(item.implied) == rule.noun or (_PLAIN.fullmatch(rule.noun) is not None
                                                              and _noun_class(rule.noun) == item.implied)


_PLAIN = re.compile(r"[a-z ]+")  # a rule's noun of plain words ("phieu"), no alternatives nor words that must follow


def _heads(item: _Item, items: list[_Item]) -> set[str]:
    """Indicators of the figures this one may break down: the one whose parenthesis holds it, and, in a
    sentence that breaks a total down ("Trong số 3.405 hồ sơ đang giải quyết, …", "… gồm 7.172 hồ sơ, có …"),
    the earlier figures of the same noun."""
    found = set()
    holder = items[item.parent].hit if item.parent is not None else None
    if holder:
        found.add(holder.ids[0])
    if _BREAKDOWN.search(item.before):
        found |= {it.hit.ids[0] for it in items if it.hit and it.number.start < item.number.start and it.noun == item.noun}
    return found


def _match(item: _Item, sentence: str, mode: str, catalogue: Catalogue, items: list[_Item]) -> _Hit | None:
    """The best rule for a number: lowest tier, then nearest cue, then first in the table."""
    number, left, right = item.number, item.left, item.right
    parents = _heads(item, items)
    best: tuple[tuple[int, int, int], pt.Rule] | None = None
    for order, rule in enumerate(pt.RULES):
        if rule.shape != number.shape or rule.mode not in (mode, "any") or not _fit_all(rule.ids, number, catalogue):
            continue
        if not _noun_fits(rule, item, right):
            continue
        if rule.under and rule.under not in parents:
            continue
        if (rule.sentence and not phrase(rule.sentence).search(sentence)) or (rule.unless and phrase(rule.unless).search(sentence)):
            continue
        distance = _cue_distance(rule, left, right, item.lead)
        if distance is not None and (best is None or (rule.tier, distance, order) < best[0]):
            best = ((rule.tier, distance, order), rule)
    return _Hit(best[1].ids, best[1].breakdown, per_id=best[1].breakdowns) if best else None


def _inherited(head: _Item, number: Number, catalogue: Catalogue, how: str = "inherited") -> _Hit | None:
    """A breakdown takes its total's indicator; between a count and a ratio only the numerator carries over."""
    assert head.hit is not None
    ids = head.hit.ids
    if (head.number.denominator is None) != (number.denominator is None):
        ids = ids[:1]
    return _Hit(ids, head.hit.breakdown if how == "sibling" else "", how) if _fit_all(ids, number, catalogue) else None


_BREAKDOWN = phrase(pt.BREAKDOWN_MARKER)
# ", đúng hạn 448", "; trễ hạn 200": a short label after a comma (or opening a clause), no noun of its own
_LIST_ITEM = re.compile(r"(?:^|,)[ \t]*[a-z][a-z ]{1,24}$")
# "Hồ sơ đúng hạn 8.120": the clause opens with the thing counted and names its kind before the number
_BARE_END = re.compile(r"[ \t]*(?:[,;.)(]|$)")
_CLAUSE_OPEN = re.compile(r"(?:^|[,:(])([^,:;()]{1,40})$")
# A number in brackets labelled by nothing but a proper name: "(Phước Thạnh Tây 17 hồ sơ, An Khê Nam 12 hồ sơ …)".
# The figure before the brackets broken down by places or offices the text does not say the kind of: no figure of
# the report's unit, and no breakdown the catalogue has (an agency it knows is read by its cue: "Sở Tư pháp 128").
_NAME_LABEL = re.compile(r"[(,][ \t]*(?:và[ \t]+)?((?:[^\W\d_]+[ \t]+){1,4})$")


def _name_label(left: str) -> bool:
    """Whether `left`, the text since the previous number, ends in a bracket or list item holding only a proper name."""
    m = _NAME_LABEL.search(left)
    if m is None or not all(word[0].isupper() for word in m[1].split()):
        return False
    # "(Trực tuyến 620 hồ sơ, Trực tiếp 610 hồ sơ)", "(Đúng hạn 120, Trễ hạn 3)": capitalised labels, not names
    return not set(fold(m[1]).split()) & _LABEL_WORDS


_LABEL_WORDS = frozenset("dung truoc tre qua cham han hen som truc tuyen tiep nhan muc cap buu dien chinh dang giai quyet "
                         "tong ho so xu ly ton chuyen ket qua mot phan toan trinh".split())
_OPENS_BREAKDOWN = re.compile(r"\W*" + phrase(pt.BREAKDOWN_MARKER).pattern)
_LABEL_LIST = re.compile(r"[^\d:;]{1,45}:")  # "Về trình độ chuyên môn: Đại học 19 người, …"


_SET_OF_UNITS = phrase(pt.SET_OF_UNITS)
_SET_OF_AGENCIES = phrase(pt.SET_OF_AGENCIES)
_RANKED_AMONG = re.compile(r"(?<![a-z])(?:xep|dung|hang|thu|vi tri)\W*$")
_UNIT_NOUN = re.compile(r"\W{0,2}(?:dia phuong|don vi|co quan|xa|phuong|huyen|quan|so|bo|tinh|nganh)(?![a-z])")


_KIND_TOTAL = re.compile(r"\W*(?:cua\W+)?(?:tong\W+)?so\W+(?:ho so|hs)\W+(?:[a-z]+\W+){0,2}?"
                         r"(tre han|qua han|cham han|tre hen|qua hen|truoc han|som han|dung han|truc tuyen|buu chinh|truc tiep)")


def _share_of_its_kind(left: str, right: str) -> bool:
    """Whether a percentage is a count's part of the total of the same kind ("chiếm 44% số hồ sơ trễ hạn toàn
    tỉnh" after a department's late dossiers): the kind its denominator names is the one its clause counts."""
    m = _KIND_TOTAL.match(right)
    return m is not None and m[1] in left


def _of_a_set_of_units(before: str, right: str) -> bool:
    """Whether a figure's clause has a set of units for its subject ("Những địa phương có …", "5/9 huyện đạt …"):
    the last such subject before it, with no comma or bracket between; a number that counts units is not one."""
    if _UNIT_NOUN.match(right):
        return False  # "sáu địa phương có chỉ số giảm": the count of the units itself
    clause = before.rsplit(";", 1)[-1]
    found = [m for pattern in (_SET_OF_UNITS, _SET_OF_AGENCIES) for m in pattern.finditer(clause)
             if not _RANKED_AMONG.search(clause[: m.start()])]  # "xếp thứ 12/63 địa phương với 84,5%": the rank's
    last = max(found, key=lambda m: m.end(), default=None)
    # "17 cơ quan, đơn vị … phát sinh hồ sơ trực tuyến với tổng số 2.530 hồ sơ": their sum is the report's total
    return last is not None and not re.search(r"[,(]|(?<![a-z])tong (?:so|cong)(?![a-z])", clause[last.end():])


_OWN_CHANNEL = phrase(pt.OWN_CHANNEL)
_TWO_CHANNELS = phrase(pt.TWO_CHANNELS)
_RETURNED_BY = phrase(pt.RETURNED_BY)


def _own_channel(item: _Item) -> bool:
    """Whether a count names its channel right after its noun: it is no part or sibling of another's indicator."""
    return _OWN_CHANNEL.match(item.right.lstrip()) is not None


def _inherit(items: list[_Item], previous: list[_Item], sentence: str, catalogue: Catalogue) -> None:
    """Numbers no phrase names take the indicator of the total they break down, of the same noun."""
    continues = bool(_OPENS_BREAKDOWN.match(sentence) or _LABEL_LIST.match(sentence))
    for i, item in enumerate(items):
        if item.hit or not item.noun or item.number.percent or _own_channel(item):
            continue
        heads = [h for h in reversed(items[:i]) if h.hit and h.noun == item.noun and not h.number.percent]
        if heads and (continues or _BREAKDOWN.search(item.before)):
            item.hit = _inherited(heads[0], item.number, catalogue)
        elif not heads and continues:
            prev = [h for h in reversed(previous) if h.hit and h.noun == item.noun and not h.number.percent]
            if prev:
                item.hit = _inherited(prev[0], item.number, catalogue)
    for i, item in enumerate(items):  # "15 hồ sơ …, trong đó: 08 hồ sơ trễ hạn": the total takes its parts' indicator
        if item.hit or not item.noun or item.number.percent or i + 1 >= len(items):
            continue
        part = items[i + 1]
        if part.hit and part.noun == item.noun and _BREAKDOWN.search(part.before[len(item.before):]):
            item.hit = _inherited(part, item.number, catalogue)


_FILLER = phrase(pt.SIBLING_FILLER)
_CONTEXT_CUES = tuple(phrase(spec) for cues in pt.CONTEXT.values() for spec, _ in cues[0])
_NOUNS = tuple(phrase(spec) for spec in pt.NOUN_CLASSES.values())


def _bare(left: str) -> bool:
    """Whether a clause says nothing but where or of what ("cấp xã là", ", ở cấp huyện", ", đạt")."""
    rest = left
    for cue in _CONTEXT_CUES + _NOUNS:  # the previous figure's noun, the level or channel named
        rest = cue.sub(" ", rest)
    return not re.sub(r"[\W\d_]+", "", _FILLER.sub(" ", rest))


_CONTRAST = phrase("(trong khi|con|nhung|`while|whereas`)( chi)?( co| dat| la| duoc)?")


def _names_only_a_period(left: str) -> bool:
    """Whether a clause names nothing but another period and a word of contrast ("trong khi quý II/2023 chỉ có");
    without the contrast ("(năm 2022: 8.200 hồ sơ)") the figure is left to the editor."""
    spans = find_periods(left)
    if not spans or not _CONTRAST.search(left):
        return False
    rest = left
    for span in reversed(spans):
        rest = rest[:span.start] + " " + rest[span.end:]
    return _bare(_CONTRAST.sub(" ", rest))


def _siblings(items: list[_Item], catalogue: Catalogue, percent: bool,
              period_of: Callable[[_Item], object] | None = None) -> None:
    """A figure in a parallel list takes its sibling's indicator: "cấp huyện tiếp nhận 2.106 hồ sơ, cấp xã
    4.412 hồ sơ"; "tỷ lệ đúng hạn 99,1% (cấp tỉnh); cấp huyện …, đạt 97,6%". Only when its own clause
    names nothing but a level, a channel or a link word, and the sibling's breakdown differs; or names nothing
    but another period, which the figure is then of ("612 hồ sơ, trong khi quý II/2023 chỉ có 305 hồ sơ")."""
    for i, item in enumerate(items):
        if item.hit or item.number.percent != percent or _own_channel(item):
            continue
        # the figure's own clause: words before a comma still describe the figure before it ("11 hồ sơ do lỗi hệ
        # thống khi đồng bộ dữ liệu lên Cổng, 6 hồ sơ do chuyên viên chậm xử lý")
        # ("khối sở, ngành đạt": a name's own comma leaves the whole left to judge)
        own = item.left.rsplit(",", 1)[-1] if "(" not in item.left and ")" not in item.left else item.left
        bare = _bare(item.left) or _bare(own)
        by_period = not bare and period_of is not None and _names_only_a_period(item.left)
        if not by_period and not bare:
            continue
        sibling = next((h for h in reversed(items[:i]) if h.hit and h.number.percent == percent
                        and (percent or h.noun == item.noun) and h.hit.how != "share"), None)
        if sibling is None:
            continue
        if by_period:
            if period_of is None or period_of(item) in (None, period_of(sibling)):
                continue
        elif not item.context or item.context == sibling.context:
            continue
        item.hit = _inherited(sibling, item.number, catalogue, "sibling")


_FROM = re.compile(r"(?<![a-z])tu\W*$")
_TO = re.compile(r"^\W*(?:(?:trong|vao|o)\s+[^,;()%]{1,25}?\s+)?(?:len|xuong|thanh)(?:\s+con|\s+muc)?\W*$")


def _from_to(items: list[_Item]) -> None:
    """"tăng từ 22,7% trong tháng 3 lên 24,1% trong tháng 4", "giảm từ 10,85% xuống còn 1,31%": the second value is
    the first's indicator, at another time (its period is the text's: PeriodScope)."""
    for first, second in zip(items, items[1:]):
        if (second.hit is None and first.hit is not None and first.hit.how != "index"
                and first.number.shape == second.number.shape and _FROM.search(first.left) and _TO.match(second.left)):
            second.hit = _Hit(first.hit.ids, first.hit.breakdown, "sibling")
            second.context = dict(first.context)


def _one_lateness(items: list[_Item], named: set[str]) -> None:
    """A bulletin that measures lateness as dossiers overdue without a result ("quá hạn giải quyết nhưng chưa có
    kết quả … chiếm 3,45%") and gives no dossier resolved late means that share by "tỷ lệ chậm, quá hạn" later on."""
    if "share-overdue" not in named or {"share-late", "dossiers-resolved-late"} & named:
        return
    for item in items:
        if item.hit and item.hit.ids == ("share-late",):
            item.hit = replace(item.hit, ids=("share-overdue",))


def _unit_siblings(items: list[_Item], sentence: str) -> None:
    """A league table told in a sentence: "huyện A … với tỷ lệ chậm, quá hạn 0,33%; huyện B giảm từ 10,85% xuống
    còn 1,31%; huyện C có tỷ lệ này cao nhất (9,98%)". A percentage no phrase names, in a clause that names
    another unit than its sibling's, is the sibling's share for that unit. The value a change starts from ("từ
    10,85%") is of a period the text does not give: never proposed."""
    for i, item in enumerate(items):
        if item.hit or not item.number.percent or _FROM.search(item.left):
            continue
        sibling = next((h for h in reversed(items[:i]) if h.hit and h.number.percent and h.hit.how != "index"), None)
        if sibling is None or sibling.hit is None:
            continue
        # the unit a clause is about is named before its number, a bracket included ("có tỷ lệ này cao nhất (9,98%)")
        own_clause = named_units(sentence[sentence.rfind(";", 0, item.number.start) + 1:item.number.start])
        sibling_units = named_units(sentence[sentence.rfind(";", 0, sibling.number.start) + 1:sibling.number.start])
        if own_clause and sibling_units and own_clause[-1][1] != sibling_units[-1][1]:
            item.hit = _Hit(sibling.hit.ids, sibling.hit.breakdown, "sibling")


_ALL_DOSSIERS = ("dossiers-received", "dossiers-resolved", "dossiers-to-process")
_NAMED_WHOLE = re.compile(r"(?<![a-z])(?:va|,)\W+(?:(?:trong|tren)\W+)?tong so(?![a-z])")


def _share(items: list[_Item], catalogue: Catalogue, earlier: frozenset[str] = frozenset()) -> None:
    """A percentage after a count ("… 5.386 hồ sơ trực tuyến (chiếm 72,3%)") is that count's share. When the
    catalogue has several shares of that count, the one whose denominator the text has named, in this sentence
    or, failing that, an earlier one (`earlier`: "Có 1.530 hồ sơ được nộp qua Cổng …, đạt tỷ lệ 62,9%" after
    the dossiers received)."""
    seen = {i for it in items if it.hit for i in it.hit.ids}
    for k, item in enumerate(items):
        if item.hit or not item.number.percent:
            continue
        whole: str | None = None
        for n, head in reversed(list(enumerate(items[:k]))):
            if not head.hit or head.number.percent or (head.parent is not None and head.parent != item.parent):
                continue  # "… 15.539 hồ sơ (trong đó 370 …, 9 …), đạt tỷ lệ 97,93%": not a figure inside the brackets
            if _NAMED_WHOLE.search(head.left) and any(h.hit and not h.number.percent for h in items[:n]):
                whole = head.hit.ids[0]
                continue  # "số hồ sơ toàn trình là 98.412 và tổng số hồ sơ giải quyết là 152.307, chiếm 64,61%": the part's share
            numerator = head.hit.ids[0]
            denominator = head.hit.ids[1] if head.number.denominator is not None and len(head.hit.ids) == 2 else None
            options = [s for s in catalogue.shares if s[0] == numerator]
            # a part's share of its own indicator ("64 phiếu (35,6%) rất hài lòng"): only for a count with a breakdown
            part = [s for s in options if s[1] == numerator]
            options = part if part and head.hit.breakdown else [s for s in options if s[1] != numerator]
            other_whole = pt.SHARE_OF_ANOTHER_WHOLE.get(numerator)
            if other_whole in seen | earlier:
                options = [s for s in options if s[1] in seen | earlier or s[1] == numerator]
            if denominator:
                options = [s for s in options if s[1] in (denominator, None)]
            elif len(options) > 1 and whole in _ALL_DOSSIERS:
                options = [s for s in options if s[1] == "dossiers-received"]  # of all the dossiers, not of a subset
            elif len(options) > 1:
                here = [s for s in options if s[1] is None or s[1] in seen]
                options = here if here else [s for s in options if s[1] in earlier]
            if len(options) == 1 and _fits(options[0][2], item.number, catalogue):
                item.hit = _Hit((options[0][2],), options[0][3] or (head.hit.breakdown if part else ""), "share")
                item.context = dict(head.context)
                break


def _indices(items: list[_Item], catalogue: Catalogue, previous: list[_Item] | None = None, before: str = "",
             sentence: str = "", listed: bool = False) -> None:
    """Scores and ranks of the published indices (PAR INDEX, SIPAS, PCI, PAPI): the index is the last one
    named before the number in its sentence; the number is a rank after "xếp thứ", a score after "đạt"
    when it is printed in points, as a percentage or out of a maximum ("42,37/80"). A count of provinces
    whose index rose or fell may name its index in the sentence before.

    `before` is the sentence before (folded): an announcement that names the index ("… công bố Báo cáo
    PAPI 2022.") lends it to a sentence that names none, for a score in points ("Tỉnh đạt 43,125 điểm,
    xếp thứ 14/63") and a rank after it, never for a percentage. The nation's figures (average, highest,
    lowest) and those of a component index ("chỉ số nội dung", "nhóm chỉ số") are not the province's."""
    earlier = next((it.hit.ids[0].rsplit("-", 1)[0] for it in reversed(previous or []) if it.hit and it.hit.how == "index"), None)
    announced = [(-1, index) for index, spec in pt.INDEX_NAMES if phrase(spec).search(before)][-1:]
    lent = False  # a score in points took the index of the sentence before
    # A list item ("• Xếp hạng: 17/63", "• Điểm: 88,04/100") takes every figure's index from its list's heading
    # ("SIPAS 2023 - Chỉ số hài lòng …"), which `before` then is; a label's value is a score.
    for item in items:
        named = [(m.end(), index, m.start()) for index, spec in pt.INDEX_NAMES for m in phrase(spec).finditer(item.before)]
        change = next((kind for spec, kind in pt.PROVINCES_CHANGED if phrase(spec).match(item.right.lstrip())), None)
        index_of = max(named)[1] if named else earlier
        if change and index_of and not item.number.percent and item.number.denominator is None:
            ind = f"provinces-{index_of}-{change}"
            if _fit_all((ind,), item.number, catalogue):
                item.hit = _Hit((ind,), "", "index")
            continue
        number = item.number
        ranked_in = _ranking_named_after(item, sentence[len(item.before):]) if not named else None
        if ranked_in:  # "đứng thứ 5 trong bảng xếp hạng Chỉ số … (PAPI) năm 2022": the index named after its rank
            if _fit_all((f"{ranked_in}-rank",), number, catalogue):
                item.hit = _Hit((f"{ranked_in}-rank",), "", "index")
            continue
        later = {index for index, spec in pt.INDEX_NAMES if phrase(spec).search(sentence[len(item.before):])}
        near = any(phrase(spec).search(item.right) for index, spec in pt.INDEX_NAMES)
        ranked = phrase(pt.RANK_CUE).search(item.left) is not None and not number.percent
        if not named and len(later) == 1 and (near or re.match(pt.POINTS, item.right) or ranked):
            # "With 89.7 points, the province also ranked first in the PAR Index": the one index the rest of its
            # sentence names, after a score in points or in its own clause, not the one of the sentence before
            # ("xếp thứ nhất trên cả ba bảng xếp hạng: PAR INDEX …, SIPAS …, PCI …" names three: none); a rank
            # anywhere before it ("năm 2019 còn đứng thứ 58, năm 2020 xếp hạng 57, … về Chỉ số PCI")
            named = [(len(item.before), later.pop(), len(item.before))]
        borrowed = not named and bool(announced) and (
            (re.match(pt.POINTS, item.right) is not None and not number.percent) or lent or listed)
        # "So với năm 2021, khi tỉnh chỉ xếp thứ 23, …": a rank right after a sentence whose figures were an index's
        ranked_before = not named and not borrowed and earlier is not None and not number.percent \
            and phrase(pt.RANK_CUE).search(item.left) is not None
        if named:
            where, index, named_at = max(named)
        elif ranked_before and earlier is not None:
            where, index, named_at = -1, earlier, -1
        elif borrowed:
            where, index, named_at = *announced[0], -1
        else:
            continue
        if _LEADER.search(item.before):
            continue  # "Đứng đầu bảng xếp hạng PCI 2023 vẫn là Quảng Ninh với 71,25 điểm": the leader's, another unit
        if len(item.before) - where > pt.INDEX_REACH:
            continue
        if phrase(pt.NOT_THE_INDEX).search(item.before[max(where, 0):].rsplit(";", 1)[-1]):
            continue  # "Giá trị trung bình của PAPI cả nước năm 2022 là 42,407 điểm": the nation's
        if named_at >= 0 and phrase(pt.COMPONENT_BEFORE_NAME + r"`\W*$`").search(item.before[max(named_at - 30, 0): named_at]):
            continue  # "Chỉ số thành phần PCI năm 2023: Gia nhập thị trường 7,86 điểm (hạng 3); …": every item is a component's
        reach = _average_reach(item.before[max(named_at - pt.AVERAGE_BEFORE_NAME, 0):])
        if phrase(pt.AVERAGE).search(reach) and not _other_unit_words(item.before):
            if not _NATION.search(reach):
                continue  # "điểm số trung bình PCI của vùng … đạt 65,37 điểm": an average over many units, none of them ours
            # "trung bình cả nước là 82,66%, tăng 2,58% so với năm 2022 (80,08%)": the nation's, in the brackets of its change
            item.unit = "cả nước"
        if re.search(r"(?<![a-z])tu\W+(?:vi tri\W+)?(?:thu|hang)\W*$", item.left) and re.match(r"\W*(?:len|xuong)\b", item.right):
            continue  # "từ vị trí thứ 8 lên thứ 3": the rank it left, of a year the text does not give
        if phrase(pt.RANK_CUE).search(item.left):
            if number.denominator is None and _RANKED_UNITS.match(item.right):
                continue  # "xếp hạng 63 tỉnh, thành phố": how many are ranked, not a place in the ranking
            nxt = items[items.index(item) + 1] if item is not items[-1] else None
            among = item.right + (nxt.number.text + nxt.right if nxt and re.fullmatch(r"\W*(?:trong|tren)\W*", item.right) else "")
            if phrase(pt.RANK_AMONG_LOCAL).match(among):
                continue  # "xếp thứ 3 trong 11 huyện", "thứ 3/9 huyện": a rank among the province's own units
            kind = "rank"
        elif re.search(r"(?<![a-z])nhom[ \t]*$", item.left) and not number.percent:
            kind = "group"  # "xếp vào nhóm 4": PAPI's groups of provinces by score
        elif number.percent and index != "sipas" and (re.search(r"(?<![a-z])ty le\W*$", item.left)
                                                      or re.match(r"\W*(?:so\W+)?diem\W+toi\W+da", item.right)):
            kind = "score-share"  # "40,62/80 điểm, đạt tỷ lệ 50,77%": the score as a share of the maximum
        elif number.percent and re.search(r"\(\s*$", item.left) and index == "sipas":
            kind = "score"  # "tăng 2,58% so với năm 2022 (80,08%)": the earlier year's index, in brackets
        elif number.percent and re.search(r"(?<![a-z])(?:hon|so voi)\s+(?:muc\s+)?$", item.left) and index in ("sipas", "par-index"):
            kind = "score"  # "đạt 84,07%, cao hơn mức 81,6% của năm 2022": the compared year's (dated by PeriodScope)
        elif re.match(pt.POINTS, item.right) or ((phrase(pt.SCORE_CUE).search(item.left) or _labelled(item.before, where)
                                                      or (listed and re.search(r":\s*$", item.left)))
                                                      and (number.percent or number.denominator is not None)):
            kind = "score"  # "70,34 điểm" is a score wherever it stands; a percentage only after "đạt" or as a label's value
        else:
            continue
        ind = f"{index}-{kind}"
        # PAR INDEX is published as a percentage of the maximum ("đạt 86,21%") as often as in points:
        # the printed number is the score either way.
        as_printed = index == "par-index" and kind == "score" and number.percent and number.value <= 100
        if _fit_all((ind,), number, catalogue) or as_printed:
            item.hit = _Hit((ind,), "", "index")
            lent = lent or (borrowed and kind == "score")


_LIST_MARK = re.compile(r"\s*[•●▪◦*+\-–]\s")  # a list item's bullet
# Who leads or closes a ranking, named after "là": another unit ("Đứng đầu bảng xếp hạng PCI vẫn là Quảng Ninh").
_LEADER = phrase("(dung|dan|xep) (dau|cuoi|chot) ~~ (van )?(la|thuoc ve)")
# "Trong số", "trong tổng số" before a number: the number is a whole that the rest of the sentence breaks down.
_WHOLE_OPENING = re.compile(r"(?<![a-z])trong (?:tong )?so\W*$")
# What a ranking ranks, right after a number: the number counts them ("xếp hạng 63 tỉnh, thành phố").
_RANKED_UNITS = re.compile(r"[^\w,;.]{0,3}(?:tinh|dia phuong|don vi|bo, nganh|so, nganh|huyen|xa)\b")


def _ranking_named_after(item: _Item, rest: str) -> str | None:
    """The index whose ranking a rank names right after it ("xếp thứ 5 trong bảng xếp hạng PCI", "đứng thứ 2 về
    Chỉ số SIPAS"): a rank cue before the number, the ranking and the index's name after it in its clause, the
    only index the rest of the sentence names ("thứ nhất trên cả ba bảng xếp hạng: PAR INDEX …, SIPAS …": none)."""
    if not phrase(pt.RANK_CUE).search(item.left) or item.number.percent:
        return None
    after = phrase(pt.RANKING_AFTER).match(item.right)
    if not after:
        return None
    named = [(m.start(), index) for index, spec in pt.INDEX_NAMES for m in phrase(spec).finditer(item.right[after.end():])]
    if len({index for index, spec in pt.INDEX_NAMES if phrase(spec).search(rest)}) != 1:
        return None
    return min(named)[1] if named and min(named)[0] <= pt.RANKING_NAME_REACH else None


def _average_reach(before: str) -> str:
    """Where words before a figure still describe it: after the last semicolon, and after the last score or
    share, outside brackets ("… trung bình … là 42,407 điểm, so với cả nước tỉnh đạt 43,1": the average ends at its
    number). A bracket still open at the end ("điểm trung bình giảm 0,21 điểm (năm 2020 là 42,72 điểm; năm 2021
    được …") holds values of what opened it: the words before the bracket describe them."""
    opened: list[int] = []
    for pos, ch in enumerate(before):
        if ch == "(":
            opened.append(pos)
        elif ch == ")" and opened:
            opened.pop()
    if opened:
        return before[: opened[0]].rsplit(";", 1)[-1]
    tail = before.rsplit(";", 1)[-1]
    return re.split(r"\d(?:[\d.,]*\d)?\s*(?:%|diem)", tail)[-1]  # a score or a share ends what came before


def _other_unit_words(before: str) -> bool:
    """Whether the figure's own clause names the nation (its average is then the nation's row, see _other_unit)."""
    return bool(_NATION.search(fold(re.split(r"[,;:(]", before)[-1])))


def _labelled(before: str, where: int) -> bool:
    """Whether the number is the value of the index's name as a label: only its year and a colon, a dot
    leader or a bar between them ("SIPAS 2023: 85,61%", "PAR INDEX 2023 ........ 89,72%" in an infographic)."""
    return where >= 0 and re.fullmatch(r"(?:\s*(?:nam\s+)?\d{4})?\s*(?::|\.{2,}|…+|\|)[\s.…:|]*", before[where:]) is not None


def _parents(sentence: str, numbers: list[Number]) -> list[int | None]:
    """For each number, the earlier number whose parenthesis holds it: "… 378 hồ sơ đang giải quyết (352 …, 26 …)"."""
    out: list[int | None] = []
    for number in numbers:
        depth, opened = 0, -1
        for pos, ch in enumerate(sentence[: number.start]):
            if ch == "(":
                depth, opened = depth + 1, pos
            elif ch == ")" and depth:
                depth -= 1
        if depth == 0:
            out.append(None)
            continue
        out.append(next((j for j in range(len(numbers) - 1, -1, -1) if numbers[j].end <= opened), None))
    return out


def _closed_brackets_blank(text: str) -> str:
    """`text` with every bracket that closes within it blanked out (offsets kept)."""
    out, opened = list(text), []
    for pos, ch in enumerate(text):
        if ch == "(":
            opened.append(pos)
        elif ch == ")" and opened:
            start = opened.pop()
            out[start: pos + 1] = " " * (pos + 1 - start)
    return "".join(out)


def _context(before: str, right: str) -> dict[str, str]:
    """Breakdowns the words around a number give: the last level named before it in its sentence
    ("Cấp huyện: …", "ở cấp xã là …") unless a total comes after ("tổng số", "toàn tỉnh"); an online level,
    channel or cause right after it ("512 dịch vụ mức độ 3", "29 hồ sơ trễ hạn do lỗi hệ thống")."""
    found: dict[str, str] = {}
    for dimension, (cues, scope) in pt.CONTEXT.items():
        if scope == "clause":  # only in the figure's own clause, before it
            clause = re.split(r"[,;:]", before)[-1]
            near = [(m.end(), value) for spec, value in cues for m in phrase(spec).finditer(clause)]
            if near:
                found[dimension] = max(near)[1]
            continue
        # a level named inside brackets that closed before the number is the bracket's ("(cấp tỉnh …, cấp xã …);
        # giải quyết 58.913 hồ sơ"); of a cue and a joined pair of levels ending at one place, the pair wins (value "")
        seen = _closed_brackets_blank(before)
        hits = [(m.end(), value == "", value) for spec, value in cues for m in phrase(spec).finditer(seen)] if scope != "right" else []
        if hits:
            end, _, value = max(hits)
            total = phrase(pt.TOTAL_CUE).search(before[end:])
            # "cấp xã 5.902 hồ sơ; tổng số … 9.542": a total after the level ends its reach, unless it follows the level's
            # name at once ("Cấp xã có tổng số hồ sơ giải quyết trên 77 ngàn": the level's own total)
            ends = total is not None and total.start() > 6  # "cấp xã có tổng số", "Cấp huyện: tổng số …": the level's
            if value and not ends and not (scope == "clause+right" and ";" in before[end:]):
                found[dimension] = value
        if "right" in scope:  # within its own clause: "1.045 hồ sơ, mức độ 4 là …" is the next figure's
            clause = re.split(r"[,;(]", right, maxsplit=1)[0]
            near = [(m.start(), value) for spec, value in cues for m in phrase(spec).finditer(clause)]
            if near:
                found[dimension] = min(near)[1]
    return found


def _qualifier(before: str, sentence: str) -> str:
    """The qualifier printed right before a number ("trên 312.000", "khoảng 4.300"), made an estimate by "ước" or
    "dự kiến" in its clause or opening the sentence ("dự kiến khoảng 9.000", "Dự kiến cả năm, … khoảng 26.000").

    An estimate of an approximate number is an estimate, as `content.qualifiers.combine` has it; a bound stays a
    bound ("ước trên 9.500": the number printed is a bound of the estimate, not the estimate)."""
    # (never across a colon: "Tỷ lệ hài lòng chung: 92,8%" is a label's word, "chung", not "chừng")
    near = next((q for spec, q in pt.QUALIFIERS if re.search(phrase(spec).pattern + r"[^\w:]{0,2}$", before[-24:])), "")
    if near in ("", "approx"):
        clause = re.split(r"[,;:()]", before)[-1]
        if phrase(pt.ESTIMATE_OPENING).match(sentence) or phrase(pt.ESTIMATE_CUE).search(clause[-40:]):
            return "estimated"
    return near


@dataclass
class _Draft:
    """A row before ids are numbered: where it is in the document, and its fields."""

    offset: int
    fields: dict[str, str] = field(default_factory=dict)


def _items(sentence: str, folded: str, mode: str, catalogue: Catalogue, previous: list[_Item],
           english: bool = False, in_period: Callable[[int], bool] = lambda _: False, start: int = 0,
           folded_before: str = "", listed: bool = False) -> list[_Item]:
    """Every figure of a sentence, with the indicator its phrases name (hit None when none does).
    `in_period(offset)` tells the digits of a period expression ("từ ngày 21/7") from a figure;
    `start` is the sentence's offset in the text."""
    numbers = [n for n in find_numbers(sentence, english) if not in_period(start + n.start)]
    parents = _parents(sentence, numbers)
    items: list[_Item] = []
    for i, number in enumerate(numbers):
        left = fold(sentence[(numbers[i - 1].end if i else 0): number.start].rsplit(";", 1)[-1])
        # The clause after a number runs to the next figure; a percentage in between is only its share.
        stop = next((n.start for n in numbers[i + 1:] if not n.percent), len(sentence))
        right = fold(sentence[number.end: stop].split(";", 1)[0])
        if _WHOLE_OPENING.search(left):
            # "Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436": the whole its parts
            # are taken from is named before the comma; what follows the comma names the parts
            right = right.split(",", 1)[0]
        before = fold(sentence[: number.start])
        item = _Item(number, _noun_class(right), before, left=left, right=right, lead=_lead(left) if i else None,
                     parent=parents[i])
        if phrase(pt.CHANGE_CUE).search(left):
            continue  # "tăng 0,10% so với năm 2022", "tăng 4 bậc": a change, not a figure
        if number.percent and _share_of_its_kind(left, right):
            continue  # "312 hồ sơ trễ hạn, chiếm 44% số hồ sơ trễ hạn toàn tỉnh": a part's weight in a total of its kind, no rate
        if _of_a_set_of_units(before + fold(number.text), right):
            continue  # "Những địa phương có tỷ lệ … đạt 100% là …", "14/19 đơn vị không có …": each of those units'

        if parents[i] is not None and _name_label(sentence[(numbers[i - 1].end if i else 0): number.start]) \
                and "agency" not in _context(before, right):
            continue  # "(Phước Thạnh Tây 17 hồ sơ, …)": a place's or an office's part, by a name of no known kind
        if item.noun is None and not number.percent and phrase(pt.LABEL_END).search(left):
            earlier = [it.noun or it.implied for it in (items or previous)]
            item.implied = _label_noun(left) or next((n for n in reversed(earlier) if n), None) or _sentence_noun(before)
        elif item.noun is None and not number.percent and _BARE_END.match(sentence, number.end):
            # a bare number closing a list item or a label ("… 448, …", "… 8.120 (97,6%)"), never one that words follow
            # ("Chờ 56 Tư pháp": OCR's "Sở" read as digits)
            counts = [it for it in items if not it.number.percent]
            held_by = parents[i]
            holder = next((it for it in items if it.number is numbers[held_by]), None) if held_by is not None else None
            opening = _CLAUSE_OPEN.search(left)
            if holder is not None:  # "1.245 hồ sơ (trong đó: trực tuyến 620, trực tiếp 610)": the figure it breaks down
                item.implied = holder.noun or holder.implied
            elif opening and (named := _noun_class(opening[1].lstrip())) is not None:
                item.implied = named  # "Hồ sơ đúng hạn 8.120"
            elif counts and _LIST_ITEM.search(left):
                # "trước hạn là 1.967, đúng hạn 448, trễ hạn 3 hồ sơ": an item of a list counts what its neighbours count
                nxt = next((n for n in numbers[i + 1:] if not n.percent), None)
                after = _noun_class(fold(sentence[nxt.end:nxt.end + 30])) if nxt else None
                item.implied = counts[-1].noun or counts[-1].implied or after
            else:
                # "Kết quả giải quyết hồ sơ năm 2023: tiếp nhận 3.400; giải quyết 3.100 (…)": the sentence named
                # what it counts once, before its labels
                item.implied = _sentence_noun(before)
        held = parents[i]
        if item.noun is None and item.implied is None and not number.percent and held is not None \
                and _VERDICT_IN_BRACKETS.match(" " + right.lstrip()):
            # "giải quyết 86 hồ sơ (52 trước hạn, 34 đúng hạn)": a part in the brackets of a count, named by its verdict
            holder = next((it for it in items if it.number is numbers[held]), None)
            item.implied = (holder.noun or holder.implied) if holder is not None else None
        item.context = _context(before, right)
        item.qualifier = _qualifier(before, folded)
        items.append(item)
    if mode == "actual":
        _indices(items, catalogue, previous, folded_before, folded, listed)
    for item in items:
        if item.hit is None and not _TWO_CHANNELS.match(item.right.lstrip()) and not _RETURNED_BY.match(item.right.lstrip()):
            item.hit = _match(item, folded, mode, catalogue, items)
    for item in items:
        if item.hit is None and item.parent is not None:
            subject = _changed_subject(sentence, numbers[item.parent])
            if subject:
                # "số hồ sơ trực tuyến tăng hơn 2 lần (tháng 1 mới chỉ có 3.120 hồ sơ, … đến tháng 6 đã có 7.480 hồ sơ)":
                # the values in the brackets of a change are values of what changed, read with its words
                item.hit = _match(replace(item, left=subject, lead=None), folded, mode, catalogue, items)
            elif _BARE_CHANGE.search(fold(sentence[: numbers[item.parent].start])):
                # "tiếp nhận 2.146 hồ sơ, tăng 412 hồ sơ so với năm 2021 (1.734 hồ sơ)": a change with no words of its
                # own is the figure's before it, and the value in its brackets that figure's, in the compared period
                head = next((it for it in reversed(items) if it.hit and it.number.start < numbers[item.parent].start
                             and it.number.percent == item.number.percent and (item.number.percent or it.noun == item.noun)), None)
                if head is not None:
                    item.hit = _inherited(head, item.number, catalogue, "sibling")
    return items


_BARE_CHANGE = re.compile(r"[,;]\s*(?:tang|giam)(?:\s+(?:them|hon|gap|khoang|gan|xap xi))*\s*$")
_CHANGED = re.compile(r"(?:^|[,;:(])([^,;:()\d]{4,60}?)\s+(?:tang|giam)(?:\s+(?:them|hon|gap|khoang|gan|xap xi))*\s*$")


def _changed_subject(sentence: str, parent: Number) -> str | None:
    """The words of what changed when `parent` is the size of a change ("số hồ sơ trực tuyến tăng hơn 2 lần"):
    the clause before the verb, folded; None when the number before the brackets is no change."""
    m = _CHANGED.search(fold(sentence[: parent.start]))
    return m[1].strip() if m else None


def _read_prose(text: str, catalogue: Catalogue, line_starts: list[int], scope: PeriodScope, own: str | None = None) -> list[_Draft]:
    drafts: list[_Draft] = []
    previous: list[_Item] = []
    plan_section = False
    target_markers, plan_heading = phrase(pt.TARGET_MARKERS), phrase(pt.PLAN_HEADING)
    english = is_english(text)
    named: set[str] = set()  # indicators the text has given a figure of so far
    folded_before = ""  # the sentence before, folded
    heading = ""  # the last sentence that is no list item: the heading of the list that follows it
    for sent in split_sentences(text):
        folded = fold(sent.text)
        listed = _LIST_MARK.match(sent.text) is not None
        bare = sent.text.lstrip("#* \t")
        if _HEADING.match(bare) and len(bare) <= 150:
            if plan_heading.search(folded):
                plan_section = True  # what follows are plans and targets, not results
            elif _TOP_HEADING.match(bare):
                plan_section = False
        mode = "target" if plan_section or target_markers.search(folded) else "actual"
        items = _items(sent.text, folded, mode, catalogue, previous, english, scope.in_period, sent.start,
                       heading if listed else folded_before, listed)
        folded_before = folded
        heading = heading if listed else folded
        if mode == "actual":  # targets are never inherited nor turned into shares
            _inherit(items, previous, folded, catalogue)
            def period_of(item: _Item, start: int = sent.start) -> object:
                return scope.at(start + item.number.start)
            _siblings(items, catalogue, percent=False, period_of=period_of)
            _share(items, catalogue, frozenset(named))
            _siblings(items, catalogue, percent=True, period_of=period_of)
            _from_to(items)
            _unit_siblings(items, sent.text)
            _one_lateness(items, named)
            named |= {i for it in items if it.hit for i in it.hit.ids}
        previous = items
        quote = squash(sent.text)
        for item in items:
            if item.hit:
                offset = sent.start + item.number.start
                if scope.compared_undated(offset):
                    continue  # "cùng kỳ năm trước tiếp nhận 5.400 hồ sơ": an earlier period's, and the text does not date it
                locator = f"văn bản gốc, dòng {bisect_right(line_starts, offset)}"
                rows = _prose_rows(item, catalogue, offset, quote, locator, scope.at(offset))
                other = item.unit or _other_unit(sent.text, item.number.start, own)
                if other is not None:
                    for row in rows:
                        row.fields["other_unit"] = other
                drafts += rows
    return drafts


def _breakdown(given: str, context: dict[str, str]) -> str:
    """The rule's breakdown with the context's, one value per dimension (the rule's wins), sorted."""
    parts = dict(context)
    for part in filter(None, given.split(";")):
        key, _, value = part.partition("=")
        parts[key] = value
    return ";".join(f"{k}={v}" for k, v in sorted(parts.items()))


def _in_unit(value: float, currency: str, unit: str) -> float:
    """An amount printed in million or billion đồng ("4,776 tỷ đồng") in the indicator's unit: đồng or million đồng."""
    factor = {("vnd", "trieu"): 1e6, ("vnd", "ty"): 1e9, ("million_vnd", "ty"): 1e3}.get((unit, currency), 1.0)
    return round(value * factor, 6) if factor != 1.0 else value


def _period_fields(period: tuple[str, str, str] | None) -> dict[str, str]:
    """The period columns of a row: the text's period for the figure, or nothing (the command's --period)."""
    return {"period": period[0], "period_start": period[1], "period_end": period[2]} if period else {}


def _prose_rows(item: _Item, catalogue: Catalogue, offset: int, quote: str, locator: str,
                period: tuple[str, str, str] | None) -> list[_Draft]:
    assert item.hit is not None
    number, hit = item.number, item.hit
    pairs: list[tuple[str, float]]
    if number.denominator is not None and len(hit.ids) == 2:
        pairs = [(hit.ids[0], number.value), (hit.ids[1], number.denominator)]
    else:
        pairs = [(i, number.value) for i in hit.ids]
    notes = INHERITED_NOTE if hit.how == "inherited" else ("", "")
    out = []
    for n, (indicator, value) in enumerate(pairs):
        value = _in_unit(value, number.currency, catalogue.units[indicator])
        context = {k: v for k, v in item.context.items() if _applies(k, indicator)}
        out.append(_Draft(offset, {"indicator": indicator, "breakdown": _breakdown(hit.per_id[n] if hit.per_id else hit.breakdown, context), "value": format_value(value),
                                   **({"whole": "1"} if n == 1 and number.denominator is not None else {}),
                                   "qualifier": item.qualifier if indicator == hit.ids[0] else "",
                                   "status": "reported", "locator": locator, "quote": quote,
                                   **_period_fields(period),
                                   "note_vi": notes[0], "note_en": notes[1],
                                   **({"whole": "1"} if n == 1 and len(pairs) == 2 and number.denominator is not None else {})}))
    return out


# A unit named in a sentence by its kind and its proper name: "huyện Lập Thạch", "xã Phú Giáo", "TP Đà Lạt".
_UNIT_KIND = re.compile(r"(?<!\w)(?:huyện|xã|phường|thị xã|thị trấn|thành phố|tp\.?|quận|tỉnh)[ \t]+(?=\w)", re.IGNORECASE)  # a name never runs on to the next line
# The same kinds in a text without diacritics ("quan Tay Ho Nam"), read only there: "cơ quan Thuế" is no unit.
_UNIT_KIND_PLAIN = re.compile(r"(?<!\w)(?<!co )(?:huyen|xa|phuong|thi xa|thi tran|thanh pho|tp\.?|quan|tinh)[ \t]+(?=\w)",
                              re.IGNORECASE)


# A ministry as the subject of its own figures ("Ở khối bộ, ngành, Bộ Công Thương dẫn đầu với 1,31 triệu hồ sơ"): another
# unit than a province's or a district's report; not one cited as a source ("theo Bộ Nội vụ", "do Bộ … công bố"),
# nor "Bộ phận Một cửa", "Bộ chỉ số", "Bộ thủ tục".
_MINISTRY = re.compile(r"(?<!\w)(?<!theo )(?<!do )(?<!của )(?<!cua )(?<!với )Bộ[ \t]+(?!(?:phận|Phận|chỉ|Chỉ|thủ|Thủ|câu|tiêu)\b)(?=[A-ZĐ])")


def named_units(text: str) -> list[tuple[int, str]]:
    """(offset, name) of every unit `text` names by kind and proper name, the kind in lower case
    ("huyện Lập Thạch"); a kind followed by no capitalised word ("các huyện", "tỉnh và") names none."""
    out = []
    for m in (_UNIT_KIND_PLAIN if text.isascii() else _UNIT_KIND).finditer(text):
        words = []
        for word in re.finditer(r"\S+", text[m.end(): m.end() + 60].split("\n", 1)[0]):
            w = word.group().rstrip(",.;:)")
            if not w or not w[0].isupper() or not w.replace("-", "").isalpha():
                break
            words.append(w)
            if w != word.group() or len(words) == 4:
                break  # a comma or a full stop ends the name
        if words:
            kind = " ".join(m.group().split()).lower()
            out.append((m.start(), f"{kind} {' '.join(words)}"))
    if not text.isascii():
        for m in _MINISTRY.finditer(text):
            name = re.match(r"(?:[A-ZĐ][^\W\d_]*[ \t]*){1,3}", text[m.end():])
            if name:
                out.append((m.start(), f"bộ {name.group().strip()}"))
        out.sort()
    return out


def unit_slug(name: str) -> str:
    """The id a unit's name suggests: its proper name folded ("huyện Lập Thạch" -> "lap-thach")."""
    proper = (_UNIT_KIND_PLAIN if name.isascii() else _UNIT_KIND).sub("", name, count=1)
    return re.sub(r"[^a-z0-9]+", "-", fold(proper)).strip("-")


def _other_unit(sentence: str, at: int, own: str | None) -> str | None:
    """The unit a figure at offset `at` of `sentence` is about when its clause names one that is not
    the report's own (`own`: its slug; None when unknown): the last one named before it in its clause."""
    start = max(sentence.rfind(c, 0, at) for c in ";(") + 1
    named = [name for offset, name in named_units(sentence[start:at])]
    if not named and sentence.rfind("(", 0, at) > sentence.rfind(";", 0, at):
        # a bracket that holds only the value ("có tỷ lệ này cao nhất (9,98%)"): the clause before it says whose
        named = [name for offset, name in named_units(sentence[sentence.rfind(";", 0, at) + 1:at])]
    if not named:
        # "Chỉ số SIPAS trung bình cả nước là 82,66%": the nation's figure, named in the figure's own clause
        clause = fold(re.split(r"[,;:(]", sentence[:at])[-1])
        return "cả nước" if _NATION.search(clause) else None
    if own is not None and _same_unit(unit_slug(named[-1]), own):
        return None
    return named[-1]


_NATION = re.compile(r"(?<![a-z])(?<!so voi )(?<!hon )(?:ca nuoc|toan quoc)(?![a-z])")


def _same_unit(slug: str, own: str) -> bool:
    """Whether a named unit's slug ("my-an") is the report's unit (id "huyen-my-an", "my-an")."""
    return own == slug or own.endswith(f"-{slug}") or own.startswith(f"{slug}-")


def own_unit(text: str, unit: str) -> str | None:
    """The slug of the unit a report is about: from the `--unit` id given, else the unit its heading
    (first two lines) names; None when neither says."""
    if unit:
        return unit  # an id: "huyen-my-an", compared by _same_unit
    lines = [line for line in text.strip().split("\n") if line.strip()][:2]
    # an upper-case heading ("VĂN PHÒNG … TP BÌNH LẠC") is read title-cased; a heading in sentence case is not,
    # or "Toàn tỉnh tiếp nhận …" would name a "tỉnh Tiếp Nhận"
    named = named_units("\n".join(lines)) or named_units("\n".join(line.title() for line in lines if line.isupper()))
    if not named:
        # a heading without a unit ("Toàn tỉnh tiếp nhận 48.215 hồ sơ …"): a bulletin or an article names its
        # subject first ("… trên địa bàn tỉnh Sơn Khê Bắc đã tiếp nhận …"), so the first unit named is its own
        named = [(at, name) for at, name in named_units(text) if not name.startswith("bộ ")]
    return unit_slug(named[0][1]) if named else None


def _applies(dimension: str, indicator: str) -> bool:
    """Whether a context dimension can break this indicator down (pt.CONTEXT_INDICATORS: prefixes per dimension)."""
    return any(indicator.startswith(prefix) for prefix in pt.CONTEXT_INDICATORS.get(dimension, ()))


# --------------------------------------------------------------------------- the library entry point


def _headline_end(text: str) -> int:
    """Where a press headline ends: the first line when it is short and ends without a full stop; 0 when none."""
    first = text.lstrip("\n").split("\n", 1)[0]
    if not first.strip() or len(first) > 160 or first.rstrip()[-1:] in ".:;":
        return 0
    return text.index(first) + len(first)


def _without_repeated_figures(drafts: list[_Draft]) -> list[_Draft]:
    """Drop a figure already proposed: the same indicator, value, period, breakdown and unit said a second time, as
    the whole of a ratio ("thu về 1.236 phiếu … Có 1.204/1.236 phiếu đánh giá hài lòng") or again in a later sentence
    ("trễ hạn 30 HS. … Đối với 30 HS trễ hạn, …"). The first sentence is the one quoted. Not none nor all: "no dossier
    late" in two sentences may be two wards' (whose names the text may not tie to the figure)."""
    def key(d: _Draft) -> tuple[str, ...]:
        f = d.fields
        return (f["indicator"], f["value"], f.get("period", ""), f.get("breakdown", ""), f.get("other_unit", ""))
    seen: set[tuple[str, ...]] = set()
    out = []
    for d in drafts:
        if key(d) in seen and d.fields["value"] not in ("", "0", "100"):  # none and all are said of many units
            continue
        seen.add(key(d))
        out.append(d)
    return out


def _without_headline_repeats(text: str, drafts: list[_Draft], catalogue: Catalogue) -> list[_Draft]:
    """Drop a headline's figure that the body gives again ("Phong Điền: no dossier late" above the
    paragraph that says it per level): the body's sentence is the one to quote."""
    end = _headline_end(text)
    body = {(d.fields["indicator"], d.fields["value"]) for d in drafts if d.offset >= end}
    # "Tỷ lệ giải quyết hồ sơ cấp xã đạt 99,98%" above "… trả trước và đúng hạn …, đạt tỷ lệ 99,98%": the headline's
    # words are shorter than the body's, whose indicator for the same value and period is the one to keep. Only
    # shares: a count the headline names may be the same number of another thing ("7 thư xin lỗi" for 7 dossiers overdue).
    values = {(d.fields["value"], d.fields.get("period", "")) for d in drafts
              if d.offset >= end and d.fields["value"] not in ("", "0", "100")}  # 100% and none are said of many things
    drafts = [d for d in drafts if d.offset >= end or d.fields["value"] == ""
              or catalogue.units.get(d.fields["indicator"]) != "percent"
              or (d.fields["value"], d.fields.get("period", "")) not in values]
    drafts = _without_rounded_repeats(drafts)
    exact: dict[str, list[float]] = {}
    for d in drafts:
        if d.offset >= end and not d.fields.get("qualifier") and d.fields["value"] != "":
            exact.setdefault(d.fields["indicator"], []).append(float(d.fields["value"]))
    return [d for d in drafts if d.offset >= end or ((d.fields["indicator"], d.fields["value"]) not in body
                                                      and not _rounded_in_body(d, exact))]


_PARTS_OPENING = phrase("(trong do|trong so (do|nay)|bao gom|gom|cu the)")
_CARRIED_OVER = phrase("((tu )?(ky|thang|quy|nam) truoc chuyen (qua|sang)|ton (ky truoc|chuyen sang)|(ton|tu) ~ chuyen (qua|sang))")


def _totals_holding_carried_over(text: str, drafts: list[_Draft]) -> None:
    """"đã tiếp nhận 48.215 hồ sơ. Trong đó, có 14.302 hồ sơ trực tuyến; 30.127 hồ sơ trực tiếp và bưu chính; 3.786 hồ
    sơ từ kỳ trước chuyển sang": a count "received" whose parts, listed after it up to the dossiers carried over from
    before, add up to it holds the carried-over ones: it is all there was to process."""
    sentences = split_sentences(text)
    for d in drafts:
        f = d.fields
        if f["indicator"] != "dossiers-received" or f.get("breakdown") or f.get("qualifier") or f["value"] == "":
            continue
        k = next((i for i, s in enumerate(sentences) if s.start <= d.offset < s.end), None)
        if k is None or k + 1 >= len(sentences) or not _PARTS_OPENING.match(fold(sentences[k + 1].text)):
            continue
        parts, total = sentences[k + 1].text, 0.0
        numbers = find_numbers(parts)
        for n, number in enumerate(numbers):
            depth = parts[: number.start].count("(") - parts[: number.start].count(")")
            right = fold(parts[number.end: numbers[n + 1].start if n + 1 < len(numbers) else len(parts)])
            if number.percent or depth > 0 or not _noun(pt.DOSSIER).match(right.lstrip()):
                continue
            total += number.value
            if _CARRIED_OVER.search(right):
                if abs(total - float(f["value"])) < 0.5:
                    f["indicator"] = "dossiers-to-process"
                break


def _without_contradicted_wholes(drafts: list[_Draft]) -> list[_Draft]:
    """Drop the whole of a ratio ("số hóa … 1.987/2.271 hồ sơ": dossiers received, by the rule's reading) when the
    text states that indicator outright for the same breakdown and period with another value (3.214 received):
    the whole is then some other count (the dossiers that had to be digitised), which the text does not name."""
    def key(d: _Draft) -> tuple[str, str, str, str]:
        f = d.fields
        return f["indicator"], f.get("breakdown", ""), f.get("period", ""), f.get("other_unit", "")
    stated: dict[tuple[str, str, str, str], set[str]] = {}
    for d in drafts:
        if not d.fields.get("whole") and not d.fields.get("qualifier"):
            stated.setdefault(key(d), set()).add(d.fields["value"])
    return [d for d in drafts if not d.fields.get("whole") or stated.get(key(d), {d.fields["value"]}) <= {d.fields["value"]}]


def _without_rounded_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """Drop a round figure ("Gần 1.500 hồ sơ được tiếp nhận" in an article's lead) that a later sentence gives exactly
    for the same indicator, breakdown and period (1.482): the exact one is the figure, the round one its summary."""
    out = []
    for k, d in enumerate(drafts):
        f = d.fields
        fits = _ROUGHLY.get(f.get("qualifier", ""))
        key = (f["indicator"], f.get("breakdown", ""), f.get("period", ""))
        round_count = f["value"] != "" and float(f["value"]) >= 100 and float(f["value"]) % 10 == 0  # "gần 1.500", not "trên 98%"
        if fits is not None and round_count and any(
                (e.fields["indicator"], e.fields.get("breakdown", ""), e.fields.get("period", "")) == key
                and not e.fields.get("qualifier") and e.fields["value"] != ""
                and fits(float(e.fields["value"]), float(f["value"])) for e in drafts[k + 1:]):
            continue
        out.append(d)
    return out


# Where an exact value v lies when a text gives it roughly as `value` with a qualifier: within 5 %, on its side.
_ROUGHLY: dict[str, Callable[[float, float], bool]] = {
    "more_than": lambda v, value: value < v <= 1.05 * value, "at_least": lambda v, value: value <= v <= 1.05 * value,
    "approx": lambda v, value: abs(v - value) <= 0.05 * value,
    "less_than": lambda v, value: 0.95 * value <= v < value, "at_most": lambda v, value: 0.95 * value <= v <= value}


def _rounded_in_body(headline: _Draft, exact: dict[str, list[float]]) -> bool:
    """Whether a headline's bound or round number ("Trên 7.600 hồ sơ bị quá hạn", "over 99%") is a body
    figure of the same indicator told roughly: the body's exact 7.677 or 99,2% lies where the headline says
    (`_ROUGHLY`, as for a round figure a later sentence gives exactly; a headline may round a share too)."""
    fits = _ROUGHLY.get(headline.fields.get("qualifier", ""))
    if fits is None or headline.fields["value"] == "":
        return False
    value = float(headline.fields["value"])
    return any(fits(v, value) for v in exact.get(headline.fields["indicator"], ()))


def extract(text: str, catalogue: Catalogue, report: str = "", unit: str = "", period: str = "") -> list[FigureRow]:
    """Propose figure rows for `text`: prose sentences and table rows, in document order.

    `report`, `unit` and `period` fill those columns (empty placeholders when not given); the
    period the text states for a figure (text_periods.PeriodScope: "quý III/2021" in its sentence,
    "9 tháng đầu năm 2022" in the title, a table column "Năm 2019") overrides `period`.
    """
    return _extract(text, catalogue, report, unit, period)[0]


@dataclass(frozen=True)
class Extraction:
    """The proposals for a text, and the numbers it prints as figures that none was made from (unread.py)."""

    rows: list[FigureRow]
    unread: list[Unread]


def extract_all(text: str, catalogue: Catalogue, report: str = "", unit: str = "", period: str = "") -> Extraction:
    """`extract`, with the numbers left unread for the editor to look at (unread.unread_numbers)."""
    from site_builder.editor.unread import unread_numbers

    rows, read, scope = _extract(text, catalogue, report, unit, period)
    return Extraction(rows, unread_numbers(scope, read))


def _extract(text: str, catalogue: Catalogue, report: str, unit: str,
             period: str) -> tuple[list[FigureRow], list[tuple[int, str]], PeriodScope]:
    """The rows; (offset, value) of every figure read, rows said twice or dropped for the body's included; and the
    text's periods (over the text with its line ends made "\n", as the offsets count)."""
    from site_builder.editor import tables  # tables.py reads numbers with this module's helpers

    start, end = period_bounds(period)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    line_starts = [s for s, _ in _lines(text)]
    scope = PeriodScope(text)
    drafts = _read_prose(text, catalogue, line_starts, scope, own_unit(text, unit)) + [
        _Draft(f.offset, {"indicator": f.indicator, "breakdown": f.breakdown, "value": f.value, "status": f.status,
                          "locator": f.locator, "quote": f.quote, "period": f.period}
               | ({"period_start": f.period_start, "period_end": f.period_end} if f.period else {}))
        for f in tables.read_tables(text, catalogue, scope.at)]
    read = [(d.offset, d.fields["value"]) for d in drafts]
    drafts = _without_contradicted_wholes(_without_headline_repeats(text, sorted(drafts, key=lambda d: d.offset), catalogue))
    drafts = _without_repeated_figures(drafts)
    _totals_holding_carried_over(text, drafts)
    rows = []
    for n, draft in enumerate(drafts, start=1):
        f = draft.fields
        own = f.get("period", "")
        bounds = (f["period_start"], f["period_end"]) if "period_start" in f else period_bounds(own) if own else (start, end)
        note_vi, note_en = f.get("note_vi", ""), f.get("note_en", "")
        other = f.get("other_unit", "")
        if other:  # another unit's figure in this report (a bulletin's district): its unit to confirm
            note_vi = "; ".join(filter(None, [note_vi, OTHER_UNIT_NOTE[0].format(name=other, id=unit_slug(other))]))
            note_en = "; ".join(filter(None, [note_en, OTHER_UNIT_NOTE[1].format(name=other, id=unit_slug(other))]))
        rows.append(FigureRow(
            id=f"{report or 'draft'}-{n:03d}", report=report, unit=unit_slug(other) if other else unit, indicator=f["indicator"],
            period=own or period, period_start=bounds[0], period_end=bounds[1], breakdown=f["breakdown"],
            value=f["value"], qualifier=f.get("qualifier", ""), status=f["status"], locator=f["locator"], quote=f["quote"],
            note_vi=note_vi, note_en=note_en))
    return rows, read, scope


# --------------------------------------------------------------------------- output


def to_csv(rows: Iterable[FigureRow]) -> str:
    """Rows as CSV with the package's header, ready to paste into datapackages/cchc-figures/data/."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIGURE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.as_dict())
    return buf.getvalue()


def to_yaml(rows: Iterable[FigureRow]) -> str:
    """Rows as a YAML list of mappings."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    buf = io.StringIO()
    yaml.dump([row.as_dict() for row in rows], buf)
    return buf.getvalue()


def to_text(rows: Iterable[FigureRow]) -> str:
    """Rows for reading in a terminal: indicator = value, then the quote."""
    lines = []
    for row in rows:
        shown = row.value if row.status == "reported" else "/ (missing)"
        breakdown = f" [{row.breakdown}]" if row.breakdown else ""
        lines.append(f"{row.id}  {row.indicator}{breakdown} = {shown}  ({row.period or 'period?'}; {row.locator})")
        lines.append(f"    « {row.quote} »")
    return "\n".join(lines) + ("\n" if lines else "")


RENDER = {"csv": to_csv, "yaml": to_yaml, "text": to_text}


# --------------------------------------------------------------------------- command


def _check_period(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        period_bounds(value)
    except ExtractError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


def draft_findings(rows: list[FigureRow], root: Path) -> list[Finding]:
    """The consistency checks of `check` (content/consistency.py) on the draft: rows that contradict each
    other, the catalogue's identities or the text's own shares, before they reach a package."""
    from site_builder.content.consistency import check, draft_facts, relations
    from site_builder.content.load import load_content

    content, _ = load_content(root)  # a broken file elsewhere is `check`'s to report; the indicators that load are used
    found = check(draft_facts(asdict(r) for r in rows), relations(content.indicators), content.indicators, content.breakdowns)
    return [f for f in found if not f.silenced]


def _describe(finding: Finding) -> tuple[str, str]:
    name = f"{finding.relation.name.vi} / {finding.relation.name.en}" if finding.relation else "cùng số liệu, khác giá trị / the same figure, different values"
    gap = "chênh lệch do làm tròn / a gap rounding explains" if finding.severity == "rounding" else "mâu thuẫn / contradiction"
    return name, gap


def draft_warnings(findings: list[Finding]) -> list[str]:
    """One warning line per finding of `draft_findings`, naming the rows, the identity and the arithmetic."""
    out = []
    for f in findings:
        name, gap = _describe(f)
        out.append(f"warning: {', '.join(r.id for r in f.rows)}: {name}: {f.detail} ({gap}); flag `{f.flag}` with a note, or correct the row")
    return out


def unread_notes(unread: list[Unread]) -> list[str]:
    """What the editor reads on the terminal about the numbers no row was proposed from (unread.py): how many,
    then each with its line and the words around it, in both languages, so that none is dropped unseen."""
    if not unread:
        return []
    head = (f"note: {len(unread)} số in trong văn bản chưa được đề xuất thành dòng nào; kiểm tra từng số / "
            f"{len(unread)} number(s) printed in the text were not proposed as any row; check each:")
    return [head] + [f"  dòng/line {u.line}: {u.printed}  « {u.quote if len(u.quote) <= 160 else u.quote[:157] + '…'} »" for u in unread]


def mark_draft(rows: list[FigureRow], findings: list[Finding]) -> list[FigureRow]:
    """The draft with every row a consistency finding involves marked in its notes (both languages), so
    that the editor sees it in the CSV beside the row, not only on the terminal. The flag itself is left
    to the editor: a flag silences the check, and only a person who read the source may set it."""
    notes: dict[str, list[str]] = {}
    for f in findings:
        name, gap = _describe(f)
        for r in f.rows:
            notes.setdefault(r.id, []).append(f"{name}: {f.detail} ({gap})")
    marked = []
    for row in rows:
        if row.id in notes:
            detail = "; ".join(notes[row.id])
            row = replace(row, note_vi=f"Bản nháp cần kiểm tra: {detail}", note_en=f"Draft to check: {detail}")
        marked.append(row)
    return marked


@click.command("extract")
@click.argument("raw", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--report", default="", help="Report id (content/reports) for the rows; ids become <report>-001, …")
@click.option("--unit", default="", help="Unit id (content/units) the figures are about.")
@click.option("--period", default="", callback=_check_period, help=f"Period code of the report: {periods.EXAMPLES}.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True, help="csv for the package, yaml, or text to read.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Project folder with content/indicators (default: current folder).")
def command(raw: Path, report: str, unit: str, period: str, fmt: str, out: Path | None, root: Path | None) -> None:
    """Propose figure rows from RAW, a report's text as pasted from a PDF or OCR, for an editor to confirm.

    Every proposed value is a number printed in the quoted sentence; indicators come from
    content/indicators. Check and complete the rows (breakdown, locator, flags) before
    adding them to datapackages/cchc-figures/data/.
    """
    try:
        text = raw.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{raw}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        catalogue = load_catalogue((root or Path.cwd()) / "content" / "indicators")
    except ExtractError as exc:
        raise click.ClickException(str(exc)) from exc
    drafted = extract_all(text, catalogue, report=report, unit=unit, period=period)
    rows = drafted.rows
    findings = draft_findings(rows, root or Path.cwd())
    for line in draft_warnings(findings):
        click.echo(line, err=True)
    for line in unread_notes(drafted.unread):
        click.echo(line, err=True)
    rows = mark_draft(rows, findings)
    rendered = RENDER[fmt](rows)
    if out:
        out.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    click.echo(f"{len(rows)} figure(s) proposed from {raw}" + (f" into {out}" if out else ""), err=True)
