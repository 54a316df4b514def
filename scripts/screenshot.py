"""Take screenshots of app pages: ``python scripts/screenshot.py overview balance --out /tmp/shots``.

Starts the app on a free port, waits until each page has finished running, saves PNGs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.conftest import wait_for_app  # noqa: E402
from tests.e2e.server import launch_browser, running_app  # noqa: E402


def wait_ready(page) -> None:
    """Wait until the page's script has run and every Plotly chart has drawn."""
    wait_for_app(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(c => c.querySelector('.main-svg'))", timeout=60000)
    page.wait_for_timeout(1000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="+", help="url paths, e.g. overview 'map?lang=en'")
    parser.add_argument("--out", default="/tmp/shots")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full", action="store_true", help="full-page screenshot")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as url, sync_playwright() as p:
        browser = launch_browser(p)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        for name in args.pages:
            path = name[len("overview"):] if name.split("?")[0] == "overview" else name
            page.goto(f"{url}/{path}")  # the overview is the app's root page
            wait_ready(page)
            stem = name.replace("?", "_").replace("=", "-").replace("&", "_")
            if len(stem) > 100:  # e.g. a scenario link: keep the name short and distinct
                stem = f"{stem[:60]}-{hashlib.sha1(stem.encode()).hexdigest()[:10]}"
            target = out / (stem + ".png")
            page.screenshot(path=str(target), full_page=args.full)
            print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
