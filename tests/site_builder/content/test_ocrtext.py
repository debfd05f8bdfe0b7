"""The reading of an OCR quote is the same text: `ocrtext.same_text`, on invented and shipped quotes."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from site_builder.content import ocrtext
from site_builder.content.model import Report
from site_builder.content.ocrtext import same_text
from site_builder.content.readings import readings_path

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("ocr, reading", [
    ("Tong s6 ho so la 1962", "Tổng số hồ sơ là 1962"),  # diacritics lost, ố read as 6
    ("UBND x4 d4 ban hanh", "UBND xã đã ban hành"),  # ã read as 4
    ("Pai hoc 19 ngudi", "Đại học 19 người"),  # Đ read as P, ườ as ud
    ("xu 1y ho s0", "xử lý hồ sơ"),  # l read as 1, ơ as 0
    ("ty 18 dat 99 04 A", "tỷ lệ đạt 99,04%"),  # ệ read as 8, the comma lost, % read as A
    ("can b, cong chirc", "cán bộ, công chức"),  # ộ lost inside a word, ứ read as ir
    ("S Noi vu", "Sở Nội vụ"),
    ("co s& chic nang", "cơ sở chức năng"),
    ("xava05 thon", "xã và 05 thôn"),  # words run together
    ("Iinh vue", "lĩnh vực"),  # l read as I, c as e
    ("<i>Số lượng</i> 96", "Số lượng 96"),  # italic tags of a PDF conversion
])
def test_accepts_the_documented_misreadings(ocr: str, reading: str) -> None:
    assert same_text(ocr, reading) is None


@pytest.mark.parametrize("ocr, reading, word", [
    ("tiep nhan 7.447 ho so", "tiếp nhận 7.448 hồ sơ", "'7.448'"),  # a digit changed
    ("tiep nhan 7.447 ho so", "tiếp nhận 7.47 hồ sơ", "'7.47'"),  # a digit dropped
    ("tiep nhan 747 ho so", "tiếp nhận 7447 hồ sơ", "'7447'"),  # a digit added
    ("dat 20% thu tuc", "đạt 20 thủ tục", "'thủ'"),  # the percent sign dropped
    ("04 cau hoi", "ồ câu hỏi", "'câu'"),  # digits that are a number do not all become letters
    ("tiep nhan 04 cau hoi", "trả lại 04 câu hỏi", "'trả'"),  # a word changed
    ("da giai quyet dung han", "đã giải quyết hạn", "'hạn'"),  # a word dropped
    ("da giai quyet dung han", "đã giải quyết không đúng hạn", "'không'"),  # a word added
    ("Ho so cua S& Tu phap", "Hồ sơ của Sở Nội vụ", "'Nội'"),  # a name changed
])
def test_refuses_a_changed_word_or_digit_naming_it(ocr: str, reading: str, word: str) -> None:
    why = same_text(ocr, reading)
    assert why is not None and why.startswith(word), why


def test_a_reading_that_stops_early_says_what_the_ocr_goes_on_with() -> None:
    assert same_text("tiep nhan 04 cau hoi", "tiếp nhận 04") == "the OCR goes on with 'cau hoi' where the reading ends"


def test_a_standalone_accented_word_cannot_be_slipped_in() -> None:
    # an accented vowel may be lost inside a word, never as a whole word the OCR does not show
    assert same_text("tiep nhan tai xa", "tiếp nhận tại ở xã") is not None


def _shipped() -> list[tuple[str, str, str]]:
    """(readings file, OCR quote, reading) of every shipped readings file."""
    out = []
    for path in sorted((ROOT / "content/sources").glob("*.readings.yaml")):
        for entry in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["readings"]:
            out.append((path.name, entry["ocr"], entry["reading"]))
    return out


def test_every_shipped_reading_is_its_quote() -> None:
    shipped = _shipped()
    assert len(shipped) > 100
    bad = [(name, reading, why) for name, ocr, reading in shipped if (why := same_text(ocr, reading)) is not None]
    assert not bad


def test_every_quote_of_a_restored_source_has_a_shipped_reading() -> None:
    yaml = YAML(typ="safe")
    for path in sorted((ROOT / "content/reports").glob("*.yaml")):
        report = Report.model_validate(yaml.load(path.read_text(encoding="utf-8")))
        csv_path = ROOT / "datapackages/cchc-figures/data" / f"{report.id}.csv"
        if not report.source.diacritics_restored or not csv_path.is_file():
            continue
        quotes = {row["quote"] for row in csv.DictReader(csv_path.open(encoding="utf-8"))}
        readings_file = ROOT / "content/sources" / readings_path(report.source.file)
        entries = yaml.load(readings_file.read_text(encoding="utf-8"))["readings"]
        assert quotes <= {e["ocr"] for e in entries}, report.id
        # a reading that only copies its quote would hide nothing: most restore something
        assert sum(e["ocr"] != e["reading"] for e in entries) >= len(entries) // 4, report.id


def test_every_misreading_of_the_table_is_needed_by_a_shipped_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table is what the shipped OCR shows, no wider: without any one entry, a shipped reading fails."""
    shipped = [(ocr, reading) for _, ocr, reading in _shipped()]
    for k, entry in enumerate(ocrtext.MISREAD):
        monkeypatch.setattr(ocrtext, "MISREAD", ocrtext.MISREAD[:k] + ocrtext.MISREAD[k + 1:])
        assert any(same_text(ocr, reading) is not None for ocr, reading in shipped), f"{entry} is used by no shipped reading"
        monkeypatch.undo()
    for char in sorted(ocrtext.ACCENTED_VOWEL_AS):
        monkeypatch.setattr(ocrtext, "ACCENTED_VOWEL_AS", ocrtext.ACCENTED_VOWEL_AS - {char})
        assert any(same_text(ocr, reading) is not None for ocr, reading in shipped), f"{char!r} is used by no shipped reading"
        monkeypatch.undo()


def test_contributing_documents_every_misreading() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    vi, _, en = text.partition("\n## English\n")
    for half in (vi, en):
        for printed, meant in ocrtext.MISREAD:
            assert f"`{printed}` →" in half or f"`{printed}` và" in half or f"`{printed}` and" in half, printed
        spans = re.findall(r"`(a e i o u y [^`]*)`", half)
        assert spans and all(set(span.split()) == ocrtext.ACCENTED_VOWEL_AS for span in spans)
