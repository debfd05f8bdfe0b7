"""A static JSON API: one file per unit, indicator and report, plus lists, each with a JSON Schema.

    api/index.json                   what is here, the datasets and how to cite them
    api/units.json                   every unit          api/units/{id}.json       one unit, its figures
    api/indicators.json              every indicator     api/indicators/{id}.json  one indicator, its values
    api/reports.json                 every report        api/reports/{id}.json     one report, its figures
    api/schema/{name}.json           the JSON Schema (draft 2020-12) of each response

Paths inside responses (`page`, `csv`, `api`, provenance) are relative to the site root. Every
figure carries its provenance: the report, where in it, the verbatim sentence, and the page
anchor where that sentence is shown.
"""
from __future__ import annotations

import copy
import json
from functools import partial
from typing import Any, Callable

from site_builder.exports.cite import CC_BY, catalogue
from site_builder.exports.outputs import Outputs
from site_builder.exports.source_cite import cite_source
from site_builder.compute.versions import data_updated, data_version
from site_builder.compute.derive import Computed, unit_figures
from site_builder.content.corpus import Corpus, Figure, Target
from site_builder.content import periods
from site_builder.content.model import HeaderField, Identity, Period, Text
from site_builder.content.qualifiers import Qualifier

API_VERSION = 2  # 2: periods of every kind (period_start may be null), qualifiers, targets without a deadline, uncertain report fields
# (a figure's `breakdowns` and a target's `scope_breakdowns` were added to 2 later: fields added, none changed)


# --------------------------------------------------------------------------- selections shared with the CSV downloads


# --------------------------------------------------------------------------- objects


def _text(t: Text | None) -> dict[str, str | None] | None:
    return None if t is None else {"vi": t.vi, "en": t.en}


def _pair(vi: str, en: str) -> dict[str, str | None] | None:
    return {"vi": vi, "en": en or None} if (vi or en) else None


def _page(path: str) -> dict[str, str]:
    return {"vi": path, "en": f"en/{path}"}


