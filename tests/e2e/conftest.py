"""Browser fixtures: one app server and one Chromium per test module."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.server import CHROMIUM, launch_browser, running_app

SCREENSHOTS = Path(os.environ.get("PISHRAN_SCREENSHOTS", Path(__file__).resolve().parents[2]
                                  / "screenshots"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/install_system_deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    """A page that records every request; ``page.outside`` lists those not to the app."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fa-IR")
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.outside = lambda: [u for u in pg.requests
                          if not (u.startswith(app_url) or u.startswith("data:")
                                  or u.startswith("blob:") or u == "about:blank")]
    yield pg
    context.close()


def wait_for_app(pg) -> None:
    """Wait until the script run has finished: a title is drawn, no skeleton placeholders
    are left, and that stays so for a moment (a rerun may start right after the first)."""
    ready = ("() => document.querySelector('[data-testid=stMain] h1') !== null"
             " && document.querySelectorAll('[data-testid=stSkeleton]').length === 0")
    pg.wait_for_selector("[data-testid=stMainBlockContainer]", timeout=60000)
    for _ in range(2):
        pg.wait_for_function(ready, timeout=60000)
        pg.wait_for_timeout(800)


def screenshot(pg, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
