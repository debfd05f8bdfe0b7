"""What a dataset is, for citing it: version, last update, licence, stable URL, citation and BibTeX.

Everything is derived from the package descriptor and the data, never from the clock, so two
builds of the same data publish the same bytes. The site's address comes from `site_url` in
mkdocs.yml; until it is set, URLs are written with the `{site}` placeholder.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from site_builder.content.corpus import Corpus
from site_builder.compute.tables import package_tables
from site_builder.compute.versions import package_updated, package_version

PLACEHOLDER = "{site}"
CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
PUBLISHER = "Minh Bạch"
BUNDLE = "minh-bach-data"  # name of the zip of every dataset and of the SQLite database


def site_url(corpus: Corpus) -> str:
    """The site's address from mkdocs.yml as validation read it (no trailing slash), or the `{site}` placeholder."""
    return corpus.settings.site_url or PLACEHOLDER


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


@dataclass(frozen=True)
class DatasetMeta:
    """A dataset as it is cited and downloaded. Paths are relative to the site root.

    The project's own packages (rows read from reports, `own`) are cited with this project as
    author; a third-party package is cited as its descriptor says: its contributors, its licence
    (or none stated), its sources. The site never names itself the author of someone else's data.
    """

    name: str
    title: str
    description: str
    version: str
    updated: dt.date | None
    licence: dict[str, str]  # empty when the package states none
    contributors: tuple[str, ...]  # everyone the descriptor credits, in its order
    url: str  # stable address of the dataset's page, absolute or with the {site} placeholder
    site: str
    authors: tuple[str, ...] = ()  # who the citation names first: authors and creators, else every contributor
    publisher: str = PUBLISHER  # '' when a third-party package names none
    sources: tuple[str, ...] = ()  # the titles of the sources the descriptor lists (third-party packages)
    own: bool = True
    versioned: bool = True  # whether the descriptor gives a version (third-party packages may not)

    @property
    def page(self) -> str:
        return f"datasets/{self.name}/"

    @property
    def files(self) -> dict[str, str]:
        """Every download of the dataset, by format, relative to the site root."""
        base = f"downloads/datasets/{self.name}"
        return {"csv": f"{base}.csv", "xlsx": f"{base}.xlsx", "json": f"{base}.json", "datapackage": f"{base}/datapackage.json"}

    @property
    def year(self) -> str:
        return str(self.updated.year) if self.updated else "n.d."

    @property
    def licence_label(self) -> str:
        """The licence's short name; '' when the package states none."""
        if self.licence.get("name") == "CC-BY-4.0":
            return "CC BY 4.0"
        return self.licence.get("title") or self.licence.get("name") or self.licence.get("path", "")

    @property
    def bibtex_key(self) -> str:
        prefix = "minhbach" if self.own else ""
        return re.sub(r"[^A-Za-z0-9]+", "_", f"{prefix} {self.name} {self.version}").strip("_").lower()

    def citation(self, lang: str) -> str:
        """One line to paste under a story or into a footnote (APA's form for a data set: a work
        without an author is cited by its title)."""
        vi = lang == "vi"
        lic = self.licence_label
        licence = (f"Giấy phép {lic}." if vi else f"Licence {lic}.") if lic else ("Không nêu giấy phép." if vi else "No licence stated.")
        if vi:
            when = f", cập nhật {self.updated.strftime('%d/%m/%Y')}" if self.updated else ""
            version = f"phiên bản {self.version}{when}" if self.versioned else when.lstrip(", ")
            kind = "[bộ dữ liệu]"
            source = f" Nguồn: {'; '.join(self.sources)}." if self.sources else ""
        else:
            when = f", updated {self.updated.isoformat()}" if self.updated else ""
            version = f"version {self.version}{when}" if self.versioned else when.lstrip(", ")
            kind = "[data set]"
            source = f" Source: {'; '.join(self.sources)}." if self.sources else ""
        work = f"{self.title} ({version}) {kind}" if version else f"{self.title} {kind}"
        head = f"{', '.join(self.authors)} ({self.year}). {work}." if self.authors else f"{work} ({self.year})."
        return f"{head} {licence}{source} {self.url}"

    def bibtex(self) -> str:
        """A BibTeX @misc entry (biblatex reads `version`, `date` and `url` too)."""
        lines = [f"@misc{{{self.bibtex_key},"]
        if self.authors:
            lines.append(f"  author    = {{{' and '.join('{' + _bibtex_escape(c) + '}' for c in self.authors)}}},")
        lines += [
            f"  title     = {{{{{_bibtex_escape(self.title)}}}}},",
            f"  year      = {{{self.year}}},",
        ]
        if self.updated:
            lines.append(f"  date      = {{{self.updated.isoformat()}}},")
        if self.versioned:
            lines.append(f"  version   = {{{self.version}}},")
        if self.publisher:
            lines.append(f"  publisher = {{{_bibtex_escape(self.publisher)}}},")
        lines.append(f"  url       = {{{self.url}}},")
        note = "Data set" + (f", version {self.version}" if self.versioned else "") + (f", licence {_bibtex_escape(self.licence_label)}" if self.licence_label else ", no licence stated")
        if self.sources:
            note += ". Source: " + _bibtex_escape("; ".join(self.sources))
        lines += [f"  note      = {{{note}}},", "}"]
        return "\n".join(lines) + "\n"


