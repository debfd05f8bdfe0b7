"""`site-builder fmt`: one spelling and one layout for every content file.

What `fmt` changes, and nothing else:

- **Unicode NFC** everywhere (decomposed diacritics are composed).
- **Tone-mark placement: the traditional ("old") style** of official documents and of the
  shipped content. In an open syllable whose nucleus is *oa*, *oe* or *uy* (nothing follows
  the second vowel) the mark sits on the first vowel: hóa, hòa, khỏe, lòe, thủy, lũy, Ủy ban.
  The new style (hoá, hoà, khoẻ, thuỷ, luỹ, Uỷ) is rewritten to it, for all five marks and
  both cases. Syllables with a final consonant or a third vowel keep their mark where it is
  in both styles (hoàn, khoảng, thuyết, ngoài, khuỷu), and *qu* is a consonant, so quý, quỳ,
  quà are never touched. Only whole Vietnamese syllables are considered (an optional initial
  consonant, then the vowel pair, with no letter on either side).
- **No trailing spaces or tabs**, and the file ends with a newline.
- **Key order from the schema** (`model.py` field order, recursively for nested models and
  lists of models; keys the schema does not know stay at the end, in their order). Only files
  under `content/{units,indicators,reports,pages,glossary}/` are reordered, and flow-style
  mappings (`{vi: …, en: …}`) are left as written.

Comments, blank lines, quoting and line breaks are kept byte for byte: the file is parsed
with `yamlio.round_trip_yaml()` for the position of every key, and reordering moves whole
blocks of lines (a key, its value, and the comment lines directly above it). The result is
parsed again and must hold the same data before anything is written.

CSV files (data packages) get NFC and the tone style in their text cells and no other change;
the `quote` column is verbatim from the source and is left exactly as it is. The raw texts in
`content/sources/` are never touched.
"""
from __future__ import annotations

import difflib
import logging
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import click
from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from site_builder.error_types import FMT_ORDER, UNICODE_NFC, YAML_SYNTAX
from site_builder.errors import Problem, rel
from site_builder.files import write_atomic
from site_builder.content.breakdowns import COLUMNS as BREAKDOWN_COLUMNS
from site_builder.content.breakdowns import canonical, repeated
from site_builder.content.breakdowns import parse as parse_breakdown
from site_builder.content.corpus import project_schema
from site_builder.content.model import KINDS, Glossary
from site_builder.editor.new import field_shape
from site_builder.content.yamlio import parse_yaml, read_text, round_trip_yaml

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- tone marks

_TONED = {  # base letter -> the five marks: sắc, huyền, hỏi, ngã, nặng
    "a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ", "o": "óòỏõọ", "u": "úùủũụ",
}
_MARK_OF = {ch: (base, i) for base, marks in _TONED.items() for i, ch in enumerate(marks)}
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|[bcdđghklmnprstvx]"  # no q: in "quý" the u is part of "qu"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NEW_STYLE = re.compile(
    _NOT_LETTER_BEFORE
    + rf"(?P<initial>{_INITIALS}|)(?P<first>o(?=[{_TONED['a']}{_TONED['e']}])|u(?=[{_TONED['y']}]))(?P<second>[{_TONED['a']}{_TONED['e']}{_TONED['y']}])"
    + _NOT_LETTER_AFTER,
    re.IGNORECASE,
)


def _same_case(letter: str, like: str) -> str:
    return letter.upper() if like.isupper() else letter


def _to_old_style(match: re.Match[str]) -> str:
    first, second = match["first"], match["second"]
    base, mark = _MARK_OF[second.lower()]
    toned = _TONED[first.lower()][mark]
    return match["initial"] + _same_case(toned, first) + _same_case(base, second)


def tone_style(text: str) -> str:
    """Rewrite new-style tone placement (hoá, thuỷ) to the traditional style (hóa, thủy). Expects NFC."""
    return _NEW_STYLE.sub(_to_old_style, text)


def vietnamese(text: str) -> str:
    """NFC, then the traditional tone style: the normalisation of every text cell and line."""
    return tone_style(unicodedata.normalize("NFC", text))


_TRAILING = re.compile(r"[ \t]+(?=\r?\n|\Z)")


def normalise_lines(text: str) -> str:
    """NFC, tone style, no trailing spaces or tabs, final newline. Works on the raw text."""
    text = _TRAILING.sub("", vietnamese(text))
    return text + "\n" if text and not text.endswith("\n") else text


# --------------------------------------------------------------------------- key order


def model_for(path: Path) -> type[BaseModel] | None:
    """The schema of a content file, from its folder; None for files that are not reordered."""
    if path.parent.parent.name != "content":
        return None
    if path.parent.name == "glossary":
        return Glossary
    return KINDS.get(path.parent.name)


def canonical_order(model: type[BaseModel], keys: list[Any]) -> list[Any]:
    """Schema field order first, then unknown keys in the order they came."""
    fields = list(model.model_fields)
    return [k for k in fields if k in keys] + [k for k in keys if k not in model.model_fields]


