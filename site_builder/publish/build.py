"""The build: the one way through, as a list of stages.

    validate → compute → changelog → clean → charts → pages → downloads → mkdocs → assemble → social → search → swap

Each stage is a typed function from what earlier stages returned to what it returns; `build`
only calls them in order. Everything is written under build/ and a staging folder, and moved
into site/ only when every stage has succeeded: a failed or killed build leaves the previous
site/ untouched, and says which stage failed, without a traceback.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import logging
import multiprocessing
import os
import resource
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable, ClassVar, Iterator, ParamSpec, TypeVar

from site_builder.compute.derive import Computed, compute
from site_builder.content.corpus import Corpus
from site_builder.content.model import Unit
from site_builder.content.validate import validate
from site_builder.errors import Findings
from site_builder.files import write_if_changed
from site_builder.compute.changelog import Changelog
from site_builder.exports.downloads import downloads_key, write_downloads
from site_builder.publish import i18n
from site_builder.publish.charts import Charts, render_charts
from site_builder.publish.engine import (ALWAYS_WRITTEN, MkdocsRun, finish_docs, fingerprint, html_path, mkdocs_config, run_mkdocs,
                                         site_address, write_config)
from site_builder.publish.page_deps import PageState, code_digest, page_state, pages_of, touched
from site_builder.publish.pages import render_site
from site_builder.publish.progress import Emit, frozen_for_fork
from site_builder.publish.search import Aliases, SearchIndexError, markdown_aliases
from site_builder.publish.site import assemble, link_extras, recover, swap, unshare

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

PARALLEL_PAGES_FROM = 300  # units + reports: below this, forking a renderer per language costs more than it saves


class BuildError(Exception):
    """A stage failed; the message says which and why."""

    def __init__(self, message: str, findings: Findings | None = None):
        super().__init__(message)
        self.findings = findings

    def __reduce__(self) -> tuple[type[BuildError], tuple[str, Findings | None]]:
        return (BuildError, (str(self), self.findings))  # raised again in the parent of the process that failed


@dataclass(frozen=True)
class Paths:
    """Where one build reads and writes."""

    root: Path  # the project
    site: Path  # the published site, replaced whole at the end

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def work(self) -> Path:
        """Kept between builds: the docs mkdocs reads, each language's HTML, caches."""
        return self.root / "build"

    @property
    def extras(self) -> Path:
        """Files beside the pages, made anew each build: charts and downloads."""
        return self.work / "extras"

    @property
    def staging(self) -> Path:
        return self.root / ".site.tmp"

    def docs(self, lang: i18n.Lang) -> Path:
        return self.work / "docs" / lang

    def html(self, lang: i18n.Lang) -> Path:
        return self.work / f"site-{lang}"


@dataclass
class BuildResult:
    """What a successful build made, and how long each stage took (seconds)."""

    findings: Findings
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    site: Path | None = None
    charts: Charts | None = None  # how many charts were drawn and how many reused
    mkdocs_pages: dict[str, int] = field(default_factory=dict)  # pages mkdocs rendered, per language (all, or the changed ones)


# How a stage is named in "… failed" messages, where its timing key is not the clearest word.
STAGE_NAMES = {"load+validate": "validation", "social": "social images", "search": "search index"}


