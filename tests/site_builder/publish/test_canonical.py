"""A page's own address (issue 19): with site_url set, each page names itself absolutely (the
canonical link, og:url) and the sitemaps pair it with its twin (hreflang); without site_url,
nothing claims an address it cannot know. No page links its twin with <link rel="alternate">:
Material's script would fetch a sitemap.xml beside it, a 404 on every page."""
from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import SITE_URL

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every page of both languages (the 404 page aside) by its folder from the site root ('', 'en/units/x/')."""
    return {p.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if p.parent != site else ""): BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")
            for p in site.rglob("index.html") if "pagefind" not in p.parts}


def twin(folder: str) -> str:
    return folder.removeprefix("en/") if folder.startswith("en/") else "en/" + folder


def test_with_a_site_url_each_page_names_its_own_absolute_address(addressed_site: Path) -> None:
    found = pages(addressed_site)
    assert "" in found and "en/" in found and "units/huyen-b/" in found and "en/units/huyen-b/" in found
    for folder, page in found.items():
        canonical = [link["href"] for link in page.select('link[rel="canonical"]')]
        assert canonical == [SITE_URL + folder], folder  # one, and the page's own: English pages under en/
        assert page.select_one('meta[property="og:url"]')["content"] == SITE_URL + folder, folder
        assert page.select('link[rel="alternate"]') == [], folder
    not_found = BeautifulSoup((addressed_site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert not not_found.select('link[rel="canonical"], meta[property="og:url"]')  # served at any address: none of its own


def test_with_a_site_url_the_sitemaps_pair_each_page_with_its_twin(addressed_site: Path) -> None:
    found = pages(addressed_site)
    for lang, folder in (("vi", addressed_site), ("en", addressed_site / "en")):
        xml = (folder / "sitemap.xml").read_bytes()
        assert gzip.decompress((folder / "sitemap.xml.gz").read_bytes()) == xml
        listed = {}
        for url in ET.fromstring(xml).iter(SITEMAP + "url"):
            links = {link.get("hreflang"): link.get("href") for link in url.iter(XHTML + "link") if link.get("rel") == "alternate"}
            listed[url.findtext(SITEMAP + "loc")] = links
        own = sorted(f for f in found if f.startswith("en/") == (lang == "en"))
        assert sorted(listed) == [SITE_URL + f for f in own]  # this language's pages, each once
        for f in own:
            vi, en = (f, twin(f)) if lang == "vi" else (twin(f), f)
            assert listed[SITE_URL + f] == {"vi": SITE_URL + vi, "en": SITE_URL + en, "x-default": SITE_URL + vi}, f


def test_without_a_site_url_no_page_claims_an_address(shipped_site: Path) -> None:
    found = pages(shipped_site)
    assert len(found) > 200
    for folder, page in found.items():
        assert not page.select('link[rel="canonical"], link[rel="alternate"], meta[property="og:url"]'), folder
    assert b"<url>" not in (shipped_site / "sitemap.xml").read_bytes()
