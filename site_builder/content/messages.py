"""Wording shared by the loaders, so YAML and CSV say the same thing about the same mistake."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
YEAR_MONTH_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def kind_of(value: Any) -> str:
    """How an editor would name a parsed YAML value's type: 'text', 'a number', 'a mapping', …"""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return "text"


def date_message(value: Any) -> str:
    """Why `value` is not a date, for an editor: the date as they wrote it, and what to write instead.

    Vietnamese documents print dates day/month/year (31/02/2023), so that form gets the ISO
    spelling of the same day when the day exists, and the reason when it does not.
    """
    text = str(value)
    shown = f"'{text}'" if isinstance(value, str) else text
    if m := DAY_MONTH_YEAR.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        why = _impossible(year, month, day)
        if why is None:
            return f"{shown} is written day/month/year; write YYYY-MM-DD: {dt.date(year, month, day).isoformat()}"
        return f"{shown} is not a valid date: {why}; write YYYY-MM-DD"
    if m := YEAR_MONTH_DAY.match(text):
        why = _impossible(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if why is not None:
            return f"{shown} is not a valid date: {why}; write YYYY-MM-DD"
    return f"{shown} is not a valid date; write YYYY-MM-DD"


def _impossible(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{year}-{month:02d} has no day {day}"
    return None
