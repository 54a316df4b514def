"""One JSON-safe converter: Python/numpy/pandas values → plain JSON types.

Used by ``pishran report --json``, the scenario report and the Plotly GeoJSON writer, so
that every JSON the project writes follows one convention:

* mappings → ``dict`` with ``str`` keys; lists, tuples and numpy arrays → ``list``;
* numpy scalars unwrapped (``np.int64`` → ``int``, ``np.bool_`` → ``bool``, …);
* missing values (``None``, ``NaN``, ``pd.NA``, ``pd.NaT``) → ``None``;
* ±∞ (e.g. a per-capita ratio when some county received nothing) → ``"inf"`` / ``"-inf"``
  by default (``infinity="text"``), or ``None`` (``infinity="none"``) where a reader
  treats an infinite value as "no value" (the scenario report's tables);
* anything else that is not a JSON type → ``str(value)`` (``scalars="text"``, the report)
  or left as it is (``scalars="keep"``, for callers whose values are already plain).

>>> import numpy as np
>>> to_jsonable({"a": np.float64("inf"), "b": [np.int64(3), float("nan")]})
{'a': 'inf', 'b': [3, None]}
>>> to_jsonable(float("-inf"), infinity="none") is None
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = ["to_jsonable"]


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def to_jsonable(value: Any, *, infinity: Literal["text", "none"] = "text",
                scalars: Literal["text", "keep"] = "text") -> Any:
    """``value`` as plain JSON types (see the module docstring for the convention)."""
    def conv(v: Any) -> Any:
        if isinstance(v, Mapping):
            return {str(k): conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if isinstance(v, np.ndarray):
            return [conv(x) for x in v.tolist()]
        if isinstance(v, (bool, np.bool_)):
            return bool(v)
        if isinstance(v, (int, np.integer)):
            return int(v)
        if isinstance(v, (float, np.floating)):
            if math.isinf(v):
                if infinity == "none":
                    return None
                return "inf" if v > 0 else "-inf"
            return None if math.isnan(v) else float(v)
        if isinstance(v, str):
            return v
        if _is_missing(v):
            return None
        if isinstance(v, np.generic):
            return v.item()
        return str(v) if scalars == "text" else v

    return conv(value)
