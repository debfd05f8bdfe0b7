"""compute/derive.py: shares recomputed from their formula, judged by the rounding rule of content/consistency.py."""
from __future__ import annotations

import re
from pathlib import Path

from site_builder.compute.derive import compute, derive
from site_builder.content.validate import validate
from tests.conftest import ROOT


def test_a_share_of_a_whole_above_100_is_not_a_value_and_stays_out_of_charts() -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    derived = derive(corpus)
    impossible = [d for d in derived if d.impossible]
    # Tuy Phong, first three months of 2020, district level: 2,717 on time of 2,700 resolved
    assert [(d.unit, d.indicator, d.period, d.breakdown, d.numerator.value, d.denominator.value) for d in impossible] == [
        ("tuy-phong", "share-on-time", "2020-3M", "level=district", 2717, 2700)]
    assert all(d.value <= 100 for d in derived if not d.impossible and d.scale == 100)
    computed = compute(corpus)
    points = computed.series.get("tuy-phong", {}).get("share-on-time", ())
    assert all(p.value <= 100 for p in points)


def test_a_published_share_differs_only_beyond_the_rounding_of_every_number() -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    by_share = {d.published.id: d for d in derive(corpus) if d.published is not None}
    # Đắk Nông's 77,3% of 5.962 / 7.708 = 77,35%: within half a unit of the last digit
    assert not by_share["dak-nong-vp-ubnd-2021-q3-032"].differs
    # Tuy Phong 2017: 18,42% published for 1.468 / 8.955 = 16,39%
    assert by_share["tuy-phong-cchc-2011-2020-015"].differs
    # Tuy Phong 2018: 15,39% for 1.500 / 9.743 = 15,3957%: cut off, not rounded, so it differs
    assert by_share["tuy-phong-cchc-2011-2020-021"].differs
    # a share whose inputs carry only the quiet rounding flag is not "computed from an inconsistent figure"
    assert not any(d.from_flagged for d in by_share.values() if {d.numerator.flag, d.denominator.flag} <= {"", "rounding"})


def test_the_indicator_page_says_which_figures_contradict_instead_of_a_value(shipped_site: Path) -> None:
    for lang, prefix, words in (("vi", "", "Không tính được"), ("en", "en/", "Not computed")):
        html = (shipped_site / f"{prefix}indicators/share-on-time/index.html").read_text(encoding="utf-8")
        cell = re.search(r'<td class="mb-impossible"[^>]*>(.*?)</td>', html, re.S)
        assert cell, lang
        text = cell.group(1)
        assert words in text
        assert "#fig-tuy-phong-cchc-2011-2020-166" in text and "#fig-tuy-phong-cchc-2011-2020-167" in text
        assert "100,6" not in html and "100.6" not in html


def test_the_indicator_page_lists_its_identities_in_each_language(shipped_site: Path) -> None:
    vi = (shipped_site / "indicators/dossiers-resolved/index.html").read_text(encoding="utf-8")
    en = (shipped_site / "en/indicators/dossiers-resolved/index.html").read_text(encoding="utf-8")
    assert "Đẳng thức được kiểm tra" in vi and "Trước hạn + đúng hạn + trễ hạn = đã giải quyết" in vi
    assert "Identities checked" in en and "Early + on time + late = resolved" in en
    # a part lists the identity of its whole
    part = (shipped_site / "en/indicators/dossiers-resolved-late/index.html").read_text(encoding="utf-8")
    assert "Early + on time + late = resolved" in part
