"""Each document's curated figures, as they appear on the rendered report pages in both languages."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.publish import i18n

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(Path(__file__).parent.glob("test_*.py"))


def curated() -> list[tuple[str, tuple]]:
    out = []
    for path in MODULES:
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for item in getattr(module, "CURATED", []):
            out.append((module.REPORT_ID, tuple(item)))
    return out


def indicator_units() -> dict[str, str]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"))["unit"] for p in (ROOT / "content/indicators").glob("*.yaml")}


CASES = curated()


def visible(element) -> str:
    """An element's text as displayed: screen-reader-only words removed, white space (NBSP too) collapsed."""
    for hidden in element.select(".mb-sr-only"):
        hidden.decompose()
    return " ".join(element.get_text().split())


def test_there_are_curated_figures_for_the_documents() -> None:
    reports = {rid for rid, _ in CASES}
    assert {"loc-ninh-pci-2020", "tuy-phong-cchc-2011-2020", "dak-nong-vp-ubnd-2021-q3", "binh-son-binh-phuoc-2023"} <= reports


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_curated_figures_on_report_pages(shipped_site: Path, lang: str) -> None:
    units = indicator_units()
    rows: dict[str, list[dict]] = {}
    for path in (ROOT / "datapackages/cchc-figures/data").glob("*.csv"):
        rows[path.stem] = list(csv.DictReader(path.open(encoding="utf-8")))
    pages: dict[str, BeautifulSoup] = {}
    checked = 0
    for rid, (indicator, unit, period, breakdown, value) in CASES:
        prefix = "" if lang == "vi" else "en/"
        if rid not in pages:  # setdefault would parse the page again for every figure
            pages[rid] = BeautifulSoup((shipped_site / f"{prefix}reports/{rid}/index.html").read_text(encoding="utf-8"), "lxml")
        soup = pages[rid]
        matches = [r for r in rows[rid] if (r["indicator"], r["unit"], r["period"], r["breakdown"]) == (indicator, unit, period, breakdown)]
        assert matches, (rid, indicator, unit, period, breakdown)
        # the value as a visitor reads it in the figure's source (what its value opens), with its
        # qualifier's mark ("> 80", "6,648 million VND (est.)"); the words for screen readers are left out
        expected = [i18n.t("missing_value", lang) if value is None
                    else " ".join(i18n.qualified(float(value), units[indicator], lang, r["qualifier"]).split()) for r in matches]
        shown = [visible(soup.find(id=f"fig-{r['id']}").select_one(".mb-src__what strong")) for r in matches]
        assert any(e == s for e, s in zip(expected, shown)), (rid, indicator, period, breakdown, expected, shown)
        checked += 1
    assert checked == len(CASES)
