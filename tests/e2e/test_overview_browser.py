"""The Overview page in a real browser: right-to-left, 28 county shapes, nothing fetched
from outside the app's own address, and a screenshot to look at."""

from __future__ import annotations

import pytest

from geo.cache import boundaries_available
from tests.e2e.conftest import screenshot, wait_for_app


def test_overview_is_rtl_draws_28_counties_and_stays_offline(page, app_url):
    page.goto(f"{app_url}/")
    wait_for_app(page)
    if not boundaries_available():
        pytest.skip("no boundary file configured")
    page.wait_for_function(
        "() => document.querySelectorAll('.choroplethlayer path.choroplethlocation').length >= 28",
        timeout=60000)
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction")
    assert direction == "rtl"
    shapes = page.locator(".choroplethlayer .trace").first.locator("path.choroplethlocation")
    assert shapes.count() == 28
    # Each county is drawn as itself, not as "the globe minus the county": no shape covers
    # most of the map (the wrong ring orientation would make each as large as the plot).
    plot = page.locator(".geolayer, .bglayer").first.bounding_box() or {}
    boxes = [shapes.nth(i).bounding_box() for i in range(28)]
    biggest = max(b["width"] * b["height"] for b in boxes)
    plot_area = page.locator(".js-plotly-plot").first.bounding_box()
    assert biggest < 0.5 * plot_area["width"] * plot_area["height"], plot
    texts = page.evaluate("() => [...document.querySelectorAll('svg text')].map(t => t.textContent)")
    assert any("OpenStreetMap" in t for t in texts)
    assert page.get_by_text("Page not found").count() == 0
    # the product font is served by the app itself and used
    assert page.evaluate("() => document.fonts.check('16px Vazirmatn')")
    assert any(u.endswith("/app/static/Vazirmatn-Regular.woff2") for u in page.requests)
    path = screenshot(page, "overview")
    assert path.stat().st_size > 20_000
    assert page.outside() == [], page.outside()


def test_english_is_ltr(page, app_url):
    page.goto(f"{app_url}/?lang=en")
    wait_for_app(page)
    assert page.get_by_text("Overview").first.is_visible()
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction")
    assert direction == "ltr"
    assert page.outside() == []
