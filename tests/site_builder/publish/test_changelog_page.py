"""The changelog in words: each change a sentence in the page's language, values in the locale, no
column name and no id as text; grouped by report, within the page's budget."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from site_builder.content.corpus import Corpus, Figure
from site_builder.content.languages import pick
from site_builder.content.validate import validate
from site_builder.compute.changelog import Change, Release, kept
from site_builder.publish import changelog_page, i18n
from site_builder.publish.changelog_page import release_views, sentence
from site_builder.publish.lang import Lang
from site_builder.publish.pages import breakdown_names

ROOT = Path(__file__).resolve().parents[3]
CODES = re.compile(r"note_vi|note_en|period_start|period_end|target_value|[a-z_]+=[a-z0-9_-]+|∅|\b[a-z0-9-]+-\d{3}\b")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    found, _ = validate(ROOT)
    assert found is not None
    return found


def lang(corpus: Corpus, code: i18n.Lang) -> Lang:
    return Lang(code, "changelog.md", breakdowns=breakdown_names(corpus))


def row(f: Figure, **changed: str) -> dict[str, str]:
    """A figure's row as the manifest keeps it, with some cells changed."""
    cells = {"report": f.report, "unit": f.unit, "indicator": f.indicator, "period": f.period, "breakdown": f.breakdown,
             "value": "" if f.value is None else f"{f.value:g}", "qualifier": f.qualifier.value, "status": f.status,
             "flag": f.flag, "note_vi": kept("note_vi", f.note_vi), "note_en": kept("note_en", f.note_en)}
    return cells | changed


def words(text: Markup) -> str:
    """What a reader sees of a sentence: its text, the words kept for screen readers aside."""
    return Markup(re.sub(r'<span class="mb-sr-only">[^<]*</span>', "", str(text))).striptags()


def test_a_changed_value_reads_in_each_locale_with_its_unit(corpus: Corpus) -> None:
    f = next(f for f in corpus.figures if corpus.indicators[f.indicator].unit.value == "count" and f.value and f.value >= 1000)
    g = next(f for f in corpus.figures if corpus.indicators[f.indicator].unit.value == "percent" and f.value and not f.value.is_integer())
    for fig, old in ((f, f.value - 1), (g, g.value - 0.5)):
        assert fig.value is not None
        unit = corpus.indicators[fig.indicator].unit.value
        change = Change("figures", fig.id, "changed", row(fig), {"value": (f"{old:g}", f"{fig.value:g}")})
        texts = {}
        for code in ("vi", "en"):
            text = words(sentence(lang(corpus, code), corpus, change, fig))
            assert f"{i18n.quantity(old, unit, code)} → {i18n.quantity(fig.value, unit, code)}" in text
            assert i18n.t("changelog.field.value", code) in text and not CODES.search(text), text
            texts[code] = text
        assert texts["vi"] != texts["en"]


def test_the_figure_is_named_in_words_and_linked_to_its_row(corpus: Corpus) -> None:
    f = next(f for f in corpus.figures if f.breakdown and corpus.breakdown_text(f.breakdown))
    html = sentence(lang(corpus, "en"), corpus, Change("figures", f.id, "changed", row(f), {"quote": ("#a", "#b")}), f)
    assert f'href="../reports/{f.report}/#fig-{f.id}"' in html
    text = words(html)
    for part in (corpus.indicators[f.indicator].name.en, corpus.breakdown_text(f.breakdown).en, i18n.period_label(f.period, "en")):
        assert part and part in text
    assert "edited the quoted sentence" in text and not CODES.search(text)


def test_flags_notes_and_breakdown_codes_are_said_in_words(corpus: Corpus) -> None:
    f = next(f for f in corpus.figures if f.flag == "inconsistent" and f.note_vi and f.note_en and f.breakdown)
    fields = {"flag": ("", "inconsistent"), "note_en": ("", kept("note_en", f.note_en)), "note_vi": ("#old", kept("note_vi", f.note_vi)),
              "breakdown": (f.breakdown.split("=")[0] + "=no_longer_listed", f.breakdown)}
    for code in ("vi", "en"):
        L = lang(corpus, code)
        html = sentence(L, corpus, Change("figures", f.id, "changed", row(f), fields), f)
        text = words(html)
        assert 'href="../about/#mark-inconsistent"' in html and i18n.t("changelog.flag.inconsistent", code) in text
        assert L.html("changelog.text_added_html", what=i18n.t("changelog.field.note_en", code)) in text
        assert L.html("changelog.text_edited_html", what=i18n.t("changelog.field.note_vi", code)) in text
        assert L.tx_plain(corpus.breakdown_text(f.breakdown)) in text  # the code renamed: the new sub-group by its name
        assert pick(f.note_vi, f.note_en, code)[:40] in text  # why: the editor's note
        assert not CODES.search(text) and "flag" not in text, text


def test_a_note_is_shown_only_while_it_is_the_note_of_the_change(corpus: Corpus) -> None:
    f = next(f for f in corpus.figures if f.note_vi and f.note_en)
    L = lang(corpus, "vi")
    now = sentence(L, corpus, Change("figures", f.id, "changed", row(f), {"period": ("2000", f.period)}), f)
    since_edited = sentence(L, corpus, Change("figures", f.id, "changed", row(f, note_vi="#another"), {"period": ("2000", f.period)}), f)
    assert f.note_vi[:30] in words(now) and f.note_vi[:30] not in words(since_edited)


