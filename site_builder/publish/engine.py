"""The site engine: the generated docs folder, one mkdocs configuration per language, and mkdocs itself.

Our code stays independent of mkdocs' internals: it writes Markdown with front matter, a
configuration derived from the project's mkdocs.yml, and runs `mkdocs build` as a command. The
engine renders; whatever the theme overrides print is computed here and handed to them through
the configuration (`extra.mb`) and each page's front matter. Zensical, Material's successor,
reads the same files.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from site_builder.files import write_if_changed
from site_builder.publish import i18n

NAV_PAGES = (("home", "index.md"), ("units", "units/index.md"), ("reports", "reports/index.md"), ("indicators", "indicators/index.md"),
             ("targets", "targets.md"), ("datasets", "datasets/index.md"), ("api", "api.md"), ("glossary", "glossary.md"), ("about", "about.md"))

# What mkdocs writes on every build, dirty or not (the theme's static templates).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def write_docs(pages: dict[str, str], docs: Path, templates: Path) -> list[str]:
    """Write pages and theme assets into docs/, removing stale pages; return the files written (relative, posix).

    Files are written only when their bytes change, so mkdocs' `--dirty` renders only those.
    """
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


def fingerprint(config: Path, root: Path, pages: list[str]) -> str:
    """What, besides a page's own Markdown, decides its HTML: the configuration, the theme
    overrides, the set of pages and mkdocs' version. While it holds, mkdocs --dirty renders only
    the pages whose Markdown changed."""
    h = hashlib.sha256(config.read_bytes())
    for name in ("mkdocs", "mkdocs-material"):
        h.update(version(name).encode())
    overrides = root / "templates" / "overrides"
    for path in sorted(overrides.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    h.update("\n".join(sorted(pages)).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class MkdocsRun:
    """One language's `mkdocs build`: its configuration, and whether only changed pages are rendered."""

    lang: i18n.Lang
    config: Path
    site: Path  # where mkdocs writes this language's HTML
    stamp: Path  # the fingerprint of the last successful run, written after this one succeeds
    fingerprint: str
    dirty: bool


def run_mkdocs(run: MkdocsRun, epoch: int) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of one language in its own process.

    SOURCE_DATE_EPOCH fixes the dates mkdocs writes (sitemap lastmod, gzip header) so that two
    builds of the same content are byte-identical whatever day they run.
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(run.config)] + (["--dirty"] if run.dirty else [])
    return subprocess.run(cmd, capture_output=True, text=True, env=env)
