"""`site-builder extract`: propose figure rows from the raw text of a report, for an editor to confirm.

Input: a report's text as pasted from a PDF or OCR, with or without diacritics, and the
indicator catalogue (content/indicators). Output: draft rows in the columns of the
cchc-figures package (`FIGURE_FIELDS`), each quoting the sentence or table row it came from.

How a text is read:

1. It is cut into prose sentences and tables (`tables.table_spans`: tab-separated or aligned by spaces).
2. In a sentence every number is found in the ORIGINAL text; dates, document numbers,
   years and list numbering are skipped, and values are read in Vietnamese format
   ("7.447" = 7447, "72,3%" = 72.3, "02" = 2).
3. The words on each side of a number are folded (`extract_patterns.fold`: no diacritics,
   OCR look-alikes) and matched against the phrase table `extract_patterns.RULES`.
4. A number no phrase names inherits the indicator of the total it breaks down ("trong đó:
   …"); a percentage after a count becomes the share the catalogue defines for that count.
5. Tables are read by `tables.read_tables`: indicators named by row labels or column headers,
   periods and breakdowns by the others, "a/b" to numerator and denominator, "/" or blank to `missing`.

It never invents a number: every value is a number printed in its quote, and only
indicators that exist in the catalogue are proposed.
"""
from __future__ import annotations

import csv
import functools
import io
import logging
import re
import sys
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import click

from site_builder.content import periods
from site_builder.editor import phrases as pt
from site_builder.editor.phrases import fold, fold_with_map, phrase

log = logging.getLogger(__name__)

# The columns of datapackages/cchc-figures/figures.schema.yaml (kept here so that the command
# does not import frictionless; a test checks it equals packages.FIGURE_FIELDS).
FIGURE_FIELDS = ("id", "report", "unit", "indicator", "period", "period_start", "period_end", "breakdown",
                 "value", "qualifier", "status", "locator", "quote", "flag", "note_vi", "note_en")
FORMATS = ("csv", "yaml", "text")
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
    qualifier: str  # empty: the editor fills it in where the sentence qualifies the number (trên, khoảng, ước)
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
_NUMBER = re.compile(rf"(?<![\w.,])(?P<a>{_NUM})(?:[ \t]?/[ \t]?(?P<b>{_NUM}))?(?P<c>[ \t]?/[ \t]?\d+)?(?P<pct>[ \t]?%)?")
_SKIP_BEFORE = re.compile(phrase(pt.SKIP_BEFORE).pattern + r"\W*$")
_DATE_BEFORE = re.compile(phrase("(ngay|thang|den|tu|quy|nam)").pattern + r"\W*$")
_MASKS = (phrase("ty le"), phrase("ho so"), phrase("tra loi"))  # OCR words whose letters read as digits ("Ty 18", "ho 50", "tra 101")


def parse_number(text: str) -> float:
    """A number printed in Vietnamese format: "7.447" → 7447, "72,3" → 72.3, "02" → 2."""
    return float(text.replace(".", "").replace(",", "."))


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


def find_numbers(sentence: str) -> list[Number]:
    """The figures printed in a sentence: dates, document numbers, years, levels and list numbering left out."""
    folded, where = fold_with_map(sentence)
    masked = [(where[m.start()], where[m.end() - 1] + 1) for mask in _MASKS for m in mask.finditer(folded)]
    found: list[Number] = []
    for m in _NUMBER.finditer(sentence):
        before, after = sentence[: m.start()], sentence[m.end():]
        if m["c"] or re.match(r"[ \t]?[/\-][ \t]?[^\W\d_]", after):  # a/b/c dates, "76/NQ-CP", "31-CT/TU"
            continue
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
        found.append(Number(m.start(), m.end(), m.group(), parse_number(a),
                            parse_number(b) if b else None, bool(m["pct"]), currency or _currency(after)))
    # Two bare numbers side by side: the first is an OCR'd word ("là" → "14 784", "lời" → "101 02/04").
    return [n for i, n in enumerate(found)
            if not (i + 1 < len(found) and re.fullmatch(r"[ \t]+", sentence[n.end:found[i + 1].start]))]


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
    how: str = "phrase"  # phrase | inherited | share


