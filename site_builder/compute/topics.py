"""A unit's figures by topic (dossiers, online services, satisfaction, …): the sections of its page.

Input: the figures a unit's page shows (derive.unit_figures). Output: one `TopicSection` per topic
that has figures, in the order of `model.Topic`, each a grid (compute.grid) over only the periods
that topic has, and the cells where the documents give two different numbers, so that the page
can say so where they stand.
"""
from __future__ import annotations

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


def topic_sections(corpus: Corpus, figures: Iterable[Figure]) -> tuple[TopicSection, ...]:
    """The figures grouped by their indicator's topic; conflicts numbered across the page."""
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
        out.append(TopicSection(topic, grid, tuple(conflicts), {f.id: c.number for c in conflicts for f in c.figures}))
    return tuple(out)
