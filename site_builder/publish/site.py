"""Putting the site together: the two language builds and the shared files in one tree, swapped in whole.

A failed or killed build never leaves a half-built site: everything is assembled in a staging
folder beside site/ and moved into place in two renames, and a build killed between those two
renames gets its site back at the next run.
"""
from __future__ import annotations

import gzip
import shutil
import subprocess
import time
from html import escape
from pathlib import Path

from site_builder.files import link_or_copy
from site_builder.publish import i18n
from site_builder.publish.lang import page_url, site_path


def unshare(site: Path, rels: list[str]) -> None:
    """Remove these files from a language build, so that mkdocs writes new files, not into the published ones."""
    for rel in rels:
        path = site / rel
        if path.is_file():
            path.unlink()


def assemble(vi_site: Path, en_site: Path, extras: Path, staging: Path, site_url: str | None = None, pages: list[str] | None = None,
             later: tuple[str, ...] = ()) -> None:
    """Put the two language builds and the shared files (charts, downloads) into one tree; with
    the site's address (`site_url`, ending in /), its sitemaps name the twin of each of `pages`
    (Markdown paths, the same in both languages: write_sitemaps). The extras named in `later`
    are still being made: link_extras puts them in."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(vi_site, staging, copy_function=link_or_copy)
    # One 404 page serves every missed URL: the Vietnamese build's, which speaks both languages
    # (templates/overrides/404.html). The English build's copy, one folder down, could only
    # point at the wrong root.
    shutil.copytree(en_site, staging / "en", ignore=lambda folder, names: ["404.html"] if Path(folder) == en_site else [],
                    copy_function=link_or_copy)
    link_extras(extras, staging, tuple(sorted(item.name for item in extras.iterdir() if item.name not in later)))
    if site_url and pages:
        write_sitemaps(staging, site_url, pages)


def link_extras(extras: Path, staging: Path, names: tuple[str, ...]) -> None:
    """The folders `names` of extras/ into the staged site, hard-linked."""
    for name in names:
        if (extras / name).is_dir():
            shutil.copytree(extras / name, staging / name, dirs_exist_ok=True, copy_function=link_or_copy)


def write_sitemaps(staging: Path, site_url: str, pages: list[str]) -> None:
    """Each language's sitemap.xml (and .gz), where mkdocs wrote it, listing that language's pages,
    each with both languages' addresses as hreflang alternates (x-default: the Vietnamese).

    Search engines pair a page with its translation from these: a page's own
    <link rel="alternate" hreflang> would make Material's script fetch a sitemap.xml beside the
    linked page (templates/overrides/main.html). The files replace mkdocs', which are hard links
    into its build: unlinked first, never written into.
    """
    urls = {lang: [site_url + site_path(lang, page_url(page)) for page in sorted(pages)] for lang in i18n.LANGS}
    folders: dict[i18n.Lang, Path] = {"vi": staging, "en": staging / "en"}
    for lang, folder in folders.items():
        entries = []
        for i, loc in enumerate(urls[lang]):
            twins = [(code, urls[code][i]) for code in i18n.LANGS] + [("x-default", urls["vi"][i])]
            links = "".join(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(url)}"/>' for code, url in twins)
            entries.append(f"<url><loc>{escape(loc)}</loc>{links}</url>")
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n").encode("utf-8")
        for name, data in (("sitemap.xml", xml), ("sitemap.xml.gz", gzip.compress(xml, mtime=0))):  # mtime 0: the same bytes each build
            (folder / name).unlink(missing_ok=True)
            (folder / name).write_bytes(data)


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
    """Replace site/ with the staging tree in two renames: visitors never see a half-built site.

    The previous site is then renamed aside and deleted by a process of its own: at national
    scale it is 165,000 files, whose deletion took 20 s of a rebuild that changed a handful."""
    old = site.with_name(site.name + ".old")
    recover(site)
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        discard(old)


def discard(folder: Path) -> None:
    """Rename `folder` out of the way (.<name>.trash-<time>) and delete it in the background; where
    no `rm` can be started, here and now."""
    trash = folder.with_name(f".{folder.name}.trash-{time.time_ns()}")
    folder.rename(trash)
    try:
        subprocess.Popen(["rm", "-rf", "--", str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(trash, ignore_errors=True)
