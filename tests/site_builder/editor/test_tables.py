"""The table reader of `extract` (site_builder/editor/tables.py): where tables are, and what their cells say."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.editor import extract as ex
from site_builder.editor import tables as tb

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def catalogue() -> ex.Catalogue:
    return ex.load_catalogue(ROOT / "content" / "indicators")


def no_period(offset: int) -> tb.Period | None:
    return None


def got(figures: list[tb.TableFigure]) -> set[tuple[str, str, str, str]]:
    return {(f.indicator, f.breakdown, f.value, f.status) for f in figures}


def assert_printed(figures: list[tb.TableFigure]) -> None:
    """Every reported value is a number printed in its row (read here independently of tables.py)."""
    for f in figures:
        if f.status == "reported":
            printed = {float(t.replace(".", "").replace(",", ".")) for t in re.findall(r"\d+(?:[.,]\d+)*", f.quote)}
            assert float(f.value) in printed, f


LEVELS_LAYOUT = """\
BIỂU KẾT QUẢ GIẢI QUYẾT HỒ SƠ QUÝ II NĂM 2024

Trong quý, các cơ quan đã cố gắng giải quyết hồ sơ đúng hạn.

                 Tiếp nhận     Đã giải quyết     Trước hạn     Quá hạn     Đang giải quyết
Cấp huyện           2.410           2.388           1.975          0              22
Cấp xã                905             899             701          -               6
Tổng cộng           3.315           3.287           2.676          0              28

Ghi chú: số liệu lấy từ phần mềm một cửa.
"""


def test_layout_table_by_levels(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(LEVELS_LAYOUT, catalogue, no_period)
    found = got(figures)
    assert ("dossiers-received", "level=district", "2410", "reported") in found
    assert ("dossiers-pending", "level=commune", "6", "reported") in found
    assert ("dossiers-resolved-early", "", "2676", "reported") in found  # the total row: no breakdown
    assert ("dossiers-resolved-late", "level=district", "0", "reported") in found  # a printed 0 is a figure
    assert ("dossiers-resolved-late", "level=commune", "", "missing") in found  # "-" is not a zero
    assert len(figures) == 15
    assert_printed(figures)
    first = figures[0]
    assert first.locator == "Bảng, dòng Cấp huyện, cột Tiếp nhận"
    assert first.quote == "Cấp huyện 2.410 2.388 1.975 0 22"
    assert LEVELS_LAYOUT[first.offset:].startswith("Cấp huyện")


ONLINE_TAB = (
    "Bảng 3. Dịch vụ công trực tuyến 6 tháng đầu năm 2024\n"
    "Mức độ\tSố thủ tục\tHồ sơ tiếp nhận\tHồ sơ đã giải quyết\n"
    "Một phần\t52\t640\t633\n"
    "Toàn trình\t18\t1.120\t1.101\n"
    "Cộng\t70\t1.760\t1.734\n"
)


def test_tab_table_by_online_levels(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(ONLINE_TAB, catalogue, no_period)
    assert got(figures) == {
        ("procedures-online-services", "online_level=partial", "52", "reported"),
        ("dossiers-received-online", "online_level=partial", "640", "reported"),
        ("dossiers-resolved-online", "online_level=partial", "633", "reported"),
        ("procedures-online-services", "online_level=full_process", "18", "reported"),
        ("dossiers-received-online", "online_level=full_process", "1120", "reported"),
        ("dossiers-resolved-online", "online_level=full_process", "1101", "reported"),
        ("procedures-online-services", "", "70", "reported"),
        ("dossiers-received-online", "", "1760", "reported"),
        ("dossiers-resolved-online", "", "1734", "reported"),
    }
    assert figures[0].locator == "Bảng 3, dòng Một phần, cột Số thủ tục"


def test_a_table_of_levels_that_is_not_all_online_keeps_the_plain_counts(catalogue: ex.Catalogue) -> None:
    text = ONLINE_TAB.replace("Toàn trình", "Cấp xã")
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("dossiers-received", "level=commune", "1120", "reported") in found
    assert not any(i == "procedures-online-services" for i, *_ in found)  # "Số thủ tục" of what, then?


OCR_ROWS = """\
BAO CAO THANG 4/2024

