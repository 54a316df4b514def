"""The Map page's figures: one shape per county, ids = county codes, attribution, centre
outline, Persian legends, selection, tiles — and the weight budget of the province map."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.classify import classify
from figures.map_layers import class_legend, geo_hover_card, hover_card, scope_map
from figures.maps import BORDER_COLOUR, MISSING_COLOUR, SELECTED_COLOUR, choropleth
from figures.theme import CENTRE_COLOUR
from geo.cache import boundaries_available, country_files, load_country, load_province
from geo.config import boundaries_path
from geo.tiles import ISFAHAN_HEX_LAYOUT

PERSIAN = set("۰۱۲۳۴۵۶۷۸۹٫٬")
needs_boundaries = pytest.mark.skipif(not boundaries_available(),
                                      reason="no OSM boundary file configured")
needs_country = pytest.mark.skipif(not country_files(), reason="no country boundary files")


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


def tile_trace(spec: dict) -> dict:
    found = [t for t in spec["data"] if t.get("name") == "tiles"]
    assert len(found) == 1
    return found[0]


def test_tiles_need_no_boundaries(panel):
    fig = build(panel, None, selected="lenjan")
    spec = spec_of(fig)
    assert "© OpenStreetMap contributors" in [a["text"] for a in spec["layout"]["annotations"]]
    tiles = tile_trace(spec)
    assert sorted(tiles["customdata"]) == sorted(panel.index)  # click → county code
    card = tiles["text"][tiles["customdata"].index("nain")]
    assert "نائین" in card and "جمعیت" in card
    # every hexagon filled once: 28 rings over the fill traces
    fills = [t for t in spec["data"] if t.get("fill") == "toself"]
    assert sum(t["x"].count(None) + 1 for t in fills) == 28
    outlines = {t["name"]: t for t in spec["data"] if t.get("name") in ("centre", "selected")}
    assert outlines["centre"]["line"]["color"] == CENTRE_COLOUR
    assert outlines["selected"]["line"]["color"] == SELECTED_COLOUR
    lenjan = tiles["customdata"].index("lenjan")
    assert outlines["selected"]["x"][0] == pytest.approx(tiles["x"][lenjan], abs=1)
    names = [t["name"] for t in spec["data"]]
    assert names.index("selected") > max(i for i, t in enumerate(spec["data"])
                                         if t.get("fill") == "toself")
    assert spec["layout"]["hoverdistance"] == -1  # the nearest centre = the hexagon hovered
    bar = next(t for t in spec["data"] if t.get("marker", {}).get("colorbar"))
    assert all(persian_only(t) for t in bar["marker"]["colorbar"]["ticktext"])


def test_tile_fill_colours_follow_values_and_classes(panel):
    result = classify(panel["unemployment_rate"], "jenks", 4)
    legend = class_legend(result, list(panel.index), "fa", 1)
    spec = spec_of(build(panel, None, "unemployment_rate", classes=legend))
    fills = [t for t in spec["data"] if t.get("fill") == "toself"]
    assert sorted(t["fillcolor"] for t in fills) == sorted(legend.colours)  # one per class
    tiles = tile_trace(spec)
    top = panel["unemployment_rate"].idxmax()
    colour = tiles["hoverlabel"]["bgcolor"][tiles["customdata"].index(top)]
    assert colour == legend.colours[-1]
    # continuous: darker fill for the larger value, grey for a missing one
    values = panel.copy()
    values.loc["nain", "unemployment_rate"] = np.nan
    spec = spec_of(build(values, None, "unemployment_rate"))
    tiles = tile_trace(spec)
    bg = dict(zip(tiles["customdata"], tiles["hoverlabel"]["bgcolor"]))
    assert bg["nain"] == MISSING_COLOUR
    low, high = values["unemployment_rate"].idxmin(), values["unemployment_rate"].idxmax()

    def lum(c):
        return sum(int(c[i:i + 2], 16) for i in (1, 3, 5))
    assert lum(bg[high]) < lum(bg[low])


def test_tile_trace_count_does_not_grow_with_the_number_of_counties():
    from figures.maps import TILE_COLOUR_STEPS
    from geo.tiles import auto_hex_layout

    rng = np.random.default_rng(7)

    def traces(n, classed):
        codes = [f"c{i}" for i in range(n)]
        points = {c: (44 + 19 * rng.random(), 25 + 15 * rng.random()) for c in codes}
        layout = auto_hex_layout(points)
        values = pd.Series(rng.random(n) * 100, index=codes)
        hover = pd.DataFrame({"name": codes, "value": values.round(1).astype(str)},
                             index=codes)
        classes = None
        if classed:
            classes = class_legend(classify(values.to_numpy(), "quantile", 5), codes, "fa", 1)
        fig = scope_map(codes=codes, values=values, hover=hover, names=pd.Series(codes, codes),
                        lang="fa", tile_layout=layout, classes=classes, selected=codes[3],
                        centre=codes[0])
        return len(fig.data), fig

    assert traces(30, True)[0] == traces(478, True)[0] == 5 + 5  # 5 classes + 5 others
    n_big, fig = traces(478, False)
    assert n_big <= TILE_COLOUR_STEPS + 5
    tiles = next(t for t in fig.data if t.name == "tiles")
    assert len(tiles.customdata) == len(tiles.text) == 478


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
    # 5 % for the shapes and values, 0.25 % for naming every county (issue 16: the six
    # names that did not fit in place come as call-outs with leader lines, ≈ 600 B)
    assert size <= 0.0525 * raw, f"{size:,} B = {100 * size / raw:.2f} % of {raw:,} B"
    assert geometry.coverage.holes == 0 and geometry.coverage.overlap_pairs == 0


@needs_country
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
    # province borders: one thin dark line trace over the counties, under the labels
    names = [t.name for t in fig.data]
    borders = fig.data[names.index("borders")]
    assert names.index("borders") > 0 and names[-1] == "labels"
    assert borders.type == "scattergeo" and borders.mode == "lines"
    assert borders.line.color == BORDER_COLOUR and borders.line.width <= 1.5
    assert borders.hoverinfo == "skip"
    n_lines = list(borders.lon).count(None) + 1
    assert n_lines == len(country.extra["province_borders"])
    assert len(country.extra["provinces"]) == 31


@needs_country
def test_country_tiles_have_a_constant_number_of_traces_and_hover_cards():
    from geo.provinces import county_table, provinces
    from geo.tiles import hex_layout_for

    country = load_country()
    table = county_table(country, provinces())
    codes = list(table.index)
    layout = hex_layout_for(codes, {r.code: (r.lon, r.lat) for r in country.labels.itertuples()})
    isfahan = table.index[(table["province"] == "IR-10") & (table["name_fa"] == "نائین")][0]
    fig = scope_map(codes=codes, values=table["area_km2"],
                    hover=geo_hover_card(table, "area_km2", "fa", True), names=table["name_fa"],
                    lang="fa", tile_layout=layout, selected=isfahan, groups=table["province"])
    spec = spec_of(fig)
    assert len(spec["data"]) < 40
    borders = next(t for t in spec["data"] if t.get("name") == "borders")
    assert borders["line"]["color"] == BORDER_COLOUR and borders["x"].count(None) >= 30
    tiles = tile_trace(spec)
    assert len(tiles["customdata"]) == 478
    card = tiles["text"][tiles["customdata"].index(isfahan)]
    assert "نائین" in card and "اصفهان" in card and "مساحت" in card


def named_counties(labels, names) -> set[str]:
    """The county names a label trace shows: names in place or as call-outs, and the names
    of the numbered key («۱ خمینی‌شهر» lines) whose numbers are on the map."""
    import re

    # ✱: the value is an estimate, ▣: a larger unit's
    texts = [str(t).replace(" ✱", "").replace(" ▣", "") for t in labels.text]
    numbers = {t for t in texts if re.fullmatch(r"[۰-۹0-9]+", t)}
    shown = {t.replace("<br>", " ") for t in texts}
    for text in texts:
        for line in text.split("<br>"):
            match = re.fullmatch(r"([۰-۹0-9]+) (.+)", line)
            if match and match.group(1) in numbers:
                shown.add(match.group(2))
    return shown & set(names)


@needs_boundaries
@pytest.mark.parametrize("label_height", [560, 450])
def test_county_map_names_all_28_counties(panel, geometry, label_height):
    """Issue 16: six counties had no name on the province map.  Every county is named —
    in place, beside its county with a leader line, or by a number and the key — at the
    app's size and at a slide picture's, and no two name boxes touch (the boxes as
    figures.label_layout reckons them; tests/test_label_boxes.py checks the browser's)."""
    from figures.county_map import county_map

    fig, _ = county_map(panel, "budget_per_capita", geometry, "fa", centre="isfahan",
                        label_height=label_height)
    labels = next(tr for tr in fig.data if tr.name == "labels")
    names = panel["name_fa"]
    assert named_counties(labels, names) == set(names)
    for name in ("مبارکه", "فلاورجان", "خمینی‌شهر", "گلپایگان", "خوانسار", "فریدن", "کاشان"):
        assert name in named_counties(labels, names)
    assert fig.layout.geo.lonaxis.range is not None  # the province's window, not fitbounds
    leaders = [tr for tr in fig.data if tr.name == "leaders"]
    if leaders:  # every leader starts inside the province window
        lon0, lon1 = fig.layout.geo.lonaxis.range
        assert all(v is None or lon0 <= v <= lon1 for v in leaders[0].lon)


def test_pick_labels_with_callouts_places_every_name_without_overlap():
    """Five names on nearly one point: one stays in place, the others go beside it or to
    the key, and no two boxes (as drawn) touch."""
    from figures.label_layout import KEY, label_box, pick_labels

    labels = pd.DataFrame({"lon": [51.0, 51.02, 51.04, 51.01, 51.03],
                           "lat": [32.0, 32.01, 32.0, 31.99, 32.02],
                           "text": ["الف", "ب ب", "جیم", "دال", "هاء"]}, index=list("abcde"))
    out = pick_labels(labels, width_px=600, height_px=400, bounds=(49.0, 30.0, 53.0, 34.0),
                      callouts=True)
    assert set(out.index) - {KEY} == set("abcde")
    assert (out["kind"] != "name").sum() >= 4  # at most one in place
    from geo.projection import mercator_y

    pad = 0.02 * 4.0  # the window as pick_labels reckons it: bounds padded 2 %
    span_y = mercator_y(34.0 + pad, degrees=True) - mercator_y(30.0 - pad, degrees=True)
    scale = min(600 / (4.0 + 2 * pad), 400 / span_y)
    boxes = [(code, label_box(row["text"], row["lon"] * scale,
                              mercator_y(row["lat"], degrees=True) * scale, 10))
             for code, row in out.iterrows()]
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1:]:
            assert not (p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]), (a, b)


