"""A report's figures grouped by the document's sections: printed tables as rows × periods, every
figure exactly once."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder.compute.report_tables import document_order, locator_parts, report_tables, section_of, transcribes
from site_builder.content.corpus import Corpus, Figure
from site_builder.content.qualifiers import Qualifier
from site_builder.content.validate import validate

ROOT = Path(__file__).resolve().parents[3]


def fig(id: str, locator: str, period: str = "2020", indicator: str = "a", quote: str = "q", line: int = 2, unit: str = "u",
        breakdown: str = "") -> Figure:
    year = int(period[:4])
    return Figure(id, "r", unit, indicator, period, dt.date(year, 1, 1), dt.date(year, 12, 31), breakdown, 1.0, Qualifier.exact, "reported",
                  locator, quote, "", "", "", "ds", "res", line)


def test_a_locator_splits_at_commas_outside_brackets_and_quotes() -> None:
    assert locator_parts("Phụ lục 03, dòng 1.2, cột Năm 2015") == ("Phụ lục 03", "dòng 1.2", "cột Năm 2015")
    assert locator_parts("Chú thích 1 (cho số hồ sơ quá hạn, Mục III.1), đoạn 1") == ("Chú thích 1 (cho số hồ sơ quá hạn, Mục III.1)", "đoạn 1")
    assert locator_parts("Mục II, phần “Thực hiện cơ chế một cửa, một cửa liên thông”, đoạn 2")[1] == "phần “Thực hiện cơ chế một cửa, một cửa liên thông”"
    assert locator_parts('Mục II.6, đoạn "A, B"') == ("Mục II.6", 'đoạn "A, B"')
    assert section_of("Mục IV (PAPI), bảng, dòng “III Quản trị điện tử (kết nối, tích hợp DVC trực tuyến)”, cột “Kết quả”") == "Mục IV (PAPI)"


def test_figures_follow_their_quotes_in_the_source_and_a_quote_not_found_stays_after_its_neighbour() -> None:
    source = "Mở đầu.\nCâu một có 1.\nCâu hai\ncó 2.\nCâu ba có 3."
    figures = [fig("r-003", "Mục 2", quote="Câu ba có 3.", line=2), fig("r-001", "Mục 1", quote="Câu một có 1.", line=3),
               fig("r-002", "Mục 1", quote="Câu hai có 2.", line=4),  # the source wraps this line
               fig("r-004", "Mục 1", quote="not in the source", line=5)]
    assert [f.id for f in document_order(figures, source)] == ["r-001", "r-002", "r-004", "r-003"]
    assert [f.id for f in document_order(figures, "")] == ["r-003", "r-001", "r-002", "r-004"]  # no source: the CSV's order


def test_a_printed_table_becomes_rows_by_periods_in_the_documents_row_order() -> None:
    cells = [fig(f"r-{n:03}", f"Phụ lục 03, dòng {row}, cột Năm {year}", str(year), indicator=ind, line=n)
             for n, (row, ind, year) in enumerate(((row, ind, year) for row, ind in (("2", "b"), ("1", "a"), ("1.1", "a")) for year in (2016, 2015)), start=2)]
    [group] = report_tables(cells).groups
    assert group.printed and group.periods == ("2015", "2016")  # in time order, whatever the CSV's
    assert [(r.label, r.indicator) for r in group.rows] == [("dòng 2", "b"), ("dòng 1", "a"), ("dòng 1.1", "a")]  # as the document prints them
    assert [[c[0].locator.rsplit(" ", 1)[1] for c in r.cells] for r in group.rows] == [["2015", "2016"]] * 3
    assert group.period == "" and group.anchor == "figures-phu-luc-03"


def test_a_row_keeps_its_numerator_and_denominator_and_two_rows_of_one_indicator_stay_apart() -> None:
    cells = []
    for year in (2015, 2016):
        cells += [fig(f"r-9{year}", f"Phụ lục 07, dòng 9, cột Năm {year}, mẫu số", str(year), indicator="total"),
                  fig(f"r-10{year}", f"Phụ lục 07, dòng 10, cột Năm {year}, mẫu số", str(year), indicator="total")]
    [group] = report_tables(cells).groups
    # the same denominator in two rows of the document: two rows, neither merged nor dropped
    assert [r.label for r in group.rows] == ["dòng 9, mẫu số", "dòng 10, mẫu số"]
    assert sorted(f.id for r in group.rows for c in r.cells for f in c) == sorted(f.id for f in cells)


@pytest.mark.parametrize("locators", [
    ["Mục II.4, gạch đầu dòng 1", "Mục II.4, gạch đầu dòng 2"],  # no column
    ["Phụ lục 01, dòng 1, cột Kết quả", "Phụ lục 01, dòng 2, cột Kết quả"],  # one column
])
def test_a_section_that_is_no_table_over_periods_is_a_list(locators: list[str]) -> None:
    [group] = report_tables([fig(f"r-00{i}", loc, indicator=f"i{i}", line=i) for i, loc in enumerate(locators, start=1)]).groups
    assert group.rows == () and group.periods == () and not group.printed
    assert group.period == "2020"  # one period for all: the table has no column for it
    mixed = report_tables([fig("r-001", "Mục 1, đoạn 1", "2020"), fig("r-002", "Mục 1, đoạn 2", "2021", indicator="b")]).groups[0]
    assert mixed.period == "" and mixed.rows == ()


def test_a_column_that_is_two_periods_is_no_printed_table() -> None:
    figures = [fig("r-001", "Mục IV, dòng 1, cột Kết quả", "2020"), fig("r-002", "Mục IV, dòng 1, cột Kết quả", "2021"),
               fig("r-003", "Mục IV, dòng 2, cột Kết quả", "2020", indicator="b")]
    group = report_tables(figures).groups[0]
    assert not group.printed


def test_text_giving_the_same_figures_year_after_year_becomes_rows_by_periods() -> None:
    figures = [fig(f"r-{year}{ind}", f"Mục I.1, đoạn {year - 2007}", str(year), indicator=ind) for year in (2015, 2016, 2017) for ind in "ab"]
    group = report_tables(figures).groups[0]
    assert not group.printed and group.periods == ("2015", "2016", "2017")
    assert [(r.label, r.indicator, [len(c) for c in r.cells]) for r in group.rows] == [("", "a", [1, 1, 1]), ("", "b", [1, 1, 1])]
    # a number stated twice for one period keeps the list: a table would hide one of them
    twice = report_tables([*figures, fig("r-x", "Mục I.1, đoạn 9", "2015", indicator="a")]).groups[0]
    assert twice.rows == ()


def test_a_section_transcribing_a_printed_table_shows_it_and_only_one_section_does() -> None:
    cells = [fig(f"r-{n}", f"Phụ lục 03, dòng 1, cột Năm {y}", str(y), line=n) for n, y in enumerate((2015, 2016), start=2)]
    tables = report_tables(cells, headings=["Mục I: tổng quan", "Phụ lục 03: Thống kê", "Phụ lục 03: bản khác", "Phụ lục 030"])
    [group] = tables.groups
    assert group.in_section
    assert tables.in_sections == (None, group, None, None)
    assert not report_tables(cells, headings=["Phụ lục 030: khác"]).groups[0].in_section
    assert transcribes("Phụ lục 03", "Phụ lục 03") and transcribes("Phụ lục 03 – Thống kê", "Phụ lục 03") and not transcribes("Phụ lục 031", "Phụ lục 03")


def test_the_figures_unit_is_the_one_most_are_about() -> None:
    tables = report_tables([fig("r-001", "Mục 1", unit="x"), fig("r-002", "Mục 1", unit="y", indicator="b"), fig("r-003", "Mục 2", unit="y", indicator="c")])
    assert (tables.unit, tables.mixed, tables.count) == ("y", True, 3)
    assert report_tables([]).groups == () and report_tables([]).unit == ""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    return corpus


@pytest.mark.parametrize("rid", ["tuy-phong-cchc-2011-2020", "dak-nong-vp-ubnd-2021-q3", "binh-son-binh-phuoc-2023", "loc-ninh-pci-2020"])
def test_every_figure_of_a_shipped_report_is_in_exactly_one_place(corpus: Corpus, rid: str) -> None:
    report = corpus.reports[rid]
    figures = [f for f in corpus.figures if f.report == rid]
    tables = report_tables(figures, corpus.sources[rid], [s.heading.vi for s in report.sections])
    shown = [f.id for g in tables.groups for f in (g.figures if not g.rows else [f for r in g.rows for c in r.cells for f in c])]
    assert sorted(shown) == sorted(f.id for f in figures) and len(shown) == len(set(shown)) == tables.count
    assert len({g.anchor for g in tables.groups}) == len(tables.groups)
    assert len(tables.in_sections) == len(report.sections)
    assert sum(g is not None for g in tables.in_sections) == sum(g.in_section for g in tables.groups)


def test_tuy_phongs_appendices_are_tables_in_their_own_sections(corpus: Corpus) -> None:
    rid = "tuy-phong-cchc-2011-2020"
    report = corpus.reports[rid]
    tables = report_tables([f for f in corpus.figures if f.report == rid], corpus.sources[rid], [s.heading.vi for s in report.sections])
    by_section = {g.section: g for g in tables.groups}
    assert list(by_section) == ["Mục I.1", "Mục I.4.a", "Mục II", "Mục III.2", "Phụ lục 03", "Phụ lục 07"]
    years = ("2015", "2016", "2017", "2018", "2019", "2020-3M")
    # Phụ lục 03: rows 1 … 6.3, rows 5.1–5.3 a numerator and a denominator each; Phụ lục 07: rows 1 … 12
    for section, rows, first, last in (("Phụ lục 03", 24, "dòng 1", "dòng 6.3"), ("Phụ lục 07", 18, "dòng 1, tử số", "dòng 12")):
        group = by_section[section]
        assert group.printed and group.in_section and group.periods == years
        assert len(group.rows) == rows and (group.rows[0].label, group.rows[-1].label) == (first, last)
        assert all(len(cell) == 1 for row in group.rows for cell in row.cells)  # every cell of the printed table, "/" ones too
        heading = next(s.heading.vi for s, g in zip(report.sections, tables.in_sections) if g is group)
        assert heading.startswith(section + ":")
    assert [r.label for r in by_section["Phụ lục 03"].rows if r.label.startswith("dòng 5")] == [
        "dòng 5.1, tử số", "dòng 5.1, mẫu số", "dòng 5.2, tử số", "dòng 5.2, mẫu số", "dòng 5.3, tử số", "dòng 5.3, mẫu số"]
    # the survey year after year (Mục I.1) reads across a row too; Mục II's late-added sentence sits where the text has it
    survey = by_section["Mục I.1"]
    assert survey.rows and not survey.printed and survey.periods[:4] == ("2015", "2016", "2017", "2018")
    assert [f.line for f in by_section["Mục II"].figures][:4] == [35, 36, 313, 37]
    assert tables.unit == "tuy-phong" and tables.unit != report.unit and not tables.mixed


def appendix_of_units(rows: int, period: str = "2021") -> list[Figure]:
    """A province's appendix: a row per commune, a column per indicator, each row one quoted line."""
    out = []
    for r in range(1, rows + 1):
        quote = f"{r} | Xã {r} | {100 + r} | {90 + r}"
        for c, (column, ind) in enumerate((("Tiếp nhận", "received"), ("Đúng hạn", "on-time"))):
            out.append(fig(f"r-{r:03}-{c}", f"Phụ lục, dòng {r}, cột {column}", period, indicator=ind, quote=quote, line=2 * r + c, unit=f"xa-{r}"))
    return out


