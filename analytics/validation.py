"""Validation of tables against :mod:`core.schema` — every problem, not just the first.

``validate_table`` coerces each column to its kind (Persian/Arabic digits, ٬ and ,
separators and decimal commas by :mod:`core.numbers` — ambiguous and out-of-bound numbers
refused —, percent signs, Arabic ي/ك, Jalali dates in any accepted form, county
names in any spelling) and returns the clean table together with a list of
:class:`Problem` s.  A caller that finds any problem stores nothing
(:class:`DataValidationError` carries them all).  ``Problem``, ``DataValidationError`` and
``problems_frame`` are the one problem type of :mod:`core.problems`, re-exported here.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from core.counties import CountyResolver, is_valid_code
from core.jalali import parse_jalali_series
from core.numbers import NUMBER_LIMIT, ParsedNumber, check_bound, parse_number
from core.problems import DataValidationError, Problem, problems_frame
from core.schema import Column, TableSchema
from core.text import normalise_text
from core.vocabulary import LABEL_PREFIX, SYNONYMS, value_key
from i18n import catalogue, t

__all__ = ["Problem", "DataValidationError", "validate_table", "problems_frame", "enum_lookup",
           "enum_value", "allowed_text", "nearest_value"]

_TRUE = {"true", "1", "yes", "y", "بله", "آری", "درست", "t"}
_FALSE = {"false", "0", "no", "n", "خیر", "نه", "نادرست", "f"}


def _map_unique(series: pd.Series, fn) -> pd.Series:
    """``fn`` applied once per distinct value (imports repeat values a lot), as strings."""
    codes, uniques = pd.factorize(series.astype("string"), use_na_sentinel=True)
    mapped = np.array([fn(u) for u in uniques] + [pd.NA], dtype=object)
    return pd.Series(mapped[codes], index=series.index, dtype="string")


def _blank(series: pd.Series) -> pd.Series:
    return (series.isna() | (_map_unique(series, normalise_text) == "")).fillna(True)


def _label(column: str, value: str, lang: str) -> str:
    pair = catalogue().get(LABEL_PREFIX.get(column, "\0") + value)
    return (pair[0] if lang == "fa" else pair[1]) if pair else value


@cache
def _enum_words(name: str, allowed: tuple[str, ...]) -> Mapping[str, str]:
    lookup: dict[str, str] = {}
    words = SYNONYMS.get(name, {})
    # the id, then the catalogue's labels, then the office words: the first claim wins
    for source in ((v, (v,)) for v in allowed), \
            ((v, (_label(name, v, "fa"), _label(name, v, "en"))) for v in allowed), \
            ((v, words.get(v, ())) for v in allowed):
        for value, texts in source:
            for text in texts:
                lookup.setdefault(value_key(text), value)
    return lookup


def enum_lookup(column: Column, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """:func:`core.vocabulary.value_key` → id for an enumerated column: the id itself,
    its Persian/English catalogue labels and the office words of :mod:`core.vocabulary`;
    ``extra`` (key form → id) adds words of the caller's own."""
    lookup = dict(_enum_words(column.name, tuple(column.allowed)))
    for key, value in (extra or {}).items():
        if value in column.allowed:
            lookup.setdefault(value_key(key), value)
    return lookup


def _enum_lookup(column: Column) -> dict[str, str]:
    """The same words keyed by both ``normalise_text(word).lower()`` (the form callers such
    as :mod:`store.followups` look up) and :func:`value_key`; prefer :func:`enum_value`."""
    lookup = enum_lookup(column)
    words = SYNONYMS.get(column.name, {})
    for value in column.allowed:
        for text in (value, _label(column.name, value, "fa"), _label(column.name, value, "en"),
                     *words.get(value, ())):
            lookup.setdefault(normalise_text(text).lower(), value)
    return lookup


def enum_value(column: Column, text: object) -> str | None:
    """The id ``text`` names in ``column`` (any label, synonym or spelling), else None."""
    return enum_lookup(column).get(value_key(text))


def allowed_text(column: Column, lang: str = "fa") -> str:
    """The allowed values of an enumerated column as the reader knows them: the labels in
    ``lang`` (Persian labels for ``fa``, never bare ids), joined with the reader's comma."""
    return ("، " if lang == "fa" else ", ").join(_label(column.name, v, lang)
                                                 for v in column.allowed)


