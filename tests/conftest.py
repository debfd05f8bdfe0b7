"""Fixture projects built in tmp_path; the working tree is never written to."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COPY = ("content", "datapackages", "templates", "mkdocs.yml")


def copy_project(dest: Path) -> Path:
    """A copy of the shipped project (content, packages, templates, config)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copyfile(src, dest / name)
    return dest


MINIMAL = {
    "content/units/tinh-a.yaml": """\
        id: tinh-a
        level: province
        name:
          vi: Tỉnh A
          en: A province
        """,
    "content/units/huyen-b.yaml": """\
        id: huyen-b
        level: district
        parent: tinh-a
        name:
          vi: Huyện B
          en: B district
        """,
    "content/indicators/dossiers-received.yaml": """\
        id: dossiers-received
        name:
          vi: Hồ sơ tiếp nhận
          en: Dossiers received
        definition:
          vi: Số hồ sơ tiếp nhận.
          en: Dossiers received.
        unit: count
        field: procedures
        topic: dossiers
        additive: true
        """,
    "content/indicators/dossiers-received-online.yaml": """\
        id: dossiers-received-online
        name:
          vi: Hồ sơ trực tuyến
          en: Dossiers received online
        definition:
          vi: Số hồ sơ trực tuyến.
          en: Dossiers received online.
        unit: count
        field: e_government
        topic: online
        additive: true
        """,
    "content/indicators/share-online.yaml": """\
        id: share-online
        name:
          vi: Tỷ lệ hồ sơ trực tuyến
          en: Online share
        definition:
          vi: Trực tuyến chia tổng.
          en: Online over total.
        unit: percent
        higher_is_better: true
        field: e_government
        formula:
          numerator: dossiers-received-online
          denominator: dossiers-received
        topic: online
        """,
    "content/reports/bc-2021.yaml": """\
        id: bc-2021
        unit: huyen-b
        issuer: huyen-b
        document_type: bao_cao
        number: 12/BC-UBND
        date: 2021-12-20
        period:
          kind: year
          start: 2021-01-01
          end: 2021-12-31
          code: "2021"
        title:
          vi: Báo cáo kết quả CCHC năm 2021
          en: Administrative reform results 2021
        summary:
          vi: Huyện tiếp nhận 7.447 hồ sơ.
          en: The district received 7,447 dossiers.
        source:
          file: bc-2021.txt
          ocr: false
        """,
    "content/breakdowns/channel.yaml": """\
        id: channel
        name:
          vi: Kênh
          en: Channel
        values:
          - id: hotline
            name:
              vi: đường dây nóng
              en: hotline
          - id: postal
            name:
              vi: bưu chính
              en: postal service
        """,
    "content/sources/bc-2021.txt": "Nam 2021 tiep nhan 7.447 ho so, truc tuyen 5.386 ho so.\nNam 2020 tiep nhan 6.000 ho so.\n",
    "datapackages/figures/datapackage.yaml": """\
        name: figures
        title: Figures
        licenses:
          - name: CC-BY-4.0
            path: https://creativecommons.org/licenses/by/4.0/
        resources:
          - name: bc-2021
            path: data/bc-2021.csv
            schema: figures.schema.yaml
        """,
    "datapackages/figures/data/bc-2021.csv": (
        "id,report,unit,indicator,period,period_start,period_end,breakdown,value,qualifier,status,locator,quote,flag,note_vi,note_en\n"
        "bc-2021-001,bc-2021,huyen-b,dossiers-received,2021,2021-01-01,2021-12-31,,7447,,reported,Mục 1,Nam 2021 tiep nhan 7.447 ho so,,,\n"
        "bc-2021-002,bc-2021,huyen-b,dossiers-received-online,2021,2021-01-01,2021-12-31,,5386,,reported,Mục 1,truc tuyen 5.386 ho so.,,,\n"
        "bc-2021-003,bc-2021,huyen-b,dossiers-received,2020,2020-01-01,2020-12-31,,6000,,reported,Mục 1,Nam 2020 tiep nhan 6.000 ho so.,,,\n"
    ),
}


def write_files(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if rel.endswith(".yaml") else text, encoding="utf-8")


def make_minimal(root: Path) -> Path:
    """Write the minimal project into `root` (see the `minimal` fixture)."""
    for name in ("templates", "mkdocs.yml"):
        src = ROOT / name
        shutil.copytree(src, root / name) if src.is_dir() else (root.mkdir(parents=True, exist_ok=True), shutil.copyfile(src, root / name))
    write_files(root, MINIMAL)
    shutil.copyfile(ROOT / "datapackages/cchc-figures/figures.schema.yaml", root / "datapackages/figures/figures.schema.yaml")
    (root / "content/glossary").mkdir(parents=True, exist_ok=True)
    (root / "content/pages").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "content/pages/about.yaml", root / "content/pages/about.yaml")
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small valid project: two units, three indicators, a breakdown dimension, one report, one package."""
    return make_minimal(tmp_path / "proj")


@pytest.fixture(scope="session")
def minimal_factory():
    """`make_minimal` for fixtures of a wider scope than a test (they cannot use `minimal`)."""
    return make_minimal


# The repository the built site's "report an error" links open an issue in: the shipped mkdocs.yml
# names none (the project's address is not known here), so the tests' copy of it names this one.
TEST_REPO = "https://github.com/example/minh-bach"


def name_test_repository(root: Path) -> None:
    """Name TEST_REPO as repo_url in the mkdocs.yml of a copy of the project."""
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {TEST_REPO}\n", encoding="utf-8")


SITE_URL = "https://example.org/minhbach/"  # where addressed_site says it is published


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project built once with a site_url (SITE_URL): what absolute addresses the
    site then writes (canonical links, og:url and og:image, sitemaps, the 404 page's paths).
    Tests read it, never write into it; returns site/."""
    from site_builder.publish.build import build

    root = make_minimal(tmp_path_factory.mktemp("addressed") / "proj")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {SITE_URL}\n", encoding="utf-8")
    build(root)
    return root / "site"


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built once into a temporary copy of the project (its mkdocs.yml naming
    TEST_REPO as repo_url); returns site/."""
    from site_builder.publish.build import build

    root = copy_project(tmp_path_factory.mktemp("shipped"))
    name_test_repository(root)
    build(root)
    return root / "site"
