"""The fast YAML path (libyaml) reads exactly what the round-trip parser reads, or declines."""
from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.content.yamlio import _fast_load, _plain, parse_json, parse_yaml, round_trip_yaml

ROOT = Path(__file__).resolve().parents[3]


def test_every_shipped_file_reads_the_same_both_ways() -> None:
    files = sorted((ROOT / "content").rglob("*.yaml")) + sorted((ROOT / "datapackages").rglob("*.yaml"))
    assert len(files) > 150
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = _fast_load(text)
        slow = _plain(round_trip_yaml().load(text))
        assert fast is not None, path  # the fast path takes every shipped file
        assert fast == slow and repr(fast) == repr(slow), path


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # duplicate key: the round-trip parser names the first definition
    "code: 010\n",  # a leading zero: octal in YAML 1.1, not in 1.2
    "n: 1_000\n",
    "x: .inf\n",
    "d: !!binary aGk=\n",
    "a: &x 1\nb: *x\n",
    "2021: year\n",  # a key that is not a string
    "- a\n- b\n",  # not a mapping
    "",
])
def test_fast_path_declines_what_it_is_not_sure_of(text: str) -> None:
    assert _fast_load(text) is None


@pytest.mark.parametrize("text,expected", [
    ("on: yes\nno: off\n", {"on": "yes", "no": "off"}),  # YAML 1.2: not booleans
    ("date: 2023-02-31\n", {"date": "2023-02-31"}),  # dates stay text, the model checks them
    ("v: 7447\nw: 72.3\nt: true\nn: null\n", {"v": 7447, "w": 72.3, "t": True, "n": None}),
])
def test_fast_path_reads_yaml_1_2(text: str, expected: dict) -> None:
    assert _fast_load(text) == expected == _plain(round_trip_yaml().load(text))


def test_positions_come_from_the_round_trip_tree_when_asked() -> None:
    doc, problems = parse_yaml("x.yaml", "id: a\nname:\n  vi: Xã A\n")
    assert problems == [] and doc is not None
    assert doc.position(("name", "vi")) == (3, 3)
    assert doc.value_position(("id",)) == (1, 5)


# --------------------------------------------------------------------------- JSON (parse_json)


def test_json_is_read_by_json_loads_with_positions_as_for_yaml() -> None:
    text = '{\n\t"name": "figures",\n\t"resources": [\n\t\t{"name": "a", "path": "data/a.csv"},\n\t\t{"name": "b", "path": 1.5e3}\n\t]\n}\n'
    doc, problems = parse_json("datapackages/x/datapackage.json", text)
    assert problems == [] and doc is not None
    assert doc.data == {"name": "figures", "resources": [{"name": "a", "path": "data/a.csv"}, {"name": "b", "path": 1500.0}]}
    # tabs indent the file: the columns count each tab as one character, as editors' error lists do
    assert doc.position(("resources", 1, "path")) == (5, 17)
    assert doc.value_position(("resources", 1, "path")) == (5, 25)
    assert doc.position(("name",)) == (2, 2)


@pytest.mark.parametrize("text,expected", [
    ('{"a": 1,}', "x.json:1:9: JSON syntax error: Expecting property name enclosed in double quotes"),
    ("{'a': 1}", "x.json:1:2: JSON syntax error: Expecting property name enclosed in double quotes"),
    ('{\n  "a": 1\n  "b": 2\n}', "x.json:3:3: JSON syntax error: Expecting ',' delimiter"),
    ("", "x.json:1:1: JSON syntax error: Expecting value"),
    ('{\n "a": {"b": 1,\n  "b": 2}\n}', 'x.json:3:3: b: duplicate key "b"'),
    ('{\n\t"a": 1,\n\t"a": 2\n}', 'x.json:3:2: a: duplicate key "a"'),
    ('{"a": "x\\fy"}', "x.json:1:7: a: control character U+000C in the text; remove it"),
])
def test_json_problems_are_located(text: str, expected: str) -> None:
    doc, problems = parse_json("x.json", text)
    assert [p.text() for p in problems] == [expected]
    assert (doc is None) == (problems[0].code != "yaml-control")  # a control character is reported on data that was read


def test_a_duplicate_json_key_nested_like_others_is_not_one() -> None:
    doc, problems = parse_json("x.json", '{"a": {"hash": "1"}, "b": {"hash": "2"}}')
    assert problems == [] and doc is not None and doc.data["b"] == {"hash": "2"}
