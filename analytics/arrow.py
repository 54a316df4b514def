"""Fast paths for pyarrow-backed text columns (pandas ≥ 3 stores strings in pyarrow).

One home for the column helpers the county panel (:mod:`analytics.panel`) and the
scenario engine (:mod:`analytics.scenario`) use on large registries: masks
(:func:`isin_mask`, :func:`strings_before`), integer codes (:func:`positions`,
:func:`factorize_strings`, :func:`codes_in`), writes that keep the column's storage
(:func:`replace_rows`, :func:`where_scalar`) and a per-frame cache of such encodings
(:func:`cached`).  Every helper also works without pyarrow (the plain pandas path) and
gives the same result either way; pyarrow only makes it faster.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from core.compat import optional_import

# pandas ≥ 3 stores strings in pyarrow; without it the plain pandas paths are used
pa, pc = optional_import("pyarrow"), optional_import("pyarrow.compute")

__all__ = [
    "cached",
    "codes_in",
    "factorize_strings",
    "isin_mask",
    "positions",
    "replace_rows",
    "string_array",
    "string_chunks",
    "strings_before",
    "where_scalar",
]


def string_array(values: pd.Series) -> Any:
    """The pyarrow array behind a pyarrow-backed string Series (one contiguous array, as
    :func:`replace_rows` needs for its buffer path), else None."""
    if pa is None or getattr(values.dtype, "storage", None) != "pyarrow":
        return None
    return pa.array(values)


def string_chunks(values: pd.Series) -> Any:
    """The values as a pyarrow string ChunkedArray (zero-copy) — pyarrow-backed strings
    or an ``ArrowDtype`` string column — else None."""
    if pa is None or not (getattr(values.dtype, "storage", None) == "pyarrow"
                          or isinstance(values.dtype, pd.ArrowDtype)):
        return None
    arrow = pa.chunked_array(values.array.__arrow_array__())
    return arrow if pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type) else None


def isin_mask(values: pd.Series, choices: Iterable[str]) -> np.ndarray:
    """``values.isin(choices)`` as a bool array (NA → False)."""
    choices = [str(c) for c in choices]
    arr = string_array(values)
    if arr is None:
        return values.isin(choices).to_numpy(dtype=bool, na_value=False)
    if len(choices) <= 4:  # a few string comparisons beat hashing every value
        out = np.zeros(len(values), dtype=bool)
        for choice in dict.fromkeys(choices):
            out |= _equals_mask(arr, choice)
        return out
    found = pc.is_in(arr, value_set=pa.array(choices, type=arr.type)).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _equals_mask(arr: Any, value: str) -> np.ndarray:
    found = pc.equal(arr, pa.scalar(value, type=arr.type)).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def positions(values: pd.Series, categories: Iterable[str] | pd.Index,
              missing: int = -1) -> np.ndarray:
    """Position of each value in ``categories`` (``missing`` when absent or NA), vectorised.

    Categoricals use their codes; pyarrow strings one ``pyarrow.compute.index_in`` pass;
    anything else is factorised once and its few distinct values looked up.
    """
    categories = pd.Index(categories)
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        lookup = categories.get_indexer(values.cat.categories)
        found = lookup[codes] if len(lookup) else np.full(len(codes), -1)
        return np.where((codes >= 0) & (found >= 0), found, missing)
    arrow = string_chunks(values)
    if arrow is not None:
        found = pc.index_in(arrow, value_set=pa.array([str(c) for c in categories],
                                                      type=arrow.type))
        if found.null_count:
            found = pc.fill_null(found, missing)
        return found.to_numpy(zero_copy_only=False)
    codes, uniques = pd.factorize(values)
    lookup = categories.get_indexer(uniques)
    found = lookup[codes] if len(lookup) else np.full(len(codes), -1)
    return np.where((codes >= 0) & (found >= 0), found, missing)


def strings_before(values: pd.Series, bound: str) -> np.ndarray:
    """``"" < value < bound`` per row (texts compared as strings — Jalali ``YYYY/MM/DD``
    compare in date order); missing → False."""
    arrow = string_chunks(values)
    if arrow is not None:
        late = pc.less(arrow, bound)
        shortest = pc.min(pc.binary_length(arrow)).as_py()
        if shortest == 0:  # "" sorts before every date but is no date
            late = pc.and_(late, pc.greater(pc.binary_length(arrow), 0))
        return pc.fill_null(late, False).to_numpy(zero_copy_only=False)
    codes, uniques = pd.factorize(values.astype("string"))
    text = np.asarray(uniques.astype(object), dtype=object)
    late = np.array([isinstance(u, str) and u != "" and u < bound for u in text], dtype=bool)
    return np.where(codes >= 0, late[codes] if len(late) else False, False)


# --- per-registry cache of integer encodings ------------------------------------------
# Pages re-apply scenarios to the same registry: the integer codes of its enumerated
# columns (county position, status, sector, funding source) are computed once per
# DataFrame and reused while the column's storage is unchanged (an in-place write to the
# frame replaces the column's arrow array, which invalidates the entry).
_ENCODED: dict[int, tuple[Any, dict]] = {}


def _column_token(values: pd.Series) -> Any:
    """An immutable object identifying the column's current storage (None: not cacheable)."""
    return getattr(values.array, "_pa_array", None)


