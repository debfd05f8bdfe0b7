"""HTML safety: markup, scripts, links and template syntax in EVERY text field stay text in the built site.

The fixture is the minimal project grown to use every field of the content model, a glossary,
a targets package and flagged figures; then every string leaf that is human text (not an id,
date, enum, URL or file name) is replaced by an attack payload, numbered so each can be found.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel
from ruamel.yaml import YAML

from site_builder.publish.build import build
from site_builder.content.load import _model_in  # the loader's own walk of the model's annotations
from site_builder.content.model import Glossary, Indicator, Page, Report, Unit, Dimension, Text

ATTACK = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    '<a href="javascript:alert(4)">a</a> **b** {{ 7*7 }} {% raw %} {: onclick="alert(5)" } '
    "![z](x) <javascript:alert(6)> [y](javascript&#58;alert(7)) <!-- ' \" & ]]> CCHC <i>x</i>"
)
# A second line after a blank one: a raw HTML block of the Markdown ends at a blank line, and
# whatever follows is Markdown again (headings, attribute lists, links).
SECOND_LINE = "\n\n# heading {: onclick=\"alert(8)\" }\n\n[w](javascript:alert(9)) <script>alert(10)</script>"

# Keys whose values are not prose: ids, references, enums, dates, flags, file names, URLs.
MACHINE_KEYS = {"id", "level", "parent", "unit", "issuer", "document_type", "date", "start", "end", "code", "kind", "file", "ocr",
                "diacritics_restored", "field", "framework", "status", "successor", "admin_code", "website", "numerator",
                "denominator", "higher_is_better", "term", "uncertain", "topic", "additive", "sum", "unless", "at_most", "parts", "overlapping", "url", "retrieved"}
# In data package descriptors and schemas only these are prose; the rest are names, paths and types.
DESCRIPTOR_PROSE = {"title", "description"}

FULL = {
    "content/units/tinh-a.yaml": """\
        id: tinh-a
        level: province
        name: {vi: Tỉnh A, en: A province}
        short_name: {vi: A, en: A}
        admin_code: "70"
        website: https://example.org/"><script>alert(11)</script>
        reorganisation_2025:
          status: merged
          successor: huyen-b
          legal_basis: 202/2025/QH15
          note: {vi: Sáp nhập., en: Merged.}
        description: {vi: Một tỉnh., en: A province.}
        """,
    "content/indicators/share-online.yaml": """\
        id: share-online
        name: {vi: Tỷ lệ hồ sơ trực tuyến, en: Online share}
        definition: {vi: Trực tuyến chia tổng., en: Online over total.}
        unit: percent
        higher_is_better: true
        field: e_government
        formula: {numerator: dossiers-received-online, denominator: dossiers-received}
        topic: online
        additive: false
        frameworks:
          - framework: par_index
            ref: {vi: Chỉ số thành phần 6, en: Sub-index 6}
        identities:
          - name: {vi: Trực tuyến cộng trực tiếp, en: Online plus in person}
            sum: [dossiers-received, dossiers-received-online]
            unless: [dossiers-received]
          - name: {vi: Không quá tổng, en: At most the total}
            at_most: dossiers-received
          - name: {vi: Phân tổ không quá tổng, en: Parts at most the total}
            parts: true
        """,
    "content/breakdowns/channel.yaml": """\
        id: channel
        name: {vi: Kênh, en: Channel}
        overlapping: true
        values:
          - id: hotline
            name: {vi: đường dây nóng, en: hotline}
          - id: postal
            name: {vi: bưu chính, en: postal service}
        """,
    "content/reports/bc-2021.yaml": """\
        id: bc-2021
        unit: huyen-b
        issuer: huyen-b
        document_type: bao_cao
        number: 12/BC-UBND
        date: 2021-12-20
        date_note: {vi: Ngày ký rõ., en: The date is legible.}
        uncertain: [number, place]
        place: Huyện B
        publisher: Cổng thông tin huyện B
        author: Phòng Nội vụ
        url: https://example.org/bc-2021?a=1&b='onmouseover=alert(12)
        retrieved: 2022-01-05
        period: {kind: year, start: 2021-01-01, end: 2021-12-31, code: "2021"}
        data_period: {kind: range, start: 2021-01-01, end: 2021-11-30, code: 2021-01-01/2021-11-30}
        signer:
          name: Nguyễn Văn A
          title: {vi: Chủ tịch, en: Chairperson}
          on_behalf: {vi: TM. UBND, en: On behalf of the PC}
        recipients:
          - {vi: UBND tỉnh, en: Provincial PC}
        title: {vi: Báo cáo kết quả CCHC năm 2021, en: Administrative reform results 2021}
        summary: {vi: Huyện tiếp nhận 7.447 hồ sơ., en: "The district received 7,447 dossiers."}
        sections:
          - field: procedures
            heading: {vi: Cải cách TTHC, en: Procedure reform}
            points:
              - {vi: Tiếp nhận hồ sơ., en: Dossiers received.}
        assessments:
          achievements: [{vi: Đạt., en: Achieved.}]
          limitations: [{vi: Hạn chế., en: Limitation.}]
          causes: [{vi: Nguyên nhân., en: Cause.}]
          next_tasks: [{vi: Nhiệm vụ., en: Task.}]
          recommendations: [{vi: Kiến nghị., en: Recommendation.}]
        legal_references:
          - number: 76/NQ-CP
            type: {vi: Nghị quyết, en: Resolution}
            date: 2021-09-15
            issuer: {vi: Chính phủ, en: Government}
            title: {vi: Chương trình tổng thể CCHC, en: Master programme}
        source:
          file: bc-2021.txt
          ocr: true
          diacritics_restored: true
          note: {vi: Bản OCR., en: OCR copy.}
        """,
    "content/glossary/core.yaml": """\
        terms:
          - term: CCHC
            vi: cải cách hành chính
            en: administrative reform
            note: {vi: Viết tắt., en: Abbreviation.}
          - term: <i>x</i>
            vi: thẻ
            en: tag
        """,
    "datapackages/targets/datapackage.yaml": """\
        name: targets
        title: Targets
        description: Targets set by reports.
        licenses:
          - name: CC-BY-4.0
            path: https://creativecommons.org/licenses/by/4.0/
            title: Creative Commons Attribution 4.0
        sources:
          - title: The report
        contributors:
          - title: Minh Bạch
            role: publisher
        resources:
          - name: targets
            path: data/targets.csv
            schema: targets.schema.yaml
        """,
}
FIGURE_TEXT = ("locator", "quote", "note_vi", "note_en")
TARGET_TEXT = ("scope_vi", "scope_en", "locator", "quote", "note_vi", "note_en")


def _leaves(node: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any, Any]]:
    """(location, container, key) of every string leaf of a ruamel tree."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, str):
            yield loc + (key,), node, key
        else:
            yield from _leaves(value, loc + (key,))


