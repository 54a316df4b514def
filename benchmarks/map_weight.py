"""How heavy are the maps?  Raw OSM boundaries vs the simplified GeoJSON the app embeds.

Measures, for the province file (IR-10) and for the whole country (all IR-*.geojson):
raw GeoJSON bytes and vertices, the coverage-simplified FeatureCollection's bytes and
vertices for a few (tolerance, precision) pairs, whether the simplified polygons — and the
rounded coordinates actually shipped — still form a gap- and overlap-free coverage, build
and cache timings, and the JSON size of a minimal Plotly figure around the geometry.

    .venv/bin/python benchmarks/map_weight.py [--json]

Reads the boundary files from ``geo.config`` (PISHRAN_BOUNDARIES /
PISHRAN_COUNTRY_BOUNDARIES) and writes nothing to the project: its cache goes to a
temporary directory.  Targets: province figure JSON ≤ 5 % of the raw file, zero gaps and
overlaps; national figure (478 counties) ≤ 2 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import cache  # noqa: E402
from geo.boundaries import read_boundaries  # noqa: E402
from geo.config import boundaries_path, country_dir, project_root  # noqa: E402
from geo.geometry import coverage_report, simplify_coverage, vertex_count  # noqa: E402
from geo.matching import codes_for_unknown  # noqa: E402
from geo.plotly_geojson import (  # noqa: E402
    feature_collection_bytes,
    feature_collection_vertices,
    to_feature_collection,
)

PROVINCE_SWEEP = [(0.01, 4), (0.01, 3), (0.02, 3), (0.03, 3), (0.04, 3), (0.05, 2), (0.06, 2),
                  (0.08, 2)]
COUNTRY_SWEEP = [(0.005, 3), (0.01, 3), (0.02, 3)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def _shipped_coverage(fc: dict) -> tuple[bool, int]:
    """(valid coverage, invalid polygons) of the rounded geometry in ``fc``."""
    geoms = np.array([shape(f["geometry"]) for f in fc["features"]], dtype=object)
    invalid = int((~shapely.is_valid(geoms)).sum())
    return bool(shapely.coverage_is_valid(geoms)) and invalid == 0, invalid


def _utf8_json_bytes(fig) -> int:
    """Figure JSON bytes without \\uXXXX escapes for non-ASCII text — what plotly's
    ``orjson`` engine produces (the default ``json`` engine escapes each Persian letter
    into 6 bytes)."""
    from _plotly_utils.utils import PlotlyJSONEncoder

    text = json.dumps(fig.to_plotly_json(), cls=PlotlyJSONEncoder, separators=(",", ":"),
                      ensure_ascii=False)
    return len(text.encode("utf-8"))


def _figure_bytes(fc: dict, codes: list[str], labels: pd.DataFrame | None) -> dict[str, int]:
    """JSON bytes of minimal figures around ``fc``: one value and a Persian hover text per
    county (+ Persian name labels), ``template="none"``; also with plotly's default
    template and with UTF-8 text."""
    import plotly.graph_objects as go

    z = list(range(len(codes)))
    hover = [f"<b>شهرستان {i}</b><br>شاخص: {i}٫۵" for i in z]
    out = {}
    for name, trace in (
        ("choropleth_map", go.Choroplethmap(geojson=fc, locations=codes, featureidkey="id",
                                            z=z, text=hover, hovertemplate="%{text}")),
        ("choropleth_geo", go.Choropleth(geojson=fc, locations=codes, featureidkey="id",
                                         z=z, text=hover, hovertemplate="%{text}")),
    ):
        fig = go.Figure(trace)
        if labels is not None:
            cls = go.Scattermap if name == "choropleth_map" else go.Scattergeo
            fig.add_trace(cls(lon=labels["lon"], lat=labels["lat"], text=labels["name"],
                              mode="text"))
        fig.update_layout(template="none", map_style="white-bg")
        out[name] = len(fig.to_json().encode("utf-8"))
        out[name + " (utf-8 text)"] = _utf8_json_bytes(fig)
        fig.update_layout(template="plotly")
        out[name + " (default template)"] = len(fig.to_json().encode("utf-8"))
    return out


def _project_figure_bytes(province) -> dict[str, int] | None:
    """Bytes of the project's own county choropleth (figures.maps), if importable."""
    try:
        from figures.maps import choropleth
    except Exception:  # another engineer's module may be mid-change
        return None
    codes = province.codes
    frame = pd.DataFrame({"value": np.arange(len(codes), dtype=float),
                          "name_fa": province.labels["name"].tolist()}, index=codes)
    labels = province.labels.set_index("code")[["lon", "lat"]].assign(text=frame["name_fa"])
    hover = pd.Series([f"<b>{n}</b><br>{v}" for n, v in zip(frame["name_fa"], frame["value"],
                                                            strict=True)], index=codes)
    try:
        fig = choropleth(province.feature_collection, frame, "value", "fa", None, hover, labels)
    except Exception:
        return None
    spec = json.loads(fig.to_json())
    template = spec.get("layout", {}).get("template")
    return {
        "total": len(fig.to_json().encode("utf-8")),
        "total (utf-8 text)": _utf8_json_bytes(fig),
        "geojson in traces": sum(len(json.dumps(t["geojson"], separators=(",", ":")))
                                 for t in spec["data"] if "geojson" in t),
        "layout.template": len(json.dumps(template, separators=(",", ":"))) if template else 0,
    }


