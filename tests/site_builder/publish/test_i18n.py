"""Locale formats and the translation of figure locators."""
from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.publish import i18n


def test_numbers_and_percents_follow_each_locale() -> None:
    assert (i18n.number(7447, "vi"), i18n.number(7447, "en")) == ("7.447", "7,447")
    assert (i18n.percent(72.3, "vi"), i18n.percent(72.3, "en")) == ("72,3%", "72.3%")
    assert (i18n.period_label("2021-Q3", "vi"), i18n.period_label("2021-Q3", "en")) == ("Quý III/2021", "Q3 2021")


@pytest.mark.parametrize("vi,en", [
    ("Phụ lục 03, dòng 1.2, cột Năm 2015", "Appendix 03, row 1.2, column 2015"),
    ("Phụ lục 07, dòng 4, cột Năm 2020 (Tính đến 31/3), mẫu số", "Appendix 07, row 4, column 2020 (as of 31/3), denominator"),
    ("Mục II.6, gạch đầu dòng 2", "Section II.6, bullet 2"),
    ("Mục 1, phần “Việc áp dụng ISO trong hoạt động”, câu 2", "Section 1, part “Việc áp dụng ISO trong hoạt động”, sentence 2"),
    ("Mục III.1, ý 3", "Section III.1, point 3"),
])
def test_locator_structure_translates_and_quoted_headings_stay(vi: str, en: str) -> None:
    assert i18n.locator(vi, "en") == en
    assert i18n.locator(vi, "vi") == vi


@pytest.mark.parametrize("vi,en", [
    ("Đoạn 2, câu 1", "Paragraph 2, sentence 1"),  # a word written capitalised where the term is not
    ("mục 3, Câu 2", "section 3, Sentence 2"),
    ("PHỤ LỤC 02, DÒNG 4", "Appendix 02, Row 4"),  # only the first letter follows what was written
])
def test_locator_words_match_in_any_case(vi: str, en: str) -> None:
    assert i18n.locator(vi, "en") == en


def test_locator_with_vietnamese_left_over_is_not_half_translated() -> None:
    assert i18n.locator("Mục IV, bảng, dòng Chỉ số Trách nhiệm giải trình", "en") is None
    assert i18n.locator("Mục II, đoạn ý kiến", "en") is None  # "ý" inside other words is no "point"


def test_no_interface_string_is_defined_twice() -> None:
    """A key written twice in one dict literal silently keeps the last: one would be dead text."""
    import ast
    import collections

    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    twice = [(node.lineno, key) for node in ast.walk(tree) if isinstance(node, ast.Dict)
             for key, n in collections.Counter(k.value for k in node.keys if isinstance(k, ast.Constant)).items() if n > 1]
    assert twice == []


def test_every_topic_and_reform_field_is_named_in_both_languages() -> None:
    """A unit page's section and the indicators list name each topic; a topic without words would show its key."""
    from site_builder.content.model import ReformField, Topic

    for key in [f"topic.{t.value}" for t in Topic] + [f"rf.{f.value}" for f in ReformField]:
        assert set(i18n.STRINGS[key]) == {"vi", "en"} and all(i18n.STRINGS[key].values()), key
    assert i18n.t("topic.indices", "vi") != i18n.t("topic.other", "vi")
