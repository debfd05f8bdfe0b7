"""Curated checks for the Tuy Phong district HĐND–UBND Office review of
administrative reform 2011–2020 (tuy-phong-cchc-2011-2020).

CURATED is transcribed from the SOURCE text (content/sources/tuy-phong-cchc-2011-2020.txt):
every figure of the narrative and EVERY cell of appendix tables 03 and 07
(a ratio cell a/b gives two tuples, a "/" or blank cell gives None).

The document states some facts more than once (e.g. 5.658 dossiers received in
2015 appears in the survey paragraph, the one-stop paragraph and appendix 07
row 11; rows 9 and 10 of appendix 07 share their denominator). Such a tuple is
listed once per occurrence, and each occurrence must match its own row: the
test pairs curated tuples and CSV rows one to one (a tuple listed n times must
match exactly n rows; a tuple listed once, exactly one row).
"""
import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

from site_builder.content import periods

REPORT_ID = "tuy-phong-cchc-2011-2020"
ROOT = Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"
SOURCE = ROOT / "content" / "sources" / f"{REPORT_ID}.txt"

D = "tuy-phong"
# the appendix columns: "Năm 2015" … "Năm 2019", "Năm 2020 (Tính đến 31/3)" (the first three months of 2020)
YEARS = ["2015", "2016", "2017", "2018", "2019", "2020-3M"]
# states "hiện nay", "đến nay", "đã thực hiện": to 31/3/2020, the last day of the report's figures
TO = "../2020-03-31"
NONE6 = [None] * 6


def _row(indicator, breakdown, values):
    """One table row: six single-value cells (Năm 2015 … Năm 2020 (tính đến 31/3))."""
    return [(indicator, D, y, breakdown, v) for y, v in zip(YEARS, values)]


def _ratio(numerator, denominator, breakdown, cells):
    """One table row of a/b cells; a cell of None ("/" or blank) gives two missing rows."""
    out = []
    for y, c in zip(YEARS, cells):
        a, b = (None, None) if c is None else c
        out.append((numerator, D, y, breakdown, a))
        out.append((denominator, D, y, breakdown, b))
    return out


