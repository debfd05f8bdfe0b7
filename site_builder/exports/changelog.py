"""The data changelog written out (changelog.json, changelog.csv), and releases cut.

compute/changelog.py computes what changed: every build writes a manifest of every row
(`downloads/manifest.json`: id → hash of its values, plus its short fields), and a release is that
manifest frozen under `datapackages/releases/<version>.json`, which validation reads and checks.

Cut a release after bumping `version` in the datapackage.yaml files:

    .venv/bin/python -m site_builder.exports.changelog --root . [--version 0.2.0] [--date 2025-07-01]
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from pathlib import Path
from typing import Any

from site_builder.compute.changelog import FORMAT, Changelog, diff, dump_manifest, manifest
from site_builder.compute.versions import data_version
from site_builder.content.corpus import Corpus
from site_builder.content.releases import version_key

log = logging.getLogger(__name__)

RELEASES = Path("datapackages") / "releases"


class ChangelogError(ValueError):
    """A release cannot be cut; the message says why."""


def changelog_json(changes: Changelog) -> str:
    """The changelog as JSON, for downloads/changelog.json."""
    return json.dumps({"format": FORMAT, "releases": [r.as_json() for r in changes.releases]}, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = ("release", "previous", "table", "id", "change", "report", "unit", "indicator", "period", "breakdown", "field", "before", "after")


def changelog_csv(changes: Changelog) -> str:
    """The changelog as CSV, for downloads/changelog.csv: a row per changed field of a changed row,
    one row per added or removed row (its value as `after` or `before`). `release` is empty for
    the data not yet released; long texts (quote, locator, notes) are hashes, as in the manifest."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rel in changes.releases:
        for c in rel.changes:
            head = [rel.version or "", rel.previous or "", c.table, c.id, c.kind] + [c.row.get(k, "") for k in ("report", "unit", "indicator", "period")]
            breakdown = c.row.get("breakdown", c.row.get("scope", ""))
            value = c.row.get("value", c.row.get("target_value", ""))
            if c.kind == "changed":
                writer.writerows(head + [breakdown, name, before, after] for name, (before, after) in c.fields.items())
            else:
                writer.writerow(head + [breakdown, "", value if c.kind == "removed" else "", value if c.kind == "added" else ""])
    return out.getvalue()


def cut_release(corpus: Corpus, version: str | None = None, date: dt.date | None = None, force: bool = False) -> Path:
    """Freeze the current data as release `version` (default: the highest package version)."""
    version = version or data_version(corpus)
    current = manifest(corpus)
    path = corpus.root / RELEASES / f"{version}.json"
    releases: dict[str, dict[str, Any]] = {r.release: {"release": r.release, "tables": r.tables} for r in corpus.releases}  # as validation read them
    if corpus.releases and not force:
        latest = corpus.releases[-1].release
        if version_key(version) < version_key(latest):
            raise ChangelogError(f"release {version} is older than the latest release {latest}")
        if latest != version and not diff(releases[latest], current):
            raise ChangelogError(f"nothing changed since release {latest}")
    if version in releases and not force:
        if diff(releases[version], current):
            raise ChangelogError(f"{path.relative_to(corpus.root).as_posix()} already exists with other data: "
                                 "bump `version` in the datapackage.yaml files and cut a new release")
        return path
    release = {"format": FORMAT, "release": version, "date": (date or dt.date.today()).isoformat(), **{k: v for k, v in current.items() if k not in ("format", "updated")}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_manifest(release), encoding="utf-8")
    log.info("wrote %s", path)
    return path


def main(argv: list[str] | None = None) -> int:
    """`python -m site_builder.exports.changelog`: cut a release manifest of the current data."""
    import click

    @click.command()
    @click.option("--root", type=click.Path(file_okay=False, exists=True), default=".", help="Project folder.")
    @click.option("--version", "version", default=None, help="Release name (default: the highest package version).")
    @click.option("--date", "date", default=None, help="Release date YYYY-MM-DD (default: today).")
    @click.option("--force", is_flag=True, help="Overwrite an existing release of that name.")
    def cut(root: str, version: str | None, date: str | None, force: bool) -> None:
        """Write datapackages/releases/<version>.json from the current data."""
        from site_builder.content.validate import validate

        corpus, findings = validate(Path(root).resolve())
        if corpus is None:
            click.echo(findings.render("text"))
            raise SystemExit(1)
        try:
            path = cut_release(corpus, version, dt.date.fromisoformat(date) if date else None, force)
        except ChangelogError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(1)
        click.echo(f"release manifest: {path}")

    try:
        cut.main(args=argv, standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
