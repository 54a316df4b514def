"""figures.map_layers: hover cards, class legends, label picking, project/place layers,
tables; geo.provinces names and county tables."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from shapely.geometry import Point, box

from analytics.classify import BETTER, classify
from figures.map_layers import (
    HOVER_FIGURES,
    add_places_layer,
    add_project_layer,
    class_legend,
    geo_hover_card,
    hover_card,
    key_figures,
    pick_labels,
    places_table,
    places_with_coordinates,
    project_points,
    project_table,
    tile_frame,
    tile_polygons,
)
from figures.theme import STATUS_COLOURS
from geo.tiles import ISFAHAN_HEX_LAYOUT
from i18n import t

PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")


def test_hover_card_has_key_figures_with_sample_marks(panel):
    card = hover_card(panel, "budget_per_capita", "fa")
    assert list(card.columns) == ["name", "value", "population", "unemployment_rate",
                                  "n_projects"]  # the measure itself is not repeated
    assert set(card.attrs["labels"]) == {"population", "unemployment_rate", "n_projects"}
    assert card.attrs["label"].startswith("بودجه سرانه")
    # ✱ exactly where the unemployment rate is a sample/estimate
    flags = panel["unemployment_rate_is_sample"].fillna(True).astype(bool)
    assert [v.endswith("✱") for v in card["unemployment_rate"]] == flags.tolist()
    assert not any(ch.isascii() and ch.isdigit() for v in card["population"] for ch in v)
    isfahan = card.loc["isfahan"]
    assert isfahan["name"] == "اصفهان" and "٬" in isfahan["population"]


def test_hover_card_difference_is_signed(panel):
    diff = panel["unemployment_rate"] - 12.0
    card = hover_card(panel, "unemployment_rate", "en", difference=diff)
    assert "diff" in card.columns and card.attrs["labels"]["diff"]
    positive = diff[diff > 0].index[0]
    assert card.at[positive, "diff"].startswith("+")
    assert set(HOVER_FIGURES) - {"unemployment_rate"} <= set(card.columns)


def test_class_legend_ranges_are_persian_and_rtl(panel):
    result = classify(panel["budget_per_capita"], "jenks", 5)
    legend = class_legend(result, list(panel.index), "fa", 1)
    assert legend.k == 5 and len(legend.colours) == 5 and len(set(legend.colours)) == 5
    for label in legend.labels:
        assert label.startswith("\u202b\u200f") and label.endswith("\u202c")
        body = label.strip("\u202b\u200f\u202c")
        lo, hi = body.split(" – ")
        assert set(lo.replace("٫", "")) <= PERSIAN_DIGITS and "٫" in lo
        assert set(hi.replace("٫", "")) <= PERSIAN_DIGITS
    assert legend.index.loc["khur_va_biabanak"] == 4  # the largest value, the top class
    english = class_legend(result, list(panel.index), "en", 1)
    assert english.labels[0] == f"{result.breaks[0]:.1f} – {result.breaks[1]:.1f}"


def _reddish(colour: str) -> bool:
    r, g = int(colour[1:3], 16), int(colour[3:5], 16)
    return r > g


def _greenish(colour: str) -> bool:
    r, g = int(colour[1:3], 16), int(colour[3:5], 16)
    return g > r


def test_diverging_classes_are_red_on_the_worse_side_and_green_on_the_better():
    values = np.array([-5.0, -4, -1, 0.5, 3, 6])
    result = classify(values, "equal", 4)
    legend = class_legend(result, list("abcdef"), "fa", 0, diverging=True, signed=True)
    first, last = legend.colours[0], legend.colours[-1]
    assert _reddish(first) and _greenish(last)  # higher is better: below red, above green
    assert "+" in legend.labels[-1]
    # unemployment: lower is better, so a county below the province is drawn green
    lower = class_legend(result, list("abcdef"), "fa", 0, diverging=True, signed=True,
                         better=BETTER["unemployment_rate"])
    assert _greenish(lower.colours[0]) and _reddish(lower.colours[-1])


def test_unemployment_difference_map_draws_lower_unemployment_green():
    """The continuous choropleth: the colour at z = −bound (lowest unemployment against
    the province) is green, at +bound red; budget per capita the other way round."""
    from analytics.panel import build_panel
    from figures.county_map import county_map
    from store.loading import load_dataset

    ds = load_dataset()
    panel = build_panel(ds.projects, ds.indicators, ds.counties)
    for measure, low_good in (("unemployment_rate", True), ("budget_per_capita", False)):
        frame = panel.copy()
        frame[measure] = frame[measure] - frame[measure].mean()
        fig, _ = county_map(frame, measure, None, "fa", diverging=True)
        bar = next(tr for tr in fig.data if tr.name == "colorbar").marker
        low, high = bar.colorscale[0][1], bar.colorscale[-1][1]  # z = −bound, z = +bound
        assert _greenish(low) is low_good and _reddish(high) is low_good, measure
        assert _reddish(low) is not low_good and _greenish(high) is not low_good, measure
        # the tiles themselves: the county furthest below is drawn in the low colour
        worst = frame[measure].idxmin()
        fills = [tr for tr in fig.data if tr.name.startswith("fill")]
        assert any(_greenish(tr.fillcolor) is low_good for tr in fills), worst
        assert bar.cmin == -bar.cmax  # centred on the reference


def test_pick_labels_drops_collisions_but_keeps_the_centre():
    labels = pd.DataFrame({"lon": [51.0, 51.01, 53.0, 51.02], "lat": [32.0, 32.0, 33.0, 32.01],
                           "text": ["بزرگ", "کوچک", "دور", "مرکز"]}, index=list("abcd"))
    priority = pd.Series({"a": 100, "b": 10, "c": 50, "d": 1})
    kept = pick_labels(labels, priority, always=["d"])
    assert list(kept.index) == ["c", "d"]  # d forced, a and b collide with it
    kept = pick_labels(labels, priority)
    assert list(kept.index) == ["a", "c"]


def test_pick_labels_wraps_long_names_at_va():
    labels = pd.DataFrame({"lon": [51.0, 55.0], "lat": [32.0, 34.0],
                           "text": ["شاهین‌شهر و میمه", "نائین"]}, index=["s", "n"])
    kept = pick_labels(labels)
    assert kept.at["s", "text"] == "شاهین‌شهر<br>و میمه" and kept.at["n", "text"] == "نائین"


def test_project_points_given_and_spread(ds):
    projects = ds.projects
    county = box(50.0, 31.0, 53.0, 34.0)
    anchors = {c: (51.5 + i * 0.01, 32.5) for i, c in enumerate(ds.counties["code"])}
    polygons = {c: county for c in ds.counties["code"]}
    pts = project_points(projects, anchors, polygons, separation=0.05)
    given = projects["lat"].notna() & projects["lon"].notna()
    assert (pts.loc[given, "placed"] == "given").all()
    assert np.allclose(pts.loc[given, "lat"], projects.loc[given, "lat"])
    spread = pts[pts["placed"] == "spread"]
    assert len(spread) == int((~given).sum())
    assert all(county.contains(Point(x, y)) for x, y in zip(spread["lon"], spread["lat"]))
    # spread points keep their distance from each other and from the given ones
    xy = np.c_[pts["lon"] * np.cos(np.radians(32.5)), pts["lat"]]
    moved = (pts["placed"] == "spread").to_numpy()
    for i in np.flatnonzero(moved):
        d = np.hypot(*(xy - xy[i]).T)
        d[i] = np.inf
        assert d.min() >= 0.05 * 0.999


def test_project_layer_one_trace_per_status(ds):
    projects = ds.projects.head(40)
    pts = pd.DataFrame({"lon": 51.0 + np.arange(40) * 0.01, "lat": 32.0, "placed": "spread"},
                       index=projects.index)
    fig = add_project_layer(go.Figure(), projects, pts, {}, "fa")
    names = {tr.name for tr in fig.data}
    statuses = set(projects["status"])
    assert len(fig.data) == len(statuses)
    for tr in fig.data:
        status = next(s for s in statuses if tr.marker.color == STATUS_COLOURS[s])
        assert tr.name == {"in_progress": "در حال اجرا", "study": "در مطالعه",
                           "completed": "تکمیل‌شده", "stalled": "متوقف", "defined": "تعریف‌شده",
                           "cancelled": "لغوشده"}[status]
    assert fig.layout.legend.x == 1 and fig.layout.showlegend
    text = json.dumps(fig.to_plotly_json()["data"], ensure_ascii=False)
    assert "کنار مرکز شهرستان" in text and "✱" in text
    assert len(names) == len(statuses)


def test_places_split_and_layer(ds):
    with_xy, without = places_with_coordinates(ds.places)
    assert len(with_xy) == len(ds.places) == 10 and without.empty  # every asset has a point
    fig = add_places_layer(go.Figure(), ds.places, {"lenjan": "لنجان"}, "fa")
    # one mark per point: assets sharing a point are one disc with their number in it,
    # drawn first; then one trace per precision, the one exact point filled and on top
    assert [tr.marker.symbol for tr in fig.data] == ["circle", "star-open", "star"]
    discs, town, exact = fig.data
    assert [len(tr.lon) for tr in fig.data] == [2, 3, 1]
    ids = [pid for tr in fig.data for mark in tr.customdata for pid in mark.split("|")]
    assert sorted(ids) == sorted(ds.places["place_id"])
    assert "مختصات دقیق" in exact.hovertext[0] and "لنجان" in exact.hovertext[0]
    # four assets share the Isfahan town point, two the Fooladshahr one: «۴» and «۲»
    assert dict(zip(discs.customdata, discs.text)) == {
        "isfahan_refinery|istt|abu_reyhan_stp|isfahan_sci_tech_zone": "<b>۴</b>",
        "fooladshahr_sez|fooladshahr_tech_pole": "<b>۲</b>"}
    assert list(discs.marker.color) == ["white", "white"]  # town points: open discs
    isfahan = discs.hovertext[0]
    assert "۴ دارایی در این نقطه" in isfahan and "نامشخص در منبع" in isfahan
    assert "پالایشگاه اصفهان" in isfahan and "نه محل خود دارایی" in isfahan
    vocational = list(town.customdata).index("zarrinshahr_vocational_schools")
    assert "هنرستان جوار صنعت" in town.hovertext[vocational]
    assert "برنامه‌ریزی‌شده" in town.hovertext[vocational]
    en = add_places_layer(go.Figure(), ds.places, {}, "en")
    assert [tr.name for tr in en.data] == ["Several assets at or near one point (number: how many)",
                                           "At the named town (approximate)", "Exact site"]
    assert [tr.legendrank for tr in en.data] == [3, 2, 1]  # legend: exact, town, several


def test_near_marks_of_one_county_merge_and_names_move_clear():
    """On a map window of the province, one county's town points whose stars would overlap
    are one mark; points of other counties, or of no stated county, never join it."""
    from figures.maps import geo_px, geo_px_per_degree, merge_near_points, names_clear_of_points

    fig = go.Figure(go.Scattergeo(lon=[51.25], lat=[32.37], text=["لنجان"], mode="text",
                                  name="labels", textfont={"size": 10}))
    fig.update_geos(lonaxis_range=[49.5, 55.7], lataxis_range=[30.6, 34.6])
    fig.update_layout(height=600, margin={"t": 30, "b": 50})
    scale = geo_px_per_degree(fig)
    assert 100 < scale < 200  # px per degree, as pick_labels reckons the province map
    spots = {(32.40, 51.30): ["a"], (32.41, 51.31): ["b"], (32.40, 51.32): ["c"],
             (32.90, 52.00): ["d"]}
    county = {(32.40, 51.30): "lenjan", (32.41, 51.31): "lenjan", (32.40, 51.32): "mobarakeh",
              (32.90, 52.00): "lenjan"}
    merged = merge_near_points(spots, scale, 13, county)
    assert list(merged.values()) == [["a", "b"], ["c"], ["d"]]
    unknown = merge_near_points(spots, scale, 13, dict.fromkeys(spots, ""))
    assert len(unknown) == 4
    # a mark right on the name: the name moves until the mark no longer covers it
    names_clear_of_points(fig, [(51.25, 32.37, 11)])
    label = fig.data[0]
    assert (label.lon[0], label.lat[0]) != (51.25, 32.37)
    lx, ly = geo_px(label.lon[0], label.lat[0], scale)
    mx, my = geo_px(51.25, 32.37, scale)
    assert abs(lx - mx) >= 0.55 * 10 * 5 / 2 + 11 or abs(ly - my) >= 1.4 * 10 / 2 + 11
    assert math.dist((lx, ly), (mx, my)) < 60  # close by, still in its county


def test_places_table_copes_with_blank_and_empty_columns():
    """A places table whose optional columns are all empty is read as float NaN: the table
    shows blanks, and a table of no places still has text columns."""
    places = pd.DataFrame({
        "place_id": ["a", "b"], "county_code": [float("nan"), "kashan"],
        "type": ["refinery", "new_kind"], "status": [float("nan"), "planned"],
        "name_fa": ["الف", "ب"], "name_en": [float("nan"), float("nan")],
        "lat": [float("nan"), 34.1], "lon": [float("nan"), 51.2],
        "coord_quality": [float("nan"), float("nan")],
        "source": ["https://example.org/a", float("nan")]})
    table = places_table(places, {"kashan": "کاشان"}, "fa")
    assert list(table.columns)[-1] == "منبع"
    assert list(table["منبع"]) == ["https://example.org/a", ""]
    assert list(table["شهرستان"]) == ["نامشخص در منبع", "کاشان"]
    assert list(table["نوع"]) == ["پالایشگاه", "new_kind"]
    assert list(table["وضعیت"]) == ["", "برنامه‌ریزی‌شده"]
    # no precision stated: never shown as exact
    assert list(table["دقت مختصات"]) == ["بدون مختصات", t("map.legend.place_town", "fa")]
    empty = places_table(places.iloc[:0], {}, "fa")
    assert empty.empty and empty["منبع"].str.startswith("http").all()
    fig = add_places_layer(go.Figure(), places, {}, "en")
    assert len(fig.data) == 1 and list(fig.data[0].customdata) == ["b"]
    assert "Source" not in fig.data[0].hovertext[0]  # a blank source is not written as «nan»


def test_tables_for_the_detail_panel(ds, panel):
    figures = dict(key_figures(panel, "isfahan", "jobs_total", "fa"))
    assert "جمعیت" in figures and any(k.startswith("اشتغال") for k in figures)
    assert all(not any(c.isascii() and c.isdigit() for c in v) for v in figures.values())
    mine = ds.projects[ds.projects["county_code"] == "lenjan"]
    table = project_table(mine, "fa")
    assert len(table) == len(mine) and list(table.columns)[0] == "عنوان"
    budgets = mine.sort_values("budget_billion_rials", ascending=False)["budget_billion_rials"]
    assert table.iloc[0, 3].translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٬", "0123456789,")) == \
        f"{budgets.iloc[0]:,.0f}"
    assert project_table(mine.iloc[:0], "fa").empty


def test_tiles_wrap_long_names_and_hexagons_contain_their_centres():
    names = pd.Series({"shahinshahr_va_meymeh": "شاهین‌شهر و میمه", "nain": "نائین"})
    tiles = tile_frame(ISFAHAN_HEX_LAYOUT, names)
    assert len(tiles) == 28
    assert tiles.at["shahinshahr_va_meymeh", "text"] == "شاهین‌شهر<br>و میمه"
    assert tiles.at["isfahan", "text"] == ""
    polygons = tile_polygons(ISFAHAN_HEX_LAYOUT)
    assert all(polygons[c].contains(Point(tiles.at[c, "x"], tiles.at[c, "y"])) for c in polygons)


def test_geo_hover_card_for_the_country():
    table = pd.DataFrame({
        "name_fa": ["آباده"], "name_en": ["Abadeh"], "area_km2": [6794.3],
        "province_fa": ["فارس"], "province_en": ["Fars"], "n_counties": [37.0]},
        index=["IR-07:osm1"])
    card = geo_hover_card(table, "n_counties", "fa", country=True)
    assert card.at["IR-07:osm1", "value"] == "۳۷"
    assert card.at["IR-07:osm1", "area"] == "۶٬۷۹۴"
    assert card.at["IR-07:osm1", "province"] == "فارس"


# --------------------------------------------------------------------------- geo.provinces


def test_province_names_from_the_provinces_file(tmp_path, monkeypatch):
    from geo.provinces import province_names, provinces

    monkeypatch.setenv("PISHRAN_CACHE_DIR", str(tmp_path / "cache"))
    counties = tmp_path / "counties"
    counties.mkdir()

    def square(x0, y0, size=1.0):
        return [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size],
                 [x0, y0]]]

    def fc(features):
        return {"type": "FeatureCollection", "features": features}

    provinces_file = tmp_path / "provinces.geojson"
    provinces_file.write_text(json.dumps(fc([
        {"type": "Feature", "properties": {"name:fa": "شمالی", "name:en": "North"},
         "geometry": {"type": "Polygon", "coordinates": square(50, 35, 4)}},
        {"type": "Feature", "properties": {"name:fa": "جنوبی", "name:en": "South"},
         "geometry": {"type": "Polygon", "coordinates": square(50, 30, 4)}},
    ])), encoding="utf-8")
    for iso, y in (("IR-01", 31), ("IR-02", 36), ("IR-03", 45)):
        (counties / f"{iso}.geojson").write_text(json.dumps(fc([
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "Polygon", "coordinates": square(51, y)}},
            {"type": "Feature", "properties": {},
             "geometry": {"type": "Point", "coordinates": [51.5, y + 0.5]}},
        ])), encoding="utf-8")
    names = province_names("fa", counties, provinces_file)
    assert names == {"IR-01": "جنوبی", "IR-02": "شمالی", "IR-03": "IR-03"}
    info = {p.iso: p for p in provinces(counties, provinces_file)}
    assert info["IR-02"].name_en == "North" and info["IR-02"].n_counties == 1
    assert info["IR-03"].lon is None
    assert province_names("en", tmp_path / "nowhere") == {}
    # second call comes from the cache directory, not from the files
    assert list((tmp_path / "cache" / "geo").glob("provinces-*.json"))


def test_pick_labels_scales_to_the_map_window_when_given():
    """Two names 0.3° apart fit when the window is just around the points; drawn in a
    window ten times wider (the province's bounds), the same pixels hold far more degrees
    and the second name is dropped."""
    labels = pd.DataFrame({"lon": [51.0, 51.0], "lat": [32.0, 32.3],
                           "text": ["اردستان", "کاشان"]}, index=["a", "k"])
    assert list(pick_labels(labels, height_px=300).index) == ["a", "k"]
    kept = pick_labels(labels, height_px=300, bounds=(48.0, 29.5, 54.0, 35.5))
    assert list(kept.index) == ["a"]


def test_group_values_are_marked_as_the_group_s_not_the_county_s(ds, panel):
    """The five units of pre-2021 Isfahan show the group's census 1395 unemployment rate
    (13.4, quality `group` in data/indicators.csv): the hover says so, with no ✱ and never as
    a bare figure; a county with its own census figure (Lenjan 18.1) is unmarked."""
    from analytics.panel import PANEL_INDICATORS
    from analytics.provenance import panel_groups
    from figures.county_map import hover_text

    groups = panel_groups(ds.indicators, panel, PANEL_INDICATORS)
    five = {"isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh"}
    assert set(groups["unemployment_rate"].index) == five
    assert groups["net_migration_rate"].empty  # sample everywhere, but no group value
    card = hover_card(panel, "unemployment_rate", "fa", groups=groups)
    for code in five:
        assert card.at[code, "value"] == "۱۳٫۴ (مقدار گروه: اصفهان پیش از ۱۴۰۰)"
    assert card.at["lenjan", "value"] == "۱۸٫۱"
    en = hover_card(panel, "urbanisation_rate", "en", groups=groups)
    assert en.at["harand", "value"] == "94 (value of group: pre-2021 Isfahan)"
    # without the group information the old ✱ (sample/estimate) mark is all there is
    assert hover_card(panel, "unemployment_rate", "fa").at["harand", "value"].endswith("✱")
    overview = hover_text(panel, "unemployment_rate", "fa", groups["unemployment_rate"])
    assert overview.at["kuhpayeh", "value"] == "۱۳٫۴ (مقدار گروه: اصفهان پیش از ۱۴۰۰)"
    assert "✱" not in overview.at["kuhpayeh", "value"]
