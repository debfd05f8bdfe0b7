"""`make bench`: how long a full build takes and how much memory it needs, at two scales.

Generates a synthetic but valid project (provinces → districts → communes, reports with their
source texts, one figures CSV per report as editors keep them), builds it with the real
`site_builder.publish.build.build` twice in fresh processes (cold: nothing cached; warm: the same
project again, charts and social cards from the cache), and compares the result with the
targets below. Exit 1 when a target is missed, naming it.

    .venv/bin/python benchmarks/bench_build.py                     # 25 and 100 units
    .venv/bin/python benchmarks/bench_build.py --units 100 400 --json /tmp/bench.json
    .venv/bin/python benchmarks/bench_build.py --generate-only /tmp/proj --units 1000

Everything is written under a temporary folder (or --workdir), never into the repository.
Speed and memory targets live here, not in timed tests: see benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from site_builder.content.packages import FIGURE_FIELDS

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- targets
# Measured on MEASURED_ON with the default scales; each limit is the measured value (in the
# comment) with 1.5–2× headroom, so that a shared, noisy machine passes and a real regression
# does not. Re-measure and tighten when the code gets faster (benchmarks/README.md).
MEASURED_ON = "2026-12-03 · 2 shared cores, 24 GiB, Linux · Python 3.11.7 · scales 25 and 100 units, and 100 and 400 once"

# Whole build (timings["total"]), seconds per 1,000 units at the largest scale.
TARGET_COLD_S_PER_1000_UNITS = 1000.0  # measured 568–594 (811–839 before the API and validation fixes)
TARGET_WARM_S_PER_1000_UNITS = 400.0  # measured 151–212 (316–368 before)
# Each stage, seconds per 1,000 units at the largest scale, cold and warm builds alike. Stages
# that depend on pages (mkdocs, search) are where a per-page cost that grows with the site shows:
# with every page in the navigation, mkdocs measured 141 and search 259–281 at 100 units.
STAGE_BUDGET_S_PER_1000_UNITS: dict[str, float] = {
    "load+validate": 80.0,  # measured 39–42 cold, 17–24 warm (unchanged CSVs skip frictionless)
    "compute": 5.0,  # measured 0.3–0.4
    "charts": 650.0,  # measured 322–363 (cold; warm 8–13)
    "pages": 70.0,  # both languages; measured 14–17 each (36–44, and 119 at 400 units, when every API response re-read every CSV)
    "downloads": 45.0,  # measured 16–22 (37–55, and 145 at 400 units, before)
    "mkdocs": 95.0,  # measured 42–55
    "social": 140.0,  # measured 65–69 (cold, drawn across the cores; warm 1)
    "search": 120.0,  # measured 55–68
    "other": 40.0,  # measured 10–21
}
# Mean size of a built HTML page, KiB, at the largest scale. Deterministic, so it needs little
# headroom: every page embedding the whole navigation multiplies it.
TARGET_HTML_KIB_PER_PAGE = 36.0  # measured 24.5 (with every page in the navigation: about 200)
# Peak resident memory, MiB, as base + slope × units / 1,000: of the Python process running
# build(), and of its largest single child (a chart-pool worker, which starts as a fork of the
# build process, a mkdocs build, or pagefind, the largest from about 400 units).
TARGET_BUILD_RSS_BASE_MIB = 260.0  # measured 188 at 25 units, 217 at 100, 414 at 400:
TARGET_BUILD_RSS_PER_1000_UNITS_MIB = 900.0  # about 175 + 600 per 1,000 units
TARGET_CHILD_RSS_BASE_MIB = 260.0  # measured 188 at 25 units, 217 at 100, 432 at 400 (pagefind)
TARGET_CHILD_RSS_PER_1000_UNITS_MIB = 900.0
# How time grows from the smallest to the largest scale, divided by how the size grows: 1.0 is
# linear, fixed start-up costs push it below 1, and a cost per page proportional to the number
# of pages pushes it towards the size ratio (4 between the default scales). At the default
# scales fixed costs still weigh a lot, so this catches only gross regressions; the budgets above
# catch the rest. At larger scales (--units 100 400) it is the sharper test.
TARGET_GROWTH = 1.5  # the whole cold build; measured 0.77–0.85
TARGET_STAGE_GROWTH = 2.5  # each stage taking at least MIN_STAGE_SECONDS at the largest scale; measured up to 1.85
MIN_STAGE_SECONDS = 2.0  # below this, a ratio is mostly noise and start-up cost
# A warm build draws no chart: every one comes from the cache.
TARGET_WARM_CHARTS_DRAWN = 0

DEFAULT_UNITS = (25, 100)
DEFAULT_SEED = 20250701

# --------------------------------------------------------------------------- the synthetic project

# Syllables of Vietnamese place names, NFC, traditional tone-mark placement (Hòa, Thủy).
SYLLABLES = (
    "An", "Bình", "Phước", "Tân", "Hòa", "Thạnh", "Đông", "Tây", "Long", "Mỹ", "Thuận", "Lộc", "Hưng", "Phú",
    "Xuân", "Đức", "Quảng", "Nghĩa", "Thủy", "Sơn", "Hải", "Trung", "Hiệp", "Thành", "Vĩnh", "Khánh", "Ninh",
    "Định", "Lợi", "Tiến", "Thắng", "Hội", "Hậu", "Cường", "Nhơn", "Điền", "Gia", "Kiến", "Lạc", "Ân", "Trà",
    "Cẩm", "Ngọc", "Thọ", "Xuyên", "Yên", "Đồng", "Quế", "Bảo", "Châu", "Hà", "Kỳ", "Lâm", "Nam", "Bắc",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Đức", "Ngọc", "Thanh", "Quốc", "Xuân")
GIVEN = ("Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Phương", "Quang", "Thảo", "Sơn", "Hạnh", "Thủy", "Khoa", "Long")

# (kind in Vietnamese, in a sentence, in English) by level; weights give the usual mix.
DISTRICT_KINDS = ((("Huyện", "huyện", "district"), 8), (("Thị xã", "thị xã", "town"), 2))
COMMUNE_KINDS = ((("Xã", "xã", "commune"), 15), (("Phường", "phường", "ward"), 3), (("Thị trấn", "thị trấn", "township"), 2))
DISTRICTS_PER_PROVINCE = 5
COMMUNES_PER_DISTRICT = 8

# Indicators each report gives, per period. Districts report the whole dossier flow and
# satisfaction; communes the dossiers received, online and resolved. Together with the derived
# shares (share-online, share-on-time, share-late) a district page has six charts per language
# and a commune page three.
DISTRICT_INDICATORS = ("dossiers-received", "dossiers-received-online", "dossiers-resolved", "dossiers-resolved-on-time",
                       "dossiers-resolved-late", "satisfaction-rate")
COMMUNE_INDICATORS = ("dossiers-received", "dossiers-received-online", "dossiers-resolved")
QUARTER_INDICATORS = ("dossiers-received", "dossiers-received-online", "dossiers-resolved")
PACKAGE = "cchc-figures"


@dataclass
class ProjectStats:
    """What a generated project holds."""

    units: int = 0
    provinces: int = 0
    districts: int = 0
    communes: int = 0
    reports: int = 0
    figures: int = 0
    files: int = 0

    def __str__(self) -> str:
        return (f"{self.units} units ({self.provinces} provinces, {self.districts} districts, {self.communes} communes), "
                f"{self.reports} reports, {self.figures} figures")


@dataclass
class _Unit:
    id: str
    level: str
    parent: str | None
    base: str  # the place name without its kind, e.g. "Tân Phước"
    kind: tuple[str, str, str]  # ("Xã", "xã", "commune")
    admin_code: str
    province: str  # base name of the province it lies in


def fold(text: str) -> str:
    """'Đắk Nông' -> 'dak-nong': an ASCII id from a Vietnamese name."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def vi_number(value: float, decimals: int = 0) -> str:
    """7447 -> '7.447', 95.5 -> '95,5': how the documents print numbers."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), NFC."""
    return json.dumps(unicodedata.normalize("NFC", text), ensure_ascii=False)


