"""`make bench`'s verdict (benchmarks/bench_national.py): each target met or missed, and the exit status.

The measurements are made up here; no build runs and nothing is timed.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_national as bench  # noqa: E402


def _build(total: float, site_bytes: float, largest_bytes: float, pss_mib: float = 1000) -> dict[str, Any]:
    return {"timings": {"total": total, "charts.cpu": 10.0}, "charts_drawn": 10_000, "sampled_peak_tree_pss_mib": pss_mib,
            "site_mib": site_bytes / 2**20, "site_files": 12_345, "largest_html": (largest_bytes / 1024, "en/reports/x/index.html")}


def _check(wall: float, ok: bool = True) -> dict[str, Any]:
    return {"ok": ok, "exit": 0 if ok else 1, "wall_s": wall, "cpu_s": wall * 0.9, "summary": "0 error(s), 3 warning(s)"}


def _results(**over: Any) -> dict[str, tuple[str, float, float, bool]]:
    cold = _build(100, over.get("site", 0.9e9), over.get("page", 250_000))
    rebuild = _build(over.get("rebuild", 9), 0.9e9, 250_000)
    bare = {"wall_s": 100 / 1.4}
    check = _check(over.get("check", 15), over.get("check_ok", True))
    return {name: (how, value, limit, met) for name, how, value, limit, met in bench.evaluate(cold, rebuild, bare, check)}


def _row(results: dict[str, tuple[str, float, float, bool]], start: str) -> tuple[str, float, float, bool]:
    return next(v for k, v in results.items() if k.startswith(start))


def test_every_target_met_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    results = _results()
    assert all(met for _, _, _, met in results.values())
    assert len(results) == 7
    listed = [(k, *v) for k, v in results.items()]
    assert bench.exit_status(listed) == 0 and capsys.readouterr().err == ""


@pytest.mark.parametrize("over,target,value", [
    ({"check": 20.5}, "`site-builder check`", 20.5),
    ({"check": 3.0, "check_ok": False}, "`site-builder check`", 3.0),  # quick, but it failed
    ({"site": 1.2e9}, "built site", 1.2),
    ({"page": 300_001}, "largest page", 300.001),
    ({"rebuild": 11}, "rebuild", 0.11),
])
def test_a_missed_target_exits_1_naming_it(over: dict[str, Any], target: str, value: float, capsys: pytest.CaptureFixture[str]) -> None:
    results = _results(**over)
    how, measured, _, met = _row(results, target)
    assert not met and measured == pytest.approx(value)
    listed = [(k, *v) for k, v in results.items()]
    assert bench.missed(listed) == [k for k in results if k.startswith(target)]
    assert bench.exit_status(listed) == 1
    err = capsys.readouterr().err
    assert err.startswith("targets missed: ") and target in err
    assert bench.exit_status(listed, no_targets=True) == 0  # --no-targets reports without failing


def test_limits_are_the_issues_and_bounds_are_met() -> None:
    results = _results(check=20.0, site=1e9, page=300_000)  # exactly at each limit: met
    assert _row(results, "`site-builder check`")[2:] == (20.0, True)
    assert _row(results, "built site")[2:] == (1.0, True)
    assert _row(results, "largest page")[2:] == (300.0, True)
    assert "12,345 files" in _row(results, "built site")[0]  # the files are counted
    assert "exit 1" in _results(check_ok=False)[next(k for k in results if k.startswith("`site-builder check`"))][0]


def test_the_check_runs_on_a_fresh_copy_without_the_cache(minimal: Path, tmp_path: Path) -> None:
    (minimal / "build" / "cache" / "validated").mkdir(parents=True)
    (minimal / "build" / "cache" / "validated" / "stale").touch()
    work = tmp_path / "work"
    work.mkdir()
    got = bench.fresh_check(minimal, work)
    assert got["ok"] and got["exit"] == 0 and got["wall_s"] > 0 and "error(s)" in got["summary"]
    assert not (work / "check-clone").exists()  # the copy is removed
    assert sorted(p.name for p in (minimal / "build" / "cache" / "validated").iterdir()) == ["stale"]  # the corpus is untouched
