"""`site-builder new report|unit`: a skeleton with every field that validates once filled in."""
from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from site_builder.editor.fmt import format_yaml
from site_builder.content.model import KINDS, Glossary, Readings, Period, Report, Text, Unit
from site_builder.editor.new import VI_DESCRIPTIONS, command, field_shape, models_in, period_values, skeleton
from site_builder.content.validate import validate
from site_builder.content.yamlio import _plain, round_trip_yaml

# Values for the fields whose pattern or meaning a generic filler cannot guess.
BY_NAME: dict[str, Any] = {
    "successor": "tinh-a", "admin_code": "12345", "website": "https://example.org", "legal_basis": "202/2025/QH15",
    "url": "https://example.org/bai-viet",
}


def _scalar_type(annotation: Any) -> Any:
    if get_origin(annotation) is Union or type(annotation).__name__ == "UnionType":
        return next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def fill(data: Any, model: type[BaseModel]) -> Any:
    """Replace every empty placeholder of a parsed skeleton with a valid value for its field."""
    if model is Period and data.get("code") is None:  # a period's four fields agree with one another
        data.update(kind="quarter", start="2024-01-01", end="2024-03-31", code="2024-Q1")
        return data
    for name, info in model.model_fields.items():
        assert name in data, f"{model.__name__}.{name} missing from the skeleton"
        sub, is_list = field_shape(info.annotation)
        if sub is Text and not is_list:
            data[name] = {"vi": f"Nội dung {name}", "en": f"Text of {name}"}
        elif sub is not None and is_list:
            assert isinstance(data[name], list) and len(data[name]) == 1, f"{name}: one example item"
            data[name] = [fill(item, sub) if sub is not Text else {"vi": "Mục", "en": "Item"} for item in data[name]]
        elif sub is not None:
            fill(data[name], sub)
        elif data[name] is None:
            kind = _scalar_type(info.annotation)
            if name in BY_NAME:
                data[name] = BY_NAME[name]
            elif isinstance(kind, type) and issubclass(kind, Enum):
                data[name] = list(kind)[0].value
            elif kind is dt.date:
                data[name] = "2024-03-01"
            elif kind is bool:
                data[name] = False
            else:
                data[name] = f"giá trị {name}"
    return data


def _dump(data: Any, path: Path) -> None:
    yaml = round_trip_yaml()
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def _paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    out = set()
    for name, info in model.model_fields.items():
        out.add(prefix + name)
        sub, is_list = field_shape(info.annotation)
        if sub is not None:
            out |= _paths(sub, f"{prefix}{name}{'[]' if is_list else ''}.")
    return out


def _present(data: Any, prefix: str = "") -> set[str]:
    out = set()
    if isinstance(data, dict):
        for key, value in data.items():
            out.add(prefix + key)
            if isinstance(value, list):
                for item in value:
                    out |= _present(item, f"{prefix}{key}[].")
            else:
                out |= _present(value, f"{prefix}{key}.")
    return out


