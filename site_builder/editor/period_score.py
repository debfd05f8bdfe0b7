"""How well `text_periods.PeriodScope` gives each hand-counted figure its period, without `extract`.

For every expected row (indicator, value, period) the value is looked for where the text prints
it — as 7.447, 7,447 or 7447, 72,3 or 72.3, 07, "3,2 tỷ", or a word ("mười lăm", "không có") —
and `PeriodScope.at` is asked for the period at that place. The search is rough on purpose: it
measures the period reader alone, not the reading of numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.editor.text_periods import PeriodScope

WORDS = {0: ("không có", "khong co", "không", "no"), 1: ("một",), 2: ("hai",), 3: ("ba",), 4: ("bốn",), 5: ("năm",),
         6: ("sáu", "six"), 7: ("bảy",), 8: ("tám",), 9: ("chín",), 10: ("mười",), 15: ("mười lăm",)}
_LETTER = r"a-zà-ỹđ"


def _forms(value: float) -> list[str]:
    """Regular expressions for the ways a text may print `value`."""
    out: list[str] = []
    if value == int(value):
        n = int(value)
        for form in (f"{n:,}".replace(",", "."), f"{n:,}", str(n), f"0{n}" if n < 10 else ""):
            if form:
                out.append(rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)")
        if n >= 10**8:
            billions = f"{n / 1e9:g}"
            out.append(rf"(?<![\d.,]){re.escape(billions.replace('.', ','))}(?=\s*t[ỷy])")
    else:
        text = f"{value:g}"
        padded = f"{value:.2f}" if len(text.split(".")[1]) == 1 else ""
        for form in (text.replace(".", ","), text, padded.replace(".", ","), padded):
            if not form:
                continue
            out.append(rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)")
    for word in WORDS.get(int(value), ()) if value == int(value) else ():
        out.append(rf"(?<![{_LETTER}]){word}(?![{_LETTER}])")
    return out


def printed_at(text: str, value: float, near: int = 0) -> list[int]:
    """Offsets where `value` is printed, those from `near` on first."""
    found: set[int] = set()
    for form in _forms(value):
        found.update(m.start() for m in re.finditer(form, text, flags=re.IGNORECASE))
    ordered = sorted(found)
    return [o for o in ordered if o >= near] + [o for o in ordered if o < near]


@dataclass(frozen=True)
class Outcome:
    """One expected row: where its value was found and the period given there."""

    value: float
    expected: str
    offset: int | None  # None: the value was not found printed
    got: str  # the period at the first place found ('' for none)
    any_right: bool  # some place the value is printed gets the expected period

    @property
    def right(self) -> bool:
        return self.got == self.expected


def measure(text: str, rows: list[tuple[float, str, str]]) -> list[Outcome]:
    """For each (value, expected period, sentence or '') the period `PeriodScope` gives where the
    value is printed (in its sentence when the sentence is known and found)."""
    scope = PeriodScope(text)
    out: list[Outcome] = []
    for value, expected, sentence in rows:
        near = text.find(sentence[:40]) if sentence else -1
        places = printed_at(text, value, max(near, 0))
        if not places:
            out.append(Outcome(value, expected, None, "", False))
            continue
        got = [(scope.at(o) or ("",))[0] for o in places]
        out.append(Outcome(value, expected, places[0], got[0], expected in got))
    return out
