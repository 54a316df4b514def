"""Unit tests of analytics.project_views (pure views) and figures.project_charts (display)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.filters import ProjectFilter
from analytics.project_views import (
    DEFAULT_SPEC,
    EVENTS,
    EXPLORER_COLUMNS,
    EXPORT_COLUMNS,
    FIELDS,
    SAMPLE_TOKENS,
    SORTS,
    county_profile,
    county_ranks,
    explorer_table,
    export_headers,
    export_table,
    is_overdue,
    persian_sort_key,
    provenance,
    safe_urls,
    sample_field_columns,
    status_history,
)
from analytics.ranking import LEVELS, METHODS
from figures.project_charts import (
    EXPLORER_DISPLAY_COLUMNS,
    explorer_display,
    fields_html,
    history_display,
    indicator_chart,
    jalali_ticks,
    persian_text,
    profile_display,
    status_timeline,
)
from i18n import has_key, t

PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
TODAY = "1405/09/06"
# the five units of pre-2021 Isfahan (quality group in data/indicators.csv for the census
# unemployment, literacy and urbanisation rates), in data/counties.csv order
GROUP_UNITS = ["isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"]
ISFAHAN_GROUP = "GROUP:isfahan+harand+varzaneh+jarqavieh+kuhpayeh"


@pytest.fixture
def registry(tiny_projects) -> pd.DataFrame:
    """The tiny registry with every column the views read."""
    frame = tiny_projects.copy()
    frame["title_fa"] = ["پروژه‌های متروی بهارستان", "پارک فناوری کاشان", "هنرستان فولاد",
                         "منطقه ویژه فولادشهر", "شهرک فرآوری مواد معدنی"]
    frame["title_en"] = ["Metro", None, "Steel school", "Fooladshahr SEZ", ""]
    frame["financial_progress_pct"] = [40.0, 100.0, 30.0, 5.0, 0.0]
    frame["actual_start"] = ["1402/03/01", "1401/06/01", "1403/02/01", None, None]
    frame["actual_end"] = [None, "1403/11/20", None, None, None]
    frame["last_followup"] = ["1405/08/01", "1404/01/10", "1405/02/02", None, "1405/07/07"]
    frame["source"] = ["https://news.example/a | http://b.example/x", "sample",
                       "javascript:alert(1)", "sample", "estimate: rule"]
    frame["sample_fields"] = ["budget,dates,bogus", None, None, None, ""]
    return frame


# --- search (ProjectFilter.text) -------------------------------------------------------------


@pytest.mark.parametrize("typed", ["پروژه های", "پروژه‌های", "پروژه‌ هاي", "پروژه های مترو"])
def test_search_finds_zwnj_words_typed_with_a_space(registry, typed):
    assert list(ProjectFilter(text=typed).apply(registry)["project_id"]) == ["i1"]


@pytest.mark.parametrize("typed", ["كاشان", "کاشان", "  كاشان ", "پارك فناوري"])
def test_search_finds_persian_letters_typed_in_arabic(registry, typed):
    assert list(ProjectFilter(text=typed).apply(registry)["project_id"]) == ["i2"]


def test_search_on_the_embedded_registry(ds):
    arabic = ProjectFilter(text="كاشان").apply(ds.projects)
    persian = ProjectFilter(text="کاشان").apply(ds.projects)
    assert len(arabic) == len(persian) > 0
    assert list(arabic["project_id"]) == list(persian["project_id"])
    spaced = ProjectFilter(text="شهرک های").apply(ds.projects)
    zwnj = ProjectFilter(text="شهرک‌های").apply(ds.projects)
    joined = ProjectFilter(text="شهرکهای").apply(ds.projects)
    assert list(spaced["project_id"]) == list(zwnj["project_id"]) == list(joined["project_id"])
    assert len(spaced) > 0
    # a plural searches its singular (issue 16): «شهرک‌های» finds every «شهرک» title
    assert list(spaced["project_id"]) == list(ProjectFilter(text="شهرک").apply(ds.projects)[
        "project_id"])
    assert all("شهرک" in str(a) for a in spaced["title_fa"])


# --- rows -------------------------------------------------------------------------------------


def test_safe_urls_keeps_only_http_links():
    assert safe_urls("https://a.example/x | http://b.example/y") == [
        "https://a.example/x", "http://b.example/y"]
    for bad in ("sample", "estimate: rule", "javascript:alert(1)", None, float("nan"),
                "https://a.example/<script>", "data:text/html,x", "  "):
        assert safe_urls(bad) == []


def test_sample_field_columns(registry):
    real = registry.iloc[0].to_dict()
    assert sample_field_columns(real) == {"budget_billion_rials", "planned_start",
                                          "planned_end", "actual_start", "actual_end"}
    sample = registry.iloc[1].to_dict()
    cols = sample_field_columns(sample)
    assert "budget_billion_rials" in cols and "title_fa" in cols
    assert "project_id" not in cols and "source" not in cols
    clean = registry.iloc[4].to_dict()
    assert sample_field_columns(clean) == set()
    assert set().union(*SAMPLE_TOKENS.values()) <= set(FIELDS)


def test_provenance_and_overdue(registry):
    assert list(provenance(registry)) == ["partial", "sample", "sample", "sample", "sourced"]
    # i1 ends 1406 (not yet), i2 completed, l1 ended 1404 and is stalled, l2 cancelled,
    # n1 ends 1409.
    assert list(is_overdue(registry, TODAY)) == [False, False, True, False, False]


def test_explorer_table_columns_order_and_values(registry, tiny_counties):
    before = registry.copy()
    table = explorer_table(registry, tiny_counties, "fa", "county", today=TODAY)
    pd.testing.assert_frame_equal(registry, before)  # the input is not changed
    assert tuple(table.columns) == EXPLORER_COLUMNS
    assert list(table.index) == list(range(len(registry)))
    assert list(table["county"]) == ["اصفهان", "اصفهان", "لنجان", "لنجان", "نائین"]
    assert table.loc[0, "source_url"] == "https://news.example/a"
    assert table["source_url"].iloc[1:].isna().all()  # sample / javascript: → no link
    assert table.loc[0, "planned_start"] == "1402/01/01"  # dates stay canonical text
    assert table.loc[table["project_id"] == "l1", "is_overdue"].item()


def test_explorer_sorts(registry, tiny_counties):
    by_budget = explorer_table(registry, tiny_counties, "fa", "-budget")
    assert list(by_budget["budget_billion_rials"]) == sorted(registry["budget_billion_rials"],
                                                             reverse=True)
    up = explorer_table(registry, tiny_counties, "fa", "physical")
    assert up["physical_progress_pct"].is_monotonic_increasing
    end = explorer_table(registry, tiny_counties, "fa", "planned_end")
    assert list(end["planned_end"]) == sorted(registry["planned_end"])
    unknown = explorer_table(registry, tiny_counties, "fa", "../../etc")
    pd.testing.assert_frame_equal(unknown, explorer_table(registry, tiny_counties, "fa"))
    for key in SORTS:
        assert len(explorer_table(registry, tiny_counties, "fa", key)) == len(registry)
        assert has_key(f"projects.sort.{key}")


def test_explorer_english_titles_fall_back_to_persian(registry, tiny_counties):
    table = explorer_table(registry, tiny_counties, "en", "project_id")
    titles = dict(zip(table["project_id"], table["title"]))
    assert titles["i1"] == "Metro"
    assert titles["i2"] == "پارک فناوری کاشان"  # no English title
    assert titles["n1"] == "شهرک فرآوری مواد معدنی"  # empty English title
    assert set(table["county"]) == {"Isfahan", "Lenjan", "Nain"}


def test_persian_alphabetical_order(ds):
    words = ["ی", "گ", "ک", "پ", "ب", "آ", "چ", "ج", "ژ", "ز"]
    assert sorted(words, key=persian_sort_key) == ["آ", "ب", "پ", "ج", "چ", "ز", "ژ", "ک", "گ",
                                                   "ی"]
    assert persian_sort_key("كاشان") == persian_sort_key("کاشان")
    table = explorer_table(ds.projects, ds.counties, "fa", "county")
    names = list(dict.fromkeys(table["county"]))
    assert names[0] == "آران و بیدگل" and names[-1] == "هرند"
    assert names.index("کاشان") < names.index("گلپایگان") < names.index("لنجان")


def test_export_table_is_ready_for_download(ds):
    flt = ProjectFilter(counties=("kashan", "lenjan"))
    projects = flt.apply(ds.projects)
    table = export_table(projects, ds.counties, "fa", "-budget")
    assert tuple(table.columns) == EXPORT_COLUMNS
    assert len(table) == len(projects)
    assert list(table["project_id"]) == list(
        explorer_table(projects, ds.counties, "fa", "-budget")["project_id"])
    assert pd.api.types.is_float_dtype(table["budget_billion_rials"])
    assert table["planned_end"].str.fullmatch(r"\d{4}/\d{2}/\d{2}").all()
    assert set(table["status"]) <= {t(f"status.{s}", "fa") for s in ds.projects["status"]}
    sample = table[table["provenance"].str.startswith("✱")]
    assert len(sample) == int(projects["is_sample"].sum())
    real = table[table["project_id"] == "kashan-02"].iloc[0]
    assert "بودجه" in real["sample_fields"] and real["source"].startswith("https://")
    headers = export_headers("fa")
    assert set(headers) == set(EXPORT_COLUMNS) and all(headers.values())
    assert export_headers("en")["budget_billion_rials"] == "Budget (bn rials)"
    assert set(export_table(projects, ds.counties, "en")["county"]) == {"Kashan", "Lenjan"}


# --- status history ---------------------------------------------------------------------------


def test_status_history_from_the_registry(registry):
    history = status_history(registry.iloc[0].to_dict(), today=TODAY)
    assert list(history["event"]) == ["planned_start", "actual_start", "last_followup",
                                      "planned_end"]
    assert history["jalali_date"].is_monotonic_increasing
    last = history[history["event"] == "last_followup"].iloc[0]
    assert last["status"] == "in_progress" and last["physical_pct"] == 50.0
    assert list(history["is_future"]) == [False, False, False, True]
    # i1's sample_fields include "dates": its plan/actual dates are sample, the follow-up not.
    assert list(history["is_sample"]) == [True, True, False, True]
    assert history.attrs["skipped"] == 0
    done = status_history(registry.iloc[1].to_dict(), today=TODAY)
    assert done[done["event"] == "actual_end"]["status"].item() == "completed"


def test_status_history_with_a_followup_log(registry):
    project = registry.iloc[0].to_dict()
    log = pd.DataFrame({
        "jalali_date": ["1405/08/01", "۱۴۰۵/۰۸/۲۰", "1405/13/01", None, "1404/12/01"],
        "status": ["stalled", "in_progress", "study", "study", "bogus"],
        "physical_pct": [52, "55", 10, 10, 250],
        "note": ["<b>تأخیر</b>", "", "x", "y", "z"],
    })
    history = status_history(project, log, today=TODAY)
    assert history.attrs["skipped"] == 2  # month 13 and a missing date
    follow = history[history["event"] == "followup"]
    assert list(follow["jalali_date"]) == ["1404/12/01", "1405/08/01", "1405/08/20"]
    assert list(follow["status"].fillna("-")) == ["-", "stalled", "in_progress"]
    assert np.isnan(follow["physical_pct"].iloc[0])  # 250 % is not a percentage
    assert list(follow["physical_pct"].iloc[1:]) == [52.0, 55.0]
    assert follow["note"].iloc[1] == "<b>تأخیر</b>"  # kept as data; escaped when shown
    assert "last_followup" not in set(history["event"])  # same date as a log entry
    assert (follow["origin"] == "followup").all()
    assert set(history["event"]) <= set(EVENTS)


def test_status_history_without_dates():
    history = status_history({"project_id": "x", "status": "defined", "is_sample": True})
    assert history.empty
    assert list(history.columns) == ["jalali_date", "event", "status", "physical_pct", "note",
                                     "origin", "is_future", "is_sample"]


# --- county profile and ranks -----------------------------------------------------------------


def test_county_profile_of_lenjan(ds):
    profile = county_profile(ds.indicators, ds.counties, "lenjan").set_index("indicator")
    assert list(profile.index) == list(DEFAULT_SPEC)
    unemployment = profile.loc["unemployment_rate"]
    assert unemployment["value"] == 18.1 and not unemployment["is_sample"]
    assert unemployment["quality"] == "sourced" and unemployment["source"].startswith("http")
    # the census 1395 province rate beside the census county rate (data/indicators.csv:
    # PROVINCE,unemployment_rate,1395 = 12.7, derived from the SCI table), never the 14.6 of
    # the news (a Labour Force Survey rate, kept as unemployment_rate_news) — checked by hand
    assert unemployment["province_value"] == 12.7 and not unemployment["province_is_sample"]
    assert unemployment["province_basis"] == "province"
    # ranked among the 23 counties with a census rate of their own (the five units of
    # pre-2021 Isfahan show the group's 13.4: left out and named), highest = worst
    assert unemployment["rank"] == 23 and unemployment["n_ranked"] == 23
    assert not unemployment["is_group"] and unemployment["group"] == ""
    assert unemployment["left_out"] == tuple(GROUP_UNITS)
    assert unemployment["left_out_groups"] == (ISFAHAN_GROUP,)
    # literacy: Lenjan's 91.0 was 8th of 28 behind the group's 91.4 five times — 3rd of 23
    assert (profile.loc["literacy_rate", "rank"], profile.loc["literacy_rate", "n_ranked"]) == (3, 23)
    # industrial employment share has no group values: still among all 28, none left out
    industry = profile.loc["industrial_employment_share"]
    assert industry["n_ranked"] == 28 and industry["left_out"] == ()
    literacy = profile.loc["literacy_rate"]
    assert literacy["province_basis"] == "weighted_mean"
    assert literacy["province_is_sample"]  # the mean uses sample county values
    assert profile.loc["net_migration_rate", "is_sample"]


def test_county_profile_of_a_group_unit(ds):
    """Harand's census figures are pre-2021 Isfahan county's: shown as the group's, unranked."""
    profile = county_profile(ds.indicators, ds.counties, "harand").set_index("indicator")
    unemployment = profile.loc["unemployment_rate"]
    assert unemployment["value"] == 13.4 and unemployment["quality"] == "group"
    assert unemployment["is_group"] and unemployment["group"] == ISFAHAN_GROUP
    assert pd.isna(unemployment["rank"]) and unemployment["n_ranked"] == 23
    assert profile.loc["literacy_rate", "is_group"] and profile.loc["urbanisation_rate", "is_group"]
    assert not profile.loc["net_migration_rate", "is_group"]  # its own (sample) figure
    assert profile.loc["net_migration_rate", "rank"] >= 1
    shown = profile_display(profile.reset_index(), "fa")
    col = t("county.col.indicator", "fa")
    value = dict(zip(shown[col], shown[t("county.col.value", "fa")]))
    rank = dict(zip(shown[col], shown[t("county.col.rank", "fa")]))
    assert value[t("measure.unemployment_rate", "fa")] == "۱۳٫۴ ▣"  # the group's, not ✱
    assert rank[t("measure.unemployment_rate", "fa")] == t("county.rank_group", "fa", mark="▣")
    fig = indicator_chart(profile.reset_index(), "هرند", "fa")
    county = fig.data[0]
    assert list(county.marker.pattern.shape) == ["/", "/", "/", "", ""]  # hatched: the group's
    assert "▣" in county.text[0] and "اصفهان پیش از ۱۴۰۰" in county.customdata[0]


