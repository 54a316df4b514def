"""Read an uploaded table file into raw sheets — tolerant of what people really send.

The file type is decided by CONTENT, never by the extension:

* a zip with ``[Content_Types].xml`` → Excel workbook (openpyxl, read-only streaming;
  merged ranges are filled with their top-left value);
* another zip → ``zip_not_xlsx``; an OLE2 file (old ``.xls``, encrypted ``.xlsx``) →
  ``legacy_excel``; other binary content → ``binary_file``;
* anything else is CSV text: UTF-8 (with or without BOM), UTF-16 (BOM, or detected from
  its zero bytes), else Windows-1256; the delimiter (``,`` ``;`` tab ``|``) is guessed
  from the first lines.

The header row is the first of the first 20 non-empty rows whose non-empty cells are
at least 60 % known headers (:mod:`store.headers`), so a title block above it
is skipped.  Row numbers are the ones the user sees (Excel row / CSV line).  Cells come
out as text; formulas are reported (``formula_cell``) and never evaluated; Excel date
cells become ISO Gregorian text (the import then flags them as ``gregorian_date``); a
cell formatted as a percentage (0.4 shown as 40 %) is read as 40.

The app's own downloads read back as data (:func:`_app_conventions`): the marks it adds
to cells (⚠ ✱ ⌛ ▣ †) are stripped from enumerated cells, its ✱ column is the sample
flag, its display-only columns (⌛, provenance, the source link) are left out.  A file
without a sample column is reported data (``is_sample`` false).

File-level problems raise :class:`~analytics.validation.DataValidationError`.
"""

from __future__ import annotations

import codecs
import copy
import csv
import datetime as _dt
import io
import os
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.utils import get_column_letter, range_boundaries

from analytics.validation import DataValidationError, Problem, enum_value
from core.marks import APP_MARKS, SAMPLE_MARK
from core.text import clean_cell, normalise_text
from store.headers import (
    KIND_SCHEMAS,
    canonical_header,
    detect_kind,
    header_key,
    is_app_derived,
    label,
)
from store.limits import (
    HEADER_MIN_SHARE,
    HEADER_SEARCH_ROWS,
    MAX_CSV_FIELD_CHARS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_XLSX_CELL_ELEMENTS,
    MAX_XLSX_ROW_ELEMENTS,
)

__all__ = ["RawSheet", "read_table_file", "read_input", "sniff_type", "decode_text",
           "DICTIONARY_SHEETS"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
if csv.field_size_limit() < MAX_CSV_FIELD_CHARS:  # process-wide; only ever raised
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
_MAX_MERGE_FILL = 2_000_000
_INFLATE_STEP = 1 << 20  # bytes inflated at a time by the unzipped-size check
# sheets of our own template that hold no data
DICTIONARY_SHEETS = {normalise_text(s).casefold() for s in
                     ("راهنمای ستون‌ها", "Data dictionary", "فهرست‌ها", "Lists")}


@dataclass
class RawSheet:
    """One sheet (or the CSV) as text cells below its header row.

    ``frame``: one column per header, named by the schema column it was recognised as
    (else the header text); cells are ``str`` ("" when empty).  A sheet without a sample
    column gets an implied ``is_sample`` column (no letter: it is not in the file; see
    :func:`_app_conventions`); the app's own display columns are left out.  ``row_numbers``: row as
    the user sees it, per frame index.  ``headers``/``letters``: frame column → header
    text / Excel column letter.  ``flagged``: (row, column) cells already reported.
    """

    name: str | None
    frame: pd.DataFrame
    row_numbers: pd.Series
    header_row: int | None
    headers: dict[str, str] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    flagged: set[tuple[int, str]] = field(default_factory=set)
    dialect: str = "point"  # decimal separator of typed numbers (core.numbers)

    def cell(self, row: int | None, column: str) -> str:
        letter = self.letters.get(column)
        return f"{letter}{row}" if letter and row is not None else ""


# --- input ---------------------------------------------------------------------------------

def _too_large(file: str, size: int) -> DataValidationError:
    return _file_problem(file, "file_too_large", value=f"{size:,} B",
                         size=f"{size / 1024 / 1024:.1f}",
                         limit=f"{MAX_FILE_BYTES // 1024 // 1024}")


def read_input(source, file_name: str) -> bytes:
    """The bytes of ``source`` (bytes, a path, or a file-like object such as an upload),
    refusing anything over the size limit before reading it."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif hasattr(source, "read"):
        size = getattr(source, "size", None)
        if isinstance(size, int) and size > MAX_FILE_BYTES:
            raise _too_large(file_name, size)
        data = source.read(MAX_FILE_BYTES + 1)
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        path = Path(os.fspath(source))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(file_name, size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(file_name, len(data))
    return data


def _file_problem(file: str, rule: str, *, value: str = "", **params) -> DataValidationError:
    """The whole file refused by ``rule`` (no row or column), ``value`` what was found."""
    return DataValidationError(file, [Problem(file, None, "—", value, rule, params)])


def sniff_type(data: bytes) -> str:
    """``xlsx``, ``zip``, ``ole2``, ``binary`` or ``text`` — from the content."""
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "binary"
        return "xlsx" if "[Content_Types].xml" in names else "zip"
    if data[:8] == _OLE2:
        return "ole2"
    return "text"


def decode_text(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) or ``None`` for binary content (see module docstring)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text.lstrip("\ufeff"), encoding
    head = data[:4096]
    if b"\x00" in head:  # UTF-16 without a BOM, a text with a few NUL bytes, or binary
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            sample = text[:2000]
            if sample and "\x00" not in text and \
                    sum(map(_plausible, sample)) / len(sample) >= 0.95:
                return text, encoding
        # a UTF-8 text with stray NUL bytes: read, and each NUL is reported with its row
        # and column by the cell check (core.text.clean_cell), not as a "binary" file
        if data.count(b"\x00") <= max(16, len(data) // 1000):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                return None
            sample = text[:4096]
            if sum(map(_plausible, sample)) / len(sample) >= 0.95:
                return text, "utf-8"
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\r\n\t")
    return (None if controls > 8 else text), "cp1256"


def _plausible(char: str) -> bool:
    """A character of a Persian/English table (for telling UTF-16 from binary)."""
    code = ord(char)
    return (32 <= code < 127 or char in "\r\n\t\x00" or 0x0600 <= code <= 0x06FF
            or 0x200C <= code <= 0x200F or 0xFB50 <= code <= 0xFEFF or code in (0xAB, 0xBB))


# --- cells → sheets ------------------------------------------------------------------------

# a cell is (text, is_formula)
Cell = tuple[str, bool]


def _header_row(rows: list[tuple[int, dict[int, Cell]]], kind: str | None) -> int | None:
    for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [text for text, _ in cells.values() if normalise_text(text)]
        if len(texts) < 2:
            continue
        known = {canonical_header(t, kind) for t in texts} - {None}
        hits = sum(1 for t in texts if canonical_header(t, kind))
        if len(known) >= 2 and hits / len(texts) >= HEADER_MIN_SHARE:
            return i
    return None


def _known_headers(kind: str | None) -> dict[str, str]:
    kinds = [kind] if kind else list(KIND_SCHEMAS)
    out = {}
    for lang, sep in (("fa", "، "), ("en", ", ")):
        names = [label(k, c.name, lang) for k in kinds for c in KIND_SCHEMAS[k].columns
                 if c.required]
        out[f"known_{lang}"] = sep.join(dict.fromkeys(names))
    return out


def _build_sheet(file: str, name: str | None, rows: list[tuple[int, dict[int, Cell]]],
                 kind: str | None) -> RawSheet | None:
    """Header detection, column naming and the frame of one sheet (``None`` if empty)."""
    rows = [(n, cells) for n, cells in rows if cells]  # cells hold non-blank text only
    if not rows:
        return None
    index = _header_row(rows, kind)
    if index is None:
        sheet = RawSheet(name, pd.DataFrame(), pd.Series(dtype="int64"), None)
        sheet.problems.append(Problem(file, None, "—", "", "header_not_found",
                                      _known_headers(kind), name))
        return sheet
    header_no, header_cells = rows[index]
    data = rows[index + 1:]
    if len(data) > MAX_ROWS:
        raise DataValidationError(file, [Problem(file, None, "—", f"{len(data):,}",
                                                 "too_many_rows", {"limit": f"{MAX_ROWS:,}"},
                                                 name)])
    data_columns = {c for _, cells in data for c in cells}
    width = max([*header_cells, *data_columns])
    texts = {c: normalise_text(header_cells[c][0]) if c in header_cells else ""
             for c in range(1, width + 1)}
    if kind is None:
        kind = detect_kind([t for t in texts.values() if t])
    sheet = RawSheet(name, pd.DataFrame(), pd.Series(dtype="int64"), header_no, kind=kind)
    used: dict[str, str] = {}
    columns: dict[int, str] = {}
    derived = False
    for c in range(1, width + 1):
        text = texts[c]
        letter = get_column_letter(c)
        has_data = c in data_columns
        if not text and not has_data:
            continue
        if text and is_app_derived(text):  # the app's own display column: nothing to import
            derived = True
            continue
        canonical = canonical_header(text, kind) if text else None
        duplicate = bool(canonical and canonical in used)
        if duplicate:
            sheet.problems.append(Problem(file, header_no, text or letter, text,
                                          "duplicate_column", {"other": used[canonical],
                                                               "cell": f"{letter}{header_no}"},
                                          name))
            canonical = None
        if canonical:
            used[canonical] = text
            key = canonical
        else:
            key = f"{text or '—'} [{letter}]"
            if (has_data or text) and not duplicate:
                sheet.warnings.append(Problem(file, header_no, text or letter, text,
                                              "unknown_column", {"cell": f"{letter}{header_no}"},
                                              name))
        columns[c] = key
        sheet.headers[key] = text or letter
        sheet.letters[key] = letter
    if derived or header_key(sheet.headers.get("is_sample", "")) == SAMPLE_MARK:
        # the app's Projects download: its «منبع» column is the first link of the source,
        # not the source itself — left out, so the project keeps its source
        for c, key in list(columns.items()):
            if key == "source":
                del columns[c], sheet.headers[key], sheet.letters[key]
    values: dict[str, list[str]] = {key: [] for key in columns.values()}
    numbers: list[int] = []
    for row_no, cells in data:
        numbers.append(row_no)
        for c, key in columns.items():
            text, formula = cells.get(c, ("", False))
            cleaned = clean_cell(text)  # the one cleaner: refused characters, invisible ones
            values[key].append(cleaned.text)
            if cleaned.rule is not None:
                sheet.flagged.add((row_no, key))
                sheet.problems.append(Problem(file, row_no, sheet.headers[key],
                                              _visible(text), cleaned.rule,
                                              {"char": cleaned.char,
                                               "cell": f"{sheet.letters[key]}{row_no}"}, name))
                continue
            if formula or text.lstrip().startswith("="):
                sheet.flagged.add((row_no, key))
                sheet.problems.append(Problem(file, row_no, sheet.headers[key], text,
                                              "formula_cell",
                                              {"cell": f"{sheet.letters[key]}{row_no}"}, name))
    sheet.frame = pd.DataFrame(values, columns=list(values), dtype=object)
    sheet.row_numbers = pd.Series(numbers, index=sheet.frame.index, dtype="int64")
    if kind in KIND_SCHEMAS:
        _app_conventions(sheet, kind)
    return sheet


def _visible(text: str, limit: int = 40) -> str:
    """A refused cell as it can be shown: control characters as ``\\xNN``/``U+…``
    escapes, shortened to ``limit`` characters."""
    shown = "".join(c if c.isprintable() or c in " \u200c" else f"[U+{ord(c):04X}]"
                    for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


#: Marks the app adds to its own table cells (⚠ overdue, ✱ sample, ⌛ no follow-up,
#: ▣ value of a larger unit, † weighted): stripped from enumerated and yes/no cells.
_SAMPLE_QUALITIES = {"sample", "estimate", "group"}


def _strip_marks(text: str) -> str:
    stripped = text.strip().strip(APP_MARKS + "\ufe0f \u200c").strip()
    return stripped if stripped != text.strip() else text


def _app_conventions(sheet: RawSheet, kind: str) -> None:
    """What the app's own downloads write, read back as data; and ``is_sample`` optional.

    * enumerated cells lose the app's marks («در حال اجرا ⚠» → «در حال اجرا»);
    * a column headed ✱ (the sample mark) is ``is_sample``: ✱ → yes, blank → no;
    * no ``is_sample`` column at all: the file is reported data (``false``); for
      indicators, a sample/estimate/group ``quality`` still says sample.
    """
    schema = KIND_SCHEMAS[kind]
    frame = sheet.frame
    for col in schema.columns:
        if col.kind == "enum" and col.name in frame.columns:
            frame[col.name] = frame[col.name].map(_strip_marks)
    if "is_sample" in frame.columns:
        if header_key(sheet.headers.get("is_sample", "")) == SAMPLE_MARK:
            frame["is_sample"] = frame["is_sample"].map(
                lambda v: "true" if v.strip() == SAMPLE_MARK else ("false" if not v.strip()
                                                                   else v))
        return
    if kind == "indicators" and "quality" in frame.columns:
        quality = schema.column("quality")
        frame["is_sample"] = frame["quality"].map(
            lambda v: "true" if enum_value(quality, v) in _SAMPLE_QUALITIES else "false")
    else:
        frame["is_sample"] = "false"
    sheet.headers["is_sample"] = label(kind, "is_sample", "fa")


# --- CSV -----------------------------------------------------------------------------------

def _csv_rows(file: str, text: str, delimiter: str,
              limit: int | None = None) -> list[tuple[int, dict[int, Cell]]]:
    """Non-empty records as (first line number, {column: cell})."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, dict[int, Cell]]] = []
    start = 1
    last: tuple[int, list[str]] | None = None  # (first line, fields) of the last record
    try:
        for record in reader:
            last = (start, record)
            if limit is not None and len(rows) >= limit:
                break
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise DataValidationError(file, [Problem(file, None, "—", "", "too_many_rows",
                                                         {"limit": f"{MAX_ROWS:,}"})])
            cells = {i + 1: (v, False) for i, v in enumerate(record) if v.strip()}
            if cells:
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as err:
        raise _file_problem(file, "unreadable_file", detail=f"line {reader.line_num}: {err}")\
            from None
    if limit is None and last is not None and reader.line_num > last[0]:
        _unclosed_quote(file, text, delimiter, *last)
    return rows


def _unclosed_quote(file: str, text: str, delimiter: str, start: int,
                    record: list[str]) -> None:
    """Refuse, with one problem at its row, a file whose last record runs to the end of the
    text inside quotes (an opening ``"`` never closed swallows every later line into one
    cell: without this, each swallowed row's cells would be reported "required")."""
    lines = text.splitlines(keepends=True)
    tail = "".join(lines[start - 1:])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as err:
        if "unexpected end of data" not in str(err):
            return
        column = next((i for i, v in enumerate(record) if "\n" in v or "\r" in v),
                      len(record) - 1)
        raise DataValidationError(file, [Problem(
            file, start, get_column_letter(column + 1), _visible(record[column]),
            "unclosed_quote", {"lines": len(lines) - start + 1,
                               "cell": f"{get_column_letter(column + 1)}{start}"})]) from None


def _delimiter(file: str, text: str, kind: str | None) -> str:
    """The delimiter under which the header row names the most known columns (then: the
    most rows of equal width, the widest rows); a comma when no header is found."""
    sample = text[:50_000]
    best: tuple[tuple, str] | None = None
    for candidate in (",", ";", "\t", "|"):
        try:
            rows = _csv_rows(file, sample, candidate, limit=HEADER_SEARCH_ROWS + 5)
        except DataValidationError:
            continue
        index = _header_row(rows, kind)
        known = 0 if index is None else len(
            {canonical_header(v[0], kind) for v in rows[index][1].values()} - {None})
        widths = [len(cells) for _, cells in rows]
        score = (known, max(Counter(widths).values(), default=0), max(widths, default=0))
        if best is None or score > best[0]:
            best = (score, candidate)
    return best[1] if best and best[0][0] else ","  # no header anywhere: the usual comma


# --- Excel ---------------------------------------------------------------------------------

def _percent_styles(workbook) -> set[int]:
    out = set()
    custom = list(getattr(workbook, "_number_formats", []))
    for idx, style in enumerate(getattr(workbook, "_cell_styles", [])):
        fmt_id = style.numFmtId
        fmt = BUILTIN_FORMATS.get(fmt_id) if fmt_id < 164 else (
            custom[fmt_id - 164] if fmt_id - 164 < len(custom) else "")
        if fmt and "%" in fmt.replace('"%"', ""):
            out.add(idx)
    return out


def _number_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def _excel_cell(cell: dict, percent: set[int]) -> Cell | None:
    value, kind = cell["value"], cell["data_type"]
    if value is None:
        return None
    if kind == "f":
        return (str(getattr(value, "text", value)), True)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return (value.date().isoformat(), False)
        return (value.isoformat(sep=" "), False)
    if isinstance(value, _dt.date):
        return (value.isoformat(), False)
    if isinstance(value, int | float) and not isinstance(value, bool) and \
            cell.get("style_id") in percent:
        return (_number_text(round(value * 100, 10)), False)
    return (_number_text(value), False)


def _zip_too_large(file: str, size: int | None = None) -> DataValidationError:
    limit = MAX_UNZIPPED_BYTES // 1024 // 1024
    value = f"{size / 1024 / 1024:,.0f} MB" if size is not None else f"> {limit} MB"
    return _file_problem(file, "zip_too_large", value=value, limit=f"{limit}")


def _check_unzipped_size(file: str, data: bytes) -> None:
    """Refuse a workbook that inflates beyond :data:`MAX_UNZIPPED_BYTES` (a zip bomb).

    The sizes the zip declares are checked first (cheap); then every entry is really
    inflated, in 1 MB steps and without keeping the output, counting what comes out —
    a hand-made zip can declare small sizes for entries that inflate to gigabytes, and
    Python's ``zipfile`` would decompress up to 1 GB at once for each such entry before
    noticing.  Only stored and deflated entries (what Excel writes) are accepted:
    bzip2/LZMA streams cannot be inflated in bounded steps.  While the sheets inflate,
    their ``<row>`` and ``<c>`` elements are counted: more than
    :data:`MAX_XLSX_ROW_ELEMENTS` / :data:`MAX_XLSX_CELL_ELEMENTS` is refused before
    openpyxl parses anything (millions of empty ``<row/>`` compress to almost nothing)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        declared = sum(i.file_size for i in infos)
        if declared > MAX_UNZIPPED_BYTES:
            raise _zip_too_large(file, declared)
        total = rows = cells = carry_rows = carry_cells = 0
        for info in infos:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _file_problem(file, "unreadable_file",
                                    detail=f"{info.filename}: compression method "
                                           f"{info.compress_type} is not supported")
            # read past the declared size: up to the remaining budget and one more step
            # (so the read that crosses the limit never reaches the size's end, where
            # zipfile would check the CRC of the truncated data instead)
            probe = copy.copy(info)
            probe.file_size = MAX_UNZIPPED_BYTES - total + 2 * _INFLATE_STEP
            sheet_xml = info.filename.startswith("xl/worksheets/")
            try:
                with archive.open(probe) as entry:
                    carry = b""
                    while chunk := entry.read(_INFLATE_STEP):
                        total += len(chunk)
                        if total > MAX_UNZIPPED_BYTES:
                            raise _zip_too_large(file)
                        if sheet_xml:  # elements counted across chunk boundaries
                            window = carry + chunk
                            rows += _count_elements(window, b"row") - carry_rows
                            cells += _count_elements(window, b"c") - carry_cells
                            carry = window[-8:]
                            carry_rows = _count_elements(carry, b"row")
                            carry_cells = _count_elements(carry, b"c")
                            if rows > MAX_XLSX_ROW_ELEMENTS or cells > MAX_XLSX_CELL_ELEMENTS:
                                raise _file_problem(
                                    file, "xlsx_too_many_elements",
                                    value=info.filename, part=info.filename,
                                    rows=f"{MAX_XLSX_ROW_ELEMENTS:,}",
                                    cells=f"{MAX_XLSX_CELL_ELEMENTS:,}")
                    carry_rows = carry_cells = 0
            except DataValidationError:
                raise
            except Exception as err:  # noqa: BLE001 - damaged/encrypted entries are reported
                raise _file_problem(file, "unreadable_file",
                                    detail=f"{type(err).__name__}: {str(err)[:200]}") from None


def _count_elements(xml: bytes, name: bytes) -> int:
    """How many ``<name`` start tags ``xml`` holds (``<row>``, ``<row …``, ``<row/>``, also
    with a namespace prefix such as ``<x:row``); C-speed ``bytes.count``."""
    count = 0
    for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
        count += xml.count(b"<" + name + end) + xml.count(b":" + name + end)
    return count


def _xlsx_sheets(file: str, data: bytes, kind: str | None) -> list[RawSheet | None]:
    from openpyxl import load_workbook

    _check_unzipped_size(file, data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                 keep_links=False)
    except Exception as err:  # noqa: BLE001 - any failure of a damaged workbook is reported
        raise _file_problem(file, "unreadable_file",
                            detail=f"{type(err).__name__}: {str(err)[:200]}") from None
    sheets: list[RawSheet | None] = []
    try:
        percent = _percent_styles(workbook)
        hidden = []
        for ws in workbook.worksheets:
            if normalise_text(ws.title).casefold() in DICTIONARY_SHEETS:
                continue
            if getattr(ws, "sheet_state", "visible") != "visible":
                hidden.append(ws)
                continue
            sheets.append(_read_ws(file, workbook, ws, percent, kind))
        if hidden and not any(s is not None and s.header_row is not None for s in sheets):
            # no visible sheet holds a table: is the data in a hidden one?  Say so.
            for ws in hidden:
                found = _read_ws(file, workbook, ws, percent, kind)
                if found is not None and found.header_row is not None and len(found.frame):
                    raise DataValidationError(file, [Problem(
                        file, None, "—", ws.title, "data_in_hidden_sheet",
                        {"state": ws.sheet_state, "name": ws.title}, ws.title)])
    except DataValidationError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged sheet is reported, never a crash
        raise _file_problem(file, "unreadable_file",
                            detail=f"{type(err).__name__}: {str(err)[:200]}") from None
    finally:
        workbook.close()
    return sheets


def _read_ws(file: str, workbook, ws, percent: set[int], kind: str | None) -> RawSheet | None:
    """One worksheet, streamed: its cells (merged ranges filled) → :func:`_build_sheet`."""
    from openpyxl.worksheet._reader import WorkSheetParser

    title = ws.title
    grid: dict[int, dict[int, Cell]] = {}
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=False,
                                 epoch=workbook.epoch,
                                 date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        for row_no, cells in parser.parse():
            row = {}
            for cell in cells:
                value = _excel_cell(cell, percent)
                if value is not None and value[0].strip():
                    row[cell["column"]] = value
            if row:
                grid[row_no] = row
                if len(grid) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise DataValidationError(file, [Problem(
                        file, None, "—", "", "too_many_rows",
                        {"limit": f"{MAX_ROWS:,}"}, title)])
        merged = parser.merged_cells
    refs = [m.ref for m in merged.mergeCell] if merged is not None else []
    if refs and grid:
        _fill_merged(grid, refs)
    sheet = _build_sheet(file, title, sorted(grid.items()), kind)
    if sheet is not None and sheet.header_row is not None and refs:
        _two_level_header(file, sheet, refs, grid)
    return sheet


def _two_level_header(file: str, sheet: RawSheet, refs: list[str],
                      grid: dict[int, dict[int, Cell]]) -> None:
    """A header of two rows made with merged cells (a group heading merged across the
    columns it covers, the other headings merged down over two rows): the row under the
    header is more headings, not data.  Reported once, with the merged cell, instead of
    a problem for each "value" of the second header row."""
    header = sheet.header_row
    below = grid.get(header + 1, {})
    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        down = min_row == header and max_row >= header + 1  # merged down through the header
        across = (min_row == max_row == header and max_col > min_col and
                  len({below.get(c, ("", False))[0] for c in range(min_col, max_col + 1)}
                      - {""}) >= 2)  # a group heading over sub-headings
        if down or across:
            sheet.problems = [Problem(file, header, "—", ref, "two_level_header",
                                      {"cell": ref, "next": header + 1}, sheet.name)]
            sheet.header_row = None
            sheet.frame = pd.DataFrame()
            sheet.row_numbers = pd.Series(dtype="int64")
            return


def _fill_merged(grid: dict[int, dict[int, Cell]], refs: list[str]) -> None:
    """Write each merged range's top-left value into the whole range (within used area)."""
    max_row = max(grid)
    max_col = max(max(r) for r in grid.values())
    budget = _MAX_MERGE_FILL
    for ref in refs:
        try:
            min_col, min_row, end_col, end_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        top = grid.get(min_row, {}).get(min_col)
        if top is None:
            continue
        for r in range(min_row, min(end_row, max_row) + 1):
            for c in range(min_col, min(end_col, max_col) + 1):
                budget -= 1
                if budget < 0:
                    return
                grid.setdefault(r, {}).setdefault(c, (top[0], top[1]))


# --- entry point ---------------------------------------------------------------------------

def read_table_file(source, file_name: str | None = None, *,
                    kind: str | None = None) -> list[RawSheet]:
    """Raw sheets of an uploaded file (``source``: bytes, path or file-like object).

    ``kind`` (``projects``/``indicators``) restricts the headers looked for; without it
    each sheet's kind is detected from its headers.  Sheets without data are left out;
    when no sheet has a header row the sheets carry ``header_not_found`` problems.
    Raises :class:`DataValidationError` for problems of the whole file.
    """
    file = file_name or (Path(os.fspath(source)).name if isinstance(source, str | Path)
                         else "upload")
    data = read_input(source, file)
    if not data.strip():
        raise _file_problem(file, "empty_file")
    found = sniff_type(data)
    if found == "zip":
        raise _file_problem(file, "zip_not_xlsx")
    if found == "ole2":
        raise _file_problem(file, "legacy_excel")
    if found == "binary":
        raise _file_problem(file, "binary_file")
    if found == "xlsx":
        sheets = _xlsx_sheets(file, data, kind)
    else:
        decoded = decode_text(data)
        if decoded is None or decoded[0] is None:
            raise _file_problem(file, "binary_file")
        text = decoded[0]
        delimiter = _delimiter(file, text, kind)
        sheets = [_build_sheet(file, None, _csv_rows(file, text, delimiter), kind)]
        for sheet in sheets:  # a semicolon CSV is what Excel writes where "," is decimal
            if sheet is not None:
                sheet.dialect = "comma" if delimiter == ";" else "point"
    sheets = [s for s in sheets if s is not None]
    if not sheets:
        raise _file_problem(file, "empty_file")
    with_header = [s for s in sheets if s.header_row is not None]
    return with_header or sheets
