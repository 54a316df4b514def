"""Tables for download: CSV (UTF-8 with BOM) and Excel (openpyxl), safe against formula
injection.

* A text cell that begins with ``=``, ``+``, ``-``, ``@``, TAB, CR or LF — also after
  leading blanks or invisible characters, and in full-width forms (``＝`` …) — gets a
  leading apostrophe (OWASP "CSV injection" guidance), in CSV and in Excel, headers
  included.
  Real numbers are never touched (``-12.5`` stays a number) and neither are texts that
  are a plain number (``"-12.5"``, ``"+98"``): a spreadsheet reads them as numbers,
  not as formulas.
* Excel: the sheet runs right-to-left for ``fa``, the header row is bold and frozen,
  integers get ``#,##0``, decimals ``0.0`` (``#,##0.0`` from 1,000 up), Jalali dates
  are TEXT cells (``@``; dates and timestamps are written as Jalali ``YYYY/MM/DD``),
  column widths follow the content.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.jalali import format_jalali_iso
from i18n import t

__all__ = ["FORMULA_PREFIXES", "neutralise", "to_csv_bytes", "to_excel_bytes"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
_WIDE_PREFIXES = ("\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63",
                  "\ufe6b", "\u2212")
_LEADING_BLANKS = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
    "\u200a\u200b\u200c\u200d\u200e\u200f\u202f\u205f\u2060\u3000\ufeff\u061c"
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_JALALI_TEXT = re.compile(r"^\s*[0-9۰-۹]{4}\s*[/\-.]\s*[0-9۰-۹]{1,2}\s*[/\-.]\s*[0-9۰-۹]{1,2}\s*$")
_FONT = "Vazirmatn"
_MAX_WIDTH = 60
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def neutralise(value: object) -> object:
    """``'=1+2'`` → ``"'=1+2"``; numbers, plain-number texts and other texts unchanged.

    A formula prefix counts after leading blanks and invisible characters too (spreadsheets
    skip them: ``" =1+2"``, ``"\n=HYPERLINK(…)"``, ``"\u200b@SUM(…)"``), and in its
    full-width and small forms (``＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫``, which some spreadsheets read as the
    ASCII ones); a text that starts with a tab, CR or LF is neutralised whatever follows."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r\n":
        return "'" + value
    stripped = value.lstrip(_LEADING_BLANKS)
    if stripped.startswith(FORMULA_PREFIXES + _WIDE_PREFIXES) and \
            not _PLAIN_NUMBER.match(stripped):
        return "'" + value
    return value


def _prepare(df: pd.DataFrame, headers: Mapping[str, str] | None,
             index: bool | None) -> pd.DataFrame:
    """Rename headers, bring a meaningful index in as columns, stringify column labels."""
    if index is None:
        index = not isinstance(df.index, pd.RangeIndex) or df.index.name is not None
    frame = df.reset_index() if index else df.copy()
    if headers:
        frame = frame.rename(columns=dict(headers))
    frame.columns = [str(c) for c in frame.columns]
    return frame


def _text_columns(frame: pd.DataFrame) -> Iterable[str]:
    for col in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[col]) or pd.api.types.is_bool_dtype(
            frame[col]
        ):
            yield col


def to_csv_bytes(df: pd.DataFrame, headers: Mapping[str, str] | None = None,
                 index: bool | None = None) -> bytes:
    """CSV as UTF-8 **with BOM** (so Excel opens Persian text correctly), CRLF line ends,
    formula injection neutralised; ``headers`` renames columns (e.g. to Persian)."""
    frame = _prepare(df, headers, index)
    for col in _text_columns(frame):
        frame[col] = frame[col].map(neutralise).astype(object)
    frame.columns = [neutralise(c) for c in frame.columns]
    text = frame.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


# ---------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cell_value(value: object) -> object:
    """A Python value openpyxl writes as the right cell type (never a formula)."""
    if _is_missing(value):
        return None
    if isinstance(value, (pd.Timestamp,)) or hasattr(value, "togregorian") or (
        hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day")
    ):
        return format_jalali_iso(value)  # a date → Jalali text
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    return neutralise(str(value))


