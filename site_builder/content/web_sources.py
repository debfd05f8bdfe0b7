"""Sources read on the web: a press article or web page says who published it, where and when it was read.

Input: the validated reports and their parsed files. Output: a located problem for each press
article or web page (content/model.py `WEB_SOURCES`) without its publisher, url or retrieved
date, for a url given without the day it was read (or that day without a url), and for a day read
that cannot be: before the source was dated, or after today.

"Today" is the checking machine's date plus one day: an editor in Việt Nam (UTC+7) may write the
day of the morning they read a page while a CI runner in UTC is still on the day before. The
check can only ever pass later than it does now, so a build never starts failing with time.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from site_builder.content.model import WEB_SOURCES, DocumentType, Report
from site_builder.content.yamlio import Located
from site_builder.error_types import WEB_SOURCE
from site_builder.errors import Message, Problem

# What each required field of a web source is, in the words of the message.
REQUIRED = {
    "publisher": "the newspaper or website as it names itself, e.g. Báo Bình Phước",
    "url": "the address it was read at, starting with https://",
    "retrieved": "the day it was read, YYYY-MM-DD",
}
KIND = {DocumentType.bai_bao: "press article", DocumentType.trang_web: "web page"}
SLACK = dt.timedelta(days=1)


def check_web_sources(reports: Mapping[str, Report], located: Mapping[tuple[str, str], Located],
                      today: dt.date | None = None) -> list[Problem]:
    """Every problem of the reports' web citations, each placed on the field it is about."""
    today = today or dt.date.today()
    out: list[Problem] = []
    for rid, rep in sorted(reports.items()):
        doc = located[("reports", rid)]

        def at(field: str, message: Message, on: str | None = None) -> Problem:
            line, col = doc.value_position((on or field,))
            return message.at(doc.path, line, col, field)

        kind = KIND.get(rep.document_type, "document")
        if rep.document_type in WEB_SOURCES:
            for field, what in REQUIRED.items():
                if getattr(rep, field) is None:  # placed on document_type, which asks for it
                    out.append(at(field, WEB_SOURCE.message(kind=kind, document_type=rep.document_type.value, what=what),
                                  on="document_type"))
        else:
            for field, given in (("retrieved", "url"), ("url", "retrieved")):
                if getattr(rep, given) is not None and getattr(rep, field) is None:
                    out.append(at(field, WEB_SOURCE.message(variant="pair", given=given, needed=field), on=given))
        if rep.retrieved is None:
            continue
        if rep.date is not None and rep.retrieved < rep.date:
            out.append(at("retrieved", WEB_SOURCE.message(variant="before", retrieved=rep.retrieved.isoformat(), kind=kind,
                                                          date=rep.date.isoformat())))
        elif rep.retrieved > today + SLACK:
            out.append(at("retrieved", WEB_SOURCE.message(variant="future", retrieved=rep.retrieved.isoformat())))
    return out
