"""The files one build of the downloads and the API leaves, made again or kept from the last build.

A rebuild after an editor's change to one report needs the files of the units, reports and
indicators that change (publish/page_deps.Touched) and the bundles made of everything (the
datasets, the database, the archive, the lists); the other per-unit, per-report and per-indicator
files are, byte for byte, what the last build wrote. At national scale those are 40,000 files
and most of the downloads' time, so they are kept where they are.

Every file here is hard-linked into the published site (files.link_or_copy), so a file made again
is a new file: the old one is unlinked first, never written into, and the site being served keeps
its bytes until the swap. What a build neither wrote nor kept (a report deleted, a unit that has
no rows any more) is removed by `prune`.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from site_builder.files import replace_file

Keep = Callable[[str, str], bool]  # (kind, id) -> whether its files must be made again


class Outputs:
    """Files under `root`; `remake(kind, id)` names what changed since the last build that left
    its files there, or is None when everything is made (a first build, or a shared change)."""

    def __init__(self, root: Path, remake: Keep | None = None):
        self.root = root
        self.remake = remake
        self.claimed: set[str] = set()  # paths relative to root: written or kept by this build
        self.written: list[Path] = []
        self.kept = 0
        self._folders: set[Path] = set()

    def put(self, rel: str, data: str | bytes) -> Path:
        """Write `data` at `rel` as a new file."""
        path = self.root / rel
        folder = path.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        replace_file(path, data.encode("utf-8") if isinstance(data, str) else data)
        self.claimed.add(rel)
        self.written.append(path)
        return path

    def of(self, kind: str, oid: str, rel: str, make: Callable[[], str | bytes]) -> Path:
        """The file `rel` of one unit, report or indicator: the last build's when the object is
        untouched and the file is there, else `make()` written."""
        path = self.root / rel
        if self.remake is not None and not self.remake(kind, oid) and path.is_file():
            self.claimed.add(rel)
            self.kept += 1
            return path
        return self.put(rel, make())

    def same(self, rel: str, data: bytes) -> Path:
        """The file `rel` holding `data`: the last build's when it holds these bytes already (a
        rebuild reads a small file faster than it replaces it), else written."""
        path = self.root / rel
        if self.remake is not None:
            try:
                if path.stat().st_size == len(data) and path.read_bytes() == data:
                    self.claimed.add(rel)
                    self.kept += 1
                    return path
            except OSError:
                pass
        return self.put(rel, data)

    def prune(self, *folders: str) -> int:
        """Remove the files under `folders` (relative to root) that this build neither wrote nor
        kept; return how many."""
        removed = 0
        for folder in folders:
            top = self.root / folder
            if not top.is_dir():
                continue
            for dirpath, _, names in os.walk(top):
                for name in names:
                    rel = (Path(dirpath) / name).relative_to(self.root).as_posix()
                    if rel not in self.claimed:
                        os.unlink(Path(dirpath) / name)
                        removed += 1
        return removed

    def clear(self, *folders: str) -> None:
        """Remove `folders` whole: a build that makes everything starts from nothing."""
        for folder in folders:
            shutil.rmtree(self.root / folder, ignore_errors=True)