def _prose(path: str, loc: tuple) -> bool:
    keys = [k for k in loc if isinstance(k, str)]
    if path.startswith("datapackages/"):
        return bool(keys) and keys[-1] in DESCRIPTOR_PROSE
    return bool(keys) and keys[-1] not in MACHINE_KEYS


class Poison:
    """Numbered payloads: payload(n) is ATTACK tagged #n, so a test can find where each one went."""

    def __init__(self) -> None:
        self.injected: dict[str, str] = {}  # tag -> where

    def __call__(self, where: str, multiline: bool = False) -> str:
        tag = f"#p{len(self.injected) + 1:03d}"
        self.injected[tag] = where
        return f"{ATTACK} {tag}" + (SECOND_LINE if multiline else "")


def poison_project(root: Path) -> Poison:
    """Grow the minimal project to every field, then put a payload into every prose string and CSV text cell."""
    import shutil
    import textwrap

    for rel, text in FULL.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    shipped = Path(__file__).resolve().parents[2] / "datapackages/directive-targets/datapackage.yaml"
    schema = YAML(typ="safe").load(shipped.read_text(encoding="utf-8"))["resources"][0]["schema"]
    YAML().dump(schema, root / "datapackages/targets/targets.schema.yaml")
    shutil.rmtree(root / "build", ignore_errors=True)

    poison = Poison()
    yaml = YAML(typ="rt")
    yaml.width = 4096
    files = sorted((root / "content").rglob("*.yaml")) + sorted((root / "datapackages").rglob("*.yaml"))
    for path in files:
        rel = path.relative_to(root).as_posix()
        tree = yaml.load(path.read_text(encoding="utf-8"))
        for loc, container, key in list(_leaves(tree)):
            if _prose(rel, loc):
                # the summary and the page paragraphs also get a blank line and Markdown after it
                multiline = loc[-2:] in (("summary", "vi"), ("summary", "en")) or "paragraphs" in loc
                container[key] = poison(f"{rel}:{'.'.join(map(str, loc))}", multiline)
        buf = io.StringIO()
        yaml.dump(tree, buf)
        path.write_text(buf.getvalue(), encoding="utf-8")

    quotes = []
    figures = root / "datapackages/figures/data/bc-2021.csv"
    rows = list(csv.DictReader(figures.open(encoding="utf-8")))
    for row in rows:
        for name in FIGURE_TEXT:
            row[name] = poison(f"figures {row['id']}.{name}")
        row["flag"] = "inconsistent"  # the notes show, in a tooltip attribute
        row["breakdown"] = {"bc-2021-002": "channel=hotline", "bc-2021-003": "channel=postal"}.get(row["id"], "")  # names shown
        quotes.append(row["quote"])
    _write_csv(figures, rows)
    target = {"id": "bc-2021-001", "report": "bc-2021", "unit": "huyen-b", "indicator": "share-online", "comparator": ">=", "target_value": "80",
              "deadline": "2025-12-31", "scope": "channel=hotline"}
    for name in TARGET_TEXT:
        target[name] = poison(f"targets.{name}")
    quotes.append(target["quote"])
    _write_csv(root / "datapackages/targets/data/targets.csv", [target], list(schema_field["name"] for schema_field in schema["fields"]))
    source = root / "content/sources/bc-2021.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n".join(quotes) + "\n" + ATTACK + SECOND_LINE + "\n", encoding="utf-8")
    return poison


