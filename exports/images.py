"""Chart images (PNG/SVG) with one warm kaleido server per process.

* :func:`figure_to_image` renders a Plotly figure with the system Chromium through
  ``kaleido.start_sync_server(mathjax=False)``, started lazily on first use and reused:
  the first image takes ~2.5 s (browser start), later ones ~0.3 s.  Renders are
  serialised by a lock (kaleido's sync server is not safe for concurrent callers).
* Nothing is downloaded: Chromium comes from ``BROWSER_PATH`` or ``PATH``
  (``kaleido_get_chrome`` is never called), plotly.js from the installed package,
  MathJax is off, and Plotly's ``geo`` subplot reads the app's empty base map
  ``static/topojson/world_110m.json`` from disk (kaleido's ``topojson`` option, which
  becomes plotly.js's ``topojsonURL`` config) instead of ``cdn.plot.ly``.
* :func:`prepare_for_export` makes a copy of the figure fit for a Persian reader:
  every label that contains Persian is embedded right-to-left, numeric axes get
  Persian digits, maps carry «© OpenStreetMap contributors», the size is 16:9.

Chromium lays SVG text out in a left-to-right paragraph, so a label that starts with
digits, brackets or Latin letters (``"GDP سهم"``) or that contains Latin words comes out
in the wrong order.  An RLM (:func:`i18n.rtl_label`) fixes digits and brackets but not
Latin words; an RLE … PDF embedding fixes all of them (measured, see
``tests/test_exports_images.py::test_mixed_labels_read_right_to_left``).
"""

from __future__ import annotations

import logging
import math
import numbers
import os
import re
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

import plotly.graph_objects as go

from core import compat
from figures.theme import (
    EXPORT_HEIGHT,
    EXPORT_WIDTH,
    FONT_FAMILY,
    add_attribution,
    nice_ticks,
    tick_labels,
)
from i18n import rtl_label, t
from i18n.formatting import ARABIC_LETTERS

__all__ = [
    "ExportError",
    "FORMATS",
    "MAP_TRACE_TYPES",
    "RENDER_TIMEOUT",
    "figure_to_image",
    "find_browser",
    "font_installed",
    "has_attribution",
    "has_rtl_letters",
    "is_map_figure",
    "prepare_for_export",
    "rtl_text",
    "server_running",
    "start_export_server",
    "stop_export_server",
    "topojson_url",
]

_log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
TOPOJSON_DIR = ROOT / "static" / "topojson"
FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
RENDER_TIMEOUT = 60.0  # seconds for one image inside kaleido; the caller waits 30 s more
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MAP_TRACE_TYPES = frozenset({
    "choropleth", "scattergeo", "choroplethmap", "choroplethmapbox", "scattermap",
    "scattermapbox", "densitymap", "densitymapbox",
})

_ARABIC_SCRIPT = ARABIC_LETTERS


class ExportError(RuntimeError):
    """Image export is unavailable (no browser) or the render failed."""


# ---------------------------------------------------------------------------
# Right-to-left labels
# ---------------------------------------------------------------------------


def has_rtl_letters(text: Any) -> bool:
    """True if ``text`` contains Persian/Arabic letters (digits do not count)."""
    return isinstance(text, str) and bool(_ARABIC_SCRIPT.search(text))


def rtl_text(text: Any, lang: str = "fa") -> Any:
    """The catalogue's :func:`i18n.rtl_label` (RLE + RLM … PDF per line), kept under
    this name for the export code."""
    return rtl_label(text, lang)


def _rtl_array(values: Any, lang: str) -> Any:
    """``rtl_text`` over a list/tuple/array of labels; anything else unchanged."""
    if values is None or isinstance(values, (str, bytes, dict)):
        return values
    try:
        items = list(values)
    except TypeError:
        return values
    if not any(isinstance(v, str) and _ARABIC_SCRIPT.search(v) for v in items):
        return values
    return [rtl_text(v, lang) for v in items]


