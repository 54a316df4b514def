"""The briefing deck writer: slide specs in, a 16:9 PowerPoint file out.

:func:`build_deck` turns a list of :class:`briefing.slides.SlideSpec` (the deck's content,
decided by :func:`briefing.deck.deck_spec`) into .pptx bytes.  It owns the layout only:
slide geometry, the title slide's office line and date, pictures of the figures, tables
(long ones continue on further slides), the computed change column of the comparison
table and the attribution lines of the sources slide.  For ``fa`` every paragraph is
right-to-left (``a:pPr rtl="1"``, right aligned), tables run right-to-left
(``a:tblPr rtl="1"``), every run names Vazirmatn for Latin and complex script
(``a:latin`` and ``a:cs``) and numbers use Persian digits.  Signed numbers are written
``LRM + sign + digits`` so the sign stays on the left of the number inside RTL text.

:func:`deck_to_pdf` converts with LibreOffice when it is installed.
"""

from __future__ import annotations

import io
import math
import numbers
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing.slides import SlideSpec
from core import compat
from core.jalali import format_jalali_fa, today_jalali
from exports.images import has_rtl_letters
from figures.theme import SLIDE_PICTURE_PX
from i18n import fmt_date, fmt_number, t
from i18n.formatting import LRM

__all__ = [
    "FONT",
    "MAX_ROWS",
    "auto_decimals",
    "build_deck",
    "deck_to_pdf",
    "format_value",
]

FONT = "Vazirmatn"
Progress = Callable[[int, int, str], None]

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_H = Inches(0.35), Inches(0.95)
BODY_TOP = Inches(1.45)
FOOTER_TOP = Inches(7.0)
TEAL = RGBColor(0x0F, 0x76, 0x6E)
DARK = RGBColor(0x1F, 0x29, 0x37)
GREY = RGBColor(0x6B, 0x72, 0x80)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_FILL = (RGBColor(0xF0, 0xF9, 0xF8), WHITE)
MINUS = "\u2212"
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


# ---------------------------------------------------------------------------
# Text: right-to-left paragraphs, Vazirmatn runs, Persian digits
# ---------------------------------------------------------------------------


def auto_decimals(value: Any) -> int:
    """Decimals that keep two or three significant digits: 1234 → 0, 12.3 → 1, 0.42 → 2."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return 0
    number = abs(float(value))
    if not math.isfinite(number) or number.is_integer() or number >= 100:
        return 0
    if number >= 1:
        return 1
    return 2 if number >= 0.01 or number == 0 else 3


def format_value(value: Any, lang: str = "fa", decimals: int | None = None,
                 signed: bool = False) -> str:
    """A table value as text: numbers with separators in the language's digits.

    Negative (and, with ``signed``, positive) numbers are written ``LRM sign digits``:
    the sign stays left of the digits in a right-to-left paragraph.  Texts are kept.
    ``decimals=None`` chooses :func:`auto_decimals`.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "—"
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    number = float(value)
    if decimals is None:
        decimals = auto_decimals(number)
    body = fmt_number(abs(number), lang, decimals)
    is_zero = body.strip("0۰.,٫٬") == ""
    if number < 0 and not is_zero:
        return LRM + MINUS + body
    if signed and number > 0 and not is_zero:
        return LRM + "+" + body
    return body


def _bidi_line(text: str, lang: str) -> str:
    """A line without Persian letters («© OpenStreetMap contributors», «OSM (ODbL)») keeps
    its left-to-right order inside a right-to-left paragraph: LRM at both ends."""
    if (lang == "fa" and _LATIN.search(text) and not has_rtl_letters(text)
            and not text.startswith(LRM)):
        return LRM + text + LRM
    return text


