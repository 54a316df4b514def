"""The Scenario page's small defects of issue 16, under AppTest: a 0 % shift refused, the
note kept to its own change, projects described by title, no English bulk option in the
project picker (a Persian one instead), a shift to the «محروم» counties as a group, Persian
digits on sliders and beside number inputs, saved scenarios in Jalali / Tehran time."""

from __future__ import annotations

import datetime as dt

from analytics.scenario import level_counties
from core.clock import jalali_datetime
from i18n import fmt_int, fmt_number, join_list, localise_digits, t
from tests.test_page_scenario import (  # noqa: F401  (scenario_dir: autouse fixture)
    SCENARIO,
    messages,
    open_page,
    open_saved_sections,
    rerun,
    scenario_dir,
    sign_in,
)


def add(at):
    at.button(key="scn_add").click()
    return rerun(at)


def test_a_zero_share_is_refused_as_no_change():
    at = open_page()
    at.select_slider(key="scn_share").set_value(0)
    add(at)
    assert at.session_state[SCENARIO].is_empty()
    assert t("rule.share_zero", "fa") in messages(at)


def test_a_note_belongs_to_its_own_change_only():
    at = open_page()
    at.select_slider(key="scn_share").set_value(20)
    at.text_input(key="scn_note").input("پیشنهاد معاونت")
    rerun(at)
    add(at)
    assert at.text_input(key="scn_note").value == ""  # cleared after adding
    at.select_slider(key="scn_share").set_value(30)
    rerun(at)
    add(at)
    notes = [e.note for e in at.session_state[SCENARIO].edits]
    assert notes == ["پیشنهاد معاونت", ""]


def test_changes_name_projects_by_title(ds):
    at = open_page()
    at.radio(key="scn_kind").set_value("cancel")
    rerun(at)
    at.radio(key="scn_sel_mode").set_value("ids")
    rerun(at)
    ids = list(ds.projects["project_id"][:2])
    at.multiselect(key="scn_sel_ids").set_value(ids)
    rerun(at)
    add(at)
    listed = "\n".join(m.value for m in at.markdown)
    titles = dict(zip(ds.projects["project_id"], ds.projects["title_fa"]))
    for pid in ids:
        assert f"«{titles[pid]}»" in listed
        assert pid not in listed


def test_project_picker_has_no_english_bulk_option_and_a_persian_one():
    at = open_page()
    at.radio(key="scn_kind").set_value("cancel")
    rerun(at)
    at.multiselect(key="scn_sel_counties").set_value(["lenjan"])
    at.radio(key="scn_sel_mode").set_value("ids")
    rerun(at)
    picker = at.multiselect(key="scn_sel_ids")
    assert picker.proto.select_all == 0  # Streamlit's "Select all / Select N matches" off
    listed = [o for o in picker.options]
    assert len(listed) >= 2
    button = at.button(key="scn_sel_all")
    assert button.label == t("ui_polish.select_all", "fa", n=fmt_int(len(listed), "fa"))
    button.click()
    rerun(at)
    assert len(at.multiselect(key="scn_sel_ids").value) == len(listed)
    assert not [b for b in at.button if b.key == "scn_sel_all"]  # all chosen: no button


def test_shift_to_the_deprived_counties_as_a_group(ds):
    deprived = level_counties(ds, "deprived")
    assert 0 < len(deprived) < len(ds.counties) - 1
    at = open_page()
    at.radio(key="scn_recipients").set_value("deprived")
    rerun(at)
    names = dict(zip(ds.counties["code"], ds.counties["name_fa"]))
    notes = "\n".join(m.value for m in at.markdown)
    assert join_list((names[c] for c in deprived), "fa") in notes
    add(at)
    edit = at.session_state[SCENARIO].edits[0]
    assert edit.to_level == "deprived" and edit.to_counties is None
    listed = "\n".join(m.value for m in at.markdown)
    assert t("ui_polish.shift.level_group", "fa", level=t("level.deprived", "fa")) in listed
    from analytics.scenario import apply_scenario

    result = apply_scenario(ds, at.session_state[SCENARIO])
    assert sorted(result.hypothetical["county_code"]) == sorted(deprived)


def test_sliders_show_persian_digits_and_number_inputs_echo_them():
    at = open_page()
    share = at.select_slider(key="scn_share")
    assert share.proto.options[10] == "۱۰٪"
    at.radio(key="scn_kind").set_value("assumptions")
    rerun(at)
    for key, value, decimals in (("scn_m", 0.6, 2), ("scn_k", 1.0, 1)):
        slider = at.select_slider(key=key)
        assert slider.value == value
        assert fmt_number(value, "fa", decimals) in slider.proto.options
        assert all(not any(c.isascii() and c.isdigit() for c in o) for o in slider.proto.options)
    at.radio(key="scn_kind").set_value("postpone")
    rerun(at)
    at.number_input(key="scn_months").set_value(-12)
    rerun(at)
    captions = [c.value for c in at.caption]
    assert t("ui_polish.number_value", "fa", value=fmt_number(-12, "fa", 0)) in captions
    at.radio(key="scn_kind").set_value("set_projects")
    rerun(at)
    at.checkbox(key="scn_set_progress_on").check()
    rerun(at)
    progress = at.select_slider(key="scn_set_progress")
    assert progress.value == 100 and "۱۰۰٪" in progress.proto.options


def test_saved_scenarios_show_jalali_tehran_time(ds, tmp_path):
    at = open_page()
    at.select_slider(key="scn_share").set_value(20)
    add(at)
    open_saved_sections(at)
    sign_in(at, "editor1")
    at.text_input(key="scn_save_name").input("آزمون زمان")
    rerun(at)
    at.button(key="scn_save").click()
    rerun(at)
    path = tmp_path / "scenarios" / "آزمون زمان.json"  # the autouse scenario_dir
    assert path.is_file(), messages(at)
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(tzinfo=None,
                                                                              microsecond=0)
    expected = localise_digits(jalali_datetime(stamp), "fa")
    column = t("scenario_page.col.modified", "fa")
    tables = [tb.value for tb in at.table if column in tb.value.columns]
    assert tables and tables[0][column].iloc[0] == expected
    assert expected.startswith("۱۴")  # a Jalali year, not 2026
