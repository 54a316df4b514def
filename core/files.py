"""Writing a file so that readers see the old content or the new, never a half-written
one: write a temporary file beside it, flush it to disk, then ``os.replace`` it (atomic on
POSIX and Windows within one file system)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str, *, mode: int | None = None) -> Path:
    """Replace ``path`` with ``text`` (UTF-8) in one step; ``mode`` (e.g. ``0o600``) is
    set before the file appears.  On any error the temporary file is removed and the old
    file is left as it was.  Creates the parent directory."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