Noi dung                        So luong      Ty le
Tiép nhan moi                      131
T6n ky truoc chuyén sang             4
Da giai quyét                      129
Truoc han va dung han              127        98,45%
Tré han                              2         1,55%
"""


def test_rows_naming_indicators_with_count_and_share_columns_through_ocr_damage(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(OCR_ROWS, catalogue, no_period)
    assert got(figures) == {
        ("dossiers-received", "", "131", "reported"),
        ("dossiers-carried-over", "", "4", "reported"),  # "Tồn" is not "Tổng": not a total row
        ("dossiers-resolved", "", "129", "reported"),
        ("dossiers-resolved-on-time", "", "127", "reported"),  # early and on time together, in either order
        ("share-on-time", "", "98.45", "reported"),
        ("dossiers-resolved-late", "", "2", "reported"),
        ("share-late", "", "1.55", "reported"),
    }
    assert_printed(figures)


STATS_PAGE = (
    "Kết quả xử lý hồ sơ\n"
    "Mức độ\tTổng\tĐã xử lý\tChưa xử lý\tĐúng hạn\tTrễ hạn\n"
    "Tổng % Tổng %\n"
    "Mức 1, 2 5000 4800 200 4700 97,9% 100 2,1%\n"
    "Mức 3 900 880 20 870 98,9% 10 1,1%\n"
)


def test_single_spaced_rows_under_a_header_with_count_and_share_pairs(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(STATS_PAGE, catalogue, no_period)
    rows = {
        ("dossiers-to-process", "900", "5000"),  # "Tổng" beside resolved and pending
        ("dossiers-resolved", "880", "4800"),
        ("dossiers-pending", "20", "200"),
        ("dossiers-resolved-on-time", "870", "4700"),
        ("share-on-time", "98.9", "97.9"),
        ("dossiers-resolved-late", "10", "100"),
        ("share-late", "1.1", "2.1"),
    }
    # "Mức 1, 2" is the old levels 1 and 2 together, a value of its own; with it in the table, the counts are
    # of every dossier, not the online ones (levels 1 and 2 only put information and forms online).
    assert got(figures) == {(ind, "online_level=partial", level3, "reported") for ind, level3, _ in rows} | {
        (ind, "online_level=level-1-2", levels12, "reported") for ind, _, levels12 in rows}


def test_a_header_of_levels_with_single_spaces_over_one_row_of_counts_and_shares(catalogue: ex.Catalogue) -> None:
    page = ("Dịch vụ công trực tuyến\n"
            "Mức độ 1 Mức độ 2 Mức độ 3 Mức độ 4\n"
            "TTHC % TTHC % TTHC % TTHC %\n"
            "Tỷ lệ TTHC cung cấp trực tuyến 1200 100% 1200 100% 830 69,2% 310 25,8%\n")
    assert got(tb.read_tables(page, catalogue, no_period)) == {
        ("procedures-online-services", f"online_level={level}", count, "reported") for level, count, _ in LEVELS_ROW} | {
        ("procedures-online-share", f"online_level={level}", share, "reported") for level, _, share in LEVELS_ROW}


LEVELS_ROW = (("level-1", "1200", "100"), ("level-2", "1200", "100"), ("partial", "830", "69.2"), ("full_process", "310", "25.8"))


def test_period_at_gives_the_period_and_a_column_period_overrides_it(catalogue: ex.Catalogue) -> None:
    offsets: list[int] = []

    def period_at(offset: int) -> tb.Period | None:
        offsets.append(offset)
        return ("2024-Q2", "2024-04-01", "2024-06-30")

    figures = tb.read_tables(LEVELS_LAYOUT, catalogue, period_at)
    assert {(f.period, f.period_start, f.period_end) for f in figures} == {("2024-Q2", "2024-04-01", "2024-06-30")}
    assert offsets and all(LEVELS_LAYOUT[o:].startswith(("Cấp", "Tổng")) for o in offsets)
    by_year = (
        "STT\tChỉ tiêu\tNăm 2022\tNăm 2023\n"
        "1.\tSố hồ sơ tiếp nhận\t1.500\t1.720\n"
        "2.\tSố hồ sơ đã giải quyết\t1.480\t/\n"
    )
    rows = tb.read_tables(by_year, catalogue, period_at)
    assert {(f.indicator, f.period, f.value, f.status) for f in rows} == {
        ("dossiers-received", "2022", "1500", "reported"), ("dossiers-received", "2023", "1720", "reported"),
        ("dossiers-resolved", "2022", "1480", "reported"), ("dossiers-resolved", "2023", "", "missing"),
    }


PROSE = """\
1. Kết quả giải quyết hồ sơ

     Trong năm, Bộ phận Một cửa tiếp nhận 1.250 hồ sơ, giải quyết 1.200 hồ sơ,
     trong đó đúng hạn 1.190 hồ sơ.
