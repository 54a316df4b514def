"""Persian text normalisation — the one place where Persian strings are cleaned.

Every key that joins tables (county names, headers, search text) goes through
:func:`normalise_text`; every numeric string goes through :func:`normalise_digits`
first.  The rules follow common Persian text-processing practice (e.g. the
normaliser rules of the Hazm and Parsivar projects), kept to what data keys need:

* Arabic letters → Persian: ي ى ئ(final) → ی, ك → ک, ة → ه, ۀ → هٔ → ه, أ إ ٱ → ا, ؤ → و.
* Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII 0–9.
* Arabic decimal separator ٫ → ".", thousands separator ٬ → ",", Arabic comma ، → ",".
* Kashida (ـ U+0640) and diacritics (U+064B–U+065F, U+0670) are removed.
* BOM, RLM, LRM, ALM, bidi embedding/isolate controls and zero-width characters
  (U+200B, U+2060, U+180E, U+2061–U+2064) are removed.
* ZWNJ variants (U+200C, soft hyphen, ZWJ) collapse to one U+200C; spaces around
  a ZWNJ are dropped; all space variants (NBSP, thin space, …) become one space.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = [
    "normalise_text",
    "normalise_digits",
    "name_key",
    "label_key",
    "to_persian_digits",
    "search_key",
    "search_terms",
    "ZWNJ",
    "clean_cell",
    "CleanCell",
]

ZWNJ = "\u200c"

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
_DIGITS.update({ord("٫"): ".", ord("٬"): ",", ord("،"): ","})

_LETTERS = {
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ك"): "ک",
    ord("ة"): "ه",
    ord("ۀ"): "ه",
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("ٱ"): "ا",
    ord("ؤ"): "و",
    ord("ـ"): None,  # kashida
    ord("\ufeff"): None,  # BOM
    ord("\u200f"): None,  # RLM
    ord("\u200e"): None,  # LRM
    ord("\u061c"): None,  # ALM
    ord("\u00ad"): ZWNJ,  # soft hyphen used as ZWNJ
    ord("\u200d"): ZWNJ,  # ZWJ typed for ZWNJ
}
for _cp in range(0x202A, 0x202F):  # LRE RLE PDF LRO RLO
    _LETTERS[_cp] = None
for _cp in range(0x2066, 0x206A):  # LRI RLI FSI PDI
    _LETTERS[_cp] = None
for _cp in list(range(0x064B, 0x0660)) + [0x0670]:  # harakat, hamza above, superscript alef
    _LETTERS[_cp] = None
for _cp in [0x00A0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
            0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x0009]:
    _LETTERS[_cp] = " "

for _cp in (0x200B, 0x2060, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064):  # zero-width
    _LETTERS[_cp] = None

_TABLE = {**_LETTERS, **_DIGITS}
_SPACES = re.compile(r" {2,}")
_ZWNJ_RUN = re.compile(r"\s*\u200c[\s\u200c]*")
_TO_PERSIAN = str.maketrans("0123456789.,%", "۰۱۲۳۴۵۶۷۸۹٫٬٪")


def normalise_digits(value: str) -> str:
    """Persian/Arabic-Indic digits and separators → ASCII (``'۱۲٬۳۴۵٫۵'`` → ``'12,345.5'``)."""
    return value.translate(_DIGITS)


def normalise_text(value: object) -> str:
    """Return the canonical Persian form of ``value`` (see module docstring for the rules).

    ``None`` and NaN give ``""``.  The result is stripped, NFC-composed, and stable:
    ``normalise_text(normalise_text(s)) == normalise_text(s)``.
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_TABLE)
    # NFC may have composed e.g. ي + hamza; translate once more to catch new code points.
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    text = _SPACES.sub(" ", text).strip(" " + ZWNJ)
    return text


def label_key(value: object) -> str:
    """The key two spellings of one name typed by the office share — a person, a follow-up
    round: :func:`normalise_text`, every run of whitespace one space, case-folded."""
    return " ".join(normalise_text(value).split()).casefold()


def name_key(value: object) -> str:
    """A join key for place names: normalised, lower-case, without spaces, ZWNJ,
    hyphens, the word «شهرستان» / "County", and with "va"/"and"/«و» kept as «و».

    «نجف آباد», «نجف‌آباد» and «شهرستان نجف آباد» share one key, as do
    "Najaf Abad" and "Najafabad"; «نائین» and «نایین» (hamza seat ئ → ی, keys only).
    """
    text = normalise_text(value).lower()
    text = re.sub(r"^شهرستان\s*", "", text)
    text = re.sub(r"\s+county$", "", text)
    text = re.sub(r"(?<![a-z])(and|va|o)(?![a-z])", "و", text)
    text = text.replace("ئ", "ی").replace("ء", "")
    return re.sub(r"[\s\u200c\-_'’`.]", "", text)


