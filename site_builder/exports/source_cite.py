"""How a source document is cited: a line of text per language, BibTeX (biblatex) and CSL-JSON.

A dataset is cited by `cite`; this cites what its rows were read from, as the document is: an
official document by its issuer, number and date; a press article by its author, the newspaper
(the container), its publication date, its address and the day it was read; a web page by the
site that publishes it, likewise. Each format has its own word for the kind of document:

| document_type | CSL-JSON             | biblatex                       |
|---------------|----------------------|--------------------------------|
| bai_bao       | article-newspaper    | @article, entrysubtype newspaper |
| trang_web     | webpage              | @online                        |
| bao_cao       | report               | @report                        |
| other         | document             | @misc                          |

Only what the content says is written: no author for an unsigned article, no address for a
document nobody read online. Titles are the document's own (Vietnamese); the English line adds
the translation in square brackets, as APA does for a title in another language.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from site_builder.content.model import WEB_SOURCES, DocumentType, HeaderField, Report, Text, Unit

# The kind of document as a citation names it, in each language (exports use no page words, so
# these are the citation's own, the same as the site's dt.* labels).
KIND_LABEL = {
    DocumentType.bao_cao: ("Báo cáo", "Report"), DocumentType.chi_thi: ("Chỉ thị", "Directive"), DocumentType.ke_hoach: ("Kế hoạch", "Plan"),
    DocumentType.quyet_dinh: ("Quyết định", "Decision"), DocumentType.cong_van: ("Công văn", "Official letter"),
    DocumentType.nghi_quyet: ("Nghị quyết", "Resolution"), DocumentType.bai_bao: ("Bài báo", "Press article"),
    DocumentType.trang_web: ("Trang thông tin điện tử", "Web page"),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
CSL_TYPE = {DocumentType.bai_bao: "article-newspaper", DocumentType.trang_web: "webpage", DocumentType.bao_cao: "report"}


@dataclass(frozen=True)
class SourceCitation:
    """One source document cited in every format the site offers."""

    text: dict[str, str]  # by language: one line to paste into a footnote
    bibtex: str
    csl: dict[str, Any]


def _day(day: dt.date, lang: str) -> str:
    """'20/12/2021' in Vietnamese, '20 December 2021' in English."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _label(kind: DocumentType, lang: str) -> str:
    vi, en = KIND_LABEL[kind]
    return vi if lang == "vi" else en


def _date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _bib(text: str) -> str:
    """Text safe inside a biblatex field: braces kept balanced by escaping, LaTeX's specials escaped."""
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def _name(unit: Unit, lang: str) -> str:
    return unit.name.vi if lang == "vi" else unit.name.en or unit.name.vi


def _title(title: Text, lang: str) -> str:
    return title.vi if lang == "vi" or not title.en else f"{title.vi} [{title.en}]"


def _uncertain_note(report: Report) -> str:
    return "Uncertain (read from a damaged copy): " + ", ".join(f.value for f in report.uncertain)


def csl_item(report: Report, issuer: Unit) -> dict[str, Any]:
    """The CSL-JSON item (the input of Zotero, Pandoc and citeproc) of a source document."""
    web = report.document_type in WEB_SOURCES
    item: dict[str, Any] = {"id": report.id, "type": CSL_TYPE.get(report.document_type, "document"), "language": "vi",
                            "title": report.title.vi}
    if report.author:
        item["author"] = [{"literal": report.author}]
    elif not web:  # an official document's author is the body that issued it
        item["author"] = [{"literal": issuer.name.vi}]
    if web:
        item["container-title"] = report.publisher
    else:
        item["publisher"] = report.publisher or issuer.name.vi
        if report.place:
            item["publisher-place"] = report.place
    if report.number:
        item["number"] = report.number
    if report.date:
        item["issued"] = _date_parts(report.date)
    if report.url:
        item["URL"] = report.url
    if report.retrieved:
        item["accessed"] = _date_parts(report.retrieved)
    if report.uncertain:
        item["note"] = _uncertain_note(report)
    return item


def citation_text(report: Report, issuer: Unit, lang: str) -> str:
    """One line in `lang`: who, when, what, where it was published, where and when it was read."""
    vi = lang == "vi"
    doubt = ", chưa chắc chắn" if vi else ", uncertain"  # a header field read from a damaged copy says so
    when = _day(report.date, lang) if report.date else ("không ghi ngày" if vi else "n.d.")
    if report.date and HeaderField.date in report.uncertain:
        when += doubt
    title = _title(report.title, lang)
    if report.document_type in WEB_SOURCES:
        head = f"{report.author} ({when}). {title}." if report.author else f"{title} ({when})."
        out = f"{head} {report.publisher}."
    else:
        number = f" ({report.number}{doubt if HeaderField.number in report.uncertain else ''})" if report.number else ""
        out = f"{_name(issuer, lang)} ({when}). {title}{number} [{_label(report.document_type, lang)}]."
    if report.url and report.retrieved:
        read = _day(report.retrieved, lang)
        out += f" Truy cập ngày {read} tại {report.url}" if vi else f" Retrieved {read}, from {report.url}"
    return out


def bibtex(report: Report, issuer: Unit) -> str:
    """A biblatex entry of the type that fits the document (see the module's table)."""
    fields: list[tuple[str, str]] = []
    kind = report.document_type
    if report.author:
        fields.append(("author", "{" + _bib(report.author) + "}"))
    elif kind not in WEB_SOURCES:
        fields.append(("author", "{" + _bib(issuer.name.vi) + "}"))
    fields.append(("title", _bib(report.title.vi)))
    if kind is DocumentType.bai_bao:
        entry = "article"
        fields += [("entrysubtype", "newspaper"), ("journaltitle", _bib(report.publisher or ""))]
    elif kind is DocumentType.trang_web:
        entry = "online"
        fields.append(("organization", _bib(report.publisher or "")))
    elif kind is DocumentType.bao_cao:
        entry = "report"
        fields += [("type", _bib(_label(kind, "vi"))), ("institution", _bib(report.publisher or issuer.name.vi))]
        if report.number:
            fields.append(("number", _bib(report.number)))
    else:
        entry = "misc"
        fields.append(("type", _bib(_label(kind, "vi"))))
        if report.number:
            fields.append(("number", _bib(report.number)))
    if report.place and kind not in WEB_SOURCES:
        fields.append(("location", _bib(report.place)))
    if report.date:
        fields.append(("date", report.date.isoformat()))
    if report.url:
        fields.append(("url", report.url))
    if report.retrieved:
        fields.append(("urldate", report.retrieved.isoformat()))
    if report.uncertain:
        fields.append(("note", _bib(_uncertain_note(report))))
    fields.append(("langid", "vietnamese"))
    key = re.sub(r"[^A-Za-z0-9]+", "_", report.id)
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{{key},\n{body}\n}}\n"


def csl_json(item: dict[str, Any]) -> str:
    """A CSL-JSON file of one item, a field a line (dates and names kept on theirs), for reading and pasting."""
    lines = [f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in item.items()]
    return "[\n  {\n" + ",\n".join(lines) + "\n  }\n]\n"


def cite_source(report: Report, issuer: Unit) -> SourceCitation:
    """The source document `report` (issued by `issuer`) in every citation format."""
    return SourceCitation(text={lang: citation_text(report, issuer, lang) for lang in ("vi", "en")},
                          bibtex=bibtex(report, issuer), csl=csl_item(report, issuer))
