"""The one figure theme: font, colours, layout defaults, attribution, chart toolbar config.

Every figure builder calls :func:`apply_theme`; nothing else sets fonts or colours.
Persian labels that start with Latin text or digits are prefixed with RLM
(:func:`i18n.rtl_label`, an RLE … PDF embedding) so they read right-to-left.
"""

from __future__ import annotations

import html
import math
import re

import plotly.graph_objects as go

from core.jalali import today_jalali
from i18n import localise_digits, t


def escape_markup(value: object) -> str:
    """A data value as Plotly text: ``<``, ``>`` and ``&`` escaped, so a title such as
    ``<span style="font-size:80px">`` or ``<a href=…>`` is shown as written, never
    interpreted by Plotly's pseudo-HTML (hover cards, ``text``, ``hovertemplate``'s
    ``customdata``).  The one helper for every data value that reaches Plotly markup."""
    return html.escape("" if value is None else str(value), quote=False)

__all__ = [
    "FONT_FAMILY",
    "SEQUENTIAL",
    "DIVERGING",
    "diverging_scale",
    "STATUS_COLOURS",
    "CENTRE_COLOUR",
    "REST_COLOUR",
    "TOPOJSON_URL",
    "EXPORT_WIDTH",
    "EXPORT_HEIGHT",
    "apply_theme",
    "add_attribution",
    "plotly_config",
    "export_filename",
    "nice_ticks",
    "tick_labels",
    "localise_axis",
    "colorbar_ticks",
]

FONT_FAMILY = "Vazirmatn, Tahoma, DejaVu Sans, sans-serif"
SEQUENTIAL = ["#f0f9f8", "#b7e4df", "#6cc3b8", "#2a9d8f", "#0f766e", "#134e4a"]
# Diverging colours from worse (red) through a light neutral to better (green): the low end
# is drawn red.  diverging_scale() turns it round for lower-is-better measures.
DIVERGING = [[0.0, "#b2182b"], [0.2, "#e08068"], [0.4, "#f8d5c8"], [0.5, "#f7f7f7"],
             [0.6, "#d2ecd0"], [0.8, "#7dbf7d"], [1.0, "#1b7837"]]
# For measures that are neither better high nor low (population, area): no good/bad colours.
DIVERGING_NEUTRAL = [[0.0, "#8c510a"], [0.25, "#d8b365"], [0.5, "#f5f5f5"],
                     [0.75, "#8fb8de"], [1.0, "#2c5c8a"]]
CENTRE_COLOUR = "#b45309"
REST_COLOUR = "#0f766e"
STATUS_COLOURS = {
    "defined": "#94a3b8",
    "study": "#60a5fa",
    "in_progress": "#0f766e",
    "stalled": "#dc2626",
    "completed": "#16a34a",
    "cancelled": "#1f2937",
}
# Relative URL of the empty base map served by the app (see static/topojson/README.md).
TOPOJSON_URL = "app/static/topojson/"
EXPORT_WIDTH, EXPORT_HEIGHT = 1920, 1080
# A briefing slide's image: 1920×1080 pixels laid out at 800×450 (about the size of the
# chart in the app), so chart text is 2.4× larger than in a 1920×1080 export: ~12 pt on the
# slide.  The smallest layout any exported view is drawn at.
SLIDE_PICTURE_PX = (800, 450, 2.4)


def diverging_scale(better: str | None = "higher") -> list[list]:
    """The diverging colour scale for a measure that is better ``"higher"`` (low = red,
    high = green), ``"lower"`` (low = green, high = red: unemployment) or ``None``
    (neither: brown → blue, no good/bad reading)."""
    if better == "lower":
        return [[round(1.0 - p, 6), c] for p, c in reversed(DIVERGING)]
    if better == "higher":
        return [list(stop) for stop in DIVERGING]
    return [list(stop) for stop in DIVERGING_NEUTRAL]


def margins(title: str | None) -> dict[str, int]:
    """The theme's figure margins in px (a title takes 70 px at the top)."""
    return {"l": 40, "r": 40, "t": 70 if title else 30, "b": 50}


def plot_height(height: int, title: str | None) -> int:
    """The height in px left for the plot area of a ``height`` px figure."""
    m = margins(title)
    return height - m["t"] - m["b"]


