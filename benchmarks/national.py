"""A synthetic national corpus: 34 provinces and 3,321 communes, ten years of dossier statistics.

Vietnam's map since 1 July 2025 (Resolution 202/2025/QH15, Decision 19/2025/QĐ-TTg): 34
provinces and centrally run cities, and below them 3,321 communes, wards and special zones, no
district level. This module writes a project of that shape for `make bench`; it never touches
the shipped `content/`.

What it writes, all deterministic from `--seed`:

- 34 provinces with their real names, and under each its real number of commune-level units
  (the counts of the 2025 resolutions; they add up to 3,321). Commune names are made of
  Vietnamese place-name syllables, NFC, with traditional tone marks; a name that repeats
  within the country gets its province in the id, as the real ones do in national lists.
- Ten years (2016–2025) of dossier statistics per unit, with gaps: a unit may start reporting
  late, skip a year, or leave a cell blank ("-" in the table, `missing` in the CSV).
- Per province and year, one statistical report whose appendix table has a row per commune
  and a total row; every figure quotes its row verbatim.
- For one commune in ten, its own annual report for every year, with the satisfaction rate
  and its dossier totals (the same numbers as the province's table, as real reports repeat
  them).

- What the site has learnt to show since (issues 16–22), per province, from a random stream of
  its own so that everything above stays as it was: a report on the first nine months of 2025
  (a partial period, `2025-9M`), whose sentences word some numbers "khoảng", "ước đạt" and
  "trên" (qualifiers) and break one down by two dimensions at once (`channel=in-person;level=commune`);
  and two districts abolished in the 2025 reorganisation, each with its 2019 report.

`edit_one_report` makes the edit the benchmark's second build measures: one commune report's
satisfaction rate changes in its CSV and in its source sentence, as an editor's fix would.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_build import (  # noqa: E402  (the shared writers of generated projects)
    FAMILY, GIVEN, MIDDLE, PACKAGE, REPO, SYLLABLES, _item, _q, _text, _Writer, fold, vi_number,
)
from site_builder.content.packages import FIGURE_FIELDS  # noqa: E402
from site_builder.content.yamlio import parse_yaml  # noqa: E402

DEFAULT_SEED = 20250701
YEARS = tuple(range(2016, 2026))

# (name, kind in Vietnamese, English name, communes): the 34 provincial-level units of 2025 and
# the number of commune-level units of each.
PROVINCES: tuple[tuple[str, str, str, int], ...] = (
    ("Hà Nội", "Thành phố", "Hanoi", 126), ("Huế", "Thành phố", "Hue City", 40),
    ("Lai Châu", "Tỉnh", "Lai Chau", 38), ("Điện Biên", "Tỉnh", "Dien Bien", 45),
    ("Sơn La", "Tỉnh", "Son La", 75), ("Lạng Sơn", "Tỉnh", "Lang Son", 65),
    ("Quảng Ninh", "Tỉnh", "Quang Ninh", 54), ("Thanh Hóa", "Tỉnh", "Thanh Hoa", 166),
    ("Nghệ An", "Tỉnh", "Nghe An", 130), ("Hà Tĩnh", "Tỉnh", "Ha Tinh", 69),
    ("Cao Bằng", "Tỉnh", "Cao Bang", 56), ("Tuyên Quang", "Tỉnh", "Tuyen Quang", 124),
    ("Lào Cai", "Tỉnh", "Lao Cai", 99), ("Thái Nguyên", "Tỉnh", "Thai Nguyen", 92),
    ("Phú Thọ", "Tỉnh", "Phu Tho", 148), ("Bắc Ninh", "Tỉnh", "Bac Ninh", 99),
    ("Hưng Yên", "Tỉnh", "Hung Yen", 104), ("Hải Phòng", "Thành phố", "Hai Phong", 114),
    ("Ninh Bình", "Tỉnh", "Ninh Binh", 129), ("Quảng Trị", "Tỉnh", "Quang Tri", 78),
    ("Đà Nẵng", "Thành phố", "Da Nang", 94), ("Quảng Ngãi", "Tỉnh", "Quang Ngai", 96),
    ("Gia Lai", "Tỉnh", "Gia Lai", 135), ("Khánh Hòa", "Tỉnh", "Khanh Hoa", 65),
    ("Lâm Đồng", "Tỉnh", "Lam Dong", 124), ("Đắk Lắk", "Tỉnh", "Dak Lak", 102),
    ("Hồ Chí Minh", "Thành phố", "Ho Chi Minh City", 168), ("Đồng Nai", "Tỉnh", "Dong Nai", 95),
    ("Tây Ninh", "Tỉnh", "Tay Ninh", 96), ("Cần Thơ", "Thành phố", "Can Tho", 103),
    ("Vĩnh Long", "Tỉnh", "Vinh Long", 124), ("Đồng Tháp", "Tỉnh", "Dong Thap", 102),
    ("Cà Mau", "Tỉnh", "Ca Mau", 64), ("An Giang", "Tỉnh", "An Giang", 102),
)
# commune-level kinds (in a name, in a sentence, in English) and how often each occurs
KINDS = ((("Xã", "xã", "commune"), 82), (("Phường", "phường", "ward"), 17), (("Đặc khu", "đặc khu", "special zone"), 1))
INDICATORS = ("dossiers-received", "dossiers-received-online", "dossiers-resolved", "dossiers-resolved-on-time", "dossiers-resolved-late")
COLUMNS_VI = ("Tiếp nhận", "Trực tuyến", "Đã giải quyết", "Đúng hạn", "Trễ hạn")
OWN_REPORT_SHARE = 10  # one commune in ten has its own annual reports


@dataclass
class Place:
    id: str
    name_vi: str  # "Xã Tân Phước"
    name_en: str
    base: str
    kind: tuple[str, str, str]
    admin_code: str
    province: str | None  # the province's id, None for a province
    own_reports: bool = False


@dataclass
class CorpusStats:
    provinces: int = 0
    communes: int = 0
    reports: int = 0
    figures: int = 0
    missing_cells: int = 0
    files: int = 0
    partial_reports: int = 0  # reports on part of a year (2025-9M)
    qualified_figures: int = 0  # "khoảng", "ước đạt", "trên"
    multi_breakdown_figures: int = 0  # broken down by two dimensions at once
    former_units: int = 0  # districts abolished in the 2025 reorganisation
    edit_target: str = ""

    def as_dict(self) -> dict[str, int | str]:
        return dict(self.__dict__)


@dataclass
class _Series:
    """One unit's ten years: None for a year it did not report at all."""

    years: dict[int, dict[str, float | None] | None] = field(default_factory=dict)