def _set_cs_font(rpr: Any, typeface: str) -> None:
    """``a:cs`` (complex-script font) right after ``a:latin``/``a:ea``, schema order."""
    cs = rpr.find(qn("a:cs"))
    if cs is None:
        cs = etree.SubElement(rpr, qn("a:cs"))
        anchor = rpr.find(qn("a:ea"))
        if anchor is None:
            anchor = rpr.find(qn("a:latin"))
        anchor.addnext(cs)
    cs.set("typeface", typeface)


def _style_paragraph(paragraph: Any, lang: str, align: Any = None) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if lang == "fa":
        ppr.set("rtl", "1")
        paragraph.alignment = align or PP_ALIGN.RIGHT
    else:
        ppr.set("rtl", "0")
        paragraph.alignment = align or PP_ALIGN.LEFT


def _style_run(run: Any, lang: str, size: float, bold: bool = False,
               colour: RGBColor = DARK) -> None:
    font = run.font
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = colour
    font.name = FONT  # a:latin
    rpr = run._r.get_or_add_rPr()
    _set_cs_font(rpr, FONT)
    rpr.set("lang", "fa-IR" if lang == "fa" else "en-GB")
    rpr.set("altLang", "en-US")


def _fill_text_frame(text_frame: Any, lines: Iterable[str] | str, lang: str, size: float,
                     bold: bool = False, colour: RGBColor = DARK, align: Any = None,
                     space_after: float = 0) -> None:
    """Replace the frame's text with ``lines``, one styled RTL paragraph each."""
    if isinstance(lines, str):
        lines = [lines]
    text_frame.clear()
    text_frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        for run in list(paragraph.runs):
            paragraph._p.remove(run._r)
        run = paragraph.add_run()
        run.text = _bidi_line(line, lang)
        _style_run(run, lang, size, bold, colour)
        _style_paragraph(paragraph, lang, align)
        if space_after:
            paragraph.space_after = Pt(space_after)


def _textbox(slide: Any, left: int, top: int, width: int, height: int,
             lines: Iterable[str] | str, lang: str, size: float, **style: Any) -> Any:
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.vertical_anchor = style.pop("anchor", MSO_ANCHOR.TOP)
    _fill_text_frame(box.text_frame, lines, lang, size, **style)
    return box


def _open_lines(text_frame: Any) -> None:
    """A title that wraps keeps its lines apart (LibreOffice sets single spacing so tight
    that the boxes of a bold title's two lines overlap)."""
    for paragraph in text_frame.paragraphs:
        paragraph.line_spacing = 1.15


def _title_size(text: str) -> float:
    return 28 if len(text) <= 55 else 24 if len(text) <= 85 else 20


def _set_title(slide: Any, text: str, lang: str) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, SLIDE_W - 2 * MARGIN, \
        TITLE_H
    shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _fill_text_frame(shape.text_frame, text, lang, _title_size(text), bold=True, colour=TEAL)
    _open_lines(shape.text_frame)
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, TITLE_TOP + TITLE_H + Inches(0.04),
                                  SLIDE_W - 2 * MARGIN, Pt(2))
    rule.fill.solid()
    rule.fill.fore_color.rgb = TEAL
    rule.line.fill.background()
    style = rule._element.find(qn("p:style"))  # the theme style adds a shadow
    if style is not None:
        rule._element.remove(style)
    _style_paragraph(rule.text_frame.paragraphs[0], lang)


def _footer(slide: Any, number: int, total: int, lang: str) -> None:
    width = Inches(5.5)
    office_left = SLIDE_W - MARGIN - width if lang == "fa" else MARGIN
    number_left = MARGIN if lang == "fa" else SLIDE_W - MARGIN - Inches(1.5)
    _textbox(slide, office_left, FOOTER_TOP, width, Inches(0.35), t("app.office", lang), lang,
             11, colour=GREY)
    _textbox(slide, number_left, FOOTER_TOP, Inches(1.5), Inches(0.35),
             t("deck.page", lang, n=fmt_number(number, lang), total=fmt_number(total, lang)),
             lang, 11, colour=GREY,
             align=PP_ALIGN.LEFT if lang == "fa" else PP_ALIGN.RIGHT)