def test_weighted_mean_is_population_weighted(tiny_counties, tiny_indicators):
    # tiny indicators have no PROVINCE rows: net migration is the population-weighted mean.
    profile = county_profile(tiny_indicators, tiny_counties, "lenjan",
                             {"net_migration_rate": 1, "unemployment_rate": -1})
    row = profile.set_index("indicator").loc["net_migration_rate"]
    expected = (2000 * 5 + 500 * 12 + 500 * -9) / 3000
    assert row["province_value"] == pytest.approx(expected)
    assert row["province_basis"] == "weighted_mean"
    assert row["rank"] == 1  # 12 is the highest net migration
    unemployment = profile.set_index("indicator").loc["unemployment_rate"]
    assert unemployment["rank"] == 3  # 20 % is the worst of 10, 20, 8


def test_county_ranks(ds):
    ranks = county_ranks(ds.indicators, ds.counties, "lenjan")
    assert list(ranks.ranks.index) == list(METHODS)
    assert ranks.ranks["rank"].between(1, 23).all()
    assert ranks.level in LEVELS and ranks.missing == [] and ranks.grouped == []
    # as on the Ranking page: the five units with only the group's figures are not ranked
    assert ranks.n_counties == 23
    assert ranks.left_out == GROUP_UNITS and ranks.left_out_grouped == GROUP_UNITS
    assert ranks.best == ranks.ranks["rank"].min() and ranks.worst == ranks.ranks["rank"].max()
    assert "net_migration_rate" in ranks.sample_indicators  # sample for every county
    assert "unemployment_rate" not in ranks.sample_indicators  # sourced for Lenjan


