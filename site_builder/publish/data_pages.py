"""The pages of the open-data promise: one per dataset (downloads, how to cite), the API, the changelog.

`pages.render_site` emits what `extra_pages` lists; each entry is plain data for one template,
computed here so that the templates only present it (no method calls on values in them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus, Package, Resource
from site_builder.content.model import Indicator, Unit
from site_builder.exports import places
from site_builder.exports.api import documentation
from site_builder.exports.changelog import Change, Changelog, Release
from site_builder.exports.cite import catalogue, data_updated, data_version
from site_builder.exports.tables import package_tables
from site_builder.publish import i18n

# Rows listed per kind of change on the changelog page; the rest are in changelog.json. A first
# release of a national corpus adds hundreds of thousands of rows, which no page should list.
CHANGES_SHOWN = 500

# A kind of change is listed unfolded when it is short; a long list of added rows (a first
# release) stays folded under its count.
OPEN_ADDED_UP_TO = 20

KINDS = ("added", "changed", "removed")


# --------------------------------------------------------------------------- datasets


@dataclass(frozen=True)
class FieldDoc:
    """A column of a dataset as its Table Schema describes it."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class PackageView:
    """A data package as the datasets pages show it, read from its descriptor as written."""

    name: str
    title: str
    description: str
    version: str
    rows: int
    resources: tuple[Resource, ...]
    fields: tuple[FieldDoc, ...]  # the first resource's: every resource of a dataset page shares them


def package_view(name: str, package: Package) -> PackageView:
    desc = package.descriptor
    fields = tuple(FieldDoc(str(f["name"]), str(f.get("type", "")), str(f.get("description", ""))) for f in package.resources[0].fields) \
        if package.resources else ()
    return PackageView(name=name, title=str(desc.get("title", name)), description=str(desc.get("description", "")),
                       version=str(desc.get("version", "0.0.0")), rows=sum(r.row_count for r in package.resources),
                       resources=package.resources, fields=fields)


def package_views(corpus: Corpus) -> tuple[PackageView, ...]:
    """Every package, in corpus order, for the datasets index."""
    return tuple(package_view(name, pkg) for name, pkg in corpus.packages.items())


@dataclass(frozen=True)
class PlaceFile:
    """One kind of file a unit's page offers, as the datasets page lists it."""

    pattern: str  # path under downloads/, with <id>
    description: str


@dataclass(frozen=True)
class PlaceDocs:
    """The downloads of a place in one language: the files, and the columns of those with names."""

    files: tuple[PlaceFile, ...]
    columns: tuple[FieldDoc, ...]  # the CSVs with names and the workbook's figures sheet
    unit_columns: tuple[FieldDoc, ...]  # the workbook's units sheet


def place_docs(lang: i18n.Lang) -> PlaceDocs:
    """What exports.places writes for each unit, described in `lang`."""
    return PlaceDocs(files=tuple(PlaceFile(pattern, vi if lang == "vi" else en) for pattern, vi, en in places.FILES),
                     columns=tuple(FieldDoc(c.name, c.type, c.describe(lang)) for c in places.NAMED_COLUMNS),
                     unit_columns=tuple(FieldDoc(c.name, c.type, c.describe(lang)) for c in places.UNIT_COLUMNS))


# --------------------------------------------------------------------------- changelog


@dataclass(frozen=True)
class ChangeValue:
    """One value of a changed row as the log shows it: a number in its indicator's unit, or the text."""

    text: str  # as in the manifest; empty shows as ∅
    unit: str  # the indicator's unit of measure when the field is a value of a known indicator, else ""
    number: float  # the text as a number, for `unit`


@dataclass(frozen=True)
class FieldChange:
    name: str
    text_changed: bool  # a long text kept as a hash: no before and after to show
    before: ChangeValue
    after: ChangeValue


