"""AppTest of the Projects and County pages: search, sort, selection → detail, county switch,
links (URL state) round trip, tampered links, English."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from analytics.filters import ProjectFilter
from analytics.followup_status import followup_status
from i18n import fmt_int, t

ROOT = Path(__file__).resolve().parents[1]
PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٬", "0123456789,")


def run_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    return at.run()


def param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def by_label(elements, label: str):
    found = [e for e in elements if e.label == label]
    assert found, f"no widget labelled {label!r}: {[e.label for e in elements]}"
    return found[0]


def table(at: AppTest):
    return at.dataframe[0].value


def heading_texts(at: AppTest) -> list[str]:
    return [h.value for h in at.subheader]


# --- Projects ---------------------------------------------------------------------------------


def test_projects_page_lists_every_project(ds):
    at = run_page("projects")
    assert not at.exception
    assert t("nav.projects", "fa") in at.title[0].value
    frame = table(at)
    assert len(frame) == len(ds.projects)
    assert set(frame["project_id"]) == set(ds.projects["project_id"])
    assert (frame["mark"] == "✱").sum() == int(ds.projects["is_sample"].sum())
    assert frame["planned_end"].dropna().str.contains("۱۴").all()  # Persian digits
    assert dict(at.query_params) == {}  # a default view has a clean link


@pytest.mark.parametrize("typed, persian", [("كاشان", "کاشان"), ("شهرک های", "شهرک‌های")])
def test_search_is_normalised(ds, typed, persian):
    at = run_page("projects")
    by_label(at.text_input, t("filter.text", "fa")).input(typed).run()
    assert not at.exception
    found = set(table(at)["project_id"])
    expected = set(ProjectFilter(text=persian).apply(ds.projects, ds.counties)["project_id"])
    assert found == expected and found
    assert json.loads(param(at, "f")) == {"text": typed}


@pytest.fixture
def data_with_zwnj_title(tmp_path, monkeypatch):
    """The embedded data plus one project titled «پروژه‌های …» (ZWNJ), loaded by the app."""
    import streamlit as st

    for name in ("counties.csv", "indicators.csv", "places.csv", "projects.csv"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    with open(tmp_path / "projects.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    extra = dict(rows[0], project_id="aran_va_bidgol-99",
                 title_fa="پروژه‌های آزمایشی آبرسانی", title_en="Test water projects")
    with open(tmp_path / "projects.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows([*rows, extra])
    monkeypatch.setenv("PISHRAN_DATA_DIR", str(tmp_path))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield "aran_va_bidgol-99"
    monkeypatch.delenv("PISHRAN_DATA_DIR")
    st.cache_resource.clear()
    st.cache_data.clear()


def test_search_finds_zwnj_title_typed_with_a_space(data_with_zwnj_title):
    at = run_page("projects")
    by_label(at.text_input, t("filter.text", "fa")).input("پروژه های").run()
    assert not at.exception
    assert list(table(at)["project_id"]) == [data_with_zwnj_title]


def test_search_by_county_name_lists_title_matches_first(ds):
    """«لنجان» (issue 16): every Lenjan project, the one naming Lenjan in its title first."""
    at = run_page("projects")
    by_label(at.text_input, t("filter.text", "fa")).input("لنجان").run()
    assert not at.exception
    shown = list(table(at)["project_id"])
    lenjan = ds.projects.loc[ds.projects["county_code"] == "lenjan"]
    assert set(shown) == set(lenjan["project_id"])
    titled = set(lenjan.loc[lenjan["title_fa"].str.contains("لنجان"), "project_id"])
    assert titled and set(shown[:len(titled)]) == titled


def test_titles_and_sectors_wrap_instead_of_being_cut(ds):
    """Issue 16: long titles and sectors were cut off.  Rows are taller than 4rem (64 px),
    above which Streamlit's grid wraps cell text, and three lines of each column hold its
    longest value at ≈ 7 px a character (Vazirmatn at the grid's 14 px, an estimate)."""
    at = run_page("projects")
    grid = at.dataframe[0].proto
    assert grid.row_height > 64
    lines = grid.row_height // 20  # ≈ 20 px a line of 14 px text
    widths = {c: cfg.get("width") for c, cfg in json.loads(grid.columns).items()}
    longest_title = int(ds.projects["title_fa"].str.len().max())
    longest_sector = max(len(t(f"sector.{s}", "fa")) for s in ds.projects["sector"].unique())
    assert widths["title"] * lines >= 7 * longest_title
    assert widths["sector"] * lines >= 7 * longest_sector


def test_sort_then_select_opens_the_detail(ds):
    at = run_page("projects")
    by_label(at.selectbox, t("projects.sort", "fa")).select("-budget").run()
    frame = table(at)
    top = ds.projects.loc[ds.projects["budget_billion_rials"].idxmax(), "project_id"]
    assert frame["project_id"].iloc[0] == top
    assert param(at, "sort") == "-budget"
    # select the third row of the (sorted) table
    key = at.session_state["projects:table_key"]
    at.session_state[key] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    chosen = frame["project_id"].iloc[2]
    assert param(at, "project") == chosen
    title = ds.projects.set_index("project_id").at[chosen, "title_fa"]
    assert any(title in h for h in heading_texts(at))
    assert by_label(at.selectbox, t("projects.pick", "fa")).value == chosen
    assert len(at.get("plotly_chart")) == 1  # the timeline


def test_pick_a_real_project_shows_source_and_sample_fields(ds):
    at = run_page("projects")
    by_label(at.selectbox, t("projects.pick", "fa")).select("kashan-02").run()
    assert not at.exception
    assert param(at, "project") == "kashan-02"
    html = "".join(m.value for m in at.markdown)
    assert 'href="https://www.ilna.ir/' in html and 'rel="noopener noreferrer"' in html
    warnings = " ".join(w.value for w in at.warning)
    assert t("projects.token.budget", "fa") in warnings  # the sample fields are named
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("projects.field.physical_progress_pct", "fa")] == "۹۰٪ ✱"
    history = at.dataframe[1].value
    assert len(history) == 4  # planned start, actual start, last follow-up, planned end
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "۱۴۰۵" in json.dumps(spec, ensure_ascii=False)


