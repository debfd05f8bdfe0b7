"""Curated figures of the 2023 administrative reform report of Bình Phước commune (Bình Sơn, Quảng Ngãi).

The tuples below were read from content/sources/binh-son-binh-phuoc-2023.txt, not copied from the CSV.
The report is titled "năm 2023" but was signed on the 3rd of November or December 2023 (the month is
lost): the one-stop figures are dated 15/12/2022 – 31/10/2023 in the text, the budget "Tính đến ngày
30/9/2023", and the "đến nay" figures (to the undated writing) keep the report's year with a note.
"""
import csv
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPORT_ID = "binh-son-binh-phuoc-2023"
C = "binh-son-binh-phuoc"
W = "2022-12-15/2023-10-31"  # "T ngay 15/12/2022 dén ngay 31/10/2023"
B = "../2023-09-30"  # "Tinh dén ngay 30/9/2023:"
ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "content" / "sources" / f"{REPORT_ID}.txt"
CSV_PATH = ROOT / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"

# (indicator, unit, period, breakdown, value)
CURATED = [
    # Mục I: plan tasks and tasks assigned by the district
    ("reform-plan-tasks-completed", C, "2023", "", 28),
    ("assigned-tasks", C, "2023", "", 114),
    ("assigned-tasks-completed", C, "2023", "", 112),
    ("assigned-tasks-completed-on-time", C, "2023", "", 85),
    ("assigned-tasks-completed-late", C, "2023", "", 27),
    ("assigned-tasks-in-progress", C, "2023", "", 2),
    # Mục II.1
    ("legal-documents-reviewed", C, "2023", "", 1),
    ("legal-education-participants", C, "2023", "type=dissemination", 80),
    ("legal-education-participants", C, "2023", "type=mediation_training", 40),
    # Mục II.2: procedures, feedback, one-stop shop (15/12/2022 – 31/10/2023)
    ("procedures-reviewed", C, "2023", "", 8),
    ("procedures-simplification-proposed", C, "2023", "", 2),
    ("feedback-received", C, "2023", "", 1),
    ("dossiers-to-process", C, W, "", 1962),
    ("dossiers-received-online", C, W, "", 848),
    ("dossiers-received", C, W, "channel=in-person", 1097),
    ("dossiers-carried-over", C, W, "", 17),
    ("dossiers-resolved", C, W, "", 1886),
    ("dossiers-resolved-early", C, W, "", 1868),
    ("share-early", C, W, "", 99.04),
    ("dossiers-resolved-late", C, W, "", 18),
    ("dossiers-pending", C, W, "", 17),
    ("dossiers-withdrawn", C, W, "", 59),
    ("share-online", C, W, "", 43.6),
    ("survey-forms-satisfied", C, "2023", "", 217),
    ("satisfaction-rate", C, "2023", "", 100),
    # Mục II.4: staff
    ("commune-administrative-class", C, "2023", "", 2),
    ("officials-in-post", C, "2023", "", 20),
    ("officials-in-post", C, "2023", "category=cadre", 11),
    ("officials-in-post", C, "2023", "category=civil_servant", 9),
    ("officials-in-post", C, "2023", "education=university", 19),
    ("officials-in-post", C, "2023", "political_theory=intermediate", 17),
    ("part-time-workers", C, "2023", "", 10),
    ("part-time-workers", C, "2023", "role=concurrent", 2),
    ("part-time-workers", C, "2023", "political_theory=untrained", 4),
    ("training-participants", C, "2023", "", 44),
    ("personnel-actions", C, "2023", "action=salary_step", 3),
    # Mục II.5: budget (to 30/9/2023) and public investment
    ("budget-revenue", C, B, "", 6648),
    ("budget-revenue-plan-attainment", C, B, "", 118.6),
    ("budget-revenue", C, B, "source=ordinance_targets", 278.399),
    ("budget-revenue-plan-attainment", C, B, "source=ordinance_targets", 139.2),
    ("budget-expenditure", C, B, "", 4776),
    ("budget-expenditure-plan-attainment", C, B, "", 85.2),
    ("public-investment-disbursed", C, "2023", "", 1005.8),
    ("public-investment-plan", C, "2023", "", 1029.7),
    ("public-investment-disbursement-share", C, "2023", "", 97.7),
    # Mục II.6: e-government
    ("community-digital-teams", C, "2023", "level=village", 5),
    ("e-documents-share", C, "2023", "", 100),
    ("dossiers-received-online", C, "2023", "", 843),
    ("dossiers-received-online-eligible", C, "2023", "", 1555),
    ("share-online-eligible", C, "2023", "", 54.21),
    ("procedures-online-services", C, "2023", "", 51),
    ("procedures-online-services", C, "2023", "online_level=partial", 44),
    ("procedures-online-services", C, "2023", "online_level=full_process", 7),
    ("dossiers-received-online", C, "2023", "route=provincial_system", 812),
    ("dossiers-received-online-eligible", C, "2023", "route=provincial_system", 1524),
    ("share-online-eligible", C, "2023", "route=provincial_system", 53.3),
    ("dossiers-received-online", C, "2023", "route=provincial_partial", 684),
    ("dossiers-received-online-eligible", C, "2023", "route=provincial_partial", 1382),
    ("share-online-eligible", C, "2023", "route=provincial_partial", 49.5),
    ("dossiers-received-online", C, "2023", "route=provincial_full_process", 128),
    ("dossiers-received-online-eligible", C, "2023", "route=provincial_full_process", 142),
    ("share-online-eligible", C, "2023", "route=provincial_full_process", 90.1),
    ("dossiers-received-online", C, "2023", "route=national_birth_bundle", 27),
    ("dossiers-received-online", C, "2023", "route=national_death_bundle", 4),
    ("dossiers-digitised", C, "2023", "", 1231),
    ("digitisation-share", C, "2023", "object=dossier", 65.93),
    ("results-digitised", C, "2023", "", 784),
    ("digitisation-share", C, "2023", "object=result", 43.7),
    ("online-payment-transactions", C, "2023", "", 445),
    ("online-payment-amount", C, "2023", "", 5158000),
    # Mục III.2: limitations
    ("officials-below-qualification-standard", C, "2023", "standard=professional", 1),
    ("officials-below-qualification-standard", C, "2023", "standard=political_theory", 3),
    ("dossiers-resolved-late", C, "2023", "", 17),
    ("dossiers-resolved-late", C, "2023", "responsibility=commune", 7),
    ("dossiers-resolved-late", C, "2023", "responsibility=higher_level", 10),
    # zeros stated in words
    ("officials-disciplined", C, "2023", "", 0),
    ("complaints-about-staff-conduct", C, "2023", "", 0),
    ("reform-initiatives", C, "2023", "", 0),
    ("dedicated-it-staff", C, "2023", "", 0),
]

