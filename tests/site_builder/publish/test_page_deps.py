"""A rebuild renders only the pages an edit changes, and they come out as a full render makes them.

The corpus is a generated province (benchmarks/national.py) of 40 communes: a province report with
a row per commune, commune reports, sums, ranks among peers. Each edit is rendered both ways, the
rebuild reusing the Markdown of the build before it; the two must be the same page for page."""
from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from site_builder.compute.changelog import history
from site_builder.compute.derive import compute
from site_builder.content.validate import validate
from site_builder.publish.charts import render_charts
from site_builder.publish.page_deps import PageState, code_digest, page_state, pages_of, touched
from site_builder.publish.pages import render_site

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from benchmarks import national  # noqa: E402

TEMPLATES = ROOT / "templates"
CODE = code_digest(TEMPLATES)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, national.CorpusStats]:
    root = tmp_path_factory.mktemp("deps") / "corpus"
    return root, national.generate(root, provinces=1, communes_cap=40)


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, national.CorpusStats]:
    root = tmp_path_factory.mktemp("deps2") / "corpus"
    return root, national.generate(root, provinces=2, communes_cap=12)


def render(root: Path, only: object = None, previous: dict[str, str] | None = None) -> tuple[dict[str, str], PageState]:
    corpus, findings = validate(root)
    assert corpus is not None, [p.text() for p in findings.sorted()]
    computed = compute(corpus)
    state = page_state(corpus, CODE)
    reused: set[str] = set()

    def reuse(page: str) -> bool:  # as the build keeps a page it does not render: the last build's file
        if previous is None or page not in previous:
            return False
        reused.add(page)
        return True
    pages = render_site(corpus, computed, history(corpus), "vi", TEMPLATES, only=only if callable(only) else None, reuse=reuse)
    assert not reused & pages.keys()  # a page kept is not rendered too
    return {**pages, **{page: previous[page] for page in reused if previous is not None}}, state


def rebuild(root: Path, before: dict[str, str], state: PageState) -> tuple[dict[str, str], set[str]]:
    """The rebuild's pages, and which of the own pages (units, reports, indicators) it rendered."""
    corpus, _ = validate(root)
    assert corpus is not None
    edit = touched(state, page_state(corpus, CODE), corpus)
    assert edit is not None
    only = pages_of(edit, corpus)
    pages, _ = render(root, only, before)
    own = [p for p in pages if re.match(r"(units|reports|indicators)/[^/]+\.md$", p) and not p.endswith("index.md")]
    return pages, {p for p in own if only(p)}


@pytest.mark.parametrize("edit", ["a figure of a commune's report", "a report's title", "nothing"])
def test_a_rebuild_renders_what_the_edit_changes_and_the_same_markdown_as_a_full_render(
        edit: str, generated: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    source, stats = generated
    root = tmp_path / "corpus"
    shutil.copytree(source, root)
    before, state = render(root)
    if edit == "a figure of a commune's report":
        national.edit_one_report(root, stats.edit_target)
    elif edit == "a report's title":
        national.edit_report_title(root, stats.edit_target)
    incremental, rendered = rebuild(root, before, state)
    full, _ = render(root)
    assert incremental.keys() == full.keys()
    assert [p for p in full if incremental[p] != full[p]] == []
    changed = {p for p in full if full[p] != before.get(p)}
    own = {p for p in full if re.match(r"(units|reports|indicators)/[^/]+\.md$", p) and not p.endswith("index.md")}
    assert changed & own <= rendered  # every own page that changed was rendered, none reused stale
    if edit == "nothing":
        assert rendered == set()
    else:
        assert f"reports/{stats.edit_target}.md" in rendered
        # the other reports' pages (most of the site at national scale) are the last build's
        assert len(rendered) < len(own) / 2


def test_a_change_to_what_every_page_reads_renders_everything(generated: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    source, _ = generated
    corpus, _ = validate(source)
    assert corpus is not None
    state = page_state(corpus, CODE)
    assert touched(None, state, corpus) is None  # no state: a first build
    assert touched(PageState("another code or catalogue", state.reports, state.provinces, state.indicators), state, corpus) is None
    assert PageState.from_json(state.to_json()) == state
    assert PageState.from_json('{"version": 0}') is None and PageState.from_json("not json") is None


@pytest.mark.parametrize("edit", ["a figure of a commune's report", "nothing"])
def test_a_rebuild_draws_the_charts_of_what_the_edit_touched_and_the_same_folder(
        edit: str, two_provinces: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    """The charts of the touched units and indicators are made again, the others kept; the folder
    and the charts of every page rendered are what a full build makes."""
    source, stats = two_provinces
    root = tmp_path / "corpus"
    shutil.copytree(source, root)
    corpus, _ = validate(root)
    assert corpus is not None
    before = page_state(corpus, CODE)
    out, cache = tmp_path / "charts", tmp_path / "cache"
    first = render_charts(corpus, compute(corpus), out, cache)
    published = tmp_path / "site"
    shutil.copytree(out, published, copy_function=os.link)  # the site being served holds hard links
    first_bytes = {p.name: p.read_bytes() for p in published.iterdir()}
    if edit != "nothing":
        national.edit_one_report(root, stats.edit_target)
    corpus, _ = validate(root)
    assert corpus is not None
    computed = compute(corpus)
    edited = touched(before, page_state(corpus, CODE), corpus)
    assert edited is not None
    again = render_charts(corpus, computed, out, cache, remake=edited, kept=first.files)
    full = render_charts(corpus, computed, tmp_path / "full", cache)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in (tmp_path / "full").iterdir()}
    assert again.files == full.files
    assert {p.name: p.read_bytes() for p in published.iterdir()} == first_bytes
    wanted = pages_of(edited, corpus)
    for lang in ("vi", "en"):
        rendered = {k for k in full.pages[lang] if wanted(f"{k.replace(':', 's/', 1)}.md")}
        assert {k: again.pages[lang][k] for k in rendered} == {k: full.pages[lang][k] for k in rendered}
        assert set(again.pages[lang]) == rendered  # no spec made for a page that is not rendered
    if edit == "nothing":
        assert again.drawn == 0 and not any(again.pages[lang] for lang in ("vi", "en"))
    else:
        # the units of the edited report's province are drawn again, the other province's kept
        edited_unit = next(f.unit for f in corpus.figures if f.report == stats.edit_target)
        assert f"unit:{edited_unit}" in again.pages["vi"] and again.drawn >= 1
        assert 0 < len(again.pages["vi"]) < len(full.pages["vi"]) * 3 / 4