def nearest_value(column: Column, text: object) -> str | None:
    """The id whose label or office word is closest to ``text`` (``difflib`` on the
    normalised keys), or None when nothing is close enough."""
    key = value_key(text)
    if not key:
        return None
    lookup = _enum_words(column.name, tuple(column.allowed))
    found = difflib.get_close_matches(key, list(lookup), n=1, cutoff=0.7)
    return lookup[found[0]] if found else None


def _not_allowed_params(column: Column, text: object) -> dict:
    """``allowed`` (and ``nearest``) per language: the renderer picks the reader's."""
    nearest = nearest_value(column, text)
    params: dict = {"allowed": {lang: allowed_text(column, lang) for lang in ("fa", "en")}}
    if nearest is not None:
        params["nearest"] = {lang: t("validation.did_you_mean", lang,
                                     label=_label(column.name, nearest, lang))
                             for lang in ("fa", "en")}
        params["allowed"] = {lang: params["allowed"][lang] + params["nearest"][lang]
                             for lang in ("fa", "en")}
        params["nearest_value"] = nearest
    return params


def _to_number(series: pd.Series, dialect: str = "point"
               ) -> tuple[pd.Series, pd.Series, dict[object, tuple[float, float]]]:
    """(numbers, rule per cell — "" when fine —, the two readings of ambiguous values), each
    distinct value read once by the one numeric parser (:func:`core.numbers.parse_number`:
    Persian/Arabic/Latin digits, separators by ``dialect``, the one bound)."""
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.astype("float64")
        parsed = [check_bound(v) if v == v else ParsedNumber(None) for v in values.tolist()]
    else:
        codes, uniques = pd.factorize(series.astype("string"), use_na_sentinel=True)
        found = [parse_number(u, dialect) for u in uniques] + [ParsedNumber(None)]
        parsed = [found[c] for c in codes]
    numbers = pd.Series([np.nan if p.value is None else p.value for p in parsed],
                        index=series.index, dtype="float64")
    rules = pd.Series([p.rule or "" for p in parsed], index=series.index, dtype=object)
    readings = {idx: p.readings for idx, p in zip(series.index, parsed, strict=True)
                if p.readings is not None}
    return numbers, rules, readings


def _reading(value: float) -> str:
    return f"{value:,.10f}".rstrip("0").rstrip(".")


class _Collector:
    def __init__(self, file: str, sheet: str | None, rows: pd.Series):
        self.file, self.sheet, self.rows, self.problems = file, sheet, rows, []

    def add(self, mask: pd.Series, column: str, values: pd.Series, rule: str, **params):
        for idx in mask[mask].index:
            value = values.loc[idx]
            shown = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            extra = {k: (v(idx) if callable(v) else v) for k, v in params.items()}
            self.problems.append(Problem(self.file, int(self.rows.loc[idx]), column, shown, rule,
                                         extra, self.sheet))


