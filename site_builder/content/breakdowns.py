"""A figure's or a target's breakdown code, read in one place.

A figure broken down by sub-groups says which in its `breakdown` cell (a target in its `scope`):
one `dimension=value` pair per dimension (`channel=hotline`), several joined by ';'
(`cause=system_error;level=district`), each dimension once and in alphabetical order. The order
is required, not tidied later: compute groups figures by the code as written (series, report
tables, the grid, conflicts), so the same sub-groups must always be the same string. An empty
code is the total.

Everything that reads a code (validation, names on pages, the downloads, the API) goes through
`parse`; `join_names` puts the names of the pairs together the same way everywhere.
"""
from __future__ import annotations

from collections.abc import Sequence

from site_builder.content.model import BreakdownValue, Dimension, Text

COLUMNS = ("breakdown", "scope")  # the project's columns holding a code: figures' breakdown, targets' scope
SEPARATOR = ";"  # between pairs: cause=system_error;level=district
NAME_SEPARATOR = "; "  # between the names of the pairs, as visitors read them

Pair = tuple[str, str]  # (dimension, value)


def parse(code: str) -> tuple[Pair, ...]:
    """'cause=system_error;level=district' -> (('cause', 'system_error'), ('level', 'district'));
    '' (the total) -> (). A pair without '=' has an empty value, which no dimension lists."""
    if not code:
        return ()
    return tuple((key, value) for key, _, value in (part.partition("=") for part in code.split(SEPARATOR)))


def canonical(pairs: Sequence[Pair]) -> str:
    """The code of these pairs as it must be written: by dimension, alphabetically."""
    return SEPARATOR.join(f"{key}={value}" for key, value in sorted(pairs))


def repeated(pairs: Sequence[Pair]) -> str | None:
    """The first dimension given more than once, or None."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


def join_names(names: Sequence[Text]) -> Text:
    """The names of a code's pairs as one name ('Cấp: cấp huyện; Nguyên nhân: lỗi hệ thống');
    English only when every pair has it, so a missing translation stays marked."""
    en = [n.en for n in names]
    return Text(vi=NAME_SEPARATOR.join(n.vi for n in names),
                en=NAME_SEPARATOR.join(e for e in en if e) if all(en) else None)


def pair_name(dim: Dimension, value: BreakdownValue) -> Text:
    """One pair's name: 'Kênh: đường dây nóng' / 'Channel: hotline' (no English when either lacks it)."""
    en = f"{dim.name.en}: {value.name.en}" if dim.name.en and value.name.en else None
    return Text(vi=f"{dim.name.vi}: {value.name.vi}", en=en)
