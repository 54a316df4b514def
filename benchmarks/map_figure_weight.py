"""How heavy is the Map page's figure?  The JSON Streamlit sends (``fig.to_json()``, orjson,
UTF-8) for the province map as the page draws it by default, against the raw OSM file.

Targets (issue 4): the province map's figure JSON ≤ 5 % of the raw GeoJSON's bytes with zero
gaps and overlaps between counties (``coverage_report`` of the simplified geometry, and the
rounded coordinates actually shipped must still form a valid coverage); the 478-county
national figure ≤ 2 MB.

    .venv/bin/python benchmarks/map_figure_weight.py [--json]

The figures are built by ``figures.map_layers.scope_map`` — the function the page calls —
on the embedded data.  Also shown: what each part of the JSON weighs, other views of the
same map (classes, layers, English, tiles) and a tolerance sweep.  Geometry caches go to a
temporary directory (nothing is written to the project).  Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
from machine import cpu_model  # benchmarks/machine.py (the script's folder)
from shapely.geometry import shape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PROVINCE_TARGET = 0.05
COUNTRY_TARGET = 2_000_000
SWEEP = [0.05, 0.06, 0.07, 0.08]


def machine() -> str:
    cpu = cpu_model()
    import plotly

    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores {cpu}, "
            f"Python {platform.python_version()}, plotly {plotly.__version__}")


def shipped_coverage_ok(fc: dict) -> bool:
    geoms = np.array([shape(f["geometry"]) for f in fc["features"]], dtype=object)
    return bool(shapely.coverage_is_valid(geoms)) and bool(shapely.is_valid(geoms).all())


def parts(spec: dict) -> dict[str, int]:
    """Bytes of the JSON's parts (compact UTF-8, as orjson writes them)."""

    def size(value) -> int:
        return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())

    out: dict[str, int] = {}
    for trace in spec["data"]:
        name = trace.get("name") or trace["type"]
        for key, value in trace.items():
            group = key if key in ("geojson", "customdata", "hovertemplate", "locations", "z",
                                   "text", "lon", "lat", "marker", "colorbar") else "other"
            label = f"{name}.{group}"
            out[label] = out.get(label, 0) + size(value)
    out["layout"] = size(spec["layout"])
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def build_province(lang: str = "fa", method: str = "continuous", layers: bool = False,
                   tiles: bool = False, tolerance: float | None = None):
    from analytics.classify import classify
    from analytics.panel import build_panel
    from figures.map_layers import (
        add_places_layer,
        add_project_layer,
        class_legend,
        county_polygons,
        hover_card,
        project_points,
        scope_map,
    )
    from geo.cache import PROVINCE_TOLERANCE, load_province
    from geo.tiles import ISFAHAN_HEX_LAYOUT
    from store.loading import load_dataset

    ds = load_dataset()
    panel = build_panel(ds.projects, ds.indicators, ds.counties)
    geometry = load_province(counties_df=ds.counties,
                             tolerance=PROVINCE_TOLERANCE if tolerance is None else tolerance)
    measure = "budget_per_capita"
    codes = list(panel.index)
    names = panel["name_fa" if lang == "fa" else "name_en"]
    start = time.perf_counter()
    classes = None
    if method != "continuous":
        classes = class_legend(classify(panel[measure].to_numpy(), method, 5), codes, lang, 1)
    fig = scope_map(codes=codes, values=panel[measure], hover=hover_card(panel, measure, lang),
                    names=names, lang=lang, geometry=None if tiles else geometry,
                    tile_layout=ISFAHAN_HEX_LAYOUT if tiles else None, classes=classes,
                    centre=ds.centre_code, label_priority=geometry.areas_km2)
    if layers and not tiles:
        seats = ds.counties.set_index("code")[["seat_lon", "seat_lat"]].astype(float)
        labels = geometry.labels.set_index("code")
        anchors = {c: ((seats.at[c, "seat_lon"], seats.at[c, "seat_lat"])
                       if seats.loc[c].notna().all() else (labels.at[c, "lon"], labels.at[c, "lat"]))
                   for c in codes}
        pts = project_points(ds.projects, anchors, county_polygons(geometry.feature_collection))
        add_project_layer(fig, ds.projects, pts, dict(zip(codes, names)), lang)
        add_places_layer(fig, ds.places, dict(zip(codes, names)), lang)
    built = time.perf_counter()
    text = fig.to_json()
    done = time.perf_counter()
    return geometry, text, (built - start) * 1000, (done - built) * 1000


