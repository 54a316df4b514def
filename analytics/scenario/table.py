"""The registry while a scenario edits it: the table (:class:`EditTable`) and the
engine's state (:class:`EditState`: county positions, status codes, problems, log).

The baseline frame is never changed.  Large registries stay fast: the baseline rows and
the added hypothetical rows are kept apart (adding never copies the large part); text
writes are collected and applied once; status is tracked as integer codes; masks and
encodings use the pyarrow helpers of :mod:`analytics.arrow`, cached per baseline frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from analytics.arrow import (
    cached,
    codes_in,
    factorize_strings,
    isin_mask,
    pa,
    pc,
    positions,
    replace_rows,
    string_array,
)
from analytics.filters import ProjectFilter
from analytics.labour_model import default_parameters
from analytics.scenario.model import Cancel, LogEntry, Postpone, SetProjects
from analytics.scenario.rules import scenario_problem
from core.compat import PANDAS_GE_3
from core.problems import Problem
from core.schema import STATUSES
from i18n import t
from i18n.formatting import localise_digits
from i18n.problems import fmt_param

__all__ = ["ByLang", "EditState", "EditTable", "latest_values", "shallow_copy"]

#: The latest-year indicators the labour model and the shift rules read per county.
LABOUR_INDICATORS = ("population", "unemployment_rate", "labour_force", "net_migration_rate")


@dataclass(frozen=True)
class ByLang:
    """A log parameter already worded in both languages."""

    fa: str
    en: str


def shallow_copy(frame: pd.DataFrame) -> pd.DataFrame:
    # pandas ≥ 3 always copies on write: a shallow copy is safe and cheap.
    return frame.copy(deep=not PANDAS_GE_3)


def _numeric_set_rows(values: pd.Series, rows: np.ndarray, new: np.ndarray) -> pd.Series:
    """A numeric column (float, int or nullable Int64) with the positions ``rows`` set
    from ``new`` (floats; NaN = missing); the other rows and the dtype are kept."""
    if not len(rows):
        return values
    if isinstance(values.dtype, pd.Int64Dtype):
        data = np.array(values.to_numpy(dtype=np.int64, na_value=0), copy=True)
        missing = np.array(values.isna().to_numpy(), dtype=bool, copy=True)
        new_missing = np.isnan(new)
        data[rows] = np.where(new_missing, 0, new).astype(np.int64)
        missing[rows] = new_missing
        out = pd.arrays.IntegerArray(data, missing)
    elif values.dtype == np.float64:
        out = values.to_numpy(copy=True)
        out[rows] = new
    else:
        data = np.array(values.to_numpy(dtype=float, na_value=np.nan), dtype=float, copy=True)
        data[rows] = new
        try:
            out = pd.array(data, dtype=values.dtype)
        except (TypeError, ValueError):
            out = data
    return pd.Series(out, index=values.index, name=values.name)



def _merge_rows(old: tuple[np.ndarray, np.ndarray] | None, rows: np.ndarray,
                values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pending writes (sorted unique rows, values); for a row written twice the later wins."""
    if old is None:
        order = np.argsort(rows, kind="stable")
        return rows[order], values[order]
    all_rows = np.concatenate([old[0], rows])
    all_values = np.concatenate([old[1], values])
    # the last occurrence of each row wins: unique over the reversed arrays
    unique, first_in_reversed = np.unique(all_rows[::-1], return_index=True)
    return unique, all_values[::-1][first_in_reversed]


