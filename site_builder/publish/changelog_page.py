"""The changelog page in words: each change a sentence in the page's language, grouped by report.

Input: the releases of exports.changelog, the corpus and a `Lang` for the page. Output: plain
data for templates/pages/changelog.md.j2, each sentence already Markup (as unit_page writes its
sentences): the figure named by its indicator, breakdown, unit and period and linked to its row
on its report's page; values in the locale with their unit and marks; flags, notes and every other
column in words. No column name and no id is shown as text: ids stay in links, and in
changelog.csv and changelog.json, which hold every change.

A national corpus changes by the hundred thousand at its first release, which no page can list:
the page lists at most REPORTS_SHOWN reports per release and SENTENCES_SHOWN sentences in all,
the newest release's first; what is left out is counted and points to the downloads.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup, escape

from site_builder.content.corpus import Corpus, Figure, Target
from site_builder.compute.changelog import HASHED, Change, Release, kept
from site_builder.publish import i18n
from site_builder.publish.lang import Lang

# Sentences on the whole page, the newest release's first; the rest of each report's changes
# are counted under it. A sentence with its note and links is about 1 KB of HTML: this keeps the
# page well under 300 KB with the theme around it.
SENTENCES_SHOWN = 160

# Reports listed per release; the rest are counted in one line (a national first release adds
# rows to some three thousand reports: a hundred made its page 22,000 px tall on a phone).
REPORTS_SHOWN = 50

# Added rows are listed one by one only when a release adds few; a first release's additions
# are the datasets themselves, and the report pages show them.
ADDED_LISTED_UP_TO = 20

KINDS = ("changed", "removed", "added")  # corrections first: they are what a reader of a log looks for

VALUE = ("value", "qualifier", "status")
TARGET = ("comparator", "target_value")
DATES = ("period_start", "period_end")
NAMES = ("report", "unit", "indicator")

def column(name: str, lang: i18n.Lang) -> str:
    """A column in words ('changelog.field.<column>': every column of the figures and the targets
    but the id); a column no schema of this project has is 'another field'."""
    key = f"changelog.field.{name}"
    return i18n.t(key if key in i18n.STRINGS else "changelog.field_other", lang)


# --------------------------------------------------------------------------- what the page is given


@dataclass(frozen=True)
class KindList:
    """The changes of one kind to one report: the sentences listed and how many are not."""

    kind: str
    total: int
    sentences: tuple[Markup, ...]
    more: int  # counted, not listed (the budget ran out, or added rows of a large release)


@dataclass(frozen=True)
class ReportChanges:
    """A report's changes in a release, for one collapsed block."""

    label: Markup  # the report cited: number (or type and period) and title; words when it is gone
    href: str  # its page, "" when it has none
    total: int
    kinds: tuple[KindList, ...]


@dataclass(frozen=True)
class ReleaseView:
    version: str | None
    date: dt.date | None
    previous: str | None
    anchor: str
    counts: dict[str, int]  # by kind
    report_count: int  # reports with changes
    new_columns: tuple[Markup, ...]  # a sentence per table that gained columns
    reports: tuple[ReportChanges, ...]  # the first REPORTS_SHOWN
    more_reports: int
    more_reports_changes: int


# --------------------------------------------------------------------------- words


def _join(L: Lang, items: list[Markup]) -> Markup:
    """'a', 'a và b', 'a, b và c' / 'a and b'."""
    if len(items) <= 1:
        return Markup("").join(items)
    return Markup(", ").join(items[:-1]) + Markup(" {} ").format(L.t("and")) + items[-1]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def value_words(L: Lang, unit: str, row: Mapping[str, str], name: str = "value") -> Markup:
    """A value as the site shows it: in the locale and the indicator's unit, with its qualifier's
    marks; 'not given ("/")' for a missing one."""
    number = _number(row.get(name, ""))
    if number is None or row.get("status") == "missing":
        return escape(L.t("missing_value"))
    return L.qualified(number, unit, row.get("qualifier", "")) if unit else escape(L.num(number))


def _breakdown(L: Lang, code: str) -> Markup:
    named = L.breakdown(code)
    if named is not None:
        return L.tx(named)
    return escape(L.t("total") if not code else L.t("changelog.breakdown_gone"))


def _date(L: Lang, text: str) -> str:
    return L.date(dt.date.fromisoformat(text)) if text else "…"


def _name(L: Lang, corpus: Corpus, kind: str, ident: str) -> Markup:
    """A unit, indicator or report by its name; words when it is no longer in content/."""
    if kind == "unit" and ident in corpus.units:
        unit = corpus.units[ident]
        return L.tx(unit.short_name or unit.name)
    if kind == "indicator" and ident in corpus.indicators:
        return L.tx(corpus.indicators[ident].name)
    if kind == "report" and ident in corpus.reports:
        return L.abbr(L.report_label(corpus.reports[ident]))
    return escape(L.t(f"changelog.gone_{kind}"))


