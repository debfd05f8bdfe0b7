"""Figures of the Đắk Nông PPC Office report on administrative reform and PAPI, Q3 2021.

The curated tuples were read from content/sources/dak-nong-vp-ubnd-2021-q3.txt.
The reporting period is the third quarter by the reporting convention, 15 June – 14 September 2021
("Thoi gian bao cdo tir ngay 15/6/2021 - 14/9/2021"). The Public Administration Service Centre's
dossier and switchboard figures are dated 9 June – 7 September 2021 in the text ("Tu ngay 09/6/2021
dén ngay 07/9/2021"), the report's data period; the Centre's sentences that say only "trong quý III"
take the reporting quarter; the PAPI table's stocks run to the end of the reporting period.
"""
import csv
import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

REPORT_ID = "dak-nong-vp-ubnd-2021-q3"
ROOT = Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"
SOURCE = ROOT / "content" / "sources" / f"{REPORT_ID}.txt"

TT = "dak-nong-tt-hcc"
VP = "dak-nong-vp-ubnd"
DN = "dak-nong"
Q = "2021-Q3"
R = "2021-06-09/2021-09-07"  # "Tu ngay 09/6/2021 dén ngay 07/9/2021", "Tur ngay 09/6/2021-07/9/2021"
TO = "../2021-09-14"  # the PAPI table: no dates, stocks and "trong năm" to the end of the reporting period

# (indicator, unit, period, breakdown, value)
CURATED = [
    # Section III.1: dossiers at the Public Administration Service Centre, 09/6–07/9/2021
    ("dossiers-received", TT, R, "", 7447),
    ("dossiers-received-online", TT, R, "", 5386),
    ("share-online", TT, R, "", 72.3),
    ("dossiers-received-postal", TT, R, "", 125),
    ("share-received-postal", TT, R, "", 1.7),
    ("dossiers-carried-over", TT, R, "", 357),
    ("dossiers-resolved", TT, R, "", 7708),
    ("results-returned-postal", TT, R, "", 750),
    ("share-results-returned-postal", TT, R, "", 9.7),
    ("dossiers-resolved-early", TT, R, "", 1713),
    ("share-early", TT, R, "", 22.2),
    ("dossiers-resolved-on-time", TT, R, "", 5962),
    ("share-on-time", TT, R, "", 77.3),
    ("dossiers-resolved-late", TT, R, "", 33),
    ("share-late", TT, R, "", 0.4),
    # footnote 1: late dossiers by agency (the 33 of the dated paragraph)
    ("dossiers-resolved-late", TT, R, "agency=so-tu-phap", 15),
    ("dossiers-resolved-late", TT, R, "agency=so-tai-chinh", 4),
    ("dossiers-resolved-late", TT, R, "agency=so-khdt", 11),
    # "Khong cé thu xin 15i." closing the Sở KH&ĐT paragraph: a zero stated in words
    ("apology-letters", TT, R, "agency=so-khdt", 0),
    # guidance: "Trong quy III ndm 2021, ... 2.466 luot" (the quarter) and the dated switchboard sentence
    ("guidance-contacts", TT, Q, "", 2466),
    ("guidance-contacts", TT, Q, "channel=in-person", 1247),
    ("guidance-contacts", TT, Q, "channel=outgoing-call", 613),
    ("guidance-contacts", TT, Q, "channel=incoming-call", 606),
    ("guidance-contacts", TT, R, "channel=phone", 1219),
    ("guidance-contacts", TT, R, "channel=outgoing-call", 613),
    ("guidance-contacts", TT, R, "channel=incoming-call", 606),
    ("procedures-publicly-listed-share", TT, Q, "", 100),
    # "Trong quy III khong tiép nhén phan 4nh, kién nghi nao": a zero stated in words
    ("feedback-received", TT, Q, "", 0),
    # the Office
    ("training-participants", VP, Q, "course=leadership-department-level", 4),
    ("personnel-actions", VP, Q, "action=transfer-out", 1),
    ("personnel-actions", VP, Q, "action=internal-reinforcement", 1),
    ("e-documents-share", VP, Q, "", 100),
    ("portal-questions-answered", VP, Q, "", 2),
    ("online-meetings-served", VP, Q, "", 29),
    ("online-meetings-served", VP, Q, "type=province-central", 23),
    # province-wide
    ("procedures-decentralisation-target-share", DN, Q, "", 20),
    ("online-services-integrated-national-portal", DN, TO, "", 416),
    # "trong nam khoéng thé to chire tap huan": no training course organised during the year
    ("training-courses-organised", DN, TO, "", 0),
]

# figures printed twice in the document (one row per occurrence)
REPEATED = [
    ("satisfaction-rate", TT, Q, "", 99.5, 2),
    ("dissatisfaction-rate", TT, Q, "", 0.5, 2),
    ("procedures-processing-time-cut", DN, Q, "", 77, 2),
    ("portal-questions-received", VP, Q, "", 4, 2),
]

# 22,2 + 77,3 + 0,4 = 99,9 %
# 22,2 + 77,3 + 0,4 = 99,9%: the counts add up (1.713 + 5.962 + 33 = 7.708), the shares were rounded
ROUNDING = {("share-early", TT, 22.2), ("share-on-time", TT, 77.3), ("share-late", TT, 0.4)}
INCONSISTENT: set[tuple[str, str, float]] = set()  # nothing in the report contradicts itself beyond rounding

