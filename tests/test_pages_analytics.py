"""The Balance, Ranking and Labour pages under Streamlit's AppTest (no browser).

Each test starts ``app.py`` (the ``st.navigation`` shell) and switches to one page, as a
visitor following the sidebar link would.
"""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.filters import ProjectFilter
from briefing.report import measure_value_text, report_data
from i18n import t

ROOT = Path(__file__).resolve().parents[1]


def open_page(page: str, lang: str = "fa", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if lang != "fa":
        at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def widget(elements, label):
    found = [w for w in elements if w.label == label]
    assert found, f"no widget labelled {label!r}: {[w.label for w in elements]}"
    return found[0]


def measures_table(at, lang="fa"):
    tables = [tb.value for tb in at.table if t("balance.col.reading", lang) in tb.value.columns]
    assert len(tables) == 1
    return tables[0]


def assert_balance_numbers(at, ds, flt, x, lang="fa"):
    """Every value on the page is the formatted ``panel_balance`` value the CLI reports."""
    table = measures_table(at, lang)
    data = report_data(ds, flt, x)
    assert len(table) == len(data["measures"]) == 19
    for m in data["measures"]:
        row = table.loc[t(f"measure_id.{m['measure_id']}", lang)]
        assert row[t("balance.col.value", lang)] == measure_value_text(m["value"], lang)
        assert row[t("balance.col.coverage", lang)] == t(
            "balance.coverage", lang, n=measure_value_text(m["n_units"], lang).split("٫")[0]
            .split(".")[0], total="۲۸" if lang == "fa" else "28")
    return table


# --- Balance --------------------------------------------------------------------------------


def test_balance_page_shows_the_panel_balance_numbers(ds):
    at = open_page("balance")
    assert at.title[0].value == t("balance.title", "fa")
    x = widget(at.selectbox, t("balance.x", "fa"))
    assert x.value == "budget_total" and len(x.options) == 4
    table = assert_balance_numbers(at, ds, ProjectFilter(), "budget_total")
    reading = table.loc[t("measure_id.centre_share_x", "fa"), t("balance.col.reading", "fa")]
    # Isfahan 2,130,970 of 5,120,850 (population 1395 in data/indicators.csv, summed by
    # hand) = 41.6 % → 42 %; its non-cancelled budget in data/projects.csv is 53.7 % → 54 %
    assert reading == "۴۲٪ جمعیت، ۵۴٪ بودجه"
    gini = table.loc[t("measure_id.gini_weighted", "fa"), t("balance.col.reading", "fa")]
    # 0.304498 by the mean-difference formula on the same files (see test_report.py)
    assert gini.startswith("۰٫۳۰۴ — ۰ یعنی توزیع کاملاً برابر با جمعیت")
    coverage = table[t("balance.col.coverage", "fa")]
    need = t("measure_id.need_alignment", "fa")
    assert (coverage.drop(need) == "۲۸ از ۲۸ شهرستان").all()
    # the five units of pre-2021 Isfahan have only the group's unemployment rate: left out
    assert coverage[need] == "۲۳ از ۲۸ شهرستان"
    # … and the page names them, each marked ▣, with whose figure it is
    notes = [m.value for m in at.markdown if "pishran-note" in m.value]
    left_out = t("balance.need_left_out", "fa", n="۲۳", total="۲۸", names="، ".join(
        f"{n} ▣" for n in ("اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه")))
    assert any(left_out in n for n in notes), notes
    assert any(t("balance.need_group_reason", "fa", mark="▣",
                 group=t("map.group.isfahan_pre2021", "fa")) in n for n in notes)
    figs = charts(at)
    assert len(figs) == 3                      # Lorenz, centre vs rest, Theil
    assert len(figs[0]["data"]) == 2 and len(figs[0]["data"][1]["hovertext"]) == 29
    assert any("✱" in m.value for m in at.markdown)   # sample projects are marked


def test_balance_x_changes_the_numbers_and_the_url(ds):
    at = open_page("balance")
    before = measures_table(at).copy()
    widget(at.selectbox, t("balance.x", "fa")).set_value("jobs_total").run()
    assert not at.exception
    after = assert_balance_numbers(at, ds, ProjectFilter(), "jobs_total")
    col = t("balance.col.value", "fa")
    assert not before[col].equals(after[col])
    assert at.query_params["x"] in ("jobs_total", ["jobs_total"])
    # a second and third choice stick too (keyed widget: its identity survives reruns)
    for x in ("n_projects", "completed_budget"):
        widget(at.selectbox, t("balance.x", "fa")).set_value(x).run()
        assert widget(at.selectbox, t("balance.x", "fa")).value == x
        assert_balance_numbers(at, ds, ProjectFilter(), x)
    widget(at.selectbox, t("balance.x", "fa")).set_value("budget_total").run()
    assert "x" not in at.query_params


def test_balance_follows_the_shared_filter(ds):
    at = open_page("balance")
    widget(at.sidebar.multiselect, t("filter.sectors", "fa")).set_value(["industry"]).run()
    assert not at.exception
    assert_balance_numbers(at, ds, ProjectFilter(sectors=("industry",)), "budget_total")


def test_balance_metropolitan_ring_grouping():
    at = open_page("balance")
    between = t("measure_id.theil_t_between", "fa")
    col = t("balance.col.value", "fa")
    centre_value = measures_table(at).loc[between, col]
    widget(at.radio, t("balance.grouping", "fa")).set_value("ring").run()
    assert not at.exception
    ring = widget(at.multiselect, t("balance.ring", "fa"))
    assert "lenjan" in ring.value and "isfahan" in ring.value and "nain" not in ring.value
    assert measures_table(at).loc[between, col] != centre_value
    assert "isfahan" in str(at.query_params["ring"])
    theil = charts(at)[-1]
    assert len(theil["data"][1]["x"]) == 2          # within the ring, within the rest
    ring.set_value(["isfahan", "nain"]).run()
    assert not at.exception and "nain" in str(at.query_params["ring"])


def test_balance_in_english_and_from_a_link(ds):
    at = open_page("balance", lang="en", query={"x": "n_projects"})
    assert at.title[0].value == t("balance.title", "en")
    assert widget(at.selectbox, t("balance.x", "en")).value == "n_projects"
    table = assert_balance_numbers(at, ds, ProjectFilter(), "n_projects", lang="en")
    coverage = table[t("balance.col.coverage", "en")]
    need = t("measure_id.need_alignment", "en")
    assert (coverage.drop(need) == "28 of 28 counties").all()
    assert coverage[need] == "23 of 28 counties"    # five units have only the group's rate


# --- Ranking --------------------------------------------------------------------------------


def test_ranking_page_all_methods():
    at = open_page("ranking")
    method = widget(at.radio, t("ranking.method", "fa"))
    assert method.value == "all" and len(method.options) == 5
    indicators = widget(at.multiselect, t("ranking.indicators", "fa"))
    assert len(indicators.value) == 5
    figs = charts(at)
    assert len(figs) == 2                                # ranks side by side, stability
    heat = figs[0]["data"][0]
    # the five units of pre-2021 Isfahan have only the group's unemployment, literacy and
    # urbanisation (quality group in data/indicators.csv): left out, 23 ranked
    assert heat["type"] == "heatmap" and len(heat["x"]) == 4 and len(heat["y"]) == 23
    assert [m.label for m in at.metric] == [t(f"level.{lv}", "fa") for lv in
                                            ("developed", "semi_developed", "deprived")]
    assert sum(int(m.value.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
               for m in at.metric) == 23
    notes = " ".join(m.value for m in at.markdown)
    assert "C₀" in notes                                   # the Hellwig cut-off is stated
    # 23 ranked × 5 = 115 values: literacy 19 + industry 23 + migration 23 sample = 65;
    # 5 counties × 3 indicators = 15 group values of 140 (counted by hand in the CSV)
    assert t("ranking.inputs_note", "fa", n="۶۵", values="۱۱۵", ranked="۲۳", counties="۲۸",
             group="۱۵", total="۱۴۰", mark="▣") in notes
    assert "هرند" in notes and "▣" in notes and t("ranking.group_rule", "fa", mark="▣") in notes
    # the change 1390 → 1395 runs on what both censuses give
    assert t("ranking.indicator.urbanisation_rate", "fa") in notes
    assert t("ranking.indicator.population_growth", "fa") in notes
    table = [tb.value for tb in at.table if t("ranking.level", "fa") in tb.value.columns][0]
    assert table[t("ranking.indicator.net_migration_rate", "fa")].str.contains("✱").all()
    assert len(at.table) == 2                              # indicators + delta ranking


def test_ranking_method_switch_and_indicators_change_output():
    at = open_page("ranking")
    first = charts(at)[0]["data"][0]["y"]
    widget(at.radio, t("ranking.method", "fa")).set_value("hellwig").run()
    assert not at.exception
    figs = charts(at)
    assert len(figs) == 1 and len(figs[0]["data"][0]["x"]) == 1
    assert at.query_params["method"] in ("hellwig", ["hellwig"])
    widget(at.multiselect, t("ranking.indicators", "fa")).set_value(
        ["unemployment_rate", "literacy_rate"]).run()
    assert not at.exception
    assert charts(at)[0]["data"][0]["y"] != first
    assert "unemployment_rate" in str(at.query_params["spec"])
    widget(at.radio, t("ranking.method", "fa")).set_value("topsis").run()
    assert widget(at.radio, t("ranking.method", "fa")).value == "topsis"
    assert widget(at.multiselect, t("ranking.indicators", "fa")).value == [
        "unemployment_rate", "literacy_rate"]
    # direction and weight controls
    widget(at.toggle, t("ranking.spec_heading", "fa")).set_value(True).run()
    assert at.select_slider(key="ranking_w_literacy_rate").value == 1.0
    before = charts(at)[0]["data"][0]["y"]
    # each step alone changes the TOPSIS order on the census unemployment rates (checked with
    # rank_all_methods: flipping literacy, then weighting unemployment 3, reorder the 23)
    at.radio(key="ranking_dir_literacy_rate").set_value(-1).run()
    flipped = charts(at)[0]["data"][0]["y"]
    assert flipped != before
    at.select_slider(key="ranking_w_unemployment_rate").set_value(3.0).run()
    assert not at.exception
    spec = json.loads(at.query_params["spec"] if isinstance(at.query_params["spec"], str)
                      else at.query_params["spec"][0])
    assert spec == {"unemployment_rate": [-1, 3.0], "literacy_rate": [-1, 1.0]}
    assert charts(at)[0]["data"][0]["y"] != flipped


def test_ranking_delta_runs_on_what_both_censuses_give():
    """The 1390 → 1395 change uses every indicator both censuses give as census figures
    (data/indicators.csv: urbanisation sourced/derived in both years, population 1385/1390/
    1395 for growth; unemployment 1390 is sample only), whatever is chosen above."""
    at = open_page("ranking")
    widget(at.multiselect, t("ranking.indicators", "fa")).set_value(["literacy_rate"]).run()
    assert not at.exception and not at.info
    uses = t("ranking.delta.uses", "fa", names="، ".join(
        t(f"ranking.indicator.{n}", "fa") for n in ("urbanisation_rate", "population_growth")),
        method=t("ranking.method.hellwig", "fa"))
    assert uses in [m.value for m in at.markdown] or uses in " ".join(m.value for m in at.markdown)
    assert len(at.table) == 2
    delta = at.table[1].value
    # seven counties have only a group's urbanisation in 1390 (the five units of pre-2021
    # Isfahan, Fereydan and Buin va Miandasht as counted in 1390): no 1390 rank
    assert (delta[t("ranking.delta.col_from", "fa", year="۱۳۹۰")] == "—").sum() == 7
    assert (delta[t("ranking.delta.col_to", "fa", year="۱۳۹۵")] == "—").sum() == 5


def test_ranking_in_english():
    at = open_page("ranking", lang="en")
    assert at.title[0].value == t("ranking.title", "en")
    heat = charts(at)[0]["data"][0]
    assert heat["text"][0][0] in {"1", "2", "3", "4"}


# --- Labour ---------------------------------------------------------------------------------


def test_labour_page_default_thresholds_name_the_magnets():
    at = open_page("labour")
    u = at.select_slider(key="labour_u")
    # Σ labour force × unemployment rate / Σ labour force over the 28 counties of
    # data/indicators.csv (1395), computed once by hand: 12.7105 — the census series (the
    # five units' estimated labour force adds up to pre-2021 Isfahan's, at its 13.4 %), so
    # it is the census province rate 12.7 up to the rounding of the county rates; the old
    # 14.555 was a mean of estimates near the news figure 14.6 (another series)
    assert u.value == pytest.approx(12.7105, abs=1e-3)
    figs = charts(at)
    # the five units of pre-2021 Isfahan (the group's 13.4 %, not theirs) are not drawn,
    # and the line above the plot names them
    assert len(figs) == 1 and len(figs[0]["data"][0]["hovertext"]) == 23
    note = next(a["text"] for a in figs[0]["layout"]["annotations"] if a.get("name") == "not_drawn")
    assert all(n in note for n in ("اصفهان", "هرند", "ورزنه", "جرقویه", "کوهپایه"))
    assert t("map.group.isfahan_pre2021", "fa") in note
    info = at.info[0].value
    assert "لنجان" in info and "مبارکه" in info
    table = at.table[0].value
    magnet = t("labour.quadrant.industrial_magnet", "fa")
    assert "لنجان" in table.loc[magnet, t("labour.col.counties", "fa")]


def test_labour_threshold_changes_the_output_and_reset():
    at = open_page("labour")
    before = at.info[0].value
    at.select_slider(key="labour_u").set_value(16.5).run()
    assert not at.exception
    assert at.info[0].value != before and "مبارکه" not in at.info[0].value
    assert at.query_params["u"] in ("16.50", ["16.50"])
    shapes = charts(at)[0]["layout"]["shapes"]
    assert any(s["x0"] == pytest.approx(16.5) for s in shapes)
    widget(at.button, t("labour.reset", "fa")).click().run()
    assert at.info[0].value == before and "u" not in at.query_params


def test_labour_in_english_from_a_link():
    at = open_page("labour", lang="en", query={"m": "0"})
    assert at.title[0].value == t("labour.title", "en")
    assert at.select_slider(key="labour_m").value == 0
    assert "Industrial magnet" in at.table[0].value.index


def test_balance_says_so_when_the_selection_holds_no_x():
    at = open_page("balance")
    widget(at.sidebar.multiselect, t("filter.statuses", "fa")).set_value(["cancelled"]).run()
    widget(at.selectbox, t("balance.x", "fa")).set_value("completed_budget").run()
    assert not at.exception
    assert any(t("measure.completed_budget", "fa") in i.value for i in at.info)
    assert not charts(at)
