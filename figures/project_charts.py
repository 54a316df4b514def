"""Project and county presentation: the explorer table's display form (Persian digits,
Jalali dates; its column labels, widths and progress bars are :mod:`ui.tables`), a
project's timeline, its field list, and a county's indicators against the province.

Data come from :mod:`analytics.project_views`; every figure goes through
:func:`figures.theme.apply_theme`.  Text that comes from the data is escaped before it
reaches HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

from analytics.project_views import SAMPLE_TOKENS, safe_urls, sample_field_columns
from core.jalali import MONTH_NAMES_EN, MONTH_NAMES_FA, jalali_to_gregorian, parse_jalali
from core.jalali import today_jalali as _today
from core.marks import OVERDUE_MARK, SAMPLE_MARK, WEIGHTED_MARK
from core.text import persian_prose_digits
from figures.theme import CENTRE_COLOUR, REST_COLOUR, STATUS_COLOURS, apply_theme, localise_axis
from i18n import fmt_date, fmt_int, fmt_number, fmt_percent, has_key, localise_digits, rtl_label, t

__all__ = [
    "EXPLORER_DISPLAY_COLUMNS",
    "county_locator",
    "ExplorerDisplay",
    "explorer_display",
    "fields_html",
    "followup_log_display",
    "history_display",
    "indicator_chart",
    "jalali_ticks",
    "persian_text",
    "profile_display",
    "status_timeline",
]

SAMPLE = SAMPLE_MARK
_PLAN_COLOUR = "#94a3b8"


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def persian_text(value: object) -> str:
    """A cell of Persian-script prose with Persian digits, missing → ``""``
    (:func:`core.text.persian_prose_digits`)."""
    return "" if _is_missing(value) else persian_prose_digits(str(value))


def _label(key: str, lang: str, fallback: object = "") -> str:
    return t(key, lang) if has_key(key) else str(fallback)


# ---------------------------------------------------------------------------
# The explorer table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExplorerDisplay:
    """What ``st.dataframe`` shows: ``data`` (a Styler: numbers stay numbers so sorting by
    a column header is numeric, but show Persian digits), ``frame`` (its values),
    ``column_order`` and ``project_ids`` (row position → project id).  The columns' labels
    and widths are :func:`ui.tables.explorer_columns`."""

    data: object
    frame: pd.DataFrame
    column_order: list[str]
    project_ids: list[str]


def _date_text(series: pd.Series, lang: str) -> pd.Series:
    """Jalali ``YYYY/MM/DD`` → the same form in Persian digits (it sorts as text too)."""
    cache: dict[str, str] = {}

    def one(value):
        if _is_missing(value) or not str(value).strip():
            return None
        if value not in cache:
            cache[value] = fmt_date(value, lang, with_month_name=False) or None
        return cache[value]

    return series.map(one).astype(object)


#: The explorer's columns, in reading order (right to left in Persian).  The table must
#: fit the page without scrolling: the grid runs left to right and opens at its left end,
#: so in Persian an overflowing table would hide its first (rightmost) columns.
EXPLORER_DISPLAY_COLUMNS = (
    "mark", "title", "county", "sector", "status", "physical_progress_pct",
    "budget_billion_rials", "planned_end", "last_followup", "provenance",
)


def explorer_display(table: pd.DataFrame, lang: str = "fa",
                     columns: tuple[str, ...] = EXPLORER_DISPLAY_COLUMNS) -> ExplorerDisplay:
    """The display form of :func:`analytics.project_views.explorer_table` for ``lang``
    (``columns``: any of the display columns below, in reading order)."""
    frame = pd.DataFrame({
        "mark": table["is_sample"].map(lambda s: SAMPLE if s else ""),
        "title": table["title"].map(persian_text).astype(object),
        "county": table["county"].astype(object),
        "sector": table["sector"].map(lambda s: _label(f"sector.{s}", lang, s)),
        "status": [_label(f"status.{s}", lang, s) + (f" {OVERDUE_MARK}" if late else "")
                   for s, late in zip(table["status"], table["is_overdue"])],
        "physical_progress_pct": table["physical_progress_pct"].astype(float),
        "financial_progress_pct": table["financial_progress_pct"].astype(float),
        "budget_billion_rials": table["budget_billion_rials"].astype(float),
        "expected_jobs": table["expected_jobs"].astype(float),
        "funding_source": table["funding_source"].map(lambda s: _label(f"funding.{s}", lang, s)),
        "planned_start": _date_text(table["planned_start"], lang),
        "planned_end": _date_text(table["planned_end"], lang),
        "last_followup": _date_text(table["last_followup"], lang),
        "provenance": table["provenance"].map(lambda p: t(f"projects.provenance.{p}", lang)),
        "source_url": table["source_url"].map(lambda u: "" if _is_missing(u) else u),
        "project_id": table["project_id"].astype(object),
    })
    number = {"budget_billion_rials": lambda v: fmt_int(v, lang),
              "expected_jobs": lambda v: fmt_int(v, lang)}
    styler = frame.style.format(number, na_rep="—")
    order = [c for c in columns if c in frame.columns]
    if lang == "fa":  # the grid runs left to right: put the first column on the right
        order.reverse()
    return ExplorerDisplay(styler, frame, order, list(table["project_id"]))


# ---------------------------------------------------------------------------
# One project: fields and status history
# ---------------------------------------------------------------------------


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or url).rstrip(".")
    except ValueError:
        return url


def source_html(source: object, lang: str) -> str:
    """Escaped links for the http(s) URLs of a ``source`` cell, else escaped plain text."""
    urls = safe_urls(source)
    if urls:
        return "، ".join(
            f'<a href="{html.escape(u, quote=True)}" target="_blank" rel="noopener noreferrer" '
            f'dir="ltr">{html.escape(_host(u))}</a>' for u in urls)
    text = "" if _is_missing(source) else str(source).strip()
    if text in ("", "sample"):
        return html.escape(t("projects.no_source", lang))
    return html.escape(text)


def _field_value(field: str, row: dict, county_name: str, lang: str) -> str:
    """One field as escaped HTML."""
    value = row.get(field)
    if field == "source":
        return source_html(value, lang)
    if field == "is_sample":
        return html.escape(t("projects.yes" if bool(value) else "projects.no", lang))
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return "—"
    if field == "county_code":
        text = county_name
    elif field in ("sector", "status", "funding_source", "quality"):
        prefix = {"funding_source": "funding", "quality": "quality"}.get(field, field)
        text = _label(f"{prefix}.{value}", lang, value)
    elif field in ("physical_progress_pct", "financial_progress_pct"):
        text = fmt_percent(value, lang)
    elif field == "budget_billion_rials":
        text = fmt_int(value, lang) + " " + t("unit.billion_rials", lang)
    elif field == "expected_jobs":
        text = fmt_int(value, lang) + " " + t("unit.persons", lang)
    elif field in ("planned_start", "planned_end", "actual_start", "actual_end", "last_followup"):
        text = fmt_date(value, lang) or str(value)
    elif field in ("lat", "lon"):
        text = fmt_number(value, lang, 4)
    elif field == "sample_fields":
        tokens = [tok.strip() for tok in str(value).split(",") if tok.strip()]
        text = "، ".join(t(f"projects.token.{tok}", lang) for tok in tokens
                         if tok in SAMPLE_TOKENS) if lang == "fa" else ", ".join(
            t(f"projects.token.{tok}", lang) for tok in tokens if tok in SAMPLE_TOKENS)
    elif field in ("title_fa", "agency_fa", "followup_officer"):
        text = persian_text(value)
    else:
        text = str(value)
    return html.escape(text)


def fields_html(row: dict, fields: tuple[str, ...], county_name: str, lang: str = "fa") -> str:
    """Every field of one project as an escaped HTML table; sample values carry ✱."""
    sample = sample_field_columns(row)
    align = "right" if lang == "fa" else "left"
    cells = []
    for field in fields:
        mark = f' <span class="pishran-sample" title="{html.escape(t("common.sample_mark", lang))}">{SAMPLE}</span>' \
            if field in sample else ""
        cells.append(
            f'<tr><th style="text-align:{align};padding:4px 8px;color:#4b5563;font-weight:600;'
            f'white-space:nowrap;vertical-align:top">{html.escape(t(f"projects.field.{field}", lang))}</th>'
            f'<td dir="auto" style="text-align:{align};padding:4px 8px">{_field_value(field, row, county_name, lang)}{mark}</td></tr>')
    return ('<table class="pishran-fields" style="width:100%;border-collapse:collapse">'
            + "".join(cells) + "</table>")


def history_display(history: pd.DataFrame, lang: str = "fa") -> pd.DataFrame:
    """The status history as display text: date with month name, event, status, progress, note."""
    rows = []
    for _, e in history.iterrows():
        event = t(f"projects.event.{e['event']}", lang)
        if e["is_future"]:
            event += " " + t("projects.history.future", lang)
        rows.append({
            t("projects.history.date", lang): fmt_date(e["jalali_date"], lang)
            + (" " + SAMPLE if e["is_sample"] else ""),
            t("projects.history.event", lang): event,
            t("projects.history.status", lang): "" if _is_missing(e["status"])
            else _label(f"status.{e['status']}", lang, e["status"]),
            t("projects.history.physical", lang): "" if _is_missing(e["physical_pct"])
            else fmt_percent(e["physical_pct"], lang),
            t("projects.history.note", lang): e["note"] or "",
        })
    columns = [t(f"projects.history.{c}", lang) for c in ("date", "event", "status", "physical",
                                                          "note")]
    frame = pd.DataFrame(rows, columns=columns)
    if lang == "fa":
        frame = frame[columns[::-1]]
    return frame


#: The follow-up log's display columns in reading order → their catalogue keys.
_LOG_COLUMNS = {"date": "projects.log.date", "project": "projects.log.project",
                "status": "projects.log.status", "physical": "projects.log.physical",
                "financial": "projects.log.financial", "blocker": "projects.log.blocker",
                "note": "projects.log.note", "actor": "projects.log.actor",
                "person": "projects.log.person", "recorded_by": "projects.log.recorded_by"}


def followup_log_display(log: pd.DataFrame, lang: str = "fa",
                         titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Follow-up entries (the store's log: ``jalali_date``, ``status``, ``physical_pct``,
    ``financial_pct``, ``blocker``, ``note``, ``actor_role``, ``person``, ``recorded_by``) as display
    text, newest first: Jalali date with month name, status and role labels, percentages
    (Persian digits in ``fa``).  With ``titles`` (project id → title) a project column comes
    second.  Columns in reading order (reversed in ``fa`` for the grid)."""
    order = [c for c in ("jalali_date", "recorded_at", "id") if c in log.columns]
    log = log.sort_values(order, ascending=False, kind="stable") if order else log

    def text(value: object) -> str:
        return "" if _is_missing(value) else str(value)

    def pct(value: object) -> str:
        return "" if _is_missing(value) else fmt_percent(value, lang)

    head = {k: t(key, lang) for k, key in _LOG_COLUMNS.items()}
    rows = []
    for _, e in log.iterrows():
        row = {head["date"]: fmt_date(text(e.get("jalali_date")), lang)}
        if titles is not None:
            pid = text(e.get("project_id"))
            row[head["project"]] = titles.get(pid, pid)
        status, role = text(e.get("status")), text(e.get("actor_role"))
        row |= {
            head["status"]: _label(f"status.{status}", lang, status) if status else "",
            head["physical"]: pct(e.get("physical_pct")),
            head["financial"]: pct(e.get("financial_pct")),
            head["blocker"]: text(e.get("blocker")),
            head["note"]: text(e.get("note")),
            head["actor"]: _label(f"store.actor.{role}", lang, role) if role else "",
            head["person"]: text(e.get("person")),
            head["recorded_by"]: text(e.get("recorded_by")),
        }
        rows.append(row)
    columns = [v for k, v in head.items() if titles is not None or k != "project"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame[columns[::-1]] if lang == "fa" else frame


def _to_timestamp(iso: str) -> pd.Timestamp:
    y, m, d = parse_jalali(iso)
    return pd.Timestamp(jalali_to_gregorian([y], [m], [d])[0])


def jalali_ticks(start: str, end: str, lang: str = "fa") -> tuple[list[pd.Timestamp], list[str]]:
    """Tick positions (Gregorian timestamps) and Jalali labels between two Jalali dates:
    every year («۱۴۰۴») over long spans, every season («تیر ۱۴۰۴») over short ones."""
    y0, m0, _ = parse_jalali(start)
    y1, _, _ = parse_jalali(end)
    span = (_to_timestamp(end) - _to_timestamp(start)).days
    months = MONTH_NAMES_FA if lang == "fa" else MONTH_NAMES_EN
    vals, text = [], []
    if span > 2.5 * 365:
        step = 1 if span < 8 * 365 else 2
        for year in range(y0 + (1 if m0 > 1 else 0), y1 + 1, step):
            vals.append(_to_timestamp(f"{year}/01/01"))
            text.append(localise_digits(str(year), lang))
    else:
        for year in range(y0, y1 + 1):
            for month in (1, 4, 7, 10):
                iso = f"{year}/{month:02d}/01"
                if start <= iso <= end:
                    vals.append(_to_timestamp(iso))
                    text.append(months[month - 1] + " " + localise_digits(str(year), lang))
    return vals, text


def status_timeline(history: pd.DataFrame, lang: str = "fa", today: str | None = None,
                    status: str | None = None, title: str | None = None) -> go.Figure:
    """Plan and execution bars with the dated events on three rows (plan, execution,
    follow-ups), and a line for today.  Hover texts and ticks are Jalali."""
    today = today or _today()
    fig = go.Figure()
    rows = {"plan": t("projects.timeline.planned", lang),
            "actual": t("projects.timeline.actual", lang),
            "follow": t("projects.timeline.followups", lang)}
    dates = dict(zip(history["event"], history["jalali_date"]))

    def bar(key, start, end, colour, dash=False):
        fig.add_trace(go.Scatter(
            x=[_to_timestamp(start), _to_timestamp(end)], y=[rows[key]] * 2, mode="lines",
            line={"color": colour, "width": 14 if not dash else 8}, opacity=0.85 if not dash
            else 0.5, hoverinfo="skip", showlegend=False))

    if "planned_start" in dates and "planned_end" in dates:
        bar("plan", dates["planned_start"], dates["planned_end"], _PLAN_COLOUR)
    if "actual_start" in dates:
        end = dates.get("actual_end") or min(today, max(history["jalali_date"].max(), today))
        colour = STATUS_COLOURS.get(status or "", REST_COLOUR)
        bar("actual", dates["actual_start"], end, colour, dash="actual_end" not in dates)
    row_of = {"planned_start": "plan", "planned_end": "plan", "actual_start": "actual",
              "actual_end": "actual", "followup": "follow", "last_followup": "follow"}
    texts, xs, ys, colours, symbols = [], [], [], [], []
    for _, e in history.iterrows():
        label = t(f"projects.event.{e['event']}", lang)
        parts = [f"<b>{html.escape(label)}</b>", fmt_date(e["jalali_date"], lang)]
        if not _is_missing(e["status"]):
            parts.append(_label(f"status.{e['status']}", lang, e["status"]))
        if not _is_missing(e["physical_pct"]):
            parts.append(fmt_percent(e["physical_pct"], lang))
        if e["note"]:
            parts.append(html.escape(str(e["note"])[:120]))
        if e["is_sample"]:
            parts.append(t("common.sample_mark", lang))
        texts.append(rtl_label("<br>".join(parts), lang))
        xs.append(_to_timestamp(e["jalali_date"]))
        ys.append(rows[row_of[e["event"]]])
        colours.append(STATUS_COLOURS.get(e["status"], "#334155")
                       if not _is_missing(e["status"]) else "#334155")
        symbols.append("diamond" if e["event"] in ("planned_start", "planned_end") else "circle")
    if xs:
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers", text=texts, hovertemplate="%{text}<extra></extra>",
            marker={"size": 13, "color": colours, "symbol": symbols,
                    "line": {"color": "white", "width": 1.5}}, showlegend=False))
    all_dates = sorted([*history["jalali_date"], today])
    lo, hi = all_dates[0], all_dates[-1]
    tick_vals, tick_text = jalali_ticks(lo, hi, lang)
    pad = pd.Timedelta(days=max(20, (_to_timestamp(hi) - _to_timestamp(lo)).days // 25))
    fig.add_shape(type="line", x0=_to_timestamp(today), x1=_to_timestamp(today), y0=0, y1=1,
                  yref="paper", line={"color": CENTRE_COLOUR, "width": 1.5, "dash": "dot"})
    fig.add_annotation(x=_to_timestamp(today), y=1, yref="paper", yanchor="bottom",
                       text=t("projects.timeline.today", lang) + " " + fmt_date(today, lang),
                       showarrow=False, font={"size": 11, "color": CENTRE_COLOUR})
    apply_theme(fig, lang, title, height=280)
    fig.update_xaxes(type="date", tickvals=tick_vals, ticktext=tick_text,
                     range=[_to_timestamp(lo) - pad, _to_timestamp(hi) + pad], showgrid=True)
    fig.update_yaxes(type="category", categoryorder="array",
                     categoryarray=[rows["follow"], rows["actual"], rows["plan"]],
                     side="right" if lang == "fa" else "left", showgrid=False)
    fig.update_layout(margin={"l": 30 if lang == "fa" else 90, "r": 90 if lang == "fa" else 30,
                              "t": 60 if title else 30, "b": 40})
    return fig


# ---------------------------------------------------------------------------
# A county against the province
# ---------------------------------------------------------------------------


def profile_display(profile: pd.DataFrame, lang: str = "fa") -> pd.DataFrame:
    """The indicator table of a county: value and province value (✱ when sample), year,
    rank among the counties with their own value, provenance, source (the first URL's host
    or the source text).  A value that is a larger unit's (``is_group``) carries ▣ instead
    of ✱ and no rank."""
    rows = []
    group_mark = t("measure.group_mark", lang)
    for _, r in profile.iterrows():
        grouped = bool(r.get("is_group", False))
        value = fmt_number(r["value"], lang, 1) + (
            f" {group_mark}" if grouped else f" {SAMPLE}" if r["is_sample"] else "")
        prov = fmt_number(r["province_value"], lang, 1)
        if r["province_basis"] == "weighted_mean":
            prov += " " + WEIGHTED_MARK
        if r["province_is_sample"]:
            prov += f" {SAMPLE}"
        if grouped:
            rank = t("county.rank_group", lang, mark=group_mark)
        else:
            rank = "—" if _is_missing(r["rank"]) else t(
                "county.rank_of", lang, rank=fmt_int(r["rank"], lang),
                n=fmt_int(r["n_ranked"], lang))
        urls = safe_urls(r["source"])
        source = _host(urls[0]) if urls else (
            t(f"quality.{r['quality']}", lang) if has_key(f"quality.{r['quality']}")
            else str(r["source"]))
        rows.append({
            "indicator": t(f"measure.{r['indicator']}", lang),
            "value": value,
            "province": prov,
            "year": "" if _is_missing(r["year"]) else localise_digits(str(r["year"]), lang),
            "rank": rank,
            "quality": _label(f"quality.{r['quality']}", lang, r["quality"]),
            "source": source,
        })
    frame = pd.DataFrame(rows, columns=["indicator", "value", "province", "year", "rank",
                                        "quality", "source"])
    frame.columns = [t(f"county.col.{c}", lang) for c in frame.columns]
    if lang == "fa":
        frame = frame[list(frame.columns)[::-1]]
    return frame


def county_locator(panel: pd.DataFrame, code: str, geometry, lang: str = "fa") -> go.Figure:
    """The province map with county ``code`` filled and outlined, the others neutral; the
    hover still gives each county's number of projects (``panel["n_projects"]``)."""
    from figures.county_map import county_map

    fig, _ = county_map(panel, "n_projects", geometry, lang, centre=code)
    chosen, other = REST_COLOUR, "#e5e7eb"
    first = fig.data[0]
    if first.type == "choropleth":
        first.z = [1 if c == code else 0 for c in first.locations]
        first.zmin, first.zmax = 0, 1
        first.colorscale = [[0, other], [0.5, other], [0.5, chosen], [1, chosen]]
        first.showscale = False
    else:  # the equal-tile cartogram: fills by colour, the county's hexagon in "centre"
        outline = next((tr for tr in fig.data if tr.name == "centre"), None)
        for trace in fig.data:
            if trace.fill == "toself":
                trace.fillcolor = other
            elif trace.marker is not None and trace.marker.colorbar is not None \
                    and trace.mode == "markers":
                trace.marker.showscale = False
            elif trace.name == "labels":  # dark on the neutral tiles, white on the chosen
                centres = next((tr for tr in fig.data if tr.name == "tiles"), None)
                spot = None
                if centres is not None and code in list(centres.customdata):
                    i = list(centres.customdata).index(code)
                    spot = (centres.x[i], centres.y[i])
                trace.textfont.color = ["white" if (x, y) == spot else "#111827"
                                        for x, y in zip(trace.x, trace.y)]
        if outline is not None:  # the chosen county filled, under its outline
            at = list(fig.data).index(outline)
            fig.add_trace(go.Scatter(x=outline.x, y=outline.y, fill="toself", fillcolor=chosen,
                                     mode="lines", line={"width": 0}, hoverinfo="skip",
                                     showlegend=False, name=f"chosen {code}"))
            traces = list(fig.data)
            fig.data = (*traces[:at], traces[-1], *traces[at:-1])  # Plotly: a permutation
    return fig


def indicator_chart(profile: pd.DataFrame, county_name: str, lang: str = "fa",
                    title: str | None = None) -> go.Figure:
    """Horizontal bars: the county and the province for each indicator (✱ marks sample
    values).  A county value that is a larger unit's (``is_group``) is hatched and marked
    ▣, and its hover names the unit («مقدار گروه: اصفهان پیش از ۱۴۰۰»).  In Persian the
    chart is mirrored: labels on the right, bars grow leftwards."""
    from figures.map_layers import group_value_text

    labels = [t(f"measure.{name}", lang) for name in profile["indicator"]]
    grouped = (profile["is_group"].astype(bool) if "is_group" in profile
               else pd.Series(False, index=profile.index))
    group_codes = profile["group"] if "group" in profile else pd.Series("", index=profile.index)
    group_mark = t("measure.group_mark", lang)
    fig = go.Figure()
    for name, column, flag, colour in (
            (county_name, "value", "is_sample", REST_COLOUR),
            (t("county.chart.province", lang), "province_value", "province_is_sample",
             _PLAN_COLOUR)):
        values = profile[column].astype(float)
        weighted = (profile["province_basis"] == "weighted_mean") if column == "province_value" \
            else pd.Series(False, index=profile.index)
        own = column == "value"
        text = [fmt_number(v, lang, 1) + (f" {WEIGHTED_MARK}" if m else "")
                + (f" {group_mark}" if own and g else f" {SAMPLE}" if s else "")
                for v, s, m, g in zip(values, profile[flag], weighted, grouped)]
        hover = [group_value_text(fmt_number(v, lang, 1), str(c), lang) if own and g else x
                 for v, x, g, c in zip(values, text, grouped, group_codes)]
        fig.add_trace(go.Bar(
            y=labels, x=values.round(2), orientation="h", name=name, marker_color=colour,
            marker_pattern_shape=["/" if own and g else "" for g in grouped],
            text=[rtl_label(x, lang) for x in text], textposition="outside",
            cliponaxis=False, customdata=[rtl_label(x, lang) for x in hover],
            hovertemplate="%{y}<br>" + html.escape(name) + ": %{customdata}<extra></extra>"))
    finite = pd.concat([profile["value"], profile["province_value"]]).astype(float).dropna()
    lo, hi = (min(0.0, float(finite.min())), float(finite.max())) if len(finite) else (0.0, 1.0)
    apply_theme(fig, lang, title, height=120 + 70 * len(profile))
    localise_axis(fig, "x", lo, hi, lang)
    span = hi - lo or 1.0
    fig.update_xaxes(range=[hi + 0.18 * span, lo - 0.05 * span] if lang == "fa"
                     else [lo - 0.05 * span, hi + 0.18 * span])
    fig.update_yaxes(side="right" if lang == "fa" else "left", autorange="reversed")
    fig.update_layout(barmode="group", bargap=0.25,
                      legend={"orientation": "h", "x": 1 if lang == "fa" else 0,
                              "xanchor": "right" if lang == "fa" else "left", "y": 1.02,
                              "yanchor": "bottom"},
                      margin={"l": 20 if lang == "fa" else 200, "r": 200 if lang == "fa" else 20,
                              "t": 70 if title else 40, "b": 40})
    return fig
