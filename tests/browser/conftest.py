"""Browser tests: the shipped site, built once per session, served from a sub-path, in headless Chromium.

Chromium is Debian's (/usr/bin/chromium, or $MB_CHROMIUM), driven by Playwright's Python
package with `executable_path` — never `playwright install`, which downloads a browser.
Without Chromium (or Playwright) these tests are skipped on a developer's machine and FAIL in
CI (env CI set), where .ci/run installs Chromium first.

Screenshots go to $MB_SCREENSHOTS when set (e.g. build/screenshots), else to a pytest
temporary folder; never into tracked folders.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe.min.js"
PREFIX = "/minhbach/"  # the site is served under a sub-path: every URL in it must be relative
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# One of each page type, by its path under the language root.
PAGE_TYPES = {
    "home": "",
    "units-index": "units/",
    "unit": "units/dak-nong/",
    "reports-index": "reports/",
    "report": "reports/dak-nong-vp-ubnd-2021-q3/",
    "report-source": "reports/dak-nong-vp-ubnd-2021-q3-source/",
    "indicators-index": "indicators/",
    "indicator": "indicators/dossiers-received/",
    "datasets": "datasets/",
    "targets": "targets/",
    "glossary": "glossary/",
    "about": "about/",
}
LANG_ROOTS = {"vi": "", "en": "en/"}


def chromium_path() -> str | None:
    """Debian's Chromium, or $MB_CHROMIUM."""
    found = os.environ.get("MB_CHROMIUM") or shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    return found


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser tests (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(reason)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only, as a host serving it from a sub-path would."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(PREFIX):])

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def site_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site, served on a free loopback port under /minhbach/."""
    handler = functools.partial(_Handler, directory=str(shipped_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    exe = chromium_path()
    if not exe:
        _unavailable("Chromium not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory of pages in fresh contexts: new_page(width=360, javascript=False)."""
    contexts = []

    def make(width: int = 1280, height: int = 800, javascript: bool = True) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript, device_scale_factor=1)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.mb_errors = []  # uncaught script errors, checked by the tests
        page.on("pageerror", lambda exc: page.mb_errors.append(str(exc)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def prefix() -> str:
    """The sub-path the site is served under."""
    return PREFIX


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $MB_SCREENSHOTS, else a temporary folder."""
    folder = Path(os.environ["MB_SCREENSHOTS"]) if os.environ.get("MB_SCREENSHOTS") else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
