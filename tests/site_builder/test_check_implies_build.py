"""`check` passing implies `build` succeeding (issue 21, point 2), as a property.

Each example is the minimal project plus one to three generated Frictionless packages of third
parties (JSON or YAML, v1 or v2, CSV files in any dialect or inline rows, keys between resources,
missing values, texts in one language or none) and, in some examples, a small change to the
project's own content. When `validate` accepts the project, every stage after it up to the
Markdown pages and the downloads runs (mkdocs is not: it only turns the Markdown into HTML) and
what the downloads hold is read back. When it refuses, every error is located.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from site_builder.compute.derive import compute
from site_builder.content.corpus import Corpus
from site_builder.content.packages import FIGURE_FIELDS, TARGET_FIELDS
from site_builder.content.validate import validate
from site_builder.compute.changelog import history
from site_builder.exports.downloads import DATABASE, write_downloads
from site_builder.compute.tables import LOOKUPS, all_tables
from site_builder.publish.charts import render_charts
from site_builder.publish.pages import render_site
from tests.conftest import make_minimal, write_files

# Reproducible in CI: the same examples on every run, no example database written.
PROPERTY = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])

# --------------------------------------------------------------------------- cells

VIETNAMESE = ["Phường Bến Nghé", "Thủy", "hòa", "Đắk Lắk", "Quảng Trị", "ước đạt", "trên 80%"]
TEXT_CHARS = st.sampled_from(list("ab Zđơư,;|\t'\"#-.=+0123456789\n\r") + ["ạ", "ộ"])
DIGITS = "12345678901234567890123456789"


def text_cells() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(VIETNAMESE + ["", " ", "=1+1", "#N/A", 'nói "có"', "it's", "a;b,c|d\te", "dòng một\ndòng hai", "x\r\ny"]),
        st.text(TEXT_CHARS, max_size=12),
        st.builds(lambda n, s: s * n, st.sampled_from([500, 3000]), st.sampled_from(["Lộ trình ", "ab"])),
    )


def cells_of(ftype: str, fmt: str | None) -> st.SearchStrategy[str]:
    """Valid text cells of a Table Schema type (a wrong one is put in by `fault`)."""
    if ftype == "integer":
        return st.one_of(st.integers(-10**6, 10**6).map(str), st.sampled_from([DIGITS, "-" + DIGITS, "0", "9223372036854775808"]))
    if ftype == "number":
        return st.one_of(st.integers(-10**6, 10**6).map(str),
                         st.sampled_from(["72.3", "-0.5", DIGITS + ".5", "1e10", "1e400", "NaN", "INF", "0.1000000000000000055511151231257827"]))
    if ftype == "boolean":
        return st.sampled_from(["true", "false", "True", "FALSE", "1", "0"])
    if ftype == "date":
        return st.sampled_from(["01/07/2019", "31/12/2024", "29/02/2020"] if fmt else ["2019-07-01", "2024-12-31", "2020-02-29", "1900-01-01"])
    if ftype == "year":
        return st.sampled_from(["2021", "1975", "0999", "2099"])
    if ftype == "datetime":
        return st.sampled_from(["2021-03-04T10:20:30Z", "2021-03-04T10:20:30+07:00", "2021-03-04T10:20:30", "1999-12-31T23:59:59Z"])
    if ftype == "geopoint":
        return st.sampled_from(["105.85, 21.03", "106.7,10.77", "-180, -90", "180, 90"])
    return text_cells()  # string, any


WRONG_CELLS = ["abc", "7,447", "2021-13-01", "", "1.5", "31/02/2023"]


# --------------------------------------------------------------------------- packages

# names of the project's own tables, pages and folders, beside names of the package's own
PACKAGE_NAMES = ["figures", "units", "reports", "indicators", "breakdowns", "targets", "index", "data_units", "khao-sat", "khao_sat",
                 "so-lieu.2021", "api", "changelog", "_fields", "../ra-ngoai"]
RESOURCE_NAMES = ["units", "figures", "reports", "data", "rows", "sheet-1", "khao_sat", "ket-qua", "bang", "tong_hop"]
FIELD_NAMES = ["ma", "ten", "Name", "name", "so_luong", "value", "ngày", "tỷ lệ", "breakdown", "scope", "unit", "report", "quote",
               "locator", "note", "id_x", "period"]
TYPES = ["string", "integer", "number", "boolean", "date", "date", "year", "datetime", "geopoint", "any"]


@dataclass
class Field:
    name: str
    type: str
    format: str | None
    required: bool
    description: str | None

    def descriptor(self, v2: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.format:
            out["format"] = self.format
        if self.required:
            out["constraints"] = {"required": True}
        if self.description:
            out["description_vi" if any(ch in self.description for ch in "ốồ") else "description"] = self.description
        return out


@st.composite
def fields(draw: st.DrawFn) -> list[Field]:
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=1, max_size=4, unique=True))
    out = []
    for name in names:
        ftype = draw(st.sampled_from(TYPES))
        fmt = draw(st.sampled_from([None, "%d/%m/%Y"])) if ftype == "date" else None
        out.append(Field(name, ftype, fmt, draw(st.integers(0, 5)) == 0,
                         draw(st.sampled_from([None, "Số hồ sơ tiếp nhận", "Dossiers received, as counted", ""]))))
    return out


@dataclass
class Dialect:
    delimiter: str
    quote: str
    terminator: str
    header: bool
    comment: str | None

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.delimiter != ",":
            out["delimiter"] = self.delimiter
        if self.quote != '"':
            out["quoteChar"] = self.quote
        out["lineTerminator"] = self.terminator
        if not self.header:
            out["header"] = False
        if self.comment:
            out["commentChar"] = self.comment
        return out


dialects = st.builds(Dialect, st.sampled_from([",", ";", "\t", "|"]), st.sampled_from(['"', "'"]),
                     st.sampled_from(["\r\n", "\n", "\r"]), st.booleans(), st.sampled_from([None, None, "#"]))


def write_csv(rows: list[list[str]], d: Dialect) -> str:
    """Rows in a dialect, quoting a cell that holds the delimiter, the quote, a line end or a
    leading comment character (the csv module's writer leaves a lone \\r or \\n unquoted when
    the line terminator is the other one)."""
    def cell(text: str, first: bool) -> str:
        special = d.delimiter in text or d.quote in text or "\r" in text or "\n" in text or (first and d.comment and text.startswith(d.comment))
        return d.quote + text.replace(d.quote, d.quote * 2) + d.quote if special else text
    lines = [d.delimiter.join(cell(c, j == 0) for j, c in enumerate(row)) for row in rows]
    comment = [f"{d.comment} ghi chú: viết tay"] if d.comment else []
    return d.terminator.join(comment + lines) + d.terminator


@dataclass
class Resource:
    name: str
    fields: list[Field]
    rows: list[list[str]]
    inline: str | None  # None: a CSV file; "lists" or "records"
    dialect: Dialect
    primary_key: list[str]
    foreign_key: dict[str, Any] | None
    missing: list[str]


# One example in four may hold faults (a cell not of its type, a key that points nowhere, an empty
# required cell): check must refuse those with located errors. The others are meant to pass.
FAULTY = st.shared(st.integers(0, 3).map(lambda n: n == 0), key="faulty")


@st.composite
def resources(draw: st.DrawFn, count: int) -> list[Resource]:
    faulty = draw(FAULTY)
    out: list[Resource] = []
    names = draw(st.lists(st.sampled_from(RESOURCE_NAMES), min_size=count, max_size=count, unique=True))
    for k, name in enumerate(names):
        fs = draw(fields())
        missing = draw(st.sampled_from([[""], [""], ["", "NA"], ["-"], ["n/a", ""], []]))
        inline = draw(st.sampled_from([None, None, "lists", "records"]))
        dialect = draw(dialects)
        nrows = draw(st.integers(0 if inline is None and dialect.header else 1, 5))  # no rows at all is refused (frictionless: "the source is empty")
        pk: list[str] = []
        if draw(st.booleans()):
            pk = [fs[0].name] if len(fs) == 1 or draw(st.booleans()) else [fs[0].name, fs[1].name]
            fs[0].type = draw(st.sampled_from(["string", "integer", "number"]))
            fs[0].format = None
        rows = [[draw(cells_of(f.type, f.format)) for f in fs] for _ in range(nrows)]
        if pk:
            for i, row in enumerate(rows):  # keys that repeat are refused: one may, as a fault below
                row[0] = {"integer": str(i * 7 - 3), "number": ["NaN", "INF", "1e400", DIGITS, "0.5", "-0"][i % 6]}.get(fs[0].type, f"K{i} {row[0][:30]}")
        if inline:  # YAML refuses a carriage return; CSV files carry them
            rows = [[c.replace("\r", "") for c in row] for row in rows]
        if missing and draw(st.booleans()) and rows:  # a missing value written as the descriptor says
            rows[0][-1] = missing[-1]
        for j, f in enumerate(fs):
            if f.required and not faulty and any(row[j] in missing or row[j] == "" for row in rows):
                f.required = False
        for row in rows:
            if all(c in missing or c == "" for c in row):  # a blank row is refused: kept only as a fault below
                row[-1] = "Thủy" if fs[-1].type in ("string", "any") else draw(cells_of(fs[-1].type, fs[-1].format))
        if rows and faulty and draw(st.booleans()):  # a fault: one cell that may not be of its type
            rows[draw(st.integers(0, nrows - 1))][draw(st.integers(0, len(fs) - 1))] = draw(st.sampled_from(WRONG_CELLS))
        fk = None
        if k > 0 and out[0].primary_key and len(out[0].primary_key) == 1 and (out[0].rows or faulty) and draw(st.booleans()):
            target = out[0]
            col = target.fields[[f.name for f in target.fields].index(target.primary_key[0])]
            fs.append(Field("ref", col.type, col.format, False, None))
            pool = [r[[f.name for f in target.fields].index(col.name)] for r in target.rows] or ["none"]
            for row in rows:
                row.append(draw(st.sampled_from(pool + ["", "dangling"] if faulty else pool)))
            fk = {"fields": ["ref"], "reference": {"resource": target.name, "fields": [col.name]}}
        elif draw(st.integers(0, 3)) == 0 and (faulty or "units" not in names):  # a key into the project's own units (or into a resource named so)
            fs.append(Field("don_vi", "string", None, False, None))
            for row in rows:
                row.append(draw(st.sampled_from(["huyen-b", "tinh-a"] + (["xa-khong-co"] if faulty else []))))
            fk = {"fields": ["don_vi"], "reference": {"resource": "units", "fields": ["id"]}}
        out.append(Resource(name, fs, rows, inline, dialect, pk, fk, missing))
    return out


@dataclass
class Generated:
    name: str
    files: dict[str, str]


def _yaml(data: Any) -> str:
    buf = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.dump(data, buf)
    return buf.getvalue()


@st.composite
def packages(draw: st.DrawFn, index: int, name: str) -> Generated:
    v2 = draw(st.booleans())
    res = draw(resources(draw(st.integers(1, 3))))
    folder = f"datapackages/tp{index}"
    files: dict[str, str] = {}
    desc: dict[str, Any] = {"name": name}
    if v2:
        desc["$schema"] = "https://datapackage.org/profiles/2.0/datapackage.json"
    title = draw(st.sampled_from([None, "en", "vi", "both"]))
    if title in ("en", "both"):
        desc["title"] = draw(st.sampled_from(["Waiting times", "Offices & towns <b>", "A *starred* title"]))
    if title in ("vi", "both"):
        desc["title_vi"] = draw(st.sampled_from(["Thời gian chờ", "Bộ phận một cửa", "Số liệu \"khảo sát\""]))
    if draw(st.booleans()):
        desc["description" if draw(st.booleans()) else "description_vi"] = draw(st.sampled_from(["Hand tallies.", "Đếm tay tại cửa.", "Line one\nline two"]))
    if draw(st.booleans()):
        desc["version"] = draw(st.sampled_from(["1.0.0", "2", "0.1.0-rc1", "v3"]))
    if draw(st.booleans()):
        desc["licenses"] = [draw(st.sampled_from([{"name": "ODC-By-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/", "title": "Open Data Commons Attribution"},
                                                  {"name": "CC0-1.0"}, {"path": "https://example.org/licence"}]))]
    if draw(st.booleans()):
        person = {"title": draw(st.sampled_from(["Lê Văn Tâm", "Nhóm khảo sát Bình Minh", "Open Offices & Co"]))}
        role = draw(st.sampled_from(["author", "publisher", "contributor", "creator"]))
        person |= {"roles": [role]} if v2 else {"role": role}
        desc["contributors"] = [person]
    if draw(st.booleans()):
        desc["sources"] = [draw(st.sampled_from([{"title": "Niên giám 2020", "path": "https://example.org/g"}, {"path": "https://example.org/raw"}]))]
    if draw(st.integers(0, 3)) == 0:  # frictionless reads `created` as a date and time; the site reads `updated` as a date
        key = draw(st.sampled_from(["created", "updated"]))
        dates = ["2021-03-04T10:00:00Z", "2021-03-04T10:00:00+07:00"] + (["2021-03-04"] if key == "updated" else [])
        desc[key] = draw(st.sampled_from(dates + (["2021-03-04", "soon"] if draw(FAULTY) else [])))
    desc["resources"] = []
    for r in res:
        schema: dict[str, Any] = {"fields": [f.descriptor(v2) for f in r.fields]}
        if v2:
            schema["$schema"] = "https://datapackage.org/profiles/2.0/tableschema.json"
        if r.missing != [""]:
            schema["missingValues"] = [{"value": m} for m in r.missing] if v2 and draw(st.booleans()) else list(r.missing)
        if r.primary_key:
            schema["primaryKey"] = r.primary_key[0] if v2 and len(r.primary_key) == 1 and draw(st.booleans()) else list(r.primary_key)
        if r.foreign_key:
            schema["foreignKeys"] = [r.foreign_key]
        item: dict[str, Any] = {"name": r.name}
        if v2:
            item["type"] = "table"
        names = [f.name for f in r.fields]
        if r.inline == "records":
            item["data"] = [dict(zip(names, row)) for row in r.rows]
        elif r.inline == "lists":
            header = r.dialect.header
            item["data"] = ([names] if header else []) + [list(row) for row in r.rows]
            if not header:
                item["dialect"] = {"header": False}
        else:
            rel = f"data/{r.name}.{'tsv' if r.dialect.delimiter == chr(9) and draw(st.booleans()) else 'csv'}"
            item["path"] = rel
            dialect = r.dialect.descriptor()
            if rel.endswith(".tsv"):
                dialect.pop("delimiter", None)
            if dialect:
                item["dialect"] = dialect
            files[f"{folder}/{rel}"] = write_csv(([names] if r.dialect.header else []) + r.rows, r.dialect)
        item["schema"] = schema
        desc["resources"].append(item)
    if draw(st.booleans()):
        files[f"{folder}/datapackage.json"] = json.dumps(desc, ensure_ascii=draw(st.booleans()), indent=2)
    else:
        files[f"{folder}/datapackage.yaml"] = _yaml(desc)
    return Generated(name, files)


# --------------------------------------------------------------------------- the project's own content


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        target.write_text(target.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return change


FIGURES = "datapackages/figures/data/bc-2021.csv"
OWN_CHANGES: dict[str, Callable[[Path], None]] = {
    "none": lambda root: None,
    "unit without English": _replace("content/units/huyen-b.yaml", "  en: B district\n", ""),
    "report title without English": _replace("content/reports/bc-2021.yaml", "  en: Administrative reform results 2021\n", ""),
    "a value with decimals": _replace(FIGURES, ",7447,", ",7447.5,"),
    "a row broken down": _replace(FIGURES, "2020-12-31,,6000", "2020-12-31,channel=hotline,6000"),
    "a share figure": _replace(FIGURES, "bc-2021-003,bc-2021,huyen-b,dossiers-received,2020,2020-01-01,2020-12-31,,6000,",
                               "bc-2021-003,bc-2021,huyen-b,share-online,2020,2020-01-01,2020-12-31,,60,"),
    "no project package": lambda root: shutil.rmtree(root / "datapackages/figures"),
    "project package renamed": _replace("datapackages/figures/datapackage.yaml", "name: figures", "name: units"),
    "a site address": lambda root: (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "site_url: https://example.org/mb/\n", encoding="utf-8"),
}


# --------------------------------------------------------------------------- the property


def assert_located(root: Path, problems: list[Any]) -> None:
    """Every problem names a file of the project, a line within it (0 only for the whole file)
    and a message. Lines are counted as the csv module counts them: a CSV whose dialect ends
    lines with a lone \r has as many lines as it has \r."""
    for p in problems:
        assert p.message.strip(), p
        target = root / p.path
        assert target.exists() and target.resolve().is_relative_to(root.resolve()), p
        if p.line == 0:
            assert p.column == 0, p
            continue
        assert p.line >= 1 and p.column >= 1, p
        if target.is_file():
            lines = re.split(rb"\r\n|\r|\n", target.read_bytes())
            assert p.line <= len(lines), p


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project, written once; each example copies its content into a fresh folder."""
    return make_minimal(tmp_path_factory.mktemp("check-build") / "proj")


