"""The briefing deck's slides as plain data: :class:`SlideSpec` and the standard slides.

A deck is a list of :class:`SlideSpec` (titles, Plotly figures, tables, notes).
:func:`standard_deck` lays out the usual order — title, one slide per view, key figures,
the optional baseline-against-scenario table, sources — from already computed rows;
:func:`briefing.deck.deck_spec` fills it from the view registry, and
:func:`exports.deck.build_deck` writes it as a .pptx file.  This module imports nothing
but the catalogue, so the writer can take the spec type without loading the registry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from i18n import t

__all__ = [
    "KINDS",
    "SlideSpec",
    "comparison_slide",
    "key_figures_slide",
    "sources_slide",
    "standard_deck",
]

KINDS = ("title", "figure", "table", "comparison", "sources", "brief")


@dataclass
class SlideSpec:
    """One slide as plain data.

    ``kind``: ``"title"`` | ``"figure"`` | ``"table"`` | ``"comparison"`` | ``"sources"``.
    ``figure``: a Plotly figure (rendered with :func:`exports.images.figure_to_image`) or
    ready PNG bytes.  ``table``: a DataFrame whose column names are the (translated)
    headers, or a list of rows whose first row is the header.  For ``"comparison"`` the
    first three columns are measure, baseline, scenario (change is computed); for
    ``"sources"`` the rows are figure, status, source; a ``"brief"`` (a one-page county or
    constituency brief, :mod:`briefing.briefs`) has both a figure and a table.  ``notes``: speaker notes.
    ``subtitle``: extra line(s) on the title slide (e.g. the scenario); on a figure slide
    the chart's name under the finding that is its title.  ``source``, ``note``: a figure
    slide's source line and ✱ note (:mod:`briefing.findings`).
    """

    kind: str
    title: str
    figure: go.Figure | bytes | None = None
    table: pd.DataFrame | Sequence[Sequence[Any]] | None = None
    notes: str | None = None
    subtitle: str | None = None
    source: str | None = None  # figure slides: the source line under the chart
    note: str | None = None  # figure slides: the ✱ note when the chart shows estimates
    widths: Sequence[float] | None = None  # table slides: relative column widths
    font_size: float | None = None  # table slides: the cells' size in points (else by rows)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown slide kind {self.kind!r}; use one of {KINDS}")


# ---------------------------------------------------------------------------
# Standard slides
# ---------------------------------------------------------------------------


def key_figures_slide(rows: Iterable[Sequence[Any]], lang: str = "fa",
                      title: str | None = None) -> SlideSpec:
    """``rows`` of (measure, value[, unit]) → a key-figures table slide."""
    rows = [list(r) for r in rows]
    with_unit = any(len(r) > 2 for r in rows)
    header = [t("deck.col.measure", lang), t("deck.col.value", lang)]
    if with_unit:
        header.append(t("deck.col.unit", lang))
    body = [(r + [""])[: len(header)] for r in rows]
    return SlideSpec("table", title or t("deck.key_figures", lang), table=[header, *body])


def comparison_slide(rows: Iterable[Sequence[Any]], lang: str = "fa",
                     scenario: str | None = None) -> SlideSpec:
    """``rows`` of (measure, baseline, scenario) → baseline-against-scenario slide."""
    header = [t("deck.col.measure", lang), t("deck.col.baseline", lang),
              scenario or t("deck.col.scenario", lang)]
    title = t("deck.comparison", lang) + (f" — {scenario}" if scenario else "")
    return SlideSpec("comparison", title, table=[header, *[list(r) for r in rows]])


def sources_slide(rows: Iterable[Sequence[Any]] = (), lang: str = "fa") -> SlideSpec:
    """``rows`` of (figure, status, source) → the sources-and-attribution slide (the
    OpenStreetMap attribution and the sample note are always added)."""
    header = [t("deck.col.figure", lang), t("deck.col.quality", lang),
              t("deck.col.source", lang)]
    rows = [list(r) for r in rows]
    return SlideSpec("sources", t("deck.sources", lang), table=[header, *rows] if rows else None)


def standard_deck(views: Iterable[tuple[str, go.Figure | bytes]], lang: str = "fa",
                  key_figures: Iterable[Sequence[Any]] = (),
                  comparison: Iterable[Sequence[Any]] | None = None,
                  sources: Iterable[Sequence[Any]] = (), scenario: str | None = None,
                  title: str | None = None) -> list[SlideSpec]:
    """Title, one slide per ``(title, figure)`` view, key figures, the optional
    baseline-against-scenario table and the sources slide."""
    subtitle = t("deck.scenario_line", lang, name=scenario) if scenario else None
    specs = [SlideSpec("title", title or t("deck.title", lang), subtitle=subtitle)]
    specs += [SlideSpec("figure", view_title, figure=fig) for view_title, fig in views]
    key_figures = list(key_figures)
    if key_figures:
        specs.append(key_figures_slide(key_figures, lang))
    if comparison is not None:
        specs.append(comparison_slide(comparison, lang, scenario))
    specs.append(sources_slide(sources, lang))
    return specs