def _number_format(series: pd.Series) -> str | None:
    """``#,##0`` for whole numbers; else decimals as measured: enough for three
    significant digits of the smallest non-zero value (0.537 → ``0.000``, 12.3 →
    ``0.0``), one to four, thousands separated from 1,000 up."""
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return None
    finite = pd.to_numeric(series, errors="coerce").dropna()
    finite = finite[finite.abs() != float("inf")]
    if pd.api.types.is_integer_dtype(series) or (len(finite) and (finite % 1 == 0).all()):
        return "#,##0"
    nonzero = finite[finite != 0].abs()
    smallest = float(nonzero.min()) if len(nonzero) else 1.0
    decimals = min(max(math.ceil(-math.log10(smallest)) + 2, 1), 4)
    grouped = len(finite) and finite.abs().max() >= 1000
    return ("#,##0." if grouped else "0.") + "0" * decimals


def _is_date_column(series: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    values = series.dropna()
    if values.empty:
        return False
    sample = values.head(200)
    return all(
        (isinstance(v, str) and bool(_JALALI_TEXT.match(v)))
        or hasattr(v, "togregorian") for v in sample
    )


def _display_width(value: object) -> int:
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _sheet_title(name: str, used: set[str]) -> str:
    title = _SHEET_NAME_BAD.sub(" ", str(name)).strip()[:31] or "Sheet"
    base, n = title, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _write_sheet(ws, frame: pd.DataFrame, lang: str,
                 number_formats: Mapping[str, str] | None) -> None:
    rtl = lang == "fa"
    ws.sheet_view.rightToLeft = rtl
    header_font = Font(name=_FONT, bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="0F766E")
    body_font = Font(name=_FONT)
    align = Alignment(horizontal="right" if rtl else "left", vertical="center",
                      readingOrder=2 if rtl else 1)
    widths: list[int] = []
    for c, col in enumerate(frame.columns, start=1):
        cell = ws.cell(row=1, column=c, value=neutralise(str(col)))
        cell.data_type = "s"
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True,
                                   readingOrder=2 if rtl else 1)
        series = frame[col]
        is_date = _is_date_column(series)
        fmt = (number_formats or {}).get(col) or ("@" if is_date else _number_format(series))
        width = _display_width(col)
        for r, value in enumerate(series.tolist(), start=2):
            value = _cell_value(value)
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never "f", whatever the text
                cell.alignment = align
            cell.font = body_font
            if fmt:
                cell.number_format = fmt
            width = max(width, _display_width(value) + (3 if fmt and "," in fmt else 0))
        widths.append(width)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), _MAX_WIDTH)
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(len(frame), 1) + 1}"


def to_excel_bytes(data: pd.DataFrame | Mapping[str, pd.DataFrame], lang: str = "fa",
                   headers: Mapping[str, str] | None = None, index: bool | None = None,
                   number_formats: Mapping[str, str] | None = None) -> bytes:
    """An .xlsx workbook: one sheet per frame (``{sheet name: DataFrame}``) or one sheet.

    ``headers`` renames columns (the caller passes the Persian headers; unknown columns
    keep their names); ``number_formats`` overrides the format of a (renamed) column;
    ``index=None`` keeps a named or non-default index as the first column.
    """
    sheets = dict(data) if isinstance(data, Mapping) else {t("export.sheet", lang): data}
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for name, df in sheets.items():
        ws = wb.create_sheet(_sheet_title(name, used))
        _write_sheet(ws, _prepare(df, headers, index), lang, number_formats)
    if not sheets:
        wb.create_sheet(t("export.sheet", lang))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_printable_excel_bytes(frames: Mapping[str, pd.DataFrame], lang: str = "fa") -> bytes:
    """:func:`to_excel_bytes` set up for printing (the governor's and the MP's lists): every
    sheet landscape A4, one page wide, the header row repeated on each page."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(to_excel_bytes(frames, lang)))
    for ws in book.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = "1:1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