- Cấp huyện: 800 hồ sơ;
- Cấp xã: 450 hồ sơ.
Kết quả   năm   nay   tăng   so với   năm trước   là   120 hồ sơ.
"""


def test_table_spans_leave_prose_alone() -> None:
    assert tb.table_spans(PROSE) == []
    text = PROSE + "\n" + LEVELS_LAYOUT
    spans = tb.table_spans(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end].lstrip().startswith("Tiếp nhận") and text[start:end].endswith("28")


def test_extract_reads_the_sentence_before_a_layout_table_and_not_its_rows_as_prose(catalogue: ex.Catalogue) -> None:
    text = "Năm 2024, huyện tiếp nhận 4.000 hồ sơ.\n\n" + LEVELS_LAYOUT
    rows = ex.extract(text, catalogue)
    prose = [r for r in rows if r.locator.startswith("văn bản gốc")]
    assert [(r.indicator, r.value) for r in prose] == [("dossiers-received", "4000")]
    assert sum(r.locator.startswith("Bảng") for r in rows) == 15


def test_header_phrases_name_catalogue_indicators_or_those_being_added(catalogue: ex.Catalogue) -> None:
    assert tb.header_indicators() - set(catalogue.units) <= tb.PENDING_INDICATORS


LEVEL_COLUMNS = """\
STT   Nội dung                         Cấp tỉnh     Cấp huyện     Cấp xã      Tổng
1     Số hồ sơ tiếp nhận                  1.204         3.550      6.012    10.766
2     Số hồ sơ giải quyết trước hạn         980         2.905      5.870     9.755
3     Số hồ sơ trễ hạn                       12             /          0        12
"""


def test_columns_naming_levels_under_rows_naming_indicators(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(LEVEL_COLUMNS, catalogue, no_period)
    assert got(figures) == {
        ("dossiers-received", "level=province", "1204", "reported"),
        ("dossiers-received", "level=district", "3550", "reported"),
        ("dossiers-received", "level=commune", "6012", "reported"),
        ("dossiers-received", "", "10766", "reported"),
        ("dossiers-resolved-early", "level=province", "980", "reported"),  # "trước hạn" before "giải quyết"
        ("dossiers-resolved-early", "level=district", "2905", "reported"),
        ("dossiers-resolved-early", "level=commune", "5870", "reported"),
        ("dossiers-resolved-early", "", "9755", "reported"),
        ("dossiers-resolved-late", "level=province", "12", "reported"),
        ("dossiers-resolved-late", "level=district", "", "missing"),
        ("dossiers-resolved-late", "level=commune", "0", "reported"),
        ("dossiers-resolved-late", "", "12", "reported"),
    }
    assert figures[0].locator == "Bảng, dòng Số hồ sơ tiếp nhận, cột Cấp tỉnh"
    assert_printed(figures)


CHANNELS_AND_RATINGS = (
    "Kênh\tTiếp nhận\tĐã giải quyết\n"
    "Trực tiếp\t1.020\t1.001\n"
    "Trực tuyến\t2.310\t2.295\n"
    "Bưu chính công ích\t45\t-\n"
    "\n"
    "Mức đánh giá\tSố phiếu\tTỷ lệ\n"
    "Rất hài lòng\t310\t62%\n"
    "Hài lòng\t175\t35%\n"
    "Bình thường\t15\t3%\n"
    "Không hài lòng\t5\t1%\n"
)


def test_rows_per_channel_and_per_rating(catalogue: ex.Catalogue) -> None:
    found = got(tb.read_tables(CHANNELS_AND_RATINGS, catalogue, no_period))
    assert ("dossiers-received", "channel=in-person", "1020", "reported") in found
    assert ("dossiers-received-online", "", "2310", "reported") in found  # online is an indicator of its own
    assert ("dossiers-resolved-online", "", "2295", "reported") in found
    assert ("dossiers-received-postal", "", "45", "reported") in found
    assert not any(f[0] == "dossiers-resolved" and f[1] == "" for f in found)  # the postal "-" is no total
    assert ("satisfaction-survey-forms", "rating=very_satisfied", "310", "reported") in found
    assert ("satisfaction-survey-forms", "rating=satisfied", "175", "reported") in found
    assert ("satisfaction-survey-forms", "rating=average", "15", "reported") in found
    assert ("dissatisfaction-rate", "", "1", "reported") in found  # the catalogue's rate, not a "satisfied" row
    assert ("satisfaction-survey-forms", "rating=dissatisfied", "5", "reported") in found
    shares = {f for f in found if f[0] == tb.RATING_SHARE[1]}
    assert shares == ({("share-rating", "rating=very_satisfied", "62", "reported"), ("share-rating", "rating=satisfied", "35", "reported"),
                       ("share-rating", "rating=average", "3", "reported")} if "share-rating" in catalogue else set())


WRAPPED = """\
                      Hồ sơ          Đã giải        Đang giải
                      tiếp nhận      quyết          quyết
Cấp huyện               640            610             30
Cấp xã                  212            212              0

Chỉ tiêu                           Số lượng
Hồ sơ được giải quyết                 1.015
  trước hạn