def test_a_long_printed_table_of_units_becomes_units_by_columns_with_a_quote_per_row() -> None:
    cells = appendix_of_units(12)
    [group] = report_tables(cells).groups
    assert not group.rows and not group.printed and group.period == "2021"
    assert [(c.label, c.indicator) for c in group.columns] == [("cột Tiếp nhận", "received"), ("cột Đúng hạn", "on-time")]
    assert [(r.label, r.unit, r.locator) for r in group.unit_rows][:2] == [("dòng 1", "xa-1", "Phụ lục, dòng 1"), ("dòng 2", "xa-2", "Phụ lục, dòng 2")]
    assert all(r.quote == r.cells[0][0].quote == r.cells[1][0].quote for r in group.unit_rows)
    # every figure exactly once, in its own column
    assert sorted(f.id for r in group.unit_rows for c in r.cells for f in c) == sorted(f.id for f in cells)
    assert all(r.cells[1][0].indicator == "on-time" for r in group.unit_rows)


@pytest.mark.parametrize("change", ["few rows", "two periods", "one unit", "a column of two indicators"])
def test_a_table_of_units_needs_many_rows_one_period_several_units_and_one_indicator_a_column(change: str) -> None:
    cells = appendix_of_units(12)
    if change == "few rows":
        cells = appendix_of_units(9)
    elif change == "two periods":
        cells = cells[:-2] + appendix_of_units(1, "2022")
    elif change == "one unit":
        cells = [replace(f, unit="u") for f in cells]
    else:
        cells[0] = replace(cells[0], indicator="other")
    [group] = report_tables(cells).groups
    assert not group.unit_rows and not group.columns