class Stages:
    """Runs the build's stages: announces and times each, and turns any unexpected failure into
    a BuildError naming the stage (an editor sees one line, not a traceback)."""

    def __init__(self, progress: Emit):
        self.progress = progress
        self.timings: dict[str, float] = {}

    def run(self, name: str, stage: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        t = time.perf_counter()
        try:
            return stage(*args, **kwargs)
        except BuildError:
            raise
        except Exception as exc:  # noqa: BLE001 (any stage's failure is reported as the build's, never a traceback)
            raise BuildError(f"{STAGE_NAMES.get(name, name)} failed: {type(exc).__name__}: {exc}; site/ left unchanged") from exc
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t


def build(root: Path, site: Path | None = None, progress: Emit = lambda s: None, strict: bool = False) -> BuildResult:
    """Build the bilingual site into `site` (default root/site). Raises BuildError on failure.

    Everything up to the downloads and link previews runs in a forked process of its own, which
    ends before mkdocs starts: at national scale the corpus and what compute made of it are
    1.2 GiB, which two mkdocs processes (1.5 GiB) would otherwise find still held."""
    root = Path(root).resolve()  # mkdocs resolves the theme's custom_dir against its own working directory
    paths = Paths(root, site or root / "site")
    if recover(paths.site):
        progress(f"restored {paths.site} from a build killed while swapping it in")
    t0 = time.perf_counter()
    apart_ = apart(lambda emit: validate_and_prepare(paths, Stages(emit), strict), progress)
    ready = apart_.first()
    stages = Stages(progress)
    stages.timings = ready.result.timings
    try:
        return finish(ready, paths, stages, t0, apart_.rest)
    finally:
        apart_.stop()  # a stage after mkdocs failed while the downloads were still being made: they are not wanted


def validate_and_prepare(paths: Paths, stages: Stages, strict: bool) -> tuple[Prepared, Later]:
    stages.progress("validate: reading content/ and datapackages/")
    corpus, findings = stages.run("load+validate", validate, paths.root, stages.timings)
    if corpus is None or not findings.ok(strict):
        raise BuildError(f"validation failed with {len(findings.errors)} error(s) and {len(findings.warnings)} warning(s); site/ left unchanged", findings)
    return prepare(corpus, BuildResult(findings, stages.timings), paths, stages)


def publish(corpus: Corpus, result: BuildResult, paths: Paths, stages: Stages, t0: float | None = None) -> BuildResult:
    """Everything after validation: made from the corpus and what compute makes of it, never from
    content/ or datapackages/ again (a test moves them away before this runs)."""
    t0 = time.perf_counter() if t0 is None else t0
    ready, later = prepare(corpus, result, paths, stages)
    return finish(ready, paths, stages, t0, later)


@dataclass(frozen=True)
class Prepared:
    """What the stages before mkdocs leave for those after it: small, so that the process that
    made it (with the corpus) can end first."""

    result: BuildResult  # findings, timings so far, pages and charts counted
    runs: list[MkdocsRun]
    epoch: int  # content_epoch
    site_url: str | None
    pages: list[str]  # the Markdown path of every page, the same in both languages
    units: dict[str, Unit]
    reports: dict[str, str]  # report id -> the unit it is about
    downloads_later: bool = False  # the downloads are made while mkdocs, assembly and search run (`Later`)


@dataclass(frozen=True)
class DownloadsMade:
    """What the downloads made, when they were made beside the stages after mkdocs."""

    seconds: float
    written: int
    kept: int


# What the process that prepared a build still has to do once the stages after it have started:
# a rebuild's downloads (prepare). Its result comes back to `finish`, which waits for it before
# the downloads go into the site.
Later = Callable[[], DownloadsMade | None]


def prepare(corpus: Corpus, result: BuildResult, paths: Paths, stages: Stages) -> tuple[Prepared, Later]:
    """compute, charts, pages' Markdown, downloads and link previews.

    A rebuild that keeps most downloads makes the rest (the touched objects' files and the
    bundles: a third of a national rebuild) after the others, in `Later`: the process that
    prepared the build makes them while the stages after it run. A build that makes every
    download makes them here, and its process ends before mkdocs starts (`build`)."""
    progress = stages.progress
    computed = stages.run("compute", compute, corpus)
    changes = computed.changes
    # What an edit since the last finished build touched (publish/page_deps.py): its charts, pages
    # and downloads are made again, the others kept. None: everything is made.
    state = stages.run("compute", lambda: page_state(corpus, code_digest(paths.templates)))
    stages.run("clean", clean_extras, paths)
    last = LastBuild.take(paths.work / LastBuild.FILE)
    edit = touched(last.pages, state, corpus) if last and all(paths.docs(lang).is_dir() for lang in i18n.LANGS) else None
    progress("charts")
    cpu = _cpu_seconds()
    charts = stages.run("charts", render_charts, corpus, computed, paths.extras / "charts", paths.work / "chart-cache", progress,
                        edit, last.charts if last and edit else None)
    stages.timings["charts.cpu"] = _cpu_seconds() - cpu  # this process and the pool's workers
    result.charts = replace(charts, pages={}, files={})  # the counts: what pages show of them stays here
    progress(f"charts: {charts.drawn} drawn, {charts.cached} from cache, {charts.kept} files kept")
    pages = stages.run("pages", write_pages, paths, corpus, computed, changes, charts, pages_of(edit, corpus) if edit else None, progress)
    result.pages = pages.count
    result.mkdocs_pages = {run.lang: count for run, count in zip(pages.runs, pages.rendered)}
    key = downloads_key(corpus)
    out = paths.extras / "downloads"
    remake = edit if last and last.downloads == key and out.is_dir() else None

    def downloads() -> DownloadsMade:
        t = time.perf_counter()
        files = write_downloads(corpus, computed, changes, out, remake)
        progress(f"downloads: {len(files.written):,} files written, {files.kept:,} kept")
        LastBuild(state, key, charts.files).keep(paths.work / LastBuild.FILE)
        return DownloadsMade(time.perf_counter() - t, len(files.written), files.kept)

    if remake is None:
        progress("downloads")
        stages.run("downloads", downloads)
    progress("social preview images")
    stages.run("social", write_social, corpus, computed, paths, progress)
    ready = Prepared(result, pages.runs, content_epoch(corpus), site_address(corpus.settings.mkdocs()).url, pages.paths,
                     dict(corpus.units), {rid: report.unit for rid, report in corpus.reports.items()}, remake is not None)
    if remake is None:
        return ready, lambda: None
    return ready, downloads


def finish(ready: Prepared, paths: Paths, stages: Stages, t0: float, later: Later) -> BuildResult:
    """mkdocs, the site assembled, its search index, and the swap; the downloads made `later`
    join the site before the swap."""
    progress, result = stages.progress, ready.result
    if not ready.downloads_later:
        later()  # nothing left to make: the process that prepared the build ends, its memory freed for mkdocs
    give_back_memory()  # what receiving `ready` took and no longer needs, before two mkdocs of 730 MiB each start
    progress("mkdocs build (vi and en in parallel)")
    stages.run("mkdocs", build_html, ready.runs, ready.epoch)
    stages.run("assemble", assemble, paths.html("vi"), paths.html("en"), paths.extras, paths.staging, ready.site_url, ready.pages,
               LATER_EXTRAS if ready.downloads_later else ())
    progress("search index (pagefind)")
    stages.run("search", index_search, paths, ready.units, ready.reports, progress)
    if ready.downloads_later:
        progress("downloads (made while mkdocs, assembly and search ran)")
        made = stages.run("downloads", later)  # the wait: what the downloads added to the build's time
        if made is not None:
            stages.timings["downloads.beside"] = made.seconds
        stages.run("assemble", link_extras, paths.extras, paths.staging, LATER_EXTRAS)
    stages.run("swap", swap, paths.staging, paths.site)
    result.site = paths.site
    stages.timings["total"] = time.perf_counter() - t0
    return result


class Apart:
    """A build's first stages in a forked process (`apart`): what they prepared, then what the
    process makes after that (`Later`), each received when the parent asks for it."""

    def __init__(self, receive: Connection[tuple[str, object], tuple[str, object]] | None, child: multiprocessing.process.BaseProcess | None,
                 progress: Emit, inline: tuple[Prepared, Later] | None = None):
        self._receive, self._child, self._progress, self._inline = receive, child, progress, inline

    def first(self) -> Prepared:
        if self._inline is not None:
            return self._inline[0]
        return self._next("done")  # type: ignore[return-value]

    def rest(self) -> DownloadsMade | None:
        """What `Later` made; the process has ended when this returns."""
        if self._inline is not None:
            return self._inline[1]()
        try:
            return self._next("later")  # type: ignore[return-value]
        finally:
            self.close()

    def stop(self) -> None:
        """End the process if it is still at work (the state it would have kept is not: the next
        build makes everything)."""
        if self._child is not None and self._child.is_alive():
            self._child.terminate()
        self.close()

    def close(self) -> None:
        if self._receive is not None and self._child is not None:
            self._receive.close()
            self._child.join()
            self._receive = None

    def _next(self, expected: str) -> object:
        assert self._receive is not None
        while True:
            try:
                kind, value = self._receive.recv()
            except EOFError:
                self.close()
                raise BuildError("the build's process ended without a result (killed, or out of memory); site/ left unchanged") from None
            if kind == "progress":
                self._progress(str(value))
            elif kind == expected:
                return value
            else:
                self.close()
                raise value  # type: ignore[misc]


def apart(work: Callable[[Emit], tuple[Prepared, Later]], progress: Emit) -> Apart:
    """`work(emit)` in a forked process: its progress lines come to `progress` as they are
    emitted; what it prepared comes back through a pipe as soon as it is made, and what its
    `Later` makes after that; an exception, if any, is raised in the parent when it asks. Where
    there is no fork, in this process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return Apart(None, None, progress, work(progress))
    ctx = multiprocessing.get_context("fork")
    receive: Connection[tuple[str, object], tuple[str, object]]
    receive, send = ctx.Pipe(duplex=False)
    # not a daemon: it forks the renderers and the chart drawers of its own
    child = ctx.Process(target=_apart_child, args=(work, send), daemon=False)
    child.start()
    send.close()
    return Apart(receive, child, progress)


def _apart_child(work: Callable[[Emit], tuple[Prepared, Later]], send: Connection[tuple[str, object], tuple[str, object]]) -> None:
    try:
        prepared, later = work(lambda line: send.send(("progress", line)))
        send.send(("done", prepared))
        send.send(("later", later()))
    except BaseException as exc:  # noqa: BLE001 (raised again by the parent)
        try:
            send.send(("error", exc))
        except Exception:  # noqa: BLE001 (an exception that cannot be pickled: its words)
            send.send(("error", BuildError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class RenderJob:
    """What rendering one language needs; a forked renderer gets it as its argument."""

    paths: Paths
    corpus: Corpus
    computed: Computed
    changes: Changelog
    charts: Charts
    progress: Emit
    only: Callable[[str], bool] | None = None  # the pages an edit changes (page_deps.pages_of); None: all


@dataclass(frozen=True)
class RenderedLanguage:
    """One language's pages, written into build/docs/<lang>; their search aliases in
    build/aliases.<lang>.json (`LastAliases`)."""

    lang: i18n.Lang
    pages: list[str]  # every page (Markdown paths)
    written: list[str]  # the files whose bytes changed
    rendered: int  # pages rendered; the others are the last build's Markdown (page_deps)


@dataclass(frozen=True)
class Pages:
    """Both languages' pages, and the mkdocs run each needs."""

    runs: list[MkdocsRun]
    rendered: list[int]  # pages mkdocs renders per run: all, or only the changed ones
    count: int
    paths: list[str]  # the Markdown path of every page, the same in both languages


def render_language(job: RenderJob, lang: i18n.Lang) -> RenderedLanguage:
    """Render one language's pages and write them into build/docs/<lang>, each as it is made (a
    language's Markdown is never held whole: publish/pages.render_site's `sink`), and each page's
    search aliases into build/aliases.<lang>.json as it goes (nor are they held: 100 MiB a
    language at national scale).

    A rebuild neither reads nor renders the pages an edit did not change: they are the files in
    docs/ as the last build wrote them, and their search aliases are the ones it kept
    (`LastAliases`)."""
    docs = job.paths.docs(lang)
    prefix = "" if lang == "vi" else f"{lang}/"
    last = LastAliases.take(job.paths.work, lang) if job.only is not None else None
    pages: set[str] = set()
    written: list[str] = []
    kept = 0
    with LastAliases.writer(job.paths.work, lang) as put_aliases:
        def reuse(rel: str) -> bool:
            nonlocal kept
            if last is None or (found := last.get(prefix + html_path(rel))) is None or not (docs / rel).is_file():
                return False
            pages.add(rel)
            put_aliases(prefix + html_path(rel), found)
            kept += 1
            return True

        def sink(rel: str, text: str) -> None:
            pages.add(rel)
            if write_if_changed(docs / rel, text):
                written.append(rel)
            put_aliases(prefix + html_path(rel), markdown_aliases(text))
        render_site(job.corpus, job.computed, job.changes, lang, job.paths.templates, job.charts.pages[lang], progress=job.progress,
                    only=job.only, sink=sink, reuse=reuse)
    written += finish_docs(pages, docs, job.paths.templates)
    return RenderedLanguage(lang, sorted(pages), sorted(written), len(pages) - kept)


class LastAliases:
    """The search aliases of one language's pages as the last build rendered them, kept beside
    its docs/: a rebuild takes those of the pages it keeps instead of reading their Markdown
    again (a third of a national rebuild's page stage), and the search index reads them from
    here. `take` removes the file as it reads it, so a build that fails before writing it anew
    is followed by one that reads every page."""

    @staticmethod
    def path(work: Path, lang: i18n.Lang) -> Path:
        return work / f"aliases.{lang}.json"

    @classmethod
    def take(cls, work: Path, lang: i18n.Lang) -> dict[str, Aliases] | None:
        path = cls.path(work, lang)
        try:
            return cls._read(path)
        except (OSError, ValueError, TypeError, AttributeError):
            return None
        finally:
            path.unlink(missing_ok=True)

    @classmethod
    def read(cls, work: Path) -> dict[str, Aliases]:
        """Both languages' aliases, as this build's renderers wrote them."""
        out: dict[str, Aliases] = {}
        for lang in i18n.LANGS:
            out.update(cls._read(cls.path(work, lang)))
        return out

    @staticmethod
    def _read(path: Path) -> dict[str, Aliases]:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(page): (str(title), [str(w) for w in words]) for page, (title, words) in data.items()}

    @classmethod
    @contextlib.contextmanager
    def writer(cls, work: Path, lang: i18n.Lang) -> Iterator[Callable[[str, Aliases], None]]:
        """A function that writes one page's aliases; the file is in place once all are written."""
        path = cls.path(work, lang)
        part = path.with_name(path.name + ".part")
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("w", encoding="utf-8") as out:
            out.write("{")
            first = True

            def put(page: str, aliases: Aliases) -> None:
                nonlocal first
                out.write(("" if first else ",\n") + json.dumps(page, ensure_ascii=False) + ":" + json.dumps(aliases, ensure_ascii=False))
                first = False
            yield put
            out.write("}\n")
        os.replace(part, path)


