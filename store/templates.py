"""Downloadable .xlsx templates with a data dictionary.

The first sheet has the column headers in the chosen language (required ones marked
``*``; the import accepts the headers with or without it), drop-down lists for the
enumerated columns, text format for ids and dates (so Excel keeps ``1404/08/28`` as
typed).  The second sheet is the data dictionary: column, field id, meaning, unit,
required, allowed values.  Persian sheets are right-to-left.  The import skips the
dictionary and the (hidden) lists sheet.
"""

from __future__ import annotations

import io

from core.schema import Column
from core.vocabulary import LABEL_PREFIX
from i18n import catalogue, t
from store.headers import KIND_SCHEMAS, label

__all__ = ["template_workbook", "column_unit", "allowed_labels"]
_UNITS = {"physical_progress_pct": "unit.percent", "financial_progress_pct": "unit.percent",
          "budget_billion_rials": "unit.billion_rials", "expected_jobs": "unit.persons",
          "lat": "store.unit.degrees", "lon": "store.unit.degrees",
          "year": "store.unit.year_jalali"}
_ROWS = 500  # rows prepared with formats and drop-downs


def column_unit(col: Column, lang: str = "fa") -> str:
    key = _UNITS.get(col.name) or {"jalali": "store.unit.jalali", "bool": "store.unit.yes_no",
                                   "int": "store.unit.number", "float": "store.unit.number"
                                   }.get(col.kind, "store.unit.text")
    return t(key, lang)


def allowed_labels(col: Column, lang: str = "fa") -> list[str]:
    """The values offered for an enumerated / yes-no column, in ``lang``."""
    if col.kind == "bool":
        return [t("store.dict.yes", lang), t("store.dict.no", lang)]
    prefix = LABEL_PREFIX.get(col.name)
    out = []
    for value in col.allowed:
        pair = catalogue().get(f"{prefix}{value}") if prefix else None
        out.append((pair[0] if lang == "fa" else pair[1]) if pair else value)
    return out


def template_workbook(kind: str = "projects", lang: str = "fa",
                      counties: list[str] | None = None) -> bytes:
    """An empty import template for ``kind`` (``projects``/``indicators``) in ``lang``.

    ``counties`` (e.g. the Persian county names) adds a drop-down to the county column.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    schema = KIND_SCHEMAS[kind]
    rtl = lang == "fa"
    workbook = Workbook()
    ws = workbook.active
    ws.title = t(f"store.kind.{kind}", lang)
    ws.sheet_view.rightToLeft = rtl
    lists = workbook.create_sheet(t("store.template.lists", lang))
    lists.sheet_state = "hidden"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    list_col = 0
    for i, col in enumerate(schema.columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i, value=label(kind, col.name, lang)
                       + (" *" if col.required else ""))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = max(14, len(cell.value) + 4)
        if col.kind in ("jalali", "text", "code"):
            for row in range(2, _ROWS + 2):
                ws.cell(row=row, column=i).number_format = "@"
        values = allowed_labels(col, lang) if col.kind in ("enum", "bool") else (
            counties if col.name == "county_code" and counties else None)
        if values:
            list_col += 1
            list_letter = get_column_letter(list_col)
            lists.cell(row=1, column=list_col, value=col.name)
            for j, value in enumerate(values, start=2):
                lists.cell(row=j, column=list_col, value=value)
            ref = (f"{quote_sheetname(lists.title)}!${list_letter}$2:"
                   f"${list_letter}${len(values) + 1}")
            rule = DataValidation(type="list", formula1=f"={ref}", allow_blank=True,
                                  showErrorMessage=False)
            rule.add(f"{letter}2:{letter}{_ROWS + 1}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32

    guide = workbook.create_sheet(t("store.template.dictionary", lang), 1)
    guide.sheet_view.rightToLeft = rtl
    keys = ("column", "field", "meaning", "unit", "required", "allowed")
    guide.append([t(f"store.dict.{k}", lang) for k in keys])
    for cell in guide[1]:
        cell.font, cell.fill = bold, fill
    for col in schema.columns:
        allowed = ""
        if col.kind in ("enum", "bool"):
            labels = allowed_labels(col, lang)
            ids = col.allowed if col.kind == "enum" else ("true", "false")
            allowed = "، ".join(f"{a} ({b})" if a != b else a for a, b in zip(labels, ids,
                                                                                strict=True))
        elif col.minimum is not None or col.maximum is not None:
            low = "" if col.minimum is None else f"{col.minimum:g}"
            high = "" if col.maximum is None else f"{col.maximum:g}"
            allowed = f"{low} – {high}".strip()
        guide.append([label(kind, col.name, lang), col.name,
                      t(f"store.help.{kind}.{col.name}", lang), column_unit(col, lang),
                      t("store.dict.yes" if col.required else "store.dict.no", lang), allowed])
    for letter, width in zip("ABCDEF", (26, 24, 46, 26, 10, 60), strict=True):
        guide.column_dimensions[letter].width = width
    guide.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
