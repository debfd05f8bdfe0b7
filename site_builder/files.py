"""Writing files safely: only when the bytes change, atomically, or as a hard link.

Shared by the build (docs, charts, cards, the search mirror) and the editor tools that rewrite
files in place (`fmt`, `reference`).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write only when the content differs; return True when written.

    Unchanged files keep their modification time, so mkdocs' `--dirty` and Pagefind's mirror see
    only what really changed.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.stat().st_size == len(raw) and path.read_bytes() == raw:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return True


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) in one rename, keeping the file's permissions.

    An editor's file is either the old or the new one, never half-written, even if the process
    is killed; a new file gets the usual 0644 rather than mkstemp's 0600.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def replace_file(path: Path, data: bytes) -> None:
    """`data` at `path` as a new file: the one there may be hard-linked into the site being
    served (link_or_copy), which must keep its bytes until the swap."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def link_or_copy(src: str, dst: str) -> str:
    """A hard link where the file system allows it: assembling the site then costs no copying.

    Safe because nothing writes into these files in place afterwards: extras are recreated each
    build, cached charts and cards are replaced whole, and the mkdocs output of a page is
    unlinked before mkdocs writes it again (`publish.site.unshare`).
    """
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst
