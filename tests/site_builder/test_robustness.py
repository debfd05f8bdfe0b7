"""Arbitrary input never crashes the tool; the built site has no broken link; builds are reproducible."""
from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from site_builder.publish import build as build_module
from site_builder.publish.build import build
from site_builder.content.packages import FIGURE_FIELDS
from site_builder.content.validate import validate
from tests.conftest import name_test_repository

ROOT = Path(__file__).resolve().parents[2]

yaml_chars = st.sampled_from(list("abcđêơư: -\n\t#'\"[]{}&*!|>%@`,?0123456789") + ["ạ", "ộ", "\u0301", "\ufeff"])
fuzz = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
structured = settings(fuzz, max_examples=30)


@fuzz
@given(text=st.text(yaml_chars, max_size=200))
def test_arbitrary_yaml_gives_located_errors_or_a_model(minimal: Path, text: str) -> None:
    (minimal / "content/units/fuzz.yaml").write_text(text, encoding="utf-8")
    _check(minimal)


csv_chars = st.sampled_from(list("ab,\"\n\r;\t-=+0123456789.") + ["ạ", "\ufeff", "\x00"])


@fuzz
@given(text=st.text(csv_chars, max_size=300))
def test_arbitrary_csv_gives_located_errors(minimal: Path, text: str) -> None:
    (minimal / "datapackages/figures/data/bc-2021.csv").write_text(text, encoding="utf-8")
    _check(minimal)


# --------------------------------------------------------------------------- structured input
# Random characters rarely get past the YAML parser; these strategies build documents and rows of
# the right shape with the model's own keys and near-miss values, so the model and cross-file
# checks get exercised too.

MODEL_KEYS = ["id", "level", "parent", "name", "short_name", "vi", "en", "unit", "issuer", "document_type", "number", "date",
              "date_note", "period", "kind", "start", "end", "code", "title", "summary", "sections", "field", "heading", "points",
              "assessments", "achievements", "source", "file", "ocr", "note", "recipients", "signer", "admin_code", "website",
              "reorganisation_2025", "status", "successor", "legal_references", "colour"]
NEAR_MISSES = ["huyen-b", "tinh-a", "fuzz", "bc-2021", "huyen-q", "district", "province", "county", "bao_cao", "year", "2021",
               "2021-01-01", "2021-12-31", "2020-12-31", "31/02/2023", "2023-02-31", "20/12/2021", "bc-2021.txt", "../../etc/passwd",
               "/etc/passwd", "yes", "~", "2021-Q3", "Huyện B", "Huye\u0302\u0323n", "", " ", "<script>", "procedures"]
fuzz_text = st.text(st.sampled_from(list("abđêơư :-#'\"[]{}&*!|>%@`,?019\n\t") + ["ạ", "\u0301", "\ufeff", "\x00", "\u2028"]), max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(), st.sampled_from(NEAR_MISSES), fuzz_text)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(MODEL_KEYS), inner, max_size=4)), max_leaves=12)
overlay = st.one_of(st.just({}), st.dictionaries(st.sampled_from(MODEL_KEYS), values, max_size=4))
dropped = st.one_of(st.just(set()), st.sets(st.sampled_from(MODEL_KEYS), max_size=3))


def _dump(data: object) -> str:
    buf = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(data, buf)
    return buf.getvalue()


def _mutated(base: dict, changes: dict, drop: set[str]) -> dict:
    return {k: v for k, v in (base | changes).items() if k not in drop}


