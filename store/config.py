"""Settings of the store, all from the environment (documented defaults).

=========================  ==================================================
``PISHRAN_DATABASE_URL``   SQLAlchemy URL; default ``sqlite:///<root>/var/pishran.db``
``PISHRAN_USERS_FILE``     accounts (bcrypt hashes, roles); default ``<root>/var/users.toml``
``PISHRAN_AUTH_STATE``     failed-login counters; default ``login_failures.json`` beside
                           the users file
``PISHRAN_STALE_DAYS``     days without a follow-up after which a project is stale (90)
``PISHRAN_BCRYPT_ROUNDS``  bcrypt cost (default 12; tests use 4)
=========================  ==================================================
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "PROJECT_ROOT",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MAX_CELL_CHARS",
    "HEADER_SEARCH_ROWS",
    "HEADER_MIN_SHARE",
    "database_url",
    "users_file",
    "auth_state_file",
    "stale_days",
    "bcrypt_rounds",
]

PROJECT_ROOT = Path(__file__).resolve().parents[1]

MAX_FILE_BYTES = 10 * 1024 * 1024  # refuse larger uploads before parsing
MAX_ROWS = 200_000  # data rows per import
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an .xlsx that inflates beyond this is refused
MAX_CELL_CHARS = 5_000  # longer text in one cell is refused
HEADER_SEARCH_ROWS = 20  # the header row is looked for within the first 20 non-empty rows
HEADER_MIN_SHARE = 0.6  # … as the first row whose non-empty cells are ≥ 60 % known headers


def database_url() -> str:
    """``PISHRAN_DATABASE_URL`` or the embedded SQLite file ``var/pishran.db``."""
    url = os.environ.get("PISHRAN_DATABASE_URL", "").strip()
    return url or f"sqlite:///{PROJECT_ROOT / 'var' / 'pishran.db'}"


def users_file() -> Path:
    return Path(os.environ.get("PISHRAN_USERS_FILE") or PROJECT_ROOT / "var" / "users.toml")


def auth_state_file() -> Path:
    configured = os.environ.get("PISHRAN_AUTH_STATE")
    return Path(configured) if configured else users_file().with_name("login_failures.json")


def stale_days() -> int:
    try:
        return int(os.environ.get("PISHRAN_STALE_DAYS", "90"))
    except ValueError:
        return 90


def bcrypt_rounds() -> int:
    try:
        return max(4, min(16, int(os.environ.get("PISHRAN_BCRYPT_ROUNDS", "12"))))
    except ValueError:
        return 12