def test_county_without_an_indicator_is_not_ranked(ds):
    indicators = ds.indicators[~((ds.indicators["county_code"] == "nain")
                                 & (ds.indicators["indicator"] == "literacy_rate"))]
    ranks = county_ranks(indicators, ds.counties, "nain")
    assert ranks.level is None and ranks.missing == ["literacy_rate"]
    assert ranks.ranks["rank"].isna().all() and ranks.n_counties == 22  # 28 − Nain − five
    assert sorted(ranks.left_out) == sorted(["nain", *GROUP_UNITS])
    assert ranks.left_out_grouped == GROUP_UNITS  # Nain lacks a figure: no ▣


def test_a_group_unit_is_not_ranked_on_the_group_s_figures(ds):
    ranks = county_ranks(ds.indicators, ds.counties, "kuhpayeh")
    assert ranks.level is None and ranks.missing == []
    assert ranks.grouped == ["unemployment_rate", "literacy_rate", "urbanisation_rate"]
    assert ranks.ranks["rank"].isna().all() and ranks.n_counties == 23


# --- display ----------------------------------------------------------------------------------


def test_explorer_display_in_persian(ds):
    table = explorer_table(ds.projects, ds.counties, "fa", "-budget")
    shown = explorer_display(table, "fa")
    assert shown.column_order == list(EXPLORER_DISPLAY_COLUMNS)[::-1]  # first column on the right
    assert shown.project_ids == list(table["project_id"])
    frame = shown.frame
    dated = frame["planned_end"].dropna()
    assert dated.map(lambda s: set(s) <= PERSIAN_DIGITS | {"/"}).all()
    assert frame.loc[0, "mark"] == "" and (frame["mark"] == "✱").sum() == table["is_sample"].sum()
    assert frame.loc[0, "status"] == t("status.study", "fa")
    html = shown.data.to_html()
    assert "۲۴۲٬۸۵۰" in html  # the largest budget, Persian digits and separator
    assert pd.api.types.is_float_dtype(frame["budget_billion_rials"])  # sorts as a number
    assert "⚠" in "".join(frame["status"])  # overdue projects are marked
    english = explorer_display(table, "en")
    assert english.column_order == list(EXPLORER_DISPLAY_COLUMNS)
    assert english.frame.loc[0, "planned_end"] == table.loc[0, "planned_end"]


