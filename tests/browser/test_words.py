"""Words, not codes (issue 19), in both languages: the changelog says each change in sentences with
values in the locale and no column name, id or ∅; the datasets pages describe fields in the page's
language, one language per heading, and offer no empty CSV; the site's name stands once in every
<title> and heading; a figure's source and a report page link to a filled-in GitHub issue."""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from ruamel.yaml import YAML

from site_builder.content.validate import validate
from site_builder.exports import places
from site_builder.publish import i18n
from tests.browser.test_mobile import OVERFLOWING
from tests.conftest import TEST_REPO

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ROOTS = {"vi": "", "en": "en/"}
CODES = re.compile(r"note_vi|note_en|period_start|period_end|target_value|\bflag\s*:|[a-z_]+=[a-z0-9_-]+|∅|\b[a-z0-9]+(?:-[a-z0-9]+)+-\d{3}\b")
OPEN_ALL = "() => document.querySelectorAll('article details').forEach(d => d.open = true)"
HEADINGS = "() => [...document.querySelectorAll('article h1, article h2, article h3, article h4, summary')].map(h => h.innerText.replace('¶', '').trim())"
EMPTY_CSV = "binh-phuoc-chi-thi-tthc.csv"  # a shipped report whose figures are not transcribed yet
FIELD_ROWS = """() => [...document.querySelectorAll('article tbody tr')].map(tr => [...tr.cells].map(c => c.innerText.trim()))
  .filter(cells => cells.length === 3 && cells[1] !== '')"""


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture(scope="module")
def corpus() -> Any:
    found, _ = validate(ROOT)
    assert found is not None
    return found


@pytest.mark.parametrize("lang,width", [("vi", 360), ("en", 1280), ("vi", 1280), ("en", 360)])
def test_the_changelog_says_each_change_in_words_and_the_locale(lang: str, width: int, new_page: Any, site_url: str,
                                                                 shipped_site: Path, corpus: Any, screenshots: Path) -> None:
    page = new_page(width=width)
    page.goto(site_url + ROOTS[lang] + "changelog/")
    page.evaluate(OPEN_ALL)
    text = page.inner_text("article")
    assert not CODES.findall(text), CODES.findall(text)[:5]
    assert page.evaluate(OVERFLOWING, width) == []
    # each value that changed how it reads (its qualifier, its period) shows as the site shows it, in this locale
    log = list(csv.DictReader((shipped_site / "downloads/changelog.csv").open(encoding="utf-8")))
    checked = 0
    for row in log:
        if row["release"] or row["table"] != "figures" or row["field"] != "qualifier":
            continue
        item = page.locator(f"article li:has(a[href$='#fig-{row['id']}'])")
        if not item.count():
            continue  # beyond the page's budget: in changelog.csv
        f = next(f for f in corpus.figures if f.id == row["id"])
        shown = i18n.quantity(f.value, corpus.indicators[f.indicator].unit.value, lang)
        said = item.first.inner_text()
        assert f"{i18n.t('changelog.field.value', lang)} {shown} →" in said and i18n.t(f"mark.{row['after']}", lang) in said, said
        checked += 1
    assert checked
    # and the flags in words, with their explanation one tap away
    assert i18n.t("changelog.flag.inconsistent", lang) in text
    assert page.locator("article li .mb-mark--inconsistent").count()  # a button once the script runs (setupMarks)
    page.screenshot(path=str(screenshots / f"words-changelog-{lang}-{width}.png"))


