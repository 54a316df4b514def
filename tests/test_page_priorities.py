"""AppTest of the Priorities page: scores and picks shown, an editor records a county's
shortlist with a reason (stored, shown on the County page), and one click opens the
"only the shortlists" scenario on the Scenario page with the right edits."""

from __future__ import annotations

from analytics.priorities import PRESETS, criteria_table, prioritise
from i18n import t
from store import add_user
from store.shortlists import current_shortlists
from ui.pages.scenario.common import SCENARIO

from .test_page_data import (  # noqa: F401
    EDITOR,
    PASSWORD,
    ROOT,
    by_label,
    env,  # noqa: F401
    other,
    texts,
)


def _page():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/priorities.py")
    return at.run()


def test_read_only_page_shows_picks_and_no_form(env, other):  # noqa: F811
    at = _page()
    assert not at.exception, at.exception
    assert at.title[0].value == t("priorities.title", "fa")
    summary = at.dataframe[0].value
    assert len(summary) == len(other.current_dataset().counties)
    assert not [f for f in at.get("form") if "prio_confirm" in str(f.proto)]
    assert not current_shortlists(other)


def test_editor_records_a_shortlist_and_the_scenario_opens(env, other):  # noqa: F811
    add_user(EDITOR, PASSWORD, "editor", by="tests")
    at = _page()
    at.text_input(key="auth_name").input(EDITOR)
    at.text_input(key="auth_password").input(PASSWORD)
    by_label(at.button, t("data_page.auth.submit", "fa")).click()
    at = at.run()
    at.selectbox(key="prio_county").set_value("lenjan")
    at = at.run()
    ds = other.current_dataset()
    suggested = prioritise(criteria_table(ds.projects, ds.indicators, ds.counties),
                           PRESETS["deputy"], draws=10).picks("lenjan")
    box = by_label(at.multiselect, t("priorities.confirm.projects", "fa"))
    assert sorted(box.value) == sorted(suggested)
    box.set_value(suggested[:2])
    by_label(at.text_area, t("priorities.confirm.reason", "fa")).input("آزمون: دو پروژه")
    by_label(at.button, t("priorities.confirm.submit", "fa")).click()
    at = at.run()
    assert not at.exception, at.exception
    entry = current_shortlists(other)["lenjan"]
    assert entry.project_ids == tuple(suggested[:2]) and entry.decided_by == EDITOR
    assert entry.reason == "آزمون: دو پروژه" and entry.changed
    # one click: the scenario of the shortlists opens on the Scenario page
    by_label(at.button, t("priorities.scenario.open", "fa")).click()
    at = at.run()
    assert not at.exception, at.exception
    scenario = at.session_state[SCENARIO]
    lenjan = [e for e in scenario.edits if e.note == "lenjan"]
    assert len(lenjan) == 1 and lenjan[0].kind == "postpone"
    open_ids = set(ds.projects.loc[(ds.projects["county_code"] == "lenjan")
                                   & ~ds.projects["status"].isin(["completed", "cancelled"]),
                                   "project_id"])
    assert set(lenjan[0].ids) == open_ids - set(suggested[:2])
    assert at.title[0].value == t("scenario_page.title", "fa")


def test_scenario_page_and_deck_carry_the_centre_warning(ds):
    from streamlit.testing.v1 import AppTest

    from analytics.scenario import Scenario
    from briefing.context import build_context
    from briefing.deck import deck_spec

    scenario = Scenario.from_dict({"version": 1, "edits": [{
        "type": "add_project", "county": "isfahan", "sector": "industry", "title_fa": "فولاد نو",
        "budget_billion_rials": 5000, "expected_jobs": 500}]})
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/scenario.py")
    at.session_state[SCENARIO] = scenario
    at = at.run()
    assert not at.exception, at.exception
    heading = t("guardrail.heading", "fa")
    warnings = [w.value for w in at.warning if heading in w.value]
    assert len(warnings) == 1 and "اصفهان" in warnings[0]
    context = build_context(scenario=scenario.to_dict(), dataset=ds, geometry=None)
    specs = deck_spec(context, ["lorenz"], "en", scenario_name="x")
    comparison = next(s for s in specs if s.kind == "comparison")
    warning = context.scenario["guardrails"][0]["en"]
    assert any(warning in str(row[0]) for row in comparison.table)
    assert warning in comparison.notes


