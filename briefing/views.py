"""The registry of the app's charts and maps ("views") that can be exported or put in a deck.

A view is a title key and a builder ``build(context, lang) -> go.Figure``; the context
(:class:`briefing.context.ViewContext`) holds the already-computed tables (dataset, filter,
panel, balance, geometry, scenario report), so the same view renders identically in the
app, in ``pishran export chart VIEW`` and in the briefing deck (:func:`briefing.deck.deck_spec`).
Views never filter or aggregate: :func:`briefing.context.build_context` does that once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analytics.indicators import (
    DEFAULT_RANKING_SPEC,
    centre_rest_shares,
    ranking_groups,
    ranking_inputs,
)
from analytics.labour import classify_labour_migration
from analytics.panel import PANEL_INDICATORS, sample_flags
from analytics.provenance import panel_groups
from analytics.ranking import rank_all_methods
from briefing.context import ViewContext
from core.schema import STATUSES
from figures.charts import (
    add_footnote,
    centre_rest_bars,
    labour_plot_px,
    labour_scatter,
    left_out_note,
    lorenz_chart,
    theil_chart,
)
from figures.county_map import county_map
from figures.map_layers import panel_group_label
from figures.rank_summary import top_bottom_chart
from figures.theme import SLIDE_PICTURE_PX, STATUS_COLOURS, apply_theme, localise_axis
from i18n import fmt_int, t

__all__ = ["VIEWS", "VIEW_SOURCES", "View", "offered_views", "view_source"]


@dataclass(frozen=True)
class View:
    """One exportable chart or map: ``build(context, lang)`` draws it, ``title_key`` names
    it; ``needs_scenario`` views draw a scenario's change and need a scenario context."""

    id: str
    title_key: str
    build: Callable[[ViewContext, str], go.Figure]
    is_map: bool = False
    needs_scenario: bool = False


# --- builders -----------------------------------------------------------------------------


def _map(measure: str) -> Callable[[ViewContext, str], go.Figure]:
    def build(ctx: ViewContext, lang: str) -> go.Figure:
        # as on the Overview: a county showing a larger unit's value is marked ▣, not ✱
        groups = panel_groups(ctx.dataset.indicators, ctx.panel, (measure,)).get(measure) \
            if measure in PANEL_INDICATORS else None
        fig, _ = county_map(ctx.panel, measure, ctx.geometry, lang,
                            centre=ctx.dataset.centre_code,
                            title=t(f"measure.{measure}", lang),
                            label_height=SLIDE_PICTURE_PX[1], groups=groups)
        return fig
    return build


def _status_bars(ctx: ViewContext, lang: str) -> go.Figure:
    counts = [int(ctx.panel[f"n_{s}"].sum()) for s in STATUSES]
    labels = [t(f"status.{s}", lang) for s in STATUSES]
    fig = go.Figure(go.Bar(
        x=labels, y=counts, marker_color=[STATUS_COLOURS[s] for s in STATUSES],
        text=[fmt_int(c, lang) for c in counts], textposition="outside", hoverinfo="skip"))
    apply_theme(fig, lang, t("views.status_bars", lang))
    localise_axis(fig, "y", 0, max(counts) * 1.15 if counts else 1, lang)
    fig.update_yaxes(range=[0, max(counts) * 1.2 if counts else 1])
    if lang == "fa":
        fig.update_xaxes(autorange="reversed")
    return fig


def _x_short(ctx: ViewContext, lang: str) -> str:
    return t(f"measure.short.{ctx.balance.x}", lang)


def _lorenz(ctx: ViewContext, lang: str) -> go.Figure:
    marked = sample_flags(ctx.panel, "population")
    names = {c: n + (" ✱" if marked[c] else "") for c, n in ctx.names(lang).items()}
    return lorenz_chart(ctx.balance.lorenz, names, _x_short(ctx, lang), lang,
                        title=t("balance.lorenz_heading", lang))


def _centre_rest(ctx: ViewContext, lang: str) -> go.Figure:
    return centre_rest_bars(centre_rest_shares(ctx.balance), _x_short(ctx, lang), lang,
                            title=t("balance.centre_heading", lang))


def _theil(ctx: ViewContext, lang: str) -> go.Figure:
    groups = {g: t(f"balance.group.{g}", lang) for g in ("centre", "rest", "ring", "other")}
    return theil_chart(ctx.balance.theil, groups, lang, title=t("balance.theil_heading", lang))


