"""The MP's list: the driver projects of a seat's counties, where they stand, what is overdue.

Like the governor's list (:mod:`exports.followup_list`), over the counties an MP seat
covers: a summary sheet (seat, counties, date, stale limit, the counts summed by
:func:`analytics.people_status.seat_overdue`), the counts per county, every project and
the overdue ones — headers in the reader's language, right-to-left for ``fa``, formulas
neutralised (:func:`exports.tables.to_excel_bytes`), set up for printing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analytics.followup_status import FollowupStatus
from analytics.people_status import seat_overdue, seat_projects
from exports.followup_list import COUNT_HEADERS, list_table
from i18n import t

__all__ = ["seat_list_excel", "seat_list_frames"]


def seat_list_frames(status: FollowupStatus, seat: str, counties: Sequence[str],
                     county_names: Mapping[str, str], lang: str = "fa"
                     ) -> dict[str, pd.DataFrame]:
    """``{sheet name: table}``: summary, per county, the seat's projects, the overdue ones."""
    line = seat_overdue(status.by_county, {seat: counties}).iloc[0]
    sep = "، " if lang == "fa" else ", "
    names = sep.join(county_names.get(c, c) for c in counties)
    item, value = t("overdue.summary.item", lang), t("overdue.summary.value", lang)
    summary = pd.DataFrame({
        item: [t("people.list.seat", lang), t("people.list.counties", lang),
               t("overdue.summary.date", lang), t("overdue.summary.limit", lang)]
        + [t(k, lang) for k in COUNT_HEADERS.values()],
        value: [seat, names, status.today, str(status.days)]
        + [str(int(line[c])) for c in COUNT_HEADERS],
    })
    by_county = status.by_county[status.by_county["county_code"].isin(list(counties))]
    per_county = pd.DataFrame({t("overdue.col.county", lang):
                               by_county["county_code"].map(lambda c: county_names.get(c, c))}
                              | {t(k, lang): by_county[c].astype("int64")
                                 for c, k in COUNT_HEADERS.items()}).reset_index(drop=True)
    rows = seat_projects(status, counties)
    names_map = dict(county_names)
    return {
        t("overdue.sheet.summary", lang): summary,
        t("people.list.sheet_counties", lang): per_county,
        t("overdue.sheet.projects", lang): list_table(rows, lang, county_names=names_map),
        t("overdue.sheet.overdue", lang): list_table(rows[rows["is_overdue"]], lang,
                                                     county_names=names_map),
    }


def seat_list_excel(status: FollowupStatus, seat: str, counties: Sequence[str],
                    county_names: Mapping[str, str], lang: str = "fa") -> bytes:
    """The MP's list as an .xlsx workbook (module doc)."""
    from exports.tables import to_printable_excel_bytes

    return to_printable_excel_bytes(seat_list_frames(status, seat, counties, county_names, lang), lang)
