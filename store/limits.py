"""Limits of the store's imports: how big a file, how many rows, how long a cell, and
where the header row may be.  Fixed on purpose (not settings): they guard the server.

The store's environment settings (database URL, accounts file, bcrypt rounds, staleness)
are read by :mod:`core.settings`.
"""

from __future__ import annotations

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MAX_CELL_CHARS",
    "HEADER_SEARCH_ROWS",
    "HEADER_MIN_SHARE",
]

MAX_FILE_BYTES = 10 * 1024 * 1024  # refuse larger uploads before parsing
MAX_ROWS = 200_000  # data rows per import
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an .xlsx that inflates beyond this is refused
MAX_CELL_CHARS = 5_000  # longer text in one cell is refused
HEADER_SEARCH_ROWS = 20  # the header row is looked for within the first 20 non-empty rows
HEADER_MIN_SHARE = 0.6  # … as the first row whose non-empty cells are ≥ 60 % known headers
