"""Periods as reports write them: codes, the dates each allows, comparability, words."""
from __future__ import annotations

import datetime as dt

import pytest

from site_builder.content import periods
from site_builder.content.periods import PeriodKind

D = dt.date


@pytest.mark.parametrize(("code", "kind"), [
    ("2021", PeriodKind.year), ("2021-H1", PeriodKind.half), ("2021-H2", PeriodKind.half), ("2021-Q3", PeriodKind.quarter),
    ("2021-09", PeriodKind.month), ("2021-12", PeriodKind.month), ("2022-9M", PeriodKind.months), ("2022-11M", PeriodKind.months),
    ("2011-2020", PeriodKind.years), ("2021-07-21/2021-08-20", PeriodKind.range), ("../2023-09-30", PeriodKind.to_date),
])
def test_the_shape_of_a_code_names_its_kind(code: str, kind: PeriodKind) -> None:
    parsed = periods.parse(code)
    assert parsed is not None and parsed.kind is kind and parsed.code == code


@pytest.mark.parametrize("code", ["21", "2021Q3", "2021-Q5", "2021-H3", "2021-13", "2021-00", "2021-12M", "2021-0M", "2021-9T",
                                  "2020-2011", "2020-2020", "2021-08-20/2021-07-21", "2021-02-30/2021-03-01", "../2023-13-01", "2021/2022", ""])
def test_anything_else_is_no_period(code: str) -> None:
    assert periods.parse(code) is None


