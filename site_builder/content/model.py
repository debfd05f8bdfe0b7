"""The content model: the single source of truth for every YAML file in content/.

Validation, the editors' field reference (docs/reference) and the skeletons of
`site-builder new` are all derived from these classes. Every field carries a
description because the field reference is generated from it.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from urllib.parse import urlsplit
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from site_builder.content.periods import EXAMPLES, PeriodKind, date_problem, parse

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=2, max_length=80)]


class Strict(BaseModel):
    """Base: unknown keys are errors, models are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Text(Strict):
    """A bilingual text. `vi` is required; a missing `en` is reported and shown as untranslated."""

    vi: str = Field(min_length=1, description="Vietnamese text, Unicode NFC, with diacritics.")
    en: str | None = Field(default=None, description="English translation. Optional, but reported when missing.")


# --------------------------------------------------------------------------- units


class Level(str, Enum):
    province = "province"
    district = "district"
    commune = "commune"
    office = "office"
    party = "party"


class Fate2025(str, Enum):
    continued = "continued"
    merged = "merged"
    abolished = "abolished"
    new = "new"
    unknown = "unknown"


class Reorganisation(Strict):
    """What became of the unit in the 1 July 2025 reorganisation (Resolution 202/2025/QH15 and the NQ-UBTVQH15 resolutions)."""

    status: Fate2025 = Field(description="continued | merged | abolished | new | unknown.")
    successor: Id | None = Field(default=None, description="Id of the unit that took over, when known.")
    legal_basis: str | None = Field(default=None, description="The resolution that decided it, e.g. 202/2025/QH15.")
    note: Text | None = Field(default=None, description="What happened, in a sentence.")


class Unit(Strict):
    """A body that reports or is reported on: province, district, commune, an office inside one, or a party committee."""

    id: Id = Field(description="Stable ASCII id, lower-case words joined by hyphens; never changes once published.")
    level: Level = Field(description="province | district | commune | office | party.")
    parent: Id | None = Field(default=None, description="Id of the unit this one belongs to; empty for a province.")
    name: Text = Field(description="Full official name.")
    short_name: Text | None = Field(default=None, description="Short name used in lists and charts.")
    admin_code: str | None = Field(
        default=None,
        pattern=r"^\d{2,5}$",
        description="Administrative-unit code of Decision 124/2004/QĐ-TTg (2 digits province, 3 district, 5 commune), where one exists.",
    )
    website: str | None = Field(default=None, pattern=r"^https?://", description="Website, if the documents name one.")
    reorganisation_2025: Reorganisation | None = Field(default=None, description="Fate in the 1 July 2025 reorganisation.")
    description: Text | None = Field(default=None, description="One or two sentences about the unit.")


# --------------------------------------------------------------------------- indicators


class MeasureUnit(str, Enum):
    count = "count"  # type: ignore[assignment]  # shadows str.count; the published code is "count"
    percent = "percent"
    percent_of_plan = "percent_of_plan"
    vnd = "vnd"
    million_vnd = "million_vnd"
    score = "score"
    days = "days"
    rank = "rank"


class Framework(str, Enum):
    par_index = "par_index"
    sipas = "sipas"
    papi = "papi"
    pci = "pci"
    qd766 = "qd766"


class FrameworkLink(Strict):
    """Where an indicator feeds a national index."""

    framework: Framework = Field(description="par_index | sipas | papi | pci | qd766 (Decision 766/QĐ-TTg).")
    ref: Text = Field(description="The field, dimension, sub-index or group it feeds.")


class Formula(Strict):
    """A derived indicator: numerator ÷ denominator (× 100 for a percent)."""

    numerator: Id = Field(description="Indicator id of the numerator.")
    denominator: Id = Field(description="Indicator id of the denominator.")


