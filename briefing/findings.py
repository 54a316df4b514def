"""Each deck slide's finding: one computed sentence, the slide's title.

A deputy presents a slide by its point, not its chart type: «مرکز استان ۵۴٪ بودجه پیشران
را با ۴۱٪ جمعیت گرفته است» instead of «سهم مرکز».  :func:`finding` computes that sentence
for a view of :data:`briefing.views.VIEWS` from the same context the view draws
(:class:`briefing.context.ViewContext`), with the numbers in the reader's digits; the
catalogue holds the sentence patterns (``finding.*``, ``i18n/messages/deck_quality.py``).
:func:`estimate_note` says how many of a map's values are estimates or samples.
"""

from __future__ import annotations

import math

import pandas as pd

from analytics.indicators import DEFAULT_RANKING_SPEC, ranking_inputs
from analytics.labour import classify_labour_migration
from analytics.panel import PANEL_INDICATORS, PANEL_MEASURES, sample_flags
from analytics.provenance import panel_groups
from analytics.ranking import rank_all_methods
from briefing.context import ViewContext
from core.marks import GROUP_MARK, SAMPLE_MARK
from i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = ["estimate_note", "finding", "key_figures_finding", "map_measure", "slide_note",
           "sources_finding", "top_bottom"]

_MAPS = {"map_budget_per_capita": "budget_per_capita", "map_unemployment": "unemployment_rate",
         "map_jobs_per_1000": "jobs_per_1000"}
_MEASURE_WORDS = {"budget_per_capita": "finding.measure.budget_per_capita",
                  "unemployment_rate": "finding.measure.unemployment_rate",
                  "jobs_per_1000": "finding.measure.jobs_per_1000"}


def map_measure(view_id: str) -> str | None:
    """The panel measure a map view draws (None for other views)."""
    return _MAPS.get(view_id)


def _value(measure: str, value: float, lang: str) -> str:
    decimals = PANEL_MEASURES.get(measure, (None, 1))[1]
    if measure.endswith("_rate") or measure.endswith("_share"):
        return fmt_percent(value, lang, decimals)
    return fmt_number(value, lang, decimals)


def _grouped(ctx: ViewContext, measure: str) -> list[str]:
    """The counties whose value of ``measure`` is a larger unit's (marked ▣, not ✱)."""
    if measure not in PANEL_INDICATORS:
        return []
    found = panel_groups(ctx.dataset.indicators, ctx.panel, (measure,)).get(measure)
    return [] if found is None else list(found.index)


def estimate_note(ctx: ViewContext, measure: str, lang: str) -> str | None:
    """«✱ ۲۴ از ۲۸ مقدار برآورد یا نمونه است» for a map of ``measure`` (None when every
    value is sourced)."""
    flags = sample_flags(ctx.panel, measure) & ~ctx.panel.index.isin(_grouped(ctx, measure))
    shown = ctx.panel[measure].notna()
    n = int((flags & shown).sum())
    if not n:
        return None
    return t("quality.estimates_note", lang, n=fmt_int(n, lang),
             total=fmt_int(int(shown.sum()), lang))


def slide_note(view_id: str, ctx: ViewContext, fig, lang: str) -> str | None:
    """A chart slide's ✱ note: for a map, how many of its values are estimates or
    samples; for another chart, the general note when it shows ✱ anywhere; else None."""
    measure = map_measure(view_id)
    if measure is not None:
        notes = [estimate_note(ctx, measure, lang)]
        if _grouped(ctx, measure):  # counties named with ▣ show a larger unit's value
            notes.append(t("measure.group_legend", lang, mark=GROUP_MARK))
        return "\n".join(n for n in notes if n) or None  # one line each on the slide
    shown = fig.to_json() if hasattr(fig, "to_json") else ""
    return t("quality.sample_note", lang) if SAMPLE_MARK in shown else None


def top_bottom(ctx: ViewContext) -> tuple[pd.Series, pd.Series]:
    """(mean rank of every ranked county, best first; its sample flag) of the default
    development ranking, as the Ranking page computes it."""
    names = list(DEFAULT_RANKING_SPEC)
    values, flags = ranking_inputs(ctx.panel, ctx.dataset.indicators, names,
                                   groups_as_missing=True)
    result = rank_all_methods(values, DEFAULT_RANKING_SPEC)
    mean_rank = result.stability["mean_rank"].sort_values(kind="stable")
    return mean_rank, flags.loc[list(mean_rank.index)].any(axis=1)


