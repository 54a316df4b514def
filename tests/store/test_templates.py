"""Templates (with data dictionary) and the downloadable problem report."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from analytics.validation import Problem
from core.schema import INDICATORS, PROJECTS
from store import import_file, problems_to_excel, template_workbook
from store.headers import canonical_header


@pytest.mark.parametrize("kind,schema", [("projects", PROJECTS), ("indicators", INDICATORS)])
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_template_structure(kind, schema, lang):
    workbook = load_workbook(io.BytesIO(template_workbook(kind, lang, counties=["کاشان"])))
    data, guide = workbook.worksheets[0], workbook.worksheets[1]
    assert data.sheet_view.rightToLeft is (lang == "fa")
    assert guide.sheet_view.rightToLeft is (lang == "fa")
    headers = [c.value for c in data[1]]
    assert [canonical_header(h, kind) for h in headers] == schema.names
    if lang == "fa":
        assert headers[0] in ("شناسه پروژه *", "شهرستان *")
    rows = list(guide.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == schema.names
    assert all(r[2] and r[3] for r in rows)  # meaning and unit for every column
    status = next((r for r in rows if r[1] == "status"), None)
    if status:
        assert "in_progress" in status[5]
        assert ("در حال اجرا" if lang == "fa" else "In progress") in status[5]
    assert workbook.worksheets[2].sheet_state == "hidden"
    assert data.data_validations.dataValidation  # drop-downs for enumerations


def test_filled_template_imports(store):
    workbook = load_workbook(io.BytesIO(template_workbook("projects", "fa")))
    ws = workbook.worksheets[0]
    ws.append(["T-1", "کاشان", "پروژه آزمایشی", None, "صنعت", None, "در حال اجرا", "۴۰", None,
               "۱٬۲۰۰", "استانی", "۳۵", "۱۴۰۴/۰۱/۱۵", None, None, None, None, None, None, None,
               None, "خیر"])
    out = io.BytesIO()
    workbook.save(out)
    result = import_file(store, out.getvalue(), "template.xlsx", None, "a")
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.kind == "projects" and result.rows == 1
    projects = store.current_dataset().projects
    project = projects[projects["project_id"] == "T-1"].iloc[0]  # added; the others kept
    assert (project["county_code"], project["sector"], project["status"]) == (
        "kashan", "industry", "in_progress")
    assert project["budget_billion_rials"] == 1200 and not project["is_sample"]


def test_problem_report_is_rtl_and_never_a_formula():
    problems = [
        Problem("x.xlsx", 3, "عنوان پروژه", '=HYPERLINK("http://evil","click")', "formula_cell",
                {"cell": "C3"}, "پروژه‌ها"),
        Problem("x.xlsx", None, "status", "", "missing_header",
                {"name": "status", "label_fa": "وضعیت", "label_en": "Status"}),
    ]
    data = problems_to_excel(problems, "fa")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.sheet_view.rightToLeft
    assert [c.value for c in ws[1]][:3] == ["پرونده", "برگه", "ردیف"]
    assert ws["F2"].value.startswith("=HYPERLINK") and ws["F2"].data_type == "s"
    assert ws["E2"].value == "C3" and ws["C2"].value == 3
    assert "وضعیت" in ws["H3"].value
    english = load_workbook(io.BytesIO(problems_to_excel(problems, "en"))).active
    assert not english.sheet_view.rightToLeft and english["A1"].value == "File"
