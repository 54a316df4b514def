"""ui.downloads: the bytes behind the chart and table download buttons, and the buttons
themselves (rendered lazily: a page run never draws an image)."""

from __future__ import annotations

import csv
import io
import struct

import pandas as pd
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from briefing.context import build_context
from briefing.views import VIEWS
from exports import images
from figures.theme import export_filename
from i18n import t
from tests.sample_figures import bar_figure
from ui.downloads import (
    chart_image_bytes,
    table_csv_bytes,
    table_excel_bytes,
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


TABLE = pd.DataFrame({
    "county": ["اصفهان", "کاشان", "=HYPERLINK(\"http://x\")"],
    "budget": [12000.5, 25000.0, -5.0],
    "projects": [3, 7, 1],
    "note": ["+98 چیزی", "@SUM(A1)", "-12.5"],
})
HEADERS = {"county": "شهرستان", "budget": "بودجه (میلیارد ریال)", "projects": "شمار پروژه",
           "note": "یادداشت"}


# --- charts ---------------------------------------------------------------------------------


def test_png_is_16_by_9_at_least_1920_by_1080(server):
    width, height = png_size(chart_image_bytes(bar_figure(), "png", "fa"))
    assert width >= 1920 and height >= 1080
    assert width * 9 == height * 16


def test_svg_carries_the_persian_text(server):
    svg = chart_image_bytes(bar_figure(), "svg", "fa").decode("utf-8")
    assert svg.lstrip().startswith("<svg") or "<svg" in svg[:500]
    assert 'width="1920"' in svg and 'height="1080"' in svg
    for word in ("بودجه شهرستان‌ها", "اصفهان", "کاشان"):
        assert word in svg, word


def test_the_callers_figure_is_not_changed(server):
    fig = bar_figure()
    before = fig.to_json()
    chart_image_bytes(fig, "svg", "fa")
    assert fig.to_json() == before


def test_map_view_carries_the_osm_attribution(server):
    ctx = build_context()
    fig = VIEWS["map_budget_per_capita"].build(ctx, "fa")
    svg = chart_image_bytes(fig, "svg", "fa").decode("utf-8")
    assert "OpenStreetMap" in svg
    width, height = png_size(chart_image_bytes(fig, "png", "fa"))
    assert (width, height) == (1920, 1080)


# --- tables ---------------------------------------------------------------------------------


def test_excel_runs_right_to_left_with_persian_headers():
    data = table_excel_bytes(TABLE, "بودجه شهرستان‌ها", "fa", headers=HEADERS)
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    assert ws.title == "بودجه شهرستان‌ها"
    assert ws.sheet_view.rightToLeft
    assert [c.value for c in ws[1]] == list(HEADERS.values())
    assert ws["B2"].value == 12000.5 and ws["C3"].value == 7  # numbers stay numbers
    assert ws["C2"].number_format == "#,##0"
    assert ws["B4"].value == -5  # a real negative number is not touched


def test_excel_neutralises_formulas():
    ws = load_workbook(io.BytesIO(table_excel_bytes(TABLE, "t", "fa", headers=HEADERS))).active
    assert ws["A4"].value == "'=HYPERLINK(\"http://x\")"
    assert ws["A4"].data_type != "f"
    assert ws["D3"].value == "'@SUM(A1)"
    assert ws["D2"].value == "'+98 چیزی"
    assert ws["D4"].value == "-12.5"  # a plain number as text is not a formula


def test_csv_has_a_bom_persian_headers_and_neutralised_formulas():
    data = table_csv_bytes(TABLE, headers=HEADERS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(HEADERS.values())
    assert rows[1][0] == "اصفهان"
    assert rows[3][0] == "'=HYPERLINK(\"http://x\")"
    assert rows[2][3] == "'@SUM(A1)"
    assert rows[3][1] == "-5.0"


def test_english_excel_runs_left_to_right():
    ws = load_workbook(io.BytesIO(table_excel_bytes(TABLE, "Budget", "en"))).active
    assert not ws.sheet_view.rightToLeft
    assert [c.value for c in ws[1]] == list(TABLE.columns)


# --- the buttons ------------------------------------------------------------------------------


def _buttons_app():
    # AppTest.from_function runs this body on its own: it imports what it uses.
    import pandas as pd
    import plotly.graph_objects as go

    from ui.downloads import chart_downloads, table_downloads

    fig = go.Figure(go.Bar(x=["الف", "ب"], y=[1, 2]))
    chart_downloads(fig, "نمودار آزمایشی", "fa", key="test")
    table_downloads(pd.DataFrame({"a": [1, 2]}), "جدول آزمایشی", "fa", key="test",
                    headers={"a": "ستون"})


def test_buttons_render_without_drawing_an_image(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("an image was drawn during the page run")

    monkeypatch.setattr(images, "figure_to_image", boom)
    monkeypatch.setattr("exports.tables.to_excel_bytes", boom)
    at = AppTest.from_function(_buttons_app, default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels == [t("download.png", "fa"), t("download.svg", "fa"),
                      t("download.excel", "fa"), t("download.csv", "fa")]
    # deferred data: nothing is stored for the page run
    assert all(not b.proto.url for b in buttons)


def test_file_names_follow_the_title_and_date():
    name = export_filename("سهم مرکز / استان", "fa")
    assert name.startswith("سهم-مرکز-استان_1")
    assert "/" not in name and " " not in name


# --- stand-alone chart files (issue 16) ---------------------------------------------------


def test_exported_map_stands_alone_title_unit_source_note_attribution_font(server):
    """The map file carries its title, its unit on the legend, the source line, the ✱
    note (the map names two counties whose population is an estimate with ✱) and the OSM
    attribution; the SVG embeds Vazirmatn (@font-face, base64).  A map that shows no ✱
    (unemployment: census rates, ▣ for the five units of pre-2021 Isfahan) has no ✱ note."""
    from exports.standalone import chart_file, embed_font

    ctx = build_context()
    fig = VIEWS["map_budget_per_capita"].build(ctx, "fa")
    title = t("measure.budget_per_capita", "fa")
    svg = chart_file(fig, "svg", "fa", title=title,
                     source=t("quality.source.projects", "fa")).decode("utf-8")
    for text in (title, "جمعیت سرشماری ۱۳۹۵", "نمونه یا برآورد", "OpenStreetMap"):
        assert text in svg, text
    assert "(میلیون ریال" in svg  # the legend's unit (its title in short lines)
    assert "@font-face" in svg and "data:font/ttf;base64," in svg
    assert embed_font(b"not svg") == b"not svg"
    plain = chart_file(VIEWS["map_unemployment"].build(ctx, "fa"), "svg", "fa",
                       title=t("measure.unemployment_rate", "fa")).decode("utf-8")
    assert "✱" not in plain and "نمونه یا برآورد" not in plain


def test_app_and_cli_images_are_the_same_function(server, tmp_path, monkeypatch):
    """The app's download bytes and ``pishran export chart`` go through one function:
    the same view gives the same SVG (up to nothing)."""
    import pishran.export_commands as commands
    from exports import standalone

    calls = []
    real = standalone.chart_file

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(standalone, "chart_file", spy)
    chart_image_bytes(bar_figure(), "svg", "fa", title="عنوان")
    import argparse

    out = tmp_path / "lorenz.svg"
    args = argparse.Namespace(view="lorenz", out=str(out), lang="fa", scenario=None,
                              width=1920, height=1080, scale=1)
    assert commands._export_chart(args) == 0
    assert len(calls) == 2 and out.read_text("utf-8").count("@font-face") == 1
