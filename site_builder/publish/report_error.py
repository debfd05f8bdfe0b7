"""Report an error: links that open a new issue of the project's repository, filled in.

A reader who finds a wrong figure should not have to describe where it is. When mkdocs.yml names
the GitHub repository (`repo_url`, Material's key), a report page links to `<repo>/issues/new`
with a title and a body in the page's language: the source document and the page's address
(absolute when `site_url` is set, else its path from the site's root). Each figure's source on
the page has its own link, whose issue adds the figure's id and what its source says it is:
value as shown, indicator, breakdown, period, and its unit. Without `repo_url` the site shows no
such link, not a dead one.

A province's report lists hundreds of figures, and a filled-in address is over a kilobyte once
encoded, nearly all of it the same for every figure. So the report's link carries the figure
issue's title and body with two blanks, {id} and {figure}, and assets/minhbach.js
(setupIssueLinks) fills them with each figure's id and the line its source shows ("7.447 — Hồ sơ
tiếp nhận, Quý III/2021"), then sets the figure's link. Without the script a figure's link leads
to the report's, which still names the page.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from site_builder.content.model import Report, Unit
from site_builder.publish import i18n
from site_builder.publish.engine import SiteAddress
from site_builder.publish.lang import Lang, page_url, site_path

ID, FIGURE = "{id}", "{figure}"  # the blanks of a figure issue's title and body


def issue_url(repo: str, title: str, body: str) -> str:
    """GitHub's form for a new issue with its title and body filled in, every character encoded."""
    return f"{repo}/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)


def page_address(site: SiteAddress, lang: i18n.Lang, page: str, anchor: str = "") -> str:
    """Where a page is: its full URL when site_url is set, else its path from the site's root."""
    path = site_path(lang, page_url(page)) + (f"#{anchor}" if anchor else "")
    return f"{site.url}{path}" if site.url else (path or "./")


@dataclass(frozen=True)
class IssueLinks:
    """A report page's links, as the page carries them."""

    report: str  # the report's new-issue URL
    form: str  # JSON {"url": <repo>/issues/new, "title": with {id}, "body": with {id} and {figure}}, for the script


def _line(L: Lang, label: str, value: str) -> str:
    return f"{L.t(label)}: {value}"


def _body(L: Lang, lines: list[str]) -> str:
    """The issue's lines, then the question the reporter answers."""
    return "\n".join(lines) + f"\n\n{L.t('report_error.describe')}\n"


def issue_links(L: Lang, site: SiteAddress, report: Report, unit: Unit | None, mixed: bool) -> IssueLinks | None:
    """The links of a report's page (the page `L` renders); None without repo_url.

    `unit` is the unit the page's figures are about: a figure's source names its unit only when
    it is another (`mixed`), so the figure issue names the page's unit, and says so when mixed.
    """
    if not site.repo:
        return None
    page = f"reports/{report.id}.md"
    source = _line(L, "source_report", f"{L.report_label(report)} — {L.tx_plain(report.title)}")
    lines = [_line(L, "figure_id", ID), _line(L, "report_error.figure_label", FIGURE)]
    if unit is not None:
        about = L.tx_plain(unit.name) + (f" ({L.t('figures_about_others')})" if mixed else "")
        lines.append(_line(L, "figures_about" if mixed else "unit", about))
    lines += [_line(L, "report_error.page", page_address(site, L.code, page, f"fig-{ID}")), source]
    form = {"url": f"{site.repo}/issues/new", "title": L.t("report_error.figure_title"), "body": _body(L, lines)}
    title = L.t("report_error.report_title").replace("{label}", L.report_label(report))
    return IssueLinks(report=issue_url(site.repo, title, _body(L, [source, _line(L, "report_error.page", page_address(site, L.code, page))])),
                      form=json.dumps(form, ensure_ascii=False))
