"""Value qualifiers: what a report says about a number besides the number itself.

"trên 80" is more than 80, not 80; "khoảng 1.200" is about 1,200; "ước đạt 95%" is an estimate.
A figure row keeps the number as printed and its qualifier beside it, and everything computed
from it says as much: a share of an estimate is an estimate, and a share of a bound is not a
share at all (more than 80 of 100 is not 80%).
"""
from __future__ import annotations

from enum import Enum


class Qualifier(str, Enum):
    exact = ""  # the number as printed, nothing said about it
    approx = "approx"  # khoảng, gần, xấp xỉ
    more_than = "more_than"  # trên, hơn
    at_least = "at_least"  # ít nhất, từ … trở lên
    less_than = "less_than"  # dưới
    at_most = "at_most"  # tối đa, không quá
    estimated = "estimated"  # ước, ước đạt, ước thực hiện

    @property
    def bound(self) -> bool:
        """A bound says where the value lies, not what it is."""
        return self in _BOUNDS  # a set: asked a million times in a national build's rankings


_BOUNDS = frozenset({Qualifier.more_than, Qualifier.at_least, Qualifier.less_than, Qualifier.at_most})

VALUES = tuple(q.value for q in Qualifier)


def combine(*parts: Qualifier) -> Qualifier | None:
    """The qualifier of a value computed from qualified ones; None when it cannot be computed.

    Any bound: None (a share of "more than 80" is no share). Else an estimate if any part is
    estimated, else approximate if any part is, else exact.
    """
    if any(q.bound for q in parts):
        return None
    if Qualifier.estimated in parts:
        return Qualifier.estimated
    if Qualifier.approx in parts:
        return Qualifier.approx
    return Qualifier.exact