# --------------------------------------------------------------------------- narrative
NARRATIVE = [
    # Mục I.1 — satisfaction surveys 2015–2018: forms / dossiers received, %, required 10%, very satisfied, satisfied
    ("satisfaction-survey-forms", D, "2015", "", 850),
    ("dossiers-received", D, "2015", "", 5658),
    ("satisfaction-survey-coverage", D, "2015", "", 15.02),
    ("satisfaction-survey-coverage-required", D, "2015", "", 10),
    ("satisfaction-survey-forms", D, "2015", "rating=very_satisfied", 680),
    ("satisfaction-survey-forms", D, "2015", "rating=satisfied", 170),
    ("satisfaction-survey-forms", D, "2016", "", 950),
    ("dossiers-received", D, "2016", "", 6184),
    ("satisfaction-survey-coverage", D, "2016", "", 15.36),
    ("satisfaction-survey-coverage-required", D, "2016", "", 10),
    ("satisfaction-survey-forms", D, "2016", "rating=very_satisfied", 800),
    ("satisfaction-survey-forms", D, "2016", "rating=satisfied", 150),
    ("satisfaction-survey-forms", D, "2017", "", 1468),
    ("dossiers-received", D, "2017", "", 8955),
    ("satisfaction-survey-coverage", D, "2017", "", 18.42),
    ("satisfaction-survey-coverage-required", D, "2017", "", 10),
    ("satisfaction-survey-forms", D, "2017", "rating=very_satisfied", 1171),
    ("satisfaction-survey-forms", D, "2017", "rating=satisfied", 297),
    ("satisfaction-survey-forms", D, "2018", "", 1500),
    ("dossiers-received", D, "2018", "", 9743),
    ("satisfaction-survey-coverage", D, "2018", "", 15.39),
    ("satisfaction-survey-coverage-required", D, "2018", "", 10),
    ("satisfaction-survey-forms", D, "2018", "rating=very_satisfied", 1280),
    ("satisfaction-survey-forms", D, "2018", "rating=satisfied", 220),
    # 2019: survey 01/10–31/12/2019 (Q4): 150 phiếu/2.024 hồ sơ đã có kết quả và có ý kiến, the dossiers dated
    # 10/9–10/11/2019 in brackets (that range is their period); 130 Tốt, 20 Bình thường
    ("satisfaction-survey-forms", D, "2019-Q4", "", 150),
    ("dossiers-resolved", D, "2019-09-10/2019-11-10", "scope=with_comments", 2024),
    ("satisfaction-survey-forms", D, "2019-Q4", "rating=good", 130),
    ("satisfaction-survey-forms", D, "2019-Q4", "rating=average", 20),
    # 2020 (01/01–31/3/2020, a calendar quarter): 350 phiếu/2.717 hồ sơ đã có kết quả; 300 Tốt, 50 Bình thường
    ("satisfaction-survey-forms", D, "2020-Q1", "", 350),
    ("dossiers-resolved", D, "2020-Q1", "", 2717),
    ("satisfaction-survey-forms", D, "2020-Q1", "rating=good", 300),
    ("satisfaction-survey-forms", D, "2020-Q1", "rating=average", 50),
    # Mục I.4.a — 34 thủ tục không tiếp nhận tại Bộ phận Một cửa (QĐ 3313/QĐ-UBND)
    ("procedures-not-received-at-one-stop", D, TO, "", 34),
    # Mục II — 10 TTHC cấp huyện, 01 TTHC cấp xã rút ngắn thời gian (QĐ 3243/QĐ-UBND)
    ("procedures-simplified", D, TO, "level=district", 10),
    ("procedures-simplified", D, TO, "level=commune", 1),
    # Mục II — 100% TTHC thuộc thẩm quyền UBND huyện công khai trên Trang TTĐT huyện
    ("procedures-disclosed-online-share", D, TO, "level=district", 100),
    # Mục II — Bộ phận Một cửa cấp huyện: tiếp nhận / đã trả kết quả / trễ hạn
    ("dossiers-received", D, "2015", "", 5658),
    ("dossiers-resolved", D, "2015", "", 5650),
    ("dossiers-resolved-late", D, "2015", "", 8),
    ("dossiers-received", D, "2016", "", 6174),
    ("dossiers-resolved", D, "2016", "", 6162),
    ("dossiers-resolved-late", D, "2016", "", 12),
    ("dossiers-received", D, "2017", "", 8955),
    ("dossiers-resolved", D, "2017", "", 8953),
    ("dossiers-resolved-late", D, "2017", "", 2),
    ("dossiers-received", D, "2018", "", 9743),
    ("dossiers-resolved", D, "2018", "", 9738),
    ("dossiers-resolved-late", D, "2018", "", 5),
    ("dossiers-received", D, "2019", "", 12429),
    ("dossiers-resolved", D, "2019", "", 12411),
    ("dossiers-resolved-late", D, "2019", "", 18),
    ("dossiers-received", D, "2020-3M", "", 2717),
    ("dossiers-resolved", D, "2020-3M", "", 2700),
    ("dossiers-resolved-late", D, "2020-3M", "", 17),
    # Mục II — 57 TTHC DVC trực tuyến mức độ 3, 4; 10/12 xã, thị trấn ký thỏa thuận BCCI (tháng 10/2019)
    ("procedures-online-level-3-4", D, TO, "", 57),
    ("communes-postal-service-agreement", D, "2019-10", "", 10),
    ("communes-total", D, "2019-10", "", 12),
    # Mục III.2 — mục tiêu trên 90% văn bản qua môi trường mạng đến năm 2020; một cửa triển khai 100%
    ("e-documents-exchanged-target-share", D, "2020", "", 90),
    ("one-stop-implementation-share", D, TO, "", 100),
    # Mục II — "Đến nay, UBND huyện chưa tiếp nhận phản ánh, kiến nghị ... nào": a zero stated in words
    ("feedback-received", D, TO, "", 0),
]

