"""exports.deck writing briefing.slides specs: the 16:9 briefing deck — slide count and titles, right-to-left paragraphs
and tables, Vazirmatn for Latin and complex script, Persian digits, pictures, progress."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.slides import SlideSpec, key_figures_slide, standard_deck
from core.jalali import format_jalali_fa, today_jalali
from exports.deck import (
    LRM,
    MINUS,
    build_deck,
    deck_to_pdf,
    format_value,
)
from figures.maps import choropleth
from figures.theme import apply_theme
from tests.sample_figures import bar_figure

ASCII_DIGIT = re.compile(r"[0-9]")
PERSIAN_DIGIT = re.compile(r"[۰-۹]")




def scatter_figure() -> go.Figure:
    fig = go.Figure(go.Scatter(x=[0.1, 0.2, 0.3], y=[0.2, 0.5, 0.3], mode="markers+text",
                               text=["اصفهان", "کاشان", "نائین"], name="GDP سرانه"))
    return apply_theme(fig, "fa", "سهم جمعیت و بودجه")


def map_figure() -> go.Figure:
    def square(x):
        return [[[x, 32], [x, 33], [x + 1, 33], [x + 1, 32], [x, 32]]]  # clockwise

    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": c, "properties": {},
         "geometry": {"type": "Polygon", "coordinates": square(51 + i)}}
        for i, c in enumerate("abc")]}
    return choropleth(fc, pd.DataFrame({"v": [1.0, 2.0, 3.0]}, index=list("abc")), "v", "fa",
                      title="نقشه")


KEY_FIGURES = [("بودجه کل پروژه‌ها", 125000, "میلیارد ریال"), ("شمار پروژه‌ها", 48, "پروژه"),
               ("ضریب جینی بودجه", 0.42), ("رشد اشتغال", -3.5, "درصد")]
COMPARISON = [("ضریب جینی", 0.42, 0.37), ("سهم مرکز استان (٪)", 61.0, 52.5),
              ("اشتغال", 12000, 13500)]
SOURCES = [("جمعیت", "منبع‌دار", "سرشماری ۱۳۹۵"), ("بودجه پروژه‌ها", "نمونه ✱", "داده نمونه")]


@pytest.fixture(scope="module")
def fa_deck(server):
    specs = standard_deck(
        [("بودجه شهرستان‌ها (میلیارد ریال)", bar_figure()), ("سهم جمعیت و بودجه", scatter_figure()),
         ("نقشه سرانه بودجه", map_figure())],
        "fa", key_figures=KEY_FIGURES, comparison=COMPARISON, sources=SOURCES,
        scenario="انتقال ۱۰٪ بودجه")
    specs[1].notes = "یادداشت سخنران\nخط دوم 2"
    calls = []
    data = build_deck(specs, "fa", progress=lambda *a: calls.append(a))
    return specs, data, calls, Presentation(io.BytesIO(data))


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text


def all_text_frames(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield cell.text_frame


def table_of(slide):
    return next(s.table for s in slide.shapes if s.has_table)


def table_texts(slide, rtl: bool = False) -> list[list[str]]:
    """Cell texts in reading order: right to left for a Persian deck, whose tables are
    written in visual order (first column on the right)."""
    rows = [[c.text_frame.text for c in row.cells] for row in table_of(slide).rows]
    return [list(reversed(r)) for r in rows] if rtl else rows


def test_slide_count_titles_and_16_9(fa_deck):
    specs, _, _, prs = fa_deck
    assert len(prs.slides) == 7 == len(specs)
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000)) or (
        abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01)
    titles = [slide_title(s) for s in prs.slides]
    assert titles == ["گزارش توسعه متوازن شهرستان‌های استان اصفهان",
                      "بودجه شهرستان‌ها (میلیارد ریال)", "سهم جمعیت و بودجه", "نقشه سرانه بودجه",
                      "ارقام کلیدی", "وضع موجود در برابر سناریو — انتقال ۱۰٪ بودجه",
                      "منابع و انتساب"]


def test_title_slide_office_and_jalali_date(fa_deck):
    prs = fa_deck[3]
    text = "\n".join(tf.text for tf in all_text_frames(prs.slides[0]))
    assert "معاونت هماهنگی امور اقتصادی استانداری اصفهان" in text
    assert format_jalali_fa(today_jalali()) in text
    assert "سناریو: انتقال ۱۰٪ بودجه" in text
    date_line = next(line for line in text.splitlines() if line.startswith("تاریخ"))
    assert PERSIAN_DIGIT.search(date_line) and not ASCII_DIGIT.search(date_line)


def test_every_paragraph_is_rtl_and_right_aligned(fa_deck):
    prs = fa_deck[3]
    count = 0
    for slide in prs.slides:
        frames = list(all_text_frames(slide))
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        for tf in frames:
            for p in tf.paragraphs:
                ppr = p._p.pPr
                assert ppr is not None and ppr.get("rtl") == "1", (slide_title(slide), p.text)
                count += 1
        # every a:p in the slide XML, including shapes without text
        for p in slide._element.iter(qn("a:p")):
            assert p.find(qn("a:pPr")) is not None and p.find(qn("a:pPr")).get("rtl") == "1"
    assert count > 60
    for slide in list(prs.slides)[1:]:
        assert slide.shapes.title.text_frame.paragraphs[0]._p.pPr.get("algn") == "r"


def test_every_run_names_vazirmatn_for_latin_and_complex_script(fa_deck):
    prs = fa_deck[3]
    runs = 0
    for slide in prs.slides:
        for r in slide._element.iter(qn("a:r")):
            rpr = r.find(qn("a:rPr"))
            assert rpr is not None
            assert rpr.find(qn("a:latin")).get("typeface") == "Vazirmatn"
            assert rpr.find(qn("a:cs")).get("typeface") == "Vazirmatn"
            children = [c.tag for c in rpr]
            assert children.index(qn("a:latin")) < children.index(qn("a:cs"))  # schema order
            runs += 1
    assert runs > 60


def test_picture_slides_have_a_full_hd_picture_with_alt_text(fa_deck):
    prs = fa_deck[3]
    for i in (1, 2, 3):
        slide = prs.slides[i]
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1
        pic = pictures[0]
        blob = pic.image.blob
        width, height = struct.unpack(">II", blob[16:24])
        assert width >= 1920 and height >= 1080
        assert abs(pic.width / pic.height - 16 / 9) < 0.01
        assert pic.left >= 0 and pic.left + pic.width <= prs.slide_width
        assert pic._element.nvPicPr.cNvPr.get("descr") == slide_title(slide)


def test_key_figures_table_persian_headers_and_digits(fa_deck):
    rows = table_texts(fa_deck[3].slides[4], rtl=True)
    assert rows[0] == ["شاخص", "مقدار", "واحد"]
    values = [r[1] for r in rows[1:]]
    assert values == ["۱۲۵٬۰۰۰", "۴۸", "۰٫۴۲", LRM + MINUS + "۳٫۵"]
    for value in values:
        assert not ASCII_DIGIT.search(value)
    tbl = table_of(fa_deck[3].slides[4])._tbl
    assert tbl.tblPr.get("rtl") == "0"  # visual order instead (LibreOffice ignores rtl="1")
    first_row = [c.text_frame.text for c in table_of(fa_deck[3].slides[4]).rows[0].cells]
    assert first_row[-1] == "شاخص"  # the first column is drawn on the right


def test_comparison_table_change_column(fa_deck):
    rows = table_texts(fa_deck[3].slides[5], rtl=True)
    assert rows[0] == ["شاخص", "پایه", "انتقال ۱۰٪ بودجه", "تغییر"]
    assert rows[1] == ["ضریب جینی", "۰٫۴۲", "۰٫۳۷", LRM + MINUS + "۰٫۰۵"]
    assert rows[2][3] == LRM + MINUS + "۸٫۵"
    assert rows[3] == ["اشتغال", "۱۲٬۰۰۰", "۱۳٬۵۰۰", LRM + "+۱٬۵۰۰"]


def test_sources_slide_attribution_and_sample_note(fa_deck):
    slide = fa_deck[3].slides[6]
    rows = table_texts(slide, rtl=True)
    assert rows[0] == ["رقم", "وضعیت", "منبع"]
    assert rows[2][1] == "نمونه ✱"
    text = "\n".join(tf.text for tf in all_text_frames(slide))
    assert "© OpenStreetMap contributors" in text
    assert "ODbL" in text and "✱" in text


def test_footer_page_numbers_in_persian_digits(fa_deck):
    text = "\n".join(tf.text for tf in all_text_frames(fa_deck[3].slides[2]))
    assert "۳ از ۷" in text


def test_speaker_notes_are_rtl(fa_deck):
    slide = fa_deck[3].slides[1]
    notes = slide.notes_slide.notes_text_frame
    assert notes.text.startswith("یادداشت سخنران")
    assert all(p._p.pPr.get("rtl") == "1" for p in notes.paragraphs)


def test_progress_called_once_per_slide(fa_deck):
    specs, _, calls, _ = fa_deck
    assert [c[0] for c in calls] == list(range(1, len(specs) + 1))
    assert {c[1] for c in calls} == {len(specs)}
    assert [c[2] for c in calls] == [s.title for s in specs]


def test_english_deck_is_ltr_with_latin_digits():
    png = _tiny_png()
    specs = [SlideSpec("title", "Briefing"), SlideSpec("figure", "Chart", figure=png),
             SlideSpec("table", "Key figures", table=pd.DataFrame(
                 {"Measure": ["Budget"], "Value": [125000]}))]
    prs = Presentation(io.BytesIO(build_deck(specs, "en")))
    assert len(prs.slides) == 3
    for slide in prs.slides:
        for p in slide._element.iter(qn("a:p")):
            assert p.find(qn("a:pPr")).get("rtl") == "0"
    assert table_texts(prs.slides[2]) == [["Measure", "Value"], ["Budget", "125,000"]]
    assert table_of(prs.slides[2])._tbl.tblPr.get("rtl") == "0"


def test_long_table_continues_on_more_slides():
    rows = [(f"شهرستان {i}", i * 1000) for i in range(28)]
    calls = []
    specs = [SlideSpec("title", "عنوان"), key_figures_slide(rows, "fa")]
    prs = Presentation(io.BytesIO(build_deck(specs, "fa", lambda *a: calls.append(a))))
    assert len(prs.slides) == 4 and [c[1] for c in calls] == [4] * 4
    assert [slide_title(s) for s in prs.slides][1:] == [
        f"ارقام کلیدی ({n} از ۳)" for n in ("۱", "۲", "۳")]
    bodies = [table_texts(s, rtl=True) for s in list(prs.slides)[1:]]
    assert [len(b) - 1 for b in bodies] == [12, 12, 4]
    assert all(b[0] == ["شاخص", "مقدار"] for b in bodies)
    assert bodies[2][-1] == ["شهرستان 27", "۲۷٬۰۰۰"]


def test_slide_spec_rejects_unknown_kind():
    with pytest.raises(ValueError):
        SlideSpec("chart", "x")


def test_format_value():
    assert format_value(1234567.8, "fa") == "۱٬۲۳۴٬۵۶۸"
    assert format_value(0.4249, "fa") == "۰٫۴۲"
    assert format_value(-0.004, "fa") == LRM + MINUS + "۰٫۰۰۴"
    assert format_value(0.0, "fa", signed=True) == "۰"
    assert format_value(None, "fa") == "—"
    assert format_value("متن 12", "fa") == "متن 12"
    assert format_value(-5, "en") == LRM + MINUS + "5"


def _tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1920, 1080), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice"))
                    and os.environ.get("CI") != "true",  # CI installs it: there it must run
                    reason="LibreOffice not installed")
def test_deck_to_pdf(fa_deck):
    pdf = deck_to_pdf(fa_deck[1])
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 7


def test_deck_to_pdf_without_libreoffice(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert deck_to_pdf(b"not used") is None


def test_table_rows_are_as_tall_as_their_longest_cell():
    """LibreOffice does not grow a row whose text wraps more than planned (the text runs
    into the next row): each row is planned from its longest cell."""
    from pptx.util import Inches

    from exports.deck import _row_heights

    widths = [Inches(1.5), Inches(5)]
    long = "هنرستان فنی فولاد در جوار ذوب آهن اصفهان، قطب پارک فناوری فولادشهر " * 2
    heights = _row_heights([["شهرستان", "پروژه‌ها"], ["لنجان", long], ["نائین", "کوتاه"]],
                           widths, 14, int(Inches(0.45)), int(Inches(5)))
    assert heights[0] == heights[2] == Inches(0.45)
    assert heights[1] > Inches(0.9)  # three lines or more at 14 pt in 5 inches
    # when the planned rows would not fit, the rows stay even (the table keeps its height)
    squeezed = _row_heights([["a", long]] * 10, widths, 14, int(Inches(0.45)), int(Inches(3)))
    assert set(squeezed) == {Inches(0.45)}