def cached(frame: pd.DataFrame, column: str, key: Any, compute: Any) -> Any:
    """``compute(frame[column])``, cached per (frame, column, key) while the column's
    storage is the same object."""
    values = frame[column]
    token = _column_token(values)
    if token is None:
        return compute(values)
    entry = _ENCODED.get(id(frame))
    if entry is None or entry[0]() is not frame:
        frame_id = id(frame)

        def forget(ref: Any, frame_id: int = frame_id) -> None:
            current = _ENCODED.get(frame_id)
            if current is not None and current[0] is ref:
                del _ENCODED[frame_id]

        try:
            entry = (weakref.ref(frame, forget), {})
        except TypeError:  # pragma: no cover - frames are weak-referenceable
            return compute(values)
        _ENCODED[frame_id] = entry
    store = entry[1]
    hit = store.get((column, key))
    if hit is not None and hit[0] is token:
        return hit[1]
    result = compute(values)
    if isinstance(result, np.ndarray):
        result.flags.writeable = False
    elif isinstance(result, tuple):
        for part in result:
            if isinstance(part, np.ndarray):
                part.flags.writeable = False
    store[(column, key)] = (token, result)
    return result


def factorize_strings(values: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """(int32 codes, −1 = missing; labels) of a text column."""
    arr = string_array(values)
    if arr is not None:
        encoded = arr.dictionary_encode()
        codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        labels = tuple(str(x) for x in encoded.dictionary.to_pylist())
        return np.asarray(codes, dtype=np.int32), labels
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int32), tuple(str(u) for u in uniques)


def codes_in(codes: np.ndarray, wanted: list[int]) -> np.ndarray:
    """``codes`` in ``wanted`` (non-negative codes) as a new bool array: a few equality
    passes (much faster than a gather) or, for many wanted codes, a lookup table."""
    if len(wanted) <= 8:
        out = np.zeros(len(codes), dtype=bool)
        for k in wanted:
            out |= codes == k
        return out
    lookup = np.zeros(int(codes.max(initial=0)) + 2, dtype=bool)
    lookup[[k for k in wanted if k < len(lookup) - 1]] = True
    lookup[-1] = False  # code −1 (missing) indexes the last slot
    return lookup[codes]


