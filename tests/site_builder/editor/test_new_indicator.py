"""`site-builder new indicator`: an option or a question for each field, a file that checks clean."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main
from site_builder.content.model import Indicator, Text
from site_builder.content.validate import validate
from site_builder.content.yamlio import _plain, round_trip_yaml
from site_builder.editor.fmt import format_yaml
from site_builder.editor.new import field_shape
from site_builder.editor.new_indicator import questions

FULL = [
    "--id", "mobile-sessions", "--name-vi", "Buổi tiếp nhận lưu động", "--name-en", "Mobile reception sessions",
    "--definition-vi", "Số buổi tiếp nhận hồ sơ tại thôn.", "--definition-en", "Sessions held in villages.",
    "--unit", "count", "--field", "procedures", "--topic", "dossiers", "--additive", "true", "--higher-is-better", "true",
]


def _run(root: Path, args: list[str], stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["new", "indicator", *args, "--root", str(root)], input=stdin)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _load(root: Path, indicator: str) -> dict[str, object]:
    data = _plain(round_trip_yaml().load((root / f"content/indicators/{indicator}.yaml").read_text(encoding="utf-8")))
    assert isinstance(data, dict)
    return data


def test_every_field_has_an_option_or_is_a_block_written_as_comments() -> None:
    asked = {q.path.split(".")[0].split("[")[0] for q in questions()}
    flags = [q.flag for q in questions()]
    assert len(flags) == len(set(flags))
    for name, info in Indicator.model_fields.items():
        sub, _ = field_shape(info.annotation)
        assert name in asked or (sub is not None and sub is not Text), f"{name}: neither asked for nor a block"
    assert "--formula" in flags and "--framework" in flags


def test_options_alone_write_a_file_that_checks_clean_and_is_formatted(minimal: Path) -> None:
    code, output = _run(minimal, FULL)
    assert code == 0, output
    assert output.strip() == "content/indicators/mobile-sessions.yaml"
    path = minimal / "content/indicators/mobile-sessions.yaml"
    text = path.read_text(encoding="utf-8")
    assert _load(minimal, "mobile-sessions") == {
        "id": "mobile-sessions", "name": {"vi": "Buổi tiếp nhận lưu động", "en": "Mobile reception sessions"},
        "definition": {"vi": "Số buổi tiếp nhận hồ sơ tại thôn.", "en": "Sessions held in villages."},
        "unit": "count", "higher_is_better": True, "field": "procedures", "topic": "dossiers", "additive": True,
    }
    assert "# formula:" in text and "# frameworks:" in text  # optional blocks left as comments, ready to use
    assert "identities" in text  # where the relations to other indicators go, by hand
    assert format_yaml("content/indicators/mobile-sessions.yaml", text, Indicator).after == text
    corpus, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)
    assert corpus is not None and corpus.indicators["mobile-sessions"].additive


def test_a_formula_and_a_framework(minimal: Path) -> None:
    args = [*FULL[:16], "--id", "received-share", "--unit", "percent", "--formula", "dossiers-received-online/dossiers-received",
            "--framework", "par_index", "--framework-ref-vi", "Cải cách thủ tục hành chính", "--framework-ref-en", "Procedure reform"]
    code, output = _run(minimal, args)
    assert code == 0, output
    data = _load(minimal, "received-share")
    assert data["formula"] == {"numerator": "dossiers-received-online", "denominator": "dossiers-received"}
    assert data["frameworks"] == [{"framework": "par_index", "ref": {"vi": "Cải cách thủ tục hành chính", "en": "Procedure reform"}}]
    assert "higher_is_better" in data and data["higher_is_better"] is None  # not given: empty, neither direction
    _, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)


def test_questions_for_the_fields_no_option_gave(minimal: Path) -> None:
    answers = [
        "Bad Id", "asked-indicator",  # a bad id is asked again
        "Chỉ tiêu hỏi", "",  # name: vi, then en left empty
        "Định nghĩa.", "Definition.",
        "litres", "count",  # not a unit: asked again
        "",  # higher_is_better: neither
        "procedures", "",  # field; no formula
        "dossiers", "false",  # topic; additive
        "",  # no framework: its reference is not asked
    ]
    code, output = _run(minimal, ["--interactive"], "\n".join(answers) + "\n")
    assert code == 0, output
    assert "[bắt buộc] Tên ngắn. (tiếng Việt)\nname.vi: " in output  # the question is the field's Vietnamese description
    assert "\nname.en (Enter: bỏ trống): " in output
    assert "framework-ref" not in output and "ref.vi" not in output
    data = _load(minimal, "asked-indicator")
    assert data["name"] == {"vi": "Chỉ tiêu hỏi", "en": None}
    assert (data["unit"], data["field"], data["topic"], data["additive"]) == ("count", "procedures", "dossiers", False)
    _, findings = validate(minimal)
    assert [p.code for p in findings.problems] == ["translation-missing"]  # the English name left for later


def test_without_a_terminal_a_missing_required_field_is_named_not_asked(minimal: Path) -> None:
    code, output = _run(minimal, ["--id", "half-given", "--name-vi", "Nửa"])
    assert code == 1
    assert "error: missing --definition-vi, --unit, --field, --topic" in output
    assert not (minimal / "content/indicators/half-given.yaml").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--formula", "dossiers-received/nowhere"], "error: formula: denominator 'nowhere' not found: content/indicators/nowhere.yaml does not exist"),
    (["--formula", "mobile-sessions/dossiers-received"], "error: formula: the numerator of 'mobile-sessions' cannot be the indicator itself"),
    (["--formula", "one-id-only"], "'one-id-only' must be two indicator ids"),
    (["--unit", "litres"], "'litres' is not one of"),
    (["--framework-ref-vi", "Cải cách"], "error: --framework-ref-vi and --framework-ref-en name what an index covers: give the index too, --framework"),
])
def test_refusals_name_the_option(minimal: Path, args: list[str], message: str) -> None:
    code, output = _run(minimal, [*FULL, *args])
    assert code != 0
    assert message in output
    assert not (minimal / "content/indicators/mobile-sessions.yaml").exists()


def test_an_existing_id_is_refused_before_any_question(minimal: Path) -> None:
    path = minimal / "content/indicators/dossiers-received.yaml"
    before = path.read_bytes()
    code, output = _run(minimal, ["--id", "dossiers-received", "--interactive"], "")
    assert code == 1
    assert output.splitlines() == ["content/indicators/dossiers-received.yaml:1:5: id: indicator 'dossiers-received' already exists; not overwritten"]
    assert path.read_bytes() == before


def test_a_block_the_command_does_not_ask_for_is_written_as_comments(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the model gains a section the command has no question for (relations between indicators,
    say), the file shows it commented out, where it goes, instead of the note on adding it by hand."""
    from pydantic import Field

    from site_builder.editor import new_indicator

    class WithRelations(Indicator):
        identities: dict[str, str] = Field(default_factory=dict, description="How it relates to other indicators.")

    monkeypatch.setattr(new_indicator, "Indicator", WithRelations)
    code, output = _run(minimal, FULL)
    assert code == 0, output
    text = (minimal / "content/indicators/mobile-sessions.yaml").read_text(encoding="utf-8")
    assert "\n# identities:" in text and "Add by hand" not in text
    assert "identities" not in _load(minimal, "mobile-sessions")
