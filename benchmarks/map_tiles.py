"""How long does the Map page's country view take to build, and how heavy is it?

Times ``figures.map_layers.scope_map`` — the function the page calls — for the whole
country (478 counties, measure ``area_km2``, hover cards with area and province) in its two
views:

* **tiles** — the equal-tile (hexagon) cartogram, continuous colours and 5 quantile classes,
  with province borders (as the page draws it);
* **boundaries** — the choropleth with province borders and province names;

and, for each, ``fig.to_json()`` (what Streamlit serialises on every rerun) and the JSON's
size and trace count.  Geometry, the county table, the hover card and the tile layout are
prepared once beforehand (the page caches them with ``st.cache_resource``); the timed part is
what a rerun recomputes.  Median of ``--repeat`` runs, wall-clock and process CPU time (the
machine's cores are shared, so CPU time is the steadier number).  Geometry caches go to a
temporary directory unless ``--keep-cache``.

``--page`` also times a full rerun of the Map page under Streamlit's ``AppTest``
(``?scope=country&view=tiles`` and ``?scope=country``; caches warm, nothing changed).

``--layout`` also compares the country's automatic hex layout before and after the local
search (``auto_hex_layout(..., improve=False)`` — the greedy matching alone, as the page had
it — against ``groups=`` provinces): provinces split into more than one piece, extra pieces,
holes (empty cells enclosed by tiles), pieces of the whole cartogram, tile sides not shared
with a tile of the same province, mean and max displacement in cells, the cost the search
lowers and the time to compute the layout.

    .venv/bin/python benchmarks/map_tiles.py [--repeat 7] [--page] [--layout] [--json]

Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(fn, repeat: int) -> tuple[float, float, object]:
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, out


def measure(repeat: int) -> dict:
    import pandas as pd

    from analytics.classify import classify
    from figures.map_layers import class_legend, geo_hover_card, scope_map
    from geo.cache import load_country
    from geo.provinces import county_table, provinces
    from geo.tiles import hex_layout_for

    country = load_country()
    infos = provinces()
    table = county_table(country, infos)
    codes = list(table.index)
    hover = geo_hover_card(table, "area_km2", "fa", True)
    names = table["name_fa"].astype(str)
    points = {row.code: (row.lon, row.lat) for row in country.labels.itertuples()}
    layout = hex_layout_for(codes, points, table["province"].to_dict())
    labels = pd.DataFrame([{"code": p.iso, "lon": p.lon, "lat": p.lat, "text": p.name_fa}
                           for p in infos if p.lon is not None]).set_index("code")
    priority = pd.Series({p.iso: p.n_counties for p in infos})
    values = table["area_km2"].astype(float)
    quantile = class_legend(classify(values.to_numpy(), "quantile", 5), codes, "fa", 0)
    selected = codes[len(codes) // 2]

    cases = {
        "tiles (continuous)": lambda: scope_map(
            codes=codes, values=values, hover=hover, names=names, lang="fa",
            tile_layout=layout, selected=selected, groups=table["province"]),
        "tiles (5 quantile classes)": lambda: scope_map(
            codes=codes, values=values, hover=hover, names=names, lang="fa",
            tile_layout=layout, classes=quantile, selected=selected, groups=table["province"]),
        "boundaries (continuous)": lambda: scope_map(
            codes=codes, values=values, hover=hover, names=names, lang="fa",
            geometry=country, label_points=labels, label_priority=priority,
            selected=selected),
    }
    out: dict = {}
    for label, build in cases.items():
        build()  # warm-up: Plotly validators, memoised lean collections
        build_wall, build_cpu, fig = _timed(build, repeat)
        json_wall, json_cpu, text = _timed(fig.to_json, repeat)
        out[label] = {
            "build_ms_wall": round(build_wall, 1), "build_ms_cpu": round(build_cpu, 1),
            "to_json_ms_wall": round(json_wall, 1), "to_json_ms_cpu": round(json_cpu, 1),
            "figure_bytes": len(text.encode("utf-8")), "traces": len(fig.data),
        }
    return out


def layout_quality(repeat: int) -> dict:
    """The country's hex layout: greedy matching alone (before) vs with the local search."""
    from geo.cache import load_country
    from geo.provinces import county_table, provinces
    from geo.tiles import (
        auto_hex_layout,
        group_border,
        group_pieces,
        hex_displacement,
        hex_holes,
        layout_cost,
    )

    country = load_country()
    table = county_table(country, provinces())
    points = {row.code: (row.lon, row.lat) for row in country.labels.itertuples()}
    points = {code: points[code] for code in table.index}
    groups = table["province"].to_dict()
    out = {}
    for label, kwargs in (("greedy (before)", {"improve": False}),
                          ("local search (after)", {"groups": groups})):
        wall, cpu, layout = _timed(lambda kwargs=kwargs: auto_hex_layout(points, **kwargs), repeat)
        pieces = group_pieces(layout, groups)
        moved = hex_displacement(layout, points)
        out[label] = {
            "split_provinces": sum(n > 1 for n in pieces.values()),
            "extra_pieces": sum(n - 1 for n in pieces.values()),
            "holes": len(hex_holes(layout.values())),
            "cartogram_pieces": sum(group_pieces(layout, dict.fromkeys(layout, "")).values()),
            "border_sides": group_border(layout, groups),
            "mean_displacement": round(sum(moved.values()) / len(moved), 3),
            "max_displacement": round(max(moved.values()), 2),
            "cost": round(layout_cost(layout, points, groups), 1),
            "layout_ms_wall": round(wall, 1), "layout_ms_cpu": round(cpu, 1),
        }
    return out