def build_country():
    from figures.map_layers import geo_hover_card, scope_map
    from geo.cache import load_country
    from geo.provinces import county_table, provinces

    start = time.perf_counter()
    country = load_country()
    infos = provinces()
    loaded = time.perf_counter()
    table = county_table(country, infos)
    import pandas as pd

    labels = pd.DataFrame([{"code": p.iso, "lon": p.lon, "lat": p.lat, "text": p.name_fa}
                           for p in infos if p.lon is not None]).set_index("code")
    fig = scope_map(codes=list(table.index), values=table["area_km2"],
                    hover=geo_hover_card(table, "area_km2", "fa", True), names=table["name_fa"],
                    lang="fa", geometry=country, label_points=labels,
                    label_priority=pd.Series({p.iso: p.n_counties for p in infos}))
    built = time.perf_counter()
    text = fig.to_json()
    return country, text, (loaded - start) * 1000, (built - loaded) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    from geo import cache
    from geo.config import boundaries_path

    raw_path = boundaries_path()
    if not raw_path.is_file():
        print(f"no boundary file at {raw_path}; nothing to measure", file=sys.stderr)
        return 1
    result: dict = {"machine": machine(), "raw_file": str(raw_path),
                    "raw_bytes": raw_path.stat().st_size}
    ok = True
    with tempfile.TemporaryDirectory(prefix="pishran-mapweight-") as tmp:
        os.environ["PISHRAN_CACHE_DIR"] = tmp
        cache.clear_memory_cache()
        build_province()  # warm-up: imports, Plotly validators, geometry cache
        geometry, text, build_ms, json_ms = build_province()
        size = len(text.encode("utf-8"))
        shipped = shipped_coverage_ok(geometry.feature_collection)
        province = {
            "tolerance": geometry.tolerance, "precision": geometry.precision,
            "figure_bytes": size, "pct_of_raw": round(100 * size / result["raw_bytes"], 2),
            "gaps": geometry.coverage.holes, "overlaps": geometry.coverage.overlap_pairs,
            "coverage_valid": geometry.coverage.valid, "shipped_coverage_valid": shipped,
            "vertices": geometry.coverage.vertices,
            "build_ms": round(build_ms, 1), "to_json_ms": round(json_ms, 1),
            "parts": parts(json.loads(text)),
        }
        province["meets_target"] = (size <= PROVINCE_TARGET * result["raw_bytes"]
                                    and province["gaps"] == 0 and province["overlaps"] == 0
                                    and shipped)
        ok &= province["meets_target"]
        result["province"] = province
        variants = {}
        for label, kwargs in (("classed (natural breaks, 5)", {"method": "jenks"}),
                              ("English", {"lang": "en"}),
                              ("layers: projects + assets", {"layers": True}),
                              ("equal tiles", {"tiles": True})):
            _, vtext, _, _ = build_province(**kwargs)
            variants[label] = len(vtext.encode("utf-8"))
        result["variants"] = variants
        sweep = []
        for tolerance in SWEEP:
            g, stext, _, _ = build_province(tolerance=tolerance)
            sweep.append({"tolerance": tolerance, "figure_bytes": len(stext.encode("utf-8")),
                          "pct_of_raw": round(100 * len(stext.encode()) / result["raw_bytes"], 2),
                          "gaps": g.coverage.holes, "overlaps": g.coverage.overlap_pairs,
                          "shipped_coverage_valid": shipped_coverage_ok(g.feature_collection)})
        result["sweep"] = sweep
        if cache.country_files():
            country, ctext, load_ms, cbuild_ms = build_country()
            csize = len(ctext.encode("utf-8"))
            result["country"] = {
                "counties": len(country.codes), "figure_bytes": csize,
                "raw_bytes": sum(f.stat().st_size for f in cache.country_files()),
                "gaps": country.coverage.holes, "overlaps": country.coverage.overlap_pairs,
                "load_ms_cold": round(load_ms, 1), "build_ms": round(cbuild_ms, 1),
                "meets_target": csize <= COUNTRY_TARGET,
            }
            ok &= result["country"]["meets_target"]
        cache.clear_memory_cache()
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0 if ok else 1
    raw = result["raw_bytes"]
    p = result["province"]
    print(f"machine: {result['machine']}")
    print(f"raw province file {Path(result['raw_file']).name}: {raw:,} B")
    print(f"province map (default view, tolerance {p['tolerance']}, {p['precision']} decimals): "
          f"{p['figure_bytes']:,} B = {p['pct_of_raw']} % of raw "
          f"(target ≤ {PROVINCE_TARGET:.0%} = {PROVINCE_TARGET * raw:,.0f} B) — "
          f"{'OK' if p['meets_target'] else 'MISSED'}")
    print(f"  coverage: {p['gaps']} gaps, {p['overlaps']} overlaps, valid {p['coverage_valid']}, "
          f"shipped (rounded) valid {p['shipped_coverage_valid']}, {p['vertices']} vertices; "
          f"build {p['build_ms']} ms, to_json {p['to_json_ms']} ms")
    for name, nbytes in p["parts"].items():
        print(f"    {name:<32} {nbytes:>7,} B")
    print("  other views of the same map:")
    for name, nbytes in result["variants"].items():
        print(f"    {name:<32} {nbytes:>9,} B ({100 * nbytes / raw:.1f} % of raw)")
    print("  tolerance sweep (default view):")
    for row in result["sweep"]:
        print(f"    tol {row['tolerance']:<5} {row['figure_bytes']:>7,} B ({row['pct_of_raw']} %), "
              f"gaps {row['gaps']}, overlaps {row['overlaps']}, "
              f"shipped valid {row['shipped_coverage_valid']}")
    if "country" in result:
        c = result["country"]
        print(f"country map ({c['counties']} counties, raw {c['raw_bytes']:,} B): "
              f"{c['figure_bytes']:,} B (target ≤ {COUNTRY_TARGET:,} B) — "
              f"{'OK' if c['meets_target'] else 'MISSED'}; gaps {c['gaps']}, overlaps "
              f"{c['overlaps']}; load (cold) {c['load_ms_cold']:,} ms, build {c['build_ms']} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