def _is_tail(line: str, col: int) -> bool:
    """A blank line, or a comment no deeper than the key (deeper ones may be block-scalar text)."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= col)


def _split_tail(block: list[str], col: int) -> tuple[list[str], list[str]]:
    """Split off the blank and comment lines ending a key's block: they belong to the next key."""
    cut = len(block)
    while cut > 1 and _is_tail(block[cut - 1], col):
        cut -= 1
    return block[:cut], block[cut:]


class _CannotReorder(Exception):
    """The layout is unusual enough that moving lines could change the data."""


def _render(lines: list[str], node: Any, model: type[BaseModel] | None, a: int, b: int) -> list[str]:
    """Lines [a, b) with every mapping inside put in schema order."""
    if isinstance(node, CommentedMap) and model is not None and node and not node.fa.flow_style():
        return _render_map(lines, node, model, a, b)
    if isinstance(node, CommentedSeq) and model is not None and node and not node.fa.flow_style():
        return _render_seq(lines, node, model, a, b)
    return lines[a:b]


def _render_seq(lines: list[str], node: CommentedSeq, model: type[BaseModel], a: int, b: int) -> list[str]:
    starts = []
    for j in range(len(node)):
        line, col = node.lc.item(j)
        if "-" not in lines[line][:col]:  # "-" alone on the line before the item
            while line > a and lines[line - 1].strip()[:1] != "-":
                line -= 1
            line -= 1
        starts.append(line)
    if starts != sorted(starts) or starts[0] < a:
        raise _CannotReorder
    out = lines[a:starts[0]]
    for j, item in enumerate(node):
        out += _render(lines, item, model, starts[j], starts[j + 1] if j + 1 < len(node) else b)
    return out


def _render_map(lines: list[str], node: CommentedMap, model: type[BaseModel], a: int, b: int) -> list[str]:
    keys = list(node)
    at = [node.lc.key(k) for k in keys]
    rows = [line for line, _ in at]
    if rows != sorted(set(rows)) or rows[0] < a:
        raise _CannotReorder
    col = at[0][1]
    chunks = []
    for i, key in enumerate(keys):
        info = model.model_fields.get(key) if isinstance(key, str) else None
        child = field_shape(info.annotation)[0] if info else None
        chunks.append(_render(lines, node[key], child, rows[i], rows[i + 1] if i + 1 < len(keys) else b))
    header = lines[a:rows[0]]
    order = canonical_order(model, keys)
    if order == keys:
        return header + [line for chunk in chunks for line in chunk]
    # The comment lines directly above a key move with it; the last block's tail stays last.
    lead: list[str] = []
    blocks: dict[Any, tuple[list[str], list[str]]] = {}
    for key, chunk in zip(keys, chunks):
        body, tail = _split_tail(chunk, col)
        blocks[key] = (lead, body)
        lead = tail
    footer = lead
    prefix = lines[rows[0]][:col]
    if prefix.strip(" -"):
        raise _CannotReorder
    out = list(header)
    for n, key in enumerate(order):
        above, body = blocks[key]
        first = (prefix if n == 0 else " " * col) + body[0][col:]
        out += above + [first] + body[1:]
    return out + footer


def reorder(text: str, model: type[BaseModel]) -> str:
    """Put every mapping of a parsed YAML text in schema order, moving whole lines only."""
    tree = round_trip_yaml().load(text)
    if not isinstance(tree, CommentedMap):
        return text
    lines = text.splitlines(keepends=True)
    return "".join(_render(lines, tree, model, 0, len(lines)))


def in_schema_order(node: Any, model: type[BaseModel] | None) -> bool:
    """Whether every block mapping in a round-trip tree has its keys in schema order."""
    if model is None:
        return True
    if isinstance(node, CommentedSeq):
        return all(in_schema_order(item, model) for item in node)
    if not isinstance(node, CommentedMap):
        return True
    keys = list(node)
    if not node.fa.flow_style() and canonical_order(model, keys) != keys:
        return False
    for key in keys:
        info = model.model_fields.get(key) if isinstance(key, str) else None
        if info and not in_schema_order(node[key], field_shape(info.annotation)[0]):
            return False
    return True


# --------------------------------------------------------------------------- files


@dataclass
class Formatted:
    """One file before and after formatting, and what `fmt` could not do to it."""

    path: str
    before: str
    after: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        """A unified diff of what `fmt` would change."""
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            f"a/{self.path}", f"b/{self.path}",
        ))


def format_yaml(path: str, text: str, model: type[BaseModel] | None = None) -> Formatted:
    """Normalise one YAML text; `model` is the schema whose key order applies (None: no reordering)."""
    after = normalise_lines(text)
    doc, problems = parse_yaml(path, after)
    problems = [p for p in problems if p.code != UNICODE_NFC.code]
    if doc is None:
        return Formatted(path, text, text, problems or [YAML_SYNTAX.at(path, 0, 0, variant="unparsable")])
    if model is not None and not in_schema_order(doc.tree, model):
        try:
            moved = reorder(after, model)
            check, _ = parse_yaml(path, moved)
        except Exception as exc:  # noqa: BLE001 - any failure means: leave the order alone
            log.debug("%s: reorder failed: %r", path, exc)
            check = None
        if check is None or check.data != doc.data or not in_schema_order(check.tree, model):
            return Formatted(path, text, after, [FMT_ORDER.at(path, 1, 1)])
        after = moved
    return Formatted(path, text, after)


