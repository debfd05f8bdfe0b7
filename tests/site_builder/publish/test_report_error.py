"""Report an error: repo_url read from mkdocs.yml, GitHub's new-issue form filled in and encoded,
the page's address absolute with site_url and from the site's root without; no link without a
repository."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.compute.derive import compute
from site_builder.content.validate import validate
from site_builder.compute.changelog import history
from site_builder.publish import i18n
from site_builder.publish.engine import SiteAddress, mkdocs_config, site_address
from tests.site_builder.publish.mkdocs_yml import mkdocs_yml
from site_builder.publish.lang import Lang
from site_builder.publish.pages import render_site
from site_builder.publish.report_error import ID, FIGURE, issue_links, issue_url, page_address

ROOT = Path(__file__).resolve().parents[3]
REPO = "https://github.com/example/minh-bach"


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_the_form_is_encoded_whole_and_reads_back() -> None:
    title, body = "Lỗi số liệu a-001 & b", "Giá trị: ≈ 7.447\nTrang: https://x.vn/reports/a/#fig-a-001?x=1"
    url = issue_url(REPO, title, body)
    assert url.startswith(f"{REPO}/issues/new?title=") and " " not in url and "\n" not in url and "#" not in url
    assert query(url) == {"title": title, "body": body}


def test_repo_url_is_read_when_it_is_a_web_address_and_not_handed_to_the_theme(tmp_path: Path) -> None:
    assert site_address({"repo_url": REPO + "/"}).repo == REPO
    assert site_address({"repo_url": "git@github.com:example/minh-bach.git"}).repo is None  # would make every link a dead one
    assert site_address({}).repo is None
    (tmp_path / "templates").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nrepo_url: {REPO}\ntheme:\n  name: material\n  custom_dir: templates\n", encoding="utf-8")
    assert "repo_url" not in mkdocs_config(tmp_path, mkdocs_yml(tmp_path), "vi", tmp_path / "docs", tmp_path / "site")


@pytest.mark.parametrize("url,lang,expected", [
    (None, "vi", "reports/a/#fig-a-001"),
    (None, "en", "en/reports/a/#fig-a-001"),
    ("https://minhbach.vn/", "en", "https://minhbach.vn/en/reports/a/#fig-a-001"),
])
def test_the_page_address_is_absolute_only_with_site_url(url: str | None, lang: i18n.Lang, expected: str) -> None:
    assert page_address(SiteAddress(url, ""), lang, "reports/a.md", "fig-a-001") == expected


def test_a_report_page_has_the_report_s_form_and_a_figure_form_with_blanks() -> None:
    corpus, _ = validate(ROOT)
    assert corpus is not None
    report = next(r for r in corpus.reports.values() if r.number)
    unit = corpus.units[report.unit]
    assert issue_links(Lang("vi", f"reports/{report.id}.md"), SiteAddress(None, ""), report, unit, False) is None
    site = SiteAddress("https://minhbach.vn/", "", REPO)
    for code in ("vi", "en"):
        L = Lang(code, f"reports/{report.id}.md")
        links = issue_links(L, site, report, unit, mixed=False)
        assert links is not None
        here = page_address(site, code, f"reports/{report.id}.md")
        filled = query(links.report)
        assert report.number in filled["title"] and here in filled["body"] and L.tx_plain(report.title) in filled["body"]
        form = json.loads(links.form)
        assert form["url"] == f"{REPO}/issues/new" and ID in form["title"]
        assert f"{here}#fig-{ID}" in form["body"] and FIGURE in form["body"] and L.tx_plain(unit.name) in form["body"]
        mixed = json.loads(issue_links(L, site, report, unit, mixed=True).form)
        assert i18n.t("figures_about_others", code) in mixed["body"]


def test_report_pages_carry_the_links_only_when_a_repository_is_named(minimal: Path) -> None:
    corpus, _ = validate(minimal)
    assert corpus is not None
    computed = compute(corpus)
    rid = next(iter(corpus.reports))
    figures = len(computed.figures_by_report[rid])
    plain = render_site(corpus, computed, history(corpus), "vi", minimal / "templates")[f"reports/{rid}.md"]
    assert "mb-report-error" not in plain and "issues/new" not in plain
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {REPO}\n", encoding="utf-8")
    corpus, _ = validate(minimal)  # the settings are read once, with everything else
    assert corpus is not None and corpus.settings.repo_url == REPO
    page = render_site(corpus, computed, history(corpus), "en", minimal / "templates")[f"reports/{rid}.md"]
    assert page.count('id="mb-report-error"') == 1 and f'href="{REPO}/issues/new?title=' in page
    assert page.count('<a href="#mb-report-error">') == figures  # every figure's source, leading to the report's link without the script
    assert page.count(i18n.t("report_error.figure", "en")) == figures
