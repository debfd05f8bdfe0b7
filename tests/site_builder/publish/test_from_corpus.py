"""Everything after validation is made from the corpus: with content/ and datapackages/ moved away
once validated, the whole site still builds, every dataset and download with it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from site_builder.content.validate import validate
from site_builder.publish.build import BuildResult, Paths, Stages, publish


def test_the_site_builds_from_the_corpus_alone(third_party_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    shutil.copytree(third_party_root, root, ignore=shutil.ignore_patterns("build", "site"))
    corpus, findings = validate(root)
    assert corpus is not None and not findings.errors
    away = tmp_path / "away"
    away.mkdir()
    for folder in ("content", "datapackages"):
        shutil.move(root / folder, away / folder)
    stages = Stages(lambda s: None)
    result = publish(corpus, BuildResult(findings, stages.timings), Paths(root, root / "site"), stages)
    site = result.site
    assert site is not None and not (root / "content").exists() and not (root / "datapackages").exists()
    for page in ("index.html", "en/index.html", "units/huyen-b/index.html", "reports/bc-2021/index.html",
                 "datasets/offices/index.html", "en/datasets/waits/index.html", "changelog/index.html"):
        assert (site / page).is_file(), page
    for rel in ("downloads/datasets/figures/data/bc-2021.csv", "downloads/datasets/offices/data/towns.csv",
                "downloads/datasets/tallies/data/doors.tsv", "downloads/reports/bc-2021.csv", "downloads/minh-bach-data.zip"):
        assert (site / rel).is_file(), rel
    assert (site / "downloads/datasets/offices/data/towns.csv").read_bytes() == (away / "datapackages/offices/data/towns.csv").read_bytes()
    assert json.loads((site / "downloads/datasets/waits.json").read_text(encoding="utf-8"))["data"][1]["minutes"] is None
