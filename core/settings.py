"""Every ``PISHRAN_*`` environment variable the app reads, in one place, with its default.

Each setting is a function that reads the environment when called (tests and the command
line change it at run time); nothing is cached.  ``<root>`` is the project checkout, and
``<shared>`` is ``<root>/../shared`` (the boundary files beside the project).

===============================  ==================================================================
variable                         function → default
===============================  ==================================================================
``PISHRAN_DATA_DIR``             :func:`data_dir` → ``<root>/data`` (the embedded tables)
``PISHRAN_DATABASE_URL``         :func:`database_url` → ``sqlite:///<root>/var/pishran.db``
``PISHRAN_USERS_FILE``           :func:`users_file` → ``<root>/var/users.toml`` (accounts)
``PISHRAN_AUTH_STATE``           :func:`auth_state_file` → ``login_failures.json`` beside the
                                 users file (failed-login counters)
``PISHRAN_BCRYPT_ROUNDS``        :func:`bcrypt_rounds` → 12, kept within 4…16; not a number → 12
``PISHRAN_STALE_DAYS``           :func:`stale_days` → 90 days without a follow-up before a project
                                 is stale; not a number → 90
``PISHRAN_SCENARIO_DIR``         :func:`scenario_dir` → ``<root>/var/scenarios`` (saved scenarios)
``PISHRAN_BOUNDARIES``           :func:`boundaries_path` → ``<shared>/geo/iran-counties/IR-10.geojson``
                                 (the data province's county boundaries)
``PISHRAN_COUNTRY_BOUNDARIES``   :func:`country_dir` → ``<shared>/geo/iran-counties`` (one
                                 ``IR-NN.geojson`` per province)
``PISHRAN_PROVINCES``            :func:`provinces_path` → ``<shared>/geo/iran-provinces.geojson``
``PISHRAN_CACHE_DIR``            :func:`cache_dir` → ``$XDG_CACHE_HOME/pishran`` or
                                 ``~/.cache/pishran`` (derived geometry; never inside ``<root>``)
``PISHRAN_ADDRESS``              :func:`address` → ``127.0.0.1`` (``pishran run``)
``PISHRAN_PORT``                 :func:`port` → 8501 (``pishran run``); not a number → ValueError
``PISHRAN_USER``                 :func:`cli_user` → None: the command line then records
                                 ``cli:<login name>`` as the author
``PISHRAN_DEV``                  :func:`development` → False; ``1``/``true``/``yes``: a failing
                                 page raises (full traceback, ``pishran run --dev`` and the
                                 tests) instead of showing the visitor an incident id
===============================  ==================================================================

Empty values: the database URL, the user and the four geo paths are stripped, and empty
means the default; the users, auth-state and scenario paths treat only an empty string as
unset; ``PISHRAN_DATA_DIR`` and ``PISHRAN_ADDRESS`` are taken as given (an empty data
directory is the working directory).  Variables read only by the tests
(``PISHRAN_TEST_POSTGRES_URL``, ``PISHRAN_CHROMIUM``, ``PISHRAN_SCREENSHOTS``) and by the
benchmarks are not settings of the app and are not read here.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "DEFAULT_PROVINCE",
    "PROJECT_ROOT",
    "address",
    "auth_state_file",
    "bcrypt_rounds",
    "boundaries_path",
    "cache_dir",
    "cli_user",
    "country_dir",
    "data_dir",
    "database_url",
    "development",
    "enable_development",
    "port",
    "provinces_path",
    "scenario_dir",
    "stale_days",
    "users_file",
]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PROVINCE = "IR-10"  # Isfahan: the province of the embedded data
_SHARED_GEO = PROJECT_ROOT.parent / "shared" / "geo"


def _env_path(name: str) -> Path | None:
    """The variable as a path (``~`` expanded), or None when unset or blank."""
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, str(default)))
    except ValueError:
        return default


# --------------------------------------------------------------------------- data and store


def data_dir() -> Path:
    """``PISHRAN_DATA_DIR`` or the embedded ``data/`` folder of the project."""
    return Path(os.environ.get("PISHRAN_DATA_DIR", PROJECT_ROOT / "data"))


def database_url() -> str:
    """``PISHRAN_DATABASE_URL`` or the embedded SQLite file ``var/pishran.db``."""
    url = os.environ.get("PISHRAN_DATABASE_URL", "").strip()
    return url or f"sqlite:///{PROJECT_ROOT / 'var' / 'pishran.db'}"


def users_file() -> Path:
    """``PISHRAN_USERS_FILE`` or ``var/users.toml`` (accounts: bcrypt hashes and roles)."""
    return Path(os.environ.get("PISHRAN_USERS_FILE") or PROJECT_ROOT / "var" / "users.toml")


def auth_state_file() -> Path:
    """``PISHRAN_AUTH_STATE`` or ``login_failures.json`` beside the users file."""
    configured = os.environ.get("PISHRAN_AUTH_STATE")
    return Path(configured) if configured else users_file().with_name("login_failures.json")


def bcrypt_rounds() -> int:
    """``PISHRAN_BCRYPT_ROUNDS`` within 4…16 (default 12; the tests use 4)."""
    return max(4, min(16, _env_int("PISHRAN_BCRYPT_ROUNDS", 12)))


def stale_days() -> int:
    """``PISHRAN_STALE_DAYS``: days without a follow-up after which a project is stale (90)."""
    return _env_int("PISHRAN_STALE_DAYS", 90)


def scenario_dir() -> Path:
    """``PISHRAN_SCENARIO_DIR`` or ``var/scenarios`` (saved scenarios)."""
    return Path(os.environ.get("PISHRAN_SCENARIO_DIR") or PROJECT_ROOT / "var" / "scenarios")


# --------------------------------------------------------------------------- boundaries


def boundaries_path() -> Path:
    """``PISHRAN_BOUNDARIES``: the data province's boundary file (GeoJSON, GPKG or Shapefile)."""
    return _env_path("PISHRAN_BOUNDARIES") or (
        _SHARED_GEO / "iran-counties" / f"{DEFAULT_PROVINCE}.geojson")