def _notes(slide: Any, text: str | None, lang: str) -> None:
    if text:
        _fill_text_frame(slide.notes_slide.notes_text_frame, text.splitlines() or [text],
                         lang, 14)


# ---------------------------------------------------------------------------
# Slides
# ---------------------------------------------------------------------------


def _rows(table: pd.DataFrame | Sequence[Sequence[Any]]) -> tuple[list[str], list[list[Any]]]:
    if isinstance(table, pd.DataFrame):
        return [str(c) for c in table.columns], table.astype(object).values.tolist()
    rows = [list(r) for r in table]
    if not rows:
        return [], []
    return [str(c) for c in rows[0]], rows[1:]


def _row_heights(rows: list[list[str]], widths: list[int], size: float, even: int,
                 available: int) -> list[Emu]:
    """Each row as tall as its longest cell wraps (about 0.5 em a character, lines of
    1.3 em, 0.12 in margins each side), at least ``even`` — or without that floor when
    the rows would not fit ``available``, and equal rows (``even``) when even that does
    not fit.  LibreOffice does not always grow a row whose text wraps more than planned:
    it can let the text run into the next row."""
    em = Inches(size / 72)
    planned = []
    for values in rows:
        lines = 1
        for text, width in zip(values, widths, strict=False):
            per_line = max(int((width - Inches(0.24)) / (0.5 * em)), 1)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line)
                                   for part in str(text).splitlines() or [""]))
        planned.append(int(lines * 1.3 * em + Inches(0.16)))
    if sum(max(even, h) for h in planned) <= available:
        return [Emu(max(even, h)) for h in planned]
    if sum(planned) <= available:  # tight: every row just as tall as its text
        return [Emu(h) for h in planned]
    return [Emu(even)] * len(rows)


def _add_table(slide: Any, header: list[str], rows: list[list[str]], lang: str,
               top: int = BODY_TOP, max_height: int | None = None,
               widths: Sequence[float] | None = None, size: float | None = None,
               left: int = MARGIN, width: int | None = None) -> Any:
    n_rows, n_cols = len(rows) + 1, max(len(header), 1)
    size = size or (18 if n_rows <= 8 else 15 if n_rows <= 12 else 12)
    row_h = Inches(0.55 if size >= 18 else 0.45 if size >= 14 else 0.36)
    width = width or SLIDE_W - 2 * MARGIN
    height = min(row_h * n_rows, max_height or (FOOTER_TOP - top - Inches(0.1)))
    frame = slide.shapes.add_table(n_rows, n_cols, left, top, width, height)
    table = frame.table
    tbl_pr = table._tbl.tblPr
    # Right-to-left tables are written in visual order (first column on the right) with
    # rtl="0": LibreOffice ignores the table-level rtl flag that PowerPoint honours, and
    # visual order reads the same in both.
    tbl_pr.set("rtl", "0")
    if lang == "fa":
        header = list(reversed(header))
        rows = [list(reversed(r)) for r in rows]
        widths = list(reversed(widths)) if widths else None
    tbl_pr.set("bandRow", "0")
    tbl_pr.set("firstRow", "1")
    shares = list(widths) if widths else [1.0] * n_cols
    total_share = sum(shares)
    for c in range(n_cols):
        table.columns[c].width = Emu(int(width * shares[c] / total_share))
    heights = _row_heights([header, *rows], [table.columns[c].width for c in range(n_cols)],
                           size, int(height / n_rows),
                           max_height or (FOOTER_TOP - top - Inches(0.1)))
    for r in range(n_rows):
        table.rows[r].height = heights[r]
        values = header if r == 0 else rows[r - 1]
        for c in range(n_cols):
            cell = table.cell(r, c)
            text = str(values[c]) if c < len(values) else ""
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = Inches(0.12)
            cell.fill.solid()
            cell.fill.fore_color.rgb = TEAL if r == 0 else ROW_FILL[(r - 1) % 2]
            _fill_text_frame(cell.text_frame, text, lang, size, bold=r == 0,
                             colour=WHITE if r == 0 else DARK)
    return frame


