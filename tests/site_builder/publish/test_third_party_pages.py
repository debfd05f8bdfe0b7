"""A third-party package's pages: in both languages, its own words marked where untranslated, its
licence and fields, and nothing said of its rows that only the project's own rows can claim."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.compute.changelog import history
from site_builder.publish import i18n
from site_builder.publish.pages import render_site
from tests.site_builder.publish.test_ranking_page import TEMPLATES


@pytest.fixture(scope="module")
def pages(third_party: tuple[Corpus, Computed]) -> dict[str, dict[str, str]]:
    corpus, computed = third_party
    return {lang: render_site(corpus, computed, history(corpus), lang, TEMPLATES) for lang in ("vi", "en")}


def test_an_english_only_title_is_marked_untranslated_on_the_vietnamese_page(pages: dict[str, dict[str, str]]) -> None:
    vi, en = pages["vi"]["datasets/offices.md"], pages["en"]["datasets/offices.md"]
    mark = re.escape(i18n.t("mark.untranslated", "vi"))
    assert re.search(r"^# One\\-stop offices of a province.*" + mark, vi, re.M), vi[:900]
    assert re.search(r"^# One\\-stop offices of a province\s*$", en, re.M)
    assert re.search(r"^# Thời gian chờ tại quầy\s*$", pages["vi"]["datasets/waits.md"], re.M)
    assert re.search(r"^# Waiting times at the counter\s*$", pages["en"]["datasets/waits.md"], re.M)


def test_the_page_names_the_packages_licence_contributors_and_every_tables_fields(pages: dict[str, dict[str, str]]) -> None:
    page = pages["en"]["datasets/offices.md"]
    assert 'href="https://opendatacommons.org/licenses/by/1-0/" rel="license">Open Data Commons Attribution License 1.0</a>' in page
    assert "Lê Văn Tâm, Open Offices Project" in page and "Provincial gazetteer 2020" in page
    for field in ("<code>town</code>", "<code>people</code>", "<code>office</code>", "<code>opened</code>"):
        assert field in page, field
    assert "CC BY 4.0" not in page.split("## ")[1]  # the facts table: their licence, not the project's
    tallies = pages["vi"]["datasets/tallies.md"]
    assert i18n.t("licence_not_stated", "vi") in tallies and i18n.t("not_stated", "vi") in tallies


def test_provenance_is_claimed_only_for_rows_that_have_it(pages: dict[str, dict[str, str]]) -> None:
    for lang in ("vi", "en"):
        own, other = pages[lang]["datasets/figures.md"], pages[lang]["datasets/offices.md"]
        assert i18n.t("dataset.provenance_rows", lang) in own and i18n.t("dataset.provenance_rows", lang) not in other
        assert str(escape(i18n.t("dataset.provenance_other", lang))) in other
        index = pages[lang]["datasets/index.md"]
        assert i18n.t("datasets.lead_mixed_html", lang).split("<")[0] in index