Hồ sơ được giải quyết                   980
"""


def test_a_header_wrapped_over_two_lines_and_a_label_wrapped_under_its_row(catalogue: ex.Catalogue) -> None:
    figures = tb.read_tables(WRAPPED, catalogue, no_period)
    assert got(figures) == {
        ("dossiers-received", "level=district", "640", "reported"),
        ("dossiers-resolved", "level=district", "610", "reported"),
        ("dossiers-pending", "level=district", "30", "reported"),
        ("dossiers-received", "level=commune", "212", "reported"),
        ("dossiers-resolved", "level=commune", "212", "reported"),
        ("dossiers-pending", "level=commune", "0", "reported"),
        ("dossiers-resolved-early", "", "1015", "reported"),  # not "giải quyết": the label goes on below
        ("dossiers-resolved", "", "980", "reported"),
    }
    early = next(f for f in figures if f.value == "1015")
    assert early.quote == "Hồ sơ được giải quyết 1.015 trước hạn"
    assert early.locator == "Bảng, dòng Hồ sơ được giải quyết trước hạn, cột Số lượng"


@pytest.mark.parametrize(("header", "code"), [
    ("Năm 2020", "2020"), ("Quý I/2023", "2023-Q1"), ("Quý IV năm 2022", "2022-Q4"), ("Tháng 9/2021", "2021-09"),
    ("6 tháng đầu năm 2023", "2023-H1"), ("9 tháng 2022", "2022-9M"), ("Năm 2020 (Tính đến 31/3)", "2020-3M"),
    ("Tháng 13/2021", None), ("Số lượng", None), ("Quý 5/2021", None),
])
def test_column_period(header: str, code: str | None) -> None:
    found = tb.column_period(header)
    assert (found[0] if found else None) == code
    if found:
        assert found[1:] == ex.period_bounds(code) or code == "2020-3M"


def test_layout_columns_naming_quarters(catalogue: ex.Catalogue) -> None:
    text = (
        "Chỉ tiêu                      Quý I/2023     Quý II/2023\n"
        "Hồ sơ tiếp nhận                    812             905\n"
        "Hồ sơ trễ hạn                        3               0\n"
    )
    figures = tb.read_tables(text, catalogue, lambda offset: ("2023-H1", "2023-01-01", "2023-06-30"))
    assert {(f.indicator, f.period, f.value) for f in figures} == {
        ("dossiers-received", "2023-Q1", "812"), ("dossiers-received", "2023-Q2", "905"),
        ("dossiers-resolved-late", "2023-Q1", "3"), ("dossiers-resolved-late", "2023-Q2", "0"),
    }
    assert {(f.period_start, f.period_end) for f in figures if f.period == "2023-Q2"} == {("2023-04-01", "2023-06-30")}


def test_label_and_figure_lines_without_a_header_and_period_columns_without_row_numbers(catalogue: ex.Catalogue) -> None:
    text = (
        "Kết quả trong tháng:\n"
        "Số hồ sơ tiếp nhận              1.250\n"
        "Số hồ sơ trễ hạn                    4\n"
        "\n"
        "Chỉ tiêu\tNăm 2022\tNăm 2023\n"
        "Hồ sơ tiếp nhận\t1.500\t1.720\n"
        "Hồ sơ đang giải quyết\t-\t35\n"
    )
    figures = tb.read_tables(text, catalogue, no_period)
    assert {(f.indicator, f.period, f.value, f.status) for f in figures} == {
        ("dossiers-received", "", "1250", "reported"), ("dossiers-resolved-late", "", "4", "reported"),
        ("dossiers-received", "2022", "1500", "reported"), ("dossiers-received", "2023", "1720", "reported"),
        ("dossiers-pending", "2022", "", "missing"), ("dossiers-pending", "2023", "35", "reported"),
    }
    assert figures[0].locator == "Bảng, dòng Số hồ sơ tiếp nhận"
    assert len(tb.table_spans(text)) == 2


def test_a_lone_tab_row_is_still_kept_out_of_the_prose() -> None:
    text = "Kết quả như sau.\n1.\tSố hồ sơ tiếp nhận\t1.500\n\nHết."
    start = text.index("1.\t")
    assert tb.table_spans(text) == [(start, text.index("\n\n"))]
    assert all("1.500" not in s.text for s in ex.split_sentences(text))


@pytest.mark.parametrize(("label", "breakdown", "total"), [
    ("Cấp huyện", "level=district", False), ("Các xã, thị trấn", "level=commune", False), ("Cap xa", "level=commune", False),
    ("Mức độ 3", "online_level=partial", False), ("Mức 4", "online_level=full_process", False),
    ("Trực tiếp", "channel=in-person", False), ("Rất hài lòng", "rating=very_satisfied", False),
    ("Tổng cộng", "", True), ("Cộng:", "", True), ("TONG SO", "", True),
    ("Tồn kỳ trước", "", False), ("Công khai TTHC", "", False), ("Cấp huyện, cấp xã", "", False),
])
def test_row_labels(label: str, breakdown: str, total: bool) -> None:
    from site_builder.editor.phrases import fold

    assert tb._row_breakdown(fold(label)) == (breakdown, total)


@pytest.mark.parametrize(("header", "indicator"), [
    ("Tiếp nhận", "dossiers-received"), ("Tiep nhan moi", "dossiers-received"), ("Hồ sơ TTHC tiếp nhận", "dossiers-received"),
    ("Tồn kỳ trước chuyển sang", "dossiers-carried-over"), ("Đúng hạn và trước hạn", "dossiers-resolved-on-time"),
    ("Trước hạn và đúng hạn", "dossiers-resolved-on-time"), ("Trước hạn", "dossiers-resolved-early"),
    ("Đúng hạn", "dossiers-resolved-on-time"), ("Trễ hạn", "dossiers-resolved-late"),
    ("Quá hạn nhưng chưa có kết quả", "dossiers-pending-overdue"), ("Chưa đến hạn", "dossiers-pending-within-deadline"),
    ("Đến hạn giải quyết", "dossiers-due"), ("Đang giải quyết", "dossiers-pending"), ("Đã giải quyết", "dossiers-resolved"),
    ("Trả lại/rút hồ sơ", "dossiers-withdrawn"), ("Số thủ tục", "procedures-online-services"),
    ("Số hồ sơ TTHC", None), ("Ghi chú", None),
])
def test_header_phrases(header: str, indicator: str | None) -> None:
    from site_builder.editor.phrases import fold

    assert tb._header_indicator(fold(header)) == indicator


def test_columns_per_channel_under_rows_naming_indicators(catalogue: ex.Catalogue) -> None:
    text = (
        "Nội dung\tTrực tiếp\tTrực tuyến\tBưu chính\tTổng\n"
        "Hồ sơ tiếp nhận\t410\t1.290\t12\t1.712\n"
        "Hồ sơ đã giải quyết\t400\t1.275\t12\t1.687\n"
    )
    found = got(tb.read_tables(text, catalogue, no_period))
    assert found == {
        ("dossiers-received", "channel=in-person", "410", "reported"), ("dossiers-received-online", "", "1290", "reported"),
        ("dossiers-received-postal", "", "12", "reported"), ("dossiers-received", "", "1712", "reported"),
        ("dossiers-resolved", "channel=in-person", "400", "reported"), ("dossiers-resolved-online", "", "1275", "reported"),
        ("dossiers-resolved", "", "1687", "reported"),
    }  # no indicator for dossiers resolved by post: its 12 is left out, never filed as received


def test_columns_that_split_the_count_a_row_names(catalogue: ex.Catalogue) -> None:
    text = (
        "Nội dung              Tổng      Trước hạn     Đúng hạn     Quá hạn\n"
        "Hồ sơ đã giải quyết    980         610          352          18\n"
        "Hồ sơ tiếp nhận        1.004\n"
    )
    assert got(tb.read_tables(text, catalogue, no_period)) == {
        ("dossiers-resolved", "", "980", "reported"), ("dossiers-resolved-early", "", "610", "reported"),
        ("dossiers-resolved-on-time", "", "352", "reported"), ("dossiers-resolved-late", "", "18", "reported"),
        ("dossiers-received", "", "1004", "reported"),
    }  # nothing under "Trước hạn" in the received row: no figure, not a missing one


def test_channel_columns_under_rows_of_levels(catalogue: ex.Catalogue) -> None:
    text = (
        "Đơn vị          Trực tiếp     Trực tuyến\n"
        "Cấp huyện          320           1.105\n"
        "Cấp xã             610             455\n"
    )
    assert got(tb.read_tables(text, catalogue, no_period)) == {
        ("dossiers-received-online", "level=district", "1105", "reported"),
        ("dossiers-received-online", "level=commune", "455", "reported"),
    }  # "Trực tiếp" names a channel but not what is counted: left out


# --------------------------------------------------------------------------- the third probe set's classes (issue 23)


def test_a_comparison_column_is_no_share_of_the_row(catalogue: ex.Catalogue) -> None:
    # "Tăng, giảm (%)" beside two years: a change, never the row's share; the share row still reads
    text = """\
 Chỉ tiêu                          Năm 2022     Năm 2023     Tăng, giảm (%)
 Hồ sơ giải quyết quá hạn               340          212          -37,6
 Tỷ lệ hồ sơ đúng hạn (%)              97,1         98,4            1,3
