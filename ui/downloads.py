"""Download buttons for charts and tables, and the briefing deck built in the app.

* :func:`chart_downloads` — PNG (1920×1080, rendered on the server by the warm kaleido
  server of :mod:`exports.images`) and SVG buttons under a chart.  The image is made
  **only when the button is clicked**: the buttons get a callable as ``data`` (Streamlit's
  deferred download, run on click in a separate thread), so a page rerun costs nothing.
  The chart toolbar's own PNG export (``figures.theme.plotly_config``) stays.
* :func:`table_downloads` — Excel (right-to-left sheet, Persian headers, number formats)
  and CSV (UTF-8 with BOM) buttons under a table, also built on click; formula injection
  is neutralised by :mod:`exports.tables`.
* :func:`build_briefing_deck` — the Briefing page's click handler as a pure function:
  view ids, title, scenario, project filter → .pptx bytes (progress per slide).

The byte builders (:func:`chart_image_bytes`, :func:`table_excel_bytes`,
:func:`table_csv_bytes`, :func:`build_briefing_deck`) have no Streamlit in them, so tests
call them directly (download-button bytes are not reachable from AppTest).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.filters import ProjectFilter
from core import compat
from figures.theme import EXPORT_HEIGHT, EXPORT_WIDTH
from i18n import t
from ui.filenames import download_name

__all__ = [
    "CSV_MIME",
    "DEFAULT_VIEWS",
    "PDF_MIME",
    "PNG_MIME",
    "PPTX_MIME",
    "SVG_MIME",
    "XLSX_MIME",
    "briefing_specs",
    "build_briefing_deck",
    "chart_downloads",
    "chart_image_bytes",
    "expected_slide_count",
    "image_export_available",
    "offered_views",
    "pdf_available",
    "table_csv_bytes",
    "table_downloads",
    "table_excel_bytes",
    "warm_image_server",
]

PNG_MIME = "image/png"
SVG_MIME = "image/svg+xml"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDF_MIME = "application/pdf"

# the Briefing page's default selection: a map, the headline counts, the balance charts,
# the ranking and the labour picture
DEFAULT_VIEWS = ("map_budget_per_capita", "status_bars", "centre_rest", "lorenz", "ranking",
                 "labour")

Progress = Callable[[int, int, str], None]


# ---------------------------------------------------------------------------
# Byte builders (no Streamlit)
# ---------------------------------------------------------------------------


def chart_image_bytes(fig: go.Figure | dict, fmt: str = "png", lang: str = "fa",
                      width: int = EXPORT_WIDTH, height: int = EXPORT_HEIGHT,
                      title: str | None = None) -> bytes:
    """The chart as a stand-alone PNG or SVG (:func:`exports.standalone.chart_file`, the
    function ``pishran export chart`` uses too): 16:9 at 1920×1080 by default, with its
    title, source line and ✱ note, prepared for ``lang`` (right-to-left Persian labels,
    Persian digits, the OSM attribution on maps), the font embedded in an SVG."""
    from exports.standalone import chart_file

    return chart_file(fig, fmt, lang, title=title, width=width, height=height)


def table_excel_bytes(df: pd.DataFrame, title: str, lang: str = "fa",
                      headers: Mapping[str, str] | None = None,
                      number_formats: Mapping[str, str] | None = None) -> bytes:
    """The table as one .xlsx sheet named after ``title`` (RTL for ``fa``)."""
    from exports.tables import to_excel_bytes

    return to_excel_bytes({title or t("export.sheet", lang): df}, lang, headers=headers,
                          number_formats=number_formats)


def table_csv_bytes(df: pd.DataFrame, headers: Mapping[str, str] | None = None) -> bytes:
    """The table as CSV, UTF-8 with BOM."""
    from exports.tables import to_csv_bytes

    return to_csv_bytes(df, headers=headers)


@lru_cache(maxsize=1)
def image_export_available() -> bool:
    """Whether a Chromium for kaleido is on this machine (checked once per process)."""
    from exports.images import ExportError, find_browser

    try:
        find_browser()
    except ExportError:
        return False
    return True


def warm_image_server() -> None:
    """Start the kaleido server in the background (idempotent), so the first chart image
    or deck slide does not wait for the browser start (~2.5 s, more on a busy machine)."""
    from exports.images import server_running, start_export_server

    if image_export_available() and not server_running():
        threading.Thread(target=_start_quietly, args=(start_export_server,),
                         name="pishran-export-warm", daemon=True).start()


def _start_quietly(start: Callable[[], float]) -> None:
    try:
        start()
    except Exception:  # noqa: BLE001 - the real export reports the problem
        pass


def pdf_available() -> bool:
    """Whether LibreOffice is installed (``exports.deck.deck_to_pdf`` can convert)."""
    return compat.libreoffice() is not None


# ---------------------------------------------------------------------------
# Buttons
# ---------------------------------------------------------------------------


def chart_downloads(fig: go.Figure, title: str, lang: str, key: str) -> None:
    """PNG and SVG download buttons under a chart, rendered on click (deferred data).

    ``fig`` must not be changed after this call (the image is drawn from it on click).
    """
    name = download_name(title, lang)
    available = image_export_available()
    help_missing = t("download.no_browser", lang)
    with st.container(horizontal=True, gap="small", key=f"dl_chart_{key}"):
        for fmt, mime in (("png", PNG_MIME), ("svg", SVG_MIME)):
            st.download_button(
                t(f"download.{fmt}", lang),
                data=(lambda fmt=fmt: chart_image_bytes(fig, fmt, lang, title=title)),
                file_name=f"{name}.{fmt}", mime=mime, key=f"dl_{fmt}_{key}",
                help=t(f"download.{fmt}_help", lang) if available else help_missing,
                on_click="ignore", disabled=not available, type="tertiary")


def table_downloads(df: pd.DataFrame, title: str, lang: str, key: str,
                    headers: Mapping[str, str] | None = None,
                    number_formats: Mapping[str, str] | None = None) -> None:
    """Excel and CSV download buttons under a table, built on click (deferred data).

    ``headers`` renames columns for the files (e.g. codes → Persian headers)."""
    name = download_name(title, lang)
    with st.container(horizontal=True, gap="small", key=f"dl_table_{key}"):
        st.download_button(
            t("download.excel", lang),
            data=lambda: table_excel_bytes(df, title, lang, headers, number_formats),
            file_name=f"{name}.xlsx", mime=XLSX_MIME, key=f"dl_xlsx_{key}",
            help=t("download.excel_help", lang), on_click="ignore", type="tertiary")
        st.download_button(
            t("download.csv", lang), data=lambda: table_csv_bytes(df, headers),
            file_name=f"{name}.csv", mime=CSV_MIME, key=f"dl_csv_{key}",
            help=t("download.csv_help", lang), on_click="ignore", type="tertiary")


# ---------------------------------------------------------------------------
# The briefing deck
# ---------------------------------------------------------------------------


def offered_views(with_scenario: bool) -> list[str]:
    """View ids the Briefing page offers (:func:`briefing.views.offered_views`)."""
    from briefing.views import offered_views as offered

    return offered(with_scenario)


def expected_slide_count(n_views: int, with_scenario: bool, n_shortlist_slides: int = 0
                         ) -> int:
    """Slides of a deck with ``n_views`` views (:func:`briefing.deck.expected_slide_count`)."""
    from briefing.deck import expected_slide_count as count

    return count(n_views, with_scenario, n_shortlist_slides)


def briefing_specs(view_ids: Sequence[str], lang: str = "fa", title: str | None = None,
                   scenario: Any = None, scenario_name: str | None = None,
                   flt: ProjectFilter | None = None, dataset: Any = None,
                   geometry: Any = "load") -> list:
    """The deck's slide specs from :func:`briefing.deck.deck_spec` (the function
    ``pishran export deck`` calls too), with the context built for the shared project
    filter ``flt``.

    ``scenario``: a :class:`~analytics.scenario.Scenario`, its dict, or a saved name;
    ``scenario_name`` is what the slides call it unless the context names the scenario (a
    saved one or a file by its own name, a dict by its ``name``); default: the scenario's
    own name, else «unnamed».
    """
    from briefing.context import build_context
    from briefing.deck import deck_spec

    view_ids = list(view_ids)
    if scenario is not None and not scenario_name:
        scenario_name = (scenario if isinstance(scenario, str)
                         else getattr(scenario, "name", None)
                         or (scenario.get("name") if isinstance(scenario, dict) else None)
                         or t("briefing.scenario.unnamed", lang))
    context = build_context(scenario=scenario, flt=flt, dataset=dataset, geometry=geometry)
    from ui.data import store as current_store

    if (opened := current_store()) is not None:  # the recorded shortlists (issue 15)
        from briefing.shortlists import attach_shortlists

        attach_shortlists(context, opened)
    return deck_spec(context, view_ids, lang, title=title, scenario_name=scenario_name)


def build_briefing_deck(view_ids: Sequence[str], lang: str = "fa", title: str | None = None,
                        scenario: Any = None, scenario_name: str | None = None,
                        flt: ProjectFilter | None = None, dataset: Any = None,
                        geometry: Any = "load", progress: Progress | None = None) -> bytes:
    """The Briefing page's deck as .pptx bytes.

    ``progress(done, total, label)``: ``done`` slides of ``total`` are finished and
    ``label`` is the title of the slide being built next (called with ``done = 0`` first
    and ``done == total`` at the end, then with the last slide's title).
    """
    from exports.deck import build_deck

    specs = briefing_specs(view_ids, lang, title, scenario, scenario_name, flt, dataset,
                           geometry)
    if progress is None:
        return build_deck(specs, lang)
    titles = [s.title for s in specs]
    progress(0, len(titles), titles[0])

    def report(step: int, total: int, label: str) -> None:
        # build_deck reports after a slide is done: announce the next one (when the
        # slide list was not split into more pages, titles line up with steps)
        if step < total and total == len(titles):
            progress(step, total, titles[step])
        elif step < total:
            progress(step, total, label)
        else:
            progress(total, total, label)

    return build_deck(specs, lang, progress=report)


# ---------------------------------------------------------------------------
# The governor's list (one county's projects and what is overdue)
# ---------------------------------------------------------------------------


def governor_list_download(status, code: str, name: str, lang: str) -> None:
    """A download button for the county's printable list (Excel, built on click)."""
    from exports.followup_list import county_list_excel

    file_name = download_name(t("overdue.file_name", lang, name=name), lang)
    st.download_button(
        t("overdue.download_xlsx", lang),
        data=lambda: county_list_excel(status, code, name, lang),
        file_name=f"{file_name}.xlsx", mime=XLSX_MIME, key=f"dl_governor_{code}",
        on_click="ignore", type="secondary")
