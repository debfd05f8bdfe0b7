"""The release manifests: datapackages/releases/<release>.json, read and checked like every file.

Input: the project root. Output: the manifests, oldest first, and every problem, located. A
manifest is written by `exports/changelog.cut_release` (one row per line, `dump_manifest`), and
both the changelog and the citations' release dates read it: what is checked here is what they
rely on, so a manifest `check` passes never stops the build.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.content.yamlio import Located, parse_json, read_text
from site_builder.error_types import RELEASE, SYMLINK, UNKNOWN_FILE
from site_builder.errors import Loc, Message, Problem, field_path, rel

RELEASES = "datapackages/releases"
FORMAT = 1  # the manifest format exports/changelog writes
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ReleaseManifest:
    """One release: the packages' versions and every published row, frozen on the release date."""

    release: str
    date: dt.date | None
    packages: dict[str, str]  # package name -> version
    tables: dict[str, dict[str, dict[str, Any]]]  # table -> row id -> {"hash": …, "fields": {…}}, as in the file
    path: str  # as shown to editors: datapackages/releases/0.2.0.json
    digest: str  # sha256 of the file's bytes, hex


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for versions such as 0.1.0, 0.10.0 and 1.0.0-rc1 (numeric parts compare as numbers)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-+]", version))


def load_releases(root: Path) -> tuple[tuple[ReleaseManifest, ...], list[Problem]]:
    """Every manifest of datapackages/releases/, oldest first, and the problems of those that cannot be read.

    Anything else in the folder (another file, a folder, a link) is refused: the changelog would
    silently leave it out.
    """
    folder = root / RELEASES
    out: list[ReleaseManifest] = []
    problems: list[Problem] = []
    for item in sorted(folder.iterdir()) if folder.is_dir() else []:
        shown = rel(item, root)
        if item.name.startswith(".") or item.name == "README.md":
            continue
        if item.is_symlink():
            problems.append(SYMLINK.at(shown, 0, 0, file=shown))
            continue
        if not item.is_file() or item.suffix != ".json":
            problems.append(UNKNOWN_FILE.at(shown, 0, 0, variant="release"))
            continue
        raw = item.read_bytes()
        text, found = read_text(shown, raw, limit=None)  # a manifest grows with the data, as the CSVs do
        problems += found
        if text is None:
            continue
        doc, found = parse_json(shown, text)
        problems += found
        if doc is None:
            continue
        manifest, found = read_manifest(doc, item.stem, hashlib.sha256(raw).hexdigest())
        problems += found
        if manifest is None:
            continue
        same = next((m for m in out if version_key(m.release) == version_key(manifest.release)), None)
        if same is not None:
            line, col = doc.value_position(("release",))
            problems.append(RELEASE.at(shown, line, col, "release", variant="twice", release=manifest.release, other=same.path))
            continue
        out.append(manifest)
    return tuple(sorted(out, key=lambda m: version_key(m.release))), problems


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "text", bool: "true or false", type(None): "null"}.get(type(value), "a number")


def _texts(value: Any) -> bool:
    """An object of text -> text."""
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _row(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("hash"), str) and _texts(value.get("fields"))


def read_manifest(doc: Located, stem: str, digest: str) -> tuple[ReleaseManifest | None, list[Problem]]:
    """The manifest of a parsed file named `<stem>.json`, or None with its problems (each at the
    line of the key at fault)."""
    data = doc.data
    path = doc.path
    if not isinstance(data, dict):
        return None, [RELEASE.at(path, 1, 1, kind=_kind(data))]
    out: list[Problem] = []

    def at_value(loc: Loc, message: Message) -> Problem:
        line, col = doc.value_position(loc)
        return message.at(path, line, col, field_path(loc))

    def at_key(loc: Loc, message: Message) -> Problem:  # a row's problem at its line: its key starts it
        line, col = doc.position(loc)
        return message.at(path, line, col, field_path(loc))

    not_packages, not_tables = RELEASE.message(variant="packages"), RELEASE.message(variant="tables")

    for key in ("format", "release", "packages", "tables"):
        if key not in data:
            out.append(RELEASE.at(path, 1, 1, key, variant="missing"))
    if "format" in data and (data["format"] != FORMAT or isinstance(data["format"], bool)):
        line, col = doc.value_position(("format",))
        out.append(RELEASE.at(path, line, col, "format", variant="format", value=_shown(data["format"])))
    release = data.get("release")
    if "release" in data and release != stem:
        line, col = doc.value_position(("release",))
        out.append(RELEASE.at(path, line, col, "release", variant="name", release=_shown(release)))
    date = data.get("date")
    day: dt.date | None = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date) if isinstance(date, str) and DATE.fullmatch(date) else None
        except ValueError:
            pass
        if day is None:
            line, col = doc.value_position(("date",))
            out.append(RELEASE.at(path, line, col, "date", variant="date", value=_shown(date)))
    packages = data.get("packages")
    if "packages" in data:
        if not isinstance(packages, dict):
            out.append(at_value(("packages",), not_packages))
        else:
            out += [at_key(("packages", name), not_packages) for name, version in packages.items() if not isinstance(version, str)]
    tables = data.get("tables")
    if "tables" in data:
        if not isinstance(tables, dict):
            out.append(at_value(("tables",), not_tables))
        else:
            for name, rows in tables.items():
                if not isinstance(rows, dict):
                    out.append(at_value(("tables", name), not_tables))
                    continue
                out += [at_key(("tables", name, rid), not_tables) for rid, row in rows.items() if not _row(row)]
    if out:
        return None, out
    assert isinstance(release, str) and isinstance(packages, dict) and isinstance(tables, dict)
    return ReleaseManifest(release=release, date=day, packages=packages, tables=tables, path=path, digest=digest), []


def _shown(value: Any) -> str:
    """A value of the file as a message quotes it."""
    return value if isinstance(value, str) else "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
