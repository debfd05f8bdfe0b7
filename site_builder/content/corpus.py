"""The validated corpus: plain, immutable data handed from `validate` to every later stage."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from site_builder.content.breakdowns import join_names, pair_name
from site_builder.content.breakdowns import parse as parse_breakdown
from site_builder.content.qualifiers import Qualifier
from site_builder.content.releases import ReleaseManifest
from site_builder.content.settings import Settings
from site_builder.content.model import BreakdownValue, Dimension, GlossaryTerm, Indicator, MapLayout, Page, Report, Text, Unit


@dataclass(frozen=True)
class Figure:
    """One row of a figures resource: a number read from a report."""

    id: str
    report: str
    unit: str
    indicator: str
    period: str
    period_start: dt.date | None  # None only for a running total (period ../<end>)
    period_end: dt.date
    breakdown: str
    value: float | None
    qualifier: Qualifier  # how the report words the number: exact, approx, more_than, …
    status: str
    locator: str
    quote: str
    flag: str
    note_vi: str
    note_en: str
    dataset: str  # package name
    resource: str  # resource name within the package
    line: int  # line in the CSV file, for provenance and error messages
    printed: str = ""  # the value as the row writes it ("77.3"): how far it was rounded (content/consistency.py)
    columns: tuple[int, int] = (1, 1)  # where its value and its flag start on its line, for findings about them
    reading: str = ""  # the quote in correct Vietnamese, from the source's readings file; '' when it has none


@dataclass(frozen=True)
class Target:
    """One target set by a directive or plan."""

    id: str
    report: str
    unit: str
    indicator: str
    comparator: str
    target_value: float
    deadline: dt.date | None  # None: the document sets no date
    recurrence: str  # "annual" for a target set for every year; empty otherwise
    scope: str
    scope_vi: str
    scope_en: str
    locator: str
    quote: str
    note_vi: str
    note_en: str
    line: int
    reading: str = ""  # the quote in correct Vietnamese, from the source's readings file; '' when it has none


@dataclass(frozen=True)
class Resource:
    """A tabular resource of a package, read and validated: its rows are here, not on disk."""

    name: str
    rel_path: str  # its file relative to the package folder ('' for inline data)
    fields: tuple[dict[str, Any], ...]  # the Table Schema fields, as in the descriptor
    row_count: int
    rows: tuple[tuple[str, ...], ...] = ()  # text cells in schema order; a missing value is ''
    data: bytes | None = None  # the file's bytes as shipped (published byte for byte); None for inline data
    source: str = ""  # where it was read from, relative to the project (the CSV, or the descriptor)
    digest: str = ""  # sha256 of what it was read from

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f["name"] for f in self.fields)


# The project's own schemas (datapackages/*/figures.schema.yaml, targets): rows read from reports,
# each naming its report and quoting its sentence, which check verifies against content/.
FIGURE_FIELDS = ("id", "report", "unit", "indicator", "period", "period_start", "period_end", "breakdown", "value", "qualifier", "status", "locator", "quote", "flag", "note_vi", "note_en")
TARGET_FIELDS = ("id", "report", "unit", "indicator", "comparator", "target_value", "deadline", "recurrence", "scope", "scope_vi", "scope_en", "locator", "quote", "note_vi", "note_en")


def project_schema(names: tuple[Any, ...]) -> bool:
    """Whether a resource's fields are the project's own figures or targets schema: rows read from
    reports, whose quotes check verifies (anything else is a third party's table)."""
    return names in (FIGURE_FIELDS, TARGET_FIELDS)


@dataclass(frozen=True, eq=False)  # one object per package: compared and hashed by identity, for caches of what is made of it
class Package:
    """A Frictionless data package from datapackages/, its rows read."""

    name: str
    descriptor: dict[str, Any]  # as written in its descriptor, schemas inlined
    resources: tuple[Resource, ...]
    source: str = ""  # the descriptor, relative to the project
    digest: str = ""  # sha256 of the descriptor, its schemas and every resource's data

    @property
    def provenance(self) -> bool:
        """Whether every row names its source report and quotes its sentence: every resource is of
        the project's figures or targets schema, whose reports and quotes check verified. A third
        party's table with columns named `report` and `quote` is not (nor cited as the project's)."""
        return bool(self.resources) and all(project_schema(r.names) for r in self.resources)

    def texts(self, key: str) -> tuple[str, str]:
        """A text of the descriptor (`title`, `description`) as (Vietnamese, English), either one
        empty when not given: the Frictionless property is the English, which data tools show, and
        `<key>_vi` beside it the Vietnamese (see texts_of for a schema field's)."""
        return texts_of(self.descriptor, key)

    def label(self, key: str) -> str:
        """Both languages in one line, 'Số liệu … / Administrative-reform figures': what the
        downloads, which serve both languages, call the dataset."""
        return " / ".join(text for text in self.texts(key) if text)


def texts_of(item: dict[str, Any], key: str) -> tuple[str, str]:
    """(`<key>_vi`, `<key>`) of a descriptor or schema field, whitespace squeezed: Vietnamese, English."""
    return " ".join(str(item.get(f"{key}_vi") or "").split()), " ".join(str(item.get(key) or "").split())


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from, validated."""

    root: Path
    units: dict[str, Unit]
    indicators: dict[str, Indicator]
    reports: dict[str, Report]
    pages: dict[str, Page]
    glossary: tuple[GlossaryTerm, ...]
    packages: dict[str, Package]
    figures: tuple[Figure, ...]
    targets: tuple[Target, ...]
    sources: dict[str, str] = field(default_factory=dict)  # report id -> raw text as received
    readings: dict[str, dict[str, str]] = field(default_factory=dict)  # report id -> OCR quote -> its restored reading
    breakdowns: dict[str, Dimension] = field(default_factory=dict)  # dimension id -> names of it and its values
    maps: dict[str, MapLayout] = field(default_factory=dict)  # tile-grid maps of the provinces, by id
    digests: dict[str, str] = field(default_factory=dict)  # content file (content/units/x.yaml) -> sha256 of its bytes
    settings: Settings = field(default_factory=Settings)  # mkdocs.yml, checked
    releases: tuple[ReleaseManifest, ...] = ()  # datapackages/releases/, oldest first

    def digest_of(self, kind: str, item: str) -> str:
        """sha256 of the file content/<kind>/<item>.yaml (or .yml) an item came from; '' for none.

        What a cache of anything made from one unit, report or indicator is keyed on."""
        return self.digests.get(f"content/{kind}/{item}.yaml") or self.digests.get(f"content/{kind}/{item}.yml", "")

    def breakdown_parts(self, code: str) -> tuple[tuple[Dimension, BreakdownValue], ...] | None:
        """Each dimension of a breakdown code with its value ('cause=system_error;level=district'
        -> the cause dimension and its value system_error, then level and district); () for the
        total; None when content/breakdowns does not list one of them (validation refuses those
        in the packages; only rows removed since a release can still carry one)."""
        out = []
        for key, value in parse_breakdown(code):
            dim = self.breakdowns.get(key)
            val = dim.value(value) if dim else None
            if dim is None or val is None:
                return None
            out.append((dim, val))
        return tuple(out)

    def breakdown_text(self, code: str) -> Text | None:
        """'channel=hotline' -> 'Kênh: đường dây nóng' / 'Channel: hotline'; several pairs named in
        their order, joined by '; '.

        None for the total (no code) and for a code not listed in content/breakdowns.
        English is missing, and so marked, when a dimension or a value lacks it.
        """
        parts = self.breakdown_parts(code)
        if not parts:
            return None
        return join_names([pair_name(dim, val) for dim, val in parts])

    @cached_property
    def _children(self) -> dict[str | None, list[Unit]]:
        # built once: pages, the API and target status ask for children of every unit
        index: dict[str | None, list[Unit]] = {}
        for u in sorted(self.units.values(), key=lambda u: u.id):
            index.setdefault(u.parent or None, []).append(u)
        return index

    def children(self, unit_id: str | None) -> list[Unit]:
        """The units directly below `unit_id`, by id; None gives the top-level units."""
        return list(self._children.get(unit_id, ()))

    def ancestors(self, unit_id: str) -> list[Unit]:
        out: list[Unit] = []
        cur = self.units[unit_id].parent
        while cur and cur in self.units and len(out) < 10:
            out.append(self.units[cur])
            cur = self.units[cur].parent
        return list(reversed(out))

    def descendants(self, unit_id: str) -> list[str]:
        out, todo = [], [unit_id]
        while todo:
            kids = [u.id for u in self._children.get(todo.pop(), ())]
            out.extend(kids)
            todo.extend(kids)
        return out