def render_languages(job: RenderJob) -> list[RenderedLanguage]:
    """Both languages' pages, side by side in this process and a forked one when there are cores
    for it and memory.

    Rendering is pure Python (Jinja), so two languages on two cores take the time of one. Small
    projects render in this process: forking costs more than it saves. So do the largest: a
    forked renderer reads most of the corpus, and every object either process reads after the
    fork has its reference count written, so its page is copied; at national scale that is 600
    MiB on top of the 1 GiB this process holds, above the build's memory budget
    (`memory_budget_mib`). One after the other, the pages take 30 s longer there.
    """
    if (os.cpu_count() or 1) < 2 or len(job.corpus.units) + len(job.corpus.reports) < PARALLEL_PAGES_FROM:
        return [render_language(job, lang) for lang in i18n.LANGS]
    if (held := _rss_mib()) * (1 + FORKED_RENDERER_COPIES) > memory_budget_mib():
        job.progress(f"pages: one language after the other (this process holds {held:,.0f} MiB; "
                     f"side by side would pass the memory budget of {memory_budget_mib():,} MiB)")
        return [render_language(job, lang) for lang in i18n.LANGS]
    return in_forked_processes(render_language, job, i18n.LANGS)


# The share of its parent's memory a forked renderer ends up copying (measured at national
# scale: 600 of 1,037 MiB).
FORKED_RENDERER_COPIES = 0.6
MEMORY_BUDGET_MIB = 1536  # make bench's target for the whole build's process tree (issue 24)


