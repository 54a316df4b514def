"""Table styling for ``st.dataframe``: the ``column_config`` of the project explorer, of a
county's indicator table and of small text tables — labels, reading-side alignment, and
fixed widths in Persian so the tables fit a 1280 px screen.

The tables' content (display frames, Persian digits, Jalali dates) comes from
:mod:`figures.project_charts`; this is the Streamlit half.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import t

#: Column widths (Persian) of :func:`figures.project_charts.profile_display`, so the
#: table fits without scrolling.
PROFILE_WIDTHS = {"indicator": 190, "value": 80, "province": 90, "year": 55, "rank": 95,
                  "quality": 90, "source": 140}


def explorer_columns(lang: str = "fa") -> dict:
    """``column_config`` of :func:`figures.project_charts.explorer_display`'s columns."""
    align = "right" if lang == "fa" else "left"
    # The bar's number comes from printf (Latin digits only) and ignores the Styler: in
    # Persian the bar is shown alone (exact values, in Persian digits, are in the detail).
    pct = "\u200c" if lang == "fa" else "%d%%"
    # Persian: fixed widths so the table fits the page (it opens at its left end, which is
    # the end of a right-to-left row).  English: columns size to their content.
    def w(pixels: int) -> int | None:
        return pixels if lang == "fa" else (260 if pixels >= 190 else None)

    col = st.column_config
    return {
        "mark": col.TextColumn(t("projects.col.mark", lang), width=30,
                               help=t("common.sample_legend", lang)),
        "title": col.TextColumn(t("projects.col.title", lang), width=w(190), alignment=align),
        "county": col.TextColumn(t("projects.col.county", lang), width=w(80), alignment=align),
        "sector": col.TextColumn(t("projects.col.sector", lang), width=w(110), alignment=align),
        "status": col.TextColumn(t("projects.col.status", lang), width=w(86), alignment=align,
                                 help=t("projects.overdue_mark", lang)),
        "physical_progress_pct": col.ProgressColumn(
            t("projects.col.physical_progress_pct", lang), min_value=0, max_value=100,
            format=pct, width=90 if lang == "fa" else 130, help=t("projects.progress_help", lang)),
        "financial_progress_pct": col.ProgressColumn(
            t("projects.col.financial_progress_pct", lang), min_value=0, max_value=100,
            format=pct, width=100 if lang == "fa" else 130, help=t("projects.progress_help", lang)),
        "budget_billion_rials": col.NumberColumn(t("projects.col.budget", lang), width=w(80),
                                                 help=t("unit.billion_rials", lang)),
        "expected_jobs": col.NumberColumn(t("projects.col.expected_jobs", lang)),
        "funding_source": col.TextColumn(t("projects.col.funding_source", lang), alignment=align),
        "planned_start": col.TextColumn(t("projects.col.planned_start", lang), alignment=align),
        "planned_end": col.TextColumn(t("projects.col.planned_end", lang), width=w(80),
                                      alignment=align),
        "last_followup": col.TextColumn(t("projects.col.last_followup", lang), width=w(80),
                                        alignment=align),
        "provenance": col.TextColumn(t("projects.col.provenance", lang), width=w(92),
                                     alignment=align, help=t("projects.provenance_help", lang)),
        "source_url": col.LinkColumn(t("projects.col.source", lang),
                                     display_text=t("projects.source_link", lang)),
        "project_id": col.TextColumn(t("projects.col.project_id", lang)),
    }


def headers(column_config: dict) -> dict[str, str]:
    """Column → its label in ``column_config`` (the name when it has none): the headers of
    a table's downloads."""
    return {c: cfg.get("label") or c for c, cfg in column_config.items()}


def text_columns(frame: pd.DataFrame, lang: str = "fa") -> dict:
    """``column_config`` aligning every column of a small text table to the reading side."""
    align = "right" if lang == "fa" else "left"
    return {c: st.column_config.TextColumn(str(c), alignment=align) for c in frame.columns}


def profile_columns(lang: str = "fa") -> dict:
    """``column_config`` for :func:`figures.project_charts.profile_display`: reading-side
    alignment, fixed widths in Persian."""
    align = "right" if lang == "fa" else "left"
    return {t(f"county.col.{c}", lang): st.column_config.TextColumn(
        t(f"county.col.{c}", lang), alignment=align, width=width if lang == "fa" else None)
        for c, width in PROFILE_WIDTHS.items()}