def province_codes() -> dict[str, str]:
    """Each province's administrative code from 1 July 2025, as the shipped map of the 34 gives it
    (content/maps/provinces-2025.yaml): the corpus's provinces then lie on their own tiles."""
    doc, _ = parse_yaml("provinces-2025.yaml", (REPO / "content/maps/provinces-2025.yaml").read_text(encoding="utf-8"))
    assert doc is not None and isinstance(doc.data, dict)
    return {tile["name"]["vi"]: tile["code"] for tile in doc.data["tiles"]}


def places(rng: random.Random) -> tuple[list[Place], list[Place]]:
    provinces, communes, used = [], [], set()
    codes = province_codes()
    code = 1
    for name, kind, en, count in PROVINCES:
        pid = fold(name)
        used.add(pid)
        vi_kind = kind if name != "Hồ Chí Minh" else "Thành phố"
        en_name = en if kind == "Tỉnh" or en.endswith("City") else f"{en} City"
        province = Place(pid, f"{vi_kind} {name}", en_name if kind != "Tỉnh" else f"{en} Province", name,
                         (vi_kind, vi_kind.lower(), "province" if kind == "Tỉnh" else "city"), codes[name], None)
        provinces.append(province)
        seen_here: set[str] = set()
        for _ in range(count):
            while True:
                base = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
                first, second = base.split()
                if first != second and base not in seen_here:
                    break
            seen_here.add(base)
            kind3 = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
            slug = fold(f"{kind3[0]} {base}")
            cid, n = slug, 1
            while cid in used:  # "Hòa An" and "Hóa An" fold alike; national lists add the province
                cid = f"{slug}-{pid}" if n == 1 else f"{slug}-{pid}-{n}"
                n += 1
            used.add(cid)
            communes.append(Place(cid, f"{kind3[0]} {base}", f"{base} {kind3[2]}", base, kind3, f"{code:05d}", pid))
            code += 1
    for c in communes:
        c.own_reports = rng.randrange(OWN_REPORT_SHARE) == 0
    return provinces, communes


