"""Do a report's figures agree with each other? Checks made from what the indicator catalogue declares.

Input: figures (rows of a package, or a draft `extract` has not yet put in one) and the
indicators and breakdown dimensions. Output: `Finding`s, each naming every row involved, the
relation broken, the arithmetic, and the flag that would say so on the site.

What is checked, for the figures of one unit, period and breakdown:
- the same indicator given twice with different values;
- each identity an indicator declares (content/indicators/*.yaml `identities`): a sum of parts,
  at most another indicator, the parts of a breakdown at most the total;
- each share against its formula (numerator ÷ denominator, × 100 for a percent);
- shares of the parts of a sum, which add up to 100% (implied: the catalogue declares the sum
  and the shares' formulas, not this).

Rounding: a published number stands for any value within half a unit of its last printed digit
(77,3% is 77,25–77,35). A difference that those half-units can explain is rounding, reported
apart from a contradiction and flagged `rounding`, which the site shows quietly; a count printed
as a whole number is exact (a dossier is not rounded). Figures with a qualifier ("trên",
"khoảng", "ước") or without a value are left out: they bound no arithmetic.

A finding is silenced by a flag on one of its rows: a contradiction by `inconsistent` or
`ocr_uncertain` (whose note says what is wrong), a rounding gap by those or `rounding`.
"""
from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Iterable, Mapping, Sequence

from site_builder.content import breakdowns
from site_builder.content.model import Dimension, Indicator, Text

__all__ = ["Fact", "Finding", "Relation", "check", "draft_facts", "relations", "half_unit", "share_bounds", "SILENCES"]

CONTRADICTION = "contradiction"
ROUNDING = "rounding"
SILENCES = {CONTRADICTION: frozenset({"inconsistent", "ocr_uncertain"}), ROUNDING: frozenset({"inconsistent", "ocr_uncertain", "rounding"})}
COMBINATIONS = 64  # values tried per relation when an indicator is given several times over (each duplicate is reported apart)
EPSILON = 1e-9


@dataclass(frozen=True)
class Fact:
    """A figure as the checks need it: a value as printed, where it applies, its flag."""

    id: str
    unit: str
    indicator: str
    period: str
    breakdown: str
    value: float
    printed: str  # the value as written in the row ("77.3"): its last digit says how it was rounded
    flag: str = ""


@dataclass(frozen=True)
class Relation:
    """An identity between indicators, with its name in both languages.

    kind: sum (whole = Σ terms), at_most (subject ≤ whole), share (subject = terms[0] ÷ terms[1] × scale),
    shares (Σ terms = 100, implied by a sum and the shares of its parts) or parts (a breakdown ≤ the total).
    """

    kind: str
    subject: str  # the indicator declaring it (the whole of a sum, the smaller of at_most, the share)
    terms: tuple[str, ...]
    name: Text
    unless: tuple[str, ...] = ()
    scale: float = 1.0


@dataclass(frozen=True)
class Finding:
    """Figures that do not agree: which, why, and whether a flag already says so."""

    kind: str  # duplicate | sum | at_most | share | shares | parts
    severity: str  # contradiction | rounding
    rows: tuple[Fact, ...]  # every row involved, the one to place the finding on first
    detail: str  # the arithmetic, e.g. "14283 + 26 = 14309, not 14322"
    relation: Relation | None = None

    @property
    def silenced(self) -> bool:
        return any(f.flag in SILENCES[self.severity] for f in self.rows)

    @property
    def flag(self) -> str:
        """The flag that would say so on the site."""
        return "rounding" if self.severity == ROUNDING else "inconsistent"


@functools.lru_cache(maxsize=4096)
def half_unit(printed: str, unit: str) -> float:
    """Half a unit of the last printed digit: what rounding may hide. Zero for a whole count."""
    text = printed.strip().lower()
    if "e" in text or not text:
        return 0.0
    decimals = len(text.partition(".")[2])
    if decimals == 0 and unit == "count":
        return 0.0
    return 0.5 * 10.0 ** -decimals


def share_bounds(num: float, h_num: float, den: float, h_den: float, scale: float) -> tuple[float, float]:
    """Where numerator ÷ denominator × scale lies when each was rounded by its half-unit."""
    return (num - h_num) / (den + h_den) * scale, (num + h_num) / (den - h_den) * scale if den - h_den > 0 else math.inf


