"""The site's two languages, and the words every stage that writes text needs in both.

Pages (publish) and the downloads with names (exports) write a bilingual text the same way: the
language asked for, or, when English is missing, the Vietnamese followed by the mark in words,
"(not yet translated)" — never a blank and never the Vietnamese alone. The words live here, below
both stages, so that publish.i18n and the exports share one copy.
"""
from __future__ import annotations

from typing import Literal

from site_builder.content.model import Text

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# The mark of a text shown in Vietnamese because its English is missing (i18n: "untranslated").
UNTRANSLATED: dict[str, str] = {"vi": "chưa dịch", "en": "not yet translated"}

# Names of the codes of content/ (i18n: "level.<code>", "mu.<code>").
LEVEL_NAMES: dict[str, dict[str, str]] = {
    "province": {"vi": "Tỉnh", "en": "Province"},
    "district": {"vi": "Huyện", "en": "District"},
    "commune": {"vi": "Xã", "en": "Commune"},
    "office": {"vi": "Cơ quan", "en": "Office"},
    "party": {"vi": "Cơ quan Đảng", "en": "Party body"},
}
MEASURE_UNIT_NAMES: dict[str, dict[str, str]] = {
    "count": {"vi": "số lượng", "en": "count"},
    "percent": {"vi": "phần trăm", "en": "percent"},
    "percent_of_plan": {"vi": "% kế hoạch", "en": "% of plan"},
    "vnd": {"vi": "đồng", "en": "VND"},
    "million_vnd": {"vi": "triệu đồng", "en": "million VND"},
    "score": {"vi": "điểm", "en": "score"},
    "days": {"vi": "ngày", "en": "days"},
    "rank": {"vi": "thứ hạng", "en": "rank"},
}


def untranslated(text: str, lang: Lang) -> str:
    """The other language standing in for a text missing in `lang`, with the mark in words:
    'Đắk Nông (not yet translated)'; 'Editor's note (chưa dịch)' on a Vietnamese page."""
    return f"{text} ({UNTRANSLATED[lang]})"


def plain(text: Text | None, lang: Lang) -> str:
    """A bilingual text as a plain string in `lang`; a missing English is the Vietnamese, marked."""
    if text is None:
        return ""
    if lang == "en":
        return text.en or untranslated(text.vi, lang)
    return text.vi


def pick(vi: str, en: str, lang: Lang) -> str:
    """Two plain texts of one meaning (note_vi and note_en, a descriptor's title_vi and title) as one
    in `lang`, like plain(); the other language, marked, when `lang`'s is missing (here either may
    be); empty when both are."""
    mine, other = (vi, en) if lang == "vi" else (en, vi)
    return mine or (untranslated(other, lang) if other else "")