def _text(indent: int, key: str, vi: str, en: str) -> str:
    pad = " " * indent
    return f"{pad}{key}:\n{pad}  vi: {_q(vi)}\n{pad}  en: {_q(en)}\n"


def _item(indent: int, vi: str, en: str) -> str:
    pad = " " * indent
    return f"{pad}- vi: {_q(vi)}\n{pad}  en: {_q(en)}\n"


class _Writer:
    """Writes files under the project root, NFC-checked, and counts them."""

    def __init__(self, root: Path):
        self.root = root
        self.files = 0

    def __call__(self, rel: str, text: str) -> None:
        if unicodedata.normalize("NFC", text) != text:
            raise ValueError(f"{rel}: generated text is not NFC")
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.files += 1


def _pick(rng: random.Random, weighted: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _tree(units: int, rng: random.Random) -> list[_Unit]:
    """Exactly `units` units: provinces, districts spread over them, communes spread over the districts."""
    if units < 3:
        raise ValueError("a project needs at least 3 units (a province, a district and a commune)")
    per_province = 1 + DISTRICTS_PER_PROVINCE * (1 + COMMUNES_PER_DISTRICT)
    n_prov = max(1, round(units / per_province))
    n_dist = max(n_prov, round((units - n_prov) / (1 + COMMUNES_PER_DISTRICT)))
    n_comm = units - n_prov - n_dist
    if n_comm < 1:
        n_dist, n_comm = units - n_prov - 1, 1
    used: set[str] = set()

    def name() -> tuple[str, str]:
        while True:
            base = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
            if base.split()[0] == base.split()[1]:
                continue
            slug = fold(base)
            n = 1
            while (slug if n == 1 else f"{slug}-{n}") in used:
                n += 1
            slug = slug if n == 1 else f"{slug}-{n}"
            used.add(slug)
            return base, slug

    provinces = []
    for i in range(n_prov):
        base, slug = name()
        provinces.append(_Unit(slug, "province", None, base, ("Tỉnh", "tỉnh", "province"), f"{10 + i:02d}", base))
    districts = []
    for i in range(n_dist):
        prov = provinces[i % n_prov]
        base, slug = name()
        districts.append(_Unit(slug, "district", prov.id, base, _pick(rng, DISTRICT_KINDS), f"{100 + i:03d}", prov.base))
    communes = []
    for i in range(n_comm):
        dist = districts[i % n_dist]
        base, slug = name()
        communes.append(_Unit(slug, "commune", dist.id, base, _pick(rng, COMMUNE_KINDS), f"{10000 + i:05d}", dist.province))
    return provinces + districts + communes


def _unit_yaml(u: _Unit, rng: random.Random, siblings: list[_Unit]) -> str:
    vi_kind, _, en_kind = u.kind
    text = f"id: {u.id}\nlevel: {u.level}\n"
    if u.parent:
        text += f"parent: {u.parent}\n"
    text += _text(0, "name", f"{vi_kind} {u.base}", f"{u.base} {en_kind}")
    text += _text(0, "short_name", u.base, u.base)
    text += f'admin_code: "{u.admin_code}"\n'
    if u.level == "district":
        text += ("reorganisation_2025:\n  status: abolished\n"
                 f"  successor: {u.parent}\n  legal_basis: 202/2025/QH15\n")
        text += _text(2, "note", "Cấp huyện chấm dứt hoạt động từ ngày 1/7/2025.", "District-level government ended on 1 July 2025.")
        text += _text(0, "description", f"{vi_kind} {u.base} thuộc tỉnh {u.province}.", f"{u.base} {en_kind} lies in {u.province} province.")
    elif u.level == "commune":
        other = [s for s in siblings if s.id != u.id]
        if other and rng.random() < 0.4:
            into = rng.choice(other)
            text += ("reorganisation_2025:\n  status: merged\n"
                     f"  successor: {into.id}\n  legal_basis: 1656/NQ-UBTVQH15\n")
            text += _text(2, "note", f"Sáp nhập vào {into.kind[1]} {into.base} từ ngày 1/7/2025.",
                          f"Merged into {into.base} {into.kind[2]} on 1 July 2025.")
        else:
            text += "reorganisation_2025:\n  status: continued\n"
    return text


@dataclass
class _Period:
    code: str
    kind: str
    start: dt.date
    end: dt.date
    vi: str  # "Năm 2022", "Quý II/2024"


def _year(y: int) -> _Period:
    return _Period(str(y), "year", dt.date(y, 1, 1), dt.date(y, 12, 31), f"Năm {y}")


def _q2(y: int) -> _Period:
    return _Period(f"{y}-Q2", "quarter", dt.date(y, 4, 1), dt.date(y, 6, 30), f"Quý II/{y}")


def _values(rng: random.Random, level: str, periods: list[_Period]) -> list[dict[str, float]]:
    """Plausible, internally consistent figures for consecutive periods."""
    size = rng.randint(4000, 30000) if level == "district" else rng.randint(300, 4000)
    share = rng.uniform(0.05, 0.35)
    out = []
    for p in periods:
        scale = 0.25 if p.kind == "quarter" else 1.0
        received = max(20, round(size * scale * rng.uniform(0.85, 1.2)))
        online = round(received * min(0.95, share))
        resolved = round(received * rng.uniform(0.9, 0.995))
        late = round(resolved * rng.uniform(0.0, 0.06))
        out.append({"dossiers-received": received, "dossiers-received-online": online, "dossiers-resolved": resolved,
                    "dossiers-resolved-on-time": resolved - late, "dossiers-resolved-late": late,
                    "satisfaction-rate": round(rng.uniform(85, 99.9), 1)})
        share += rng.uniform(0.05, 0.15)
    return out


def _sentences(u: _Unit, p: _Period, v: dict[str, float], indicators: tuple[str, ...]) -> dict[str, str]:
    """The source sentence of each figure of one period (several figures share a sentence, as in real reports)."""
    where = f"Bộ phận Một cửa {u.kind[1]} {u.base}"
    flow = (f"{p.vi}, {where} tiếp nhận {vi_number(v['dossiers-received'])} hồ sơ thủ tục hành chính, trong đó "
            f"{vi_number(v['dossiers-received-online'])} hồ sơ trực tuyến; đã giải quyết {vi_number(v['dossiers-resolved'])} hồ sơ")
    if "dossiers-resolved-on-time" in indicators:
        flow += (f", trong đó {vi_number(v['dossiers-resolved-on-time'])} hồ sơ đúng hạn và "
                 f"{vi_number(v['dossiers-resolved-late'])} hồ sơ trễ hạn")
    flow += "."
    out = {ind: flow for ind in indicators if ind != "satisfaction-rate"}
    if "satisfaction-rate" in indicators:
        out["satisfaction-rate"] = (f"Tỷ lệ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính "
                                    f"{p.vi.lower()} đạt {vi_number(v['satisfaction-rate'], 1)}%.")
    return out


def _report(u: _Unit, rid: str, period: _Period, figure_periods: list[_Period], indicators: tuple[str, ...],
            rng: random.Random, province_of: dict[str, _Unit]) -> tuple[str, str, list[dict[str, str]]]:
    """(report YAML, source text, figure rows) of one report of `u`."""
    values = _values(rng, u.level, figure_periods)
    vi_kind, in_sentence, en_kind = u.kind
    number = f"{rng.randint(12, 480)}/BC-UBND"
    if period.kind == "year":
        signed = dt.date(period.end.year, 12, rng.randint(5, 28))
        title_vi = f"Báo cáo kết quả thực hiện công tác cải cách hành chính năm {period.end.year}"
        title_en = f"Report on the results of administrative reform in {period.end.year}"
    else:
        signed = dt.date(period.end.year, 6, rng.randint(15, 28))
        title_vi = f"Báo cáo kết quả cải cách hành chính quý II năm {period.end.year}"
        title_en = f"Report on administrative reform results in the second quarter of {period.end.year}"
    last = values[-1]
    signer = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    prov = province_of[u.id]

    # the source text: header, the sentences the figures quote, and ordinary report prose
    paragraphs: list[str] = []
    rows: list[dict[str, str]] = []
    n = 0
    for k, (p, v) in enumerate(zip(figure_periods, values), start=1):
        sentences = _sentences(u, p, v, indicators)
        paragraphs.append(" ".join(dict.fromkeys(sentences.values())))
        for ind in indicators:
            n += 1
            value = v[ind]
            text = f"{value:g}" if isinstance(value, float) and not float(value).is_integer() else str(int(value))
            rows.append({"id": f"{rid}-{n:03d}", "report": rid, "unit": u.id, "indicator": ind, "period": p.code,
                         "period_start": p.start.isoformat(), "period_end": p.end.isoformat(), "value": text, "status": "reported",
                         "locator": f"Mục II.{k}, đoạn 1", "quote": sentences[ind]})
    source = "\n".join([
        f"ỦY BAN NHÂN DÂN {in_sentence.upper()} {u.base.upper()}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        f"Số: {number}", f"{prov.base}, ngày {signed.day:02d} tháng {signed.month:02d} năm {signed.year}", "",
        "BÁO CÁO", title_vi.removeprefix("Báo cáo ").capitalize(), "",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "Ủy ban nhân dân đã ban hành kế hoạch cải cách hành chính, kế hoạch kiểm tra và kế hoạch tuyên truyền; "
        "kịp thời chỉ đạo các bộ phận chuyên môn thực hiện đúng quy trình tiếp nhận và trả kết quả.",
        "", "II. KẾT QUẢ THỰC HIỆN",
        *paragraphs,
        "", "III. TỒN TẠI, HẠN CHẾ",
        "Một số hồ sơ còn trễ hạn do phải xác minh thực địa; hạ tầng công nghệ thông tin chưa đồng bộ.",
        "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer, "",
    ])
    text = (f"id: {rid}\nunit: {u.id}\nissuer: {u.id}\ndocument_type: bao_cao\nnumber: {_q(number)}\ndate: {signed.isoformat()}\n"
            f"place: {_q(prov.base)}\n"
            f"period:\n  kind: {period.kind}\n  start: {period.start.isoformat()}\n  end: {period.end.isoformat()}\n  code: \"{period.code}\"\n"
            "signer:\n"
            f"  name: {_q(signer)}\n" + _text(2, "title", "Chủ tịch", "Chairperson")
            + _text(2, "on_behalf", "TM. Ủy ban nhân dân", "On behalf of the People's Committee")
            + "recipients:\n" + _item(2, f"UBND {prov.kind[1]} {prov.base}", f"{prov.base} Provincial People's Committee")
            + _item(2, "Lưu: VT", "Filed: records office")
            + _text(0, "title", title_vi, title_en)
            + _text(0, "summary",
                    f"Báo cáo của UBND {in_sentence} {u.base} về kết quả cải cách hành chính {period.vi.lower()}. "
                    f"Bộ phận Một cửa tiếp nhận {vi_number(last['dossiers-received'])} hồ sơ, trong đó "
                    f"{vi_number(last['dossiers-received-online'])} hồ sơ trực tuyến.",
                    f"Report of the People's Committee of {u.base} {en_kind} on its administrative reform results "
                    f"({period.code}). The one-stop section received {last['dossiers-received']:,} dossiers, "
                    f"{last['dossiers-received-online']:,} of them online.")
            + "sections:\n  - field: procedures\n" + _text(4, "heading", "Cải cách thủ tục hành chính", "Administrative procedure reform")
            + "    points:\n" + _item(6, "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên Cổng dịch vụ công.",
                                      "All administrative procedures are published at the one-stop section and on the public service portal.")
            + "  - field: e_government\n" + _text(4, "heading", "Xây dựng chính quyền điện tử", "E-government")
            + "    points:\n" + _item(6, "Tiếp tục đẩy mạnh tiếp nhận hồ sơ trực tuyến và thanh toán trực tuyến.",
                                      "Online dossier submission and online payment continue to be promoted.")
            + "assessments:\n  achievements:\n" + _item(4, "Tỷ lệ hồ sơ trực tuyến tăng so với cùng kỳ.", "The share of online dossiers rose year on year.")
            + "  limitations:\n" + _item(4, "Một số hồ sơ còn trễ hạn.", "Some dossiers were still resolved late.")
            + "legal_references:\n  - number: 76/NQ-CP\n" + _text(4, "type", "Nghị quyết", "Resolution")
            + "    date: 2021-07-15\n" + _text(4, "issuer", "Chính phủ", "Government")
            + f"source:\n  file: {rid}.txt\n  ocr: false\n")
    return text, source, rows


def generate(root: Path, units: int, seed: int = DEFAULT_SEED) -> ProjectStats:
    """Write a valid project of exactly `units` units into `root` (which must not exist or be empty).

    Templates, mkdocs.yml, the indicator catalogue, the glossary, the static pages and the figures'
    Table Schema are copied from the repository; units, reports, sources and figures are generated
    from `seed`, so the same arguments give the same files.
    """
    if root.exists() and any(root.iterdir()):
        raise ValueError(f"{root} is not empty")
    if root.resolve().is_relative_to(REPO):
        raise ValueError(f"{root} is inside the repository; generate into a temporary folder")
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("indicators", "glossary", "pages"):
        shutil.copytree(REPO / "content" / folder, root / "content" / folder)
    write = _Writer(root)
    tree = _tree(units, rng)
    by_id = {u.id: u for u in tree}
    province_of: dict[str, _Unit] = {}
    for u in tree:  # provinces come first, then districts, then communes
        province_of[u.id] = u if u.parent is None else province_of[u.parent]
    children: dict[str, list[_Unit]] = {}
    for u in tree:
        if u.parent:
            children.setdefault(u.parent, []).append(u)
    stats = ProjectStats(units=len(tree))
    for u in tree:
        setattr(stats, u.level + "s", getattr(stats, u.level + "s") + 1)
        write(f"content/units/{u.id}.yaml", _unit_yaml(u, rng, children.get(u.parent or "", [])))

    pkg_dir = root / "datapackages" / PACKAGE
    pkg_dir.mkdir(parents=True)
    shutil.copyfile(REPO / "datapackages" / PACKAGE / "figures.schema.yaml", pkg_dir / "figures.schema.yaml")
    resources: list[str] = []
    for u in tree:
        if u.level == "province":
            continue
        year = rng.choice((2022, 2023))
        plans: list[tuple[str, _Period, list[_Period], tuple[str, ...]]] = []
        if u.level == "district":
            plans.append((f"{u.id}-cchc-{year}", _year(year), [_year(y) for y in (year - 2, year - 1, year)], DISTRICT_INDICATORS))
            plans.append((f"{u.id}-cchc-{year + 1}-q2", _q2(year + 1), [_q2(year + 1)], QUARTER_INDICATORS))
        else:
            plans.append((f"{u.id}-cchc-{year}", _year(year), [_year(y) for y in (year - 2, year - 1, year)], COMMUNE_INDICATORS))
            if rng.random() < 0.25:  # an older report of the same unit extends its series backwards
                plans.append((f"{u.id}-cchc-{year - 3}", _year(year - 3), [_year(year - 4), _year(year - 3)], COMMUNE_INDICATORS))
        for rid, period, figure_periods, indicators in plans:
            report, source, rows = _report(u, rid, period, figure_periods, indicators, rng, province_of)
            write(f"content/reports/{rid}.yaml", report)
            write(f"content/sources/{rid}.txt", source)
            buf = io.StringIO()
            writer = csv.DictWriter(buf, FIGURE_FIELDS, restval="", lineterminator="\n")  # the project's columns, in order
            writer.writeheader()
            writer.writerows(rows)
            write(f"datapackages/{PACKAGE}/data/{rid}.csv", buf.getvalue())
            resources.append(rid)
            stats.reports += 1
            stats.figures += len(rows)
    descriptor = (f"name: {PACKAGE}\ntitle: {_q('Administrative-reform figures (synthetic)')}\ntitle_vi: {_q('Số liệu cải cách hành chính (tổng hợp)')}\n"
                  "description: A generated data set for benchmarks.\ndescription_vi: Bộ dữ liệu sinh tự động để đo hiệu năng.\n"
                  "version: 0.1.0\nlicenses:\n  - name: CC-BY-4.0\n    path: https://creativecommons.org/licenses/by/4.0/\n"
                  "    title: Creative Commons Attribution 4.0\nresources:\n")
    descriptor += "".join(f"  - name: {rid}\n    path: data/{rid}.csv\n    schema: figures.schema.yaml\n" for rid in resources)
    write(f"datapackages/{PACKAGE}/datapackage.yaml", descriptor)
    stats.files = write.files
    return stats


# --------------------------------------------------------------------------- one build, in a fresh process

STAGES = ("load+validate", "compute", "charts", "pages", "downloads", "mkdocs", "social", "search")


def _full_nav_regression() -> None:
    """Put every page into the mkdocs navigation again (what `nav` + `not_in_nav` prevent).

    Only for checking that the benchmark catches the quadratic growth it is there to catch:
    with every page in the navigation, each page embeds the whole navigation.
    """
    from site_builder.publish import build as build_module

    original = build_module.mkdocs_config

    def config(*args: Any, **kwargs: Any) -> dict[str, Any]:
        out = original(*args, **kwargs)
        out.pop("nav", None)
        out.pop("not_in_nav", None)
        return out

    build_module.mkdocs_config = config  # type: ignore[assignment]


def worker(root: Path, out: Path, profile: Path | None = None, regression: str | None = None) -> int:
    """Run one build of `root` in this process and write what was measured to `out` (JSON)."""
    import resource

    from site_builder.publish.build import BuildError, build

    if regression == "full-nav":
        _full_nav_regression()
    result: dict[str, Any] = {"ok": False}
    t0 = time.perf_counter()

    def say(line: str) -> None:  # the build's progress, into the log (and the console, when it echoes)
        print(f"{time.perf_counter() - t0:8.1f} s  {line}", flush=True)
    try:
        if profile:
            import cProfile

            prof = cProfile.Profile()
            built = prof.runcall(build, root, progress=say)
            prof.dump_stats(str(profile))
        else:
            built = build(root, progress=say)
    except BuildError as exc:
        result["error"] = str(exc)
        if exc.findings is not None:
            result["findings"] = [str(p) for p in exc.findings.errors[:20]]
    else:
        site = built.site or root / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        result |= {
            "ok": True,
            "timings": built.timings,
            "pages": built.pages,
            "charts_drawn": built.charts.drawn if built.charts else 0,
            "charts_cached": built.charts.cached if built.charts else 0,
            "mkdocs_pages": built.mkdocs_pages,
            "html_files": sum(p.suffix == ".html" for p in files),
            "html_mib": sum(p.stat().st_size for p in files if p.suffix == ".html") / 2**20,
            "largest_html": max(((p.stat().st_size / 1024, p.relative_to(site).as_posix()) for p in files if p.suffix == ".html"), default=(0, "")),
            "site_files": len(files),
            "site_mib": sum(p.stat().st_size for p in files) / 2**20,
        }
    result["seconds_in_process"] = time.perf_counter() - t0
    # ru_maxrss is in KiB on Linux. RUSAGE_CHILDREN is the largest single child waited for
    # (a mkdocs build, a chart-pool worker, pagefind), not the sum of those running together.
    result["rss_build_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_child_max_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if result["ok"] else 2


class _TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants from /proc, several times a second.

    Peaks per kind of process (the build itself, mkdocs, pagefind, other children such as the
    chart pool) as resident set size, and the peak of the whole tree as proportional set size
    (PSS: shared pages split between the processes sharing them, so forked workers are not
    counted twice), which is what the machine actually has to hold.
    """

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.stop = threading.Event()
        self.peak_rss_kib: dict[str, int] = {}
        self.peak_tree_pss_kib = 0
        self.samples = 0

    @staticmethod
    def _children() -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            out.setdefault(ppid, []).append(int(name))
        return out

    @staticmethod
    def _field(path: str, key: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
        return 0

    def _kind(self, pid: int) -> str:
        if pid == self.pid:
            return "build"
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return "other"
        if "mkdocs" in cmd:
            return "mkdocs"
        if "pagefind" in cmd:
            return "pagefind"
        return "other"  # forked chart-pool workers carry the build's own command line

    def sample(self) -> None:
        kids = self._children()
        tree, todo = [self.pid], [self.pid]
        while todo:
            cur = kids.get(todo.pop(), [])
            tree += cur
            todo += cur
        by_kind: dict[str, int] = {}
        pss = 0
        for pid in tree:
            rss = self._field(f"/proc/{pid}/status", "VmRSS:")
            kind = self._kind(pid)
            by_kind[kind] = by_kind.get(kind, 0) + rss
            pss += self._field(f"/proc/{pid}/smaps_rollup", "Pss:")
        for kind, rss in by_kind.items():
            self.peak_rss_kib[kind] = max(self.peak_rss_kib.get(kind, 0), rss)
        self.peak_tree_pss_kib = max(self.peak_tree_pss_kib, pss)
        self.samples += 1

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)


def run_build(root: Path, out: Path, log_file: Path, profile: Path | None = None, regression: str | None = None,
              echo: bool = False) -> dict[str, Any]:
    """One build of `root` in a fresh Python process, with its memory sampled; return what was measured.

    `echo` also prints the build's progress lines on the console as they come.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), "--worker-out", str(out)]
    if profile:
        cmd += ["--worker-profile", str(profile)]
    if regression:
        cmd += ["--simulate-regression", regression]
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    with log_file.open("w", encoding="utf-8") as fh:
        proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE if echo else fh, stderr=subprocess.STDOUT, text=echo or None)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        if echo:
            assert proc.stdout is not None
            for line in proc.stdout:
                fh.write(line)
                print(f"    {line}", end="", flush=True)
        code = proc.wait()
        sampler.stop.set()
        sampler.join()
    wall = time.perf_counter() - t0
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {"ok": False}
    if code != 0 and result.get("ok"):
        result["ok"] = False
    if not result.get("ok") and "error" not in result:
        result["error"] = f"worker exited with {code}; see {log_file}"
    result["wall_s"] = wall  # interpreter start and imports included
    result["sampled_peak_rss_mib"] = {k: v / 1024 for k, v in sorted(sampler.peak_rss_kib.items())}
    result["sampled_peak_tree_pss_mib"] = sampler.peak_tree_pss_kib / 1024
    result["samples"] = sampler.samples
    # The 1-minute load average before and after: on a shared machine, a high one before the
    # build means someone else was using the cores and the times are inflated.
    result["loadavg_before"], result["loadavg_after"] = load_before, os.getloadavg()[0]
    return result


# --------------------------------------------------------------------------- the benchmark


@dataclass
class Scale:
    """Both builds of one generated project."""

    units: int
    project: dict[str, int] = field(default_factory=dict)
    generate_s: float = 0.0
    cold: dict[str, Any] = field(default_factory=dict)
    warm: dict[str, Any] = field(default_factory=dict)


def _stage(build: dict[str, Any], name: str) -> float:
    timings = build.get("timings", {})
    if name == "other":  # assemble the two sites, swap site/ into place
        return timings.get("total", 0.0) - sum(timings.get(s, 0.0) for s in STAGES)
    return float(timings.get(name, 0.0))


def growth(small: Scale, large: Scale, small_s: float, large_s: float) -> float | None:
    """Time ratio over size ratio: 1.0 is linear, the size ratio itself is quadratic."""
    if small_s <= 0:
        return None
    return (large_s / small_s) / (large.units / small.units)


def rss_limit(base: float, per_1000: float, units: int) -> float:
    return base + per_1000 * units / 1000


def html_kib_per_page(b: dict[str, Any]) -> float:
    return b.get("html_mib", 0.0) * 1024 / max(1, b.get("html_files", 0))


def check_targets(scales: list[Scale]) -> list[str]:
    """Every target missed, as a sentence; empty when all are met."""
    missed: list[str] = []
    large = scales[-1]
    n = large.units
    builds = (("cold", large.cold), ("warm", large.warm))
    total_targets = {"cold": TARGET_COLD_S_PER_1000_UNITS, "warm": TARGET_WARM_S_PER_1000_UNITS}
    for label, b in builds:
        per = _stage(b, "total") / n * 1000
        if per > total_targets[label]:
            missed.append(f"{label} build at {n} units: {per:.0f} s per 1,000 units > target {total_targets[label]:.0f}")
        for stage, budget in STAGE_BUDGET_S_PER_1000_UNITS.items():
            per = _stage(b, stage) / n * 1000
            if per > budget:
                missed.append(f"{label} stage {stage} at {n} units: {per:.0f} s per 1,000 units > budget {budget:.0f}")
        if html_kib_per_page(b) > TARGET_HTML_KIB_PER_PAGE:
            missed.append(f"{label} build at {n} units: HTML pages average {html_kib_per_page(b):.0f} KiB > target {TARGET_HTML_KIB_PER_PAGE:.0f}"
                          f" (largest: {b['largest_html'][1]}, {b['largest_html'][0]:.0f} KiB)")
    for sc in scales:
        for label, b in (("cold", sc.cold), ("warm", sc.warm)):
            limit = rss_limit(TARGET_BUILD_RSS_BASE_MIB, TARGET_BUILD_RSS_PER_1000_UNITS_MIB, sc.units)
            if b["rss_build_mib"] > limit:
                missed.append(f"{label} build at {sc.units} units: build process peaked at {b['rss_build_mib']:.0f} MiB > target {limit:.0f}")
            limit = rss_limit(TARGET_CHILD_RSS_BASE_MIB, TARGET_CHILD_RSS_PER_1000_UNITS_MIB, sc.units)
            if b["rss_child_max_mib"] > limit:
                missed.append(f"{label} build at {sc.units} units: largest child peaked at {b['rss_child_max_mib']:.0f} MiB > target {limit:.0f}")
        if sc.warm["charts_drawn"] > TARGET_WARM_CHARTS_DRAWN:
            missed.append(f"warm build at {sc.units} units drew {sc.warm['charts_drawn']} charts; the cache should serve them all")
    if len(scales) >= 2:
        small = scales[0]
        g = growth(small, large, _stage(small.cold, "total"), _stage(large.cold, "total"))
        if g is not None and g > TARGET_GROWTH:
            missed.append(f"cold build grows {g:.2f}× as fast as the project ({small.units} → {large.units} units) > target {TARGET_GROWTH:.2f} (1.0 = linear)")
        for label in ("cold", "warm"):
            for stage in STAGES:
                s, l = _stage(getattr(small, label), stage), _stage(getattr(large, label), stage)
                if l < MIN_STAGE_SECONDS:
                    continue
                g = growth(small, large, s, l)
                if g is not None and g > TARGET_STAGE_GROWTH:
                    missed.append(f"{label} stage {stage} grows {g:.2f}× as fast as the project ({s:.1f} s → {l:.1f} s) > target {TARGET_STAGE_GROWTH:.2f}")
    return missed


def table(scales: list[Scale]) -> str:
    """The readable summary: one column per scale and build, growth in the last columns."""
    cols = [(sc, label) for sc in scales for label in ("cold", "warm")]
    head = ["", *[f"{sc.units} {label}" for sc, label in cols]]
    two = len(scales) >= 2
    if two:
        head += ["growth cold", "growth warm"]
    rows: list[dict[str, str]] = []

    def add(name: str, values: list[str], g: tuple[str, str] = ("", "")) -> None:
        rows.append([name, *values, *(g if two else ())])

    def g_of(fn: Any) -> tuple[str, str]:
        out = []
        for label in ("cold", "warm"):
            r = growth(scales[0], scales[-1], fn(getattr(scales[0], label)), fn(getattr(scales[-1], label)))
            out.append("" if r is None else f"{r:.2f}")
        return out[0], out[1]

    add("units · reports · figures", [f"{sc.project['units']}·{sc.project['reports']}·{sc.project['figures']}" for sc, _ in cols])
    add("pages (both languages)", [str(b.get("pages", "")) for b in (getattr(sc, lb) for sc, lb in cols)])
    add("charts drawn / cached", [f"{b.get('charts_drawn', '')}/{b.get('charts_cached', '')}" for b in (getattr(sc, lb) for sc, lb in cols)])
    rows.append(["seconds"] + [""] * (len(head) - 1))
    for stage in (*STAGES, "other", "total"):
        add(f"  {stage}", [f"{_stage(getattr(sc, lb), stage):.1f}" for sc, lb in cols], g_of(lambda b, s=stage: _stage(b, s)))
    add("  wall (with start-up)", [f"{getattr(sc, lb).get('wall_s', 0):.1f}" for sc, lb in cols], g_of(lambda b: b.get("wall_s", 0)))
    add("  per 1,000 units", [f"{_stage(getattr(sc, lb), 'total') / sc.units * 1000:.0f}" for sc, lb in cols])
    rows.append(["peak memory, MiB"] + [""] * (len(head) - 1))
    add("  build process (ru_maxrss)", [f"{getattr(sc, lb)['rss_build_mib']:.0f}" for sc, lb in cols], g_of(lambda b: b["rss_build_mib"]))
    add("  largest child (ru_maxrss)", [f"{getattr(sc, lb)['rss_child_max_mib']:.0f}" for sc, lb in cols], g_of(lambda b: b["rss_child_max_mib"]))
    for kind in ("mkdocs", "other", "pagefind"):
        add(f"  {'other children' if kind == 'other' else kind} (sampled RSS, summed)",
            [f"{getattr(sc, lb)['sampled_peak_rss_mib'].get(kind, 0):.0f}" for sc, lb in cols])
    add("  whole tree (sampled PSS)", [f"{getattr(sc, lb)['sampled_peak_tree_pss_mib']:.0f}" for sc, lb in cols],
        g_of(lambda b: b["sampled_peak_tree_pss_mib"]))
    add("site size, MiB", [f"{getattr(sc, lb).get('site_mib', 0):.0f}" for sc, lb in cols], g_of(lambda b: b.get("site_mib", 0)))
    add("HTML page, KiB (mean)", [f"{html_kib_per_page(getattr(sc, lb)):.1f}" for sc, lb in cols], g_of(html_kib_per_page))
    add("HTML page, KiB (largest)", [f"{getattr(sc, lb).get('largest_html', (0, ''))[0]:.0f}" for sc, lb in cols])
    add("load average before/after", [f"{getattr(sc, lb).get('loadavg_before', 0):.1f}/{getattr(sc, lb).get('loadavg_after', 0):.1f}" for sc, lb in cols])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)) for r in [head, *rows]]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, nargs="+", default=list(DEFAULT_UNITS), help="scales to build, in units (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the generated projects")
    parser.add_argument("--workdir", type=Path, help="where to generate and build (default: a new temporary folder)")
    parser.add_argument("--json", type=Path, help="where to write the results (default: <workdir>/bench-result.json)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and their sites")
    parser.add_argument("--no-targets", action="store_true", help="measure and report only; do not fail on targets")
    parser.add_argument("--profile", action="store_true", help="run each build under cProfile (slower); .prof files go to the workdir")
    parser.add_argument("--simulate-regression", choices=["full-nav"], help="check the benchmark itself: put every page into the mkdocs navigation")
    parser.add_argument("--generate-only", type=Path, metavar="DIR", help="only generate a project of --units[0] units into DIR")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        return worker(args.worker, args.worker_out, args.worker_profile, args.simulate_regression)
    if args.generate_only:
        stats = generate(args.generate_only, args.units[0], args.seed)
        print(f"{args.generate_only}: {stats}")
        return 0
    units = sorted(set(args.units))
    for path in (args.workdir, args.json):
        if path is not None and _inside_repo(path):
            parser.error(f"{path} is inside the repository; the benchmark writes only outside it")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="minh-bach-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    out_json = args.json or workdir / "bench-result.json"
    print(f"benchmark in {workdir} · scales {', '.join(map(str, units))} units · seed {args.seed}", flush=True)

    scales: list[Scale] = []
    failed: list[str] = []
    for n in units:
        sc = Scale(n)
        root = workdir / f"project-{n}"
        if root.exists():
            shutil.rmtree(root)
        t = time.perf_counter()
        stats = generate(root, n, args.seed)
        sc.generate_s = time.perf_counter() - t
        sc.project = {k: v for k, v in asdict(stats).items()}
        print(f"[{n}] generated {stats} in {sc.generate_s:.1f} s", flush=True)
        for label in ("cold", "warm"):
            prof = workdir / f"profile-{n}-{label}.prof" if args.profile else None
            res = run_build(root, workdir / f"build-{n}-{label}.json", workdir / f"build-{n}-{label}.log", prof, args.simulate_regression)
            setattr(sc, label, res)
            if not res.get("ok"):
                failed.append(f"{label} build at {n} units failed: {res.get('error')}")
                print(f"[{n}] {label} build FAILED: {res.get('error')}", flush=True)
                for finding in res.get("findings", []):
                    print(f"    {finding}")
                break
            print(f"[{n}] {label}: {_stage(res, 'total'):.1f} s, {res['pages']} pages, charts {res['charts_drawn']} drawn / "
                  f"{res['charts_cached']} cached, build {res['rss_build_mib']:.0f} MiB, largest child {res['rss_child_max_mib']:.0f} MiB"
                  + (f", profile {prof}" if prof else ""), flush=True)
        if not args.keep and root.exists():
            shutil.rmtree(root)
        scales.append(sc)
        if failed:
            break

    complete = [sc for sc in scales if sc.cold.get("ok") and sc.warm.get("ok")]
    if complete:
        print()
        print(table(complete))
    missed = failed + ([] if args.no_targets or failed else check_targets(complete))
    doc = {
        "measured_at": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
        "seed": args.seed,
        "regression_simulated": args.simulate_regression,
        "targets": {k: v for k, v in globals().items() if k.startswith("TARGET_") or k in ("MIN_STAGE_SECONDS", "STAGE_BUDGET_S_PER_1000_UNITS", "MEASURED_ON")},
        "scales": [asdict(sc) for sc in scales],
        "growth": ({stage: {label: growth(complete[0], complete[-1], _stage(getattr(complete[0], label), stage), _stage(getattr(complete[-1], label), stage))
                            for label in ("cold", "warm")} for stage in (*STAGES, "other", "total")} if len(complete) >= 2 else {}),
        "missed": missed,
    }
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nresults: {out_json}")
    if missed:
        print("\nTARGETS MISSED:")
        for line in missed:
            print(f"  - {line}")
        return 1
    if not args.no_targets:
        print(f"all targets met (targets measured {MEASURED_ON})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