# numbers qualified in the text: "it nhat 20%" (at least 20%)
QUALIFIED = {"procedures-decentralisation-target-share": "at_least"}

# zeros the report states in words, with the words
WORDED_ZEROS = {
    "apology-letters": "Khong cé thu xin 15i.",
    "feedback-received": "khong tiép nhén phan 4nh, kién nghi nao",
    "training-courses-organised": "khoéng thé to chire tap huan",
}

DATES = {Q: ("2021-06-15", "2021-09-14"), R: ("2021-06-09", "2021-09-07"), TO: ("", "2021-09-14")}


def _rows():
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _report():
    return YAML(typ="safe").load((ROOT / "content" / "reports" / f"{REPORT_ID}.yaml").read_text(encoding="utf-8"))


def _matches(rows, indicator, unit, period, breakdown, value):
    out = []
    for r in rows:
        if (r["indicator"], r["unit"], r["period"], r["breakdown"]) != (indicator, unit, period, breakdown):
            continue
        if value is None:
            if r["status"] == "missing" and r["value"] == "":
                out.append(r)
        elif r["status"] == "reported" and r["value"] != "" and float(r["value"]) == float(value):
            out.append(r)
    return out


def test_curated_figures_in_package():
    rows = _rows()
    assert all(r["report"] == REPORT_ID for r in rows)
    for tup in CURATED:
        found = _matches(rows, *tup)
        assert len(found) == 1, f"{tup}: {len(found)} matching rows"


def test_repeated_figures_once_per_occurrence():
    rows = _rows()
    for *tup, times in REPEATED:
        found = _matches(rows, *tup)
        assert len(found) == times, f"{tup}: {len(found)} rows, expected {times}"


def test_every_row_has_the_dates_of_its_period_code():
    for r in _rows():
        assert r["period"] in DATES, r["id"]
        assert (r["period_start"], r["period_end"]) == DATES[r["period"]], r["id"]


def test_centre_rows_dated_in_the_text_carry_the_range():
    rows = {r["id"][-3:]: r for r in _rows()}
    dated = [f"{n:03d}" for n in [*range(20, 38), *range(45, 56), 61]]
    for n in dated:
        assert rows[n]["unit"] == TT and rows[n]["period"] == R, n
    # the Centre's sentences that say only "trong quý III" (and the undated ones) take the reporting quarter
    for n in ("038", "039", "040", "041", "042", "043", "044", "056", "057", "060"):
        assert rows[n]["unit"] == TT and rows[n]["period"] == Q, n
    assert {r["id"][-3:] for r in rows.values() if r["period"] == R} == set(dated)


def test_report_period_and_data_period():
    report = _report()
    assert report["period"] == {"kind": "quarter", "start": dt.date(2021, 6, 15), "end": dt.date(2021, 9, 14), "code": Q}
    dp = report["data_period"]
    assert (dp["kind"], dp["code"], str(dp["start"]), str(dp["end"])) == ("range", R, "2021-06-09", "2021-09-07")
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    assert "Thoi gian bao cdo tir ngay 15/6/2021 - 14/9/2021" in source
    assert "Tu ngay 09/6/2021 dén ngay 07/9/2021" in source


def test_reconstructed_number_is_marked_uncertain():
    report = _report()
    assert report["number"] == "1076/BC-VPUBND"
    assert "number" in report["uncertain"]
    assert report.get("date") is None and report["uncertain"] == ["number"]  # the day is unreadable: missing, not uncertain
    assert "1076/BC-VPUBND" in report["date_note"]["vi"] and "uncertain" in report["date_note"]["en"]
    assert "Sé: /076 /BC-VPUBND" in SOURCE.read_text(encoding="utf-8")


def test_qualifiers():
    for r in _rows():
        assert r["qualifier"] == QUALIFIED.get(r["indicator"], ""), r["id"]


def test_worded_zeros_quote_their_sentence():
    rows = _rows()
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    for indicator, words in WORDED_ZEROS.items():
        hits = [r for r in rows if r["indicator"] == indicator]
        assert len(hits) == 1, indicator
        r = hits[0]
        assert (r["value"], r["status"], r["qualifier"]) == ("0", "reported", ""), r["id"]
        assert words in r["quote"] and " ".join(r["quote"].split()) in source, r["id"]


def test_inconsistencies_flagged():
    rows = _rows()
    flagged = {(r["indicator"], r["unit"], float(r["value"])) for r in rows if r["flag"] == "inconsistent"}
    assert flagged == INCONSISTENT
    assert {(r["indicator"], r["unit"], float(r["value"])) for r in rows if r["flag"] == "rounding"} == ROUNDING
    for r in rows:
        if r["flag"]:
            assert r["note_vi"] and r["note_en"]
    assert round(22.2 + 77.3 + 0.4, 1) == 99.9


def test_ids_sequential():
    rows = _rows()
    assert [r["id"] for r in rows] == [f"{REPORT_ID}-{n:03d}" for n in range(1, len(rows) + 1)] and len(rows) == 62