# the words of each worded zero, as the OCR prints them
WORDED_ZEROS = {
    "officials-disciplined": "khong c6 can bg, cong chirc nao cua xa vi pham vé ky luat",
    "complaints-about-staff-conduct": "khong nhan dugc don thu, phan anh, kién nghi nao",
    "reform-initiatives": "Chua c6 sang kién hoac giai phap mdi",
    "dedicated-it-staff": "Chua c6 ¢6ng chiic chuy@n trach vé cong nghé thong tin",
}

# "trên 80 lượt", "trên 44 lượt" (more than); "ước đạt" (estimated) and the shares of those estimates
QUALIFIED = {"011": "more_than", "051": "more_than", **{f"{n:03d}": "estimated" for n in range(55, 61)}}

# rows whose sentence says "đến nay", "từ đầu năm đến nay" or "hiện": kept under 2023, the note says so
AS_OF_WRITING = ["002", "016", "017", *(f"{n:03d}" for n in range(35, 43)), "061", "062", "063", "067", "096", "097", "098", "099", "105"]

# Inconsistencies found in the source: (indicator, breakdown, value[, period when not 2023])
INCONSISTENT = [
    # 18 late dossiers in Mục II.2 (dated 15/12/2022 – 31/10/2023) vs 17 in Mục III.2
    ("dossiers-resolved-late", "", 18, W),
    ("dossiers-resolved-late", "", 17),
    # 10 part-time workers, but 06 + 03 + 02 = 11 by professional qualification
    ("part-time-workers", "", 10),
    ("part-time-workers", "education=university", 6),
    ("part-time-workers", "education=college", 3),
    ("part-time-workers", "education=intermediate", 2),
    # 848 dossiers received online in Mục II.2 vs 843 ("843/1555") in Mục II.6
    ("dossiers-received-online", "", 848, W),
    ("dossiers-received-online", "", 843),
    # digitisation rates that match no dossier count (1231/1945 = 63.3%; 784/1886 = 41.6%)
    ("digitisation-share", "object=dossier", 65.93),
    ("digitisation-share", "object=result", 43.7),
    # 7 (commune) + 10 (higher level) in Mục III.2, while Mục II.2 blames all 18 on civil servants
    ("dossiers-resolved-late", "responsibility=commune", 7),
    ("dossiers-resolved-late", "responsibility=higher_level", 10),
]

# Digits damaged by the OCR: "99 04 A" (= 99,04%) and "14 784" (= là 784)
OCR_UNCERTAIN = [
    ("share-early", "", 99.04, W),
    ("results-digitised", "", 784),
]


def _rows():
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _matches(row, indicator, unit, period, breakdown, value):
    if (row["indicator"], row["unit"], row["period"], row["breakdown"]) != (indicator, unit, period, breakdown):
        return False
    if value is None:
        return row["status"] == "missing" and row["value"] == ""
    return row["status"] == "reported" and row["value"] != "" and float(row["value"]) == float(value)


