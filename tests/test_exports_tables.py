"""exports.tables: CSV with BOM, Excel right-to-left with formats, formula injection
neutralised in both (OWASP CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from exports.tables import FORMULA_PREFIXES, neutralise, to_csv_bytes, to_excel_bytes

BOM = b"\xef\xbb\xbf"
ATTACKS = {
    "=": "=HYPERLINK(\"http://evil\",\"x\")",
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "county": ["اصفهان", "کاشان", "نائین"],
        "budget": [125000, 48000, -3500],
        "share": [0.612, 0.25, -0.1],
        "date": ["1404/08/28", "1403/01/05", None],
        "note": ["=1+2", "-عدد", "عادی"],
    })


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_neutralise_rules():
    for prefix in FORMULA_PREFIXES:
        assert neutralise(prefix + "x") == "'" + prefix + "x"
    assert neutralise(-12.5) == -12.5 and neutralise(-3) == -3
    assert neutralise("-12.5") == "-12.5" and neutralise("+98") == "+98"  # plain numbers
    assert neutralise("-2+3") == "'-2+3"
    assert neutralise("عادی") == "عادی" and neutralise(None) is None


def test_csv_has_bom_and_persian():
    data = to_csv_bytes(frame())
    assert data.startswith(BOM)
    assert not data[3:].startswith(BOM)
    text = data.decode("utf-8-sig")
    assert "اصفهان" in text and "\r\n" in text
    rows = read_csv(data)
    assert rows[0] == ["county", "budget", "share", "date", "note"]


def test_csv_headers_mapping_and_index():
    df = frame().set_index("county")
    rows = read_csv(to_csv_bytes(df, headers={"county": "شهرستان", "budget": "بودجه"}))
    assert rows[0][:2] == ["شهرستان", "بودجه"]
    assert rows[1][0] == "اصفهان"
    assert read_csv(to_csv_bytes(frame()))[0][0] == "county"  # RangeIndex not written


@pytest.mark.parametrize("prefix", list(ATTACKS))
def test_csv_neutralises_each_prefix(prefix):
    df = pd.DataFrame({"text": [ATTACKS[prefix]], "n": [-7]})
    rows = read_csv(to_csv_bytes(df))
    assert rows[1][0] == "'" + ATTACKS[prefix]
    assert rows[1][1] == "-7"  # a real negative number stays a number


def test_csv_neutralises_headers_and_keeps_negative_numbers():
    df = pd.DataFrame({"=cmd": ["a"], "value": [-1.5]})
    rows = read_csv(to_csv_bytes(df))
    assert rows[0][0] == "'=cmd" and rows[1][1] == "-1.5"


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("prefix", list(ATTACKS))
def test_excel_neutralises_each_prefix(prefix):
    df = pd.DataFrame({"text": [ATTACKS[prefix]], "n": [-7], "x": [-0.5]})
    ws = load(to_excel_bytes(df, "fa")).active
    cell = ws["A2"]
    assert cell.data_type != "f" and cell.data_type == "s"
    assert cell.value == "'" + ATTACKS[prefix]
    assert ws["B2"].value == -7 and ws["B2"].data_type == "n"
    assert ws["C2"].value == -0.5 and ws["C2"].data_type == "n"


def test_excel_no_formula_anywhere():
    df = frame()
    df.columns = ["=A1", "@b", "+c", "-d", "e"]
    ws = load(to_excel_bytes(df, "fa")).active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    assert ws["A1"].value == "'=A1"


def test_excel_sheet_rtl_headers_formats_and_dates():
    headers = {"county": "شهرستان", "budget": "بودجه (میلیارد ریال)", "share": "سهم",
               "date": "تاریخ", "note": "یادداشت"}
    wb = load(to_excel_bytes(frame(), "fa", headers=headers))
    ws = wb.active
    assert ws.sheet_view.rightToLeft is True
    assert [c.value for c in ws[1]] == list(headers.values())
    assert ws["A1"].font.b
    assert ws.freeze_panes == "A2"
    assert ws["B2"].value == 125000 and ws["B2"].number_format == "#,##0"
    assert ws["B4"].value == -3500 and ws["B4"].data_type == "n"
    # decimals as measured (issue 16: 0.537 showed as 0.5)
    assert ws["C2"].value == pytest.approx(0.612) and ws["C2"].number_format == "0.000"
    assert ws["D2"].value == "1404/08/28" and ws["D2"].data_type == "s"
    assert ws["D2"].number_format == "@"
    assert ws["D4"].value is None
    assert ws["E2"].value == "'=1+2" and ws["E3"].value == "'-عدد"
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["B"] >= len("بودجه (میلیارد ریال)") and all(8 <= w <= 60 for w in widths.values())


def test_excel_english_is_ltr_and_multi_sheet():
    data = to_excel_bytes({"Counties": frame(), "Summary/1": frame().head(1)}, "en")
    wb = load(data)
    assert wb.sheetnames == ["Counties", "Summary 1"]
    assert not wb["Counties"].sheet_view.rightToLeft


def test_excel_dates_become_jalali_text():
    df = pd.DataFrame({"when": pd.to_datetime(["2025-11-19", "2026-03-21"]),
                       "d": [dt.date(2025, 3, 21), dt.date(2025, 3, 20)]})
    ws = load(to_excel_bytes(df, "fa")).active
    assert ws["A2"].value == "1404/08/28" and ws["A2"].data_type == "s"
    assert ws["A3"].value == "1405/01/01"
    assert ws["B2"].value == "1404/01/01" and ws["B3"].value == "1403/12/30"
    assert ws["A2"].number_format == "@"


def test_large_decimals_get_thousands_format():
    df = pd.DataFrame({"x": [1234.5, 99999.25]})
    ws = load(to_excel_bytes(df, "fa")).active
    assert ws["A2"].number_format == "#,##0.0"