def project(base: Path, dest: Path, generated: list[Generated], change: str) -> Path:
    for name in ("content", "datapackages"):
        shutil.copytree(base / name, dest / name)
    shutil.copyfile(base / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(base / "templates/overrides", dest / "templates/overrides")  # the theme folder check looks for; pages render from base's
    OWN_CHANGES[change](dest)
    for pkg in generated:
        write_files(dest, {rel: text for rel, text in pkg.files.items() if not rel.endswith(".yaml")})
        for rel, text in pkg.files.items():  # YAML as dumped: write_files would dedent it
            if rel.endswith(".yaml"):
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                (dest / rel).write_text(text, encoding="utf-8")
    return dest


def build_stages(corpus: Corpus, templates: Path, out: Path) -> dict[str, dict[str, str]]:
    """Every stage of the build after validation that writes no HTML; returns each language's pages."""
    computed = compute(corpus)
    changes = history(corpus)
    charts = render_charts(corpus, computed, out / "charts", out / "chart-cache")
    pages = {lang: render_site(corpus, computed, changes, lang, templates, charts.pages[lang]) for lang in ("vi", "en")}
    write_downloads(corpus, computed, changes, out / "downloads")
    return pages


def _not_json(constant: str) -> None:
    raise AssertionError(f"{constant} is no JSON: a browser's JSON.parse refuses the file")


def assert_published(corpus: Corpus, pages: dict[str, dict[str, str]], out: Path) -> None:
    """Every package has its page in both languages and its downloads, and they read back whole."""
    downloads = out / "downloads"
    for name, pkg in corpus.packages.items():
        for lang in ("vi", "en"):
            assert f"datasets/{name}.md" in pages[lang], (name, lang)
            for path in (f"datasets/{name}.md", "datasets/index.md"):
                assert "<b>" not in pages[lang][path], (path, lang)  # a title's markup is escaped, not markup
        first = pkg.resources[0]
        with open(downloads / f"datasets/{name}.csv", encoding="utf-8", newline="") as fh:
            got = list(csv.reader(fh))
        if first.names in (FIGURE_FIELDS, TARGET_FIELDS):  # the figures of every report's CSV in one table
            assert len(got) - 1 == sum(r.row_count for r in pkg.resources if r.names == first.names), name
        else:
            assert got[0] == list(first.names), name
            assert [tuple(r) for r in got[1:]] == list(first.rows), name  # every cell as read, newlines and quotes included
        doc = json.loads((downloads / f"datasets/{name}.json").read_text(encoding="utf-8"), parse_constant=_not_json)
        assert len(doc["data"]) == len(got) - 1, name
        published = json.loads((downloads / f"datasets/{name}/datapackage.json").read_text(encoding="utf-8"))
        assert published["name"] == name
        for res in pkg.resources:
            if res.data is not None:
                assert (downloads / f"datasets/{name}" / res.rel_path).read_bytes() == res.data
    con = sqlite3.connect(downloads / f"{DATABASE}.db")
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        expected = all_tables(corpus)
        assert {t.name for t in expected} <= tables
        counted = sum(con.execute(f'SELECT COUNT(*) FROM "{t.name}"').fetchone()[0] for t in expected if t.name not in LOOKUPS)
        assert counted == sum(r.row_count for pkg in corpus.packages.values() for r in pkg.resources)
    finally:
        con.close()


@st.composite
def projects(draw: st.DrawFn) -> tuple[tuple[Generated, ...], str]:
    """A change to the project's own content, and one to three packages, each of its own name
    (a name used twice, or the project's own `figures` kept, is refused: only in faulty examples)."""
    faulty = draw(FAULTY)
    change = draw(st.sampled_from(list(OWN_CHANGES)))
    count = draw(st.integers(1, 3))
    taken = {"index", "../ra-ngoai"} if not faulty else set()  # names check refuses
    taken |= set() if faulty or change in ("no project package", "project package renamed") else {"figures"}
    pool = [name for name in PACKAGE_NAMES if name not in taken] + ["ben-thu-ba"] * 4
    names = draw(st.lists(st.sampled_from(pool), min_size=count, max_size=count, unique=not faulty))
    return tuple(draw(packages(i, f"{name}-{i}" if name == "ben-thu-ba" else name)) for i, name in enumerate(names)), change


@PROPERTY
@given(example=projects())
def test_a_project_that_passes_check_builds(base: Path, example: tuple[tuple[Generated, ...], str]) -> None:
    generated, change = example
    with tempfile.TemporaryDirectory() as tmp:
        root = project(base, Path(tmp) / "proj", list(generated), change)
        corpus, findings = validate(root)
        assert_located(root, findings.problems)
        if corpus is None:
            event(f"refused by check: {findings.errors[0].code if findings.errors else '?'}")
            assert findings.errors
            return
        event("built")
        assert not findings.errors
        assert {pkg.name for pkg in generated} <= set(corpus.packages)  # accepted is published: no package is silently left out
        out = Path(tmp) / "out"
        pages = build_stages(corpus, base / "templates", out)
        assert_published(corpus, pages, out)


# --------------------------------------------------------------------------- regressions
# Examples the property found, shrunk, each kept as a plain test of its own.


def passes_check_and_builds(tmp_path: Path, files: dict[str, str]) -> Corpus:
    root = make_minimal(tmp_path / "proj")
    write_files(root, files)
    corpus, findings = validate(root)
    assert corpus is not None, [p.text() for p in findings.errors]
    pages = build_stages(corpus, root / "templates", tmp_path / "out")
    assert_published(corpus, pages, tmp_path / "out")
    return corpus


def test_geopoints_are_published_as_numbers(tmp_path: Path) -> None:
    """A geopoint's coordinates (Decimals, as frictionless reads them) were no JSON: the workbook failed."""
    passes_check_and_builds(tmp_path, {
        "datapackages/geo/datapackage.yaml": """\
            name: geo
            resources:
              - name: places
                path: data/places.csv
                schema:
                  fields:
                    - {name: place, type: string}
                    - {name: where, type: geopoint}
                    - {name: where_array, type: geopoint, format: array}
                    - {name: where_object, type: geopoint, format: object}
            """,
        "datapackages/geo/data/places.csv": 'place,where,where_array,where_object\nHà Nội,"105.85, 21.03","[105, 21.03]","{""lon"": 105.85, ""lat"": 21}"\n',
    })
    doc = json.loads((tmp_path / "out/downloads/datasets/geo.json").read_text(encoding="utf-8"))
    assert doc["data"] == [{"place": "Hà Nội", "where": [105.85, 21.03], "where_array": [105, 21.03], "where_object": [105.85, 21]}]  # [lon, lat] whatever the format


def package(name: str, fields: str, csv_text: str, schema: str = "", resource: str = "t", folder: str = "") -> dict[str, str]:
    """One package of one CSV resource; `fields` as Table Schema fields in YAML flow style, one a line."""
    folder = folder or name
    return {
        f"datapackages/{folder}/datapackage.yaml": f"name: {name}\nresources:\n  - name: {resource}\n    path: data/t.csv\n    schema:\n{schema}      fields:\n"
                                                    + "".join(f"        - {line}\n" for line in fields.strip().splitlines()),
        f"datapackages/{folder}/data/t.csv": csv_text,
    }


def database(tmp_path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(tmp_path / "out/downloads" / f"{DATABASE}.db")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_numbers_sqlite_cannot_hold_as_numbers_are_kept_as_written(tmp_path: Path) -> None:
    """An integer of 29 digits (OverflowError), one in a key (the rowid: datatype mismatch) and NaN
    in a key (stored as NULL: NOT NULL failed) stopped the database; NaN and INF were no JSON."""
    passes_check_and_builds(tmp_path, package("big", "{name: code, type: integer}\n{name: share, type: number}",
                                              f"code,share\n{DIGITS},NaN\n1,INF\n{DIGITS[:-1]}8,1e400\n", schema="      primaryKey: [share]\n"))
    assert database(tmp_path, "SELECT code, share FROM big ORDER BY rowid") == [(DIGITS, "NaN"), (1, "INF"), (DIGITS[:-1] + "8", "1e400")]
    doc = json.loads((tmp_path / "out/downloads/datasets/big.json").read_text(encoding="utf-8"), parse_constant=_not_json)
    assert [row["share"] for row in doc["data"]] == ["NaN", "INF", "1e400"]
    assert doc["data"][1]["code"] == 1


def test_a_third_partys_breakdown_column_is_its_own_words(tmp_path: Path) -> None:
    """Any column named `breakdown` or `scope` was given a key to the project's breakdowns: the
    database's foreign key check failed on a third party's own words."""
    passes_check_and_builds(tmp_path, package("survey", "{name: breakdown, type: string}\n{name: scope, type: boolean}", "breakdown,scope\nnam giới,true\n"))
    published = json.loads((tmp_path / "out/downloads/datasets/survey/datapackage.json").read_text(encoding="utf-8"))
    assert "foreignKeys" not in published["resources"][0]["schema"]
    assert [r["name"] for r in published["resources"]] == ["t"]


def test_a_key_to_a_resource_of_its_own_named_units_is_no_key_to_the_projects_units(tmp_path: Path) -> None:
    files = package("offices", "{name: code, type: string}", "code\nA\n", schema="      primaryKey: [code]\n", resource="units")
    desc = "datapackages/offices/datapackage.yaml"
    files[desc] += ("  - name: sites\n    data: [[site, unit], [S1, A]]\n    schema:\n      fields:\n        - {name: site, type: string}\n"
                    "        - {name: unit, type: string}\n      foreignKeys:\n        - {fields: [unit], reference: {resource: units, fields: [code]}}\n")
    passes_check_and_builds(tmp_path, files)
    published = json.loads((tmp_path / "out/downloads/datasets/offices/datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in published["resources"]] == ["units", "sites"]  # not the project's units beside its own


def test_packages_whose_tables_would_share_a_name_keep_their_own_rows(tmp_path: Path) -> None:
    """`khao-sat` and `khao_sat` (and `units`, published as data_units, beside `data-units`) were
    one table in the database: the rows of one under the columns of the other, or a crash."""
    files = package("khao-sat", "{name: town, type: string}", "town\nPhan Rí\n")
    files |= package("khao_sat", "{name: people, type: integer}", "people\n12000\n")
    files |= package("units", "{name: town, type: string}", "town\nLiên Hương\n")
    files |= package("data-units", "{name: n, type: integer}", "n\n7\n", folder="du")
    files |= package("_fields", "{name: x, type: string}", "x\ny\n", folder="f")
    passes_check_and_builds(tmp_path, files)
    tables = {name: database(tmp_path, f'SELECT * FROM "{name}"') for name in ("khao_sat", "khao_sat_2", "data_units", "data_units_2", "data__fields")}
    assert sorted(map(repr, tables.values())) == sorted(map(repr, [[("Phan Rí",)], [(12000,)], [("Liên Hương",)], [(7,)], [("y",)]]))


def test_columns_whose_names_differ_only_in_case_are_both_in_the_database(tmp_path: Path) -> None:
    """SQLite compares column names without case: `Name` beside `name` was a duplicate column."""
    passes_check_and_builds(tmp_path, package("names", "{name: Name, type: string}\n{name: name, type: string}", "Name,name\nA,a\n"))
    assert database(tmp_path, "SELECT * FROM names") == [("A", "a")]
    assert database(tmp_path, "SELECT field FROM _fields WHERE \"table\" = 'names'") == [("Name",), ("name_2",)]


def test_columns_named_report_and_quote_do_not_make_a_third_party_package_the_projects(tmp_path: Path) -> None:
    """A package whose tables had columns named report, locator and quote was cited as this
    project's data, under its licence, with the project as author."""
    corpus = passes_check_and_builds(tmp_path, package("quotes", "{name: report, type: string}\n{name: locator, type: string}\n{name: quote, type: string}",
                                                       "report,locator,quote\nR1,p. 3,Nói có\n"))
    assert not corpus.packages["quotes"].provenance and corpus.packages["figures"].provenance
    published = json.loads((tmp_path / "out/downloads/datasets/quotes/datapackage.json").read_text(encoding="utf-8"))
    assert "licenses" not in published and "Minh Bạch" not in published["citation"]["text"]


# Found beside the property: files the build reads that check once did not (release manifests,
# mkdocs.yml), so that check passed and the build failed. Now refused by check, located.
BUILD_READS = {
    "a release manifest that is no JSON": ("datapackages/releases/0.1.0.json", "{not json"),
    "a release manifest of another format": ("datapackages/releases/0.1.0.json", '{"format": 2, "release": "0.1.0", "tables": {}}'),
    "a release manifest whose row is text": ("datapackages/releases/0.1.0.json",
                                             '{"format": 1, "release": "0.1.0", "date": "2021-01-01", "tables": {"figures": {"x": "y"}}}'),
    "mkdocs.yml that does not parse": ("mkdocs.yml", "site_url: [\n"),
    "mkdocs.yml with a key twice": ("mkdocs.yml", "site_name: X\n"),
}


@pytest.mark.parametrize("case", list(BUILD_READS))
def test_a_file_the_build_reads_is_checked(tmp_path: Path, case: str) -> None:
    root = make_minimal(tmp_path / "proj")
    rel, text = BUILD_READS[case]
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "a", encoding="utf-8") as fh:  # mkdocs.yml: appended to the shipped settings
        fh.write(text)
    corpus, findings = validate(root)
    assert corpus is None  # refused, located, as every refusal is
    assert_located(root, findings.problems)
    assert any(p.path == rel for p in findings.errors)


def test_a_lone_carriage_return_in_a_cell_stays_in_its_cell(tmp_path: Path) -> None:
    """The csv module quotes a line feed but not a lone carriage return: the dataset CSV split the row."""
    passes_check_and_builds(tmp_path, {
        "datapackages/cr/datapackage.yaml": """\
            name: cr
            resources:
              - name: cells
                path: data/cells.csv
                dialect: {header: false, lineTerminator: "\\r\\n"}
                schema:
                  fields:
                    - {name: ma, type: string}
                    - {name: ten, type: string}
            """,
        "datapackages/cr/data/cells.csv": '"\r",Hòa\r\n',
    })
    text = (tmp_path / "out/downloads/datasets/cr.csv").read_bytes().decode("utf-8")
    assert text == 'ma,ten\n"\r","Hòa"\n'
