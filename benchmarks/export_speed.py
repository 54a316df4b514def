"""How fast are image and deck exports once the kaleido server is warm?

* cold start: ``start_export_server()`` (Chromium start + first tiny render), once;
* chart PNG: a Persian bar chart of 28 counties, 1920×1080 (target ≤ 1 s);
* chart SVG: the same chart as SVG;
* map PNG: a choropleth on the ``geo`` subplot with 28 synthetic counties of ~55 vertices
  each (≈1,540 vertices, the size of the simplified province), 1920×1080;
* deck: 10 slides — title, 7 chart/map slides (each rendered), key figures, sources
  (target ≤ 15 s).

Each is timed ``--repeat`` times (default 5) and the median, min and max are printed.

Run: ``.venv/bin/python benchmarks/export_speed.py [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.slides import standard_deck  # noqa: E402
from exports.deck import build_deck  # noqa: E402
from exports.images import figure_to_image, start_export_server  # noqa: E402
from figures.maps import choropleth  # noqa: E402
from figures.theme import apply_theme  # noqa: E402

NAMES = ["اصفهان", "کاشان", "نجف‌آباد", "خمینی‌شهر", "شاهین‌شهر و میمه", "لنجان", "مبارکه",
         "برخوار", "فلاورجان", "شهرضا", "گلپایگان", "خوانسار", "نائین", "اردستان", "نطنز",
         "آران و بیدگل", "سمیرم", "فریدن", "فریدون‌شهر", "چادگان", "تیران و کرون", "دهاقان",
         "بوئین میاندشت", "خور و بیابانک", "هرند", "کوهپایه", "ورزنه", "جرقویه"]


def bar_chart(i: int = 0) -> go.Figure:
    values = [(k * 7919 + i * 104729) % 25000 + 500 for k in range(len(NAMES))]
    fig = go.Figure(go.Bar(x=NAMES, y=values, name="بودجه"))
    apply_theme(fig, "fa", f"بودجه شهرستان‌ها (میلیارد ریال) — نمای {i + 1}")
    fig.update_layout(xaxis_title="شهرستان", yaxis_title="میلیارد ریال")
    return fig


def county_map() -> go.Figure:
    features, codes = [], []
    for k in range(len(NAMES)):
        cx, cy = 49.5 + (k % 7) * 0.9, 31.0 + (k // 7) * 0.9
        ring = [[round(cx + 0.42 * math.cos(-2 * math.pi * j / 55), 4),
                 round(cy + 0.42 * math.sin(-2 * math.pi * j / 55), 4)] for j in range(55)]
        ring.append(ring[0])  # negative angle steps: a clockwise ring
        code = f"c{k:02d}"
        codes.append(code)
        features.append({"type": "Feature", "id": code, "properties": {},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    frame = pd.DataFrame({"v": [float((k * 37) % 100) for k in range(len(NAMES))]}, index=codes)
    labels = pd.DataFrame({"lon": [49.5 + (k % 7) * 0.9 for k in range(len(NAMES))],
                           "lat": [31.0 + (k // 7) * 0.9 for k in range(len(NAMES))],
                           "text": NAMES}, index=codes)
    return choropleth({"type": "FeatureCollection", "features": features}, frame, "v", "fa",
                      title="سرانه بودجه (هزار ریال)", labels=labels, colorbar_title="هزار ریال")


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = max(args.repeat, 3)

    cold = start_export_server()
    chart, mapped = bar_chart(), county_map()
    views = [(f"نمای {i + 1}", bar_chart(i) if i % 3 else county_map()) for i in range(7)]
    specs = standard_deck(views, "fa", key_figures=[("شمار پروژه‌ها", 48, "پروژه")],
                          sources=[("جمعیت", "منبع‌دار", "سرشماری ۱۳۹۵")])
    assert len(specs) == 10

    rows = [
        ("chart PNG 1920×1080", timed(lambda: figure_to_image(chart), repeat), 1.0),
        ("chart SVG", timed(lambda: figure_to_image(chart, "svg"), repeat), None),
        ("map PNG 1920×1080", timed(lambda: figure_to_image(mapped), repeat), None),
        ("deck, 10 slides", timed(lambda: build_deck(specs, "fa"), max(repeat // 2, 3)), 15.0),
    ]
    print(f"python {platform.python_version()}, {platform.machine()}; cold server start "
          f"{cold:.2f} s (Chromium + first render)")
    print(f"{'export':<22}{'median s':>10}{'min s':>9}{'max s':>9}{'runs':>6}  target")
    for name, times, target in rows:
        verdict = "" if target is None else (
            f"≤ {target:g} s {'ok' if statistics.median(times) <= target else 'MISSED'}")
        print(f"{name:<22}{statistics.median(times):>10.3f}{min(times):>9.3f}"
              f"{max(times):>9.3f}{len(times):>6}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