def _rtl_title(obj: Any, lang: str) -> None:
    """``obj.title.text`` right-to-left, when ``obj`` has a title."""
    title = getattr(obj, "title", None)
    if title is not None and getattr(title, "text", None):
        title.text = rtl_text(title.text, lang)


def _rtl_figure(fig: go.Figure, lang: str) -> None:
    layout = fig.layout
    _rtl_title(layout, lang)
    if layout.title.subtitle.text:
        layout.title.subtitle.text = rtl_text(layout.title.subtitle.text, lang)
    _rtl_title(layout.legend, lang)
    for axis in list(fig.select_xaxes()) + list(fig.select_yaxes()):
        _rtl_title(axis, lang)
        if axis.ticktext is not None:
            axis.ticktext = _rtl_array(axis.ticktext, lang)
        if axis.categoryarray is not None:
            axis.categoryarray = _rtl_array(axis.categoryarray, lang)
    for coloraxis in fig.select_coloraxes():
        _rtl_title(coloraxis.colorbar, lang)
    for annotation in layout.annotations:
        annotation.text = rtl_text(annotation.text, lang)
    for shape in layout.shapes:
        if shape.label is not None and shape.label.text:
            shape.label.text = rtl_text(shape.label.text, lang)
    for trace in fig.data:
        if isinstance(trace.name, str):
            trace.name = rtl_text(trace.name, lang)
        # text labels, pie labels and categorical positions: the words the reader sees
        for key in ("text", "labels", "x", "y"):
            if key in trace and trace[key] is not None:
                value = trace[key]
                new = rtl_text(value, lang) if isinstance(value, str) else _rtl_array(value, lang)
                if new is not value:
                    trace[key] = new
        if "legendgrouptitle" in trace and trace.legendgrouptitle.text:
            trace.legendgrouptitle.text = rtl_text(trace.legendgrouptitle.text, lang)
        if "colorbar" in trace:
            _rtl_title(trace.colorbar, lang)
        if "marker" in trace and "colorbar" in trace.marker:
            _rtl_title(trace.marker.colorbar, lang)


# ---------------------------------------------------------------------------
# Persian digits on plain numeric axes
# ---------------------------------------------------------------------------


def _numeric(values: Any) -> list[float] | None:
    """Finite float values of a data array, or None if any value is not a number."""
    if values is None or isinstance(values, (str, bytes)):
        return None
    try:
        items = list(values)
    except TypeError:
        return None
    out = []
    for v in items:
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            return None
        if math.isfinite(float(v)):
            out.append(float(v))
    return out


def _axis_names(trace: Any) -> tuple[str, str]:
    """Layout keys of a cartesian trace's axes, e.g. ``("xaxis", "yaxis2")``."""
    return (f"xaxis{(trace.xaxis or 'x')[1:]}", f"yaxis{(trace.yaxis or 'y')[1:]}")


def _localise_numeric_axes(fig: go.Figure, lang: str) -> None:
    """Give linear cartesian axes that have no tick labels of their own explicit ticks
    with thousands separators, in Persian digits for ``fa`` (the builders'
    ``localise_axis`` does the same; this catches figures that did not call it, and
    replaces Plotly's SI ticks such as "25k" or "900B")."""
    ranges: dict[str, list[float]] = {}
    blocked: set[str] = set()  # axes shared with a trace whose ticks we cannot predict
    for trace in fig.data:
        if trace.type not in ("bar", "scatter", "scattergl") and "xaxis" in trace:
            blocked.update(_axis_names(trace))
            continue
        if "xaxis" not in trace:
            continue
        for key, name in zip(("x", "y"), _axis_names(trace), strict=True):
            values = _numeric(trace[key])
            if values is None:
                blocked.add(name)
                continue
            if trace.type == "bar":
                values.append(0.0)
            ranges.setdefault(name, []).extend(values)
    for name, values in ranges.items():
        axis = fig.layout[name]
        if (name in blocked or not values or axis.tickvals is not None
                or axis.ticktext is not None or axis.tickformat
                or axis.type not in (None, "-", "linear") or axis.visible is False
                or axis.tickmode == "array"):
            continue
        lo, hi = (axis.range[0], axis.range[1]) if axis.range else (min(values), max(values))
        ticks = nice_ticks(float(lo), float(hi))
        if ticks:
            axis.update(tickmode="array", tickvals=ticks,
                        ticktext=tick_labels(ticks, lang, None, axis.ticksuffix or ""),
                        ticksuffix="")