@dataclass
class _Item:
    number: Number
    noun: str | None
    before: str  # folded sentence text before the number
    hit: _Hit | None = None


def _fits(indicator: str, number: Number, catalogue: Catalogue, value: float | None = None) -> bool:
    """Whether a number can be a value of the indicator: percent sign, money word, whole count."""
    unit = catalogue.units[indicator]
    value = number.value if value is None else value
    if unit in ("percent", "percent_of_plan"):
        return number.percent and (unit == "percent_of_plan" or value <= 100)
    if number.percent:
        return False
    if unit == "vnd":
        return number.currency == "dong"
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


# A clause boundary between a cue and its number counts as this many characters, so that
# "… két qua ban gidy c6 truée han, 01 ho so tré han" reads the 01 with the nearer "tré han".
CLAUSE_PENALTY = 30


def _left_distance(spec: str, left: str) -> tuple[int, int] | None:
    """(characters, ranking distance) from the last cue in `left` to the number, or None."""
    ends = [m.end() for m in phrase(spec).finditer(left)]
    if not ends:
        return None
    gap = left[ends[-1]:]
    chars = len(re.sub(r"\W+$", "", gap))
    return chars, chars + CLAUSE_PENALTY * gap.count(",")


def _right_distance(spec: str, right: str) -> tuple[int, int] | None:
    """(characters, ranking distance) from the number to the first cue in `right`, or None."""
    found = phrase(spec).search(right)
    if not found:
        return None
    gap = right[: found.start()]
    return found.start(), found.start() + CLAUSE_PENALTY * gap.count(",")


NO_CUE = 50  # ranking distance of a rule that names no cue (noun or sentence only): after near cues


def _cue_distance(rule: pt.Rule, left: str, right: str) -> int | None:
    """How far the rule's cues are from the number (for ranking); None when one is missing or too far."""
    distances = []
    for spec, measure, side, limit in ((rule.left, _left_distance, left, rule.left_max),
                                        (rule.right, _right_distance, right, rule.right_max)):
        if spec:
            found = measure(spec, side)
            if found is None or found[0] > limit:
                return None
            distances.append(found[1])
    return min(distances, default=NO_CUE)


def _match(number: Number, left: str, right: str, sentence: str, mode: str, catalogue: Catalogue) -> _Hit | None:
    """The best rule for a number: lowest tier, then nearest cue, then first in the table."""
    best: tuple[tuple[int, int, int], pt.Rule] | None = None
    for order, rule in enumerate(pt.RULES):
        if rule.shape != number.shape or rule.mode not in (mode, "any") or not _fit_all(rule.ids, number, catalogue):
            continue
        if rule.noun and not _noun(rule.noun).match(right):
            continue
        if (rule.sentence and not phrase(rule.sentence).search(sentence)) or (rule.unless and phrase(rule.unless).search(sentence)):
            continue
        distance = _cue_distance(rule, left, right)
        if distance is not None and (best is None or (rule.tier, distance, order) < best[0]):
            best = ((rule.tier, distance, order), rule)
    return _Hit(best[1].ids, best[1].breakdown) if best else None


def _inherited(head: _Item, number: Number, catalogue: Catalogue) -> _Hit | None:
    """A breakdown takes its total's indicator; between a count and a ratio only the numerator carries over."""
    assert head.hit is not None
    ids = head.hit.ids
    if (head.number.denominator is None) != (number.denominator is None):
        ids = ids[:1]
    return _Hit(ids, "", "inherited") if _fit_all(ids, number, catalogue) else None


_BREAKDOWN = phrase(pt.BREAKDOWN_MARKER)
_OPENS_BREAKDOWN = re.compile(r"\W*" + phrase(pt.BREAKDOWN_MARKER).pattern)
_LABEL_LIST = re.compile(r"[^\d:;]{1,45}:")  # "Về trình độ chuyên môn: Đại học 19 người, …"


