"""The one way through: load → validate → compute → render (pages, charts, downloads) → mkdocs.

A failed stage leaves the previous site/ untouched: everything is built under build/ and moved
into place only when every stage has succeeded.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from site_builder.publish import i18n
from site_builder.compute.derive import compute
from site_builder.errors import Findings
from site_builder.publish.pages import render_site
from site_builder.publish.engine import assemble, html_path, mkdocs_config, recover, swap, unshare, write_config, write_docs
from site_builder.editor.translations import corpus_coverage, overall_percent
from site_builder.content.validate import validate

log = logging.getLogger(__name__)


class BuildError(Exception):
    """A stage failed; the message says which and why."""

    def __init__(self, message: str, findings: Findings | None = None):
        super().__init__(message)
        self.findings = findings


@dataclass
class BuildResult:
    findings: Findings
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    site: Path | None = None
    charts: Any = None  # ChartStats: charts drawn and reused
    mkdocs_pages: dict[str, int] = field(default_factory=dict)  # pages mkdocs rendered, per language (all, or the changed ones)


def _mkdocs(config: Path, epoch: int, dirty: bool = False) -> subprocess.CompletedProcess[str]:
    # SOURCE_DATE_EPOCH fixes the dates mkdocs writes (sitemap lastmod, gzip header) so that
    # two builds of the same content are byte-identical whatever day they run.
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)] + (["--dirty"] if dirty else [])
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


# What mkdocs writes on every build, dirty or not (the theme's static templates).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def _fingerprint(config: Path, root: Path, pages: list[str]) -> str:
    """What, besides a page's own Markdown, decides its HTML: the configuration, the theme
    overrides, the set of pages and mkdocs' version. While it holds, mkdocs --dirty renders only
    the pages whose Markdown changed."""
    import hashlib
    from importlib.metadata import version

    h = hashlib.sha256(config.read_bytes())
    for name in ("mkdocs", "mkdocs-material"):
        h.update(version(name).encode())
    overrides = root / "templates" / "overrides"
    for path in sorted(overrides.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    h.update("\n".join(sorted(pages)).encode())
    return h.hexdigest()


_RENDER: dict[str, Any] = {}  # what forked renderers inherit (a fork shares it; nothing is pickled)


def _render_language(lang: str) -> tuple[int, list[str], dict[str, Any], list[str]]:
    """Render one language's pages and write them into build/docs/<lang>: (pages, files written, đ-aliases, page names)."""
    from site_builder.publish.search import markdown_aliases

    s = _RENDER
    pages = render_site(s["corpus"], s["computed"], lang, s["root"] / "templates", s["charts"][lang],  # type: ignore[arg-type]
                        translation_percent=s["translation"], progress=s["progress"])
    written = write_docs(pages, s["work"] / "docs" / lang, s["root"] / "templates")
    prefix = "" if lang == "vi" else f"{lang}/"
    aliases = {prefix + html_path(rel): markdown_aliases(text) for rel, text in pages.items()}
    return len(pages), written, aliases, sorted(pages)


def _render_languages(root: Path, work: Path, corpus: Any, computed: Any, charts: Any, translation: float,
                      progress: Callable[[str], None]) -> list[tuple[int, list[str], dict[str, Any], list[str]]]:
    """Both languages' pages, each in its own forked process when there are cores for it.

    Rendering is pure Python (Jinja), so two languages on two cores take the time of one. Small
    projects render in this process: forking costs more than it saves.
    """
    import multiprocessing

    _RENDER.update(root=root, work=work, corpus=corpus, computed=computed, charts=charts, translation=translation, progress=progress)
    try:
        if (os.cpu_count() or 1) < 2 or len(corpus.units) + len(corpus.reports) < PARALLEL_PAGES_FROM:
            return [_render_language(lang) for lang in i18n.LANGS]
        with multiprocessing.get_context("fork").Pool(len(i18n.LANGS)) as pool:
            return pool.map(_render_language, i18n.LANGS)
    finally:
        _RENDER.clear()


PARALLEL_PAGES_FROM = 300  # units + reports


def _cpu_seconds() -> float:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def content_epoch(corpus: Any) -> int:
    """A timestamp derived from the data: the latest date any report covers or was signed."""
    dates = [r.date or r.period.end for r in corpus.reports.values()] or [dt.date(2020, 1, 1)]
    return int(dt.datetime.combine(max(dates), dt.time(), dt.timezone.utc).timestamp())


def build(root: Path, site: Path | None = None, progress: Callable[[str], None] = lambda s: None, strict: bool = False) -> BuildResult:
    """Build the bilingual site into `site` (default root/site). Raises BuildError on failure."""
    root = Path(root).resolve()  # mkdocs resolves the theme's custom_dir against its own working directory
    site = site or root / "site"
    work = root / "build"
    if recover(site):
        progress(f"restored {site} from a build killed while swapping it in")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    progress("validate: reading content/ and datapackages/")
    corpus, findings = validate(root, timings)
    timings["load+validate"] = time.perf_counter() - t0
    result = BuildResult(findings, timings)
    if corpus is None or not findings.ok(strict):
        raise BuildError(f"validation failed with {len(findings.errors)} error(s) and {len(findings.warnings)} warning(s); site/ left unchanged", findings)
    stage = ["compute"]
    try:
        return _stages(root, site, work, corpus, result, timings, t0, progress, stage)
    except BuildError:
        raise
    except Exception as exc:  # noqa: BLE001 (any stage's failure is reported as the build's, never a traceback)
        raise BuildError(f"{stage[0]} failed: {type(exc).__name__}: {exc}; site/ left unchanged") from exc


