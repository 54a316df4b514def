"""The recorded shortlists on the Projects and County pages (issue 15): the county's
decision (projects, reason, who, when in Jalali) with its Excel file, and every county's
shortlist as one workbook (a sheet per county).  Deciding is on the Priorities page."""

from __future__ import annotations

import streamlit as st

from briefing.shortlists import county_table, decision_text, overview_rows
from core.counties import county_names
from i18n import fmt_int, t
from ui import data, layout
from ui.downloads import XLSX_MIME, table_downloads

__all__ = ["all_shortlists", "county_shortlist", "recorded"]


def recorded() -> dict:
    """County code → its current recorded shortlist ({} without a store)."""
    from store.shortlists import current_shortlists

    opened = data.store()  # None: the read-only embedded data (no store could be opened)
    return {} if opened is None else current_shortlists(opened)


def county_shortlist(ds, code: str, lang: str, key: str) -> None:
    """The County page's section: the recorded shortlist of ``code`` or a note."""
    entry = recorded().get(code)
    name = county_names(ds.counties, lang).get(code, code)
    st.subheader(t("shortlist.page_heading", lang))
    if entry is None:
        layout.note(t("shortlist.none", lang))
    else:
        frame = county_table(ds, entry, lang)
        st.dataframe(frame, hide_index=True, width="stretch")
        layout.note(decision_text(entry, lang))
        table_downloads(frame, t("shortlist.brief_title", lang, county=name), lang,
                        key=f"shortlist_{key}")


def all_shortlists(ds, lang: str) -> None:
    """The Projects page's expander: every county's recorded shortlist, and the workbook
    with one sheet per county."""
    found = recorded()
    with st.expander(t("shortlist.all_heading", lang, n=fmt_int(len(found), lang))):
        if not found:
            layout.note(t("shortlist.none_any", lang))
            st.page_link("pages/priorities.py", label=t("shortlist.open_priorities", lang))
            return
        rows = overview_rows(found, ds, lang)
        import pandas as pd

        st.dataframe(pd.DataFrame(rows[1:], columns=rows[0]), hide_index=True, width="stretch")
        names = county_names(ds.counties, lang)

        def workbook() -> bytes:
            from exports.tables import to_excel_bytes

            return to_excel_bytes({names.get(c, c): county_table(ds, e, lang)
                                   for c, e in found.items()}, lang)

        st.download_button(t("download.excel", lang), data=workbook,
                           file_name="shortlists.xlsx", mime=XLSX_MIME,
                           key="dl_shortlists_all", on_click="ignore", type="tertiary")
        st.page_link("pages/priorities.py", label=t("shortlist.open_priorities", lang))
