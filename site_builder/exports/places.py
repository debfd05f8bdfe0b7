"""Downloads of a place: a unit's rows, and the rows of the unit and every unit below it, with names.

    downloads/units/<id>.csv                the rows of the unit's page, the data package's columns (codes only)
    downloads/units/<id>.<lang>.csv         the same rows with names in vi or en beside the codes
    downloads/units/<id>.below.<lang>.csv   the rows of the unit and of every unit below it, with names
    downloads/units/<id>.below.<lang>.xlsx  the same as a workbook: figures, units, fields, about

A unit's own rows are those its page shows (`compute.derive.unit_figures`). "Below" files exist for
a unit that has units below it (a province, a district, an office with offices of its own), when
it or they have at least one row: the union of the own rows of the unit and of all its
descendants. So a report's appendix about many communes, kept off the province's own page, is in
the province's below files, since each commune's rows are. The union is accumulated bottom-up
over the tree once (`place_rows`), never recomputed per unit.

Names come from the bilingual fields of content/; an English name that is missing is the
Vietnamese followed by "(not yet translated)" (content.languages). Numbers stay as the data
package writes them in both languages (dot decimal, no thousands separator); rows are sorted by
id like the package; nothing depends on the clock, so two builds write the same bytes.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from site_builder.compute.derive import Computed, unit_figures
from site_builder.content import periods
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.languages import LANGS, LEVEL_NAMES, MEASURE_UNIT_NAMES, Lang, pick, plain
from site_builder.exports.cite import DatasetMeta, site_url
from site_builder.compute.versions import data_version
from site_builder.compute.tables import Column, Table
from site_builder.exports.xlsx import workbook

Of = Callable[[str, str, str, Callable[[], str | bytes]], Path]  # (kind, id, path, make) -> the file, made or kept


# --------------------------------------------------------------------------- the columns


@dataclass(frozen=True)
class PlaceColumn:
    """A column of the downloads with names: its Frictionless type and what it holds, in both languages."""

    name: str
    type: str
    vi: str
    en: str

    def describe(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def column(self, lang: Lang) -> Column:
        return Column(self.name, self.type, self.describe(lang))


NAMED_COLUMNS: tuple[PlaceColumn, ...] = (
    PlaceColumn("id", "string", "Mã của số liệu, như trong gói dữ liệu.", "Id of the figure, as in the data package."),
    PlaceColumn("unit", "string", "Mã của đơn vị mà số liệu nói về; trang của đơn vị là units/<mã>/.", "Id of the unit the figure is about; its page is units/<id>/."),
    PlaceColumn("unit_name", "string", "Tên đầy đủ của đơn vị.", "Full name of the unit."),
    PlaceColumn("indicator", "string", "Mã của chỉ số; trang của chỉ số là indicators/<mã>/.", "Id of the indicator; its page is indicators/<id>/."),
    PlaceColumn("indicator_name", "string", "Tên của chỉ số.", "Name of the indicator."),
    PlaceColumn("measure_unit", "string", "Đơn vị tính của chỉ số: count | percent (0–100) | percent_of_plan | vnd | million_vnd | score | days | rank.",
                "The indicator's unit of measure: count | percent (0–100) | percent_of_plan | vnd | million_vnd | score | days | rank."),
    PlaceColumn("measure_unit_name", "string", "Tên của đơn vị tính.", "Name of the unit of measure."),
    PlaceColumn("period", "string", f"Mã kỳ của số liệu: {periods.EXAMPLES}.", f"Period code of the figure: {periods.EXAMPLES}."),
    PlaceColumn("period_label", "string", "Kỳ bằng lời, như văn bản ghi (Quý III/2021).", "The period in words (Q3 2021)."),
    PlaceColumn("period_start", "date", "Ngày đầu của kỳ (YYYY-MM-DD); trống với số lũy kế không nêu ngày đầu.",
                "First day of the period (YYYY-MM-DD); empty for a running total whose start is not given."),
    PlaceColumn("period_end", "date", "Ngày cuối của kỳ (YYYY-MM-DD).", "Last day of the period (YYYY-MM-DD)."),
    PlaceColumn("breakdown", "string", "Mã phân tổ, dạng chiều=giá trị (channel=online); nhiều phân tổ nối bằng dấu ';', "
                "theo thứ tự chữ cái của chiều; trống là tổng.",
                "Breakdown code, dimension=value (channel=online); several joined by ';', in alphabetical order of dimension; "
                "empty for the total."),
    PlaceColumn("breakdown_name", "string", "Tên của phân tổ, mỗi chiều «tên chiều: tên giá trị», nối bằng «; »; trống là tổng.",
                "Name of the breakdown, each dimension as 'dimension: value', joined by '; '; empty for the total."),
    PlaceColumn("value", "number", "Giá trị như văn bản công bố: dấu chấm thập phân, không có dấu phân cách hàng nghìn; trống là không có số liệu («/»), không phải 0.",
                "The value as published: dot decimal, no thousands separator; empty when not given (\"/\"), never zero."),
    PlaceColumn("qualifier", "string", "Cách văn bản ghi con số: trống (chính xác) | approx | more_than | at_least | less_than | at_most | estimated.",
                "How the report words the number: empty (exact) | approx | more_than | at_least | less_than | at_most | estimated."),
    PlaceColumn("status", "string", "reported (có số liệu) | missing (văn bản ghi «/» hoặc để trống).", "reported | missing (the report prints \"/\" or leaves the cell blank)."),
    PlaceColumn("flag", "string", "Trống, hoặc inconsistent (mâu thuẫn với số liệu khác của chính văn bản) | rounding (lệch với số liệu khác chỉ do làm tròn) | ocr_uncertain (chữ số đọc lại từ bản OCR hỏng).",
                "Empty, or inconsistent (contradicts another figure of the same report) | rounding (differs from another figure only by rounding) | ocr_uncertain (digits read back from a damaged OCR text)."),
    PlaceColumn("note", "string", "Ghi chú của người biên tập.", "The editor's note."),
    PlaceColumn("report", "string", "Mã của báo cáo nguồn; trang của báo cáo là reports/<mã>/.", "Id of the source report; its page is reports/<id>/."),
    PlaceColumn("report_number", "string", "Số, ký hiệu của báo cáo như in (278/BC-UBND); trống khi bản sao không ghi.",
                "The report's number as printed (278/BC-UBND); empty when the copy shows none."),
    PlaceColumn("report_title", "string", "Tiêu đề của báo cáo.", "Title of the report."),
    PlaceColumn("locator", "string", "Vị trí của số liệu trong văn bản gốc (tiếng Việt, như trong gói dữ liệu).",
                "Where the figure stands in the original document (in Vietnamese, as in the data package)."),
    PlaceColumn("quote", "string", "Câu trích nguyên văn mà số liệu được đọc ra, giữ nguyên chính tả của bản gốc (kể cả lỗi OCR).",
                "The verbatim sentence the figure was read from, in the source's own spelling (OCR damage included)."),
    PlaceColumn("quote_reading", "string", "Với văn bản OCR mất dấu: câu trích ở trên bằng tiếng Việt chuẩn, do dự án khôi phục (giữ nguyên mọi chữ và chữ số); trống khi câu trích đọc được như đã in.",
                "For an OCR source that lost its diacritics: the quote above in correct Vietnamese, restored by the project (every word and digit kept); empty when the quote reads as printed."),
    PlaceColumn("page", "string", "Địa chỉ của số liệu trên trang: câu trích trên trang của báo cáo.",
                "Address of the figure on the site: its sentence on the report's page."),
)

UNIT_COLUMNS: tuple[PlaceColumn, ...] = (
    PlaceColumn("id", "string", "Mã của đơn vị.", "Id of the unit."),
    PlaceColumn("level", "string", "province | district | commune | office | party.", "province | district | commune | office | party."),
    PlaceColumn("level_name", "string", "Tên của cấp.", "Name of the level."),
    PlaceColumn("parent", "string", "Mã của đơn vị cấp trên; trống với tỉnh.", "Id of the unit it belongs to; empty for a province."),
    PlaceColumn("parent_name", "string", "Tên của đơn vị cấp trên.", "Name of the unit it belongs to."),
    PlaceColumn("name", "string", "Tên đầy đủ.", "Full name."),
    PlaceColumn("short_name", "string", "Tên ngắn, dùng trong danh sách.", "Short name, used in lists."),
    PlaceColumn("admin_code", "string", "Mã đơn vị hành chính (QĐ 124/2004/QĐ-TTg), nếu có.", "Administrative-unit code (Decision 124/2004/QĐ-TTg), where one exists."),
    PlaceColumn("rows", "integer", "Số dòng của sheet figures nói về đơn vị này.", "Rows of the figures sheet about this unit."),
    PlaceColumn("page", "string", "Địa chỉ trang của đơn vị.", "Address of the unit's page."),
)


FILES: tuple[tuple[str, str, str], ...] = (  # (pattern under downloads/, vi, en): what the README and the datasets page say
    ("units/<id>.csv", "các số liệu trên trang của đơn vị, các cột của gói dữ liệu (chỉ có mã)",
     "the figures on the unit's page, the data package's columns (codes only)"),
    ("units/<id>.vi.csv, units/<id>.en.csv", "cùng các dòng, kèm tên tiếng Việt hoặc tiếng Anh cạnh các mã",
     "the same rows, with names in Vietnamese or English beside the codes"),
    ("units/<id>.below.vi.csv, units/<id>.below.en.csv", "các số liệu của đơn vị và mọi đơn vị trực thuộc (tỉnh, huyện, cơ quan có đơn vị trực thuộc), kèm tên",
     "the figures of the unit and every unit within it (a province, a district, an office with offices of its own), with names"),
    ("units/<id>.below.vi.xlsx, units/<id>.below.en.xlsx", "cùng các dòng trong sổ Excel: figures, units (các đơn vị), fields (mô tả cột), about (nguồn, giấy phép, cách trích dẫn)",
     "the same rows as an Excel workbook: figures, units, fields (what each column holds), about (source, licence, how to cite)"),
)


def readme() -> list[str]:
    """The README.txt lines on the downloads of a place: the files and the columns with names."""
    lines = ["Tải theo đơn vị / Downloads of a place:"]
    lines += [f"  {pattern}\n      {en} / {vi}" for pattern, vi, en in FILES]
    lines += ["", "Các cột của tệp kèm tên / Columns of the files with names (units/<id>.<lang>.csv, .below.<lang>.csv, sheet figures):"]
    lines += [f"  {c.name:<18} {c.en}" for c in NAMED_COLUMNS]
    lines += ["", "Sheet units of the workbooks / Sheet units của tệp Excel:"]
    lines += [f"  {c.name:<18} {c.en}" for c in UNIT_COLUMNS]
    lines += ["", "  Numbers are the same in both languages: dot decimal, no thousands separator. An English name not yet",
              "  translated is the Vietnamese followed by \"(not yet translated)\". {site} stands for the site's address",
              "  until site_url is set. / Số viết như nhau ở hai thứ tiếng: dấu chấm thập phân, không phân cách hàng nghìn."]
    return lines


# --------------------------------------------------------------------------- which rows


@dataclass(frozen=True)
class PlaceRows:
    """The rows of each unit's downloads: its own (its page's), and for a unit with units below
    it, its own and those of every unit below it; both sorted by id."""

    own: dict[str, tuple[Figure, ...]]
    below: dict[str, tuple[Figure, ...]]  # only units with units below them and at least one row


def place_rows(corpus: Corpus, computed: Computed, top: str | None = None) -> PlaceRows:
    """Own and below rows of every unit, or of `top` and the units below it.

    One walk of the tree: the units listed parents first, then visited in reverse so that each
    unit's rows below are its own plus its children's rows below, already gathered.
    """
    order: list[str] = []
    todo = [top] if top is not None else [u.id for u in reversed(corpus.children(None))]
    while todo:
        uid = todo.pop()
        order.append(uid)
        todo.extend(u.id for u in reversed(corpus.children(uid)))
    own = {uid: tuple(unit_figures(corpus, computed, uid)) for uid in order}
    if top is None:  # a unit outside the tree (an unknown parent, refused by validation) still has its own rows
        own |= {uid: tuple(unit_figures(corpus, computed, uid)) for uid in corpus.units if uid not in own}
    gathered: dict[str, dict[str, Figure]] = {}
    below: dict[str, tuple[Figure, ...]] = {}
    for uid in reversed(order):
        kids = corpus.children(uid)
        if not kids:
            continue
        rows = {f.id: f for f in own[uid]}
        for kid in kids:
            done = gathered.pop(kid.id, None)
            rows.update(done if done is not None else {f.id: f for f in own[kid.id]})
        gathered[uid] = rows
        if rows:
            below[uid] = tuple(rows[k] for k in sorted(rows))
    return PlaceRows(own, below)


# --------------------------------------------------------------------------- what a page offers


@dataclass(frozen=True)
class PlaceDownload:
    """A download a unit's page offers: the interface string naming it (publish.i18n), its path
    from the site root, its format, the language of its names ("" for codes only) and its rows."""

    key: str
    path: str
    format: str  # csv | xlsx
    lang: str  # vi | en | "" (no names: the data package's columns)
    rows: int


def own_path(uid: str, lang: str = "") -> str:
    """downloads/units/<id>.csv (codes only), or .<lang>.csv with names."""
    return f"downloads/units/{uid}.{lang}.csv" if lang else f"downloads/units/{uid}.csv"


def below_path(uid: str, lang: str, fmt: str = "csv") -> str:
    """downloads/units/<id>.below.<lang>.csv or .xlsx: the unit and every unit below it."""
    return f"downloads/units/{uid}.below.{lang}.{fmt}"


def offered(uid: str, own: int, below: int, lang: Lang) -> tuple[PlaceDownload, ...]:
    """The downloads of a unit with `own` rows of its own and `below` rows with the units below it (0: no below files)."""
    out: list[PlaceDownload] = []
    if own:
        out += [PlaceDownload("download.place_named_csv", own_path(uid, lang), "csv", lang, own),
                PlaceDownload("download.place_codes_csv", own_path(uid), "csv", "", own)]
    if below:
        out += [PlaceDownload("download.place_below_csv", below_path(uid, lang), "csv", lang, below),
                PlaceDownload("download.place_below_xlsx", below_path(uid, lang, "xlsx"), "xlsx", lang, below)]
    return tuple(out)


def place_downloads(corpus: Corpus, computed: Computed, uid: str, lang: Lang) -> tuple[PlaceDownload, ...]:
    """What the page of unit `uid` in `lang` offers, in the order to list it: its rows with names
    in `lang` (CSV), the same with codes only (CSV, the address journalists already link to),
    then, for a unit with units below it, the rows of it and every unit below it with names (CSV,
    XLSX). Empty when the unit has no rows at all. The files are those write_places writes.

    Costs the rows of the unit and the units below it, not the whole corpus; a caller listing
    every unit can take the counts from one `place_rows(corpus, computed)` and call `offered`.
    """
    rows = place_rows(corpus, computed, uid)
    return offered(uid, len(rows.own[uid]), len(rows.below.get(uid, ())), lang)


# --------------------------------------------------------------------------- names


class Namer:
    """The row with names of each figure in one language, each made once: a figure stands in
    its unit's files and in those of every unit above it."""

    def __init__(self, corpus: Corpus, figures: Table, lang: Lang, site: str):
        self.corpus, self.lang, self.site = corpus, lang, site
        self.prefix = "" if lang == "vi" else "en/"
        self.package = {r[0]: r for r in figures.rows}
        self.col = {name: i for i, name in enumerate(figures.names)}
        self.unit_name = {uid: plain(u.name, lang) for uid, u in corpus.units.items()}
        self.indicators = {iid: (plain(i.name, lang), i.unit.value, MEASURE_UNIT_NAMES[i.unit.value][lang]) for iid, i in corpus.indicators.items()}
        self.reports = {rid: (r.number or "", plain(r.title, lang)) for rid, r in corpus.reports.items()}
        self._periods: dict[str, str] = {}
        self._breakdowns: dict[str, str] = {"": ""}
        self._rows: dict[str, tuple[str, ...]] = {}

    def period(self, code: str) -> str:
        label = self._periods.get(code)
        if label is None:
            label = self._periods[code] = periods.label(code, self.lang)
        return label

    def breakdown(self, code: str) -> str:
        name = self._breakdowns.get(code)
        if name is None:
            text = self.corpus.breakdown_text(code)
            name = self._breakdowns[code] = plain(text, self.lang) if text else code
        return name

    def row(self, f: Figure) -> tuple[str, ...]:
        """The cells of NAMED_COLUMNS for one figure; value and dates as the package's CSV text."""
        done = self._rows.get(f.id)
        if done is not None:
            return done
        cell = self.package[f.id]
        c = self.col
        ind_name, mu, mu_name = self.indicators.get(f.indicator, ("", "", ""))
        number, title = self.reports.get(f.report, ("", ""))
        out = (f.id, f.unit, self.unit_name.get(f.unit, ""), f.indicator, ind_name, mu, mu_name,
               f.period, self.period(f.period), cell[c["period_start"]], cell[c["period_end"]],
               f.breakdown, self.breakdown(f.breakdown), cell[c["value"]], cell[c["qualifier"]], f.status, f.flag,
               pick(f.note_vi, f.note_en, self.lang), f.report, number, title, f.locator, f.quote, f.reading,
               f"{self.site}/{self.prefix}reports/{f.report}/#fig-{f.id}")
        self._rows[f.id] = out
        return out

    def unit_row(self, uid: str, rows: int) -> tuple[str, ...]:
        u = self.corpus.units[uid]
        return (uid, u.level.value, LEVEL_NAMES[u.level.value][self.lang], u.parent or "",
                self.unit_name.get(u.parent, "") if u.parent else "", self.unit_name[uid],
                plain(u.short_name, self.lang), u.admin_code or "", str(rows), f"{self.site}/{self.prefix}units/{uid}/")


