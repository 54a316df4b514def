"""The malformed inputs of the adversarial audit (issue 17), added to the corpus of
:mod:`tests.store.corpus`: huge and non-finite numbers, NUL and other control characters,
bidi overrides and zero-width characters, decimal-comma ambiguities, an unclosed quote, an
over-long cell, data only in a hidden sheet, a two-level merged header, Gregorian dates with
the year last, and xlsx files of millions of empty elements.

Each case is one file; ``expect`` names the rule, sheet, row and column the import must
report (rows as the user sees them: a CSV's header is line 1, data row i is line i + 2).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from pathlib import Path

from .corpus import FA_HEADERS, Case, col, const, csv_bytes, fa_grid, rows, xlsx_bytes
from .sample import INDICATOR_COLUMNS, PROJECT_COLUMNS, csv_text, indicator_rows


def _c(name, build, file_name="projects.csv", **kw) -> Case:
    return Case(name, build, file_name, **kw)


def semicolon_bytes(data: list[list], columns=PROJECT_COLUMNS) -> bytes:
    """A semicolon CSV as Excel writes it where the decimal separator is a comma."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(data)
    return out.getvalue().encode("utf-8")


def _after_4kb_nul(_tmp: Path) -> bytes:
    data = rows(40)
    data[35][col("title_fa")] = "پروژه\x00پنهان"
    raw = csv_bytes(data)
    assert raw.index(b"\x00") > 4096
    return raw


def _nul_in_head(_tmp: Path) -> bytes:
    raw = csv_bytes(rows(3, r1_title_fa="عنوان\x00دوم"))
    assert raw.index(b"\x00") < 4096
    return raw


def _utf16_control(_tmp: Path) -> bytes:
    text = csv_text(PROJECT_COLUMNS, rows(3, r0_agency_fa="سازمان\x01صنعت")).replace(",", "\t")
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def _huge_int_xlsx(_tmp: Path) -> bytes:
    grid = fa_grid(3)
    grid[2][col("expected_jobs")] = 99999999999999999999
    return xlsx_bytes({"پروژه‌ها": grid})


def _unclosed_quote(_tmp: Path) -> bytes:
    text = csv_text(PROJECT_COLUMNS, rows(8))
    lines = text.split("\n")
    lines[2] = lines[2].replace(",پروژه", ',"پروژه', 1)  # row 3: a quote opened, never closed
    return "\n".join(lines).encode("utf-8")


def _huge_cell(_tmp: Path) -> bytes:
    return csv_bytes(rows(3, r1_agency_fa="الف" * 100_000))  # 200 KB of UTF-8


def _hidden(state: str):
    def build(_tmp: Path) -> bytes:
        def hide(workbook):
            workbook["داده"].sheet_state = state

        return xlsx_bytes({"یادداشت": [["این کارپوشه برای گزارش است"]], "داده": fa_grid(4)},
                          hide)

    return build


def _two_level_header(_tmp: Path) -> bytes:
    top = list(FA_HEADERS)
    sub = [""] * len(FA_HEADERS)
    p, f = col("physical_progress_pct"), col("financial_progress_pct")
    top[p], top[f] = "پیشرفت", "پیشرفت"
    sub[p], sub[f] = "فیزیکی", "مالی"
    data = rows(4)

    def merge(workbook):
        ws = workbook.active
        for c in range(1, len(FA_HEADERS) + 1):
            if c - 1 not in (p, f):
                ws.merge_cells(start_row=1, start_column=c, end_row=2, end_column=c)
        ws.merge_cells(start_row=1, start_column=p + 1, end_row=1, end_column=f + 1)

    top[f] = None
    return xlsx_bytes({"پروژه‌ها": [top, sub, *data]}, merge)


def _sheet_xml_bomb(element: bytes, count: int):
    """A real workbook whose sheet XML gets ``count`` copies of ``element`` after its
    data (what a 393 KB file holding 190 MiB of ``<row/>`` looks like, smaller)."""
    def build(_tmp: Path) -> bytes:
        source = xlsx_bytes({"پروژه‌ها": fa_grid(3)})
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(source)) as zin, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                body = zin.read(info)
                if info.filename.startswith("xl/worksheets/sheet"):
                    if element == b"<row/>":
                        body = body.replace(b"</sheetData>", element * count + b"</sheetData>")
                    else:  # empty cells inside one last row
                        body = body.replace(b"</sheetData>", b'<row r="9">' + element * count
                                            + b"</row></sheetData>")
                zout.writestr(info.filename, body)
        return out.getvalue()

    return build


