"""A rebuild's downloads: the files of what an edit touched are made again, the others kept, and
the folder comes out byte for byte as a build that makes everything.

The corpus is a generated province (benchmarks/national.py) of 40 communes, as in
tests/site_builder/publish/test_page_deps.py."""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder.compute.changelog import history
from site_builder.compute.derive import compute
from site_builder.content.validate import validate
from site_builder.exports.downloads import downloads_key, write_downloads
from site_builder.exports.outputs import Outputs
from site_builder.publish.page_deps import PageState, code_digest, page_state, touched

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from benchmarks import national  # noqa: E402

CODE = code_digest(ROOT / "templates")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, national.CorpusStats]:
    root = tmp_path_factory.mktemp("downloads-deps") / "corpus"
    return root, national.generate(root, provinces=1, communes_cap=40)


def state_of(root: Path) -> tuple[object, object, PageState]:
    corpus, findings = validate(root)
    assert corpus is not None, [p.text() for p in findings.sorted()]
    pages = page_state(corpus, CODE)
    return corpus, compute(corpus), replace(pages, shared=f"{pages.shared}:{downloads_key(corpus)}")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("edit", ["a figure of a commune's report", "a report's title", "nothing"])
def test_a_rebuild_makes_the_touched_files_and_the_same_folder_as_a_full_build(
        edit: str, generated: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    source, stats = generated
    root = tmp_path / "corpus"
    shutil.copytree(source, root)
    corpus, computed, before = state_of(root)
    out = tmp_path / "extras" / "downloads"
    write_downloads(corpus, computed, history(corpus), out)  # type: ignore[arg-type]
    first = tree(out.parent)
    # the published site holds hard links to these files: a file made again must not change them
    published = tmp_path / "site"
    shutil.copytree(out.parent, published, copy_function=os.link)

    if edit == "a figure of a commune's report":
        national.edit_one_report(root, stats.edit_target)
    elif edit == "a report's title":
        national.edit_report_title(root, stats.edit_target)
    corpus, computed, now = state_of(root)
    edited = touched(before, now, corpus)  # type: ignore[arg-type]
    assert edited is not None
    files = write_downloads(corpus, computed, history(corpus), out, edited)  # type: ignore[arg-type]
    incremental = tree(out.parent)

    full_out = tmp_path / "full" / "downloads"
    write_downloads(corpus, computed, history(corpus), full_out)  # type: ignore[arg-type]
    full = tree(full_out.parent)
    assert incremental.keys() == full.keys()
    assert [p for p in full if incremental[p] != full[p]] == []
    assert tree(published) == first  # the site being served kept its bytes

    own = [p for p in full if p.startswith(("downloads/units/", "downloads/reports/", "api/units/", "api/reports/"))]
    if edit == "nothing":
        assert not edited.reports and files.kept >= len(own)
    else:
        assert f"api/reports/{stats.edit_target}.json" in {p.relative_to(out.parent).as_posix() for p in files.written}
        # the other units' and reports' files (most of the downloads at national scale) are the last build's
        assert files.kept > len(own) / 2
    changed = {p for p in full if full[p] != first.get(p)}
    remade = {p.relative_to(out.parent).as_posix() for p in files.written}
    assert changed <= remade  # every file that changed was made again, none kept stale


def test_a_change_to_what_every_download_reads_makes_everything(generated: tuple[Path, national.CorpusStats], tmp_path: Path) -> None:
    source, _ = generated
    root = tmp_path / "corpus"
    shutil.copytree(source, root)
    corpus, _, before = state_of(root)
    descriptor = root / "datapackages" / national.PACKAGE / "datapackage.yaml"
    text = descriptor.read_text(encoding="utf-8")
    assert "\nversion: 0.1.0\n" in text
    descriptor.write_text(text.replace("\nversion: 0.1.0\n", "\nversion: 0.2.0\n", 1), encoding="utf-8")
    corpus, _, now = state_of(root)
    assert before.shared != now.shared  # the data's version is in every API response and workbook
    assert touched(before, now, corpus) is None  # type: ignore[arg-type]


def test_prune_removes_what_a_build_neither_wrote_nor_kept(tmp_path: Path) -> None:
    (tmp_path / "downloads" / "reports").mkdir(parents=True)
    (tmp_path / "downloads" / "reports" / "gone.csv").write_text("id\n")
    (tmp_path / "downloads" / "reports" / "kept.csv").write_text("id\n")
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "other.svg").write_text("<svg/>")
    files = Outputs(tmp_path, remake=lambda kind, oid: oid == "new")
    files.of("report", "kept", "downloads/reports/kept.csv", lambda: pytest.fail("an untouched report's file is made again"))
    files.of("report", "new", "downloads/reports/new.csv", lambda: "id\nx\n")
    assert files.prune("downloads") == 1
    assert sorted(p.name for p in (tmp_path / "downloads" / "reports").iterdir()) == ["kept.csv", "new.csv"]
    assert (tmp_path / "charts" / "other.svg").is_file()  # only the folders named are pruned
    assert files.kept == 1 and [p.name for p in files.written] == ["new.csv"]


def test_a_copy_is_kept_when_it_holds_the_same_bytes_and_made_again_when_not(tmp_path: Path) -> None:
    folder = tmp_path / "downloads" / "datasets"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_bytes(b"id\n1\n")
    (folder / "b.csv").write_bytes(b"id\n1\n")
    served = tmp_path / "b-served.csv"
    os.link(folder / "b.csv", served)  # the site being served holds a hard link
    files = Outputs(tmp_path, remake=lambda kind, oid: False)
    files.same("downloads/datasets/a.csv", b"id\n1\n")
    files.same("downloads/datasets/b.csv", b"id\n2\n")
    assert files.kept == 1 and [p.name for p in files.written] == ["b.csv"]
    assert (folder / "b.csv").read_bytes() == b"id\n2\n" and served.read_bytes() == b"id\n1\n"
    first = Outputs(tmp_path / "first")  # a build that makes everything compares nothing
    first.same("downloads/datasets/a.csv", b"id\n1\n")
    assert first.kept == 0 and len(first.written) == 1
