"""Relative URLs between generated pages (the fast path gives what posixpath.relpath gives), and
the markup of marks."""
from __future__ import annotations

import posixpath
from typing import Any

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from site_builder.publish import i18n
from site_builder.publish.lang import Lang, relative_url

segment = st.sampled_from(["units", "reports", "en", "x", "dak-nong", "downloads", "index.html", "bc-2021.csv"])


def reference(root_path: str, here: str) -> str:
    out = posixpath.relpath("/" + root_path, "/" + here) if root_path else posixpath.relpath("/", "/" + here)
    if root_path.endswith("/") or root_path == "":
        out = out.rstrip("/") + "/"
    return "./" if out in ("./", "") else out


@given(target=st.lists(segment, max_size=4), folder=st.booleans(), here=st.lists(segment, max_size=4))
def test_relative_url_matches_posixpath(target: list[str], folder: bool, here: list[str]) -> None:
    root_path = "/".join(target) + ("/" if folder and target else "")
    base = "/".join(here) + ("/" if here else "")
    assert relative_url(root_path, base) == reference(root_path, base)


def test_known_links() -> None:
    assert relative_url("units/dak-nong/", "en/reports/x/") == "../../../units/dak-nong/"
    assert relative_url("downloads/a.csv", "") == "downloads/a.csv"
    assert relative_url("", "units/x/") == "../../"
    assert relative_url("units/", "units/") == "./"


# ------------------------------------------------------------------ marks (issue 18)
# The markup every mark shares, which the site's script (minhbach.js setupMarks) turns into a
# button showing the explanation in place: the name in data-mb-name, the title "<name>: <note>".


def mark_link(html: object) -> Any:
    return BeautifulSoup(str(html), "html.parser").a


def test_a_mark_carries_its_name_and_its_note_escaped_once() -> None:
    lang = Lang("en", "units/x.md")
    a = mark_link(lang.mark("inconsistent", lang.pick("ghi «6.184»", "the report's <b>6,184</b> & 6,174")))
    assert a["class"] == ["mb-mark", "mb-mark--inconsistent"]
    assert a["href"] == "../../about/#mark-inconsistent"
    assert a["data-mb-name"] == "inconsistent"
    # read back as written: a note already escaped by pick() is not escaped a second time
    assert a["title"] == "inconsistent: the report's <b>6,184</b> & 6,174"
    assert a.select_one("[aria-hidden=true]").get_text() == "⚠" and a.select_one(".mb-sr-only").get_text() == "inconsistent"
    plain = mark_link(lang.mark("inconsistent", "a plain note's <i>"))
    assert plain["title"] == "inconsistent: a plain note's <i>"


def test_a_mark_without_a_note_is_titled_by_its_name_and_words_are_their_own_symbol() -> None:
    vi = Lang("vi", "reports/x.md")
    approx = mark_link(vi.mark("approx"))
    assert approx["title"] == approx["data-mb-name"] == "khoảng"
    untranslated = mark_link(vi.mark("untranslated"))
    assert untranslated.get_text() == "chưa dịch" and untranslated.select_one(".mb-sr-only") is None
    # rounding is a sign in a table's number column, where a word would widen it past a phone's width
    rounding = mark_link(vi.mark("rounding"))
    assert rounding.select_one("[aria-hidden=true]").get_text() == "±" and rounding.select_one(".mb-sr-only").get_text() == "làm tròn"
    estimated = mark_link(Lang("en", "x.md").mark("estimated"))  # written "est.", named in full
    assert estimated.select_one("[aria-hidden=true]").get_text() == "est." and estimated["data-mb-name"] == "estimated"


def test_a_partial_period_is_a_mark_of_the_same_shape() -> None:
    lang = Lang("en", "units/x.md")
    a = mark_link(lang.period_html("2021-Q3"))
    assert a["class"] == ["mb-mark", "mb-mark--partial", "mb-period"] and a.get_text() == "Q3 2021"
    assert a["data-mb-name"] == i18n.t("mark.partial", "en")
    assert a["title"] == f"{i18n.t('mark.partial', 'en')}: {i18n.t('mark.partial.text', 'en')}"
    assert a["href"] == "../../about/#mark-partial"
    assert str(lang.period_html("2021")) == "2021"  # a whole year is no mark


# ------------------------------------------------------------------ either language missing (issue 19)
# A Table Schema's descriptions are written in English first: the Vietnamese page shows the English
# with the same visible mark as an English page showing Vietnamese, never silently.


def test_a_text_missing_in_the_page_s_language_shows_the_other_marked() -> None:
    vi, en = Lang("vi", "datasets/index.md"), Lang("en", "datasets/index.md")
    assert (vi.pick_html("Ghi chú", "Note"), en.pick_html("Ghi chú", "Note")) == ("Ghi chú", "Note")
    for L, shown, other in ((vi, "", "Note"), (en, "Ghi chú", "")):
        html = BeautifulSoup(str(L.pick_html(shown, other)), "html.parser")
        mark = html.find(class_="mb-untranslated")
        assert mark is not None and mark.get_text() == f"({i18n.t('untranslated', L.code)})"
        assert html.find(lang=L.other).get_text() == (shown or other)
        assert L.pick_plain(shown, other) == f"{shown or other} ({i18n.t('untranslated', L.code)})"
    assert vi.pick_html("", "") == "" and vi.pick_plain("", "") == ""
    assert BeautifulSoup(str(vi.pick_html("", "Note")), "html.parser").find(class_="mb-untranslated")["title"] == i18n.t("mark.untranslated_vi.text", "vi")
