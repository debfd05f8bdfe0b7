"""`site-builder translations`: what lacks English (or Vietnamese), by file, field and line."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from site_builder.editor.new import command as new
from site_builder.content.coverage import corpus_coverage, overall_percent
from site_builder.editor.translations import command, project_coverage
from site_builder.content.validate import validate


def remove(root: Path, rel: str, line: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert line in text, f"{line!r} not in {rel}"
    path.write_text(text.replace(line, "", 1), encoding="utf-8")


def test_complete_project(minimal: Path) -> None:
    result = CliRunner().invoke(command, ["--root", str(minimal)])
    assert result.exit_code == 0, result.output
    assert "  bc-2021  100.0%  (2/2)" in result.output
    assert result.output.rstrip().endswith("; units 100.0%, indicators 100.0%, reports 100.0%, pages 100.0%")


def test_removed_english_is_listed_with_file_field_and_line(minimal: Path) -> None:
    remove(minimal, "content/reports/bc-2021.yaml", "  en: The district received 7,447 dossiers.\n")
    remove(minimal, "content/units/huyen-b.yaml", "  en: B district\n")
    result = CliRunner().invoke(command, ["--root", str(minimal)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "content/reports/bc-2021.yaml:15:1: summary.en: English text missing" in lines
    assert "content/units/huyen-b.yaml:4:1: name.en: English text missing" in lines
    assert "  bc-2021   50.0%  (1/2)" in lines

    as_json = json.loads(CliRunner().invoke(command, ["--root", str(minimal), "--format", "json"]).output)
    report = next(f for f in as_json["files"] if f["path"] == "content/reports/bc-2021.yaml")
    assert report["missing"] == [{"field": "summary.en", "line": 15, "column": 1}]
    assert report["percent"] == 50.0
    assert as_json["kinds"]["reports"] == {"total": 2, "translated": 1, "percent": 50.0}
    total = as_json["overall"]["total"]
    assert as_json["overall"]["translated"] == total - 2


def test_empty_english_points_at_the_key(minimal: Path) -> None:
    path = minimal / "content/reports/bc-2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: The district received 7,447 dossiers.", 'en: ""'), encoding="utf-8")
    files, problems = project_coverage(minimal)
    assert problems == []
    report = next(f for f in files if f.id == "bc-2021")
    assert [(m.line, m.column, m.field) for m in report.missing] == [(17, 3, "summary.en")]


def test_agrees_with_the_build_coverage(minimal: Path) -> None:
    remove(minimal, "content/reports/bc-2021.yaml", "  en: The district received 7,447 dossiers.\n")
    corpus, _ = validate(minimal)
    assert corpus is not None
    model_based = corpus_coverage(corpus)
    files, _ = project_coverage(minimal)
    assert sum(c.total for c in model_based) == sum(f.total for f in files)
    assert {(c.kind, c.id, m) for c in model_based for m in c.missing} == {(f.kind, f.id, m.field.removesuffix(".en")) for f in files for m in f.missing}
    assert overall_percent(model_based) == round(100 * sum(f.translated for f in files) / sum(f.total for f in files), 1)


def test_vietnamese_of_an_unfilled_skeleton(minimal: Path) -> None:
    assert CliRunner().invoke(new, ["unit", "--id", "xa-c", "--parent", "huyen-b", "--level", "commune", "--root", str(minimal)]).exit_code == 0
    result = CliRunner().invoke(command, ["--root", str(minimal), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    lines = (minimal / "content/units/xa-c.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("name:") + 2  # the `vi:` under `name:`, 1-based
    assert lines[line - 1].startswith("  vi:")
    assert f"content/units/xa-c.yaml:{line}:3: name.vi: Vietnamese text missing" in result.output
    assert "content/units/xa-c.yaml" in result.output and "overall Vietnamese:" in result.output


def test_a_locator_english_cannot_give_is_listed_where_it_stands(minimal: Path) -> None:
    csv_path = minimal / "datapackages/figures/data/bc-2021.csv"
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text.replace(",reported,Mục 1,truc tuyen", ",reported,Mục 1 phần kết luận,truc tuyen", 1)
                        .replace(",reported,Mục 1,Nam 2020", ",reported,đoạn 2,Nam 2020", 1), encoding="utf-8")
    result = CliRunner().invoke(command, ["--root", str(minimal)])
    assert result.exit_code == 0, result.output
    column = text.splitlines()[2].index("Mục 1") + 1
    assert (f"datapackages/figures/data/bc-2021.csv:3:{column}: locator: English cannot be given for 'Mục 1 phần kết luận'; "
            "name the place with the words of content/locators.py") in result.output
    assert "đoạn 2" not in result.output  # a structural word in lower case is translated, not listed
    assert result.output.rstrip().splitlines()[-1] == "locators without English: 1"
    listed = json.loads(CliRunner().invoke(command, ["--root", str(minimal), "--format", "json"]).output)["locators"]
    assert listed == [{"path": "datapackages/figures/data/bc-2021.csv", "line": 3, "column": column, "locator": "Mục 1 phần kết luận"}]