def test_new_report_filled_in_validates(minimal: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(command, ["report", "--unit", "huyen-b", "--period", "2024", "--root", str(minimal)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/reports/huyen-b-2024.yaml"
    path = minimal / "content/reports/huyen-b-2024.yaml"
    text = path.read_text(encoding="utf-8")
    data = _plain(round_trip_yaml().load(text))
    assert _present(data) == _paths(Report)  # every field, nothing else
    assert data["period"] == {"kind": "year", "start": "2024-01-01", "end": "2024-12-31", "code": "2024"}
    assert "# [bắt buộc] Mã đơn vị mà báo cáo nói về." in text

    _, findings = validate(minimal)  # unfilled placeholders are errors, located in the new file
    assert findings.errors and all(p.path == "content/reports/huyen-b-2024.yaml" for p in findings.errors)

    tree = round_trip_yaml().load(text)
    fill(tree, Report)
    _dump(tree, path)
    (minimal / "content/sources/huyen-b-2024.txt").write_text("Văn bản gốc.\n", encoding="utf-8")
    corpus, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)
    assert corpus is not None and "huyen-b-2024" in corpus.reports


def test_new_unit_filled_in_validates(minimal: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(command, ["unit", "--id", "xa-c", "--parent", "huyen-b", "--level", "commune", "--root", str(minimal)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/units/xa-c.yaml"
    path = minimal / "content/units/xa-c.yaml"
    tree = round_trip_yaml().load(path.read_text(encoding="utf-8"))
    assert _present(_plain(tree)) == _paths(Unit)
    assert (tree["id"], tree["level"], tree["parent"]) == ("xa-c", "commune", "huyen-b")
    fill(tree, Unit)
    _dump(tree, path)
    corpus, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)
    assert corpus is not None and corpus.units["xa-c"].parent == "huyen-b"


def test_refuses_to_overwrite(minimal: Path) -> None:
    runner = CliRunner()
    path = minimal / "content/units/huyen-b.yaml"
    before = path.read_bytes()
    result = runner.invoke(command, ["unit", "--id", "huyen-b", "--parent", "tinh-a", "--level", "district", "--root", str(minimal)])
    assert result.exit_code == 1
    assert result.output.splitlines() == ["content/units/huyen-b.yaml:1:5: id: unit 'huyen-b' already exists; not overwritten"]
    assert path.read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["report", "--unit", "huyen-x", "--period", "2024"], "unit 'huyen-x' not found"),
    (["report", "--unit", "huyen-b", "--period", "2024-13"], "period '2024-13' must look like 2021, 2021-H1, 2021-Q3, 2021-09, 2022-9M, 2011-2020, 2021-07-21/2021-08-20 or ../2023-09-30"),
    (["report", "--unit", "huyen-b", "--period", "2024", "--id", "Bad Id"], "report id 'Bad Id' must be lower-case"),
    (["unit", "--id", "tinh-z", "--parent", "tinh-a", "--level", "province"], "a province has no parent"),
    (["unit", "--id", "xa-d", "--parent", "huyen-x", "--level", "commune"], "parent 'huyen-x' not found"),
])
def test_refusals(minimal: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(command, args + ["--root", str(minimal)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_period_codes() -> None:
    assert period_values("2021-Q3") == {"period.kind": "quarter", "period.start": dt.date(2021, 7, 1),
                                        "period.end": dt.date(2021, 9, 30), "period.code": "2021-Q3"}
    assert period_values("2021-Q4")["period.end"] == dt.date(2021, 12, 31)
    assert period_values("2011-2020")["period.kind"] == "years"
    assert period_values("2022-9T") == {"period.kind": "months", "period.start": dt.date(2022, 1, 1),  # 9 tháng, as editors type it
                                        "period.end": dt.date(2022, 9, 30), "period.code": "2022-9M"}
    assert period_values("2021-07-21/2021-08-20")["period.kind"] == "range"
    assert period_values("../2023-09-30") == {"period.kind": "to_date", "period.start": None, "period.end": dt.date(2023, 9, 30),
                                              "period.code": "../2023-09-30"}
    with pytest.raises(ValueError):
        period_values("2020-2011")


@pytest.mark.parametrize(("period", "file"), [("2021-9T", "huyen-b-2021-9m"), ("2021-07-21/2021-08-20", "huyen-b-2021-07-21-2021-08-20"),
                                              ("../2023-09-30", "huyen-b-to-2023-09-30")])
def test_new_report_for_a_partial_period_validates(minimal: Path, period: str, file: str) -> None:
    """A report for nine months, a date range or a running total: the skeleton names its period."""
    result = CliRunner().invoke(command, ["report", "--unit", "huyen-b", "--period", period, "--root", str(minimal)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"content/reports/{file}.yaml"
    data = _plain(round_trip_yaml().load((minimal / f"content/reports/{file}.yaml").read_text(encoding="utf-8")))
    Period.model_validate(data["period"])  # kind, dates and code agree


@pytest.mark.parametrize("model", [*KINDS.values(), Glossary], ids=lambda m: m.__name__)
def test_skeleton_of_every_kind_parses_holds_every_field_and_is_formatted(model: type[BaseModel]) -> None:
    text = skeleton(model)
    data = _plain(round_trip_yaml().load(text))
    assert _present(data) == _paths(model)
    result = format_yaml("x.yaml", text, model)
    assert result.problems == [] and result.after == text


def test_every_field_has_a_vietnamese_description() -> None:
    fields = {f"{m.__name__}.{name}" for kind in [*KINDS.values(), Glossary, Readings] for m in models_in(kind) for name in m.model_fields}
    assert sorted(fields - set(VI_DESCRIPTIONS)) == []
    assert sorted(set(VI_DESCRIPTIONS) - fields) == []  # no entry for a field that no longer exists


def test_every_model_has_a_vietnamese_description() -> None:
    from site_builder.editor.new import VI_MODELS

    models = {m.__name__ for kind in [*KINDS.values(), Glossary, Readings] for m in models_in(kind)}
    assert sorted(models - set(VI_MODELS)) == []


@pytest.mark.parametrize("text", ["Buổi tiếp nhận hồ sơ lưu động", "Số buổi, trong kỳ.", "2024", "1.240", "Xã Đồng Sen: người dân",
                                  "x #y", "[a]", "- a", "yes", "null", "@x", '"q"', "C'est", "100%", "1:20", "0o17", " lề", "a\tb"])
def test_a_value_is_written_plain_only_when_it_reads_back_as_itself(text: str) -> None:
    from site_builder.editor.new import _scalar
    from site_builder.content.yamlio import parse_yaml

    written = _scalar(text)
    located, problems = parse_yaml("x.yaml", f"k: {written}  # chú thích\n")
    assert problems == [] and located is not None and located.data == {"k": text}
    assert round_trip_yaml().load(f"k: {written}\n")["k"] == text
    if text in ("Buổi tiếp nhận hồ sơ lưu động", "Số buổi, trong kỳ."):
        assert written == text  # names and sentences look as editors write them, unquoted
