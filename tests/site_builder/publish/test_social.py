"""Link-preview cards (publish/social.py): drawn with Pillow on a shared template, text kept inside
its box however long, Vietnamese glyphs drawn, byte-identical for the same data, cached by digest."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from site_builder.compute.derive import Computed, compute
from site_builder.content.corpus import Corpus
from site_builder.content.validate import validate
from site_builder.publish import i18n, social
from site_builder.publish.social import HEADER, HEIGHT, MARGIN, STATS_BOTTOM, STATS_TOP, WIDTH, Card, Stat

ROOT = Path(__file__).resolve().parents[3]
NBSP = "\u00a0"

LONG_VI = ("Ủy ban nhân dân xã Đắk Rơ Wa thuộc Trung tâm Phục vụ hành chính công tỉnh Bà Rịa – Vũng Tàu "
           "và Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện")
LONG_CARD = Card(
    "Minh Bạch", i18n.TAGLINE["vi"], "Phường · Thành phố Thủ Dầu Một · Thành phố Hồ Chí Minh · " * 3, LONG_VI,
    (Stat("12.345.678.901 (ước tính)", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn trên tổng số", "6 tháng đầu năm 2024, lũy kế đến ngày 30 tháng 6"),
     Stat(f"≈{NBSP}99,5%", "Mộttừrấtdàikhôngcódấucáchnàođểxuốngdòngcảmàvẫnphảinằmtrongcột", "Quý III/2023"),
     Stat("Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài", "Tỷ lệ", "2022-9M")),
    "1.234 báo cáo · 56.789 số liệu · " * 5)


@pytest.fixture(scope="module")
def shipped() -> tuple[Corpus, Computed]:
    corpus, findings = validate(ROOT)
    assert corpus is not None, [str(p) for p in findings.errors]
    return corpus, compute(corpus)


def blank(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """Nothing drawn in `box`: every pixel is the white ground (palette index 0)."""
    return image.crop(box).getbbox() is None


def chunks(png: bytes) -> list[bytes]:
    names, at = [], 8
    while at < len(png):
        length, name = struct.unpack(">I4s", png[at:at + 8])
        names.append(name)
        at += 12 + length
    return names


# ------------------------------------------------------------------ text in its box

@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="aăâđeêioôơuưyAĐƯắỗệ-.,0123456789", min_size=1, max_size=30), min_size=1, max_size=25),
       st.integers(min_value=1, max_value=3), st.integers(min_value=60, max_value=900))
def test_wrapped_lines_stay_within_the_width_and_the_line_count(words: list[str], max_lines: int, width: int) -> None:
    text = " ".join(words)
    face = social.font(16)
    lines, whole = social.wrap(text, face, width, max_lines)
    assert 1 <= len(lines) <= max_lines
    assert all(face.getlength(line) <= width for line in lines)
    if whole:  # nothing lost, nothing added
        assert " ".join(lines) == text
    else:
        assert lines[-1].endswith("…") or any(line.endswith("…") for line in lines)


def test_a_no_break_space_holds_a_qualifier_to_its_number() -> None:
    value = f"≈{NBSP}1.200"
    face = social.font(22, True)
    lines, whole = social.wrap(value, face, face.getlength(value) - 1, 2)
    assert not whole and len(lines) == 1  # cut, never split at the no-break space
    lines, whole = social.wrap(f"khoảng {value}", face, face.getlength(value) + 1, 2)
    assert whole and lines == ["khoảng", value]


def test_every_unit_name_of_the_project_is_shown_whole(shipped: tuple[Corpus, Computed]) -> None:
    """The longest names there are (an office's full English name runs to 75 characters) fit the
    card's lines at some size: shrunk, not cut."""
    corpus, computed = shipped
    for unit_id in corpus.units:
        for lang in i18n.LANGS:
            card = social.unit_card(corpus, computed, unit_id, lang)
            size, lines, whole = social.fit(card.title, social.TITLE_SIZES, WIDTH - 2 * MARGIN, 2 if card.stats else 3)
            assert whole, f"{unit_id} ({lang}): {card.title!r} cut to {lines}"
            assert " ".join(lines) == card.title


def test_a_longer_name_gets_a_smaller_size() -> None:
    width = WIDTH - 2 * MARGIN
    short, _, _ = social.fit("Xã Bình Phước", social.TITLE_SIZES, width, 2)
    long, lines, whole = social.fit(LONG_VI[:90], social.TITLE_SIZES, width, 2)
    assert short == social.TITLE_SIZES[0] and long < short and whole and len(lines) == 2


@pytest.mark.parametrize("stats", [3, 2, 1, 0])
def test_nothing_overflows_its_box_on_a_card_of_extreme_text(stats: int) -> None:
    card = Card(LONG_CARD.brand, LONG_CARD.tagline, LONG_CARD.kicker, LONG_CARD.title, LONG_CARD.stats[:stats], LONG_CARD.footer)
    image = social.render(card)
    assert image.size == (WIDTH, HEIGHT)
    assert blank(image, (WIDTH - MARGIN + 2, HEADER, WIDTH, HEIGHT)), "text runs into the right margin"
    assert blank(image, (0, HEADER, MARGIN - 2, HEIGHT)), "text runs into the left margin"
    if stats:
        assert blank(image, (MARGIN, 345, WIDTH, 370)), "the name runs into the figures"
        column = (WIDTH - 2 * MARGIN) / stats
        for i in range(1, stats):  # each column's text stops short of the next column's bar
            bar = round(MARGIN + i * column)
            assert blank(image, (bar - 28, STATS_TOP, bar, STATS_BOTTOM)), f"column {i} runs into column {i + 1}"
        assert blank(image, (MARGIN, STATS_BOTTOM + 2, WIDTH, 583)), "a figure runs into the footer"


def test_a_qualified_value_too_long_for_one_line_keeps_its_number() -> None:
    image = social.render(Card("Minh Bạch", "", "", "Xã A", LONG_CARD.stats, ""))
    column = (WIDTH - 2 * MARGIN) / 3
    size, lines, whole = social.fit(LONG_CARD.stats[0].value, social.VALUE_SIZES, column - 54, 1)
    assert not whole  # one line would cut it…
    size, lines, whole = social.fit(LONG_CARD.stats[0].value, social.VALUE_SIZES_TWO_LINES, column - 54, 2)
    assert whole and lines == ["12.345.678.901", "(ước tính)"]  # …so its qualifier gets a line of its own
    assert not blank(image, (MARGIN + 24, 420, round(MARGIN + column), 455))  # and is drawn there


# ------------------------------------------------------------------ glyphs and colours

@pytest.mark.parametrize("bold", [False, True])
def test_vietnamese_letters_have_their_own_glyphs(bold: bool) -> None:
    """DejaVu Sans draws đ ư ơ ắ ỗ ệ (and capitals) as themselves: neither the missing-glyph box nor
    the bare letter."""
    face = social.font(30, bold)
    missing = bytes(face.getmask("\ue000"))
    for letter, bare in zip("đươắỗệĐƯƠẮỖỆ", "duoaoeDUOAOE"):
        drawn = bytes(face.getmask(letter))
        assert drawn != missing and drawn != bytes(face.getmask(bare)), letter
        assert any(drawn), letter


def test_the_inks_keep_their_colours_and_contrast() -> None:
    image = social.render(Card("Minh Bạch", "Dữ liệu mở", "Xã · Bình Sơn", "Xã Bình Phước", (Stat("43,6%", "Tỷ lệ", "Năm 2023"),), "1 báo cáo"))
    assert image.mode == "P"
    used = {colour for _, colour in image.convert("RGB").getcolors(256) or []}
    for ink in (social.WHITE, social.INDIGO, social.INK, social.MUTED, social.ACCENT):
        assert social._rgb(ink) in used, ink  # each ink is drawn at full strength, not only blended
    assert len(used) <= 2 + len(social.PAIRS) * (social.LEVELS - 1)


# ------------------------------------------------------------------ files

def test_the_same_card_gives_the_same_bytes_and_no_metadata(tmp_path: Path) -> None:
    social.draw(LONG_CARD, tmp_path / "a.png")
    social._TEMPLATES.clear()  # drawn again from nothing, as another worker would
    social.draw(LONG_CARD, tmp_path / "b.png")
    png = (tmp_path / "a.png").read_bytes()
    assert png == (tmp_path / "b.png").read_bytes()
    assert chunks(png) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]  # no time, software or text chunk
    assert struct.unpack(">II", png[16:24]) == (WIDTH, HEIGHT)
    assert zlib.crc32(png) != 0 and not list(tmp_path.glob(".*.tmp"))


