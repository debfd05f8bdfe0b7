"""content/: read every YAML file, validate it against the model, cross-check ids.

Input: the project root. Output: validated models plus every problem found, located.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from site_builder.error_types import (
    DUPLICATE_ID, ID_FILENAME, IDENTITY_SELF, MAP_LAYOUT, MISSING_FILE, PATH_ESCAPE, SCHEMA, SCHEMA_FAMILY, SYMLINK, TRANSLATION_MISSING, UNIT_CYCLE,
    UNIT_TREE, UNKNOWN_ID,
)
from site_builder.errors import Loc, Message, Problem, field_path, rel
from site_builder.content.messages import date_message, kind_of
from site_builder.content.model import KINDS, Dimension, Glossary, GlossaryTerm, Indicator, MapLayout, Page, Report, Text, Unit
from site_builder.content.web_sources import check_web_sources
from site_builder.content.readings import load_readings
from site_builder.content.yamlio import Located, parse_yaml, read_text

log = logging.getLogger(__name__)


@dataclass
class Content:
    """Validated content models, keyed by id, with where each came from."""

    units: dict[str, Unit] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    breakdowns: dict[str, Dimension] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    maps: dict[str, MapLayout] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    readings: dict[str, dict[str, str]] = field(default_factory=dict)  # report id -> OCR quote -> restored reading
    reading_files: dict[str, Located] = field(default_factory=dict)  # report id -> its source's readings file, parsed
    located: dict[tuple[str, str], Located] = field(default_factory=dict)  # (kind, id) -> parsed file
    digests: dict[str, str] = field(default_factory=dict)  # file as shown (content/units/x.yaml) -> sha256 of its bytes
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)  # ids of files that failed validation

    def known(self, kind: str) -> set[str]:
        """Ids that exist, valid or not: a broken file is reported once, not again by every reference to it."""
        return set(getattr(self, kind)) | self.invalid_ids.get(kind, set())


def _friendly(err: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        return "unknown key" + (f"; allowed keys: {', '.join(allowed)}" if allowed else "")
    if kind == "enum":
        return f"must be one of: {err.get('ctx', {}).get('expected', '').replace(chr(39), '')}"
    msg = str(err["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    given = err.get("input")
    if kind == "string_pattern_mismatch":
        msg = f"does not match the pattern {err.get('ctx', {}).get('pattern')}"
    elif kind == "string_type":
        msg = f"expected text, got {kind_of(given)}"
        if isinstance(given, (int, float)) and not isinstance(given, bool):
            msg += f'; put it in quotes: "{given}"'
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        keys = _allowed_keys(model, loc)
        msg = f"expected a mapping{' of ' + ', '.join(keys) if keys else ''}, got {kind_of(given)}"
    elif kind == "list_type":
        msg = f"expected a list (items starting with '- '), got {kind_of(given)}"
    elif kind in ("bool_type", "bool_parsing"):
        msg = f"expected true or false, got {given!r}" if isinstance(given, str) else f"expected true or false, got {kind_of(given)}"
    elif kind.startswith("date_") or kind.startswith("datetime_"):
        msg = date_message(given) if isinstance(given, (str, int, float)) else f"expected a date YYYY-MM-DD, got {kind_of(given)}"
    return msg[:1].lower() + msg[1:]


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the sub-model at `loc`, so an editor sees what they may have meant."""
    current: Any = model
    for key in loc:
        if isinstance(key, int):
            continue
        info = getattr(current, "model_fields", {}).get(key)
        if info is None:
            return []
        ann = info.annotation
        current = _model_in(ann)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate_model(doc: Located, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate parsed YAML against a model; every pydantic error becomes a located problem."""
    if not isinstance(doc.data, dict):
        return None, [SCHEMA.at(doc.path, 1, 1, kind=kind_of(doc.data))]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            if err["type"] == "missing":
                line, col = doc.position(loc[:-1])
            elif err["type"] == "extra_forbidden":
                line, col = doc.position(loc)
            else:
                line, col = doc.value_position(loc)
            problems.append(SCHEMA_FAMILY.at(doc.path, line, col, field_path(loc), suffix=err["type"], detail=_friendly(err, model, loc)))
        return None, problems


def missing_translations(obj: Any, doc: Located, loc: Loc = ()) -> list[Problem]:
    """A warning for every bilingual field without English."""
    out: list[Problem] = []
    if isinstance(obj, Text):
        if not obj.en:
            line, col = doc.position(loc)
            out.append(TRANSLATION_MISSING.at(doc.path, line, col, field_path(loc)))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            out += missing_translations(getattr(obj, name), doc, loc + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            out += missing_translations(item, doc, loc + (i,))
    return out


def _read(path: Path, root: Path, digests: dict[str, str]) -> tuple[Located | None, list[Problem]]:
    shown = rel(path, root)
    if path.is_symlink():
        return None, [SYMLINK.at(shown, 0, 0, variant="content")]
    raw = path.read_bytes()
    digests[shown] = hashlib.sha256(raw).hexdigest()
    text, problems = read_text(shown, raw)
    if text is None:
        return None, problems
    doc, more = parse_yaml(shown, text)
    return doc, problems + more


def load_content(root: Path) -> tuple[Content, list[Problem]]:
    """Read and validate everything under content/. Never raises on bad input."""
    content = Content()
    problems: list[Problem] = []
    base = root / "content"
    for kind, model in KINDS.items():
        target = getattr(content, kind)
        files: dict[str, str] = {}  # id (file stem) -> the file that has it
        for path in sorted((base / kind).glob("*.yaml")) + sorted((base / kind).glob("*.yml")):
            doc, found = _read(path, root, content.digests)
            problems += found
            if path.stem in files:  # x.yaml and x.yml: one would silently replace the other
                line, col = doc.value_position(("id",)) if doc is not None else (0, 0)
                problems.append(DUPLICATE_ID.at(rel(path, root), line, col, "id" if doc is not None else "", id=path.stem, other=files[path.stem]))
                continue
            files[path.stem] = rel(path, root)
            if doc is None:
                content.invalid_ids.setdefault(kind, set()).add(path.stem)
                continue
            obj, found = validate_model(doc, model)
            problems += found
            if obj is None:
                # references to the broken file are not reported again: it is reported itself
                content.invalid_ids.setdefault(kind, set()).add(path.stem)
                if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                    content.invalid_ids[kind].add(doc.data["id"])
                continue
            obj_id = getattr(obj, "id")
            if obj_id != path.stem:
                line, col = doc.value_position(("id",))
                problems.append(ID_FILENAME.at(doc.path, line, col, "id", id=obj_id, file_name=path.stem))
                continue
            target[obj_id] = obj
            content.located[(kind, obj_id)] = doc
            problems += missing_translations(obj, doc)
    seen: dict[str, str] = {}
    for path in sorted((base / "glossary").glob("*.yaml")):
        doc, found = _read(path, root, content.digests)
        problems += found
        if doc is None:
            continue
        glossary, found = validate_model(doc, Glossary)
        problems += found
        if glossary is None:
            continue
        for i, term in enumerate(glossary.terms):  # type: ignore[attr-defined]
            if term.term in seen:
                line, col = doc.value_position(("terms", i, "term"))
                problems.append(DUPLICATE_ID.at(doc.path, line, col, f"terms[{i}].term", variant="term", term=term.term, other=seen[term.term]))
                continue
            seen[term.term] = doc.path
            content.glossary.append(term)
    problems += _cross_check(content, root)
    return content, problems


def _ref(content: Content, kind: str, obj_id: str, loc: Loc, message: Message) -> Problem:
    """`message` placed on the value at `loc` in the file of `obj_id`."""
    doc = content.located[(kind, obj_id)]
    line, col = doc.value_position(loc)
    return message.at(doc.path, line, col, field_path(loc))


def _cross_check(content: Content, root: Path) -> list[Problem]:
    """References between files: parents, successors, formula terms, report units, source files."""
    out: list[Problem] = []
    units = content.units
    known_units = content.known("units")
    for uid, unit in units.items():
        if unit.parent and unit.parent not in known_units:
            out.append(_ref(content, "units", uid, ("parent",), UNKNOWN_ID.message(kind="unit", id=unit.parent)))
        succ = unit.reorganisation_2025.successor if unit.reorganisation_2025 else None
        if succ and succ not in known_units:
            out.append(_ref(content, "units", uid, ("reorganisation_2025", "successor"), UNKNOWN_ID.message(kind="unit", id=succ)))
        if unit.level.value == "province" and unit.parent:
            out.append(_ref(content, "units", uid, ("parent",), UNIT_TREE.message()))
    for uid in units:
        chain, cur = [uid], units[uid].parent
        while cur in units:
            if cur in chain:
                out.append(_ref(content, "units", uid, ("parent",), UNIT_CYCLE.message(chain=" → ".join(chain + [cur]))))
                break
            chain.append(cur)
            cur = units[cur].parent
    for iid, ind in content.indicators.items():
        if ind.formula:
            for part in ("numerator", "denominator"):
                ref = getattr(ind.formula, part)
                if ref not in content.known("indicators"):
                    out.append(_ref(content, "indicators", iid, ("formula", part), UNKNOWN_ID.message(kind="indicator", id=ref)))
        for i, ident in enumerate(ind.identities):
            terms = [("sum", j, ref) for j, ref in enumerate(ident.sum or ())] + [("unless", j, ref) for j, ref in enumerate(ident.unless)]
            refs: list[tuple[tuple[str | int, ...], str]] = [(("identities", i, key, j), ref) for key, j, ref in terms]
            if ident.at_most:
                refs.append((("identities", i, "at_most"), ident.at_most))
            for loc, ref in refs:
                if ref not in content.known("indicators"):
                    out.append(_ref(content, "indicators", iid, loc, UNKNOWN_ID.message(kind="indicator", id=ref)))
                elif ref == iid:  # x = x + y, or x at most x: says nothing, or that y is zero
                    out.append(_ref(content, "indicators", iid, loc, IDENTITY_SELF.message(id=ref)))
    for did, dim in content.breakdowns.items():
        listed: set[str] = set()
        for i, value in enumerate(dim.values):
            if value.id in listed:
                out.append(_ref(content, "breakdowns", did, ("values", i, "id"), DUPLICATE_ID.message(variant="value", value=value.id)))
            listed.add(value.id)
    numbers: dict[tuple[str, str, int], str] = {}  # (issuer, number, year) -> report id
    for rid, rep in sorted(content.reports.items()):
        if not rep.number:
            continue
        key = (rep.issuer, " ".join(rep.number.split()), (rep.date or rep.period.end).year)
        if key in numbers:
            first = content.located[("reports", numbers[key])].path
            out.append(_ref(content, "reports", rid, ("number",), DUPLICATE_ID.message(
                variant="report-number", number=rep.number, issuer=rep.issuer, year=key[2], other=first)))
        else:
            numbers[key] = rid
    out += _check_maps(content)
    out += check_web_sources(content.reports, content.located)
    sources = root / "content" / "sources"
    for rid, rep in content.reports.items():
        for part in ("unit", "issuer"):
            if getattr(rep, part) not in known_units:
                out.append(_ref(content, "reports", rid, (part,), UNKNOWN_ID.message(kind="unit", id=getattr(rep, part))))
        src = (sources / rep.source.file)
        try:
            inside = src.resolve().is_relative_to(sources.resolve())
        except OSError:
            inside = False
        if not inside or ".." in Path(rep.source.file).parts:
            out.append(_ref(content, "reports", rid, ("source", "file"), PATH_ESCAPE.message(file=rep.source.file, folder="content/sources/")))
        elif src.is_symlink():
            out.append(_ref(content, "reports", rid, ("source", "file"), SYMLINK.message(file=rep.source.file)))
        elif not src.is_file():
            out.append(_ref(content, "reports", rid, ("source", "file"), MISSING_FILE.message(variant="source", file=rep.source.file)))
        else:
            raw = src.read_bytes()
            content.digests[rel(src, root)] = hashlib.sha256(raw).hexdigest()
            text, problems = read_text(rel(src, root), raw)
            out += problems
            if text is not None:
                content.sources[rid] = text
            readings, doc, problems = load_readings(root, rep, content.digests)
            out += problems
            if doc is not None:
                content.readings[rid], content.reading_files[rid] = readings, doc
    return out


def _check_maps(content: Content) -> list[Problem]:
    """Within a map: one tile a cell, a code and a label once; between maps: no day on two."""
    out: list[Problem] = []
    for mid, layout in sorted(content.maps.items()):
        cells: dict[tuple[int, int], str] = {}
        codes: dict[str, str] = {}
        labels: dict[str, str] = {}
        for i, tile in enumerate(layout.tiles):
            here = f"{tile.label} ({tile.name.vi})"
            if (tile.col, tile.row) in cells:
                out.append(_ref(content, "maps", mid, ("tiles", i, "row"), MAP_LAYOUT.message(
                    label=here, col=tile.col, row=tile.row, other=cells[(tile.col, tile.row)])))
            if tile.code in codes:
                out.append(_ref(content, "maps", mid, ("tiles", i, "code"), MAP_LAYOUT.message(variant="code", code=tile.code, other=codes[tile.code])))
            if tile.label in labels:
                out.append(_ref(content, "maps", mid, ("tiles", i, "label"), MAP_LAYOUT.message(variant="label", label=tile.label, other=labels[tile.label])))
            cells.setdefault((tile.col, tile.row), here)
            codes.setdefault(tile.code, here)
            labels.setdefault(tile.label, here)
    ordered = sorted(content.maps.items(), key=lambda kv: (kv[1].valid_from, kv[0]))
    for (first_id, first), (mid, layout) in zip(ordered, ordered[1:]):
        if first.valid_to is None or layout.valid_from <= first.valid_to:
            out.append(_ref(content, "maps", mid, ("valid_from",), MAP_LAYOUT.message(
                variant="overlap", start=layout.valid_from.isoformat(), other=content.located[("maps", first_id)].path)))
    return out