def _indicators(value) -> bytes:
    data = indicator_rows(years=(1401,))
    data[1][3] = value
    return csv_text(INDICATOR_COLUMNS, data).encode()


def _indicators_semicolon(value) -> bytes:
    data = indicator_rows(years=(1401,))
    data[1][3] = value
    return semicolon_bytes(data, INDICATOR_COLUMNS)


def _c1_control_xlsx(_tmp: Path) -> bytes:
    """A C1 control (U+0085, legal in XML 1.0, so openpyxl writes it) in a title cell."""
    return xlsx_bytes({"پروژه‌ها": fa_grid(3, r1_title_fa="عنوان\x85مخفی")})


def _rle_pdf_title(_tmp: Path) -> bytes:
    # embeddings (RLE … PDF) only hint the direction: removed, the file imports
    return csv_bytes(rows(3, r0_title_fa="\u202bپروژه Steel\u202c"))


ZW = "\u200b"

CASES: list[Case] = [
    # --- 1. huge integers and 4. overflowing / non-finite numbers
    _c("huge_integer_jobs", const(csv_bytes(rows(r0_expected_jobs="99999999999999999999"))),
       expect=[("out_of_bound", None, 2, "expected_jobs")]),
    _c("huge_integer_jobs_xlsx", _huge_int_xlsx, "projects.xlsx",
       expect=[("out_of_bound", "پروژه‌ها", 3, "اشتغال")]),
    _c("budget_1_7e308_twice", const(csv_bytes(rows(r0_budget_billion_rials="1.7e308",
                                                    r1_budget_billion_rials="1.7e308"))),
       expect=[("out_of_bound", None, 2, "budget_billion_rials"),
               ("out_of_bound", None, 3, "budget_billion_rials")]),
    _c("budget_inf_text", const(csv_bytes(rows(r2_budget_billion_rials="inf"))),
       expect=[("not_finite", None, 4, "budget_billion_rials")]),
    _c("budget_nan_text", const(csv_bytes(rows(r3_budget_billion_rials="NaN"))),
       expect=[("not_finite", None, 5, "budget_billion_rials")]),
    _c("budget_minus_infinity", const(csv_bytes(rows(r1_budget_billion_rials="-Infinity"))),
       expect=[("not_finite", None, 3, "budget_billion_rials")]),
    _c("progress_1e309", const(csv_bytes(rows(r0_physical_progress_pct="1e309"))),
       expect=[("not_finite", None, 2, "physical_progress_pct")]),
    _c("jobs_persian_13_digits", const(csv_bytes(rows(r4_expected_jobs="۱۲۳۴۵۶۷۸۹۰۱۲۳"))),
       expect=[("out_of_bound", None, 6, "expected_jobs")]),
    _c("population_1e300", const(_indicators("1e300")), "indicators.csv", kind="indicators",
       expect=[("out_of_bound", None, 3, "value")]),
    _c("financial_progress_huge", const(csv_bytes(rows(r2_financial_progress_pct="1e15"))),
       expect=[("out_of_bound", None, 4, "financial_progress_pct")]),
    # --- 3. one numeric parser: ambiguous and malformed numbers
    _c("semicolon_1_200_ambiguous",
       const(semicolon_bytes(rows(r1_budget_billion_rials="1,200"))),
       expect=[("ambiguous_number", None, 3, "budget_billion_rials")]),
    _c("semicolon_1_dot_200_ambiguous",
       const(semicolon_bytes(rows(r2_budget_billion_rials="1.200"))),
       expect=[("ambiguous_number", None, 4, "budget_billion_rials")]),
    _c("semicolon_jobs_1_5_not_integer", const(semicolon_bytes(rows(r0_expected_jobs="1,5"))),
       expect=[("not_integer", None, 2, "expected_jobs")]),
    _c("comma_csv_jobs_1_5_not_integer", const(csv_bytes(rows(r3_expected_jobs="1,5"))),
       expect=[("not_integer", None, 5, "expected_jobs")]),
    _c("indian_grouping", const(csv_bytes(rows(r1_budget_billion_rials="1,23,456"))),
       expect=[("not_number", None, 3, "budget_billion_rials")]),
    _c("two_points", const(csv_bytes(rows(r0_budget_billion_rials="1.2.3"))),
       expect=[("not_number", None, 2, "budget_billion_rials")]),
    _c("persian_bad_grouping", const(csv_bytes(rows(r2_budget_billion_rials="۱٬۲۳"))),
       expect=[("not_number", None, 4, "budget_billion_rials")]),
    _c("persian_decimal_twice", const(csv_bytes(rows(r1_lat="۳۲٫۵٫۱"))),
       expect=[("not_number", None, 3, "lat")]),
    _c("digits_split_by_space", const(csv_bytes(rows(r4_budget_billion_rials="12 5"))),
       expect=[("not_number", None, 6, "budget_billion_rials")]),
    _c("hex_number", const(csv_bytes(rows(r0_budget_billion_rials="0x10"))),
       expect=[("not_number", None, 2, "budget_billion_rials")]),
    _c("double_minus", const(csv_bytes(rows(r3_budget_billion_rials="--5"))),
       expect=[("not_number", None, 5, "budget_billion_rials")]),
    _c("infinity_sign", const(csv_bytes(rows(r2_physical_progress_pct="∞"))),
       expect=[("not_number", None, 4, "physical_progress_pct")]),
    _c("indicator_semicolon_ambiguous", const(_indicators_semicolon("1.500")),
       "indicators.csv", kind="indicators",
       expect=[("ambiguous_number", None, 3, "value")]),
    _c("mixed_separators_wrong_groups", const(csv_bytes(rows(r1_budget_billion_rials="1,23.5"))),
       expect=[("not_number", None, 3, "budget_billion_rials")]),
    # --- 2. NUL and control characters, the same on every backend
    _c("nul_in_title_after_4kb", _after_4kb_nul, expect=[("control_char", None, 37, "title_fa")]),
    _c("nul_in_title_first_4kb", _nul_in_head, expect=[("control_char", None, 3, "title_fa")]),
    _c("bell_in_agency", const(csv_bytes(rows(r2_agency_fa="سازمان\x07صنعت"))),
       expect=[("control_char", None, 4, "agency_fa")]),
    _c("c1_control_in_title", const(csv_bytes(rows(r0_title_fa="پروژه\x85الف"))),
       expect=[("control_char", None, 2, "title_fa")]),
    _c("escape_in_officer", const(csv_bytes(rows(r4_followup_officer="\x1b[31mکارشناس"))),
       expect=[("control_char", None, 6, "followup_officer")]),
    _c("utf16_control_char", _utf16_control, expect=[("control_char", None, 2, "agency_fa")]),
    _c("c1_control_xlsx", _c1_control_xlsx, "projects.xlsx",
       expect=[("control_char", "پروژه‌ها", 3, "عنوان پروژه")]),
    _c("delete_char_in_id", const(csv_bytes(rows(r1_project_id="C-0\x7f02"))),
       expect=[("control_char", None, 3, "project_id")]),
    # --- 5. invisible characters
    _c("rlo_in_project_id", const(csv_bytes(rows(r0_project_id="C-\u202e100"))),
       expect=[("bidi_override", None, 2, "project_id")]),
    _c("lro_in_title", const(csv_bytes(rows(r3_title_fa="پروژه \u202dabc"))),
       expect=[("bidi_override", None, 5, "title_fa")]),
    _c("rlo_in_county", const(csv_bytes(rows(r2_county_code="\u202eکاشان"))),
       expect=[("bidi_override", None, 4, "county_code")]),
    _c("zero_width_duplicate_id", const(csv_bytes(rows(r0_project_id="Z-001",
                                                       r1_project_id="Z-001" + ZW))),
       expect=[("duplicate", None, 2, "project_id"), ("duplicate", None, 3, "project_id")]),
    _c("bom_duplicate_id", const(csv_bytes(rows(r2_project_id="Z-002",
                                                r4_project_id="\ufeffZ-002"))),
       expect=[("duplicate", None, 4, "project_id"), ("duplicate", None, 6, "project_id")]),
    _c("word_joiner_duplicate_id", const(csv_bytes(rows(r1_project_id="Z\u2060-003",
                                                        r3_project_id="Z-003"))),
       expect=[("duplicate", None, 3, "project_id"), ("duplicate", None, 5, "project_id")]),
    _c("only_zero_width_title", const(csv_bytes(rows(r1_title_fa=ZW + ZW))),
       expect=[("required", None, 3, "title_fa")]),
    # --- 9. unclear messages made clear
    _c("unclosed_quote", _unclosed_quote, expect=[("unclosed_quote", None, 3, "C")]),
    _c("cell_of_200_kb", _huge_cell, expect=[("text_too_long", None, 3, "agency_fa")]),
    _c("data_only_in_hidden_sheet", _hidden("hidden"), "projects.xlsx",
       expect=[("data_in_hidden_sheet", "داده", None, None)]),
    _c("data_only_in_very_hidden_sheet", _hidden("veryHidden"), "projects.xlsx",
       expect=[("data_in_hidden_sheet", "داده", None, None)]),
    _c("two_level_merged_header", _two_level_header, "projects.xlsx",
       expect=[("two_level_header", "پروژه‌ها", 1, None)]),
    _c("gregorian_day_first", const(csv_bytes(rows(r1_planned_start="20/03/2024"))),
       expect=[("gregorian_date", None, 3, "planned_start")]),
    _c("gregorian_month_first", const(csv_bytes(rows(r2_planned_end="3/20/2024"))),
       expect=[("gregorian_date", None, 4, "planned_end")]),
    _c("gregorian_either_way", const(csv_bytes(rows(r0_last_followup="03/04/2024"))),
       expect=[("gregorian_date", None, 2, "last_followup")]),
    _c("gregorian_with_time", const(csv_bytes(rows(r3_actual_start="2024-03-20T10:00"))),
       expect=[("gregorian_date", None, 5, "actual_start")]),
    # --- 10. xlsx cost: millions of empty elements refused before openpyxl parses them
    _c("xlsx_empty_row_bomb", _sheet_xml_bomb(b"<row/>", 500_000), "projects.xlsx",
       expect=[("xlsx_too_many_elements", None, None, None)]),
    _c("xlsx_empty_cell_bomb", _sheet_xml_bomb(b"<c/>", 6_500_000), "projects.xlsx",
       expect=[("xlsx_too_many_elements", None, None, None)]),
]