def _write_csv(path: Path, rows: list[dict[str, str]], names: list[str] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=names or list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory, minimal_factory) -> tuple[Path, Poison]:
    """The poisoned project, built once; returns (project root, payloads)."""
    root = minimal_factory(tmp_path_factory.mktemp("poisoned") / "proj")
    poison = poison_project(root)
    build(root)
    return root, poison


# --------------------------------------------------------------------------- what must hold


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_model_field_is_in_the_fixture(poisoned: tuple[Path, Poison]) -> None:
    """The payloads reach every field of the content model: a field added later must be added here."""
    root, _ = poisoned
    yaml = YAML(typ="safe")
    present: set[str] = set()
    for path in (root / "content").rglob("*.yaml"):
        kind = path.parent.name
        _collect(yaml.load(path.read_text(encoding="utf-8")), kind, (), present)
    expected = set()
    for kind, model in {"units": Unit, "indicators": Indicator, "reports": Report, "breakdowns": Dimension, "pages": Page, "glossary": Glossary}.items():
        _fields(model, kind, (), expected)
    assert expected - present == set()


def _collect(node: Any, kind: str, loc: tuple, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            out.add(".".join((kind,) + loc + (key,)))
            _collect(value, kind, loc + (key,), out)
    elif isinstance(node, list):
        for value in node:
            _collect(value, kind, loc, out)


def _fields(model: type[BaseModel], kind: str, loc: tuple, out: set[str]) -> None:
    for name, info in model.model_fields.items():
        out.add(".".join((kind,) + loc + (name,)))
        inner = _model_in(info.annotation)
        if inner is not None and inner is not Text:
            _fields(inner, kind, loc + (name,), out)


def test_no_payload_survives_as_markup(poisoned: tuple[Path, Poison]) -> None:
    root, _ = poisoned
    site = root / "site"
    bad = []
    for page in _html_pages(site):
        rel = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                values = value if isinstance(value, list) else [value]
                if attr.lower().startswith("on"):
                    bad.append((rel, f"<{el.name} {attr}=…>"))
                if attr.lower() in ("href", "src", "action", "formaction", "xlink:href", "data") and any(
                        re.sub(r"[\s\x00-\x1f]", "", v).lower().startswith(("javascript:", "vbscript:", "data:text/html")) for v in values):
                    bad.append((rel, f"<{el.name} {attr}={value!r}>"))
        bad += [(rel, "<script> with alert") for s in soup.find_all("script") if "alert" in (s.string or "")]
        bad += [(rel, "<img src=x>") for img in soup.find_all("img") if img.get("src") in ("x", "x\"")]
        bad += [(rel, f"<{el.name}>{el.get_text()}</{el.name}> from Markdown") for el in soup.find_all(["strong", "h1", "h2", "a", "i"])
                if el.get_text(strip=True) in ("b", "heading", "x", "y", "w")]
    assert bad == []


def test_payloads_show_as_text_with_template_syntax_untouched(poisoned: tuple[Path, Poison]) -> None:
    """What an editor typed is shown as typed: `{{ 7*7 }}` is never evaluated, the tags are visible text."""
    root, poison = poisoned
    site = root / "site"
    shown: set[str] = set()
    for page in _html_pages(site):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").get_text(" ")
        for tag in re.findall(r"#p\d{3}", text):
            shown.add(tag)
        if "alert(1)" in text:
            assert "{{ 7*7 }}" in text and "{% raw %}" in text, page  # never evaluated to 49 or eaten
            assert "<script>alert(1)</script>" in text, page
    # every payload lands on some page (a field that is never shown would not test anything)
    hidden = {poison.injected[t] for t in set(poison.injected) - shown}
    assert sorted(hidden - NOT_ON_PAGES) == []


# Fields published only in the downloads (the package descriptor), never on a page.
NOT_ON_PAGES = {"datapackages/targets/datapackage.yaml:licenses.0.title", "datapackages/targets/datapackage.yaml:sources.0.title"}


def test_social_meta_and_title_do_not_break_out(poisoned: tuple[Path, Poison]) -> None:
    root, _ = poisoned
    soup = BeautifulSoup((root / "site/reports/bc-2021/index.html").read_text(encoding="utf-8"), "lxml")
    for prop in ("og:title", "og:description", "twitter:title", "twitter:description", "og:image:alt"):
        meta = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
        assert meta is not None, prop
        assert "<script>alert(1)</script>" in meta["content"], prop  # the whole payload stayed inside the attribute
    assert "<script>alert(1)</script>" in soup.title.get_text()


def test_downloads_and_api_keep_payloads_as_data(poisoned: tuple[Path, Poison]) -> None:
    root, poison = poisoned
    site = root / "site"
    found: set[str] = set()
    jsons = sorted(site.rglob("*.json"))
    assert len(jsons) > 5
    for path in jsons:
        data = json.loads(path.read_text(encoding="utf-8"))  # a payload that broke the JSON would fail here
        found.update(re.findall(r"#p\d{3}", json.dumps(data, ensure_ascii=False)))
    for path in sorted(site.rglob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert len({len(r) for r in rows}) <= 1, path  # one width: no payload split a row
        found.update(re.findall(r"#p\d{3}", path.read_text(encoding="utf-8")))
    for path in sorted(site.rglob("*.svg")) + [site / "sitemap.xml"]:
        tree = ET.fromstring(path.read_bytes())  # well-formed: nothing broke out of a text node
        for el in tree.iter():
            assert not el.tag.endswith("script"), path
            assert not any(a.lower().startswith("on") for a in el.attrib), path
    in_downloads = {t for t, where in poison.injected.items() if where.startswith(("figures ", "targets.")) or where in NOT_ON_PAGES}
    assert sorted(poison.injected[t] for t in in_downloads - found) == []


def test_search_passages_show_the_payload_as_text(poisoned: tuple[Path, Poison]) -> None:
    """The index keeps the payload as the text the page shows, and the header search
    (templates/assets/minhbach.js, passage) builds a result's passage from that text as text nodes
    and <mark>s whose textContent it sets: no markup from the index is ever parsed."""
    import gzip

    root, _ = poisoned
    site = root / "site"
    contents = []
    for fragment in sorted(site.glob("pagefind/*/*/fragment/*")):  # every partition's bundle (search.py, partitions)
        raw = gzip.decompress(fragment.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        contents.append(json.loads(raw[len(b"pagefind_dcd"):])["content"])
    assert any("<script>alert(1)</script>" in c for c in contents)  # indexed as the text the page shows
    script = (root / "templates/assets/minhbach.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "outerHTML" not in script
    assert "var words = (page.content || \"\").split(" in script  # the passage's words: the page's text
    assert "mark.textContent = words[j];" in script and "nodes.push(document.createTextNode(words[j]));" in script


def test_a_glossary_expansion_in_a_heading_stays_inside_its_title_attribute() -> None:
    """Headings are Markdown, and Markdown applies links and images even inside a tag's attributes:
    the expansion in <abbr title="…"> is escaped for Markdown too, and still reads as written."""
    import markdown

    from site_builder.content.model import GlossaryTerm
    from site_builder.publish.lang import Abbreviations, Lang

    abbreviations = Abbreviations.build([GlossaryTerm(term="CCHC", vi=ATTACK, en=ATTACK)], "vi")
    heading = Lang("vi", "reports/x.md", abbreviations).md("Báo cáo CCHC (2021) [a](b)")
    soup = BeautifulSoup(markdown.markdown(f"## {heading}", extensions=["admonition", "attr_list", "tables", "toc"]), "lxml")
    assert [el.name for el in soup.body.find_all(True)] == ["h2", "abbr"]
    assert soup.abbr["title"] == ATTACK and soup.abbr.get_text() == "CCHC"
    assert soup.h2.get_text() == "Báo cáo CCHC (2021) [a](b)"
