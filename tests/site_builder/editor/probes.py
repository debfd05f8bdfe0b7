"""The harness the probe sets share (test_extract_probe*.py): a probe, its hand count and traps, and its score.

A probe is a short text in our own words reproducing one real page's way of writing, with the rows a careful
editor would write (indicator, period, breakdown, value, qualifier), the printed numbers that are no figure of
the report's own unit (`traps`), or `nothing` when no row at all is right. Rows `extract` gives to another unit
named in the clause (its `unit` set, with a note) are left out of the score.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder.content import periods
from site_builder.editor import extract as ex
from site_builder.editor.extract_score import Expected, Score, score
from site_builder.editor.phrases import fold

ROOT = Path(__file__).resolve().parents[3]
TARGET_RECALL = 0.95
# A word after a number that says its magnitude ("4,5 ngàn", "1,2 triệu", "9,6 tỷ đồng"), read independently of extract.
SCALE = {"trieu": 1e6, "nghin": 1e3, "ngan": 1e3, "ty": 1e9}

Result = tuple["Probe", Score, list[str]]


@dataclass(frozen=True)
class Probe:
    name: str
    text: str
    expected: tuple[Expected, ...]
    traps: tuple[float, ...] = ()
    nothing: bool = False


def rows(*specs: tuple[str, str, str, float] | tuple[str, str, str, float, str]) -> tuple[Expected, ...]:
    return tuple(Expected(s[0], s[1], s[2], float(s[3]), s[4] if len(s) > 4 else "") for s in specs)  # type: ignore[misc]


def catalogue() -> ex.Catalogue:
    return ex.load_catalogue(ROOT / "content" / "indicators")


def probe_score(probe: Probe, cat: ex.Catalogue, inherited_parts: bool = False) -> tuple[Score, list[str]]:
    """The probe's score on the own unit's rows, and its wrong values: the scorer's, a trap proposed, any row of
    `nothing`. With `inherited_parts`, a part carried over from its total with the note that its breakdown is to be
    filled ("trong đó lĩnh vực hộ tịch 612 hồ sơ": by design, test_extract's
    test_a_part_of_a_total_named_by_a_field_…) is no second value of the total."""
    own = [r for r in ex.extract(probe.text, cat, report=probe.name) if r.unit == "" and r.status == "reported"]
    s = score(probe.expected, own)
    wrong = [why for r, why in s.wrong if not (inherited_parts and r.note_en == ex.INHERITED_NOTE[1])]
    for r in s.extra + s.other_period:
        if probe.nothing:
            wrong.append(f"{r.indicator} {r.value} ({r.period}): the text has no figure the catalogue has")
        elif float(r.value) in probe.traps:
            wrong.append(f"{r.indicator} {r.value} ({r.period}): a number that is no figure of the report's own unit")
    return s, wrong


def run(probes: Iterable[Probe], cat: ex.Catalogue, title: str, inherited_parts: bool = False) -> list[Result]:
    """Score every probe and print the set's line and each probe's (seen with `pytest -s`)."""
    out = [(p, *probe_score(p, cat, inherited_parts)) for p in probes]
    found = sum(s.found for _, s, _ in out)
    expected = sum(s.expected for _, s, _ in out)
    print(f"\nextract on {title}: {found}/{expected} ({found / expected:.1%}), {sum(len(w) for _, _, w in out)} wrong")
    for p, s, w in out:
        print(f"  {p.name}: {s.found}/{s.expected}, wrong {len(w)}", *(f"\n    missed {e}" for e in s.missed),
              *(f"\n    WRONG {why}" for why in w))
    return out


def printed_numbers(text: str, worded: Iterable[float] = ()) -> set[float]:
    """Every number the text prints, in Vietnamese format and as an English edition prints it ("89.7"), scaled by
    a magnitude word after it, and the `worded` values the probes write in words."""
    out = set(worded)
    for m in re.finditer(r"(\d+(?:[.,]\d+)*)(?=\s*(\w*))", text):  # the word only looked at: "187 205" are two
        digits, word = m[1], fold(m[2])
        value = float(digits.replace(".", "").replace(",", "."))
        out.add(value)
        if digits.count(".") == 1 and "," not in digits:
            out.add(float(digits))  # "89.7"
        if word in SCALE:
            out.add(round(value * SCALE[word], 6))
    return out


def assert_rows_fit(probes: Iterable[Probe], cat: ex.Catalogue, worded: Iterable[float] = ()) -> None:
    """Every expected row names a catalogue indicator and a period code, and its value is printed in the text."""
    for probe in probes:
        numbers = printed_numbers(probe.text, worded)
        for e in probe.expected:
            assert e.indicator in cat, (probe.name, e)
            assert periods.parse(e.period) is not None, (probe.name, e)
            assert e.value in numbers, (probe.name, e)
        assert probe.expected or probe.nothing, probe.name


def assert_recall(results: list[Result]) -> None:
    found = sum(s.found for _, s, _ in results)
    expected = sum(s.expected for _, s, _ in results)
    missed = [(p.name, e.indicator, e.value, e.period) for p, s, _ in results for e in s.missed]
    assert found / expected >= TARGET_RECALL, missed


def assert_no_wrong_value(results: list[Result]) -> None:
    wrong = [(p.name, why) for p, _, w in results for why in w]
    assert not wrong, wrong
