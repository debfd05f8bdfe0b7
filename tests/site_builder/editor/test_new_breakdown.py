"""`site-builder new breakdown`: a value added to a dimension, every line already there kept."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main
from site_builder.content.validate import validate
from site_builder.content.yamlio import _plain, round_trip_yaml
from tests.conftest import ROOT


def _run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["new", "breakdown", *args, "--root", str(root)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _data(path: Path) -> dict[str, object]:
    data = _plain(round_trip_yaml().load(path.read_text(encoding="utf-8")))
    assert isinstance(data, dict)
    return data


def _figure_with(root: Path, breakdown: str) -> None:
    """One more figure of the minimal project's report, broken down by `breakdown`."""
    csv = root / "datapackages/figures/data/bc-2021.csv"
    with csv.open("a", encoding="utf-8") as handle:
        handle.write(f"bc-2021-004,bc-2021,huyen-b,dossiers-received-online,2021,2021-01-01,2021-12-31,{breakdown},5386,,reported,Mục 1,truc tuyen 5.386 ho so.,,,\n")


def test_a_value_is_appended_and_every_line_kept(minimal: Path) -> None:
    path = minimal / "content/breakdowns/channel.yaml"
    path.write_text("# Kênh tiếp nhận\n" + path.read_text(encoding="utf-8").replace("  - id: postal\n", "  # qua bưu điện\n  - id: postal\n"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    code, output = _run(minimal, "channel", "zalo", "--vi", "qua Zalo", "--en", "via Zalo")
    assert code == 0, output
    assert output.strip() == "content/breakdowns/channel.yaml"
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # comments, order and every line as they were
    assert after[len(before):] == "  - id: zalo\n    name:\n      vi: qua Zalo\n      en: via Zalo\n"
    _figure_with(minimal, "channel=zalo")
    corpus, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)
    assert corpus is not None and corpus.breakdowns["channel"].value("zalo") is not None


@pytest.mark.parametrize("dimension", sorted(p.stem for p in (ROOT / "content/breakdowns").glob("*.yaml")))
def test_every_shipped_dimension_takes_a_value_by_insertion_only(tmp_path: Path, dimension: str) -> None:
    (tmp_path / "content/breakdowns").mkdir(parents=True)
    source = ROOT / f"content/breakdowns/{dimension}.yaml"
    before = source.read_text(encoding="utf-8")
    (tmp_path / f"content/breakdowns/{dimension}.yaml").write_text(before, encoding="utf-8")
    code, output = _run(tmp_path, dimension, "zz-new", "--vi", "giá trị mới", "--en", "new value")
    assert code == 0, output
    after = (tmp_path / f"content/breakdowns/{dimension}.yaml").read_text(encoding="utf-8")
    assert _data(tmp_path / f"content/breakdowns/{dimension}.yaml")["values"][-1] == {"id": "zz-new", "name": {"vi": "giá trị mới", "en": "new value"}}  # type: ignore[index]
    assert [line for line in after.splitlines() if "zz-new" not in line and "giá trị mới" not in line and "new value" not in line
            and line.strip() != "name:"] == [line for line in before.splitlines() if line.strip() != "name:"]


def test_a_new_dimension_needs_its_own_name_then_checks_clean(minimal: Path) -> None:
    code, output = _run(minimal, "level", "district", "--vi", "cấp huyện", "--en", "district level")
    assert code == 1
    assert "error: content/breakdowns/level.yaml does not exist yet: a new breakdown needs its own name, --dimension-vi (and --dimension-en)" in output
    assert not (minimal / "content/breakdowns/level.yaml").exists()
    code, output = _run(minimal, "level", "district", "--vi", "cấp huyện", "--en", "district level", "--dimension-vi", "Cấp", "--dimension-en", "Level")
    assert code == 0, output
    assert _data(minimal / "content/breakdowns/level.yaml") == {
        "id": "level", "name": {"vi": "Cấp", "en": "Level"}, "values": [{"id": "district", "name": {"vi": "cấp huyện", "en": "district level"}}]}
    _figure_with(minimal, "level=district")
    _, findings = validate(minimal)
    assert findings.problems == [], "\n".join(p.text() for p in findings.problems)


def test_a_value_without_english_is_written_and_reported_as_untranslated(minimal: Path) -> None:
    code, output = _run(minimal, "channel", "zalo", "--vi", "qua Zalo")
    assert code == 0, output
    _, findings = validate(minimal)
    assert [(p.path, p.field, p.code) for p in findings.problems] == [("content/breakdowns/channel.yaml", "values[2].name", "translation-missing")]


@pytest.mark.parametrize(("args", "expected"), [
    (("channel", "hotline", "--vi", "đường dây nóng"),
     "content/breakdowns/channel.yaml:6:9: values[0].id: value 'hotline' is already in breakdown 'channel'; not added"),
    (("channel", "Zalo App", "--vi", "Zalo"),
     "content/breakdowns/channel.yaml:5:1: values[2].id: breakdown value 'Zalo App' must be lower-case ASCII letters and digits joined by '-' or '_', e.g. in-person"),
    (("Cap-Hanh-Chinh", "district", "--vi", "cấp huyện", "--dimension-vi", "Cấp"),
     "content/breakdowns/Cap-Hanh-Chinh.yaml:1:1: id: breakdown 'Cap-Hanh-Chinh' must be lower-case ASCII letters joined by '_', e.g. online_level"),
    (("channel", "zalo", "--vi", "qua Zalo", "--dimension-vi", "Kênh khác"),
     "error: content/breakdowns/channel.yaml already names breakdown 'channel' otherwise; --dimension-vi and --dimension-en are for a new one (edit its name in the file)"),
])
def test_refusals_are_located_and_change_nothing(minimal: Path, args: tuple[str, ...], expected: str) -> None:
    path = minimal / "content/breakdowns/channel.yaml"
    before = path.read_bytes()
    code, output = _run(minimal, *args)
    assert code == 1
    assert output.splitlines() == [expected]
    assert path.read_bytes() == before
    assert sorted(p.name for p in (minimal / "content/breakdowns").iterdir()) == ["channel.yaml"]
