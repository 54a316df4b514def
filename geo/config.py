"""Where boundary files and caches live, as the geo layer names them (paths only).

The OSM boundary files are ODbL data: the project never ships them.  Their paths
(``PISHRAN_BOUNDARIES``, ``PISHRAN_COUNTRY_BOUNDARIES``, ``PISHRAN_CACHE_DIR``) are
settings, read by :mod:`core.settings`; this module re-exports them for the geo code, the
map page and the tests, and adds the one rule of its own: nothing derived from them may be
written inside the project (:func:`is_inside_project`).
"""

from __future__ import annotations

import os
from pathlib import Path

from core.settings import DEFAULT_PROVINCE, PROJECT_ROOT, boundaries_path, cache_dir, country_dir

__all__ = [
    "DEFAULT_PROVINCE",
    "boundaries_path",
    "cache_dir",
    "country_dir",
    "is_inside_project",
    "project_root",
]


def project_root() -> Path:
    """The project checkout (the directory that holds the ``geo`` package)."""
    return PROJECT_ROOT


def is_inside_project(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` lies inside the project checkout (where ODbL data must not go)."""
    try:
        Path(path).expanduser().resolve().relative_to(project_root())
    except ValueError:
        return False
    return True
