"""unread.py: the numbers of a text `extract` proposed nothing from, listed for the editor; and what is no figure."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.editor import extract as ex
from site_builder.editor.tables import figure_cells
from site_builder.editor.unread import Unread

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def catalogue() -> ex.Catalogue:
    return ex.load_catalogue(ROOT / "content" / "indicators")


def unread(text: str, catalogue: ex.Catalogue) -> list[Unread]:
    return ex.extract_all(text, catalogue).unread


def test_a_figure_no_rule_names_is_listed_with_its_line_and_sentence(catalogue: ex.Catalogue) -> None:
    text = ("Báo cáo quý I/2024 của xã Hòa Phong.\n"
            "Trong quý, xã tiếp nhận 1.204 hồ sơ, giải quyết 1.190 hồ sơ.\n"
            "Có 37 hộ gia đình được cán bộ đến tận nhà hướng dẫn.\n")
    drafted = ex.extract_all(text, catalogue)
    assert {(r.indicator, r.value) for r in drafted.rows} >= {("dossiers-received", "1204"), ("dossiers-resolved", "1190")}
    assert drafted.unread == [Unread(3, "37", 37.0, "Có 37 hộ gia đình được cán bộ đến tận nhà hướng dẫn.")]


def test_dates_times_lengths_changes_and_names_are_no_figures(catalogue: ex.Catalogue) -> None:
    text = ("Cập nhật lúc 16:40, Thứ Năm, 18/01/2024 (GMT+7)\n\n"
            "Ngày 18-1, huyện Sơn Lâm tổng kết 3 năm thực hiện kế hoạch. Trong 9 tháng, Tổng đài dịch vụ công 1022 "
            "hoạt động liên tục. Chỉ số của huyện tăng 4 bậc, vào nhóm 20 địa phương dẫn đầu.\n\n"
            "Bảng 2.\n")
    assert unread(text, catalogue) == []


def test_a_share_said_with_bang_is_no_table_caption(catalogue: ex.Catalogue) -> None:
    # "bằng" folds to the "bang" of "Bảng 2": only a small whole number closing its line is a caption's
    text = "Huyện Sơn Lâm có 12 điểm giao dịch mới, bằng 53,98% số điểm của cả tỉnh.\n"
    assert [u.printed for u in unread(text, catalogue)] == ["12", "53,98%"]


def test_a_column_no_header_names_is_listed_but_not_the_row_numbers(catalogue: ex.Catalogue) -> None:
    text = ("Kết quả theo cấp năm 2023\n\n"
            "STT   Cấp           Tiếp nhận     Giải quyết     Số cán bộ\n"
            "1     Cấp huyện     4.210         4.198          7\n"
            "2     Cấp xã        1.305         1.277          5\n")
    drafted = ex.extract_all(text, catalogue)
    assert {(r.indicator, r.breakdown, float(r.value)) for r in drafted.rows} == {
        ("dossiers-received", "level=district", 4210.0), ("dossiers-resolved", "level=district", 4198.0),
        ("dossiers-received", "level=commune", 1305.0), ("dossiers-resolved", "level=commune", 1277.0)}
    assert [(u.line, u.printed) for u in drafted.unread] == [(4, "7"), (5, "5")]  # the staff, not the row numbers
    assert drafted.unread[0].quote == "1 Cấp huyện 4.210 4.198 7"


def test_cells_copied_one_per_line_are_listed_after_their_label_but_not_a_page_number(catalogue: ex.Catalogue) -> None:
    prose = "Phần này thuật lại việc thu thập ý kiến của người dân tại bộ phận một cửa trong suốt quý."
    text = (f"{prose}\n\n7\n\n{prose}\n\n"
            "Số lượt góp ý theo chủ đề\n"
            "Thái độ phục vụ\n"
            "41\n"
            "Thời gian chờ\n"
            "12\n")
    listed = unread(text, catalogue)
    assert [(u.line, u.printed) for u in listed] == [(9, "41"), (11, "12")]
    assert listed[0].quote == "Thái độ phục vụ 41"


def test_a_figure_proposed_said_again_or_converted_is_not_listed(catalogue: ex.Catalogue) -> None:
    text = ("Năm 2023, huyện Sơn Lâm tiếp nhận 8.420 hồ sơ. Số hồ sơ trễ hạn là 15 hồ sơ. Đối với 15 hồ sơ trễ hạn, "
            "bộ phận một cửa đã gửi thư xin lỗi. Giá trị thanh toán trực tuyến đạt 4,2 tỷ đồng.\n")
    drafted = ex.extract_all(text, catalogue)
    values = {(r.indicator, float(r.value)) for r in drafted.rows}
    assert ("dossiers-resolved-late", 15.0) in values
    assert any(v == 4.2e9 for _, v in values)  # proposed in đồng, printed in billion đồng
    assert drafted.unread == []


def test_a_share_printed_with_a_decimal_point_in_a_table_is_read_once() -> None:
    assert figure_cells("Cấp xã 9876 9802 12 99.88") == [(7, "9876", 9876.0), (12, "9802", 9802.0), (17, "12", 12.0),
                                                        (20, "99.88", 99.88)]
    assert figure_cells("2019   60,12   58   +2") == [(7, "60,12", 60.12), (15, "58", 58.0)]  # a year labels, a sign changes


def test_the_command_tells_the_editor_what_it_left(tmp_path: Path) -> None:
    raw = tmp_path / "report.txt"
    raw.write_text("Năm 2023, xã Hòa Phong tiếp nhận 1.204 hồ sơ.\nCó 37 hộ gia đình được hướng dẫn tại nhà.\n",
                   encoding="utf-8")
    result = CliRunner().invoke(ex.command, [str(raw), "--root", str(ROOT)])
    assert result.exit_code == 0, result.stderr
    assert "1 số in trong văn bản chưa được đề xuất" in result.stderr
    assert "1 number(s) printed in the text were not proposed" in result.stderr
    assert "dòng/line 2: 37  « Có 37 hộ gia đình được hướng dẫn tại nhà. »" in result.stderr
    assert ",37," not in result.stdout and "1204" in result.stdout  # the CSV holds the rows only
