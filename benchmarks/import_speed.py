"""Import speed of the store: N projects as CSV and as .xlsx into a temporary SQLite store
(or PISHRAN_BENCH_DATABASE_URL).  Run: .venv/bin/python benchmarks/import_speed.py [N …]

Prints one JSON line per (format, rows): read+validate seconds, write seconds, total.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.sample import PROJECT_COLUMNS, project_rows, projects_csv, write_data_dir  # noqa: E402


def xlsx(n: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("projects")
    ws.append(PROJECT_COLUMNS)
    for row in project_rows(n):
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="pishran-bench-"))
    data_dir = write_data_dir(tmp / "data")
    os.environ["PISHRAN_DATA_DIR"] = str(data_dir)
    from store import import_file, open_store
    from store.importing import validate_file

    url = os.environ.get("PISHRAN_BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.db'}"
    with open_store(url, data_directory=data_dir) as store:
        store.ensure_seeded()
        for n in sizes:
            for fmt, data in (("csv", projects_csv(n)), ("xlsx", xlsx(n))):
                started = time.perf_counter()
                validate_file(store, data, f"bench.{fmt}", "projects")
                validated = time.perf_counter() - started
                started = time.perf_counter()
                result = import_file(store, data, f"bench.{fmt}", "projects", "bench")
                total = time.perf_counter() - started
                assert result.ok, result.problems[:3]
                print(json.dumps({"format": fmt, "rows": n, "bytes": len(data),
                                  "validate_s": round(validated, 3),
                                  "write_s": round(max(total - validated, 0), 3),
                                  "import_s": round(total, 3)}))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [150, 2_000, 20_000])
