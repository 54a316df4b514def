"""The text boxes of a Plotly figure as Chromium draws it, and which of them overlap.

:func:`text_boxes` lays the figure out with the installed plotly.js in Debian's Chromium
(Playwright, no download; the geo subplot reads the app's empty base map from disk) at a
given size and returns every visible SVG ``text`` element with its bounding box
(``getBoundingClientRect``: the glyphs as shaped, Persian included).  :func:`overlaps`
lists the pairs of boxes that cover each other by more than a small tolerance — the check
on label boxes of issue 16 (names on the labour chart, the threshold label, the Theil
annotation against an axis number, county names on maps, titles against legends).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import plotly.graph_objects as go

from exports.images import prepare_for_export

ROOT = Path(__file__).resolve().parents[1]
PLOTLY_JS = Path(go.__file__).resolve().parents[1] / "package_data" / "plotly.min.js"
CHROMIUM = "/usr/bin/chromium"

_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('.main-svg text')) {
    const text = (el.textContent || '').trim();
    if (!text) continue;
    const style = window.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')
      continue;
    let hidden = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = window.getComputedStyle(p);
      if (s.display === 'none' || s.opacity === '0') { hidden = true; break; }
    }
    if (hidden || el.closest('.hoverlayer') || el.closest('.modebar')) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    out.push([text, r.left, r.top, r.right, r.bottom, el.getAttribute('class') || '']);
  }
  return out;
}"""


def available() -> bool:
    return Path(CHROMIUM).exists() or bool(shutil.which("chromium"))


def text_boxes(figs: list[go.Figure], width: int, height: int, lang: str = "fa",
               prepare: bool = True) -> list[list[tuple]]:
    """For each figure: [(text, x0, y0, x1, y1, class), …] in CSS px of a ``width`` ×
    ``height`` layout (after :func:`exports.images.prepare_for_export` unless
    ``prepare=False``)."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.server import CHROMIUM_ARGS

    topojson = (ROOT / "static" / "topojson").as_uri() + "/"
    results = []
    with tempfile.TemporaryDirectory(prefix="pishran-boxes-") as tmp, sync_playwright() as p:
        (Path(tmp) / "plotly.min.js").write_bytes(PLOTLY_JS.read_bytes())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"])
        page = browser.new_page(viewport={"width": width + 20, "height": height + 20})
        for i, fig in enumerate(figs):
            ready = prepare_for_export(fig, lang, width, height) if prepare else go.Figure(fig)
            ready.update_layout(width=width, height=height)
            html = Path(tmp) / f"fig{i}.html"
            html.write_text(
                "<html><head><meta charset='utf-8'><script src='plotly.min.js'></script>"
                "</head><body style='margin:0'><div id='f'></div><script>"
                f"const fig = {ready.to_json()};"
                "window.done = false;"
                "Plotly.newPlot('f', fig.data, fig.layout, {staticPlot: true, topojsonURL: "
                f"{json.dumps(topojson)}}}).then(() => {{ window.done = true; }});"
                "</script></body></html>", encoding="utf-8")
            page.goto(html.as_uri())
            page.wait_for_function("window.done === true", timeout=30000)
            page.evaluate("document.fonts.ready")
            page.wait_for_timeout(300)
            results.append([tuple(b) for b in page.evaluate(_JS)])
        browser.close()
    return results


def overlaps(boxes: list[tuple], tolerance_px: float = 2.0) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap by more than ``tolerance_px`` in both directions
    (touching edges and anti-aliasing do not count)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a[3], b[3]) - max(a[1], b[1])
            dy = min(a[4], b[4]) - max(a[2], b[2])
            if dx > tolerance_px and dy > tolerance_px:
                found.append((a[0], b[0]))
    return found