class EditTable:
    """The registry being edited, kept in two parts: the large ``base`` (the baseline rows)
    and the small ``extra`` (added hypothetical rows), so adding rows never copies the
    large part.  Text writes to ``base`` are collected per column (``pending``) and applied
    once, by :meth:`frame`; reads see them.  Row numbers run over base then extra."""

    def __init__(self, baseline: pd.DataFrame):
        self.base = shallow_copy(baseline)
        self.base["is_hypothetical"] = np.zeros(len(self.base), dtype=bool)
        self.extra = self.base.iloc[:0].copy()
        self.pending: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self.base) + len(self.extra)

    @property
    def columns(self) -> pd.Index:
        return self.base.columns

    @property
    def n_base(self) -> int:
        return len(self.base)

    def _split(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cut = np.searchsorted(rows, self.n_base)
        return rows[:cut], rows[cut:] - self.n_base

    def _overlay(self, name: str, out: np.ndarray, test: Any) -> np.ndarray:
        if name in self.pending:
            rows, values = self.pending[name]
            out[rows] = test(values)
        return out

    # --- reads -----------------------------------------------------------------------
    def isin(self, name: str, choices: Iterable[str]) -> np.ndarray:
        """Current ``column in choices`` per row (NA → False)."""
        choices = [str(c) for c in choices]
        base = self._overlay(name, isin_mask(self.base[name], choices).copy(),
                             lambda v: np.isin(v.astype(object), choices))
        if not len(self.extra):
            return base
        return np.concatenate([base, isin_mask(self.extra[name], choices)])

    def equals(self, name: str, value: str) -> np.ndarray:
        return self.isin(name, [value])

    def numbers(self, name: str, missing: float = 0.0) -> np.ndarray:
        """A numeric column as floats (missing → ``missing``)."""
        parts = [self.base[name].to_numpy(dtype=float, na_value=missing)]
        if len(self.extra):
            parts.append(self.extra[name].to_numpy(dtype=float, na_value=missing))
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def values_at(self, name: str, rows: np.ndarray) -> np.ndarray:
        """Current values of ``rows`` (sorted positions) as an object array."""
        base_rows, extra_rows = self._split(rows)
        base = self.base[name].iloc[base_rows].to_numpy(dtype=object, na_value=None)
        if name in self.pending and len(base_rows):
            base = np.array(base, dtype=object, copy=True)
            written, values = self.pending[name]
            at = np.searchsorted(written, base_rows)
            hit = at < len(written)
            hit[hit] = written[at[hit]] == base_rows[hit]
            base[hit] = values[at[hit]]
        if not len(extra_rows):
            return base
        extra = self.extra[name].iloc[extra_rows].to_numpy(dtype=object, na_value=None)
        return np.concatenate([base, extra])

    def subset(self, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """The current values of ``rows`` (sorted positions) in ``columns``."""
        base_rows, extra_rows = self._split(rows)
        base = self.base[columns].iloc[base_rows]
        pending = [c for c in columns if c in self.pending]
        if pending:
            base = base.assign(**{c: pd.Series(self.values_at(c, base_rows), index=base.index,
                                               dtype=self.base[c].dtype) for c in pending})
        if not len(extra_rows):
            return base
        return pd.concat([base, self.extra[columns].iloc[extra_rows]])

    # --- writes ----------------------------------------------------------------------
    def set_rows(self, name: str, rows: np.ndarray, values: object) -> None:
        """Set ``rows`` (sorted positions) of ``name`` to ``values`` (array or scalar)."""
        if not len(rows):
            return
        dtype = self.base[name].dtype
        numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
        values = np.broadcast_to(np.asarray(values, dtype=float if numeric else object),
                                 rows.shape)
        base_rows, extra_rows = self._split(rows)
        base_values, extra_values = values[:len(base_rows)], values[len(base_rows):]
        if len(base_rows):
            if numeric:
                self.base[name] = _numeric_set_rows(self.base[name], base_rows, base_values)
            else:
                self.pending[name] = _merge_rows(self.pending.get(name), base_rows,
                                                 np.array(base_values, dtype=object))
        if len(extra_rows):
            if numeric:
                self.extra[name] = _numeric_set_rows(self.extra[name], extra_rows, extra_values)
            else:
                column = self.extra[name].astype(object)
                column.iloc[extra_rows] = list(extra_values)
                self.extra[name] = column.astype(dtype)

    def append(self, rows: dict[str, list]) -> None:
        k = len(next(iter(rows.values())))
        columns = {}
        for c, dtype in self.base.dtypes.items():
            values = rows.get(c, [None] * k)
            try:
                columns[c] = pd.array(values, dtype=dtype)
            except (TypeError, ValueError):
                columns[c] = values
        new = pd.DataFrame(columns)
        self.extra = new if not len(self.extra) else pd.concat([self.extra, new],
                                                                ignore_index=True)

    def frame(self) -> pd.DataFrame:
        """The whole current table (pending writes applied; hypothetical rows appended)."""
        for name, (rows, values) in self.pending.items():
            self.base[name] = replace_rows(self.base[name], rows, values)
        self.pending = {}
        if not len(self.extra):
            return self.base
        index = self.base.index
        extra = self.extra.copy()
        if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
            whole = pd.concat([self.base, extra], ignore_index=True)
        else:
            start = (int(index.max()) + 1 if len(index) and pd.api.types.is_integer_dtype(index)
                     else len(index))
            extra.index = pd.RangeIndex(start, start + len(extra))
            whole = pd.concat([self.base, extra])
        self.base, self.extra = whole, whole.iloc[:0].copy()
        return whole


class EditState:
    def __init__(self, dataset: Any):
        self.dataset = dataset
        self.baseline = dataset.projects
        self.table = EditTable(dataset.projects)
        self.codes = [str(c) for c in dataset.counties["code"]]
        self.code_index = pd.Index(self.codes)
        self.centre = str(dataset.centre_code)
        self._resolver = None
        counties = dataset.counties
        self.names_fa = dict(zip(self.codes, counties.get("name_fa", counties["code"])))
        self.names_en = dict(zip(self.codes, counties.get("name_en", counties["code"])))
        self.params = default_parameters(self.codes)
        self.cache: dict = {}  # values computed once per run (e.g. the development ranking)
        self.params["assumption"] = "default"
        self.problems: list[Problem] = []
        self.log: list[LogEntry] = []
        self._pos: np.ndarray | None = None
        self._wide: pd.DataFrame | None = None
        self.latest_rows: dict[tuple[str, str], int] = {}
        # Status is tracked as integer codes while edits run (cheap masks and writes) and
        # written back to the text column once, at the end (``finish``).
        labels, codes = cached(self.baseline, "status", "status", _encode_status)
        self.status_labels, self.status_codes = list(labels), codes.copy()
        self.written_codes = self.status_codes.copy()  # what the text column holds
        self.base_completed = self.status_is("completed")

    # --- helpers -----------------------------------------------------------------------
    def problem(self, edit: int | None, name: str, value: object, rule: str, **params) -> None:
        self.problems.append(scenario_problem(edit, name, value, rule, **params))

    def add_log(self, edit: int | None, kind: str, n_projects: int, key: str,
                **params) -> None:
        def render(lang: str) -> str:
            shown = {}
            for name, value in params.items():
                if isinstance(value, ByLang):
                    shown[name] = value.fa if lang == "fa" else value.en
                elif name in ("county", "counties", "donors"):
                    names = self.names_fa if lang == "fa" else self.names_en
                    codes = [value] if isinstance(value, str) else list(value)
                    shown[name] = fmt_param([names.get(c, c) for c in codes], lang)
                elif name == "rule":
                    shown[name] = t(f"scenario.shift_rule.{value}", lang)
                elif name == "sector":
                    shown[name] = t(f"sector.{value}", lang)
                elif name == "share":
                    shown[name] = localise_digits(f"{100 * value:g}%", lang)
                elif name in ("m", "k"):
                    shown[name] = localise_digits(str(value), lang)
                else:
                    shown[name] = fmt_param(value, lang)
            return t(key, lang, **shown)

        self.log.append(LogEntry(edit, kind, int(n_projects), render("fa"), render("en")))

    @property
    def resolver(self) -> Any:
        if self._resolver is None:
            self._resolver = self.dataset.resolver
        return self._resolver

    @property
    def pos(self) -> np.ndarray:
        """County position of every current row (cached; extended on append)."""
        table = self.table
        if self._pos is None:
            index = self.code_index
            self._pos = cached(self.baseline, "county_code", tuple(self.codes),
                                lambda values: positions(values, index))
        if len(self._pos) < len(table):  # added rows (few): looked up one by one
            added = table.values_at("county_code", np.arange(len(self._pos), len(table)))
            found = self.code_index.get_indexer(pd.Index(added, dtype=object))
            self._pos = np.concatenate([self._pos, found])
        return self._pos

    @property
    def wide(self) -> pd.DataFrame:
        """Latest population and labour indicators per county (as the panel uses them)."""
        if self._wide is None:
            self._wide, self.latest_rows = latest_values(self.dataset.indicators,
                                                   LABOUR_INDICATORS, self.codes)
        return self._wide

    def county(self, edit: int, name: str, value: str) -> str | None:
        code = value if value in self.code_index else self.resolver.try_resolve(value)
        if code is None:
            self.problem(edit, name, value, "unknown_county",
                         suggestions=", ".join(self.resolver.suggest(value)) or "—")
        return code

    def counties(self, edit: int, name: str, values: Iterable[str]) -> list[str] | None:
        ok = True
        out: list[str] = []
        for v in values:
            code = self.county(edit, name, v)
            ok &= code is not None
            if code is not None and code not in out:
                out.append(code)
        return out if ok else None

    def resolved_filter(self, edit: int, flt: ProjectFilter) -> ProjectFilter | None:
        if not flt.counties:
            return flt
        codes = self.counties(edit, "filter.counties", flt.counties)
        return None if codes is None else replace(flt, counties=tuple(codes))

    def select(self, edit: int, sel: SetProjects | Cancel | Postpone) -> np.ndarray | None:
        if sel.ids is not None:
            mask = self.table.isin("project_id", sel.ids)
            found = set(self.table.values_at("project_id", np.flatnonzero(mask)))
            missing = [i for i in sel.ids if i not in found]
            if missing:
                self.problem(edit, "ids", list(missing), "unknown_project_ids",
                             count=len(missing), ids=missing[:5])
                return None
            return mask
        flt = self.resolved_filter(edit, sel.filter or ProjectFilter())
        return None if flt is None else self.filter_mask(flt)

    # --- status as codes ---------------------------------------------------------------
    def status_code(self, status: str) -> int:
        if status not in self.status_labels:
            self.status_labels.append(status)
        return self.status_labels.index(status)

    def status_is(self, *statuses: str) -> np.ndarray:
        """Current status in ``statuses`` (bool per row)."""
        wanted = [self.status_labels.index(s) for s in statuses if s in self.status_labels]
        out = np.zeros(len(self.status_codes), dtype=bool)
        for code in wanted:
            out |= self.status_codes == code
        return out

    def set_status(self, mask: np.ndarray, status: str) -> None:
        if mask.any():
            self.status_codes[mask] = self.status_code(status)

    def status_text(self, rows: np.ndarray) -> pd.Series:
        """The current status of ``rows`` as text of the column's dtype."""
        labels = np.array(self.status_labels + [None], dtype=object)
        return pd.Series(labels[self.status_codes[rows]]).astype(self.baseline["status"].dtype)

    def finish(self) -> pd.DataFrame:
        """The edited table: status text written back (changed rows only), pending writes
        applied, hypothetical rows appended."""
        changed = np.flatnonzero(self.written_codes != self.status_codes)
        labels = np.array(self.status_labels + [None], dtype=object)
        self.table.set_rows("status", changed, labels[self.status_codes[changed]])
        self.written_codes = self.status_codes.copy()
        return self.table.frame()

    # --- selections -------------------------------------------------------------------
    def filter_mask(self, flt: ProjectFilter) -> np.ndarray:
        """``flt.mask(projects)`` on the current rows.  The filter's enumerated conditions
        (:meth:`ProjectFilter.conditions`) are evaluated first on integer codes — county
        positions and status codes with numpy, sector/funding text compared once — and
        :meth:`ProjectFilter.mask` itself runs on the rows that pass them (when the filter
        has other conditions)."""
        table = self.table
        pre = np.ones(len(table), dtype=bool)
        conditions = flt.conditions()
        for column, chosen in conditions:
            if column == "county_code":
                wanted = self.code_index.get_indexer(list(chosen))
                pre &= codes_in(self.pos, sorted({int(k) for k in wanted if k >= 0}))
            elif column == "status":
                pre &= self.status_is(*chosen)
            else:
                pre &= self.column_isin(column, chosen)
        if flt.only_enumerated() and all(c in self.code_index for c in flt.counties):
            return pre  # the conditions are the whole filter: this is ``flt.mask``
        rows = np.flatnonzero(pre) if conditions else np.arange(len(table))
        out = np.zeros(len(table), dtype=bool)
        if len(rows):
            columns = [c for c in flt.columns() if c in table.columns]
            sub = table.subset(rows, columns)
            if "status" in columns:
                sub["status"] = self.status_text(rows).to_numpy()
            out[rows] = np.asarray(flt.mask(sub, self.dataset.counties), dtype=bool)
        return out

    def column_isin(self, column: str, chosen: Iterable[str]) -> np.ndarray:
        """Current ``column in chosen`` per row (NA → False); baseline rows through the
        cached integer codes of the baseline column."""
        table = self.table
        values = self.baseline[column] if column in self.baseline else None
        if values is None or not pd.api.types.is_string_dtype(values.dtype):
            return table.isin(column, chosen)
        chosen = [str(c) for c in chosen]
        codes, labels = cached(self.baseline, column, "factorized", factorize_strings)
        base = table._overlay(column, codes_in(codes, [k for k, label in enumerate(labels)
                                                        if label in chosen]),
                              lambda v: np.isin(v.astype(object), chosen))
        if not len(table.extra):
            return base
        return np.concatenate([base, isin_mask(table.extra[column], chosen)])

    def codes_at(self, column: str, rows: np.ndarray) -> tuple[np.ndarray, list[str]] | None:
        """(integer codes, −1 = missing; labels) of the current values of ``rows``
        (sorted) of a text column never written for baseline rows; None otherwise."""
        table = self.table
        values = self.baseline[column] if column in self.baseline else None
        if (values is None or column in table.pending
                or not pd.api.types.is_string_dtype(values.dtype)):
            return None
        base_codes, base_labels = cached(self.baseline, column, "factorized", factorize_strings)
        base_rows, extra_rows = table._split(rows)
        codes = base_codes[base_rows]
        labels = list(base_labels)
        if len(extra_rows):
            where = {label: k for k, label in enumerate(labels)}
            extra = []
            for value in table.extra[column].iloc[extra_rows].to_numpy(dtype=object,
                                                                       na_value=None):
                if value is None:
                    extra.append(-1)
                    continue
                value = str(value)
                if value not in where:
                    where[value] = len(labels)
                    labels.append(value)
                extra.append(where[value])
            codes = np.concatenate([codes, np.asarray(extra, dtype=codes.dtype)])
        return codes, labels

    def set_where(self, column: str, mask: np.ndarray, value: object) -> None:
        if column == "status":
            self.set_status(mask, str(value))
        else:
            self.table.set_rows(column, np.flatnonzero(mask), value)

    def append(self, rows: dict[str, list]) -> None:
        self.table.append(rows)
        added = np.array([self.status_code(str(x)) for x in rows["status"]], dtype=np.int16)
        self.status_codes = np.concatenate([self.status_codes, added])
        self.written_codes = np.concatenate([self.written_codes, added])


def _encode_status(status: pd.Series) -> tuple[list[str], np.ndarray]:
    """(labels, int16 codes; −1 = missing) of a status column: one ``index_in`` pass over
    :data:`STATUSES` for pyarrow strings; factorised when other values occur."""
    labels = list(STATUSES)
    arr = string_array(status)
    if arr is not None:
        found = pc.index_in(arr, value_set=pa.array(labels, type=arr.type))
        if found.null_count == arr.null_count:
            codes = found.fill_null(-1).to_numpy(zero_copy_only=False)
            return labels, np.asarray(codes, dtype=np.int16)
    codes, uniques = pd.factorize(status, use_na_sentinel=True)
    found = [str(u) for u in uniques]
    return found + [s for s in labels if s not in found], codes.astype(np.int16)


def latest_values(indicators: pd.DataFrame, names: tuple[str, ...], codes: list[str]
                  ) -> tuple[pd.DataFrame, dict[tuple[str, str], int]]:
    """The value the county panel uses for each (county, indicator) — the latest year with
    a value, as :func:`analytics.panel.indicator_wide` with ``year=None`` — and the row
    position it comes from."""
    name = indicators["indicator"].to_numpy(dtype=object, na_value=None)
    county = indicators["county_code"].to_numpy(dtype=object, na_value=None)
    year = pd.to_numeric(indicators["year"], errors="coerce").to_numpy(dtype=float,
                                                                        na_value=np.nan)
    value = pd.to_numeric(indicators["value"], errors="coerce").to_numpy(dtype=float,
                                                                          na_value=np.nan)
    keep = (np.isin(name, list(names)) & np.isin(county, list(codes)) & ~np.isnan(year)
            & ~np.isnan(value))
    rows = np.flatnonzero(keep)
    rows = rows[np.argsort(year[rows], kind="stable")]
    latest: dict[tuple[str, str], int] = {}
    for row in rows:  # a few hundred indicator rows, never projects
        latest[(county[row], name[row])] = int(row)
    table = np.full((len(codes), len(names)), np.nan)
    where = {c: i for i, c in enumerate(codes)}
    for (c, n), row in latest.items():
        table[where[c], names.index(n)] = value[row]
    return pd.DataFrame(table, index=pd.Index(codes, name="code"), columns=list(names)), latest


