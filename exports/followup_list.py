"""The governor's list: one county's driver projects, where they stand, what is overdue.

:func:`county_list_frames` gives the sheets (summary, every project, the overdue ones)
with headers in the reader's language; :func:`county_list_excel` writes them with
:func:`exports.tables.to_excel_bytes` (right-to-left for ``fa``, formulas neutralised),
set up for printing (landscape, one page wide, header row repeated);
:func:`county_list_pdf` converts that workbook with LibreOffice (``None`` without it).
"""

from __future__ import annotations

import pandas as pd

from analytics.followup_status import FollowupStatus
from i18n import t

__all__ = ["COUNT_HEADERS", "LIST_COLUMNS", "county_list_excel", "county_list_frames", "county_list_pdf",
           "list_table", "officer_label"]

#: The list's columns (reading order) and their catalogue keys.
LIST_COLUMNS = {
    "project_id": "overdue.col.project_id",
    "title": "overdue.col.title",
    "status": "overdue.col.status",
    "physical_progress_pct": "overdue.col.physical_progress_pct",
    "planned_end": "overdue.col.planned_end",
    "last_date": "overdue.col.last_date",
    "days_since": "overdue.col.days_since",
    "days_late": "overdue.col.days_late",
    "overdue": "overdue.col.overdue",
    "blocker": "overdue.col.blocker",
    "followup_officer": "overdue.col.followup_officer",
}
COUNT_HEADERS = {
    "n_projects": "overdue.col.n_projects",
    "n_stale": "overdue.col.n_stale",
    "n_missed": "overdue.col.n_missed",
    "n_blocked": "overdue.col.n_blocked",
    "n_overdue": "overdue.col.n_overdue",
}


def officer_label(name: object, lang: str) -> str:
    """An officer's name, or «(no officer)» for a blank one."""
    text = "" if name is None or name is pd.NA else str(name).strip()
    return text or t("overdue.no_officer", lang)


def _flags(row: pd.Series, lang: str) -> str:
    flags = []
    if row["is_stale"]:
        flags.append(t("overdue.flag.never" if pd.isna(row["days_since"]) else "overdue.flag.stale",
                       lang))
    if row["missed_end"]:
        flags.append(t("overdue.flag.missed", lang))
    if row["has_blocker"]:
        flags.append(t("overdue.flag.blocked", lang))
    return "، ".join(flags) if lang == "fa" else ", ".join(flags)


def list_table(rows: pd.DataFrame, lang: str, *, county_names: dict[str, str] | None = None
               ) -> pd.DataFrame:
    """Rows of :attr:`FollowupStatus.projects` as a table with headers in ``lang`` (reading
    order); with ``county_names`` a county column comes after the id."""
    title = rows["title_fa"] if lang == "fa" else rows["title_en"].fillna(rows["title_fa"])
    data = {
        "project_id": rows["project_id"],
        "title": title,
        "status": rows["status"].map(lambda s: t(f"status.{s}", lang) if pd.notna(s) else ""),
        "physical_progress_pct": rows["physical_progress_pct"].astype("float64"),
        "planned_end": rows["planned_end"],
        "last_date": rows["last_date"],
        "days_since": rows["days_since"],
        "days_late": rows["days_late"],
        "overdue": [_flags(r, lang) for _, r in rows.iterrows()],
        "blocker": rows["blocker"],
        "followup_officer": rows["followup_officer"].map(lambda n: officer_label(n, lang)),
    }
    frame = pd.DataFrame(data).reset_index(drop=True)
    headers = {k: t(v, lang) for k, v in LIST_COLUMNS.items()}
    if county_names is not None:
        frame.insert(1, "county", rows["county_code"].map(county_names).to_numpy())
        headers = {"project_id": headers["project_id"],
                   "county": t("overdue.col.county", lang)} | headers
    return frame.rename(columns=headers)


def county_list_frames(status: FollowupStatus, county_code: str, county_name: str,
                       lang: str = "fa") -> dict[str, pd.DataFrame]:
    """``{sheet name: table}``: summary, the county's projects, its overdue projects."""
    rows = status.county(county_code)
    counts = status.by_county.set_index("county_code")
    line = (counts.loc[county_code] if county_code in counts.index
            else pd.Series(0, index=list(COUNT_HEADERS)))
    item, value = t("overdue.summary.item", lang), t("overdue.summary.value", lang)
    summary = pd.DataFrame({
        item: [t("overdue.summary.title", lang, name=county_name), t("overdue.summary.date", lang),
               t("overdue.summary.limit", lang)] + [t(k, lang) for k in COUNT_HEADERS.values()],
        value: [county_name, status.today, str(status.days)]
        + [str(int(line[c])) for c in COUNT_HEADERS],
    })
    return {
        t("overdue.sheet.summary", lang): summary,
        t("overdue.sheet.projects", lang): list_table(rows, lang),
        t("overdue.sheet.overdue", lang): list_table(rows[rows["is_overdue"]], lang),
    }


def county_list_excel(status: FollowupStatus, county_code: str, county_name: str,
                      lang: str = "fa") -> bytes:
    """The governor's list as an .xlsx workbook (module doc)."""
    from exports.tables import to_printable_excel_bytes

    return to_printable_excel_bytes(county_list_frames(status, county_code, county_name, lang), lang)


def county_list_pdf(status: FollowupStatus, county_code: str, county_name: str,
                    lang: str = "fa", timeout: float = 180) -> bytes | None:
    """The governor's list as PDF (LibreOffice converts the workbook); ``None`` without it."""
    from exports.deck import office_to_pdf

    return office_to_pdf(county_list_excel(status, county_code, county_name, lang), "xlsx",
                         timeout)