# ---------------------------------------------------------------------------
# Preparing a figure
# ---------------------------------------------------------------------------


def is_map_figure(fig: go.Figure) -> bool:
    """True if the figure draws a map (a geo or MapLibre/Mapbox trace)."""
    return any(trace.type in MAP_TRACE_TYPES for trace in fig.data)


def has_attribution(fig: go.Figure) -> bool:
    return any("OpenStreetMap" in (a.text or "") for a in fig.layout.annotations)


def prepare_for_export(fig: go.Figure | dict, lang: str = "fa", width: int = EXPORT_WIDTH,
                       height: int = EXPORT_HEIGHT) -> go.Figure:
    """A copy of ``fig`` ready for a static image; the caller's figure is not changed.

    * size ``width`` × ``height`` (16:9 by default) and Vazirmatn as the font;
    * cartesian axes get ``automargin`` so tick labels and axis titles never overlap;
    * for ``fa``: titles, axis titles and tick labels, legend, annotations, trace names
      and text labels embedded right-to-left (:func:`rtl_text`);
    * plain numeric axes get explicit tick labels with thousands separators (Persian
      digits for ``fa``), never Plotly's SI ticks ("25k", "900B");
    * maps: the «© OpenStreetMap contributors» attribution is added if missing, and the
      ``geo`` subplot uses the 1:110m base map the app ships.
    """
    fig = go.Figure(fig)
    family = fig.layout.font.family or ""
    if "Vazirmatn" not in family:
        fig.update_layout(font_family=FONT_FAMILY)
    fig.update_layout(width=width, height=height, autosize=False)
    # tick labels and axis titles push the margins instead of overlapping (the theme's
    # template="none" leaves automargin off and its 40 px side margins are too narrow)
    axis_names = {name for trace in fig.data if "xaxis" in trace for name in _axis_names(trace)}
    axis_names |= {k for k in fig.layout.to_plotly_json() if re.match(r"^[xy]axis\d*$", k)}
    for name in axis_names:
        if fig.layout[name].automargin is None:
            fig.layout[name].automargin = True
    if is_map_figure(fig):
        if not has_attribution(fig):
            add_attribution(fig, lang)
        if any(trace.type in ("choropleth", "scattergeo") for trace in fig.data):
            fig.update_geos(resolution=110)
    _localise_numeric_axes(fig, lang)
    if lang == "fa":
        _rtl_figure(fig, lang)
    return fig


# ---------------------------------------------------------------------------
# The warm kaleido server
# ---------------------------------------------------------------------------

_server_lock = threading.Lock()  # start/stop
_render_lock = threading.Lock()  # one render at a time (kaleido's sync server is not reentrant)
_state: dict[str, Any] = {"running": False, "broken": False}


def find_browser() -> str:
    """Chromium's path: ``BROWSER_PATH`` if set, else the first browser on ``PATH``."""
    env = os.environ.get("BROWSER_PATH")
    if env:
        if Path(env).is_file():
            return env
        raise ExportError(f"{t('export.no_browser', 'en')} (BROWSER_PATH={env!r})")
    path = compat.which(*BROWSERS)
    if path:
        return path
    raise ExportError(t("export.no_browser", "en"))


def font_installed(family: str = "Vazirmatn") -> bool | None:
    """Whether fontconfig resolves ``family`` to itself; None if fc-match is missing."""
    if not compat.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}", family], capture_output=True,
                             text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return family.lower() in out.lower()


