"""The briefing deck's tables, drawn from a :class:`~briefing.context.ViewContext`.

:func:`key_figures` (the Overview's headline figures), :func:`sources` (what is sourced
and what is sample) and :func:`scenario_comparison` (baseline against scenario, as
numbers — the deck writer formats them and computes the signed change).
"""

from __future__ import annotations

from analytics.provenance import latest_years, quality_counts
from briefing.context import ViewContext
from i18n import fmt_int, fmt_number, fmt_percent, join_list, localise_digits, t

__all__ = ["key_figures", "ranking_download", "scenario_comparison", "sources"]

#: The balance measures the baseline-against-scenario table shows (in the report's order).
COMPARISON_MEASURES = ("centre_share_x", "hoover", "gini_weighted", "theil_t", "williamson",
                       "need_alignment")


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
    """(figure, provenance, source) rows: what is sourced and what is sample — per indicator,
    the county values of the year the panel shows (its latest), counted by quality
    (:func:`analytics.provenance.quality_counts`), e.g. «1395: Sourced 23, Derived 3, Estimate 2»."""
    ind = ctx.dataset.indicators
    names = ("population", "unemployment_rate", "net_migration_rate", "labour_force",
             "industrial_employment_share")
    counts = quality_counts(ind, names)
    years = latest_years(ind, names)
    rows = []
    for name in names:
        year = years[name]
        if year is None:
            continue
        line = counts.loc[(name, year)]
        status = join_list((f"{t(f'quality.{q}', lang)} {fmt_int(n, lang)}"
                            for q, n in line.items() if n), lang)
        rows.append((t(f"measure.{name}", lang),
                     localise_digits(str(year), lang) + ": " + status,
                     t(f"views.source.{name}", lang)))
    real = int((~ctx.dataset.projects["is_sample"].astype(bool)).sum())
    rows.append((t("common.projects", lang),
                 t("views.projects_provenance", lang, real=fmt_int(real, lang),
                   sample=fmt_int(len(ctx.dataset.projects) - real, lang)),
                 t("views.source.projects", lang)))
    return rows  # the slide itself adds «© OpenStreetMap contributors» for the boundaries


def measure_id_label(measure_id: str, x: str, lang: str) -> str:
    """A balance measure's name with the measured quantity filled in: «سهم مرکز از
    بودجه», never the catalogue's generic «سهم مرکز از X»."""
    if measure_id == "centre_share_x":
        return t("quality.centre_share_of", lang, x=t(f"measure.short.{x}", lang))
    return t(f"measure_id.{measure_id}", lang)


def scenario_comparison(ctx: ViewContext, lang: str) -> list[tuple[str, float, float]]:
    """(measure, baseline, scenario) rows of the main balance measures, as numbers (none
    without a scenario): the deck formats them and computes the signed change."""
    if ctx.scenario is None:
        return []
    return [(measure_id_label(row["measure_id"], ctx.balance.x, lang), row["baseline"],
             row["scenario"])
            for row in ctx.scenario["balance"]
            if row["measure_id"] in COMPARISON_MEASURES
            and None not in (row["baseline"], row["scenario"])]


def ranking_download(ranks, levels, values, flags, names, method_labels, indicator_labels,
                     lang: str):
    """The Ranking page's indicator table as a download: one row per county (in the order
    of ``ranks``), the rank of each method as an integer, the level, each indicator's value
    as a number and — in a column of its own headed «<indicator> ✱» — the sample mark
    where that value is a sample or estimate (never glued to the number as text)."""
    import pandas as pd

    from core.marks import SAMPLE_MARK

    rows = pd.DataFrame(index=range(len(ranks)))
    order = list(ranks.index)
    rows[t("common.county", lang)] = [names.get(c, c) for c in order]
    for method in ranks.columns:
        rows[method_labels[method]] = pd.array(
            [None if pd.isna(v) else int(v) for v in ranks[method]], dtype="Int64")
    rows[t("ranking.level", lang)] = [t(f"level.{levels[c]}", lang) for c in order]
    for name in indicator_labels:
        label = indicator_labels[name]
        rows[label] = pd.to_numeric(values.loc[order, name], errors="coerce").to_numpy()
        rows[f"{label} {SAMPLE_MARK}"] = [SAMPLE_MARK if bool(flags.at[c, name]) else ""
                                          for c in order]
    return rows
