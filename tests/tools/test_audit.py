"""tools/audit.py (`make audit`): vulnerabilities fail, an unreachable service only warns, anything else fails."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("tools_audit", ROOT / "tools/audit.py")
assert spec is not None and spec.loader is not None
audit = importlib.util.module_from_spec(spec)
sys.modules["tools_audit"] = audit  # dataclasses look their module up
spec.loader.exec_module(audit)


def report(*deps: dict) -> str:
    """A pip-audit `-f json` report."""
    return json.dumps({"dependencies": list(deps), "fixes": []})


def test_a_vulnerability_fails_naming_package_advisory_and_fix() -> None:
    verdict = audit.judge(1, report(
        {"name": "jinja2", "version": "3.1.4", "vulns": [{"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"], "aliases": ["CVE-2024-56201"], "description": "…"}]},
        {"name": "click", "version": "8.5.1", "vulns": []},
    ), "")
    assert verdict.code == 1
    assert verdict.lines == ["error: 1 locked package(s) with known vulnerabilities:",
                             "  jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (CVE-2024-56201); fixed in 3.1.5"]


def test_a_vulnerability_without_a_fix_still_fails() -> None:
    verdict = audit.judge(1, report({"name": "x", "version": "1", "vulns": [{"id": "PYSEC-1", "fix_versions": [], "aliases": []}]}), "")
    assert verdict.code == 1 and verdict.lines[-1] == "  x 1: PYSEC-1; fixed in no fixed release yet"


def test_clean_report_passes() -> None:
    verdict = audit.judge(0, report({"name": "click", "version": "8.5.1", "vulns": []}, {"name": "jinja2", "version": "3.1.6", "vulns": []}), "")
    assert verdict == audit.Verdict(0, ["2 of 2 locked packages audited: no known vulnerability"])


def test_packages_the_service_did_not_answer_for_are_a_warning() -> None:
    verdict = audit.judge(0, report(
        {"name": "click", "version": "8.5.1", "vulns": []},
        {"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not be audited: jinja2 (3.1.6)"},
    ), "")
    assert verdict.code == 0
    assert verdict.lines == ["warning: 1 of 2 locked packages could not be audited (the service did not answer for them): jinja2",
                             "1 of 2 locked packages audited: no known vulnerability"]


def test_unreachable_service_warns_and_passes() -> None:
    stderr = ("Traceback (most recent call last):\n  …\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): "
              "Max retries exceeded with url: /pypi/click/8.5.1/json (Caused by NameResolutionError(…))\n")
    verdict = audit.judge(1, "", stderr)
    assert verdict.code == 0
    assert verdict.lines[0].startswith("warning: the vulnerability service could not be reached; dependencies NOT audited (requests.exceptions.ConnectionError")


def test_any_other_failure_fails() -> None:
    verdict = audit.judge(1, "", "ERROR:pip_audit._cli:requirement click is not pinned to an exact version\n")
    assert verdict == audit.Verdict(2, ["error: pip-audit failed: ERROR:pip_audit._cli:requirement click is not pinned to an exact version"])


def test_the_real_pip_audit_behind_a_dead_proxy_warns_and_exits_0(tmp_path: Path) -> None:
    """End to end, without network: every request goes to a proxy that refuses connections."""
    lock = tmp_path / "requirements.lock"
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("click=="))
    lock.write_text("\n".join(lines[start:start + 3]) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "https_proxy", "http_proxy", "all_proxy")}
    env["HTTPS_PROXY"] = "http://127.0.0.1:9"
    run = subprocess.run([sys.executable, str(ROOT / "tools/audit.py"), str(lock), "--", "--cache-dir", str(tmp_path / "cache")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "warning: the vulnerability service could not be reached; dependencies NOT audited" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_a_lock_pip_audit_cannot_read_fails(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text("click>=8\n", encoding="utf-8")  # not pinned, no hash
    run = subprocess.run([sys.executable, str(ROOT / "tools/audit.py"), str(lock), "--", "--cache-dir", str(tmp_path / "cache")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("error: pip-audit failed:")