def _title_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    date = format_jalali_fa(today_jalali()) if lang == "fa" else fmt_date(today_jalali(), "en")
    _textbox(slide, MARGIN, Inches(0.6), SLIDE_W - 2 * MARGIN, Inches(0.6),
             t("app.office", lang), lang, 22, bold=True, colour=TEAL)
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(2.3), \
        SLIDE_W - 2 * MARGIN, Inches(1.8)
    title.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _fill_text_frame(title.text_frame, spec.title, lang, 40, bold=True, colour=DARK)
    _open_lines(title.text_frame)
    lines = ([*spec.subtitle.splitlines()] if spec.subtitle else []) + [
        t("deck.date", lang, date=date)]
    sub = slide.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(4.3), SLIDE_W - 2 * MARGIN, \
        Inches(1.4)
    _fill_text_frame(sub.text_frame, lines, lang, 22, colour=GREY, space_after=6)
    _textbox(slide, MARGIN, FOOTER_TOP - Inches(0.2), SLIDE_W - 2 * MARGIN, Inches(0.4),
             t("deck.made_with", lang), lang, 12, colour=GREY)
    return slide


def _figure_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    from exports.images import figure_to_image

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _set_title(slide, spec.title, lang)
    if spec.figure is None:
        raise ValueError(f"figure slide {spec.title!r} has no figure")
    if isinstance(spec.figure, (bytes, bytearray)):
        png = bytes(spec.figure)
    else:
        fig = go.Figure(spec.figure)
        if spec.title:  # the slide title names the chart; give the picture the room
            fig.update_layout(title_text="", margin_t=30)
        w, h, scale = SLIDE_PICTURE_PX
        png = figure_to_image(fig, "png", width=w, height=h, scale=scale, lang=lang)
    # the chart's name under the finding (the title), the chart, then its source line and
    # ✱ note above the footer: separate boxes that never overlap
    top = BODY_TOP + Inches(0.35) if _subtitle(slide, spec, lang) else BODY_TOP
    credits = _credit_lines(spec)
    bottom = FOOTER_TOP - (Inches(0.3) * len(credits) + Inches(0.05) if credits
                           else Inches(0.1))
    box_w, box_h = SLIDE_W - 2 * MARGIN, bottom - top
    pic_h = box_h
    pic_w = Emu(int(pic_h * 16 / 9))
    if pic_w > box_w:
        pic_w, pic_h = box_w, Emu(int(box_w * 9 / 16))
    left = Emu(int((SLIDE_W - pic_w) / 2))
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, pic_w, pic_h)
    picture._element.nvPicPr.cNvPr.set("descr", spec.subtitle or spec.title)  # alt text
    if credits:
        _textbox(slide, MARGIN, bottom, SLIDE_W - 2 * MARGIN, FOOTER_TOP - bottom, credits,
                 lang, 11, colour=GREY, space_after=3)
    return slide


def _table_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _set_title(slide, spec.title, lang)
    header, rows = _rows(spec.table if spec.table is not None else [])
    cells = [[format_value(v, lang) for v in row] for row in rows]
    widths = spec.widths or ([2.0] + [1.0] * (len(header) - 1) if header else None)
    top = BODY_TOP + Inches(0.35) if _subtitle(slide, spec, lang) else BODY_TOP
    _add_table(slide, header, cells, lang, top=top, widths=widths, size=spec.font_size)
    return slide


