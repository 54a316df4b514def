"""The registry of the app's charts and maps ("views") that can be exported or put in a deck.

A view is a title key and a builder ``build(context, lang) -> go.Figure``; the context holds
the already-computed tables (dataset, filter, panel, balance, geometry, scenario report), so
the same view renders identically in the app, in ``pishran export chart VIEW`` and in the
briefing deck.  Views never filter or aggregate: :func:`build_context` does that once through
the analytics entry points (``build_panel``, ``panel_balance``, ``rank_all_methods``,
``scenario_report``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analytics.filters import ProjectFilter
from analytics.labour import classify_labour_migration
from analytics.measures import PanelBalance, panel_balance
from analytics.panel import build_panel, panel_totals, sample_flags
from analytics.ranking import rank_all_methods
from briefing.report import DEFAULT_RANKING_SPEC, centre_rest_shares, ranking_inputs
from core.counties import county_names
from core.schema import STATUSES
from figures.charts import (
    centre_rest_bars,
    compact_rank_matrix,
    labour_plot_px,
    labour_scatter,
    lorenz_chart,
    rank_matrix_chart,
    theil_chart,
)
from figures.county_map import county_map
from figures.theme import SLIDE_PICTURE_PX, STATUS_COLOURS, apply_theme, localise_axis
from i18n import fmt_int, fmt_number, fmt_percent, join_list, t
from store.loading import Dataset, load_dataset

__all__ = ["View", "ViewContext", "VIEWS", "build_context", "key_figures", "sources",
           "scenario_comparison"]


@dataclass(frozen=True)
class ViewContext:
    """Everything the views draw from, computed once."""

    dataset: Dataset
    flt: ProjectFilter
    panel: pd.DataFrame
    totals: pd.DataFrame
    balance: PanelBalance
    geometry: Any = None
    scenario_name: str | None = None
    scenario: dict | None = None  # analytics.scenario_report.scenario_report(...) output
    extra: dict = field(default_factory=dict)

    def names(self, lang: str) -> dict[str, str]:
        return county_names(self.panel, lang)


@dataclass(frozen=True)
class View:
    id: str
    title_key: str
    build: Callable[[ViewContext, str], go.Figure]
    is_map: bool = False
    needs_scenario: bool = False


def _geometry():
    from geo.boundaries import BoundaryFileError
    from geo.cache import load_province

    try:
        return load_province(counties_df=load_dataset().counties)
    except BoundaryFileError:
        return None


def build_context(scenario: str | dict | None = None, flt: ProjectFilter | None = None,
                  dataset: Dataset | None = None, geometry: Any = "load",
                  measure: str = "budget_total") -> ViewContext:
    """The context for ``flt`` (default: everything) and an optional scenario (a saved
    name, a file path, or a scenario dict)."""
    dataset = dataset or load_dataset()
    flt = flt or ProjectFilter()
    panel = build_panel(flt.apply(dataset.projects), dataset.indicators, dataset.counties)
    report, name = None, None
    if scenario is not None:
        from analytics.scenario_report import scenario_report
        from store.scenarios import load_scenario

        if isinstance(scenario, str):
            given = scenario
            scenario = load_scenario(given, dataset)
            # the scenario's own name; a file without one by its stem, never its path
            name = scenario.name or Path(given).stem
        elif isinstance(scenario, dict):
            name = scenario.get("name") or None
        report = scenario_report(dataset, scenario, flt, measure)
    return ViewContext(
        dataset=dataset, flt=flt, panel=panel, totals=panel_totals(panel),
        balance=panel_balance(panel, measure),
        geometry=_geometry() if geometry == "load" else geometry,
        scenario_name=name, scenario=report,
    )


# --- builders -----------------------------------------------------------------------------


def _map(measure: str) -> Callable[[ViewContext, str], go.Figure]:
    def build(ctx: ViewContext, lang: str) -> go.Figure:
        fig, _ = county_map(ctx.panel, measure, ctx.geometry, lang,
                            centre=ctx.dataset.centre_code,
                            title=t(f"measure.{measure}", lang),
                            label_height=SLIDE_PICTURE_PX[1])
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
    values, flags = ranking_inputs(ctx.panel, ctx.dataset.indicators,
                                   list(DEFAULT_RANKING_SPEC))
    result = rank_all_methods(values, DEFAULT_RANKING_SPEC)
    labels = {m: t(f"ranking.method.{m}", lang) for m in result.ranks.columns}
    sample = flags.loc[list(result.ranks.index)].any(axis=1)
    order = result.stability["mean_rank"].sort_values(kind="stable").index
    return compact_rank_matrix(rank_matrix_chart(
        result.ranks.loc[order], ctx.names(lang), labels, lang, sample=sample,
        title=t("ranking.ranks_heading", lang)))


def _labour(ctx: ViewContext, lang: str) -> go.Figure:
    classified = classify_labour_migration(ctx.panel)
    # the title through labour_scatter, so its own margins stay (re-applying the theme set
    # the bottom margin back to 50 px and the colour bar covered the x-axis title); names
    # thinned for the slide picture, the smallest size a view is drawn at
    return labour_scatter(classified, classified.attrs["thresholds"], lang,
                          title=t("labour.title", lang),
                          plot_px=labour_plot_px(*SLIDE_PICTURE_PX[:2]))


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


# --- tables for the deck ------------------------------------------------------------------


def key_figures(ctx: ViewContext, lang: str) -> list[tuple[str, str]]:
    """(label, value) rows: the headline figures of the Overview."""
    b = ctx.balance
    province = ctx.totals.loc["province"]
    started = int((ctx.panel["n_started"] > 0).sum())
    return [
        (t("views.kf.projects", lang), fmt_int(province["n_projects"], lang)),
        (t("views.kf.budget", lang), fmt_number(province["budget_total"], lang)),
        (t("views.kf.jobs", lang), fmt_int(province["jobs_total"], lang)),
        (t("views.kf.centre_budget", lang),
         fmt_percent(b.value("centre_share_x"), lang, is_fraction=True)),
        (t("views.kf.centre_population", lang),
         fmt_percent(b.value("centre_share_population"), lang, is_fraction=True)),
        (t("views.kf.gini", lang), fmt_number(b.value("gini_weighted"), lang, 2)),
        (t("views.kf.counties_started", lang),
         f"{fmt_int(started, lang)} / {fmt_int(len(ctx.panel), lang)}"),
        (t("views.kf.overdue", lang), fmt_int(province["n_overdue"], lang)),
    ]


def sources(ctx: ViewContext, lang: str) -> list[tuple[str, str, str]]:
    """(figure, provenance, source) rows: what is sourced and what is sample."""
    ind = ctx.dataset.indicators
    rows = []
    for name in ("population", "unemployment_rate", "net_migration_rate", "labour_force",
                 "industrial_employment_share"):
        part = ind[(ind["indicator"] == name) & (ind["county_code"] != "PROVINCE")]
        counts = part["quality"].value_counts()
        status = join_list((f"{t(f'quality.{q}', lang)} {fmt_int(n, lang)}"
                            for q, n in counts.items()), lang)
        rows.append((t(f"measure.{name}", lang), status, t(f"views.source.{name}", lang)))
    real = int((~ctx.dataset.projects["is_sample"].astype(bool)).sum())
    rows.append((t("common.projects", lang),
                 t("views.projects_provenance", lang, real=fmt_int(real, lang),
                   sample=fmt_int(len(ctx.dataset.projects) - real, lang)),
                 t("views.source.projects", lang)))
    return rows  # the slide itself adds «© OpenStreetMap contributors» for the boundaries


def scenario_comparison(ctx: ViewContext, scenario: Any, lang: str
                        ) -> list[tuple[str, float, float]]:
    """(measure, baseline, scenario) rows of the main balance measures, as numbers: the
    deck formats them and computes the signed change."""
    if ctx.scenario is None:
        return []
    keep = ("centre_share_x", "hoover", "gini_weighted", "theil_t", "williamson",
            "need_alignment")
    return [(t(f"measure_id.{row['measure_id']}", lang), row["baseline"], row["scenario"])
            for row in ctx.scenario["balance"]
            if row["measure_id"] in keep and None not in (row["baseline"], row["scenario"])]
