"""Structures no real file has: nesting far deeper than the model's, aliases that expand without bound."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.content import yamlio
from site_builder.content.limits import (
    MAX_ALIASED, MAX_DEPTH, _surely_shallow, alias_overflow, json_depth, json_too_deep, yaml_depth, yaml_too_deep,
)
from site_builder.content.yamlio import parse_json, parse_yaml

ROOT = Path(__file__).resolve().parents[3]


def depth(data: Any) -> int:
    """How deep parsed data nests, the document's own collection counted as 1."""
    if isinstance(data, dict):
        return 1 + max((depth(v) for v in data.values()), default=0)
    if isinstance(data, list):
        return 1 + max((depth(v) for v in data), default=0)
    return 0


def shipped() -> list[Path]:
    return [*sorted((ROOT / "content").rglob("*.yaml")), *sorted((ROOT / "datapackages").rglob("*.yaml")), ROOT / "mkdocs.yml"]


def test_the_limit_is_far_above_every_shipped_file_and_the_scanner_never_counts_less() -> None:
    files = shipped()
    assert len(files) > 150
    deepest = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        real = depth(yaml.safe_load(text))
        assert yaml_depth(text) >= real, path  # over-counting is allowed, under-counting would let a deep file through
        deepest = max(deepest, real)
    manifests = sorted((ROOT / "datapackages/releases").glob("*.json"))
    for path in manifests:
        text = path.read_text(encoding="utf-8")
        assert json_depth(text) == depth(json.loads(text))
    assert 3 <= deepest and deepest * 4 <= MAX_DEPTH  # the comment on MAX_DEPTH says 8 levels, eight times over


@pytest.mark.parametrize("text,expected", [
    ("a: 1\n", 1),
    ("a:\n  b:\n    c: 1\n", 3),
    ("a: [1, [2, {b: 3}]]\n", 4),
    ("- - - x\n", 3),  # compact nested lists, on one line
    ("a:\n  - b: 1\n    c: [x]\n", 4),
    ("a: '[[[['\nb: \"{{{{\"\n", 1),  # brackets in quotes are text
    ("a: |\n  [[[[\n    - - - -\nb: 1\n", 1),  # and in a block scalar
    ("a: x [[[[ # [[[[\n", 1),  # and in plain text or a comment
    ("a: [\"]]]\", '[[', \"x\\\"]\"]\n", 2),
    ("a: [1,\n  [2,\n    [3]]]\n", 4),  # a flow collection over several lines
    ("a: 'it''s [not] open'\n", 1),
    ("a: &x !!seq [1]\n", 2),  # an anchor and a tag before the bracket
    ("--- [[1]]\n", 2),
])
def test_yaml_depth_counts_each_way_of_nesting(text: str, expected: int) -> None:
    assert yaml_depth(text) == expected


@pytest.mark.parametrize("text,position", [
    ("id: x\nname: " + "[" * 100 + "]" * 100 + "\n", (2, 70)),
    ("id: x\nname: " + "{a: " * 100 + "}" * 100 + "\n", (2, 7 + 4 * 63)),  # the document's mapping is level 1: the 64th brace is level 65
    ("id: x\nname:\n" + "- " * 100 + "x\n", (3, 127)),
    ("id: x\n" + "".join(" " * i + "a:\n" for i in range(100)), (66, 65)),
    ("a: \"q\nb\" \n" + "[" * 70 + "]" * 70 + "\n", (3, 64)),  # after a quoted text over two lines
])
def test_yaml_too_deep_places_the_first_level_past_the_limit(text: str, position: tuple[int, int]) -> None:
    assert yaml_too_deep(text) == position
    assert yaml_too_deep(text, limit=200) is None


def test_json_too_deep_places_the_bracket_and_skips_strings() -> None:
    assert json_too_deep('{"a": "[[[[[[", "b":\n  ' + "[" * 65 + "]" * 65 + "}") == (2, 66)
    assert json_too_deep('["' + "[" * 100 + '"]') is None
    assert json_depth('{"a": "\\"[[[", "b": [1]}') == 2


def test_deep_files_are_located_errors_before_any_parser_recurses() -> None:
    deep = "id: x\nname: " + "[" * 5000 + "]" * 5000 + "\n"  # far past what Python's stack holds
    doc, problems = parse_yaml("content/units/x.yaml", deep)
    assert doc is None and [p.text() for p in problems] == [
        "content/units/x.yaml:2:70: nested more than 64 levels deep; close the brackets, or flatten the structure"]
    doc, problems = parse_json("datapackages/x/datapackage.json", "[" * 5000 + "]" * 5000)
    assert doc is None and [p.code for p in problems] == ["too-deep"]
    shallow = "id: x\nname: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert yaml_too_deep(shallow) == (2, 6 + MAX_DEPTH) and parse_yaml("x.yaml", shallow)[0] is None
    fits = "id: x\nname: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    doc, problems = parse_yaml("x.yaml", fits)
    assert problems == [] and doc is not None and depth(doc.data) == MAX_DEPTH


