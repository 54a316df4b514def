"""Zip-bomb workbooks for the unzipped-size guard — built in memory in about a second.

A valid projects workbook gets one more entry of zeros that inflates past
:data:`~store.limits.MAX_UNZIPPED_BYTES` but deflates to a few hundred KB (far
under the 10 MB upload limit).  ``declared`` makes the zip LIE about that entry's
uncompressed size (local header and central directory), as a hand-made bomb does, so a
guard that trusts the declared sizes is not enough.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile

from store.limits import MAX_FILE_BYTES, MAX_UNZIPPED_BYTES

from .corpus import PROJECT_COLUMNS, rows, xlsx_bytes

PADDING = "xl/media/padding.bin"
_CHUNK = bytes(1 << 20)


def workbook(n: int = 3) -> bytes:
    """A valid projects workbook that stores ``n`` rows."""
    return xlsx_bytes({"پروژه‌ها": [PROJECT_COLUMNS, *rows(n)]})


def bomb(declared: int | None = None, extra_mb: int = 1, name: str = PADDING) -> bytes:
    """:func:`workbook` plus an entry ``name`` that inflates to the limit + ``extra_mb`` MB
    (a negative ``extra_mb`` stays under the limit).  ``name`` may shadow a part openpyxl
    reads, e.g. ``xl/theme/theme1.xml`` (the last entry of a name wins)."""
    buffer = io.BytesIO(workbook())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" when ``name`` shadows a part
        with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=1) as archive:
            with archive.open(name, "w") as entry:
                for _ in range(MAX_UNZIPPED_BYTES // len(_CHUNK) + extra_mb):
                    entry.write(_CHUNK)
    data = bytearray(buffer.getvalue())
    assert len(data) < MAX_FILE_BYTES
    if declared is not None:
        _declare(data, name.encode(), declared)
    return bytes(data)


def _declare(data: bytearray, name: bytes, size: int) -> None:
    """Overwrite the uncompressed size of (the last) entry ``name`` in both zip headers."""
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                     (b"PK\x01\x02", 24, 28, 46)):
        found, start = None, 0
        while (at := data.find(signature, start)) >= 0:
            n_name = struct.unpack_from("<H", data, at + name_len_at)[0]
            if data[at + name_at:at + name_at + n_name] == name:
                found = at
            start = at + 4
        assert found is not None, signature
        struct.pack_into("<I", data, found + size_at, size)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo(name.decode()).file_size == size