def _roles(contributor: dict[str, Any]) -> set[str]:
    """A contributor's roles: v1 writes one `role`, v2 a list of `roles`."""
    roles = contributor.get("roles")
    out = {str(r).lower() for r in roles} if isinstance(roles, list) else set()
    if isinstance(contributor.get("role"), str):
        out.add(contributor["role"].lower())
    return out


def dataset_meta(corpus: Corpus, name: str) -> DatasetMeta:
    """Citation and download facts for one package."""
    pkg = corpus.packages[name]
    desc = pkg.descriptor
    own = pkg.provenance
    people = [c for c in desc.get("contributors") or [] if isinstance(c, dict) and c.get("title")]
    contributors = tuple(str(c["title"]) for c in people)
    creators = tuple(str(c["title"]) for c in people if _roles(c) & {"author", "creator"})
    publishers = [str(c["title"]) for c in people if "publisher" in _roles(c)]
    if own:
        licences = desc.get("licenses") or [CC_BY]
        authors = creators or contributors or (PUBLISHER,)
        publisher = publishers[0] if publishers else PUBLISHER
    else:
        licences = desc.get("licenses") or [{}]
        authors = creators or tuple(str(c["title"]) for c in people if not _roles(c) & {"publisher", "maintainer"})
        publisher = publishers[0] if publishers else ""
    sources = tuple(str(s.get("title") or s.get("path")) for s in desc.get("sources") or [] if isinstance(s, dict) and (s.get("title") or s.get("path")))
    site = site_url(corpus)
    return DatasetMeta(
        name=name,
        title=pkg.label("title") or name,
        description=pkg.label("description"),
        version=package_version(pkg),
        updated=package_updated(corpus, pkg),
        licence={k: str(v) for k, v in licences[0].items()} if isinstance(licences[0], dict) else {},
        contributors=contributors or ((PUBLISHER,) if own else ()),
        url=f"{site}/datasets/{name}/",
        site=site,
        authors=authors,
        publisher=publisher,
        sources=() if own else sources,
        own=own,
        versioned=own or bool(desc.get("version")),
    )


def catalogue(corpus: Corpus) -> list[DatasetMeta]:
    """Every dataset's facts, in package order."""
    return [dataset_meta(corpus, name) for name in corpus.packages]


def published_descriptor(corpus: Corpus, meta: DatasetMeta, descriptor: dict[str, Any]) -> dict[str, Any]:
    """The descriptor as published: licence, version, last update, sources and citation filled in."""
    out = dict(descriptor)
    here = "../../../"  # from downloads/datasets/<name>/datapackage.json to the site root
    root = f"{meta.site}/" if meta.site != PLACEHOLDER else here
    if meta.own:  # the project's own data: its licence and its name as publisher
        out.setdefault("licenses", [CC_BY])
        out["version"] = meta.version
        out.setdefault("contributors", [{"title": PUBLISHER, "role": "publisher"}])
        out["homepage"] = f"{root}datasets/{meta.name}/"
    else:  # someone else's: their licence, version, contributors and homepage as they wrote them
        out.setdefault("homepage", f"{root}datasets/{meta.name}/")
    if meta.updated:
        out["updated"] = meta.updated.isoformat()
    reports = []
    for table in package_tables(corpus.packages[meta.name]):
        if "report" in table.names:
            i = table.names.index("report")
            reports += [r[i] for r in table.rows]
    sources = list(out.get("sources", []))
    for rid in sorted(set(reports)):
        rep = corpus.reports.get(rid)
        if rep is None:
            continue
        named = rep.number or rep.publisher  # a press article or web page has no number: its newspaper or site
        label = f"{named} — {rep.title.vi}" if named else rep.title.vi
        sources.append({"title": label, "path": f"{root}reports/{rid}/"})
    out["sources"] = sources
    out["citation"] = {"text": meta.citation("en"), "text_vi": meta.citation("vi"), "bibtex": meta.bibtex()}
    return out
