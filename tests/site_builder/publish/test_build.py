"""The build end to end on a fixture project: pages per language, locale formats, escaping, downloads, atomicity."""
from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from site_builder.publish.build import BuildError, RenderJob, build
from site_builder.cli import main


def html(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def built(minimal: Path) -> Path:
    build(minimal)
    return minimal / "site"


def test_both_languages_and_every_twin(built: Path) -> None:
    vi = {p.relative_to(built).as_posix() for p in built.rglob("index.html") if not p.relative_to(built).as_posix().startswith("en/")}
    en = {p.relative_to(built / "en").as_posix() for p in (built / "en").rglob("index.html")}
    assert "index.html" in vi and "units/huyen-b/index.html" in vi
    assert vi == en


def test_locale_number_formats(built: Path) -> None:
    vi = html(built, "units/huyen-b/index.html").get_text()
    en = html(built, "en/units/huyen-b/index.html").get_text()
    assert "7.447" in vi and "7,447" not in vi
    assert "7,447" in en and "7.447" not in en
    ind_vi = html(built, "indicators/share-online/index.html").get_text()
    ind_en = html(built, "en/indicators/share-online/index.html").get_text()
    assert "72,3%" in ind_vi  # 5386 / 7447 recomputed
    assert "72.3%" in ind_en


def test_language_switch_leads_to_the_same_page(built: Path) -> None:
    link = html(built, "units/huyen-b/index.html").select_one("a.mb-lang-switch")
    assert link is not None and link["hreflang"] == "en"
    assert (built / "units/huyen-b" / link["href"] / "index.html").resolve() == (built / "en/units/huyen-b/index.html").resolve()
    back = html(built, "en/units/huyen-b/index.html").select_one("a.mb-lang-switch")
    assert (built / "en/units/huyen-b" / back["href"] / "index.html").resolve() == (built / "units/huyen-b/index.html").resolve()


def test_unit_csv_download_equals_package_rows(built: Path, minimal: Path) -> None:
    page = html(built, "en/units/huyen-b/index.html")
    href = next(a["href"] for a in page.select("a[download]") if a["href"].endswith("huyen-b.csv"))
    data = (built / "en/units/huyen-b" / href).resolve().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    source = list(csv.DictReader((minimal / "datapackages/figures/data/bc-2021.csv").open(encoding="utf-8")))
    assert sorted(rows, key=lambda r: r["id"]) == sorted(source, key=lambda r: r["id"])


def test_published_package_is_byte_faithful(built: Path, minimal: Path) -> None:
    copy = built / "downloads/datasets/figures/data/bc-2021.csv"
    assert copy.read_bytes() == (minimal / "datapackages/figures/data/bc-2021.csv").read_bytes()


def test_figure_links_to_its_quote(built: Path) -> None:
    page = html(built, "units/huyen-b/index.html")
    link = page.select_one(".mb-figures td.mb-num a")
    assert link["href"].endswith("reports/bc-2021/#fig-bc-2021-001") or "#fig-bc-2021-" in link["href"]
    target_id = link["href"].split("#")[1]
    report = html(built, "reports/bc-2021/index.html")
    block = report.find(id=target_id)
    assert block is not None and block.find("blockquote").get_text(strip=True).startswith("Nam 20")


def test_missing_translation_is_marked_on_english_page(minimal: Path) -> None:
    path = minimal / "content/reports/bc-2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  en: The district received 7,447 dossiers.\n", ""), encoding="utf-8")
    build(minimal)
    page = html(minimal / "site", "en/reports/bc-2021/index.html")
    mark = page.select_one(".mb-untranslated")
    assert mark is not None and mark.get_text() == "(not yet translated)"
    assert mark.find_previous_sibling("span")["lang"] == "vi"


