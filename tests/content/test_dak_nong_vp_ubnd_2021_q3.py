"""Figures of the Đắk Nông PPC Office report on administrative reform and PAPI, Q3 2021.

The curated tuples were read from content/sources/dak-nong-vp-ubnd-2021-q3.txt.
Figures of the Public Administration Service Centre (dak-nong-tt-hcc) cover
9 June – 7 September 2021; the Office's and the province's cover 15 June – 14 September 2021.
"""
import csv
from pathlib import Path

REPORT_ID = "dak-nong-vp-ubnd-2021-q3"
CSV_PATH = Path(__file__).resolve().parents[2] / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"

TT = "dak-nong-tt-hcc"
VP = "dak-nong-vp-ubnd"
DN = "dak-nong"
Q = "2021-Q3"

# (indicator, unit, period, breakdown, value)
CURATED = [
    # Section III.1: dossiers at the Public Administration Service Centre
    ("dossiers-received", TT, Q, "", 7447),
    ("dossiers-received-online", TT, Q, "", 5386),
    ("share-online", TT, Q, "", 72.3),
    ("dossiers-received-postal", TT, Q, "", 125),
    ("share-received-postal", TT, Q, "", 1.7),
    ("dossiers-carried-over", TT, Q, "", 357),
    ("dossiers-resolved", TT, Q, "", 7708),
    ("results-returned-postal", TT, Q, "", 750),
    ("share-results-returned-postal", TT, Q, "", 9.7),
    ("dossiers-resolved-early", TT, Q, "", 1713),
    ("share-early", TT, Q, "", 22.2),
    ("dossiers-resolved-on-time", TT, Q, "", 5962),
    ("share-on-time", TT, Q, "", 77.3),
    ("dossiers-resolved-late", TT, Q, "", 33),
    ("share-late", TT, Q, "", 0.4),
    # footnote 1: late dossiers by agency
    ("dossiers-resolved-late", TT, Q, "agency=so-tu-phap", 15),
    ("dossiers-resolved-late", TT, Q, "agency=so-tai-chinh", 4),
    ("dossiers-resolved-late", TT, Q, "agency=so-khdt", 11),
    # guidance
    ("guidance-contacts", TT, Q, "", 2466),
    ("guidance-contacts", TT, Q, "channel=in-person", 1247),
    ("guidance-contacts", TT, Q, "channel=phone", 1219),
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
    ("online-services-integrated-national-portal", DN, Q, "", 416),
]

# figures printed twice in the document (one row per occurrence)
REPEATED = [
    ("satisfaction-rate", TT, Q, "", 99.5, 2),
    ("dissatisfaction-rate", TT, Q, "", 0.5, 2),
    ("procedures-processing-time-cut", DN, Q, "", 77, 2),
    ("guidance-contacts", TT, Q, "channel=outgoing-call", 613, 2),
    ("guidance-contacts", TT, Q, "channel=incoming-call", 606, 2),
    ("portal-questions-received", VP, Q, "", 4, 2),
]

# 22,2 + 77,3 + 0,4 = 99,9 %
INCONSISTENT = {("share-early", TT, 22.2), ("share-on-time", TT, 77.3), ("share-late", TT, 0.4)}


def _rows():
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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


def test_centre_period():
    for r in _rows():
        if r["unit"] == TT:
            assert (r["period_start"], r["period_end"]) == ("2021-06-09", "2021-09-07")
        else:
            assert (r["period_start"], r["period_end"]) == ("2021-06-15", "2021-09-14")


def test_inconsistencies_flagged():
    rows = _rows()
    flagged = {(r["indicator"], r["unit"], float(r["value"])) for r in rows if r["flag"] == "inconsistent"}
    assert flagged == INCONSISTENT
    for r in rows:
        if r["flag"]:
            assert r["note_vi"] and r["note_en"]
    assert round(22.2 + 77.3 + 0.4, 1) == 99.9
