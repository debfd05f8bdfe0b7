"""`make bench`: the national corpus, built cold, rebuilt after one editor's change, against bare mkdocs.

Steps, each build in a fresh Python process with its memory sampled (bench_build.run_build):

1. generate the national corpus (benchmarks/national.py: 34 provinces, 3,321 communes, ten
   years of dossier statistics) into a work folder, never the repository;
   **check**: `site-builder check` on a copy of it with no build/ folder, as an editor's pull
   request runs it in CI on a fresh clone (no cache);
2. **cold**: `site_builder.publish.build.build` with no cache;
3. edit one commune report (its satisfaction rate, in the CSV and in the source sentence);
4. **rebuild**: the same build again, as an editor's pull request would trigger it;
5. **bare mkdocs**: the Markdown and configurations the build generated, built by `mkdocs build`
   alone, both languages in parallel exactly as the build runs them, into another folder. This
   is the reference: what the pages cost without anything of ours.

It prints a table (wall seconds per stage, pages, charts, peak memory) and checks the targets
of issue 8:

- cold build ≤ 1.5 × bare mkdocs of the same pages, measured in the same run;
- rebuild after editing one report ≤ 10 % of the cold build;
- charts ≤ 15 ms of CPU per chart drawn (the chart stage's CPU time, workers included, divided
  by the charts drawn: spec, SVG, data CSV and alt text together);
- peak memory ≤ 1.5 GiB: the proportional set size (PSS) of the whole process tree, sampled
  five times a second; PSS counts a page shared by forked workers once, as the machine holds it;

and those of issue 24:

- `site-builder check` on a fresh copy of the corpus, no cache: ≤ 20 s of wall time (and exit 0);
- the built site (every file counted) ≤ 1 GB, GitHub Pages' limit for a published site (10⁹ bytes);
- the largest HTML page ≤ 300 KB (300,000 bytes).

`--write BENCHMARKS.md` records the results and the machine in that file. Exit status 1 names
each target missed (`--no-targets` reports without failing).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import national  # noqa: E402
from benchmarks.bench_build import REPO, _TreeSampler, run_build  # noqa: E402
from benchmarks.bench_build import _stage as stage  # noqa: E402  ("other" = total minus the named stages)

TARGET_COLD_OVER_BARE = 1.5
TARGET_REBUILD_SHARE = 0.10
TARGET_CHART_CPU_MS = 15.0
TARGET_PEAK_GIB = 1.5
TARGET_CHECK_S = 20.0
TARGET_SITE_GB = 1.0  # GitHub Pages: "published sites may be no larger than 1 GB"
TARGET_PAGE_KB = 300.0
GB, KB = 10**9, 10**3
STAGES = (("load", "load (content YAML)"), ("validate", "validate (data packages)"), ("compute", "compute"),
          ("charts", "charts"), ("pages", "pages (Markdown)"), ("downloads", "downloads (a rebuild: the wait for them)"),
          ("mkdocs", "mkdocs (vi ∥ en)"), ("social", "social images"), ("search", "search index (Pagefind)"), ("other", "assemble, swap"))


def bare_mkdocs(corpus: Path, work: Path) -> dict[str, Any]:
    """The build's generated Markdown and configurations, built by mkdocs alone (both languages at once)."""
    runs = []
    for lang in ("vi", "en"):
        config = (corpus / "build" / f"mkdocs.{lang}.yml").read_text(encoding="utf-8")
        site = work / f"bare-site-{lang}"
        shutil.rmtree(site, ignore_errors=True)
        lines = [f"site_dir: {site}" if line.startswith("site_dir:") else line for line in config.splitlines()]
        path = work / f"bare-mkdocs.{lang}.yml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        runs.append(path)
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(p)], cwd=corpus,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for p in runs]
    samplers = [_TreeSampler(p.pid) for p in procs]
    for s in samplers:
        s.start()
    outs = [p.communicate()[0] for p in procs]
    wall = time.perf_counter() - t0
    for s in samplers:
        s.stop.set()
        s.join()
    ok = all(p.returncode == 0 for p in procs)
    pages = sum(1 for lang in ("vi", "en") for _ in (work / f"bare-site-{lang}").rglob("*.html")) if ok else 0
    return {"ok": ok, "wall_s": wall, "html_files": pages, "errors": [o[-2000:] for o in outs if o.strip()] if not ok else [],
            "peak_pss_mib": sum(s.peak_tree_pss_kib for s in samplers) / 1024}