def test_sample_project_says_so(ds):
    at = run_page("projects", project="lenjan-03")
    assert not at.exception
    assert ds.projects.set_index("project_id").at["lenjan-03", "is_sample"]
    assert any(t("projects.sample_row", "fa") == w.value for w in at.warning)
    # closing the detail
    by_label(at.selectbox, t("projects.pick", "fa")).select("").run()
    assert param(at, "project") is None
    assert not any(t("projects.detail_heading", "fa") in h for h in heading_texts(at))


def test_projects_link_round_trip():
    flt = json.dumps({"text": "كاشان", "statuses": ["in_progress", "study"]}, ensure_ascii=False)
    at = run_page("projects", f=flt, sort="-budget", project="kashan-02")
    assert not at.exception
    assert not at.warning or all("«" not in w.value for w in at.warning)
    assert by_label(at.text_input, t("filter.text", "fa")).value == "كاشان"
    assert by_label(at.selectbox, t("projects.sort", "fa")).value == "-budget"
    assert by_label(at.selectbox, t("projects.pick", "fa")).value == "kashan-02"
    assert set(table(at)["status"]) <= {t("status.in_progress", "fa"), t("status.study", "fa"),
                                        t("status.in_progress", "fa") + " ⚠",
                                        t("status.study", "fa") + " ⚠"}
    # the link the page writes back is the same view
    again = run_page("projects", **{k: param(at, k) for k in ("f", "sort", "project")})
    assert json.loads(param(again, "f")) == json.loads(flt)
    assert param(again, "sort") == "-budget" and param(again, "project") == "kashan-02"
    assert list(table(again)["project_id"]) == list(table(at)["project_id"])


def test_project_hidden_by_the_filter_still_opens():
    at = run_page("projects", f=json.dumps({"counties": ["nain"]}), project="kashan-02")
    assert not at.exception
    assert "kashan-02" not in set(table(at)["project_id"])
    notes = "".join(m.value for m in at.markdown)
    assert t("projects.hidden_by_filter", "fa") in notes


