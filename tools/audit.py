"""`make audit`: known vulnerabilities of the locked dependencies, safe to run offline.

Runs pip-audit over requirements.lock (hashes required, pip never asked to resolve anything) and
turns its JSON report into a verdict:

- a vulnerability found: exit 1, naming each package, version, advisory and fixed versions;
- the vulnerability service unreachable, or unable to answer for some packages: a warning that
  says what was not audited, and exit 0, so that CI without network still runs the tests;
- pip-audit failing for any other reason (a lock it cannot read): exit 2.

Usage: python tools/audit.py [LOCK] [-- extra pip-audit arguments]
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SERVICE_TIMEOUT = 15  # seconds per request to the vulnerability service
TOTAL_TIMEOUT = 300  # seconds for the whole audit: a service that drops packets must not hold CI for 81 × 15 s

# What requests and pip-audit say when the service cannot be reached.
UNREACHABLE = re.compile(
    r"ConnectionError|ProxyError|SSLError|ConnectTimeout|ReadTimeout|timed out|Max retries exceeded|NameResolutionError|"
    r"Name or service not known|Temporary failure in name resolution|Connection refused|Network is unreachable|ServiceError",
    re.I,
)


@dataclass
class Verdict:
    """Exit code and the lines to print."""

    code: int
    lines: list[str] = field(default_factory=list)


def judge(returncode: int, stdout: str, stderr: str) -> Verdict:
    """The verdict on one pip-audit run (`-f json`): its exit code, standard output and standard error."""
    try:
        report = json.loads(stdout) if stdout.strip() else None
    except ValueError:
        report = None
    if not isinstance(report, dict) or not isinstance(report.get("dependencies"), list):
        last = next((line.strip() for line in reversed(stderr.splitlines()) if line.strip()), f"exit status {returncode}")
        if UNREACHABLE.search(stderr):
            return Verdict(0, [f"warning: the vulnerability service could not be reached; dependencies NOT audited ({last[:300]})"])
        return Verdict(2, [f"error: pip-audit failed: {last[:500]}"])
    deps = report["dependencies"]
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    lines = []
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            aliases = [a for a in vuln.get("aliases", []) if a != vuln.get("id")]
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            also = f" ({', '.join(aliases)})" if aliases else ""
            lines.append(f"  {dep['name']} {dep.get('version', '?')}: {vuln.get('id', '?')}{also}; fixed in {fixed}")
    if skipped and len(skipped) == len(deps):
        lines.append(f"warning: none of the {len(deps)} locked packages could be audited (the service answered for none of them: {skipped[0]['skip_reason']})")
    elif skipped:
        names = ", ".join(sorted(d["name"] for d in skipped))
        lines.append(f"warning: {len(skipped)} of {len(deps)} locked packages could not be audited (the service did not answer for them): {names}")
    if vulnerable:
        return Verdict(1, [f"error: {len(vulnerable)} locked package(s) with known vulnerabilities:"] + lines)
    lines.append(f"{len(deps) - len(skipped)} of {len(deps)} locked packages audited: no known vulnerability")
    return Verdict(0, lines)


def run(lock: Path, extra: list[str]) -> Verdict:
    """Audit `lock` with pip-audit in this interpreter (pip_audit comes from the test extra)."""
    command = [sys.executable, "-m", "pip_audit", "-r", str(lock), "--require-hashes", "--disable-pip", "-f", "json",
               "--progress-spinner", "off", "--timeout", str(SERVICE_TIMEOUT), *extra]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TOTAL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return Verdict(0, [f"warning: the vulnerability service did not answer within {TOTAL_TIMEOUT} s; dependencies NOT audited"])
    return judge(done.returncode, done.stdout, done.stderr)


def main(argv: list[str]) -> int:
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = argv[: argv.index("--")] if "--" in argv else argv
    lock = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "requirements.lock"
    verdict = run(lock, extra)
    for line in verdict.lines:
        print(line, file=sys.stderr if line.startswith(("warning", "error")) else sys.stdout)
    return verdict.code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
