"""Scorecard cards and roll-up sums told in sentences (publish.story), in both languages, on the
small province of tests/site_builder/conftest.py."""
from __future__ import annotations

from markupsafe import Markup

from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.content.model import Level
from site_builder.publish.lang import Lang
from site_builder.publish.story import card_view, coverage_sentence, ordinal, sum_sentence


def _card(computed: Computed, uid: str, indicator: str):  # type: ignore[no-untyped-def]
    return next(c for c in computed.scorecards[uid] if c.indicator == indicator)


def test_a_change_and_a_rank_in_each_language(province: tuple[Corpus, Computed]) -> None:
    corpus, computed = province
    card = _card(computed, "xa-1", "dossiers-received")
    vi = card_view(Lang("vi", "units/xa-1.md"), corpus, card)
    en = card_view(Lang("en", "units/xa-1.md"), corpus, card)
    assert vi.direction == en.direction == "up"
    assert vi.sentences == (Markup("Tăng 25% so với năm 2020 (80)."), Markup("Cao thứ 2 trong 3 xã của Tỉnh A có số liệu năm 2021."))
    assert en.sentences == (Markup("Up 25% from 2020 (80)."), Markup("The 2nd highest of 3 communes in A province with a figure for 2021."))


def test_the_highest_and_an_approximate_value(province: tuple[Corpus, Computed]) -> None:
    corpus, computed = province
    assert card_view(Lang("en", "x.md"), corpus, _card(computed, "xa-2", "dossiers-received")).sentences[-1].startswith("The highest of 3 communes")
    total = next(s for s in computed.rollups["tinh-a"].sums if s.indicator == "dossiers-received" and s.level is Level.commune)
    assert sum_sentence(Lang("vi", "x.md"), total) == Markup("3/4 xã, năm 2021")
    assert sum_sentence(Lang("en", "x.md"), total) == Markup("3 of 4 communes, 2021")


def test_a_lone_value_says_nothing_it_cannot(province: tuple[Corpus, Computed]) -> None:
    corpus, computed = province
    view = card_view(Lang("en", "x.md"), corpus, _card(computed, "xa-4", "dossiers-received"))
    assert view.sentences == () and view.direction == ""  # one quarter, no peers for a quarter


def test_coverage_in_words() -> None:
    from site_builder.compute.rollup import Coverage

    assert coverage_sentence(Lang("en", "x.md"), Coverage(Level.commune, 12, 98)) == Markup("Figures or reports on this site: 12 of 98 communes.")
    assert coverage_sentence(Lang("en", "x.md"), Coverage(Level.district, 0, 1)) == Markup("Figures or reports on this site: 0 of 1 district.")
    assert coverage_sentence(Lang("vi", "x.md"), Coverage(Level.commune, 12, 98)) == Markup("Có số liệu hoặc báo cáo trên trang này: 12/98 xã.")


def test_english_ordinals() -> None:
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


def test_values_are_escaped_and_filled_in_once() -> None:
    from site_builder.publish.story import _t

    out = _t("story.sum", Lang("en", "x.md"), reporting="{period}", total="<b>2</b>", level="communes", period="2021")
    assert out == Markup("{period} of &lt;b&gt;2&lt;/b&gt; communes, 2021")