def subject(L: Lang, corpus: Corpus, change: Change, linked: bool) -> Markup:
    """What a change is about: 'Số hồ sơ tiếp nhận, Kênh: bưu chính, Huyện Lộc Ninh, năm 2023';
    a target with its deadline. Linked to the figure's row on its report page when it is there."""
    row = change.row
    parts = [_name(L, corpus, "indicator", row.get("indicator", ""))]
    if change.table == "targets":
        parts[0] = L.html("changelog.target_of_html", indicator=parts[0])
    code = row.get("breakdown", row.get("scope", ""))
    if code:
        parts.append(_breakdown(L, code))
    parts.append(_name(L, corpus, "unit", row.get("unit", "")))
    if row.get("period"):
        parts.append(escape(L.period(row["period"])))  # plain: a partial period's mark is a link, and this is one
    if row.get("deadline"):
        parts.append(escape(_date(L, row["deadline"])))
    words = Markup(", ").join(parts)
    report = row.get("report", "")
    if not linked or report not in corpus.reports:
        return words
    anchor = f"#fig-{change.id}" if change.table == "figures" else ""
    return Markup('<a href="{}{}">{}</a>').format(L.url(f"reports/{report}.md"), anchor, words)


def _flag(L: Lang, name: str) -> Markup:
    """A flag as its mark (linked to its explanation) and its meaning in words."""
    return L.mark(name) + Markup(" ") + escape(L.t(f"changelog.flag.{name}"))


def _target(L: Lang, unit: str, row: Mapping[str, str]) -> Markup:
    number = _number(row.get("target_value", ""))
    return Markup("{} {}").format(L.t("comparator." + row.get("comparator", "=")), L.q(number, unit) if number is not None else "—")


def _from_to(L: Lang, name: str, before: Markup | str, after: Markup | str) -> Markup:
    return L.html("changelog.from_to_html", what=column(name, L.code), before=before, after=after)


def clauses(L: Lang, corpus: Corpus, change: Change, current: Figure | Target | None) -> list[Markup]:
    """What changed in a changed row, each a clause in words, in the order a reader weighs them."""
    fields = change.fields
    after = change.row
    before = {**after, **{name: old for name, (old, _) in fields.items()}}
    indicator = corpus.indicators.get(after.get("indicator", ""))
    unit = indicator.unit.value if indicator is not None else ""
    out: list[Markup] = []
    if any(name in fields for name in VALUE):
        out.append(_from_to(L, "value", value_words(L, unit, before), value_words(L, unit, after)))
    if any(name in fields for name in TARGET):
        out.append(_from_to(L, "target_value", _target(L, unit, before), _target(L, unit, after)))
    if "period" in fields:
        out.append(_from_to(L, "period", L.period(before["period"]), L.period(after["period"])))
    elif any(name in fields for name in DATES):
        # the same period code over other days: a year counted from 15 December, say
        out.append(L.html("changelog.dates_html", before=f"{_date(L, before.get('period_start', ''))} – {_date(L, before.get('period_end', ''))}",
                          after=f"{_date(L, after.get('period_start', ''))} – {_date(L, after.get('period_end', ''))}"))
    for name in ("breakdown", "scope"):
        if name in fields:
            old, new = fields[name]
            if old and L.breakdown(old) is None and L.breakdown(new) is not None:
                out.append(L.html("changelog.breakdown_recoded_html", after=_breakdown(L, new)))  # a code renamed, not a new sub-group
            else:
                out.append(_from_to(L, name, _breakdown(L, old), _breakdown(L, new)))
    out += [_from_to(L, name, _name(L, corpus, name, fields[name][0]), _name(L, corpus, name, fields[name][1])) for name in NAMES if name in fields]
    if "flag" in fields:
        old, new = fields["flag"]
        if old:
            out.append(L.html("changelog.unflagged_html", flag=_flag(L, old)))
        if new:
            out.append(L.html("changelog.flagged_html", flag=_flag(L, new)))
    if "deadline" in fields:
        old, new = fields["deadline"]
        out.append(_from_to(L, "deadline", _date(L, old) if old else L.t("no_deadline"), _date(L, new) if new else L.t("no_deadline")))
    if "recurrence" in fields:
        old, new = fields["recurrence"]
        out.append(_from_to(L, "recurrence", L.t(f"recurrence.{old or 'once'}"), L.t(f"recurrence.{new or 'once'}")))
    for verb in ("added", "edited", "removed"):
        texts = [name for name in HASHED if name in fields and _verb(*fields[name]) == verb]
        if texts:
            clause = L.html(f"changelog.text_{verb}_html", what=_join(L, [escape(column(name, L.code)) for name in texts]))
            if "locator" in texts and verb != "removed" and current is not None and kept("locator", current.locator) == after.get("locator"):
                clause += L.html("changelog.now_html", text=L.locator(current.locator))
            out.append(clause)
    handled = {*VALUE, *TARGET, "period", *DATES, "breakdown", "scope", *NAMES, "flag", "deadline", "recurrence", *HASHED}
    rest = [name for name in fields if name not in handled]
    if rest:
        out.append(L.html("changelog.text_edited_html", what=_join(L, [escape(column(name, L.code)) for name in rest])))
    return out


