"""A press article as a source: the minimal project plus a short article written for these tests.

The article, its newspaper, commune, reporter and figures are made up (no real article's text
is kept in the tests). It is the usual case of a web source: text copied from the page, not OCR.
"""
from __future__ import annotations

ARTICLE_ID = "bao-tinh-a-2025-suoi-may"
ARTICLE_URL = "https://baotinha.example.vn/xa-suoi-may-mot-cua-gan-dan-hon-a1234.html?utm_source=x&amp=1"
PUBLISHER = "Báo Tỉnh A"
AUTHOR = "Trần Minh Khoa"

ARTICLE_TEXT = """\
BÁO TỈNH A
Thứ Hai, 13/01/2025 08:30

Xã Suối Mây: một cửa gần dân hơn

Năm 2024, bộ phận một cửa xã Suối Mây tiếp nhận 1.284 hồ sơ thủ tục hành chính, trong đó 912 hồ sơ được nộp trực tuyến, tăng gần gấp đôi so với năm trước.

Theo ông Lê Văn Tùng, Chủ tịch UBND xã, năm 2023 xã tiếp nhận 1.105 hồ sơ, trong đó 468 hồ sơ trực tuyến. Để người dân đi làm xa không phải xin nghỉ, xã bố trí cán bộ trực vào sáng thứ Bảy.

Bà Nguyễn Thị Hoa, người dân thôn Đồng Cỏ, cho biết bà chỉ mất mười lăm phút để chứng thực giấy tờ.

Trần Minh Khoa
"""

ROWS = [  # (n, indicator, period, value, quote)
    (1, "dossiers-received", "2024", "1284", "bộ phận một cửa xã Suối Mây tiếp nhận 1.284 hồ sơ thủ tục hành chính"),
    (2, "dossiers-received-online", "2024", "912", "trong đó 912 hồ sơ được nộp trực tuyến"),
    (3, "dossiers-received", "2023", "1105", "năm 2023 xã tiếp nhận 1.105 hồ sơ"),
    (4, "dossiers-received-online", "2023", "468", "trong đó 468 hồ sơ trực tuyến"),
]


def _row(n: int, indicator: str, period: str, value: str, quote: str) -> str:
    return (f"{ARTICLE_ID}-{n:03d},{ARTICLE_ID},xa-suoi-may,{indicator},{period},{period}-01-01,{period}-12-31,,{value},,reported,"
            f"Đoạn {1 if period == '2024' else 2},{quote},,,\n")


ARTICLE_FILES = {
    "content/units/xa-suoi-may.yaml": """\
        id: xa-suoi-may
        level: commune
        parent: huyen-b
        name:
          vi: Xã Suối Mây
          en: Suối Mây commune
        """,
    f"content/reports/{ARTICLE_ID}.yaml": f"""\
        id: {ARTICLE_ID}
        unit: xa-suoi-may
        issuer: xa-suoi-may
        document_type: bai_bao
        date: 2025-01-13
        publisher: {PUBLISHER}
        author: {AUTHOR}
        url: "{ARTICLE_URL}"
        retrieved: 2025-02-03
        period: {{kind: year, start: 2024-01-01, end: 2024-12-31, code: "2024"}}
        title:
          vi: "Xã Suối Mây: một cửa gần dân hơn"
          en: "Suối Mây commune: a one-stop office closer to the people"
        summary:
          vi: Bộ phận một cửa của xã tiếp nhận 1.284 hồ sơ năm 2024, 912 hồ sơ trực tuyến.
          en: The commune's one-stop office received 1,284 dossiers in 2024, 912 of them online.
        source: {{file: {ARTICLE_ID}.txt, ocr: false}}
        """,
    f"content/sources/{ARTICLE_ID}.txt": ARTICLE_TEXT,
    "datapackages/figures/datapackage.yaml": f"""\
        name: figures
        title: Figures
        licenses:
          - name: CC-BY-4.0
            path: https://creativecommons.org/licenses/by/4.0/
        resources:
          - name: bc-2021
            path: data/bc-2021.csv
            schema: figures.schema.yaml
          - name: {ARTICLE_ID}
            path: data/{ARTICLE_ID}.csv
            schema: figures.schema.yaml
        """,
    f"datapackages/figures/data/{ARTICLE_ID}.csv": (
        "id,report,unit,indicator,period,period_start,period_end,breakdown,value,qualifier,status,locator,quote,flag,note_vi,note_en\n"
        + "".join(_row(*r) for r in ROWS)),
}