def test_empty_result_is_not_an_error():
    at = run_page("projects", f=json.dumps({"text": "چیزی که نیست"}))
    assert not at.exception
    assert any(t("projects.no_results", "fa") == i.value for i in at.info)


@pytest.mark.parametrize("query", [
    {"project": "<script>alert(1)</script>"},
    {"sort": "../../etc"},
    {"f": "{bad json"},
    {"f": json.dumps({"text": "x" * 500})},
    {"project": "kashan-02", "sort": "evil", "f": "[1,2]"},
    {"lang": "xx", "project": "' OR 1=1 --"},
])
def test_tampered_projects_links_fall_back_with_a_notice(query):
    at = run_page("projects", **query)
    assert not at.exception
    assert at.warning, "a notice names the rejected parameter"
    assert by_label(at.selectbox, t("projects.sort", "fa")).value in ("county",)
    if query.get("project") != "kashan-02":
        assert param(at, "project") is None


def test_projects_page_in_english():
    at = run_page("projects", lang="en", project="kashan-02")
    assert not at.exception
    assert "Projects" in at.title[0].value
    frame = table(at)
    assert "Kashan" in set(frame["county"])
    assert frame["planned_end"].dropna().str.fullmatch(r"\d{4}/\d{2}/\d{2}").all()
    assert any("Kashan Special Economic Zone" in h for h in heading_texts(at))


# --- County -----------------------------------------------------------------------------------


def test_county_page_defaults_to_the_centre(ds):
    at = run_page("county")
    assert not at.exception
    assert "اصفهان" in at.title[0].value
    assert by_label(at.selectbox, t("county.pick", "fa")).value == ds.centre_code
    assert param(at, "county") == ds.centre_code
    assert len(at.get("plotly_chart")) == 2  # indicators, map


def test_county_switch_updates_everything(ds):
    at = run_page("county")
    by_label(at.selectbox, t("county.pick", "fa")).select("lenjan").run()
    assert not at.exception
    assert at.title[0].value == t("county.title", "fa", name="لنجان")
    assert param(at, "county") == "lenjan"
    metrics = {m.label: m.value for m in at.metric}
    n = int((ds.projects["county_code"] == "lenjan").sum())
    assert metrics[t("county.metric.projects", "fa")].translate(PERSIAN_DIGITS) == str(n)
    assert metrics[t("county.metric.level", "fa")].split(" ")[0] in {
        t(f"level.{x}", "fa") for x in ("developed", "semi_developed", "deprived")}
    ranks = at.dataframe[0].value
    assert len(ranks) == 4 and ranks[t("county.col.method_rank", "fa")].str.contains(" از ").all()
    indicators = at.dataframe[1].value
    assert len(indicators) == 5
    projects = at.dataframe[2].value
    assert set(projects["project_id"]) == set(
        ds.projects.loc[ds.projects["county_code"] == "lenjan", "project_id"])
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    first = spec["data"][0]
    if first["type"] == "choropleth":
        highlighted = [loc for loc, z in zip(first["locations"], first["z"]) if z == 1]
        assert highlighted == ["lenjan"]
        assert any(tr.get("name") == "centre" and tr["locations"] == ["lenjan"]
                   for tr in spec["data"])


FIVE = ("اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه")  # today's units of pre-2021 Isfahan


def notes(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "pishran-note" in m.value]


