"""The release manifests as the corpus holds them (each refusal's exact line is in test_check's catalogue)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from site_builder.content.releases import RELEASES, load_releases, version_key
from site_builder.content.validate import validate
from site_builder.compute.changelog import dump_manifest

ROOT = Path(__file__).resolve().parents[3]


def manifest(release: str, date: str | None = "2026-01-02", **extra: object) -> dict[str, object]:
    return {"format": 1, "release": release, "date": date, "version": release, "packages": {"figures": release},
            "tables": {"figures": {"a-001": {"hash": "0123456789abcdef", "fields": {"unit": "u", "value": "1"}}}, "targets": {}}} | extra


def write(root: Path, name: str, doc: dict[str, object] | str) -> Path:
    path = root / RELEASES / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else dump_manifest(doc), encoding="utf-8")
    return path


def test_the_shipped_manifests_are_read_oldest_first_with_their_digests() -> None:
    releases, problems = load_releases(ROOT)
    assert problems == []
    files = sorted((ROOT / RELEASES).glob("*.json"), key=lambda p: version_key(p.stem))
    assert [m.path for m in releases] == [p.relative_to(ROOT).as_posix() for p in files] and len(files) >= 2
    for m, path in zip(releases, files):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert m.digest == hashlib.sha256(path.read_bytes()).hexdigest()
        assert (m.release, m.date, m.packages, m.tables) == (data["release"], dt.date.fromisoformat(data["date"]), data["packages"], data["tables"])


def test_versions_sort_as_numbers_not_as_text(tmp_path: Path) -> None:
    for name in ("0.10.0", "0.9.0", "1.0.0", "0.2.0"):
        write(tmp_path, f"{name}.json", manifest(name))
    releases, problems = load_releases(tmp_path)
    assert problems == []
    assert [m.release for m in releases] == ["0.2.0", "0.9.0", "0.10.0", "1.0.0"]


def test_a_release_without_a_date_has_none(tmp_path: Path) -> None:
    write(tmp_path, "0.1.0.json", manifest("0.1.0", date=None))
    releases, problems = load_releases(tmp_path)
    assert problems == [] and releases[0].date is None


def test_no_folder_no_releases(tmp_path: Path) -> None:
    assert load_releases(tmp_path) == ((), [])


def test_every_bad_row_is_reported_at_its_own_line(tmp_path: Path) -> None:
    doc = manifest("0.1.0")
    doc["tables"] = {"figures": {"a-001": {"hash": 1, "fields": {}}, "a-002": {"hash": "x", "fields": {"v": "1"}},
                                 "a-003": {"hash": "x", "fields": {"v": 2}}}, "targets": {}}
    write(tmp_path, "0.1.0.json", dump_manifest(doc).replace('"targets": {}', '"targets": []'))
    _, problems = load_releases(tmp_path)
    assert [(p.line, p.column, p.field) for p in problems] == [
        (9, 4, "tables.figures.a-001"), (11, 4, "tables.figures.a-003"), (13, 14, "tables.targets")]


def test_a_date_that_is_no_day_and_a_format_that_is_true_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "0.1.0.json", manifest("0.1.0", date="2026-02-30", format=True))
    _, problems = load_releases(tmp_path)
    assert [p.text() for p in problems] == [
        "datapackages/releases/0.1.0.json:2:12: format: must be 1 (the manifest format this site reads), got true",
        "datapackages/releases/0.1.0.json:4:10: date: '2026-02-30' is not a valid date; write YYYY-MM-DD"]


def test_a_link_in_the_releases_folder_is_refused(tmp_path: Path) -> None:
    target = write(tmp_path, "0.1.0.json", manifest("0.1.0"))
    (tmp_path / RELEASES / "0.2.0.json").symlink_to(target)
    releases, problems = load_releases(tmp_path)
    assert [m.release for m in releases] == ["0.1.0"]
    assert [p.text() for p in problems] == ["datapackages/releases/0.2.0.json:0:0: 'datapackages/releases/0.2.0.json' is a symbolic link"]


def test_a_manifest_larger_than_a_content_file_is_read(tmp_path: Path) -> None:
    doc = manifest("0.1.0")
    doc["tables"] = {"figures": {f"a-{i:06d}": {"hash": f"{i:016x}", "fields": {"quote": "#" + "0" * 12, "unit": "u"}} for i in range(30_000)}}
    size = write(tmp_path, "0.1.0.json", doc).stat().st_size
    assert size > 2_000_000  # yamlio.MAX_BYTES: a manifest grows with the data, as the CSVs do
    releases, problems = load_releases(tmp_path)
    assert problems == [] and len(releases[0].tables["figures"]) == 30_000


def test_the_corpus_holds_the_releases_oldest_first(minimal: Path) -> None:
    write(minimal, "0.2.0.json", manifest("0.2.0"))
    write(minimal, "0.1.0.json", manifest("0.1.0"))
    corpus, findings = validate(minimal)
    assert corpus is not None and findings.errors == []
    assert [m.release for m in corpus.releases] == ["0.1.0", "0.2.0"]


def test_a_readme_and_hidden_files_are_left_alone_a_folder_is_not(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# Releases\n")
    write(tmp_path, ".gitkeep", "")
    (tmp_path / RELEASES / "old").mkdir()
    releases, problems = load_releases(tmp_path)
    assert releases == () and [(p.path, p.code) for p in problems] == [("datapackages/releases/old", "unknown-file")]
