"""Link previews: one PNG per unit and language (1200×630, Open Graph's size) and a site-wide one.

A unit's card shows its name, where it sits (level, parent, province) and its latest headline
figures, so a link shared in a chat shows the commune and its numbers. A unit page's front
matter names social/<unit>.<lang>.png as its og:image / twitter:image, other pages
social/default.<lang>.png (`pages.social_image`); the theme only prints it.

Drawn with Pillow: the part every card shares (white ground, the header band with the site's name
and tagline) is drawn once per tagline and process and copied; only a card's own text is drawn
on the copy. The font is the DejaVu Sans that matplotlib ships, laid out by FreeType alone (no
shaping library), so every machine draws the same glyphs, Vietnamese included. Text is measured
in pixels and wrapped, shrunk or cut with an ellipsis so that it never leaves its box.

Deterministic: a palette PNG with no metadata, so the same data gives byte-identical files.
Cached by the digest of what is drawn, so a rebuild redraws only the cards whose text changed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from site_builder.publish import i18n
from site_builder.compute.derive import HEADLINE, Computed
from site_builder.content import languages
from site_builder.content.corpus import Corpus
from site_builder.publish.progress import Emit, each_over_cores
from site_builder.files import link_or_copy

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
PX_PER_PT = 100 / 72  # sizes below are in points at 100 dpi, as the cards were first laid out
WHITE, INDIGO = "#ffffff", "#303f9f"  # the header's colour (Material indigo 700): white text on it is 8.6:1
INK, MUTED, ACCENT = "#1a1a1a", "#4a4a4a", "#0b5394"
MAX_FIGURES = 3
VERSION = "4"  # bump when the drawing changes, to invalidate cached cards

MARGIN = 60  # px, left and right
HEADER = 88  # px, the indigo band's height
TITLE_SIZES = (42, 38, 34, 30, 26)  # pt, the largest at which the name fits its lines
VALUE_SIZES = (38, 34, 30, 26, 22)  # pt, a figure's value on one line of its column
VALUE_SIZES_TWO_LINES = (22, 19, 16, 13)  # pt, a longer one: its qualifier above its number
STATS_TOP, STATS_BOTTOM = 378, 548  # px, the accent bar beside each figure
TALL = 0.76  # the height of DejaVu Sans' tall letters (h, l, f), in ems
LEVELS = 16  # shades of each colour pair in the palette: 4 bits of anti-aliasing


@dataclass(frozen=True)
class Stat:
    value: str
    label: str
    period: str


@dataclass(frozen=True)
class Card:
    """Everything that determines a card's bytes."""

    brand: str
    tagline: str
    kicker: str  # level and place, above the name
    title: str
    stats: tuple[Stat, ...]
    footer: str

    def digest(self) -> str:
        return hashlib.sha256(json.dumps([VERSION, asdict(self)], ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:20]


def _count(n: int, key: str, lang: i18n.Lang) -> str:
    word = i18n.t(key, lang)
    if lang == "en" and n == 1 and word.endswith("s"):  # Vietnamese nouns have no plural
        word = word[:-1]
    return f"{i18n.number(n, lang)} {word}"


def _counts(reports: int, figures: int, lang: i18n.Lang) -> str:
    return f"{_count(reports, 'reports_count', lang)} · {_count(figures, 'figures_count', lang)}"


def unit_card(corpus: Corpus, computed: Computed, unit_id: str, lang: i18n.Lang) -> Card:
    """The card of one unit: its name, its place and up to three latest headline figures."""
    unit = corpus.units[unit_id]
    place = [i18n.t(f"level.{unit.level.value}", lang)] + [languages.plain(a.short_name or a.name, lang) for a in reversed(corpus.ancestors(unit_id))]
    series = computed.series.get(unit_id, {})
    order = [i for i in HEADLINE if i in series] + [i for i in corpus.indicators if i in series and i not in HEADLINE]
    stats = []
    for ind_id in order[:MAX_FIGURES]:
        point = series[ind_id][-1]
        ind = corpus.indicators[ind_id]
        stats.append(Stat(i18n.qualified(point.value, ind.unit.value, lang, point.qualifier.value), languages.plain(ind.name, lang), i18n.period_label(point.period, lang)))
    reports = len(computed.reports_by_unit.get(unit_id, ()))
    figures = len(computed.figures_by_unit.get(unit_id, ()))
    return Card(i18n.BRAND, i18n.TAGLINE[lang], " · ".join(place), languages.plain(unit.name, lang), tuple(stats), _counts(reports, figures, lang))


def default_card(corpus: Corpus, lang: i18n.Lang) -> Card:
    """The site's card: its name and what it holds."""
    stats = tuple(Stat(i18n.number(n, lang), i18n.t(key, lang), "") for n, key in ((len(corpus.units), "units_count"), (len(corpus.reports), "reports_count"), (len(corpus.figures), "figures_count")))
    footer = ("Dữ liệu mở, giấy phép CC BY 4.0" if lang == "vi" else "Open data, licensed CC BY 4.0")
    return Card(i18n.BRAND, "", "", i18n.TAGLINE[lang], stats, footer)


# ------------------------------------------------------------------ fonts and text boxes

Font = ImageFont.FreeTypeFont


def _font_dir() -> Path:
    import matplotlib  # only for where its fonts are: the same files on every machine

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=None)
def font(size: float, bold: bool = False) -> Font:
    """DejaVu Sans at `size` points, laid out by FreeType alone (the same on every machine)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(_font_dir() / name), size * PX_PER_PT, layout_engine=ImageFont.Layout.BASIC)


def words(text: str) -> list[str]:
    """Split at spaces only: a no-break space (`> 80`, `≈ 1.200`) holds its two sides together."""
    return [word for word in text.split(" ") if word]


def shorten(text: str, face: Font, width: float) -> str:
    """`text` if it fits `width` pixels, else cut with an ellipsis: after a whole word when one
    fits, else inside the first word."""
    if face.getlength(text) <= width:
        return text
    kept = words(text)
    while len(kept) > 1 and face.getlength(" ".join(kept) + "…") > width:
        kept.pop()
    line = " ".join(kept)
    while line and face.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def wrap(text: str, face: Font, width: float, max_lines: int) -> tuple[list[str], bool]:
    """`text` in at most `max_lines` lines no wider than `width` pixels, and whether all of it is
    there (else the last line ends in an ellipsis, and a word wider than a line is cut)."""
    lines: list[str] = []
    for word in words(text):
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) <= max_lines and all(face.getlength(line) <= width for line in lines):
        return lines, True
    if len(lines) <= max_lines:  # room for every line, but a word is wider than a line
        return [shorten(line, face, width) for line in lines], False
    kept = [shorten(line, face, width) for line in lines[:max_lines - 1]]
    return kept + [shorten(" ".join(lines[max_lines - 1:]), face, width)], False


def fit(text: str, sizes: tuple[int, ...], width: float, max_lines: int, bold: bool = True) -> tuple[int, list[str], bool]:
    """The largest of `sizes` at which all of `text` fits `max_lines` lines of `width` pixels, its
    lines and True; else the smallest size, its lines cut with an ellipsis, and False."""
    for size in sizes:
        lines, whole = wrap(text, font(size, bold), width, max_lines)
        if whole:
            return size, lines, True
    return sizes[-1], lines, False


# ------------------------------------------------------------------ drawing

def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# Each text colour is drawn on one ground only; the palette holds the blends of each pair, so an
# anti-aliased edge keeps LEVELS shades (ground included) and the file stores one byte a pixel
# instead of three.
PAIRS = ((WHITE, INDIGO), (INK, WHITE), (MUTED, WHITE), (ACCENT, WHITE))


def _blend(ink: str, ground: str, level: int) -> list[int]:
    fg, bg = _rgb(ink), _rgb(ground)
    return [round(b + (f - b) * level / (LEVELS - 1)) for f, b in zip(fg, bg)]


def _palette() -> list[int]:
    """White, indigo, then for each pair its LEVELS - 1 blends, the last the ink itself."""
    channels = [*_rgb(WHITE), *_rgb(INDIGO)]
    for ink, ground in PAIRS:
        for level in range(1, LEVELS):
            channels += _blend(ink, ground, level)
    return channels


PALETTE = _palette()


@lru_cache(maxsize=None)
def _shades(pair: int) -> list[int]:
    """Coverage 0–255 of a glyph's pixel → its palette index for colour pair `pair`, rounded to
    the nearest of the pair's shades; 0 (leave the ground) where it rounds to none."""
    first = 2 + pair * (LEVELS - 1)  # the pair's faintest blend
    levels = [(cover * (LEVELS - 1) + 127) // 255 for cover in range(256)]
    return [first + level - 1 if level else 0 for level in levels]


class Canvas:
    """A card being drawn: text is rasterised as a coverage mask and mapped onto the palette."""

    def __init__(self, image: Image.Image):
        self.image = image

    def rect(self, box: tuple[int, int, int, int], colour: str) -> None:
        index = 1 if colour == INDIGO else 2 + _PAIR[colour] * (LEVELS - 1) + LEVELS - 2  # the ink's full shade
        self.image.paste(index, box)

    def text(self, xy: tuple[float, float], text: str, face: Font, colour: str, anchor: str = "ls") -> None:
        left, top, right, bottom = face.getbbox(text, anchor=anchor)
        x0, y0 = math.floor(xy[0] + left), math.floor(xy[1] + top)
        size = (math.ceil(xy[0] + right) - x0 + 1, math.ceil(xy[1] + bottom) - y0 + 1)
        if size[0] <= 1 or size[1] <= 1:
            return
        cover = Image.new("L", size, 0)  # how much of each pixel the glyphs cover, 0–255
        ImageDraw.Draw(cover).text((xy[0] - x0, xy[1] - y0), text, fill=255, font=face, anchor=anchor)
        shade = cover.point(_shades(_PAIR[colour]))  # palette indices, 0 where too faint to show
        self.image.paste(shade, (x0, y0), shade.point(_OPAQUE))


_PAIR = {ink: i for i, (ink, _) in enumerate(PAIRS)}
_OPAQUE = [0] + [255] * 255  # a mask that copies every index but 0


def _baseline(top: float, size: float) -> float:
    """The baseline that puts the top of a line's tall letters (h, l, f) at `top`: the cards
    place text by its top, and a line whose capitals carry a tone mark stays on the same baseline."""
    return top + TALL * size * PX_PER_PT


def _template(brand: str, tagline: str) -> Image.Image:
    """The part every card with this brand and tagline shares, drawn once per process."""
    key = (brand, tagline)
    if key not in _TEMPLATES:
        image = Image.new("P", (WIDTH, HEIGHT), 0)
        image.putpalette(PALETTE)
        canvas = Canvas(image)
        canvas.rect((0, 0, WIDTH, HEADER), INDIGO)
        canvas.text((MARGIN, _baseline(23, 30)), brand, font(30, True), WHITE)
        if tagline:
            room = WIDTH - 2 * MARGIN - font(30, True).getlength(brand) - 40
            canvas.text((WIDTH - MARGIN, _baseline(32, 17)), shorten(tagline, font(17), room), font(17), WHITE, "rs")
        _TEMPLATES[key] = image
    return _TEMPLATES[key]


_TEMPLATES: dict[tuple[str, str], Image.Image] = {}


def render(card: Card) -> Image.Image:
    """The card as a WIDTH×HEIGHT palette image."""
    image = _template(card.brand, card.tagline).copy()
    canvas = Canvas(image)
    inner = WIDTH - 2 * MARGIN
    top = 139.0
    if card.kicker:
        canvas.text((MARGIN, _baseline(top, 19)), shorten(card.kicker, font(19), inner), font(19), MUTED)
        top += 50
    size, lines, _ = fit(card.title, TITLE_SIZES, inner, 2 if card.stats else 3)
    for line in lines:
        canvas.text((MARGIN, _baseline(top, size)), line, font(size, True), INK)
        top += size * 1.25 * PX_PER_PT
    if card.stats:
        column = inner / len(card.stats)
        room = column - 54  # the text keeps clear of the next column's bar
        for i, stat in enumerate(card.stats):
            x = round(MARGIN + i * column)
            canvas.rect((x, STATS_TOP, x + 7, STATS_BOTTOM), ACCENT)
            value_size, values, whole = fit(stat.value, VALUE_SIZES, room, 1)
            if not whole:  # a number is shrunk, never cut, unless no size at all holds it
                value_size, values, _ = fit(stat.value, VALUE_SIZES_TWO_LINES, room, 2)
            for j, line in enumerate(values):
                canvas.text((x + 24, _baseline(381 + j * 1.2 * value_size * PX_PER_PT, value_size)), line, font(value_size, True), ACCENT)
            for j, line in enumerate(wrap(stat.label, font(16), room, 2)[0]):
                canvas.text((x + 24, _baseline(460 + j * 28, 16)), line, font(16), INK)
            if stat.period:
                canvas.text((x + 24, _baseline(523, 14)), shorten(stat.period, font(14), room), font(14), MUTED)
    canvas.text((MARGIN, _baseline(587, 16)), shorten(card.footer, font(16), inner), font(16), MUTED)
    return image


def draw(card: Card, path: Path) -> None:
    """Draw one card into a PNG of exactly WIDTH×HEIGHT pixels (written whole, by one rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    # One byte a pixel at zlib's default level: 14 KiB and ~4 ms a card (level 1: 20 KiB, ~2 ms;
    # the same card in RGB at level 1: 37 KiB, ~10 ms; matplotlib's RGBA cards were ~58 KiB)
    render(card).save(tmp, format="PNG", compress_level=6)
    os.replace(tmp, path)


def _draw_card(item: tuple[Card, Path]) -> None:
    draw(*item)


def write_social_images(corpus: Corpus, computed: Computed, out: Path, cache: Path | None = None,
                        progress: Emit = lambda s: None) -> list[Path]:
    """Write social/<unit>.<lang>.png for every unit and social/default.<lang>.png into `out`."""
    cards: dict[str, Card] = {}
    for lang in i18n.LANGS:
        cards[f"default.{lang}.png"] = default_card(corpus, lang)
        for unit_id in sorted(corpus.units):
            cards[f"{unit_id}.{lang}.png"] = unit_card(corpus, computed, unit_id, lang)
    out.mkdir(parents=True, exist_ok=True)
    written, todo, links = [], [], []
    for name, card in sorted(cards.items()):
        target = out / name
        cached = cache / f"{card.digest()}.png" if cache else None
        if cached and cached.is_file():
            link_or_copy(str(cached), str(target))
        else:  # drawn into the cache and linked from there; without a cache, into the site
            todo.append((card, cached or target))
            if cached:
                links.append((cached, target))
        written.append(target)
    # A few ms a card, two cards a unit: across the cores like the charts on a national build.
    each_over_cores(_draw_card, sorted(set(todo), key=lambda item: str(item[1])), "social images drawn", progress, pool_from=200)
    for cached, target in links:
        link_or_copy(str(cached), str(target))
    if cache and cache.is_dir():  # drop cards no page uses any more
        used = {f"{card.digest()}.png" for card in cards.values()}
        for old in cache.glob("*.png"):
            if old.name not in used:
                old.unlink()
    log.info("social images: %d written into %s, %d drawn", len(written), out, len(todo))
    return written