def _verb(before: str, after: str) -> str:
    return "added" if not before else ("removed" if not after else "edited")


def note(L: Lang, change: Change, current: Figure | Target | None) -> Markup:
    """The editor's note on the row, when it is still the note the change carries (the note of a
    release since edited again is not shown: it would explain the wrong change)."""
    row = change.row
    if current is None or not (row.get("note_vi") or row.get("note_en")):
        return Markup("")
    if (kept("note_vi", current.note_vi), kept("note_en", current.note_en)) != (row.get("note_vi", ""), row.get("note_en", "")):
        return Markup("")
    return Markup('<span class="mb-changes__note">{}</span>').format(L.html("changelog.note_html", note=L.pick_html(current.note_vi, current.note_en)))


def sentence(L: Lang, corpus: Corpus, change: Change, current: Figure | Target | None) -> Markup:
    """One change in words: what it is about, then what changed (its value, for an added or
    removed row), then why, when the editor's note says."""
    indicator = corpus.indicators.get(change.row.get("indicator", ""))
    unit = indicator.unit.value if indicator is not None else ""
    about = subject(L, corpus, change, linked=current is not None)
    if change.kind == "changed":
        what = Markup("; ").join(clauses(L, corpus, change, current))
    elif change.table == "targets":
        what = _target(L, unit, change.row)
    else:
        what = value_words(L, unit, change.row)
    return Markup("{}: {}.").format(about, what) + (Markup(" ") + note(L, change, current) if change.kind != "removed" else Markup(""))


# --------------------------------------------------------------------------- the page


def _report_label(L: Lang, corpus: Corpus, rid: str) -> Markup:
    report = corpus.reports.get(rid)
    if report is None:
        return escape(L.t("changelog.gone_report"))
    return Markup("{} — {}").format(L.abbr(L.report_label(report)), L.tx(report.title))


def new_column_sentences(L: Lang, release: Release) -> tuple[Markup, ...]:
    return tuple(L.html("changelog.new_columns_html", table=L.t(f"changelog.table.{table}"),
                        columns=_join(L, [escape(column(name, L.code)) for name in names]))
                 for table, names in sorted(release.new_columns.items()))


def release_view(L: Lang, corpus: Corpus, release: Release, budget: int,
                 current: Mapping[tuple[str, str], Figure | Target]) -> tuple[ReleaseView, int]:
    """A release as the page shows it, with at most `budget` sentences; returns the budget left.

    `current` holds the rows as they are now, by (table, id): a change links to its row and shows
    its note only while the row is there.
    """
    by_report: dict[str, list[Change]] = {}
    for change in release.changes:
        by_report.setdefault(change.row.get("report", ""), []).append(change)
    def weight(rid: str) -> tuple[int, int, str]:  # the reports with most corrections first
        return -sum(1 for c in by_report[rid] if c.kind != "added"), -len(by_report[rid]), rid

    order = sorted(by_report, key=weight)
    list_added = release.count("added") <= ADDED_LISTED_UP_TO
    reports = []
    for rid in order[:REPORTS_SHOWN]:
        kinds = []
        for kind in KINDS:
            changes = [c for c in by_report[rid] if c.kind == kind]
            if not changes:
                continue
            shown = min(len(changes), budget) if kind != "added" or list_added else 0
            budget -= shown
            kinds.append(KindList(kind, len(changes), tuple(sentence(L, corpus, c, current.get((c.table, c.id))) for c in changes[:shown]),
                                  len(changes) - shown))
        reports.append(ReportChanges(_report_label(L, corpus, rid), L.url(f"reports/{rid}.md") if rid in corpus.reports else "",
                                     len(by_report[rid]), tuple(kinds)))
    left = order[REPORTS_SHOWN:]
    date = dt.date.fromisoformat(release.date) if release.date else None
    return ReleaseView(release.version, date, release.previous, release.anchor, {kind: release.count(kind) for kind in KINDS},
                       len(by_report), new_column_sentences(L, release), tuple(reports),
                       len(left), sum(len(by_report[rid]) for rid in left)), budget


def release_views(L: Lang, corpus: Corpus, releases: list[Release]) -> tuple[ReleaseView, ...]:
    """Every release, newest first, sharing the page's SENTENCES_SHOWN."""
    current: dict[tuple[str, str], Figure | Target] = {("figures", f.id): f for f in corpus.figures}
    current.update({("targets", t.id): t for t in corpus.targets})
    budget = SENTENCES_SHOWN
    out = []
    for release in releases:
        view, budget = release_view(L, corpus, release, budget, current)
        out.append(view)
    return tuple(out)