def test_rows_no_longer_on_the_site_are_named_without_codes_or_links(corpus: Corpus) -> None:
    gone = Change("figures", "bao-cao-cu-001", "removed", {"report": "bao-cao-cu", "unit": "xa-cu", "indicator": "chi-so-cu",
                                                           "breakdown": "kenh=cu", "period": "2021", "value": "12", "status": "reported"})
    for code in ("vi", "en"):
        html = sentence(lang(corpus, code), corpus, gone, None)
        assert "href" not in html
        text = words(html)
        for key in ("changelog.gone_indicator", "changelog.gone_unit", "changelog.breakdown_gone"):
            assert i18n.t(key, code) in text
        assert i18n.period_label("2021", code) in text and not CODES.search(text)


def test_a_target_and_its_deadline_in_words(corpus: Corpus) -> None:
    t = next(t for t in corpus.targets if t.deadline)
    cells = {"report": t.report, "unit": t.unit, "indicator": t.indicator, "comparator": t.comparator, "target_value": f"{t.target_value:g}",
             "deadline": t.deadline.isoformat() if t.deadline else "", "recurrence": ""}
    unit = corpus.indicators[t.indicator].unit.value
    for code in ("vi", "en"):
        L = lang(corpus, code)
        text = words(sentence(L, corpus, Change("targets", t.id, "changed", cells, {"deadline": (cells["deadline"], ""), "recurrence": ("", "annual")}), t))
        assert f"{L.date(t.deadline)} → {i18n.t('no_deadline', code)}" in text
        assert f"{i18n.t('recurrence.once', code)} → {i18n.t('recurrence.annual', code)}" in text
        added = words(sentence(L, corpus, Change("targets", t.id, "added", cells), t))
        assert f"{i18n.t('comparator.' + t.comparator, code)} {i18n.quantity(t.target_value, unit, code)}" in added


def test_the_page_groups_by_report_within_its_budget(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changelog_page, "SENTENCES_SHOWN", 3)
    monkeypatch.setattr(changelog_page, "REPORTS_SHOWN", 2)
    by_report: dict[str, list[Figure]] = {}
    for f in corpus.figures:
        by_report.setdefault(f.report, []).append(f)
    big, small, third = sorted(by_report, key=lambda rid: -len(by_report[rid]))[:3]
    changed = [Change("figures", f.id, "changed", row(f), {"quote": ("#a", "#b")}) for f in by_report[big][:4] + by_report[small][:1]]
    added = [Change("figures", f.id, "added", row(f)) for f in by_report[third][: changelog_page.ADDED_LISTED_UP_TO + 1]]
    newer, older = release_views(lang(corpus, "vi"), corpus, [Release(None, None, "1.0.0", tuple(changed + added)),
                                                              Release("1.0.0", "2024-01-02", None, tuple(changed))])
    assert [g.total for g in newer.reports] == [4, 1]  # the report with most corrections first
    assert (newer.more_reports, newer.more_reports_changes) == (1, changelog_page.ADDED_LISTED_UP_TO + 1)
    first = newer.reports[0].kinds[0]
    assert (first.kind, first.total, len(first.sentences), first.more) == ("changed", 4, 3, 1)
    assert newer.reports[1].kinds[0].more == 1  # the budget is spent: counted, not listed
    assert all(not k.sentences for g in older.reports for k in g.kinds) and older.date is not None and older.date.year == 2024
    assert newer.counts == {"changed": 5, "removed": 0, "added": changelog_page.ADDED_LISTED_UP_TO + 1}


def test_a_large_release_counts_its_added_rows_instead_of_listing_them(corpus: Corpus) -> None:
    figs = corpus.figures[: changelog_page.ADDED_LISTED_UP_TO + 1]
    (view,) = release_views(lang(corpus, "en"), corpus, [Release("0.1.0", None, None, tuple(Change("figures", f.id, "added", row(f)) for f in figs))])
    kinds = [k for g in view.reports for k in g.kinds]
    assert kinds and all(k.kind == "added" and not k.sentences and k.more == k.total for k in kinds)
    assert sum(k.total for k in kinds) == len(figs)


def test_new_columns_are_named_in_words(corpus: Corpus) -> None:
    (view,) = release_views(lang(corpus, "vi"), corpus, [Release(None, None, "1.0.0", (), {"figures": ("qualifier",)})])
    (text,) = [words(s) for s in view.new_columns]
    assert i18n.t("changelog.field.qualifier", "vi") in text and "qualifier" not in text
    assert view.reports == () and view.report_count == 0


def test_every_column_of_the_figures_and_targets_has_words() -> None:
    from site_builder.content.packages import FIGURE_FIELDS, TARGET_FIELDS

    for name in {*FIGURE_FIELDS, *TARGET_FIELDS} - {"id"}:
        for code in ("vi", "en"):
            assert changelog_page.column(name, code) != i18n.t("changelog.field_other", code), name
    assert changelog_page.column("a_new_column", "en") == i18n.t("changelog.field_other", "en")
