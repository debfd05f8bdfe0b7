"""How much of the content is bilingual, counted on the validated models.

The build shows the overall share on the about page; `site-builder translations`
(`editor.translations`) lists each missing text with its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from site_builder.content.corpus import Corpus
from site_builder.content.model import Text


@dataclass(frozen=True)
class Coverage:
    """Bilingual fields counted in one document."""

    kind: str
    id: str
    total: int
    translated: int
    missing: tuple[str, ...]  # field paths without English

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


def _walk(obj: Any, path: str, out: list[tuple[str, bool]]) -> None:
    if isinstance(obj, Text):
        out.append((path, bool(obj.en)))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            _walk(getattr(obj, name), f"{path}.{name}" if path else name, out)
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            _walk(item, f"{path}[{i}]", out)


def coverage(kind: str, obj: BaseModel) -> Coverage:
    """Count the bilingual fields of one model and which lack English."""
    fields: list[tuple[str, bool]] = []
    _walk(obj, "", fields)
    return Coverage(kind, getattr(obj, "id"), len(fields), sum(ok for _, ok in fields), tuple(p for p, ok in fields if not ok))


def corpus_coverage(corpus: Corpus) -> list[Coverage]:
    """Coverage of every unit, indicator, report and page."""
    out = []
    for kind in ("units", "indicators", "reports", "pages"):
        for obj in getattr(corpus, kind).values():
            out.append(coverage(kind, obj))
    return out


def overall_percent(items: list[Coverage]) -> float:
    """The share of bilingual fields with English, in percent, one decimal."""
    total = sum(c.total for c in items)
    return 100.0 if total == 0 else round(100.0 * sum(c.translated for c in items) / total, 1)