def _inherit(items: list[_Item], previous: list[_Item], sentence: str, catalogue: Catalogue) -> None:
    """Numbers no phrase names take the indicator of the total they break down, of the same noun."""
    continues = bool(_OPENS_BREAKDOWN.match(sentence) or _LABEL_LIST.match(sentence))
    for i, item in enumerate(items):
        if item.hit or not item.noun or item.number.percent:
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


def _share(items: list[_Item], catalogue: Catalogue) -> None:
    """A percentage after a count ("… 5.386 hồ sơ trực tuyến (chiếm 72,3%)") is that count's share."""
    seen = {i for it in items if it.hit for i in it.hit.ids}
    for k, item in enumerate(items):
        if item.hit or not item.number.percent:
            continue
        for head in reversed(items[:k]):
            if not head.hit or head.number.percent:
                continue
            numerator = head.hit.ids[0]
            denominator = head.hit.ids[1] if head.number.denominator is not None and len(head.hit.ids) == 2 else None
            options = [s for s in catalogue.shares if s[0] == numerator]
            if denominator:
                options = [s for s in options if s[1] in (denominator, None)]
            elif len(options) > 1:
                options = [s for s in options if s[1] is None or s[1] in seen]
            if len(options) == 1 and _fits(options[0][2], item.number, catalogue):
                item.hit = _Hit((options[0][2],), options[0][3], "share")
                break


def _sentence_period(folded: str) -> str:
    m = re.match(r"\W*(?:trong\s+)?n\w{1,3}m\s+(\d{4})\b", folded)
    return m[1] if m else ""


@dataclass
class _Draft:
    """A row before ids are numbered: where it is in the document, and its fields."""

    offset: int
    fields: dict[str, str] = field(default_factory=dict)


def _items(sentence: str, folded: str, mode: str, catalogue: Catalogue) -> list[_Item]:
    """Every figure of a sentence, with the indicator its phrases name (hit None when none does)."""
    numbers = find_numbers(sentence)
    items: list[_Item] = []
    for i, number in enumerate(numbers):
        left = sentence[(numbers[i - 1].end if i else 0): number.start].rsplit(";", 1)[-1]
        # The clause after a number runs to the next figure; a percentage in between is only its share.
        stop = next((n.start for n in numbers[i + 1:] if not n.percent), len(sentence))
        right = fold(sentence[number.end: stop].split(";", 1)[0])
        item = _Item(number, _noun_class(right), fold(sentence[: number.start]))
        item.hit = _match(number, fold(left), right, folded, mode, catalogue)
        items.append(item)
    return items


