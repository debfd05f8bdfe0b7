"""Stage 4c: downloadable files. Input: the corpus. Output: files under downloads/ of the site.

The shipped CSVs are copied byte for byte; per-unit, per-report and per-indicator CSVs are
the same rows, selected, in the same columns, so they parse equal to the package data.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from pathlib import Path

from .compute import Computed
from .corpus import Corpus, Figure
from .packages import FIGURE_FIELDS

LOOKUPS = ("units", "reports", "indicators")


def figure_row(f: Figure) -> list[str]:
    """A figure back in its CSV form (values as written in the package)."""
    value = "" if f.value is None else (str(int(f.value)) if f.value == int(f.value) else repr(f.value))
    return [f.id, f.report, f.unit, f.indicator, f.period, f.period_start.isoformat(), f.period_end.isoformat(), f.breakdown,
            value, f.status, f.locator, f.quote, f.flag, f.note_vi, f.note_en]


def figures_csv(figures: list[Figure] | tuple[Figure, ...]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIGURE_FIELDS)
    for f in sorted(figures, key=lambda f: f.id):
        writer.writerow(figure_row(f))
    return buf.getvalue()


def _lookup_csv(corpus: Corpus, name: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if name == "units":
        writer.writerow(["id", "level", "parent", "name_vi", "name_en", "admin_code", "successor_2025"])
        for u in corpus.units.values():
            succ = u.reorganisation_2025.successor if u.reorganisation_2025 else None
            writer.writerow([u.id, u.level.value, u.parent or "", u.name.vi, u.name.en or "", u.admin_code or "", succ or ""])
    elif name == "reports":
        writer.writerow(["id", "unit", "document_type", "number", "date", "period", "title_vi", "title_en"])
        for r in corpus.reports.values():
            writer.writerow([r.id, r.unit, r.document_type.value, r.number or "", r.date.isoformat() if r.date else "", r.period.code, r.title.vi, r.title.en or ""])
    else:
        writer.writerow(["id", "name_vi", "name_en", "unit", "higher_is_better", "field"])
        for i in corpus.indicators.values():
            hib = "" if i.higher_is_better is None else str(i.higher_is_better).lower()
            writer.writerow([i.id, i.name.vi, i.name.en or "", i.unit.value, hib, i.field.value])
    return buf.getvalue()


LOOKUP_SCHEMAS = {
    "units": ["id", "level", "parent", "name_vi", "name_en", "admin_code", "successor_2025"],
    "reports": ["id", "unit", "document_type", "number", "date", "period", "title_vi", "title_en"],
    "indicators": ["id", "name_vi", "name_en", "unit", "higher_is_better", "field"],
}


def write_downloads(corpus: Corpus, computed: Computed, out: Path) -> list[Path]:
    """Write every download under `out` (the site's downloads/ folder); return the files written."""
    written: list[Path] = []

    def put(rel: str, text: str) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    for name, pkg in corpus.packages.items():
        folder = out / "datasets" / name
        desc = copy.deepcopy(pkg.descriptor)
        for res, src in zip(desc["resources"], pkg.resources):
            target = folder / src.rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src.path, target)
            written.append(target)
        uses = {fk["reference"]["resource"] for r in desc["resources"] for fk in r.get("schema", {}).get("foreignKeys", [])}
        for lookup in LOOKUPS:
            if lookup in uses:
                put(f"datasets/{name}/{lookup}.csv", _lookup_csv(corpus, lookup))
                desc["resources"].append({
                    "name": lookup, "path": f"{lookup}.csv", "profile": "tabular-data-resource",
                    "schema": {"fields": [{"name": f, "type": "string"} for f in LOOKUP_SCHEMAS[lookup]], "primaryKey": ["id"]},
                })
        for res in desc["resources"]:
            res.setdefault("profile", "tabular-data-resource")
            res.setdefault("format", "csv")
            res.setdefault("encoding", "utf-8")
        put(f"datasets/{name}/datapackage.json", json.dumps(desc, ensure_ascii=False, indent=2, sort_keys=False) + "\n")
        rows = [f for f in corpus.figures if f.dataset == name]
        if rows:
            put(f"datasets/{name}.csv", figures_csv(rows))
        elif pkg.resources:
            put(f"datasets/{name}.csv", pkg.resources[0].path.read_text(encoding="utf-8"))
    for uid in corpus.units:
        own = list(computed.figures_by_unit.get(uid, ()))
        for rid in computed.reports_by_unit.get(uid, ()):
            own += [f for f in computed.figures_by_report.get(rid, ()) if f.unit != uid]
        if own:
            put(f"units/{uid}.csv", figures_csv(list({f.id: f for f in own}.values())))
    for rid, figs in computed.figures_by_report.items():
        put(f"reports/{rid}.csv", figures_csv(figs))
    for iid, figs in computed.figures_by_indicator.items():
        put(f"indicators/{iid}.csv", figures_csv(figs))
    return written