@pytest.mark.parametrize(("code", "start", "end"), [
    ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ("2021", D(2020, 12, 15), D(2021, 12, 14)),  # the statistical reporting year of Decree 09/2019
    ("2021-Q3", D(2021, 7, 1), D(2021, 9, 30)),
    ("2021-Q3", D(2021, 6, 15), D(2021, 9, 14)),  # Đắk Nông's reporting quarter
    ("2021-H1", D(2021, 1, 1), D(2021, 6, 30)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2022-9M", D(2022, 1, 1), D(2022, 9, 30)),
    ("2022-9M", D(2021, 12, 15), D(2022, 9, 14)),
    ("2011-2020", D(2011, 1, 1), D(2020, 12, 31)),
    ("2021-07-21/2021-08-20", D(2021, 7, 21), D(2021, 8, 20)),
    ("../2023-09-30", None, D(2023, 9, 30)),
])
def test_dates_that_agree_with_their_code(code: str, start: dt.date | None, end: dt.date) -> None:
    parsed = periods.parse(code)
    assert parsed is not None and periods.date_problem(parsed, start, end) is None


@pytest.mark.parametrize(("code", "start", "end", "says"), [
    ("2023", D(2023, 1, 1), D(2023, 9, 30), "the dates are the period 2023-9M"),  # "as of 30/9/2023" is not the year
    ("2023", D(2022, 12, 15), D(2023, 10, 31), "the dates are the period 2022-12-15/2023-10-31"),
    ("2021-Q3", D(2021, 6, 9), D(2021, 9, 7), "the dates are the period 2021-06-09/2021-09-07"),
    ("2019-Q4", D(2019, 10, 1), D(2019, 10, 31), "the dates are the period 2019-10"),
    ("2011-2020", D(2011, 1, 1), D(2020, 3, 31), "the dates are the period 2011-01-01/2020-03-31"),
    ("2021", None, D(2021, 12, 31), "the dates are the period ../2021-12-31"),
    ("../2023-09-30", D(2023, 1, 1), D(2023, 9, 30), "leave period_start empty, or write the range 2023-01-01/2023-09-30"),
    ("../2023-09-30", None, D(2023, 10, 31), "'../2023-09-30' runs to 2023-09-30, not to 2023-10-31"),
])
def test_dates_that_contradict_their_code_say_what_they_are(code: str, start: dt.date | None, end: dt.date, says: str) -> None:
    parsed = periods.parse(code)
    assert parsed is not None
    why = periods.date_problem(parsed, start, end)
    assert why is not None and why.endswith(says), why


def test_comparable_means_same_kind_and_length() -> None:
    assert periods.comparable("2019", "2020")
    assert periods.comparable("2021-Q1", "2021-Q3") and periods.comparable("2022-9M", "2023-9M")
    assert periods.comparable("2021-07-21/2021-08-20", "2021-08-21/2021-09-20")  # 31 days each
    assert not periods.comparable("2020", "2020-Q1")  # a quarter beside a year reads as a collapse
    assert not periods.comparable("2022-9M", "2022-6M")
    assert not periods.comparable("2022-Q1", "2022-3M")  # the same dates, but worded otherwise by the report
    assert not periods.comparable("2021-07-21/2021-08-20", "2021-07-21/2021-08-31")
    assert not periods.comparable("../2023-09-30", "../2023-09-30")  # a running total's start is unknown
    assert not periods.comparable("2020", "not a code")


def test_partial_periods_know_they_are_partial() -> None:
    assert [c for c in ("2021", "2021-H1", "2021-Q3", "2021-09", "2022-9M", "2011-2020", "2021-07-21/2021-08-20",
                        "2020-01-01/2020-12-31", "../2023-09-30") if periods.parse(c).partial] == [  # type: ignore[union-attr]
        "2021-H1", "2021-Q3", "2021-09", "2022-9M", "2021-07-21/2021-08-20", "../2023-09-30"]


@pytest.mark.parametrize(("code", "vi", "en"), [
    ("2020", "Năm 2020", "2020"),
    ("2022-H1", "6 tháng đầu năm 2022", "first half of 2022"),
    ("2022-H2", "6 tháng cuối năm 2022", "second half of 2022"),
    ("2021-Q3", "Quý III/2021", "Q3 2021"),
    ("2021-09", "Tháng 9/2021", "September 2021"),
    ("2022-9M", "9 tháng đầu năm 2022", "first nine months of 2022"),
    ("2011-2020", "Giai đoạn 2011–2020", "2011–2020"),
    ("2021-07-21/2021-08-20", "21/7–20/8/2021", "21 Jul – 20 Aug 2021"),
    ("2022-12-15/2023-10-31", "15/12/2022–31/10/2023", "15 Dec 2022 – 31 Oct 2023"),
    ("../2023-09-30", "lũy kế đến 30/9/2023", "to 30 Sep 2023"),
])
def test_labels_in_both_languages(code: str, vi: str, en: str) -> None:
    assert (periods.label(code, "vi"), periods.label(code, "en")) == (vi, en)


def test_suggest_names_the_dates() -> None:
    assert periods.suggest(D(2023, 1, 1), D(2023, 12, 31)) == "2023"
    assert periods.suggest(D(2023, 1, 1), D(2023, 6, 30)) == "2023-H1"
    assert periods.suggest(D(2023, 7, 1), D(2023, 9, 30)) == "2023-Q3"
    assert periods.suggest(D(2023, 5, 1), D(2023, 5, 31)) == "2023-05"
    assert periods.suggest(D(2023, 1, 1), D(2023, 9, 30)) == "2023-9M"
    assert periods.suggest(D(2016, 1, 1), D(2020, 12, 31)) == "2016-2020"
    assert periods.suggest(D(2021, 7, 21), D(2021, 8, 20)) == "2021-07-21/2021-08-20"
    assert periods.suggest(None, D(2023, 9, 30)) == "../2023-09-30"
    for start, end in [(D(2023, 1, 1), D(2023, 9, 30)), (D(2021, 6, 15), D(2021, 9, 14)), (D(2021, 7, 21), D(2021, 8, 20))]:
        code = periods.parse(periods.suggest(start, end))
        assert code is not None and periods.date_problem(code, start, end) is None


def test_the_schema_pattern_is_the_one_of_the_code() -> None:
    """datapackages/cchc-figures/figures.schema.yaml checks the period column with CODE_PATTERN, as frictionless anchors it."""
    import re
    from pathlib import Path

    from ruamel.yaml import YAML

    schema = YAML(typ="safe").load((Path(__file__).resolve().parents[3] / "datapackages/cchc-figures/figures.schema.yaml").read_text(encoding="utf-8"))
    pattern = next(f for f in schema["fields"] if f["name"] == "period")["constraints"]["pattern"]
    assert pattern == periods.CODE_PATTERN
    anchored = re.compile(f"^{pattern}$")
    assert anchored.match("2021-9M") and anchored.match("../2023-09-30") and not anchored.match("2021x") and not anchored.match("x../2023-09-30")