# --------------------------------------------------------------------------- Phụ lục 03
APPENDIX_03 = (
    _row("procedures-announced", "", NONE6)                                            # 1
    + _row("procedures-announced", "level=province", NONE6)                            # 1.1
    + _row("procedures-announced", "level=district", [88, 196, 111, 204, 263, 263])    # 1.2
    + _row("procedures-announced", "level=commune", [96, 96, 96, 96, 106, 106])        # 1.3
    + _row("procedures-issued-by-province", "", NONE6)                                 # 1.4
    + _row("procedures-simplified", "", [None, None, None, None, 10, 10])              # 2
    + _row("procedures-disclosed-online", "", [88, 196, 111, 204, 263, 263])           # 3
    + _row("procedures-one-stop", "", [88, 196, 111, 204, 263, 263])                   # 4
    + _row("procedures-one-stop", "level=province", NONE6)                             # 4.1
    + _row("procedures-one-stop", "level=district", [88, 196, 111, 204, 263, 263])     # 4.2
    + _row("procedures-one-stop", "level=commune", [96, 157, 145, 145, 106, 106])      # 4.3
    + _row("procedures-inter-agency-same-level", "", [45, 50, 49, 53, 32, 32])         # 4.4
    + _row("procedure-groups-inter-level", "", [2] * 6)                                # 4.5 "02 nhóm Đất đai, Chính sách xã hội)"
    + _row("procedures-four-on-the-spot", "", [None, None, None, None, 1, 1])          # 4.6
    + _ratio("dossiers-resolved-on-time", "dossiers-resolved", "level=province", NONE6)  # 5.1
    + _ratio("dossiers-resolved-on-time", "dossiers-resolved", "level=district",         # 5.2
             [(5650, 5658), (6162, 6174), (8953, 8955), (9738, 9743), (12411, 12429), (2717, 2700)])
    + _ratio("dossiers-resolved-on-time", "dossiers-resolved", "level=commune", NONE6)  # 5.3 (blank)
    + _row("feedback-received-and-handled", "", [0] * 6)                               # 6 (printed "4.")
    + _row("feedback-received", "", [0] * 6)                                           # 6.1
    + _row("feedback-resolved", "", [0] * 6)                                           # 6.2
    + _row("feedback-answers-published", "", [0] * 6)                                  # 6.3
)

# --------------------------------------------------------------------------- Phụ lục 07
APPENDIX_07 = (
    _ratio("e-documents-exchanged", "documents-sent", "",                               # 1
           [(14622, 5202), (17360, 5895), (18168, 6449), (20946, 7203), (22735, 7546), (5822, 1573)])
    + _row("e-documents-received-national-axis", "", [9420, 11465, 11719, 13743, 15189, 4249])  # 2
    + _row("e-documents-sent-national-axis", "", [5202, 5895, 6449, 7203, 7546, 1573])          # 3
    + _row("digital-signature-certificates-issued", "", [9, 47, 95, 95, 95, 90])                 # 4
    + _row("officials-with-email-accounts", "level=district", [113, 93, 86, 82, 86, 86])         # 5 H:
    + _row("officials-with-email-accounts", "level=commune", [288, 284, 289, 285, 278, 255])     # 5 X:
    + _ratio("departments-using-lan", "departments-total", "",                                   # 6
             [(2, 13), (2, 13), (2, 13), (13, 13), (13, 13), (13, 13)])
    + _row("procedures-online-level-3-4", "", [None, None, None, 54, 57, 57])                    # 7
    + _row("procedures-online-level-3-4-no-dossiers", "", [None, None, None, 14, 14, 14])        # 8
    + _ratio("procedures-online-level-3-4-with-dossiers", "dossiers-of-online-procedures", "",   # 9
             [None, None, None, (40, 7657), (43, 8549), (43, 1500)])
    + _ratio("dossiers-resolved-online", "dossiers-of-online-procedures", "",                    # 10
             [None, None, None, (7657, 7657), (8549, 8549), (1500, 1500)])
    + _ratio("dossiers-processed-e-one-stop", "dossiers-received", "",                           # 11
             [(3650, 5658), (3162, 6174), (4953, 8955), (9738, 9743), (2142, 12429), (2700, 2700)])
    + _row("departments-applying-iso", "", [None, 12, 12, 12, 12, 12])                           # 12
)

CURATED = NARRATIVE + APPENDIX_03 + APPENDIX_07