class Lines:
    """CSV lines in the packages' dialect, each row written once and reused by every file holding it."""

    def __init__(self) -> None:
        self.sink: list[str] = []
        sink = self.sink

        class Sink:  # csv.writer writes a row in one call: each call is one line
            write = sink.append

        self.writer = csv.writer(Sink(), lineterminator="\n")
        self.done: dict[str, str] = {}

    def line(self, row: Iterable[str]) -> str:
        self.writer.writerow(row)
        return self.sink.pop()

    def document(self, header: Iterable[str], rows: Iterable[tuple[str, tuple[str, ...]]]) -> str:
        """The CSV text of a header and rows given as (key, cells); a key's line is made only once."""
        done, line = self.done, self.line
        out = [line(header)]
        for key, row in rows:
            text = done.get(key)
            if text is None:
                text = done[key] = line(row)
            out.append(text)
        return "".join(out)


# --------------------------------------------------------------------------- about sheet

ABOUT: dict[str, dict[str, str]] = {
    "title": {"vi": "tiêu đề", "en": "title"},
    "title_text": {"vi": "{name} — số liệu của đơn vị và mọi đơn vị trực thuộc", "en": "{name} — figures of the unit and every unit within it"},
    "unit": {"vi": "đơn vị", "en": "unit"},
    "page": {"vi": "trang", "en": "page"},
    "rows": {"vi": "số dòng", "en": "rows"},
    "csv": {"vi": "cùng các dòng, dạng CSV", "en": "the same rows as CSV"},
    "source": {"vi": "nguồn", "en": "source"},
    "source_text": {"vi": "Minh Bạch — Dữ liệu mở về cải cách hành chính, {site}/", "en": "Minh Bạch — Open data on administrative reform, {site}/"},
    "version": {"vi": "phiên bản dữ liệu", "en": "data version"},
    "updated": {"vi": "cập nhật", "en": "updated"},
    "licence": {"vi": "giấy phép", "en": "licence"},
    "licence_url": {"vi": "địa chỉ giấy phép", "en": "licence_url"},
    "cite": {"vi": "cách trích dẫn", "en": "cite"},
    "provenance": {"vi": "nguồn của mỗi số liệu", "en": "provenance"},
    "provenance_text": {"vi": "Cột page của mỗi dòng dẫn đến câu trích nguyên văn trên trang của báo cáo nguồn (cột report).",
                        "en": "Each row's page column leads to the sentence it was read from, on the page of its source report (column report)."},
    "names": {"vi": "tên", "en": "names"},
    "names_text": {"vi": "Tên bằng tiếng Việt, cạnh các mã.",
                   "en": "Names in English beside the codes; a name not yet translated is the Vietnamese followed by \"(not yet translated)\"."},
    "empty": {"vi": "ô trống", "en": "empty cells"},
    "empty_text": {"vi": "Giá trị trống là không có số liệu («/» trong văn bản nguồn), không bao giờ là 0. Số viết với dấu chấm thập phân.",
                   "en": "An empty value is missing (\"/\" in the source), never zero. Numbers have a dot decimal."},
}