def _comparison_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _set_title(slide, spec.title, lang)
    header, rows = _rows(spec.table if spec.table is not None else [])
    header = (header + ["", "", ""])[:3] + [t("deck.col.change", lang)]
    cells = []
    for row in rows:
        measure, base, scen = (list(row) + [None, None, None])[:3]
        numeric = all(isinstance(v, numbers.Real) and not isinstance(v, bool)
                      for v in (base, scen))
        change = scen - base if numeric else None
        digits = max(auto_decimals(base), auto_decimals(scen)) if numeric else None
        cells.append([str(measure), format_value(base, lang, digits),
                      format_value(scen, lang, digits),
                      format_value(change, lang, digits, signed=True)])
    _add_table(slide, header, cells, lang, widths=[2.2, 1, 1, 1])
    return slide


def _sources_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _set_title(slide, spec.title, lang)
    header, rows = _rows(spec.table if spec.table is not None else [])
    # The notes sit at the bottom, above the footer; the table fills the space above them
    # (rows that wrap grow taller than planned, so nothing is placed right under the table).
    notes_top = FOOTER_TOP - Inches(1.35)
    top = BODY_TOP + Inches(0.35) if _subtitle(slide, spec, lang) else BODY_TOP
    if rows:
        cells = [[format_value(v, lang) for v in row] for row in rows]
        # 14 pt: the status and source cells wrap to two lines, and the table must end
        # above the notes (LibreOffice grows wrapped rows past the planned height)
        _add_table(slide, header, cells, lang, top=top,
                   max_height=notes_top - top - Inches(0.15),
                   widths=[1.6, 1.4, 2.0][: len(header)] or None, size=14)
    lines = [t("attribution.osm", lang), t("deck.osm", lang), t("deck.sample_note", lang)]
    _textbox(slide, MARGIN, notes_top, SLIDE_W - 2 * MARGIN, FOOTER_TOP - notes_top, lines,
             lang, 16, space_after=6)
    return slide


def _subtitle(slide: Any, spec: SlideSpec, lang: str) -> bool:
    """The chart's (or brief's) name under the finding title; whether there is one."""
    if spec.subtitle:
        _textbox(slide, MARGIN, BODY_TOP - Inches(0.05), SLIDE_W - 2 * MARGIN, Inches(0.35),
                 spec.subtitle, lang, 14, colour=GREY)
    return bool(spec.subtitle)


def _credit_lines(spec: SlideSpec) -> list[str]:
    """The source line(s) and the ✱ note, each line a row above the footer."""
    return [line for part in (spec.source, spec.note) if part for line in part.splitlines()]


def _brief_slide(prs: Any, spec: SlideSpec, lang: str) -> Any:
    """A one-page brief: the finding as title, the brief's name under it, the map on one
    side and the figures table on the reading side (the right for Persian), the source
    and ✱ note above the footer."""
    from exports.images import figure_to_image

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _set_title(slide, spec.title, lang)
    _subtitle(slide, spec, lang)
    top = BODY_TOP + Inches(0.45)
    credits = _credit_lines(spec)
    bottom = FOOTER_TOP - Inches(0.3) * len(credits) - Inches(0.1)
    gap = Inches(0.3)
    pic_w = Inches(6.4)
    table_w = SLIDE_W - 2 * MARGIN - pic_w - gap
    fa = lang == "fa"
    pic_left = MARGIN if fa else SLIDE_W - MARGIN - pic_w
    table_left = SLIDE_W - MARGIN - table_w if fa else MARGIN
    if spec.figure is not None:
        if isinstance(spec.figure, (bytes, bytearray)):
            png = bytes(spec.figure)
        else:
            fig = go.Figure(spec.figure)
            fig.update_layout(title_text="", margin_t=20)
            w, h, scale = SLIDE_PICTURE_PX
            png = figure_to_image(fig, "png", width=w, height=h, scale=scale, lang=lang)
        pic_h = Emu(int(pic_w * 9 / 16))
        picture = slide.shapes.add_picture(io.BytesIO(png), pic_left, top, pic_w, pic_h)
        picture._element.nvPicPr.cNvPr.set("descr", spec.subtitle or spec.title)
    header, rows = _rows(spec.table if spec.table is not None else [])
    if header:
        size = 13 if len(header) <= 3 else 11 if len(header) <= 5 else 10
        _add_table(slide, header, [[str(v) for v in r] for r in rows], lang, top=top,
                   max_height=bottom - top, widths=[2.6] + [1.0] * (len(header) - 1),
                   size=size, left=table_left, width=table_w)
    if credits:
        _textbox(slide, MARGIN, bottom, SLIDE_W - 2 * MARGIN, FOOTER_TOP - bottom, credits,
                 lang, 11, colour=GREY, space_after=3)
    return slide