def test_persian_titles_show_persian_digits(ds):
    table = explorer_table(ds.projects, ds.counties, "fa")
    titles = explorer_display(table, "fa").frame["title"]
    assert not titles.str.contains("[0-9]").any()
    assert titles.str.contains("۱۰ مگاواتی").sum() == 2
    assert persian_text("Metro line 2") == "Metro line 2"
    assert persian_text("فاز 1، بخش 2.5") == "فاز ۱، بخش ۲.۵"


def test_fields_html_escapes_data():
    row = {"project_id": "x-01", "title_fa": "<script>alert(1)</script>", "county_code": "x",
           "status": "in_progress", "sector": "<img src=x>", "source": "javascript:alert(1)",
           "notes": "a & b", "is_sample": False, "sample_fields": "budget",
           "budget_billion_rials": 1234.0}
    out = fields_html(row, FIELDS, "<b>county</b>", "fa")
    assert "<script>" not in out and "<img" not in out and "<b>county" not in out
    assert "href" not in out  # javascript: is not a link
    assert "&lt;script&gt;" in out and "a &amp; b" in out
    assert "۱٬۲۳۴" in out and "✱" in out  # the budget is a sample field
    linked = fields_html({**row, "source": 'https://x.example/a"onmouseover="x'}, ("source",),
                         "", "fa")
    assert "href" not in linked  # a quote in a URL is not a URL
    good = fields_html({**row, "source": "https://news.example/p?a=1&b=2"}, ("source",), "", "fa")
    assert 'href="https://news.example/p?a=1&amp;b=2"' in good and 'rel="noopener noreferrer"' in good


