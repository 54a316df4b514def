import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analytics.filters import ProjectFilter
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES


def ids(frame):
    return frame["project_id"].tolist()


def test_each_field(tiny_projects):
    assert ids(ProjectFilter(counties=("lenjan",)).apply(tiny_projects)) == ["l1", "l2"]
    assert ids(ProjectFilter(sectors=("mining",)).apply(tiny_projects)) == ["n1"]
    assert ids(ProjectFilter(statuses=("completed", "stalled")).apply(tiny_projects)) == ["i2", "l1"]
    assert ids(ProjectFilter(funding_sources=("national",)).apply(tiny_projects)) == ["i1", "n1"]
    assert ids(ProjectFilter(provenance="sourced").apply(tiny_projects)) == ["i1", "n1"]
    assert ids(ProjectFilter(provenance="sample").apply(tiny_projects)) == ["i2", "l1", "l2"]


def test_year_range_overlaps_planned_period(tiny_projects):
    # i2 runs 1401–1403, l1 1403–1404; only they overlap 1401–1403 (i1 starts 1402 → overlaps too)
    assert ids(ProjectFilter(year_from=1401, year_to=1403).apply(tiny_projects)) == ["i1", "i2", "l1"]
    assert ids(ProjectFilter(year_from=1409).apply(tiny_projects)) == ["n1"]


def test_text_search_is_normalised(tiny_projects):
    # spaces and ZWNJ do not separate words in search (issue 16: «ذوب آهن» ≈ «ذوبآهن»)
    assert ids(ProjectFilter(text="فولاد شهر").apply(tiny_projects)) == ["l2"]
    assert ids(ProjectFilter(text="فولادشهر").apply(tiny_projects)) == ["l2"]
    assert ids(ProjectFilter(text="هنرستان").apply(tiny_projects)) == ["l1"]
    assert ids(ProjectFilter(text="فني و حرفه اي").apply(tiny_projects)) == ["l1"]  # Arabic ي
    assert ids(ProjectFilter(text="فنی و حرفه ای").apply(tiny_projects)) == ["l1"]  # ZWNJ ~ space
    assert ids(ProjectFilter(text="METRO").apply(tiny_projects)) == ["i1"]
    assert ids(ProjectFilter(text="پارك").apply(tiny_projects)) == ["i2"]  # Arabic kaf


def test_input_is_not_changed(tiny_projects):
    before = tiny_projects.copy()
    ProjectFilter(counties=("nain",), text="x").apply(tiny_projects)
    pd.testing.assert_frame_equal(before, tiny_projects)


def test_from_dict_rejects_unknown_and_invalid():
    flt, rejected = ProjectFilter.from_dict(
        {"sectors": ["mining", "evil"], "year_from": "1400", "provenance": "x", "bogus": 1,
         "counties": ["nain"]}, known_counties=("nain",))
    assert flt == ProjectFilter(sectors=("mining",), counties=("nain",))
    assert sorted(rejected) == ["bogus", "provenance", "sectors", "year_from"]
    assert ProjectFilter.from_dict("not a dict")[0] == ProjectFilter()


filters = st.builds(
    ProjectFilter,
    counties=st.lists(st.sampled_from(["isfahan", "lenjan", "nain"]), unique=True).map(tuple),
    sectors=st.lists(st.sampled_from(SECTORS), unique=True).map(tuple),
    statuses=st.lists(st.sampled_from(STATUSES), unique=True).map(tuple),
    funding_sources=st.lists(st.sampled_from(FUNDING_SOURCES), unique=True).map(tuple),
    year_from=st.none() | st.integers(1390, 1410),
    year_to=st.none() | st.integers(1390, 1410),
    provenance=st.sampled_from(["all", "sourced", "sample"]),
    text=st.sampled_from(["", "فولاد", "metro"]),
)


@given(filters)
def test_dict_roundtrip(flt):
    again, rejected = ProjectFilter.from_dict(flt.to_dict(), ("isfahan", "lenjan", "nain"))
    assert again == flt and rejected == []


@given(filters)
def test_result_is_a_subset_and_every_kept_row_matches(flt):
    frame = pd.DataFrame({
        "project_id": ["a", "b"], "county_code": ["nain", "lenjan"], "title_fa": ["الف", "ب"],
        "title_en": ["metro", "x"], "sector": ["mining", "skills"],
        "status": ["defined", "completed"], "funding_source": ["national", "mixed"],
        "planned_start": ["1400/01/01", "1405/01/01"], "planned_end": ["1402/01/01", "1407/01/01"],
        "is_sample": [True, False],
    })
    kept = flt.apply(frame)
    assert set(kept["project_id"]) <= {"a", "b"}
    if flt.counties:
        assert kept["county_code"].isin(flt.counties).all()
    if flt.statuses:
        assert kept["status"].isin(flt.statuses).all()


def test_filter_years():
    from analytics.filters import YEAR_MAX, YEAR_MIN, is_filter_year

    assert (YEAR_MIN, YEAR_MAX) == (1300, 1500)
    assert is_filter_year(1300) and is_filter_year(1500) and is_filter_year(1404)
    assert not any(is_filter_year(v) for v in (1299, 1501, 1404.0, "1404", None))
    assert ProjectFilter.from_dict({"year_from": 1299})[1] == ["year_from"]


def test_conditions_and_columns():
    flt = ProjectFilter(counties=("nain",), statuses=("defined",))
    assert flt.conditions() == (("county_code", ("nain",)), ("status", ("defined",)))
    assert flt.only_enumerated() and flt.columns() == ("project_id", "county_code", "status")
    wide = ProjectFilter(year_to=1404, provenance="sample", text="x")
    assert wide.conditions() == () and not wide.only_enumerated()
    assert {"planned_start", "planned_end", "is_sample", "title_fa", "agency_fa"} <= set(
        wide.columns())


@given(filters)
def test_mask_reads_only_its_columns_and_conditions_are_the_whole_enumerated_filter(flt):
    frame = pd.DataFrame({
        "project_id": ["a", "b", "c"], "county_code": ["nain", "lenjan", "isfahan"],
        "title_fa": ["الف", "ب", "فولاد"], "title_en": ["metro", "x", None],
        "sector": ["mining", "skills", "industry"], "status": ["defined", "completed", None],
        "funding_source": ["national", "mixed", "private"],
        "planned_start": ["1400/01/01", "1405/01/01", None],
        "planned_end": ["1402/01/01", "1407/01/01", None], "is_sample": [True, False, True],
        "budget_billion_rials": [1.0, 2.0, 3.0],
    })
    full = flt.mask(frame)
    read = [c for c in flt.columns() if c in frame]  # text columns are read when present
    assert flt.mask(frame[read]).tolist() == full.tolist()
    if flt.only_enumerated():
        expected = pd.Series(True, index=frame.index)
        for column, chosen in flt.conditions():
            expected &= frame[column].isin(chosen)
        assert full.tolist() == expected.tolist()
