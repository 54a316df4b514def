"""Version checks, optional imports and external programs, in one place.

Modelled on geopandas' ``_compat.py``: code that behaves differently by library version, or
that works with or without a module or a program, asks here instead of parsing
``__version__`` strings, wrapping ``import`` in ``try``, or calling ``shutil.which`` itself.

* :data:`PANDAS_GE_3` — pandas ≥ 3 (copy-on-write always on, strings stored in pyarrow);
* :func:`optional_import` — a module, or None when it is not installed;
* :func:`which` — the first of several programs found on ``PATH``;
* :func:`libreoffice` — LibreOffice (``libreoffice`` or ``soffice``) for the deck as PDF.

The image exports' Chromium is found by :func:`exports.images.find_browser`, which adds the
``BROWSER_PATH`` rule of kaleido to :func:`which`.
"""

from __future__ import annotations

import importlib
import shutil
from types import ModuleType

import pandas as pd

__all__ = ["PANDAS_GE_3", "libreoffice", "optional_import", "which"]


def _major(version: str) -> int:
    return int(version.split(".")[0])


PANDAS_GE_3 = _major(pd.__version__) >= 3


def optional_import(name: str) -> ModuleType | None:
    """The module ``name`` (dotted names allowed), or None when it cannot be imported."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def which(*names: str) -> str | None:
    """The path of the first program of ``names`` found on ``PATH``, or None."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def libreoffice() -> str | None:
    """LibreOffice's command (``libreoffice`` or ``soffice``), or None when not installed."""
    return which("libreoffice", "soffice")
