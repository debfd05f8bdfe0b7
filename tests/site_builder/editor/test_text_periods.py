"""The text-period reader (site_builder/editor/text_periods.py): period expressions and the period of each figure."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from site_builder.content import periods
from site_builder.editor.extract_score import read_expected
from site_builder.editor.period_score import measure, printed_at
from site_builder.editor.text_periods import PeriodScope, document_period, find_periods, fold1

SEEN = Path(__file__).resolve().parent / "extract_corpus" / "seen"
SEEN_TARGET = 0.97  # share of the seen corpus's expected rows given their period where the value is printed


@pytest.mark.parametrize(("text", "expression", "code"), [
    ("Trong năm 2021, xã tiếp nhận", "năm 2021", "2021"),
    # third probe set: a running total to a month's end without "tính"/"lũy kế", and the first months to a month
    ("Đến hết tháng 11/2022, bộ phận một cửa đã nhận", "Đến hết tháng 11/2022", "../2022-11-30"),
    ("Kết quả 2023 PAPI của tỉnh", "2023", "2023"),  # the year before the index's name, as English writes it
    ("Lũy kế từ đầu năm 2023 đến cuối tháng 7, xã", "từ đầu năm 2023 đến cuối tháng 7", "2023-7M"),
    ("tính từ đầu năm đến hết tháng 10 năm 2021, huyện", "tính từ đầu năm đến hết tháng 10 năm 2021", "2021-10M"),
    ("Báo cáo quý III/2021 của huyện", "quý III/2021", "2021-Q3"),
    ("trong quý 3 năm 2021,", "quý 3 năm 2021", "2021-Q3"),
    ("Quý I năm 2022 toàn tỉnh", "Quý I năm 2022", "2022-Q1"),
    ("Quý IV/2022, Bộ phận", "Quý IV/2022", "2022-Q4"),
    ("Trong tháng 9/2021, Trung tâm", "tháng 9/2021", "2021-09"),
    ("tháng 10 năm 2023 có", "tháng 10 năm 2023", "2023-10"),
    ("6 tháng đầu năm 2023, huyện", "6 tháng đầu năm 2023", "2023-H1"),
    ("6 tháng cuối năm 2022, huyện", "6 tháng cuối năm 2022", "2022-H2"),
    ("9 tháng đầu năm 2022, xã", "9 tháng đầu năm 2022", "2022-9M"),
    ("Từ ngày 21/7 đến 20/8/2021, Bộ phận", "Từ ngày 21/7 đến 20/8/2021", "2021-07-21/2021-08-20"),
    ("từ 01/01/2021 đến 30/6/2021 đã", "từ 01/01/2021 đến 30/6/2021", "2021-01-01/2021-06-30"),
    ("từ ngày 15/12/2022 đến ngày 14/3/2023,", "từ ngày 15/12/2022 đến ngày 14/3/2023", "2022-12-15/2023-03-14"),
    ("từ ngày 3.4.2019 đến 9.6.2019 có", "từ ngày 3.4.2019 đến 9.6.2019", "2019-04-03/2019-06-09"),
    # fourth probe set: "đến hết ngày" (to the end of the last day), dates with dashes, the first day bare
    ("Từ ngày 16-9 đến hết ngày 15-10-2025, phường", "Từ ngày 16-9 đến hết ngày 15-10-2025", "2025-09-16/2025-10-15"),
    ("từ ngày 2 đến hết ngày 27/6/2025 xã", "từ ngày 2 đến hết ngày 27/6/2025", "2025-06-02/2025-06-27"),
    ("Lũy kế đến ngày 30/9/2023, Cổng", "Lũy kế đến ngày 30/9/2023", "../2023-09-30"),
    ("Tính đến ngày 31/12/2022, tỉnh", "Tính đến ngày 31/12/2022", "../2022-12-31"),
    ("Tính đến hết tháng 9/2023, tỷ lệ", "Tính đến hết tháng 9/2023", "../2023-09-30"),
    ("Lũy kế đến tháng 2/2024, Cổng", "Lũy kế đến tháng 2/2024", "../2024-02-29"),
    ("kết quả giai đoạn 2016-2020 cho thấy", "giai đoạn 2016-2020", "2016-2020"),
    ("giai đoạn 2011 – 2020 và", "giai đoạn 2011 – 2020", "2011-2020"),
    ("trong 3 năm từ 2017 đến 2019 chỉ có", "từ 2017 đến 2019", "2017-2019"),
    ("tháng 4, 5, 6/2022 huyện", "tháng 4, 5, 6/2022", "2022-Q2"),
    # second probe set (test_extract_probe2.py): the quarter's year after a dot, a range whose first day is a bare day
    ("trong quý II.2022, tổng số", "quý II.2022", "2022-Q2"),
    ("Từ ngày 1 đến 20/12/2022, hai bên", "Từ ngày 1 đến 20/12/2022", "2022-12-01/2022-12-20"),
    ("từ ngày 1-20/12/2016, Bưu điện", "từ ngày 1-20/12/2016", "2016-12-01/2016-12-20"),
    # without diacritics, and as OCR damages them
    ("Trong nam 2022, tong so", "nam 2022", "2022"),
    ("Trong quy III ndm 2021, Trung tam", "quy III ndm 2021", "2021-Q3"),
    ("Quy I1I/2021, Van phong", "Quy I1I/2021", "2021-Q3"),
    ("BAO CAO THANG 6/2022", "THANG 6/2022", "2022-06"),
    ("Tu ngay 09/6/2021 dén ngay 07/9/2021 Trung tam", "Tu ngay 09/6/2021 dén ngay 07/9/2021", "2021-06-09/2021-09-07"),
    ("ké hoach cai cach hanh chinh nim 2023 trén", "nim 2023", "2023"),
    # English
    ("In 2023, the district received", "In 2023", "2023"),
    ("in the first quarter of 2024, the centre", "first quarter of 2024", "2024-Q1"),
    ("Q1/2024 results", "Q1/2024", "2024-Q1"),
    ("in the first nine months of 2022, the province", "first nine months of 2022", "2022-9M"),
    ("in the first half of 2023 it", "first half of 2023", "2023-H1"),
    ("From July 21 to August 20, 2021, the desks", "From July 21 to August 20, 2021", "2021-07-21/2021-08-20"),
    ("As of September 30, 2023, the portal", "As of September 30, 2023", "../2023-09-30"),
    ("in September 2021 the centre", "September 2021", "2021-09"),
])
def test_each_wording_is_read_with_its_code(text: str, expression: str, code: str) -> None:
    spans = find_periods(text)
    assert [s.code for s in spans] == [code]
    assert periods.parse(code) is not None
    span = spans[0]
    assert text[span.start: span.end].lower().endswith(expression.lower()[-6:])
    assert expression.lower()[:4] in text[span.start: span.end].lower() or span.start == text.lower().find(expression.lower())


@pytest.mark.parametrize(("text", "code"), [
    ("Năm 2022, huyện tiếp nhận 500 hồ sơ. 9 tháng đầu năm, xã tiếp nhận 300 hồ sơ.", "2022-9M"),
    ("Báo cáo năm 2021. Từ ngày 21/7 đến 20/8, Bộ phận tiếp nhận 40 hồ sơ.", "2021-07-21/2021-08-20"),
    ("Quý III/2023 tiếp nhận 90 hồ sơ. Riêng tháng 8, tiếp nhận 30 hồ sơ.", "2023-08"),
    ("Năm 2023 huyện tiếp nhận 80 hồ sơ. Từ đầu năm đến 30/9, tiếp nhận 60 hồ sơ.", "2023-01-01/2023-09-30"),
    ("From July 1 to September 30, 2025 the centre received 80. From October 1 to December 31 it received 90.",
     "2025-10-01/2025-12-31"),
])
def test_an_expression_without_its_year_takes_the_nearest_year_before_it(text: str, code: str) -> None:
    assert find_periods(text)[-1].code == code


@pytest.mark.parametrize("text", [
    "9 tháng đầu năm, tỷ lệ giải quyết đúng hạn đạt 97%.",
    "Từ ngày 21/7 đến 20/8, Bộ phận tiếp nhận 40 hồ sơ.",
    "From July 1 to September 30, the centre received 13,000 applications.",
    "Trong tháng 10 vừa qua, Trung tâm tiếp nhận 1.200 hồ sơ.",
    "Quyết định số 09/2019/NĐ-CP quy định chế độ báo cáo.",
    "Phấn đấu đến năm 2025, tỷ lệ hồ sơ trực tuyến đạt 80%.",
    "Đắk Nông, ngày 21 tháng 9 năm 2021",
])
def test_what_the_text_does_not_date_is_not_a_period(text: str) -> None:
    assert find_periods(text) == []
    scope = PeriodScope(text)
    assert all(scope.at(m.start()) is None for m in re.finditer(r"\d+", text))
    assert document_period(text) is None


def test_offsets_are_those_of_the_original_text() -> None:
    text = "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA\nBáo cáo kết quả quý II/2024 và lũy kế đến ngày 30/6/2024"
    assert len(fold1(text)) == len(text)
    spans = find_periods(text)
    assert [text[s.start: s.end] for s in spans] == ["quý II/2024", "lũy kế đến ngày 30/6/2024"]
    assert [s.code for s in spans] == ["2024-Q2", "../2024-06-30"]


def _at(text: str, number: str, nth: int = 0) -> str | None:
    """The period code PeriodScope gives the nth printing of `number` in `text`."""
    offsets = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d])", text)]
    found = PeriodScope(text).at(offsets[nth])
    return found[0] if found else None


def test_a_period_right_after_a_figure_is_its_own() -> None:
    text = "Năm 2023 số hồ sơ trực tuyến tăng từ 1.200 hồ sơ trong quý I lên 1.650 trong quý II."
    scope = PeriodScope(text)
    assert scope.at(text.index("1.650"))[0] == "2023-Q2"


def test_a_period_named_in_brackets_is_not_one_the_text_runs_on_in() -> None:
    text = "Năm 2022 huyện tiếp nhận 5.000 hồ sơ (riêng tháng 12 là 600 hồ sơ). Tỷ lệ đúng hạn đạt 99%."
    scope = PeriodScope(text)
    assert scope.at(text.index("600"))[0] == "2022-12"
    assert scope.at(text.index("99%"))[0] == "2022"
    # a bracket that only dates the words before it is the period the text runs on in
    text = "Riêng trong quý (từ 01/7/2023 đến 30/9/2023), huyện nhận 900 hồ sơ. Số hồ sơ giải quyết đúng hạn là 812."
    assert PeriodScope(text).at(text.index("812"))[0] == "2023-07-01/2023-09-30"


def test_a_figure_takes_the_nearest_period_before_it_in_its_sentence() -> None:
    text = "Lũy kế đến ngày 31/3/2024, Cổng tiếp nhận 41.210 hồ sơ; riêng quý I/2024 tiếp nhận 12.008 hồ sơ."
    assert _at(text, "41.210") == "../2024-03-31"
    assert _at(text, "12.008") == "2024-Q1"


def test_compared_periods_are_left_out_and_their_own_figures_kept_apart() -> None:
    text = ("Năm 2022, chỉ số của tỉnh đạt 71,06 điểm, tăng 2,11 điểm so với năm 2021; chỉ số SIPAS đạt 83,4%, "
            "cao hơn năm 2021 (79,9%). Xếp hạng của tỉnh tăng từ thứ 40 lên thứ 22 so với năm 2021. "
            "So với cùng kỳ năm trước (4.120 hồ sơ), số hồ sơ trực tuyến tăng.")
    spans = find_periods(text)
    assert [(s.code, s.comparison) for s in spans] == [("2022", False), ("2021", True), ("2021", True), ("2021", True)]
    assert _at(text, "71,06") == "2022"
    assert _at(text, "83,4") == "2022"  # after "so với năm 2021", still the year reported
    assert _at(text, "79,9") == "2021"  # in the brackets after the compared year
    assert _at(text, "22") == "2022"
    assert _at(text, "4.120") is None  # the compared period has no code: the text does not date it


def test_from_x_to_y_after_a_compared_year() -> None:
    text = "Chỉ số PAPI năm 2023 của tỉnh có tiến bộ so với năm 2022 khi tăng từ hạng 48 lên hạng 30."
    assert _at(text, "48") == "2022"
    assert _at(text, "30") == "2023"
    alone = "Năm 2023, tỷ lệ trễ hạn của huyện giảm từ 8,2% xuống còn 1,4%."
    assert _at(alone, "8,2") is None  # the earlier period is not named
    assert _at(alone, "1,4") == "2023"


def test_paragraphs_run_on_in_the_period_last_named_and_the_title_dates_what_comes_before() -> None:
    text = ("Hơn 5.000 hồ sơ trực tuyến trong quý II\n\n"
            "Trong quý II năm 2024, huyện tiếp nhận 12.500 hồ sơ, trong đó 5.100 hồ sơ trực tuyến.\n\n"
            "Cụ thể, từ ngày 1/4/2024 đến ngày 25/6/2024 cấp xã tiếp nhận 8.000 hồ sơ.\n\n"
            "Tại cấp huyện, tiếp nhận 4.500 hồ sơ.")
    assert _at(text, "5.000") == "2024-Q2"  # the title's "quý II" has no year; the document's period
    assert _at(text, "12.500") == "2024-Q2"
    assert _at(text, "4.500") == "2024-04-01/2024-06-25"
    assert document_period(text) == ("2024-Q2", "2024-04-01", "2024-06-30")


def test_a_period_after_the_figure_in_its_sentence() -> None:
    text = "Xếp hạng năm 2020 của tỉnh. Với 68,12 điểm trong bảng xếp hạng PCI 2021, tỉnh đứng thứ 12."
    assert _at(text, "68,12") == "2021"
    part = "Năm 2021 huyện tiếp nhận 520 hồ sơ. Đã giải quyết 480 hồ sơ, riêng quý IV/2021 giải quyết 120 hồ sơ."
    assert _at(part, "480") == "2021"
    assert _at(part, "120") == "2021-Q4"


def test_a_named_period_worded_by_its_dates_is_that_date_range() -> None:
    bulletin = ("Kết quả giải quyết TTHC từ ngày 21/7 đến 20/8/2022\n"
                "Trong tháng 8/2022, Bộ phận một cửa tiếp nhận mới 9.310 hồ sơ.")
    assert _at(bulletin, "9.310") == "2022-07-21/2022-08-20"
    quarter = "Trong quý I năm 2021 (tính từ 15/12/2020 đến 14/3/2021) tiếp nhận 7.004 hồ sơ. Riêng quý I, cấp xã tiếp nhận 3.002 hồ sơ."
    assert [s.code for s in find_periods(quarter)] == ["2020-12-15/2021-03-14"] * 3
    assert _at(quarter, "3.002") == "2020-12-15/2021-03-14"
    year_first = "Năm 2023 đạt 99,1%. Cụ thể, tính từ ngày 7/12/2022 đến ngày 4/12/2023, tiếp nhận 5.400 hồ sơ."
    assert _at(year_first, "99,1") == "2023"  # the range came later: the year stays the year


def test_two_periods_as_table_columns() -> None:
    layout = ("Chỉ tiêu                Năm 2020        Năm 2021        Tăng/giảm\n"
              "Tiếp nhận                  4.512           5.230            718\n"
              "Đã giải quyết              4.470           5.201            731\n"
              "\n"
              "Năm 2021, tỷ lệ đúng hạn đạt 98%.")
    assert _at(layout, "4.512") == "2020"
    assert _at(layout, "5.201") == "2021"
    assert _at(layout, "718") is None  # a column of changes has no period
    assert _at(layout, "98") == "2021"
    tabs = "Nội dung\tNăm 2022\tNăm 2023\nHồ sơ trực tuyến\t1.204\t2.630\n"
    assert _at(tabs, "1.204") == "2022"
    assert _at(tabs, "2.630") == "2023"
    ocr_header = "Noi dung\tNam 2019\tNam 2020 (Tinh den 31/3)\nTiep nhan\t310\t85\n"
    assert _at(ocr_header, "85") == "2020-3M"


def test_a_compared_period_with_its_year_keeps_its_bracketed_figure() -> None:
    text = "6 tháng đầu năm 2023, huyện tiếp nhận 7.120 hồ sơ, tăng 8% so với cùng kỳ năm 2022 (6.593 hồ sơ); trực tuyến 2.004 hồ sơ."
    assert _at(text, "7.120") == "2023-H1"
    assert _at(text, "6.593") == "2022"
    assert _at(text, "2.004") == "2023-H1"


def test_in_period_tells_the_digits_of_a_date_from_a_figure() -> None:
    text = "Từ ngày 21/7 đến 20/8/2021, tiếp nhận 3.640 hồ sơ (n4m 2021)."
    scope = PeriodScope(text)
    assert scope.in_period(text.index("21/7")) and scope.in_period(text.index("2021,"))
    assert not scope.in_period(text.index("3.640"))
    assert scope.in_period(text.index("2021)"))  # OCR's "n4m" for "năm"


def test_a_year_narrowed_in_brackets_later_in_the_sentence() -> None:
    text = "Năm 2022, huyện đã khảo sát 410 phiếu/3.022 hồ sơ (từ ngày 01/01/2022 đến ngày 30/6/2022). Cả năm tiếp nhận 6.100 hồ sơ."
    assert _at(text, "410") == "2022-01-01/2022-06-30"
    assert _at(text, "6.100") == "2022"  # "cả năm": the whole of the year last printed
    plain = "Năm 2022, huyện tiếp nhận 6.100 hồ sơ, trong đó quý IV/2022 tiếp nhận 1.700 hồ sơ."
    assert _at(plain, "6.100") == "2022"


def test_at_gives_the_first_and_last_day() -> None:
    text = "Quý III/2021, huyện tiếp nhận 6.518 hồ sơ. Lũy kế đến 30/9/2021 tiếp nhận 20.110 hồ sơ."
    assert PeriodScope(text).at(text.index("6.518")) == ("2021-Q3", "2021-07-01", "2021-09-30")
    assert PeriodScope(text).at(text.index("20.110")) == ("../2021-09-30", "", "2021-09-30")


def test_every_code_found_in_the_seen_corpus_parses() -> None:
    for path in sorted(SEEN.glob("*.txt")):
        for span in find_periods(path.read_text(encoding="utf-8")):
            assert periods.parse(span.code) is not None, (path.name, span)


def test_printed_at_finds_the_ways_a_value_is_written() -> None:
    text = "tiếp nhận 1.284 hồ sơ, 24,3%, 3,2 tỷ đồng, 07 hồ sơ, mười lăm hồ sơ, 78.4%"
    assert text[printed_at(text, 1284)[0]:].startswith("1.284")
    assert text[printed_at(text, 24.3)[0]:].startswith("24,3")
    assert text[printed_at(text, 3_200_000_000)[0]:].startswith("3,2")
    assert text[printed_at(text, 7)[0]:].startswith("07")
    assert text[printed_at(text, 15)[0]:].startswith("mười lăm")
    assert text[printed_at(text, 78.4)[0]:].startswith("78.4")
    assert printed_at(text, 5) == []


def test_the_seen_corpus_gets_its_periods_where_its_values_are_printed() -> None:
    """Without extract: for each expected row, the period PeriodScope gives where its value is printed."""
    total = right = located = 0
    started = time.perf_counter()
    lines = []
    for path in sorted(SEEN.glob("*.txt")):
        rows = [(r.value, r.period, "") for r in read_expected(path.with_suffix(".csv"))]
        outcomes = measure(path.read_text(encoding="utf-8"), rows)
        n, ok = len(outcomes), sum(o.right for o in outcomes)
        total, right, located = total + n, right + ok, located + sum(o.offset is not None for o in outcomes)
        lines.append(f"{path.stem[:44]:44} {ok:3}/{n:<3}" + "".join(f"  {o.value:g}: {o.got or '-'} ≠ {o.expected}"
                                                                  for o in outcomes if not o.right))
    elapsed = time.perf_counter() - started
    print("\nperiods of the seen corpus (text_periods, without extract)")
    print("\n".join(lines))
    print(f"{'total':44} {right:3}/{total:<3} ({right / total:.1%}), values located {located}/{total}, {elapsed * 1000:.0f} ms")
    assert total > 150
    assert right / total >= SEEN_TARGET
    assert elapsed < 1.0


def test_a_bracket_right_after_a_figure_names_its_period() -> None:
    text = "Trong ba năm từ 2016 đến 2018 chỉ có 1 hồ sơ trễ hạn (năm 2017); huyện tiếp nhận 2.024 hồ sơ (từ ngày 10/9 đến 10/11/2019)."
    scope = PeriodScope(text)
    assert scope.at(text.index("1 hồ sơ")) == ("2017", "2017-01-01", "2017-12-31")
    assert scope.at(text.index("2.024"))[0] == "2019-09-10/2019-11-10"  # type: ignore[index]


def test_a_compared_period_that_opens_or_ends_a_clause_takes_its_figures() -> None:
    """"cùng kỳ năm trước tiếp nhận 5.400 hồ sơ": the figure is of the compared period, undated here, so
    none; "so với năm 2022 là 8.200": 2022's; "cùng kỳ năm 2023": the same part of 2023, not the year."""
    text = ("Quý II/2024, huyện tiếp nhận 6.120 hồ sơ, trong khi cùng kỳ năm trước tiếp nhận 5.400 hồ sơ, giải quyết 5.310 hồ sơ; "
            "trả kết quả 6.010 hồ sơ. Tháng 6/2024 có 1.020 hồ sơ, tháng trước 980 hồ sơ. "
            "Năm 2023 giải quyết 9.100 hồ sơ, so với năm 2022 là 8.200 hồ sơ, tăng 3% so với năm 2021, đúng hạn 9.050 hồ sơ. "
            "Quý I/2024 tiếp nhận 3.100 hồ sơ (cùng kỳ năm 2023 tiếp nhận 2.900 hồ sơ), giải quyết 3.000 hồ sơ.")
    scope = PeriodScope(text)
    assert _at(text, "6.120") == "2024-Q2"
    for number in ("5.400", "5.310", "980", "2.900"):
        assert _at(text, number) is None and scope.compared_undated(text.index(number)), number
    assert _at(text, "6.010") == "2024-Q2" and not scope.compared_undated(text.index("6.010"))
    assert _at(text, "8.200") == "2022"
    assert _at(text, "9.050") == "2023"  # the comparison's clause ended at its comma
    assert _at(text, "3.000") == "2024-Q1"