def memory_budget_mib() -> int:
    """The memory the build plans its parallel work within: MEMORY_BUDGET_MIB, or the
    MINHBACH_MEMORY_MIB environment variable on a machine with more to spare."""
    try:
        return int(os.environ.get("MINHBACH_MEMORY_MIB", MEMORY_BUDGET_MIB))
    except ValueError:
        return MEMORY_BUDGET_MIB


def _rss_mib() -> float:
    """This process's resident memory (MiB), 0 where /proc does not say."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


# What a forked renderer sends back: its result, or why it failed.
Outcome = tuple[RenderedLanguage, None] | tuple[None, str]


def in_forked_processes(work: Callable[[RenderJob, i18n.Lang], RenderedLanguage], job: RenderJob,
                        langs: tuple[i18n.Lang, ...]) -> list[RenderedLanguage]:
    """`work(job, lang)` for the first language in this process and for each other in a forked
    child, side by side; the children's results come back through a pipe.

    A forked child inherits `job` as the argument of its target: the corpus is never pickled.
    This process works rather than waits: a child copies the pages of the corpus it reads (each
    object it touches has its reference count written), 400 MiB at national scale, and this
    process has them already.
    """
    ctx = multiprocessing.get_context("fork")
    children = []
    out: list[RenderedLanguage] = []
    failures: list[str] = []
    with frozen_for_fork():
        for lang in langs[1:]:
            receive: Connection[Outcome, Outcome]
            receive, send = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_child, args=(work, job, lang, send), daemon=True)
            child.start()
            send.close()
            children.append((lang, child, receive))
        try:
            out.append(work(job, langs[0]))
        except Exception as exc:  # noqa: BLE001 (reported with the children's, naming the stage)
            failures.append(f"[{langs[0]}] {type(exc).__name__}: {exc}")
        for lang, child, receive in children:
            try:
                done, why = receive.recv()  # before join(): a large result would fill the pipe and block the child
            except EOFError:
                done, why = None, "the renderer process ended without a result"
            child.join()
            if done is not None:
                out.append(done)
            else:
                failures.append(f"[{lang}] {why}")
    if failures:
        raise RuntimeError("; ".join(failures))
    return out


def _child(work: Callable[[RenderJob, i18n.Lang], RenderedLanguage], job: RenderJob, lang: i18n.Lang,
           send: Connection[Outcome, Outcome]) -> None:
    try:
        send.send((work(job, lang), None))
    except BaseException as exc:  # noqa: BLE001 (reported by the parent, which names the stage)
        send.send((None, f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


def write_pages(paths: Paths, corpus: Corpus, computed: Computed, changes: Changelog, charts: Charts, only: Callable[[str], bool] | None,
                progress: Emit) -> Pages:
    """Every page of both languages into build/docs/, and each language's mkdocs configuration;
    of the pages of units, reports and indicators, those `only` names (publish/page_deps.pages_of),
    the others' Markdown kept.

    Incremental: while nothing but pages' own Markdown changed (same configuration, theme,
    overrides and set of pages), mkdocs renders only the changed pages. The fingerprint of the
    last successful run is removed until this build's mkdocs succeeds, so a failed or killed
    build is followed by a full one.
    """
    rendered = render_languages(RenderJob(paths, corpus, computed, changes, charts, progress, only))
    runs: list[MkdocsRun] = []
    counts: list[int] = []
    for lang_pages in rendered:
        lang = lang_pages.lang
        config = paths.work / f"mkdocs.{lang}.yml"
        write_config(config, mkdocs_config(paths.root, corpus.settings.mkdocs(), lang, paths.docs(lang), paths.html(lang)))
        stamp = paths.work / f"site-{lang}.fingerprint"
        now = fingerprint(config, paths.root, lang_pages.pages)
        dirty = paths.html(lang).is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8") == now
        stamp.unlink(missing_ok=True)
        if dirty:
            unshare(paths.html(lang), [html_path(r) if r.endswith(".md") else r for r in lang_pages.written] + list(ALWAYS_WRITTEN))
        runs.append(MkdocsRun(lang, config, paths.html(lang), stamp, now, dirty))
        counts.append(len(lang_pages.written) if dirty else len(lang_pages.pages))
        progress(f"pages [{lang}]: {len(lang_pages.pages):,} pages, {lang_pages.rendered:,} rendered, {len(lang_pages.written):,} changed"
                 + ("" if dirty else "; mkdocs renders all"))
    return Pages(runs, counts, sum(len(r.pages) for r in rendered), rendered[0].pages)


# --------------------------------------------------------------------------- mkdocs, cards, search


def build_html(runs: list[MkdocsRun], epoch: int) -> None:
    """Both languages' `mkdocs build` side by side; the fingerprint of each is kept only when both succeed."""
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        done = list(pool.map(lambda run: run_mkdocs(run, epoch), runs))
    for run, process in zip(runs, done):
        if process.returncode != 0:
            raise BuildError(f"mkdocs build failed for {run.config.name}:\n{process.stderr.strip()}")
    for run in runs:
        run.stamp.write_text(run.fingerprint, encoding="utf-8")