def series(rng: random.Random) -> _Series:
    """Ten years of consistent dossier figures, with gaps."""
    out = _Series()
    size = rng.randint(600, 9000)
    share = rng.uniform(0.02, 0.2)
    start = YEARS[0] if rng.random() < 0.8 else rng.choice(YEARS[1:5])  # some units start reporting late
    for y in YEARS:
        if y < start or rng.random() < 0.06:  # a year not reported at all
            out.years[y] = None
            share += rng.uniform(0.03, 0.08)
            continue
        received = max(30, round(size * rng.uniform(0.85, 1.2)))
        online = round(received * min(0.97, share))
        resolved = round(received * rng.uniform(0.9, 0.995))
        late = round(resolved * rng.uniform(0.0, 0.06))
        values: dict[str, float | None] = {"dossiers-received": received, "dossiers-received-online": online,
                                           "dossiers-resolved": resolved, "dossiers-resolved-on-time": resolved - late,
                                           "dossiers-resolved-late": late}
        if y < 2019 and rng.random() < 0.3:  # online intake was not counted everywhere before 2019
            values["dossiers-received-online"] = None
        if rng.random() < 0.04:
            values["dossiers-resolved-late"] = None
        out.years[y] = values
        share += rng.uniform(0.03, 0.08)
    return out


def _cell(v: float | None) -> str:
    return "-" if v is None else vi_number(v)


def _row(i: int, name: str, values: dict[str, float | None]) -> str:
    return f"{i} | {name} | " + " | ".join(_cell(values[k]) for k in INDICATORS)


def _figure(rid: str, n: int, unit: str, ind: str, y: int, value: float | None, locator: str, quote: str) -> dict[str, str]:
    return {"id": f"{rid}-{n:03d}", "report": rid, "unit": unit, "indicator": ind, "period": str(y),
            "period_start": f"{y}-01-01", "period_end": f"{y}-12-31",
            "value": "" if value is None else (str(int(value)) if float(value).is_integer() else f"{value:g}"),
            "status": "reported" if value is not None else "missing", "locator": locator, "quote": quote}