UNIT_BASE = {"id": "fuzz", "level": "commune", "parent": "huyen-b", "name": {"vi": "Xã Fuzz", "en": "Fuzz commune"}}
REPORT_BASE = {"id": "bc-2021", "unit": "huyen-b", "issuer": "huyen-b", "document_type": "bao_cao", "number": "12/BC-UBND", "date": "2021-12-20",
               "period": {"kind": "year", "start": "2021-01-01", "end": "2021-12-31", "code": "2021"},
               "title": {"vi": "Báo cáo", "en": "Report"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."}, "source": {"file": "bc-2021.txt", "ocr": False}}


def assert_located(root: Path, findings) -> None:
    """Every problem names an existing file, a line within it (0 only with column 0: the whole file) and a message."""
    for p in findings.problems:
        assert p.message.strip(), p
        target = root / p.path
        assert target.exists() or target.is_symlink(), p
        if p.line == 0:
            assert p.column == 0, p
            continue
        assert p.line >= 1 and p.column >= 1, p
        if target.is_file():
            raw = target.read_bytes()
            assert p.line <= raw.count(b"\n") + 1, p
            try:
                lines = raw.decode("utf-8").split("\n")
            except UnicodeDecodeError:
                continue
            assert p.column <= len(lines[p.line - 1]) + 2, p


def assert_valid_corpus(corpus) -> None:
    """What the build relies on: every object passes its schema again, every reference resolves, every value is sane."""
    for kind in ("units", "indicators", "reports", "pages", "breakdowns"):
        for obj in getattr(corpus, kind).values():
            assert type(obj).model_validate(obj.model_dump()) == obj
    for uid, unit in corpus.units.items():
        assert unit.parent is None or unit.parent in corpus.units
        assert len(corpus.ancestors(uid)) < len(corpus.units)  # no cycle
    for rep in corpus.reports.values():
        assert rep.unit in corpus.units and rep.issuer in corpus.units and rep.period.start <= rep.period.end
        assert rep.id in corpus.sources
    for fig in corpus.figures:
        assert fig.unit in corpus.units and fig.report in corpus.reports and fig.indicator in corpus.indicators
        assert fig.period_start <= fig.period_end
        assert (fig.value is None) == (fig.status == "missing")
        if fig.value is not None:
            assert math.isfinite(fig.value) and fig.value >= 0
            assert corpus.indicators[fig.indicator].unit.value != "percent" or fig.value <= 100
        assert " ".join(fig.quote.split()) in " ".join(corpus.sources[fig.report].split())
        assert not fig.flag or (fig.note_vi.strip() and fig.note_en.strip())


def _check(root: Path) -> None:
    corpus, findings = validate(root)
    assert_located(root, findings)
    event("valid model" if corpus is not None else "located errors")
    if corpus is None:
        assert findings.errors
    else:
        assert not findings.errors
        assert_valid_corpus(corpus)


@structured
@given(changes=overlay, drop=dropped)
def test_structured_unit_yaml_gives_located_errors_or_a_valid_model(minimal: Path, changes: dict, drop: set[str]) -> None:
    (minimal / "content/units/fuzz.yaml").write_text(_dump(_mutated(UNIT_BASE, changes, drop)), encoding="utf-8")
    _check(minimal)


@structured
@given(changes=overlay, drop=dropped, period=st.one_of(st.none(), overlay))
def test_structured_report_yaml_gives_located_errors_or_a_valid_model(minimal: Path, changes: dict, drop: set[str], period: dict | None) -> None:
    doc = _mutated(REPORT_BASE, changes, drop)
    if period is not None:
        doc["period"] = _mutated(REPORT_BASE["period"], period, set())
    (minimal / "content/reports/bc-2021.yaml").write_text(_dump(doc), encoding="utf-8")
    _check(minimal)


CELLS = {
    "id": ["bc-2021-001", "bc-2021-002", "bc-2021-009", "bc-2021-1", "x-001", ""],
    "report": ["bc-2021", "bc-2020", ""],
    "unit": ["huyen-b", "tinh-a", "huyen-q", ""],
    "indicator": ["dossiers-received", "dossiers-received-online", "share-online", "nope"],
    "period": ["2021", "2020", "2021-Q3", "2020-2021", "21", "2021-9M", "2021-H2", "2021-13", "../2021-12-31", "2021-03-01/2021-02-01", "2021-02-30/2021-03-01"],
    "period_start": ["2021-01-01", "2020-01-01", "31/02/2023", "2023-02-31", "", "2020-12-15"],
    "period_end": ["2021-12-31", "2020-12-31", "2019-12-31", "20/12/2021", ""],
    "breakdown": ["", "channel=hotline", "channel=fax", "colour=red", "channel"],
    "value": ["", "7447", "5386", "72.3", "100.5", "-1", "1e400", "nan", "inf", "abc", "7,447", "0"],
    "qualifier": ["", "approx", "more_than", "estimated", "about"],
    "status": ["reported", "missing", "reportd", ""],
    "locator": ["Mục 1", "Phụ lục, dòng 1", ""],
    "quote": ["Nam 2021 tiep nhan 7.447 ho so", "truc tuyen 5.386 ho so.", "Nam 2020 tiep nhan 6.000 ho so.", "not in the source", ""],
    "flag": ["", "inconsistent", "ocr_uncertain", "odd"],
    "note_vi": ["", "Ghi chú."],
    "note_en": ["", "A note."],
}
cell_text = st.text(st.sampled_from(list("ab,;\"\n\r\t =+-.0123456789") + ["ạ", "\u0323", "\ufeff", "\x00", "\u2028"]), max_size=10)
VALID_ROWS = [
    ("bc-2021-001", "bc-2021", "huyen-b", "dossiers-received", "2021", "2021-01-01", "2021-12-31", "", "7447", "", "reported", "Mục 1", "Nam 2021 tiep nhan 7.447 ho so", "", "", ""),
    ("bc-2021-002", "bc-2021", "huyen-b", "dossiers-received-online", "2021", "2021-01-01", "2021-12-31", "", "5386", "", "reported", "Mục 1", "truc tuyen 5.386 ho so.", "", "", ""),
    ("bc-2021-003", "bc-2021", "huyen-b", "dossiers-received", "2020", "2020-01-01", "2020-12-31", "channel=hotline", "", "", "missing", "Mục 1", "Nam 2020 tiep nhan 6.000 ho so.", "", "", ""),
]
# a cell replaced by a near miss of its column or by random characters
replacement = st.sampled_from(FIGURE_FIELDS).flatmap(lambda name: st.tuples(st.just(name), st.one_of(st.sampled_from(CELLS[name]), cell_text)))
row = st.tuples(st.sampled_from(range(len(VALID_ROWS))), st.lists(replacement, max_size=2).map(dict))
rows = st.lists(row, max_size=4).map(lambda drawn: [tuple(changes.get(name, VALID_ROWS[i][k]) for k, name in enumerate(FIGURE_FIELDS)) for i, changes in drawn])


@structured
@given(rows=rows, header=st.sampled_from(["right", "shuffled", "short"]))
def test_structured_csv_rows_give_located_errors_or_a_valid_model(minimal: Path, rows: list[tuple[str, ...]], header: str) -> None:
    names = list(FIGURE_FIELDS)
    if header == "shuffled":
        names[0], names[1] = names[1], names[0]
    elif header == "short":
        names = names[:-1]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    (minimal / "datapackages/figures/data/bc-2021.csv").write_text(buf.getvalue(), encoding="utf-8")
    _check(minimal)


def test_the_checks_above_can_fail(minimal: Path) -> None:
    """The validity check is not vacuous: a corpus with a figure over 100 % fails it."""
    import dataclasses

    corpus, _ = validate(minimal)
    assert corpus is not None
    assert_valid_corpus(corpus)
    fig = dataclasses.replace(corpus.figures[0], indicator="share-online", value=100.5)
    with pytest.raises(AssertionError):
        assert_valid_corpus(dataclasses.replace(corpus, figures=(fig,)))


def _links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    out = [a.get("href") for a in soup.find_all(["a", "link"]) if a.get("href")]
    out += [el.get("src") for el in soup.find_all(["img", "script"]) if el.get("src")]
    return out


def test_no_broken_internal_link_or_missing_asset(shipped_site: Path) -> None:
    anchors: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(shipped_site.rglob("*.html"))
    for page in pages:
        for link in _links(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target = page.parent if not parts.path else Path(posixpath.normpath(str(page.parent / unquote(parts.path))))
            if parts.path.startswith("/"):
                # only the 404 page may use root-absolute links: it is served at any URL
                if page.name != "404.html":
                    broken.append((page.relative_to(shipped_site), link, "absolute path breaks under a sub-path"))
                    continue
                target = Path(posixpath.normpath(str(shipped_site / unquote(parts.path.lstrip("/")))))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(shipped_site), link, "missing"))
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in anchors:  # parsed once: setdefault would re-parse it for every link
                    anchors[target] = {el["id"] for el in BeautifulSoup(target.read_text(encoding="utf-8"), "lxml").find_all(id=True)}
                if parts.fragment not in anchors[target]:
                    broken.append((page.relative_to(shipped_site), link, "missing anchor"))
    assert len(pages) > 100
    assert broken == []


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path, shipped_site: Path) -> None:
    """A second checkout in another folder, built cold, gives the same bytes as the session's build."""
    other = tmp_path / "elsewhere" / "checkout"
    other.mkdir(parents=True)
    for name in ("content", "datapackages", "templates"):
        shutil.copytree(ROOT / name, other / name)
    shutil.copyfile(ROOT / "mkdocs.yml", other / "mkdocs.yml")
    name_test_repository(other)  # configured as the session's build is
    build(other)
    first, second = _tree(shipped_site), _tree(other / "site")
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []


def test_failed_stage_at_any_point_keeps_site(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(minimal)
    before = _tree(minimal / "site")
    stages = [(build_module, "render_charts"), (build_module, "render_site"), (build_module, "finish_docs"),
              (build_module, "write_downloads"), (build_module, "run_mkdocs"), (build_module, "assemble")]
    for module, name in stages:
        def killed(*args, **kwargs):
            raise KeyboardInterrupt(f"killed in {name}")
        with monkeypatch.context() as m:
            m.setattr(module, name, killed)
            with pytest.raises(KeyboardInterrupt):
                build(minimal)
        assert _tree(minimal / "site") == before, name
    build(minimal)  # the next build recovers from whatever the killed one left in build/
    assert _tree(minimal / "site") == before


# Progress lines of `site-builder build` (stderr) at which the process is killed: while charts are
# drawn, while both mkdocs processes run, while Pagefind indexes the staged site.
KILL_AT = ("· charts", "· mkdocs build", "· search index")


def test_sigkill_at_any_stage_keeps_site(minimal: Path) -> None:
    """A real kill, not an exception: SIGKILL to the build's process group (mkdocs and Pagefind included)."""
    import os
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-m", "site_builder", "build", "--root", str(minimal)]
    build(minimal)
    before = _tree(minimal / "site")
    content = (_tree(minimal / "content"), _tree(minimal / "datapackages"))
    shutil.rmtree(minimal / "build" / "chart-cache")  # charts drawn again: the kill lands while they are
    for marker in KILL_AT:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if line.startswith(marker):
                os.killpg(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=120)
        assert proc.returncode == -signal.SIGKILL, f"not killed at {marker!r}: {''.join(seen)}"
        assert _tree(minimal / "site") == before, marker
    assert (_tree(minimal / "content"), _tree(minimal / "datapackages")) == content
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _tree(minimal / "site") == before  # the next build recovers from whatever the killed ones left in build/


def _texts(site: Path):
    """(name, text) of every text file of the site, and of every member of its zips and gzips."""
    import gzip
    import zipfile

    suffixes = {".html", ".json", ".csv", ".xml", ".svg", ".txt", ".js", ".css", ".md", ".yaml", ".bib"}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix in suffixes:
            yield rel, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix in (".zip", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    yield f"{rel}!{info.filename}", archive.read(info).decode("utf-8", errors="replace")
        elif path.suffix == ".gz":
            yield rel, gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def test_no_wall_clock_time_in_any_built_file(minimal: Path, tmp_path: Path) -> None:
    """Two builds of one commit are byte-identical whatever the clock, the hash seed or the time zone.

    The clock cannot be moved for mkdocs' and Pagefind's processes, so every place a build tool
    stamps the time is inspected instead: zip and workbook entries, workbook properties, gzip
    headers, the sitemap, PNG chunks, the database, and the text of every file.
    """
    import datetime as dt
    import sqlite3
    import struct
    import subprocess
    import sys
    import zipfile

    from site_builder.publish.build import content_epoch
    from site_builder.exports.xlsx import ZIP_EPOCH

    build(minimal)
    site = minimal / "site"
    corpus, _ = validate(minimal)
    epoch = content_epoch(corpus)
    data_day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date()
    assert data_day == dt.date(2021, 12, 20)  # the report's date, not today

    archives = sorted(site.rglob("*.zip")) + sorted(site.rglob("*.xlsx"))
    assert archives
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            assert {info.date_time for info in archive.infolist()} == {ZIP_EPOCH}, path
            if path.suffix == ".xlsx":
                core = archive.read("docProps/core.xml").decode()
                stamps = set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core))
                assert stamps and all(s.startswith(data_day.isoformat()) or s.startswith("2000-01-01") for s in stamps), (path, stamps)
    gzips = sorted(site.rglob("*.gz"))
    assert gzips
    for path in gzips:
        assert struct.unpack("<I", path.read_bytes()[4:8])[0] in (0, epoch), path  # gzip header MTIME
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8"))) <= {data_day.isoformat()}
    for path in sorted(site.rglob("*.png")):
        raw, pos, chunks = path.read_bytes(), 8, []
        while pos < len(raw):
            length, kind = struct.unpack(">I4s", raw[pos:pos + 8])
            chunks.append((kind, raw[pos + 8:pos + 8 + length]))
            pos += 12 + length
        assert b"tIME" not in {k for k, _ in chunks}, path
        assert not [d for k, d in chunks if k in (b"tEXt", b"iTXt") and (b"Software" in d or b"Date" in d or b"date" in d)], path
    today = dt.date.today()
    clock = {today.isoformat(), today.strftime("%d/%m/%Y"), today.strftime("%Y%m%d"), f"{today:%B} {today.day}, {today.year}"}
    con = sqlite3.connect(site / "downloads/minh-bach.db")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = "\n".join(str(row) for t in tables for row in con.execute(f'SELECT * FROM "{t}"'))
    finally:
        con.close()
    leaks = [name for name, text in [("minh-bach.db", dump), *_texts(site)] if any(c in text for c in clock)]
    assert leaks == []

    # a cold build elsewhere, in another process with another hash seed and time zone: the same bytes
    other = tmp_path / "other" / "checkout"
    shutil.copytree(minimal, other, ignore=shutil.ignore_patterns("build", "site", ".site.tmp"))
    env = dict(os.environ, PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8")
    done = subprocess.run([sys.executable, "-m", "site_builder", "build", "--root", str(other), "--quiet"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    first, second = _tree(site), _tree(other / "site")
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []
