"""Progress of a long stage: counts, rate and an estimate of the time left.

A national build has stages that take minutes; an editor or operator watching the console
should see that it moves and when it will end. Reports go through the build's `progress`
callback (the CLI prints them; tests pass a no-op), at most every few seconds.
"""
from __future__ import annotations

import contextlib
import gc
import time
from typing import Callable, Iterator, TypeVar

Emit = Callable[[str], None]
T = TypeVar("T")


class Meter:
    """Counts the items of one stage and reports `label: done/total (rate/s, about N s left)`."""

    def __init__(self, label: str, total: int, emit: Emit, every: float = 5.0, clock: Callable[[], float] = time.monotonic):
        self.label, self.total, self.emit, self.every, self.clock = label, total, emit, every, clock
        self.done = 0
        self.start = self.last = clock()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self.emit(self.line(now))

    def line(self, now: float | None = None) -> str:
        now = self.clock() if now is None else now
        spent = now - self.start
        rate = self.done / spent if spent > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f", about {_duration(left)} left" if left is not None and self.done < self.total else ""
        return f"{self.label}: {self.done:,}/{self.total:,} ({rate:,.0f}/s{eta})"


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def each_over_cores(work: Callable[[T], object], items: list[T], label: str, emit: Emit, pool_from: int = 2) -> None:
    """Run `work` on every item, across the cores (forked workers) when there are at least
    `pool_from` items and more than one core, reporting progress; one by one otherwise."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = os.cpu_count() or 1
    if len(items) < pool_from or workers < 2:
        for item in items:
            work(item)
        return
    meter = Meter(label, len(items), emit)
    with frozen_for_fork(), ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(work, items, chunksize=max(1, len(items) // 64)):
            meter.step()


@contextlib.contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Processes forked inside this block from one that may hold a national corpus (1 GiB): the
    objects made so far are left out of the garbage collector's passes, in the children too, and
    collected again afterwards. A pass writes to every object it visits, and each page written to
    is copied into the child (400 MiB a chart worker)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
