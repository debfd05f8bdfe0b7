"""The datasets pages' data: descriptor texts and field descriptions in both languages, no empty
CSV offered, and a package of thousands of CSVs listed in part."""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate
from site_builder.publish import data_pages
from site_builder.publish.data_pages import package_view

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    found, _ = validate(ROOT)
    assert found is not None
    return found


def test_titles_descriptions_and_fields_come_in_each_language(corpus: Corpus) -> None:
    schema = YAML(typ="safe").load((ROOT / "datapackages/cchc-figures/figures.schema.yaml").read_text(encoding="utf-8"))
    view = package_view("cchc-figures", corpus.packages["cchc-figures"])
    desc = corpus.packages["cchc-figures"].descriptor
    assert (view.title_vi, view.title_en) == (desc["title_vi"], desc["title"])
    assert [(f.name, f.description_vi, f.description_en) for f in view.fields] == \
        [(f["name"], " ".join(f["description_vi"].split()), " ".join(f["description"].split())) for f in schema["fields"]]
    assert corpus.packages["cchc-figures"].label("title") == f"{desc['title_vi']} / {desc['title']}"  # the downloads name both


def test_an_empty_csv_is_not_offered(corpus: Corpus) -> None:
    package = corpus.packages["cchc-figures"]
    empty = [r.rel_path for r in package.resources if r.row_count == 0]
    assert empty, "the shipped package has a report without figures yet"
    view = package_view("cchc-figures", package)
    assert not set(empty) & {r.rel_path for r in view.resources}
    assert len(view.resources) == len(package.resources) - len(empty) and view.more_resources == 0
    assert view.rows == sum(r.row_count for r in package.resources)


def test_a_package_of_many_csvs_lists_the_first_and_counts_the_rest(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_pages, "RESOURCES_LISTED", 2)
    package = corpus.packages["cchc-figures"]
    view = package_view("cchc-figures", package)
    with_rows = [r for r in package.resources if r.row_count]
    assert view.resources == tuple(with_rows[:2]) and view.more_resources == len(with_rows) - 2