def write_social(corpus: Corpus, computed: Computed, paths: Paths, progress: Emit) -> None:
    """Link previews beside the downloads, assembled into the site with them (matplotlib is
    imported only here, when building)."""
    from site_builder.publish.social import write_social_images

    write_social_images(corpus, computed, paths.extras / "social", cache=paths.work / "cache" / "social", progress=progress)


def index_search(paths: Paths, units: dict[str, Unit], reports: dict[str, str], progress: Emit) -> None:
    """The Pagefind index of the staged site, units' short names and old names on their pages, in
    partitions by province, each indexed again only when its pages changed; a failure names
    Pagefind's own reason."""
    from site_builder.publish import search

    try:
        search.index_site(paths.staging, aliases=LastAliases.read(paths.work), mirror=paths.work / "pagefind-src", progress=progress, units=units, reports=reports)
    except SearchIndexError as exc:
        raise BuildError(f"search index failed; site/ left unchanged: {exc}") from exc


# --------------------------------------------------------------------------- helpers


def give_back_memory() -> None:
    """Collect garbage and return the C allocator's free memory to the system (glibc's malloc_trim;
    nothing elsewhere): mkdocs runs beside this process at the build's peak of memory."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def content_epoch(corpus: Corpus) -> int:
    """A timestamp derived from the data: the latest date any report covers or was signed."""
    dates = [r.date or r.period.end for r in corpus.reports.values()] or [dt.date(2020, 1, 1)]
    return int(dt.datetime.combine(max(dates), dt.time(), dt.timezone.utc).timestamp())


def clean_extras(paths: Paths) -> None:
    """Nothing of a previous build's extras remains but its charts, downloads and API, which
    this build keeps where an edit did not touch them."""
    if paths.extras.exists():
        for item in paths.extras.iterdir():
            if item.name not in KEPT_EXTRAS:
                shutil.rmtree(item) if item.is_dir() else item.unlink()


KEPT_EXTRAS = ("charts", "downloads", "api")
LATER_EXTRAS = ("downloads", "api")  # what write_downloads makes


@dataclass(frozen=True)
class LastBuild:
    """What a build whose charts, pages and downloads were all written leaves for the next one.

    `take` removes the file as it reads it: a build that fails or is killed before `keep` is
    followed by one that makes everything."""

    FILE: ClassVar[str] = "state.json"
    STATE_VERSION: ClassVar[int] = 1

    pages: PageState
    downloads: str  # exports.downloads.downloads_key of that build
    charts: dict[str, list[str]]  # "<lang> <page key>" -> its files in charts/ (Charts.files)

    @classmethod
    def take(cls, path: Path) -> LastBuild | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        finally:
            path.unlink(missing_ok=True)
        try:
            pages = PageState.from_json(json.dumps(data["pages"]))
            if data.get("version") != cls.STATE_VERSION or pages is None:
                return None
            return cls(pages, str(data["downloads"]), {str(k): [str(n) for n in v] for k, v in data["charts"].items()})
        except (KeyError, TypeError, AttributeError):
            return None

    def keep(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"version": self.STATE_VERSION, "pages": json.loads(self.pages.to_json()),
                                    "downloads": self.downloads, "charts": self.charts}, ensure_ascii=False), encoding="utf-8")
