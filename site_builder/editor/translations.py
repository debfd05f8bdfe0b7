"""How much of the content is bilingual: per file and field, and overall.

`project_coverage` and the `site-builder translations` command read the YAML itself, so files
that do not validate yet are listed too, with the line of every missing text
(`content.coverage` counts the validated models, for the build).
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from site_builder.errors import Loc, Problem, field_path, rel
from site_builder.content.locators import locator
from site_builder.content.model import KINDS, Text
from site_builder.content.packages import csv_lines
from site_builder.content.tabular import Dialect, field_columns
from site_builder.editor.new import field_shape
from site_builder.content.yamlio import Located, parse_yaml, read_text


# --------------------------------------------------------------------------- per file, located
# The command works on the parsed YAML rather than the validated models, so a file that does not
# validate yet (a fresh skeleton, say) is still listed, with the line of every missing text.


@dataclass(frozen=True)
class MissingText:
    """One bilingual field without the language asked for."""

    line: int
    column: int
    field: str  # e.g. sections[0].points[2].en


@dataclass(frozen=True)
class FileCoverage:
    """Bilingual fields of one content file, in one language."""

    path: str
    kind: str
    id: str
    total: int
    missing: tuple[MissingText, ...]

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else round(100.0 * self.translated / self.total, 1)


def _raw_texts(data: Any, model: type[BaseModel], loc: Loc, out: list[tuple[Loc, Any]]) -> None:
    """(location, raw value) of every bilingual field present in `data`, following the schema."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        sub, is_list = field_shape(info.annotation)
        if sub is None or name not in data:
            continue
        items = list(enumerate(data[name])) if is_list and isinstance(data[name], list) else [(None, data[name])]
        for i, value in items:
            here = loc + ((name,) if i is None else (name, i))
            if sub is Text:
                if value is not None or info.is_required():
                    out.append((here, value))
            else:
                _raw_texts(value, sub, here, out)


def file_coverage(doc: Located, kind: str, model: type[BaseModel], lang: str = "en") -> FileCoverage:
    """Which bilingual fields of a parsed file lack `lang`, with their positions."""
    found: list[tuple[Loc, Any]] = []
    _raw_texts(doc.data, model, (), found)
    missing = []
    for loc, value in found:
        text = value.get(lang) if isinstance(value, dict) else None
        if not (isinstance(text, str) and text):
            line, col = doc.position(loc + (lang,))
            missing.append(MissingText(line, col, field_path(loc + (lang,))))
    return FileCoverage(doc.path, kind, doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], len(found), tuple(missing))


def project_coverage(root: Path, lang: str = "en") -> tuple[list[FileCoverage], list[Problem]]:
    """Coverage of every unit, indicator, report and page file under root/content, and read problems."""
    files: list[FileCoverage] = []
    problems: list[Problem] = []
    for kind in ("units", "indicators", "reports", "pages"):
        folder = root / "content" / kind
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            shown = rel(path, root)
            text, found = read_text(shown, path.read_bytes())
            doc, more = parse_yaml(shown, text) if text is not None else (None, [])
            if doc is None:
                problems += found + more
                continue
            files.append(file_coverage(doc, kind, KINDS[kind], lang))
    return files, problems


@dataclass(frozen=True)
class UntranslatedLocator:
    """A figure's or target's locator whose words English cannot give (the page shows the Vietnamese, marked)."""

    path: str
    line: int
    column: int
    locator: str


