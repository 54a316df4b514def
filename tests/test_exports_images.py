"""exports.images: PNG/SVG through one warm kaleido server, Persian labels right-to-left,
map attribution, nothing downloaded.  Needs /usr/bin/chromium (skipped without it)."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import threading
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from exports import images
from exports.images import (
    ExportError,
    figure_to_image,
    prepare_for_export,
    rtl_text,
    topojson_url,
)
from figures.maps import choropleth
from figures.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent
RLE, PDF, RLM = "\u202b", "\u202c", "\u200f"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def non_white_share(data: bytes) -> float:
    arr = pixels(data)
    return float((arr.sum(axis=-1) < 720).mean())


def bar_figure() -> go.Figure:
    fig = go.Figure(go.Bar(x=["اصفهان", "کاشان", "نجف‌آباد", "GDP سهم"],
                           y=[12000, 25000, 5000, 7000], name="بودجه ۱۴۰۳"))
    apply_theme(fig, "fa", "بودجه شهرستان‌ها (میلیارد ریال)")
    fig.update_layout(xaxis_title="شهرستان", yaxis_title="میلیارد ریال")
    return fig


def square(x: float, y: float) -> list:
    # clockwise exterior ring, as the geo subplot wants
    return [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]]


def squares_fc() -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": code, "properties": {},
         "geometry": {"type": "Polygon", "coordinates": square(51 + i, 32)}}
        for i, code in enumerate("abc")
    ]}


def map_figure(attribution: bool = True) -> go.Figure:
    frame = pd.DataFrame({"v": [1.0, 2.0, 3.0]}, index=list("abc"))
    fig = choropleth(squares_fc(), frame, "v", "fa", title="نقشه آزمایشی",
                     colorbar_title="هزار ریال")
    if not attribution:
        fig.layout.annotations = []
    return fig



# ---------------------------------------------------------------------------
# prepare_for_export (no browser)
# ---------------------------------------------------------------------------


def test_rtl_text_embeds_persian_and_leaves_latin_alone():
    assert rtl_text("GDP سهم") == RLE + RLM + "GDP سهم" + PDF
    assert rtl_text("2020 سال") == RLE + RLM + "2020 سال" + PDF
    assert rtl_text("© OpenStreetMap contributors") == "© OpenStreetMap contributors"
    assert rtl_text("۲۰٬۰۰۰") == "۲۰٬۰۰۰"  # a number alone stays left-to-right
    assert rtl_text("سال 2020", "en") == "سال 2020"
    once = rtl_text("سطر یک<br>2 سطر")
    assert once == f"{RLE}{RLM}سطر یک{PDF}<br>{RLE}{RLM}2 سطر{PDF}"
    assert rtl_text(once) == once  # idempotent
    assert rtl_text(None) is None and rtl_text(3) == 3


def test_prepare_labels_size_font_and_copy():
    fig = bar_figure()
    fig.add_annotation(text="2024 رشد", x="کاشان", y=25000)
    fig.layout.font.family = "Arial"
    before = fig.to_plotly_json()
    out = prepare_for_export(fig, "fa")
    assert fig.to_plotly_json() == before, "the caller's figure must not change"
    assert (out.layout.width, out.layout.height) == (1920, 1080)
    assert "Vazirmatn" in out.layout.font.family
    for text in (out.layout.title.text, out.layout.xaxis.title.text,
                 out.layout.yaxis.title.text, out.layout.annotations[0].text,
                 out.data[0].name, *out.data[0].x):
        assert text.startswith(RLE + RLM) and text.endswith(PDF), text
    assert out.layout.xaxis.automargin and out.layout.yaxis.automargin


def test_prepare_gives_numeric_axis_persian_digits():
    out = prepare_for_export(bar_figure(), "fa")
    assert list(out.layout.yaxis.tickvals) == [0, 10000, 20000]
    assert list(out.layout.yaxis.ticktext) == ["۰", "۱۰٬۰۰۰", "۲۰٬۰۰۰"]
    assert out.layout.xaxis.tickvals is None  # categorical axis untouched
    en = prepare_for_export(bar_figure(), "en")
    assert list(en.layout.yaxis.ticktext) == ["0", "10,000", "20,000"]  # not Plotly's "20k"
    own = bar_figure().update_yaxes(tickformat=".0%")
    assert prepare_for_export(own, "fa").layout.yaxis.tickvals is None


def test_prepare_adds_osm_attribution_to_maps_once():
    bare = map_figure(attribution=False)
    assert not images.has_attribution(bare)
    out = prepare_for_export(bare, "fa")
    assert images.is_map_figure(out) and images.has_attribution(out)
    again = prepare_for_export(map_figure(attribution=True), "fa")
    assert sum("OpenStreetMap" in (a.text or "") for a in again.layout.annotations) == 1
    assert not images.has_attribution(prepare_for_export(bar_figure(), "fa"))


def test_topojson_points_at_the_local_empty_base_map():
    url = topojson_url()
    assert url.startswith("file://") and url.endswith("/")
    path = Path(url[len("file://"):]) / "world_110m.json"
    assert path == ROOT / "static" / "topojson" / "world_110m.json" and path.is_file()


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        figure_to_image(bar_figure(), "gif")


def test_missing_browser_gives_a_clear_error(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportError, match="BROWSER_PATH"):
        images.find_browser()


# ---------------------------------------------------------------------------
# Rendering (warm server)
# ---------------------------------------------------------------------------


def test_png_is_full_hd_and_not_blank(server):
    data = figure_to_image(bar_figure())
    width, height = png_size(data)
    assert width >= 1920 and height >= 1080
    assert 0.05 < non_white_share(data) < 0.9
    arr = pixels(data)
    packed = (arr[..., 0] << 16) | (arr[..., 1] << 8) | arr[..., 2]
    assert len(np.unique(packed)) > 20  # bars, anti-aliased text, grid lines
    # text drawn in the title band (top right): Persian glyphs, not an empty strip
    assert (arr[:70, 1200:].sum(axis=-1) < 400).sum() > 200


def test_plain_plotly_to_image_uses_the_warm_server_offline(server):
    import plotly.io as pio

    assert pio.defaults.topojson == topojson_url()
    with warnings.catch_warnings():  # kaleido: "kopts ignored if using a server"
        warnings.simplefilter("ignore", UserWarning)
        data = map_figure().to_image(format="png", width=640, height=360)
    assert png_size(data) == (640, 360) and non_white_share(data) > 0.05


def test_png_scale_multiplies_pixels(server):
    assert png_size(figure_to_image(bar_figure(), width=800, height=450, scale=2.4)) == (
        1920, 1080)


def test_svg_contains_persian_text_in_vazirmatn(server):
    svg = figure_to_image(bar_figure(), "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    for word in ("بودجه شهرستان‌ها", "کاشان", "شهرستان", "۲۰٬۰۰۰"):
        assert word in svg
    assert "Vazirmatn" in svg


def test_choropleth_renders_offline_with_attribution(server):
    data = figure_to_image(map_figure(attribution=False))
    assert png_size(data) == (1920, 1080)
    arr = pixels(data)
    teal = (abs(arr[..., 0] - 0x13) < 30) & (abs(arr[..., 1] - 0x4E) < 30) & (
        abs(arr[..., 2] - 0x4A) < 30)
    assert teal.sum() > 10_000, "the darkest square is drawn"
    svg = figure_to_image(map_figure(attribution=False), "svg").decode()
    assert "OpenStreetMap contributors" in svg
    assert svg.count('class="choroplethlocation"') >= 3


def _first_part_is_right(label_first: str, rest: str, lang: str | None = "fa") -> bool:
    """Render «<red>first</red> rest» and say whether the red part is right of the rest."""
    fig = go.Figure()
    fig.add_annotation(text=f"<span style='color:#ff0000'>{label_first}</span>{rest}",
                       x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": 40, "color": "#000000"})
    fig.update_layout(xaxis_visible=False, yaxis_visible=False, plot_bgcolor="white")
    arr = pixels(figure_to_image(fig, width=600, height=200, lang=lang))
    red = (arr[..., 0] > 180) & (arr[..., 1] < 80) & (arr[..., 2] < 80)
    dark = arr.sum(axis=-1) < 150
    return np.nonzero(red)[1].mean() > np.nonzero(dark)[1].mean()


@pytest.mark.parametrize("first, rest", [("GDP", " سهم مرکز"), ("2020", " سال"),
                                         ("(میلیارد ریال)", " بودجه")])
def test_mixed_labels_read_right_to_left(server, first, rest):
    # in a right-to-left reading the first logical word must be drawn on the right
    assert _first_part_is_right(first, rest)


def test_without_embedding_chromium_misorders_a_latin_first_label(server):
    # the control: Chromium lays SVG text out left-to-right, so the test above can fail
    assert not _first_part_is_right("GDP", " سهم مرکز", lang=None)


def test_concurrent_exports_get_their_own_images(server):
    sizes = [(400, 300), (640, 360), (500, 500), (320, 240)]
    results: dict[int, tuple[int, int]] = {}

    def work(i: int) -> None:
        w, h = sizes[i]
        results[i] = png_size(figure_to_image(bar_figure(), width=w, height=h))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(sizes))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert results == dict(enumerate(sizes))


OFFLINE_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    import pandas as pd
    from exports.images import figure_to_image
    from figures.maps import choropleth
    sq = lambda x: [[[x, 32], [x, 33], [x + 1, 33], [x + 1, 32], [x, 32]]]
    fc = {{"type": "FeatureCollection", "features": [
        {{"type": "Feature", "id": c, "properties": {{}},
          "geometry": {{"type": "Polygon", "coordinates": sq(51 + i)}}}}
        for i, c in enumerate("abc")]}}
    fig = choropleth(fc, pd.DataFrame({{"v": [1.0, 2.0, 3.0]}}, index=list("abc")), "v", "fa")
    data = figure_to_image(fig, width=640, height=360)
    print(len(data), data[:4] == b"\\x89PNG")
""")


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0,
                    reason="needs root and unshare for a process without network")
def test_map_export_works_without_any_network(tmp_path):
    """In a network namespace with no interface nothing can be downloaded: the map
    still renders (local plotly.js, no MathJax, local world_110m.json)."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare -n not permitted here")
    script = tmp_path / "offline.py"
    script.write_text(OFFLINE_SCRIPT.format(root=str(ROOT)))
    done = subprocess.run(["unshare", "-n", sys.executable, str(script)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "True"