def _ranking(ctx: ViewContext, lang: str) -> go.Figure:
    # readable at slide size: the best and the worst counties by mean rank over the four
    # methods, as on the Ranking page (a larger unit's value is left out like a gap, so
    # its county is not ranked; briefing.findings.top_bottom)
    names = list(DEFAULT_RANKING_SPEC)
    values, flags = ranking_inputs(ctx.panel, ctx.dataset.indicators, names,
                                   groups_as_missing=True)
    result = rank_all_methods(values, DEFAULT_RANKING_SPEC)
    sample = flags.loc[list(result.ranks.index)].any(axis=1)
    groups = ranking_groups(ctx.panel, ctx.dataset.indicators, names)
    left_out = list(result.excluded["county"])
    grouped = [c for c in left_out if groups.loc[c].any()]
    note = left_out_note(left_out, grouped, ctx.names(lang), lang,
                         group=panel_group_label(ctx.dataset.indicators, ctx.panel, grouped,
                                                 names, lang))
    fig = top_bottom_chart(result.ranks, ctx.names(lang), lang, sample=sample,
                           title=t("ranking.ranks_heading", lang))
    axis_note = fig.layout.meta["axis_note"]
    return add_footnote(fig, axis_note + ("<br>" + note if note else ""), lang,
                        below_px=14)  # under the rank axis's numbers


def _labour(ctx: ViewContext, lang: str) -> go.Figure:
    classified = classify_labour_migration(ctx.panel)
    # the title through labour_scatter, so its own margins stay (re-applying the theme set
    # the bottom margin back to 50 px and the colour bar covered the x-axis title); names
    # thinned for the slide picture, the smallest size a view is drawn at
    # the counties showing a larger unit's rate are left off, and named above the plot
    grouped = classified.index[classified["is_group"]]
    return labour_scatter(classified, classified.attrs["thresholds"], lang,
                          title=t("labour.title", lang),
                          plot_px=labour_plot_px(*SLIDE_PICTURE_PX[:2]),
                          group_name=panel_group_label(
                              ctx.dataset.indicators, ctx.panel, grouped,
                              ("unemployment_rate", "net_migration_rate"), lang))


def _scenario_change_map(ctx: ViewContext, lang: str) -> go.Figure:
    if ctx.scenario is None:
        raise ValueError("this view needs a scenario")
    measure = "budget_per_capita"
    rows = pd.DataFrame(ctx.scenario["panel"]).set_index("code")
    frame = ctx.panel.copy()
    frame[measure] = rows[f"{measure}_change"].reindex(frame.index).astype(float)
    fig, _ = county_map(frame, measure, ctx.geometry, lang, centre=ctx.dataset.centre_code,
                        diverging=True, title=t("views.scenario_change_map", lang),
                        label_height=SLIDE_PICTURE_PX[1])
    return fig


VIEWS: dict[str, View] = {v.id: v for v in (
    View("map_budget_per_capita", "measure.budget_per_capita", _map("budget_per_capita"), True),
    View("map_unemployment", "measure.unemployment_rate", _map("unemployment_rate"), True),
    View("map_jobs_per_1000", "measure.jobs_per_1000", _map("jobs_per_1000"), True),
    View("status_bars", "views.status_bars", _status_bars),
    View("centre_rest", "balance.centre_heading", _centre_rest),
    View("lorenz", "balance.lorenz_heading", _lorenz),
    View("theil", "balance.theil_heading", _theil),
    View("ranking", "ranking.ranks_heading", _ranking),
    View("labour", "labour.title", _labour),
    View("scenario_change_map", "views.scenario_change_map", _scenario_change_map, True, True),
)}


def offered_views(with_scenario: bool) -> list[str]:
    """View ids offered for a deck, in registry order: scenario-only views only with a
    scenario."""
    return [v for v, view in VIEWS.items() if with_scenario or not view.needs_scenario]


# the source line of each view's stand-alone file and slide (i18n quality.source.*)
VIEW_SOURCES = {
    "map_budget_per_capita": "quality.source.projects",
    "map_jobs_per_1000": "quality.source.projects",
    "status_bars": "quality.source.projects", "centre_rest": "quality.source.projects",
    "lorenz": "quality.source.projects", "theil": "quality.source.projects",
    "ranking": "quality.source.default", "map_unemployment": "quality.source.census",
    "labour": "quality.source.labour", "scenario_change_map": "quality.source.scenario",
}


def view_source(view_id: str, ctx: ViewContext | None, lang: str) -> str:
    """The source line of a view (the scenario's name for scenario views)."""
    key = VIEW_SOURCES.get(view_id, "quality.source.default")
    name = (ctx.scenario_name if ctx is not None else None) or "—"
    return t(key, lang, name=name) if key == "quality.source.scenario" else t(key, lang)
