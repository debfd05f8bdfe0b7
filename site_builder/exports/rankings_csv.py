"""An indicator's rankings as one CSV: every level, every period, every unit, and what was listed
apart with its reason (compute.rankings). The indicator page shows the latest rows of each level;
this file has all of them. Rows are in the page's order (level, period latest first, place), so
two builds of the same data write the same bytes.
"""
from __future__ import annotations

import csv
import io

from site_builder.compute.rankings import Entry, LevelRankings, Order
from site_builder.content.corpus import Corpus

COLUMNS = ("indicator", "level", "period", "order", "rank", "unit", "unit_name_vi", "unit_name_en", "value", "qualifier",
           "previous_period", "previous_value", "change", "rank_change", "listed_apart", "figure_id", "report")


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(round(value, 6))


def _row(corpus: Corpus, iid: str, lr: LevelRankings, order: Order, e: Entry, apart: str) -> tuple[str, ...]:
    unit = corpus.units[e.unit]
    return (iid, lr.level.value, e.point.period, order.value, "" if e.rank is None else str(e.rank), e.unit,
            unit.name.vi, unit.name.en or "", _num(e.point.value), e.point.qualifier.value,
            e.previous.period if e.previous else "", _num(e.previous.value) if e.previous else "", _num(e.change),
            "" if e.rank_change is None else str(e.rank_change), apart, e.point.figure.id, e.point.figure.report)


def rankings_csv(corpus: Corpus, iid: str, levels: tuple[LevelRankings, ...]) -> str:
    """The CSV of one indicator's rankings. `listed_apart` is empty for a ranked or ordered row,
    else why it is not in the order: bound, alone (no other unit of the level for the period) or
    running (a running total)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for lr in levels:
        for r in lr.rankings:
            writer.writerows(_row(corpus, iid, lr, lr.order, e, "") for e in r.entries)
            writer.writerows(_row(corpus, iid, lr, lr.order, e, "bound") for e in r.bounds)
        writer.writerows(_row(corpus, iid, lr, lr.order, e, why.value) for why, e in lr.apart)
    return buf.getvalue()