def test_breakdowns_show_their_names_in_each_language(minimal: Path) -> None:
    csv_path = minimal / "datapackages/figures/data/bc-2021.csv"
    rows = [
        "bc-2021-004,bc-2021,huyen-b,dossiers-received,2021,2021-01-01,2021-12-31,channel=hotline,7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,",
        "bc-2021-005,bc-2021,huyen-b,dossiers-received,2020,2020-01-01,2020-12-31,channel=postal,6000,,reported,Mục 1,Nam 2020 tiep nhan 6.000 ho so.,,,",
    ]
    csv_path.write_text(csv_path.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    dim = minimal / "content/breakdowns/channel.yaml"
    dim.write_text(dim.read_text(encoding="utf-8").replace("      en: postal service\n", ""), encoding="utf-8")
    build(minimal)

    def named(rel: str) -> dict[str, str]:
        return {el["title"]: el.get_text(" ", strip=True) for el in html(minimal / "site", rel).select(".mb-breakdown")}

    assert named("reports/bc-2021/index.html") == {"channel=hotline": "Kênh: đường dây nóng", "channel=postal": "Kênh: bưu chính"}
    assert named("en/reports/bc-2021/index.html") == {"channel=hotline": "Channel: hotline", "channel=postal": "Kênh: bưu chính (not yet translated)"}
    assert named("en/units/huyen-b/index.html") == named("en/reports/bc-2021/index.html")
    assert "channel=hotline" not in html(minimal / "site", "en/units/huyen-b/index.html").get_text()  # the code only in the tooltip


def test_text_from_yaml_is_escaped(minimal: Path) -> None:
    path = minimal / "content/reports/bc-2021.yaml"
    evil = '"<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) **b**"'
    text = path.read_text(encoding="utf-8")
    text = text.replace("vi: Báo cáo kết quả CCHC năm 2021", f"vi: {evil}").replace("vi: Huyện tiếp nhận 7.447 hồ sơ.", f"vi: {evil}")
    path.write_text(text, encoding="utf-8")
    build(minimal)
    for rel in ("reports/bc-2021/index.html", "index.html", "units/huyen-b/index.html", "reports/index.html"):
        page = html(minimal / "site", rel)
        assert not page.find_all("script", string=lambda s: s and "alert" in s), rel
        assert not page.find_all(attrs={"onerror": True}), rel
        assert not page.select('a[href^="javascript:"]'), rel
    assert "<script>alert(1)</script>" in html(minimal / "site", "reports/bc-2021/index.html").get_text()


def test_failed_build_leaves_previous_site(minimal: Path) -> None:
    build(minimal)
    before = tree_hash(minimal / "site")
    path = minimal / "content/units/huyen-b.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: district", "level: county"), encoding="utf-8")
    with pytest.raises(BuildError):
        build(minimal)
    assert tree_hash(minimal / "site") == before
    result = CliRunner().invoke(main, ["build", "--root", str(minimal), "--quiet"])
    assert result.exit_code == 1
    assert "content/units/huyen-b.yaml:2:8: level: must be one of" in result.output
    assert tree_hash(minimal / "site") == before


def test_build_never_writes_into_content_or_datapackages(minimal: Path) -> None:
    before = (tree_hash(minimal / "content"), tree_hash(minimal / "datapackages"))
    build(minimal)
    assert (tree_hash(minimal / "content"), tree_hash(minimal / "datapackages")) == before


def test_mkdocs_failure_leaves_previous_site(minimal: Path) -> None:
    build(minimal)
    before = tree_hash(minimal / "site")
    # an extension Markdown cannot load: what check does not ask of the theme's own options
    (minimal / "mkdocs.yml").write_text((minimal / "mkdocs.yml").read_text(encoding="utf-8").replace("  - admonition\n", "  - no_such_extension\n"), encoding="utf-8")
    with pytest.raises(BuildError, match="mkdocs build failed"):
        build(minimal)
    assert tree_hash(minimal / "site") == before


