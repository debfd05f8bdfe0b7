"""Press articles and web pages as sources: addresses a link may carry, and what a web source must say."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from site_builder.content.corpus import Corpus
from site_builder.compute.derive import Computed
from site_builder.content.model import WEB_SOURCES, DocumentType, web_address_problem
from site_builder.content.web_sources import check_web_sources
from site_builder.content.validate import validate
from site_builder.content.yamlio import Located, parse_yaml
from tests.site_builder.article_project import ARTICLE_ID, ARTICLE_TEXT


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>x</script>", "vbscript:msgbox", "ftp://example.org/a",
    "//example.org/a", "example.org/a", "https://", "https:/example.org", "https://localhost/a", "https://exa mple.org/a",
    'https://example.org/"onmouseover="x', "https://[::1/a",
])
def test_only_whole_http_addresses_are_accepted(address: str) -> None:
    assert web_address_problem(address) is not None


@pytest.mark.parametrize("address", ["https://baobinhphuoc.com.vn/news/4/123.html", "http://example.gov.vn/a?b=1&c=2#d",
                                     "https://xn--bnh-phc-wya.vn/tin-tuc"])
def test_addresses_as_browsers_show_them_are_accepted(address: str) -> None:
    assert web_address_problem(address) is None


def test_the_new_types_are_the_web_sources() -> None:
    assert WEB_SOURCES == {DocumentType.bai_bao, DocumentType.trang_web}


def test_a_press_article_checks_like_any_source(article: tuple[Corpus, Computed]) -> None:
    """Its quotes are found in its text (the usual check, unchanged), its figures reach the corpus."""
    corpus, _ = article
    rep = corpus.reports[ARTICLE_ID]
    assert rep.document_type is DocumentType.bai_bao and not rep.source.ocr
    assert corpus.sources[ARTICLE_ID] == ARTICLE_TEXT
    figures = [f for f in corpus.figures if f.report == ARTICLE_ID]
    assert len(figures) == 4 and all(f.quote in ARTICLE_TEXT for f in figures)


def test_a_misquoted_article_fails_the_quote_check(article_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    shutil.copytree(article_root, root)
    csv = root / f"datapackages/figures/data/{ARTICLE_ID}.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("tiếp nhận 1.284 hồ sơ", "tiếp nhận 1.248 hồ sơ"), encoding="utf-8")
    _, findings = validate(root)
    assert [p.code for p in findings.errors] == ["quote-not-in-source"]


def test_the_day_read_may_be_tomorrow_not_later(article: tuple[Corpus, Computed], article_root: Path) -> None:
    """A day of slack: Việt Nam is ahead of the UTC clock of a CI runner."""
    corpus, _ = article
    located = {("reports", ARTICLE_ID): _located(article_root)}
    reports = {ARTICLE_ID: corpus.reports[ARTICLE_ID]}
    read = corpus.reports[ARTICLE_ID].retrieved
    assert read is not None
    assert check_web_sources(reports, located, today=read - dt.timedelta(days=1)) == []
    late = check_web_sources(reports, located, today=read - dt.timedelta(days=2))
    assert [(p.code, p.field) for p in late] == [("web-source", "retrieved")]


def _located(root: Path) -> Located:
    path = f"content/reports/{ARTICLE_ID}.yaml"
    doc, problems = parse_yaml(path, (root / path).read_text(encoding="utf-8"))
    assert doc is not None and not problems
    return doc


def test_every_missing_part_of_a_web_citation_is_named(article: tuple[Corpus, Computed], article_root: Path) -> None:
    corpus, _ = article
    bare = corpus.reports[ARTICLE_ID].model_copy(update={"publisher": None, "url": None, "retrieved": None, "author": None})
    found = check_web_sources({ARTICLE_ID: bare}, {("reports", ARTICLE_ID): _located(article_root)}, today=dt.date(2025, 3, 1))
    assert sorted(p.field for p in found) == ["publisher", "retrieved", "url"]  # the author is optional
    assert {(p.line, p.column) for p in found} == {(4, 16)}  # on document_type, which asks for them
    official = bare.model_copy(update={"document_type": DocumentType.bao_cao})
    assert check_web_sources({ARTICLE_ID: official}, {("reports", ARTICLE_ID): _located(article_root)}, today=dt.date(2025, 3, 1)) == []