def apply_theme(fig: go.Figure, lang: str = "fa", title: str | None = None,
                height: int | None = 480) -> go.Figure:
    """Font, colours, margins and (optional) title; legends and titles aligned for ``lang``."""
    rtl = lang == "fa"
    fig.update_layout(
        template="none",  # every style is set here; the default template adds ~6 KB per figure

        font={"family": FONT_FAMILY, "size": 14, "color": "#1f2937"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=margins(title),
        hoverlabel={"font": {"family": FONT_FAMILY}},
        colorway=[REST_COLOUR, CENTRE_COLOUR, "#6366f1", "#db2777", "#65a30d", "#0891b2"],
        separators="٫٬" if rtl else ".,",
    )
    if height:
        fig.update_layout(height=height)
    if title:
        fig.update_layout(title={"text": title, "x": 0.98 if rtl else 0.02,
                                 "xanchor": "right" if rtl else "left", "font": {"size": 18}})
    fig.update_xaxes(gridcolor="#e5e7eb", zerolinecolor="#9ca3af", automargin=True)
    fig.update_yaxes(gridcolor="#e5e7eb", zerolinecolor="#9ca3af", automargin=True)
    return fig


def add_attribution(fig: go.Figure, lang: str = "fa") -> go.Figure:
    """«© OpenStreetMap contributors» in the lower corner — every map carries it (ODbL)."""
    fig.add_annotation(
        text=t("attribution.osm", lang), showarrow=False, xref="paper", yref="paper",
        x=0 if lang == "fa" else 1, y=0, xanchor="left" if lang == "fa" else "right",
        yanchor="bottom", font={"size": 11, "color": "#4b5563"}, bgcolor="rgba(255,255,255,0.7)",
    )
    return fig


def export_filename(title: str, lang: str = "fa") -> str:
    """A file name from the chart title and today's Jalali date, e.g. ``سهم-مرکز_1405-09-06``."""
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "-", title).strip("-")[:80] or "pishran"
    return f"{stem}_{today_jalali().replace('/', '-')}"


def plotly_config(title: str, lang: str = "fa") -> dict:
    """Chart toolbar config: PNG export at 1920×1080 named after the title and date,
    the local empty base map for geo subplots, no Plotly logo, no network."""
    return {
        "displaylogo": False,
        "topojsonURL": TOPOJSON_URL,
        "toImageButtonOptions": {
            "format": "png", "filename": export_filename(title, lang),
            "width": EXPORT_WIDTH, "height": EXPORT_HEIGHT, "scale": 1,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def nice_ticks(vmin: float, vmax: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering [vmin, vmax] (1-2-5 steps)."""
    if not math.isfinite(vmin) or not math.isfinite(vmax):
        return []
    if vmax == vmin:
        return [vmin]
    raw = (vmax - vmin) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(vmin / step) * step
    ticks, value = [], start
    while value <= vmax + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def tick_labels(values: list[float], lang: str, decimals: int | None = None,
                suffix: str = "") -> list[str]:
    """Tick labels with thousands separators, in Persian digits for ``fa`` (no "900B")."""
    if decimals is None:
        decimals = 0 if all(float(v).is_integer() for v in values) else 1
    return [localise_digits(f"{v:,.{decimals}f}{suffix}", lang) for v in values]


def localise_axis(fig: go.Figure, axis: str, vmin: float, vmax: float, lang: str,
                  suffix: str = "", decimals: int | None = None) -> go.Figure:
    """Give axis ``"x"``/``"y"`` explicit ticks with localised labels."""
    ticks = nice_ticks(vmin, vmax)
    update = {"tickvals": ticks, "ticktext": tick_labels(ticks, lang, decimals, suffix)}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**update)
    return fig


def colorbar_ticks(vmin: float, vmax: float, lang: str, suffix: str = "") -> dict:
    """``colorbar`` settings with localised tick labels."""
    ticks = [v for v in nice_ticks(vmin, vmax) if vmin <= v <= vmax] or [vmin, vmax]
    return {"tickvals": ticks, "ticktext": tick_labels(ticks, lang, None, suffix)}
