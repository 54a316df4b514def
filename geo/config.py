"""Where boundary files and caches live (paths only; nothing here reads or writes data).

The OSM boundary files are ODbL data: the project never ships them.  They are read from
``PISHRAN_BOUNDARIES`` (one province) / ``PISHRAN_COUNTRY_BOUNDARIES`` (a directory of
``IR-NN.geojson`` files), by default from ``../shared/geo/iran-counties`` next to the
project, and anything derived from them is cached under ``PISHRAN_CACHE_DIR``
(default ``$XDG_CACHE_HOME/pishran`` or ``~/.cache/pishran``) — never inside the project.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "ENV_BOUNDARIES",
    "ENV_CACHE_DIR",
    "ENV_COUNTRY_BOUNDARIES",
    "boundaries_path",
    "cache_dir",
    "country_dir",
    "is_inside_project",
    "project_root",
]

ENV_BOUNDARIES = "PISHRAN_BOUNDARIES"
ENV_COUNTRY_BOUNDARIES = "PISHRAN_COUNTRY_BOUNDARIES"
ENV_CACHE_DIR = "PISHRAN_CACHE_DIR"

DEFAULT_PROVINCE = "IR-10"  # Isfahan


def project_root() -> Path:
    """The project checkout (the directory that holds the ``geo`` package)."""
    return Path(__file__).resolve().parent.parent


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def country_dir() -> Path:
    """Directory holding one ``IR-NN.geojson`` county file per province."""
    return _env_path(ENV_COUNTRY_BOUNDARIES) or (
        project_root().parent / "shared" / "geo" / "iran-counties"
    )


def boundaries_path() -> Path:
    """The province boundary file (GeoJSON, GeoPackage or Shapefile)."""
    return _env_path(ENV_BOUNDARIES) or (
        project_root().parent / "shared" / "geo" / "iran-counties" / f"{DEFAULT_PROVINCE}.geojson"
    )


def cache_dir() -> Path:
    """User cache directory for derived geometry (not created here)."""
    explicit = _env_path(ENV_CACHE_DIR)
    if explicit is not None:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "pishran"


def is_inside_project(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` lies inside the project checkout (where ODbL data must not go)."""
    try:
        Path(path).expanduser().resolve().relative_to(project_root())
    except ValueError:
        return False
    return True