def test_an_unexpected_failure_in_a_stage_is_a_build_error_naming_it(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.publish.build as build_module
    from site_builder.exports.xlsx import SpreadsheetError

    build(minimal)
    before = tree_hash(minimal / "site")

    def broken(*args: object, **kwargs: object) -> None:
        raise SpreadsheetError("figures.xlsx sheet figures row 2: column 'quote' holds a control character")

    monkeypatch.setattr(build_module, "write_downloads", broken)
    with pytest.raises(BuildError, match=r"^downloads failed: SpreadsheetError: figures.xlsx sheet figures row 2"):
        build(minimal)
    result = CliRunner().invoke(main, ["build", "--root", str(minimal), "--quiet"])
    assert result.exit_code == 1 and "downloads failed: SpreadsheetError" in result.output and "Traceback" not in result.output
    assert tree_hash(minimal / "site") == before


def test_an_unexpected_failure_while_validating_is_a_build_error_too(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.publish.build as build_module

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("content/units: permission denied")

    monkeypatch.setattr(build_module, "validate", broken)
    with pytest.raises(BuildError, match=r"^validation failed: OSError: content/units: permission denied; site/ left unchanged$"):
        build(minimal)
    result = CliRunner().invoke(main, ["build", "--root", str(minimal), "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_build_killed_between_the_two_renames_gets_its_site_back(minimal: Path) -> None:
    build(minimal)
    before = tree_hash(minimal / "site")
    (minimal / "site").rename(minimal / "site.old")  # what a kill after swap()'s first rename leaves
    path = minimal / "content/units/huyen-b.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: district", "level: county"), encoding="utf-8")
    with pytest.raises(BuildError):
        build(minimal)  # fails validation, but first puts the last good site back
    assert not (minimal / "site.old").exists()
    assert tree_hash(minimal / "site") == before


def test_the_build_reports_its_stages_in_order(minimal: Path) -> None:
    result = build(minimal)
    stages = [k for k in result.timings if k not in ("load", "validate", "charts.cpu", "total")]
    assert stages == ["load+validate", "compute", "clean", "charts", "pages", "downloads", "social", "mkdocs", "assemble", "search", "swap"]
    assert result.timings["total"] >= sum(result.timings[k] for k in stages) * 0.99


def _render_job(minimal: Path) -> RenderJob:
    from site_builder.compute.derive import compute
    from site_builder.content.validate import validate
    from site_builder.compute.changelog import history
    from site_builder.publish.build import Paths, RenderJob
    from site_builder.publish.charts import render_charts

    corpus, _ = validate(minimal)
    assert corpus is not None
    computed = compute(corpus)
    paths = Paths(minimal, minimal / "site")
    charts = render_charts(corpus, computed, paths.extras / "charts", paths.work / "chart-cache")
    return RenderJob(paths, corpus, computed, history(corpus), charts, lambda s: None)


def test_forked_renderers_write_what_one_process_writes(minimal: Path) -> None:
    """Large projects render each language in a forked child that gets its job as an argument."""
    from site_builder.publish import i18n
    from site_builder.publish.build import LastAliases, in_forked_processes, render_language

    job = _render_job(minimal)
    forked = in_forked_processes(render_language, job, i18n.LANGS)
    docs = {p.relative_to(minimal / "build/docs").as_posix(): p.read_bytes() for p in (minimal / "build/docs").rglob("*") if p.is_file()}
    aliases = LastAliases.read(job.paths.work)
    serial = [render_language(job, lang) for lang in i18n.LANGS]
    again = {p.relative_to(minimal / "build/docs").as_posix(): p.read_bytes() for p in (minimal / "build/docs").rglob("*") if p.is_file()}
    assert [r.lang for r in forked] == ["vi", "en"]
    assert [r.pages for r in forked] == [r.pages for r in serial]
    assert "units/huyen-b.md" in forked[0].pages and "en/units/huyen-b/index.html" in aliases
    assert docs == again and "vi/units/huyen-b.md" in docs
    assert aliases == LastAliases.read(job.paths.work)


def test_a_rebuild_keeps_the_pages_it_does_not_render_with_the_aliases_the_last_build_found(minimal: Path) -> None:
    """Pages outside `only` are neither read nor rendered: their files stay, their search aliases
    are the ones the last build kept, and they are the same as a full render's."""
    from dataclasses import replace

    from site_builder.publish import i18n
    from site_builder.publish.build import LastAliases, render_language

    job = _render_job(minimal)
    full = [render_language(job, lang) for lang in i18n.LANGS]
    aliases = LastAliases.read(job.paths.work)
    assert "units/huyen-b/index.html" in aliases and "en/units/huyen-b/index.html" in aliases
    unit_page = minimal / "build/docs/vi/units/huyen-b.md"
    os.utime(unit_page, (1_000_000_000, 1_000_000_000))  # a page kept is not written again
    again = [render_language(replace(job, only=lambda page: page == "reports/none.md"), lang) for lang in i18n.LANGS]
    assert [r.pages for r in again] == [r.pages for r in full] and LastAliases.read(job.paths.work) == aliases
    assert all(r.rendered < len(r.pages) for r in again) and unit_page.stat().st_mtime == 1_000_000_000
    # Without the last build's aliases (a build that failed), every page is rendered again.
    LastAliases.path(job.paths.work, "vi").unlink()
    third = render_language(replace(job, only=lambda page: False), "vi")
    assert third.rendered == len(third.pages) and LastAliases.read(job.paths.work) == aliases


@pytest.mark.parametrize("broken", ["vi", "en"])  # vi is rendered by the parent itself, en by its forked child
def test_a_failing_renderer_names_its_language(minimal: Path, broken: str) -> None:
    from site_builder.publish import i18n
    from site_builder.publish.build import RenderedLanguage, in_forked_processes

    def one_breaks(job: RenderJob, lang: i18n.Lang) -> RenderedLanguage:
        if lang == broken:
            raise ValueError(f"no template for {lang}")
        return RenderedLanguage(lang, [], [], 0)

    with pytest.raises(RuntimeError, match=rf"^\[{broken}\] ValueError: no template for {broken}$"):
        in_forked_processes(one_breaks, _render_job(minimal), i18n.LANGS)


@pytest.mark.parametrize("budget, forked", [("1", False), ("1000000", True)])
def test_languages_render_side_by_side_only_within_the_memory_budget(minimal: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      budget: str, forked: bool) -> None:
    """A forked renderer copies much of its parent: above the budget, one language after the other."""
    from dataclasses import replace

    from site_builder.publish import build as build_module

    said: list[str] = []
    job = replace(_render_job(minimal), progress=said.append)
    calls: list[str] = []
    monkeypatch.setattr(build_module, "PARALLEL_PAGES_FROM", 0)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(build_module, "in_forked_processes", lambda work, job, langs: calls.append("forked") or [])
    monkeypatch.setenv("MINHBACH_MEMORY_MIB", budget)
    rendered = build_module.render_languages(job)
    assert calls == (["forked"] if forked else [])
    if not forked:
        assert [r.lang for r in rendered] == ["vi", "en"]
        assert any("one language after the other" in line and "budget of 1 MiB" in line for line in said)