def country_dir() -> Path:
    """``PISHRAN_COUNTRY_BOUNDARIES``: the directory of one ``IR-NN.geojson`` per province."""
    return _env_path("PISHRAN_COUNTRY_BOUNDARIES") or _SHARED_GEO / "iran-counties"


def provinces_path() -> Path:
    """``PISHRAN_PROVINCES``: the provinces GeoJSON (names of the county files)."""
    return _env_path("PISHRAN_PROVINCES") or _SHARED_GEO / "iran-provinces.geojson"


def cache_dir() -> Path:
    """``PISHRAN_CACHE_DIR`` or the user cache directory for derived geometry (not created)."""
    explicit = _env_path("PISHRAN_CACHE_DIR")
    if explicit is not None:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "pishran"


# --------------------------------------------------------------------------- command line


def address() -> str:
    """``PISHRAN_ADDRESS``: the address ``pishran run`` listens on (``127.0.0.1``)."""
    return os.environ.get("PISHRAN_ADDRESS", "127.0.0.1")


def port() -> int:
    """``PISHRAN_PORT``: the port ``pishran run`` listens on (8501); ValueError if not a number."""
    return int(os.environ.get("PISHRAN_PORT", "8501"))


def cli_user() -> str | None:
    """``PISHRAN_USER``: the author the command line records, or None when unset."""
    return os.environ.get("PISHRAN_USER", "").strip() or None


def development() -> bool:
    """``PISHRAN_DEV``: development mode (a failing page shows its traceback); else production."""
    return os.environ.get("PISHRAN_DEV", "").strip().lower() in {"1", "true", "yes"}


def enable_development() -> None:
    """Set ``PISHRAN_DEV`` for this process (``pishran run --dev``, before the server starts)."""
    os.environ["PISHRAN_DEV"] = "1"