# Figures that contradict others in the document (one entry per row that must carry flag "inconsistent").
INCONSISTENT = [
    ("dossiers-received", D, "2016", "", 6184),                      # survey: 6.184 vs 6.174 elsewhere
    ("dossiers-received", D, "2016", "", 6174),                      # Mục II
    ("dossiers-received", D, "2016", "", 6174),                      # Phụ lục 07 dòng 11 (mẫu số)
    ("satisfaction-survey-coverage", D, "2017", "", 18.42),          # 1.468/8.955 = 16,39%
    ("satisfaction-survey-coverage", D, "2018", "", 15.39),          # 1.500/9.743 = 15,3957%: cut off, not rounded (15,40%)
    ("dossiers-resolved", D, "2020-Q1", "", 2717),                   # survey "2.717 hồ sơ đã có kết quả" vs 2.700
    ("procedures-one-stop", D, "2016", "level=commune", 157),        # > 96 commune TTHC (row 1.3)
    ("procedures-one-stop", D, "2017", "level=commune", 145),
    ("procedures-one-stop", D, "2018", "level=commune", 145),
    ("dossiers-resolved", D, "2015", "level=district", 5658),        # 5.2 denominators = received counts
    ("dossiers-resolved", D, "2016", "level=district", 6174),
    ("dossiers-resolved", D, "2017", "level=district", 8955),
    ("dossiers-resolved", D, "2018", "level=district", 9743),
    ("dossiers-resolved", D, "2019", "level=district", 12429),
    ("dossiers-resolved", D, "2020-3M", "level=district", 2700),     # 2717/2700: on time > resolved
    ("dossiers-resolved-on-time", D, "2020-3M", "level=district", 2717),
    ("e-documents-exchanged", D, "2015", "", 14622),                 # numerator > "tổng số văn bản đi"
    ("e-documents-exchanged", D, "2016", "", 17360),
    ("e-documents-exchanged", D, "2017", "", 18168),
    ("e-documents-exchanged", D, "2018", "", 20946),
    ("e-documents-exchanged", D, "2019", "", 22735),
    ("e-documents-exchanged", D, "2020-3M", "", 5822),
    ("dossiers-processed-e-one-stop", D, "2015", "", 3650),          # vs 5.650 returned (Mục II)
    ("dossiers-processed-e-one-stop", D, "2016", "", 3162),          # vs 6.162
    ("dossiers-processed-e-one-stop", D, "2017", "", 4953),          # vs 8.953
    ("dossiers-processed-e-one-stop", D, "2019", "", 2142),          # vs 12.411; < 8549 resolved online
    ("dossiers-received", D, "2020-3M", "", 2700),                   # row 11 denominator vs 2.717 received
    ("dossiers-received", D, "2020-3M", "", 2717),                   # Mục II 2.717 received vs 2700 (row 11)
    ("dossiers-resolved", D, "2020-3M", "", 2700),                   # Mục II 2.700 returned vs 2.717 with a result (survey)
    ("dossiers-resolved", D, "2019-09-10/2019-11-10", "scope=with_comments", 2024),   # one sentence, two date ranges (01/10–31/12 vs 10/9–10/11)
    ("dossiers-resolved", D, "2015", "", 5650),                      # Mục II "đã trả kết quả" vs 5.2 denominator 5658
    ("dossiers-resolved", D, "2016", "", 6162),                      # vs 6174
    ("dossiers-resolved", D, "2017", "", 8953),                      # vs 8955
    ("dossiers-resolved", D, "2018", "", 9738),                      # vs 9743
    ("dossiers-resolved", D, "2019", "", 12411),                     # vs 12429
    ("procedures-one-stop", D, "2015", "", 88),                      # row 4 total = 4.2 only, never 4.1 + 4.2 + 4.3
    ("procedures-one-stop", D, "2016", "", 196),
    ("procedures-one-stop", D, "2017", "", 111),
    ("procedures-one-stop", D, "2018", "", 204),
    ("procedures-one-stop", D, "2019", "", 263),
    ("procedures-one-stop", D, "2020-3M", "", 263),
    ("procedures-simplified", D, "2019", "", 10),                    # table 10 vs Mục II 10 + 01 = 11
    ("procedures-simplified", D, "2020-3M", "", 10),
    ("procedures-simplified", D, TO, "level=commune", 1),   # Mục II's 01 commune TTHC, missing from the table
]


def _read():
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _key(row):
    value = None if row["status"] == "missing" else float(row["value"])
    assert (value is None) == (row["value"] == ""), row["id"]
    return (row["indicator"], row["unit"], row["period"], row["breakdown"], value)


def _norm(t):
    indicator, unit, period, breakdown, value = t
    return (indicator, unit, period, breakdown, None if value is None else float(value))


def test_curated_figures_in_package():
    rows = _read()
    found = Counter(_key(r) for r in rows)
    wanted = Counter(_norm(t) for t in CURATED)
    for t, n in wanted.items():
        assert found[t] == n, f"{t}: curated {n}x, CSV has {found[t]} matching rows"


def test_every_row_is_curated():
    """The package holds no figure that was not read from the source."""
    rows = _read()
    assert len(rows) == len(CURATED) == 312
    assert Counter(_key(r) for r in rows) == Counter(_norm(t) for t in CURATED)


