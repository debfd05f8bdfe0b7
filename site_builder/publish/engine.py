"""Write the generated docs folder and one mkdocs configuration per language.

Input: rendered pages per language. Output: files under build/ that `mkdocs build` reads.
Files are written only when their bytes change, so mkdocs' own change detection and
editors' diffs of the build folder stay meaningful.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from site_builder.publish import i18n

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


def write_docs(pages: dict[str, str], docs: Path, templates: Path) -> list[str]:
    """Write pages and theme assets into docs/, removing stale pages; return the files written (relative, posix)."""
    written: list[str] = []
    for rel, text in sorted(pages.items()):
        if write_if_changed(docs / rel, text):
            written.append(rel)
    for asset in sorted((templates / "assets").rglob("*")):
        if asset.is_file():
            rel = f"assets/{asset.relative_to(templates / 'assets').as_posix()}"
            if write_if_changed(docs / rel, asset.read_bytes()):
                written.append(rel)
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


def html_path(md_rel: str) -> str:
    """Where mkdocs (use_directory_urls) writes a page: 'units/x.md' -> 'units/x/index.html'."""
    stem = md_rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def link_or_copy(src: str, dst: str) -> str:
    """A hard link where the file system allows it: assembling the site then costs no copying.

    Safe because nothing writes into these files in place afterwards: extras are recreated each
    build, cached charts are replaced whole, and the mkdocs output of a page is unlinked before
    mkdocs writes it again (`unshare`).
    """
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def unshare(site: Path, rels: list[str]) -> None:
    """Remove these files from a language build, so that mkdocs writes new files, not into the published ones."""
    for rel in rels:
        path = site / rel
        if path.is_file():
            path.unlink()


def assemble(vi_site: Path, en_site: Path, extras: Path, staging: Path) -> None:
    """Put the two language builds and the shared files (charts, downloads) into one tree."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(vi_site, staging, copy_function=link_or_copy)
    # One 404 page serves every missed URL: the Vietnamese build's, which speaks both languages
    # (templates/overrides/404.html). The English build's copy, one folder down, could only
    # point at the wrong root.
    shutil.copytree(en_site, staging / "en", ignore=lambda folder, names: ["404.html"] if Path(folder) == en_site else [],
                    copy_function=link_or_copy)
    for item in sorted(extras.iterdir()):
        shutil.copytree(item, staging / item.name, dirs_exist_ok=True, copy_function=link_or_copy)


def recover(site: Path) -> bool:
    """Put the previous site back if a build was killed between swap()'s two renames.

    Then site/ is missing and site.old/ holds the last good site; the next build would delete
    it. Returns True when it restored one.
    """
    old = site.with_name(site.name + ".old")
    if not site.exists() and old.is_dir():
        old.rename(site)
        return True
    return False


def swap(staging: Path, site: Path) -> None:
    """Replace site/ with the staging tree in two renames: visitors never see a half-built site."""
    old = site.with_name(site.name + ".old")
    recover(site)
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        shutil.rmtree(old)