def test_history_display_and_timeline(registry):
    history = status_history(registry.iloc[0].to_dict(), today=TODAY)
    shown = history_display(history, "fa")
    assert list(shown.columns)[-1] == t("projects.history.date", "fa")  # first on the right
    dates = shown[t("projects.history.date", "fa")]
    assert "۱۴۰۲" in dates.iloc[0] and "✱" in dates.iloc[0]
    fig = status_timeline(history, "fa", today=TODAY, status="in_progress")
    spec = json.loads(fig.to_json())
    ticks = spec["layout"]["xaxis"]["ticktext"]
    assert ticks and all(set(x) <= PERSIAN_DIGITS | set(" آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")
                         for x in ticks)
    markers = [d for d in spec["data"] if d.get("mode") == "markers"][0]
    assert len(markers["x"]) == len(history)
    assert spec["layout"]["yaxis"]["side"] == "right"


def test_jalali_ticks():
    vals, text = jalali_ticks("1401/03/01", "1409/01/01", "fa")
    assert text[0] == "۱۴۰۲" and len(vals) == len(text)
    vals, text = jalali_ticks("1404/02/01", "1405/09/06", "en")
    assert text[0] == "Tir 1404" and text[-1] == "Mehr 1405"


def test_profile_display_and_chart(ds):
    profile = county_profile(ds.indicators, ds.counties, "lenjan")
    shown = profile_display(profile, "fa")
    assert list(shown.columns)[-1] == t("county.col.indicator", "fa")
    value = dict(zip(shown[t("county.col.indicator", "fa")], shown[t("county.col.value", "fa")]))
    assert value[t("measure.unemployment_rate", "fa")] == "۱۸٫۱"  # sourced: no ✱
    assert value[t("measure.net_migration_rate", "fa")].endswith("✱")
    province = shown[t("county.col.province", "fa")]
    assert any("†" in p for p in province)
    rank = dict(zip(shown[t("county.col.indicator", "fa")], shown[t("county.col.rank", "fa")]))
    assert rank[t("measure.unemployment_rate", "fa")] == "۲۳ از ۲۳"  # the 23 with their own rate
    fig = indicator_chart(profile, "لنجان", "fa")
    assert len(fig.data) == 2 and fig.layout.yaxis.side == "right"
    assert any("✱" in x for x in fig.data[0].text)