@dataclass(frozen=True)
class Release:
    """What every workbook's about sheet says of the data as a whole, worked out once per build."""

    site: str
    version: str
    updated: dt.date | None  # the latest update of any dataset
    datasets: dict[str, DatasetMeta]

    @classmethod
    def of(cls, corpus: Corpus, metas: Iterable[DatasetMeta]) -> "Release":
        by_name = {m.name: m for m in metas}
        dates = [m.updated for m in by_name.values() if m.updated]
        return cls(site_url(corpus), data_version(corpus), max(dates) if dates else None, by_name)

    def used(self, rows: Iterable[Figure]) -> list[DatasetMeta]:
        """The datasets the rows come from, by name."""
        return [self.datasets[d] for d in sorted({f.dataset for f in rows}) if d in self.datasets]

    def stamp(self, used: list[DatasetMeta]) -> dt.date | None:
        """The workbook's date: the latest update of the datasets its rows come from (never the clock)."""
        return max((m.updated for m in used if m.updated), default=self.updated)


def _about(uid: str, name: str, rows: int, used: list[DatasetMeta], release: Release, lang: Lang) -> list[tuple[str, str]]:
    def w(key: str) -> str:
        return ABOUT[key][lang]

    site, prefix = release.site, "" if lang == "vi" else "en/"
    updated = release.stamp(used)
    out = [(w("title"), w("title_text").format(name=name)), (w("unit"), uid), (w("page"), f"{site}/{prefix}units/{uid}/"),
           (w("rows"), str(rows)), (w("csv"), f"{site}/{below_path(uid, lang)}"),
           (w("source"), w("source_text").format(site=site)), (w("version"), release.version),
           (w("updated"), updated.isoformat() if updated else ""),
           (w("licence"), "CC BY 4.0"), (w("licence_url"), "https://creativecommons.org/licenses/by/4.0/")]
    out += [(w("cite"), m.citation(lang)) for m in used]
    out += [(w("provenance"), w("provenance_text")), (w("names"), w("names_text")), (w("empty"), w("empty_text"))]
    return out


