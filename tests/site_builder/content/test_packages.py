"""content/packages.py: the quick scans of a CSV line that place messages, against the character-by-character rules they stand for."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.packages import _field_columns, _unclosed_quote, copy_plain

LINES = st.text(alphabet='ab,"" ', max_size=40)


def columns_by_character(line: str) -> list[int]:
    """The rule: a comma outside double quotes starts a field (each quote toggles)."""
    starts, quoted = [1], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(i + 2)
    return starts


def unclosed_by_character(line: str) -> int:
    """The csv module's rule: a quote opens a cell only at its start; "" inside it is a quote."""
    opened, quoted, at_start, i = 0, False, True, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1 : i + 2] == '"':
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"' and at_start:
            quoted, opened = True, i + 1
        at_start = not quoted and ch == ","
        i += 1
    return opened if quoted else 0


@settings(max_examples=500)
@given(LINES)
def test_field_columns_follow_the_rule(line: str) -> None:
    assert _field_columns(line) == columns_by_character(line)


@settings(max_examples=500)
@given(LINES)
def test_an_unclosed_quote_is_found_as_the_csv_module_reads(line: str) -> None:
    assert _unclosed_quote(line) == unclosed_by_character(line)


def test_examples_of_both() -> None:
    assert _field_columns('a,"b,c",d') == [1, 3, 9]
    assert _unclosed_quote('a,"b,c",d') == 0
    assert _unclosed_quote('a,"b ""c"", d') == 3  # the doubled quotes are inside the cell, still open
    assert _unclosed_quote('a,b"c') == 0  # a quote inside an unquoted cell opens nothing


def test_a_plain_copy_shares_nothing_mutable() -> None:
    schema = {"fields": [{"name": "a", "constraints": {"enum": ["x", "y"]}}], "primaryKey": ["a"]}
    copied = copy_plain(schema)
    assert copied == schema
    copied["fields"][0]["constraints"]["enum"].append("z")
    copied["primaryKey"].append("b")
    assert schema == {"fields": [{"name": "a", "constraints": {"enum": ["x", "y"]}}], "primaryKey": ["a"]}


def test_a_path_is_resolved_as_pathlib_does_with_its_folder_once(tmp_path: Path) -> None:
    from site_builder.content.packages import resolved

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.csv").write_text("x")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "data").symlink_to(tmp_path / "real")  # a linked folder
    (tmp_path / "pkg" / "b.csv").symlink_to(tmp_path / "real" / "a.csv")  # a linked file
    folders: dict[Path, Path] = {}
    for path in (tmp_path / "pkg" / "data" / "a.csv", tmp_path / "pkg" / "b.csv", tmp_path / "pkg" / "data" / "..",
                 tmp_path / "pkg" / "missing.csv", tmp_path / "pkg" / "data" / "a.csv"):
        assert resolved(path, folders) == path.resolve()
    assert list(folders) == [tmp_path / "pkg" / "data", tmp_path / "pkg"]
