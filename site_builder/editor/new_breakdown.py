"""`site-builder new breakdown DIMENSION VALUE`: a value of a breakdown dimension, named in both languages.

The value is appended to content/breakdowns/<dimension>.yaml, after the values already there; the
file is read with `yamlio.round_trip_yaml()` and written back the same way, and the result is
compared with what was there: every line of the file stays as it was (comments, quoting, order),
only the new value's lines are added, or nothing is written. A dimension not listed yet gets its
file, which then needs the dimension's own name (`--dimension-vi`, `--dimension-en`).
"""
from __future__ import annotations

import difflib
import io
import re
from pathlib import Path
from typing import Any

import click
from ruamel.yaml.comments import CommentedMap

from site_builder.content.model import BREAKDOWN_VALUE_PATTERN, DIMENSION_PATTERN, Dimension
from site_builder.content.yamlio import _plain, parse_yaml, read_text, round_trip_yaml
from site_builder.editor.new import ROOT_OPTION, NewError, done, existing_file
from site_builder.error_types import NEW_EXISTS, NEW_ID
from site_builder.files import write_atomic

DIMENSION_RULE = "lower-case ASCII letters joined by '_', e.g. online_level"
VALUE_RULE = "lower-case ASCII letters and digits joined by '-' or '_', e.g. in-person"


def _text(vi: str, en: str | None) -> CommentedMap:
    text = CommentedMap(vi=vi.strip())
    if en and en.strip():
        text["en"] = en.strip()
    return text


def _dump(data: Any) -> str:
    yaml = round_trip_yaml()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a long name stays on its line, as editors write it
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _only_added(before: str, after: str) -> bool:
    """Whether `after` is `before` with lines inserted and none changed or removed."""
    ops = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False).get_opcodes()
    return all(tag in ("equal", "insert") for tag, *_ in ops)


def new_dimension_text(dimension: str, value: str, vi: str, en: str | None, dimension_vi: str, dimension_en: str | None) -> str:
    """The file of a new dimension holding one value."""
    data = CommentedMap(id=dimension, name=_text(dimension_vi, dimension_en), values=[CommentedMap(id=value, name=_text(vi, en))])
    return _dump(data)


def appended_text(name: str, text: str, value: str, vi: str, en: str | None) -> str:
    """`text` (a dimension's file, at `name`) with `value` appended to its values; NewError if it cannot be done safely."""
    located, problems = parse_yaml(name, text)
    if located is None or problems:
        raise NewError(problems[0] if problems else f"{name}: could not be read")
    tree = located.tree
    values = tree.get("values") if isinstance(tree, CommentedMap) else None
    if not isinstance(values, list):
        raise NewError(f"{name}: has no list of values to add to; fix the file first (`site-builder check` says how)")
    for i, item in enumerate(values):
        if isinstance(item, dict) and item.get("id") == value:
            line, col = located.value_position(("values", i, "id"))
            raise NewError(NEW_EXISTS.at(name, line, col, f"values[{i}].id", variant="value", value=value, key=tree.get("id")))
    if not re.match(BREAKDOWN_VALUE_PATTERN, value):
        line, col = located.position(("values",))
        raise NewError(NEW_ID.at(name, line, col, f"values[{len(values)}].id", kind="breakdown value", id=value, rule=VALUE_RULE))
    expected = _plain(tree)
    values.append(CommentedMap(id=value, name=_text(vi, en)))
    after = _dump(tree)
    expected["values"].append(_plain(values[-1]))
    if _plain(round_trip_yaml().load(after)) != expected or not _only_added(text, after):
        raise NewError(f"{name}: the value could not be added without changing other lines; add it by hand at the end of values")
    return after


def new_breakdown(root: Path, dimension: str, value: str, vi: str, en: str | None,
                  dimension_vi: str | None = None, dimension_en: str | None = None) -> Path:
    """Add `value` to `dimension` (creating the dimension's file when absent); return the file's path."""
    if not re.match(DIMENSION_PATTERN, dimension):
        raise NewError(NEW_ID.at(f"content/breakdowns/{dimension}.yaml", 1, 1, "id", kind="breakdown", id=dimension, rule=DIMENSION_RULE))
    if not vi.strip():
        raise NewError("--vi: the value's name in Vietnamese is required")
    path = existing_file(root, "breakdowns", dimension)
    if path is None:
        if not re.match(BREAKDOWN_VALUE_PATTERN, value):
            raise NewError(NEW_ID.at(f"content/breakdowns/{dimension}.yaml", 1, 1, "values[0].id", kind="breakdown value", id=value, rule=VALUE_RULE))
        if not (dimension_vi or "").strip():
            raise NewError(f"content/breakdowns/{dimension}.yaml does not exist yet: a new breakdown needs its own name, "
                           "--dimension-vi (and --dimension-en)")
        text = new_dimension_text(dimension, value, vi, en, dimension_vi or "", dimension_en)
        Dimension.model_validate(_plain(round_trip_yaml().load(text)))
        path = root / "content" / "breakdowns" / f"{dimension}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
        return path
    name = f"content/breakdowns/{path.name}"
    raw, problems = read_text(name, path.read_bytes())
    if raw is None:
        raise NewError(problems[0])
    if dimension_vi is not None or dimension_en is not None:
        located, _ = parse_yaml(name, raw)
        named = located.data.get("name") if located is not None and isinstance(located.data, dict) else None
        if not isinstance(named, dict) or named.get("vi") != dimension_vi or (dimension_en is not None and named.get("en") != dimension_en):
            raise NewError(f"{name} already names breakdown '{dimension}' otherwise; --dimension-vi and --dimension-en "
                           "are for a new one (edit its name in the file)")
    write_atomic(path, appended_text(name, raw, value, vi, en))
    return path


@click.command(name="breakdown")
@click.argument("dimension")
@click.argument("value")
@click.option("--vi", required=True, help="The value's name in Vietnamese, as visitors read it (e.g. \"cấp huyện\").")
@click.option("--en", help="The value's name in English (e.g. \"district level\").")
@click.option("--dimension-vi", help="For a new dimension: its name in Vietnamese (e.g. \"Cấp\").")
@click.option("--dimension-en", help="For a new dimension: its name in English (e.g. \"Level\").")
@ROOT_OPTION
def command(dimension: str, value: str, vi: str, en: str | None, dimension_vi: str | None, dimension_en: str | None, root: Path | None) -> None:
    """Add VALUE to the breakdown DIMENSION in content/breakdowns/DIMENSION.yaml (created when absent)."""
    project = (root or Path.cwd()).resolve()
    done(project, lambda: new_breakdown(project, dimension, value, vi, en, dimension_vi, dimension_en))
