"""`site-builder fmt`: tone style, NFC, trailing spaces, schema key order; comments and quotes kept."""
from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.editor.fmt import in_schema_order, command, format_csv, format_yaml, run, tone_style, vietnamese
from site_builder.content.model import Report, Unit
from site_builder.content.yamlio import _plain, round_trip_yaml

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).parent / "golden" / "fmt"

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
MARKS = {"sắc": "\u0301", "huyền": "\u0300", "hỏi": "\u0309", "ngã": "\u0303", "nặng": "\u0323"}

# --------------------------------------------------------------------------- the tone table


@pytest.mark.parametrize("new, old", [
    ("hoá", "hóa"), ("Hoà", "Hòa"), ("HOÁ", "HÓA"), ("thuỷ", "thủy"), ("Thuỷ", "Thủy"), ("khoẻ", "khỏe"),
    ("luỹ", "lũy"), ("LUỸ", "LŨY"), ("Uỷ ban", "Ủy ban"), ("tuỳ", "tùy"), ("hoạ", "họa"), ("xoè", "xòe"),
    ("Thanh Hoá", "Thanh Hóa"), ("số hoá,", "số hóa,"), ("(hoà)", "(hòa)"), ("thuỵ-sĩ", "thụy-sĩ"),
    ("hoá1", "hóa1"),  # a digit is not a letter: the syllable ends there
])
def test_new_style_becomes_traditional(new: str, old: str) -> None:
    assert tone_style(new) == old
    assert vietnamese(NFD(new)) == old


@pytest.mark.parametrize("word", [
    "hoàn", "khoảng", "thuyết", "quý", "Quý", "quỳ", "quà", "QUÝ", "gìn", "giữ", "ngoài", "khuỷu", "xoáy",
    "hóa", "thủy", "khỏe", "Ủy", "mùa", "Chloé", "thuở", "thuế", "hoàng", "khoét",
])
def test_unchanged(word: str) -> None:
    assert tone_style(word) == word


@pytest.mark.parametrize("mark", MARKS.values(), ids=MARKS.keys())
@pytest.mark.parametrize("initial, first, second", [
    ("h", "o", "a"), ("kh", "o", "e"), ("th", "u", "y"), ("", "o", "a"), ("ng", "o", "e"), ("", "u", "y"),
])
@pytest.mark.parametrize("case", [str.lower, str.title, str.upper])
def test_every_mark_and_case(mark: str, initial: str, first: str, second: str, case: Any) -> None:
    word = case(initial + first + second)
    new = NFC(word + mark)  # the mark on the second vowel
    old = NFC(word[: len(initial) + 1] + mark + word[len(initial) + 1:])  # on the first
    assert new != old
    assert tone_style(new) == old
    assert tone_style(old) == old
    closed = NFC(word + mark + "n")  # a final consonant: left alone
    assert tone_style(closed) == closed


# --------------------------------------------------------------------------- golden file


def test_golden_report() -> None:
    """Comments, blank lines and quotes kept; keys in schema order; NFC, tone style, no trailing spaces."""
    source = (GOLDEN / "report.input.yaml").read_bytes().decode("utf-8")
    assert NFC(source) != source and "hoá" in source and " \n" in source  # the input really is dirty
    result = format_yaml("report.input.yaml", source, Report)
    assert result.problems == []
    expected_path = GOLDEN / "report.expected.yaml"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_bytes(result.after.encode("utf-8"))
    assert result.after == expected_path.read_bytes().decode("utf-8")
    assert format_yaml("report.expected.yaml", result.after, Report).after == result.after
    before, after = _load_stripped(source), round_trip_yaml().load(result.after)
    assert _plain(after) == _normalised(_plain(before))
    assert list(after) == ["id", "unit", "issuer", "document_type", "number", "date", "period", "recipients",
                           "title", "summary", "sections", "legal_references", "source", "ghi_chu"]


def _load_stripped(text: str) -> Any:
    """The data of a text, trailing blanks aside (ruamel refuses a tab after a plain scalar; fmt removes it)."""
    return round_trip_yaml().load(re.sub(r"[ \t]+$", "", text, flags=re.M))


