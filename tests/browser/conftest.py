"""Browser tests: the shipped site, built once per session, served from a sub-path, in headless Chromium.

Chromium is Debian's (/usr/bin/chromium, or $MB_CHROMIUM), driven by Playwright's Python
package with `executable_path` — never `playwright install`, which downloads a browser.
Without Chromium (or Playwright) these tests are skipped on a developer's machine and FAIL in
CI (env CI set), where .ci/run installs Chromium first.

Screenshots go to $MB_SCREENSHOTS when set (e.g. build/screenshots), else to a pytest
temporary folder; never into tracked folders. The axe-core counts of the session go there too
(axe-results.json), and are printed as a table per page type at the end of the run.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PREFIX = "/minhbach/"  # the site is served under a sub-path: every URL in it must be relative
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
IMPACTS = ("critical", "serious", "moderate", "minor")
AXE_RESULTS = pytest.StashKey[list]()  # one record per axe run: language, page type, width, counts
SCREENSHOTS = pytest.StashKey[Path]()


def chromium_path() -> str | None:
    """Debian's Chromium, or $MB_CHROMIUM."""
    found = os.environ.get("MB_CHROMIUM") or shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    return found


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser tests (.ci/run installs Debian's chromium)", pytrace=False)
    pytest.skip(reason)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only, as a host serving it from a sub-path would, and its
    404.html, with status 404, at any address it does not have (as GitHub Pages and others do)."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass


def serve(site: Path) -> Iterator[str]:
    """`site` served on a free loopback port under PREFIX; yields its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site, served on a free loopback port under /minhbach/."""
    yield from serve(shipped_site)


@pytest.fixture(scope="session")
def addressed_url(addressed_site: Path) -> Iterator[str]:
    """The site built with a site_url whose path is /minhbach/ (tests/conftest.py), served there:
    the 404 page finds its style and script only when the site knows its path."""
    yield from serve(addressed_site)


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
    """A factory of pages in fresh contexts: new_page(width=360, javascript=False, touch=True)."""
    contexts = []

    def make(width: int = 1280, height: int = 800, javascript: bool = True, touch: bool = False) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript, device_scale_factor=1,
                                      has_touch=touch, is_mobile=touch)
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
def screenshots(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots (and axe-results.json) go: $MB_SCREENSHOTS, else a temporary folder."""
    folder = Path(os.environ["MB_SCREENSHOTS"]) if os.environ.get("MB_SCREENSHOTS") else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS] = folder
    return folder


@pytest.fixture
def axe_results(request: pytest.FixtureRequest, screenshots: Path) -> list[dict[str, Any]]:
    """The session's axe records, written to screenshots/axe-results.json at the end; a test
    appends {lang, page, width, counts, nodes, passes, incomplete, violations}."""
    return request.config.stash.setdefault(AXE_RESULTS, [])


def axe_table(records: list[dict[str, Any]]) -> list[str]:
    """Violations per page type: a row per page type, a column per language and width, each cell
    critical/serious/moderate/minor (the number of rules violated at that impact)."""
    columns = sorted({(r["lang"], r["width"]) for r in records}, key=lambda c: (c[0] != "vi", -c[1]))
    pages = list(dict.fromkeys(r["page"] for r in records))
    cells = {(r["page"], r["lang"], r["width"]): "/".join(str(r["counts"][i]) for i in IMPACTS) for r in records}
    passes = {(r["page"], r["lang"], r["width"]): r["passes"] for r in records}
    head = ["page type"] + [f"{lang} {width}" for lang, width in columns]
    rows = [[page] + [cells.get((page, *c), "–") for c in columns] for page in pages]
    widths = [max(len(row[i]) for row in [head] + rows) for i in range(len(head))]
    fmt = lambda row: "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()  # noqa: E731
    total = {i: sum(r["counts"][i] for r in records) for i in IMPACTS}
    return [
        "axe-core violations per page type (critical/serious/moderate/minor; – not run)",
        fmt(head), fmt(["-" * w for w in widths]), *map(fmt, rows),
        f"{len(records)} runs; totals: " + ", ".join(f"{total[i]} {i}" for i in IMPACTS)
        + f"; rules passed per run: {min(passes.values())}–{max(passes.values())}",
    ]


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the session's axe records as JSON beside the screenshots."""
    records = session.config.stash.get(AXE_RESULTS, [])
    folder = session.config.stash.get(SCREENSHOTS, None)
    if records and folder is not None:
        ordered = sorted(records, key=lambda r: (r["page"], r["lang"], -r["width"]))
        (folder / "axe-results.json").write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The axe table at the end of the run, and where its JSON is."""
    records = config.stash.get(AXE_RESULTS, [])
    if not records:
        return
    terminalreporter.section("accessibility (axe-core)")
    for line in axe_table(records):
        terminalreporter.write_line(line)
    folder = config.stash.get(SCREENSHOTS, None)
    if folder is not None:
        terminalreporter.write_line(f"records and screenshots: {folder}")
