"""Curated figures of the Lộc Ninh PCI report (2020), read from the source text."""
import csv
from pathlib import Path

REPORT_ID = "loc-ninh-pci-2020"
CSV_PATH = Path(__file__).resolve().parents[2] / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"

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
]

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
    printed = {"53": "53", "210": "210", "125": "125", "31": "31", "1": "01", "8": "08", "2": "02", "30": "30"}
    for r in _rows():
        assert r["report"] == REPORT_ID
        assert printed[r["value"]] in r["quote"], r["id"]