def test_a_recursion_error_the_scanner_let_through_is_still_a_located_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "yaml_too_deep", lambda text: None)
    monkeypatch.setattr(yamlio, "json_too_deep", lambda text: None)
    doc, problems = parse_yaml("content/units/x.yaml", "name: " + "[" * 300 + "]" * 300 + "\n")
    assert doc is None and [p.text() for p in problems] == [
        "content/units/x.yaml:0:0: nested more than 64 levels deep; close the brackets, or flatten the structure"]
    doc, problems = parse_json("x.json", "[" * 5000 + "]" * 5000)
    assert doc is None and [p.code for p in problems] == ["too-deep"]


def bomb(levels: int, width: int) -> str:
    """`levels` lists of `width` aliases, each naming the list before: width**levels values."""
    return "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width if i else ['"x"'] * width) + "]\n" for i in range(levels))


def test_aliases_are_counted_as_what_they_repeat() -> None:
    assert alias_overflow("a: &a [1, 2]\nb: *a\nc: *a\n", limit=6) is None  # two aliases of 3 values: 6
    assert alias_overflow("a: &a [1, 2]\nb: *a\nc: *a\n", limit=5) == (3, 4, False)  # the second alias is the 6th value
    assert alias_overflow("a: &a 1\nb: [*a, *a, *a]\n", limit=2) == (2, 13, False)  # a scalar alias repeats one value
    assert alias_overflow(bomb(3, 3), limit=1000) is None
    assert alias_overflow(bomb(12, 10)) == (5, 45, False)  # 12,330 values before l4, 11,111 per *l3: the 8th; never 10**12 written out
    assert alias_overflow("a: &x\n  b: [1, *x]\n") == (2, 10, True)
    assert alias_overflow("a: [unclosed\n") is None  # the parse that follows reports it


def test_a_few_aliases_read_as_before_and_a_bomb_is_refused_at_its_alias() -> None:
    doc, problems = parse_yaml("content/units/x.yaml", "short: &n\n  vi: A\nname: *n\nother: [*n, *n]\n")
    assert problems == [] and doc is not None
    assert doc.data == {"short": {"vi": "A"}, "name": {"vi": "A"}, "other": [{"vi": "A"}, {"vi": "A"}]}
    doc, problems = parse_yaml("content/units/x.yaml", bomb(9, 10))
    assert doc is None and [p.text() for p in problems] == [
        f"content/units/x.yaml:5:45: the aliases (*name) of this file repeat more than {MAX_ALIASED:,} values; "
        "write the values out, or use fewer aliases"]


# Nested data written the ways YAML allows: block and flow, lists at their key's indentation or
# indented, compact '- - x' items, texts holding brackets, quotes and markers.
TEXTS = st.text(alphabet="ab[]{}-?:#'\" ", max_size=6)
DATA = st.recursive(st.one_of(TEXTS, st.integers()), lambda inner: st.one_of(
    st.lists(inner, min_size=1, max_size=3), st.dictionaries(st.text(alphabet="abc", min_size=1, max_size=3), inner, min_size=1, max_size=3)),
    max_leaves=40)


def dumped(data: Any, style: int) -> str:
    import io

    from ruamel.yaml import YAML

    if style < 3:  # PyYAML: block, flow, mixed
        return yaml.safe_dump({"root": data}, default_flow_style=(False, True, None)[style], allow_unicode=True)
    writer = YAML()
    writer.indent(**[dict(mapping=2, sequence=2, offset=0), dict(mapping=2, sequence=4, offset=2), dict(mapping=3, sequence=2, offset=0)][style - 3])
    out = io.StringIO()
    writer.dump({"root": data}, out)
    return out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATA, st.integers(min_value=0, max_value=5), st.integers(min_value=1, max_value=12))
def test_the_scan_and_its_shortcut_never_count_less_than_the_parser(data: Any, style: int, limit: int) -> None:
    text = dumped(data, style)
    real = depth(yaml.safe_load(text))
    assert yaml_depth(text) >= real
    if _surely_shallow(text, limit):
        assert real <= limit
    if yaml_too_deep(text, limit) is None:
        assert real <= limit
