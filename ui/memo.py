"""A process-wide memo for the pages' derived objects whose arguments are already text
(the JSON of a scenario or filter, a measure id, a language).

``st.cache_resource`` hashes every argument and inspects the function's signature on
each call — about 0.3–0.5 ms a call, measured under cProfile in
``benchmarks/page_rerun.py``, a visible share of a fragment rerun that reads five cached
values.  For string keys :func:`functools.lru_cache` (one dict lookup) does the same job.

The values are shared between sessions and threads: **read them, never change them**.
``lru_cache`` is thread-safe; two sessions asking for the same new key at the same time
may both compute it, and get equal values.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def shared(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` with ``.clear()`` (the name ``st.cache_*`` uses,
    so a list of caches can mix both)."""

    def decorate(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        cached.clear = cached.cache_clear  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate
