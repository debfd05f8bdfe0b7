"""Curated figures of the Lộc Ninh PCI report (2020), read from the source text."""
import csv
from pathlib import Path

REPORT_ID = "loc-ninh-pci-2020"
ROOT = Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"

# (indicator, unit, period, breakdown, value) — read from content/sources/loc-ninh-pci-2020.txt
CURATED = [
    # "tạo lập tài khoản, hướng dẫn sử dụng cho 53 đơn vị ..., tạo lập 210 tài khoản cá nhân"
    ("document-management-unit-accounts", "loc-ninh", "2020", "", 53),
    ("document-management-personal-accounts", "loc-ninh", "2020", "", 210),
    # "được cấp trang bị 125 thiết bị chữ ký số cá nhân và 31 chứng thư số cơ quan"
    ("digital-signature-devices-personal", "loc-ninh", "2020", "", 125),
    ("digital-certificates-organisation", "loc-ninh", "2020", "", 31),
    # "Có 01 hệ thống QLCL theo TCVN ISO 9001-2008 được cấp giấy chứng nhận từ năm 2009"
    ("iso-systems-certified", "loc-ninh", "2020", "", 1),
    # "... ISO 9001 - 2008 tại 08 phòng, ban chuyên môn thuộc huyện"
    ("departments-applying-iso", "loc-ninh", "2020", "", 8),
    # "Sau hơn 02 tháng hoạt động, đường dây nóng đã tiếp nhận 30 kiến nghị phản ánh"
    ("hotline-months-in-operation", "loc-ninh", "2020", "channel=hotline", 2),
    ("feedback-received", "loc-ninh", "2020", "channel=hotline", 30),
    # "Tổ tiếp nhận đã chuyển 30 nội dung ..., đến nay 30 nội dung kiến nghị ... đã được xem xét, giải quyết"
    ("feedback-forwarded", "loc-ninh", "2020", "channel=hotline", 30),
    ("feedback-resolved", "loc-ninh", "2020", "channel=hotline", 30),
    # "Kêt quả trong thời gian qua chưa phát hiện tình trạng cán bộ công chức viên chức gây khó khăn, nhũng nhiễu": a zero in words
    ("harassment-cases-detected", "loc-ninh", "2020", "", 0),
]

# "Sau hơn 02 tháng hoạt động": more than 2 months
QUALIFIED = {"hotline-months-in-operation": "more_than"}

# The hotline figures run up to the (undated) writing of the report, which the notes say; the period stays the report's.
AS_OF_WRITING = {"hotline-months-in-operation", "feedback-received", "feedback-forwarded", "feedback-resolved"}

# The document's figures agree with one another (30 received = 30 forwarded = 30 resolved).
EXPECTED_INCONSISTENT: list[tuple[str, str, str, str]] = []


def _rows():
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_curated_figures_in_package():
    rows = _rows()
    for indicator, unit, period, breakdown, value in CURATED:
        hits = [
            r for r in rows
            if r["indicator"] == indicator and r["unit"] == unit
            and r["period"] == period and r["breakdown"] == breakdown
        ]
        assert len(hits) == 1, (indicator, unit, period, breakdown, len(hits))
        row = hits[0]
        if value is None:
            assert row["status"] == "missing" and row["value"] == ""
        else:
            assert row["status"] == "reported"
            assert float(row["value"]) == float(value), (indicator, row["value"], value)


def test_flagged_inconsistencies():
    rows = _rows()
    flagged = {
        (r["indicator"], r["unit"], r["period"], r["breakdown"])
        for r in rows if r["flag"] == "inconsistent"
    }
    assert flagged == set(EXPECTED_INCONSISTENT)
    for r in rows:
        if r["flag"]:
            assert r["note_vi"] and r["note_en"]


def test_every_figure_is_quoted_as_printed():
    printed = {"53": "53", "210": "210", "125": "125", "31": "31", "1": "01", "8": "08", "2": "02", "30": "30",
               "0": "chưa phát hiện tình trạng cán bộ công chức"}
    for r in _rows():
        assert r["report"] == REPORT_ID
        assert printed[r["value"]] in r["quote"], r["id"]


def test_qualifiers_and_notes_on_the_time_the_text_gives():
    rows = _rows()
    for r in rows:
        assert r["qualifier"] == QUALIFIED.get(r["indicator"], ""), r["id"]
        assert (r["period"], r["period_start"], r["period_end"]) == ("2020", "2020-01-01", "2020-12-31"), r["id"]
        if r["breakdown"] == "channel=hotline":
            assert r["indicator"] in AS_OF_WRITING
            assert "lúc viết báo cáo" in r["note_vi"] and "writing of the report" in r["note_en"], r["id"]
    # 15/10/2020 is the date of the decision setting the hotline up, not the day it began to operate
    hotline = next(r for r in rows if r["indicator"] == "feedback-received")
    assert "Quyết định số 187-QĐ/HU ngày 15/10/2020" in hotline["note_vi"] and "từ 15/10/2020" not in hotline["note_vi"]


def test_worded_zero_quotes_its_sentence():
    source = " ".join((ROOT / "content" / "sources" / f"{REPORT_ID}.txt").read_text(encoding="utf-8").split())
    zeros = [r for r in _rows() if r["value"] == "0"]
    assert [(r["indicator"], r["status"], r["qualifier"]) for r in zeros] == [("harassment-cases-detected", "reported", "")]
    assert " ".join(zeros[0]["quote"].split()) in source


def test_header_fields_not_on_the_copy_are_missing_not_uncertain():
    from ruamel.yaml import YAML

    report = YAML(typ="safe").load((ROOT / "content" / "reports" / f"{REPORT_ID}.yaml").read_text(encoding="utf-8"))
    assert not any(report.get(f) for f in ("number", "date", "place", "signer"))  # none on the copy: left empty, and date_note says so
    assert not report.get("uncertain") and "không có phần đầu văn bản" in report["date_note"]["vi"]
    assert "lập ngày 15/10/2020" not in report["summary"]["vi"] and "Quyết định số 187-QĐ/HU ngày 15/10/2020" in report["summary"]["vi"]