def _read_prose(text: str, catalogue: Catalogue, line_starts: list[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    previous: list[_Item] = []
    plan_section = False
    target_markers, plan_heading = phrase(pt.TARGET_MARKERS), phrase(pt.PLAN_HEADING)
    for sent in split_sentences(text):
        folded = fold(sent.text)
        bare = sent.text.lstrip("#* \t")
        if _HEADING.match(bare) and len(bare) <= 150:
            if plan_heading.search(folded):
                plan_section = True  # what follows are plans and targets, not results
            elif _TOP_HEADING.match(bare):
                plan_section = False
        mode = "target" if plan_section or target_markers.search(folded) else "actual"
        items = _items(sent.text, folded, mode, catalogue)
        if mode == "actual":  # targets are never inherited nor turned into shares
            _inherit(items, previous, folded, catalogue)
            _share(items, catalogue)
        previous = items
        period, quote = _sentence_period(folded), squash(sent.text)
        for item in items:
            if item.hit:
                offset = sent.start + item.number.start
                locator = f"văn bản gốc, dòng {bisect_right(line_starts, offset)}"
                drafts += _prose_rows(item, catalogue, offset, quote, locator, period)
    return drafts


def _prose_rows(item: _Item, catalogue: Catalogue, offset: int, quote: str, locator: str, period: str) -> list[_Draft]:
    assert item.hit is not None
    number, hit = item.number, item.hit
    pairs: list[tuple[str, float]]
    if number.denominator is not None and len(hit.ids) == 2:
        pairs = [(hit.ids[0], number.value), (hit.ids[1], number.denominator)]
    else:
        pairs = [(i, number.value) for i in hit.ids]
    notes = INHERITED_NOTE if hit.how == "inherited" else ("", "")
    out = []
    for indicator, value in pairs:
        if catalogue.units[indicator] == "million_vnd" and number.currency == "ty":
            log.debug("%s: %s tỷ đồng left out: the value would have to be converted to million", indicator, number.text)
            continue  # never print a number the text does not print
        out.append(_Draft(offset, {"indicator": indicator, "breakdown": hit.breakdown, "value": format_value(value),
                                   "status": "reported", "locator": locator, "quote": quote, "period": period,
                                   "note_vi": notes[0], "note_en": notes[1]}))
    return out


# --------------------------------------------------------------------------- the library entry point


def extract(text: str, catalogue: Catalogue, report: str = "", unit: str = "", period: str = "") -> list[FigureRow]:
    """Propose figure rows for `text`: prose sentences and table rows, in document order.

    `report`, `unit` and `period` fill those columns (empty placeholders when not given); a
    period the text states ("Trong năm 2015, …", a table column "Năm 2019") overrides `period`.
    """
    from site_builder.editor import tables  # tables.py reads numbers with this module's helpers

    start, end = period_bounds(period)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    line_starts = [s for s, _ in _lines(text)]
    drafts = _read_prose(text, catalogue, line_starts) + [
        _Draft(f.offset, {"indicator": f.indicator, "breakdown": f.breakdown, "value": f.value, "status": f.status,
                          "locator": f.locator, "quote": f.quote, "period": f.period}
               | ({"period_start": f.period_start, "period_end": f.period_end} if f.period else {}))
        for f in tables.read_tables(text, catalogue, lambda offset: None)]
    drafts.sort(key=lambda d: d.offset)
    rows = []
    for n, draft in enumerate(drafts, start=1):
        f = draft.fields
        own = f.get("period", "")
        bounds = (f["period_start"], f["period_end"]) if "period_start" in f else period_bounds(own) if own else (start, end)
        rows.append(FigureRow(
            id=f"{report or 'draft'}-{n:03d}", report=report, unit=unit, indicator=f["indicator"],
            period=own or period, period_start=bounds[0], period_end=bounds[1], breakdown=f["breakdown"],
            value=f["value"], qualifier="", status=f["status"], locator=f["locator"], quote=f["quote"],
            note_vi=f.get("note_vi", ""), note_en=f.get("note_en", "")))
    return rows


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


def draft_warnings(rows: list[FigureRow], root: Path) -> list[str]:
    """The consistency checks of `check` (content/consistency.py) on the draft: rows that
    contradict each other or the catalogue's identities, named, before they reach a package."""
    from site_builder.content.consistency import check, draft_facts, relations
    from site_builder.content.load import load_content

    content, _ = load_content(root)  # a broken file elsewhere is `check`'s to report; the indicators that load are used
    found = check(draft_facts(asdict(r) for r in rows), relations(content.indicators), content.indicators, content.breakdowns)
    out = []
    for f in found:
        if f.silenced:
            continue
        name = f"{f.relation.name.vi} / {f.relation.name.en}" if f.relation else "cùng số liệu, khác giá trị / the same figure, different values"
        gap = "chênh lệch do làm tròn / a gap rounding explains" if f.severity == "rounding" else "mâu thuẫn / contradiction"
        out.append(f"warning: {', '.join(r.id for r in f.rows)}: {name}: {f.detail} ({gap}); flag `{f.flag}` with a note, or correct the row")
    return out


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
    rows = extract(text, catalogue, report=report, unit=unit, period=period)
    for line in draft_warnings(rows, root or Path.cwd()):
        click.echo(line, err=True)
    rendered = RENDER[fmt](rows)
    if out:
        out.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    click.echo(f"{len(rows)} figure(s) proposed from {raw}" + (f" into {out}" if out else ""), err=True)
