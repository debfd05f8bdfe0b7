"""Link previews: one PNG per unit and language (1200×630, Open Graph's size) and a site-wide one.

A unit's card shows its name, where it sits (level, parent, province) and its latest headline
figures, so a link shared in a chat shows the commune and its numbers. A unit page's front
matter names social/<unit>.<lang>.png as its og:image / twitter:image, other pages
social/default.<lang>.png (`pages.social_image`); the theme only prints it.

Deterministic: drawn with matplotlib's Agg canvas (no pyplot state), the DejaVu Sans font that
matplotlib ships (so every machine draws the same glyphs, Vietnamese included), a fixed dpi and
no Software metadata; the same data gives byte-identical files. Cached by the digest of what is
drawn, so a rebuild redraws only the cards whose text changed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.publish import i18n
from site_builder.compute.derive import HEADLINE, Computed
from site_builder.content import languages
from site_builder.content.corpus import Corpus
from site_builder.publish.progress import Emit, each_over_cores
from site_builder.files import link_or_copy

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

WIDTH, HEIGHT, DPI = 1200, 630, 100
INDIGO = "#303f9f"  # the header's colour (Material indigo 700): white text on it is 8.6:1
INK, MUTED, ACCENT = "#1a1a1a", "#4a4a4a", "#0b5394"
MAX_FIGURES = 3
VERSION = "3"  # bump when the drawing changes, to invalidate cached cards


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


def _fit(fig: "Figure", text: str, max_lines: int, width: float = 0.9 * WIDTH) -> tuple[int, list[str]]:
    """The largest font size (and its lines) at which `text` fits `max_lines` lines of `width` pixels."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for size in (42, 38, 34, 30, 26):
        chars = max(12, int(width / (size * DPI / 72 * 0.58)))
        lines = textwrap.wrap(text, chars)
        if len(lines) > max_lines:
            continue
        probes = [fig.text(0, 0, line, fontsize=size, fontweight="bold") for line in lines]
        fits = all(p.get_window_extent(renderer).width <= width for p in probes)
        for p in probes:
            p.remove()
        if fits:
            return size, lines
    return 26, textwrap.wrap(text, int(width / (26 * DPI / 72 * 0.62)))[:max_lines]


def _wrap(fig: "Figure", text: str, width: float, fontsize: int, max_lines: int) -> list[str]:
    """`text` in at most `max_lines` lines no wider than `width` pixels, measured at `fontsize`;
    the last line ends in an ellipsis when words had to be left out."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]

    def fits(line: str) -> bool:
        probe = fig.text(0, 0, line, fontsize=fontsize)
        wide = probe.get_window_extent(renderer).width
        probe.remove()
        return bool(wide <= width)

    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        n = len(words)
        while n > 1 and not fits(" ".join(words[:n])):
            n -= 1
        lines.append(" ".join(words[:n]))
        words = words[n:]
    if words:  # left over: shorten the last line until it fits with its ellipsis
        last = lines[-1].split()
        while len(last) > 1 and not fits(" ".join(last) + "…"):
            last.pop()
        lines[-1] = " ".join(last) + "…"
    return lines


def draw(card: Card, path: Path) -> None:
    """Draw one card into a PNG of exactly WIDTH×HEIGHT pixels."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    with rc_context({"font.family": "DejaVu Sans", "text.antialiased": True}):
        fig = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
        FigureCanvasAgg(fig)
        fig.add_artist(Rectangle((0, 0.86), 1, 0.14, transform=fig.transFigure, facecolor=INDIGO, edgecolor="none"))
        fig.text(0.05, 0.93, card.brand, color="white", fontsize=30, fontweight="bold", va="center")
        if card.tagline:
            fig.text(0.95, 0.93, card.tagline, color="white", fontsize=17, va="center", ha="right")
        y = 0.78
        if card.kicker:
            fig.text(0.05, y, card.kicker, color=MUTED, fontsize=19, va="top")
            y -= 0.08
        size, lines = _fit(fig, card.title, max_lines=2 if card.stats else 3)
        for line in lines:
            fig.text(0.05, y, line, color=INK, fontsize=size, fontweight="bold", va="top")
            y -= size * 1.25 / 72 * DPI / HEIGHT
        if card.stats:
            width = 0.9 / len(card.stats)
            for i, stat in enumerate(card.stats):
                x = 0.05 + i * width
                fig.add_artist(Rectangle((x, 0.13), 0.006, 0.27, transform=fig.transFigure, facecolor=ACCENT, edgecolor="none"))
                fig.text(x + 0.02, 0.395, stat.value, color=ACCENT, fontsize=38, fontweight="bold", va="top")
                # the label wraps within its column, short of the next column's bar
                for j, line in enumerate(_wrap(fig, stat.label, (width - 0.045) * WIDTH, 16, 2)):
                    fig.text(x + 0.02, 0.27 - j * 0.045, line, color=INK, fontsize=16, va="top")
                fig.text(x + 0.02, 0.17, stat.period, color=MUTED, fontsize=14, va="top")
        fig.text(0.05, 0.05, card.footer, color=MUTED, fontsize=16, va="center")
        path.parent.mkdir(parents=True, exist_ok=True)
        # zlib level 1: a card is 61 kB instead of 53 kB and encodes in 20 ms instead of 94 (of
        # ~100 ms a card); a national build draws two cards for each of 3,355 units
        fig.savefig(path, dpi=DPI, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 1})


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
    written, todo = [], []
    for name, card in sorted(cards.items()):
        target = out / name
        cached = cache / f"{card.digest()}.png" if cache else None
        if cached and cached.is_file():
            link_or_copy(str(cached), str(target))
        else:
            todo.append((card, target))
        written.append(target)
    # Two cards a unit at ~75 ms each: drawn across the cores like the charts, not one by one.
    each_over_cores(_draw_card, todo, "social images drawn", progress)
    drawn = len(todo)
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        for card, target in todo:
            shutil.copyfile(target, cache / f"{card.digest()}.png")
    if cache and cache.is_dir():  # drop cards no page uses any more
        used = {f"{card.digest()}.png" for card in cards.values()}
        for old in cache.glob("*.png"):
            if old.name not in used:
                old.unlink()
    log.info("social images: %d written into %s, %d drawn", len(written), out, drawn)
    return written