def _normalised(data: Any) -> Any:
    if isinstance(data, dict):
        return {vietnamese(k): _normalised(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalised(v) for v in data]
    return vietnamese(data) if isinstance(data, str) else data


# --------------------------------------------------------------------------- reordering


def test_comment_above_a_key_moves_with_it() -> None:
    text = "id: x\nname:\n  vi: A\n\n# the level\nlevel: commune  # eol\n# end\n"
    assert format_yaml("u.yaml", text, Unit).after == "id: x\n\n# the level\nlevel: commune  # eol\nname:\n  vi: A\n# end\n"


def test_list_items_are_reordered_inside_and_keep_their_dash() -> None:
    text = "recipients:\n  - en: A\n    vi: B\n  -\n    en: C\n    vi: D\nid: r\n"
    out = format_yaml("r.yaml", text, Report).after
    assert out == "id: r\nrecipients:\n  - vi: B\n    en: A\n  -\n    vi: D\n    en: C\n"


def test_block_scalar_lines_that_look_like_comments_stay_in_the_scalar() -> None:
    text = "summary:\n  vi: x\n  en: |\n    one\n    # two\nid: r\n"
    result = format_yaml("r.yaml", text, Report)
    assert result.problems == []
    assert round_trip_yaml().load(result.after)["summary"]["en"] == "one\n# two\n"
    assert result.after.startswith("id: r\n")


def test_flow_mappings_and_files_outside_content_keep_their_order() -> None:
    text = "recipients:\n  - {en: a, vi: b}\n"
    assert format_yaml("r.yaml", text, Report).after == text
    assert format_yaml("datapackage.yaml", "name: x\nid: y\n", None).after == "name: x\nid: y\n"


def test_unparsable_yaml_is_reported_and_left_alone() -> None:
    result = format_yaml("bad.yaml", "id: [unclosed\n", Unit)
    assert result.after == result.before and result.problems
    assert result.problems[0].code == "yaml-syntax"


# --------------------------------------------------------------------------- property


SYLLABLES = ["hoá", "hóa", "Hoà", "thuỷ", "Thủy", "khoẻ", "luỹ", "Uỷ", "ban", "nhân", "dân", "quý", "hoàn",
             "khoảng", "gìn", "cải", "cách", "hành", "chính", "tuỳ", "xoè", "Việt", "Nam", "thuyết", "report"]
syllable = st.sampled_from(SYLLABLES).flatmap(lambda s: st.sampled_from([s, NFD(s)]))
words = st.lists(syllable, min_size=1, max_size=5).map(" ".join)
spaces = st.sampled_from(["", "", " ", "   ", "\t"])


@st.composite
def scalar(draw: Any) -> str:
    text, style = draw(words), draw(st.sampled_from(["plain", "single", "double"]))
    return text if style == "plain" else ("'%s'" % text if style == "single" else '"%s"' % text)


@st.composite
def before_key(draw: Any, indent: str) -> list[str]:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(spaces))
    if draw(st.booleans()):
        lines.append(f"{indent}# {draw(words)}{draw(spaces)}")
    return lines


@st.composite
def text_block(draw: Any, indent: str, dash: str | None = None) -> list[str]:
    keys = draw(st.permutations(["vi", "en"]))
    if draw(st.booleans()):
        keys = [k for k in keys if k == "vi"]
    lines: list[str] = []
    for n, key in enumerate(keys):
        if n:
            lines += draw(before_key(indent))
        lead = dash if dash is not None and n == 0 else indent
        lines.append(f"{lead}{key}: {draw(scalar())}{draw(spaces)}")
    return lines