"""
    found = {(f.indicator, f.period, f.value) for f in tb.read_tables(text, catalogue, no_period)}
    assert found == {("dossiers-resolved-late", "2022", "340"), ("dossiers-resolved-late", "2023", "212"),
                     ("share-on-time", "2022", "97.1"), ("share-on-time", "2023", "98.4")}


def test_a_frequency_table_with_a_cumulative_share(catalogue: ex.Catalogue) -> None:
    # a statistics package's table: "Tần suất" counts the forms, "Tỷ lệ tích lũy" is no rating's share
    text = """\
                     Tần suất     Tỷ lệ (%)     Tỷ lệ tích lũy (%)
 Rất hài lòng           140          56,0              56,0
 Hài lòng                95          38,0              94,0
 Không hài lòng          15           6,0             100,0
"""
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("satisfaction-survey-forms", "rating=very_satisfied", "140", "reported") in found
    assert ("share-rating", "rating=satisfied", "38", "reported") in found
    assert ("dissatisfaction-rate", "", "6", "reported") in found
    assert not any(v in ("94", "100") for _, _, v, _ in found)


def test_digitisation_columns(catalogue: ex.Catalogue) -> None:
    text = "Đơn vị\tTiếp nhận\tHồ sơ được số hóa\tTỷ lệ (%)\tSố hóa kết quả\nCấp xã\t2.040\t1.930\t94,6\t1.801\nCấp huyện\t880\t875\t99,4\t860\n"
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("dossiers-digitised", "level=commune", "1930", "reported") in found
    assert ("digitisation-share", "level=commune;object=dossier", "94.6", "reported") in found
    assert ("results-digitised", "level=district", "860", "reported") in found


def test_a_cause_column_counts_late_dossiers(catalogue: ex.Catalogue) -> None:
    # the header names the cause only ("Do lỗi phần mềm"), not "trễ hạn"
    text = "Mức độ\tĐã giải quyết\tQuá hạn\tDo lỗi phần mềm\nMức độ 3\t640\t12\t7\nMức độ 4\t215\t3\t3\n"
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("dossiers-resolved-late", "online_level=partial", "12", "reported") in found
    assert ("dossiers-resolved-late", "cause=system-error;online_level=partial", "7", "reported") in found
    assert ("dossiers-resolved-late", "cause=system-error;online_level=full_process", "3", "reported") in found


def test_a_count_with_its_share_in_brackets(catalogue: ex.Catalogue) -> None:
    # "n (%)" cells, spaces between the columns; the share marked with its own "%"
    text = """\
 Mức đánh giá          Số phiếu (%)
 Rất hài lòng          61 (40,7%)
 Hài lòng              80 (53,3%)
 Bình thường            9 (6,0%)
