"""Downloadable files. Input: the corpus, what compute made of it, the changelog. Output: files under downloads/ (and api/) of the site.

    downloads/datasets/<name>/datapackage.json   the published Frictionless package (CSV copied byte for byte,
                                                 units/reports/indicators tables, licence, version, citation)
    downloads/datasets/<name>.csv|.xlsx|.json    the dataset's rows in one file, three formats
    downloads/units|reports|indicators/<id>.csv  exactly the rows of one page
    downloads/indicators/<id>.rankings.csv       the indicator's rankings, every level and period (rankings_csv.py)
    downloads/units/<id>.<lang>.csv, <id>.below.<lang>.csv|.xlsx
                                                 a unit's rows with names in vi or en; with every unit below it (places.py)
    downloads/minh-bach-data.zip                 every dataset, the database and the manifests in one archive
    downloads/minh-bach.db, metadata.json        SQLite of every table, and its Datasette metadata
    downloads/manifest.json, changelog.json|.csv a hash of every row; what changed between releases
    api/                                         the static JSON API (see api.py), beside downloads/

Per-unit, per-report and per-indicator CSVs are the package rows, selected, unchanged, so they
parse equal to the package data. Every file is a function of the data alone: two builds of the
same data are byte-identical (zip entries sorted and dated 1980-01-01, workbook dates from the data).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
import zipfile
from functools import partial
from pathlib import Path
from typing import Any, Callable

from site_builder.compute.changelog import Changelog, dump_manifest
from site_builder.exports import changelog, places
from site_builder.exports.api import meta_base, write_api
from site_builder.exports.outputs import Keep, Outputs
from site_builder.exports.rankings_csv import rankings_csv
from site_builder.exports.cite import BUNDLE, DatasetMeta, catalogue, published_descriptor, site_url
from site_builder.compute.versions import data_updated, data_version
from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.exports.sqlite import metadata_json, write_database
from site_builder.compute.tables import BREAKDOWN_COLUMNS, LOOKUP_COLUMNS, LOOKUP_TITLES, LOOKUPS, Table, all_tables, lookup_table, package_tables
from site_builder.content.corpus import project_schema
from site_builder.exports.xlsx import workbook, write_entry

DATABASE = "minh-bach"


def _rows_csv(header: list[str], rows: list[tuple[str, ...]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def lookup_resource(name: str, included: set[str]) -> dict[str, Any]:
    """The published resource of a units/reports/indicators/breakdowns table, with descriptions and keys."""
    fields = [{"name": c.name, "type": c.type, "description": c.description} for c in LOOKUP_COLUMNS[name]]
    fks = [{"fields": [c.name], "reference": {"resource": "" if c.references == name else c.references, "fields": ["id"]}}
           for c in LOOKUP_COLUMNS[name] if c.references and c.references in included]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"]}
    if fks:
        schema["foreignKeys"] = fks
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
            "title": LOOKUP_TITLES[name][0], "description": f"{LOOKUP_TITLES[name][1]} Generated from content/{name}/.", "schema": schema}


def _about(meta: DatasetMeta) -> list[tuple[str, str]]:
    return [
        ("title", meta.title), ("description", meta.description), ("version", meta.version),
        ("updated", meta.updated.isoformat() if meta.updated else ""), ("licence", meta.licence_label), ("licence_url", meta.licence.get("path", "")),
        ("page", meta.url), ("cite (vi)", meta.citation("vi")), ("cite (en)", meta.citation("en")), ("bibtex", meta.bibtex()),
        *([("provenance", f"Each row's `report` column names its source; the quoted sentence is on {meta.site}/reports/<report>/#fig-<id>"),
           ("empty cells", "An empty cell is missing (\"/\" in the source), never zero.")] if meta.own else
          [("contributors", "; ".join(meta.contributors)), ("sources", "; ".join(meta.sources)),
           ("provenance", "Published as its descriptor describes it; its rows name no source report."),
           ("empty cells", "An empty cell is a missing value (the descriptor's missingValues).")]),
    ]


def dataset_json(meta: DatasetMeta, tables: list[Table]) -> str:
    """The dataset as one JSON document: facts, fields and typed rows (empty cells are null)."""
    main, more = tables[0], tables[1:]
    doc: dict[str, Any] = {
        "name": meta.name, "title": meta.title, "description": meta.description, "version": meta.version,
        "updated": meta.updated.isoformat() if meta.updated else None, "license": meta.licence, "homepage": meta.url,
        "citation": {"text": meta.citation("en"), "text_vi": meta.citation("vi"), "bibtex": meta.bibtex()},
        "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in main.columns],
        "data": main.records(),
    }
    if more:
        doc["more_tables"] = {t.name: {"fields": [{"name": c.name, "type": c.type, "description": c.description} for c in t.columns], "data": t.records()} for t in more}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: indent would use the pure-Python encoder


def _credits(corpus: Corpus, metas: list[DatasetMeta]) -> dict[str, dict[str, str]]:
    """Each third-party table's licence and source, as its package declares them."""
    out: dict[str, dict[str, str]] = {}
    for meta in metas:
        if meta.own:
            continue
        credit = {"license": meta.licence_label or "not stated", "source": "; ".join(meta.authors or meta.contributors or meta.sources) or meta.title}
        if meta.licence.get("path"):
            credit["license_url"] = meta.licence["path"]
        for table in package_tables(corpus.packages[meta.name]):
            out[table.name] = credit
    return out


def _readme(corpus: Corpus, metas: list[DatasetMeta]) -> str:
    updated = data_updated(corpus)
    lines = [
        "Minh Bạch — Dữ liệu mở về cải cách hành chính / Open data on administrative reform",
        "",
        f"Phiên bản dữ liệu / Data version: {data_version(corpus)}" + (f" ({updated.isoformat()})" if updated else ""),
        "Giấy phép / Licence: CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/" if all(m.own for m in metas) else
        "Giấy phép / Licence: CC BY 4.0 (số liệu đọc từ báo cáo / figures read from reports); bộ dữ liệu khác: giấy phép riêng, xem bên dưới / other datasets: their own licences, below",
        f"Trang / Site: {site_url(corpus)}/",
        "",
        "<name>/datapackage.json   Frictionless data package (CSV UTF-8, schema, licence, sources)",
        "<name>.csv|.xlsx|.json    the dataset in one file / bộ dữ liệu trong một tệp",
        f"{DATABASE}.db            SQLite: figures, targets, units, reports, indicators; _fields describes every column",
        "metadata.json             Datasette: datasette minh-bach.db -m metadata.json",
        "manifest.json             hash of every row / mã băm từng dòng; changelog.json|.csv: what changed / thay đổi",
        "",
        *places.readme(),
        "",
        "Cách trích dẫn / How to cite:",
    ]
    for m in metas:
        licence = "" if m.own else f"{m.name}: {m.licence_label or 'no licence stated / không nêu giấy phép'}"
        lines += ["", *([licence] if licence else []), m.citation("vi"), m.citation("en"), "", m.bibtex().rstrip()]
    return "\n".join(lines) + "\n"


def downloads_key(corpus: Corpus) -> str:
    """What every unit's, report's and indicator's download reads of the data as a whole, beyond
    what its page reads (page_deps.page_state): the data's version and last update (each API
    response's meta, each workbook's about sheet) and the datasets' citations."""
    return hashlib.sha256(repr((meta_base(corpus), catalogue(corpus))).encode()).hexdigest()


def _own_copy(descriptor: dict[str, Any]) -> dict[str, Any]:
    """A copy of a descriptor that write_downloads may change: the resources, each resource's
    schema and its foreign keys are copied, the rest shared. A deep copy of a national package's
    3,000 resources took a second."""
    out = dict(descriptor)
    resources = []
    for res in descriptor.get("resources", []):
        res = dict(res)
        if isinstance(res.get("schema"), dict):
            schema = res["schema"] = dict(res["schema"])
            if "foreignKeys" in schema:
                schema["foreignKeys"] = list(schema["foreignKeys"])
        resources.append(res)
    out["resources"] = resources
    return out


