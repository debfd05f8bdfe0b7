"""`site-builder check`: a catalogue of bad inputs, each asserting the exact located message the CLI prints."""
from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from site_builder.cli import main
from site_builder.content.validate import validate
from site_builder.error_types import CATALOGUE as ERROR_TYPES
from site_builder.error_types import lookup
from site_builder.errors import Message, Problem

CSV = "datapackages/figures/data/bc-2021.csv"
REPORT = "content/reports/bc-2021.yaml"
UNIT = "content/units/huyen-b.yaml"
PACKAGE = "datapackages/figures/datapackage.yaml"
SCHEMA_FILE = "datapackages/figures/figures.schema.yaml"
SOURCE = "content/sources/bc-2021.txt"
RESOURCE = "resources:\n  - name: bc-2021\n    path: data/bc-2021.csv\n    schema: figures.schema.yaml\n"


def errors(root: Path) -> list[str]:
    _, findings = validate(root)
    return [p.text() for p in findings.sorted() if p.severity.value == "error"]


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------- the catalogue

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Bad:
    """One bad input: what an editor did, how to do it to the minimal project, the exact line `check` prints, its code.

    `args` is the command run on the project (`--root` is added): `check` unless the finding is
    another command's (`fmt --check`) or a warning (`check --strict`).
    """

    id: str
    what: str
    setup: Setup
    expected: str
    code: str
    args: tuple[str, ...] = ("check",)


MAP = """\
id: map-a
title:
  vi: Bản đồ
  en: Map
valid_from: 2008-08-01
valid_to: 2025-06-30
tiles:
  - code: "01"
    name:
      vi: Hà Nội
      en: Hà Nội
    label: HN
    col: 0
    row: 0
  - code: "79"
    name:
      vi: Hồ Chí Minh
      en: Hồ Chí Minh City
    label: HCM
    col: 0
    row: 1
"""


def write_map(root: Path, name: str, text: str) -> None:
    (root / "content/maps").mkdir(parents=True, exist_ok=True)
    (root / f"content/maps/{name}.yaml").write_text(text, encoding="utf-8")


def edit(rel: str, old: str, new: str) -> Setup:
    return lambda root: replace(root, rel, old, new)


