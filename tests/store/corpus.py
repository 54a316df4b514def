"""A generated corpus of malformed (and tricky-but-valid) import files.

Each :class:`Case` builds its file (bytes, or a path for the over-size file) and says
what the import must report: ``ok`` for files that must import, else the expected
problems as (rule, sheet, row, column) — row and column as the user sees them in the
file (``None`` = not checked / file-level).
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .sample import (
    INDICATOR_COLUMNS,
    PROJECT_COLUMNS,
    csv_text,
    indicator_rows,
    project_rows,
)

Expect = tuple[str, str | None, int | None, str | None]
FA_HEADERS = ["شناسه پروژه", "شهرستان", "عنوان پروژه", "عنوان انگلیسی", "بخش", "دستگاه اجرایی",
              "وضعیت", "پیشرفت فیزیکی", "پیشرفت مالی", "بودجه (میلیارد ریال)",
              "منبع تأمین اعتبار", "اشتغال", "تاریخ شروع", "تاریخ پایان", "تاریخ شروع واقعی",
              "تاریخ پایان واقعی", "آخرین پیگیری", "مسئول پیگیری", "عرض جغرافیایی",
              "طول جغرافیایی", "منبع", "نمونه"]


@dataclass
class Case:
    name: str
    build: Callable[[Path], bytes | Path]
    file_name: str
    kind: str | None = "projects"
    ok: bool = False
    expect: list[Expect] = field(default_factory=list)
    rows: int | None = None  # rows stored when ok


def col(name: str) -> int:
    return PROJECT_COLUMNS.index(name)


def rows(n: int = 5, **changes) -> list[list]:
    """``n`` valid project rows; ``changes`` = {"r<i>_<column>": value} (i: 0-based)."""
    out = project_rows(n, prefix="C")
    for key, value in changes.items():
        index, column = key[1:].split("_", 1)
        out[int(index)][col(column)] = value
    return out


def csv_bytes(data: list[list] | None = None, columns=PROJECT_COLUMNS, encoding="utf-8",
              delimiter=",") -> bytes:
    text = csv_text(columns, rows() if data is None else data)
    if delimiter != ",":
        text = text.replace(",", delimiter)
    return text.encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], setup: Callable | None = None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, grid in sheets.items():
        ws = workbook.create_sheet(title)
        for r, values in enumerate(grid, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None and value != "":
                    ws.cell(row=r, column=c, value=value)
    if setup:
        setup(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def fa_grid(n: int = 5, **changes) -> list[list]:
    return [FA_HEADERS, *rows(n, **changes)]


def _sparse(tmp: Path) -> Path:
    path = tmp / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: no time or disk spent
    return path


def _zip_not_xlsx(_tmp: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return out.getvalue()


def _broken_xlsx(_tmp: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-really")
    return out.getvalue()


def _formula_xlsx(_tmp: Path) -> bytes:
    grid = fa_grid()
    grid[2][col("budget_billion_rials")] = "=SUM(100,20)"
    return xlsx_bytes({"پروژه‌ها": grid})


def _datetime_xlsx(_tmp: Path) -> bytes:
    grid = fa_grid()
    grid[3][col("planned_start")] = dt.datetime(2025, 11, 19)
    return xlsx_bytes({"پروژه‌ها": grid})


def _compact_gregorian_xlsx(_tmp: Path) -> bytes:
    grid = fa_grid()
    grid[1][col("planned_end")] = 20251119
    return xlsx_bytes({"Sheet1": grid})


def _title_block(n_errors: int) -> Callable[[Path], bytes]:
    def build(_tmp: Path) -> bytes:
        data = rows(4, **({"r1_physical_progress_pct": "140"} if n_errors else {}))
        grid = [["گزارش پروژه‌های پیشران استان اصفهان"], ["تاریخ تهیه: ۱۴۰۴/۰۸/۲۸"], [],
                FA_HEADERS, *data]

        def merge(workbook):
            workbook.active.merge_cells("A1:F1")

        return xlsx_bytes({"گزارش": grid}, merge)

    return build


def _merged_counties(_tmp: Path) -> bytes:
    grid = fa_grid(4)
    for r in (2, 3, 4):  # rows 3-5 of the sheet: county merged from row 2 downwards
        grid[r][col("county_code")] = None

    def merge(workbook):
        workbook.active.merge_cells("B2:B5")

    return xlsx_bytes({"پروژه‌ها": grid}, merge)


def _percent_cells(_tmp: Path) -> bytes:
    grid = fa_grid(3)
    grid[1][col("physical_progress_pct")] = 0.4

    def fmt(workbook):
        workbook.active.cell(row=2, column=col("physical_progress_pct") + 1).number_format = "0%"

    return xlsx_bytes({"پروژه‌ها": grid}, fmt)


def _numeric_jalali(_tmp: Path) -> bytes:
    grid = fa_grid(3)
    grid[1][col("planned_start")] = 14040828  # a Jalali date typed as a number
    grid[2][col("budget_billion_rials")] = 1250.75
    grid[3][col("expected_jobs")] = 40.0
    return xlsx_bytes({"پروژه‌ها": grid})


def _two_sheets_duplicate(_tmp: Path) -> bytes:
    first = fa_grid(3)
    second = [FA_HEADERS, *project_rows(2, prefix="D")]
    second[2][0] = first[2][0]  # the id of row 3 of the first sheet again
    return xlsx_bytes({"اصفهان": first, "کاشان": second})


def _arabic_digits(_tmp: Path) -> bytes:
    data = rows(3)
    data[0][col("budget_billion_rials")] = "١٬٢٣٤٫٥"
    data[0][col("physical_progress_pct")] = "٤٠٪"
    data[1][col("planned_start")] = "۱۴۰۲/۰۱/۱۵"
    data[1][col("expected_jobs")] = "۱۲۰"
    data[2][col("county_code")] = "نائين"  # Arabic ي
    data[2][col("sector")] = "كشاورزی"  # Arabic ك in the Persian label
    return csv_bytes(data)


def _many_rows(_tmp: Path) -> bytes:
    lines = [",".join(PROJECT_COLUMNS)] + ["x"] * 200_001
    return ("\n".join(lines) + "\n").encode()


def _long_text(_tmp: Path) -> bytes:
    return csv_bytes(rows(3, r2_title_fa="الف" * 6000))


def _binary(_tmp: Path) -> bytes:
    return bytes(range(256)) * 40


def _indicators(changes: Callable[[list[list]], None] | None = None) -> Callable:
    def build(_tmp: Path) -> bytes:
        data = indicator_rows(years=(1401,))
        if changes:
            changes(data)
        return csv_text(INDICATOR_COLUMNS, data).encode()

    return build


def _ind_dup(data):
    data.append(list(data[0]))


def _ind_unknown(data):
    data[1][0] = "Atlantis"


def _ind_year(data):
    data[2][2] = 1600


def _ind_quality(data):
    data[3][6] = "rumour"


def _utf16(with_error: bool) -> Callable[[Path], bytes]:
    def build(_tmp: Path) -> bytes:
        data = rows(3, **({"r2_status": "غلط"} if with_error else {}))
        text = csv_text(PROJECT_COLUMNS, data).replace(",", "\t")
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    return build


def _cp1256(_tmp: Path) -> bytes:
    grid = [FA_HEADERS, *rows(3)]
    for r in grid[1:]:
        r[col("followup_officer")] = ""
        r[col("county_code")] = "کاشان"
    text = csv_text(FA_HEADERS, grid[1:])
    # Windows-1256 has no Persian yeh (U+06CC): such files carry the Arabic one (U+064A)
    return text.replace("ی", "ي").encode("cp1256")


def _only_shared_headers(_tmp: Path) -> bytes:
    return "شهرستان,منبع\nکاشان,مرکز آمار\n".encode()


def _drop(column: str) -> Callable[[Path], bytes]:
    def build(_tmp: Path) -> bytes:
        i = col(column)
        return csv_bytes([r[:i] + r[i + 1:] for r in rows()],
                         columns=PROJECT_COLUMNS[:i] + PROJECT_COLUMNS[i + 1:])

    return build


def _duplicate_columns(_tmp: Path) -> bytes:
    data = [[*r, "کاشان"] for r in rows(2)]
    return csv_bytes(data, columns=[*PROJECT_COLUMNS, "شهرستان"])


def _c(name, build, file_name="projects.csv", **kw) -> Case:
    return Case(name, build, file_name, **kw)


def const(data: bytes) -> Callable[[Path], bytes]:
    return lambda _tmp: data


CASES: list[Case] = [
    # --- wrong values (CSV, rows: header is line 1, data row i is line i + 2)
    _c("not_number", const(csv_bytes(rows(r1_budget_billion_rials="صد"))),
       expect=[("not_number", None, 3, "budget_billion_rials")]),
    _c("not_integer", const(csv_bytes(rows(r0_expected_jobs="12.5"))),
       expect=[("not_integer", None, 2, "expected_jobs")]),
    _c("month_13", const(csv_bytes(rows(r2_planned_start="1404/13/40"))),
       expect=[("date_month", None, 4, "planned_start")]),
    _c("esfand_30_not_leap", const(csv_bytes(rows(r3_planned_end="1404/12/30"))),
       expect=[("date_day", None, 5, "planned_end")]),
    _c("day_32", const(csv_bytes(rows(r0_actual_start="1404/01/32"))),
       expect=[("date_day", None, 2, "actual_start")]),
    _c("bad_date_text", const(csv_bytes(rows(r4_last_followup="آبان ۱۴۰۴"))),
       expect=[("date_format", None, 6, "last_followup")]),
    _c("unknown_county", const(csv_bytes(rows(r1_county_code="Atlantis"))),
       expect=[("unknown_county", None, 3, "county_code")]),
    _c("duplicate_ids", const(csv_bytes(rows(r3_project_id="C-001"))),
       expect=[("duplicate", None, 2, "project_id"), ("duplicate", None, 5, "project_id")]),
    _c("negative_budget", const(csv_bytes(rows(r0_budget_billion_rials="-5"))),
       expect=[("below_minimum", None, 2, "budget_billion_rials")]),
    _c("progress_140", const(csv_bytes(rows(r2_physical_progress_pct="140%"))),
       expect=[("above_maximum", None, 4, "physical_progress_pct")]),
    _c("latitude_95", const(csv_bytes(rows(r1_lat="95"))),
       expect=[("above_maximum", None, 3, "lat")]),
    _c("status_not_allowed", const(csv_bytes(rows(r0_status="paused"))),
       expect=[("not_allowed", None, 2, "status")]),
    _c("sector_not_allowed", const(csv_bytes(rows(r4_sector="space"))),
       expect=[("not_allowed", None, 6, "sector")]),
    _c("not_bool", const(csv_bytes(rows(r1_is_sample="maybe"))),
       expect=[("not_bool", None, 3, "is_sample")]),
    _c("required_blank", const(csv_bytes(rows(r2_title_fa=""))),
       expect=[("required", None, 4, "title_fa")]),
    _c("end_before_start", const(csv_bytes(rows(r0_planned_end="1401/01/01"))),
       expect=[("end_before_start", None, 2, "planned_end")]),
    _c("gregorian_text", const(csv_bytes(rows(r1_planned_start="2025-11-19"))),
       expect=[("gregorian_date", None, 3, "planned_start")]),
    _c("infinite_budget", const(csv_bytes(rows(r3_budget_billion_rials="1e400"))),
       expect=[("not_finite", None, 5, "budget_billion_rials")]),
    _c("text_too_long", _long_text, expect=[("text_too_long", None, 4, "title_fa")]),
    _c("formula_in_csv", const(csv_bytes(rows(r1_title_fa="=HYPERLINK(\"http://x\")"))),
       expect=[("formula_cell", None, 3, "title_fa")]),
    _c("many_errors_every_one_listed",
       const(csv_bytes(rows(r0_budget_billion_rials="x", r1_status="?", r2_lat="1000",
                            r3_planned_start="1404/12/30", r4_county_code="Gotham"))),
       expect=[("not_number", None, 2, "budget_billion_rials"), ("not_allowed", None, 3, "status"),
               ("above_maximum", None, 4, "lat"), ("date_day", None, 5, "planned_start"),
               ("unknown_county", None, 6, "county_code")]),
    # --- structure
    _c("missing_required_column", _drop("status"),
       expect=[("missing_header", None, None, "status")]),
    _c("missing_budget_column", _drop("budget_billion_rials"),
       expect=[("missing_header", None, None, "budget_billion_rials")]),
    _c("header_only", const(",".join(PROJECT_COLUMNS).encode() + b"\n"),
       expect=[("empty_sheet", None, None, None)]),
    _c("empty_file", const(b""), expect=[("empty_file", None, None, None)]),
    _c("blank_lines_only", const(b"\n \n\t\n,,,\n"), expect=[("empty_file", None, None, None)]),
    _c("header_not_found", const(b"a,b,c\n1,2,3\n4,5,6\n"),
       expect=[("header_not_found", None, None, None)]),
    _c("duplicate_columns", _duplicate_columns,
       expect=[("duplicate_column", None, 1, "شهرستان")]),
    _c("indicators_file_as_projects", _indicators(), "indicators.csv", kind="projects",
       expect=[("wrong_kind", None, None, None), ("header_not_found", None, None, None)]),
    _c("unknown_kind", _only_shared_headers, kind=None,
       expect=[("unknown_kind", None, None, None)]),
    _c("too_many_rows", _many_rows, expect=[("too_many_rows", None, None, None)]),
    _c("over_size_limit", _sparse, expect=[("file_too_large", None, None, None)]),
    # --- not a table file
    _c("binary_named_xlsx", _binary, "projects.xlsx", expect=[("binary_file", None, None, None)]),
    _c("pdf_named_csv", const(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8),
       expect=[("binary_file", None, None, None)]),
    _c("zip_not_xlsx", _zip_not_xlsx, "projects.xlsx",
       expect=[("zip_not_xlsx", None, None, None)]),
    _c("legacy_xls", const(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000),
       "projects.xls", expect=[("legacy_excel", None, None, None)]),
    _c("broken_xlsx", _broken_xlsx, "projects.xlsx",
       expect=[("unreadable_file", None, None, None)]),
    # --- Excel specifics (sheet names and Excel row numbers)
    _c("formula_cell_xlsx", _formula_xlsx, "projects.xlsx",
       expect=[("formula_cell", "پروژه‌ها", 3, "بودجه (میلیارد ریال)")]),
    _c("excel_datetime_cell", _datetime_xlsx, "projects.xlsx",
       expect=[("gregorian_date", "پروژه‌ها", 4, "تاریخ شروع")]),
    _c("gregorian_number_xlsx", _compact_gregorian_xlsx, "projects.xlsx",
       expect=[("gregorian_date", "Sheet1", 2, "تاریخ پایان")]),
    _c("title_block_with_error", _title_block(1), "projects.xlsx",
       expect=[("above_maximum", "گزارش", 6, "پیشرفت فیزیکی")]),
    _c("duplicate_across_sheets", _two_sheets_duplicate, "projects.xlsx",
       expect=[("duplicate", "کاشان", 3, "شناسه پروژه")]),
    _c("utf16_with_error", _utf16(True), expect=[("not_allowed", None, 4, "status")]),
    # --- indicators
    _c("indicator_duplicate_key", _indicators(_ind_dup), "indicators.csv", kind="indicators",
       expect=[("duplicate_key", None, 15, "county_code")]),
    _c("indicator_unknown_county", _indicators(_ind_unknown), "indicators.csv",
       kind="indicators", expect=[("unknown_county", None, 3, "county_code")]),
    _c("indicator_year_1600", _indicators(_ind_year), "indicators.csv", kind="indicators",
       expect=[("above_maximum", None, 4, "year")]),
    _c("indicator_quality", _indicators(_ind_quality), "indicators.csv", kind="indicators",
       expect=[("not_allowed", None, 5, "quality")]),
    # --- tricky but valid: must import
    _c("valid_leap_esfand_30", const(csv_bytes(rows(r0_planned_end="1403/12/30"))), ok=True,
       rows=5),
    _c("valid_windows_1256", _cp1256, ok=True, rows=3),
    _c("valid_utf16", _utf16(False), ok=True, rows=3),
    _c("valid_utf8_bom", const(codecs.BOM_UTF8 + csv_bytes()), ok=True, rows=5),
    _c("valid_semicolons", const(csv_bytes(delimiter=";")), ok=True, rows=5),
    _c("valid_arabic_digits", _arabic_digits, ok=True, rows=3),
    _c("valid_merged_cells", _merged_counties, "projects.xlsx", ok=True, rows=4),
    _c("valid_title_block", _title_block(0), "projects.xlsx", ok=True, rows=4),
    _c("valid_percent_format", _percent_cells, "projects.xlsx", ok=True, rows=3),
    _c("valid_numeric_jalali_xlsx", _numeric_jalali, "projects.xlsx", ok=True, rows=3),
    _c("valid_csv_named_xlsx", const(csv_bytes()), "projects.xlsx", ok=True, rows=5),
    _c("valid_indicators_detected", _indicators(), "indicators.csv", kind=None, ok=True,
       rows=13),
]

MALFORMED = [c for c in CASES if not c.ok]
VALID = [c for c in CASES if c.ok]


def materialise(case: Case, tmp: Path) -> bytes | Path:
    built = case.build(tmp)
    assert isinstance(built, bytes | Path | os.PathLike)
    return built
