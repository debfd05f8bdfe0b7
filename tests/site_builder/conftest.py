"""Fixtures shared by the tests of site_builder's packages."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from site_builder.compute.derive import Computed, compute
from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate
from tests.conftest import write_files

HEADER = "id,report,unit,indicator,period,period_start,period_end,breakdown,value,qualifier,status,locator,quote,flag,note_vi,note_en\n"


def _unit(uid: str, level: str, parent: str, name: str, extra: str = "") -> str:
    return f"id: {uid}\nlevel: {level}\nparent: {parent}\nname:\n  vi: {name}\n  en: {name}\n{extra}"


def _row(n: int, unit: str, indicator: str, period: str, value: str, qualifier: str = "", report: str = "bc-xa") -> str:
    start, end = {"2021": ("2021-01-01", "2021-12-31"), "2020": ("2020-01-01", "2020-12-31"),
                  "2021-Q3": ("2021-07-01", "2021-09-30")}[period]
    return f"{report}-{n:03d},{report},{unit},{indicator},{period},{start},{end},,{value},{qualifier},reported,Phụ lục 1,dòng {n},,,\n"


# The figures package of the commune fixtures: the minimal project's report and the communes' one.
FIGURES_WITH_COMMUNES = """\
    name: figures
    title: Figures
    licenses:
      - name: CC-BY-4.0
        path: https://creativecommons.org/licenses/by/4.0/
    resources:
      - name: bc-2021
        path: data/bc-2021.csv
        schema: figures.schema.yaml
      - name: bc-xa
        path: data/bc-xa.csv
        schema: figures.schema.yaml
    """


PROVINCE = {
    "content/units/huyen-c.yaml": _unit("huyen-c", "district", "tinh-a", "Huyện C"),
    "content/units/xa-1.yaml": _unit("xa-1", "commune", "huyen-b", "Xã Một"),
    "content/units/xa-2.yaml": _unit("xa-2", "commune", "huyen-b", "Xã Hai"),
    "content/units/xa-3.yaml": _unit("xa-3", "commune", "huyen-c", "Xã Ba"),
    "content/units/xa-4.yaml": _unit("xa-4", "commune", "huyen-c", "Xã Bốn"),
    "content/units/vp-a.yaml": _unit("vp-a", "office", "tinh-a", "Văn phòng A"),
    "content/units/tinh-a.yaml": "id: tinh-a\nlevel: province\nname:\n  vi: Tỉnh A\n  en: A province\n",
    "content/units/tinh-cu.yaml": "id: tinh-cu\nlevel: province\nname:\n  vi: Tỉnh Cũ\n  en: Old province\n"
                                  "reorganisation_2025:\n  status: merged\n  successor: tinh-a\n",
    "content/indicators/dossiers-pending.yaml": "id: dossiers-pending\nname:\n  vi: Hồ sơ tồn\n  en: Pending\ndefinition:\n  vi: Tồn.\n  en: Pending.\n"
                                                "unit: count\nfield: procedures\ntopic: dossiers\n",
    "content/reports/bc-xa.yaml": """\
        id: bc-xa
        unit: tinh-a
        issuer: vp-a
        document_type: bao_cao
        number: 5/BC-VP
        date: 2022-01-10
        period: {kind: year, start: 2021-01-01, end: 2021-12-31, code: "2021"}
        title: {vi: Báo cáo các xã, en: Communes report}
        summary: {vi: Số liệu các xã., en: The communes' figures.}
        source: {file: bc-xa.txt, ocr: false}
        """,
    "content/sources/bc-xa.txt": "Phụ lục 1\n" + "".join(f"dòng {n}\n" for n in range(1, 12)),
    "datapackages/figures/datapackage.yaml": FIGURES_WITH_COMMUNES,
    "datapackages/figures/data/bc-xa.csv": HEADER + "".join([
        _row(1, "xa-1", "dossiers-received", "2021", "100"),
        _row(2, "xa-2", "dossiers-received", "2021", "250"),
        _row(3, "xa-3", "dossiers-received", "2021", "40", "approx"),
        _row(4, "xa-1", "dossiers-received", "2020", "80"),
        _row(5, "xa-1", "dossiers-received-online", "2021", "30"),
        _row(6, "xa-2", "dossiers-received-online", "2021", "50", "more_than"),
        _row(7, "xa-1", "dossiers-pending", "2021", "7"),
        _row(8, "xa-2", "dossiers-pending", "2021", "9"),
        _row(9, "vp-a", "dossiers-received", "2021", "5000"),
        _row(10, "xa-4", "dossiers-received", "2021-Q3", "12"),
        _row(11, "xa-1", "dossiers-received", "2021", "101"),  # the appendix contradicts row 1
    ]),
}


# A small province: three communes with figures for 2021 in two districts (one approximate, one
# contradicted by the appendix), a fourth with only a quarter, an office with a province-wide
# count, and an older province merged into it.
@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Any) -> tuple[Corpus, Computed]:
    root: Path = minimal_factory(tmp_path_factory.mktemp("province") / "proj")
    write_files(root, PROVINCE)
    corpus, findings = validate(root)
    assert corpus is not None, [str(p) for p in findings.errors]
    return corpus, compute(corpus)


DATES = {"2021": ("2021-01-01", "2021-12-31"), "2020": ("2020-01-01", "2020-12-31"), "2021-Q3": ("2021-07-01", "2021-09-30"),
         "../2021-09-30": ("", "2021-09-30")}

# (unit, indicator, period, value, qualifier)
RANKING_ROWS = [
    ("xa-1", "share-late", "2021", "5", ""), ("xa-2", "share-late", "2021", "3", ""), ("xa-3", "share-late", "2021", "3", "approx"),
    ("xa-4", "share-late", "2021", "8", ""), ("xa-5", "share-late", "2021", "10", "more_than"),
    ("xa-1", "share-late", "2020", "4", ""), ("xa-2", "share-late", "2020", "6", ""), ("xa-3", "share-late", "2020", "3", ""),
    ("xa-4", "share-late", "2021-Q3", "2", ""),
    ("xa-1", "share-late", "../2021-09-30", "1", ""), ("xa-2", "share-late", "../2021-09-30", "2", ""),
    ("xa-1", "survey-score", "2021", "50", ""), ("xa-2", "survey-score", "2021", "70", "estimated"),
    ("xa-1", "dossiers-received", "2021", "100", ""), ("xa-2", "dossiers-received", "2021", "300", ""),
]


def _commune(uid: str) -> str:
    return f"id: {uid}\nlevel: commune\nparent: huyen-b\nname:\n  vi: Xã {uid[-1]}\n  en: Commune {uid[-1]}\n"


def _indicator(iid: str, unit: str, better: str) -> str:
    return (f"id: {iid}\nname:\n  vi: Chỉ số {iid}\n  en: Indicator {iid}\ndefinition:\n  vi: Định nghĩa.\n  en: Definition.\n"
            f"unit: {unit}\n{better}field: procedures\ntopic: dossiers\n")


def _ranking_row(n: int, unit: str, indicator: str, period: str, value: str, qualifier: str) -> str:
    start, end = DATES[period]
    return f"bc-xa-{n:03d},bc-xa,{unit},{indicator},{period},{start},{end},,{value},{qualifier},reported,Phụ lục 1,dòng {n},,,\n"


RANKING_FILES = {
    **{f"content/units/xa-{i}.yaml": _commune(f"xa-{i}") for i in range(1, 6)},
    "content/indicators/share-late.yaml": _indicator("share-late", "percent", "higher_is_better: false\n"),
    "content/indicators/survey-score.yaml": _indicator("survey-score", "score", ""),
    "content/reports/bc-xa.yaml": """\
        id: bc-xa
        unit: huyen-b
        issuer: huyen-b
        document_type: bao_cao
        number: 5/BC-UBND
        date: 2022-01-10
        period: {kind: year, start: 2021-01-01, end: 2021-12-31, code: "2021"}
        title: {vi: Báo cáo các xã, en: Communes report}
        summary: {vi: Số liệu các xã., en: The communes' figures.}
        source: {file: bc-xa.txt, ocr: false}
        """,
    "content/sources/bc-xa.txt": "Phụ lục 1\n" + "".join(f"dòng {n}\n" for n in range(1, len(RANKING_ROWS) + 1)),
    "datapackages/figures/datapackage.yaml": FIGURES_WITH_COMMUNES,
    "datapackages/figures/data/bc-xa.csv": HEADER + "".join(_ranking_row(n, *r) for n, r in enumerate(RANKING_ROWS, 1)),
}


# Five communes of one district: a lower-is-better share with a tie, a bound, a previous year,
# a lone quarter and running totals; a score without direction; a count.
@pytest.fixture(scope="session")
def communes(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Any) -> tuple[Corpus, Computed]:
    root: Path = minimal_factory(tmp_path_factory.mktemp("rankings") / "proj")
    write_files(root, RANKING_FILES)
    corpus, findings = validate(root)
    assert corpus is not None, [str(p) for p in findings.errors]
    return corpus, compute(corpus)


# Third-party Frictionless packages, one of each shape the site publishes: written in our own words
# after the Frictionless project's example packages (github.com/frictionlessdata/examples).
THIRD_PARTY = {
    # v1, JSON, two resources with a foreign key between them, a primary key other than `id`, a dialect
    # of semicolons, single quotes and CRLF line ends, a licence and credited authors and sources
    "datapackages/offices/datapackage.json": """{
  "profile": "tabular-data-package",
  "name": "offices",
  "title": "One-stop offices of a province",
  "description": "Where the offices are and the towns they serve.",
  "version": "1.2.0",
  "licenses": [{"name": "ODC-By-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/", "title": "Open Data Commons Attribution License 1.0"}],
  "contributors": [{"title": "Lê Văn Tâm", "role": "author"}, {"title": "Open Offices Project", "role": "publisher"}],
  "sources": [{"title": "Provincial gazetteer 2020", "path": "https://example.org/gazetteer"}],
  "resources": [
    {"name": "towns", "path": "data/towns.csv", "format": "csv", "profile": "tabular-data-resource",
     "dialect": {"delimiter": ";", "quoteChar": "'", "lineTerminator": "\\r\\n"},
     "schema": {"fields": [{"name": "town", "type": "string", "constraints": {"required": true}},
                           {"name": "people", "type": "integer", "constraints": {"minimum": 0}}],
                "primaryKey": ["town"]}},
    {"name": "sites", "path": "data/sites.csv", "format": "csv", "profile": "tabular-data-resource",
     "dialect": {"delimiter": ";", "quoteChar": "'", "lineTerminator": "\\r\\n"},
     "schema": {"fields": [{"name": "office", "type": "string"}, {"name": "town", "type": "string"},
                           {"name": "opened", "type": "date", "format": "%d/%m/%Y"}],
                "primaryKey": ["office"],
                "foreignKeys": [{"fields": ["town"], "reference": {"resource": "towns", "fields": ["town"]}}]}}
  ]
}
""",
    "datapackages/offices/data/towns.csv": "town;people\r\n'Phan Rí; the old town';12000\r\nLiên Hương;\r\n",
    "datapackages/offices/data/sites.csv": "office;town;opened\r\nOS-1;'Phan Rí; the old town';01/07/2019\r\nOS-2;Liên Hương;\r\n",
    # v2, YAML, inline rows with a header, a primary key written as text, missing values as objects
    "datapackages/waits/datapackage.yaml": """\
        $schema: https://datapackage.org/profiles/2.0/datapackage.json
        name: waits
        title: Waiting times at the counter
        title_vi: Thời gian chờ tại quầy
        contributors:
          - title: Nhóm khảo sát Bình Minh
            roles: [creator]
        resources:
          - name: waits
            type: table
            data:
              - [counter, minutes]
              - [A1, 12]
              - [A2, n/a]
              - [A3, 7.5]
            schema:
              $schema: https://datapackage.org/profiles/2.0/tableschema.json
              primaryKey: counter
              missingValues:
                - {value: n/a, label: not measured}
              fields:
                - {name: counter, type: string}
                - {name: minutes, type: number, description: Minutes from taking a number to reaching the counter.}
        """,
    # a headerless TSV, comment lines, a missing value other than the empty cell, no primary key;
    # inline records beside it; no licence, no contributor
    "datapackages/tallies/datapackage.yaml": """\
        name: tallies
        description: Hand tallies kept at the door.
        resources:
          - name: doors
            path: data/doors.tsv
            dialect: {header: false, commentChar: "#"}
            schema:
              missingValues: ["-"]
              fields:
                - {name: day, type: date}
                - {name: visitors, type: integer}
          - name: notes
            data:
              - {day: "2021-03-01", note: "rain"}
              - {day: "2021-03-02", note: ""}
            schema:
              fields:
                - {name: day, type: date}
                - {name: note, type: string}
        """,
    "datapackages/tallies/data/doors.tsv": "# written by hand\n2021-03-01\t40\n2021-03-02\t-\n2021-03-03\t55\n",
}


@pytest.fixture(scope="session")
def third_party_root(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Any) -> Path:
    """The minimal project with the THIRD_PARTY packages beside its own."""
    root: Path = minimal_factory(tmp_path_factory.mktemp("third") / "proj")
    write_files(root, THIRD_PARTY)
    return root


@pytest.fixture(scope="session")
def third_party(third_party_root: Path) -> tuple[Corpus, Computed]:
    corpus, findings = validate(third_party_root)
    assert corpus is not None, [p.text() for p in findings.errors]
    return corpus, compute(corpus)


@pytest.fixture(scope="session")
def article_root(tmp_path_factory: pytest.TempPathFactory, minimal_factory: Any) -> Path:
    """The minimal project with a press article as a second source (tests/site_builder/article_project.py)."""
    from tests.site_builder.article_project import ARTICLE_FILES

    root: Path = minimal_factory(tmp_path_factory.mktemp("article") / "proj")
    write_files(root, ARTICLE_FILES)
    return root


@pytest.fixture(scope="session")
def article(article_root: Path) -> tuple[Corpus, Computed]:
    corpus, findings = validate(article_root)
    assert corpus is not None, [p.text() for p in findings.errors]
    assert findings.problems == [], [p.text() for p in findings.problems]
    return corpus, compute(corpus)
