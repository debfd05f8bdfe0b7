"""Write the generated docs folder and one mkdocs configuration per language.

Input: rendered pages per language. Output: files under build/ that `mkdocs build` reads.
Files are written only when their bytes change, so mkdocs' own change detection and
editors' diffs of the build folder stay meaningful.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from . import i18n

NAV_PAGES = (("home", "index.md"), ("units", "units/index.md"), ("reports", "reports/index.md"), ("indicators", "indicators/index.md"),
             ("targets", "targets.md"), ("datasets", "datasets/index.md"), ("api", "api.md"), ("glossary", "glossary.md"), ("about", "about.md"))


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write only when the content differs; return True when written."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return True


def write_docs(pages: dict[str, str], docs: Path, templates: Path) -> int:
    """Write pages and theme assets into docs/, removing stale pages; return files written."""
    written = 0
    for rel, text in sorted(pages.items()):
        written += write_if_changed(docs / rel, text)
    for asset in sorted((templates / "assets").rglob("*")):
        if asset.is_file():
            written += write_if_changed(docs / "assets" / asset.relative_to(templates / "assets"), asset.read_bytes())
    keep = set(pages) | {f"assets/{a.relative_to(templates / 'assets').as_posix()}" for a in (templates / "assets").rglob("*") if a.is_file()}
    for old in sorted(docs.rglob("*"), reverse=True):
        rel = old.relative_to(docs).as_posix()
        if old.is_file() and rel not in keep:
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
    return written


def mkdocs_config(root: Path, lang: i18n.Lang, docs: Path, site: Path) -> dict[str, Any]:
    """The base mkdocs.yml plus what differs per language."""
    yaml = YAML(typ="safe")
    config: dict[str, Any] = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    other = "en" if lang == "vi" else "vi"
    config["site_name"] = i18n.SITE_NAME[lang]
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["theme"]["language"] = lang
    config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
    config["nav"] = [{i18n.t(key, lang): path} for key, path in NAV_PAGES]
    config["not_in_nav"] = "\n".join(["/units/*.md", "/reports/*.md", "/indicators/*.md"])
    config.setdefault("extra", {})["alternate"] = [
        # relative to the site root of this build, so the site also works under a sub-path
        {"name": i18n.t("other_language", lang), "link": "../" if other == "vi" else "en/", "lang": other},
    ]
    return config


def write_config(path: Path, config: dict[str, Any]) -> None:
    yaml = YAML()
    yaml.default_flow_style = False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(config, fh)


def assemble(vi_site: Path, en_site: Path, extras: Path, staging: Path) -> None:
    """Put the two language builds and the shared files (charts, downloads) into one tree."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(vi_site, staging)
    # One 404 page serves every missed URL: the Vietnamese build's, which speaks both languages
    # (templates/overrides/404.html). The English build's copy, one folder down, could only
    # point at the wrong root.
    shutil.copytree(en_site, staging / "en", ignore=lambda folder, names: ["404.html"] if Path(folder) == en_site else [])
    for item in sorted(extras.iterdir()):
        shutil.copytree(item, staging / item.name, dirs_exist_ok=True)


def swap(staging: Path, site: Path) -> None:
    """Replace site/ with the staging tree in two renames: visitors never see a half-built site."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        shutil.rmtree(old)