VERBATIM_COLUMNS = frozenset({"quote"})  # copied from the source text, checked against it


def _csv_cells(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, row, column) of every cell's raw text, quotes included (RFC 4180)."""
    start = row = col = i = 0
    quoted = False
    n = len(text)
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i += 1
                else:
                    quoted = False
        elif ch == '"':
            quoted = True
        elif ch == ",":
            yield start, i, row, col
            col, start = col + 1, i + 1
        elif ch in "\r\n":
            yield start, i, row, col
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row, col, start = row + 1, 0, i + 1
        i += 1
    if start < n:
        yield start, n, row, col


def _breakdown_cell(cell: str) -> str:
    """A breakdown code of several pairs written in alphabetical order of dimension, as check
    requires; a code with a dimension twice is left for check to report."""
    if cell.startswith('"'):
        return cell  # a code needs no quotes; one quoted is left as written
    pairs = parse_breakdown(cell)
    return canonical(pairs) if len(pairs) > 1 and repeated(pairs) is None else cell


def format_csv(path: str, text: str) -> Formatted:
    """NFC and tone style in every text cell except the verbatim ones; in the project's figures
    and targets, the pairs of each breakdown code in order; nothing else changes."""
    cells = list(_csv_cells(text))
    header = {col: text[s:e].strip('"') for s, e, row, col in cells if row == 0}
    skip = {col for col, name in header.items() if name in VERBATIM_COLUMNS}
    codes = {col for col, name in header.items() if name in BREAKDOWN_COLUMNS} if project_schema(tuple(header.values())) else set()
    out, pos = [], 0
    for s, e, row, col in cells:
        out.append(text[pos:s])
        if row == 0 or col in skip:
            out.append(text[s:e])
        else:
            out.append(_breakdown_cell(text[s:e]) if col in codes else vietnamese(text[s:e]))
        pos = e
    out.append(text[pos:])
    return Formatted(path, text, "".join(out))


def format_file(path: Path, root: Path) -> Formatted:
    """Read and normalise one YAML or CSV file (nothing is written)."""
    shown = rel(path, root)
    text, problems = read_text(shown, path.read_bytes())
    if text is None:
        return Formatted(shown, "", "", problems)
    if path.suffix == ".csv":
        return format_csv(shown, text)
    return format_yaml(shown, text, model_for(path))


SUFFIXES = (".yaml", ".yml", ".csv")
_SKIP_DIRS = {"sources", "site", "node_modules", "__pycache__"}


def collect(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to format under the given files and folders, sorted; plus paths refused with why."""
    found, refused = [], []
    for path in paths:
        if path.is_dir():
            for item in sorted(path.rglob("*")):
                parts = item.relative_to(path).parts
                if item.is_file() and item.suffix in SUFFIXES and not any(p.startswith(".") or p in _SKIP_DIRS for p in parts[:-1]):
                    found.append(item)
        elif path.suffix in SUFFIXES and path.is_file():
            found.append(path)
        elif not path.exists():
            refused.append(f"{path}: no such file or folder")
        else:
            refused.append(f"{path}: not a YAML or CSV file; source texts are kept as received")
    return sorted(set(found)), refused




def run(root: Path, paths: list[Path], check: bool = False) -> tuple[list[Formatted], list[str]]:
    """Format the files (in place unless `check`); return every result and the refused paths."""
    files, refused = collect(paths)
    results = [format_file(p, root) for p in files]
    if not check:
        for path, result in zip(files, results):
            if result.changed:
                write_atomic(path, result.after)
    return results, refused


@click.command(name="fmt")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Project folder (default: current folder).")
@click.option("--check", is_flag=True, help="Change nothing; show what would change and exit 1 if anything would.")
def command(paths: tuple[Path, ...], root: Path | None, check: bool) -> None:
    """Normalise content YAML and package CSV: NFC, traditional tone marks (hóa, thủy), no trailing spaces, schema key order."""
    project = (root or Path.cwd()).resolve()
    targets = list(paths) or [project / "content", project / "datapackages"]
    results, refused = run(project, [p if p.is_absolute() else Path.cwd() / p for p in targets], check)
    for message in refused:
        click.echo(message, err=True)
    failed = bool(refused)
    changed = [r for r in results if r.changed]
    for result in results:
        for problem in result.problems:
            click.echo(problem.text(), err=True)
            failed = True
        if result.changed:
            click.echo(result.diff() if check else f"formatted {result.path}", nl=not check)
    verb = "would be reformatted" if check else "reformatted"
    click.echo(f"{len(changed)} file(s) {verb}, {len(results) - len(changed)} unchanged", err=True)
    sys.exit(1 if failed or (check and changed) else 0)