@needs_boundaries
def test_names_on_dark_fills_are_white(panel, geometry):
    """The darkest county (the highest budget per capita) gets a white name, the lightest a
    dark one; with every fill light, one colour for all (no per-name list in the JSON)."""
    from figures.county_map import county_map
    from figures.maps import LABEL_COLOUR

    fig, _ = county_map(panel, "budget_per_capita", geometry, "fa", centre="isfahan")
    labels = next(tr for tr in fig.data if tr.name == "labels")
    # the names in place (on their county's label point); call-outs are always dark
    points = geometry.labels.set_index("code")[["lon", "lat"]].round(2)
    at_point = {(round(lon, 2), round(lat, 2)) for lon, lat in points.itertuples(index=False)}
    colour = {t.replace("<br>", " "): c for t, c, lon, lat in
              zip(labels.text, labels.textfont.color, labels.lon, labels.lat)
              if (round(lon, 2), round(lat, 2)) in at_point}
    shown = panel[panel["name_fa"].isin(colour)]
    values = shown["budget_per_capita"]
    assert colour[shown.at[values.idxmax(), "name_fa"]] == "#fff"
    assert colour[shown.at[values.idxmin(), "name_fa"]] == LABEL_COLOUR
    flat = panel.assign(budget_per_capita=1.0)
    fig, _ = county_map(flat, "budget_per_capita", geometry, "fa", centre="isfahan")
    labels = next(tr for tr in fig.data if tr.name == "labels")
    assert labels.textfont.color == LABEL_COLOUR
