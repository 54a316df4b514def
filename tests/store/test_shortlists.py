"""The recorded shortlists (issue 15): editors only, refused decisions, append-only history,
a decision survives a restart (a new Store on the same database), and it reaches the
briefing deck, the per-county brief and the shortlist scenario."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from analytics.priorities import eligible, shortlist_scenario
from analytics.scenario import apply_scenario
from i18n import t
from store import User, add_user, open_store
from store.shortlists import (
    ShortlistError,
    current_shortlists,
    record_shortlist,
    shortlists_frame,
)


def _county_with_projects(store, n: int = 2):
    projects = store.current_dataset().projects
    open_ = projects[eligible(projects)]
    counts = open_["county_code"].value_counts()
    code = counts.index[counts >= n][0]
    return code, list(open_.loc[open_["county_code"] == code, "project_id"])


def test_recorded_shortlist_survives_a_restart(store, db_url, data_dir):
    code, ids = _county_with_projects(store)
    first = record_shortlist(store, code, ids[:1], "نخست", "editor1", suggested=ids[:2],
                             method="weighted_sum", weights={"need": 1.0}, n_picks=2)
    second = record_shortlist(store, code, ids[:2], "  دلیل   دوم ", "editor2")
    assert first.changed and not second.changed
    store.close()
    with open_store(db_url, data_directory=data_dir) as reopened:
        current = current_shortlists(reopened)
        assert list(current) == [code]
        entry = current[code]
        assert entry.project_ids == tuple(ids[:2]) and entry.reason == "دلیل دوم"
        assert entry.decided_by == "editor2" and entry.version_id == reopened.current_version_id()
        assert entry.decided_at_jalali[:2] == "14"  # a Jalali year
        history = shortlists_frame(reopened, code, history=True)
        assert list(history["reason"]) == ["نخست", "دلیل دوم"]
        assert history["weights"].iloc[0] == {"need": 1.0}
        actions = reopened.audit_frame(actions=("shortlist_set",))
        assert len(actions) == 2


def test_refused_decisions_store_nothing(store):
    code, ids = _county_with_projects(store)
    other = store.current_dataset().projects
    foreign = other.loc[other["county_code"] != code, "project_id"].iloc[0]
    for args, key in [((code, ids[:1], ""), "shortlist.error.no_reason"),
                      ((code, [], "r"), "shortlist.error.no_project"),
                      ((code, [foreign], "r"), "shortlist.error.not_in_county"),
                      (("atlantis", ids[:1], "r"), "shortlist.error.county")]:
        with pytest.raises(ShortlistError) as err:
            record_shortlist(store, *args, by="editor1")
        assert err.value.key == key
        assert err.value.message("fa") and err.value.message("en")
    assert current_shortlists(store) == {}


def test_only_editors_write(store):
    add_user("viewer1", "a-long-password", "viewer", by="tests")
    code, ids = _county_with_projects(store)
    with pytest.raises(PermissionError):
        record_shortlist(store, code, ids[:1], "r", User("viewer1", "viewer"))
    assert current_shortlists(store) == {}


def test_shortlists_are_append_only(store):
    code, ids = _county_with_projects(store)
    record_shortlist(store, code, ids[:1], "r", "editor1")
    for statement in ("UPDATE shortlists SET reason = 'x'", "DELETE FROM shortlists"):
        with pytest.raises(DBAPIError):
            with store.engine.begin() as conn:
                conn.execute(text(statement))
    assert current_shortlists(store)[code].reason == "r"


def test_recorded_shortlist_in_the_deck_brief_and_scenario(store):
    from analytics.filters import ProjectFilter
    from briefing.context import build_context
    from briefing.deck import deck_spec
    from briefing.shortlists import attach_shortlists, county_brief_text
    from exports.deck import build_deck
    from i18n import fmt_int, t

    code, ids = _county_with_projects(store)
    record_shortlist(store, code, ids[:1], "بیشترین اشتغال", "editor1")
    ds = store.current_dataset()
    context = build_context(dataset=ds, geometry=None, flt=ProjectFilter(counties=(code,)))
    attach_shortlists(context, store)
    specs = deck_spec(context, ["lorenz"], "fa")
    titles = [s.title for s in specs]
    name = ds.counties.set_index("code").at[code, "name_fa"]
    # the overview states its finding (how many counties have a shortlist), Persian digits
    finding = t("shortlist.deck_finding", "fa", n="۱", total=fmt_int(len(ds.counties), "fa"))
    assert finding in titles
    assert specs[titles.index(finding)].subtitle == t("shortlist.deck_title", "fa")
    assert t("shortlist.brief_title", "fa", county=name) in titles
    assert specs[-1].kind == "sources"
    overview = specs[titles.index(finding)].table
    assert not any(c.isascii() and c.isdigit() for c in overview[1][-1])  # «۱۴۰۵/۰۹/…»
    assert overview[1][0] == name and "بیشترین اشتغال" in overview[1]
    brief = county_brief_text(ds, code, current_shortlists(store)[code], "fa")
    assert "بیشترین اشتغال" in brief and "editor1" in brief
    assert build_deck(specs, "fa")[:2] == b"PK"
    # the scenario of the recorded shortlist: the county's other open projects postponed
    entry = current_shortlists(store)[code]
    scenario = shortlist_scenario(ds.projects, {code: entry.project_ids}, "cancel")
    result = apply_scenario(ds, scenario)
    after = result.projects.set_index("project_id")["status"]
    assert after[ids[0]] != "cancelled"
    assert all(after[p] == "cancelled" for p in ids[1:])


def test_per_county_excel_export(store):
    import io

    from openpyxl import load_workbook

    from briefing.shortlists import county_table
    from exports.tables import to_excel_bytes
    from i18n import t

    code, ids = _county_with_projects(store)
    entry = record_shortlist(store, code, ids[:2][::-1], "r", "editor1")
    ds = store.current_dataset()
    frame = county_table(ds, entry, "fa")
    assert list(frame[t("shortlist.col.project_id", "fa")]) == ids[:2][::-1]  # chosen order
    book = load_workbook(io.BytesIO(to_excel_bytes({code: frame}, "fa")))
    sheet = book[code]
    assert sheet.sheet_view.rightToLeft
    values = [c.value for c in sheet[1]]
    assert t("shortlist.col.title", "fa") in values and sheet.max_row == 3


def test_many_shortlists_split_over_slides_and_are_counted(store):
    """Recorded shortlists of many counties go on several overview slides
    (ROWS_PER_SLIDE counties each, numbered «۱ از ۲»), and the Briefing page's count agrees."""
    from analytics.filters import ProjectFilter
    from briefing.context import build_context
    from briefing.deck import deck_spec, expected_slide_count
    from briefing.shortlists import ROWS_PER_SLIDE, attach_shortlists, shortlist_slide_count

    ds = store.current_dataset()
    counties = [c for c in ds.counties["code"] if (ds.projects["county_code"] == c).any()]
    chosen = counties[:ROWS_PER_SLIDE + 1]
    for code in chosen:
        ids = list(ds.projects.loc[ds.projects["county_code"] == code, "project_id"])
        record_shortlist(store, code, ids[:1], "آزمون", "editor1")
    context = build_context(dataset=ds, geometry=None, flt=ProjectFilter())
    attach_shortlists(context, store)
    specs = deck_spec(context, ["lorenz"], "fa")
    overview = [s for s in specs if s.subtitle == t("shortlist.deck_title", "fa")]
    assert len(overview) == 2 and "(۱ از ۲)" in overview[0].title
    assert [len(s.table) - 1 for s in overview] == [ROWS_PER_SLIDE, 1]
    n = shortlist_slide_count(current_shortlists(store), ())
    assert n == 2 and len(specs) == expected_slide_count(1, False, n)