def page_reruns(repeat: int) -> dict:
    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).resolve().parent.parent / "app.py")
    out = {}
    for label, query in (("page rerun: country tiles", {"scope": "country", "view": "tiles"}),
                         ("page rerun: country boundaries", {"scope": "country"})):
        at = AppTest.from_file(app, default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        at.switch_page("pages/map.py")
        at.run()
        if at.exception:
            raise RuntimeError(f"{label}: {at.exception}")
        wall, cpu, _ = _timed(at.run, repeat)
        spec = at.get("plotly_chart")[0].proto.spec
        out[label] = {"rerun_ms_wall": round(wall, 1), "rerun_ms_cpu": round(cpu, 1),
                      "figure_bytes": len(spec.encode("utf-8")),
                      "traces": len(json.loads(spec)["data"])}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--page", action="store_true", help="also time AppTest page reruns")
    parser.add_argument("--layout", action="store_true",
                        help="also compare the hex layout before/after the local search")
    parser.add_argument("--keep-cache", action="store_true",
                        help="use the normal geometry cache instead of a temporary one")
    args = parser.parse_args(argv)
    from geo.config import country_dir

    if not (country_dir().is_dir() and any(country_dir().glob("IR-*.geojson"))):
        print(f"no country boundary files in {country_dir()}", file=sys.stderr)
        return 1
    import plotly

    info = {"machine": f"{platform.system()}, {os.cpu_count()} cores, Python "
                       f"{platform.python_version()}, plotly {plotly.__version__}",
            "repeat": args.repeat}
    def run() -> tuple[dict, dict, dict]:
        return (measure(args.repeat), page_reruns(args.repeat) if args.page else {},
                layout_quality(args.repeat) if args.layout else {})

    if args.keep_cache:
        result, pages, layouts = run()
    else:
        with tempfile.TemporaryDirectory(prefix="pishran-maptiles-") as tmp:
            os.environ["PISHRAN_CACHE_DIR"] = tmp
            result, pages, layouts = run()
    if args.json:
        print(json.dumps({**info, "cases": result, "pages": pages, "layouts": layouts},
                         indent=2, ensure_ascii=False))
        return 0
    print(info["machine"], f"— median of {args.repeat}")
    print(f"{'case':28} {'build wall':>11} {'build cpu':>10} {'json wall':>10} {'json cpu':>9}"
          f" {'bytes':>10} {'traces':>7}")
    for label, row in result.items():
        print(f"{label:28} {row['build_ms_wall']:9.1f}ms {row['build_ms_cpu']:8.1f}ms "
              f"{row['to_json_ms_wall']:8.1f}ms {row['to_json_ms_cpu']:7.1f}ms "
              f"{row['figure_bytes']:10,} {row['traces']:7}")
    for label, row in pages.items():
        print(f"{label:28} {row['rerun_ms_wall']:9.1f}ms {row['rerun_ms_cpu']:8.1f}ms "
              f"{'':>10} {'':>9} {row['figure_bytes']:10,} {row['traces']:7}")
    if layouts:
        print(f"\n{'country hex layout':22} {'split':>5} {'extra':>5} {'holes':>5} "
              f"{'pieces':>6} {'border':>6} {'mean d':>6} {'max d':>6} {'cost':>7} {'wall':>9} "
              f"{'cpu':>9}")
    for label, row in layouts.items():
        print(f"{label:22} {row['split_provinces']:5} {row['extra_pieces']:5} {row['holes']:5} "
              f"{row['cartogram_pieces']:6} {row['border_sides']:6} {row['mean_displacement']:6.2f} "
              f"{row['max_displacement']:6.2f} {row['cost']:7.1f} "
              f"{row['layout_ms_wall']:7.1f}ms {row['layout_ms_cpu']:7.1f}ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