# --------------------------------------------------------------------------- writing


def below_workbook(corpus: Corpus, uid: str, rows: tuple[Figure, ...], namer: Namer, release: Release) -> bytes:
    """The workbook of `uid` and every unit below it in namer's language: figures, units, fields, about."""
    lang = namer.lang
    count: dict[str, int] = {}
    for f in rows:
        count[f.unit] = count.get(f.unit, 0) + 1
    listed = sorted({uid, *corpus.descendants(uid)} | {u for u in count if u in corpus.units})
    figures = Table("figures", "", "", tuple(c.column(lang) for c in NAMED_COLUMNS), tuple(namer.row(f) for f in rows))
    units = Table("units", "", "", tuple(c.column(lang) for c in UNIT_COLUMNS), tuple(namer.unit_row(u, count.get(u, 0)) for u in listed))
    used = release.used(rows)
    return workbook([figures, units], _about(uid, namer.unit_name[uid], len(rows), used, release, lang), release.stamp(used), f"{uid}.below.{lang}")


def write_places(corpus: Corpus, computed: Computed, figures: Table, metas: Iterable[DatasetMeta], of: Of) -> PlaceRows:
    """Write every unit's downloads (module docstring) through `of("unit", id, path under downloads/,
    make)`, which makes a file only when the unit's rows may have changed; return the rows each holds."""
    rows = place_rows(corpus, computed)
    release = Release.of(corpus, metas)
    by_id = {r[0]: r for r in figures.rows}
    package = Lines()
    # Each `make` below is called, if at all, inside `of` and before the loop moves on: the
    # generators read `namer` of their own language.
    for uid, own in rows.own.items():
        if own:
            of("unit", uid, f"units/{uid}.csv", partial(package.document, figures.names, ((f.id, by_id[f.id]) for f in own)))
    for lang in LANGS:
        namer = Namer(corpus, figures, lang, release.site)
        lines = Lines()
        header = [c.name for c in NAMED_COLUMNS]
        for uid, own in rows.own.items():
            if own:
                of("unit", uid, own_path(uid, lang).removeprefix("downloads/"),
                   partial(lines.document, header, ((f.id, namer.row(f)) for f in own)))
        for uid, below in rows.below.items():
            of("unit", uid, below_path(uid, lang).removeprefix("downloads/"),
               partial(lines.document, header, ((f.id, namer.row(f)) for f in below)))
            of("unit", uid, below_path(uid, lang, "xlsx").removeprefix("downloads/"), partial(below_workbook, corpus, uid, below, namer, release))
    return rows