def test_lenjan_ranks_among_the_counties_with_their_own_figures():
    """Lenjan ranked «۲۸ از ۲۸» in unemployment, counting the five units that show only
    pre-2021 Isfahan's rate; it is 23rd of the 23 counties with a census rate of their
    own, and the page names the five left out."""
    at = run_page("county", county="lenjan")
    assert not at.exception
    ranks = at.dataframe[0].value[t("county.col.method_rank", "fa")]
    assert ranks.str.endswith(" از ۲۳").all()  # the development rank: 23 counties ranked
    indicators = at.dataframe[1].value
    rank = dict(zip(indicators[t("county.col.indicator", "fa")],
                    indicators[t("county.col.rank", "fa")]))
    assert rank[t("measure.unemployment_rate", "fa")] == "۲۳ از ۲۳"
    assert rank[t("measure.literacy_rate", "fa")] == "۳ از ۲۳"
    assert rank[t("measure.net_migration_rate", "fa")].endswith(" از ۲۸")  # no group values
    said = " ".join(notes(at))
    assert t("county.ranks_left_out", "fa", n="۲۳", k="۵",
             names="، ".join(f"{n} ▣" for n in FIVE)) in said
    assert t("county.profile_left_out", "fa", mark="▣", n="۲۳", left_out="، ".join(FIVE),
             group="اصفهان پیش از ۱۴۰۰", indicators="، ".join(
                 t(f"measure.{m}", "fa")
                 for m in ("unemployment_rate", "literacy_rate", "urbanisation_rate"))) in said


def test_a_group_county_shows_the_group_s_figure_as_the_group_s():
    at = run_page("county", county="harand")
    assert not at.exception
    indicators = at.dataframe[0].value  # not ranked: no ranks grid
    value = dict(zip(indicators[t("county.col.indicator", "fa")],
                     indicators[t("county.col.value", "fa")]))
    rank = dict(zip(indicators[t("county.col.indicator", "fa")],
                    indicators[t("county.col.rank", "fa")]))
    assert value[t("measure.unemployment_rate", "fa")] == "۱۳٫۴ ▣"
    assert rank[t("measure.unemployment_rate", "fa")] == t("county.rank_group", "fa", mark="▣")
    assert any("اصفهان پیش از ۱۴۰۰" in i.value for i in at.info)  # why it is not ranked
    assert any(t("county.profile_group", "fa", mark="▣", name="هرند", group="اصفهان پیش از ۱۴۰۰",
                 indicators="، ".join(t(f"measure.{m}", "fa") for m in (
                     "unemployment_rate", "literacy_rate", "urbanisation_rate"))) in n
               for n in notes(at))


def test_county_page_shows_the_county_s_assets_on_the_map_and_in_a_table(ds):
    """Lenjan has four assets in data/places.csv (Esfahan Steel, exact; the proposed
    Fooladshahr special economic zone and technology-park pole and the planned Zarrinshahr
    vocational schools, at their towns): all four are drawn on the locator map and listed."""
    at = run_page("county", county="lenjan")
    assert not at.exception
    mine = ds.places[ds.places["county_code"] == "lenjan"]
    assert set(mine["place_id"]) == {"esfahan_steel", "fooladshahr_sez", "fooladshahr_tech_pole",
                                     "zarrinshahr_vocational_schools"}
    assert t("county.places_heading", "fa", n="۴") in heading_texts(at)
    assets = at.dataframe[-1].value
    assert set(assets[t("map.places.name", "fa")]) == set(mine["name_fa"])
    assert "برنامه‌ریزی‌شده" in set(assets[t("map.places.status", "fa")])
    assert set(assets[t("map.places.precision", "fa")]) == {
        t("map.legend.place_exact", "fa"), t("map.legend.place_town", "fa")}
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    if spec["data"][0]["type"] == "choropleth":
        # one mark per point («|» joins the assets of a shared or merged mark)
        drawn = [pid for tr in spec["data"] if tr.get("legendgroup") == "places"
                 for ids in tr["customdata"] for pid in ids.split("|")]
        assert sorted(drawn) == sorted(mine["place_id"])
    nain = run_page("county", county="nain")
    assert t("county.places_heading", "fa", n="۰") in heading_texts(nain)
    assert any(t("county.no_places", "fa") in m.value for m in nain.markdown)


def test_county_link_round_trip_and_filter():
    flt = json.dumps({"sectors": ["industry"]})
    at = run_page("county", county="mobarakeh", f=flt)
    assert not at.exception
    assert "مبارکه" in at.title[0].value
    assert param(at, "county") == "mobarakeh" and json.loads(param(at, "f")) == {
        "sectors": ["industry"]}
    projects = at.dataframe[2].value  # Mobarakeh has an industry project
    assert len(projects) >= 1 and set(projects["sector"]) == {t("sector.industry", "fa")}


