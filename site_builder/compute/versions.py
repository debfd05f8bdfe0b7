"""Versions and dates of the data: what a dataset's citation says of when it was made.

Computed from the corpus alone (package descriptors, the release manifests validation read, the
reports' dates), never from the clock, so two builds of the same data say the same.
"""
from __future__ import annotations

import datetime as dt

from site_builder.compute.tables import package_tables
from site_builder.content.corpus import Corpus, Package
from site_builder.content.releases import version_key


def package_version(pkg: Package) -> str:
    return str(pkg.descriptor.get("version") or "0.0.0")


def data_version(corpus: Corpus) -> str:
    """The version of the data as a whole: the highest package version."""
    versions = [package_version(p) for p in corpus.packages.values()] or ["0.0.0"]
    return max(versions, key=version_key)


def released_on(corpus: Corpus, name: str, version: str) -> dt.date | None:
    """The date version `version` of package `name` was first released (datapackages/releases/), if it was."""
    dates = [r.date for r in corpus.releases if r.packages.get(name) == version and r.date is not None]
    return min(dates) if dates else None


def package_updated(corpus: Corpus, pkg: Package) -> dt.date | None:
    """When the data last changed: `updated` in the descriptor; else the later of the release date of
    the package's current version and the latest signature date of a report its rows cite."""
    given = pkg.descriptor.get("updated") or (None if pkg.provenance else pkg.descriptor.get("created"))
    if isinstance(given, dt.date):
        return given
    if isinstance(given, str) and given:
        return dt.date.fromisoformat(given[:10])
    released = released_on(corpus, pkg.name, package_version(pkg))
    dates = [released] if released else []
    for table in package_tables(pkg):
        if "report" in table.names:
            i = table.names.index("report")
            signed = (corpus.reports[r[i]].date for r in table.rows if r[i] in corpus.reports)
            dates += [d for d in signed if d is not None]
    return max(dates) if dates else None


def data_updated(corpus: Corpus) -> dt.date | None:
    """The latest update of any package."""
    dates = [d for d in (package_updated(corpus, p) for p in corpus.packages.values()) if d]
    return max(dates) if dates else None
