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
    "MAX_XLSX_ROW_ELEMENTS",
    "MAX_XLSX_CELL_ELEMENTS",
    "MAX_CSV_FIELD_CHARS",
]

MAX_FILE_BYTES = 10 * 1024 * 1024  # refuse larger uploads before parsing
MAX_ROWS = 200_000  # data rows per import
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an .xlsx that inflates beyond this is refused
MAX_CELL_CHARS = 5_000  # longer text in one cell is refused
HEADER_SEARCH_ROWS = 20  # the header row is looked for within the first 20 non-empty rows
HEADER_MIN_SHARE = 0.6  # … as the first row whose non-empty cells are ≥ 60 % known headers
# An .xlsx's sheets are counted while they are inflated, before openpyxl parses them: a
# small file of millions of empty <row/> (or <c/>) elements would take openpyxl half a
# minute and gigabytes of memory (issue 17: 393 KB → 190 MiB of <row/>, 31–37 s, 1.5 GB).
MAX_XLSX_ROW_ELEMENTS = 2 * (MAX_ROWS + HEADER_SEARCH_ROWS)  # <row> elements, all sheets
MAX_XLSX_CELL_ELEMENTS = 6_000_000  # <c> elements, all sheets (200,000 rows × 30 columns)
# The csv module's own field limit (131,072) is raised to the file limit, so an over-long
# cell is reported by the import (text_too_long, with its row and column), not by csv.
MAX_CSV_FIELD_CHARS = MAX_FILE_BYTES