def _replace_in_buffers(arr: Any, rows: np.ndarray, new: np.ndarray) -> Any:
    """``arr`` (a pyarrow string array) with ``rows`` (sorted, unique) replaced by the
    strings ``new``, built directly from the arrow buffers — when the replaced values are
    not missing and ``new`` holds only strings; None otherwise (the caller takes the
    general path).  Same byte lengths (shifted dates): the data buffer is copied and
    overwritten in place; otherwise, for a modest number of rows, the unchanged stretches
    and the new values are joined."""
    if (not isinstance(arr, pa.Array) or arr.offset != 0
            or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type))):
        return None
    try:
        added = pa.array(new, type=arr.type, from_pandas=False)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if added.null_count or (arr.null_count and not pc.all(
            pc.is_valid(arr.take(pa.array(rows)))).as_py()):
        return None
    validity, offsets_buf, data_buf = arr.buffers()
    offset_type = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    offsets = np.frombuffer(offsets_buf, dtype=offset_type, count=len(arr) + 1)
    _, new_offsets_buf, new_data_buf = added.buffers()
    new_offsets = np.frombuffer(new_offsets_buf, dtype=offset_type,
                                count=len(added) + 1).astype(np.int64)
    new_lengths = np.diff(new_offsets)
    old_start = offsets[rows].astype(np.int64)
    old_end = offsets[rows + 1].astype(np.int64)
    data = (np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None
            else np.zeros(0, dtype=np.uint8))
    new_data = (np.frombuffer(new_data_buf, dtype=np.uint8) if new_data_buf is not None
                else np.zeros(0, dtype=np.uint8))
    if np.array_equal(new_lengths, old_end - old_start):
        data = data[:int(offsets[-1])].copy()
        total = int(new_offsets[-1] - new_offsets[0])
        if total:
            shift = np.repeat(old_start - new_offsets[:-1], new_lengths)
            data[np.arange(int(new_offsets[0]), int(new_offsets[-1]), dtype=np.int64)
                 + shift] = new_data[int(new_offsets[0]):int(new_offsets[-1])]
        return pa.Array.from_buffers(arr.type, len(arr),
                                     [validity, offsets_buf, pa.py_buffer(data)],
                                     null_count=arr.null_count)
    if len(rows) > 50_000:
        return None
    lengths = np.diff(offsets.astype(np.int64))
    lengths[rows] = new_lengths
    out_offsets = np.zeros(len(arr) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out_offsets[1:])
    if offset_type is np.int32 and out_offsets[-1] > np.iinfo(np.int32).max:
        return None
    old_view, new_view = memoryview(data), memoryview(new_data)
    pieces = []
    prev = int(offsets[0])
    for s0, e0, n0, n1 in zip(old_start.tolist(), old_end.tolist(), new_offsets[:-1].tolist(),
                              new_offsets[1:].tolist()):
        pieces.append(old_view[prev:s0])
        pieces.append(new_view[n0:n1])
        prev = e0
    pieces.append(old_view[prev:int(offsets[-1])])
    joined = b"".join(pieces)
    return pa.Array.from_buffers(
        arr.type, len(arr),
        [validity, pa.py_buffer(out_offsets.astype(offset_type)), pa.py_buffer(joined)],
        null_count=arr.null_count)


def where_scalar(values: pd.Series, mask: np.ndarray, value: object) -> pd.Series:
    """``values.mask(mask, value)`` (a scalar), fast for pyarrow strings."""
    if not mask.any():
        return values
    arr = string_array(values) if isinstance(value, str) else None
    if arr is None:
        return values.mask(mask, value)
    out = pc.if_else(pa.array(mask), pa.scalar(value, type=arr.type), arr)
    return pd.Series(out, index=values.index, dtype=values.dtype, name=values.name)


def replace_rows(values: pd.Series, rows: np.ndarray, new: np.ndarray) -> pd.Series:
    """``values`` with the positions ``rows`` (sorted, unique) replaced by ``new`` — one
    pass for pyarrow strings (a ``take`` over [old values, new values])."""
    if not len(rows):
        return values
    arr = string_array(values)
    if arr is None:
        out = values.copy()
        out.iloc[rows] = new
        return out.astype(values.dtype)
    direct = _replace_in_buffers(arr, rows, new)
    if direct is not None:
        return pd.Series(direct, index=values.index, dtype=values.dtype, name=values.name)
    take = np.arange(len(values), dtype=np.int64)
    take[rows] = len(values) + np.arange(len(rows))
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    added = pa.array(list(new), type=arr.type, from_pandas=True)
    both = pa.concat_arrays([*(c for c in chunks if len(c)), added])
    return pd.Series(both.take(pa.array(take)), index=values.index, dtype=values.dtype,
                     name=values.name)
