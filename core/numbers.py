"""The one numeric parser of every import path, and the one bound on every number.

People type numbers with Persian (۰–۹), Arabic-Indic (٠–٩) or Latin digits, with the
Persian separators (٬ thousands U+066C, ٫ decimal U+066B), with a comma or a point for
either role, with a percent sign and with spaces.  :func:`parse_number` reads them all and
**never guesses**: a text whose value depends on which separator is the decimal one
(``1,200`` — 1.2 or 1200?) is refused as ``ambiguous_number`` unless the file's dialect
decides it.  Rules (CLDR number patterns: groups of three digits, one decimal separator):

* ``٫`` is always the decimal separator and ``٬`` always the thousands separator;
* when a comma and a point both occur, the last one is the decimal separator and the other
  must group thousands (``1,234.5``, ``1.234,5``);
* a lone separator followed by anything but exactly three digits can only be decimal
  (``1234,5`` → 1234.5, ``0,125`` → 0.125, ``12.5`` → 12.5); several of one kind must group
  thousands (``1,234,567``, ``1.234.567``);
* a lone separator followed by exactly three digits (``1,200``, ``1.200``) follows the
  dialect: ``"point"`` (decimal point: comma-separated CSV, Excel text) reads ``1,200`` as
  1200 and ``1.200`` as 1.2; ``"comma"`` (decimal comma: a semicolon CSV, as Excel writes
  it in locales with a decimal comma) has no safe reading of either and refuses them;
* ``inf``, ``nan`` and overflowing numbers (``1e400``) are ``not_finite``; a magnitude above
  :data:`NUMBER_LIMIT` is ``out_of_bound`` (see below).

:data:`NUMBER_LIMIT` (10¹², a million times the province's yearly budget in billion rials and
far above any count of people or jobs) is the one bound checked before any number is
stored: sums of bounded values stay finite and exact in float64 (2⁵³ ≈ 9·10¹⁵), so no page
ever meets an infinity or a NaN made from overflow.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["NUMBER_LIMIT", "ParsedNumber", "parse_number", "check_bound", "DIALECTS"]

NUMBER_LIMIT = 1e12
DIALECTS = ("point", "comma")

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
# the explicit Persian separators become private marks; the Arabic comma is a comma;
# the minus sign (U+2212) is a hyphen-minus
_DIGITS.update({ord("٫"): "D", ord("٬"): "T", ord("،"): ",", ord("\u2212"): "-"})
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_THREE = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")  # 1.200: a decimal or a thousands point?
_BODY = re.compile(r"[0-9.,DT]+")
_NON_FINITE = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "-nan",
               "+nan"}


@dataclass(frozen=True)
class ParsedNumber:
    """``value`` (None when refused or blank); ``rule`` (None when fine): ``not_number``,
    ``ambiguous_number`` (``readings``: the two values it could be), ``not_finite`` or
    ``out_of_bound``."""

    value: float | None
    rule: str | None = None
    readings: tuple[float, float] | None = None


def _grouped(text: str, sep: str) -> bool:
    return re.fullmatch(r"[1-9]\d{0,2}(?:" + re.escape(sep) + r"\d{3})+", text) is not None


def _strip_groups(text: str, sep: str) -> str | None:
    """``text`` without its thousands separators ``sep`` (None if they do not group by 3)."""
    if sep not in text:
        return text
    return text.replace(sep, "") if _grouped(text, sep) else None


def _with_decimal(text: str, dec: str, group: str) -> str | None:
    """Plain ``int.frac`` text when ``dec`` is the (single, last) decimal separator and
    ``group`` groups the integer part; else None."""
    if text.count(dec) != 1:
        return None
    whole, frac = text.split(dec)
    if not frac.isdigit() and frac != "":
        return None
    if group in frac:
        return None
    whole = _strip_groups(whole, group) if whole else "0"
    if whole is None or not whole.isdigit():
        return None
    return f"{whole}.{frac or '0'}"


def _body(text: str, dialect: str) -> tuple[str | None, tuple[str, str] | None]:
    """(plain digits text, None) or (None, (reading with a decimal point, with a decimal
    comma)) when ambiguous, or (None, None) when not a number."""
    if "D" in text:  # the Persian decimal separator decides; a point beside it is nonsense
        if "." in text:
            return None, None
        return _with_decimal(text.replace("T", ","), "D", ","), None
    text = text.replace("T", "\u066c")  # ٬: always thousands
    if "\u066c" in text:
        if "," in text and "." in text:
            return None, None
        dec = "." if "." in text else ","
        if dec in text:
            plain = _with_decimal(text.replace(dec, "D"), "D", "\u066c")
        else:
            plain = _strip_groups(text, "\u066c")
        return plain, None
    has_c, has_p = "," in text, "." in text
    if has_c and has_p:
        dec = "." if text.rfind(".") > text.rfind(",") else ","
        other = "," if dec == "." else "."
        return _with_decimal(text, dec, other), None
    if not has_c and not has_p:
        return text, None
    sep = "," if has_c else "."
    if text.count(sep) > 1:
        return _strip_groups(text, sep), None
    whole, frac = text.split(sep)
    if len(frac) != 3 or not whole or whole == "0" or len(whole) > 3 \
            or (whole.startswith("0")):
        return _with_decimal(text, sep, "\0"), None  # only a decimal reading exists
    as_decimal = f"{whole}.{frac}"
    as_thousands = whole + frac
    if dialect == "point":
        return (as_thousands if sep == "," else as_decimal), None
    return None, (as_decimal, as_thousands)


def parse_number(value: object, dialect: str = "point", *, percent: bool = True) -> ParsedNumber:
    """Read one typed number (see the module docstring).  ``value``: text (or an int/float
    already typed, e.g. an Excel number cell).  Blank text gives ``ParsedNumber(None)``.
    ``percent``: a trailing/leading ``%``/``٪`` is allowed (and ignored)."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}")
    if isinstance(value, bool):
        return ParsedNumber(None, "not_number")
    if isinstance(value, int | float):
        return check_bound(float(value))
    if value is None:
        return ParsedNumber(None)
    # invisible marks go; spaces inside a number group thousands (1 234, NBSP, thin space)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", str(value).translate(_DIGITS))).strip()
    text = text.replace(" ", "T")
    if percent:
        text = text.strip("%٪T")
    if not text:
        return ParsedNumber(None)
    if text.lower() in _NON_FINITE:
        return ParsedNumber(None, "not_finite")
    if _PLAIN.fullmatch(text) and not (dialect == "comma" and _THREE.fullmatch(text)):
        return check_bound(float(text))
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:]
    if not _BODY.fullmatch(text) or not any(c.isdigit() for c in text):
        return ParsedNumber(None, "not_number")
    plain, readings = _body(text, dialect)
    if readings is not None:
        return ParsedNumber(None, "ambiguous_number",
                            (float(sign + readings[0]), float(sign + readings[1])))
    if plain is None or not _PLAIN.fullmatch(plain):
        return ParsedNumber(None, "not_number")
    return check_bound(float(sign + plain))


def check_bound(number: float) -> ParsedNumber:
    """``number`` if it is finite and within ±:data:`NUMBER_LIMIT`, else the rule."""
    if not math.isfinite(number):
        return ParsedNumber(None, "not_finite")
    if abs(number) > NUMBER_LIMIT:
        return ParsedNumber(None, "out_of_bound")
    return ParsedNumber(number)
