"""An indicator's rankings as one CSV: every level, every period, every unit, and what was listed
apart with its reason (compute.rankings). The indicator page shows the latest rows of each level;
this file has all of them. Rows are in the page's order (level, period latest first, place), so
two builds of the same data write the same bytes.
"""
from __future__ import annotations

import csv
import io

from site_builder.compute.rankings import Entry, LevelRankings
from site_builder.content.corpus import Corpus

# One file per indicator, national scale ~4 MB each: the indicator, the order (the page says it)
# and the report (the figure id names it) are left out of every row.
COLUMNS = ("level", "period", "rank", "unit", "unit_name_vi", "unit_name_en", "value", "qualifier",
           "previous_period", "previous_value", "change", "rank_change", "listed_apart", "figure_id")


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(round(value, 6))


def _row(corpus: Corpus, lr: LevelRankings, e: Entry, apart: str) -> tuple[str, ...]:
    unit = corpus.units[e.unit]
    return (lr.level.value, e.point.period, "" if e.rank is None else str(e.rank), e.unit,
            unit.name.vi, unit.name.en or "", _num(e.point.value), e.point.qualifier.value,
            e.previous.period if e.previous else "", _num(e.previous.value) if e.previous else "", _num(e.change),
            "" if e.rank_change is None else str(e.rank_change), apart, e.point.figure.id)


def rankings_csv(corpus: Corpus, levels: tuple[LevelRankings, ...]) -> str:
    """The CSV of one indicator's rankings (one file per indicator). `rank` is empty
    where the list is only ordered (a count). `listed_apart` is empty for a ranked or ordered row,
    else why it is not in the order: bound, alone (no other unit of the level for the period) or
    running (a running total)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for lr in levels:
        for r in lr.rankings:
            writer.writerows(_row(corpus, lr, e, "") for e in r.entries)
            writer.writerows(_row(corpus, lr, e, "bound") for e in r.bounds)
        writer.writerows(_row(corpus, lr, e, why.value) for why, e in lr.apart)
    return buf.getvalue()
