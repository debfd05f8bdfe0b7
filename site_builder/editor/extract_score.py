"""How well `extract` reads a text, against rows counted by hand.

A hand count is a list of expected rows (indicator, period, breakdown, value, qualifier) in the
columns of the cchc-figures package. An indicator the catalogue lacks is written `new:<id>`
(a proposal); it is compared as `<id>`, so it counts as found once the catalogue has it and
`extract` proposes it.

What is measured on (indicator, value, period), each compared by what it means rather than how it is
spelled: a period by the days it covers ("2024-01-01/2024-09-30" is "2024-9M"), and a figure the catalogue
files under two names by one of them (`SAME_FIGURE`: the share of dissatisfied ratings is the
dissatisfaction rate):

- recall: expected rows that some proposal matches, one proposal per expected row;
- precision: reported proposals that match an expected row;
- other_period: proposals with an expected indicator and value but not the period the text
  gives (a period not read counts here, not as wrong);
- wrong: reported proposals that give a figure the text states a different way, either a
  different value for an expected (indicator, period, breakdown), or an expected value and
  period under another indicator (the "đúng hạn và trước hạn" read as early-only kind).

What an editor is shown of a figure `extract` missed (`left_out`): a row proposed with its value (under
another indicator or period, to correct) or the number listed as unread (unread.py); a figure neither
shows is one the editor can only find by reading the whole text again.

Used by tests/site_builder/editor/test_extract_corpus.py (the own-words corpus) and
benchmarks/extract_real.py (real pages kept outside the repository).
"""
from __future__ import annotations

import csv
import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from site_builder.content import periods
from site_builder.editor.extract import FigureRow
from site_builder.editor.unread import Unread, as_proposed

EXPECTED_FIELDS = ("indicator", "period", "breakdown", "value", "qualifier")
NEW_PREFIX = "new:"

Key = tuple[str, float, str]  # (indicator, value, period)
# (indicator, breakdown) -> the (indicator, breakdown) the same figure is compared as.
SAME_FIGURE: dict[tuple[str, str], tuple[str, str]] = {("share-rating", "rating=dissatisfied"): ("dissatisfaction-rate", "")}


@lru_cache(maxsize=None)
def same_period(code: str) -> str:
    """The code that names exactly the days `code` covers (periods.suggest), or `code` when it names none."""
    parsed = periods.parse(code) if code else None
    if parsed is None:
        return code
    spans = periods.bounds(parsed)
    return periods.suggest(*spans[0])  # the calendar's days (the first span bounds() allows)


def _figure(indicator: str, breakdown: str) -> tuple[str, str]:
    return SAME_FIGURE.get((indicator, breakdown), (indicator, breakdown))


@dataclass(frozen=True)
class Expected:
    """One figure a text prints, as counted by hand."""

    indicator: str
    period: str
    breakdown: str
    value: float
    qualifier: str = ""

    @property
    def catalogue_id(self) -> str:
        """The indicator id without the `new:` mark of a proposed indicator."""
        return self.indicator.removeprefix(NEW_PREFIX)

    @property
    def proposed_indicator(self) -> bool:
        return self.indicator.startswith(NEW_PREFIX)

    @property
    def key(self) -> Key:
        return (_figure(self.catalogue_id, self.breakdown)[0], _number(self.value), same_period(self.period))

    def without_period(self) -> Expected:
        return Expected(self.indicator, "", self.breakdown, self.value, self.qualifier)


@dataclass
class Score:
    """The result of comparing one text's proposals with its hand count."""

    expected: int
    proposed: int
    found: int
    missed: list[Expected] = field(default_factory=list)
    wrong: list[tuple[FigureRow, str]] = field(default_factory=list)  # (proposal, why)
    other_period: list[FigureRow] = field(default_factory=list)  # right indicator and value, period not the text's
    extra: list[FigureRow] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.proposed if self.proposed else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.expected + other.expected, self.proposed + other.proposed, self.found + other.found,
                     self.missed + other.missed, self.wrong + other.wrong, self.other_period + other.other_period,
                     self.extra + other.extra)


def _number(value: float) -> float:
    return round(float(value), 6)


def read_expected(path: Path) -> list[Expected]:
    """Expected rows from a CSV with the header `EXPECTED_FIELDS`."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != EXPECTED_FIELDS:
            raise ValueError(f"{path}: header must be {','.join(EXPECTED_FIELDS)}")
        return [Expected(r["indicator"], r["period"], r["breakdown"], float(r["value"]), r["qualifier"]) for r in reader]


def _proposal_key(row: FigureRow) -> Key:
    return (_figure(row.indicator, row.breakdown)[0], _number(float(row.value)), same_period(row.period))


def score(expected: Sequence[Expected], rows: Iterable[FigureRow], with_period: bool = True) -> Score:
    """Compare the reported proposals `rows` with the hand count `expected`.

    With `with_period=False` periods are left out of the comparison: the recall of
    (indicator, value) alone, to tell a figure not read from a period not read.
    """
    proposals = [r for r in rows if r.status == "reported" and r.value != ""]
    if not with_period:
        expected = [e.without_period() for e in expected]
        proposals = [dataclasses.replace(r, period="") for r in proposals]
    wanted = Counter(e.key for e in expected)
    unmatched_expected = Counter(wanted)
    unmatched: list[FigureRow] = []
    for row in proposals:
        key = _proposal_key(row)
        if unmatched_expected[key] > 0:
            unmatched_expected[key] -= 1
        else:
            unmatched.append(row)
    found = sum(wanted.values()) - sum(unmatched_expected.values())
    missed: list[Expected] = []
    left = Counter(unmatched_expected)
    for e in expected:
        if left[e.key] > 0:
            missed.append(e)
            left[e.key] -= 1
    slots = {(*_figure(e.catalogue_id, e.breakdown), same_period(e.period)): e for e in expected}
    values = {(_number(e.value), same_period(e.period)): e for e in expected}
    pairs = {(_figure(e.catalogue_id, e.breakdown)[0], _number(e.value)) for e in expected}
    result = Score(expected=len(expected), proposed=len(proposals), found=found, missed=missed)
    for row in unmatched:
        figure, period = _figure(row.indicator, row.breakdown), same_period(row.period)
        slot = slots.get((*figure, period))
        same_value = values.get((_number(float(row.value)), period))
        if slot is not None and _number(slot.value) != _number(float(row.value)):
            result.wrong.append((row, f"{slot.indicator} {row.period} {row.breakdown or '(total)'} is {slot.value:g}, not {row.value}"))
        elif same_value is not None and _figure(same_value.catalogue_id, same_value.breakdown)[0] != figure[0]:
            result.wrong.append((row, f"{row.value} ({row.period}) is {same_value.indicator}, not {row.indicator}"))
        elif (figure[0], _number(float(row.value))) in pairs:
            result.other_period.append(row)
        else:
            result.extra.append(row)
    return result


def left_out(expected: Sequence[Expected], rows: Iterable[FigureRow], unread: Iterable[Unread]) -> list[Expected]:
    """The expected rows an editor is not shown at all: no proposal carries the value and no number listed as
    unread is it (in đồng when printed in thousand, million or billion đồng)."""
    shown = {_number(float(r.value)) for r in rows if r.value != ""}
    shown |= {v for u in unread for v in as_proposed(u.value)}
    return [e for e in expected if _number(e.value) not in shown]
