"""Curated checks for the Bình Phước Party Standing Committee directive on
administrative procedure reform (binh-phuoc-chi-thi-tthc).

The directive reports no numeric facts: every percentage in it is a target, so
its cchc-figures CSV holds the header only and CURATED is empty. The targets
are checked against datapackages/directive-targets/data/targets.csv, read from
the SOURCE text (Mục 4, đoạn 5 and 6)."""
import csv
from pathlib import Path

REPORT_ID = "binh-phuoc-chi-thi-tthc"
ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "datapackages" / "cchc-figures" / "data" / f"{REPORT_ID}.csv"
TARGETS = ROOT / "datapackages" / "directive-targets" / "data" / "targets.csv"

FIGURE_COLUMNS = [
    "id", "report", "unit", "indicator", "period", "period_start", "period_end", "breakdown",
    "value", "qualifier", "status", "locator", "quote", "flag", "note_vi", "note_en",
]
TARGET_COLUMNS = [
    "id", "report", "unit", "indicator", "comparator", "target_value", "deadline", "recurrence", "scope",
    "scope_vi", "scope_en", "locator", "quote", "note_vi", "note_en",
]

# (indicator, unit, period, breakdown, value): none, the directive states only targets.
CURATED: list[tuple] = []

# (indicator, unit, comparator, target_value, deadline, recurrence, scope): the deadline only where the directive sets one
CURATED_TARGETS = [
    # "100% thủ tục hành chính từ khâu tiếp nhận và trả kết quả phải được số hóa và xử lý trên môi trường mạng": no date
    ("digitisation-share", "binh-phuoc", "=", 100, "", "", "exclusion=state_secret_or_not_digitisable"),
    ("dossiers-processed-online-share", "binh-phuoc", "=", 100, "", "", "exclusion=state_secret_or_not_digitisable"),
    # "đến hết năm 2022, đạt 100% thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến"
    ("procedures-online-payment-enabled-share", "binh-phuoc", "=", 100, "2022-12-31", "", ""),
    # "trong đó, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên"
    ("online-payment-share", "binh-phuoc", ">=", 30, "2022-12-31", "", ""),
    # "Đến năm 2025, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 50% trở lên": by 2025, read as the end of 2025
    ("online-payment-share", "binh-phuoc", ">=", 50, "2025-12-31", "", ""),
    # "Mọi thông tin phản ánh, kiến nghị ... đều phải được tiếp nhận, phân loại và xử lý kịp thời": no date
    ("feedback-handled-on-time-share", "binh-phuoc", "=", 100, "", "", ""),
    # "Mức độ hài lòng ... hàng năm đạt tối thiểu 95% trở lên": every year, no end
    ("satisfaction-rate", "binh-phuoc", ">=", 95, "", "annual", ""),
    # "... lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%"
    ("satisfaction-rate", "binh-phuoc", ">=", 90, "", "annual", "sector=land_construction_investment"),
]

# Inconsistent figures found in the document: none.
INCONSISTENT: list[tuple] = []


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _matches(row: dict, indicator, unit, period, breakdown, value) -> bool:
    if (row["indicator"], row["unit"], row["period"], row["breakdown"]) != (indicator, unit, period, breakdown):
        return False
    if value is None:
        return row["status"] == "missing" and row["value"] == ""
    return row["status"] == "reported" and row["value"] != "" and float(row["value"]) == float(value)


def test_curated_figures_in_package():
    header, rows = _read(FIGURES)
    assert header == FIGURE_COLUMNS
    ours = [r for r in rows if r["report"] == REPORT_ID]
    # The directive reports no facts; its percentages are targets (targets.csv).
    assert ours == []
    for tup in CURATED:
        assert sum(_matches(r, *tup) for r in ours) == 1, tup


def test_flagged_inconsistencies_present():
    _, rows = _read(FIGURES)
    flagged = [r for r in rows if r["report"] == REPORT_ID and r["flag"] == "inconsistent"]
    assert len(flagged) == len(INCONSISTENT)
    for tup in INCONSISTENT:
        assert sum(_matches(r, *tup) for r in flagged) == 1, tup


def test_curated_targets_in_package():
    header, rows = _read(TARGETS)
    assert header == TARGET_COLUMNS
    ours = [r for r in rows if r["report"] == REPORT_ID]
    assert len(ours) == len(CURATED_TARGETS)
    for indicator, unit, comparator, value, deadline, recurrence, scope in CURATED_TARGETS:
        hits = [
            r for r in ours
            if (r["indicator"], r["unit"], r["comparator"], r["deadline"], r["recurrence"], r["scope"])
            == (indicator, unit, comparator, deadline, recurrence, scope)
            and float(r["target_value"]) == float(value)
        ]
        assert len(hits) == 1, (indicator, comparator, value, deadline, recurrence, scope)


def test_target_notes_claim_no_date_the_directive_does_not_set():
    _, rows = _read(TARGETS)
    for r in rows:
        if r["report"] != REPORT_ID:
            continue
        if not r["deadline"]:
            assert "2025" not in r["note_vi"] + r["note_en"], r["id"]
        if r["recurrence"] == "annual":
            assert "hàng năm" in r["quote"] and "hằng năm" in r["note_vi"] and "annual" in r["note_en"].lower(), r["id"]
    by_2025 = next(r for r in rows if r["id"] == f"{REPORT_ID}-005")
    assert "Đến năm 2025" in by_2025["quote"] and "Đến năm 2025" in by_2025["note_vi"] and "by 2025" in by_2025["note_en"]


def test_reconstructed_period_is_marked_uncertain():
    from ruamel.yaml import YAML

    report = YAML(typ="safe").load((ROOT / "content" / "reports" / f"{REPORT_ID}.yaml").read_text(encoding="utf-8"))
    assert (report["period"]["kind"], report["period"]["code"]) == ("years", "2021-2025")
    assert report["uncertain"] == ["period"]  # number, date and place are not on the copy: missing, not uncertain
    assert "không nêu kỳ" in report["date_note"]["vi"] and "reconstruction" in report["date_note"]["en"]


def test_target_quotes_are_verbatim():
    source = (ROOT / "content" / "sources" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")
    _, rows = _read(TARGETS)
    for r in rows:
        if r["report"] == REPORT_ID:
            assert r["quote"] in source, r["id"]
            assert f"{float(r['target_value']):g}%" in r["quote"] or r["indicator"] == "feedback-handled-on-time-share", r["id"]
