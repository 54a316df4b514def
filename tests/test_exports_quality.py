"""Issue 16, exports that stand alone: Excel cells hold numbers as numbers (ranks as
integers, the sample mark in its own column, decimals as measured) and the projects
downloads carry every registry column."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.indicators import DEFAULT_RANKING_SPEC, ranking_inputs
from analytics.panel import build_panel
from analytics.ranking import METHODS, rank_all_methods
from briefing.tables import ranking_download
from core.counties import county_names
from core.schema import SCHEMAS
from exports.tables import to_excel_bytes
from figures.registry_table import registry_download
from i18n import has_key, t
from store.loading import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_ranking_excel_stores_ranks_as_integers_and_values_as_numbers(ds):
    panel = build_panel(ds.projects, ds.indicators, ds.counties)
    spec = DEFAULT_RANKING_SPEC
    values, flags = ranking_inputs(panel, ds.indicators, list(spec), groups_as_missing=True)
    result = rank_all_methods(values, spec)
    names = county_names(ds.counties, "fa")
    labels = {m: t(f"ranking.method.{m}", "fa") for m in METHODS}
    frame = ranking_download(result.ranks, result.levels, values, flags, names, labels,
                             {n: f"شاخص {n}" for n in spec}, "fa")
    ws = sheet(to_excel_bytes({"رتبه": frame}, "fa"))
    header = [c.value for c in ws[1]]
    rank_col = header.index(labels[next(iter(METHODS))]) + 1
    ranks = [ws.cell(row=r, column=rank_col).value for r in range(2, ws.max_row + 1)]
    assert ranks and all(type(v) is int for v in ranks)  # openpyxl reads them as int
    assert sorted(ranks) == list(range(1, len(ranks) + 1))
    first = next(iter(spec))
    label = f"شاخص {first}"
    value_col, mark_col = header.index(label) + 1, header.index(f"{label} ✱") + 1
    cells = [ws.cell(row=r, column=value_col).value for r in range(2, ws.max_row + 1)]
    assert all(isinstance(v, (int, float)) for v in cells if v is not None)
    marks = {ws.cell(row=r, column=mark_col).value for r in range(2, ws.max_row + 1)}
    assert marks <= {"✱", None, ""}
    n_sample = int(flags.loc[result.ranks.index, first].sum())
    assert sum(1 for r in range(2, ws.max_row + 1)
               if ws.cell(row=r, column=mark_col).value == "✱") == n_sample


def test_excel_shows_decimals_as_measured():
    frame = pd.DataFrame({"gini": [0.537, 0.212], "rate": [12.34, 8.6], "n": [3, 4]})
    ws = sheet(to_excel_bytes(frame, "fa"))
    assert ws["A2"].value == 0.537 and ws["A2"].number_format == "0.000"
    assert ws["B2"].number_format in ("0.0", "0.00")
    assert ws["C2"].number_format == "#,##0"


def test_projects_download_has_every_registry_column(ds):
    lenjan = ds.projects[ds.projects["county_code"] == "lenjan"]
    frame = registry_download(lenjan, ds.counties, "fa")
    assert len(frame) == len(lenjan)
    for column in SCHEMAS["projects"].columns:
        if column.name == "is_sample":
            assert "✱" in frame.columns
            continue
        heads = {t(k, "fa") for k in (f"projects.field.{column.name}",
                                      f"projects.col.{column.name}") if has_key(k)}
        assert heads & set(frame.columns), column.name
    agency = t("projects.field.agency_fa", "fa")
    officer = t("projects.field.followup_officer", "fa")
    assert list(frame[agency]) == list(lenjan["agency_fa"])
    assert list(frame[officer]) == list(lenjan["followup_officer"])
    ws = sheet(to_excel_bytes(frame, "fa"))
    header = [c.value for c in ws[1]]
    budget = header.index(t("projects.field.budget_billion_rials", "fa")) + 1
    assert isinstance(ws.cell(row=2, column=budget).value, (int, float))


def test_lorenz_chart_fills_a_wide_image():
    """The Lorenz curve was drawn square (y anchored to x), leaving a wide blank margin in
    a 16:9 image; now the plot spans the width, and the axes start just below 0 so the two
    «۰٪» tick labels stay apart."""
    from briefing.context import build_context
    from briefing.views import VIEWS

    fig = VIEWS["lorenz"].build(build_context(geometry=None), "fa")
    assert fig.layout.yaxis.scaleanchor is None and fig.layout.xaxis.scaleanchor is None
    assert fig.layout.xaxis.range[0] < 0 and fig.layout.yaxis.range[0] < 0