_BUILDERS = {"title": _title_slide, "brief": _brief_slide, "figure": _figure_slide, "table": _table_slide,
             "comparison": _comparison_slide, "sources": _sources_slide}


# rows per slide before a table continues on the next slide (the text stays ≥ 15 pt)
MAX_ROWS = {"table": 12, "comparison": 12, "sources": 6}


def _paginate(specs: Sequence[SlideSpec], lang: str) -> list[SlideSpec]:
    """Split long tables over several slides titled «… (۱ از ۲)», header repeated."""
    out: list[SlideSpec] = []
    for spec in specs:
        limit = MAX_ROWS.get(spec.kind)
        if limit is None or spec.table is None:
            out.append(spec)
            continue
        header, rows = _rows(spec.table)
        pages = max(math.ceil(len(rows) / limit), 1)
        if pages == 1:
            out.append(spec)
            continue
        for page in range(pages):
            part = t("deck.page", lang, n=fmt_number(page + 1, lang),
                     total=fmt_number(pages, lang))
            out.append(replace(spec, title=f"{spec.title} ({part})",
                               table=[header, *rows[page * limit:(page + 1) * limit]],
                               notes=spec.notes if page == 0 else None))
    return out


def build_deck(slides_spec: Sequence[SlideSpec], lang: str = "fa",
               progress: Progress | None = None) -> bytes:
    """The deck as .pptx bytes, one slide per spec, in order.

    A table longer than :data:`MAX_ROWS` continues on further slides (header repeated).
    ``progress(step, total, label)`` is called once per slide after it is built
    (``step`` = 1 … total, ``label`` = the slide title).
    """
    slides_spec = _paginate(slides_spec, lang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    core = prs.core_properties
    core.title = next((s.title for s in slides_spec if s.kind == "title"),
                      t("deck.title", lang))
    core.author = t("app.office", lang)
    core.language = "fa-IR" if lang == "fa" else "en-GB"
    total = len(slides_spec)
    for step, spec in enumerate(slides_spec, start=1):
        slide = _BUILDERS[spec.kind](prs, spec, lang)
        if spec.kind != "title":
            _footer(slide, step, total, lang)
        _notes(slide, spec.notes, lang)
        if progress is not None:
            progress(step, total, spec.title)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------


def deck_to_pdf(pptx_bytes: bytes, timeout: float = 180) -> bytes | None:
    """The deck as PDF via ``libreoffice --headless --convert-to pdf``; None when
    LibreOffice is not installed.  Uses a private LibreOffice profile per call."""
    return office_to_pdf(pptx_bytes, "pptx", timeout)


def office_to_pdf(data: bytes, suffix: str, timeout: float = 180) -> bytes | None:
    """An office file (``suffix``: pptx, xlsx, …) as PDF via LibreOffice; None when
    LibreOffice is not installed or wrote nothing.  A private profile per call."""
    exe = compat.libreoffice()
    if not exe:
        return None
    with tempfile.TemporaryDirectory(prefix="pishran-pdf-") as tmp:
        src = Path(tmp) / f"document.{suffix}"
        src.write_bytes(data)
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            from exports.images import ExportError

            raise ExportError(f"LibreOffice did not finish within {timeout:.0f} s") from exc
        out = Path(tmp) / "document.pdf"
        return out.read_bytes() if out.is_file() else None
