"""The benchmark's project generator (benchmarks/bench_build.py): a small generated project is valid.

No build and no timing here: speed and memory targets live in `make bench`, not in tests.
"""
from __future__ import annotations

import hashlib
import importlib.util
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from site_builder.compute.derive import compute
from site_builder.content.validate import validate

ROOT = Path(__file__).resolve().parents[2]
UNITS = 12


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "benchmarks" / "bench_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_build", module)  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _bench()


def _tree_hash(folder: Path) -> str:
    """The generated project: build/ is the builder's cache (validate remembers clean CSVs there)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder).parts[0] != "build":
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any, Any]:
    """(root, generator stats, corpus, findings) of one small project, validated once."""
    root = tmp_path_factory.mktemp("bench") / "proj"
    stats = bench.generate(root, UNITS, seed=7)
    corpus, findings = validate(root)
    return root, stats, corpus, findings


def test_generated_project_is_valid(generated: tuple[Path, Any, Any, Any]) -> None:
    _, _, corpus, findings = generated
    assert [str(p) for p in findings.errors] == []
    assert [str(p) for p in findings.warnings] == []  # every text has its English
    assert corpus is not None


def test_counts_match_the_requested_scale(generated: tuple[Path, Any, Any, Any]) -> None:
    _, stats, corpus, _ = generated
    assert corpus is not None
    levels = Counter(u.level.value for u in corpus.units.values())
    assert len(corpus.units) == stats.units == UNITS
    assert (levels["province"], levels["district"], levels["commune"]) == (stats.provinces, stats.districts, stats.communes)
    assert stats.provinces >= 1 and stats.districts >= 1 and stats.communes >= 1
    assert len(corpus.reports) == stats.reports
    assert len(corpus.figures) == stats.figures
    # a district has an annual and a quarterly report, a commune one or two annual reports
    assert 2 * stats.districts + stats.communes <= stats.reports <= 2 * stats.districts + 2 * stats.communes
    assert len(corpus.packages["cchc-figures"].resources) == stats.reports  # one CSV per report, as editors keep them


def test_every_district_and_commune_has_reports_and_charts(generated: tuple[Path, Any, Any, Any]) -> None:
    _, _, corpus, _ = generated
    assert corpus is not None
    computed = compute(corpus)
    for uid, unit in corpus.units.items():
        if unit.level.value == "province":
            continue
        assert computed.reports_by_unit.get(uid), uid
        series = computed.series.get(uid, {})
        assert len(series.get("dossiers-received", ())) >= 3, uid  # several periods: the unit page gets charts
        assert "share-online" in series, uid  # derived from received and online


def test_vietnamese_names_with_diacritics_in_nfc(generated: tuple[Path, Any, Any, Any]) -> None:
    _, _, corpus, _ = generated
    assert corpus is not None
    names = [u.name.vi for u in corpus.units.values()]
    assert all(unicodedata.normalize("NFC", n) == n for n in names)
    assert sum(not n.isascii() for n in names) >= len(names) // 2


def test_deterministic(tmp_path: Path, generated: tuple[Path, Any, Any, Any]) -> None:
    root = generated[0]
    again = tmp_path / "again"
    bench.generate(again, UNITS, seed=7)
    assert _tree_hash(again) == _tree_hash(root)
    other = tmp_path / "other"
    bench.generate(other, UNITS, seed=8)
    assert _tree_hash(other) != _tree_hash(root)


def test_never_generates_into_the_repository() -> None:
    with pytest.raises(ValueError, match="inside the repository"):
        bench.generate(ROOT / "bench-project-that-must-not-exist", UNITS)
    assert not (ROOT / "bench-project-that-must-not-exist").exists()