def _csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIGURE_FIELDS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _signer(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _report_yaml(rid: str, unit: Place, issuer: Place, number: str, signed: str, place: str, year: int, signer: str,
                 title: tuple[str, str], summary: tuple[str, str], recipient: tuple[str, str]) -> str:
    return (f"id: {rid}\nunit: {unit.id}\nissuer: {issuer.id}\ndocument_type: bao_cao\nnumber: {_q(number)}\ndate: {signed}\n"
            f"place: {_q(place)}\n"
            f"period:\n  kind: year\n  start: {year}-01-01\n  end: {year}-12-31\n  code: \"{year}\"\n"
            f"signer:\n  name: {_q(signer)}\n" + _text(2, "title", "Chủ tịch", "Chairperson")
            + _text(2, "on_behalf", "TM. Ủy ban nhân dân", "On behalf of the People's Committee")
            + "recipients:\n" + _item(2, *recipient) + _item(2, "Lưu: VT", "Filed: records office")
            + _text(0, "title", *title) + _text(0, "summary", *summary)
            + "sections:\n  - field: procedures\n" + _text(4, "heading", "Cải cách thủ tục hành chính", "Administrative procedure reform")
            + "    points:\n" + _item(6, "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên Cổng dịch vụ công.",
                                      "All administrative procedures are published at the one-stop section and on the public service portal.")
            + "assessments:\n  limitations:\n" + _item(4, "Một số hồ sơ còn trễ hạn do phải xác minh thực địa.",
                                                     "Some dossiers were resolved late because they needed a site visit.")
            + f"source:\n  file: {rid}.txt\n  ocr: false\n")


def _header(issuer_vi: str, number: str, place: str, signed: str, heading: str) -> list[str]:
    y, m, d = signed.split("-")
    return [issuer_vi.upper(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", f"Số: {number}",
            f"{place}, ngày {d} tháng {m} năm {y}", "", "BÁO CÁO", heading, ""]


def province_report(rng: random.Random, prov: Place, members: list[Place], data: dict[str, _Series], year: int
                    ) -> tuple[str, str, list[dict[str, str]], int]:
    """The province's statistical report for `year`: an appendix row per commune and a total row."""
    rid = f"{prov.id}-thong-ke-tthc-{year}"
    number = f"{rng.randint(20, 480)}/BC-UBND"
    signed = f"{year + 1}-01-{rng.randint(10, 28):02d}"
    signer = _signer(rng)
    rows: list[dict[str, str]] = []
    lines = _header(f"Ủy ban nhân dân {prov.name_vi}", number, prov.base, signed,
                    f"Thống kê kết quả giải quyết thủ tục hành chính năm {year}")
    lines += ["I. TÌNH HÌNH CHUNG",
              "Ủy ban nhân dân các xã, phường, đặc khu tiếp tục thực hiện cơ chế một cửa, một cửa liên thông; "
              "kết quả giải quyết hồ sơ được tổng hợp tại Phụ lục kèm theo.", "",
              f"PHỤ LỤC: KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH NĂM {year}",
              "STT | Đơn vị | " + " | ".join(COLUMNS_VI)]
    total = {k: 0.0 for k in INDICATORS}
    n = missing = 0
    line_no = 0
    for c in members:
        values = data[c.id].years[year]
        if values is None:
            continue
        line_no += 1
        row = _row(line_no, c.name_vi, values)
        lines.append(row)
        for ind, col in zip(INDICATORS, COLUMNS_VI):
            n += 1
            missing += values[ind] is None
            rows.append(_figure(rid, n, c.id, ind, year, values[ind], f"Phụ lục, dòng {line_no}, cột {col}", row))
            total[ind] += values[ind] or 0
    total_row = f"Tổng cộng | {line_no} đơn vị | " + " | ".join(vi_number(total[k]) for k in INDICATORS)
    lines.append(total_row)
    for ind, col in zip(INDICATORS, COLUMNS_VI):
        n += 1
        rows.append(_figure(rid, n, prov.id, ind, year, total[ind], f"Phụ lục, dòng Tổng cộng, cột {col}", total_row))
    lines += ["", "II. ĐÁNH GIÁ", "Tỷ lệ hồ sơ trực tuyến tiếp tục tăng; một số đơn vị còn để hồ sơ trễ hạn.", "",
              "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer, ""]
    yaml = _report_yaml(
        rid, prov, prov, number, signed, prov.base, year, signer,
        (f"Báo cáo thống kê kết quả giải quyết thủ tục hành chính năm {year}",
         f"Statistical report on the handling of administrative procedures in {year}"),
        (f"{prov.name_vi} tổng hợp kết quả giải quyết hồ sơ của {line_no} xã, phường, đặc khu năm {year}: "
         f"tiếp nhận {vi_number(total['dossiers-received'])} hồ sơ.",
         f"{prov.name_en} compiles the dossier results of {line_no} communes, wards and special zones for {year}: "
         f"{int(total['dossiers-received']):,} dossiers received."),
        ("Văn phòng Chính phủ", "Office of the Government"))
    return yaml, "\n".join(lines), rows, missing


def commune_report(rng: random.Random, c: Place, prov: Place, values: dict[str, float | None], year: int
                   ) -> tuple[str, str, list[dict[str, str]]]:
    """A commune's own annual report: its dossier totals and the satisfaction rate."""
    rid = f"{c.id}-cchc-{year}"
    number = f"{rng.randint(5, 320)}/BC-UBND"
    signed = f"{year}-12-{rng.randint(5, 28):02d}"
    signer = _signer(rng)
    satisfaction = round(rng.uniform(85, 99.9), 1)
    flow = (f"Năm {year}, Bộ phận Một cửa {c.kind[1]} {c.base} tiếp nhận {_cell(values['dossiers-received'])} hồ sơ; "
            f"đã giải quyết {_cell(values['dossiers-resolved'])} hồ sơ.")
    happy = f"Tỷ lệ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính năm {year} đạt {vi_number(satisfaction, 1)}%."
    lines = _header(f"Ủy ban nhân dân {c.name_vi}", number, prov.base, signed, f"Kết quả cải cách hành chính năm {year}")
    lines += ["I. KẾT QUẢ THỰC HIỆN", flow, happy, "", "II. TỒN TẠI, HẠN CHẾ",
              "Hạ tầng công nghệ thông tin chưa đồng bộ.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer, ""]
    rows = [_figure(rid, 1, c.id, "dossiers-received", year, values["dossiers-received"], "Mục I, đoạn 1", flow),
            _figure(rid, 2, c.id, "dossiers-resolved", year, values["dossiers-resolved"], "Mục I, đoạn 1", flow),
            _figure(rid, 3, c.id, "satisfaction-rate", year, satisfaction, "Mục I, đoạn 2", happy)]
    yaml = _report_yaml(
        rid, c, c, number, signed, prov.base, year, signer,
        (f"Báo cáo kết quả thực hiện công tác cải cách hành chính năm {year}", f"Report on the results of administrative reform in {year}"),
        (f"Báo cáo của UBND {c.kind[1]} {c.base} về kết quả cải cách hành chính năm {year}; tỷ lệ hài lòng đạt {vi_number(satisfaction, 1)}%.",
         f"Report of the People's Committee of {c.name_en} on its administrative reform results in {year}; satisfaction reached {satisfaction:g}%."),
        (f"UBND {prov.kind[1]} {prov.base}", f"People's Committee of {prov.name_en}"))
    return yaml, "\n".join(lines), rows


def _qualified(rid: str, n: int, unit: str, ind: str, value: float, qualifier: str, breakdown: str, locator: str, quote: str,
               period: tuple[str, str, str]) -> dict[str, str]:
    row = _figure(rid, n, unit, ind, 0, value, locator, quote)
    row["period"], row["period_start"], row["period_end"] = period
    row["qualifier"], row["breakdown"] = qualifier, breakdown
    return row


NINE_MONTHS = ("2025-9M", "2025-01-01", "2025-09-30")


def nine_month_report(rng: random.Random, prov: Place, received: float) -> tuple[str, str, list[dict[str, str]]]:
    """The province's report on the first nine months of 2025: a partial period, qualified numbers
    and a figure broken down by two dimensions. `received`: its 2024 total, for plausible sizes."""
    rid = f"{prov.id}-cchc-9-thang-2025"
    number = f"{rng.randint(300, 420)}/BC-UBND"
    signed = f"2025-10-{rng.randint(2, 20):02d}"
    signer = _signer(rng)
    total = round(received * rng.uniform(0.7, 0.8))
    online = round(total * rng.uniform(0.6, 0.9), -2)
    desk = round(total * rng.uniform(0.05, 0.1), -2)
    satisfaction = round(rng.uniform(90, 99), 1)
    flow = (f"Trong 9 tháng đầu năm 2025, toàn tỉnh tiếp nhận {vi_number(total)} hồ sơ, "
            f"trong đó khoảng {vi_number(online)} hồ sơ trực tuyến.")
    desk_line = f"Bộ phận Một cửa cấp xã tiếp nhận trực tiếp trên {vi_number(desk)} hồ sơ."
    happy = f"Tỷ lệ hài lòng của người dân, tổ chức ước đạt {vi_number(satisfaction, 1)}%."
    lines = _header(f"Ủy ban nhân dân {prov.name_vi}", number, prov.base, signed,
                    "Kết quả cải cách hành chính 9 tháng đầu năm 2025")
    lines += ["I. KẾT QUẢ THỰC HIỆN", flow, desk_line, happy, "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer, ""]
    rows = [_qualified(rid, 1, prov.id, "dossiers-received", total, "", "", "Mục I, đoạn 1", flow, NINE_MONTHS),
            _qualified(rid, 2, prov.id, "dossiers-received-online", online, "approx", "", "Mục I, đoạn 1", flow, NINE_MONTHS),
            _qualified(rid, 3, prov.id, "dossiers-received", desk, "more_than", "channel=in-person;level=commune", "Mục I, đoạn 2",
                       desk_line, NINE_MONTHS),
            _qualified(rid, 4, prov.id, "satisfaction-rate", satisfaction, "estimated", "", "Mục I, đoạn 3", happy, NINE_MONTHS)]
    yaml = _report_yaml(
        rid, prov, prov, number, signed, prov.base, 2025, signer,
        ("Báo cáo kết quả cải cách hành chính 9 tháng đầu năm 2025", "Report on administrative reform in the first nine months of 2025"),
        (f"{prov.name_vi} tiếp nhận {vi_number(total)} hồ sơ trong 9 tháng đầu năm 2025.",
         f"{prov.name_en} received {int(total):,} dossiers in the first nine months of 2025."),
        ("Văn phòng Chính phủ", "Office of the Government"))
    yaml = yaml.replace('period:\n  kind: year\n  start: 2025-01-01\n  end: 2025-12-31\n  code: "2025"\n',
                        'period:\n  kind: months\n  start: 2025-01-01\n  end: 2025-09-30\n  code: "2025-9M"\n')
    return yaml, "\n".join(lines), rows


def former_districts(rng: random.Random, prov: Place, used: set[str]) -> list[Place]:
    """Two districts of the province that the 2025 reorganisation abolished (the district level went)."""
    out = []
    while len(out) < 2:
        base = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        did = f"huyen-{fold(base)}-{prov.id}"
        if base.split()[0] == base.split()[1] or did in used:
            continue
        used.add(did)
        out.append(Place(did, f"Huyện {base}", f"{base} District", base, ("Huyện", "huyện", "district"), "", prov.id))
    return out


def former_report(rng: random.Random, d: Place, prov: Place) -> tuple[str, str, list[dict[str, str]]]:
    """A district's 2019 report, from before the reorganisation."""
    rid = f"{d.id}-cchc-2019"
    number = f"{rng.randint(5, 320)}/BC-UBND"
    signed = f"2019-12-{rng.randint(5, 28):02d}"
    signer = _signer(rng)
    received = rng.randint(2000, 30000)
    flow = f"Năm 2019, Bộ phận Một cửa huyện {d.base} tiếp nhận {vi_number(received)} hồ sơ."
    lines = _header(f"Ủy ban nhân dân {d.name_vi}", number, prov.base, signed, "Kết quả cải cách hành chính năm 2019")
    lines += ["I. KẾT QUẢ THỰC HIỆN", flow, "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer, ""]
    rows = [_figure(rid, 1, d.id, "dossiers-received", 2019, received, "Mục I, đoạn 1", flow)]
    yaml = _report_yaml(
        rid, d, d, number, signed, prov.base, 2019, signer,
        ("Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2019", "Report on the results of administrative reform in 2019"),
        (f"Huyện {d.base} tiếp nhận {vi_number(received)} hồ sơ năm 2019.", f"{d.name_en} received {received:,} dossiers in 2019."),
        (f"UBND {prov.kind[1]} {prov.base}", f"People's Committee of {prov.name_en}"))
    return yaml, "\n".join(lines), rows


def _unit_yaml(p: Place) -> str:
    level = "province" if p.province is None else "district" if p.kind[2] == "district" else "commune"
    text = f"id: {p.id}\nlevel: {level}\n"
    if p.province:
        text += f"parent: {p.province}\n"
    text += _text(0, "name", p.name_vi, p.name_en) + _text(0, "short_name", p.base, p.base)
    if p.admin_code:
        text += f'admin_code: "{p.admin_code}"\n'
    if level == "district":
        text += "reorganisation_2025:\n  status: abolished\n" + _text(2, "note", "Cấp huyện kết thúc hoạt động từ ngày 1/7/2025.",
                                                                         "The district level ended on 1 July 2025.")
    elif p.province:
        text += "reorganisation_2025:\n  status: continued\n"
    return text


def generate(root: Path, seed: int = DEFAULT_SEED, provinces: int | None = None, communes_cap: int | None = None,
             progress: Callable[[str], None] = lambda s: None) -> CorpusStats:
    """Write the national corpus into `root` (new or empty, outside the repository).

    `provinces` keeps only the first N provinces and `communes_cap` at most N communes in each
    (for quick trials and tests); the defaults give all 34 and all 3,321. Names and each unit's
    ten years of figures do not depend on what is left out.
    """
    if root.exists() and any(root.iterdir()):
        raise ValueError(f"{root} is not empty")
    if root.resolve().is_relative_to(REPO):
        raise ValueError(f"{root} is inside the repository; generate into a temporary folder")
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("indicators", "glossary", "pages", "breakdowns", "maps"):
        if (REPO / "content" / folder).is_dir():
            shutil.copytree(REPO / "content" / folder, root / "content" / folder)
    write = _Writer(root)
    provs, communes = places(rng)
    if provinces is not None:
        keep = {p.id for p in provs[:provinces]}
        provs = provs[:provinces]
        communes = [c for c in communes if c.province in keep]
    if communes_cap is not None:
        kept: dict[str | None, int] = {}
        capped = []
        for c in communes:
            kept[c.province] = kept.get(c.province, 0) + 1
            if kept[c.province] <= communes_cap:
                capped.append(c)
        communes = capped
    by_id = {p.id: p for p in provs}
    stats = CorpusStats(provinces=len(provs), communes=len(communes))
    for p in provs + communes:
        write(f"content/units/{p.id}.yaml", _unit_yaml(p))
    data = {c.id: series(random.Random(f"{seed}:{c.id}")) for c in communes}  # a unit's numbers depend on it alone
    pkg = root / "datapackages" / PACKAGE
    pkg.mkdir(parents=True)
    shutil.copyfile(REPO / "datapackages" / PACKAGE / "figures.schema.yaml", pkg / "figures.schema.yaml")
    resources: list[str] = []

    def emit(rid: str, yaml: str, source: str, rows: list[dict[str, str]]) -> None:
        write(f"content/reports/{rid}.yaml", yaml)
        write(f"content/sources/{rid}.txt", source)
        write(f"datapackages/{PACKAGE}/data/{rid}.csv", _csv(rows))
        resources.append(rid)
        stats.reports += 1
        stats.figures += len(rows)

    used = {p.id for p in provs + communes}
    for i, prov in enumerate(provs, start=1):
        members = [c for c in communes if c.province == prov.id]
        for year in YEARS:
            yaml, source, rows, missing = province_report(rng, prov, members, data, year)
            stats.missing_cells += missing
            emit(f"{prov.id}-thong-ke-tthc-{year}", yaml, source, rows)
        for c in members:
            if not c.own_reports:
                continue
            for year in YEARS:
                values = data[c.id].years[year]
                if values is None or values["dossiers-received"] is None:
                    continue
                yaml, source, rows = commune_report(rng, c, prov, values, year)
                emit(f"{c.id}-cchc-{year}", yaml, source, rows)
                if not stats.edit_target:
                    stats.edit_target = f"{c.id}-cchc-{year}"
        more = random.Random(f"{seed}:since:{prov.id}")  # a stream of its own: what is above stays as it was
        last = [data[c.id].years[2024] for c in members]
        received = sum((v or {}).get("dossiers-received") or 0 for v in last) or 10_000
        yaml, source, rows = nine_month_report(more, prov, received)
        emit(f"{prov.id}-cchc-9-thang-2025", yaml, source, rows)
        stats.partial_reports += 1
        stats.qualified_figures += sum(1 for r in rows if r["qualifier"])
        stats.multi_breakdown_figures += sum(1 for r in rows if ";" in r["breakdown"])
        for d in former_districts(more, prov, used):
            write(f"content/units/{d.id}.yaml", _unit_yaml(d))
            stats.former_units += 1
            yaml, source, rows = former_report(more, d, prov)
            emit(f"{d.id}-cchc-2019", yaml, source, rows)
        progress(f"generate: {i}/{len(provs)} provinces, {stats.reports:,} reports, {stats.figures:,} figures")
    descriptor = (f"name: {PACKAGE}\ntitle: {_q('National administrative-reform figures (synthetic)')}\ntitle_vi: {_q('Số liệu cải cách hành chính toàn quốc (tổng hợp)')}\n"
                  "description: A generated data set for benchmarks.\ndescription_vi: Bộ dữ liệu sinh tự động để đo hiệu năng.\n"
                  "version: 0.1.0\nlicenses:\n  - name: CC-BY-4.0\n    path: https://creativecommons.org/licenses/by/4.0/\n"
                  "    title: Creative Commons Attribution 4.0\nresources:\n")
    descriptor += "".join(f"  - name: {rid}\n    path: data/{rid}.csv\n    schema: figures.schema.yaml\n" for rid in resources)
    write(f"datapackages/{PACKAGE}/datapackage.yaml", descriptor)
    stats.files = write.files
    (root / "corpus.json").write_text(json.dumps(stats.as_dict(), indent=1), encoding="utf-8")
    return stats


def edit_one_report(root: Path, report_id: str) -> str:
    """An editor's fix to one report: its satisfaction rate goes up by 0.1 point, in the CSV and the source.

    Returns what changed, for the benchmark's log.
    """
    csv_path = root / "datapackages" / PACKAGE / "data" / f"{report_id}.csv"
    source_path = root / "content" / "sources" / f"{report_id}.txt"
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["indicator"] == "satisfaction-rate")
    old = float(row["value"])
    new = round(old + 0.1 if old < 99.5 else old - 0.1, 1)
    old_quote = row["quote"]
    new_quote = old_quote.replace(f"đạt {vi_number(old, 1)}%", f"đạt {vi_number(new, 1)}%")
    if new_quote == old_quote:
        raise ValueError(f"{report_id}: the satisfaction sentence does not hold {vi_number(old, 1)}%")
    row["value"], row["quote"] = f"{new:g}", new_quote
    csv_path.write_text(_csv(rows), encoding="utf-8")
    source_path.write_text(source_path.read_text(encoding="utf-8").replace(old_quote, new_quote), encoding="utf-8")
    return f"{report_id}: satisfaction-rate {old:g} → {new:g}"


def edit_report_title(root: Path, report_id: str) -> None:
    """An editor's fix to a report's Vietnamese title: its pages, and what lists it, change."""
    path = root / "content" / "reports" / f"{report_id}.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace('vi: "Báo cáo', 'vi: "Bản sửa: báo cáo', 1)
    if edited == text:
        raise ValueError(f"{report_id}: no title beginning 'Báo cáo'")
    path.write_text(edited, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the synthetic national corpus (34 provinces, 3,321 communes) into a folder.")
    parser.add_argument("folder", type=Path, help="a new or empty folder outside the repository")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--provinces", type=int, default=None, help="keep only the first N provinces (quick trials)")
    parser.add_argument("--communes-cap", type=int, default=None, help="at most N communes a province (quick trials)")
    args = parser.parse_args(argv)
    stats = generate(args.folder, args.seed, args.provinces, args.communes_cap, progress=lambda s: print(s, file=sys.stderr))
    print(json.dumps(stats.as_dict(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