def test_county_without_filtered_projects_says_so(ds):
    from core.schema import SECTORS

    lacking = sorted(set(SECTORS) - set(ds.projects.loc[ds.projects["county_code"] == "lenjan",
                                                        "sector"]))
    at = run_page("county", county="lenjan", f=json.dumps({"sectors": lacking[:1]}))
    assert not at.exception
    assert any(t("county.no_projects", "fa") == i.value for i in at.info)
    assert not at.get("page_link")  # nothing to open on the Projects page


def test_filter_county_choice_does_not_hide_the_chosen_county(ds):
    """The page is about the county picked on it: the filter's other counties do not
    empty it (its other settings still apply), and a note says so."""
    at = run_page("county", county="lenjan", f=json.dumps({"counties": ["nain"]}))
    assert not at.exception
    projects = at.dataframe[2].value
    assert set(projects["project_id"]) == set(
        ds.projects.loc[ds.projects["county_code"] == "lenjan", "project_id"])
    metrics = {m.label: m.value for m in at.metric}
    n = int((ds.projects["county_code"] == "lenjan").sum())
    assert metrics[t("county.metric.projects", "fa")].translate(PERSIAN_DIGITS) == str(n)
    notes = "".join(m.value for m in at.markdown)
    assert t("county.filter_counties_note", "fa") in notes
    assert json.loads(param(at, "f")) == {"counties": ["nain"]}  # the filter itself is kept


# --- County → Projects link ---------------------------------------------------------------------


def follow(at: AppTest, link) -> AppTest:
    """Click ``link`` (an st.page_link) as the browser does: same session, the link's
    query, its page (AppTest cannot click page links)."""
    query = parse_qs(link.proto.query_string, keep_blank_values=True)
    at.query_params.clear()
    for key, values in query.items():
        at.query_params[key] = values[0]
    at.switch_page(link.proto.page if link.proto.page.endswith(".py")
                   else "pages/projects.py")
    return at.run()


def projects_link(at: AppTest):
    links = [link for link in at.get("page_link")
             if link.proto.label == t("county.open_project", at.session_state["lang"])]
    assert len(links) == 1, [link.proto.label for link in at.get("page_link")]
    return links[0]


def test_county_link_opens_projects_filtered_to_the_county(ds):
    at = run_page("county", county="kashan")
    link = projects_link(at)
    assert parse_qs(link.proto.query_string) == {"f": ['{"counties":["kashan"]}']}
    at = follow(at, link)
    assert not at.exception
    assert t("nav.projects", "fa") in at.title[0].value
    expected = set(ds.projects.loc[ds.projects["county_code"] == "kashan", "project_id"])
    assert set(table(at)["project_id"]) == expected and expected
    assert by_label(at.multiselect, t("filter.counties", "fa")).value == ["kashan"]
    assert json.loads(param(at, "f")) == {"counties": ["kashan"]}
    assert at.session_state["project_filter"] == ProjectFilter(counties=("kashan",))


def test_county_link_keeps_the_other_filter_settings_and_replaces_counties():
    """Counties of an earlier filter are replaced by the page's county; sector, years,
    text … stay, so Projects lists the very rows of the County page's table."""
    flt = {"counties": ["nain", "lenjan"], "sectors": ["industry", "tourism"],
           "year_from": 1400}
    at = run_page("county", county="mobarakeh", f=json.dumps(flt))
    county_rows = set(at.dataframe[2].value["project_id"])
    link = projects_link(at)
    assert json.loads(parse_qs(link.proto.query_string)["f"][0]) == {
        **flt, "counties": ["mobarakeh"]}
    at = follow(at, link)
    assert not at.exception
    assert set(table(at)["project_id"]) == county_rows and county_rows
    assert json.loads(param(at, "f")) == {**flt, "counties": ["mobarakeh"]}
    assert by_label(at.multiselect, t("filter.sectors", "fa")).value == ["industry", "tourism"]
    assert not at.warning  # nothing was rejected
    # the sidebar still drives the filter afterwards (the link does not stick)
    by_label(at.multiselect, t("filter.counties", "fa")).set_value([]).run()
    assert not at.exception
    assert json.loads(param(at, "f")) == {"sectors": ["industry", "tourism"], "year_from": 1400}
    assert len(table(at)) > len(county_rows)