def _stages(root: Path, site: Path, work: Path, corpus: Any, result: BuildResult, timings: dict[str, float], t0: float,
            progress: Callable[[str], None], stage: list[str]) -> BuildResult:
    """Everything after validation; `stage` names the one running, for the error message."""
    t = time.perf_counter()
    computed = compute(corpus)
    translation = overall_percent(corpus_coverage(corpus))
    timings["compute"] = time.perf_counter() - t
    extras = work / "extras"
    if extras.exists():
        shutil.rmtree(extras)
    from site_builder.publish.charts import ChartStats, render_charts  # matplotlib is imported only when charts are drawn
    from site_builder.exports.downloads import write_downloads

    t, cpu = time.perf_counter(), _cpu_seconds()
    stage[0] = "charts"
    progress("charts")
    chart_stats = ChartStats()
    charts = render_charts(corpus, computed, i18n.LANGS, extras / "charts", work / "chart-cache", chart_stats, progress=progress)
    result.charts = chart_stats
    timings["charts"] = time.perf_counter() - t
    timings["charts.cpu"] = _cpu_seconds() - cpu  # this process and the pool's workers
    progress(f"charts: {chart_stats.drawn} drawn, {chart_stats.cached} from cache")
    runs_todo: list[tuple[Path, bool]] = []
    stamps: dict[str, str] = {}
    aliases: dict[str, Any] = {}
    t = time.perf_counter()
    stage[0] = "pages"
    rendered = _render_languages(root, work, corpus, computed, charts, translation, progress)
    for lang, (count, written, lang_aliases, names) in zip(i18n.LANGS, rendered):
        result.pages += count
        aliases.update(lang_aliases)
        config = work / f"mkdocs.{lang}.yml"
        lang_site = work / f"site-{lang}"
        write_config(config, mkdocs_config(root, lang, work / "docs" / lang, lang_site))
        # Incremental: while nothing but pages' own Markdown changed, mkdocs renders only those
        # pages. The stamp is removed until this build's mkdocs succeeds, so a failed or killed
        # build is followed by a full one.
        stamp = work / f"site-{lang}.fingerprint"
        stamps[lang] = _fingerprint(config, root, names)
        dirty = lang_site.is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8") == stamps[lang]
        stamp.unlink(missing_ok=True)
        if dirty:
            unshare(lang_site, [html_path(r) if r.endswith(".md") else r for r in written] + list(ALWAYS_WRITTEN))
        runs_todo.append((config, dirty))
        result.mkdocs_pages[lang] = len(written) if dirty else count
        progress(f"pages [{lang}]: {count:,} pages, {len(written):,} changed" + ("" if dirty else "; mkdocs renders all"))
    timings["pages"] = time.perf_counter() - t
    t = time.perf_counter()
    stage[0] = "downloads"
    progress("downloads")
    files = write_downloads(corpus, computed, extras / "downloads")
    timings["downloads"] = time.perf_counter() - t
    progress(f"downloads: {len(files)} files")
    t = time.perf_counter()
    stage[0] = "mkdocs"
    progress("mkdocs build (vi and en in parallel)")
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        epoch = content_epoch(corpus)
        runs = list(pool.map(lambda c: _mkdocs(c[0], epoch, c[1]), runs_todo))
    for (config, _), run in zip(runs_todo, runs):
        if run.returncode != 0:
            raise BuildError(f"mkdocs build failed for {config.name}:\n{run.stderr.strip()}")
    for (config, _), lang in zip(runs_todo, i18n.LANGS):
        (work / f"site-{lang}.fingerprint").write_text(stamps[lang], encoding="utf-8")
    timings["mkdocs"] = time.perf_counter() - t
    staging = root / ".site.tmp"
    assemble(work / "site-vi", work / "site-en", extras, staging)
    t = time.perf_counter()
    stage[0] = "social images"
    progress("social preview images")
    from site_builder.publish.social import write_social_images  # matplotlib again: imported only when building

    write_social_images(corpus, computed, staging / "social", cache=work / "cache" / "social", progress=progress)
    timings["social"] = time.perf_counter() - t
    t = time.perf_counter()
    stage[0] = "search index"
    progress("search index (pagefind)")
    from site_builder.publish.search import SearchIndexError, index_site

    try:
        index_site(staging, aliases=aliases, mirror=work / "pagefind-src", progress=progress)
    except SearchIndexError as exc:
        raise BuildError(f"search index failed; site/ left unchanged: {exc}") from exc
    timings["search"] = time.perf_counter() - t
    stage[0] = "swap"
    swap(staging, site)
    result.site = site
    timings["total"] = time.perf_counter() - t0
    return result
