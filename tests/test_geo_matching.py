"""geo.matching: OSM id first, then name keys; reports of what did not match."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.boundaries import read_boundaries
from geo.config import boundaries_path, project_root
from geo.matching import MatchReport, codes_for_unknown, match_counties

INVENTED = Path(__file__).parent / "fixtures" / "geo_invented.geojson"
REAL = boundaries_path()
TABLE_COLUMNS = {"code", "name_fa", "name_en", "osm_name_fa", "osm_relation_id"}


def county_table() -> pd.DataFrame | None:
    """The project's county table, or the shared copy while the project one is missing."""
    for path in (project_root() / "data" / "counties.csv",
                 project_root().parent / "shared" / "data" / "counties.csv"):
        if path.is_file():
            try:
                table = pd.read_csv(path)
            except (ValueError, OSError):
                continue
            if TABLE_COLUMNS <= set(table.columns) and len(table) == 28:
                return table
    return None


TABLE = county_table()
needs_real = pytest.mark.skipif(not REAL.is_file() or TABLE is None,
                                reason="real boundaries or county table absent")

INVENTED_TABLE = pd.DataFrame({
    "code": ["nemuneh", "azmayesh", "khiyal", "farziyeh"],
    "name_fa": ["نمونه‌آباد", "آزمایش", "خیال‌شهر", "فرضیه‌ودشت"],
    "name_en": ["Nemuneh Abad", "Azmayesh", "Khiyal Shahr", "Farziyeh va Dasht"],
    "osm_name_fa": [None, None, None, None],
    "osm_relation_id": [1001, None, None, 999],  # 999: a stale id, must fall back to names
})


def test_invented_by_id_then_names():
    gdf = read_boundaries(INVENTED)
    matched, report = match_counties(gdf, INVENTED_TABLE)
    assert report.complete, report.summary()
    assert (report.by_osm_id, report.by_name) == (1, 3)
    assert matched["code"].tolist() == ["nemuneh", "azmayesh", "khiyal", "farziyeh"]
    assert matched.set_index("code")["osm_id"].to_dict() == {
        "nemuneh": 1001, "azmayesh": 1002, "khiyal": 1003, "farziyeh": 1004}
    assert list(matched.columns)[0] == "code"


def test_unmatched_and_ambiguous_are_reported():
    gdf = read_boundaries(INVENTED)
    gdf.loc[1, ["name", "name_en"]] = ["شهرستان ؟؟؟", "xyz"]
    table = pd.concat([INVENTED_TABLE, pd.DataFrame({
        "code": ["khiyal_2"], "name_fa": ["خیال شهر"], "name_en": ["Khiyal-Shahr"],
        "osm_name_fa": [None], "osm_relation_id": [None]})], ignore_index=True)
    matched, report = match_counties(gdf, table)
    assert report.unmatched_features == [("شهرستان ؟؟؟", 1002), ("شهرستان خیال شهر", 1003)]
    assert report.unmatched_codes == ["azmayesh", "khiyal", "khiyal_2"]
    assert report.ambiguous == ["khiyalshahr", "خیالشهر"]
    assert not report.complete and "؟؟؟" in report.summary()
    assert len(matched) == 2
    assert MatchReport.from_dict(report.to_dict()) == report
    kept, _ = match_counties(gdf, table, keep_unmatched=True)
    assert kept["code"].tolist() == ["nemuneh", "farziyeh", "osm1002", "osm1003"]


def test_table_needs_unique_codes():
    with pytest.raises(ValueError, match="duplicate"):
        match_counties(read_boundaries(INVENTED), pd.concat([INVENTED_TABLE] * 2))


def test_codes_for_unknown():
    coded = codes_for_unknown(read_boundaries(INVENTED), prefix="ZZ-01:")
    assert coded["code"].tolist() == [f"ZZ-01:osm{i}" for i in (1001, 1002, 1003, 1004)]


@needs_real
def test_all_28_real_counties_match_by_id_and_by_name():
    gdf = read_boundaries(REAL)
    matched, report = match_counties(gdf, TABLE)
    assert report.matched == 28 and report.complete, report.summary()
    assert sorted(matched["code"]) == sorted(TABLE["code"])
    # Names alone (no relation ids) must also find all 28 despite «شهرستان », spaces, ZWNJ.
    by_name, report = match_counties(gdf, TABLE.drop(columns="osm_relation_id"))
    assert report.by_name == 28 and report.complete, report.summary()
    assert (by_name.set_index("code")["osm_id"] == matched.set_index("code")["osm_id"]).all()


@needs_real
def test_real_renamed_feature_is_reported():
    gdf = read_boundaries(REAL)
    row = gdf.index[gdf["name"] == "شهرستان نجف آباد"][0]
    gdf.loc[row, ["name", "name_en"]] = ["zzz garbage", "garbage"]
    _, report = match_counties(gdf, TABLE.drop(columns="osm_relation_id"))
    assert report.matched == 27
    assert report.unmatched_features == [("zzz garbage", int(gdf.loc[row, "osm_id"]))]
    assert report.unmatched_codes == ["najafabad"]
