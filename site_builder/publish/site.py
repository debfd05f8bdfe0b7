"""Putting the site together: the two language builds and the shared files in one tree, swapped in whole.

A failed or killed build never leaves a half-built site: everything is assembled in a staging
folder beside site/ and moved into place in two renames, and a build killed between those two
renames gets its site back at the next run.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.files import link_or_copy


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
