"""Breakdown codes of several pairs (content/breakdowns.py): read in one place, refused when written
another way, named pair by pair, and one key wherever figures are grouped."""
from __future__ import annotations

from pathlib import Path

from site_builder.compute.grid import figure_grid
from site_builder.content import breakdowns
from site_builder.content.model import Text
from site_builder.content.corpus import TARGET_FIELDS
from site_builder.content.validate import validate
from tests.conftest import ROOT, write_files

LEVEL = """\
    id: level
    name:
      vi: Cấp
      en: Level
    values:
      - id: district
        name:
          vi: cấp huyện
          en: district level
      - id: commune
        name:
          vi: cấp xã
    """


def test_parse_reads_each_pair_in_the_order_written() -> None:
    assert breakdowns.parse("") == ()
    assert breakdowns.parse("channel=hotline") == (("channel", "hotline"),)
    assert breakdowns.parse("level=district;channel=hotline") == (("level", "district"), ("channel", "hotline"))
    assert breakdowns.parse("channel") == (("channel", ""),)  # no '=': a value no dimension lists


def test_canonical_order_and_a_repeated_dimension() -> None:
    pairs = breakdowns.parse("level=district;channel=hotline")
    assert breakdowns.canonical(pairs) == "channel=hotline;level=district"
    assert breakdowns.canonical(breakdowns.parse("channel=hotline;level=district")) == "channel=hotline;level=district"
    assert breakdowns.repeated(pairs) is None
    assert breakdowns.repeated(breakdowns.parse("channel=a;level=b;channel=c")) == "channel"


def test_joined_names_lose_english_when_one_pair_has_none() -> None:
    both = breakdowns.join_names([Text(vi="Kênh: a", en="Channel: a"), Text(vi="Cấp: b", en="Level: b")])
    assert both.vi.split(breakdowns.NAME_SEPARATOR) == ["Kênh: a", "Cấp: b"]
    assert both.en is not None and both.en.split(breakdowns.NAME_SEPARATOR) == ["Channel: a", "Level: b"]
    assert breakdowns.join_names([Text(vi="Kênh: a", en="Channel: a"), Text(vi="Cấp: b")]).en is None


def _two_dimensions(minimal: Path, code: str) -> None:
    write_files(minimal, {"content/breakdowns/level.yaml": LEVEL})
    csv = minimal / "datapackages/figures/data/bc-2021.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2021-12-31,,7447,,reported", f"2021-12-31,{code},7447,,reported"), encoding="utf-8")


def test_the_corpus_names_each_pair_of_a_figure(minimal: Path) -> None:
    _two_dimensions(minimal, "channel=hotline;level=district")
    corpus, findings = validate(minimal)
    assert corpus is not None and not [p for p in findings.sorted() if p.severity.value == "error"]
    (fig,) = [f for f in corpus.figures if f.breakdown]
    parts = corpus.breakdown_parts(fig.breakdown)
    assert parts is not None and [(d.id, v.id) for d, v in parts] == [("channel", "hotline"), ("level", "district")]
    text = corpus.breakdown_text(fig.breakdown)
    assert text is not None
    for dim, val in parts:
        assert f"{dim.name.vi}: {val.name.vi}" in text.vi and f"{dim.name.en}: {val.name.en}" in (text.en or "")
    assert corpus.breakdown_text("channel=hotline;level=commune") is not None
    assert (corpus.breakdown_text("channel=hotline;level=commune") or Text(vi="x", en="x")).en is None  # cấp xã has no English
    assert corpus.breakdown_text("channel=hotline;level=village") is None and corpus.breakdown_parts("level=village") is None


def test_a_target_scope_of_two_pairs_out_of_order_is_located(minimal: Path) -> None:
    write_files(minimal, {"content/breakdowns/level.yaml": LEVEL})
    pkg = minimal / "datapackages/targets"
    (pkg / "data").mkdir(parents=True)
    (pkg / "datapackage.yaml").write_text((ROOT / "datapackages/directive-targets/datapackage.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    row = {"id": "bc-2021-001", "report": "bc-2021", "unit": "huyen-b", "indicator": "share-online", "comparator": ">=", "target_value": "80",
           "scope": "level=district;channel=hotline", "locator": "Mục 1", "quote": "truc tuyen 5.386 ho so."}
    (pkg / "data/targets.csv").write_text(",".join(TARGET_FIELDS) + "\n" + ",".join(row.get(name, "") for name in TARGET_FIELDS) + "\n", encoding="utf-8")
    _, findings = validate(minimal)
    column = 1 + sum(len(row.get(name, "")) + 1 for name in TARGET_FIELDS[:TARGET_FIELDS.index("scope")])
    assert [p.text() for p in findings.sorted() if p.severity.value == "error"] == [
        f"datapackages/targets/data/targets.csv:2:{column}: scope: write the dimensions of 'level=district;channel=hotline' in alphabetical order: "
        "channel=hotline;level=district (`site-builder fmt` does)"]
    text = (pkg / "data/targets.csv").read_text(encoding="utf-8")
    (pkg / "data/targets.csv").write_text(text.replace("level=district;channel=hotline", "channel=hotline;level=district"), encoding="utf-8")
    corpus, findings = validate(minimal)
    assert corpus is not None and not [p for p in findings.sorted() if p.severity.value == "error"]
    assert corpus.breakdown_text(corpus.targets[0].scope) is not None


def test_a_sub_group_of_two_pairs_is_one_row_over_time(minimal: Path) -> None:
    """The grid, the report tables and the conflicts group figures by the code: two periods of one
    sub-group of two pairs make one row, beside (not merged with) the sub-group of one pair."""
    code = "channel=hotline;level=district"
    _two_dimensions(minimal, code)
    csv = minimal / "datapackages/figures/data/bc-2021.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2020-12-31,,6000", f"2020-12-31,{code},6000")
                   + "bc-2021-004,bc-2021,huyen-b,dossiers-received,2021,2021-01-01,2021-12-31,channel=hotline,7447,,reported,Mục 1,"
                     "Nam 2021 tiep nhan 7.447 ho so,,,\n", encoding="utf-8")
    corpus, findings = validate(minimal)
    assert corpus is not None, findings.sorted()
    grid = figure_grid(f for f in corpus.figures if f.unit == "huyen-b")
    rows = [(r.indicator, r.breakdown) for r in grid.rows]
    assert rows.count(("dossiers-received", code)) == 1 and rows.count(("dossiers-received", "channel=hotline")) == 1
    (row,) = [r for r in grid.rows if r.breakdown == code]
    assert sum(1 for cell in row.cells if cell) == 2  # 2020 and 2021 side by side
