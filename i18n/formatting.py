"""Locale-aware formatting: Persian digits and separators, Jalali dates, RTL labels.

Persian conventions: digits ۰–۹, thousands separator «٬» (U+066C), decimal
separator «٫» (U+066B), percent «٪» after the number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from core.jalali import MONTH_NAMES_EN, format_jalali_iso, parse_jalali
from core.text import to_persian_digits

RLM = "\u200f"
RLE = "\u202b"  # RIGHT-TO-LEFT EMBEDDING
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING
# Persian/Arabic LETTERS (not digits or separators: a number alone stays left-to-right)
ARABIC_LETTERS = re.compile(
    "[\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_BR = re.compile(r"(<br\s*/?>)", re.IGNORECASE)


def list_separator(lang: str) -> str:
    """Between the items of a list: the Persian comma «، » or ", "."""
    return "، " if lang == "fa" else ", "


def join_list(items: Iterable[object], lang: str) -> str:
    """Items as one list in the reader's language: «الف، ب» or "a, b"."""
    return list_separator(lang).join(str(item) for item in items)


def localise_digits(text: str, lang: str) -> str:
    """ASCII digits/separators → Persian forms when ``lang == 'fa'``."""
    return to_persian_digits(text) if lang == "fa" else text


def _missing(value: object) -> bool:
    try:
        return value is None or math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


LRM = "\u200e"  # LEFT-TO-RIGHT MARK


def ltr_sign(text: str, lang: str = "fa") -> str:
    """A signed number keeps its sign on the left in right-to-left text (fa):
    an LRM before the sign makes the bidi algorithm treat sign and digits as one
    left-to-right run (UAX #9, W7); without it a Persian table cell shows «۰٫۱۰۷-»."""
    if lang == "fa" and text[:1] in ("-", "−", "+"):
        return LRM + text
    return text


def fmt_number(value: object, lang: str = "fa", decimals: int = 0) -> str:
    """``1234567.8`` → ``'۱٬۲۳۴٬۵۶۸'`` (fa) / ``'1,234,568'`` (en); missing → ``'—'``;
    negative numbers in Persian start with an LRM (:func:`ltr_sign`)."""
    if _missing(value):
        return "—"
    return ltr_sign(localise_digits(f"{float(value):,.{decimals}f}", lang), lang)


def fmt_int(value: object, lang: str = "fa") -> str:
    return fmt_number(value, lang, 0)


def fmt_percent(value: object, lang: str = "fa", decimals: int = 0, is_fraction: bool = False) -> str:
    """``44.2`` → ``'۴۴٪'``; with ``is_fraction=True`` ``0.442`` → ``'۴۴٪'``."""
    if _missing(value):
        return "—"
    number = float(value) * (100 if is_fraction else 1)
    return ltr_sign(localise_digits(f"{number:,.{decimals}f}%", lang), lang)


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
        from core.jalali import format_jalali_fa

        return format_jalali_fa(iso, with_month_name)
    year, month, day = parse_jalali(iso)
    return f"{day} {MONTH_NAMES_EN[month - 1]} {year}" if with_month_name else iso


def rtl_label(text, lang: str = "fa"):
    """Embed each line of a Persian label right-to-left (RLE + RLM … PDF) for ``fa``.

    Chromium lays chart (SVG) text out with a left-to-right base direction, so a label
    that starts with Latin letters or digits («GDP سهم», «2020 سال») comes out in the
    wrong order; an RLM alone fixes digits but not Latin words, an RLE … PDF embedding
    fixes both (measured in exports, see ``tests/test_exports_images.py``).  Text without
    Arabic-script letters and non-strings are returned unchanged; already embedded lines
    are left alone (idempotent).  Plotly's ``<br>`` starts a new line, embedded on its own.
    """
    if lang != "fa" or not isinstance(text, str) or not ARABIC_LETTERS.search(text):
        return text
    lines = []
    for part in _BR.split(text):
        if part and not _BR.fullmatch(part) and not part.startswith(RLE):
            part = RLE + (part if part.startswith(RLM) else RLM + part) + PDF
        lines.append(part)
    return "".join(lines)