_DIGITS_ONLY = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def persian_prose_digits(text: str) -> str:
    """Persian-script prose shown with Persian digits («نیروگاه 10 مگاواتی» → «… ۱۰ …»);
    Latin text (ids, English titles, URLs) is left alone.  Only digits change: commas and
    points in prose are not number separators (:func:`to_persian_digits` is for numbers)."""
    return text.translate(_DIGITS_ONLY) if _ARABIC_SCRIPT.search(text) else text


def to_persian_digits(value: object) -> str:
    """ASCII digits, decimal point, thousands comma and percent sign → Persian forms
    (``'1,234.5%'`` → ``'۱٬۲۳۴٫۵٪'``).  Meant for formatted numbers, not free text."""
    return str(value).translate(_TO_PERSIAN)


# --- the one cleaner of imported cells ----------------------------------------------------

#: Invisible characters removed from every imported cell: zero-width space/joiner-free
#: marks, BOM, word joiner, bidi marks, embeddings and isolates (display hints, never data).
_INVISIBLE = {cp: None for cp in (0x200B, 0x2060, 0xFEFF, 0x180E, 0x2061, 0x2062, 0x2063,
                                  0x2064, 0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C,
                                  0x2066, 0x2067, 0x2068, 0x2069)}
#: Bidi overrides (LRO U+202D, RLO U+202E) re-order what a reader sees ("Trojan Source",
#: CVE-2021-42574): refused, never silently dropped — the cell does not say what it shows.
_OVERRIDES = frozenset("\u202d\u202e")
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202d\u202e]")
_EDGE_ZWNJ = re.compile(r"(?:(?<=^)|(?<=\s))\u200c+|\u200c+(?=\s|$)")


class CleanCell(NamedTuple):
    """The cleaned text, and why the cell is refused (``None`` when it is not):
    ``control_char`` (NUL or another C0/C1 control; ``char`` e.g. ``U+0000``) or
    ``bidi_override``."""

    text: str
    rule: str | None = None
    char: str | None = None


def clean_cell(value: str) -> CleanCell:
    """The one cleaner of an imported cell's text — the same on every backend and import
    path (CSV, Excel, follow-ups, people, scenario files):

    * NUL and the other C0/C1 control characters (tab, newline and carriage return
      excepted) are refused (``control_char``; PostgreSQL cannot store NUL and SQLite
      would store it silently) and removed from the returned text;
    * bidi overrides U+202D/U+202E are refused (``bidi_override``) and removed;
    * zero-width characters, BOM, bidi marks, embeddings and isolates are removed
      (``Z-001`` and ``Z-001`` + U+200B are the same id);
    * ZWNJ (U+200C) is kept inside words (Persian spelling: «می‌شود») and dropped at the
      edges of words, where it is invisible and means nothing.
    """
    rule = char = None
    bad = _REFUSED.search(value)
    if bad is not None:
        first = bad.group()
        rule = "bidi_override" if first in _OVERRIDES else "control_char"
        char = f"U+{ord(first):04X}"
        value = _REFUSED.sub("", value)
    if not value.isascii():
        value = value.translate(_INVISIBLE)
    if ZWNJ in value:
        value = _EDGE_ZWNJ.sub("", value)
    return CleanCell(value, rule, char)


_COMPACT = re.compile(r"[\s\u200c]+")
#: Persian plural endings met in searches: «ها», «های», «هایی» (attached, after a ZWNJ or
#: as a separate word: «هنرستانها», «هنرستان‌ها», «هنرستان های»).
_PLURAL = re.compile(r"^(?P<stem>.{3,}?)\u200c?(?:هایی|های|ها)$")
_PLURAL_WORDS = frozenset({"ها", "های", "هایی"})


def search_key(value: object) -> str:
    """The form of a text that search compares: :func:`normalise_text`, lower case, and
    without spaces or ZWNJ, so «ذوب‌آهن», «ذوب آهن» and «ذوبآهن» (or «گلاب‌گیری» and
    «گلابگیری») have one key.  Matching is by substring of these keys."""
    return _COMPACT.sub("", normalise_text(value).lower())


def search_terms(query: object) -> tuple[str, ...]:
    """The terms of a search query, each as a :func:`search_key`; a text matches when it
    holds every term.  Words are split at spaces; a Persian plural ending is dropped from
    a word of at least three letters before it (``ها``/``های``/``هایی``, joined, after a
    ZWNJ, or as a word of its own), so «هنرستان‌ها», «هنرستانها» and «هنرستان های» all
    search for «هنرستان».  Rule after the plural suffixes of Persian grammar (Hazm's
    stemmer drops the same endings); words without them are kept as typed."""
    terms = []
    for word in normalise_text(query).lower().split(" "):
        if not word or word in _PLURAL_WORDS:
            continue
        if _ARABIC_SCRIPT.search(word):
            match = _PLURAL.match(word)
            if match:
                word = match.group("stem")
        key = search_key(word)
        if key:
            terms.append(key)
    return tuple(terms)
