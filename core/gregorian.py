"""Gregorian dates typed where a Jalali date belongs: recognised, never converted.

A value with a 19xx/20xx year (``2025-11-19``, ``2025/11/19``, ``20251119``, an Excel
date cell read as ``2025-11-19``) is flagged with the rule ``gregorian_date`` and the
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


def gregorian_suggestion(value: object) -> str | None:
    """``None`` if ``value`` does not look Gregorian; else its Jalali equivalent
    (``YYYY/MM/DD``), or ``"—"`` when the Gregorian date itself does not exist."""
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
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if not match:
        return None
    try:
        date = _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return "—"
    return format_jalali_iso(date)
