"""Locale-aware formatting: Persian digits and separators, Jalali dates, RTL labels.

Persian conventions: digits ۰–۹, thousands separator «٬» (U+066C), decimal
separator «٫» (U+066B), percent «٪» after the number.
"""

from __future__ import annotations

import math

from analytics.jalali import MONTH_NAMES_EN, format_jalali_iso, parse_jalali
from analytics.text import to_persian_digits

RLM = "\u200f"


def localise_digits(text: str, lang: str) -> str:
    """ASCII digits/separators → Persian forms when ``lang == 'fa'``."""
    return to_persian_digits(text) if lang == "fa" else text


def _missing(value: object) -> bool:
    try:
        return value is None or math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def fmt_number(value: object, lang: str = "fa", decimals: int = 0) -> str:
    """``1234567.8`` → ``'۱٬۲۳۴٬۵۶۸'`` (fa) / ``'1,234,568'`` (en); missing → ``'—'``."""
    if _missing(value):
        return "—"
    return localise_digits(f"{float(value):,.{decimals}f}", lang)


def fmt_int(value: object, lang: str = "fa") -> str:
    return fmt_number(value, lang, 0)


def fmt_percent(value: object, lang: str = "fa", decimals: int = 0, is_fraction: bool = False) -> str:
    """``44.2`` → ``'۴۴٪'``; with ``is_fraction=True`` ``0.442`` → ``'۴۴٪'``."""
    if _missing(value):
        return "—"
    number = float(value) * (100 if is_fraction else 1)
    return localise_digits(f"{number:,.{decimals}f}%", lang)


def fmt_share_pair(pop_share: float, x_share: float, x_label: str, lang: str = "fa") -> str:
    """The one-line reading of a centre share, e.g. «۴۴٪ جمعیت، ۶۱٪ بودجه»."""
    from i18n.catalogue import t

    return t(
        "fmt.share_pair",
        lang,
        pop=fmt_percent(pop_share, lang, is_fraction=True),
        x=fmt_percent(x_share, lang, is_fraction=True),
        label=x_label,
    )


def fmt_date(value: object, lang: str = "fa", with_month_name: bool = True) -> str:
    """A Jalali text or Gregorian date → ``'۲۸ آبان ۱۴۰۴'`` (fa) / ``'28 Aban 1404'`` (en)."""
    if value is None or (not isinstance(value, str) and _missing(value)):
        return ""
    iso = format_jalali_iso(value)
    if not iso:
        return ""
    if lang == "fa":
        from analytics.jalali import format_jalali_fa

        return format_jalali_fa(iso, with_month_name)
    year, month, day = parse_jalali(iso)
    return f"{day} {MONTH_NAMES_EN[month - 1]} {year}" if with_month_name else iso


def rtl_label(text: str, lang: str = "fa") -> str:
    """Prefix RLM so a Persian label that starts with Latin text or digits lays out RTL."""
    return RLM + text if lang == "fa" and text and not text.startswith(RLM) else text