@st.composite
def report_document(draw: Any) -> str:
    keys = draw(st.permutations(["id", "title", "summary", "recipients", "place", "ghi_chu"]))
    keys = [k for k in keys if k == "id" or draw(st.booleans())]
    lines: list[str] = []
    for key in keys:
        lines += draw(before_key(""))
        if key in ("title", "summary"):
            lines.append(f"{key}:{draw(spaces)}")
            lines += draw(text_block("  "))
        elif key == "recipients":
            lines.append(f"recipients:{draw(spaces)}")
            for _ in range(draw(st.integers(1, 3))):
                lines += draw(before_key("  "))
                lines += draw(text_block("    ", dash="  - "))
        elif key == "id":
            lines.append(f"id: bc-2021{draw(spaces)}")
        else:
            lines.append(f"{key}: {draw(scalar())}{draw(spaces)}")
    lines += draw(before_key(""))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def _comments(text: str) -> list[str]:
    return sorted(vietnamese(line.strip()) for line in text.splitlines() if line.strip().startswith("#"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_document())
def test_fmt_is_idempotent_and_keeps_data_and_comments(text: str) -> None:
    once = format_yaml("r.yaml", text, Report)
    assert once.problems == []
    twice = format_yaml("r.yaml", once.after, Report)
    assert twice.problems == [] and twice.after == once.after
    tree = round_trip_yaml().load(once.after)
    assert _plain(tree) == _normalised(_plain(_load_stripped(text)))
    assert in_schema_order(tree, Report)
    assert _comments(once.after) == _comments(text)
    assert once.after == NFC(once.after) and tone_style(once.after) == once.after
    assert all(line == line.rstrip(" \t") for line in once.after.splitlines())


# --------------------------------------------------------------------------- CSV


def test_csv_text_cells_are_normalised_and_quotes_are_verbatim() -> None:
    header = "id,locator,quote,note_vi,note_en\n"
    row = f'a-001,"Mục 1, đoạn 2","{NFD("số hoá")}, ""thuỷ""",{NFD("Số hoá hồ sơ")},"Digitised, Thanh Hoá"\r\n'
    result = format_csv("x.csv", header + row)
    assert result.after == header + f'a-001,"Mục 1, đoạn 2","{NFD("số hoá")}, ""thuỷ""",Số hóa hồ sơ,"Digitised, Thanh Hóa"\r\n'
    assert format_csv("x.csv", result.after).after == result.after



def test_breakdown_pairs_are_put_in_order_in_the_projects_tables_only() -> None:
    from site_builder.content.corpus import FIGURE_FIELDS, TARGET_FIELDS

    def row(fields: tuple[str, ...], **cells: str) -> str:
        return ",".join(fields) + "\n" + ",".join(cells.get(name, "x") for name in fields) + "\n"

    figures = format_csv("f.csv", row(FIGURE_FIELDS, breakdown="level=district;channel=hotline"))
    assert ",channel=hotline;level=district," in figures.after and figures.changed
    targets = format_csv("t.csv", row(TARGET_FIELDS, scope="sector=land;level=district"))
    assert ",level=district;sector=land," in targets.after
    twice = row(FIGURE_FIELDS, breakdown="level=district;channel=hotline;level=commune")  # left for check to report
    assert format_csv("f.csv", twice).after == twice
    third_party = "code,breakdown\nA,z=1;a=2\n"  # a third party's column holds its own words
    assert format_csv("t.csv", third_party).after == third_party


# --------------------------------------------------------------------------- shipped content and CLI


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    for name in ("content", "datapackages"):
        shutil.copytree(ROOT / name, root / name)
    return root


def test_shipped_content_is_already_formatted(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    sources = {p: p.read_bytes() for p in (root / "content/sources").iterdir()}
    results, refused = run(root, [root / "content", root / "datapackages"])
    assert refused == []
    assert [r.path for r in results if r.problems] == []
    assert [r.path for r in results if r.changed] == []
    assert len(results) > 100
    assert not any("sources/" in r.path for r in results)
    assert {p: p.read_bytes() for p in (root / "content/sources").iterdir()} == sources


def test_check_exit_codes_and_diff(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    runner = CliRunner()
    clean = runner.invoke(command, ["--root", str(root), "--check"])
    assert clean.exit_code == 0, clean.output
    unit = root / "content/units/binh-phuoc.yaml"
    original = unit.read_text(encoding="utf-8")
    dirty = original.replace("Bình Phước", NFD("Bình Phước") + "  ", 1).replace("id: binh-phuoc\n", "") + "id: binh-phuoc\n"
    unit.write_text(dirty, encoding="utf-8")
    checked = runner.invoke(command, ["--root", str(root), "--check"])
    assert checked.exit_code == 1
    assert "--- a/content/units/binh-phuoc.yaml" in checked.output and "+id: binh-phuoc" in checked.output
    assert unit.read_text(encoding="utf-8") == dirty  # --check writes nothing
    fixed = runner.invoke(command, ["--root", str(root), str(unit)])
    assert fixed.exit_code == 0, fixed.output
    assert "formatted content/units/binh-phuoc.yaml" in fixed.output
    assert unit.read_text(encoding="utf-8") == original
    assert runner.invoke(command, ["--root", str(root), "--check"]).exit_code == 0


def test_a_formatted_file_keeps_its_permissions(tmp_path: Path) -> None:
    """fmt rewrites a file in one rename; the new file has the old one's mode (it was 0600, mkstemp's)."""
    root = _copy(tmp_path)
    unit = root / "content/units/binh-phuoc.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("Bình Phước", NFD("Bình Phước"), 1), encoding="utf-8")
    unit.chmod(0o664)
    fixed = CliRunner().invoke(command, ["--root", str(root), str(unit)])
    assert fixed.exit_code == 0 and "formatted content/units/binh-phuoc.yaml" in fixed.output, fixed.output
    assert unit.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in unit.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left behind


def test_source_texts_and_broken_files_are_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    runner = CliRunner()
    txt = next((root / "content/sources").glob("*.txt"))
    refused = runner.invoke(command, ["--root", str(root), str(txt)])
    assert refused.exit_code == 1 and "not a YAML or CSV file" in refused.output
    (root / "content/units/broken.yaml").write_text("id: [x\n", encoding="utf-8")
    broken = runner.invoke(command, ["--root", str(root), "--check"])
    assert broken.exit_code == 1 and "content/units/broken.yaml:" in broken.output