def test_curated_figures_in_package():
    rows = _rows()
    assert len(CURATED) >= 10
    for ind, unit, period, bd, value in CURATED:
        hits = [r for r in rows if _matches(r, ind, unit, period, bd, value)]
        assert len(hits) == 1, f"{(ind, unit, period, bd, value)}: {len(hits)} matching rows"


@pytest.mark.parametrize("flag,expected", [("inconsistent", INCONSISTENT), ("ocr_uncertain", OCR_UNCERTAIN)])
def test_flagged_rows_present(flag, expected):
    rows = _rows()
    for ind, bd, value, *period in expected:
        hits = [r for r in rows if _matches(r, ind, C, period[0] if period else "2023", bd, value)]
        assert len(hits) == 1, f"{(ind, bd, value)}: {len(hits)} rows"
        assert hits[0]["flag"] == flag, f"{(ind, bd, value)} not flagged {flag}"
        assert hits[0]["note_vi"] and hits[0]["note_en"]


def test_no_other_row_flagged():
    flagged = {(r["indicator"], r["breakdown"], float(r["value"]), r["flag"]) for r in _rows() if r["flag"]}
    expected = {(i, b, float(v), "inconsistent") for i, b, v, *_ in INCONSISTENT}
    expected |= {(i, b, float(v), "ocr_uncertain") for i, b, v, *_ in OCR_UNCERTAIN}
    assert flagged == expected


def test_parts_add_up_where_the_source_does():
    rows = {(r["indicator"], r["breakdown"], r["period"]): float(r["value"]) for r in _rows() if r["value"]}
    w = W
    assert rows[("dossiers-received-online", "", w)] + rows[("dossiers-received", "channel=in-person", w)] + rows[("dossiers-carried-over", "", w)] == rows[("dossiers-to-process", "", w)]
    assert rows[("dossiers-resolved-early", "", w)] + rows[("dossiers-resolved-late", "", w)] == rows[("dossiers-resolved", "", w)]


def test_ids_sequential_and_report():
    rows = _rows()
    assert [r["id"] for r in rows] == [f"{REPORT_ID}-{n:03d}" for n in range(1, len(rows) + 1)]
    assert all(r["report"] == REPORT_ID for r in rows)


def test_periods_as_the_text_words_them():
    rows = {r["id"][-3:]: r for r in _rows()}
    for r in rows.values():
        dates = {"2023": ("2023-01-01", "2023-12-31"), W: ("2022-12-15", "2023-10-31"), B: ("", "2023-09-30")}[r["period"]]
        assert (r["period_start"], r["period_end"]) == dates, r["id"]
    # the one-stop paragraph "T ngay 15/12/2022 dén ngay 31/10/2023" (and the share computed from it)
    assert {n for n, r in rows.items() if r["period"] == W} == {f"{n:03d}" for n in range(18, 29)}
    # the budget "Tinh dén ngay 30/9/2023": a running total, estimated ("udc dat"), with no start date
    assert {n for n, r in rows.items() if r["period"] == B} == {f"{n:03d}" for n in range(55, 61)}
    for n in range(55, 61):
        assert rows[f"{n:03d}"]["qualifier"] == "estimated" and rows[f"{n:03d}"]["period_start"] == ""
    # a task "trong thời gian đến" states no period: the report's own, with a note saying it is a target
    assert rows["103"]["period"] == "2023" and "thời gian đến" in rows["103"]["note_vi"]


def test_qualifiers():
    for r in _rows():
        assert r["qualifier"] == QUALIFIED.get(r["id"][-3:], ""), r["id"]


def test_as_of_writing_rows_keep_the_year_and_say_so():
    rows = {r["id"][-3:]: r for r in _rows()}
    for n in AS_OF_WRITING:
        r = rows[n]
        assert r["period"] == "2023", n
        assert "kỳ vẫn ghi là năm 2023" in r["note_vi"], n
        assert "kept as the year 2023" in r["note_en"], n


def test_worded_zeros_quote_their_sentence():
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    rows = _rows()
    for indicator, words in WORDED_ZEROS.items():
        hits = [r for r in rows if r["indicator"] == indicator]
        assert len(hits) == 1, indicator
        r = hits[0]
        assert (r["value"], r["status"], r["qualifier"]) == ("0", "reported", ""), r["id"]
        assert words in r["quote"] and " ".join(r["quote"].split()) in source, r["id"]


def test_header():
    report = YAML(typ="safe").load((ROOT / "content" / "reports" / f"{REPORT_ID}.yaml").read_text(encoding="utf-8"))
    assert report["number"] == "278/BC-UBND" and "number" in report["uncertain"]  # printed "$6278 /BC-UBND"
    assert report["uncertain"] == ["number"]  # the date's month and the signer are not on the copy: missing, not uncertain
    assert "$6278" in report["date_note"]["vi"] and "$6278 /BC-UBND" in SOURCE.read_text(encoding="utf-8")
    assert report["period"]["code"] == "2023"
    dp = report["data_period"]
    assert (dp["kind"], dp["code"], str(dp["start"]), str(dp["end"])) == ("range", W, "2022-12-15", "2023-10-31")