def relations(indicators: Mapping[str, Indicator]) -> tuple[Relation, ...]:
    """Every relation the catalogue declares, and the shares-add-to-100 its sums imply."""
    out: list[Relation] = []
    share_of: dict[tuple[str, str], Indicator] = {}  # (part, whole) -> the percent share of it
    for ind in indicators.values():
        if ind.formula:
            scale = 100.0 if ind.unit.value == "percent" else 1.0
            name = Text(vi=f"{ind.name.vi} = {_name(indicators, ind.formula.numerator, 'vi')} ÷ {_name(indicators, ind.formula.denominator, 'vi')}",
                        en=f"{ind.name.en or ind.name.vi} = {_name(indicators, ind.formula.numerator, 'en')} ÷ {_name(indicators, ind.formula.denominator, 'en')}")
            out.append(Relation("share", ind.id, (ind.formula.numerator, ind.formula.denominator), name, scale=scale))
            if ind.unit.value == "percent":
                share_of[(ind.formula.numerator, ind.formula.denominator)] = ind
        for ident in ind.identities:
            if ident.sum:
                out.append(Relation("sum", ind.id, tuple(ident.sum), ident.name, unless=tuple(ident.unless)))
            elif ident.at_most:
                out.append(Relation("at_most", ind.id, (ident.at_most,), ident.name))
            elif ident.parts:
                out.append(Relation("parts", ind.id, (), ident.name))
    for rel in list(out):
        shares = [share_of.get((part, rel.subject)) for part in rel.terms] if rel.kind == "sum" else []
        if shares and all(s is not None for s in shares):
            named = [s for s in shares if s is not None]
            name = Text(vi=" + ".join(s.name.vi for s in named) + " = 100%",
                        en=" + ".join(s.name.en or s.name.vi for s in named) + " = 100%")
            unless = tuple(s.id for u in rel.unless for s in [share_of.get((u, rel.subject))] if s is not None)
            out.append(Relation("shares", named[0].id, tuple(s.id for s in named), name, unless=unless))
    return tuple(out)


def _name(indicators: Mapping[str, Indicator], iid: str, lang: str) -> str:
    ind = indicators.get(iid)
    if ind is None:
        return iid
    return ind.name.vi if lang == "vi" else (ind.name.en or ind.name.vi)


