"""Chart files that stand alone: the one function the app's download buttons and
``pishran export chart`` call (:func:`chart_file`), so both give the same file.

A chart lifted out of its page loses the page's heading, source and notes.
:func:`standalone_figure` puts them into the figure: its title, and under it one line
with the source and — when the figure shows the sample mark ✱ anywhere (values, names,
ticks, notes) — the note that ✱ values are samples or estimates.  Maps keep
«© OpenStreetMap contributors» (:func:`exports.images.prepare_for_export`) and name their
unit on the colour bar (:func:`figures.county_map.county_map`).

SVG text keeps the product font: :func:`embed_font` writes Vazirmatn (SIL OFL, the TTF
the app ships in ``static/fonts/``) into the SVG as an ``@font-face`` rule with a base64
``data:`` URL, so the file shows Persian in Vazirmatn on a machine without the font.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

import plotly.graph_objects as go

from core.marks import SAMPLE_MARK
from figures.theme import EXPORT_HEIGHT, EXPORT_WIDTH
from i18n import t

__all__ = ["FONT_FILE", "chart_file", "embed_font", "shows_sample", "standalone_figure"]

FONT_FILE = Path(__file__).resolve().parent.parent / "static" / "fonts" / "Vazirmatn-Regular.ttf"
TITLE_SPACE_PX = 120  # top margin for the title, its source line and a legend row


def shows_sample(fig: go.Figure | dict) -> bool:
    """Whether the figure shows the sample mark ✱ anywhere (data, labels, notes)."""
    return SAMPLE_MARK in go.Figure(fig).to_json()


def standalone_figure(fig: go.Figure | dict, lang: str = "fa", title: str | None = None,
                      source: str | None = None, note: str | None = None) -> go.Figure:
    """A copy of ``fig`` with its ``title`` (default: the figure's own) and, under it, the
    ``source`` line (default: the catalogue's general source) and ``note`` (default: the
    ✱ note when the figure shows ✱).  The title sits at the top of the image (container
    coordinates) with room below it for a horizontal legend above the plot, so the two
    never overlap."""
    out = go.Figure(fig)
    title = title or (out.layout.title.text if out.layout.title else None) or ""
    if note is None and shows_sample(out):
        note = t("quality.sample_note", lang)
    parts = [source or t("quality.source.default", lang)] + ([note] if note else [])
    fa = lang == "fa"
    out.update_layout(title={
        "text": title, "x": 0.98 if fa else 0.02, "xanchor": "right" if fa else "left",
        "xref": "container", "yref": "container", "y": 0.985, "yanchor": "top",
        "font": {"size": 20},
        "subtitle": {"text": "  ·  ".join(parts), "font": {"size": 13, "color": "#4b5563"}},
    })
    margin_t = out.layout.margin.t if out.layout.margin and out.layout.margin.t else 0
    out.update_layout(margin_t=max(margin_t, TITLE_SPACE_PX))
    return out


@lru_cache(maxsize=1)
def _font_rule() -> str:
    data = base64.b64encode(FONT_FILE.read_bytes()).decode("ascii")
    return ('<defs><style type="text/css">@font-face{font-family:"Vazirmatn";'
            f'src:url(data:font/ttf;base64,{data}) format("truetype");'
            'font-weight:normal;font-style:normal;}</style></defs>')


def embed_font(svg: bytes) -> bytes:
    """The SVG with Vazirmatn embedded (``@font-face``, base64) right after its root tag;
    unchanged when the font file is missing or the data is not an SVG."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0 or not FONT_FILE.is_file():
        return svg
    return (text[:end + 1] + _font_rule() + text[end + 1:]).encode("utf-8")


def chart_file(fig: go.Figure | dict, fmt: str = "png", lang: str = "fa",
               title: str | None = None, source: str | None = None, note: str | None = None,
               width: int = EXPORT_WIDTH, height: int = EXPORT_HEIGHT,
               scale: float = 1) -> bytes:
    """The stand-alone chart file (PNG or SVG bytes): :func:`standalone_figure`, drawn by
    :func:`exports.images.figure_to_image` (Persian right-to-left, Persian digits, the
    OSM attribution on maps), the font embedded in an SVG."""
    from exports.images import figure_to_image

    prepared = standalone_figure(fig, lang, title, source, note)
    data = figure_to_image(prepared, fmt, width=width, height=height, scale=scale, lang=lang)
    return embed_font(data) if fmt.lower().lstrip(".") == "svg" else data
