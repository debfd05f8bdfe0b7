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

from . import i18n
from .compute import compute
from .errors import Findings
from .render import render_site
from .sitegen import assemble, mkdocs_config, swap, write_config, write_docs
from .translations import corpus_coverage, overall_percent
from .validate import validate

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


def _mkdocs(config: Path, epoch: int) -> subprocess.CompletedProcess[str]:
    # SOURCE_DATE_EPOCH fixes the dates mkdocs writes (sitemap lastmod, gzip header) so that
    # two builds of the same content are byte-identical whatever day they run.
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], capture_output=True, text=True, env=env)


def content_epoch(corpus: Any) -> int:
    """A timestamp derived from the data: the latest date any report covers or was signed."""
    dates = [r.date or r.period.end for r in corpus.reports.values()] or [dt.date(2020, 1, 1)]
    return int(dt.datetime.combine(max(dates), dt.time(), dt.timezone.utc).timestamp())


def build(root: Path, site: Path | None = None, progress: Callable[[str], None] = lambda s: None, strict: bool = False) -> BuildResult:
    """Build the bilingual site into `site` (default root/site). Raises BuildError on failure."""
    site = site or root / "site"
    work = root / "build"
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    progress("validate: reading content/ and datapackages/")
    corpus, findings = validate(root)
    timings["load+validate"] = time.perf_counter() - t0
    result = BuildResult(findings, timings)
    if corpus is None or not findings.ok(strict):
        raise BuildError(f"validation failed with {len(findings.errors)} error(s) and {len(findings.warnings)} warning(s); site/ left unchanged", findings)
    t = time.perf_counter()
    computed = compute(corpus)
    translation = overall_percent(corpus_coverage(corpus))
    timings["compute"] = time.perf_counter() - t
    extras = work / "extras"
    if extras.exists():
        shutil.rmtree(extras)
    from .charts import ChartStats, render_charts  # matplotlib is imported only when charts are drawn
    from .downloads import write_downloads

    t = time.perf_counter()
    progress("charts")
    chart_stats = ChartStats()
    charts = render_charts(corpus, computed, i18n.LANGS, extras / "charts", work / "chart-cache", chart_stats)
    result.charts = chart_stats
    timings["charts"] = time.perf_counter() - t
    progress(f"charts: {chart_stats.drawn} drawn, {chart_stats.cached} from cache")
    configs = []
    for lang in i18n.LANGS:
        t = time.perf_counter()
        pages = render_site(corpus, computed, lang, root / "templates", charts[lang], translation_percent=translation)
        result.pages += len(pages)
        progress(f"pages [{lang}]: {len(pages)} pages")
        write_docs(pages, work / "docs" / lang, root / "templates")
        config = work / f"mkdocs.{lang}.yml"
        write_config(config, mkdocs_config(root, lang, work / "docs" / lang, work / f"site-{lang}"))
        configs.append(config)
        timings[f"pages.{lang}"] = time.perf_counter() - t
    t = time.perf_counter()
    progress("downloads")
    files = write_downloads(corpus, computed, extras / "downloads")
    timings["downloads"] = time.perf_counter() - t
    progress(f"downloads: {len(files)} files")
    t = time.perf_counter()
    progress("mkdocs build (vi and en in parallel)")
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        epoch = content_epoch(corpus)
        runs = list(pool.map(lambda c: _mkdocs(c, epoch), configs))
    for config, run in zip(configs, runs):
        if run.returncode != 0:
            raise BuildError(f"mkdocs build failed for {config.name}:\n{run.stderr.strip()}")
    timings["mkdocs"] = time.perf_counter() - t
    staging = root / ".site.tmp"
    assemble(work / "site-vi", work / "site-en", extras, staging)
    t = time.perf_counter()
    progress("social preview images")
    from .social import write_social_images  # matplotlib again: imported only when building

    write_social_images(corpus, computed, staging / "social", cache=work / "cache" / "social")
    timings["social"] = time.perf_counter() - t
    t = time.perf_counter()
    progress("search index (pagefind)")
    from .search import SearchIndexError, index_site

    try:
        index_site(staging)
    except SearchIndexError as exc:
        raise BuildError(f"search index failed; site/ left unchanged: {exc}") from exc
    timings["search"] = time.perf_counter() - t
    swap(staging, site)
    result.site = site
    timings["total"] = time.perf_counter() - t0
    return result
