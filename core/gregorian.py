"""Gregorian dates typed where a Jalali date belongs: recognised, never converted.

A value with a 19xx/20xx year (``2025-11-19``, ``2025/11/19``, ``20251119``, an Excel
date cell read as ``2025-11-19``, and with the year last: ``20/03/2024``, ``3/20/2024``) is flagged with the rule ``gregorian_date`` and the
Jalali equivalent is offered as a *suggestion* for the user to type; the import does
not convert it silently.
"""

from __future__ import annotations

import datetime as _dt
import re

from core.jalali import format_jalali_iso
from core.text import normalise_digits

__all__ = ["gregorian_suggestion"]

_SEPARATED = re.compile(
    r"^\s*((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$"
)
_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$")
# the year last, as people in Europe (20/03/2024) and the USA (3/20/2024) write it
_YEAR_LAST = re.compile(r"^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})\s*$")


def _jalali(year: int, month: int, day: int) -> str | None:
    try:
        return format_jalali_iso(_dt.date(year, month, day))
    except ValueError:
        return None


def gregorian_suggestion(value: object) -> str | None:
    """``None`` if ``value`` does not look Gregorian; else its Jalali equivalent
    (``YYYY/MM/DD``), or ``"—"`` when the Gregorian date itself does not exist.  A date
    with the year last (``20/03/2024``, ``3/20/2024``) gives each reading that exists
    (day/month, then month/day), joined by `` | `` when both do."""
    if isinstance(value, _dt.datetime | _dt.date):
        date = value.date() if isinstance(value, _dt.datetime) else value
        return format_jalali_iso(date)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = normalise_digits(str(value))
    last = _YEAR_LAST.match(text)
    if last:  # day/month/year or month/day/year: every reading that is a real date
        first, second, year = (int(g) for g in last.groups())
        readings = dict.fromkeys(r for r in (_jalali(year, second, first),
                                             _jalali(year, first, second)) if r)
        return " | ".join(readings) or "—"
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if not match:
        return None
    try:
        date = _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return "—"
    return format_jalali_iso(date)
