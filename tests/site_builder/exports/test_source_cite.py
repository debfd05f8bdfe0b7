"""A press article cited as one: the CSL-JSON, biblatex and text of its citation, and the
downloads and API that carry its publisher, address and the day it was read."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from site_builder.compute import changelog
from site_builder.compute.derive import Computed
from site_builder.compute.tables import lookup_table
from site_builder.content.corpus import Corpus
from site_builder.content.model import DocumentType, HeaderField
from site_builder.exports.api import SCHEMAS, responses
from site_builder.exports.downloads import write_downloads
from site_builder.exports.source_cite import KIND_LABEL, cite_source
from site_builder.publish import i18n
from tests.site_builder.article_project import ARTICLE_ID, ARTICLE_URL, AUTHOR, PUBLISHER


@pytest.fixture(scope="module")
def cited(article: tuple[Corpus, Computed]) -> dict[str, object]:
    corpus, _ = article
    rep = corpus.reports[ARTICLE_ID]
    c = cite_source(rep, corpus.units[rep.issuer])
    return {"text": c.text, "bibtex": c.bibtex, "csl": c.csl}


def test_csl_json_names_a_newspaper_article_with_its_container_address_and_day_read(cited: dict[str, object]) -> None:
    csl = cited["csl"]
    assert isinstance(csl, dict)
    assert csl["type"] == "article-newspaper"
    assert csl["container-title"] == PUBLISHER and csl["author"] == [{"literal": AUTHOR}]
    assert csl["URL"] == ARTICLE_URL
    assert csl["issued"] == {"date-parts": [[2025, 1, 13]]} and csl["accessed"] == {"date-parts": [[2025, 2, 3]]}
    assert "publisher" not in csl and "number" not in csl  # the newspaper is the container; an article has no number


def test_biblatex_is_a_newspaper_article(cited: dict[str, object]) -> None:
    bib = str(cited["bibtex"])
    assert bib.startswith("@article{bao_tinh_a_2025_suoi_may,")
    fields = dict(line.strip().rstrip(",").split(" = ", 1) for line in bib.splitlines()[1:-1])
    fields = {k.strip(): v for k, v in fields.items()}
    assert fields["entrysubtype"] == "{newspaper}" and fields["journaltitle"] == "{" + PUBLISHER + "}"
    assert fields["url"] == "{" + ARTICLE_URL + "}" and fields["urldate"] == "{2025-02-03}" and fields["date"] == "{2025-01-13}"
    assert bib.count("{") == bib.count("}")


def test_the_text_gives_author_date_title_publisher_and_where_and_when_read(cited: dict[str, object]) -> None:
    text = cited["text"]
    assert isinstance(text, dict)
    assert text["vi"] == (f"{AUTHOR} (13/01/2025). Xã Suối Mây: một cửa gần dân hơn. {PUBLISHER}. "
                          f"Truy cập ngày 03/02/2025 tại {ARTICLE_URL}")
    assert text["en"].startswith(f"{AUTHOR} (13 January 2025). Xã Suối Mây: một cửa gần dân hơn [Suối Mây commune: ")
    assert text["en"].endswith(f"{PUBLISHER}. Retrieved 3 February 2025, from {ARTICLE_URL}")


def test_a_web_page_and_an_official_document_take_their_own_types(article: tuple[Corpus, Computed]) -> None:
    corpus, _ = article
    rep = corpus.reports[ARTICLE_ID]
    page = cite_source(rep.model_copy(update={"document_type": DocumentType.trang_web, "author": None}), corpus.units[rep.issuer])
    assert page.csl["type"] == "webpage" and "author" not in page.csl and page.csl["container-title"] == PUBLISHER
    assert page.bibtex.startswith("@online{") and "organization" in page.bibtex
    assert page.text["vi"].startswith("Xã Suối Mây: một cửa gần dân hơn (13/01/2025). ")  # no author: the title leads
    official = corpus.reports["bc-2021"]
    doc = cite_source(official, corpus.units[official.issuer])
    assert doc.csl["type"] == "report" and doc.csl["author"] == [{"literal": "Huyện B"}] and doc.csl["number"] == "12/BC-UBND"
    assert "URL" not in doc.csl and "accessed" not in doc.csl and doc.bibtex.startswith("@report{")
    assert doc.text["en"] == "B district (20 December 2021). Báo cáo kết quả CCHC năm 2021 [Administrative reform results 2021] (12/BC-UBND) [Report]."


def test_the_citations_words_for_each_kind_are_the_sites(article: tuple[Corpus, Computed]) -> None:
    for kind, (vi, en) in KIND_LABEL.items():
        assert (i18n.t("dt." + kind.value, "vi"), i18n.t("dt." + kind.value, "en")) == (vi, en)
    assert set(KIND_LABEL) == set(DocumentType)


def test_the_reports_table_carries_publisher_author_address_and_day_read(article: tuple[Corpus, Computed]) -> None:
    corpus, _ = article
    table = lookup_table(corpus, "reports")
    rows = {r[0]: dict(zip(table.names, r)) for r in table.rows}
    assert (rows[ARTICLE_ID]["document_type"], rows[ARTICLE_ID]["publisher"], rows[ARTICLE_ID]["author"]) == ("bai_bao", PUBLISHER, AUTHOR)
    assert (rows[ARTICLE_ID]["url"], rows[ARTICLE_ID]["retrieved"]) == (ARTICLE_URL, "2025-02-03")
    assert (rows["bc-2021"]["publisher"], rows["bc-2021"]["url"], rows["bc-2021"]["retrieved"]) == ("", "", "")


def test_downloads_and_api_carry_them_and_validate(article: tuple[Corpus, Computed], tmp_path: Path) -> None:
    corpus, computed = article
    out = tmp_path / "downloads"
    write_downloads(corpus, computed, changelog.history(corpus), out)
    with (out / "datasets/figures/reports.csv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == ARTICLE_ID)
    assert (row["publisher"], row["url"], row["retrieved"]) == (PUBLISHER, ARTICLE_URL, "2025-02-03")
    descriptor = json.loads((out / "datasets/figures/datapackage.json").read_text(encoding="utf-8"))
    assert any(s["title"].startswith(f"{PUBLISHER} — Xã Suối Mây") for s in descriptor["sources"])
    docs = responses(corpus, computed)
    for schema, doc in docs.values():
        jsonschema.Draft202012Validator(SCHEMAS[schema], format_checker=jsonschema.FormatChecker()).validate(doc)
    report = docs[f"reports/{ARTICLE_ID}.json"][1]["report"]
    assert (report["publisher"], report["author"], report["url"], report["retrieved"]) == (PUBLISHER, AUTHOR, ARTICLE_URL, "2025-02-03")
    assert report["citation"]["csl"]["type"] == "article-newspaper" and report["citation"]["bibtex"].startswith("@article{")
    listed = next(r for r in docs["reports.json"][1]["reports"] if r["id"] == ARTICLE_ID)
    assert listed["url"] == ARTICLE_URL


def test_an_uncertain_number_or_date_is_cited_as_uncertain(article: tuple[Corpus, Computed]) -> None:
    corpus, _ = article
    rep = corpus.reports["bc-2021"].model_copy(update={"uncertain": [HeaderField.number, HeaderField.date]})
    doc = cite_source(rep, corpus.units[rep.issuer])
    assert "(20/12/2021, chưa chắc chắn)" in doc.text["vi"] and "(12/BC-UBND, chưa chắc chắn)" in doc.text["vi"]
    assert "(20 December 2021, uncertain)" in doc.text["en"] and "(12/BC-UBND, uncertain)" in doc.text["en"]
    assert doc.csl["note"] == "Uncertain (read from a damaged copy): number, date" and "number, date}" in doc.bibtex
    plain = cite_source(corpus.reports["bc-2021"], corpus.units[rep.issuer])
    assert "uncertain" not in plain.text["en"] and "note" not in plain.csl
