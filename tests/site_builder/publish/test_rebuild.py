"""A rebuild after an editor's change, end to end: the site it swaps in is the site a build from
nothing makes of the same content, though its downloads are made while mkdocs, assembly and search
run (publish/build.prepare's `Later`); and when they fail, nothing is swapped in."""
from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from site_builder.publish.build import BuildError, LastBuild, build

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from benchmarks import national  # noqa: E402


def files(site: Path) -> dict[str, str]:
    """Every file of a site and the digest of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small national corpus; each test builds a copy of it."""
    root = tmp_path_factory.mktemp("rebuild") / "corpus"
    stats = national.generate(root, provinces=1, communes_cap=10)
    return root, stats.edit_target


def copy(source: Path, to: Path) -> Path:
    shutil.copytree(source, to, symlinks=True)
    return to


def test_a_rebuild_swaps_in_what_a_build_from_nothing_makes(generated: tuple[Path, str], tmp_path: Path) -> None:
    source, target = generated
    root = copy(source, tmp_path / "edited")
    build(root)
    national.edit_one_report(root, target)
    result = build(root)
    assert "downloads.beside" in result.timings  # the downloads were made beside the stages after mkdocs
    assert 0 < sum(result.mkdocs_pages.values()) < result.pages  # and only the changed pages were rendered again

    fresh = copy(source, tmp_path / "fresh")
    national.edit_one_report(fresh, target)
    full = build(fresh)
    assert "downloads.beside" not in full.timings
    rebuilt, expected = files(root / "site"), files(fresh / "site")
    assert rebuilt.keys() == expected.keys()
    assert [rel for rel in expected if rebuilt[rel] != expected[rel]] == []
    assert any(rel.startswith("downloads/") for rel in rebuilt) and any(rel.startswith("api/") for rel in rebuilt)


def test_downloads_that_fail_beside_the_later_stages_leave_the_site_and_the_next_build_makes_everything(
        generated: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = generated
    root = copy(source, tmp_path / "failing")
    build(root)
    before = files(root / "site")
    national.edit_one_report(root, target)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")
    monkeypatch.setattr("site_builder.publish.build.write_downloads", broken)
    with pytest.raises(BuildError, match="downloads failed: OSError: disk full"):
        build(root)
    assert files(root / "site") == before
    assert not (root / "build" / LastBuild.FILE).exists()  # nothing of that build is trusted by the next
    monkeypatch.undo()
    result = build(root)
    assert "downloads.beside" not in result.timings
