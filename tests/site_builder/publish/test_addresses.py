"""Every address stays: each page and download the site published before issue 18 reshaped its
pages still resolves in the shipped site, or redirects to a page that does.

addresses-before-18.txt was listed from the site built at the commit it names (every file
under site/ but the theme's assets and the search index, a folder's index.html as the folder).
Journalists cite these addresses, and search engines and chat apps keep them: a new layout
adds addresses, never takes one away.
"""
from __future__ import annotations

import re
from pathlib import Path

LIST = Path(__file__).with_name("addresses-before-18.txt")
REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.I)


def published() -> list[str]:
    return [line for line in LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def resolve(site: Path, address: str) -> Path | None:
    """The file a static host serves for `address`, following a refresh redirect once."""
    path = site / address
    target = path / "index.html" if address in ("", ".") or address.endswith("/") else path
    if not target.is_file():
        return None
    if target.suffix == ".html" and (m := REFRESH.search(target.read_text(encoding="utf-8", errors="replace")[:2000])):
        followed = (target.parent / m.group(1).split("#")[0]).resolve()
        followed = followed / "index.html" if followed.is_dir() else followed
        return followed if followed.is_file() else None
    return target


def test_the_list_covers_pages_and_downloads_of_both_languages() -> None:
    addresses = published()
    assert len(addresses) > 700
    for expected in ("./", "en/", "units/tuy-phong/", "en/reports/dak-nong-vp-ubnd-2021-q3/", "downloads/units/dak-nong.csv",
                     "downloads/minh-bach-data.zip", "api/units/loc-ninh.json"):
        assert expected in addresses


def test_every_address_published_before_still_resolves(shipped_site: Path) -> None:
    gone = [a for a in published() if resolve(shipped_site, a.removeprefix("./")) is None]
    assert gone == [], f"{len(gone)} published address(es) no longer resolve: {gone[:20]}"