class Identity(Strict):
    """How an indicator relates to others, which check verifies on every report's figures
    (site_builder/content/consistency.py). Exactly one of `sum`, `at_most` or `parts`."""

    name: Text = Field(description="The relation in words, shown beside a figure that breaks it, e.g. Trước hạn + đúng hạn + trễ hạn = đã giải quyết / Early + on time + late = resolved.")
    sum: list[Id] | None = Field(default=None, min_length=2, description="Indicators whose figures add up to this one's (same unit, period and breakdown). Where a report gives only some of them, those it gives add up to at most this one.")
    unless: list[Id] = Field(default_factory=list, description="With `sum`: the identity does not hold where the report gives a figure of one of these (on time + late = resolved, unless early is given apart, when on time no longer includes it).")
    at_most: Id | None = Field(default=None, description="An indicator this one's figure never exceeds (same unit, period and breakdown), e.g. dossiers received online at most dossiers received.")
    parts: bool = Field(default=False, description="true: a figure of a breakdown (level=commune) is at most the total, and the values of one dimension together are at most the total unless the dimension is `overlapping`.")

    @model_validator(mode="after")
    def _one_kind(self) -> "Identity":
        kinds = [k for k in ("sum", "at_most", "parts") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError(f"give exactly one of sum, at_most or parts (found {', '.join(kinds) or 'none'})")
        if self.unless and not self.sum:
            raise ValueError("unless goes with sum")
        return self


class ReformField(str, Enum):
    direction = "direction"
    institutions = "institutions"
    procedures = "procedures"
    organisation = "organisation"
    civil_service = "civil_service"
    public_finance = "public_finance"
    e_government = "e_government"
    communication = "communication"
    indices = "indices"
    other = "other"


class Topic(str, Enum):
    """What a citizen looks for on a unit's page, finer than the reform fields: the page's sections, in this order."""

    dossiers = "dossiers"
    online = "online"
    satisfaction = "satisfaction"
    feedback = "feedback"
    procedures = "procedures"
    digital = "digital"
    staff = "staff"
    organisation = "organisation"
    direction = "direction"
    budget = "budget"
    indices = "indices"
    other = "other"


class Indicator(Strict):
    """One measured quantity: what it means, its unit, and where it feeds."""

    id: Id = Field(description="Stable ASCII id.")
    name: Text = Field(description="Short name.")
    definition: Text = Field(description="What is counted or measured, precisely.")
    unit: MeasureUnit = Field(description="count | percent (0–100) | percent_of_plan (may exceed 100) | vnd | million_vnd | score | days | rank.")
    higher_is_better: bool | None = Field(default=None, description="true, false, or empty when neither.")
    field: ReformField = Field(description="The reform field it belongs to.")
    formula: Formula | None = Field(default=None, description="For derived indicators: how it is computed.")
    topic: Topic = Field(description="The section of a unit's page it appears under: dossiers | online | satisfaction | feedback | procedures | digital | staff | organisation | direction | budget | indices (PAR INDEX, SIPAS, PAPI, PCI results) | other.")
    additive: bool = Field(default=False, description="true when the figures of different units add up to theirs together: a count of things that happened in the period (dossiers received), not a stock at a date, a rate, a score or a rank. A province page adds up its communes' figures only for such indicators.")
    frameworks: list[FrameworkLink] = Field(default_factory=list, description="Indices it feeds.")
    identities: list[Identity] = Field(default_factory=list, description="How its figures relate to other indicators' (a sum of parts, at most another, breakdown parts at most the total); check warns where a report's figures break one. A share's formula is an identity already.")


# --------------------------------------------------------------------------- reports


class DocumentType(str, Enum):
    bao_cao = "bao_cao"
    chi_thi = "chi_thi"
    ke_hoach = "ke_hoach"
    quyet_dinh = "quyet_dinh"
    cong_van = "cong_van"
    nghi_quyet = "nghi_quyet"
    bai_bao = "bai_bao"  # a press article (bài báo)
    trang_web = "trang_web"  # a web page (trang thông tin điện tử)


# Sources published on the web rather than issued as documents: cited by publisher, address and the
# day they were read (content/sources.py checks that they say so).
WEB_SOURCES = frozenset({DocumentType.bai_bao, DocumentType.trang_web})


def web_address_problem(value: str) -> str | None:
    """Why `value` is not a web address a page may link to, or None: http or https, a host, no spaces.

    Anything else (javascript:, data:, a bare host) would be a link that runs code or goes nowhere.
    """
    try:
        parts = urlsplit(value)
    except ValueError:  # an unclosed [ of an IPv6 host
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not value.startswith(parts.scheme + "://"):
        return f"'{value}' is not a web address: write it whole as the browser shows it, starting with https:// or http://"
    if not parts.hostname or "." not in parts.hostname or any(c.isspace() or c in '<>"`' for c in value):
        return f"'{value}' is not a web address: copy it whole from the browser's address bar"
    return None


class Period(Strict):
    """The time a report or figure covers, as the document words it (site_builder/content/periods.py)."""

    kind: PeriodKind = Field(description="year | half | quarter | month | months (the first N months of a year) | years | range (explicit dates) | to_date (a running total to a date).")
    start: dt.date | None = Field(default=None, description="First day covered (YYYY-MM-DD); empty only for a running total (to_date) whose start the document does not give.")
    end: dt.date = Field(description="Last day covered (YYYY-MM-DD).")
    code: str = Field(description=f"Period code, the same as in the data packages: {EXAMPLES}.")

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if parse(value) is None:
            raise ValueError(f"period code must look like {EXAMPLES}")
        return value

    @model_validator(mode="after")
    def _agree(self) -> "Period":
        if self.start is not None and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        code = parse(self.code)
        assert code is not None  # the field validator refused anything else
        if code.kind is not self.kind:
            raise ValueError(f"kind is {self.kind.value} but the code '{self.code}' names a {code.kind.value} period")
        if self.start is None and self.kind is not PeriodKind.to_date:
            raise ValueError("start is empty; only a running total (to_date) may leave it out")
        why = date_problem(code, self.start, self.end)
        if why:
            raise ValueError(why)
        return self


class HeaderField(str, Enum):
    number = "number"
    date = "date"
    signer = "signer"
    place = "place"
    period = "period"  # a reporting period the document does not state, read from what it says


class Person(Strict):
    """Who signed the document."""

    name: str = Field(description="Name as printed, with diacritics restored.")
    title: Text = Field(description="Position, e.g. Chánh Văn phòng / Chief of Office.")
    on_behalf: Text | None = Field(default=None, description="'TM. UBND', 'KT. CHỦ TỊCH', … as printed, with translation.")


class Section(Strict):
    """A part of the report following the reform fields."""

    field: ReformField = Field(description="The reform field this section covers.")
    heading: Text = Field(description="Heading as in the document (numbering removed).")
    points: list[Text] = Field(min_length=1, description="What the section says, one point per item.")


class Assessments(Strict):
    """The report's own judgement of its results."""

    achievements: list[Text] = Field(default_factory=list, description="Results it counts as achieved.")
    limitations: list[Text] = Field(default_factory=list, description="Shortcomings it admits.")
    causes: list[Text] = Field(default_factory=list, description="Causes it gives for the shortcomings.")
    next_tasks: list[Text] = Field(default_factory=list, description="Tasks and directions it sets.")
    recommendations: list[Text] = Field(default_factory=list, description="Proposals to higher levels.")


class LegalReference(Strict):
    """A legal or administrative document the report cites."""

    number: str = Field(description="Number and symbol as printed, e.g. 76/NQ-CP or 1887/QĐ-UBND.")
    type: Text = Field(description="Nghị quyết / Resolution, Quyết định / Decision, Công văn / Official letter, …")
    date: dt.date | None = Field(default=None, description="Date of issue, when the report gives it.")
    issuer: Text | None = Field(default=None, description="Who issued it.")
    title: Text | None = Field(default=None, description="What it is about.")


class SourceText(Strict):
    """The text the report was transcribed from, kept as received."""

    file: str = Field(pattern=r"^[A-Za-z0-9._/-]+\.txt$", description="Path under content/sources/ of the raw text as received.")
    ocr: bool = Field(description="true when the text came from OCR.")
    diacritics_restored: bool = Field(default=False, description="true when the OCR lost diacritics and the published text restores them; each quote of the report's figures then has its reading in content/sources/<name>.readings.yaml, which the pages show.")
    note: Text | None = Field(default=None, description="What was damaged or unclear in the source.")

    @field_validator("file", mode="before")
    @classmethod
    def _inside_sources(cls, value: object) -> object:
        # said before the pattern, which would only answer '../../etc/passwd' with a regular expression
        if isinstance(value, str) and (value.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", value) or ":" in value):
            raise ValueError(f"'{value}' leaves content/sources/; name a .txt file inside that folder")
        return value


class Report(Strict):
    """One source document, faithfully structured."""

    id: Id = Field(description="Stable ASCII id, e.g. dak-nong-vp-ubnd-2021-q3.")
    unit: Id = Field(description="Id of the unit the report is about.")
    issuer: Id = Field(description="Id of the unit that issued it (often the same as unit). For a press article or web page, which `publisher` publishes, the unit whose figures it reports (usually the same as unit).")
    document_type: DocumentType = Field(description="bao_cao | chi_thi | ke_hoach | quyet_dinh | cong_van | nghi_quyet | bai_bao (press article) | trang_web (web page).")
    number: str | None = Field(default=None, description="Number and symbol, e.g. 278/BC-UBND; empty when the copy shows none.")
    date: dt.date | None = Field(default=None, description="Date of signature (of a press article or web page: of publication); empty when the copy does not show it.")
    date_note: Text | None = Field(default=None, description="Why the date is missing or partial, and how uncertain header fields were read.")
    uncertain: list[HeaderField] = Field(default_factory=list, description="Header fields read from a damaged copy or reconstructed, not certain: number, date, signer, place, or period (a reporting period the document does not state); the site marks them wherever they are cited, and date_note says why.")
    place: str | None = Field(default=None, description="Place of issue as printed in the header.")
    publisher: str | None = Field(default=None, min_length=1, description="The newspaper or website as it names itself, e.g. Báo Bình Phước; required for bai_bao and trang_web.")
    author: str | None = Field(default=None, min_length=1, description="Who wrote the article, as printed (a press article's byline); empty when it names no one.")
    url: str | None = Field(default=None, description="The address it was read at, starting with https:// or http://; required for bai_bao and trang_web, and optional for a document found online.")
    retrieved: dt.date | None = Field(default=None, description="The day the editor read it at url (YYYY-MM-DD); required with url.")
    period: Period = Field(description="The reporting period: what time the report says it covers.")
    data_period: Period | None = Field(default=None, description="The period its figures cover, when the report states one that differs from the reporting period (data from 09/6 to 07/9 in a report for 15/6–14/9).")
    signer: Person | None = Field(default=None, description="Who signed.")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận / Kính gửi.")
    title: Text = Field(description="Title as printed, with diacritics restored.")
    summary: Text = Field(description="Three to six sentences: what the report says and its key figures.")
    sections: list[Section] = Field(default_factory=list, description="The body, by reform field.")
    assessments: Assessments = Field(default_factory=Assessments, description="Achievements, limitations, causes, next tasks.")
    legal_references: list[LegalReference] = Field(default_factory=list, description="Documents cited.")
    source: SourceText = Field(description="The raw text it was transcribed from.")

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        why = web_address_problem(value) if value is not None else None
        if why:
            raise ValueError(why)
        return value

    @model_validator(mode="after")
    def _has_date_or_note(self) -> "Report":
        if self.date is None and self.date_note is None:
            raise ValueError("date is empty: give the date, or a date_note saying why it is missing")
        absent = [f.value for f in self.uncertain if f is not HeaderField.period and not getattr(self, f.value)]
        if absent:
            raise ValueError(f"uncertain lists {', '.join(absent)}, which the report leaves empty: a field the copy does not show is "
                             "missing, not uncertain; leave it empty and say why in date_note")
        return self


# --------------------------------------------------------------------------- glossary


class GlossaryTerm(Strict):
    """An abbreviation or term of art, with its expansion and official English."""

    term: str = Field(description="The abbreviation or term as written in Vietnamese, e.g. TTHC.")
    vi: str = Field(description="Vietnamese expansion, e.g. thủ tục hành chính.")
    en: str | None = Field(default=None, description="English term used consistently on the site, e.g. administrative procedure.")
    note: Text | None = Field(default=None, description="Usage note.")


class Glossary(Strict):
    """A file of glossary terms."""

    terms: list[GlossaryTerm] = Field(description="The terms.")


# --------------------------------------------------------------------------- breakdowns

DIMENSION_PATTERN = r"^[a-z][a-z_]*$"
BREAKDOWN_VALUE_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class BreakdownValue(Strict):
    """One value of a breakdown dimension, e.g. hotline of channel."""

    id: str = Field(pattern=BREAKDOWN_VALUE_PATTERN, description="The code written after '=' in a figure's breakdown, e.g. hotline in channel=hotline.")
    name: Text = Field(description="What visitors read instead of the code.")


class Dimension(Strict):
    """A breakdown dimension of figures (the part before '=' in channel=hotline) and the names of its values.

    Figures and targets may only use dimensions and values listed here, so every sub-group a
    visitor sees has a name in both languages.
    """

    id: str = Field(pattern=DIMENSION_PATTERN, description="The code written before '=' in a figure's breakdown, e.g. channel; also the file name.")
    name: Text = Field(description="Name of the dimension, e.g. Kênh / Channel.")
    overlapping: bool = Field(default=False, description="true when one thing may count under several values (a dossier both received online and paid online): their figures are then not added up against the total.")
    values: list[BreakdownValue] = Field(min_length=1, description="Every value figures use, each with its name (each id once).")

    def value(self, code: str) -> BreakdownValue | None:
        """The value with this code, if listed."""
        return next((v for v in self.values if v.id == code), None)


# --------------------------------------------------------------------------- maps


class Tile(Strict):
    """One province on a tile-grid map: a square in a grid laid out like the country."""

    code: str = Field(pattern=r"^\d{2}$", description="The province's two-digit administrative code (Decision 124/2004/QĐ-TTg; from 1 July 2025 Decision 19/2025/QĐ-TTg), e.g. \"01\" Hà Nội; the tile links to the province unit with this admin_code.")
    name: Text = Field(description="The province's name, without 'Tỉnh' / 'Thành phố', e.g. Lâm Đồng.")
    label: str = Field(min_length=1, max_length=4, description="What the tile shows, at most 4 characters, e.g. LĐ; each label once per map.")
    col: int = Field(ge=0, le=11, description="Column, 0 at the west; at most 11.")
    row: int = Field(ge=0, le=40, description="Row, 0 at the north; at most 40.")


class MapLayout(Strict):
    """A tile-grid map of the provinces as they stood between two dates: one equal tile per province,
    no boundaries. A period is mapped on the layout in force at its last day."""

    id: Id = Field(description="Stable ASCII id, also the file name, e.g. provinces-2025.")
    title: Text = Field(description="Which provinces these are, as said under the map, e.g. 34 tỉnh, thành phố từ 1/7/2025.")
    valid_from: dt.date = Field(description="First day the layout's provinces existed (YYYY-MM-DD).")
    valid_to: dt.date | None = Field(default=None, description="Last day they existed; empty while they still do.")
    legal_basis: str | None = Field(default=None, description="The resolution that set these provinces, e.g. 202/2025/QH15.")
    tiles: list[Tile] = Field(min_length=1, description="One tile per province, north to south, west to east.")

    @model_validator(mode="after")
    def _dates(self) -> "MapLayout":
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to ({self.valid_to}) is before valid_from ({self.valid_from})")
        return self

    def in_force(self, day: dt.date) -> bool:
        """Whether `day` falls within the layout's validity."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


KINDS: dict[str, type[Strict]] = {"units": Unit, "indicators": Indicator, "reports": Report, "breakdowns": Dimension, "maps": MapLayout}
Kind = Literal["units", "indicators", "reports", "breakdowns", "pages", "maps"]


class PageSection(Strict):
    """A titled block of plain paragraphs on a static page."""

    heading: Text = Field(description="Section heading.")
    paragraphs: list[Text] = Field(min_length=1, description="Paragraphs of plain text (no Markdown, no HTML).")


class Page(Strict):
    """A static page such as About / methodology, kept as content so editors can change it."""

    id: Id = Field(description="Page id; also its URL (about → /about/).")
    title: Text = Field(description="Page title.")
    lead: Text = Field(description="One-paragraph introduction.")
    sections: list[PageSection] = Field(default_factory=list, description="The body.")


KINDS["pages"] = Page


class Reading(Strict):
    """One OCR quote and its restored reading."""

    ocr: str = Field(min_length=1, description="The quote exactly as in the figures' `quote` column (the OCR's own spelling).")
    reading: str = Field(min_length=1, description="The same sentence in correct Vietnamese: diacritics and misread letters restored, every word and digit kept (check verifies it).")


class Readings(Strict):
    """content/sources/<name>.readings.yaml: readable Vietnamese for the quotes of an OCR source."""

    readings: list[Reading] = Field(default_factory=list, description="One entry per distinct quote of the report's figures and targets.")
