"""A unit's figures by topic (dossiers, online services, satisfaction, …): the sections of its page.

Input: the figures a unit's page shows (derive.unit_figures). Output: one `TopicSection` per topic
that has figures, in the order of `model.Topic`, each a grid (compute.grid) over only the periods
that topic has, and the cells where the documents give two different numbers, so that the page
can say so where they stand.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from site_builder.compute.grid import Grid, figure_grid
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.model import Topic


@dataclass(frozen=True)
class Conflict:
    """One cell of a grid holding two or more different numbers for the same thing."""

    number: int  # 1, 2, … within the page: the cell's mark links to the note of this number
    indicator: str
    breakdown: str
    unit: str
    period: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class TopicSection:
    topic: Topic
    grid: Grid
    conflicts: tuple[Conflict, ...]
    conflict_of: dict[str, int]  # figure id -> its conflict's number, for the cell's mark
    row_ids: tuple[str, ...]  # per grid row, its anchor: a search hit or a link lands on the row


def row_id(indicator: str, breakdown: str, unit: str, here: str) -> str:
    """A grid row's anchor: 'row-dossiers-resolved', '-level-district' for a breakdown, '--<unit>'
    for a row about another unit than the page's."""
    out = f"row-{indicator}"
    if breakdown:
        out += "-" + re.sub(r"[^a-z0-9]+", "-", breakdown.lower()).strip("-")
    return out + (f"--{unit}" if unit != here else "")


def topic_sections(corpus: Corpus, figures: Iterable[Figure], here: str = "") -> tuple[TopicSection, ...]:
    """The figures grouped by their indicator's topic; conflicts numbered across the page. `here`
    is the page's unit (rows about it carry no unit in their anchor)."""
    by_topic: dict[Topic, list[Figure]] = defaultdict(list)
    for f in figures:
        by_topic[corpus.indicators[f.indicator].topic].append(f)
    out = []
    number = 0
    for topic in Topic:
        if topic not in by_topic:
            continue
        grid = figure_grid(by_topic[topic])
        conflicts = []
        for row in grid.rows:
            for period, cell in zip(grid.periods, row.cells):
                if len({f.value for f in cell if f.status == "reported"}) > 1:
                    number += 1
                    conflicts.append(Conflict(number, row.indicator, row.breakdown, row.unit, period, cell))
        out.append(TopicSection(topic, grid, tuple(conflicts), {f.id: c.number for c in conflicts for f in c.figures},
                                tuple(row_id(r.indicator, r.breakdown, r.unit, here) for r in grid.rows)))
    return tuple(out)
