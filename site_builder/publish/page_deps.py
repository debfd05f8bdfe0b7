"""Which pages an edit changes: a rebuild renders those and keeps the others' Markdown.

An editor's pull request changes a report or a few figures; the site has tens of thousands of
pages, and rendering them is most of a rebuild's Python. A page of a report, a unit or an
indicator shows only what it reads, so after an edit that touched only some reports the others'
pages are as they were:

- a report's own pages (reports/<id>.md, reports/<id>-source.md);
- every unit of the provinces its figures are about (a unit page shows its figures, its sums of
  the units below, its rank among the province's units of its level, the reports below it), and
  the units the 2025 reorganisation merged into them or them into;
- every indicator its figures are of, and those whose formula or identities name one of them
  (a share recomputed from a count; a sum of parts).

Every other page (home, lists, datasets, changelog, API, glossary, compare, about) is rendered
each time: they are few. Anything else that pages read (units, indicators, breakdowns, glossary,
other datasets, targets, settings, releases, the templates and this package's code) goes into one
digest; when it changes, every page is rendered.

`PageState` is what one build leaves for the next (in build/state.json, publish/build.LastBuild);
`touched` compares two and names the reports, units and indicators to make again, `pages_of` their
pages. Their charts are made again with their pages; their downloads read what their pages read,
and the data's version and dates besides (exports/downloads.downloads_key). Tests render, draw and
write after edits both ways and require the same Markdown and the same files.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder.content.corpus import Corpus, Figure
from site_builder.publish.lists import province_of

STATE_VERSION = 1
CODE = Path(__file__).resolve().parents[1]  # site_builder/: a change to the code renders everything


@dataclass(frozen=True)
class PageState:
    """What decides the pages of one build: a digest of everything shared, and per report its
    digest and what its figures touch."""

    shared: str
    reports: dict[str, str]  # report id -> digest of its YAML, source text and figures
    provinces: dict[str, tuple[str, ...]]  # report id -> the provinces its figures and header are about
    indicators: dict[str, tuple[str, ...]]  # report id -> the indicators of its figures

    def to_json(self) -> str:
        return json.dumps({"version": STATE_VERSION, "shared": self.shared, "reports": self.reports,
                           "provinces": self.provinces, "indicators": self.indicators}, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> PageState | None:
        """The state a build left; None when it is unreadable or of another version (render everything)."""
        try:
            data = json.loads(text)
            if data.get("version") != STATE_VERSION:
                return None
            return PageState(str(data["shared"]), dict(data["reports"]),
                             {k: tuple(v) for k, v in data["provinces"].items()}, {k: tuple(v) for k, v in data["indicators"].items()})
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def _digest(parts: Iterable[str | bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def code_digest(templates: Path, code: Path = CODE) -> str:
    """The templates and the package's Python: what renders every page."""
    files = sorted(p for folder in (templates, code) for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _digest(part for p in files for part in (p.as_posix(), p.read_bytes()))


def page_state(corpus: Corpus, code: str) -> PageState:
    """The state of this corpus: `code` is `code_digest` of this build."""
    by_report: dict[str, list[Figure]] = {}
    for f in corpus.figures:
        by_report.setdefault(f.report, []).append(f)
    figure_sets = {f.dataset for f in corpus.figures}
    # a report's YAML, source text and readings are its own (in its digest below), not shared
    report_files = {f"content/{kind}/{rid}{ext}" for rid in corpus.reports
                    for kind, ext in (("reports", ".yaml"), ("reports", ".yml"), ("sources", ".txt"), ("sources", ".readings.yaml"))}
    shared = _digest([
        code,
        *(f"{path}={digest}" for path, digest in sorted(corpus.digests.items()) if path not in report_files),
        *(f"{name}={p.digest}" for name, p in sorted(corpus.packages.items()) if name not in figure_sets),
        repr(corpus.targets), repr(corpus.settings), repr(corpus.releases), repr(sorted(corpus.maps)),
        repr(corpus.glossary), repr(sorted(corpus.breakdowns)),
        "\n".join(corpus.units), "\n".join(corpus.indicators), "\n".join(corpus.reports),  # order matters to lists
    ])
    reports, provinces, indicators = {}, {}, {}
    for rid, report in corpus.reports.items():
        figures = by_report.get(rid, [])
        reports[rid] = _digest([corpus.digest_of("reports", rid), repr(report), corpus.sources.get(rid, ""),
                                repr(sorted(corpus.readings.get(rid, {}).items())), *map(repr, figures)])
        units = {f.unit for f in figures} | {report.unit, report.issuer}
        provinces[rid] = tuple(sorted({province_of(corpus, u) for u in units if u in corpus.units}))
        indicators[rid] = tuple(sorted({f.indicator for f in figures}))
    return PageState(shared, reports, provinces, indicators)


def _partners(corpus: Corpus) -> dict[str, set[str]]:
    """Indicators whose definitions name each other (a formula, an identity): both ways."""
    ids = set(corpus.indicators)
    out: dict[str, set[str]] = {i: {i} for i in ids}
    for iid, ind in corpus.indicators.items():
        named = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", json.dumps(ind.model_dump(mode="json", include={"formula", "identities"})))) & ids
        for other in named:
            out[iid].add(other)
            out[other].add(iid)
    return out


@dataclass(frozen=True)
class Touched:
    """What an edit touches: the reports it changed, the units and indicators whose pages and
    downloads show something of them. Everything else of theirs is as the last build made it."""

    reports: frozenset[str]
    units: frozenset[str]
    indicators: frozenset[str]

    def __call__(self, kind: str, oid: str) -> bool:
        """Whether the object `oid` of `kind` ("report", "unit", "indicator") must be made again."""
        return oid in {"report": self.reports, "unit": self.units, "indicator": self.indicators}[kind]


def touched(old: PageState | None, new: PageState, corpus: Corpus) -> Touched | None:
    """What changed between two states; None when everything must be made again (no state, or
    something shared changed)."""
    if old is None or old.shared != new.shared:
        return None
    changed = {rid for rid in set(old.reports) | set(new.reports) if old.reports.get(rid) != new.reports.get(rid)}
    touched_provinces = {p for rid in changed for p in (*old.provinces.get(rid, ()), *new.provinces.get(rid, ()))}
    touched_indicators = {i for rid in changed for i in (*old.indicators.get(rid, ()), *new.indicators.get(rid, ()))}
    partners = _partners(corpus)
    indicators = {p for i in touched_indicators for p in partners.get(i, {i})}
    units = {u for u in corpus.units if province_of(corpus, u) in touched_provinces}
    # the reorganisation of 2025 links units across provinces: a merged unit's page and its successor's
    for uid, unit in corpus.units.items():
        fate = unit.reorganisation_2025
        if fate and fate.successor and (uid in units or fate.successor in units):
            units |= {uid, fate.successor}
            units |= {a.id for u in (uid, fate.successor) if u in corpus.units for a in corpus.ancestors(u)}
    return Touched(frozenset(changed), frozenset(units), frozenset(indicators))


def pages_of(edit: Touched, corpus: Corpus) -> Callable[[str], bool]:
    """The pages to render after `edit`: a predicate on Markdown paths (every page that is not a
    unit's, report's or indicator's own is rendered each time)."""
    report_pages = {f"reports/{rid}.md" for rid in edit.reports} | {f"reports/{rid}-source.md" for rid in edit.reports}
    unit_pages = {f"units/{u}.md" for u in edit.units}
    indicator_pages = {f"indicators/{i}.md" for i in edit.indicators}
    own_pages = ({f"reports/{rid}.md" for rid in corpus.reports} | {f"reports/{rid}-source.md" for rid in corpus.reports}
                 | {f"units/{u}.md" for u in corpus.units} | {f"indicators/{i}.md" for i in corpus.indicators})
    render = report_pages | unit_pages | indicator_pages

    def wanted(path: str) -> bool:
        return path not in own_pages or path in render
    return wanted
