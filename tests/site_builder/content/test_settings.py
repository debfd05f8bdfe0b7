"""mkdocs.yml as the corpus holds it: what the build reads of it, and what check refuses (exact lines in test_check)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from site_builder.content.settings import SET_BY_BUILD, Settings, load_settings
from site_builder.content.validate import validate

ROOT = Path(__file__).resolve().parents[3]


def with_config(root: Path, text: str) -> Path:
    (root / "templates/overrides").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def texts(root: Path) -> list[str]:
    return [p.text() for p in load_settings(root)[1]]


def test_the_shipped_settings_are_read_with_their_digest() -> None:
    settings, problems = load_settings(ROOT)
    assert problems == [] and settings is not None
    assert settings.digest == hashlib.sha256((ROOT / "mkdocs.yml").read_bytes()).hexdigest()
    assert settings.config["theme"]["custom_dir"] == "templates/overrides"
    assert settings.site_url is None  # commented out in the shipped file
    assert settings.site_description.startswith("Dữ liệu mở")


def test_addresses_lose_their_spaces_and_trailing_slash(tmp_path: Path) -> None:
    root = with_config(tmp_path, "theme:\n  name: material\n  custom_dir: templates/overrides\n"
                                 "site_url: ' https://example.org/mb/ '\nrepo_url: https://github.com/o/r/\n")
    settings, problems = load_settings(root)
    assert problems == [] and settings is not None
    assert (settings.site_url, settings.repo_url, settings.site_description) == ("https://example.org/mb", "https://github.com/o/r", "")
    assert Settings().site_url is None and Settings().mkdocs() == {}


def test_mkdocs_gives_a_copy_the_build_may_change(tmp_path: Path) -> None:
    settings, _ = load_settings(ROOT)
    assert settings is not None
    config = settings.mkdocs()
    config["theme"]["palette"][0]["toggle"]["name"] = "changed"
    config["extra"] = {"mb": 1}
    assert settings.config["theme"]["palette"][0]["toggle"]["name"] == "Switch to dark mode"
    assert "extra" not in settings.config and settings.mkdocs() == load_settings(ROOT)[0].config  # type: ignore[union-attr]


@pytest.mark.parametrize("text,expected", [
    ("site_name: x\n", ["mkdocs.yml:1:1: theme: required setting is missing"]),
    ("theme: material\n", ["mkdocs.yml:1:8: theme: expected a mapping (name, custom_dir, …), got text"]),
    ("theme:\n  custom_dir: templates/overrides\n", ["mkdocs.yml:1:1: theme.name: required setting is missing"]),
    ("theme:\n  name: material\n  custom_dir: 3\n", ["mkdocs.yml:3:15: theme.custom_dir: expected text, got a number"]),
    ("theme:\n  name: material\n  custom_dir: /etc\n",
     ["mkdocs.yml:3:15: theme.custom_dir: '/etc' is not a folder of the project; name the theme's overrides folder relative to mkdocs.yml (templates/overrides)"]),
    ("theme:\n  name: material\n  custom_dir: templates/overrides\n  palette: {scheme: slate}\n",
     ["mkdocs.yml:4:12: theme.palette: expected a list of colour schemes (mappings), got a mapping"]),
    ("theme:\n  name: material\n  custom_dir: templates/overrides\n  palette:\n    - toggle: x\n",
     ["mkdocs.yml:5:15: theme.palette[0].toggle: expected a mapping (icon, name), got text"]),
    ("theme:\n  name: material\n  custom_dir: templates/overrides\nrepo_url: [a]\nsite_description: 3\n",
     ["mkdocs.yml:4:11: repo_url: expected a web address (text), got a list", "mkdocs.yml:5:19: site_description: expected text, got a number"]),
    ("theme:\n  name: material\n  custom_dir: templates/overrides\nrepo_url: ftp://example.org/x\n",
     ["mkdocs.yml:4:11: repo_url: 'ftp://example.org/x' is not a web address; write it whole, starting with https://"]),
    ("theme:\n  name: material\n  custom_dir: templates/overrides\n  language: vi\n",
     ["mkdocs.yml:4:3: theme.language: set by the build (each language's build); remove it"]),
])
def test_what_the_build_relies_on_is_checked_and_located(tmp_path: Path, text: str, expected: list[str]) -> None:
    root = with_config(tmp_path, text)
    assert texts(root) == expected
    assert load_settings(root)[0] is None


def test_an_empty_address_is_no_address(tmp_path: Path) -> None:
    settings, problems = load_settings(with_config(tmp_path, "theme:\n  name: material\n  custom_dir: templates/overrides\nsite_url: ''\nsite_url2: x\n"))
    assert problems == [] and settings is not None and settings.site_url is None


def test_a_custom_dir_that_is_a_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    root = with_config(tmp_path / "proj", "theme:\n  name: material\n  custom_dir: linked\n")
    (root / "linked").symlink_to(outside)
    assert [p.field for p in load_settings(root)[1]] == ["theme.custom_dir"]


def test_each_key_the_build_overwrites_is_refused(tmp_path: Path) -> None:
    """Every entry of SET_BY_BUILD is one the build writes: publish/engine.py's mkdocs_config sets each."""
    engine = (ROOT / "site_builder/publish/engine.py").read_text(encoding="utf-8")
    for loc in SET_BY_BUILD:
        written = "".join(f'["{key}"]' for key in loc)
        assert written in engine or f'setdefault("{loc[0]}", {{}})["{loc[-1]}"]' in engine, loc
    body = "nav: []\nnot_in_nav: x\ndocs_dir: d\nsite_dir: s\nextra:\n  mb: 1\n"
    root = with_config(tmp_path, "theme:\n  name: material\n  custom_dir: templates/overrides\n  language: en\n" + body)
    assert sorted(p.field for p in load_settings(root)[1]) == sorted(".".join(loc) for loc in SET_BY_BUILD)


def test_the_corpus_holds_the_settings(minimal: Path) -> None:
    corpus, findings = validate(minimal)
    assert corpus is not None and findings.errors == []
    assert corpus.settings.digest == hashlib.sha256((minimal / "mkdocs.yml").read_bytes()).hexdigest()
    assert corpus.settings.config["theme"]["name"] == "material"


def test_tags_a_plain_yaml_reader_knows_are_read_and_others_refused(tmp_path: Path) -> None:
    head = "theme:\n  name: material\n  custom_dir: templates/overrides\n"
    root = with_config(tmp_path, head + "site_name: Minh Bạch\nextra:\n  key: !ENV [KEY, none]\n  dir: !relative $config_dir\n")
    assert texts(root) == [
        "mkdocs.yml:6:8: the tag !ENV is not read by the build, which reads mkdocs.yml as plain YAML; write the value itself",
        "mkdocs.yml:7:8: the tag !relative is not read by the build, which reads mkdocs.yml as plain YAML; write the value itself"]
    settings, problems = load_settings(with_config(tmp_path, head + "extra:\n  n: !!int 3\n  m: !!map {a: 1}\n"))
    assert problems == [] and settings is not None and settings.config["extra"] == {"n": 3, "m": {"a": 1}}