def test_appendix_tables_cover_every_cell():
    rows = _read()
    table = [r for r in rows if r["locator"].startswith("Phụ lục")]
    # Phụ lục 03: 18 single-value rows + 3 ratio rows (5.1, 5.2, 5.3: two figures per cell); the heading row 5 has no cells.
    assert len(APPENDIX_03) == 18 * 6 + 3 * 12 == 144
    # Phụ lục 07: 6 single-value rows + row 5 (H and X per cell) + 5 ratio rows (1, 6, 9, 10, 11).
    assert len(APPENDIX_07) == 6 * 6 + 12 + 5 * 12 == 108
    assert len(table) == len(APPENDIX_03) + len(APPENDIX_07)
    assert Counter(_key(r) for r in table) == Counter(_norm(t) for t in APPENDIX_03 + APPENDIX_07)


def test_missing_cells_are_not_zero():
    for r in _read():
        if r["status"] == "missing":
            assert r["value"] == ""
            assert r["locator"].startswith("Phụ lục")


def test_inconsistencies_flagged():
    rows = _read()
    flagged = Counter(_key(r) for r in rows if r["flag"] == "inconsistent")
    assert flagged == Counter(_norm(t) for t in INCONSISTENT)
    for r in rows:
        if r["flag"]:
            assert r["note_vi"] and r["note_en"], r["id"]


def test_period_codes_match_dates():
    """Every code names its dates (the calendar or the 15th-to-14th reporting convention), and only the kinds
    the report's words give: years, the first three months of 2020, a month, a quarter, ranges, or to 31/3/2020."""
    kinds = Counter()
    for r in _read():
        code = periods.parse(r["period"])
        assert code is not None, r["id"]
        start = dt.date.fromisoformat(r["period_start"]) if r["period_start"] else None
        assert periods.date_problem(code, start, dt.date.fromisoformat(r["period_end"])) is None, r["id"]
        kinds[code.kind.value] += 1
    assert kinds == {"year": 250, "months": 45, "to_date": 7, "quarter": 7, "month": 2, "range": 1}, kinds


def test_report_period_and_data_period():
    report = YAML(typ="safe").load((ROOT / "content" / "reports" / f"{REPORT_ID}.yaml").read_text(encoding="utf-8"))
    period, data = report["period"], report["data_period"]
    assert (period["kind"], period["code"], str(period["start"]), str(period["end"])) == ("years", "2011-2020", "2011-01-01", "2020-12-31")
    assert (data["kind"], data["code"], str(data["start"]), str(data["end"])) == ("range", "2015-01-01/2020-03-31", "2015-01-01", "2020-03-31")
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    assert "giai đoạn 2011 – 2020" in source and "từ năm 2015 đến 31/3/2020" in source and "Năm 2020 (Tính đến 31/3)" in source
    assert not report.get("uncertain")  # number, date and place are not on the copy: missing, not uncertain


def test_state_rows_run_to_the_data_cut_off():
    states = [r for r in _read() if r["period"] == TO]
    assert sorted(r["id"][-3:] for r in states) == ["033", "034", "035", "036", "055", "059", "312"]
    assert all(r["period_start"] == "" and r["period_end"] == "2020-03-31" for r in states)


def test_qualifier_and_worded_zero():
    rows = _read()
    # "mục tiêu kế hoạch đến năm 2020, trên 90% văn bản": more than 90 (a plan target)
    assert {r["id"][-3:]: r["qualifier"] for r in rows if r["qualifier"]} == {"058": "more_than"}
    zero = next(r for r in rows if r["id"].endswith("-312"))
    assert (zero["indicator"], zero["value"], zero["status"]) == ("feedback-received", "0", "reported")
    assert "chưa tiếp nhận phản ánh, kiến nghị của tổ chức, cá nhân nào" in zero["quote"]
    assert " ".join(zero["quote"].split()) in " ".join(SOURCE.read_text(encoding="utf-8").split())


def test_notes_use_their_language_number_format():
    """Outside quotations, English notes write 5,658 and 2 (not 5.658, 02); Vietnamese notes write 5.658."""
    unquote = lambda text: re.sub(r"“[^”]*”", "", text)
    for r in _read():
        en, vi = unquote(r["note_en"]), unquote(r["note_vi"])
        assert not re.search(r"(?<![\d/.])\d{1,3}(?:\.\d{3})+(?![\d/])", en), (r["id"], r["note_en"])
        assert not re.search(r"(?<!Appendix )(?<![\d/.,])0\d(?![\d/])", en), (r["id"], r["note_en"])
        assert not re.search(r"(?<![\d/.,])\d{1,3}(?:,\d{3})+(?![\d/,])", vi), (r["id"], r["note_vi"])