def test_a_different_text_gives_a_different_card_and_digest(tmp_path: Path) -> None:
    other = Card(*[getattr(LONG_CARD, f) for f in ("brand", "tagline", "kicker")], "Xã Bình Phước", LONG_CARD.stats, LONG_CARD.footer)
    assert other.digest() != LONG_CARD.digest()
    social.draw(LONG_CARD, tmp_path / "a.png")
    social.draw(other, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() != (tmp_path / "b.png").read_bytes()


def test_cards_are_drawn_once_and_then_come_from_the_cache(province: tuple[Corpus, Computed], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, computed = province
    drawn: list[Path] = []
    draw = social._draw_card
    monkeypatch.setattr(social, "_draw_card", lambda item: (drawn.append(item[1]), draw(item)))
    cache = tmp_path / "cache"
    first = social.write_social_images(corpus, computed, tmp_path / "one", cache)
    names = sorted(p.name for p in first)
    assert names == sorted([f"{u}.{lang}.png" for u in corpus.units for lang in i18n.LANGS] + ["default.vi.png", "default.en.png"])
    assert len(drawn) == len({p.read_bytes() for p in first}) and all(p.parent == cache for p in drawn)
    (cache / "00000000000000000000.png").write_bytes(b"a card no page uses")
    drawn.clear()
    second = social.write_social_images(corpus, computed, tmp_path / "two", cache)
    assert drawn == []
    assert [p.read_bytes() for p in second] == [p.read_bytes() for p in first]
    assert not (cache / "00000000000000000000.png").exists()
    victim = sorted(cache.glob("*.png"))[0]
    victim.unlink()
    social.write_social_images(corpus, computed, tmp_path / "three", cache)
    assert drawn == [victim]  # only the card whose file went is drawn again