def test_recorded_shortlist_on_the_county_and_projects_pages(env, other):  # noqa: F811
    from streamlit.testing.v1 import AppTest

    from store.shortlists import record_shortlist

    ds = other.current_dataset()
    ids = list(ds.projects.loc[ds.projects["county_code"] == "nain", "project_id"])[:2]
    entry = record_shortlist(other, "nain", ids, "دلیل آزمون", "editor9")
    from i18n import localise_digits

    decision = t("shortlist.decision", "fa", reason="دلیل آزمون", by="editor9",
                 when=localise_digits(entry.decided_at_jalali, "fa"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["county"] = "nain"
    at.switch_page("pages/county.py")
    at = at.run()
    assert not at.exception, at.exception
    assert decision in texts(at)
    shown = [f.value for f in at.dataframe
             if t("shortlist.col.project_id", "fa") in f.value.columns]
    assert len(shown) == 1 and list(shown[0][t("shortlist.col.project_id", "fa")]) == ids
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/projects.py")
    at = at.run()
    assert not at.exception, at.exception
    overview = [f.value for f in at.dataframe if t("shortlist.col.reason", "fa") in f.value.columns]
    assert len(overview) == 1 and list(overview[0][t("shortlist.col.reason", "fa")]) == ["دلیل آزمون"]


def test_briefing_page_counts_the_shortlist_slides(env, other):  # noqa: F811
    """The Briefing page's "n slides" note counts the recorded shortlists' slides: the
    overview, and one brief for a filtered county that has a shortlist."""
    from streamlit.testing.v1 import AppTest

    from briefing.deck import expected_slide_count
    from i18n import fmt_int
    from store.shortlists import record_shortlist

    def note(at) -> str:
        return " ".join(str(m.value) for m in at.markdown)

    def briefing_page():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["f"] = '{"counties":["lenjan"]}'
        at.switch_page("pages/briefing.py")
        return at.run()

    at = briefing_page()
    views = len(at.multiselect[0].value)
    without = t("briefing.slide_count", "fa", n=fmt_int(expected_slide_count(views, False), "fa"),
                views=fmt_int(views, "fa"), comparison="")
    assert without in note(at)
    add_user(EDITOR, PASSWORD, "editor")
    ids = list(other.current_dataset().projects.query("county_code == 'lenjan'")["project_id"])
    record_shortlist(other, "lenjan", ids[:2], "آزمون", EDITOR)
    at = briefing_page()
    assert not at.exception
    with_lists = t("briefing.slide_count", "fa",
                   n=fmt_int(expected_slide_count(views, False, 2), "fa"),
                   views=fmt_int(views, "fa"), comparison="")
    assert with_lists in note(at), note(at)[:300]


def test_the_page_keeps_its_choices_in_the_link(env, other):  # noqa: F811
    """A planner's view can be shared: preset, method, picks, weights and county come from
    the link and go back into it; a bad value falls back to the default with a notice."""
    from streamlit.testing.v1 import AppTest

    def page(**params):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page("pages/priorities.py")
        return at.run()

    at = page(method="topsis", picks="2", w="1,0,0,0,0", county="lenjan")
    assert not at.exception
    assert at.radio(key="prio_method").value == "topsis"
    assert at.selectbox(key="prio_picks").value == 2
    assert at.selectbox(key="prio_county").value == "lenjan"
    assert [at.select_slider(key=f"prio_w_{c}").value for c in PRESETS["equal"]] == \
        [1.0, 0.0, 0.0, 0.0, 0.0]
    assert dict(at.query_params)["w"] in (["1,0,0,0,0"], "1,0,0,0,0")
    at.radio(key="prio_preset").set_value("equal").run()
    assert "w" not in dict(at.query_params)  # the preset's own weights: implied by it
    assert dict(at.query_params)["preset"] in (["equal"], "equal")
    bad = page(picks="99", w="9,9")
    assert not bad.exception
    assert bad.selectbox(key="prio_picks").value == 3
    warned = [str(w.value) for w in bad.warning]
    for param in ("picks", "w"):
        assert t("url.rejected", "fa", param=param) in warned, warned
