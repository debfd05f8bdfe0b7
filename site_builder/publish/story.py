"""Figures told in plain sentences, in the page's language: a scorecard card and a roll-up's sum.

Input: what compute.scorecard and compute.rollup made of the corpus, and a `Lang`. Output: the
sentences a unit page shows under each headline figure, as HTML (every value escaped). A
sentence says only what its card holds: no previous period, no comparison; approximate values
make an approximate change ("khoảng" / "about").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from site_builder.compute.rollup import Coverage, Sum
from site_builder.compute.scorecard import Card, Change, Peers
from site_builder.content.corpus import Corpus
from site_builder.content.qualifiers import Qualifier
from site_builder.publish import i18n
from site_builder.publish.lang import Lang

def _t(key: str, L: Lang, **values: Markup | str) -> Markup:
    """An interface string of this module with its {placeholders} filled, each value escaped
    unless it is Markup already."""
    escaped = {name: str(escape(value)) for name, value in values.items()}
    # one pass, so that a value holding "{period}" (a unit's name) is not filled in again
    return Markup(re.sub(r"\{(\w+)\}", lambda m: escaped.get(m.group(1), m.group(0)), str(escape(L.t(key)))))


def period_inline(L: Lang, code: str) -> str:
    """A period in words inside a sentence: Vietnamese labels start lower-case there ('năm 2019')."""
    label = L.period(code)
    return label[:1].lower() + label[1:] if L.code == "vi" else label


def ordinal(n: int, lang: i18n.Lang) -> str:
    if lang == "vi":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _about(L: Lang, qualifier: Qualifier) -> str:
    return L.t("story.about") if qualifier in (Qualifier.approx, Qualifier.estimated) else ""


def capitalised(clause: Markup) -> Markup:
    return Markup(clause[:1].upper() + clause[1:])


def change_clause(L: Lang, corpus: Corpus, indicator: str, change: Change) -> Markup:
    unit = corpus.indicators[indicator].unit.value
    previous = L.q(change.previous.value, unit)
    period = period_inline(L, change.previous.period)
    if abs(change.change) < 1e-9:
        return _t("story.same", L, period=period, previous=previous)
    size = abs(change.change)
    if change.relative is not None:
        amount = i18n.percent(round(abs(change.relative), 1), L.code)
    elif unit == "percent":
        amount = L.t("story.points").replace("{value}", i18n.number(round(size, 2), L.code))
    else:
        amount = L.q(round(size, 2), unit)
    key = "story.up" if change.change > 0 else "story.down"
    return _t(key, L, change=_about(L, change.qualifier) + amount, previous=previous, period=period)


def peers_sentence(L: Lang, corpus: Corpus, period: str, peers: Peers) -> Markup:
    province = L.tx_plain(corpus.units[peers.province].short_name or corpus.units[peers.province].name)
    level = L.t(f"levels.{peers.level.value}")
    if peers.rank == 1:
        return _t("story.rank_first", L, count=str(peers.count), level=level, province=province, period=period_inline(L, period))
    return _t("story.rank", L, rank=ordinal(peers.rank, L.code), count=str(peers.count), level=level, province=province,
              period=period_inline(L, period))


@dataclass(frozen=True)
class CardView:
    """A card as the page shows it: the card, and its sentences in the page's language."""

    card: Card
    sentences: tuple[Markup, ...]
    direction: str  # up | down | same | "" (no change to tell): the arrow shown beside the value


def card_view(L: Lang, corpus: Corpus, card: Card) -> CardView:
    sentences = []
    direction = ""
    if card.change is not None:
        sentences.append(capitalised(change_clause(L, corpus, card.indicator, card.change)) + Markup("."))
        direction = "same" if abs(card.change.change) < 1e-9 else ("up" if card.change.change > 0 else "down")
    elif card.trend is not None:
        unit = corpus.indicators[card.indicator].unit.value
        sentences.append(_t("story.trend", L, latest=L.q(card.trend.latest.value, unit), period=period_inline(L, card.trend.latest.period),
                            change=change_clause(L, corpus, card.indicator, card.trend)))
    if card.peers is not None:
        sentences.append(peers_sentence(L, corpus, card.latest.period, card.peers))
    return CardView(card, tuple(sentences), direction)


def sum_sentence(L: Lang, s: Sum) -> Markup:
    key = f"story.level.{s.level.value}" if s.total == 1 else f"levels.{s.level.value}"
    return _t("story.sum", L, reporting=str(len(s.parts)), total=str(s.total), level=L.t(key), period=period_inline(L, s.period))


def coverage_sentence(L: Lang, c: Coverage) -> Markup:
    key = f"story.level.{c.level.value}" if c.total == 1 else f"levels.{c.level.value}"
    return L.html("coverage_html", reporting=str(c.reporting), total=str(c.total), level=L.t(key))
