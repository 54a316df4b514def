"""Pre-filled county workbooks for a follow-up round (one .xlsx per county, or a zip).

Each workbook, for one county and the store's current dataset passed in:

* the projects sheet — right-to-left, the import's Persian headers
  (:func:`store.headers.label`), one row per project of the county with its current values
  (enumerated cells as their Persian labels, yes/no as «بله»/«خیر», Jalali dates as text);
* the id, county and sample columns locked (sheet protection without a password; every
  other cell of the projects' rows unlocked);
* drop-down lists (``DataValidation``) for status, sector, funding source and the sample
  mark, from a hidden lists sheet; percentages checked 0–100; Jalali date cells checked
  for the ``YYYY/MM/DD`` form (a warning: the import reads Persian digits too);
* an instructions sheet in Persian;
* the stamp — a very hidden sheet (:data:`store.rounds.STAMP_SHEET`) naming the round, its
  due date and the county — so an import knows which round and county a return is for.

The import skips the hidden sheets and the instructions sheet: a workbook returned
unchanged imports with zero changes.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable

import pandas as pd

from core.counties import county_names
from core.jalali import format_jalali_fa
from core.schema import PROJECTS
from i18n import localise_digits, t
from store.headers import EXTRA_SYNONYMS, label
from store.rounds import STAMP_KIND, STAMP_SHEET, Round
from store.templates import allowed_labels

__all__ = ["county_workbook", "county_workbooks", "workbooks_zip", "workbook_name",
           "LOCKED_COLUMNS", "LIST_COLUMNS"]

#: Columns the governor's office may not change (the office's own keys and provenance).
LOCKED_COLUMNS = ("project_id", "county_code", "is_sample")
#: Columns with a drop-down list.
LIST_COLUMNS = ("sector", "status", "funding_source", "is_sample")
_EXTRAS = ("notes",)  # extra columns of the store offered in the workbook
_PERCENT = ("physical_progress_pct", "financial_progress_pct")
_STEPS = ("rounds.workbook.step1", "rounds.workbook.step2", "rounds.workbook.step3",
          "rounds.workbook.step4", "rounds.workbook.step5", "rounds.workbook.step6")


def _cell_value(col, value, labels: dict[str, str], lang: str):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if col is None:  # an extra column: text
        text = str(value)
        return text or None
    if col.kind == "bool":
        return t("store.dict.yes" if bool(value) else "store.dict.no", lang)
    if col.kind == "enum":
        return labels.get(str(value), str(value))
    if col.kind == "int":
        return int(value)
    if col.kind == "float":
        number = float(value)
        return int(number) if number.is_integer() else number
    text = str(value)
    return text or None


def workbook_name(county_name: str, round_: Round | None) -> str:
    """A file name such as ``لنجان - دور پاییز.xlsx`` (no path separators)."""
    parts = [county_name] + ([round_.name] if round_ is not None else [])
    return re.sub(r'[\\/:*?"<>|]+', "-", " - ".join(parts)) + ".xlsx"


def county_workbook(projects: pd.DataFrame, counties: pd.DataFrame, county_code: str,
                    round_: Round | None = None, lang: str = "fa") -> bytes:
    """The pre-filled workbook of one county (see module docstring)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    rtl = lang == "fa"
    names = counties.set_index("code")
    county_name = str(names.loc[county_code, "name_fa" if rtl else "name_en"])
    rows = projects[projects["county_code"] == county_code].sort_values("project_id",
                                                                        kind="stable")
    columns = [(c.name, c) for c in PROJECTS.columns]
    columns += [(e, None) for e in _EXTRAS if e in projects.columns]

    workbook = Workbook()
    ws = workbook.active
    ws.title = t("store.kind.projects", lang)
    ws.sheet_view.rightToLeft = rtl
    lists = workbook.create_sheet(t("store.template.lists", lang))
    lists.sheet_state = "hidden"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    locked_fill = PatternFill("solid", fgColor="EDEDED")
    last = max(len(rows) + 1, 2)
    list_col = 0
    for i, (name, col) in enumerate(columns, start=1):
        letter = get_column_letter(i)
        header = label("projects", name, lang) if col is not None else (
            EXTRA_SYNONYMS[name][0] if rtl else name)
        cell = ws.cell(row=1, column=i, value=header)
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = max(14, len(header) + 4)
        labels = dict(zip(col.allowed, allowed_labels(col, lang), strict=True)) \
            if col is not None and col.kind == "enum" else {}
        locked = name in LOCKED_COLUMNS
        for r, value in enumerate(rows[name].tolist() if name in rows.columns else
                                  [None] * len(rows), start=2):
            if name == "county_code":
                value = county_name
            target = ws.cell(row=r, column=i, value=_cell_value(col, value, labels, lang))
            if isinstance(target.value, str):
                target.data_type = "s"  # a text, never a formula (=…, +cmd|…), whatever it says
            if col is None or col.kind in ("jalali", "text", "code"):
                target.number_format = "@"
            if locked:
                target.fill = locked_fill
            else:
                target.protection = Protection(locked=False)
        if col is not None and name in LIST_COLUMNS:
            values = allowed_labels(col, lang)
            list_col += 1
            list_letter = get_column_letter(list_col)
            lists.cell(row=1, column=list_col, value=name)
            for j, value in enumerate(values, start=2):
                lists.cell(row=j, column=list_col, value=value)
            rule = DataValidation(
                type="list", allow_blank=True, showErrorMessage=True,
                formula1=f"={quote_sheetname(lists.title)}!${list_letter}$2:"
                         f"${list_letter}${len(values) + 1}",
                errorTitle=header, error=t("rounds.workbook.list_error", lang))
            rule.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(rule)
        elif col is not None and col.kind == "jalali":
            first = f"{letter}2"
            formula = (f'OR({first}="",AND(LEN({first})=10,MID({first},5,1)="/",'
                       f'MID({first},8,1)="/",ISNUMBER(--LEFT({first},4)),'
                       f'ISNUMBER(--MID({first},6,2)),ISNUMBER(--RIGHT({first},2))))')
            rule = DataValidation(type="custom", formula1=formula, allow_blank=True,
                                  showErrorMessage=True, errorStyle="warning",
                                  errorTitle=header, error=t("rounds.workbook.date_error", lang),
                                  showInputMessage=True, promptTitle=header,
                                  prompt=t("rounds.workbook.date_prompt", lang))
            rule.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(rule)
        elif name in _PERCENT:
            rule = DataValidation(type="decimal", operator="between", formula1="0",
                                  formula2="100", allow_blank=True, showErrorMessage=True,
                                  errorTitle=header, error=t("rounds.workbook.pct_error", lang))
            rule.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "C2"
    ws.row_dimensions[1].height = 32
    ws.protection.sheet = True  # locked cells stay locked; no password (not a secret)
    ws.protection.formatColumns = False  # widths may be changed
    ws.protection.sort = False
    ws.protection.autoFilter = False

    # the instructions
    guide = workbook.create_sheet(t("rounds.workbook.instructions", lang), 1)
    guide.sheet_view.rightToLeft = rtl
    due = round_.due_jalali if round_ is not None else ""
    due_text = localise_digits(format_jalali_fa(due), lang) if due and rtl else (due or "—")
    lines = [
        (t("rounds.workbook.title", lang), True),
        (t("rounds.workbook.round", lang, name=round_.name if round_ else "—"), False),
        (t("rounds.workbook.due", lang, due=due_text), False),
        (t("rounds.workbook.county", lang, county=county_name), False),
        ("", False),
        *[(t(key, lang, due=due_text), False) for key in _STEPS],
    ]
    for r, (text, strong) in enumerate(lines, start=1):
        cell = guide.cell(row=r, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if strong:
            cell.font = Font(bold=True, size=13)
    guide.column_dimensions["A"].width = 110

    # the stamp
    stamp = workbook.create_sheet(STAMP_SHEET)
    stamp.sheet_state = "veryHidden"
    for key, value in (("kind", STAMP_KIND), ("round", round_.name if round_ else ""),
                       ("round_id", round_.id if round_ else ""), ("due", due),
                       ("county_code", county_code), ("county", county_name)):
        stamp.append([key, value if value != "" else None])
    workbook.properties.title = " — ".join(
        [t("rounds.workbook.title", lang), county_name] + ([round_.name] if round_ else []))
    workbook.properties.keywords = STAMP_KIND
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def county_workbooks(projects: pd.DataFrame, counties: pd.DataFrame,
                     round_: Round | None = None, county_codes: Iterable[str] | None = None,
                     lang: str = "fa") -> dict[str, bytes]:
    """File name → workbook, one per county (all counties of ``counties`` by default)."""
    codes = list(county_codes) if county_codes is not None else list(counties["code"])
    names = county_names(counties, lang)
    return {workbook_name(str(names[c]), round_): county_workbook(projects, counties, c,
                                                                  round_, lang)
            for c in codes}


def workbooks_zip(projects: pd.DataFrame, counties: pd.DataFrame, round_: Round | None = None,
                  county_codes: Iterable[str] | None = None, lang: str = "fa") -> bytes:
    """The county workbooks in one zip (the Data page's download)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in county_workbooks(projects, counties, round_, county_codes,
                                           lang).items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.flag_bits |= 0x800  # UTF-8 file names (Persian)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()