def test_the_period_dossiers_were_carried_over_from_is_no_comparison() -> None:
    text = "Năm 2024, năm trước chuyển sang 120 hồ sơ, tồn từ năm trước 45 hồ sơ, tiếp nhận 900 hồ sơ."
    scope = PeriodScope(text)
    assert [_at(text, n) for n in ("120", "45", "900")] == ["2024"] * 3
    assert not any(scope.compared_undated(text.index(n)) for n in ("120", "45", "900"))


def test_a_bracket_with_another_periods_figure_is_not_the_figures_own() -> None:
    text = "Năm 2023, huyện tiếp nhận 9.100 hồ sơ (năm 2022: 8.200 hồ sơ); có 3 hồ sơ trễ hạn (năm 2022)."
    assert _at(text, "9.100") == "2023"  # before: 2022, the bracket's
    assert _at(text, "8.200") == "2022"
    assert _at(text, "3") == "2022"  # a bracket that only names a period is the figure's own


def test_a_quarter_with_its_own_dates_in_brackets_is_that_date_range() -> None:
    """As "quý I năm 2020 (tính từ 1/12/2019 đến 29/2/2020)": the dates printed are the period, in either
    order, and the quarter named again later in the text is that range too."""
    text = ("Quý I/2024 (từ 16/12/2023 đến 15/3/2024), Trung tâm tiếp nhận 3.410 hồ sơ. Riêng quý I, cấp xã tiếp nhận 1.002 hồ sơ. "
            "Từ ngày 16/3/2024 đến 15/6/2024 (quý II/2024), tiếp nhận 3.900 hồ sơ.")
    assert _at(text, "3.410") == "2023-12-16/2024-03-15"
    assert _at(text, "1.002") == "2023-12-16/2024-03-15"
    assert _at(text, "3.900") == "2024-03-16/2024-06-15"