def fresh_check(corpus: Path, work: Path) -> dict[str, Any]:
    """`site-builder check` in a process of its own on a copy of the corpus without build/ and site/
    (a fresh clone: nothing cached); wall and CPU seconds, and its exit status."""
    clone = work / "check-clone"
    shutil.rmtree(clone, ignore_errors=True)
    shutil.copytree(corpus, clone, ignore=lambda folder, names: [n for n in names if Path(folder) == corpus and n in ("build", "site")])
    script = Path(sys.executable).with_name("site-builder")
    cmd = [str(script)] if script.is_file() else [sys.executable, "-c", "from site_builder.cli import main; main()"]
    before = os.times()
    t0 = time.perf_counter()
    run = subprocess.run(cmd + ["check", "--root", str(clone)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = os.times()
    shutil.rmtree(clone, ignore_errors=True)
    return {"ok": run.returncode == 0, "exit": run.returncode, "wall_s": wall,
            "cpu_s": (after.children_user - before.children_user) + (after.children_system - before.children_system),
            "summary": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def evaluate(cold: dict[str, Any], rebuild: dict[str, Any], bare: dict[str, Any], check: dict[str, Any]) -> list[tuple[str, str, float, float, bool]]:
    """(target, how it is measured, measured, limit, met) for each target of issues 8 and 24."""
    out = []
    ratio = cold["timings"]["total"] / bare["wall_s"]
    out.append(("cold build ≤ 1.5 × bare mkdocs", f"{cold['timings']['total']:.1f} s / {bare['wall_s']:.1f} s", ratio, TARGET_COLD_OVER_BARE, ratio <= TARGET_COLD_OVER_BARE))
    share = rebuild["timings"]["total"] / cold["timings"]["total"]
    out.append(("rebuild after one edit ≤ 10 % of cold", f"{rebuild['timings']['total']:.1f} s / {cold['timings']['total']:.1f} s", share, TARGET_REBUILD_SHARE, share <= TARGET_REBUILD_SHARE))
    drawn = max(1, cold.get("charts_drawn", 0))
    ms = cold["timings"].get("charts.cpu", 0.0) * 1000 / drawn
    out.append(("charts ≤ 15 ms CPU each", f"{cold['timings'].get('charts.cpu', 0.0):.1f} s CPU / {drawn:,} charts", ms, TARGET_CHART_CPU_MS, ms <= TARGET_CHART_CPU_MS))
    peak = max(cold["sampled_peak_tree_pss_mib"], rebuild["sampled_peak_tree_pss_mib"]) / 1024
    out.append(("peak memory ≤ 1.5 GiB", "whole process tree, PSS", peak, TARGET_PEAK_GIB, peak <= TARGET_PEAK_GIB))
    how = f"{check['wall_s']:.1f} s wall, {check['cpu_s']:.1f} s CPU" + ("" if check["ok"] else f"; exit {check['exit']}")
    out.append(("`site-builder check`, fresh copy, no cache ≤ 20 s", how, check["wall_s"], TARGET_CHECK_S,
                check["ok"] and check["wall_s"] <= TARGET_CHECK_S))
    size = cold["site_mib"] * 2**20 / GB
    out.append(("built site ≤ 1 GB (GitHub Pages)", f"{size:.2f} GB in {cold['site_files']:,} files", size, TARGET_SITE_GB, size <= TARGET_SITE_GB))
    page = cold["largest_html"][0] * 1024 / KB
    out.append(("largest page ≤ 300 KB of HTML", cold["largest_html"][1] or "no page", page, TARGET_PAGE_KB, page <= TARGET_PAGE_KB))
    return out


def missed(results: list[tuple[str, str, float, float, bool]]) -> list[str]:
    """The names of the targets not met."""
    return [name for name, _, _, _, met in results if not met]


def exit_status(results: list[tuple[str, str, float, float, bool]], no_targets: bool = False) -> int:
    """1 when a target is missed, naming every one on stderr; 0 when all are met or `no_targets`."""
    failed = missed(results)
    if failed and not no_targets:
        print("targets missed: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


def table(corpus_stats: dict[str, Any], cold: dict[str, Any], rebuild: dict[str, Any], bare: dict[str, Any], check: dict[str, Any]) -> str:
    rows = ["| stage | cold build (s) | rebuild after one edit (s) |", "|---|---:|---:|"]
    rows.append(f"| `site-builder check` on a fresh copy (wall / CPU s; {check['summary'] or 'exit ' + str(check['exit'])}) | {check['wall_s']:.1f} / {check['cpu_s']:.1f} | |")
    for key, label in STAGES:
        rows.append(f"| {label} | {stage(cold, key):.1f} | {stage(rebuild, key):.1f} |")
    rows.append(f"| **total** (build() in its process) | **{cold['timings']['total']:.1f}** | **{rebuild['timings']['total']:.1f}** |")
    beside = rebuild["timings"].get("downloads.beside")
    if beside is not None:  # a rebuild makes its downloads while mkdocs, assembly and search run: their own time
        rows.append(f"| downloads made beside mkdocs, assembly and search | | {beside:.1f} |")
    rows.append(f"| bare `mkdocs build` of the same pages (vi ∥ en) | {bare['wall_s']:.1f} | |")
    rows.append(f"| pages (Markdown) / rendered by mkdocs | {cold['pages']:,} / {sum(cold.get('mkdocs_pages', {}).values()):,} | {rebuild['pages']:,} / {sum(rebuild.get('mkdocs_pages', {}).values()):,} |")
    rows.append(f"| charts drawn / from cache | {cold['charts_drawn']:,} / {cold['charts_cached']:,} | {rebuild['charts_drawn']:,} / {rebuild['charts_cached']:,} |")
    rows.append(f"| chart CPU (s) | {cold['timings'].get('charts.cpu', 0):.1f} | {rebuild['timings'].get('charts.cpu', 0):.1f} |")
    rows.append(f"| peak memory, whole tree PSS (MiB) | {cold['sampled_peak_tree_pss_mib']:.0f} | {rebuild['sampled_peak_tree_pss_mib']:.0f} |")
    kinds = sorted(set(cold["sampled_peak_rss_mib"]) | set(rebuild["sampled_peak_rss_mib"]))
    for kind in kinds:
        rows.append(f"| peak RSS of {kind} processes (MiB, summed) | {cold['sampled_peak_rss_mib'].get(kind, 0):.0f} | {rebuild['sampled_peak_rss_mib'].get(kind, 0):.0f} |")
    rows.append(f"| bare mkdocs peak PSS (MiB) | {bare['peak_pss_mib']:.0f} | |")
    rows.append(f"| site: files / MiB | {cold['site_files']:,} / {cold['site_mib']:.0f} | {rebuild['site_files']:,} / {rebuild['site_mib']:.0f} |")
    rows.append(f"| largest page (KiB) | {cold['largest_html'][0]:.0f} ({cold['largest_html'][1]}) | |")
    rows.append(f"| load average before → after | {cold['loadavg_before']:.1f} → {cold['loadavg_after']:.1f} | {rebuild['loadavg_before']:.1f} → {rebuild['loadavg_after']:.1f} |")
    return "\n".join(rows)


def targets_table(results: list[tuple[str, str, float, float, bool]]) -> str:
    rows = ["| target | measured | ratio / value | limit | met |", "|---|---|---:|---:|---|"]
    for name, how, value, limit, met in results:
        rows.append(f"| {name} | {how} | {value:.2f} | {limit:g} | {'yes' if met else '**no**'} |")
    return "\n".join(rows)


def write_markdown(path: Path, text: str) -> None:
    """Replace the section between the markers in BENCHMARKS.md (or write the file)."""
    start, end = "<!-- bench:national:start -->", "<!-- bench:national:end -->"
    block = f"{start}\n{text}\n{end}"
    if path.is_file() and start in path.read_text(encoding="utf-8"):
        old = path.read_text(encoding="utf-8")
        before, rest = old.split(start, 1)
        after = rest.split(end, 1)[1] if end in rest else ""
        path.write_text(before + block + after, encoding="utf-8")
    else:
        path.write_text(f"# Benchmarks\n\n{block}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--seed", type=int, default=national.DEFAULT_SEED)
    parser.add_argument("--provinces", type=int, default=None, help="only the first N provinces (a quick trial, not the benchmark)")
    parser.add_argument("--communes-cap", type=int, default=None, help="at most N communes a province (a quick trial, not the benchmark)")
    parser.add_argument("--json", type=Path, help="also write every measurement to this JSON file")
    parser.add_argument("--write", type=Path, help="record the table and the machine in this Markdown file (BENCHMARKS.md)")
    parser.add_argument("--no-targets", action="store_true", help="report, but exit 0 even when a target is missed")
    parser.add_argument("--quiet", action="store_true", help="do not echo the builds' progress")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="minhbach-national-"))
    if work.resolve().is_relative_to(REPO):
        parser.error(f"{work} is inside the repository; choose a folder outside it")
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    print(f"national benchmark in {work}\n  machine: {machine()}", flush=True)
    t = time.perf_counter()
    stats = national.generate(corpus, args.seed, args.provinces, args.communes_cap, progress=lambda s: print(f"  {s}", flush=True))
    gen_s = time.perf_counter() - t
    print(f"  generated in {gen_s:.1f} s: {stats.provinces} provinces, {stats.communes:,} communes, {stats.reports:,} reports, "
          f"{stats.figures:,} figures ({stats.missing_cells:,} cells left blank; {stats.partial_reports} reports on part of a year, "
          f"{stats.qualified_figures} qualified figures, {stats.multi_breakdown_figures} of two breakdowns, "
          f"{stats.former_units} units abolished in 2025)", flush=True)

    print("site-builder check on a fresh copy (no build/ cache)", flush=True)
    check = fresh_check(corpus, work)
    print(f"  {check['wall_s']:.1f} s wall, {check['cpu_s']:.1f} s CPU, exit {check['exit']}: {check['summary']}", flush=True)
    print("cold build", flush=True)
    cold = run_build(corpus, work / "cold.json", work / "cold.log", echo=not args.quiet)
    if not cold.get("ok"):
        print(f"cold build failed: {cold.get('error')}\n{cold.get('findings', '')}", file=sys.stderr)
        return 2
    edit = national.edit_one_report(corpus, stats.edit_target)
    print(f"edit: {edit}\nrebuild", flush=True)
    rebuild = run_build(corpus, work / "rebuild.json", work / "rebuild.log", echo=not args.quiet)
    if not rebuild.get("ok"):
        print(f"rebuild failed: {rebuild.get('error')}", file=sys.stderr)
        return 2
    print("bare mkdocs build of the same Markdown", flush=True)
    bare = bare_mkdocs(corpus, work)
    if not bare["ok"]:
        print("bare mkdocs failed:\n" + "\n".join(bare["errors"]), file=sys.stderr)
        return 2

    results = evaluate(cold, rebuild, bare, check)
    summary = (f"Measured {started} UTC on {machine()}.\n\n"
               f"Corpus (seed {args.seed}): {stats.provinces} provinces, {stats.communes:,} communes, {stats.reports:,} reports, "
               f"{stats.figures:,} figures; edit: {edit}.\n\n"
               + table(stats.as_dict(), cold, rebuild, bare, check) + "\n\n" + targets_table(results) + "\n")
    print("\n" + summary)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "started": started, "corpus": stats.as_dict(), "edit": edit,
                                         "check": check, "cold": cold, "rebuild": rebuild, "bare_mkdocs": bare,
                                         "targets": [dict(zip(("target", "measured", "value", "limit", "met"), r)) for r in results]},
                                        indent=1, default=str), encoding="utf-8")
    if args.write:
        write_markdown(args.write, summary)
        print(f"recorded in {args.write}")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return exit_status(results, args.no_targets)


if __name__ == "__main__":
    sys.exit(main())