def _sweep(gdf, sweep, raw_bytes: int, per_county: bool) -> list[dict]:
    """Simplify ``gdf`` at each (tolerance, precision) of ``sweep``: bytes, vertices and the
    coverage checks of the shipped feature collection (``per_county``: also the fewest
    vertices of one county)."""
    rows = []
    for tolerance, precision in sweep:
        simplified, t_simplify = _timed(simplify_coverage, gdf, tolerance)
        fc = to_feature_collection(simplified, precision=precision)
        report = coverage_report(simplified)
        shipped_ok, _ = _shipped_coverage(fc)
        size = feature_collection_bytes(fc)
        row = {
            "tolerance": tolerance, "precision": precision, "fc_bytes": size,
            "pct_of_raw": round(100 * size / raw_bytes, 2),
            "vertices": feature_collection_vertices(fc),
        }
        if per_county:
            row["min_vertices_per_county"] = int(shapely.get_num_coordinates(
                simplified.geometry.values).min())
        row.update({
            "gaps": report.holes, "overlaps": report.overlap_pairs,
            "coverage_valid": report.valid, "shipped_coverage_valid": shipped_ok,
            "simplify_ms": round(t_simplify * 1000, 1),
        })
        rows.append(row)
    return rows


def province_rows(path: Path) -> dict:
    raw_bytes = path.stat().st_size
    gdf, t_read = _timed(read_boundaries, path)
    gdf = codes_for_unknown(gdf)
    before = coverage_report(gdf)
    rows = _sweep(gdf, PROVINCE_SWEEP, raw_bytes, per_county=True)
    return {"path": str(path), "raw_bytes": raw_bytes, "features": len(gdf),
            "raw_vertices": vertex_count(gdf), "raw_coverage_clean": before.clean,
            "read_ms": round(t_read * 1000, 1), "sweep": rows}


def country_rows(folder: Path) -> dict:
    files = sorted(folder.glob("IR-*.geojson"))
    raw_bytes = sum(f.stat().st_size for f in files)
    start = time.perf_counter()
    frames = [codes_for_unknown(read_boundaries(f), prefix=f"{f.stem}:").assign(province=f.stem)
              for f in files]
    t_read = time.perf_counter() - start
    gdf = pd.concat(frames, ignore_index=True)
    rows = _sweep(gdf, COUNTRY_SWEEP, raw_bytes, per_county=False)
    # The alternative: simplify each province on its own, then put them together.
    tolerance = cache.COUNTRY_TOLERANCE
    parts = [simplify_coverage(f, tolerance) for f in frames]
    per_province = coverage_report(pd.concat(parts, ignore_index=True).set_crs(
        "EPSG:4326", allow_override=True))
    return {"files": len(files), "raw_bytes": raw_bytes, "features": len(gdf),
            "raw_vertices": vertex_count(gdf), "read_ms": round(t_read * 1000, 1),
            "sweep": rows,
            "per_province_simplification": {
                "tolerance": tolerance, "invalid_edges": per_province.invalid_edges,
                "gaps": per_province.holes, "overlaps": per_province.overlap_pairs}}