def test_county_link_in_english_carries_the_language():
    at = run_page("county", county="nain", lang="en")
    link = projects_link(at)
    assert parse_qs(link.proto.query_string) == {"lang": ["en"], "f": ['{"counties":["nain"]}']}
    at = follow(at, link)
    assert not at.exception
    assert "Projects" in at.title[0].value
    assert set(table(at)["county"]) == {"Nain"}


def test_session_filter_survives_plain_navigation():
    """Without a link's query (sidebar navigation), the session's filter stays."""
    at = run_page("projects", f=json.dumps({"counties": ["nain"]}))
    at.query_params.clear()
    at.switch_page("pages/county.py").run()
    assert not at.exception
    assert json.loads(param(at, "f")) == {"counties": ["nain"]}
    at.query_params.clear()
    at.switch_page("pages/projects.py").run()
    assert set(table(at)["county"]) == {"نائین"}


def test_in_app_link_to_a_county_wins_over_the_session_choice():
    """The same for page choices: a link with ``?county=`` (e.g. from the map) opens that
    county even when the session had picked another."""
    at = run_page("county", county="lenjan")
    at.query_params.clear()
    at.query_params["county"] = "kashan"
    at.switch_page("pages/county.py").run()
    assert not at.exception
    assert by_label(at.selectbox, t("county.pick", "fa")).value == "kashan"
    # a rerun with the app's own URL keeps the user's later choice
    by_label(at.selectbox, t("county.pick", "fa")).select("nain").run()
    assert param(at, "county") == "nain"
    at.run()
    assert by_label(at.selectbox, t("county.pick", "fa")).value == "nain"


@pytest.mark.parametrize("query", [
    {"county": "../../etc"}, {"county": "<script>"}, {"county": "LENJAN"},
    {"county": "lenjan", "f": "{bad json"}, {"county": "x" * 3000},
])
def test_tampered_county_links_fall_back_with_a_notice(ds, query):
    at = run_page("county", **query)
    assert not at.exception
    assert at.warning
    expected = "lenjan" if query.get("county") == "lenjan" else ds.centre_code
    assert by_label(at.selectbox, t("county.pick", "fa")).value == expected


def test_county_page_survives_a_bad_session_value(ds):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["page:county"] = None  # e.g. written by another page
    at.session_state["page:sort"] = "nope"
    at.session_state["page:project"] = 42
    at.switch_page("pages/county.py")
    at.run()
    assert not at.exception
    assert by_label(at.selectbox, t("county.pick", "fa")).value == ds.centre_code
    at.switch_page("pages/projects.py")
    at.run()
    assert not at.exception
    assert by_label(at.selectbox, t("projects.sort", "fa")).value == "county"
    assert by_label(at.selectbox, t("projects.pick", "fa")).value == ""


def test_county_page_in_english():
    at = run_page("county", lang="en", county="kashan")
    assert not at.exception
    assert at.title[0].value == "Kashan County"
    labels = {m.label for m in at.metric}
    assert t("county.metric.level", "en") in labels
    assert at.dataframe[0].value.columns[0] == t("county.col.method", "en")


# --- tables that fit a 1280 px screen ---------------------------------------------------------


def grid(at: AppTest, i: int = 0) -> tuple[list[str], dict]:
    """(column order, column config) of the i-th st.dataframe as sent to the browser."""
    proto = at.dataframe[i].proto
    return list(proto.column_order), json.loads(proto.columns)


def grid_width(order: list[str], config: dict) -> int:
    widths = [config[c]["width"] for c in order]
    assert all(isinstance(w, int) for w in widths), widths
    return sum(widths)


