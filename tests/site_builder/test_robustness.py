"""Arbitrary input never crashes the tool; the built site has no broken link; builds are reproducible."""
from __future__ import annotations

import hashlib
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder import build as build_module
from site_builder.build import build
from site_builder.validate import validate

ROOT = Path(__file__).resolve().parents[2]

yaml_chars = st.sampled_from(list("abcđêơư: -\n\t#'\"[]{}&*!|>%@`,?0123456789") + ["ạ", "ộ", "\u0301", "\ufeff"])
fuzz = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(text=st.text(yaml_chars, max_size=200))
def test_arbitrary_yaml_gives_located_errors_or_a_model(minimal: Path, text: str) -> None:
    (minimal / "content/units/fuzz.yaml").write_text(text, encoding="utf-8")
    corpus, findings = validate(minimal)
    for p in findings.problems:
        assert p.path and p.line >= 0 and p.column >= 0 and p.message
    if corpus is None:
        assert findings.errors


csv_chars = st.sampled_from(list("ab,\"\n\r;\t-=+0123456789.") + ["ạ", "\ufeff", "\x00"])


@fuzz
@given(text=st.text(csv_chars, max_size=300))
def test_arbitrary_csv_gives_located_errors(minimal: Path, text: str) -> None:
    (minimal / "datapackages/figures/data/bc-2021.csv").write_text(text, encoding="utf-8")
    corpus, findings = validate(minimal)
    for p in findings.problems:
        assert p.path and p.line >= 0 and p.message
    assert corpus is None or len(corpus.figures) >= 0


def _links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    out = [a.get("href") for a in soup.find_all(["a", "link"]) if a.get("href")]
    out += [el.get("src") for el in soup.find_all(["img", "script"]) if el.get("src")]
    return out


def test_no_broken_internal_link_or_missing_asset(shipped_site: Path) -> None:
    anchors: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(shipped_site.rglob("*.html"))
    for page in pages:
        for link in _links(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target = page.parent if not parts.path else Path(posixpath.normpath(str(page.parent / unquote(parts.path))))
            if parts.path.startswith("/"):
                # only the 404 page may use root-absolute links: it is served at any URL
                if page.name != "404.html":
                    broken.append((page.relative_to(shipped_site), link, "absolute path breaks under a sub-path"))
                    continue
                target = Path(posixpath.normpath(str(shipped_site / unquote(parts.path.lstrip("/")))))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(shipped_site), link, "missing"))
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in anchors:  # parsed once: setdefault would re-parse it for every link
                    anchors[target] = {el["id"] for el in BeautifulSoup(target.read_text(encoding="utf-8"), "lxml").find_all(id=True)}
                if parts.fragment not in anchors[target]:
                    broken.append((page.relative_to(shipped_site), link, "missing anchor"))
    assert len(pages) > 100
    assert broken == []


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path, shipped_site: Path) -> None:
    """A second checkout in another folder, built cold, gives the same bytes as the session's build."""
    other = tmp_path / "elsewhere" / "checkout"
    other.mkdir(parents=True)
    for name in ("content", "datapackages", "templates"):
        shutil.copytree(ROOT / name, other / name)
    shutil.copyfile(ROOT / "mkdocs.yml", other / "mkdocs.yml")
    build(other)
    first, second = _tree(shipped_site), _tree(other / "site")
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []


def test_failed_stage_at_any_point_keeps_site(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.charts as charts_module
    import site_builder.downloads as downloads_module

    build(minimal)
    before = _tree(minimal / "site")
    stages = [(charts_module, "render_charts"), (build_module, "render_site"), (build_module, "write_docs"),
              (downloads_module, "write_downloads"), (build_module, "_mkdocs"), (build_module, "assemble")]
    for module, name in stages:
        def killed(*args, **kwargs):
            raise KeyboardInterrupt(f"killed in {name}")
        with monkeypatch.context() as m:
            m.setattr(module, name, killed)
            with pytest.raises(KeyboardInterrupt):
                build(minimal)
        assert _tree(minimal / "site") == before, name
    build(minimal)  # the next build recovers from whatever the killed one left in build/
    assert _tree(minimal / "site") == before