def check(facts: Iterable[Fact], rels: Sequence[Relation], indicators: Mapping[str, Indicator],
          dimensions: Mapping[str, Dimension] | None = None) -> list[Finding]:
    """Every disagreement among `facts`, silenced or not, in a stable order."""
    units = {iid: ind.unit.value for iid, ind in indicators.items()}
    groups: dict[tuple[str, str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in facts:
        groups[(f.unit, f.period, f.breakdown)][f.indicator].append(f)
    # a relation is looked at only in groups holding its subject (every kind needs it): at national
    # scale a group holds a few of the catalogue's indicators, and most relations have nothing to say
    by_subject: dict[str, list[Relation]] = defaultdict(list)
    for rel in rels:
        if rel.kind != "parts":
            by_subject[rel.subject].append(rel)
    out: list[Finding] = []
    for key in sorted(groups):
        group = groups[key]
        if len(group) == 1 and len(next(iter(group.values()))) == 1:
            continue  # one figure alone agrees with itself (its breakdown's parts are _parts' business)
        for iid in sorted(group):
            out += _duplicates(group[iid], units.get(iid, ""))
        for rel in (r for iid in sorted(group) for r in by_subject.get(iid, ())):
            if rel.kind == "sum":
                out += _sum(rel, group, units)
            elif rel.kind == "shares":
                out += _shares(rel, group, units)
            elif rel.kind == "at_most":
                out += _at_most(rel, group, units)
            elif rel.kind == "share":
                out += _share(rel, group, units)
    parts = [rel for rel in rels if rel.kind == "parts"]
    if parts:
        out += _parts(parts, groups, units, dimensions or {})
    return _once(out)


def _once(found: list[Finding]) -> list[Finding]:
    """One finding per arithmetic: two identities can see the same gap (on time > resolved is
    both the partial sum early + on time + late and on time + late, early absent)."""
    seen: set[tuple[str, str, frozenset[str]]] = set()
    out = []
    for f in found:
        key = (f.kind, f.detail, frozenset(r.id for r in f.rows))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _distinct(facts: Sequence[Fact]) -> list[Fact]:
    """One row per value: a number the report states twice is checked once."""
    if len(facts) == 1:
        return list(facts)
    seen: dict[float, Fact] = {}
    for f in facts:
        seen.setdefault(f.value, f)
    return list(seen.values())


def _shown(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if not float(x).is_integer() else str(int(x))


def _duplicates(facts: list[Fact], unit: str) -> list[Finding]:
    values = _distinct(facts)
    if len(values) < 2:
        return []
    lo, hi = min(values, key=lambda f: f.value), max(values, key=lambda f: f.value)
    gap = hi.value - lo.value
    tol = half_unit(lo.printed, unit) + half_unit(hi.printed, unit)
    severity = ROUNDING if gap <= tol + EPSILON else CONTRADICTION
    rows = tuple(sorted(facts, key=lambda f: f.id, reverse=True))
    detail = " vs ".join(f"{f.printed} ({f.id})" for f in sorted(values, key=lambda f: f.id))
    return [Finding("duplicate", severity, rows, detail)]


def _combos(lists: Sequence[list[Fact]]) -> Iterable[tuple[Fact, ...]]:
    return itertools.islice(itertools.product(*lists), COMBINATIONS)


def _verdict(gaps: list[tuple[float, float]]) -> str | None:
    """None when some combination holds exactly; rounding when the best gap is within its tolerance."""
    if any(gap <= EPSILON for gap, _ in gaps):
        return None
    if any(gap <= tol + EPSILON for gap, tol in gaps):
        return ROUNDING
    return CONTRADICTION


def _rows(*lists: Sequence[Fact]) -> tuple[Fact, ...]:
    seen: dict[str, Fact] = {}
    for lst in lists:
        for f in lst:
            seen.setdefault(f.id, f)
    return tuple(seen.values())


def _sum(rel: Relation, group: Mapping[str, list[Fact]], units: Mapping[str, str]) -> list[Finding]:
    whole = group.get(rel.subject)
    if not whole or any(u in group for u in rel.unless):
        return []
    parts = [(t, _distinct(group[t])) for t in rel.terms if t in group]
    if not parts:
        return []
    complete = len(parts) == len(rel.terms)
    gaps: list[tuple[float, float]] = []
    for combo in _combos([_distinct(whole)] + [p for _, p in parts]):
        w, *ps = combo
        total = sum(p.value for p in ps)
        tol = half_unit(w.printed, units.get(w.indicator, "")) + sum(half_unit(p.printed, units.get(p.indicator, "")) for p in ps)
        gaps.append((abs(total - w.value) if complete else max(0.0, total - w.value), tol))
    verdict = _verdict(gaps)
    if verdict is None:
        return []
    first = [p[0] for _, p in parts]
    total = sum(f.value for f in first)
    said = " + ".join(f"{f.printed} ({f.indicator})" for f in first) + (f" = {_shown(total)}" if len(first) > 1 else "")
    detail = f"{said} {'≠' if complete else '>'} {whole[0].printed} ({rel.subject})"
    return [Finding("sum", verdict, _rows(whole, *[p for _, p in parts]), detail, rel)]


def _shares(rel: Relation, group: Mapping[str, list[Fact]], units: Mapping[str, str]) -> list[Finding]:
    if any(t not in group for t in rel.terms) or any(u in group for u in rel.unless):
        return []
    lists = [_distinct(group[t]) for t in rel.terms]
    gaps = [(abs(sum(f.value for f in combo) - 100.0), sum(half_unit(f.printed, "percent") for f in combo)) for combo in _combos(lists)]
    verdict = _verdict(gaps)
    if verdict is None:
        return []
    first = [lst[0] for lst in lists]
    detail = " + ".join(f"{f.printed} ({f.indicator})" for f in first) + f" = {_shown(sum(f.value for f in first))}, not 100"
    return [Finding("shares", verdict, _rows(*lists), detail, rel)]


def _at_most(rel: Relation, group: Mapping[str, list[Fact]], units: Mapping[str, str]) -> list[Finding]:
    small, big = group.get(rel.subject), group.get(rel.terms[0])
    if not small or not big:
        return []
    gaps = [(max(0.0, s.value - b.value), half_unit(s.printed, units.get(s.indicator, "")) + half_unit(b.printed, units.get(b.indicator, "")))
            for s, b in _combos([_distinct(small), _distinct(big)])]
    verdict = _verdict(gaps)
    if verdict is None:
        return []
    detail = f"{small[0].printed} ({rel.subject}) > {big[0].printed} ({rel.terms[0]})"
    return [Finding("at_most", verdict, _rows(small, big), detail, rel)]


def _share(rel: Relation, group: Mapping[str, list[Fact]], units: Mapping[str, str]) -> list[Finding]:
    """A published share against its formula; rounding is no finding here, since the site shows the
    published share and marks nothing a reader could see."""
    share, num, den = group.get(rel.subject), group.get(rel.terms[0]), group.get(rel.terms[1])
    if not share or not num or not den:
        return []
    best: tuple[float, float, Fact, Fact, Fact] | None = None
    for s, n, d in _combos([_distinct(share), _distinct(num), _distinct(den)]):
        hn = half_unit(n.printed, units.get(n.indicator, ""))
        hd = half_unit(d.printed, units.get(d.indicator, ""))
        hs = half_unit(s.printed, units.get(s.indicator, ""))
        if d.value - hd <= 0:
            return []  # a share of nothing: no number to compare with
        lo, hi = share_bounds(n.value, hn, d.value, hd, rel.scale)
        gap = max(0.0, lo - (s.value + hs), (s.value - hs) - hi)
        if gap <= EPSILON:
            return []
        if best is None or gap < best[0]:
            best = (gap, n.value / d.value * rel.scale, s, n, d)
    if best is None:
        return []
    _, exact, s, n, d = best
    detail = f"{n.printed} ÷ {d.printed}{' × 100' if rel.scale == 100 else ''} = {_shown(round(exact, 4))}, published {s.printed}"
    return [Finding("share", CONTRADICTION, _rows(share, num, den), detail, rel)]


@functools.lru_cache(maxsize=4096)
def _pairs(breakdown: str) -> frozenset[tuple[str, str]]:
    return frozenset(breakdowns.parse(breakdown))


def _parts(rels: list[Relation], groups: Mapping[tuple[str, str, str], Mapping[str, list[Fact]]],
           units: Mapping[str, str], dimensions: Mapping[str, Dimension]) -> list[Finding]:
    """A breakdown's figure at most the figure without it; the values of one dimension together at most it."""
    declared = {rel.subject: rel for rel in rels}
    by_whole: dict[tuple[str, str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for (unit, period, breakdown), group in groups.items():
        for iid, facts in group.items():
            if iid in declared:
                by_whole[(unit, period, iid)][breakdown] += facts
    out: list[Finding] = []
    for (unit, period, iid), by_breakdown in sorted(by_whole.items()):
        rel = declared[iid]
        if len(by_breakdown) < 2:
            continue
        unit_kind = units.get(iid, "")
        for whole_code, whole in sorted(by_breakdown.items()):
            outer = _pairs(whole_code)
            # the parts one pair finer than this whole, by the dimension they add
            finer: dict[str, list[tuple[str, list[Fact]]]] = defaultdict(list)
            for code, facts in sorted(by_breakdown.items()):
                pairs = _pairs(code)
                if outer < pairs and len(pairs - outer) == 1:
                    (dim, _), = pairs - outer
                    finer[dim].append((code, facts))
            for dim, parts in sorted(finer.items()):
                for code, facts in parts:
                    out += _part_at_most(rel, whole, facts, unit_kind)
                overlapping = dimensions.get(dim).overlapping if dim in dimensions else True  # type: ignore[union-attr]
                if len(parts) > 1 and not overlapping:
                    out += _parts_sum(rel, whole, [facts for _, facts in parts], unit_kind)
    return out


def _part_at_most(rel: Relation, whole: list[Fact], part: list[Fact], unit: str) -> list[Finding]:
    gaps = [(max(0.0, p.value - w.value), half_unit(p.printed, unit) + half_unit(w.printed, unit)) for p, w in _combos([_distinct(part), _distinct(whole)])]
    verdict = _verdict(gaps)
    if verdict is None:
        return []
    detail = f"{part[0].printed} ({part[0].breakdown}) > {whole[0].printed} ({whole[0].breakdown or 'total'})"
    return [Finding("parts", verdict, _rows(part, whole), detail, rel)]


def _parts_sum(rel: Relation, whole: list[Fact], parts: list[list[Fact]], unit: str) -> list[Finding]:
    lists = [_distinct(whole)] + [_distinct(p) for p in parts]
    gaps = []
    for w, *ps in _combos(lists):
        gaps.append((max(0.0, sum(p.value for p in ps) - w.value), half_unit(w.printed, unit) + sum(half_unit(p.printed, unit) for p in ps)))
    verdict = _verdict(gaps)
    if verdict is None:
        return []
    first = [p[0] for p in parts]
    detail = " + ".join(f"{f.printed} ({f.breakdown})" for f in first) + f" = {_shown(sum(f.value for f in first))} > {whole[0].printed} ({whole[0].breakdown or 'total'})"
    return [Finding("parts", verdict, _rows(whole, *parts), detail, rel)]


def printed(value: float | None) -> str:
    """A value as a row would print it, for figures made without their text (tests, drafts)."""
    if value is None or not math.isfinite(value):
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def draft_facts(rows: Iterable[Mapping[str, str]]) -> list[Fact]:
    """Rows not yet in a package (a draft of `extract`, columns of the figures schema as text)
    as facts: those with a number, reported, unqualified; a cell that is no number is left out."""
    out = []
    for row in rows:
        text = (row.get("value") or "").strip()
        if not text or row.get("status", "reported") != "reported" or (row.get("qualifier") or "").strip():
            continue
        try:
            value = float(text)
        except ValueError:
            continue
        if math.isfinite(value):
            out.append(Fact(row.get("id", ""), row.get("unit", ""), row.get("indicator", ""), row.get("period", ""), row.get("breakdown", ""),
                            value, text, row.get("flag", "")))
    return out

