"""The browser tests run in CI on Debian's Chromium, driven by Playwright: nothing downloads a
browser, and without Chromium CI fails rather than skipping them."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / ".ci" / "run"


def test_ci_installs_debian_chromium_and_runs_the_whole_suite() -> None:
    script = RUN.read_text(encoding="utf-8")
    assert os.access(RUN, os.X_OK)
    assert "apt-get install" in script and " chromium " in script
    assert 'export CI="${CI:-1}"' in script  # browser tests fail, not skip, without Chromium
    assert script.rstrip().endswith("make test")
    assert "$(BIN)/python -m pytest" in (ROOT / "Makefile").read_text(encoding="utf-8")  # tests/browser included


def test_no_browser_is_downloaded() -> None:
    """Neither CI, the Makefile nor a workflow runs `playwright install`; the session launches
    Chromium by its executable path."""
    for path in [RUN, ROOT / "Makefile", *sorted((ROOT / ".github").rglob("*.yml"))]:
        assert "playwright install" not in path.read_text(encoding="utf-8"), path
    conftest = (ROOT / "tests" / "browser" / "conftest.py").read_text(encoding="utf-8")
    assert "pw.chromium.launch(executable_path=exe" in conftest


@pytest.mark.browser
def test_the_session_drives_the_system_chromium(browser: Any) -> None:
    """The browser the tests run is the one on the system: same version as `chromium --version`."""
    exe = os.environ.get("MB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60).stdout
    assert browser.browser_type.name == "chromium"
    assert browser.version and browser.version in out, (browser.version, out)