def loader_timings(counties: pd.DataFrame | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="pishran-bench-") as tmp:
        os.environ["PISHRAN_CACHE_DIR"] = tmp
        cache.clear_memory_cache()
        out: dict = {}
        province, out["province_cold_ms"] = _timed(cache.load_province, None, counties)
        cache.clear_memory_cache()
        _, out["province_disk_ms"] = _timed(cache.load_province, None, counties)
        _, out["province_memory_ms"] = _timed(cache.load_province, None, counties)
        out["province_fc_bytes"] = feature_collection_bytes(province.feature_collection)
        out["province_defaults"] = (cache.PROVINCE_TOLERANCE, cache.PROVINCE_PRECISION)
        out["province_figures"] = _figure_bytes(province.feature_collection, province.codes,
                                                province.labels)
        out["project_choropleth_bytes"] = _project_figure_bytes(province)
        if country_dir().is_dir():
            country, out["country_cold_ms"] = _timed(cache.load_country)
            cache.clear_memory_cache()
            _, out["country_disk_ms"] = _timed(cache.load_country)
            _, out["country_memory_ms"] = _timed(cache.load_country)
            out["country_fc_bytes"] = feature_collection_bytes(country.feature_collection)
            out["country_defaults"] = (cache.COUNTRY_TOLERANCE, cache.COUNTRY_PRECISION)
            out["country_figures"] = _figure_bytes(country.feature_collection, country.codes,
                                                   None)
            out["country_coverage_clean"] = country.coverage.clean
        cache.clear_memory_cache()
    for key, value in list(out.items()):
        if key.endswith("_ms"):
            out[key] = round(value * 1000, 1)
    return out


def _print_sweep(title: str, data: dict) -> None:
    print(f"\n{title}: {data['features']} counties, raw {data['raw_bytes']:,} B, "
          f"{data['raw_vertices']:,} vertices, read {data['read_ms']:,} ms")
    print(f"{'tol':>6} {'dec':>3} {'FC bytes':>10} {'% raw':>6} {'vertices':>9} "
          f"{'gaps':>4} {'ovl':>4} {'valid':>5} {'shipped':>7} {'simplify':>9}")
    for r in data["sweep"]:
        print(f"{r['tolerance']:>6} {r['precision']:>3} {r['fc_bytes']:>10,} "
              f"{r['pct_of_raw']:>6} {r['vertices']:>9,} {r['gaps']:>4} {r['overlaps']:>4} "
              f"{r['coverage_valid']!s:>5} {r['shipped_coverage_valid']!s:>7} "
              f"{r['simplify_ms']:>7} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    result: dict = {}
    path = boundaries_path()
    if not path.is_file():
        print(f"no boundary file at {path}; nothing to measure", file=sys.stderr)
        return 1
    result["province"] = province_rows(path)
    if cache.country_files():
        result["country"] = country_rows(country_dir())
    table = project_root() / "data" / "counties.csv"
    shared = project_root().parent / "shared" / "data" / "counties.csv"
    counties = None
    for candidate in (table, shared):
        try:
            counties = pd.read_csv(candidate)
            if "code" in counties.columns:
                break
        except (OSError, ValueError):
            counties = None
    result["loader"] = loader_timings(counties)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    _print_sweep("Province " + Path(result["province"]["path"]).stem, result["province"])
    if "country" in result:
        _print_sweep(f"Country ({result['country']['files']} files, one national coverage)",
                     result["country"])
        alt = result["country"]["per_province_simplification"]
        print(f"  province-by-province instead (tol {alt['tolerance']}): "
              f"{alt['invalid_edges']} polygons with unmatched edges, {alt['gaps']} gaps, "
              f"{alt['overlaps']} overlapping pairs")
    loader = result["loader"]
    raw = result["province"]["raw_bytes"]
    print(f"\nload_province defaults tol/dec {loader['province_defaults']}: "
          f"FC {loader['province_fc_bytes']:,} B ({100 * loader['province_fc_bytes'] / raw:.1f} %"
          f" of raw); cold {loader['province_cold_ms']} ms, disk cache "
          f"{loader['province_disk_ms']} ms, memory {loader['province_memory_ms']} ms")
    for name, size in loader["province_figures"].items():
        print(f"  figure {name:<36} {size:>9,} B  ({100 * size / raw:.1f} % of raw)")
    for name, size in (loader.get("project_choropleth_bytes") or {}).items():
        print(f"  project figures.maps.choropleth: {name:<22} {size:>9,} B  "
              f"({100 * size / raw:.1f} % of raw)")
    if "country_fc_bytes" in loader:
        print(f"load_country defaults tol/dec {loader['country_defaults']}: "
              f"FC {loader['country_fc_bytes']:,} B; cold {loader['country_cold_ms']} ms, "
              f"disk cache {loader['country_disk_ms']} ms, memory "
              f"{loader['country_memory_ms']} ms; clean coverage "
              f"{loader['country_coverage_clean']}")
        for name, size in loader["country_figures"].items():
            print(f"  figure {name:<36} {size:>9,} B")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
