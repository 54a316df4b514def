"""Invariants of the embedded default data (data/*.csv).

The tests read the committed CSVs with pandas only (plus jdatetime to validate Jalali dates).
Where the shared fact tables are present (``../shared/data`` next to the repository), every
sourced figure is compared with them; otherwise that part is skipped.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import jdatetime
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared" / "data"
TODAY = jdatetime.date(1405, 9, 6)  # 2026-11-27
QUALITIES = {"sourced", "derived", "group", "estimate", "sample"}
FLAGGED = ["group", "estimate", "sample"]  # is_sample = true
ISFAHAN_GROUP = "GROUP:isfahan+harand+varzaneh+jarqavieh+kuhpayeh"  # pre-2021 Isfahan County
ISFAHAN_UNITS = ["isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"]
PANEL_1395 = [
    "unemployment_rate",
    "labour_force",
    "net_migration_rate",
    "industrial_employment_share",
    "literacy_rate",
    "urbanisation_rate",
]
SECTORS = {
    "industry", "mining", "agriculture", "tourism", "knowledge_tech", "transport", "water",
    "energy", "skills", "health", "trade_logistics_sez", "international",
}  # fmt: skip
STATUSES = {"defined", "study", "in_progress", "stalled", "completed", "cancelled"}
FUNDING = {"national", "provincial", "private", "mixed"}
PROVINCE_POP = {1385: 4559256, 1390: 4879312, 1395: 5120850}
CENSUS = {2006: 1385, 2011: 1390, 2016: 1395}


def load(name: str, base: Path = DATA) -> pd.DataFrame:
    return pd.read_csv(base / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def counties() -> pd.DataFrame:
    return load("counties.csv")


@pytest.fixture(scope="module")
def ind() -> pd.DataFrame:
    df = load("indicators.csv")
    df["v"] = pd.to_numeric(df["value"], errors="coerce")
    return df


@pytest.fixture(scope="module")
def projects() -> pd.DataFrame:
    return load("projects.csv")


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return load("places.csv")


@pytest.fixture(scope="module")
def codes(counties) -> list[str]:
    return list(counties["code"])


@pytest.fixture(scope="module")
def pop95(ind, codes) -> pd.Series:
    p = ind[(ind.indicator == "population") & (ind.year == "1395")].set_index("county_code")["v"]
    return p.reindex(codes)


def shared_or_skip(name: str) -> pd.DataFrame:
    if not (SHARED / name).is_file():
        pytest.skip(f"shared fact table {SHARED / name} not present")
    return load(name, SHARED)


def panel(ind: pd.DataFrame, indicator: str, year: str) -> pd.Series:
    sub = ind[(ind.indicator == indicator) & (ind.year == year)]
    return sub.set_index("county_code")["v"]


def jparse(text: str) -> jdatetime.date:
    m = re.fullmatch(r"(\d{4})/(\d{2})/(\d{2})", text)
    assert m, f"not a zero-padded YYYY/MM/DD date: {text!r}"
    return jdatetime.date(int(m[1]), int(m[2]), int(m[3]))  # raises on invalid dates


# ----------------------------------------------------------------------------- files
@pytest.mark.parametrize("name", ["counties.csv", "indicators.csv", "projects.csv", "places.csv"])
def test_files_are_utf8_without_bom(name):
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    assert b"\r\n" not in raw


# ----------------------------------------------------------------------------- counties
def test_28_unique_counties_one_centre(counties):
    assert len(counties) == 28
    assert counties["code"].is_unique
    assert all(re.fullmatch(r"[a-z_]+", c) for c in counties["code"])
    for code in ("aran_va_bidgol", "isfahan", "shahinshahr_va_meymeh"):
        assert code in set(counties["code"])
    centres = counties[counties["is_province_centre"] == "true"]["code"].tolist()
    assert centres == ["isfahan"]
    assert set(counties["is_province_centre"]) == {"true", "false"}


def test_county_fields(counties):
    for _, r in counties.iterrows():
        int(r["osm_relation_id"])
        assert float(r["area_km2"]) > 0 and r["area_source"]
        has = bool(r["seat_lat"]) and bool(r["seat_lon"])
        assert r["seat_coord_quality"] == ("sourced" if has else "missing"), r["code"]
        if has:
            assert 30.7 <= float(r["seat_lat"]) <= 34.5 and 49.6 <= float(r["seat_lon"]) <= 55.6
        for y in (2006, 2011, 2016):
            q = r[f"pop_{y}_quality"]
            assert (q == "") == (r[f"pop_{y}"] == ""), (r["code"], y)
            assert q in ("", "sourced", "derived")
        assert r["quality"] in ("sourced", "derived") and r["is_sample"] == "false"
    assert counties["pop_2016"].ne("369727").all()


def test_counties_match_shared(counties):
    shared = shared_or_skip("counties.csv").set_index("code")
    mine = counties.set_index("code")
    assert set(shared.index) == set(mine.index)
    for code, r in mine.iterrows():
        s = shared.loc[code]
        for col in ("name_fa", "name_en", "osm_name_fa", "wikidata", "seat_fa", "seat_en"):
            assert r[col] == s[col], (code, col)
        assert int(r["osm_relation_id"]) == int(s["osm_relation_id"])
        for col in ("seat_lat", "seat_lon", "area_km2"):
            assert (r[col] == "") == (s[col] == "")
            if r[col]:
                assert float(r[col]) == float(s[col]), (code, col)
        for y in (2006, 2011, 2016):
            assert r[f"pop_{y}"] == s[f"pop_{y}"], (code, y)  # census only, empty stays empty
        assert (r["is_province_centre"] == "true") == (s["is_province_centre"] == "true")


# ----------------------------------------------------------------------------- indicators
def test_indicator_provenance(ind, codes):
    assert set(ind["quality"]) <= QUALITIES
    expected = ind["quality"].isin(FLAGGED).map({True: "true", False: "false"})
    assert (ind["is_sample"] == expected).all()
    for _, r in ind.iterrows():
        code = r["county_code"]
        assert code in codes or code == "PROVINCE" or code.startswith("GROUP:"), code
        if r["year"]:
            assert 1380 <= int(r["year"]) <= 1405
        assert (r["value"] == "") != (r["value_text"] == ""), (code, r["indicator"])
        if r["value"]:
            assert not math.isnan(float(r["value"]))
        q = r["quality"]
        if q in ("sourced", "derived"):
            assert r["source"].startswith("http"), (code, r["indicator"])
        elif q == "group":  # the GROUP row's own source; the notes say whose value it is
            assert r["source"].startswith("http"), (code, r["indicator"])
            assert r["notes"].startswith("GROUP VALUE, not this county's own figure: ")
            assert " of GROUP:" in r["notes"], (code, r["indicator"])
        elif q == "estimate":
            assert r["source"].startswith("estimate: "), (code, r["indicator"])
        else:
            assert r["source"] == "sample", (code, r["indicator"])
        if q != "sourced":
            assert r["notes"], (code, r["indicator"], "derived/estimate/sample rows need notes")


def test_panel_complete_and_unique(ind, codes):
    rows = []
    for code in codes:
        for y in ("1385", "1390", "1395"):
            rows.append((code, "population", y))
        rows.append((code, "unemployment_rate", "1390"))
        rows.extend((code, i, "1395") for i in PANEL_1395)
    keys = set(zip(ind.county_code, ind.indicator, ind.year))
    missing = [k for k in rows if k not in keys]
    assert not missing, missing[:10]
    sub = ind[ind.indicator.isin(["population"] + PANEL_1395)]
    assert not sub.duplicated(["county_code", "indicator", "year"]).any()
    assert sub[sub.county_code.isin(codes)]["v"].notna().all()


def test_population(ind, counties, codes):
    pop = ind[ind.indicator == "population"]
    by = counties.set_index("code")
    for _, r in pop[pop.county_code.isin(codes)].iterrows():
        g = {v: k for k, v in CENSUS.items()}[int(r["year"])]
        census = by.loc[r["county_code"], f"pop_{g}"]
        if r["quality"] in ("sourced", "derived"):
            assert census != "" and float(census) == r["v"], (r["county_code"], r["year"])
            assert r["quality"] == by.loc[r["county_code"], f"pop_{g}_quality"]
        else:
            assert r["quality"] == "estimate", "missing census years must be estimates"
            assert census == "", "an estimate may not replace a census figure"
        assert r["v"] != 369727, "the unverified Khomeyni Shahr figure must not be used"
    prov = pop[pop.county_code == "PROVINCE"].set_index("year")
    for y, v in PROVINCE_POP.items():
        assert prov.loc[str(y), "v"] == v and prov.loc[str(y), "quality"] == "sourced"
        total = pop[(pop.year == str(y)) & pop.county_code.isin(codes)]["v"].sum()
        assert abs(total - v) / v < 0.012, (y, total)
    # census 1390 and 1395: the 28 counties sum exactly to the province total (SOURCES.md,
    # "Third pass": the SCI county sheets sum to 4,879,312 and 5,120,850)
    for y in (1390, 1395):
        total = pop[(pop.year == str(y)) & pop.county_code.isin(codes)]["v"].sum()
        assert total == PROVINCE_POP[y], (y, total)


def test_sourced_rows_equal_shared(ind, counties, codes):
    shared = shared_or_skip("indicators.csv")
    shared_c = shared_or_skip("counties.csv").set_index("code")

    def jal(y: str) -> str:
        if not y:
            return ""
        return str(CENSUS.get(int(y), int(y) - 621))

    index: dict[tuple, list[str]] = {}
    for _, s in shared.iterrows():
        code = "PROVINCE" if s["code"] == "driver_projects_count" else s["code"]
        indicator = s["indicator"]
        if code == "PROVINCE" and indicator == "population_census":
            indicator = "population"
        index.setdefault((code, indicator, jal(s["year"])), []).append(s["value"])
    computed = {
        ("PROVINCE", "net_migration_rate", "1395"),
        ("PROVINCE", "interprovincial_net_migrants_2011_2016", "1395"),
    }
    # panel rows that copy a shared census row under the panel's id, and renamed ids
    copied = {"unemployment_rate": "unemployment_rate_census",
              "labour_force": "labour_force_census",
              "urbanisation_rate": "urbanisation_rate_census",
              "urbanisation_rate_page": "urbanisation_rate",
              "unemployment_rate_news": "unemployment_rate"}
    checked = 0
    for _, r in ind[ind.quality.isin(["sourced", "derived", "group"])].iterrows():
        key = (r["county_code"], r["indicator"], r["year"])
        if r["quality"] == "group":  # the value of the GROUP row named in the notes
            group = re.search(r" of (GROUP:[a-z_+]+) \(", r["notes"])[1]
            assert r["county_code"] in group.removeprefix("GROUP:").split("+"), (key, group)
            ids = (r["indicator"], copied.get(r["indicator"], r["indicator"]))
            found = [v for i in ids for v in index.get((group, i, r["year"]), [])]
            if not found:  # a pre-2021 figure the shared file keys under 'isfahan'
                found = index.get(("isfahan", r["indicator"], r["year"]), [])
            assert any(v and float(v) == r["v"] for v in found), (key, group, found)
            continue
        if r["county_code"] == ISFAHAN_GROUP and "Re-coded from 'isfahan'" in r["notes"]:
            key = ("isfahan", r["indicator"], r["year"])
        alt = (key[0], copied.get(r["indicator"], ""), key[2])
        if alt in index and (key not in index or r["value"] not in index[key]):
            key = alt
        if r["indicator"] == "population" and r["county_code"] in codes:
            g = {v: k for k, v in CENSUS.items()}[int(r["year"])]
            assert float(shared_c.loc[r["county_code"], f"pop_{g}"]) == r["v"]
        elif r["indicator"] == "households" and r["year"] == "1395":
            assert float(shared_c.loc[r["county_code"], "households_2016"]) == r["v"]
        elif key in computed:
            assert r["quality"] == "derived"
            continue
        else:
            assert key in index, key
            vals = index[key]
            if r["value"]:
                assert any(float(v) == r["v"] for v in vals if v), (key, vals)
            else:
                assert r["value_text"] in vals, key
        checked += 1
    # every shared row survives (single county, PROVINCE or GROUP)
    assert checked >= len(shared)


def test_unemployment(ind, codes):
    """1395 = census (SCI Table 5, population 15+), the series of unemployment_rate_census.

    Re-pinned figures, checked by hand once against ../shared/data/indicators.csv:
    lenjan,unemployment_rate_census,2016 = 15,365 / 84,929 = 18.09 -> 18.1 (sheet لنجان1012);
    kashan,unemployment_rate_census,2016 = 8,922 / 114,843 = 7.77 -> 7.8 (sheet کاشان1010);
    mobarakeh,unemployment_rate_census,2016 = 6,213 / 48,708 = 12.76 -> 12.8 (sheet مبارکه1017);
    PROVINCE,unemployment_rate_census,2016 = 214,998 / 1,693,818 = 12.69 -> 12.7;
    GROUP:isfahan+harand+varzaneh+jarqavieh+kuhpayeh = 100,427 / 750,789 = 13.38 -> 13.4.
    """
    u = panel(ind, "unemployment_rate", "1395")
    rows = ind[(ind.indicator == "unemployment_rate") & (ind.year == "1395")].set_index(
        "county_code"
    )
    census = panel(ind, "unemployment_rate_census", "1395")
    own = [c for c in codes if c not in ISFAHAN_UNITS]
    assert len(own) == 23
    # the 23 counties with their own census figure: the census value, never a sample
    assert (u.reindex(own) == census.reindex(own)).all()
    assert rows.loc[own, "is_sample"].eq("false").all()
    for code, v in {"lenjan": 18.1, "shahinshahr_va_meymeh": 17.4, "khansar": 16.3,
                    "aran_va_bidgol": 5.9}.items():  # fmt: skip
        # published in the news as census 1395 figures, equal to the SCI table
        assert u[code] == v and rows.loc[code, "quality"] == "sourced", code
    assert u["kashan"] == 7.8 and rows.loc["kashan", "quality"] == "derived"
    assert u["mobarakeh"] == 12.8
    assert rows.loc[own, "quality"].isin(["sourced", "derived"]).all()
    # province comparator: the census rate 12.7, not the news 14.6 (another series)
    assert u["PROVINCE"] == census["PROVINCE"] == 12.7
    news = ind[(ind.indicator == "unemployment_rate_news") & (ind.county_code == "PROVINCE")]
    assert news["v"].tolist() == [14.6] and news.iloc[0]["quality"] == "sourced"
    assert not ((ind.indicator == "unemployment_rate") & (ind.v == 14.6)).any()
    # the five units of pre-2021 Isfahan: the GROUP value, marked, never their own
    group = census[ISFAHAN_GROUP]
    assert group == 13.4
    assert (rows.loc[ISFAHAN_UNITS, "quality"] == "group").all()
    assert (rows.loc[ISFAHAN_UNITS, "is_sample"] == "true").all()
    assert (u.reindex(ISFAHAN_UNITS) == group).all()
    assert census.reindex(ISFAHAN_UNITS).isna().all()
    cu = u.reindex(own)
    ranked = cu.sort_values().index.tolist()
    assert ranked[:3] == ["aran_va_bidgol", "natanz", "borkhar"]  # news order of the lowest
    assert ranked[-3:] == ["khansar", "shahinshahr_va_meymeh", "lenjan"]
    u90 = panel(ind, "unemployment_rate", "1390")
    assert u90.reindex(codes + ["PROVINCE"]).notna().all()
    r90 = ind[(ind.indicator == "unemployment_rate") & (ind.year == "1390")]
    assert (r90["quality"] == "sample").all()  # no census 1390 county unemployment
    k91 = ind[(ind.county_code == "kashan") & (ind.indicator == "unemployment_rate")
              & (ind.year == "1391")]  # fmt: skip
    assert len(k91) == 1 and k91.iloc[0]["quality"] == "sourced" and k91.iloc[0]["v"] == 9


def test_isfahan_units_never_carry_the_group_value_as_their_own(ind):
    """Issue 14: pre-2021 Isfahan County's figures stay GROUP rows; today's five units show
    them only as quality ``group`` (flagged), or have no value."""
    group = ind[ind.county_code == ISFAHAN_GROUP]
    assert {"unemployment_rate_census", "labour_force_census", "labour_force_participation_rate",
            "urbanisation_rate_census", "population_combined"} <= set(group.indicator)
    five = ind[ind.county_code.isin(ISFAHAN_UNITS)]
    for _, g in group.iterrows():
        same = five[(five.indicator == g["indicator"]) & (five.year == g["year"])
                    & (five.v == g["v"])]  # fmt: skip
        assert (same["quality"] == "group").all(), (g["indicator"], g["year"])
    flagged = five[five.quality == "group"]
    assert (flagged["is_sample"] == "true").all()
    assert not five.indicator.str.endswith("_census").any()
    # pre-2021 page figures are re-coded to the GROUP, never left under 'isfahan'
    assert not (five.notes.str.contains("PRE-2021") & five.quality.isin(["sourced", "derived"])).any()


def test_net_migration(ind, codes, pop95):
    m = panel(ind, "net_migration_rate", "1395")
    prov = m["PROVINCE"]
    assert abs(prov - 1000 * (128000 - 103000) / 5120850) < 0.01
    cm = m.reindex(codes)
    assert cm.idxmax() == "shahinshahr_va_meymeh"
    for c in ("lenjan", "mobarakeh", "isfahan"):
        assert cm[c] > 0
    for c in ("khur_va_biabanak", "nain", "ardestan", "fereydunshahr", "chadegan", "semirom",
              "buin_va_miandasht", "khansar", "golpayegan", "dehaqan", "natanz", "varzaneh",
              "kuhpayeh", "jarqavieh"):  # fmt: skip
        assert cm[c] < 0, c
    wmean = (cm * pop95).sum() / pop95.sum()
    assert abs(wmean - prov) <= 1.0, wmean


def test_other_panel_indicators(ind, codes, pop95):
    share = panel(ind, "industrial_employment_share", "1395").reindex(codes)
    for c in ("lenjan", "mobarakeh", "borkhar", "shahinshahr_va_meymeh", "kashan",
              "aran_va_bidgol", "najafabad"):  # fmt: skip
        assert 35 <= share[c] <= 50, c
    assert 28 <= share["isfahan"] <= 32
    for c in ("semirom", "chadegan", "fereydunshahr", "fereydan", "khansar"):
        assert 12 <= share[c] <= 22, c
    lit = ind[(ind.indicator == "literacy_rate") & (ind.year == "1395")].set_index("county_code")
    for c, v in {"ardestan": 83, "falavarjan": 87, "lenjan": 91, "najafabad": 92.2}.items():
        assert lit.loc[c, "v"] == v and lit.loc[c, "quality"] == "sourced"
    # 91.4 is the pre-2021 county's page figure: a GROUP value for the five units
    assert (lit.loc[ISFAHAN_UNITS, "v"] == 91.4).all()
    assert (lit.loc[ISFAHAN_UNITS, "quality"] == "group").all()
    assert lit.loc[codes, "v"].between(80, 92.5).all()
    urb = ind[(ind.indicator == "urbanisation_rate") & (ind.year == "1395")].set_index(
        "county_code"
    )
    # census 1395 (urban / total, SCI Table 1), checked by hand once against
    # ../shared/data/indicators.csv urbanisation_rate_census,2016: najafabad 294,295 / 319,205
    # = 92.2; kashan 327,243 / 364,482 = 89.8; GROUP pre-2021 Isfahan 2,112,767 / 2,243,249 = 94.2
    for c, v in {"najafabad": 92.2, "kashan": 89.8, "ardestan": 66.0, "lenjan": 89.6}.items():
        assert urb.loc[c, "v"] == v and urb.loc[c, "quality"] == "derived", c
    assert (urb.loc[ISFAHAN_UNITS, "quality"] == "group").all()
    assert (urb.loc[ISFAHAN_UNITS, "v"] == 94.2).all()
    assert urb.loc["PROVINCE", "v"] == 88.0
    page = ind[ind.indicator == "urbanisation_rate_page"]
    assert len(page) == 5 and page.notes.str.contains("approx").all()
    urb90 = panel(ind, "urbanisation_rate", "1390")
    assert urb90.reindex(codes).notna().all() and urb90["PROVINCE"] == 85.4
    # labour force 1395 = census active population 15+ (SCI Table 5, row فعال), e.g.
    # lenjan,labour_force_census,2016 = 84,929 (hand-checked: employed 69,564 + unemployed
    # 15,365); the five units: the GROUP's 750,789 split by population (estimate)
    lf = ind[(ind.indicator == "labour_force") & (ind.year == "1395")].set_index("county_code")
    assert lf.loc["lenjan", "v"] == 84929 and lf.loc["lenjan", "quality"] == "sourced"
    own = [c for c in codes if c not in ISFAHAN_UNITS]
    assert (lf.loc[own, "quality"] == "sourced").all()
    assert (lf.loc[ISFAHAN_UNITS, "quality"] == "estimate").all()
    assert abs(lf.loc[ISFAHAN_UNITS, "v"].sum() - 750789) <= 3
    prov_lf = ind[(ind.indicator == "labour_force_census") & (ind.county_code == "PROVINCE")]
    assert abs(lf.loc[codes, "v"].sum() - prov_lf.iloc[0]["v"]) <= 3  # 1,693,818
    ratio = lf.loc[codes, "v"] / pop95
    assert ratio.between(0.28, 0.40).all(), ratio


# ----------------------------------------------------------------------------- projects
def test_projects_shape(projects, codes):
    assert 130 <= len(projects) <= 160
    assert projects["project_id"].is_unique
    per = projects.groupby("county_code").size().reindex(codes)
    assert per.notna().all() and per.between(3, 6).all(), per
    for _, p in projects.iterrows():
        assert re.fullmatch(re.escape(p["county_code"]) + r"-\d{2}", p["project_id"])
        assert p["sector"] in SECTORS and p["status"] in STATUSES
        assert p["funding_source"] in FUNDING
        assert p["title_fa"] and p["title_en"] and p["agency_fa"] and p["followup_officer"]
    for code in codes:
        sectors = set(projects[projects.county_code == code]["sector"])
        assert sectors & {"skills", "knowledge_tech"}, code


def test_projects_numbers(projects):
    for _, p in projects.iterrows():
        phys, fin = int(p["physical_progress_pct"]), int(p["financial_progress_pct"])
        assert 0 <= phys <= 100 and 0 <= fin <= 100
        assert float(p["budget_billion_rials"]) >= 0
        assert int(p["expected_jobs"]) >= 0
        if p["status"] == "completed":
            assert phys == 100
        if p["status"] in ("defined", "study"):
            assert phys <= 10
        if p["status"] == "defined":
            assert phys == 0
        if p["title_en"].lower().startswith(("isfahan metro", "metro extension")):
            assert float(p["budget_billion_rials"]) >= 50000


def test_projects_dates(projects):
    stale = overdue = 0
    for _, p in projects.iterrows():
        ps, pe = jparse(p["planned_start"]), jparse(p["planned_end"])
        assert 1401 <= ps.year <= 1405 and 1403 <= pe.year <= 1410
        assert pe >= ps
        st = p["status"]
        if st in ("in_progress", "stalled", "completed"):
            assert p["actual_start"], p["project_id"]
        if st in ("defined", "study"):
            assert not p["actual_start"], p["project_id"]
        if p["actual_start"]:
            assert jparse(p["actual_start"]) <= TODAY
        if p["actual_end"]:
            assert st == "completed"
            assert jparse(p["actual_start"]) <= jparse(p["actual_end"]) <= TODAY
        elif st == "completed":
            raise AssertionError(f"{p['project_id']}: completed without actual_end")
        fu = jparse(p["last_followup"])
        assert jdatetime.date(1404, 1, 1) <= fu <= jdatetime.date(1405, 9, 5)
        stale += (TODAY - fu).days > 90
        overdue += pe < TODAY and st not in ("completed", "cancelled")
    assert 0.10 <= stale / len(projects) <= 0.20, stale
    assert overdue >= 5
    counts = projects["status"].value_counts()
    assert counts.get("stalled", 0) >= 5 and 1 <= counts.get("cancelled", 0) <= 10


def test_projects_provenance(projects):
    real = projects[projects.is_sample == "false"]
    sample = projects[projects.is_sample == "true"]
    assert len(real) + len(sample) == len(projects)
    assert (real["quality"] == "sourced").all() and (sample["quality"] == "sample").all()
    assert real["source"].str.startswith("http").all()
    assert (real["sample_fields"] != "").all()
    assert (sample["source"] == "sample").all() and (sample["sample_fields"] == "").all()
    assert 10 <= len(real) <= 12
    news = shared_or_skip("projects_news.csv")
    county_urls = set(news[news.code != "PROVINCE"]["source_url"])
    assert set(real["source"]) <= county_urls
    najaf = news[news.code == "najafabad"]["source_url"]
    assert not set(real["source"]) & set(najaf), "the Najafabad bundle is not one project"


def test_projects_coordinates(projects, counties):
    seats = counties.set_index("code")
    with_xy = 0
    for _, p in projects.iterrows():
        has = bool(p["lat"]) and bool(p["lon"])
        assert bool(p["lat"]) == bool(p["lon"])
        assert p["coord_quality"] == ("sample" if has else "")
        if has:
            with_xy += 1
            s = seats.loc[p["county_code"]]
            assert s["seat_lat"], "points only near known seats"
            lat0, lon0 = float(s["seat_lat"]), float(s["seat_lon"])
            dy = (float(p["lat"]) - lat0) * 111.32
            dx = (float(p["lon"]) - lon0) * 111.32 * math.cos(math.radians(lat0))
            assert math.hypot(dx, dy) <= 10.5, p["project_id"]
    assert 0.35 <= with_xy / len(projects) <= 0.65


def test_centre_budget_share(projects, pop95):
    budget = projects["budget_billion_rials"].astype(float)
    share = budget[projects.county_code == "isfahan"].sum() / budget.sum()
    assert 0.50 <= share <= 0.60, share
    assert 0.38 <= pop95["isfahan"] / pop95.sum() <= 0.45


# ----------------------------------------------------------------------------- places
def test_places(places):
    assert places["place_id"].is_unique
    assert set(places["status"]) <= {"operating", "proposed", "planned"}
    assert set(places["quality"]) == {"sourced"} and set(places["is_sample"]) == {"false"}
    for _, r in places.iterrows():
        has = bool(r["lat"]) and bool(r["lon"])
        assert r["coord_quality"] in (("exact", "town") if has else ("missing",))
        assert bool(r["coord_source"]) == has
    # issue 14: every asset has a point now (one exact, the rest at the named town)
    assert (places["coord_quality"] != "missing").all()
    assert places["coord_quality"].value_counts().to_dict() == {"town": 9, "exact": 1}
    school = places.set_index("place_id").loc["zarrinshahr_vocational_schools"]
    assert school["type"] == "vocational_school_beside_industry"
    assert school["status"] == "planned" and school["county_code"] == "lenjan"
    shared = shared_or_skip("places.csv").set_index("name_en")
    mine = places.set_index("name_en")
    assert set(shared.index) == set(mine.index)
    for name, r in mine.iterrows():
        s = shared.loc[name]
        assert r["county_code"] == s["code"], name  # empty stays empty, never guessed
        assert r["lat"] == s["lat"] and r["lon"] == s["lon"]
        assert r["coord_quality"] == s["coord_quality"]
        assert r["source"] == s["source_url"]
        assert (r["status"] == "proposed") == ("proposed" in s["type"])
        assert (r["status"] == "planned") == ("planned" in s["type"])


# ----------------------------------------------------------------------------- Persian text
def persian_texts(counties, projects, places):
    cols = [
        counties["name_fa"], counties["seat_fa"], projects["title_fa"],
        projects["agency_fa"], projects["followup_officer"], places["name_fa"],
    ]  # fmt: skip
    return [t for col in cols for t in col if t]


def test_persian_letters_and_zwnj(counties, projects, places):
    for t in persian_texts(counties, projects, places):
        assert not re.search("[يكى]", t), f"Arabic letter in {t!r}"
        assert not re.search(r"\s(ها|های|هایی)(\s|$)", t), f"plural suffix without ZWNJ: {t!r}"
        assert "\u200c " not in t and " \u200c" not in t
    names = dict(zip(counties["code"], counties["name_fa"]))
    assert names["khomeynishahr"] == "خمینی\u200cشهر"
    assert "شرکت شهرک\u200cهای صنعتی استان اصفهان" in set(projects["agency_fa"])
