"""The pages of the open-data promise: one per dataset (downloads, how to cite), the API, the changelog.

`pages.render_site` emits what `extra_pages` lists; each entry is plain data for one template,
computed here so that the templates only present it (no method calls on values in them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus, Package, Resource, texts_of
from site_builder.content.languages import pick
from site_builder.exports import places
from site_builder.exports.api import documentation
from site_builder.compute.changelog import Changelog
from site_builder.exports.cite import DatasetMeta, catalogue
from site_builder.compute.versions import data_updated, data_version
from site_builder.compute.tables import package_tables
from site_builder.publish import i18n
from site_builder.publish.changelog_page import release_views
from site_builder.publish.lang import Lang

KINDS = ("added", "changed", "removed")

# A package of one CSV per report holds thousands of them at national scale: the datasets pages
# list the first ones and count the rest, which the bundle and each report's page offer.
RESOURCES_LISTED = 20


# --------------------------------------------------------------------------- datasets


@dataclass(frozen=True)
class FieldDoc:
    """A column of a dataset as its Table Schema describes it, in both languages (either may be
    empty: the page shows its own language, or the other one marked not yet translated)."""

    name: str
    type: str
    description_vi: str
    description_en: str


@dataclass(frozen=True)
class TableDoc:
    """One table of a dataset: its name, rows and fields (a package of several schemas has several)."""

    name: str
    rows: int
    fields: tuple[FieldDoc, ...]


@dataclass(frozen=True)
class PackageView:
    """A data package as the datasets pages show it, read from its descriptor as written."""

    name: str
    title_vi: str
    title_en: str
    description_vi: str
    description_en: str
    version: str  # '' when a third-party descriptor gives none
    rows: int
    resources: tuple[Resource, ...]  # the first RESOURCES_LISTED files with rows: an empty CSV is no download anyone wants
    more_resources: int  # those with rows not listed
    fields: tuple[FieldDoc, ...]  # the first table's
    tables: tuple[TableDoc, ...]  # every table, when the package has several schemas; () when one
    provenance: bool  # every row names its source report and quotes its sentence
    licence_label: str  # '' when the package states no licence
    licence_url: str


def _field_docs(resource: Resource) -> tuple[FieldDoc, ...]:
    """Each field's description, or its `title` when it has none (third-party schemas often give only that)."""
    return tuple(FieldDoc(str(f["name"]), str(f.get("type", "string")), *(texts_of(f, "description") if any(texts_of(f, "description")) else texts_of(f, "title")))
                 for f in resource.fields)


def package_view(name: str, package: Package, meta: DatasetMeta | None = None) -> PackageView:
    fields = _field_docs(package.resources[0]) if package.resources else ()
    with_rows = tuple(r for r in package.resources if r.row_count and r.data is not None)
    schemas: dict[tuple[str, ...], list[Resource]] = {}
    for r in package.resources:
        schemas.setdefault(r.names, []).append(r)
    # named by the resource's name, an identifier like the field names, which no language translates
    tables = tuple(TableDoc(members[0].name, sum(m.row_count for m in members), _field_docs(members[0])) for members in schemas.values()) \
        if len(schemas) > 1 else ()
    version = str(package.descriptor.get("version") or ("0.0.0" if package.provenance else ""))
    return PackageView(name, *package.texts("title"), *package.texts("description"),
                       version=version, rows=sum(r.row_count for r in package.resources),
                       resources=with_rows[:RESOURCES_LISTED], more_resources=max(0, len(with_rows) - RESOURCES_LISTED), fields=fields,
                       tables=tables, provenance=package.provenance,
                       licence_label=meta.licence_label if meta else "", licence_url=meta.licence.get("path", "") if meta else "")


def package_views(corpus: Corpus) -> tuple[PackageView, ...]:
    """Every package, in corpus order, for the datasets index."""
    metas = {meta.name: meta for meta in catalogue(corpus)}
    return tuple(package_view(name, pkg, metas[name]) for name, pkg in corpus.packages.items())


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
    """What exports.places writes for each unit, its files described in `lang`."""
    return PlaceDocs(files=tuple(PlaceFile(pattern, vi if lang == "vi" else en) for pattern, vi, en in places.FILES),
                     columns=tuple(FieldDoc(c.name, c.type, c.vi, c.en) for c in places.NAMED_COLUMNS),
                     unit_columns=tuple(FieldDoc(c.name, c.type, c.vi, c.en) for c in places.UNIT_COLUMNS))


# --------------------------------------------------------------------------- the pages


def extra_pages(corpus: Corpus, computed: Computed, changes: Changelog, lang: i18n.Lang,
                page_lang: Callable[[str], Lang]) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """(path, template, title, description, context) for every dataset page, the API page and the
    changelog; `page_lang` gives the Lang of a page, which the changelog writes its sentences with."""
    releases = changes.releases
    for meta in catalogue(corpus):
        package = corpus.packages[meta.name]
        latest = releases[0]  # the newest release, or the data not yet released
        tables = [t.name for t in package_tables(package)]
        view = package_view(meta.name, package, meta)
        yield (f"datasets/{meta.name}.md", "dataset.md.j2", pick(view.title_vi, view.title_en, lang) or meta.name,
               pick(view.description_vi, view.description_en, lang),
               {"meta": meta, "package": view, "licence_url": meta.licence.get("path", ""),
                "citation": meta.citation(lang), "bibtex": meta.bibtex(),
                "latest": latest, "latest_counts": {kind: latest.count_in(kind, tables) for kind in KINDS}})
    yield ("api.md", "api.md.j2", i18n.t("api", lang), "", {"endpoints": documentation(corpus, computed), "data_version": data_version(corpus)})
    updated = data_updated(corpus)
    yield ("changelog.md", "changelog.md.j2", i18n.t("changelog", lang), "", {"releases": release_views(page_lang("changelog.md"), corpus, releases),
                                                                       "data_version": data_version(corpus), "updated": updated})