def finding(view_id: str, ctx: ViewContext, lang: str = "fa") -> str:
    """The one-sentence finding of ``view_id`` (falls back to the view's name)."""
    names = ctx.names(lang)
    b = ctx.balance
    x_short = t(f"measure.short.{b.x}", lang)
    if view_id == "centre_rest":
        return t("finding.centre_rest", lang, x=x_short,
                 share=fmt_percent(b.value("centre_share_x"), lang, 0, is_fraction=True),
                 pop=fmt_percent(b.value("centre_share_population"), lang, 0,
                                 is_fraction=True))
    measure = map_measure(view_id)
    if measure is not None:
        own = ctx.panel[measure].astype(float)
        own = own.drop(index=_grouped(ctx, measure), errors="ignore").dropna()
        if own.empty:
            return t(f"measure.{measure}", lang)
        hi, lo = own.idxmax(), own.idxmin()
        return t("finding.map_range", lang, measure=t(_MEASURE_WORDS[measure], lang),
                 low=_value(measure, own[lo], lang), low_name=names.get(lo, lo),
                 high=_value(measure, own[hi], lang), high_name=names.get(hi, hi))
    if view_id == "status_bars":
        total = int(ctx.panel["n_projects"].sum())
        started = int(ctx.panel["n_started"].sum())
        return t("finding.status", lang, n=fmt_int(total - started, lang),
                 total=fmt_int(total, lang))
    if view_id == "lorenz":
        gini = b.value("gini_weighted")
        return t("finding.lorenz", lang, x=x_short, gini=fmt_number(gini, lang, 2))
    if view_id == "theil":
        total = b.value("theil_t")
        between = b.value("theil_t_between") / total if total > 0 else math.nan
        return t("finding.theil", lang, x=x_short,
                 between=fmt_percent(between, lang, 0, is_fraction=True))
    if view_id == "ranking":
        mean_rank, _ = top_bottom(ctx)
        return t("finding.ranking", lang, best=names.get(mean_rank.index[0]),
                 worst=names.get(mean_rank.index[-1]), n=fmt_int(len(mean_rank), lang))
    if view_id == "labour":
        classified = classify_labour_migration(ctx.panel)
        kept = classified[~classified["missing"] & ~classified["is_group"]]
        declining = kept.index[kept["quadrant"] == "declining"]
        return t("finding.labour", lang, n=fmt_int(len(declining), lang),
                 total=fmt_int(len(kept), lang))
    if view_id == "scenario_change_map" and ctx.scenario is not None:
        rows = {r["measure_id"]: r for r in ctx.scenario["balance"]}
        row = rows.get("centre_share_x")
        if row and None not in (row["baseline"], row["scenario"]):
            return t("finding.scenario", lang, x=x_short,
                     before=fmt_percent(row["baseline"], lang, 0, is_fraction=True),
                     after=fmt_percent(row["scenario"], lang, 0, is_fraction=True))
    from briefing.views import VIEWS

    return t(VIEWS[view_id].title_key, lang) if view_id in VIEWS else view_id


def key_figures_finding(ctx: ViewContext, lang: str = "fa") -> str:
    """The key-figures slide's finding: «۱۳۷ پروژه پیشران با ۶۵۶٬۵۵۰ میلیارد ریال بودجه؛ ۲۷ از
    ۲۸ شهرستان پروژه آغازشده دارند» (the same totals as :func:`briefing.tables.key_figures`)."""
    province = ctx.totals.loc["province"]
    started = int((ctx.panel["n_started"] > 0).sum())
    return t("finding.key_figures", lang, n=fmt_int(province["n_projects"], lang),
             budget=fmt_number(province["budget_total"], lang),
             started=fmt_int(started, lang), counties=fmt_int(len(ctx.panel), lang))


def sources_finding(ctx: ViewContext, lang: str = "fa") -> str:
    """The sources slide's finding: how many projects are reported and how many samples
    («از ۱۳۷ پروژه، ۱۱ گزارش‌شده و ۱۲۶ نمونه است؛ ارقام ✱ رقم رسمی نیستند»)."""
    projects = ctx.dataset.projects
    real = int((~projects["is_sample"].astype(bool)).sum())
    return t("finding.sources", lang, total=fmt_int(len(projects), lang),
             real=fmt_int(real, lang), sample=fmt_int(len(projects) - real, lang),
             mark=SAMPLE_MARK)