def topojson_url() -> str:
    """``file://…/static/topojson/``: plotly.js appends ``world_110m.json``."""
    if not (TOPOJSON_DIR / "world_110m.json").is_file():
        raise ExportError(f"missing base map {TOPOJSON_DIR / 'world_110m.json'}")
    return TOPOJSON_DIR.as_uri() + "/"


def _call(fn: Callable[[], Any], timeout: float) -> Any:
    """Run ``fn`` in a helper thread and wait at most ``timeout`` seconds.

    kaleido's sync server waits without a timeout; if its browser thread died, a call
    would block for ever.  After a timeout the server is marked broken: further renders
    fail fast instead of queueing behind the lost one (and no answer can be mismatched).
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    worker = threading.Thread(target=run, name="pishran-export", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _state["broken"] = True
        raise ExportError(f"image export did not answer within {timeout:.0f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


def server_running() -> bool:
    return bool(_state["running"])


def start_export_server() -> float:
    """Start the warm kaleido server (idempotent) and render one tiny image.

    Returns the seconds spent (0.0 when it was already running).  Call it at app start
    to take the ~2.5 s browser start off the first export.
    """
    with _server_lock:
        if _state["running"]:
            return 0.0
        import kaleido

        path = find_browser()
        if font_installed() is False:
            _log.warning(t("export.no_font", "en"))
        start = perf_counter()
        kaleido.start_sync_server(mathjax=False, path=path, timeout=RENDER_TIMEOUT,
                                  silence_warnings=True)
        import plotly.io as pio

        if not pio.defaults.topojson:  # plain fig.to_image() in this process stays offline too
            pio.defaults.topojson = topojson_url()
        _state.update(running=True, broken=False)
        try:
            _render(go.Figure(layout={"width": 64, "height": 36}), "png", 64, 36, 1)
        except BaseException:
            _stop_locked()
            raise
        return perf_counter() - start


def _stop_locked() -> None:
    import kaleido

    if _state["running"] and not _state["broken"]:
        kaleido.stop_sync_server(silence_warnings=True)
    _state.update(running=False, broken=False)


def stop_export_server() -> None:
    """Stop the server (tests, benchmarks); the next export starts a new one."""
    with _server_lock, _render_lock:
        _stop_locked()


def _render(fig: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    import kaleido

    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    topojson = topojson_url()
    with _render_lock:
        if _state["broken"]:
            raise ExportError("the image export server stopped answering; restart the app")
        try:
            data = _call(lambda: kaleido.calc_fig_sync(fig, opts=opts, topojson=topojson),
                         RENDER_TIMEOUT + 30)
        except ExportError:
            raise
        except Exception as exc:  # kaleido/choreographer errors, Plotly errors from the page
            raise ExportError(f"image export failed: {exc}") from exc
    return data


def figure_to_image(fig: go.Figure | dict, fmt: str = "png", width: int = EXPORT_WIDTH,
                    height: int = EXPORT_HEIGHT, scale: float = 1, lang: str | None = "fa"
                    ) -> bytes:
    """The figure as PNG/SVG (or PDF/JPEG/WebP) bytes, ``width*scale`` × ``height*scale`` px.

    The figure is passed through :func:`prepare_for_export` for ``lang`` first (a copy;
    ``lang=None`` only sets the size).  For slides, ``width=1280, height=720, scale=1.5``
    gives the same 1920×1080 pixels with text 1.5× larger.
    """
    fmt = fmt.lower().lstrip(".")
    fmt = "jpeg" if fmt == "jpg" else fmt
    if fmt not in FORMATS:
        raise ValueError(f"unsupported image format {fmt!r}; use one of {FORMATS}")
    if lang:
        prepared = prepare_for_export(fig, lang, width, height)
    else:
        prepared = go.Figure(fig)
        prepared.update_layout(width=width, height=height, autosize=False)
    start_export_server()
    return _render(prepared, fmt, width, height, scale)
