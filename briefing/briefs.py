"""One-page briefs: a county's, and an MP constituency's (the counties its seat covers).

Each brief is one slide (:class:`briefing.slides.SlideSpec` of kind ``"brief"``): its
finding as the title (numbers in the reader's digits), the province map with the county —
or the seat's counties — picked out and every county named, and a table of the figures
that matter to a governor or an MP set against the province: population, unemployment,
net migration, driver projects (started, overdue), budget and expected jobs per head.
Values that are samples or estimates carry ✱ and the slide says so.  The seat → counties
table is the store's (``store.people``: ``pishran people seat SEAT --counties …``); the
caller passes the counties.  ``pishran export brief --county C | --seat NAME`` and the
deck writer (:func:`exports.deck.build_deck`) make the file.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analytics.panel import PANEL_MEASURES, sample_flags
from briefing.context import ViewContext
from briefing.slides import SlideSpec
from core.marks import SAMPLE_MARK
from figures.map_layers import hover_card, scope_map
from figures.maps import ColourClasses
from i18n import fmt_int, fmt_number, fmt_percent, join_list, t

__all__ = ["BRIEF_MEASURES", "brief_map", "county_brief", "seat_brief"]

BRIEF_MEASURES = ("population", "unemployment_rate", "net_migration_rate", "n_projects",
                  "n_started", "n_overdue", "budget_per_capita", "jobs_per_1000")
_PERCENT = ("unemployment_rate",)


def _text(panel_or_totals: pd.Series, measure: str, lang: str, sample: bool = False) -> str:
    value = panel_or_totals.get(measure)
    decimals = PANEL_MEASURES.get(measure, (None, 0))[1]
    if measure in _PERCENT:
        text = fmt_percent(value, lang, decimals)
    else:
        text = fmt_number(value, lang, decimals)
    return f"{text} {SAMPLE_MARK}" if sample and text != "—" else text


def _province(ctx: ViewContext, measure: str, lang: str) -> str:
    totals = ctx.totals.loc["province"]
    return _text(totals, measure, lang) if measure in totals.index else "—"


def brief_map(ctx: ViewContext, codes: Sequence[str], lang: str):
    """The province map, ``codes`` picked out (dark) from the rest (light), every county
    named; ``None`` without boundaries."""
    if ctx.geometry is None:
        return None
    panel = ctx.panel
    chosen = pd.Series([1 if c in set(codes) else 0 for c in panel.index], index=panel.index)
    classes = ColourClasses(index=chosen, labels=[t("brief.legend.other", lang),
                                                  t("brief.legend.chosen", lang)],
                            colours=["#e5efee", "#0f766e"])
    fig = scope_map(codes=list(panel.index), values=chosen.astype(float),
                    hover=hover_card(panel, "population", lang),
                    names=pd.Series(ctx.names(lang)), lang=lang, geometry=ctx.geometry,
                    classes=classes, centre=None, label_priority=ctx.geometry.areas_km2,
                    height=450, selectable=False)
    return fig


def _table(ctx: ViewContext, codes: Sequence[str], lang: str) -> list[list[str]]:
    """Header + one row per measure: each county's value (✱ for samples) and the
    province's."""
    names = ctx.names(lang)
    header = [t("brief.col.measure", lang), *[names.get(c, c) for c in codes],
              t("brief.col.province", lang)]
    rows = [header]
    for measure in BRIEF_MEASURES:
        flags = sample_flags(ctx.panel, measure)
        cells = [_text(ctx.panel.loc[c], measure, lang, bool(flags.get(c, False)))
                 for c in codes]
        rows.append([t(f"measure.{measure}", lang), *cells, _province(ctx, measure, lang)])
    return rows


def _note(ctx: ViewContext, codes: Sequence[str], lang: str) -> str | None:
    marked = any(bool(sample_flags(ctx.panel, m).get(c, False))
                 for m in BRIEF_MEASURES for c in codes)
    return t("quality.sample_note", lang) if marked else None


def county_brief(ctx: ViewContext, code: str, lang: str = "fa") -> SlideSpec:
    """The one-page brief of county ``code``."""
    if code not in ctx.panel.index:
        raise ValueError(f"unknown county {code!r}")
    row = ctx.panel.loc[code]
    name = ctx.names(lang).get(code, code)
    title = t("brief.county.title", lang, name=name,
              rate=_text(row, "unemployment_rate", lang),
              province=_province(ctx, "unemployment_rate", lang),
              n=fmt_int(row["n_projects"], lang),
              waiting=fmt_int(row["n_projects"] - row["n_started"], lang))
    return SlideSpec("brief", title, figure=brief_map(ctx, [code], lang),
                     table=_table(ctx, [code], lang),
                     subtitle=t("brief.county.subtitle", lang, name=name),
                     source=t("quality.source.default", lang), note=_note(ctx, [code], lang))


def seat_brief(ctx: ViewContext, seat: str, counties: Sequence[str],
               lang: str = "fa") -> SlideSpec:
    """The one-page brief of an MP's constituency ``seat`` covering ``counties``."""
    codes = [c for c in counties if c in ctx.panel.index]
    if not codes:
        raise ValueError(f"seat {seat!r} covers no known county")
    part = ctx.panel.loc[codes]
    names = ctx.names(lang)
    title = t("brief.seat.title", lang, seat=seat, k=fmt_int(len(codes), lang),
              n=fmt_int(part["n_projects"].sum(), lang),
              waiting=fmt_int((part["n_projects"] - part["n_started"]).sum(), lang),
              overdue=fmt_int(part["n_overdue"].sum(), lang))
    return SlideSpec("brief", title, figure=brief_map(ctx, codes, lang),
                     table=_table(ctx, codes, lang),
                     subtitle=t("brief.seat.subtitle", lang, seat=seat,
                                names=join_list((names.get(c, c) for c in codes), lang)),
                     source=t("quality.source.default", lang), note=_note(ctx, codes, lang))