def schema_fields(package: str) -> list[dict[str, Any]]:
    folder = ROOT / "datapackages" / package
    desc = YAML(typ="safe").load((folder / "datapackage.yaml").read_text(encoding="utf-8"))
    schema = desc["resources"][0]["schema"]
    return list((YAML(typ="safe").load((folder / schema).read_text(encoding="utf-8")) if isinstance(schema, str) else schema)["fields"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_datasets_pages_speak_the_page_s_language_and_offer_no_empty_csv(lang: str, new_page: Any, site_url: str, screenshots: Path) -> None:
    key = "description_vi" if lang == "vi" else "description"
    expected = {package: {f["name"]: " ".join(f[key].split()) for f in schema_fields(package)} for package in ("cchc-figures", "directive-targets")}
    columns = {c.vi if lang == "vi" else c.en for c in (*places.NAMED_COLUMNS, *places.UNIT_COLUMNS)}
    page = new_page(width=1280, javascript=False)
    twins = {}
    for path in ("datasets/", "datasets/cchc-figures/", "changelog/", ""):
        for code in ("vi", "en"):
            page.goto(site_url + ROOTS[code] + path)
            twins[code] = page.evaluate(HEADINGS)
        for code, other in (("vi", "en"), ("en", "vi")):
            # the other page's own words (a name is the same on both, and may stand in either)
            theirs = [h for h in twins[other] if len(h.split()) > 1 and h not in twins[code]]
            assert not [h for h in twins[code] if " / " in h or any(t in h for t in theirs)], (path, code)
    for path in ("datasets/", "datasets/cchc-figures/", "datasets/directive-targets/"):
        page.goto(site_url + ROOTS[lang] + path)
        page.evaluate(OPEN_ALL)
        rows = page.evaluate(FIELD_ROWS)
        package = path.split("/")[1]
        if package:  # a dataset's page: exactly its schema's descriptions, in this language
            assert {name: text for name, _, text in rows} == expected[package], path
        else:  # the index: every package's fields and the place downloads' columns
            assert rows and {text for _, _, text in rows} <= columns | {t for fields in expected.values() for t in fields.values()}
        assert page.locator(f"article a[href$='{EMPTY_CSV}']").count() == 0, path
        assert page.locator("article a[href$='.csv']").count()  # the other files still are
    page.screenshot(path=str(screenshots / f"words-dataset-{lang}.png"), full_page=True)


NOT_FOUND = "404.html"  # one for the whole site, in both languages
PAGE_TYPES = ("", "units/", "units/loc-ninh/", "reports/", "reports/dak-nong-vp-ubnd-2021-q3/", "reports/dak-nong-vp-ubnd-2021-q3-source/",
              "indicators/", "indicators/share-online/", "datasets/", "datasets/cchc-figures/", "changelog/", "api/", "targets/",
              "glossary/", "about/", NOT_FOUND)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_site_s_name_stands_once_in_every_title_and_heading(lang: str, new_page: Any, site_url: str) -> None:
    page = new_page(javascript=False)
    for path in PAGE_TYPES:
        page.goto(site_url + (path if path == NOT_FOUND else ROOTS[lang] + path))
        title, h1 = page.title(), page.locator("h1").first.inner_text()
        assert title.count(i18n.BRAND) == 1, (path, title)
        assert h1.count(i18n.BRAND) <= 1 and not (path == "" and i18n.BRAND in h1), (path, h1)  # the header beside it names the site


@pytest.mark.parametrize("lang,width", [("vi", 360), ("en", 1280)])
def test_a_figure_and_its_report_link_to_a_filled_in_issue(lang: str, width: int, new_page: Any, site_url: str, screenshots: Path) -> None:
    rid, fid = "dak-nong-vp-ubnd-2021-q3", "dak-nong-vp-ubnd-2021-q3-020"
    address = f"{ROOTS[lang]}reports/{rid}/"  # no site_url in the shipped configuration: the path from the site's root
    page = new_page(width=width, touch=width < 600)
    page.goto(f"{site_url}{address}#fig-{fid}")
    link = page.locator("details.mb-src[open] .mb-src__report a")
    assert link.is_visible() and link.inner_text() == i18n.t("report_error.figure", lang)
    href = link.get_attribute("href")
    assert href.startswith(f"{TEST_REPO}/issues/new?")
    filled = query(href)
    assert fid in filled["title"] and f"{address}#fig-{fid}" in filled["body"]
    assert f"{i18n.t('figure_id', lang)}: {fid}" in filled["body"] and "{" not in filled["body"]
    what = page.locator("details.mb-src[open] .mb-src__what").inner_text()
    assert what.split(" — ")[0].strip() in filled["body"]  # the value as the page shows it
    report = query(page.locator("#mb-report-error").get_attribute("href"))
    assert address in report["body"] and "#fig-" not in report["body"]
    assert page.mb_errors == []
    page.screenshot(path=str(screenshots / f"words-report-error-{lang}-{width}.png"))
    # without the script, a figure's link leads to the report's, which needs none
    static = new_page(width=width, javascript=False)
    static.goto(f"{site_url}{address}")
    assert static.locator(".mb-src__report a").first.get_attribute("href") == "#mb-report-error"
    assert query(static.locator("#mb-report-error").get_attribute("href")) == report