VALID_CASES: list[Case] = [
    _c("valid_decimal_comma_semicolon",
       const(semicolon_bytes(rows(r0_budget_billion_rials="1234,5",
                                  r1_physical_progress_pct="12,5"))), ok=True, rows=5),
    _c("valid_thousands_and_decimal", const(csv_bytes(rows(r0_budget_billion_rials="1,234,567.5",
                                                           r1_budget_billion_rials="1.234,5"))),
       ok=True, rows=5),
    _c("valid_persian_separators", const(csv_bytes(rows(r2_budget_billion_rials="۱۲٬۳۴۵٫۵"))),
       ok=True, rows=5),
    _c("valid_county_trailing_zero_width", const(csv_bytes(rows(r1_county_code="کاشان" + ZW))),
       ok=True, rows=5),
    _c("valid_zwnj_inside_words", const(csv_bytes(rows(r0_title_fa="بهره‌برداری می‌شود"))),
       ok=True, rows=5),
    _c("valid_markup_in_title", const(csv_bytes(rows(
        r0_title_fa='<span style="font-size:80px">بزرگ</span> <a href="http://x">پیوند</a>'))),
       ok=True, rows=5),
    _c("valid_direction_embeddings", _rle_pdf_title, ok=True, rows=3),
]

assert all(re.fullmatch(r"[a-z0-9_]+", c.name) for c in CASES + VALID_CASES)