@pytest.mark.parametrize("with_boundaries", [False, True])
def test_county_locator_highlights_one_county(ds, panel, with_boundaries):
    from figures.project_charts import county_locator

    geometry = None
    if with_boundaries:
        from geo.boundaries import BoundaryFileError
        from geo.cache import load_province

        try:
            geometry = load_province(counties_df=ds.counties)
        except BoundaryFileError:
            pytest.skip("no boundary file configured")
    fig = county_locator(panel, "lenjan", geometry, "fa")
    first = fig.data[0]
    if first.type == "choropleth":
        assert [loc for loc, z in zip(first.locations, first.z) if z == 1] == ["lenjan"]
        assert first.showscale is False
    else:
        fills = [tr for tr in fig.data if tr.fill == "toself"]
        chosen = [tr for tr in fills if tr.name == "chosen lenjan"]
        assert len(chosen) == 1
        others = {tr.fillcolor for tr in fills if tr is not chosen[0]}
        assert len(others) == 1 and chosen[0].fillcolor not in others
        from geo.tiles import ISFAHAN_HEX_LAYOUT, hex_polygons
        hexagon = hex_polygons(ISFAHAN_HEX_LAYOUT)["lenjan"]
        assert list(chosen[0].x) == pytest.approx(list(hexagon.xs))
        assert list(chosen[0].y) == pytest.approx(list(hexagon.ys))
        markers = next(tr for tr in fig.data if tr.name == "tiles")
        assert len(markers.customdata) == 28  # every county still hovers
        labels = next(tr for tr in fig.data if tr.name == "labels")
        white = [text for text, colour in zip(labels.text, labels.textfont.color)
                 if colour == "white"]
        assert white == [panel.loc["lenjan", "name_fa"]]  # readable on the dark fill
        assert not any(getattr(tr.marker, "showscale", False) for tr in fig.data
                       if tr.mode == "markers")


def test_catalogue_has_every_label():
    for field in FIELDS:
        assert has_key(f"projects.field.{field}")
    for column in EXPORT_COLUMNS:
        assert has_key(f"projects.col.{column}")
    for event in EVENTS:
        assert has_key(f"projects.event.{event}")
    for token in SAMPLE_TOKENS:
        assert has_key(f"projects.token.{token}")
    for method in METHODS:
        assert has_key(f"county.method.{method}")
    for level in LEVELS:
        assert has_key(f"level.{level}")
    for p in ("sourced", "partial", "sample"):
        assert has_key(f"projects.provenance.{p}")