"""
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("satisfaction-survey-forms", "rating=very_satisfied", "61", "reported") in found
    assert ("share-rating", "rating=very_satisfied", "40.7", "reported") in found
    assert ("share-rating", "rating=average", "6", "reported") in found


def test_a_layout_header_with_groups_and_a_line_of_column_numbers(catalogue: ex.Catalogue) -> None:
    # the form of Circular 01/2018 in other words: groups over their columns, "Tổng số" taking its group's
    # count, "Quá hạn" under "Đang giải quyết" still open, and a line numbering the columns
    text = """\
                          Hồ sơ nhận giải quyết       Đã giải quyết          Đang giải quyết
 TT   Cơ quan            Tổng số     Mới nhận        Tổng số   Trễ hạn       Tổng số   Quá hạn
 (1)  (2)                (3)         (4)             (5)       (6)           (7)       (8)
 1    Cấp tỉnh           1.250       1.198           1.201        4             49        2
 2    Cấp xã               640         630             622        0             18        1
"""
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("dossiers-to-process", "level=province", "1250", "reported") in found
    assert ("dossiers-received", "level=commune", "630", "reported") in found
    assert ("dossiers-resolved", "level=province", "1201", "reported") in found
    assert ("dossiers-resolved-late", "level=province", "4", "reported") in found
    assert ("dossiers-pending", "level=commune", "18", "reported") in found
    assert ("dossiers-pending-overdue", "level=province", "2", "reported") in found
    assert not any(v in ("3", "5", "6", "7", "8") for _, _, v, _ in found)


def test_a_tab_header_whose_periods_span_their_columns(catalogue: ex.Catalogue) -> None:
    # merged cells pasted with tabs: a period over the empty cells after it; "9 tháng" and "Lũy kế … tháng"
    text = ("Đơn vị\tQuý III/2022\t\t9 tháng năm 2022\t\n"
            "\tĐã giải quyết\tTỷ lệ trễ hạn (%)\tĐã giải quyết\tTỷ lệ trễ hạn (%)\n"
            "Cấp huyện\t1.320\t0,8\t3.977\t1,1\n"
            "Cấp xã\t2.005\t0,2\t6.114\t0,3\n")
    found = {(f.indicator, f.breakdown, f.period, f.value) for f in tb.read_tables(text, catalogue, no_period)}
    assert ("dossiers-resolved", "level=district", "2022-Q3", "1320") in found
    assert ("share-late", "level=district", "2022-9M", "1.1") in found
    assert ("dossiers-resolved", "level=commune", "2022-9M", "6114") in found
    assert len(found) == 8


@pytest.mark.parametrize(("header", "code"), [
    ("Lũy kế 10 tháng năm 2024", "2024-10M"), ("5 tháng đầu năm 2022", "2022-5M"), ("12 tháng năm 2021", "2021"),
])
def test_columns_of_the_first_months(header: str, code: str) -> None:
    period = tb.column_period(header)
    assert period is not None and period[0] == code


def test_columns_of_months_without_a_year_take_the_tables_year(catalogue: ex.Catalogue) -> None:
    # "Tháng 7 | Tháng 8 | Quý III" under a title of 2021, a running page title and page number between
    # the header and the rows (text extracted from a PDF)
    text = """\
Biểu 3. Hồ sơ đã giải quyết quý III năm 2021
                          Tháng 7     Tháng 8     Tháng 9     Quý III
BÁO CÁO TỔNG KẾT – TRANG 14
Hồ sơ đã giải quyết          210         198         305         713
Hồ sơ quá hạn                  2           0           1           3
"""
    def title(offset: int) -> tb.Period:
        return ("2021-Q3", "2021-07-01", "2021-09-30")

    found = {(f.indicator, f.period, f.value) for f in tb.read_tables(text, catalogue, title)}
    assert ("dossiers-resolved", "2021-07", "210") in found
    assert ("dossiers-resolved-late", "2021-08", "0") in found
    assert ("dossiers-resolved", "2021-Q3", "713") in found
    assert len(found) == 8
    assert tb.read_tables(text, catalogue, no_period) == []  # no year anywhere: no figure, never a guessed one


def test_a_sentence_between_two_tables_still_ends_the_first() -> None:
    text = """\
                Tiếp nhận     Đã giải quyết
Cấp huyện           410           402
Cấp xã              220           219
Số liệu trên lấy từ phần mềm một cửa.
                Tiếp nhận     Đã giải quyết
Cấp huyện           390           388
Cấp xã              215           215
"""
    assert len(tb.table_spans(text)) == 2


@pytest.mark.parametrize(("header", "code"), [
    ("Tính đến ngày 30/6/2024", "../2024-06-30"), ("Từ 01/01 đến 30/4/2022", "2022-01-01/2022-04-30"),
    ("Cùng kỳ năm 2023", None),  # the period compared with is no column of the report's own period
])
def test_columns_headed_by_a_period_in_words(header: str, code: str | None) -> None:
    period = tb.column_period(header)
    assert (period[0] if period else None) == code


def test_ratings_as_columns_with_a_row_of_forms_and_a_row_of_shares(catalogue: ex.Catalogue) -> None:
    # the survey table turned over: ratings as columns ("Rất hài lòng" is no "rút" of withdrawn dossiers),
    # one row of forms, then "Tỷ lệ" alone, the shares of the row above; no 100% of the total column
    text = """\
                   Rất hài lòng     Hài lòng     Không hài lòng      Cộng
