"""Validate the whole project and assemble the corpus the build works from.

Input: the project root. Output: a `Corpus` (None when there are errors) and all findings.
"""
from __future__ import annotations

import time
from pathlib import Path

from site_builder.content import consistency
from site_builder.content.corpus import Corpus, Figure, Package
from site_builder.error_types import FIGURES_DISAGREE, FLAG_UNEXPLAINED, IDENTITY_BROKEN, SHARE_FORMULA, UNKNOWN_FILE, UNKNOWN_FOLDER
from site_builder.errors import Findings, Problem
from site_builder.content.load import Content, load_content
from site_builder.content.packages import load_packages
from site_builder.content.quickpass import start_quick_verdicts
from site_builder.content.readings import unused_readings
from site_builder.content.releases import load_releases
from site_builder.content.settings import load_settings


def validate(root: Path, timings: dict[str, float] | None = None) -> tuple[Corpus | None, Findings]:
    """Check everything, collecting every problem; return the corpus only when there is no error.

    `timings`, when given, receives the seconds spent loading content/ ("load") and validating
    the data packages ("validate").
    """
    findings = Findings()
    t = time.perf_counter()
    verdicts = start_quick_verdicts(root)  # the CSVs' quick pass, on the other core while content/ loads
    content, problems = load_content(root)
    findings.extend(problems)
    t1 = time.perf_counter()
    packages, figures, targets, problems = load_packages(root, content, verdicts)
    findings.extend(problems)
    if timings is not None:
        timings["load"], timings["validate"] = t1 - t, time.perf_counter() - t1
    findings.extend(consistency_problems(figures, content, packages))
    for rid, doc in sorted(content.reading_files.items()):
        quoted = [f.quote for f in figures if f.report == rid] + [t.quote for t in targets if t.report == rid]
        findings.extend(unused_readings(rid, doc, quoted))
    findings.extend(_orphans(root, content))
    settings, problems = load_settings(root)
    findings.extend(problems)
    releases, problems = load_releases(root)
    findings.extend(problems)
    if findings.errors or settings is None:
        return None, findings
    corpus = Corpus(
        root=root,
        units=dict(sorted(content.units.items())),
        indicators=dict(sorted(content.indicators.items())),
        reports=dict(sorted(content.reports.items(), key=lambda kv: (kv[1].period.start or kv[1].period.end, kv[0]))),
        pages=dict(sorted(content.pages.items())),
        breakdowns=dict(sorted(content.breakdowns.items())),
        maps=dict(sorted(content.maps.items())),
        glossary=tuple(sorted(content.glossary, key=lambda t: t.term.casefold())),
        packages=packages,
        figures=tuple(sorted(figures, key=lambda f: f.id)),
        targets=tuple(sorted(targets, key=lambda t: t.id)),
        sources=content.sources,
        readings=dict(sorted(content.readings.items())),
        digests=dict(sorted(content.digests.items())),
        settings=settings,
        releases=releases,
    )
    return corpus, findings


def _orphans(root: Path, content: Content) -> list[Problem]:
    """Files in content/ that no loader reads are almost always a misplaced file."""
    known = {"units", "indicators", "reports", "breakdowns", "pages", "glossary", "sources", "maps"}
    out = []
    base = root / "content"
    for item in sorted(base.iterdir()) if base.is_dir() else []:
        if item.name.startswith("."):
            continue
        if item.is_dir() and item.name not in known:
            out.append(UNKNOWN_FOLDER.at(f"content/{item.name}", 0, 0, known=", ".join(sorted(known))))
        elif item.is_file() and item.name != "README.md":
            out.append(UNKNOWN_FILE.at(f"content/{item.name}", 0, 0))
    return out


def facts(figures: list[Figure]) -> list[consistency.Fact]:
    """The figures the consistency checks can do arithmetic with: a value, and no qualifier."""
    return [consistency.Fact(f.id, f.unit, f.indicator, f.period, f.breakdown, f.value, f.printed or consistency.printed(f.value), f.flag)
            for f in figures if f.value is not None and f.status == "reported" and not f.qualifier.value]


def consistency_problems(figures: list[Figure], content: Content, packages: dict[str, Package]) -> list[Problem]:
    """Figures that disagree with each other or with the catalogue's identities, each a warning
    placed on one of its rows and naming them all; unless a flag on one of them already says so."""
    if not figures:
        return []
    where = {(name, r.name): r.source for name, pkg in packages.items() for r in pkg.resources}
    by_id = {f.id: f for f in figures}
    found = consistency.check(facts(figures), consistency.relations(content.indicators), content.indicators, content.breakdowns)
    out: list[Problem] = []
    explained: set[str] = set()
    for finding in found:
        if finding.severity == consistency.ROUNDING:
            explained.update(f.id for f in finding.rows)
        if finding.silenced:
            continue
        head = by_id[finding.rows[0].id]
        name = (finding.relation.name.en or finding.relation.name.vi) if finding.relation else ""
        rows = ", ".join(f.id for f in finding.rows)
        unit, period, detail, breakdown = head.unit, head.period, finding.detail, f" ({head.breakdown})" if head.breakdown else ""
        rounding = finding.severity == consistency.ROUNDING
        if finding.kind == "duplicate":
            message = (FIGURES_DISAGREE.message(variant="rounding", indicator=head.indicator, unit=unit, period=period, breakdown=breakdown, detail=detail) if rounding
                       else FIGURES_DISAGREE.message(indicator=head.indicator, unit=unit, period=period, breakdown=breakdown, detail=detail))
        elif finding.kind == "share":  # a share within rounding of its formula is no finding
            message = SHARE_FORMULA.message(name=name, detail=detail, unit=unit, period=period, breakdown=breakdown, rows=rows)
        else:
            message = (IDENTITY_BROKEN.message(variant="rounding", name=name, detail=detail, unit=unit, period=period, breakdown=breakdown, rows=rows) if rounding
                       else IDENTITY_BROKEN.message(name=name, detail=detail, unit=unit, period=period, breakdown=breakdown, rows=rows))
        out.append(message.at(where.get((head.dataset, head.resource), head.dataset), head.line, head.columns[0], "value"))
    for f in figures:
        if f.flag == "rounding" and f.id not in explained:
            out.append(FLAG_UNEXPLAINED.at(where.get((f.dataset, f.resource), f.dataset), f.line, f.columns[1], "flag"))
    return out