def locator_gaps(root: Path, lang: str = "en") -> list[UntranslatedLocator]:
    """Every locator in the CSVs under datapackages/ that the pages cannot give in `lang`.

    Read from the files, like the rest of this command, so a draft that does not validate yet is
    listed too; a row is one line in the project's own CSVs."""
    out: list[UntranslatedLocator] = []
    if lang == "vi":
        return out
    for path in sorted((root / "datapackages").glob("*/**/*.csv")):
        lines = csv_lines(path.read_bytes().decode("utf-8", errors="replace"))
        header = next(csv.reader(lines[:1]), [])
        if "locator" not in header:
            continue
        at = header.index("locator")
        for n, row in enumerate(csv.reader(lines[1:]), start=2):
            text = row[at] if at < len(row) else ""
            if text and locator(text, lang) is None:
                starts = field_columns(lines[n - 1], Dialect())
                out.append(UntranslatedLocator(rel(path, root), n, starts[at] if at < len(starts) else 1, text))
    return out


LANGUAGES = {"en": "English", "vi": "Vietnamese"}


def _totals(files: list[FileCoverage]) -> dict[str, Any]:
    total = sum(f.total for f in files)
    translated = sum(f.translated for f in files)
    return {"total": total, "translated": translated, "percent": 100.0 if total == 0 else round(100.0 * translated / total, 1)}


def report_json(files: list[FileCoverage], lang: str, locators: list[UntranslatedLocator] | None = None) -> str:
    """The coverage as JSON: overall, per kind, per file with every missing field, and the locators without `lang`."""
    kinds = {k: _totals([f for f in files if f.kind == k]) for k in dict.fromkeys(f.kind for f in files)}
    return json.dumps({
        "lang": lang,
        "overall": _totals(files),
        "kinds": kinds,
        "files": [
            {"path": f.path, "kind": f.kind, "id": f.id, "total": f.total, "translated": f.translated, "percent": f.percent,
             "missing": [{"field": m.field, "line": m.line, "column": m.column} for m in f.missing]}
            for f in files
        ],
        "locators": [{"path": g.path, "line": g.line, "column": g.column, "locator": g.locator} for g in locators or []],
    }, ensure_ascii=False, indent=2)


def report_text(files: list[FileCoverage], lang: str, locators: list[UntranslatedLocator] | None = None) -> str:
    """`path:line:column: field: … missing` per missing text and per locator without `lang`, then
    percentages per report, kind and overall."""
    name = LANGUAGES[lang]
    lines = [f"{f.path}:{m.line}:{m.column}: {m.field}: {name} text missing" for f in files for m in f.missing]
    lines += [f"{g.path}:{g.line}:{g.column}: locator: {name} cannot be given for '{g.locator}'; name the place with the words of "
              "content/locators.py (Mục, đoạn, câu, dòng, cột, Phụ lục …), headings in quotes" for g in locators or []]
    if lines:
        lines.append("")
    reports = [f for f in files if f.kind == "reports"]
    if reports:
        lines.append(f"{name} completeness per report:")
        width = max(len(f.id) for f in reports)
        lines += [f"  {f.id:<{width}}  {f.percent:5.1f}%  ({f.translated}/{f.total})" for f in reports]
    per_kind = ", ".join(
        f"{k} {t['percent']:.1f}%" for k in dict.fromkeys(f.kind for f in files) for t in [_totals([f for f in files if f.kind == k])]
    )
    overall = _totals(files)
    lines.append(f"overall {name}: {overall['percent']:.1f}% ({overall['translated']}/{overall['total']})" + (f"; {per_kind}" if per_kind else ""))
    if locators:
        lines.append(f"locators without {name}: {len(locators)}")
    return "\n".join(lines)


@click.command(name="translations")
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default="en", show_default=True, help="The language whose texts are counted.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="text for people, json for tools.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Project folder (default: current folder).")
def command(lang: str, fmt: str, root: Path | None) -> None:
    """List bilingual fields missing a language, by file and field, with completeness percentages."""
    project = (root or Path.cwd()).resolve()
    files, problems = project_coverage(project, lang)
    locators = locator_gaps(project, lang)
    for problem in problems:
        click.echo(problem.text(), err=True)
    click.echo(report_json(files, lang, locators) if fmt == "json" else report_text(files, lang, locators))
    sys.exit(1 if problems else 0)