Phiếu thu về             96            180               4            280
Tỷ lệ                   34,3          64,3             1,4            100
"""
    found = got(tb.read_tables(text, catalogue, no_period))
    assert found == {("satisfaction-survey-forms", "rating=very_satisfied", "96", "reported"),
                     ("satisfaction-survey-forms", "rating=satisfied", "180", "reported"),
                     ("satisfaction-survey-forms", "rating=dissatisfied", "4", "reported"),
                     ("satisfaction-survey-forms", "", "280", "reported"),
                     ("share-rating", "rating=very_satisfied", "34.3", "reported"),
                     ("share-rating", "rating=satisfied", "64.3", "reported"),
                     ("dissatisfaction-rate", "", "1.4", "reported")}


def test_one_row_under_a_header_naming_its_columns_and_agencies_as_a_level(catalogue: ex.Catalogue) -> None:
    one = "Noi dung       Tiep nhan moi     Da giai quyet     Qua han\nTong so             127               120             1\n"
    assert {(f.indicator, f.value) for f in tb.read_tables(one, catalogue, no_period)} == {
        ("dossiers-received", "127"), ("dossiers-resolved", "120"), ("dossiers-resolved-late", "1")}
    assert tb.table_spans("Ghi chú        xem phụ lục\nTrang 3              12\n") == []  # no named column: no table
    agencies = "Khối\tTiếp nhận\tĐã giải quyết\nCác sở, ban, ngành\t5.210\t5.002\nSở ngành khác\t90\t88\n"
    found = got(tb.read_tables(agencies, catalogue, no_period))
    assert ("dossiers-received", "level=province", "5210", "reported") in found


def test_section_rows_that_name_a_level(catalogue: ex.Catalogue) -> None:
    # "A. KHỐI SỞ, NGÀNH" style sections in a tab table: each section's rows are its level's
    text = ("TT\tChỉ tiêu\tKết quả\n"
            "a)\tCấp xã\t\n"
            "1\tSố hồ sơ đã giải quyết\t9.870\n"
            "2\tSố hồ sơ trễ hạn\t12\n"
            "b)\tCấp huyện\t\n"
            "1\tSố hồ sơ đã giải quyết\t3.402\n")
    found = got(tb.read_tables(text, catalogue, no_period))
    assert found == {("dossiers-resolved", "level=commune", "9870", "reported"),
                     ("dossiers-resolved-late", "level=commune", "12", "reported"),
                     ("dossiers-resolved", "level=district", "3402", "reported")}


def test_survey_columns_forms_handed_out_and_the_rate(catalogue: ex.Catalogue) -> None:
    text = ("Cơ quan\tSố phiếu đã phát\tSố phiếu thu lại\tTỷ lệ không hài lòng (%)\n"
            "Cấp tỉnh\t450\t431\t1,2\nCấp huyện\t900\t874\t0,8\n")
    found = got(tb.read_tables(text, catalogue, no_period))
    assert ("survey-forms-issued", "level=province", "450", "reported") in found
    assert ("satisfaction-survey-forms", "level=province", "431", "reported") in found
    assert ("dissatisfaction-rate", "level=district", "0.8", "reported") in found
    assert not any(i == "satisfaction-survey-coverage" for i, *_ in found)


def test_a_share_column_whose_rows_add_up_to_the_whole_is_no_rate(catalogue: ex.Catalogue) -> None:
    # "Tỷ lệ" beside the levels' online dossiers: how the online dossiers spread over the levels (100 in
    # all), not the share of each level's dossiers sent online; a named share column is still read
    spread = "Cấp\tTiếp nhận\tHồ sơ trực tuyến\tTỷ lệ (%)\nCấp huyện\t9.020\t2.610\t30,5\nCấp xã\t21.400\t5.950\t69,5\n"
    assert not any(i == "share-online" for i, *_ in got(tb.read_tables(spread, catalogue, no_period)))
    named = spread.replace("Tỷ lệ (%)", "Tỷ lệ trực tuyến (%)")
    assert ("share-online", "level=commune", "69.5", "reported") in got(tb.read_tables(named, catalogue, no_period))


def test_a_month_column_falls_in_the_year_of_the_tables_period_that_holds_it(catalogue: ex.Catalogue) -> None:
    text = "Kỳ báo cáo\tTháng 12\tTháng 1\nHồ sơ tiếp nhận\t1.204\t998\n"

    def winter(offset: int) -> tb.Period:
        return ("2023-12-15/2024-01-14", "2023-12-15", "2024-01-14")

    found = {(f.period, f.value) for f in tb.read_tables(text, catalogue, winter)}
    assert found == set()  # neither month lies whole within the period: no guess
    wider = {(f.period, f.value) for f in tb.read_tables(text, catalogue, lambda o: ("2023-12-01/2024-01-31", "2023-12-01", "2024-01-31"))}
    assert wider == {("2023-12", "1204"), ("2024-01", "998")}


def test_groups_naming_a_rating_or_a_level_and_rows_naming_a_period(catalogue: ex.Catalogue) -> None:
    # ratings over "SL | %" pairs, rows of agencies
    ratings = """\
                   Hài lòng            Bình thường         Không hài lòng
