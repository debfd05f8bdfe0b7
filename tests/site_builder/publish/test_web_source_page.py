"""A press article's report page, in both languages: who published it, a safe link to where it
was read and the day, in each locale's words and dates; its citation; an official document's page
says none of it."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from site_builder.compute.changelog import history
from site_builder.compute.derive import Computed, compute
from site_builder.content.corpus import Corpus
from site_builder.publish import i18n
from site_builder.publish.pages import render_site
from tests.site_builder.article_project import ARTICLE_ID, ARTICLE_URL, AUTHOR, PUBLISHER
from tests.site_builder.publish.test_ranking_page import TEMPLATES

PAGE = f"reports/{ARTICLE_ID}.md"
RETRIEVED = {"vi": "03/02/2025", "en": "3 February 2025"}
PUBLISHED = {"vi": "13/01/2025", "en": "13 January 2025"}


@pytest.fixture(scope="module")
def pages(article: tuple[Corpus, Computed]) -> dict[str, dict[str, str]]:
    corpus, computed = article
    return {lang: render_site(corpus, computed, history(corpus), lang, TEMPLATES) for lang in ("vi", "en")}


def header(page: str) -> dict[str, BeautifulSoup]:
    """The document's header list: each <dd> by the text of its <dt>."""
    dl = BeautifulSoup(page, "html.parser").find("dl", class_="mb-docmeta")
    assert dl is not None
    return {div.dt.get_text(strip=True): div.dd for div in dl.find_all("div")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_header_names_publisher_author_link_and_day_read(pages: dict[str, dict[str, str]], lang: str) -> None:
    fields = header(pages[lang][PAGE])
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    assert fields[t("document_type")].get_text(strip=True) == t("dt.bai_bao")
    assert fields[t("publisher")].get_text(strip=True) == PUBLISHER
    assert fields[t("author")].get_text(strip=True) == AUTHOR
    assert fields[t("date_published")].get_text(strip=True) == PUBLISHED[lang]
    assert fields[t("retrieved")].get_text(strip=True) == RETRIEVED[lang]
    link = fields[t("web_address")].a
    assert link["href"] == ARTICLE_URL and link.get_text() == ARTICLE_URL
    assert {"noopener", "noreferrer", "nofollow"} <= set(link["rel"])
    assert "&amp=1" not in pages[lang][PAGE] and "&amp;amp=1" in pages[lang][PAGE]  # the & of the address escaped, never raw
    # an article has no number and is issued by no unit: neither is said
    assert t("number") not in fields and t("issuer") not in fields and t("date") not in fields


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_official_document_says_nothing_of_the_web(pages: dict[str, dict[str, str]], lang: str) -> None:
    fields = header(pages[lang]["reports/bc-2021.md"])
    assert {i18n.t(k, lang) for k in ("number", "date", "issuer")} <= set(fields)
    assert not {i18n.t(k, lang) for k in ("publisher", "author", "web_address", "retrieved", "date_published")} & set(fields)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_says_how_to_cite_the_article(pages: dict[str, dict[str, str]], lang: str) -> None:
    page = pages[lang][PAGE]
    assert re.search(rf"^## {re.escape(i18n.t('cite_source', lang))}$", page, re.M)
    soup = BeautifulSoup(page, "html.parser")
    text = soup.find("blockquote", class_="mb-cite").get_text()
    assert PUBLISHER in text and ARTICLE_URL in text and RETRIEVED[lang] in text
    codes = [c.get_text() for c in soup.select("details.mb-bibtex pre code")]
    assert codes[0].startswith("@article{") and json.loads(codes[1])[0]["type"] == "article-newspaper"  # the JSON as shown parses


def test_text_from_yaml_is_escaped_in_the_header(article: tuple[Corpus, Computed]) -> None:
    corpus, _ = article
    rep = corpus.reports[ARTICLE_ID]
    odd = rep.model_copy(update={"publisher": "Báo <b>A</b> & B", "author": "<script>x</script>"})
    bad = dataclasses.replace(corpus, reports={**corpus.reports, ARTICLE_ID: odd})
    page = render_site(bad, compute(bad), history(bad), "vi", TEMPLATES)[PAGE]
    assert "<b>A</b>" not in page and "<script>x" not in page
    assert str(escape("Báo <b>A</b> & B")) in page