@pytest.mark.parametrize("text, code", [
    ("Cập nhật: 06-09-2025 | 17:05\nTrong buổi chiều ngày 5/9, Trung tâm tiếp nhận 312 hồ sơ.", "2025-09-05/2025-09-05"),
    ("Thứ Hai, 03/03/2025\nRiêng trong ngày 3-3, toàn huyện giải quyết 95 hồ sơ.", "2025-03-03/2025-03-03"),
])
def test_one_day_takes_the_year_of_the_dateline(text: str, code: str) -> None:
    # the figures of one day ("trong sáng 10-2") in an article dated by its dateline: that day is their period
    assert [s.code for s in find_periods(text)] == [code]


def test_a_dated_statement_is_no_period() -> None:
    # "Ngày 10-2, bà … cho biết": the day a statement was made, not the period of the figures
    assert find_periods("10/02/2026 12:40\nNgày 10-2, bà Lê Thị Hạnh cho biết tỉnh tiếp nhận 1.482 hồ sơ.") == []


def test_a_date_range_without_a_year_takes_the_datelines() -> None:
    # "từ ngày 12 đến 16/8" in an article dated "Thứ Sáu, 16/08/2024 - 17:30": the days of that year
    assert [s.code for s in find_periods("Thứ Sáu, 16/08/2024 - 17:30\nTừ ngày 12 đến 16/8, phường tiếp nhận 210 hồ sơ.")] \
        == ["2024-08-12/2024-08-16"]


def test_the_period_carried_over_dossiers_came_from_is_not_the_reports() -> None:
    # "tồn từ tháng 6 chuyển sang" names where the dossiers came from: later figures keep the report's own month
    text = "Tháng 7/2025, xã tiếp nhận 300 hồ sơ, 25 hồ sơ tồn từ tháng 6 chuyển sang. Đã giải quyết 310 hồ sơ."
    spans = find_periods(text)
    assert [(s.code, s.comparison) for s in spans] == [("2025-07", False), ("2025-06", True)]


def test_a_quarter_said_again_a_yearless_english_month_and_words_that_look_like_thang() -> None:
    assert [s.code for s in find_periods("Trong quý II/2024, xã tiếp nhận 500 hồ sơ. Tính cả quý, tỷ lệ đúng hạn đạt 99%.")] \
        == ["2024-Q2", "2024-Q2"]
    assert find_periods("The third quarter of 2025 closed well. For the whole quarter, 700 files came in.")[-1].code == "2025-Q3"
    assert find_periods("Figures for 2025: in March the desk received 40 files.")[-1].code == "2025-03"
    assert find_periods("Kết quả năm 2023: Bình thường\n12\nThông thường 9") [-1].code == "2023"