Cơ quan            SL        %         SL        %         SL        %
Cấp tỉnh           410      82,0        75      15,0        15       3,0
"""
    found = got(tb.read_tables(ratings, catalogue, no_period))
    assert ("satisfaction-survey-forms", "level=province;rating=satisfied", "410", "reported") in found
    assert ("share-rating", "level=province;rating=average", "15", "reported") in found
    assert ("dissatisfaction-rate", "level=province", "3", "reported") in found
    # levels over the counts, months as rows
    levels = ("Tháng\tCấp xã\t\tCấp huyện\t\n\tĐã giải quyết\tTrễ hạn\tĐã giải quyết\tTrễ hạn\n"
              "Tháng 7/2022\t812\t3\t240\t0\nTháng 8/2022\t790\t1\t251\t2\n")
    found_l = {(f.indicator, f.breakdown, f.period, f.value) for f in tb.read_tables(levels, catalogue, no_period)}
    assert ("dossiers-resolved", "level=commune", "2022-07", "812") in found_l
    assert ("dossiers-resolved-late", "level=district", "2022-08", "2") in found_l
    assert len(found_l) == 8


# A web page's table copied as text: every cell one space from the next, the header too (issue 23's real page 08).
SPACED_WEB_TABLE = """\
Kết quả xử lý hồ sơ quý II/2024 của huyện
Cấp Tiếp nhận Đã giải quyết Đang giải quyết Đúng hạn Quá hạn
Cấp huyện 1200 1150 50 1140 10
Cấp xã 3400 3380 20 3379 1
Số liệu được cập nhật hằng ngày.
"""


def test_a_header_whose_cells_are_one_space_apart(catalogue: ex.Catalogue) -> None:
    assert tb._spaced_header("Cấp Tiếp nhận Đã giải quyết Đang giải quyết Đúng hạn Quá hạn") == [
        "Cấp", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết", "Đúng hạn", "Quá hạn"]
    rows = {(r.indicator, r.value, r.breakdown) for r in ex.extract(SPACED_WEB_TABLE, catalogue)}
    assert rows == {
        ("dossiers-received", "1200", "level=district"), ("dossiers-resolved", "1150", "level=district"),
        ("dossiers-pending", "50", "level=district"), ("dossiers-resolved-on-time", "1140", "level=district"),
        ("dossiers-resolved-late", "10", "level=district"),
        ("dossiers-received", "3400", "level=commune"), ("dossiers-resolved", "3380", "level=commune"),
        ("dossiers-pending", "20", "level=commune"), ("dossiers-resolved-on-time", "3379", "level=commune"),
        ("dossiers-resolved-late", "1", "level=commune")}
    # a title or a sentence that names columns without figures under it is no header
    assert tb.table_spans("Kết quả giải quyết thủ tục hành chính\nNăm nay huyện làm tốt.\n") == []


def test_a_table_copied_one_cell_per_line_is_read_and_keeps_its_offsets(catalogue: ex.Catalogue) -> None:
    text = ("Kết quả khảo sát tháng 8/2024\n\nMức đánh giá\nSố phiếu\nTỷ lệ\nRất hài lòng\n120\n60%\nHài lòng\n70\n35%\n"
            "Rất không hài lòng\n10\n5%\n\nCập nhật ngày 2/9/2024.")
    unstacked = tb.unstack(text)
    assert len(unstacked) == len(text) and unstacked.count("\t") == 8
    figures = {(f.indicator, f.breakdown, f.value) for f in tb.read_tables(text, catalogue, lambda _: ("2024-08", "", ""))}
    assert {("satisfaction-survey-forms", "rating=very_satisfied", "120"), ("share-rating", "rating=very_satisfied", "60"),
            ("satisfaction-survey-forms", "rating=satisfied", "70")} <= figures
    # "Rất không hài lòng" is no rating the catalogue counts, and never a dossier withdrawn ("rút")
    assert not any(v == "10" for _, _, v in figures)
    assert tb.unstack("Mức đánh giá\nSố phiếu\nRất hài lòng\n120\n") == "Mức đánh giá\nSố phiếu\nRất hài lòng\n120\n"  # one row: no table


def test_a_towns_own_level_its_whole_and_a_share_column_with_a_decimal_point(catalogue: ex.Catalogue) -> None:
    text = ("Cấp\tTiếp nhận\tĐã giải quyết\tTỷ lệ đúng hạn (%)\nCấp quận\t900\t880\t98.86\nCấp phường\t3000\t2990\t99.90\n"
            "Toàn quận\t3900\t3870\t99.64\n")
    figures = {(f.indicator, f.breakdown, f.value) for f in tb.read_tables(text, catalogue, lambda _: ("2024", "", ""))}
    assert {("dossiers-received", "level=district", "900"), ("share-on-time", "level=district", "98.86"),
            ("dossiers-received", "", "3900"), ("share-on-time", "", "99.64")} <= figures


def test_a_row_naming_its_count_and_channel_is_that_channel_s_count(catalogue: ex.Catalogue) -> None:
    """"Hồ sơ tiếp nhận qua mạng" under columns of years: dossiers received online, not all received; the
    row "Hồ sơ giải quyết" beside it stays the whole."""
    text = ("Phụ lục 2: Một số chỉ tiêu\n"
            "TT   Nội dung                           Năm 2022        Năm 2023\n"
            "1    Hồ sơ tiếp nhận trực tuyến          3.415           5.902\n"
            "2    Hồ sơ đã giải quyết                 9.870           10.214\n")
    assert {(f.indicator, f.value, f.period) for f in tb.read_tables(text, catalogue, no_period)} == {
        ("dossiers-received-online", "3415", "2022"), ("dossiers-received-online", "5902", "2023"),
        ("dossiers-resolved", "9870", "2022"), ("dossiers-resolved", "10214", "2023")}
