"""Any Frictionless data package is read as its descriptor says: JSON or YAML, v1 or v2, any CSV
dialect, a header or none, inline rows, missing values, and its constraints enforced, located."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate


def rows(corpus: Corpus, package: str, resource: str) -> list[tuple[str, ...]]:
    return list(next(r for r in corpus.packages[package].resources if r.name == resource).rows)


def test_every_shape_is_published_beside_the_projects_own(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    assert list(corpus.packages) == ["figures", "offices", "tallies", "waits"]
    assert corpus.packages["offices"].source == "datapackages/offices/datapackage.json"  # the spec's own file name
    assert corpus.packages["figures"].provenance and not any(corpus.packages[n].provenance for n in ("offices", "tallies", "waits"))


def test_a_dialect_of_semicolons_single_quotes_and_crlf_is_honoured(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    # the quoted town holds the delimiter; the cells keep no quote and no carriage return
    assert rows(corpus, "offices", "towns") == [("Phan Rí; the old town", "12000"), ("Liên Hương", "")]
    assert rows(corpus, "offices", "sites")[0] == ("OS-1", "Phan Rí; the old town", "01/07/2019")


def test_a_headerless_file_is_all_rows_and_its_missing_values_are_blank(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    # the first line is a comment, the second a row (not a header), '-' is missing
    assert rows(corpus, "tallies", "doors") == [("2021-03-01", "40"), ("2021-03-02", ""), ("2021-03-03", "55")]


def test_inline_rows_lists_and_records_with_v2_missing_values(third_party: tuple[Corpus, Computed]) -> None:
    corpus, _ = third_party
    assert rows(corpus, "waits", "waits") == [("A1", "12"), ("A2", ""), ("A3", "7.5")]  # n/a, a v2 missing value object
    assert rows(corpus, "tallies", "notes") == [("2021-03-01", "rain"), ("2021-03-02", "")]
    inline = next(r for r in corpus.packages["waits"].resources)
    assert inline.data is None and inline.rel_path == "" and inline.source == "datapackages/waits/datapackage.yaml"


def test_each_package_and_resource_carries_the_digest_of_what_it_was_read_from(third_party: tuple[Corpus, Computed], third_party_root: Path) -> None:
    import hashlib

    corpus, _ = third_party
    towns = next(r for r in corpus.packages["offices"].resources if r.name == "towns")
    assert towns.data == (third_party_root / "datapackages/offices/data/towns.csv").read_bytes()
    assert towns.digest == hashlib.sha256(hashlib.sha256(towns.data).digest()).hexdigest()
    assert len({p.digest for p in corpus.packages.values()}) == len(corpus.packages)


@pytest.fixture
def copy(third_party_root: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "proj"
    shutil.copytree(third_party_root, dest, ignore=shutil.ignore_patterns("build", "site"))
    return dest


def errors(root: Path) -> list[str]:
    _, findings = validate(root)
    return [p.text() for p in findings.errors]


def test_a_broken_constraint_is_located_in_the_declared_dialect(copy: Path) -> None:
    path = copy / "datapackages/offices/data/towns.csv"
    path.write_bytes(path.read_bytes().replace(b"Li\xc3\xaan H\xc6\xb0\xc6\xa1ng;\r\n", "Liên Hương;-5\r\n".encode()))
    # column 12: after 'Liên Hương;' (11 characters), in the semicolon dialect
    assert errors(copy) == ["datapackages/offices/data/towns.csv:3:12: people: -5 is below the minimum 0"]


def test_a_foreign_key_between_third_party_resources_is_enforced(copy: Path) -> None:
    path = copy / "datapackages/offices/data/sites.csv"
    path.write_bytes(path.read_bytes().replace("OS-2;Liên Hương".encode(), "OS-2;Hòa Minh".encode()))
    found = errors(copy)
    assert len(found) == 1 and found[0].startswith("datapackages/offices/data/sites.csv:3:6: town: unknown id:"), found


def test_a_headerless_file_checks_its_first_line_as_a_row(copy: Path) -> None:
    path = copy / "datapackages/tallies/data/doors.tsv"
    path.write_text("2021-03-01\tforty\n", encoding="utf-8")
    assert errors(copy) == ["datapackages/tallies/data/doors.tsv:1:12: visitors: 'forty' is not a whole number"]


def test_a_bad_inline_row_is_located_in_the_descriptor(copy: Path) -> None:
    path = copy / "datapackages/waits/datapackage.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[A3, 7.5]", "[A3, slow]"), encoding="utf-8")
    assert errors(copy) == ["datapackages/waits/datapackage.yaml:15:9: minutes: 'slow' is not a number; write digits with a dot for decimals (72.3), no thousands separator"]


def test_every_file_the_corpus_was_read_from_has_its_digest(third_party: tuple[Corpus, Computed], third_party_root: Path) -> None:
    import hashlib

    corpus, _ = third_party
    for rel in ("content/units/huyen-b.yaml", "content/reports/bc-2021.yaml", "content/sources/bc-2021.txt"):
        assert corpus.digests[rel] == hashlib.sha256((third_party_root / rel).read_bytes()).hexdigest(), rel
    assert corpus.digest_of("units", "huyen-b") == corpus.digests["content/units/huyen-b.yaml"]
    assert corpus.settings.digest == hashlib.sha256((third_party_root / "mkdocs.yml").read_bytes()).hexdigest()