@dataclass(frozen=True)
class ChangeRow:
    """A row added, changed or removed, with what its cells link to."""

    id: str
    report: str  # the report whose page lists the row, "" when it has none
    figure: bool  # a figure: its report page has an anchor for it
    unit_id: str
    unit: Unit | None  # the unit when it has a page
    indicator_id: str
    indicator: Indicator | None
    period: str
    deadline: str
    breakdown: str
    fields: tuple[FieldChange, ...]  # changed rows: each changed field
    value: ChangeValue  # added and removed rows: the value or target value


@dataclass(frozen=True)
class ChangeGroup:
    """The changes of one kind in a release: the first CHANGES_SHOWN listed, the rest counted."""

    kind: str
    total: int
    rows: tuple[ChangeRow, ...]
    more: int  # how many are not listed
    open: bool  # shown unfolded


@dataclass(frozen=True)
class ReleaseView:
    version: str | None
    date: str | None
    previous: str | None
    anchor: str
    counts: dict[str, int]  # by kind
    groups: tuple[ChangeGroup, ...]  # the kinds with changes, in KINDS order


def _number(text: str) -> float:
    """What Jinja's float filter makes of a text: the number, or 0.0."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def change_row(change: Change, corpus: Corpus) -> ChangeRow:
    row = change.row
    report = row.get("report") or ""
    indicator = corpus.indicators.get(row.get("indicator") or "")

    def value(name: str, text: str) -> ChangeValue:
        unit = indicator.unit.value if indicator is not None and name in ("value", "target_value") else ""
        return ChangeValue(text, unit, _number(text) if unit and text else 0.0)

    return ChangeRow(
        id=change.id,
        report=report if report in corpus.reports else "",
        figure=change.table == "figures",
        unit_id=row.get("unit", ""),
        unit=corpus.units.get(row.get("unit") or ""),
        indicator_id=row.get("indicator", ""),
        indicator=indicator,
        period=row.get("period") or "",
        deadline=row.get("deadline") or "",
        breakdown=row.get("breakdown") or "",
        fields=tuple(FieldChange(name, change.changed_text(name), value(name, before), value(name, after)) for name, (before, after) in change.fields.items()),
        value=value("value", row["value"]) if "value" in row else value("target_value", row.get("target_value", "")),
    )


def release_view(release: Release, corpus: Corpus, shown: int) -> ReleaseView:
    """A release as the changelog page lists it: `shown` rows of each kind at most."""
    groups = []
    for kind in KINDS:
        changes = release.of(kind)
        if changes:
            groups.append(ChangeGroup(kind, len(changes), tuple(change_row(c, corpus) for c in changes[:shown]), max(0, len(changes) - shown),
                                      kind != "added" or len(changes) <= OPEN_ADDED_UP_TO))
    return ReleaseView(release.version, release.date, release.previous, release.anchor,
                       {kind: release.count(kind) for kind in KINDS}, tuple(groups))


# --------------------------------------------------------------------------- the pages


def extra_pages(corpus: Corpus, computed: Computed, changes: Changelog, lang: i18n.Lang) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """(path, template, title, description, context) for every dataset page, the API page and the changelog."""
    releases = changes.releases
    for meta in catalogue(corpus):
        package = corpus.packages[meta.name]
        latest = releases[0]  # the newest release, or the data not yet released
        tables = [t.name for t in package_tables(package)]
        yield (f"datasets/{meta.name}.md", "dataset.md.j2", meta.title, meta.description,
               {"meta": meta, "package": package_view(meta.name, package), "licence_url": meta.licence.get("path", ""),
                "citation": meta.citation(lang), "bibtex": meta.bibtex(),
                "latest": latest, "latest_counts": {kind: latest.count_in(kind, tables) for kind in KINDS}})
    yield ("api.md", "api.md.j2", i18n.t("api", lang), "", {"endpoints": documentation(corpus, computed), "data_version": data_version(corpus)})
    updated = data_updated(corpus)
    yield ("changelog.md", "changelog.md.j2", i18n.t("changelog", lang), "", {"releases": tuple(release_view(r, corpus, CHANGES_SHOWN) for r in releases),
                                                                       "data_version": data_version(corpus), "updated": updated})
