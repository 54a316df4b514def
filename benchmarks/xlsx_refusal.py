"""How fast an .xlsx of millions of empty elements is refused (issue 17, fault 10).

Builds the audit's file — a valid projects workbook whose sheet XML ends in 190 MiB of
empty ``<row/>`` elements (≈ 33 million; the audit's file was 393 KB) — and the same with
empty ``<c/>`` cells, then times ``store.reading.read_table_file`` refusing them (the
element budget of ``store.limits``, counted while the sheet inflates, before openpyxl
parses anything) and records the peak memory of the refusal (``tracemalloc``).
Run: .venv/bin/python benchmarks/xlsx_refusal.py [MiB]
"""

from __future__ import annotations

import io
import json
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.corpus import fa_grid, xlsx_bytes  # noqa: E402


def bomb(element: bytes, mib: int) -> bytes:
    source = xlsx_bytes({"پروژه‌ها": fa_grid(3)})
    out = io.BytesIO()
    block = element * ((1 << 20) // len(element))
    with zipfile.ZipFile(io.BytesIO(source)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if not info.filename.startswith("xl/worksheets/sheet"):
                zout.writestr(info.filename, body)
                continue
            head, tail = body.split(b"</sheetData>")
            with zout.open(info.filename, "w") as entry:
                entry.write(head)
                if element == b"<c/>":
                    entry.write(b'<row r="9">')
                for _ in range(mib):
                    entry.write(block)
                if element == b"<c/>":
                    entry.write(b"</row>")
                entry.write(b"</sheetData>" + tail)
    return out.getvalue()


def main(mib: int = 190) -> None:
    import os
    import platform

    from analytics.validation import DataValidationError
    from benchmarks.machine import cpu_model
    from store.reading import read_table_file

    print(f"python {platform.python_version()}, {cpu_model()}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}")
    for element in (b"<row/>", b"<c/>"):
        data = bomb(element, mib)
        tracemalloc.start()
        started = time.perf_counter()
        try:
            read_table_file(data, "bomb.xlsx", kind="projects")
            rule = "accepted"
        except DataValidationError as err:
            rule = err.problems[0].rule
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(json.dumps({"element": element.decode(), "inflated_mib": mib,
                          "file_bytes": len(data), "result": rule,
                          "refusal_s": round(elapsed, 3),
                          "peak_python_mib": round(peak / 2**20, 1)}))


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