# st.dataframe takes the main column: ≈ 916 px at 1280 × 800 with the sidebar open and the
# narrow-screen padding of ui/layout (measured in Chromium); the Projects grid adds 36 px of
# checkboxes.
FITS_1280 = 916


def test_projects_grid_fits_1280_with_the_first_columns_on_the_right():
    at = run_page("projects")
    order, config = grid(at)
    assert order[-3:] == ["title", "stale", "mark"]  # reading order, right to left
    assert "provenance" not in order and "last_followup" not in order
    assert grid_width(order, config) + 36 <= FITS_1280


def test_projects_more_columns_are_optional_and_linkable(ds):
    at = run_page("projects")
    more = by_label(at.multiselect, t("projects.more_columns", "fa"))
    more.set_value(["provenance", "last_followup"]).run()
    assert not at.exception
    order, _ = grid(at)
    assert order[:2] == ["provenance", "last_followup"]  # after the defaults, on the left
    assert param(at, "cols") == "last_followup,provenance"
    again = run_page("projects", cols="last_followup,provenance")
    assert grid(again)[0] == order
    assert len(table(again)) == len(ds.projects)


@pytest.mark.parametrize("cols", ["evil", "title", "provenance,provenance", "x" * 3000])
def test_tampered_columns_fall_back_with_a_notice(cols):
    at = run_page("projects", cols=cols)
    assert not at.exception
    assert at.warning
    assert param(at, "cols") is None
    assert "provenance" not in grid(at)[0]


def test_projects_english_grid_keeps_left_to_right_order():
    at = run_page("projects", lang="en")
    order, _ = grid(at)
    assert order[:3] == ["mark", "stale", "title"]


def test_county_tables_fit_1280(ds):
    at = run_page("county", county="isfahan")
    # Isfahan shows only pre-2021 Isfahan's census figures (▣): it is not ranked, so the
    # ranks grid (two short text columns, sized to content) is not there — the last two
    # grids before the assets are the indicators and the projects
    not_ranked = t("county.excluded_group", "fa", mark="▣", group="اصفهان پیش از ۱۴۰۰",
                   names="، ".join(t(f"measure.{m}", "fa") for m in
                                  ("unemployment_rate", "literacy_rate", "urbanisation_rate")))
    assert [i.value for i in at.info] == [not_ranked]
    # no assets name Isfahan county as theirs; the overdue list (a grid when there is one)
    # comes after the projects
    overdue = followup_status(ds.projects, counties=list(ds.counties["code"])).overdue("isfahan")
    assert len(at.dataframe) == 2 + (not overdue.empty)
    first = 0
    for i in (first, first + 1):  # indicators, projects
        order, config = grid(at, i)
        if not order:  # the indicator table has no column_order: its configured columns
            order = [c for c in config if c != "_index"]
        assert grid_width(order, config) <= FITS_1280, i
    order, config = grid(at, first + 1)
    assert order[-2:] == ["title", "mark"] and "county" not in order
    assert config["title"]["width"] > 190  # the room left by the hidden columns


def test_county_page_lists_the_overdue_items_and_offers_the_governor_s_list(ds):
    at = run_page("county", county="lenjan")
    assert not at.exception
    status = followup_status(ds.projects, counties=list(ds.counties["code"]))
    n = len(status.overdue("lenjan"))
    assert t("overdue.county_heading", "fa", n=fmt_int(n, "fa")) in heading_texts(at)
    buttons = [b for b in at.get("download_button")
               if t("overdue.download_xlsx", "fa") in str(b.proto)]
    assert len(buttons) == 1


# --- follow-up history (issue 13, point 5) ---------------------------------------------------

HISTORY_NOTE, HISTORY_BLOCKER = "بازدید میدانی انجام شد", "تأمین زمین"
HISTORY_PERSON = "معاون فرماندار لنجان"  # free text: the store has no people records


