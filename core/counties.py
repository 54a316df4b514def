"""County codes and the county-name resolver — the one definition of a county code.

A county code is the stable lower-case ASCII id of a county in ``data/counties.csv``
(e.g. ``najafabad``, ``aran_va_bidgol``).  Every table refers to counties by code;
names in any spelling (Persian, English, OSM «شهرستان …», Arabic letters, with or
without spaces/ZWNJ) are turned into codes by :class:`CountyResolver`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd

from core.text import name_key, normalise_text

__all__ = [
    "CODE_PATTERN",
    "is_valid_code",
    "UnknownCountyError",
    "CountyResolver",
    "COMMON_VARIANTS",
]

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PROVINCE_CODE = "PROVINCE"

# Spellings met in real files that normalisation alone does not unify.
COMMON_VARIANTS: dict[str, tuple[str, ...]] = {
    "shahinshahr_va_meymeh": ("شاهین شهر", "شاهین‌شهر", "Shahinshahr", "Shahin Shahr",
                              "Shahinshahr and Meymeh", "برخوار و میمه"),
    "khomeynishahr": ("Khomeinishahr", "Khomeini Shahr", "Khomeyni-Shahr", "خمینی شهر"),
    "aran_va_bidgol": ("Aran-o-Bidgol", "Aran va Bidgol", "Aran o Bidgol", "آران"),
    "buin_va_miandasht": ("بویین و میاندشت", "بوئین میاندشت", "Buin Miandasht",
                          "Bouin va Miandasht"),
    "tiran_va_karvan": ("تیران", "Tiran-o-Korun", "Tiran and Korun", "Tiran va Karvan"),
    "khur_va_biabanak": ("خور", "Khour and Biabanak", "Khur-o-Biabanak"),
    "fereydunshahr": ("Fereydoonshahr", "Fereydoun Shahr", "فریدون شهر"),
    "semirom": ("Samirom",),
    "nain": ("نایین", "Naein", "Nayin"),
    "khansar": ("Khvansar", "Khwansar", "Khonsar"),
    "dehaqan": ("Dehaghan",),
    "shahreza": ("Shahr-e Reza", "شهر رضا", "Qomsheh", "قمشه"),
    "lenjan": ("Lanjan",),
    "golpayegan": ("Golpaygan",),
    "chadegan": ("Chadgan",),
    "jarqavieh": ("Jarghooyeh", "Jarquyeh", "Jarqooyeh"),
    "kuhpayeh": ("Kouhpayeh", "Koohpayeh"),
    "najafabad": ("Najaf Abad", "Najaf-Abad"),
    "borkhar": ("Borkhar County", "دولت آباد"),
    "isfahan": ("Esfahan", "Isfehan", "اصفهان مرکز"),
}


def is_valid_code(code: object) -> bool:
    """True for a syntactically valid county code (``^[a-z][a-z0-9_]*$``)."""
    return isinstance(code, str) and bool(CODE_PATTERN.match(code))


class UnknownCountyError(LookupError):
    """A name that matches no county; ``suggestions`` lists the closest valid names."""

    def __init__(self, value: object, suggestions: list[str]):
        self.value = value
        self.suggestions = suggestions
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown county {value!r}{hint}")


@dataclass
class CountyResolver:
    """Turns any spelling of a county into its code.

    Built from a counties table with columns ``code``, ``name_fa``, ``name_en`` and
    optionally ``osm_name_fa``; :data:`COMMON_VARIANTS` adds spellings for codes that
    exist in the table.
    """

    counties: pd.DataFrame
    _keys: dict[str, str] = field(init=False, repr=False)
    _display: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._keys = {}
        self._display = {}
        for row in self.counties.itertuples(index=False):
            code = row.code
            names = [code, row.name_fa, row.name_en, getattr(row, "osm_name_fa", "")]
            names += list(COMMON_VARIANTS.get(code, ()))
            for name in names:
                key = name_key(name)
                if key:
                    self._keys.setdefault(key, code)
            self._display[name_key(row.name_fa)] = row.name_fa
            self._display[name_key(row.name_en)] = row.name_en

    @property
    def codes(self) -> list[str]:
        return list(self.counties["code"])

    def resolve(self, value: object) -> str:
        """Return the county code for ``value`` or raise :class:`UnknownCountyError`."""
        key = name_key(value)
        code = self._keys.get(key)
        if code is None:
            raise UnknownCountyError(value, self.suggest(value))
        return code

    def try_resolve(self, value: object) -> str | None:
        """Like :meth:`resolve` but returns ``None`` for an unknown name."""
        return self._keys.get(name_key(value))

    def suggest(self, value: object, n: int = 3) -> list[str]:
        """The ``n`` official names closest to ``value`` (by normalised-key similarity)."""
        key = name_key(value)
        if not key:
            return []
        close = difflib.get_close_matches(key, list(self._display), n=n, cutoff=0.5)
        out: list[str] = []
        for k in close:
            name = self._display[k]
            if name not in out:
                out.append(name)
        return out

    def resolve_series(self, values: pd.Series) -> tuple[pd.Series, pd.DataFrame]:
        """Vectorised resolve: (codes with NA for unknown, errors DataFrame of index/value/suggestions)."""
        values = pd.Series(values)
        uniques = pd.unique(values.dropna())
        mapping = {v: self._keys.get(name_key(v)) for v in uniques}
        codes = values.map(mapping).astype("string")
        unknown = values.notna() & codes.isna() & (values.map(normalise_text) != "")
        errors = pd.DataFrame(
            {
                "index": values.index[unknown],
                "value": values[unknown].to_numpy(),
                "suggestions": [", ".join(self.suggest(v)) for v in values[unknown]],
            }
        )
        return codes, errors


def county_names(table: pd.DataFrame, lang: str = "fa") -> dict[str, str]:
    """``code → name`` in ``lang`` from a counties table (``code`` column) or a county
    panel (indexed by code), with ``name_fa``/``name_en`` columns."""
    codes = table["code"] if "code" in table.columns else table.index
    return dict(zip(codes, table["name_fa" if lang == "fa" else "name_en"]))
