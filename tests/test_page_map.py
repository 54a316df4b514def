"""AppTest of the Map page: measure, classes, layers, views, scopes, county selection, URL."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from geo.cache import boundaries_available, country_files
from i18n import t as tr

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
needs_boundaries = pytest.mark.skipif(not boundaries_available(),
                                      reason="no OSM boundary file configured")
needs_country = pytest.mark.skipif(not country_files(), reason="no country boundary files")


def open_map(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/map.py")  # url path "map" = the file name: works before a first run
    return at.run()


def spec(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def widget(items, label: str):
    found = [w for w in items if w.label == label]
    assert found, f"no widget labelled {label!r}: {[w.label for w in items]}"
    return found[0]


def query(at: AppTest) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_default_map(ds_codes=None):
    at = open_map()
    assert not at.exception
    assert "نقشه" in at.title[0].value
    data = spec(at)
    main = data["data"][0]
    assert main["type"] in ("choropleth", "scatter")
    if main["type"] == "choropleth":
        assert len(main["locations"]) == 28
        assert "isfahan" in main["locations"]
    assert any(a["text"] == "© OpenStreetMap contributors"
               for a in data["layout"]["annotations"])
    assert widget(at.selectbox, "شاخص نقشه").value == "budget_per_capita"
    assert query(at) == {}


@needs_boundaries
def test_changing_the_measure_changes_the_map_and_the_url():
    at = open_map()
    before = spec(at)["data"][0]["z"]
    widget(at.selectbox, "شاخص نقشه").select("unemployment_rate").run()
    assert not at.exception
    after = spec(at)["data"][0]
    assert after["z"] != before
    assert "نرخ بیکاری" in at.subheader[0].value
    assert query(at)["measure"] == "unemployment_rate"


@needs_boundaries
def test_classification_gives_a_persian_class_legend():
    at = open_map()
    widget(at.radio, "رنگ‌بندی").set_value("jenks").run()
    widget(at.select_slider, "تعداد طبقه‌ها").set_value(4).run()
    assert not at.exception
    main = spec(at)["data"][0]
    assert main["colorbar"]["tickvals"] == [0, 1, 2, 3]
    for label in main["colorbar"]["ticktext"]:
        digits = label.strip("\u202b\u200f\u202c").replace(" – ", "").replace("٫", "")
        assert set(digits) <= set("۰۱۲۳۴۵۶۷۸۹")
    assert query(at) == {"classes": "jenks", "k": "4"}


@needs_boundaries
def test_layers_draw_projects_by_status_and_every_asset_at_its_point(ds):
    at = open_map()
    widget(at.checkbox, "پروژه‌های پیشران").check().run()
    widget(at.checkbox, "دارایی‌های توسعه").check().run()
    assert not at.exception
    data = spec(at)["data"]
    names = {t.get("name") for t in data if t["type"] == "scattergeo"}
    cluster_name = "چند دارایی در یک نقطه یا نزدیک هم (عدد: شمار)"
    assert {"در حال اجرا", "متوقف", "در شهر نام‌برده (تقریبی)", cluster_name} <= names
    assert data[-1]["name"] == "labels"  # names stay on top of the points
    assert query(at)["layers"] == "projects,places"
    # every asset of data/places.csv is drawn once: one mark per point («|» joins the
    # assets of a shared mark), never a star on a star
    places = [t for t in data if t.get("legendgroup") == "places"]
    marks = {ids: (lon, lat) for t in places
             for ids, lon, lat in zip(t["customdata"], t["lon"], t["lat"])}
    drawn = [pid for ids in marks for pid in ids.split("|")]
    assert sorted(drawn) == sorted(ds.places["place_id"]) and len(ds.places) == 10
    at_point = ds.places.set_index("place_id")[["lon", "lat"]]
    for ids, point in marks.items():  # each mark at its assets' (mean) point
        assert point == pytest.approx(tuple(at_point.loc[ids.split("|")].mean()), abs=1e-4)
    # the precision is in the legend (one trace each) and in each hover card
    town = next(t for t in places if t["name"] == "در شهر نام‌برده (تقریبی)")
    assert set(town["customdata"]) == {"mobarakeh_steel", "kashan_sez"}
    assert all("نه محل خود دارایی" in h for h in town["hovertext"])
    # the four assets at Isfahan city's point are one disc with «۴» in it; Lenjan's three
    # town points a few pixels apart (Fooladshahr ×2, Zarrinshahr — their stars overlapped
    # each other and the name «لنجان») one disc «۳», each asset's precision in its card;
    # Esfahan Steel's exact site keeps its own filled star (the legend's "exact" entry);
    # Mobarakeh Steel, near them but of another county, keeps its own star
    discs = next(t for t in places if t["name"] == cluster_name)
    marks = dict(zip(discs["customdata"], zip(discs["text"], discs["hovertext"])))
    isfahan = marks["isfahan_refinery|istt|abu_reyhan_stp|isfahan_sci_tech_zone"]
    assert isfahan[0] == "<b>۴</b>" and "۴ دارایی در این نقطه" in isfahan[1]
    lenjan = marks["fooladshahr_sez|fooladshahr_tech_pole|zarrinshahr_vocational_schools"]
    assert lenjan[0] == "<b>۳</b>" and "۳ دارایی در این نقطه و نزدیک آن" in lenjan[1]
    assert "(در شهر نام‌برده (تقریبی))" not in lenjan[1]  # one precision: said once
    assert discs["marker"]["color"] == ["white", "white"]  # town points: open discs
    exact = next(t for t in places if t["marker"]["symbol"] == "star")
    assert list(exact["customdata"]) == ["esfahan_steel"]
    assert any("نقطه شهری" in m.value for m in at.markdown)  # the note on town points
    assert not any("دارایی‌های توسعه بدون مختصات" in m.value  # every asset has a point
                   for m in at.markdown)


@pytest.fixture
def places_one_without_point(tmp_path, monkeypatch):
    """The embedded data with one asset (Kashan SEZ) whose coordinates are blanked."""
    import streamlit as st

    for name in ("counties.csv", "indicators.csv", "places.csv", "projects.csv"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    with open(tmp_path / "places.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["place_id"] == "kashan_sez":
            row.update(lat="", lon="", coord_quality="missing", coord_source="")
    with open(tmp_path / "places.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("PISHRAN_DATA_DIR", str(tmp_path))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    monkeypatch.delenv("PISHRAN_DATA_DIR")
    st.cache_resource.clear()
    st.cache_data.clear()


@needs_boundaries
def test_places_without_coordinates_are_listed_with_their_sources(places_one_without_point):
    at = open_map(layers="places")
    assert not at.exception
    places = [t for t in spec(at)["data"] if t.get("legendgroup") == "places"]
    drawn = [pid for t in places for ids in t["customdata"] for pid in ids.split("|")]
    assert len(drawn) == 9 and "kashan_sez" not in drawn
    assert any("بدون مختصات (۱)" in m.value for m in at.markdown)
    assert len(at.dataframe) == 1
    table = at.dataframe[0].value
    assert list(table["نام"]) == ["منطقه ویژه اقتصادی کاشان"]
    assert table["منبع"].iloc[0].startswith("http") and table["دقت مختصات"].iloc[0] == "بدون مختصات"


@needs_boundaries
def test_tiles_view_and_back():
    at = open_map()
    widget(at.radio, "نمایش").set_value("tiles").run()
    assert not at.exception
    tiles = next(t for t in spec(at)["data"] if t.get("name") == "tiles")
    # one invisible marker per tile: hovering/clicking gives the county code
    assert len(tiles["customdata"]) == 28 and {"isfahan", "nain"} <= set(tiles["customdata"])
    assert query(at) == {"view": "tiles"}
    widget(at.radio, "نمایش").set_value("boundaries").run()
    assert spec(at)["data"][0]["type"] == "choropleth"


@needs_boundaries
def test_tiles_view_lists_the_assets_as_not_placed_not_as_lacking_coordinates(ds):
    """On the equal tiles every asset was listed under «without coordinates», though each
    has a point: the tile view is what does not place them."""
    at = open_map(layers="places", view="tiles")
    assert not at.exception
    assert not [t for t in spec(at)["data"] if t.get("legendgroup") == "places"]
    text = " ".join(m.value for m in at.markdown)
    assert tr("map.places_tiles_list", "fa", n="۱۰") in text
    assert "بدون مختصات" not in text
    table = at.dataframe[0].value
    assert len(table) == 10 and "بدون مختصات" not in set(table["دقت مختصات"])


@needs_boundaries
def test_asset_marks_keep_the_county_names_readable(ds):
    """The Lenjan stars sat on «لنجان» and the Isfahan-city disc on «اصفهان»: a name a mark
    would cover is moved just clear of it."""
    from figures.maps import geo_px, geo_px_per_degree

    fig = spec(open_map(layers="places"))
    labels = next(t for t in fig["data"] if t.get("name") == "labels")
    places = [t for t in fig["data"] if t.get("legendgroup") == "places"]
    figure = go.Figure(fig)
    scale = geo_px_per_degree(figure)
    marks = [(*geo_px(lon, lat, scale), t["marker"]["size"] / 2)
             for t in places for lon, lat in zip(t["lon"], t["lat"])]
    font = labels["textfont"]["size"]
    for name in ("لنجان", "اصفهان"):
        i = next(k for k, text in enumerate(labels["text"]) if text.strip("\u202b\u200f\u202c") == name)
        cx, cy = geo_px(labels["lon"][i], labels["lat"][i], scale)
        w, h = 0.55 * font * len(name) / 2, 1.4 * font / 2
        for mx, my, r in marks:  # no mark's box touches the name's box
            assert abs(mx - cx) >= w + r or abs(my - cy) >= h + r, name


@needs_boundaries
def test_diff_from_province_value_is_diverging():
    at = open_map(measure="unemployment_rate")
    widget(at.toggle, "تفاوت با مقدار استان").set_value(True).run()
    assert not at.exception
    main = spec(at)["data"][0]
    assert main["zmin"] == -main["zmax"]
    assert any("مقدار کل استان" in m.value for m in at.markdown)
    assert query(at)["diff"] == "1"


@needs_boundaries
def test_choosing_a_county_shows_its_detail_and_outline():
    at = open_map()
    # no county yet: the box says so in the page's language, not Streamlit's English
    assert widget(at.selectbox, "شهرستان انتخاب‌شده").placeholder == "— هیچ‌کدام —"
    widget(at.selectbox, "شهرستان انتخاب‌شده").select("nain").run()
    assert not at.exception
    assert any("نائین" in s.value for s in at.subheader)
    labels = [m.label for m in at.metric]
    assert "جمعیت" in labels and "پروژه‌های پیشران" in labels
    main = spec(at)["data"][0]
    assert main["locations"][-1] == "nain"
    assert query(at)["county"] == "nain"
    assert at.session_state["page:county"] == "nain"  # the County page opens on it
    assert len(at.dataframe) == 1  # its projects


@needs_country
def test_whole_country_scope():
    at = open_map()
    widget(at.selectbox, "گستره نقشه").select("country").run()
    assert not at.exception
    data = spec(at)
    assert len(data["data"][0]["locations"]) == 478
    assert widget(at.selectbox, "شاخص نقشه").value == "area_km2"
    assert query(at) == {"scope": "country"}
    labels = next(t for t in data["data"] if t.get("name") == "labels")
    assert "اصفهان" in labels["text"] and "فارس" in labels["text"]  # province names
    names = [t.get("name") for t in data["data"]]
    assert "borders" in names and names.index("borders") < names.index("labels")
    assert len(json.dumps(data, ensure_ascii=False).encode()) < 2_000_000


@needs_country
def test_whole_country_tiles_are_a_few_traces():
    at = open_map(scope="country", view="tiles")
    assert not at.exception
    data = spec(at)["data"]
    assert len(data) < 40  # not one trace per county
    tiles = next(t for t in data if t.get("name") == "tiles")
    assert len(tiles["customdata"]) == 478
    assert all("مساحت" in text for text in tiles["text"])
    assert query(at) == {"scope": "country", "view": "tiles"}
    # issue 16: the country tiles are labelled with province names (counties on hover)
    names = next(t for t in data if t.get("name") == "group_labels")["text"]
    assert "اصفهان" in names and "تهران" in names and len(names) >= 20
    isfahan_counties = [text for text in tiles["text"] if "نائین" in text]
    assert isfahan_counties  # a county's name is on its hover card


@needs_country
def test_another_province_shows_osm_areas():
    at = open_map(scope="IR-07", county="bad")
    assert not at.exception
    main = spec(at)["data"][0]
    assert len(main["locations"]) == 37 and all(c.startswith("osm") for c in main["locations"])
    assert "مساحت" in main["hovertemplate"]
    assert at.warning  # the unknown county in the link is reported
    code = main["locations"][0]
    widget(at.selectbox, "شهرستان انتخاب‌شده").select(code).run()
    assert any(m.label == "استان" and m.value == "فارس" for m in at.metric)
    assert query(at) == {"scope": "IR-07", "county": code}


@needs_boundaries
def test_url_round_trip_restores_every_widget():
    params = {"measure": "unemployment_rate", "classes": "quantile", "k": "6",
              "view": "tiles", "layers": "projects", "county": "lenjan", "diff": "1"}
    at = open_map(**params)
    assert not at.exception
    assert not at.warning
    assert widget(at.selectbox, "شاخص نقشه").value == "unemployment_rate"
    assert widget(at.radio, "رنگ‌بندی").value == "quantile"
    assert widget(at.select_slider, "تعداد طبقه‌ها").value == 6
    assert widget(at.radio, "نمایش").value == "tiles"
    assert widget(at.checkbox, "پروژه‌های پیشران").value is True
    assert widget(at.checkbox, "دارایی‌های توسعه").value is False
    assert widget(at.toggle, "تفاوت با مقدار استان").value is True
    assert widget(at.selectbox, "شهرستان انتخاب‌شده").value == "lenjan"
    assert query(at) == params
    # and a fresh session opened with the URL the page wrote shows the same
    again = open_map(**query(at))
    assert query(again) == params
    assert [w.value for w in again.radio] == [w.value for w in at.radio]


@pytest.mark.parametrize("bad", [{"scope": "IR-99"}, {"classes": "kmeans"}, {"k": "12"},
                                 {"view": "3d"}, {"layers": "projects,evil"},
                                 {"measure": "../../etc"}, {"diff": "yes"}])
def test_tampered_links_fall_back_with_a_notice(bad):
    at = open_map(**bad)
    assert not at.exception
    assert at.warning
    assert spec(at)["data"]


def test_english_page():
    at = open_map(lang="en", classes="equal")
    assert not at.exception
    assert "Map" in at.title[0].value
    ticks = spec(at)["data"][0].get("colorbar", {}).get("ticktext") or []
    assert all(not any("۰" <= ch <= "۹" for ch in t) for t in ticks)


def test_without_boundaries_the_page_shows_tiles(monkeypatch, tmp_path):
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "missing.geojson"))
    from ui import data

    data.province_geometry.clear()
    try:
        at = open_map()
        assert not at.exception
        assert any("PISHRAN_BOUNDARIES" in i.value for i in at.info)
        tiles = next(t for t in spec(at)["data"] if t.get("name") == "tiles")
        assert len(tiles["customdata"]) == 28
        assert widget(at.radio, "نمایش").value == "tiles"
    finally:
        data.province_geometry.clear()


@needs_boundaries
def test_measure_is_shared_with_the_overview_and_county_link():
    at = open_map()
    widget(at.selectbox, "شاخص نقشه").select("literacy_rate").run()
    widget(at.selectbox, "شهرستان انتخاب‌شده").select("lenjan").run()
    links = at.get("page_link")
    if (Path(APP).parent / "pages" / "county.py").exists() and links:
        assert links[0].proto.query_string == "county=lenjan"
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert at.selectbox[0].value == "literacy_rate"
    at.switch_page("pages/map.py").run()
    assert not at.exception
    assert widget(at.selectbox, "شاخص نقشه").value == "literacy_rate"
    assert widget(at.selectbox, "شهرستان انتخاب‌شده").value == "lenjan"
