"""The editors' documentation: the generated field reference in CONTRIBUTING.md, every command
documented, and the GitHub workflows (the model is sqlite-utils' tests/test_docs.py)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import click
import pytest
from click.testing import CliRunner
from pydantic import Field
from ruamel.yaml import YAML

from site_builder import error_types
from site_builder.cli import main
from site_builder.content.model import KINDS, Id, Strict, Text
from site_builder.editor.reference import BEGIN, END, LEVELS, NO_EN, NO_VI, content_folders, diff, generate, readable_template, splice
from site_builder.editor.new import VI_DESCRIPTIONS, models_in
from site_builder.errors import ErrorType

ROOT = Path(__file__).resolve().parents[3]
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
WORKFLOWS = ROOT / ".github" / "workflows"
STALE = "CONTRIBUTING.md's field reference is stale: run `.venv/bin/site-builder reference` and commit the result"


def _yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _block(text: str) -> str:
    """The text between the markers."""
    assert text.count(BEGIN) == 1 and text.count(END) == 1, "CONTRIBUTING.md needs exactly one BEGIN and one END marker"
    return text.split(BEGIN, 1)[1].split(END, 1)[0]


def _sections(block: str) -> dict[str, str]:
    """'#### heading' -> the text up to the next heading of level 2 to 4."""
    parts = re.split(r"^(#{2,4} .*)$", block, flags=re.M)
    return {parts[i].lstrip("#").strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _model_section(block: str, model: type) -> str:
    """The part of the block documenting `model`, found by its anchor."""
    anchor = f'<a id="ref-{model.__name__.lower()}"></a>'
    assert anchor in block, f"{model.__name__} has no section in the field reference"
    return re.split(r'^<a id="|^### ', block.split(anchor, 1)[1], flags=re.M)[0]


def _rows(section: str) -> dict[str, list[str]]:
    """First cell (without backticks) -> the cells of every table row of a section, unescaped."""
    rows = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            cells = [c.strip().replace("\\|", "|").replace("&lt;", "<").replace("&gt;", ">")
                     for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows[cells[0].strip("`")] = cells
    return rows


# --------------------------------------------------------------------------- the committed block


def test_committed_reference_is_fresh() -> None:
    current = CONTRIBUTING.read_text(encoding="utf-8")
    fresh = splice(current, generate(ROOT))
    assert current == fresh, f"{STALE}\n{diff(current, fresh)}"


def test_every_model_field_is_in_the_reference() -> None:
    block = _block(CONTRIBUTING.read_text(encoding="utf-8"))
    for folder, model in content_folders().items():
        assert f"#### `content/{folder}/` — `{model.__name__}`" in block, f"content/{folder}/ missing: {STALE}"
        for sub in models_in(model):
            rows = _rows(_model_section(block, sub))
            for name, info in sub.model_fields.items():
                assert name in rows, f"{sub.__name__}.{name} missing from the field reference: {STALE}"
                cells = rows[name]
                assert cells[2] == ("bắt buộc / required" if info.is_required() else "không bắt buộc / optional")
                vi = VI_DESCRIPTIONS.get(f"{sub.__name__}.{name}")
                assert cells[4] == (" ".join(vi.split()) if vi else NO_VI), f"{sub.__name__}.{name}: Vietnamese description"
                assert cells[5] != NO_EN or not info.description, f"{sub.__name__}.{name}: English description"
            assert list(rows) == list(sub.model_fields), f"{sub.__name__}: fields in schema order, nothing else"


def test_every_kind_of_kinds_is_documented() -> None:
    """KINDS is read when the reference is generated, so a kind added to it needs no change elsewhere."""
    block = _block(CONTRIBUTING.read_text(encoding="utf-8"))
    for folder, model in KINDS.items():
        assert f"`content/{folder}/` — `{model.__name__}`" in block, f"content/{folder}/ missing: {STALE}"


def test_every_table_schema_field_is_in_the_reference() -> None:
    sections = _sections(_block(CONTRIBUTING.read_text(encoding="utf-8")))
    seen = 0
    for descriptor in sorted((ROOT / "datapackages").glob("*/datapackage.yaml")):
        package = _yaml(descriptor)
        for resource in package["resources"]:
            schema = resource["schema"]
            label = schema if isinstance(schema, str) else resource["name"]
            heading = next((h for h in sections if h.startswith(f"`{package['name']}`") and h.endswith(f"— `{label}`")), None)
            assert heading is not None, f"{descriptor}: schema of resource {resource['name']} missing: {STALE}"
            fields = _yaml(descriptor.parent / schema)["fields"] if isinstance(schema, str) else schema["fields"]
            rows = _rows(sections[heading])
            assert list(rows) == [f["name"] for f in fields], f"{heading}: columns differ from the Table Schema: {STALE}"
            for spec in fields:
                required = (spec.get("constraints") or {}).get("required", False)
                assert rows[spec["name"]][2] == ("bắt buộc / required" if required else "không bắt buộc / optional")
                if spec.get("description"):  # English, as data tools read it, after the Vietnamese
                    assert rows[spec["name"]][4:6] == [spec["description_vi"], spec["description"]]
            seen += 1
    assert seen >= 2  # cchc-figures (a shared schema file) and directive-targets (an inline schema)


def test_generated_tables_are_well_formed_and_deterministic() -> None:
    block = generate(ROOT)
    assert block == generate(ROOT)
    assert unicodedata.is_normalized("NFC", block)
    assert dt.date.today().isoformat() not in block
    width = None
    for line in block.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.split(r"(?<!\\)\|", line)) - 2
        width = width or cells
        assert cells == width, f"a table row with {cells} cells instead of {width}: {line}"


def _error_rows(block: str) -> dict[str, list[str]]:
    """Code (a family as 'schema-…') -> the cells of its row in the error types section."""
    anchor = '<a id="error-types"></a>'
    assert anchor in block, "the field reference has no error types section"
    return _rows(block.split(anchor, 1)[1])


def _unspan(text: str) -> str:
    """The text of a Markdown code span: `a` -> a, `` a `b` `` -> a `b`."""
    fence = len(text) - len(text.lstrip("`"))
    inner = text[fence:len(text) - fence]
    return inner[1:-1] if fence > 1 and inner.startswith(" ") and inner.endswith(" ") else inner


def undocumented(block: str) -> list[str]:
    """Why entries of the error catalogue are not documented in `block` as the catalogue has them (empty: all are)."""
    rows = _error_rows(block)
    found = []
    for entry in error_types.CATALOGUE:
        cells = rows.get(entry.code + ("…" if entry.family else ""))
        if cells is None:
            found.append(f"{entry.code}: no row in the error types table")
            continue
        if cells[1:4] != [entry.title_vi, entry.title_en, LEVELS[entry.severity]]:
            found.append(f"{entry.code}: titles or level differ: {cells[1:4]}")
        shown = [_unspan(w) for w in cells[4].split("<br>")]
        if shown != [readable_template(t) for t in entry.templates().values()]:
            found.append(f"{entry.code}: messages differ: {shown}")
        if [" ".join(c.split()) for c in cells[5:7]] != [" ".join(entry.hint_vi.split()), " ".join(entry.hint_en.split())]:
            found.append(f"{entry.code}: what to do differs: {cells[5:7]}")
    return found


def test_every_error_type_is_in_the_reference() -> None:
    block = _block(CONTRIBUTING.read_text(encoding="utf-8"))
    assert undocumented(block) == [], STALE
    codes = [entry.code + ("…" if entry.family else "") for entry in error_types.CATALOGUE]
    assert list(_error_rows(block)) == codes, f"one row per catalogue entry, in its order: {STALE}"


NEW_ERROR = ErrorType(
    code="widget-colour",
    title_en="Widget of an unknown colour",
    title_vi="Màu không có trong danh sách",
    template="colour '{colour}' is not one of {known}",
    variants={"empty": "colour is empty"},
    hint_en="Pick a colour from the list.",
    hint_vi="Chọn một màu trong danh sách.",
)


def test_a_new_error_type_is_documented_by_regenerating_and_missing_until_then(monkeypatch: pytest.MonkeyPatch) -> None:
    committed = _block(CONTRIBUTING.read_text(encoding="utf-8"))
    monkeypatch.setattr(error_types, "CATALOGUE", (*error_types.CATALOGUE, NEW_ERROR))
    assert undocumented(committed) == ["widget-colour: no row in the error types table"]
    fresh = generate(ROOT)
    assert undocumented(fresh) == []
    assert _error_rows(fresh)["widget-colour"][4] == "`colour '{colour}' is not one of {known}`<br>`colour is empty`"
    assert splice(CONTRIBUTING.read_text(encoding="utf-8"), fresh) != CONTRIBUTING.read_text(encoding="utf-8"), "stale until regenerated"


class Colour(str, Enum):
    red = "red"
    blue = "blue"


class Part(Strict):
    """A nested block of the test kind."""

    when: dt.date = Field(description="A date.")
    size: int = Field(default=3, ge=1, description="A count.")


class Widget(Strict):
    """A content kind that only this test knows."""

    id: Id = Field(description="The id.")
    colour: Colour = Field(description="Its colour.")
    mode: Literal["on", "off"] = Field(default="on", description="A mode.")
    label: Text = Field(description="A label.")
    notes: list[Text] = Field(default_factory=list)
    parts: list[Part] = Field(min_length=1, description="Its parts.")
    flag: bool | None = Field(default=None, description="A flag.")


def test_a_new_kind_is_picked_up_without_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(KINDS, "widgets", Widget)
    block = generate(ROOT)
    assert "#### `content/widgets/` — `Widget`" in block
    widget = _rows(_model_section(block, Widget))
    assert widget["id"][1:4] == ["id, 2–80 characters", "bắt buộc / required", "—"]
    assert widget["colour"][1] == "one of: `red` | `blue`"
    assert widget["mode"][1:4] == ["one of: `on` | `off`", "không bắt buộc / optional", '`"on"`']
    assert widget["label"][1] == "[bilingual text {vi, en}](#ref-text)"
    assert widget["notes"][1:4] == ["list of [bilingual text {vi, en}](#ref-text)", "không bắt buộc / optional", "`[]`"]
    assert widget["notes"][5] == NO_EN
    assert widget["parts"][1] == "list of [block `Part`](#ref-part), at least 1 item"
    assert widget["flag"][1:4] == ["true or false", "không bắt buộc / optional", "trống / empty"]
    assert all(row[4] == NO_VI for row in widget.values()), "a missing Vietnamese description is shown as missing"
    part = _rows(_model_section(block, Part))
    assert part["when"][1] == "date YYYY-MM-DD"
    assert part["size"][1:4] == ["whole number, ≥ 1", "không bắt buộc / optional", "`3`"]


# --------------------------------------------------------------------------- the command


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            out += _commands(command, f"{prefix}{name} ")
    return out


def test_every_command_is_documented() -> None:
    commands = _commands(main)
    assert {"check", "build", "new", "new report", "new unit", "reference"} <= set(commands)
    docs = CONTRIBUTING.read_text(encoding="utf-8") + (ROOT / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert re.search(rf"site-builder {re.escape(command)}\b", docs), f"`site-builder {command}` is not in CONTRIBUTING.md or README.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """CONTRIBUTING.md and the data packages, copied: the working tree is never written to."""
    shutil.copyfile(CONTRIBUTING, tmp_path / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "datapackages", tmp_path / "datapackages")
    doc = tmp_path / "CONTRIBUTING.md"
    doc.write_text(splice(doc.read_text(encoding="utf-8"), generate(tmp_path)), encoding="utf-8")
    return tmp_path


def test_check_passes_on_a_fresh_file(project: Path) -> None:
    result = CliRunner().invoke(main, ["reference", "--check", "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "up to date" in result.stderr


def test_check_fails_with_a_diff_on_a_stale_file(project: Path) -> None:
    doc = project / "CONTRIBUTING.md"
    fresh = doc.read_text(encoding="utf-8")
    stale = fresh.replace("| `quote` |", "| `quotation` |", 1)
    assert stale != fresh
    doc.write_text(stale, encoding="utf-8")
    result = CliRunner().invoke(main, ["reference", "--check", "--root", str(project)])
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/CONTRIBUTING.md\n+++ b/CONTRIBUTING.md\n@@ ")
    assert re.search(r"^-\| `quotation` \|", result.stdout, re.M) and re.search(r"^\+\| `quote` \|", result.stdout, re.M)
    assert "run `site-builder reference`" in result.stderr
    assert doc.read_text(encoding="utf-8") == stale, "--check changes nothing"

    result = CliRunner().invoke(main, ["reference", "--root", str(project)])
    assert result.exit_code == 0 and "updated" in result.stderr
    assert doc.read_text(encoding="utf-8") == fresh
    assert CliRunner().invoke(main, ["reference", "--check", "--root", str(project)]).exit_code == 0


def test_a_table_schema_change_makes_the_reference_stale(project: Path) -> None:
    schema = project / "datapackages" / "cchc-figures" / "figures.schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace(
        "primaryKey:", "  - name: reviewer\n    type: string\n    description: Who confirmed the row.\nprimaryKey:", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["reference", "--check", "--root", str(project)])
    assert result.exit_code == 1
    assert "+| `reviewer` | text | không bắt buộc / optional | — | _(chưa có mô tả tiếng Việt)_ | Who confirmed the row. |" in result.stdout


def test_only_the_block_is_rewritten(project: Path) -> None:
    doc = project / "CONTRIBUTING.md"
    text = doc.read_text(encoding="utf-8")
    head, tail = text.split(BEGIN)[0], text.split(END)[1]
    doc.write_text(f"{head}{BEGIN}\nold text\n{END}{tail}", encoding="utf-8")
    assert CliRunner().invoke(main, ["reference", "--root", str(project)]).exit_code == 0
    assert doc.read_text(encoding="utf-8") == text


def test_missing_markers_are_an_error(project: Path) -> None:
    doc = project / "CONTRIBUTING.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(END, ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["reference", "--check", "--root", str(project)])
    assert result.exit_code == 1
    assert "CONTRIBUTING.md: needs exactly one line" in result.stderr and "Traceback" not in result.output


# --------------------------------------------------------------------------- CONTRIBUTING.md


def test_contributing_is_vietnamese_first_then_english_then_the_reference() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert 0 < text.index("\n## Tiếng Việt\n") < text.index("\n## English\n") < text.index(BEGIN)
    for words in ("site-builder check", "site-builder fmt", "site-builder translations", "flag: inconsistent", "make build"):
        vietnamese, english = text.split("\n## English\n")[0], text.split("\n## English\n")[1].split(BEGIN)[0]
        assert words in vietnamese and words in english, f"'{words}' must be in both languages"


# --------------------------------------------------------------------------- workflows


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    found = [s for s in steps if str(s.get("uses", "")).split("@")[0] == action]
    assert found, f"no step uses {action}"
    return found[0]


def test_workflows_pin_actions_by_major_version() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pr.yml", "pages.yml"}
    for path in files:
        for step in _steps(_yaml(path)):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), f"{path.name}: {step['uses']} is not pinned by major version"


def test_pull_request_workflow_checks_builds_and_uploads_the_preview() -> None:
    workflow = _yaml(WORKFLOWS / "pr.yml")
    assert "pull_request" in workflow["on"]
    steps = _steps(workflow)
    runs = [str(s.get("run", "")) for s in steps]
    assert _uses(steps, "actions/setup-python")["with"]["python-version"] == "3.11"
    _uses(steps, "actions/checkout")
    install = next(i for i, r in enumerate(runs) if "make venv" in r)
    check = next(i for i, r in enumerate(runs) if re.search(r"\.venv/bin/site-builder check --format github\b", r))
    build = next(i for i, r in enumerate(runs) if re.search(r"\bmake build\b", r))
    upload = steps.index(_uses(steps, "actions/upload-artifact"))
    assert install < check < build < upload, "install, then check, then build, then upload"
    assert any("site-builder fmt --check" in r and "site-builder reference --check" in r for r in runs[install:build])
    assert steps[upload]["with"]["path"].rstrip("/") == "site"


def test_pages_workflow_deploys_main() -> None:
    workflow = _yaml(WORKFLOWS / "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    steps = _steps(workflow)
    runs = [str(s.get("run", "")) for s in steps]
    assert any(re.search(r"\bmake build\b", r) for r in runs)
    _uses(steps, "actions/configure-pages")
    assert any("site_url:" in r and "steps.pages.outputs.base_url" in r for r in runs), "the build knows the Pages address"
    assert _uses(steps, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == "site"
    deploy = next(job for job in workflow["jobs"].values() if any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy.get("needs"), "deploy waits for the build"


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_workflows_restore_the_last_build_before_building(name: str) -> None:
    """A second run after an edit rebuilds what the edit touched: build/ comes back from the cache,
    keyed by what would make every output change (the lock file, templates, code) and a new entry
    each run, restored by prefix."""
    steps = _steps(_yaml(WORKFLOWS / name))
    cache = _uses(steps, "actions/cache")
    build = next(i for i, s in enumerate(steps) if re.search(r"\bmake build\b", str(s.get("run", ""))))
    assert steps.index(cache) < build
    assert cache["with"]["path"].rstrip("/") == "build"
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"].strip()
    for part in ("requirements.lock", "templates/**", "site_builder/**"):
        assert part in key
    assert "github.run_id" in key and key.startswith(restore) and "run_id" not in restore
