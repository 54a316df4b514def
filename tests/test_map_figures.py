"""The Map page's figures: one shape per county, ids = county codes, attribution, centre
outline, Persian legends, selection, tiles — and the weight budget of the province map."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.classify import classify
from analytics.loading import load_dataset
from analytics.panel import build_panel
from figures.map_layers import class_legend, geo_hover_card, hover_card, scope_map
from figures.maps import MISSING_COLOUR, SELECTED_COLOUR, choropleth
from figures.theme import CENTRE_COLOUR
from geo.cache import boundaries_available, load_country, load_province
from geo.config import boundaries_path, country_dir
from geo.tiles import ISFAHAN_HEX_LAYOUT

PERSIAN = set("۰۱۲۳۴۵۶۷۸۹٫٬")
needs_boundaries = pytest.mark.skipif(not boundaries_available(),
                                      reason="no OSM boundary file configured")


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def panel(ds):
    return build_panel(ds.projects, ds.indicators, ds.counties)


@pytest.fixture(scope="module")
def geometry(ds):
    if not boundaries_available():
        pytest.skip("no OSM boundary file configured")
    return load_province(counties_df=ds.counties)


def build(panel, geometry, measure="budget_per_capita", lang="fa", **kwargs):
    codes = list(panel.index)
    return scope_map(codes=codes, values=panel[measure], hover=hover_card(panel, measure, lang),
                     names=panel["name_fa" if lang == "fa" else "name_en"], lang=lang,
                     geometry=geometry, centre="isfahan",
                     label_priority=geometry.areas_km2 if geometry is not None else None,
                     tile_layout=None if geometry is not None else ISFAHAN_HEX_LAYOUT,
                     **kwargs)


def spec_of(fig) -> dict:
    return json.loads(fig.to_json())


def persian_only(text: str) -> bool:
    body = text.strip("\u202b\u200f\u202c").replace(" – ", "").replace("+", "")
    return bool(body) and set(body) <= PERSIAN


@needs_boundaries
def test_one_shape_per_county_and_ids_are_county_codes(ds, panel, geometry):
    spec = spec_of(build(panel, geometry))
    main = spec["data"][0]
    assert main["type"] == "choropleth"
    ids = [f["id"] for f in main["geojson"]["features"]]
    assert len(ids) == len(set(ids)) == 28
    assert sorted(main["locations"]) == sorted(ids) == sorted(ds.counties["code"])
    # no second copy of any county's geometry (outlines live in the main trace)
    assert sum(t["type"] == "choropleth" for t in spec["data"]) == 1


@needs_boundaries
def test_attribution_centre_outline_and_persian_colourbar(panel, geometry):
    spec = spec_of(build(panel, geometry))
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert "© OpenStreetMap contributors" in texts
    main = spec["data"][0]
    line = main["marker"]["line"]
    where = main["locations"].index("isfahan")
    assert line["color"][where] == CENTRE_COLOUR
    assert line["width"][where] > max(w for i, w in enumerate(line["width"]) if i != where)
    assert main["locations"][-1] == "isfahan"  # drawn last: its outline is not covered
    ticks = main["colorbar"]["ticktext"]
    assert ticks and all(persian_only(t) for t in ticks)
    labels = next(t for t in spec["data"] if t.get("name") == "labels")
    assert "اصفهان" in labels["text"] and len(labels["text"]) >= 20
    assert isinstance(labels["lon"], list)  # plain numbers, not base64 float64


@needs_boundaries
def test_classed_legend_in_persian_digits(panel, geometry):
    result = classify(panel["unemployment_rate"], "jenks", 5)
    legend = class_legend(result, list(panel.index), "fa", 1)
    spec = spec_of(build(panel, geometry, "unemployment_rate", classes=legend))
    main = spec["data"][0]
    bar = main["colorbar"]
    assert bar["tickvals"] == [0, 1, 2, 3, 4]
    assert all(persian_only(t) for t in bar["ticktext"])
    assert set(main["z"]) <= {0, 1, 2, 3, 4}
    # stepped scale: one flat colour band per class
    assert len(main["colorscale"]) == 10 and main["zmin"] == -0.5 and main["zmax"] == 4.5


@needs_boundaries
def test_selected_county_is_outlined_and_hover_card_has_key_figures(panel, geometry):
    spec = spec_of(build(panel, geometry, selected="nain"))
    main = spec["data"][0]
    assert main["locations"][-1] == "nain"
    assert main["marker"]["line"]["color"][-1] == SELECTED_COLOUR
    template = main["hovertemplate"]
    for label in ("جمعیت", "نرخ بیکاری", "پروژه‌های پیشران"):
        assert label in template
    assert len(main["customdata"][0]) == 5
    assert main["unselected"]["marker"]["opacity"] == 1


@needs_boundaries
def test_missing_values_are_grey(panel, geometry):
    values = panel.copy()
    values.loc[["nain", "kashan"], "unemployment_rate"] = np.nan
    spec = spec_of(build(values, geometry, "unemployment_rate"))
    grey = [t for t in spec["data"] if t.get("name") == "missing"]
    assert len(grey) == 1 and sorted(grey[0]["locations"]) == ["kashan", "nain"]
    assert grey[0]["colorscale"][0][1] == MISSING_COLOUR
    assert spec["data"].index(grey[0]) == 0  # drawn below the main trace and its outlines
    assert len(spec["data"][1]["locations"]) == 28
    names = [row[0] for row in grey[0]["customdata"]]
    assert sorted(names) == sorted(["کاشان", "نائین"])
    assert all(row[1] == "—" for row in grey[0]["customdata"])  # no ✱ on a missing value


def test_tiles_need_no_boundaries(panel):
    fig = build(panel, None, selected="lenjan")
    spec = spec_of(fig)
    fills = [t for t in spec["data"] if t.get("fill") == "toself"]
    assert sorted(t["name"] for t in fills) == sorted(panel.index)
    assert "© OpenStreetMap contributors" in [a["text"] for a in spec["layout"]["annotations"]]
    by_code = {t["name"]: t for t in fills}
    assert by_code["isfahan"]["line"]["color"] == CENTRE_COLOUR
    assert by_code["lenjan"]["line"]["color"] == SELECTED_COLOUR
    assert "جمعیت" in by_code["nain"]["text"]
    bar = next(t for t in spec["data"] if t.get("marker", {}).get("colorbar"))
    assert all(persian_only(t) for t in bar["marker"]["colorbar"]["ticktext"])


def test_overview_callers_keep_their_centre_trace():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": c, "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [[[51 + i, 32], [51 + i, 33],
                                                          [52 + i, 33], [52 + i, 32],
                                                          [51 + i, 32]]]}}
        for i, c in enumerate("abc")]}
    fig = choropleth(fc, pd.DataFrame({"v": [1.0, 2.0, 3.0]}, index=list("abc")), "v", "fa",
                     centre="b", colorbar_title="واحد")
    spec = spec_of(fig)
    centre = [t for t in spec["data"] if t.get("name") == "centre"]
    assert centre and centre[0]["locations"] == ["b"]
    assert spec["data"][0]["colorbar"]["title"]["text"] == "واحد"
    assert spec["layout"]["geo"]["fitbounds"] == "locations"
    assert all("type" not in f for f in spec["data"][0]["geojson"]["features"])  # lean


# --------------------------------------------------------------------------- weight budgets


@needs_boundaries
def test_province_map_is_under_five_percent_of_the_raw_file(panel, geometry):
    raw = boundaries_path().stat().st_size
    size = len(build(panel, geometry).to_json().encode("utf-8"))
    assert size <= 0.05 * raw, f"{size:,} B = {100 * size / raw:.2f} % of {raw:,} B"
    assert geometry.coverage.holes == 0 and geometry.coverage.overlap_pairs == 0


@pytest.mark.skipif(not any(country_dir().glob("IR-*.geojson")) if country_dir().is_dir()
                    else True, reason="no country boundary files")
def test_country_map_is_under_two_megabytes():
    from geo.provinces import county_table, provinces

    country = load_country()
    table = county_table(country, provinces())
    assert len(table) == 478
    fig = scope_map(codes=list(table.index), values=table["area_km2"],
                    hover=geo_hover_card(table, "area_km2", "fa", True),
                    names=table["name_fa"], lang="fa", geometry=country)
    size = len(fig.to_json().encode("utf-8"))
    assert size <= 2_000_000, f"{size:,} B"
    assert country.coverage.holes == 0 and country.coverage.overlap_pairs == 0