def write(rel: str, text: str) -> Setup:
    def setup(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return setup


def append(rel: str, text: str) -> Setup:
    def setup(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(text)
    return setup


def encode(encoding: str) -> Setup:
    def setup(root: Path) -> None:
        text = (root / CSV).read_text(encoding="utf-8")
        # Windows-1258 writes Vietnamese with combining tone marks, so decompose first
        (root / CSV).write_bytes((unicodedata.normalize("NFD", text) if encoding == "cp1258" else text).encode(encoding))
    return setup


def second_csv(root: Path) -> None:
    """The same rows again in a second CSV of the package: every figure id used twice."""
    (root / "datapackages/figures/data/bc-2021-bis.csv").write_bytes((root / CSV).read_bytes())
    append(PACKAGE, "  - name: bc-2021-bis\n    path: data/bc-2021-bis.csv\n    schema: figures.schema.yaml\n")(root)


THIRD = "datapackages/third/datapackage.yaml"
THIRD_CSV = "datapackages/third/data/t.csv"


def third_party(resource: str = "", csv_text: str = "code,name\nA,Alpha\n", top: str = "") -> Setup:
    """A third-party package (no figures, no report): one resource, its descriptor text given
    (indented under `resources:`), the schema of two string fields added unless it says `schema:`."""
    schema = "" if "schema:" in resource else "    schema:\n      fields:\n        - {name: code, type: string}\n        - {name: name, type: string}\n"
    text = f"name: third\n{top}resources:\n  - name: t\n{resource or '    path: data/t.csv'}\n{schema}"

    def setup(root: Path) -> None:
        write(THIRD, text)(root)
        write(THIRD_CSV, csv_text)(root)
    return setup


def second_package(root: Path) -> None:
    """A copy of the package folder under another folder name, keeping the package name."""
    shutil.copytree(root / "datapackages/figures", root / "datapackages/figures-copy")
    replace(root, "datapackages/figures-copy/data/bc-2021.csv", "bc-2021-001,", "bc-2021-004,")
    replace(root, "datapackages/figures-copy/data/bc-2021.csv", "bc-2021-002,", "bc-2021-005,")
    replace(root, "datapackages/figures-copy/data/bc-2021.csv", "bc-2021-003,", "bc-2021-006,")


def symlink(rel: str, target: Callable[[Path], Path]) -> Setup:
    def setup(root: Path) -> None:
        link = root / rel
        if link.exists():
            link.unlink()
        link.symlink_to(target(root))
    return setup


def outside(root: Path) -> Path:
    """A file outside the project, as a symbolic link might point to."""
    path = root.parent / "elsewhere.txt"
    path.write_text("Nam 2021 tiep nhan 7.447 ho so, truc tuyen 5.386 ho so.\nNam 2020 tiep nhan 6.000 ho so.\n", encoding="utf-8")
    return path


def copy(rel: str, to: str) -> Setup:
    def setup(root: Path) -> None:
        shutil.copyfile(root / rel, root / to)
    return setup


def each(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for s in setups:
            s(root)
    return setup


# The minimal project's quotes with their readings, as if its source had lost its diacritics.
SHIPPED_READINGS = (("Nam 2021 tiep nhan 7.447 ho so", "Năm 2021 tiếp nhận 7.447 hồ sơ"), ("truc tuyen 5.386 ho so.", "trực tuyến 5.386 hồ sơ."),
                    ("Nam 2020 tiep nhan 6.000 ho so.", "Năm 2020 tiếp nhận 6.000 hồ sơ."))


def restored(root: Path) -> None:
    """The report's source is OCR whose diacritics the published text restores."""
    replace(root, REPORT, "  ocr: false", "  ocr: true\n  diacritics_restored: true")


def readings(*pairs: tuple[str, str]) -> Setup:
    """content/sources/bc-2021.readings.yaml with these (OCR quote, reading) entries, one key a line."""
    body = "".join(f'  - ocr: "{ocr}"\n    reading: "{reading}"\n' for ocr, reading in pairs)
    return write("content/sources/bc-2021.readings.yaml", "# readings\nreadings:\n" + body)


def cycle(root: Path) -> None:
    write("content/units/xa-c.yaml", "id: xa-c\nlevel: commune\nparent: xa-d\nname:\n  vi: Xã C\n  en: C commune\n")(root)
    write("content/units/xa-d.yaml", "id: xa-d\nlevel: commune\nparent: xa-c\nname:\n  vi: Xã D\n  en: D commune\n")(root)


def header(old: str, new: str) -> Setup:
    def setup(root: Path) -> None:
        lines = (root / CSV).read_text(encoding="utf-8").splitlines()
        lines[0] = lines[0].replace(old, new)
        (root / CSV).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return setup


def delimiter(sep: str) -> Setup:
    return lambda root: (root / CSV).write_text((root / CSV).read_text(encoding="utf-8").replace(",", sep), encoding="utf-8")


# A release manifest as exports/changelog.dump_manifest writes one (one row per line), of the minimal project.
MANIFEST = """{
 "format": 1,
 "release": "0.1.0",
 "date": "2021-12-31",
 "version": "0.1.0",
 "packages": {"figures": "0.1.0"},
 "tables": {
  "figures": {
   "bc-2021-001": {"hash": "b684496f229897df", "fields": {"unit": "huyen-b", "value": "7447"}},
   "bc-2021-002": {"hash": "036611925d1024ba", "fields": {"unit": "huyen-b", "value": "5386"}}
  }
 }
}
"""
RELEASE = "datapackages/releases/0.1.0.json"


def manifest(old: str, new: str, rel: str = RELEASE) -> Setup:
    """The manifest above, with `old` replaced, written as `rel`."""
    assert old in MANIFEST, f"fixture text {old!r} not in MANIFEST"
    return write(rel, MANIFEST.replace(old, new, 1))


# Seven lists of nine, each of the nine aliases naming the list before: 9**7 values from 400 bytes.
ALIAS_BOMB = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ['"x"'] * 9) + "]\n" for i in range(7))


SHARE_ROW = "bc-2021-004,bc-2021,huyen-b,share-online,2021,2021-01-01,2021-12-31,,{value},,reported,Mục 1,truc tuyen 5.386 ho so.,,,\n"
ONLINE = "content/indicators/dossiers-received-online.yaml"
AT_MOST = "identities:\n  - name:\n      vi: Trực tuyến không quá tổng tiếp nhận\n      en: Online at most received\n    at_most: dossiers-received\n"


def shares_of_parts(online: str, offline: str) -> Setup:
    """Dossiers received declared the sum of online and offline, whose shares of it are published."""
    offline_count = ("id: dossiers-received-offline\nname:\n  vi: Hồ sơ trực tiếp\n  en: Dossiers received in person\ndefinition:\n  vi: Số hồ sơ nộp trực tiếp.\n"
                     "  en: Dossiers received in person.\nunit: count\nfield: procedures\ntopic: dossiers\n")
    offline_share = ("id: share-offline\nname:\n  vi: Tỷ lệ hồ sơ trực tiếp\n  en: Offline share\ndefinition:\n  vi: Trực tiếp chia tổng.\n  en: In person over total.\n"
                     "unit: percent\nfield: procedures\nformula:\n  numerator: dossiers-received-offline\n  denominator: dossiers-received\ntopic: dossiers\n")
    total = "identities:\n  - name:\n      vi: Trực tuyến + trực tiếp = tiếp nhận\n      en: Online + in person = received\n    sum: [dossiers-received-online, dossiers-received-offline]\n"
    return each(write("content/indicators/dossiers-received-offline.yaml", offline_count), write("content/indicators/share-offline.yaml", offline_share),
                append("content/indicators/dossiers-received.yaml", total), append(CSV, SHARE_ROW.format(value=online)),
                append(CSV, SHARE_ROW.format(value=offline).replace("bc-2021-004", "bc-2021-005").replace("share-online", "share-offline")))


ALLOWED_UNIT_KEYS = "id, level, parent, name, short_name, admin_code, website, reorganisation_2025, description"
COLUMNS = "id, report, unit, indicator, period, period_start, period_end, breakdown, value, qualifier, status, locator, quote, flag, note_vi, note_en"

LEVEL_DIMENSION = "id: level\nname:\n  vi: Cấp\n  en: Level\nvalues:\n  - id: district\n    name:\n      vi: cấp huyện\n      en: district level\n"

CATALOGUE = [
    # ---- YAML that does not parse
    Bad("yaml-syntax", "malformed YAML (an unclosed [)", edit(REPORT, "number: 12/BC-UBND", "number: [12"),
        "content/reports/bc-2021.yaml:6:5: YAML syntax error: expected ',' or ']', but got ':'", "yaml-syntax"),
    Bad("tab", "a tab used for indentation", edit(REPORT, "  vi: Huyện tiếp nhận", "\tvi: Huyện tiếp nhận"),
        "content/reports/bc-2021.yaml:16:1: tab used for indentation; indent with spaces", "yaml-tab"),
    Bad("tab-after-key", "a tab between a key and its value", edit(UNIT, "level: district", "level:\tdistrict"),
        "content/units/huyen-b.yaml:2:7: a tab where YAML expects a space; use spaces", "yaml-tab"),
    Bad("duplicate-key", "a key given twice in one mapping", edit(REPORT, "issuer: huyen-b", "issuer: huyen-b\nissuer: tinh-a"),
        'content/reports/bc-2021.yaml:4:1: issuer: duplicate key "issuer" (first defined on line 3)', "yaml-duplicate-key"),
    Bad("duplicate-key-flow", "a key given twice in a mapping written on one line ({vi: …, vi: …})",
        edit(UNIT, "name:\n  vi: Huyện B\n  en: B district", "name: {vi: Huyện B, vi: B district}"),
        'content/units/huyen-b.yaml:4:21: vi: duplicate key "vi"', "yaml-duplicate-key"),
    Bad("empty-file", "an empty YAML file", write("content/units/xa-e.yaml", ""),
        "content/units/xa-e.yaml:1:1: file is empty", "empty"),
    Bad("not-a-mapping", "a YAML file that is a list, not a mapping of fields", write("content/units/xa-e.yaml", "- id: xa-e\n- level: commune\n"),
        "content/units/xa-e.yaml:1:1: expected a mapping of fields, got a list", "schema"),
    Bad("nfd-yaml", "NFD text (decomposed diacritics) in YAML", edit(REPORT, "  vi: Huyện tiếp nhận", "  vi: Huye\u0302\u0323n tiếp nhận"),
        "content/reports/bc-2021.yaml:16:11: text is not Unicode NFC (decomposed diacritics); run `site-builder fmt`", "unicode-nfc"),
    Bad("yaml-control-character", "a control character (a form feed from pdftotext) pasted into YAML", edit(UNIT, "  vi: Huyện B", "  vi: Huyện\x0cB"),
        "content/units/huyen-b.yaml:5:12: control character U+000C is not allowed; remove it", "yaml-control"),
    Bad("yaml-control-escape", "a control character written as a YAML escape (\"\\f\")", edit(UNIT, "  vi: Huyện B", '  vi: "Huyện\\fB"'),
        "content/units/huyen-b.yaml:5:7: name.vi: control character U+000C in the text; remove it", "yaml-control"),
    Bad("yaml-line-separator", "an invisible line separator (U+2028) pasted into YAML", edit(UNIT, "  vi: Huyện B", "  vi: Huyện\u2028B"),
        "content/units/huyen-b.yaml:5:12: invisible line separator U+2028; remove it, or break the line with Enter", "yaml-line-separator"),
    # ---- wrong types
    Bad("mapping-for-text", "a mapping where text is expected", edit(REPORT, "number: 12/BC-UBND", "number:\n  so: 12"),
        "content/reports/bc-2021.yaml:6:3: number: expected text, got a mapping", "schema-string_type"),
    Bad("mapping-for-translation", "a mapping where a translation's text is expected", edit(REPORT, "  vi: Báo cáo kết quả CCHC năm 2021", "  vi:\n    x: 1"),
        "content/reports/bc-2021.yaml:14:5: title.vi: expected text, got a mapping", "schema-string_type"),
    Bad("text-for-mapping", "plain text where a bilingual {vi, en} mapping is expected",
        edit(REPORT, "title:\n  vi: Báo cáo kết quả CCHC năm 2021\n  en: Administrative reform results 2021\n", "title: Báo cáo kết quả CCHC năm 2021\n"),
        "content/reports/bc-2021.yaml:12:8: title: expected a mapping of vi, en, got text", "schema-model_type"),
    Bad("number-for-text", "a number where text is expected (an unquoted period code)", edit(REPORT, '  code: "2021"', "  code: 2021"),
        'content/reports/bc-2021.yaml:11:9: period.code: expected text, got a number; put it in quotes: "2021"', "schema-string_type"),
    Bad("text-for-date", "a word where a date is expected", edit(REPORT, "date: 2021-12-20", "date: yesterday"),
        "content/reports/bc-2021.yaml:6:7: date: 'yesterday' is not a valid date; write YYYY-MM-DD", "schema-date_from_datetime_parsing"),
    Bad("number-for-date", "a bare year where a date is expected", edit(REPORT, "date: 2021-12-20", "date: 2021"),
        "content/reports/bc-2021.yaml:6:7: date: 2021 is not a valid date; write YYYY-MM-DD", "schema-date_from_datetime_inexact"),
    Bad("text-for-boolean", "text where true/false is expected", edit(REPORT, "  ocr: false", "  ocr: maybe"),
        "content/reports/bc-2021.yaml:20:8: source.ocr: expected true or false, got 'maybe'", "schema-bool_parsing"),
    Bad("text-for-list", "text where a list is expected", edit(REPORT, "source:\n", "recipients: UBND tỉnh\nsource:\n"),
        "content/reports/bc-2021.yaml:18:13: recipients: expected a list (items starting with '- '), got text", "schema-list_type"),
    Bad("enum", "a value outside an enumeration", edit(UNIT, "level: district", "level: county"),
        "content/units/huyen-b.yaml:2:8: level: must be one of: province, district, commune, office or party", "schema-enum"),
    Bad("id-pattern", "an id that is not lower-case ASCII words", edit(UNIT, "id: huyen-b", "id: Huyện B"),
        "content/units/huyen-b.yaml:1:5: id: does not match the pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$", "schema-string_pattern_mismatch"),
    # ---- unknown and missing keys
    Bad("unknown-key", "an unknown key", edit(UNIT, "level: district", "level: district\ncolour: red"),
        f"content/units/huyen-b.yaml:3:1: colour: unknown key; allowed keys: {ALLOWED_UNIT_KEYS}", "schema-extra_forbidden"),
    Bad("missing-required", "a required field missing", edit(UNIT, "  vi: Huyện B\n", ""),
        "content/units/huyen-b.yaml:4:1: name.vi: required field is missing", "schema-missing"),
    Bad("missing-package-name", "a data package without a name", edit(PACKAGE, "name: figures\n", ""),
        "datapackages/figures/datapackage.yaml:1:1: name: required field is missing", "package"),
    Bad("missing-resource-path", "a package resource without a path", edit(PACKAGE, "    path: data/bc-2021.csv\n", ""),
        "datapackages/figures/datapackage.yaml:7:5: resources[0].path: required field is missing", "package"),
    Bad("resource-path-type", "a package resource whose path is a number", edit(PACKAGE, "path: data/bc-2021.csv", "path: 5"),
        "datapackages/figures/datapackage.yaml:8:11: resources[0].path: expected text, got a number", "package"),
    # ---- data package descriptors and Table Schemas
    Bad("package-not-a-mapping", "a datapackage.yaml that is a list", write(PACKAGE, "- name: figures\n"),
        "datapackages/figures/datapackage.yaml:1:1: expected a mapping of fields, got a list", "package"),
    Bad("package-name-type", "a package name that is a number", edit(PACKAGE, "name: figures", "name: 5"),
        "datapackages/figures/datapackage.yaml:1:7: name: expected the package's name as text, got a number", "package"),
    Bad("package-without-resources", "a package whose list of resources is empty", edit(PACKAGE, RESOURCE, "resources: []\n"),
        "datapackages/figures/datapackage.yaml:6:12: resources: a data package needs a list of resources", "package"),
    Bad("resource-not-a-mapping", "a resource written as a bare file name", edit(PACKAGE, RESOURCE, "resources:\n  - data/bc-2021.csv\n"),
        "datapackages/figures/datapackage.yaml:7:5: resources[0]: expected a resource (name, path, schema), got text", "package"),
    Bad("schema-without-fields", "a Table Schema with no fields", write(SCHEMA_FILE, "fields: []\n"),
        "datapackages/figures/figures.schema.yaml:1:9: fields: a table schema needs a list of fields, each with a name", "package"),
    Bad("schema-field-without-name", "a Table Schema field without a name", edit(SCHEMA_FILE, "  - name: id\n", "  - title: id\n"),
        "datapackages/figures/figures.schema.yaml:2:5: fields[0].name: each field needs a name (text)", "package"),
    Bad("schema-field-type", "a Table Schema field of a type frictionless does not know",
        edit(SCHEMA_FILE, "  - name: report\n    type: string", "  - name: report\n    type: text"),
        'datapackages/figures/datapackage.yaml:1:1: invalid data package: Field is not valid: field type "text" is not supported', "package"),
    # ---- unknown ids
    Bad("unknown-parent", "an unknown parent unit", edit(UNIT, "parent: tinh-a", "parent: tinh-z"),
        "content/units/huyen-b.yaml:3:9: parent: unknown unit 'tinh-z'", "unknown-id"),
    Bad("unknown-report-unit", "a report about an unknown unit", edit(REPORT, "unit: huyen-b", "unit: huyen-x"),
        "content/reports/bc-2021.yaml:2:7: unit: unknown unit 'huyen-x'", "unknown-id"),
    Bad("unknown-indicator-in-formula", "a formula naming an unknown indicator",
        edit("content/indicators/share-online.yaml", "denominator: dossiers-received", "denominator: dossiers-all"),
        "content/indicators/share-online.yaml:13:16: formula.denominator: unknown indicator 'dossiers-all'", "unknown-id"),
    Bad("csv-unknown-unit", "a figure row naming an unknown unit", edit(CSV, "huyen-b,dossiers-received,2021", "huyen-q,dossiers-received,2021"),
        "datapackages/figures/data/bc-2021.csv:2:21: unit: unknown unit 'huyen-q' (no content/units/huyen-q.yaml)", "unknown-id"),
    Bad("csv-unknown-indicator", "a figure row naming an unknown indicator", edit(CSV, "huyen-b,dossiers-received,2021", "huyen-b,dossiers-lost,2021"),
        "datapackages/figures/data/bc-2021.csv:2:29: indicator: unknown indicator 'dossiers-lost' (no content/indicators/dossiers-lost.yaml)", "unknown-id"),
    Bad("unknown-breakdown", "a breakdown dimension content/breakdowns does not name",
        edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,colour=red,7447,,reported"),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: unknown breakdown 'colour': add content/breakdowns/colour.yaml naming it and its values in both languages", "unknown-breakdown"),
    Bad("unknown-breakdown-value", "a breakdown value its dimension does not list",
        edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,channel=fax,7447,,reported"),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: 'fax' is not a value of breakdown 'channel' (known: hotline, postal); add it to content/breakdowns/channel.yaml", "unknown-breakdown"),
    # ---- press articles and web pages (content/web_sources.py)
    Bad("web-source-without-url", "a press article without the address it was read at",
        edit(REPORT, "document_type: bao_cao", "document_type: bai_bao\npublisher: Báo B\nretrieved: 2022-01-05"),
        "content/reports/bc-2021.yaml:4:16: url: required for a press article (document_type bai_bao): the address it was read at, starting with https://",
        "web-source"),
    Bad("web-source-javascript-url", "a javascript: address, which a link would run",
        edit(REPORT, "document_type: bao_cao", "document_type: bao_cao\nurl: \"javascript:alert(1)\"\nretrieved: 2022-01-05"),
        "content/reports/bc-2021.yaml:5:6: url: 'javascript:alert(1)' is not a web address: write it whole as the browser shows it, starting with https:// or http://",
        "schema-value_error"),
    Bad("web-source-url-alone", "an official document's address without the day it was read",
        edit(REPORT, "document_type: bao_cao", "document_type: bao_cao\nurl: https://example.org/bc-2021"),
        "content/reports/bc-2021.yaml:5:6: retrieved: url is given, so retrieved is needed too: an address is cited with the day it was read", "web-source"),
    Bad("web-source-read-before-published", "an article read before its publication date (a mistyped day)",
        edit(REPORT, "document_type: bao_cao", "document_type: trang_web\npublisher: Cổng B\nurl: https://example.org/b\nretrieved: 2021-12-02"),
        "content/reports/bc-2021.yaml:7:12: retrieved: retrieved on 2021-12-02, before the web page was dated (2021-12-20); write the day you read it",
        "web-source"),
    Bad("web-source-read-in-the-future", "a day read that has not come (a mistyped year)",
        edit(REPORT, "document_type: bao_cao", "document_type: bai_bao\npublisher: Báo B\nurl: https://example.org/b\nretrieved: 2999-01-05"),
        "content/reports/bc-2021.yaml:7:12: retrieved: 2999-01-05 is in the future; write the day you read it", "web-source"),
    Bad("unknown-breakdown-second-pair", "a breakdown of two pairs whose second value its dimension does not list",
        each(write("content/breakdowns/level.yaml", LEVEL_DIMENSION), edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,channel=hotline;level=village,7447,,reported")),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: 'village' is not a value of breakdown 'level' (known: district); "
        "add it to content/breakdowns/level.yaml", "unknown-breakdown"),
    Bad("breakdown-dimension-twice", "a breakdown naming one dimension twice",
        edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,channel=hotline;channel=postal,7447,,reported"),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: dimension 'channel' is given twice in 'channel=hotline;channel=postal'; "
        "a figure belongs to one value of each dimension", "breakdown-form"),
    Bad("breakdown-order", "a breakdown of two pairs not in alphabetical order of dimension",
        each(write("content/breakdowns/level.yaml", LEVEL_DIMENSION), edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,level=district;channel=hotline,7447,,reported")),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: write the dimensions of 'level=district;channel=hotline' in alphabetical order: "
        "channel=hotline;level=district (`site-builder fmt` does)", "breakdown-form"),
    Bad("breakdown-trailing-separator", "a breakdown ending in the separator ';'",
        edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,channel=hotline;,7447,,reported"),
        "datapackages/figures/data/bc-2021.csv:2:74: breakdown: 'channel=hotline;' does not match the pattern ([a-z_]+=[a-z0-9_-]+(;[a-z_]+=[a-z0-9_-]+)*)?",
        "frictionless-constraint-error"),
    # ---- duplicate ids
    Bad("id-filename", "an id that differs from its file name", edit(UNIT, "id: huyen-b", "id: huyen-c"),
        "content/units/huyen-b.yaml:1:5: id: id 'huyen-c' must equal the file name 'huyen-b'", "id-filename"),
    Bad("duplicate-file-id", "the same report id in two files (x.yaml and x.yml)",
        lambda root: (root / "content/reports/bc-2021.yml").write_bytes((root / REPORT).read_bytes()),
        "content/reports/bc-2021.yml:1:5: id: id 'bc-2021' is already used by content/reports/bc-2021.yaml; keep one of the two files", "duplicate-id"),
    Bad("duplicate-report-number", "the same report number from the same issuer in the same year (one document twice)",
        lambda root: (root / "content/reports/bc-2021-b.yaml").write_text((root / REPORT).read_text(encoding="utf-8").replace("id: bc-2021", "id: bc-2021-b"), encoding="utf-8"),
        "content/reports/bc-2021-b.yaml:5:9: number: report number '12/BC-UBND' of issuer 'huyen-b' in 2021 is already used by content/reports/bc-2021.yaml: the same document twice?", "duplicate-id"),
    Bad("duplicate-row-id", "the same figure id twice in one CSV", edit(CSV, "bc-2021-002,", "bc-2021-001,"),
        "datapackages/figures/data/bc-2021.csv:3:1: id: duplicate id: the same as in the row at position 2", "frictionless-unique-error"),
    Bad("duplicate-figure-id", "the same figure id in two CSVs of the package", second_csv,
        "datapackages/figures/data/bc-2021-bis.csv:2:1: id: figure id 'bc-2021-001' is also used in datapackages/figures/data/bc-2021.csv:2", "duplicate-id"),
    Bad("duplicate-package-name", "two package folders with the same package name", second_package,
        "datapackages/figures-copy/datapackage.yaml:1:7: name: package name 'figures' is already used by datapackages/figures/datapackage.yaml", "duplicate-id"),
    Bad("duplicate-resource", "a resource listed twice in a package", append(PACKAGE, "  - name: bc-2021\n    path: data/bc-2021.csv\n    schema: figures.schema.yaml\n"),
        "datapackages/figures/datapackage.yaml:10:11: resources[1].name: resource 'bc-2021' is already listed as resources[0]", "package"),
    Bad("breakdown-value-twice", "a breakdown value listed twice", edit("content/breakdowns/channel.yaml", "  - id: postal", "  - id: hotline"),
        "content/breakdowns/channel.yaml:10:9: values[1].id: value 'hotline' is listed twice", "duplicate-id"),
    Bad("glossary-term-twice", "a glossary term defined in two files",
        each(write("content/glossary/a.yaml", "terms:\n  - term: CCHC\n    vi: cải cách hành chính\n    en: administrative reform\n"),
             write("content/glossary/b.yaml", "terms:\n  - term: CCHC\n    vi: cải cách hành chính\n    en: administrative reform\n")),
        "content/glossary/b.yaml:2:11: terms[0].term: term 'CCHC' is already defined in content/glossary/a.yaml", "duplicate-id"),
    # ---- the unit tree
    Bad("unit-cycle", "a cycle in the unit tree", cycle,
        "content/units/xa-c.yaml:3:9: parent: cycle in the unit tree: xa-c → xa-d → xa-c", "unit-cycle"),
    Bad("province-parent", "a province with a parent", edit("content/units/tinh-a.yaml", "level: province", "level: province\nparent: huyen-b"),
        "content/units/tinh-a.yaml:3:9: parent: a province has no parent", "unit-tree"),
    # ---- dates and periods
    Bad("impossible-date", "an impossible date, 2023-02-31", edit(REPORT, "date: 2021-12-20", "date: 2023-02-31"),
        "content/reports/bc-2021.yaml:6:7: date: '2023-02-31' is not a valid date: 2023-02 has no day 31; write YYYY-MM-DD", "schema-date_from_datetime_parsing"),
    Bad("impossible-date-dmy", "31/02/2023 written day/month/year as printed in the document", edit(REPORT, "date: 2021-12-20", "date: 31/02/2023"),
        "content/reports/bc-2021.yaml:6:7: date: '31/02/2023' is not a valid date: 2023-02 has no day 31; write YYYY-MM-DD", "schema-date_from_datetime_parsing"),
    Bad("date-dmy", "a real date written day/month/year (20/12/2021)", edit(REPORT, "date: 2021-12-20", "date: 20/12/2021"),
        "content/reports/bc-2021.yaml:6:7: date: '20/12/2021' is written day/month/year; write YYYY-MM-DD: 2021-12-20", "schema-date_from_datetime_parsing"),
    Bad("csv-impossible-date-dmy", "31/02/2023 in a CSV date column", edit(CSV, "2021,2021-01-01,2021-12-31,,7447", "2021,31/02/2023,2021-12-31,,7447"),
        "datapackages/figures/data/bc-2021.csv:2:52: period_start: '31/02/2023' is not a valid date: 2023-02 has no day 31; write YYYY-MM-DD", "frictionless-type-error"),
    Bad("period-order", "a report period that ends before it starts", edit(REPORT, "end: 2021-12-31", "end: 2020-12-31"),
        "content/reports/bc-2021.yaml:8:3: period: period ends (2020-12-31) before it starts (2021-01-01)", "schema-value_error"),
    Bad("csv-period-order", "a figure period that ends before it starts", edit(CSV, "2021,2021-01-01,2021-12-31,,7447", "2021,2022-01-01,2021-12-31,,7447"),
        "datapackages/figures/data/bc-2021.csv:2:63: period_end: period ends (2021-12-31) before it starts (2022-01-01)", "period-order"),
    # ---- values
    Bad("percent-over-100", "a percentage over 100", append(CSV, SHARE_ROW.format(value="100.5")),
        "datapackages/figures/data/bc-2021.csv:5:70: value: 100.5 is over 100 for a percent indicator", "percent-range"),
    Bad("negative-count", "a negative count", edit(CSV, "2021,2021-01-01,2021-12-31,,7447", "2021,2021-01-01,2021-12-31,,-7447"),
        "datapackages/figures/data/bc-2021.csv:2:75: value: -7447 is below the minimum 0", "frictionless-constraint-error"),
    Bad("fractional-count", "a fraction for a count", edit(CSV, "2021-12-31,,5386,,reported", "2021-12-31,,5386.5,,reported"),
        "datapackages/figures/data/bc-2021.csv:3:82: value: 5386.5 is not a whole number for a count indicator", "count-integer"),
    Bad("wrong-type", "text in a number column", edit(CSV, "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,abc"),
        "datapackages/figures/data/bc-2021.csv:2:75: value: 'abc' is not a number; write digits with a dot for decimals (72.3), no thousands separator", "frictionless-type-error"),
    Bad("thousands-separator", "a number written with a thousands separator (\"7,447\")", edit(CSV, "2021-01-01,2021-12-31,,7447", '2021-01-01,2021-12-31,,"7,447"'),
        "datapackages/figures/data/bc-2021.csv:2:75: value: '7,447' is not a number; write digits with a dot for decimals (72.3), no thousands separator", "frictionless-type-error"),
    Bad("infinite-value", "a number too large to be finite (1e400)", edit(CSV, "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,1e400"),
        "datapackages/figures/data/bc-2021.csv:2:75: value: '1e400' is not a finite number", "value-range"),
    Bad("reported-without-value", "a reported figure without a value", edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,,,,reported"),
        "datapackages/figures/data/bc-2021.csv:2:75: value: status is 'reported' but the value is empty", "status-value"),
    Bad("missing-with-value", "a figure marked missing that has a value", edit(CSV, "7447,,reported", "7447,,missing"),
        "datapackages/figures/data/bc-2021.csv:2:75: value: status is 'missing' but a value is given", "status-value"),
    Bad("period-mismatch", "a period code whose year is not the year of its dates",
        edit(CSV, "dossiers-received,2021,2021-01-01", "dossiers-received,2020,2021-01-01"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2020' (year) covers 2020-01-01–2020-12-31 or 2019-12-15–2020-12-14, "
        "not 2021-01-01–2021-12-31; the dates are the period 2021", "period-mismatch"),
    # ---- periods as reports write them (content/periods.py)
    Bad("year-for-nine-months", "figures for the first nine months filed under the year",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021,2021-01-01,2021-09-30"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021' (year) covers 2021-01-01–2021-12-31 or 2020-12-15–2021-12-14, "
        "not 2021-01-01–2021-09-30; the dates are the period 2021-9M", "period-mismatch"),
    Bad("quarter-for-a-month", "a quarter code on the dates of one month",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021-Q4,2021-10-01,2021-10-31"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021-Q4' (quarter) covers 2021-10-01–2021-12-31 or 2021-09-15–2021-12-14, "
        "not 2021-10-01–2021-10-31; the dates are the period 2021-10", "period-mismatch"),
    Bad("year-for-a-range", "a year code on a reporting span that stops short of the year's end",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021,2020-12-15,2021-10-31"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021' (year) covers 2021-01-01–2021-12-31 or 2020-12-15–2021-12-14, "
        "not 2020-12-15–2021-10-31; the dates are the period 2020-12-15/2021-10-31", "period-mismatch"),
    Bad("range-other-dates", "a date range code whose dates are not the row's",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021-07-21/2021-08-20,2021-07-21,2021-08-31"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021-07-21/2021-08-20' is the range 2021-07-21–2021-08-20, not 2021-07-21–2021-08-31",
        "period-mismatch"),
    Bad("running-total-with-start", "a running total (lũy kế đến …) given a start date",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,../2021-09-30,2021-01-01,2021-09-30"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: a running total to 2021-09-30 has no start date; leave period_start empty, "
        "or write the range 2021-01-01/2021-09-30", "period-mismatch"),
    Bad("year-without-start", "a year whose start date is left empty",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021,,2021-12-31"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021' (year) covers 2021-01-01–2021-12-31 or 2020-12-15–2021-12-14, "
        "not …–2021-12-31; the dates are the period ../2021-12-31", "period-mismatch"),
    Bad("impossible-range-code", "a range code naming a day that does not exist",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021-02-30/2021-03-31,2021-03-01,2021-03-31"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021-02-30/2021-03-31' is not a period code; write "
        "2021, 2021-H1, 2021-Q3, 2021-09, 2022-9M, 2011-2020, 2021-07-21/2021-08-20 or ../2023-09-30", "period-mismatch"),
    Bad("period-code-shape", "a period code in none of the known shapes (9T is typed 9M in the data)",
        edit(CSV, "dossiers-received,2021,2021-01-01,2021-12-31", "dossiers-received,2021-9T,2021-01-01,2021-09-30"),
        "datapackages/figures/data/bc-2021.csv:2:47: period: '2021-9T' does not match the pattern "
        + "(?:(?:(\\d{4}))|(?:(\\d{4})-H([12]))|(?:(\\d{4})-Q([1-4]))|(?:(\\d{4})-(0[1-9]|1[0-2]))|(?:(\\d{4})-([1-9]|1[01])M)|(?:(\\d{4})-(\\d{4}))"
        + "|(?:(\\d{4}-\\d{2}-\\d{2})/(\\d{4}-\\d{2}-\\d{2}))|(?:\\.\\./(\\d{4}-\\d{2}-\\d{2})))", "frictionless-constraint-error"),
    Bad("report-period-kind", "a report period whose kind contradicts its code", edit(REPORT, "  kind: year", "  kind: quarter"),
        "content/reports/bc-2021.yaml:8:3: period: kind is quarter but the code '2021' names a year period", "schema-value_error"),
    Bad("report-period-dates", "a report period whose dates are not its kind's", edit(REPORT, "end: 2021-12-31", "end: 2021-09-30"),
        "content/reports/bc-2021.yaml:8:3: period: '2021' (year) covers 2021-01-01–2021-12-31 or 2020-12-15–2021-12-14, "
        "not 2021-01-01–2021-09-30; the dates are the period 2021-9M", "schema-value_error"),
    Bad("report-period-code", "a report period code in none of the known shapes", edit(REPORT, '  code: "2021"', '  code: "2021-9T"'),
        "content/reports/bc-2021.yaml:11:9: period.code: period code must look like "
        "2021, 2021-H1, 2021-Q3, 2021-09, 2022-9M, 2011-2020, 2021-07-21/2021-08-20 or ../2023-09-30", "schema-value_error"),
    Bad("report-uncertain-field", "an uncertain header field the model does not know", edit(REPORT, "number: 12/BC-UBND", "number: 12/BC-UBND\nuncertain: [numero]"),
        "content/reports/bc-2021.yaml:6:13: uncertain[0]: must be one of: number, date, signer, place or period", "schema-enum"),
    Bad("uncertain-but-missing", "a header field listed as uncertain that the report leaves empty (missing, not uncertain)",
        edit(REPORT, "number: 12/BC-UBND\n", "uncertain: [signer]\nnumber: 12/BC-UBND\n"),
        "content/reports/bc-2021.yaml:1:1: uncertain lists signer, which the report leaves empty: a field the copy does not show is "
        "missing, not uncertain; leave it empty and say why in date_note", "schema-value_error"),
    # ---- value qualifiers (content/qualifiers.py)
    Bad("qualifier-enum", "a qualifier outside its enumeration", edit(CSV, ",7447,,reported", ",7447,about,reported"),
        "datapackages/figures/data/bc-2021.csv:2:80: qualifier: 'about' must be one of: (empty), approx, more_than, at_least, less_than, at_most, estimated",
        "frictionless-constraint-error"),
    Bad("qualifier-without-value", "a qualifier on a figure the document does not give",
        edit(CSV, "2021-12-31,,7447,,reported", "2021-12-31,,,approx,missing"),
        "datapackages/figures/data/bc-2021.csv:2:76: qualifier: qualifier 'approx' qualifies a value, but the value is empty", "qualifier-value"),
    Bad("figure-id", "a figure id that does not start with its report's id", edit(CSV, "bc-2021-001,bc-2021", "bc-2020-001,bc-2021"),
        "datapackages/figures/data/bc-2021.csv:2:1: id: id must start with the report id 'bc-2021-'", "figure-id"),
    Bad("status-enum", "a status outside its enumeration", edit(CSV, ",reported,Mục 1,Nam 2021", ",reportd,Mục 1,Nam 2021"),
        "datapackages/figures/data/bc-2021.csv:2:81: status: 'reportd' must be one of: reported, missing", "frictionless-constraint-error"),
    Bad("required-cell", "an empty required cell", edit(CSV, ",7447,,reported,Mục 1,", ",7447,,reported,,"),
        "datapackages/figures/data/bc-2021.csv:2:90: locator: a value is required", "frictionless-constraint-error"),
    Bad("quote-not-in-source", "a quote that is not in the source text", edit(CSV, "Nam 2021 tiep nhan 7.447 ho so", "Nam 2021 tiep nhan 7.448 ho so"),
        "datapackages/figures/data/bc-2021.csv:2:96: quote: quote not found verbatim in the report's source text", "quote-not-in-source"),
    Bad("flag-without-note", "a flag without a note in both languages",
        edit(CSV, "7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,", "7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,inconsistent,,"),
        "datapackages/figures/data/bc-2021.csv:2:140: note_vi: flag 'inconsistent' needs a note in both languages", "flag-note"),
    # ---- figures that disagree (content/consistency.py): warnings, errors under --strict
    Bad("figures-disagree", "the same unit, indicator and period given twice with different values",
        append(CSV, "bc-2021-004,bc-2021,huyen-b,dossiers-received,2021,2021-01-01,2021-12-31,,7477,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,\n"),
        "datapackages/figures/data/bc-2021.csv:5:75: warning: value: dossiers-received for huyen-b, 2021 is given as 7447 (bc-2021-001) vs 7477 (bc-2021-004); "
        "flag the rows `inconsistent` with a note saying which the report contradicts, or correct a misread value", "figures-disagree", ("check", "--strict")),
    Bad("figures-disagree-rounding", "the same share given twice, once with more decimals",
        each(append(CSV, SHARE_ROW.format(value="72.3")), append(CSV, SHARE_ROW.format(value="72.32").replace("bc-2021-004", "bc-2021-005"))),
        "datapackages/figures/data/bc-2021.csv:6:70: warning: value: share-online for huyen-b, 2021 is given as 72.3 (bc-2021-004) vs 72.32 (bc-2021-005), "
        "a difference rounding explains; flag the rows `rounding` with a note", "figures-disagree", ("check", "--strict")),
    Bad("share-formula", "a published share that is not numerator ÷ denominator", append(CSV, SHARE_ROW.format(value="75.1")),
        "datapackages/figures/data/bc-2021.csv:5:70: warning: value: Online share = Dossiers received online ÷ Dossiers received: 5386 ÷ 7447 × 100 = 72.3244, "
        "published 75.1, more than rounding explains, for huyen-b, 2021 (rows bc-2021-004, bc-2021-002, bc-2021-001); "
        "flag the share `inconsistent` with a note saying what it was divided by", "share-formula", ("check", "--strict")),
    Bad("identity-broken", "figures that break an identity the catalogue declares (online at most received)",
        each(append(ONLINE, AT_MOST), edit(CSV, "2021,2021-01-01,2021-12-31,,5386", "2021,2021-01-01,2021-12-31,,8386")),
        "datapackages/figures/data/bc-2021.csv:3:82: warning: value: Online at most received: 8386 (dossiers-received-online) > 7447 (dossiers-received) "
        "for huyen-b, 2021 (rows bc-2021-002, bc-2021-001); flag the row that is wrong `inconsistent` with a note, or correct a misread value",
        "identity-broken", ("check", "--strict")),
    Bad("identity-broken-rounding", "shares of the parts of a sum that add up to 100.1%", shares_of_parts("50.1", "50.0"),
        "datapackages/figures/data/bc-2021.csv:5:70: warning: value: Online share + Offline share = 100%: 50.1 (share-online) + 50.0 (share-offline) = 100.1, not 100 "
        "for huyen-b, 2021 (rows bc-2021-004, bc-2021-005), a gap rounding explains (half a unit of each number's last printed digit); flag the rows `rounding` with a note",
        "identity-broken", ("check", "--strict")),
    Bad("flag-unexplained", "a rounding flag on a figure no identity finds a gap in",
        edit(CSV, "7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,", "7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,rounding,làm tròn,rounding"),
        "datapackages/figures/data/bc-2021.csv:2:127: warning: flag: flagged `rounding` but no check finds a rounding gap involving this row", "flag-unexplained",
        ("check", "--strict")),
    Bad("identity-self", "an identity that names its own indicator", append(ONLINE, AT_MOST.replace("at_most: dossiers-received", "at_most: dossiers-received-online")),
        "content/indicators/dossiers-received-online.yaml:16:14: identities[0].at_most: 'dossiers-received-online' is the indicator that declares this identity; "
        "name the other indicators it relates to", "identity-self"),
    Bad("identity-unknown", "an identity that names an indicator not in the catalogue", append(ONLINE, AT_MOST.replace("at_most: dossiers-received", "at_most: dossiers-recieved")),
        "content/indicators/dossiers-received-online.yaml:16:14: identities[0].at_most: unknown indicator 'dossiers-recieved'", "unknown-id"),
    Bad("identity-two-kinds", "an identity that is both a sum and an upper bound",
        append(ONLINE, AT_MOST + "    sum: [dossiers-received, share-online]\n"),
        "content/indicators/dossiers-received-online.yaml:13:5: identities[0]: give exactly one of sum, at_most or parts (found sum, at_most)", "schema-value_error"),
    # ---- CSV files
    Bad("csv-utf16", "a CSV in UTF-16", encode("utf-16"),
        "datapackages/figures/data/bc-2021.csv:1:1: file is UTF-16; save it as UTF-8 without BOM", "encoding"),
    Bad("csv-bom", "a CSV with a byte-order mark", encode("utf-8-sig"),
        "datapackages/figures/data/bc-2021.csv:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM", "encoding"),
    Bad("csv-cp1258", "a CSV in Windows-1258", encode("cp1258"),
        "datapackages/figures/data/bc-2021.csv:2:92: file is not valid UTF-8; save it as UTF-8", "encoding"),
    Bad("csv-semicolon", "a CSV separated by semicolons", delimiter(";"),
        "datapackages/figures/data/bc-2021.csv:1:1: columns are separated by semicolons; use commas", "csv-delimiter"),
    Bad("csv-tab", "a CSV separated by tabs", delimiter("\t"),
        "datapackages/figures/data/bc-2021.csv:1:1: columns are separated by tabs; use commas", "csv-delimiter"),
    Bad("csv-extra-column", "an extra column in the header", header("breakdown", "subgroup"),
        f"datapackages/figures/data/bc-2021.csv:1:57: subgroup: unexpected column 'subgroup'; expected columns: {COLUMNS}", "csv-extra-column"),
    Bad("csv-missing-column", "a column missing from the header", header("breakdown", "subgroup"),
        "datapackages/figures/data/bc-2021.csv:1:1: breakdown: missing column 'breakdown'", "csv-missing-column"),
    Bad("csv-column-order", "two columns of the header swapped", header("note_vi,note_en", "note_en,note_vi"),
        f"datapackages/figures/data/bc-2021.csv:1:1: columns are out of order; expected: {COLUMNS}", "csv-column-order"),
    Bad("csv-extra-cell", "a row with more cells than the header", edit(CSV, "Nam 2021 tiep nhan 7.447 ho so,,,", "Nam 2021 tiep nhan 7.447 ho so,,,,extra"),
        "datapackages/figures/data/bc-2021.csv:2:130: row has more cells than the 16 columns of the header; a cell holding a comma must be in double quotes", "frictionless-extra-cell"),
    Bad("csv-missing-cell", "a row with fewer cells than the header", edit(CSV, "Nam 2021 tiep nhan 7.447 ho so,,,", "Nam 2021 tiep nhan 7.447 ho so,,"),
        "datapackages/figures/data/bc-2021.csv:2:1: note_en: row ends before column 'note_en'; every row needs all 16 columns", "frictionless-missing-cell"),
    Bad("csv-unclosed-quote", "a double quote that is never closed", edit(CSV, "bc-2021-001,bc-2021,huyen-b", 'bc-2021-001,bc-2021,"huyen-b'),
        "datapackages/figures/data/bc-2021.csv:2:21: a double-quoted cell is not closed on this line; close the quote (each row stays on one line)", "csv-quote"),
    Bad("csv-blank-row", "a blank row", edit(CSV, "\nbc-2021-002", "\n\nbc-2021-002"),
        "datapackages/figures/data/bc-2021.csv:3:1: blank row; remove it", "frictionless-blank-row"),
    Bad("csv-control-character", "a control character (a form feed from pdftotext) in a CSV cell", edit(CSV, "Nam 2021 tiep nhan 7.447", "Nam 2021\x0ctiep nhan 7.447"),
        "datapackages/figures/data/bc-2021.csv:2:104: control character U+000C in the file; remove it, or use a space (spreadsheets cannot store it)", "csv-control"),
    Bad("csv-bare-carriage-return", "a carriage return alone inside a cell (a line break for the csv module, not for editors)", edit(CSV, "Mục 1,Nam 2021", '"Mục\r1",Nam 2021'),
        "datapackages/figures/data/bc-2021.csv:2:94: control character U+000D in the file; remove it, or use a space (spreadsheets cannot store it)", "csv-control"),
    Bad("nfd-csv", "NFD text in a CSV", edit(CSV, "Mục 1,Nam 2021", "Mu\u0323c 1,Nam 2021"),
        "datapackages/figures/data/bc-2021.csv:2:92: text is not Unicode NFC (decomposed diacritics); run `site-builder fmt`", "unicode-nfc"),
    Bad("csv-not-listed", "a CSV its package does not list", lambda root: (root / "datapackages/figures/data/bc-2022.csv").write_bytes((root / CSV).read_bytes()),
        "datapackages/figures/data/bc-2022.csv:0:0: CSV file not listed in datapackages/figures/datapackage.yaml: add a resource (name, path, schema) for it, or remove it", "unlisted-file"),
    # ---- files: references that leave the repository, symbolic links, size
    Bad("path-escape", "a source file reference that leaves the repository: ../../etc/passwd", edit(REPORT, "file: bc-2021.txt", "file: ../../etc/passwd"),
        "content/reports/bc-2021.yaml:19:9: source.file: '../../etc/passwd' leaves content/sources/; name a .txt file inside that folder", "schema-value_error"),
    Bad("path-escape-txt", "a source file reference that leaves the repository: ../../etc/passwd.txt", edit(REPORT, "file: bc-2021.txt", "file: ../../etc/passwd.txt"),
        "content/reports/bc-2021.yaml:19:9: source.file: '../../etc/passwd.txt' leaves content/sources/; name a .txt file inside that folder", "schema-value_error"),
    Bad("path-absolute", "an absolute source file reference", edit(REPORT, "file: bc-2021.txt", "file: /etc/passwd"),
        "content/reports/bc-2021.yaml:19:9: source.file: '/etc/passwd' leaves content/sources/; name a .txt file inside that folder", "schema-value_error"),
    Bad("resource-path-escape", "a package resource path that leaves the repository", edit(PACKAGE, "path: data/bc-2021.csv", "path: ../../etc/passwd"),
        "datapackages/figures/datapackage.yaml:8:11: resources[0].path: '../../etc/passwd' leaves the package folder", "path-escape"),
    Bad("schema-path-escape", "a package schema path that leaves the repository", edit(PACKAGE, "schema: figures.schema.yaml", "schema: ../../etc/passwd"),
        "datapackages/figures/datapackage.yaml:9:13: resources[0].schema: '../../etc/passwd' leaves the package folder", "path-escape"),
    Bad("missing-source", "a source file that does not exist", edit(REPORT, "file: bc-2021.txt", "file: bc-2020.txt"),
        "content/reports/bc-2021.yaml:19:9: source.file: file content/sources/bc-2020.txt not found", "missing-file"),
    Bad("missing-resource-file", "a package resource whose CSV does not exist", edit(PACKAGE, "path: data/bc-2021.csv", "path: data/bc-2020.csv"),
        "datapackages/figures/datapackage.yaml:8:11: resources[0].path: file 'data/bc-2020.csv' not found", "missing-file"),
    Bad("missing-schema-file", "a package schema file that does not exist", edit(PACKAGE, "schema: figures.schema.yaml", "schema: figure.schema.yaml"),
        "datapackages/figures/datapackage.yaml:9:13: resources[0].schema: schema file 'figure.schema.yaml' not found in the package folder", "missing-file"),
    Bad("symlink-yaml", "a symbolic link in content/", symlink("content/units/link.yaml", lambda root: root / "content/units/tinh-a.yaml"),
        "content/units/link.yaml:0:0: symbolic links are not allowed in content/; commit the file itself", "symlink"),
    Bad("symlink-source", "a source text that is a symbolic link out of the repository", symlink("content/sources/bc-2021.txt", outside),
        "content/reports/bc-2021.yaml:19:9: source.file: 'bc-2021.txt' leaves content/sources/", "path-escape"),
    Bad("symlink-source-inside", "a source text that is a symbolic link to another source text",
        each(copy(SOURCE, "content/sources/bc-2021-copy.txt"), symlink(SOURCE, lambda root: root / "content/sources/bc-2021-copy.txt")),
        "content/reports/bc-2021.yaml:19:9: source.file: 'bc-2021.txt' is a symbolic link", "symlink"),
    Bad("symlink-csv", "a package CSV that is a symbolic link", symlink(CSV, lambda root: root / "datapackages/figures/figures.schema.yaml"),
        "datapackages/figures/datapackage.yaml:8:11: resources[0].path: 'data/bc-2021.csv' is a symbolic link", "symlink"),
    Bad("symlink-schema", "a package schema file that is a symbolic link",
        each(copy(SCHEMA_FILE, "datapackages/figures/real.schema.yaml"), symlink(SCHEMA_FILE, lambda root: root / "datapackages/figures/real.schema.yaml")),
        "datapackages/figures/datapackage.yaml:9:13: resources[0].schema: schema file 'figures.schema.yaml' is a symbolic link", "missing-file"),
    Bad("large-yaml", "a very large YAML file", write("content/units/big.yaml", "id: big\n# " + "x" * 2_100_000 + "\n"),
        "content/units/big.yaml:0:0: file is 2,100,011 bytes; the limit is 2,000,000", "too-large"),
    Bad("unknown-folder", "a folder in content/ no loader reads", write("content/report/bc-2022.yaml", "id: bc-2022\n"),
        "content/report:0:0: unknown folder; content/ holds breakdowns, glossary, indicators, maps, pages, reports, sources, units", "unknown-folder"),
    Bad("unknown-file", "a file directly in content/", write("content/notes.txt", "x\n"),
        "content/notes.txt:0:0: file outside the content folders", "unknown-file"),
    # ---- structures no real file has (content/limits.py)
    Bad("too-deep", "a YAML file nested 500 levels deep in brackets (1 kB)",
        write("content/units/xa-e.yaml", "id: xa-e\nlevel: commune\nname: " + "[" * 500 + "]" * 500 + "\n"),
        "content/units/xa-e.yaml:3:70: nested more than 64 levels deep; close the brackets, or flatten the structure", "too-deep"),
    Bad("too-deep-dashes", "a YAML file nested 500 levels deep as '- - - …' on one line",
        write("content/units/xa-e.yaml", "id: xa-e\nlevel: commune\nname:\n" + "- " * 500 + "x\n"),
        "content/units/xa-e.yaml:4:127: nested more than 64 levels deep; close the brackets, or flatten the structure", "too-deep"),
    Bad("too-deep-json", "a JSON file nested 500 levels deep", write(RELEASE, "[" * 500 + "]" * 500 + "\n"),
        "datapackages/releases/0.1.0.json:1:65: nested more than 64 levels deep; close the brackets, or flatten the structure", "too-deep"),
    Bad("alias-bomb", "aliases that expand to millions of values (billion laughs)", write("content/units/xa-e.yaml", ALIAS_BOMB),
        "content/units/xa-e.yaml:6:10: the aliases (*name) of this file repeat more than 100,000 values; write the values out, or use fewer aliases", "yaml-alias"),
    Bad("alias-cycle", "an alias inside the collection it names",
        write("content/units/xa-e.yaml", "id: xa-e\nlevel: commune\nname: &n\n  vi: Xã E\n  en: [*n]\n"),
        "content/units/xa-e.yaml:5:8: alias (*name) inside the collection it names: an endless structure; write the values out", "yaml-alias"),
    # ---- release manifests (content/releases.py)
    Bad("json-syntax", "a release manifest with a comma missing", manifest('"format": 1,', '"format": 1'),
        "datapackages/releases/0.1.0.json:3:2: JSON syntax error: Expecting ',' delimiter", "json-syntax"),
    Bad("json-duplicate-key", "a key twice in a release manifest's row", manifest('"value": "5386"}', '"value": "5386", "value": "5387"}'),
        'datapackages/releases/0.1.0.json:10:95: value: duplicate key "value"', "json-duplicate-key"),
    Bad("release-not-object", "a release manifest that is a list", write(RELEASE, "[]\n"),
        "datapackages/releases/0.1.0.json:1:1: expected a release manifest (a JSON object), got an array", "release"),
    Bad("release-format", "a release manifest of another format", manifest('"format": 1,', '"format": 2,'),
        "datapackages/releases/0.1.0.json:2:12: format: must be 1 (the manifest format this site reads), got 2", "release"),
    Bad("release-missing", "a release manifest without its release", manifest(' "release": "0.1.0",\n', ""),
        "datapackages/releases/0.1.0.json:1:1: release: required field is missing", "release"),
    Bad("release-name", "a release manifest renamed", manifest('"release": "0.1.0"', '"release": "0.2.0"'),
        "datapackages/releases/0.1.0.json:3:13: release: release '0.2.0' does not match the file name: the file of release 0.2.0 is 0.2.0.json", "release"),
    Bad("release-date", "a release date written day/month/year", manifest('"date": "2021-12-31"', '"date": "31/12/2021"'),
        "datapackages/releases/0.1.0.json:4:10: date: '31/12/2021' is not a valid date; write YYYY-MM-DD", "release"),
    Bad("release-packages", "a package's version as a number", manifest('"figures": "0.1.0"', '"figures": 1'),
        "datapackages/releases/0.1.0.json:6:15: packages.figures: expected an object of package names, each with its version as text", "release"),
    Bad("release-tables", "a row without its hash", manifest('"hash": "036611925d1024ba", ', ""),
        "datapackages/releases/0.1.0.json:10:4: tables.figures.bc-2021-002: expected an object of tables, each an object of row ids, "
        "each with a hash (text) and fields (an object of texts)", "release"),
    Bad("release-twice", "two manifests of the same release (0.1.0 and 0.1.00)",
        each(write(RELEASE, MANIFEST), manifest('"release": "0.1.0"', '"release": "0.1.00"', "datapackages/releases/0.1.00.json")),
        "datapackages/releases/0.1.00.json:3:13: release: release '0.1.00' is also in datapackages/releases/0.1.0.json", "release"),
    Bad("release-stray-file", "a file that is no manifest among the releases", write("datapackages/releases/notes.txt", "x\n"),
        "datapackages/releases/notes.txt:0:0: not a release manifest: datapackages/releases/ holds only <release>.json files", "unknown-file"),
    # ---- site settings (content/settings.py)
    Bad("settings-missing", "mkdocs.yml deleted", lambda root: (root / "mkdocs.yml").unlink(),
        "mkdocs.yml:0:0: mkdocs.yml not found: the site's settings (theme, address, description) are read from it", "settings"),
    Bad("settings-not-mapping", "mkdocs.yml written as a list", write("mkdocs.yml", "- site_name: x\n"),
        "mkdocs.yml:1:1: expected a mapping of settings, got a list", "settings"),
    Bad("settings-custom-dir-missing", "the theme's overrides folder not named", edit("mkdocs.yml", "  custom_dir: templates/overrides\n", ""),
        "mkdocs.yml:13:1: theme.custom_dir: required setting is missing", "settings"),
    Bad("settings-theme", "a theme that is not installed", edit("mkdocs.yml", "name: material", "name: no-such-theme"),
        "mkdocs.yml:14:9: theme.name: theme 'no-such-theme' is not installed (installed: material, mkdocs, readthedocs)", "settings"),
    Bad("settings-tag", "a Python tag as Material's documentation writes for emoji",
        edit("mkdocs.yml", "  - admonition\n", "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"),
        "mkdocs.yml:42:20: the tag !!python/name:material.extensions.emoji.twemoji is not read by the build, "
        "which reads mkdocs.yml as plain YAML; write the value itself", "settings"),
    Bad("settings-custom-dir-outside", "the theme's overrides folder outside the project",
        edit("mkdocs.yml", "custom_dir: templates/overrides", "custom_dir: ../overrides"),
        "mkdocs.yml:15:15: theme.custom_dir: '../overrides' is not a folder of the project; name the theme's overrides folder "
        "relative to mkdocs.yml (templates/overrides)", "settings"),
    Bad("settings-type", "extra written as a list", edit("mkdocs.yml", "plugins: []", "plugins: []\nextra: [a]"),
        "mkdocs.yml:40:8: extra: expected a mapping, got a list", "settings"),
    Bad("settings-palette", "a colour scheme written as text",
        edit("mkdocs.yml", '    - media: "(prefers-color-scheme: dark)"', '    - dark\n    - media: "(prefers-color-scheme: dark)"'),
        "mkdocs.yml:32:7: theme.palette[1]: expected a colour scheme (a mapping), got text", "settings"),
    Bad("settings-url", "the site's address without https://",
        edit("mkdocs.yml", "# site_url: https://example.org/minhbach/", "site_url: example.org/minhbach/"),
        "mkdocs.yml:6:11: site_url: 'example.org/minhbach/' is not a web address; write it whole, starting with https://", "settings"),
    Bad("settings-set-by-build", "a menu (nav) the build would replace", edit("mkdocs.yml", "plugins: []", "plugins: []\nnav:\n  - index.md"),
        "mkdocs.yml:40:1: nav: set by the build (the menu of both languages); remove it", "settings"),
    # ---- warnings (an error with --strict) and other commands
    Bad("translation-missing", "a bilingual text without English, checked with --strict", edit(REPORT, "  en: The district received 7,447 dossiers.\n", ""),
        "content/reports/bc-2021.yaml:15:1: warning: summary: English translation missing (shown as 'not yet translated')", "translation-missing",
        ("check", "--strict")),
    # ---- readings of OCR quotes (content/sources/<name>.readings.yaml)
    Bad("reading-changed-digit", "a reading that changes a digit of its OCR quote",
        each(restored, readings(("Nam 2021 tiep nhan 7.447 ho so", "Năm 2021 tiếp nhận 7.448 hồ sơ"))),
        "content/sources/bc-2021.readings.yaml:4:14: readings[0].reading: the reading is not the same text as its OCR quote: "
        "'7.448' is not in the OCR text here (the OCR has '7.447')", "reading-differs"),
    Bad("reading-dropped-word", "a reading that leaves out a word of its OCR quote",
        each(restored, readings(("truc tuyen 5.386 ho so.", "trực tuyến 5.386 sơ."))),
        "content/sources/bc-2021.readings.yaml:4:14: readings[0].reading: the reading is not the same text as its OCR quote: "
        "'sơ' is not in the OCR text here (the OCR has 'ho')", "reading-differs"),
    Bad("reading-missing", "a quote of a source whose diacritics are restored, without a reading; checked with --strict", restored,
        "datapackages/figures/data/bc-2021.csv:2:96: warning: quote: quote of an OCR source whose diacritics are restored has no reading "
        "in content/sources/bc-2021.readings.yaml; the page shows the raw OCR", "reading-missing", ("check", "--strict")),
    Bad("reading-unused", "a reading of a sentence no figure quotes; checked with --strict",
        each(restored, readings(*SHIPPED_READINGS, ("Nam 2019 tiep nhan", "Năm 2019 tiếp nhận"))),
        "content/sources/bc-2021.readings.yaml:9:10: warning: readings[3].ocr: no figure or target of report 'bc-2021' quotes this text",
        "reading-unused", ("check", "--strict")),
    Bad("reading-twice", "two readings of one quote (the second is not used); checked with --strict",
        each(restored, readings(*SHIPPED_READINGS, SHIPPED_READINGS[0])),
        "content/sources/bc-2021.readings.yaml:9:10: warning: readings[3].ocr: this quote already has a reading on line 3", "reading-unused",
        ("check", "--strict")),
    Bad("fmt-order", "keys `fmt` cannot put in schema order (an alias would come before its anchor)",
        write("content/units/xa-e.yaml", "short_name: &n\n  vi: E\nname: *n\nid: xa-e\nlevel: commune\n"),
        "content/units/xa-e.yaml:1:1: keys are not in schema order and could not be moved safely; reorder them by hand", "fmt-order",
        ("fmt", "--check")),
    # ---- `site-builder new`: what it refuses to write
    Bad("new-indicator-exists", "`new indicator` with the id of an indicator already there", lambda root: None,
        "content/indicators/dossiers-received.yaml:1:5: id: indicator 'dossiers-received' already exists; not overwritten", "new-exists",
        ("new", "indicator", "--id", "dossiers-received")),
    Bad("new-breakdown-value-exists", "`new breakdown` with a value the dimension lists", lambda root: None,
        "content/breakdowns/channel.yaml:6:9: values[0].id: value 'hotline' is already in breakdown 'channel'; not added", "new-exists",
        ("new", "breakdown", "channel", "hotline", "--vi", "đường dây nóng")),
    Bad("new-indicator-id", "`new indicator` with an id in Vietnamese words", lambda root: None,
        "content/indicators/Buổi lưu động.yaml:1:1: id: indicator id 'Buổi lưu động' must be lower-case ASCII words joined by hyphens, e.g. huyen-loc-ninh",
        "new-id", ("new", "indicator", "--id", "Buổi lưu động")),
    Bad("new-breakdown-value-id", "`new breakdown` with a value that is not a code", lambda root: None,
        "content/breakdowns/channel.yaml:5:1: values[2].id: breakdown value 'Zalo App' must be lower-case ASCII letters and digits joined by '-' or '_', e.g. in-person",
        "new-id", ("new", "breakdown", "channel", "Zalo App", "--vi", "qua Zalo")),
    Bad("map-cell-twice", "two tiles of a map on one cell", lambda root: write_map(root, "map-a", MAP.replace("row: 1", "row: 0")),
        "content/maps/map-a.yaml:21:10: tiles[1].row: tile HCM (Hồ Chí Minh) is on column 0, row 0, already taken by HN (Hà Nội)", "map-layout"),
    Bad("map-code-twice", "a province code twice on one map", lambda root: write_map(root, "map-a", MAP.replace('"79"', '"01"')),
        "content/maps/map-a.yaml:15:11: tiles[1].code: code '01' is already on the tile of HN (Hà Nội)", "map-layout"),
    Bad("map-label-twice", "a tile label twice on one map", lambda root: write_map(root, "map-a", MAP.replace("label: HCM", "label: HN")),
        "content/maps/map-a.yaml:19:12: tiles[1].label: label 'HN' is already used by HN (Hà Nội)", "map-layout"),
    Bad("map-overlap", "two maps in force on the same day", lambda root: (write_map(root, "map-a", MAP), write_map(root, "map-b", MAP.replace("id: map-a", "id: map-b").replace("valid_from: 2008-08-01", "valid_from: 2020-01-01"))),
        "content/maps/map-b.yaml:5:13: valid_from: starts on 2020-01-01, while content/maps/map-a.yaml is still in force; a day has one map", "map-layout"),
    Bad("package-two-descriptors", "a package folder with datapackage.json beside datapackage.yaml",
        lambda root: (third_party()(root), write("datapackages/third/datapackage.json", "{}")(root)),
        "datapackages/third/datapackage.yaml:1:1: this folder has two descriptors (datapackage.json too); keep one of them", "package-unsupported"),
    Bad("package-remote-resource", "a third-party resource on the internet", third_party("    path: https://example.org/t.csv"),
        "datapackages/third/datapackage.yaml:4:11: resources[0].path: 'https://example.org/t.csv' is on the internet, and the build reads no network; "
        "download it into the package folder and give its relative path", "package-unsupported"),
    Bad("package-not-a-table", "a GeoJSON resource", third_party("    path: data/t.csv\n    format: geojson"),
        "datapackages/third/datapackage.yaml:5:13: resources[0].format: a 'geojson' resource is not a table; the site publishes tables (CSV, TSV or inline data)",
        "package-unsupported"),
    Bad("package-multipart", "a resource in two files", third_party("    path: [data/t.csv, data/u.csv]"),
        "datapackages/third/datapackage.yaml:4:11: resources[0].path: a resource split over several files is not read; join them into one CSV", "package-unsupported"),
    Bad("package-compressed", "a gzip-compressed resource", third_party("    path: data/t.csv\n    compression: gz"),
        "datapackages/third/datapackage.yaml:5:18: resources[0].compression: compressed resources are not read; unpack the file into the package folder",
        "package-unsupported"),
    Bad("package-unknown-encoding", "an encoding Python does not know", third_party("    path: data/t.csv\n    encoding: tcvn-3"),
        "datapackages/third/datapackage.yaml:5:15: resources[0].encoding: 'tcvn-3' is not an encoding Python knows; name it as the IANA registry does (utf-8, windows-1258)",
        "package-unsupported"),
    Bad("package-dialect", "a delimiter of two characters", third_party("    path: data/t.csv\n    dialect: {delimiter: ';;'}"),
        "datapackages/third/datapackage.yaml:5:26: resources[0].dialect.delimiter: must be exactly one character", "package-unsupported"),
    Bad("package-dialect-file", "a dialect kept in a file", third_party("    path: data/t.csv\n    dialect: dialect.json"),
        "datapackages/third/datapackage.yaml:5:14: resources[0].dialect: a dialect kept in a file of its own is not read; write its settings in the descriptor",
        "package-unsupported"),
    Bad("package-inline-shape", "inline data that is text", third_party("    data: A and Alpha"),
        "datapackages/third/datapackage.yaml:4:11: resources[0].data: inline data must be a list of rows (lists) or of records (mappings)", "package-unsupported"),
    Bad("package-old-licence", "a licence written with id and url (before 2017)",
        third_party(top="licenses:\n  - {id: CC0-1.0, url: 'https://creativecommons.org/publicdomain/zero/1.0/'}\n"),
        "datapackages/third/datapackage.yaml:3:5: licenses[0]: a licence needs a `name` (an SPDX identifier such as CC-BY-4.0) or a `path` (its web address); "
        "descriptors written before 2017 say `id` and `url` instead", "package-unsupported"),
    Bad("package-csv-quote", "a quote in the middle of a third-party cell", third_party(csv_text='code,name\nA,"Al"pha\n'),
        "datapackages/third/data/t.csv:2:1: the file is not CSV in the declared dialect (',' expected after '\"'); check the quotes on this line",
        "package-unsupported"),
    Bad("package-name-path", "a package name that would put its page outside the site (frictionless allows '/' and '.')",
        lambda root: write(THIRD, "name: ../../tmp/x\nresources:\n  - name: t\n    path: data/t.csv\n    schema:\n      fields:\n        - {name: code, type: string}\n")(root)
        or write(THIRD_CSV, "code\nA\n")(root),
        "datapackages/third/datapackage.yaml:1:7: name: '../../tmp/x' cannot name the dataset's page and files; "
        "a package name has no '/', does not start with '.' and is not 'index'", "package"),
    Bad("package-updated", "a package's last update that is no date", third_party(top="updated: soon\n"),
        "datapackages/third/datapackage.yaml:2:10: updated: 'soon' is not a date; write the day of the last update as YYYY-MM-DD", "package"),
    Bad("package-empty-key", "a third-party row whose primary key is empty",
        third_party("    path: data/t.csv\n    schema:\n      primaryKey: [code]\n      fields:\n        - {name: code, type: string}\n        - {name: name, type: string}",
                    csv_text="code,name\n,Alpha\nB,Beta\n"),
        "datapackages/third/data/t.csv:2:1: the primary key is empty; every row needs a value in its key", "frictionless-primary-key"),
]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    """Every problem made while the test runs: all of them are made by `Message.at`."""
    found: list[Problem] = []
    real = Message.at

    def record(self: Message, path: str, line: int, column: int, field: str = "") -> Problem:
        problem = real(self, path, line, column, field)
        found.append(problem)
        return problem

    monkeypatch.setattr(Message, "at", record)
    return found


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.id for c in CATALOGUE])
def test_bad_input_gets_exact_located_error_from_the_cli(minimal: Path, case: Bad, made: list[Problem]) -> None:
    case.setup(minimal)  # on the minimal project, clean (test_minimal_project_is_clean)
    result = CliRunner().invoke(main, [*case.args, "--root", str(minimal)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), f"{case.id}: {result.exception!r}"  # an escaped exception also exits 1
    assert "Traceback" not in result.output
    assert case.expected in result.output.splitlines()
    assert {p.code for p in made if p.text() == case.expected} == {case.code}, f"{case.id}: the line is printed with another code"


def test_catalogue_ids_are_unique() -> None:
    assert len({c.id for c in CATALOGUE}) == len(CATALOGUE)


def _wording(template: str) -> re.Pattern[str]:
    """A message of `template` at the end of a printed line (after 'path:line:column: ' and the field)."""
    parts = [re.escape(literal) + ("" if name is None else ".+?") for literal, name, _, _ in string.Formatter().parse(template)]
    return re.compile("(?:^|: )" + "".join(parts) + "$")


# Wordings no input is known to reach, kept as fallbacks; tests/site_builder/test_error_types.py makes them.
FALLBACKS = {("yaml-syntax", "other"), ("yaml-syntax", "unparsable")}


def test_every_error_type_and_each_of_its_wordings_has_a_case() -> None:
    """Each catalogue entry is produced by a case above, in each of its wordings; a family by at least one.

    A case's line is attributed to the most specific wording of its code that it matches (the one
    with the most fixed text), so the templates are also shown to give the very lines tested.
    """
    covered: set[tuple[str, str | None]] = set()
    for case in CATALOGUE:
        entry = lookup(case.code)
        assert entry is not None, f"{case.id}: code {case.code!r} is not in site_builder/error_types.py"
        if entry.family:
            covered.add((entry.code, None))
            continue
        matching = [(len(_wording(t).pattern), v) for v, t in entry.templates().items() if _wording(t).search(case.expected)]
        assert matching, f"{case.id}: no wording of {case.code} gives {case.expected!r}"
        covered.add((entry.code, max(matching, key=lambda m: m[0])[1]))
    for entry in ERROR_TYPES:
        assert (entry.code, None) in covered, f"no case in CATALOGUE produces {entry.code}: add one"
        for variant in entry.variants:
            if (entry.code, variant) in FALLBACKS:
                continue
            assert (entry.code, variant) in covered, f"no case in CATALOGUE produces {entry.code} worded as {variant!r}: add one"
    for code, variant in FALLBACKS:
        entry = lookup(code)
        assert entry is not None and variant in entry.variants and (code, variant) not in covered, f"{code} ({variant}) is no fallback"


@pytest.mark.parametrize("case_id", ["path-escape", "csv-utf16", "duplicate-figure-id"])
def test_the_installed_command_exits_1_without_traceback(minimal: Path, case_id: str) -> None:
    """The real console script in a process of its own: the exit status a shell or CI sees."""
    case = next(c for c in CATALOGUE if c.id == case_id)
    case.setup(minimal)
    script = Path(sys.executable).with_name("site-builder")
    run = subprocess.run([str(script), "check", "--root", str(minimal)], capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"), timeout=120)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert case.expected in run.stdout.splitlines()
    assert run.stderr.strip().endswith("warning(s)")


# --------------------------------------------------------------------------- beyond single inputs


def test_minimal_project_is_clean(minimal: Path) -> None:
    corpus, findings = validate(minimal)
    assert findings.problems == []
    assert corpus is not None and len(corpus.figures) == 3
    assert CliRunner().invoke(main, ["check", "--root", str(minimal)]).exit_code == 0


def test_both_ends_of_a_cycle_are_reported(minimal: Path) -> None:
    cycle(minimal)
    found = errors(minimal)
    assert "content/units/xa-c.yaml:3:9: parent: cycle in the unit tree: xa-c → xa-d → xa-c" in found
    assert "content/units/xa-d.yaml:3:9: parent: cycle in the unit tree: xa-d → xa-c → xa-d" in found


def test_a_broken_unit_is_reported_once_not_by_every_reference(minimal: Path) -> None:
    replace(minimal, UNIT, "id: huyen-b", "id: 12")
    assert errors(minimal) == ['content/units/huyen-b.yaml:1:5: id: expected text, got a number; put it in quotes: "12"']


def test_unchanged_csvs_skip_frictionless_but_errors_never_hide(minimal: Path) -> None:
    assert errors(minimal) == []
    remembered = sorted((minimal / "build/cache/validated").iterdir())
    assert len(remembered) == 1  # the one CSV, validated clean
    replace(minimal, CSV, "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,abc")
    wrong = "datapackages/figures/data/bc-2021.csv:2:75: value: 'abc' is not a number; write digits with a dot for decimals (72.3), no thousands separator"
    assert wrong in errors(minimal)
    assert wrong in errors(minimal)  # a CSV with errors is never remembered
    replace(minimal, CSV, "2021-01-01,2021-12-31,,abc", "2021-01-01,2021-12-31,,7447")
    assert errors(minimal) == []
    assert sorted((minimal / "build/cache/validated").iterdir()) == remembered


def test_every_error_is_collected_not_just_the_first(minimal: Path) -> None:
    replace(minimal, UNIT, "level: district", "level: county")
    replace(minimal, REPORT, "date: 2021-12-20", "date: 2023-02-31")
    replace(minimal, CSV, "huyen-b,dossiers-received,2021", "huyen-q,dossiers-received,2021")
    assert len(errors(minimal)) >= 3


def test_missing_english_is_a_warning_and_strict_fails(minimal: Path) -> None:
    replace(minimal, REPORT, "  en: The district received 7,447 dossiers.\n", "")
    _, findings = validate(minimal)
    assert [p.text() for p in findings.warnings] == [
        "content/reports/bc-2021.yaml:15:1: warning: summary: English translation missing (shown as 'not yet translated')"
    ]
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--root", str(minimal)]).exit_code == 0
    assert runner.invoke(main, ["check", "--root", str(minimal), "--strict"]).exit_code == 1


def test_github_and_json_formats_carry_the_same_locations(minimal: Path) -> None:
    replace(minimal, UNIT, "parent: tinh-a", "parent: tinh-z")
    runner = CliRunner()
    text = runner.invoke(main, ["check", "--root", str(minimal)]).output
    gh = runner.invoke(main, ["check", "--root", str(minimal), "--format", "github"]).output
    js = json.loads(runner.invoke(main, ["check", "--root", str(minimal), "--format", "json"]).output)
    assert "content/units/huyen-b.yaml:3:9: parent: unknown unit 'tinh-z'" in text
    assert "::error file=content/units/huyen-b.yaml,line=3,col=9,title=unknown-id::parent: unknown unit 'tinh-z'" in gh
    assert {"path": "content/units/huyen-b.yaml", "line": 3, "column": 9, "field": "parent", "message": "unknown unit 'tinh-z'", "code": "unknown-id", "severity": "error"} in js


def test_a_map_tile_without_english_is_a_located_warning(minimal: Path) -> None:
    write_map(minimal, "map-a", MAP.replace("      en: Hồ Chí Minh City\n", ""))
    corpus, findings = validate(minimal)
    assert corpus is not None and set(corpus.maps) == {"map-a"}
    warnings = [p.text() for p in findings.sorted() if p.severity.value == "warning"]
    assert warnings == ["content/maps/map-a.yaml:16:5: warning: tiles[1].name: English translation missing (shown as 'not yet translated')"]


def test_a_csv_past_the_size_limit_of_content_files_is_read(minimal: Path) -> None:
    """Figures grow with the data (a province's at national scale): no size limit refuses a CSV."""
    import csv
    import io

    from site_builder.content.yamlio import MAX_BYTES

    head, first = (minimal / CSV).read_text(encoding="utf-8").split("\n")[:2]
    cells = next(csv.reader([first]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for n in range(1, 1000):
        writer.writerow([f"bc-2021-{n:03d}"] + cells[1:14] + ["Ghi chú dài về cách đọc số liệu. " * 70, ""])
    (minimal / CSV).write_text(head + "\n" + out.getvalue(), encoding="utf-8")
    assert (minimal / CSV).stat().st_size > MAX_BYTES
    corpus, findings = validate(minimal)
    assert corpus is not None and not findings.errors, [p.text() for p in findings.errors][:3]
    assert len(corpus.figures) == 999


# --------------------------------------------------------------------------- the quick pass (content/rowcheck.py)


def second_report(root: Path) -> None:
    """A second report, bc-2020, listed before bc-2021 with the same schema: bc-2021's CSV is then
    not the first of its kind, which frictionless always validates, but one the quick pass decides."""
    for rel in (REPORT, SOURCE, CSV):
        text = (root / rel).read_text(encoding="utf-8").replace("bc-2021", "bc-2020").replace("12/BC-UBND", "11/BC-UBND")
        (root / rel.replace("bc-2021", "bc-2020")).write_text(text, encoding="utf-8")
    replace(root, PACKAGE, "resources:\n", "resources:\n  - name: bc-2020\n    path: data/bc-2020.csv\n    schema: figures.schema.yaml\n")


def given_to_frictionless(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the resources frictionless validates while the test runs."""
    from site_builder.content import packages

    names: list[str] = []
    real = packages._validate_chunk

    def record(args: tuple[dict[str, object], list[dict[str, object]], str]) -> tuple[list[object], bool]:
        names.extend(str(res["name"]) for res in args[1])
        return real(args)  # type: ignore[arg-type]

    monkeypatch.setattr(packages, "_validate_chunk", record)
    return names


def test_a_clean_csv_of_a_known_kind_is_not_given_to_frictionless(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    second_report(minimal)
    names = given_to_frictionless(monkeypatch)
    corpus, findings = validate(minimal)
    assert findings.errors == [] and corpus is not None and len(corpus.figures) == 6
    assert names == ["bc-2020"]  # the first of its kind, with the package's descriptor; bc-2021 passed the quick pass
    assert len(list((minimal / "build/cache/validated").iterdir())) == 2  # both remembered as clean


QUICK_CASES = [c for c in CATALOGUE if c.code.startswith("frictionless-") and c.expected.startswith(CSV)]


@pytest.mark.parametrize("case", QUICK_CASES, ids=[c.id for c in QUICK_CASES])
def test_what_frictionless_finds_is_found_in_any_csv_of_a_kind(minimal: Path, case: Bad, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of frictionless' findings in a CSV that is not the first of its kind: the quick pass
    sees something, hands the CSV to frictionless, and the same located message is printed."""
    second_report(minimal)
    case.setup(minimal)
    names = given_to_frictionless(monkeypatch)
    assert case.expected in errors(minimal)
    assert "bc-2021" in names


def test_the_quick_pass_made_beforehand_in_a_worker_is_the_same(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from site_builder.content import packages, quickpass

    second_report(minimal)
    replace(minimal, CSV, "2021-01-01,2021-12-31,,7447", "2021-01-01,2021-12-31,,abc")  # bc-2021 fails the pass
    verdicts = quickpass.quick_verdicts(minimal)
    assert sorted(verdicts.values()) == [False, True]  # bc-2021 fails, bc-2020 passes
    monkeypatch.setattr(quickpass, "VERDICTS_FROM", 1)
    monkeypatch.setattr(quickpass.os, "cpu_count", lambda: 2)
    wait = quickpass.start_quick_verdicts(minimal)
    assert wait() == verdicts  # made in another process, alike
    names = given_to_frictionless(monkeypatch)
    wrong = "datapackages/figures/data/bc-2021.csv:2:75: value: 'abc' is not a number; write digits with a dot for decimals (72.3), no thousands separator"
    assert wrong in errors(minimal) and names == ["bc-2020", "bc-2021"]
    replace(minimal, CSV, "2021-01-01,2021-12-31,,abc", "2021-01-01,2021-12-31,,7447")
    shutil.rmtree(minimal / "build")  # nothing remembered
    from site_builder.content.load import load_content

    content = load_content(minimal)[0]
    fresh = quickpass.quick_verdicts(minimal)
    assert sorted(fresh.values()) == [True, True]
    names.clear()
    assert packages.load_packages(minimal, content, lambda: {k: False for k in fresh})[3] == []
    assert names == ["bc-2020", "bc-2021"]  # a verdict given is taken: "not clean" sends bc-2021 to frictionless
    shutil.rmtree(minimal / "build")
    names.clear()
    assert packages.load_packages(minimal, content, lambda: fresh)[3] == [] and names == ["bc-2020"]


def test_the_worker_passes_over_what_an_earlier_run_found_clean(minimal: Path) -> None:
    from site_builder.content import packages, quickpass

    second_report(minimal)
    assert len(quickpass.quick_verdicts(minimal)) == 2
    assert errors(minimal) == []  # both remembered as clean
    assert quickpass.quick_verdicts(minimal) == {}
    replace(minimal, CSV, "Mục 1,Nam 2021", "Mục 2,Nam 2021")
    assert list(quickpass.quick_verdicts(minimal).values()) == [True]  # only the changed CSV