def dump_descriptor(desc: dict[str, Any]) -> str:
    """datapackage.json: indented, each resource on a line of its own. Indenting every resource's
    schema takes json's pure-Python encoder, two seconds for a national package of 3,000 resources."""
    line = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in desc.items():
        if key == "resources" and isinstance(value, list):
            text = "[\n" + ",\n".join(f"    {line(r)}" for r in value) + "\n  ]" if value else "[]"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        parts.append(f"  {line(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_downloads(corpus: Corpus, computed: Computed, changes: Changelog, out: Path, remake: Keep | None = None) -> Outputs:
    """Write every download under `out` (the site's downloads/ folder) and the API beside it.

    `remake(kind, id)` names the units, reports and indicators an edit touched since the build
    that left these folders (publish/page_deps.touched): the others' own files are kept as that
    build wrote them. None: every file is made, from empty folders."""
    files = Outputs(out.parent, remake)
    top = out.name
    if remake is None:
        files.clear(top, "api")

    def put(rel: str, data: str | bytes) -> Path:
        return files.put(f"{top}/{rel}", data)

    def of(kind: str, oid: str, rel: str, make: Callable[[], str | bytes]) -> Path:
        return files.of(kind, oid, f"{top}/{rel}", make)

    metas = catalogue(corpus)
    bundle: dict[str, Path] = {}  # name in the zip -> file
    for meta in metas:
        name = meta.name
        pkg = corpus.packages[name]
        desc = _own_copy(pkg.descriptor)
        for src in pkg.resources:
            if src.data is None:
                continue  # inline data is published inside the descriptor, as its publisher wrote it
            # a copy of the package's file, byte for byte: one file a report, kept when its bytes are
            bundle[f"{name}/{src.rel_path}"] = files.same(f"{top}/datasets/{name}/{src.rel_path}", src.data)
        for res in desc["resources"]:
            schema = res.get("schema", {})
            if not project_schema(tuple(f.get("name") for f in schema.get("fields", []))):
                continue  # a third party's `breakdown` column holds its own words, not codes of content/breakdowns
            for f in schema.get("fields", []):
                if f.get("name") in BREAKDOWN_COLUMNS:
                    schema.setdefault("foreignKeys", []).append({"fields": [f["name"]], "reference": {"resource": "breakdowns", "fields": ["id"]}})
        uses = {fk["reference"]["resource"] for r in desc["resources"] for fk in r.get("schema", {}).get("foreignKeys", [])}
        uses -= {r.name for r in pkg.resources}  # a key to a resource of the package's own named `units` is no key to content/
        used = [lk for lk in LOOKUPS if lk in uses]
        lookups = [lookup_table(corpus, lk) for lk in used]
        for table in lookups:
            bundle[f"{name}/{table.name}.csv"] = put(f"datasets/{name}/{table.name}.csv", table.csv())
            desc["resources"].append(lookup_resource(table.name, set(used)))
        for res in desc["resources"]:
            res.setdefault("profile", "tabular-data-resource")
            res.setdefault("format", "csv")
            res.setdefault("encoding", "utf-8")
        desc = published_descriptor(corpus, meta, desc)
        bundle[f"{name}/datapackage.json"] = put(f"datasets/{name}/datapackage.json", dump_descriptor(desc))
        tables = package_tables(pkg)
        if not tables:
            continue
        bundle[f"{name}.csv"] = put(f"datasets/{name}.csv", tables[0].csv())
        bundle[f"{name}.xlsx"] = put(f"datasets/{name}.xlsx", workbook(tables + lookups, _about(meta), meta.updated, name))
        bundle[f"{name}.json"] = put(f"datasets/{name}.json", dataset_json(meta, tables))

    everything = all_tables(corpus)
    figures = next((t for t in everything if t.name == "figures"), None)
    if figures is not None:
        by_id = {r[0]: r for r in figures.rows}

        def rows_of(figs: Any) -> str:
            return _rows_csv(figures.names, sorted(by_id[f.id] for f in figs))

        places.write_places(corpus, computed, figures, metas, of)
        for rid, figs in computed.figures_by_report.items():
            of("report", rid, f"reports/{rid}.csv", partial(rows_of, figs))
        for iid, figs in computed.figures_by_indicator.items():
            of("indicator", iid, f"indicators/{iid}.csv", partial(rows_of, figs))
    for iid, levels in computed.rankings.items():
        of("indicator", iid, f"indicators/{iid}.rankings.csv", partial(rankings_csv, corpus, levels))

    about = {"title": "Minh Bạch — Dữ liệu mở về cải cách hành chính / Open data on administrative reform",
             "description": "Every figure of the published administrative-reform reports with its source sentence, the targets, and the units, reports and indicators they refer to.",
             "data_version": data_version(corpus), "updated": str(data_updated(corpus) or ""), "license": "CC BY 4.0",
             "license_url": "https://creativecommons.org/licenses/by/4.0/", "site_url": site_url(corpus)}
    about |= {f"cite:{m.name}": m.citation("en") for m in metas}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / f"{DATABASE}.db"
        write_database(db, everything, about)
        bundle[f"{DATABASE}.db"] = put(f"{DATABASE}.db", db.read_bytes())
    bundle["metadata.json"] = put("metadata.json", metadata_json(everything, DATABASE, about, _credits(corpus, metas)))
    bundle["manifest.json"] = put("manifest.json", dump_manifest(changes.manifest))
    bundle["changelog.json"] = put("changelog.json", changelog.changelog_json(changes))
    bundle["changelog.csv"] = put("changelog.csv", changelog.changelog_csv(changes))
    bundle["README.txt"] = put("README.txt", _readme(corpus, metas))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in sorted(bundle):
            # Deflate's fastest level: at national scale the archive holds 400 MB (its JSON, the
            # database), which level 6 took 4.5 s to pack and level 1 packs in 1 s, 15 % larger.
            # A workbook is a zip already: stored as it is.
            write_entry(archive, f"{BUNDLE}/{entry}", bundle[entry].read_bytes(), level=0 if entry.endswith(".xlsx") else 1)
    put(f"{BUNDLE}.zip", buf.getvalue())
    write_api(corpus, computed, files)
    if remake is not None:
        files.prune(top, "api")
    return files
