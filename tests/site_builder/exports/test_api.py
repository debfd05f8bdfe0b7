"""The static JSON API: every response valid against its published schema, and equal to the data."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup

from site_builder.exports.api import SCHEMAS
from site_builder.compute.tables import typed

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_OF = {"index.json": "index", "units.json": "units", "indicators.json": "indicators", "reports.json": "reports",
             "units": "unit", "indicators": "indicator", "reports": "report"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_for(api: Path, path: Path) -> str:
    rel = path.relative_to(api).as_posix()
    return SCHEMA_OF[rel if "/" not in rel else rel.split("/")[0]]


def package_rows() -> dict[str, dict[str, str]]:
    return {r["id"]: r for p in (ROOT / "datapackages/cchc-figures/data").glob("*.csv") for r in csv.DictReader(p.open(encoding="utf-8"))}


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_published_schemas_are_valid_json_schema(shipped_site: Path) -> None:
    folder = shipped_site / "api/schema"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(SCHEMAS)
    for path in folder.glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(load(path))


def test_every_response_validates_against_its_schema(shipped_site: Path) -> None:
    api = shipped_site / "api"
    files = [p for p in api.rglob("*.json") if "schema" not in p.relative_to(api).parts]
    assert len(files) == 4 + len(list((ROOT / "content/units").glob("*.yaml"))) + len(list((ROOT / "content/indicators").glob("*.yaml"))) + len(list((ROOT / "content/reports").glob("*.yaml")))
    validators = {name: jsonschema.Draft202012Validator(load(api / "schema" / f"{name}.json"), format_checker=jsonschema.FormatChecker()) for name in SCHEMAS}
    for path in files:
        name = schema_for(api, path)
        doc = load(path)
        errors = sorted(validators[name].iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, (path.relative_to(shipped_site).as_posix(), [f"{list(e.path)}: {e.message}" for e in errors[:3]])
        assert doc["meta"]["schema"] == f"api/schema/{name}.json"


def test_lists_match_the_content(shipped_site: Path) -> None:
    for kind in ("units", "indicators", "reports"):
        doc = load(shipped_site / f"api/{kind}.json")
        assert sorted(x["id"] for x in doc[kind]) == sorted(p.stem for p in (ROOT / "content" / kind).glob("*.yaml"))
        for item in doc[kind]:
            assert (shipped_site / item["api"]).is_file()
            assert (shipped_site / item["page"]["vi"] / "index.html").is_file() and (shipped_site / item["page"]["en"] / "index.html").is_file()
            if item["csv"]:
                assert (shipped_site / item["csv"]).is_file()


def _check_figures(site: Path, figures: list[dict], rows: dict[str, dict[str, str]]) -> None:
    for f in figures:
        row = rows[f["id"]]
        assert f["value"] == typed("number", row["value"])
        assert (f["unit"], f["indicator"], f["report"], f["period"], f["status"]) == (row["unit"], row["indicator"], row["report"], row["period"], row["status"])
        assert f["breakdown"] == (row["breakdown"] or None) and f["flag"] == (row["flag"] or None)
        assert f["provenance"]["quote"] == row["quote"] and f["provenance"]["locator"] == row["locator"]


def test_unit_responses_equal_the_unit_csv(shipped_site: Path) -> None:
    rows = package_rows()
    for path in (shipped_site / "api/units").glob("*.json"):
        doc = load(path)
        uid = doc["unit"]["id"]
        assert uid == path.stem
        if doc["unit"]["csv"] is None:
            assert doc["figures"] == []
            continue
        assert [f["id"] for f in doc["figures"]] == [r["id"] for r in read_csv(shipped_site / doc["unit"]["csv"])]
        assert doc["unit"]["figures"] == len(doc["figures"])
        _check_figures(shipped_site, doc["figures"], rows)
    centre = load(shipped_site / "api/units/dak-nong-tt-hcc.json")
    received = [f for f in centre["figures"] if f["indicator"] == "dossiers-received" and f["breakdown"] is None]
    assert [f["value"] for f in received] == [7447]
    assert centre["ancestors"] == ["dak-nong", "dak-nong-vp-ubnd"]
    assert centre["unit"]["reorganisation_2025"]["successor"] == "lam-dong"
    by_phone = next(f for f in centre["figures"] if f["breakdown"] == "channel=outgoing-call")
    assert by_phone["breakdown_name"] == {"vi": "Kênh: cuộc gọi đi", "en": "Channel: outgoing calls"}
    assert all((f["breakdown"] is None) == (f["breakdown_name"] is None) for f in centre["figures"])


def test_indicator_and_report_responses_equal_their_csv(shipped_site: Path) -> None:
    rows = package_rows()
    for kind in ("indicators", "reports"):
        for path in (shipped_site / "api" / kind).glob("*.json"):
            doc = load(path)
            item = doc[kind[:-1]]
            csv_ids = [r["id"] for r in read_csv(shipped_site / item["csv"])] if item["csv"] else []
            assert [f["id"] for f in doc["figures"]] == csv_ids, path.name
            _check_figures(shipped_site, doc["figures"], rows)
    share = load(shipped_site / "api/indicators/share-online.json")
    assert any(d["unit"] == "dak-nong-tt-hcc" and round(d["value"], 1) == 72.3 for d in share["derived"])


def test_provenance_points_at_the_quote_on_the_report_page(shipped_site: Path) -> None:
    doc = load(shipped_site / "api/units/dak-nong-tt-hcc.json")
    for f in doc["figures"][:10]:
        for lang in ("vi", "en"):
            target, _, anchor = f["provenance"]["page"][lang].partition("#")
            html = BeautifulSoup((shipped_site / target / "index.html").read_text(encoding="utf-8"), "lxml")
            block = html.find(id=anchor)
            assert block is not None
            # an OCR quote shows its restored reading, the verbatim quote behind a disclosure
            reading, quote = f["provenance"]["quote_reading"], f["provenance"]["quote"]
            assert " ".join(block.find("blockquote").get_text().split()) == " ".join((reading or quote).split())
            if reading:
                assert " ".join(block.select_one("details.mb-ocr blockquote").get_text().split()) == " ".join(quote.split())


def test_targets_and_index(shipped_site: Path) -> None:
    targets = list(csv.DictReader((ROOT / "datapackages/directive-targets/data/targets.csv").open(encoding="utf-8")))
    unit = load(shipped_site / "api/units/binh-phuoc.json")
    assert sorted(t["id"] for t in unit["targets"]) == sorted(t["id"] for t in targets if t["unit"] == "binh-phuoc")
    index = load(shipped_site / "api/index.json")
    for ds in index["datasets"]:
        assert all((shipped_site / p).is_file() for p in ds["files"].values())
        assert ds["version"] in ds["citation"]
    assert all((shipped_site / p).is_file() for p in index["bundle"].values())


def test_api_page_documents_every_endpoint_in_both_languages(shipped_site: Path) -> None:
    for lang in ("", "en/"):
        html = BeautifulSoup((shipped_site / f"{lang}api/index.html").read_text(encoding="utf-8"), "lxml")
        text = html.get_text()
        for name in SCHEMAS:
            assert html.find(id=f"api-{name}") is not None, name
            assert f"api/schema/{name}.json" in text
        for a in html.select("table a"):
            assert ((shipped_site / f"{lang}api") / a["href"]).resolve().is_file(), a["href"]
        blocks = [json.loads(code.get_text()) for code in html.select("code.language-json")]
        assert len(blocks) == 2 * len(SCHEMAS)
    nav = BeautifulSoup((shipped_site / "en/index.html").read_text(encoding="utf-8"), "lxml").get_text()
    assert "Data API" in nav
