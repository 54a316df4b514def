"""read_table_file: type by content, encodings, delimiters, header detection, merged
cells, Excel specifics and row numbers as the user sees them."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from analytics.validation import DataValidationError
from store.headers import canonical_header, detect_kind, header_key
from store.reading import decode_text, read_table_file, sniff_type

from .corpus import FA_HEADERS, col, csv_bytes, rows, xlsx_bytes
from .sample import PROJECT_COLUMNS

PERSIAN = "شهرستان,عنوان پروژه,وضعیت\nکاشان,پروژه آب,در حال اجرا\n"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", PERSIAN.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + PERSIAN.encode("utf-8")),
    ("utf-16", PERSIAN.encode("utf-16")),  # with BOM
    ("utf-16-be", codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be")),
    ("utf-16-le", PERSIAN.encode("utf-16-le")),  # no BOM: found from the zero bytes
    ("cp1256", PERSIAN.replace("ی", "ي").encode("cp1256")),
])
def test_encodings_are_detected(encoding, data):
    text, _found = decode_text(data)
    assert "کاشان" in text.replace("ي", "ی")
    sheet, = read_table_file(data, "x.csv")
    # the three columns of the file, then the implied "not sample" of a file without one
    assert list(sheet.frame.columns) == ["county_code", "title_fa", "status", "is_sample"]
    assert sheet.frame.iloc[0].tolist()[0] == "کاشان"
    assert sheet.frame["is_sample"].tolist() == ["false"] and "is_sample" not in sheet.letters
    assert sheet.row_numbers.tolist() == [2]


def test_binary_is_not_text():
    assert decode_text(bytes(range(256)) * 4) is None
    assert sniff_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "ole2"
    assert sniff_type(xlsx_bytes({"a": [["x"]]})) == "xlsx"
    assert sniff_type(b"PK\x03\x04garbage") == "binary"
    assert sniff_type(b"a,b\n1,2\n") == "text"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter):
    sheet, = read_table_file(csv_bytes(rows(3), delimiter=delimiter), "p.csv")
    assert sheet.kind == "projects"
    assert len(sheet.frame) == 3
    assert sheet.frame["project_id"].tolist() == ["C-001", "C-002", "C-003"]


def test_csv_row_numbers_count_blank_lines_and_title_lines():
    lines = ["گزارش پروژه‌ها", "", ",".join(PROJECT_COLUMNS)]
    body = csv_bytes(rows(3)).decode().splitlines()[1:]
    lines += [body[0], "", ",,,", body[1], body[2]]
    sheet, = read_table_file("\n".join(lines).encode(), "p.csv")
    assert sheet.header_row == 3
    assert sheet.row_numbers.tolist() == [4, 7, 8]


def test_csv_quoted_multiline_cell_keeps_line_numbers():
    data = rows(3)
    data[0][col("title_fa")] = "خط اول\nخط دوم"
    sheet, = read_table_file(csv_bytes(data), "p.csv")
    assert sheet.row_numbers.tolist() == [2, 4, 5]
    assert sheet.frame.loc[0, "title_fa"] == "خط اول\nخط دوم"


def test_header_synonyms_and_keys():
    assert header_key("نام‌شهرستان") == header_key("نام شهرستان")
    assert canonical_header("نام شهرستان", None) == "county_code"
    assert canonical_header("County", None) == "county_code"
    assert canonical_header("عنوان پروژه", "projects") == "title_fa"
    assert canonical_header("وضعيت", "projects") == "status"  # Arabic yeh
    assert canonical_header("بودجه (میلیارد ریال)", "projects") == "budget_billion_rials"
    assert canonical_header("بودجه (میلیون تومان)", "projects") is None  # other unit
    assert canonical_header("پیشرفت فیزیکی", "projects") == "physical_progress_pct"
    assert canonical_header("تاریخ شروع", "projects") == "planned_start"
    assert canonical_header("شناسه پروژه *", "projects") == "project_id"
    assert detect_kind(["شهرستان", "شاخص", "سال", "مقدار"]) == "indicators"
    assert detect_kind(FA_HEADERS) == "projects"
    assert detect_kind(["شهرستان", "منبع"]) is None


def test_header_needs_sixty_percent_known():
    # 2 known of 4 (50 %): not a header; 3 known of 4: a header
    data = "a,b,شهرستان,وضعیت\nx,y,کاشان,study\nشهرستان,وضعیت,عنوان,c\nکاشان,study,t,1\n"
    sheet, = read_table_file(data.encode(), "p.csv")
    assert sheet.header_row == 3


def test_header_beyond_twenty_rows_is_not_found():
    lines = [f"title line {i}" for i in range(20)] + [",".join(PROJECT_COLUMNS)]
    sheet, = read_table_file("\n".join(lines).encode(), "p.csv")
    assert sheet.header_row is None
    assert sheet.problems[0].rule == "header_not_found"


def test_unknown_and_empty_columns():
    data = [[*r, "", "یادداشت"] for r in rows(2)]
    sheet, = read_table_file(csv_bytes(data, columns=[*PROJECT_COLUMNS, "", "توضیحات"]), "p.csv")
    assert [w.rule for w in sheet.warnings] == ["unknown_column"]
    assert sheet.warnings[0].column == "توضیحات"
    assert "project_id" in sheet.frame.columns


def test_xlsx_title_block_merged_cells_and_excel_rows():
    grid = [["گزارش"], [], FA_HEADERS, *rows(3)]
    for r in (4, 5):
        grid[r][col("county_code")] = None

    def setup(workbook):
        ws = workbook.active
        ws.merge_cells("A1:H1")
        ws.merge_cells("B4:B6")

    sheet, = read_table_file(xlsx_bytes({"داده": grid}, setup), "p.xlsx")
    assert sheet.name == "داده"
    assert sheet.header_row == 3
    assert sheet.row_numbers.tolist() == [4, 5, 6]
    assert sheet.frame["county_code"].tolist() == [grid[3][col("county_code")]] * 3
    assert sheet.letters["county_code"] == "B"


def test_xlsx_cells_formula_date_percent_and_numbers():
    grid = [FA_HEADERS, *rows(2)]
    grid[1][col("budget_billion_rials")] = "=1+1"
    grid[1][col("planned_start")] = dt.datetime(2025, 3, 21)
    grid[1][col("physical_progress_pct")] = 0.25
    grid[2][col("expected_jobs")] = 12.0
    grid[2][col("planned_end")] = 14051229

    def setup(workbook):
        ws = workbook.active
        ws.cell(row=2, column=col("physical_progress_pct") + 1).number_format = "0.0%"

    sheet, = read_table_file(xlsx_bytes({"s": grid}, setup), "p.xlsx")
    frame = sheet.frame
    assert [p.rule for p in sheet.problems] == ["formula_cell"]
    assert sheet.problems[0].row == 2 and sheet.problems[0].params["cell"] == "J2"
    assert frame.loc[0, "planned_start"] == "2025-03-21"
    assert frame.loc[0, "physical_progress_pct"] == "25"
    assert frame.loc[1, "expected_jobs"] == "12"
    assert frame.loc[1, "planned_end"] == "14051229"


def test_hidden_and_dictionary_sheets_are_skipped():
    def setup(workbook):
        workbook["hidden"].sheet_state = "hidden"

    data = xlsx_bytes({"راهنمای ستون‌ها": [FA_HEADERS, *rows(1)], "hidden": [FA_HEADERS],
                       "data": [FA_HEADERS, *rows(2)]}, setup)
    sheets = read_table_file(data, "p.xlsx")
    assert [s.name for s in sheets] == ["data"]


def test_size_limit_before_reading(tmp_path):
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(DataValidationError) as err:
        read_table_file(path, "big.xlsx")
    assert err.value.problems[0].rule == "file_too_large"


def test_file_like_upload_is_read():
    import io

    upload = io.BytesIO(csv_bytes(rows(2)))
    sheet, = read_table_file(upload, "upload.csv")
    assert len(sheet.frame) == 2
