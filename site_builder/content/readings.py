"""Restored readings of OCR quotes: content/sources/<name>.readings.yaml beside <name>.txt.

A figure's `quote` is the sentence exactly as the OCR printed it, which check finds in the source
text. When the OCR lost the diacritics (`source.diacritics_restored: true`), that sentence is hard
to read ("Theo do, yéu clu céc don vj thyc hién…"), so the readings file gives each distinct quote
once with its reading in correct Vietnamese. The shipped CSVs are left as they are: the reading is
the project's restoration, not the source's text, and lives beside the source.

Checked here: the file's shape, that each reading is its quote restored (`ocrtext.same_text`),
one reading per quote, that every quote of such a report has one (a warning), and that every
entry belongs to a quote (a warning).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from site_builder.content.model import Readings, Report
from site_builder.content.ocrtext import same_text
from site_builder.content.yamlio import Located, parse_yaml, read_text
from site_builder.error_types import READING_DIFFERS, READING_UNUSED, SYMLINK
from site_builder.errors import Problem, rel

SUFFIX = ".readings.yaml"


def readings_path(source_file: str) -> str:
    """The readings file of a source text, relative to content/sources/: a/b.txt -> a/b.readings.yaml."""
    path = PurePosixPath(source_file)
    return str(path.with_name(path.stem + SUFFIX))


def shown_path(source_file: str) -> str:
    """The readings file as messages name it, from the project's root."""
    return f"content/sources/{readings_path(source_file)}"


def load_readings(root: Path, report: Report, digests: dict[str, str]) -> tuple[dict[str, str], Located | None, list[Problem]]:
    """The readings of a report's source, quote -> reading, with the parsed file (None when there
    is none) and every problem in it; a reading that differs from its quote is left out."""
    from site_builder.content.load import validate_model  # load imports this module

    path = root / "content" / "sources" / readings_path(report.source.file)
    if not path.exists() and not path.is_symlink():
        return {}, None, []
    shown = rel(path, root)
    if path.is_symlink():
        return {}, None, [SYMLINK.at(shown, 0, 0, variant="content")]
    raw = path.read_bytes()
    digests[shown] = hashlib.sha256(raw).hexdigest()
    text, problems = read_text(shown, raw)
    if text is None:
        return {}, None, problems
    doc, more = parse_yaml(shown, text)
    problems += more
    if doc is None:
        return {}, None, problems
    model, found = validate_model(doc, Readings)
    problems += found
    if not isinstance(model, Readings):
        return {}, None, problems
    out: dict[str, str] = {}
    first: dict[str, int] = {}
    for i, entry in enumerate(model.readings):
        if entry.ocr in first:
            line, col = doc.value_position(("readings", i, "ocr"))
            problems.append(READING_UNUSED.at(doc.path, line, col, f"readings[{i}].ocr", variant="duplicate", other=first[entry.ocr]))
            continue
        first[entry.ocr] = doc.value_position(("readings", i, "ocr"))[0]
        why = same_text(entry.ocr, entry.reading)
        if why is not None:
            line, col = doc.value_position(("readings", i, "reading"))
            problems.append(READING_DIFFERS.at(doc.path, line, col, f"readings[{i}].reading", why=why))
            continue
        out[entry.ocr] = entry.reading
    return out, doc, problems


def unused_readings(report_id: str, doc: Located, quotes: Iterable[str]) -> list[Problem]:
    """A warning on every entry of a readings file that no figure or target of the report quotes."""
    used = set(quotes)
    entries = doc.data.get("readings") if isinstance(doc.data, dict) else None
    out = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("ocr"), str) and entry["ocr"] not in used:
            line, col = doc.value_position(("readings", i, "ocr"))
            out.append(READING_UNUSED.at(doc.path, line, col, f"readings[{i}].ocr", report=report_id))
    return out