@pytest.fixture
def followed_store(tmp_path, monkeypatch):
    """A store of this test only, with two follow-ups of lenjan-01 and one of lenjan-02."""
    from store import add_followup, open_store

    url = f"sqlite:///{tmp_path / 'pishran.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(tmp_path / "scenarios"))
    with open_store(url) as store:
        store.ensure_seeded()
        add_followup(store, "lenjan-01", "1404/07/10", "in_progress", 40, 30, "گزارش نخست",
                     None, "governor_office", "کارشناس", person="فرمانداری لنجان")
        add_followup(store, "lenjan-01", "1404/08/20", "stalled", 45, 31.5, HISTORY_NOTE,
                     HISTORY_BLOCKER, "followup_officer", "کارشناس", person=HISTORY_PERSON)
        add_followup(store, "lenjan-02", "1404/08/01", "in_progress", 70, None, None, None,
                     "mp", "کارشناس", person="دفتر نماینده")
    return url


def log_table(at: AppTest, lang: str = "fa"):
    """The one grid with the follow-up log's columns."""
    found = [d.value for d in at.dataframe
             if t("projects.log.recorded_by", lang) in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def test_county_page_shows_the_county_s_follow_up_history(followed_store, ds):
    at = run_page("county", county="lenjan")
    assert not at.exception
    assert t("county.followups_heading", "fa", n=fmt_int(3, "fa")) in heading_texts(at)
    log = log_table(at)
    assert len(log) == 3  # only the county's entries
    # Persian: columns reversed for the grid (date is the rightmost), newest first
    assert list(log.columns)[-1] == t("projects.log.date", "fa")
    assert list(log[t("projects.log.date", "fa")]) == ["۲۰ آبان ۱۴۰۴", "۱ آبان ۱۴۰۴",
                                                       "۱۰ مهر ۱۴۰۴"]
    newest = log.iloc[0]
    title = ds.projects.set_index("project_id").loc["lenjan-01", "title_fa"]
    assert newest[t("projects.log.project", "fa")] == title
    assert newest[t("projects.log.status", "fa")] == t("status.stalled", "fa")
    assert newest[t("projects.log.physical", "fa")] == "۴۵٪"
    assert newest[t("projects.log.note", "fa")] == HISTORY_NOTE
    assert newest[t("projects.log.blocker", "fa")] == HISTORY_BLOCKER
    assert newest[t("projects.log.actor", "fa")] == t("store.actor.followup_officer", "fa")
    assert newest[t("projects.log.recorded_by", "fa")] == "کارشناس"
    assert newest[t("projects.log.person", "fa")] == HISTORY_PERSON
    assert log.iloc[1][t("projects.log.actor", "fa")] == t("store.actor.mp", "fa")
    assert log.iloc[1][t("projects.log.person", "fa")] == "دفتر نماینده"


def test_county_page_without_follow_ups_says_so(followed_store):
    at = run_page("county", county="nain")
    assert not at.exception
    assert t("county.followups_heading", "fa", n=fmt_int(0, "fa")) in heading_texts(at)
    assert any(t("county.followups_empty", "fa") in n for n in notes(at))


def test_project_detail_shows_its_follow_up_entries(followed_store):
    at = run_page("projects", project="lenjan-01", lang="en")
    assert not at.exception
    assert any(t("projects.log_heading", "en") in m.value for m in at.markdown)
    log = log_table(at, "en")
    assert list(log.columns)[0] == t("projects.log.date", "en")
    assert t("projects.log.project", "en") not in log.columns  # one project: no project column
    assert list(log[t("projects.log.date", "en")]) == ["20 Aban 1404", "10 Mehr 1404"]
    assert list(log[t("projects.log.actor", "en")]) == [
        t("store.actor.followup_officer", "en"), t("store.actor.governor_office", "en")]
    assert list(log[t("projects.log.financial", "en")]) == ["32%", "30%"]
    assert list(log[t("projects.log.blocker", "en")]) == [HISTORY_BLOCKER, ""]
    assert list(log[t("projects.log.note", "en")]) == [HISTORY_NOTE, "گزارش نخست"]


def test_project_detail_without_follow_ups_says_so(followed_store):
    at = run_page("projects", project="lenjan-03")
    assert not at.exception
    assert any(t("projects.log_empty", "fa") in n for n in notes(at))
