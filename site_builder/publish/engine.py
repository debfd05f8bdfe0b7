"""The site engine: the generated docs folder, one mkdocs configuration per language, and mkdocs itself.

Our code stays independent of mkdocs' internals: it writes Markdown with front matter, a
configuration derived from the project's mkdocs.yml, and runs `mkdocs build` as a command. The
engine renders; whatever the theme overrides print is computed here and handed to them through
the configuration (`extra.mb`) and each page's front matter. Zensical, Material's successor,
reads the same files.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markupsafe import escape
from ruamel.yaml import YAML

from site_builder.files import write_if_changed
from site_builder.publish import i18n

NAV_PAGES = (("home", "index.md"), ("units", "units/index.md"), ("reports", "reports/index.md"), ("indicators", "indicators/index.md"),
             ("targets", "targets.md"), ("datasets", "datasets/index.md"), ("api", "api.md"), ("glossary", "glossary.md"), ("about", "about.md"))

# What mkdocs writes on every build, dirty or not (the theme's static templates).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def finish_docs(pages: set[str], docs: Path, templates: Path) -> list[str]:
    """The theme assets into docs/, and every file that is neither an asset nor one of `pages`
    removed; return the assets written (relative, posix)."""
    written: list[str] = []
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


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published and how it describes itself, from mkdocs.yml: what the theme's
    values (the page's front matter, `extra.mb`) are computed from besides the page."""

    url: str | None  # site_url as mkdocs holds it (it adds a trailing /); None while unset
    description: str  # site_description
    repo: str | None = None  # repo_url without a trailing /: the GitHub repository errors are reported to; None while unset

    @property
    def path(self) -> str:
        """The site root's path on its host ('/' without site_url): the 404 page's base_url in
        mkdocs, absolute because a host serves that page at whatever URL was missed."""
        return urlsplit(self.url).path if self.url else "/"


def site_address(config: dict[str, Any]) -> SiteAddress:
    """site_url normalised as mkdocs' URL(is_dir=True) option does, site_description, and repo_url
    when it is a web address (anything else would make every report link a dead one)."""
    description = str(config.get("site_description") or "")
    repo = config.get("repo_url")
    repo = repo.strip().rstrip("/") if isinstance(repo, str) and urlsplit(repo.strip()).scheme in ("http", "https") else None
    url = config.get("site_url")
    if not isinstance(url, str) or not url:
        return SiteAddress(url=None, description=description, repo=repo)
    parts = urlsplit(url)
    if not parts.path.endswith("/"):
        url = urlunsplit(parts._replace(path=parts.path + "/"))
    return SiteAddress(url=url, description=description, repo=repo)


def social_image_url(lang: i18n.Lang, url: str | None, root: str, image: str) -> str:
    """og:image of a page: absolute from site_url when it is set (link previews need absolute
    URLs), else relative through `root`, the path from the page to the root of the whole site."""
    if not url:
        return f"{root}/{image}"
    site_root = url if url.endswith("/") else url + "/"
    if lang == "en" and site_root.endswith("/en/"):
        # a site_url naming the English build's folder still has the images at the whole site's root
        site_root = site_root[: -len("en/")]
    return site_root + image


def not_found_values(lang: i18n.Lang, site: SiteAddress) -> dict[str, Any]:
    """What the theme prints on the 404 page, which has no Markdown page and so no front matter.

    `page` has the shape of a page's `mb` front matter (pages.theme_values), with absolute URLs
    from the site root's path: a host serves the page at any URL. `vi` and `en` are its words
    and home links: the one 404 page of the site speaks both languages.
    """
    base = site.path
    other: i18n.Lang = "en" if lang == "vi" else "vi"
    root = base.rstrip("/")
    homes = {"vi": base, "en": base + "en/"}
    return {
        "page": {
            "root": root,
            # what mkdocs' url filter makes of a relative path on this page: joined to base_url
            "home": posixpath.join(base, "."),
            "script": posixpath.join(base, "assets/minhbach.js"),
            "image": social_image_url(lang, site.url, root, f"social/default.{lang}.png"),
            "title": str(escape(i18n.SITE_NAME[lang])),
            "html_title": str(escape(i18n.SITE_NAME[lang])),
            "description": str(escape(site.description)),
            "alternate": homes[other],
            "alternate_lang": other,
            "canonical": "",  # served at whatever URL was missed: no address of its own
        },
        **{code: {"title": i18n.t("not_found.title", code), "text": i18n.t("not_found.text", code),
                  "home": i18n.t("not_found.home", code), "href": homes[code]} for code in i18n.LANGS},
    }


SEARCH_STRINGS = ("label", "placeholder", "open", "close", "results", "none", "one", "other", "more", "loading", "error", "hint", "section")


def theme_extra(lang: i18n.Lang, site: SiteAddress) -> dict[str, Any]:
    """`extra.mb`: what the theme overrides print that is the same on every page of a language."""
    from site_builder.publish.search import SEARCH_OPTIONS  # here: search imports this module (html_path)

    other: i18n.Lang = "en" if lang == "vi" else "vi"
    return {
        "locale": i18n.OG_LOCALE[lang],
        "locale_alternate": i18n.OG_LOCALE[other],
        "made_with": i18n.t("made_with", lang),
        # the words of the header search, and what it needs of the index (an attribute's value)
        "search": {key: i18n.t(f"search.{key}", lang) for key in SEARCH_STRINGS} | {"index": str(escape(json.dumps(SEARCH_OPTIONS)))},
        "marks": {"more": i18n.t("mark.more", lang)},  # the words of a mark's popup (minhbach.js setupMarks)
        "scrolls": i18n.t("table.scrolls", lang),  # said above a table wider than its box (minhbach.js showScrolling)
        "other_language": i18n.t("other_language", lang),  # the language switch's name
        "not_found": not_found_values(lang, site),
    }


def mkdocs_config(root: Path, config: dict[str, Any], lang: i18n.Lang, docs: Path, site: Path) -> dict[str, Any]:
    """The base mkdocs.yml plus what differs per language, and the theme's values (`extra.mb`).

    The English build's site_url names its folder (en/), so that what mkdocs makes of it (each
    page's canonical URL, the sitemap) names the English pages. No `extra.alternate`: Material
    would link each page to the other language's home with <link rel="alternate">, which search
    engines read as the page's translation, and its script fetches a sitemap.xml beside every
    such link; the header's switch (partials/alternate.html) links the page's own twin.
    """
    # `config` is mkdocs.yml as validation read it (corpus.settings.mkdocs(), a copy this changes)
    # repo_url names where visitors report errors (publish.report_error). The theme would also put
    # a repository button in the header, which asks GitHub's API from every visitor's browser: the
    # site does not hand it over.
    config.pop("repo_url", None)
    address = site_address(config)
    if lang == "en" and address.url:
        config["site_url"] = address.url + "en/"
    config["site_name"] = i18n.SITE_NAME[lang]
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["theme"]["language"] = lang
    config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
    for scheme in config["theme"].get("palette") or []:  # the light/dark switch speaks the page's language
        if isinstance(scheme, dict) and "toggle" in scheme:
            scheme["toggle"]["name"] = i18n.t(f"palette.{scheme.get('scheme', 'default')}", lang)
    config["nav"] = [{i18n.t(key, lang): path} for key, path in NAV_PAGES]
    config["not_in_nav"] = "\n".join(["/units/*.md", "/reports/*.md", "/indicators/*.md"])
    config.setdefault("extra", {})["mb"] = theme_extra(lang, address)
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
