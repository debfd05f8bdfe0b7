"""The site's long lists (reports, units), cut to a size a phone can load.

A list page holds at most LIST_ROWS rows. A project that fits lists everything on one page; a
larger one (the whole country: 3,029 reports, 3,321 units) lists its provinces on the index, each
with how many it holds, and each province's rows on pages of their own, numbered when even one
province has more than LIST_ROWS. Without JavaScript, paging by province is the filter; with it,
each page's table also sorts and filters (minhbach.js, setupTables).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

from site_builder.content.corpus import Corpus
from site_builder.content.model import Report, Unit

# About 330 bytes of HTML a row: 300 rows keep a list page near 100 KB, a third of the 300 KB the
# site allows any page (issue 19), with room for long names and the theme around the table.
LIST_ROWS = 300

T = TypeVar("T")


def province_of(corpus: Corpus, unit_id: str) -> str:
    """The top-level unit a unit belongs to (itself for a top-level unit)."""
    above = corpus.ancestors(unit_id)
    return above[0].id if above else unit_id


@dataclass(frozen=True)
class Group:
    """A province on a list's index: how many rows it holds, and the first page listing them."""

    unit: Unit
    count: int
    page: str  # Markdown path of its first page


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list: its rows, and where it sits among its province's pages."""

    path: str  # Markdown path
    rows: tuple[T, ...]
    province: Unit | None  # None: the whole list on the index page
    number: int  # 1-based, among `pages`
    pages: tuple[str, ...]  # every page of this province's list, in order
    index: str  # the list's index page


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A list as pages: the index (all rows, or the provinces) and the provinces' pages."""

    groups: tuple[Group, ...]  # empty when the index lists every row
    index: ListPage[T]
    pages: tuple[ListPage[T], ...]  # the provinces' pages (none when the index lists every row)


def listing(corpus: Corpus, folder: str, rows: Sequence[tuple[str, T]], unit_of: dict[str, str], limit: int | None = None) -> Listing[T]:
    """`rows` ((id, row) in the order shown) as list pages under `folder`: `folder`/index.md, and
    beyond `limit` (LIST_ROWS) rows `folder`/by/<province>.md, -2.md, … `unit_of` gives each row's unit."""
    limit = LIST_ROWS if limit is None else limit
    if "by" in unit_of:  # its page, folder/by.md, would be the folder of the provinces' pages
        raise ValueError(f"{folder}: an id 'by' clashes with the list pages {folder}/by/; rename it")
    everything = tuple(row for _, row in rows)
    index_path = f"{folder}/index.md"
    if len(rows) <= limit:
        return Listing((), ListPage(index_path, everything, None, 1, (index_path,), index_path), ())
    by: dict[str, list[T]] = {}
    for rid, row in rows:
        by.setdefault(province_of(corpus, unit_of[rid]), []).append(row)
    groups: list[Group] = []
    pages: list[ListPage[T]] = []
    for top in sorted(by, key=lambda uid: corpus.units[uid].id):
        chunks = [tuple(by[top][i : i + limit]) for i in range(0, len(by[top]), limit)]
        paths = tuple(f"{folder}/by/{top}.md" if n == 0 else f"{folder}/by/{top}-{n + 1}.md" for n in range(len(chunks)))
        pages.extend(ListPage(path, chunk, corpus.units[top], n + 1, paths, index_path) for n, (path, chunk) in enumerate(zip(paths, chunks)))
        groups.append(Group(corpus.units[top], len(by[top]), paths[0]))
    return Listing(tuple(groups), ListPage(index_path, (), None, 1, (index_path,), index_path), tuple(pages))


def report_listing(corpus: Corpus) -> Listing[tuple[str, Report]]:
    """The reports, latest first."""
    rows = [(rid, (rid, corpus.reports[rid])) for rid in reversed(corpus.reports)]
    return listing(corpus, "reports", rows, {rid: r.unit for rid, r in corpus.reports.items()})


def unit_listing(corpus: Corpus) -> Listing[Unit]:
    """The units in the order of their tree: each unit followed by the units below it, by id."""
    rows: list[tuple[str, Unit]] = []
    todo = list(reversed(corpus.children(None)))
    while todo:
        unit = todo.pop()
        rows.append((unit.id, unit))
        todo.extend(reversed(corpus.children(unit.id)))
    return listing(corpus, "units", rows, {u.id: u.id for u in corpus.units.values()})
