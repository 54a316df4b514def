"""Every download path of the app (issue 17, fault 7): each ``st.download_button`` in the
app is listed here with the function that builds its file, each builder is fed cells that
try formula injection (also after a space, a newline or a tab, and in full-width forms),
and what a spreadsheet would open is read back: no live formula anywhere.  Streamlit's own
table-toolbar CSV (which writes raw cells) is switched off.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from core.problems import Problem
from exports.tables import neutralise
from exports.workbooks import workbooks_zip
from store.importing import problems_to_excel
from store.templates import template_workbook
from ui.downloads import table_csv_bytes, table_excel_bytes

ROOT = Path(__file__).resolve().parents[1]

#: What each download button of the app gives (the ``data=`` builder), by file.
DOWNLOAD_BUILDERS = {
    "ui/downloads.py": ["chart_image_bytes", "table_excel_bytes",
                        "table_csv_bytes", "county_list_excel"],
    "ui/rounds.py": ["workbooks_zip"],
    "ui/people.py": ["seat_list_excel"],
    "ui/shortlists.py": ["workbook"],
    # the scenario file as JSON (read by Pishran, not by a spreadsheet: no cell to inject)
    "ui/pages/scenario/downloads.py": ["scenario"],  # exports.tables.to_excel_bytes, a sheet per county
    "ui/pages/briefing.py": ['result["pptx"]', 'result["pdf"]'],
    "ui/pages/data.py": ["template_workbook", "problems_to_excel"],
}

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0",
           "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", " =1+2", "\n=1+2",
           "\t=1+2", "\r=1+2", "\u200b=1+2", "\u00a0+cmd|x", "＝1+2", "＋cmd|x", "＠SUM(1)"]
LIVE = re.compile(r"^[\s\u200b\u00a0]*[=+\-@＝＋－＠]")


def _calls(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"st\.download_button\(", text):
        body = text[match.end():match.end() + 600]
        data = re.search(r"data=\(?(?:lambda[^:]*:\s*)?([\w\[\]\"]+)", body)
        assert data, f"{path}: a download_button without data="
        found.append(data.group(1))
    return found


def test_every_download_button_of_the_app_is_known():
    files = [p for p in [ROOT / "app.py", *(ROOT / "ui").rglob("*.py"),
                         *(ROOT / "pages").rglob("*.py")] if "download_button" in
             p.read_text(encoding="utf-8")]
    found = {str(p.relative_to(ROOT)): _calls(p) for p in files}
    found = {k: v for k, v in found.items() if v}
    assert found == DOWNLOAD_BUILDERS, "a new download path: add it here and test its file"


def test_streamlit_table_toolbar_download_is_switched_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
    assert 'st.set_option("client.disableDataExport", True)' in \
        (ROOT / "app.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", HOSTILE)
def test_neutralise_catches_every_variant(value):
    assert neutralise(value).startswith("'")


@pytest.mark.parametrize("value", ["-12.5", "+98", " 12", "متن", "a=b", "- "[:1] + "5"])
def test_neutralise_leaves_numbers_and_plain_text(value):
    assert neutralise(value) == value


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"title": HOSTILE, "n": range(len(HOSTILE))})


def test_table_csv_has_no_live_formula():
    rows = list(csv.reader(io.StringIO(table_csv_bytes(_frame()).decode("utf-8-sig"))))
    for row in rows[1:]:
        assert not LIVE.match(row[0]) and row[0].startswith("'"), row


def _xlsx_cells(data: bytes):
    workbook = load_workbook(io.BytesIO(data))
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            yield from row


def _assert_no_live_formula(data: bytes) -> int:
    hostile = 0
    for cell in _xlsx_cells(data):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str) and LIVE.match(cell.value):
            hostile += 1  # kept as text: openpyxl reads a text cell, never a formula
    return hostile


def test_table_excel_has_no_live_formula():
    data = table_excel_bytes(_frame(), "عنوان", "fa")
    _assert_no_live_formula(data)
    texts = [c.value for c in _xlsx_cells(data) if isinstance(c.value, str)]
    assert all(not LIVE.match(v) for v in texts if v not in ("title", "n"))


def test_shortlists_workbook_has_no_live_formula():
    """ui/shortlists.py's workbook: exports.tables.to_excel_bytes, one sheet per county."""
    from exports.tables import to_excel_bytes

    data = to_excel_bytes({"لنجان": _frame(), "مبارکه": _frame()}, "fa")
    assert _assert_no_live_formula(data) == 0  # neutralised, not only kept as text


def test_problems_report_has_no_live_formula():
    problems = [Problem("f.csv", 2, "title", v, "formula_cell", {}) for v in HOSTILE]
    _assert_no_live_formula(problems_to_excel(problems, "fa"))


def test_county_workbooks_write_hostile_titles_as_text(tmp_path):
    from core.schema import PROJECTS
    from store.loading import load_dataset

    ds = load_dataset()
    projects = ds.projects.head(len(HOSTILE)).copy()
    projects["title_fa"] = HOSTILE
    projects["county_code"] = projects["county_code"].iloc[0]
    data = workbooks_zip(projects, ds.counties, None, lang="fa")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.endswith(".xlsx")]
        assert names
        hostile = sum(_assert_no_live_formula(archive.read(n)) for n in names)
    assert hostile == len(HOSTILE)  # every title kept as the text it is, none a formula
    assert "title_fa" in PROJECTS.names


def test_templates_have_no_formula():
    for kind in ("projects", "indicators"):
        _assert_no_live_formula(template_workbook(kind, "fa"))