def _num(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _period_words(code: str) -> dict[str, str]:
    return {"vi": periods.label(code, "vi"), "en": periods.label(code, "en")}


def _period_kind(code: str) -> str | None:
    parsed = periods.parse(code)
    return parsed.kind.value if parsed else None


def _period(p: Period | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"kind": p.kind.value, "start": p.start.isoformat() if p.start else None, "end": p.end.isoformat(), "code": p.code,
            "label": _period_words(p.code)}


def breakdowns_obj(code: str, corpus: Corpus) -> list[dict[str, Any]]:
    """Each dimension of a breakdown code and its value, by code and by name in both languages
    ([] for the total, and for a code content/breakdowns no longer names)."""
    return [{"dimension": dim.id, "value": val.id, "dimension_name": _text(dim.name), "value_name": _text(val.name)}
            for dim, val in corpus.breakdown_parts(code) or ()]


def figure_obj(f: Figure, corpus: Corpus) -> dict[str, Any]:
    """A figure with its provenance, its period in words and the names of its breakdown."""
    return {
        "id": f.id, "report": f.report, "unit": f.unit, "indicator": f.indicator, "period": f.period, "period_kind": _period_kind(f.period),
        "period_label": _period_words(f.period),
        "period_start": f.period_start.isoformat() if f.period_start else None, "period_end": f.period_end.isoformat(), "breakdown": f.breakdown or None,
        "breakdown_name": _text(corpus.breakdown_text(f.breakdown)) if f.breakdown else None, "breakdowns": breakdowns_obj(f.breakdown, corpus),
        "value": _num(f.value), "qualifier": f.qualifier.value or None, "status": f.status, "flag": f.flag or None, "note": _pair(f.note_vi, f.note_en),
        "provenance": {"report": f.report, "locator": f.locator, "quote": f.quote, "quote_reading": f.reading or None, "page": _page(f"reports/{f.report}/#fig-{f.id}"),
                       "source_text": _page(f"reports/{f.report}-source/")},
    }


def target_obj(t: Target, corpus: Corpus) -> dict[str, Any]:
    """A target set by a directive or plan, with its provenance."""
    return {
        "id": t.id, "report": t.report, "unit": t.unit, "indicator": t.indicator, "comparator": t.comparator,
        "target_value": _num(t.target_value), "deadline": t.deadline.isoformat() if t.deadline else None, "recurrence": t.recurrence or None,
        "scope": t.scope or None, "scope_breakdowns": breakdowns_obj(t.scope, corpus),
        "scope_text": _pair(t.scope_vi, t.scope_en), "note": _pair(t.note_vi, t.note_en),
        "provenance": {"report": t.report, "locator": t.locator, "quote": t.quote, "quote_reading": t.reading or None, "page": _page(f"reports/{t.report}/"),
                       "source_text": _page(f"reports/{t.report}-source/")},
    }


def _unit_summary(corpus: Corpus, computed: Computed, uid: str) -> dict[str, Any]:
    u = corpus.units[uid]
    figs = unit_figures(corpus, computed, uid)
    return {
        "id": u.id, "level": u.level.value, "parent": u.parent, "name": _text(u.name), "short_name": _text(u.short_name),
        "figures": len(figs), "reports": len(computed.reports_by_unit.get(uid, ())),
        "api": f"api/units/{uid}.json", "page": _page(f"units/{uid}/"), "csv": f"downloads/units/{uid}.csv" if figs else None,
    }


def _report_summary(corpus: Corpus, computed: Computed, rid: str) -> dict[str, Any]:
    r = corpus.reports[rid]
    figs = computed.figures_by_report.get(rid, ())
    return {
        "id": r.id, "unit": r.unit, "issuer": r.issuer, "document_type": r.document_type.value, "number": r.number,
        "date": r.date.isoformat() if r.date else None, "uncertain": [f.value for f in r.uncertain],
        "period": _period(r.period), "data_period": _period(r.data_period),
        "publisher": r.publisher, "author": r.author, "url": r.url, "retrieved": r.retrieved.isoformat() if r.retrieved else None,
        "title": _text(r.title), "figures": len(figs),
        "api": f"api/reports/{rid}.json", "page": _page(f"reports/{rid}/"), "csv": f"downloads/reports/{rid}.csv" if figs else None,
    }


def _identity(x: Identity) -> dict[str, Any]:
    """An identity as declared: its name and exactly one of sum (with unless), at_most, parts."""
    out: dict[str, Any] = {"name": _text(x.name)}
    if x.sum:
        out |= {"sum": list(x.sum), "unless": list(x.unless)}
    elif x.at_most:
        out["at_most"] = x.at_most
    else:
        out["parts"] = True
    return out


def _indicator_summary(corpus: Corpus, computed: Computed, iid: str) -> dict[str, Any]:
    i = corpus.indicators[iid]
    figs = computed.figures_by_indicator.get(iid, ())
    return {
        "id": i.id, "name": _text(i.name), "unit": i.unit.value, "field": i.field.value, "higher_is_better": i.higher_is_better,
        "formula": {"numerator": i.formula.numerator, "denominator": i.formula.denominator} if i.formula else None,
        "identities": [_identity(x) for x in i.identities],
        "figures": len(figs),
        "api": f"api/indicators/{iid}.json", "page": _page(f"indicators/{iid}/"), "csv": f"downloads/indicators/{iid}.csv" if figs else None,
    }


def meta_base(corpus: Corpus) -> dict[str, Any]:
    """What every response's meta says about the data; computed once per build (it reads every package)."""
    updated = data_updated(corpus)
    return {
        "api_version": API_VERSION, "data_version": data_version(corpus), "updated": updated.isoformat() if updated else None,
        "license": {"name": CC_BY["name"], "path": CC_BY["path"]},
    }


def _meta(base: dict[str, Any], schema: str) -> dict[str, Any]:
    return base | {"schema": f"api/schema/{schema}.json", "docs": _page("api/")}


def unit_response(corpus: Corpus, computed: Computed, uid: str, base: dict[str, Any], first: int | None = None) -> dict[str, Any]:
    """api/units/{id}.json; with `first`, only that many figures (the API page's example)."""
    u = corpus.units[uid]
    reorg = u.reorganisation_2025
    unit = _unit_summary(corpus, computed, uid) | {
        "admin_code": u.admin_code, "website": u.website, "description": _text(u.description),
        "reorganisation_2025": None if reorg is None else {"status": reorg.status.value, "successor": reorg.successor, "legal_basis": reorg.legal_basis, "note": _text(reorg.note)},
    }
    return {
        "meta": _meta(base, "unit"), "unit": unit,
        "ancestors": [a.id for a in corpus.ancestors(uid)], "children": [c.id for c in corpus.children(uid)],
        "reports": [_report_summary(corpus, computed, rid) for rid in computed.reports_by_unit.get(uid, ())],
        "figures": [figure_obj(f, corpus) for f in unit_figures(corpus, computed, uid)[:first]],
        "targets": [target_obj(t, corpus) for t in corpus.targets if t.unit == uid],
    }


def indicator_response(corpus: Corpus, computed: Computed, iid: str, base: dict[str, Any], first: int | None = None) -> dict[str, Any]:
    """api/indicators/{id}.json; with `first`, only that many figures and derived values (the API page's example)."""
    ind = corpus.indicators[iid]
    indicator = _indicator_summary(corpus, computed, iid) | {
        "definition": _text(ind.definition),
        "frameworks": [{"framework": fw.framework.value, "ref": _text(fw.ref)} for fw in ind.frameworks],
    }
    derived = [{"unit": d.unit, "period": d.period, "breakdown": d.breakdown or None, "value": d.value, "qualifier": d.qualifier.value or None,
                "numerator": d.numerator.id,
                "denominator": d.denominator.id, "published": d.published.id if d.published else None, "differs": d.differs, "impossible": d.impossible}
               | ({"value": None} if d.impossible else {})
               for d in computed.derived_by_indicator.get(iid, ())[:first]]
    return {
        "meta": _meta(base, "indicator"), "indicator": indicator,
        "figures": [figure_obj(f, corpus) for f in sorted(computed.figures_by_indicator.get(iid, ()), key=lambda f: f.id)[:first]],
        "derived": derived, "targets": [target_obj(t, corpus) for t in corpus.targets if t.indicator == iid],
    }


def report_response(corpus: Corpus, computed: Computed, rid: str, base: dict[str, Any], first: int | None = None) -> dict[str, Any]:
    """api/reports/{id}.json; with `first`, only that many figures (the API page's example)."""
    r = corpus.reports[rid]
    cited = cite_source(r, corpus.units[r.issuer])
    report = _report_summary(corpus, computed, rid) | {
        "date_note": _text(r.date_note), "place": r.place, "summary": _text(r.summary),
        "signer": None if r.signer is None else {"name": r.signer.name, "title": _text(r.signer.title), "on_behalf": _text(r.signer.on_behalf)},
        "source": {"ocr": r.source.ocr, "diacritics_restored": r.source.diacritics_restored, "page": _page(f"reports/{rid}-source/")},
        "citation": {"text": cited.text, "bibtex": cited.bibtex, "csl": cited.csl},
    }
    return {
        "meta": _meta(base, "report"), "report": report,
        "figures": [figure_obj(f, corpus) for f in sorted(computed.figures_by_report.get(rid, ()), key=lambda f: f.id)[:first]],
        "targets": [target_obj(t, corpus) for t in corpus.targets if t.report == rid],
    }


def list_responses(corpus: Corpus, computed: Computed, base: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The lists and the index: {path under api/: (schema name, document)}."""
    datasets = [{"name": m.name, "title": m.title, "version": m.version, "updated": m.updated.isoformat() if m.updated else None,
                 "page": _page(m.page), "files": m.files, "citation": m.citation("en"), "bibtex": m.bibtex()} for m in catalogue(corpus)]
    return {
        "units.json": ("units", {"meta": _meta(base, "units"), "units": [_unit_summary(corpus, computed, u) for u in corpus.units]}),
        "indicators.json": ("indicators", {"meta": _meta(base, "indicators"), "indicators": [_indicator_summary(corpus, computed, i) for i in corpus.indicators]}),
        "reports.json": ("reports", {"meta": _meta(base, "reports"), "reports": [_report_summary(corpus, computed, r) for r in corpus.reports]}),
        "index.json": ("index", {
            "meta": _meta(base, "index"),
            "endpoints": {"units": "api/units.json", "unit": "api/units/{id}.json", "indicators": "api/indicators.json",
                          "indicator": "api/indicators/{id}.json", "reports": "api/reports.json", "report": "api/reports/{id}.json"},
            "datasets": datasets,
            "bundle": {"zip": "downloads/minh-bach-data.zip", "sqlite": "downloads/minh-bach.db", "datasette_metadata": "downloads/metadata.json",
                       "manifest": "downloads/manifest.json", "changelog": "downloads/changelog.json"},
        }),
    }


def responses(corpus: Corpus, computed: Computed) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every response: {path under api/: (schema name, document)}."""
    base = meta_base(corpus)
    out = list_responses(corpus, computed, base)
    out |= {f"units/{uid}.json": ("unit", unit_response(corpus, computed, uid, base)) for uid in corpus.units}
    out |= {f"indicators/{iid}.json": ("indicator", indicator_response(corpus, computed, iid, base)) for iid in corpus.indicators}
    out |= {f"reports/{rid}.json": ("report", report_response(corpus, computed, rid, base)) for rid in corpus.reports}
    return out


def _response(make: Callable[[Corpus, Computed, str, dict[str, Any]], dict[str, Any]], corpus: Corpus, computed: Computed,
              oid: str, base: dict[str, Any]) -> str:
    return dumps(make(corpus, computed, oid, base))


def dumps(doc: Any) -> str:
    # Compact: with `indent` the json module falls back to its pure-Python encoder, ten times
    # slower, and a national build writes thousands of responses. Browsers and jq indent it.
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def pretty(doc: Any) -> str:
    """Indented, for reading on the API page."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_api(corpus: Corpus, computed: Computed, files: Outputs) -> None:
    """Write every response and every schema under api/ of `files`: the lists each time, a unit's,
    report's or indicator's response when it may have changed (`Outputs.of`)."""
    base = meta_base(corpus)
    for rel, (_, doc) in sorted(list_responses(corpus, computed, base).items()):
        files.put(f"api/{rel}", dumps(doc))
    for kind, ids, make in (("unit", corpus.units, unit_response), ("indicator", corpus.indicators, indicator_response),
                            ("report", corpus.reports, report_response)):
        for oid in sorted(ids):
            files.of(kind, oid, f"api/{kind}s/{oid}.json", partial(_response, make, corpus, computed, oid, base))
    for name, schema in SCHEMAS.items():
        files.put(f"api/schema/{name}.json", dumps(schema))


# --------------------------------------------------------------------------- schemas

def _obj(props: dict[str, Any], description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    if description:
        out["description"] = description
    return out


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


STR = {"type": "string"}
KINDS = [k.value for k in periods.PeriodKind]
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
ID = {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"}
NUMBER = {"type": "number"}
PATH = {"type": "string", "description": "Path relative to the site root."}

DEFS: dict[str, Any] = {
    "text": _obj({"vi": {"type": "string", "minLength": 1}, "en": _null(STR)}, "A bilingual text; en is null when not yet translated."),
    "page": _obj({"vi": PATH, "en": PATH}, "The page in each language, relative to the site root."),
    "meta": _obj({
        "api_version": {"const": API_VERSION}, "data_version": STR, "updated": _null(DATE),
        "license": _obj({"name": STR, "path": STR}), "schema": PATH, "docs": {"$ref": "#/$defs/page"},
    }, "About the response: versions, last update of the data, licence, its schema and documentation."),
    "provenance": _obj({
        "report": ID, "locator": STR, "quote": {"type": "string", "description": "The verbatim sentence, in the source's own spelling."},
        "quote_reading": _null({"type": "string", "description": "For a source whose OCR lost the diacritics: the same sentence in correct Vietnamese, "
                                "restored by the project and checked to keep every word and digit of the quote; null when the quote is shown as it is."}),
        "page": {"$ref": "#/$defs/page"}, "source_text": {"$ref": "#/$defs/page"},
    }, "Where the number was read: the report, the place in it, the verbatim sentence and the page that shows it."),
    "breakdowns": {"type": "array", "description": "Each dimension of a breakdown with its value, in the code's order; empty for the total.",
                   "items": _obj({"dimension": STR, "value": STR, "dimension_name": {"$ref": "#/$defs/text"}, "value_name": {"$ref": "#/$defs/text"}},
                                 "One dimension (cause) and the figure's value of it (system_error), each with its name.")},
    "figure": _obj({
        "id": STR, "report": ID, "unit": ID, "indicator": ID, "period": STR, "period_kind": {"enum": KINDS},
        "period_label": _obj({"vi": STR, "en": STR}, "The period in words, as the report words it."), "period_start": _null(DATE), "period_end": DATE,
        "breakdown": _null({**STR, "description": "The sub-groups as in the CSV: dimension=value pairs joined by ';', by dimension "
                                                  "(agency=…;cause=…); null for the total."}),
        "breakdown_name": _null({"$ref": "#/$defs/text"}), "breakdowns": {"$ref": "#/$defs/breakdowns"}, "value": _null(NUMBER),
        "qualifier": _null({"enum": [q.value for q in Qualifier if q.value]}), "status": {"enum": ["reported", "missing"]},
        "flag": _null({"enum": ["inconsistent", "rounding", "ocr_uncertain"]}), "note": _null({"$ref": "#/$defs/text"}),
        "provenance": {"$ref": "#/$defs/provenance"},
    }, "A number read from a report. value is null when the document marks it missing; qualifier is null when the report gives the number as is "
       "(approx: khoảng; more_than: trên; at_least; less_than: dưới; at_most; estimated: ước). period_start is null for a running total "
       "(period ../<date>) whose start the report does not give."),
    "target": _obj({
        "id": STR, "report": ID, "unit": ID, "indicator": ID, "comparator": {"enum": [">=", "<=", "="]}, "target_value": NUMBER,
        "deadline": _null(DATE), "recurrence": _null({"enum": ["annual"]}), "scope": _null(STR), "scope_breakdowns": {"$ref": "#/$defs/breakdowns"},
        "scope_text": _null({"$ref": "#/$defs/text"}), "note": _null({"$ref": "#/$defs/text"}),
        "provenance": {"$ref": "#/$defs/provenance"},
    }, "A target set by a directive or plan. deadline is null when the document sets none; recurrence is annual for a yearly target."),
    "period": _obj({"kind": {"enum": KINDS}, "start": _null(DATE), "end": DATE, "code": STR,
                    "label": _obj({"vi": STR, "en": STR})}, "A period as the report words it; start is null for a running total."),
    "unit_summary": _obj({
        "id": ID, "level": {"enum": ["province", "district", "commune", "office", "party"]}, "parent": _null(ID),
        "name": {"$ref": "#/$defs/text"}, "short_name": _null({"$ref": "#/$defs/text"}),
        "figures": {"type": "integer", "minimum": 0}, "reports": {"type": "integer", "minimum": 0},
        "api": PATH, "page": {"$ref": "#/$defs/page"}, "csv": _null(PATH),
    }),
    "report_summary": _obj({
        "id": ID, "unit": ID, "issuer": ID, "document_type": STR, "number": _null(STR), "date": _null(DATE),
        "uncertain": {"type": "array", "items": {"enum": [h.value for h in HeaderField]},
                      "description": "Header fields read from a damaged copy and not certain."},
        "period": {"$ref": "#/$defs/period"}, "data_period": _null({"$ref": "#/$defs/period"}),
        "publisher": _null({"type": "string", "description": "The newspaper or website that published a press article or web page, as it names itself."}),
        "author": _null({"type": "string", "description": "Who wrote a press article, as printed."}),
        "url": _null({"type": "string", "pattern": "^https?://", "description": "The address the source was read at."}),
        "retrieved": _null(DATE | {"description": "The day the source was read at url."}),
        "title": {"$ref": "#/$defs/text"}, "figures": {"type": "integer", "minimum": 0},
        "api": PATH, "page": {"$ref": "#/$defs/page"}, "csv": _null(PATH),
    }),
    "indicator_summary": _obj({
        "id": ID, "name": {"$ref": "#/$defs/text"}, "unit": STR, "field": STR, "higher_is_better": _null({"type": "boolean"}),
        "formula": _null(_obj({"numerator": ID, "denominator": ID})),
        "identities": {"type": "array", "items": {"type": "object", "additionalProperties": False, "required": ["name"], "properties": {
            "name": {"$ref": "#/$defs/text"}, "sum": {"type": "array", "items": ID}, "unless": {"type": "array", "items": ID},
            "at_most": ID, "parts": {"const": True}}}},
        "figures": {"type": "integer", "minimum": 0},
        "api": PATH, "page": {"$ref": "#/$defs/page"}, "csv": _null(PATH),
    }),
}


def _extend(base: str, extra: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = copy.deepcopy(DEFS[base])
    schema["properties"].update(extra)
    schema["required"] = list(schema["properties"])
    return schema


def _document(title: str, description: str, props: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "description": description}
    schema.update(_obj({"meta": {"$ref": "#/$defs/meta"}} | props))
    schema["$defs"] = DEFS
    return schema


def _list(ref: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{ref}"}}


SCHEMAS: dict[str, dict[str, Any]] = {
    "index": _document("Minh Bạch API index", "The endpoints, the datasets with their citation, and the bundle downloads.", {
        "endpoints": {"type": "object", "additionalProperties": STR},
        "datasets": {"type": "array", "items": _obj({
            "name": ID, "title": STR, "version": STR, "updated": _null(DATE), "page": {"$ref": "#/$defs/page"},
            "files": _obj({"csv": PATH, "xlsx": PATH, "json": PATH, "datapackage": PATH}), "citation": STR, "bibtex": STR,
        })},
        "bundle": _obj({"zip": PATH, "sqlite": PATH, "datasette_metadata": PATH, "manifest": PATH, "changelog": PATH}),
    }),
    "units": _document("Units", "Every unit (province, district, commune, office, party body).", {"units": _list("unit_summary")}),
    "unit": _document("Unit", "One unit, its place in the tree, its reports, figures and targets.", {
        "unit": _extend("unit_summary", {
            "admin_code": _null(STR), "website": _null(STR), "description": _null({"$ref": "#/$defs/text"}),
            "reorganisation_2025": _null(_obj({"status": {"enum": ["continued", "merged", "abolished", "new", "unknown"]}, "successor": _null(ID),
                                               "legal_basis": _null(STR), "note": _null({"$ref": "#/$defs/text"})})),
        }),
        "ancestors": {"type": "array", "items": ID}, "children": {"type": "array", "items": ID},
        "reports": _list("report_summary"), "figures": _list("figure"), "targets": _list("target"),
    }),
    "indicators": _document("Indicators", "The catalogue of what is measured.", {"indicators": _list("indicator_summary")}),
    "indicator": _document("Indicator", "One indicator, every value reported for it, values recomputed from formulas, and targets.", {
        "indicator": _extend("indicator_summary", {
            "definition": {"$ref": "#/$defs/text"},
            "frameworks": {"type": "array", "items": _obj({"framework": STR, "ref": {"$ref": "#/$defs/text"}})},
        }),
        "figures": _list("figure"),
        "derived": {"type": "array", "items": _obj({
            "unit": ID, "period": STR, "breakdown": _null(STR), "value": _null(NUMBER),
            "qualifier": _null({"enum": ["approx", "estimated"]}), "numerator": STR, "denominator": STR,
            "published": _null(STR), "differs": {"type": "boolean"}, "impossible": {"type": "boolean"},
        })},
        "targets": _list("target"),
    }),
    "reports": _document("Reports", "Every source document.", {"reports": _list("report_summary")}),
    "report": _document("Report", "One source document, its figures and targets.", {
        "report": _extend("report_summary", {
            "date_note": _null({"$ref": "#/$defs/text"}), "place": _null(STR), "summary": {"$ref": "#/$defs/text"},
            "signer": _null(_obj({"name": STR, "title": {"$ref": "#/$defs/text"}, "on_behalf": _null({"$ref": "#/$defs/text"})})),
            "source": _obj({"ocr": {"type": "boolean"}, "diacritics_restored": {"type": "boolean"}, "page": {"$ref": "#/$defs/page"}}),
            "citation": _obj({
                "text": _obj({"vi": STR, "en": STR}), "bibtex": {"type": "string", "description": "A biblatex entry."},
                "csl": {"type": "object", "required": ["id", "type", "title"], "description": "A CSL-JSON item: article-newspaper, webpage, report or document."},
            }, "How to cite the source document: a line per language, biblatex and CSL-JSON."),
        }),
        "figures": _list("figure"), "targets": _list("target"),
    }),
}

# which response path pattern each schema describes, for the documentation page
ENDPOINTS: tuple[tuple[str, str, str], ...] = (
    ("index", "api/index.json", "index.json"),
    ("units", "api/units.json", "units.json"),
    ("unit", "api/units/{id}.json", "units/"),
    ("indicators", "api/indicators.json", "indicators.json"),
    ("indicator", "api/indicators/{id}.json", "indicators/"),
    ("reports", "api/reports.json", "reports.json"),
    ("report", "api/reports/{id}.json", "reports/"),
)


def _shorten(doc: Any, items: int = 1) -> Any:
    """An example for the docs: every list cut to its first items."""
    if isinstance(doc, list):
        return [_shorten(x, items) for x in doc[:items]]
    if isinstance(doc, dict):
        return {k: _shorten(v, items) for k, v in doc.items()}
    return doc


def documentation(corpus: Corpus, computed: Computed) -> list[dict[str, Any]]:
    """For the API page: each endpoint with a real example (lists shortened) and its schema.

    Only the examples are built, not every response: the example of a kind is the item with the
    most figures, which shows the most of the shape.
    """
    base = meta_base(corpus)
    docs = {path: doc for path, (_, doc) in list_responses(corpus, computed, base).items()}

    def most(ids: Any, count: Any) -> str | None:
        return max(sorted(ids), key=count, default=None)

    if (uid := most(corpus.units, lambda u: len(unit_figures(corpus, computed, u)))) is not None:
        docs[f"units/{uid}.json"] = unit_response(corpus, computed, uid, base, first=1)  # _shorten keeps the first of each list
    if (iid := most(corpus.indicators, lambda i: len(computed.figures_by_indicator.get(i, ())))) is not None:
        docs[f"indicators/{iid}.json"] = indicator_response(corpus, computed, iid, base, first=1)
    if (rid := most(corpus.reports, lambda r: len(computed.figures_by_report.get(r, ())))) is not None:
        docs[f"reports/{rid}.json"] = report_response(corpus, computed, rid, base, first=1)
    out = []
    for name, pattern, prefix in ENDPOINTS:
        path = prefix if prefix.endswith(".json") else next((p for p in docs if p.startswith(prefix)), None)
        if path is None:
            continue
        out.append({"name": name, "pattern": pattern, "example_path": f"api/{path}", "schema_path": f"api/schema/{name}.json",
                    "example": pretty(_shorten(docs[path])), "schema": pretty(SCHEMAS[name])})
    return out