def _coerce(col: Column, raw: pd.Series, blank: pd.Series, out: _Collector,
            resolver: CountyResolver | None, words: Mapping[str, str] | None = None,
            dialect: str = "point") -> pd.Series:
    kind = col.kind
    if kind in ("int", "float"):
        number, rules, readings = _to_number(raw, dialect)
        out.add(~blank & (rules == "not_number"), col.name, raw, "not_number")
        out.add(rules == "ambiguous_number", col.name, raw, "ambiguous_number",
                point=lambda i: _reading(readings[i][0]),
                thousands=lambda i: _reading(readings[i][1]))
        out.add(rules == "not_finite", col.name, raw, "not_finite")
        out.add(rules == "out_of_bound", col.name, raw, "out_of_bound",
                limit=f"{NUMBER_LIMIT:,.0f}")
        if kind == "int":
            frac = number.notna() & (number != np.round(number))
            out.add(frac, col.name, raw, "not_integer")
        if col.minimum is not None:
            out.add(number < col.minimum, col.name, raw, "below_minimum", minimum=col.minimum)
        if col.maximum is not None:
            out.add(number > col.maximum, col.name, raw, "above_maximum", maximum=col.maximum)
        number = number.astype("float64")
        if kind == "int" and not (number.notna() & (number != np.round(number))).any():
            return number.astype("Int64")
        return number
    if kind == "bool":
        key = _map_unique(raw, normalise_text).str.lower()
        result = pd.Series(pd.NA, index=raw.index, dtype="boolean")
        result[key.isin(_TRUE).fillna(False)] = True
        result[key.isin(_FALSE).fillna(False)] = False
        out.add(~blank & result.isna(), col.name, raw, "not_bool")
        return result
    if kind == "jalali":
        parsed = parse_jalali_series(raw.where(~blank))
        reasons = dict(zip(parsed.errors["index"], zip(parsed.errors["reason"],
                                                        parsed.errors["detail"])))
        for reason in ("format", "month", "day", "year"):
            mask = pd.Series(
                [reasons.get(i, ("",))[0] == reason for i in raw.index], index=raw.index
            )
            out.add(mask, col.name, raw, f"date_{reason}", detail=lambda i: reasons[i][1])
        return parsed.iso_jalali
    text = _map_unique(raw, normalise_text)
    if kind == "enum":
        lookup = enum_lookup(col, words)
        mapped = _map_unique(raw, value_key).map(lookup)
        bad = ~blank & mapped.isna()
        if bad.any():
            params = {v: _not_allowed_params(col, v) for v in pd.unique(raw[bad].astype(str))}
            for idx in bad[bad].index:
                value = raw.loc[idx]
                out.problems.append(Problem(out.file, int(out.rows.loc[idx]), col.name,
                                            str(value), "not_allowed", params[str(value)],
                                            out.sheet))
        return mapped.astype("string")
    if kind == "code":
        if resolver is not None:
            codes, errors = resolver.resolve_series(raw.where(~blank))
            sugg = dict(zip(errors["index"], errors["suggestions"]))
            out.add(raw.index.isin(list(sugg)) & ~blank, col.name, raw, "unknown_county",
                    suggestions=lambda i: sugg.get(i) or "—")
            return codes
        valid = _map_unique(text, lambda v: "1" if is_valid_code(v) else "").fillna("") == "1"
        out.add(~blank & ~valid, col.name, raw, "bad_code")
        return text
    return text


def validate_table(
    raw: pd.DataFrame,
    schema: TableSchema,
    file: str,
    *,
    resolver: CountyResolver | None = None,
    row_numbers: pd.Series | None = None,
    sheet: str | None = None,
    vocabulary: Mapping[str, Mapping[str, str]] | None = None,
    dialect: str = "point",
) -> tuple[pd.DataFrame, list[Problem]]:
    """Coerce and check ``raw`` against ``schema``.

    Enumerated columns accept their ids, catalogue labels and the office words of
    :mod:`core.vocabulary`; ``vocabulary`` (column → {word: id}) adds words of the
    caller's own (e.g. mappings an editor stored).  An unknown value is reported with the
    allowed values in the reader's language and the nearest match.

    ``row_numbers`` maps each index label to the row number as the user sees it in
    the file (default: index position + 2, i.e. a CSV with its header on line 1).
    ``dialect``: the file's decimal separator (``"point"``, or ``"comma"`` for a semicolon
    CSV) — numbers are read by :func:`core.numbers.parse_number`, within its one bound.
    Returns the clean table (schema columns first, extra columns kept) and the problems.
    """
    rows = row_numbers if row_numbers is not None else pd.Series(
        np.arange(len(raw)) + 2, index=raw.index
    )
    out = _Collector(file, sheet, rows)
    clean = pd.DataFrame(index=raw.index)
    if raw.empty:
        out.problems.append(Problem(file, None, "—", "", "empty_table", {}, sheet))
    for col in schema.columns:
        if col.name not in raw.columns:
            if col.required:
                out.problems.append(Problem(file, None, col.name, "", "missing_column", {}, sheet))
            clean[col.name] = pd.Series(pd.NA, index=raw.index, dtype="object")
            continue
        series = raw[col.name]
        blank = _blank(series)
        if col.required:
            out.add(blank, col.name, series, "required")
        clean[col.name] = _coerce(col, series, blank, out, resolver,
                                  (vocabulary or {}).get(col.name), dialect)
        if col.unique:
            dup = clean[col.name].duplicated(keep=False) & ~blank
            out.add(dup, col.name, series, "duplicate")
    for name in raw.columns:
        if name not in clean.columns:
            clean[name] = raw[name]
    if {"planned_start", "planned_end"} <= set(clean.columns):
        start, end = clean["planned_start"], clean["planned_end"]
        both = start.notna() & end.notna()
        out.add(both & (end.fillna("") < start.fillna("")), "planned_end", raw.get(
            "planned_end", end), "end_before_start")
    return clean, out.problems
