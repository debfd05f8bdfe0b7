"""The quick pass of content/rowcheck.py over a package's CSVs, and that pass made beforehand in a worker.

`quick_pass` is what load_packages asks of each CSV it would give frictionless (is it clean?);
`start_quick_verdicts` starts, on a large project with two cores, a worker that reads and passes
every CSV while the main process loads content/, and load_packages takes its verdicts by each
resource's validation key (its descriptor and bytes). A verdict it does not have is made in the
main process, so a worker that is missing, late or failed changes nothing but the time.
"""
from __future__ import annotations

import json
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from site_builder.content import rowcheck

if TYPE_CHECKING:
    from site_builder.content.packages import _Read

log = logging.getLogger(__name__)


def quick_pass(check: dict[str, Any], read: dict[str, "_Read"], checkers: dict[str, rowcheck.RowChecker | None],
               verdicts: dict[str, bool] | None = None) -> Callable[[dict[str, Any], str], bool]:
    """Whether a resource of `check` passes the quick pass of content/rowcheck.py: frictionless would
    find nothing in it. `checkers` keeps each schema's pass across packages; `verdicts` are those a
    worker already gave (quick_verdicts), by the resource's validation key (its descriptor and bytes)."""
    def passes(res: dict[str, Any], key: str) -> bool:
        if verdicts is not None and key in verdicts:
            return verdicts[key]
        got = read.get(res.get("name", ""))
        if got is None or got.data is None or not rowcheck.eligible(res):
            return False
        schema = json.dumps(res["schema"], sort_keys=True, default=str)
        if schema not in checkers:
            checkers[schema] = rowcheck.checker(res["schema"])
        quick = checkers[schema]
        return quick is not None and rowcheck.read_alike(res, got.data, got.encoding) and quick.clean(got.header, got.rows)
    return passes


def quick_verdicts(root: Path) -> dict[str, bool]:
    """The quick pass of every CSV resource under datapackages/, by validation key (its descriptor and
    bytes, _validation_key): what load_packages would find, worked out beforehand in a worker while the
    main process loads content/. A resource read differently later has another key and is passed again."""
    from site_builder.content.packages import _load_descriptor, _read_resource, _validation_key, descriptor_file, split_content_keys

    out: dict[str, bool] = {}
    checkers: dict[str, rowcheck.RowChecker | None] = {}
    cache = root / "build" / "cache" / "validated"
    base = root / "datapackages"
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        if descriptor_file(folder) is None:
            continue
        doc, desc, _ = _load_descriptor(folder, root)
        if desc is None or doc is None:
            continue
        check, _ = split_content_keys(desc)
        read = {}
        for i, res in enumerate(desc["resources"]):
            path = folder / res["path"] if isinstance(res.get("path"), str) else None
            if path is not None and (cache / _validation_key(check["resources"][i], path.read_bytes())).is_file():
                continue  # validated clean in an earlier run: load_packages will not ask (a rebuild reads next to nothing here)
            got, _ = _read_resource(folder, root, doc, i, res)
            if got is not None:
                read[res["name"]] = got
        passes = quick_pass(check, read, checkers)
        for res in check["resources"]:
            if res.get("name") in read:
                key = _validation_key(res, read[res["name"]].data)
                out[key] = passes(res, key)
    return out


VERDICTS_FROM = 200  # CSVs; below this a worker costs more than it saves


def start_quick_verdicts(root: Path) -> Callable[[], dict[str, bool] | None]:
    """quick_verdicts(root) begun in a worker process, where there is a second core and enough CSVs;
    returns what waits for them (None when there is no worker, or it failed: the pass is then made here)."""
    base = root / "datapackages"
    if (os.cpu_count() or 1) < 2 or not base.is_dir() or sum(1 for _ in zip(range(VERDICTS_FROM), base.rglob("*.csv"))) < VERDICTS_FROM:
        return lambda: None
    pool = ProcessPoolExecutor(max_workers=1)
    future = pool.submit(quick_verdicts, root)

    def wait() -> dict[str, bool] | None:
        try:
            return future.result()
        except Exception as exc:  # a worker that died: the main process makes the pass itself
            log.warning("quick pass worker failed (%s); checking in this process", exc)
            return None
        finally:
            pool.shutdown()
    return wait
