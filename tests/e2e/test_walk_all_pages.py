"""Walk every page listed in app.py in a real browser (offline), and check that a copied
link reproduces the same view in a new browser context.

The page list is read from ``app.py``'s ``PAGES`` (without running it), so pages added
later are walked automatically.  The default page is served at ``/``, the others at
``/<url_path>``.  Each page must finish running, show no exception box and no "Page not
found", fetch nothing outside the app's own address, and leave a screenshot.
"""

from __future__ import annotations

import ast
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from i18n import t
from tests.e2e.conftest import screenshot, wait_for_app

APP = Path(__file__).resolve().parents[2] / "app.py"


def app_pages() -> list[tuple[str, str, str]]:
    """``PAGES`` of app.py as (path, title key, url_path); further items (an icon) ignored."""
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "PAGES" for target in node.targets):
            return [tuple(entry)[:3] for entry in ast.literal_eval(node.value)]
    raise AssertionError("app.py has no PAGES list")


def page_url(url_path: str) -> str:
    return "/" if url_path == "overview" else f"/{url_path}"  # as app.py's default=


PAGES = app_pages()


def wait_for_page(pg, timeout: float = 90000) -> None:
    """The script run has finished and every chart and table has drawn."""
    pg.wait_for_selector("[data-testid=stMain] h1, [data-testid=stException]", timeout=timeout)
    wait_for_app(pg)
    # Charts and tables inside a closed expander or tab are not drawn: only visible ones count.
    pg.wait_for_function(
        "() => { const shown = s => [...document.querySelectorAll(s)]"
        "          .filter(e => e.checkVisibility() && e.getBoundingClientRect().height > 0);"
        "  return shown('[data-testid=stPlotlyChart]').every(e => e.querySelector('.main-svg'))"
        "    && shown('[data-testid=stDataFrame]').every(e => e.querySelector('canvas')); }",
        timeout=timeout)


def full_screenshot(pg, name: str) -> Path:
    """A screenshot of the whole page: Streamlit scrolls inside its own container, so the
    viewport is grown to the content's height first (and restored afterwards)."""
    size = pg.viewport_size
    height = pg.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stMainBlockContainer], [data-testid=stSidebarContent]')]"
        ".map(e => e.scrollHeight))")
    pg.set_viewport_size({"width": size["width"], "height": min(max(height + 80, size["height"]),
                                                                 8000)})
    pg.wait_for_timeout(1500)
    try:
        return screenshot(pg, name)
    finally:
        pg.set_viewport_size(size)


def assert_clean(pg) -> None:
    errors = pg.locator("[data-testid=stException]")
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    assert pg.get_by_text("Page not found").count() == 0
    assert pg.outside() == [], pg.outside()


def query(pg) -> dict[str, list[str]]:
    return parse_qs(urlsplit(pg.url).query)


def test_app_lists_the_projects_and_county_pages():
    urls = [entry[2] for entry in PAGES]
    assert "overview" in urls and "projects" in urls and "county" in urls
    for path, key, _ in PAGES:
        assert (APP.parent / path).exists(), path
        assert t(key, "fa") and t(key, "en")


@pytest.mark.parametrize("entry", PAGES, ids=[entry[2] for entry in PAGES])
def test_page_runs_offline_in_persian(page, app_url, entry):
    _, key, url_path = entry
    page.goto(app_url + page_url(url_path))
    wait_for_page(page)
    assert_clean(page)
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction")
    assert direction == "rtl"
    assert page.locator("[data-testid=stMain] h1").count() >= 1
    nav = page.locator("[data-testid=stSidebarNav] a", has_text=t(key, "fa"))
    assert nav.count() >= 1
    path = full_screenshot(page, f"walk-{url_path}")
    assert path.stat().st_size > 10_000


def test_projects_page_in_english(page, app_url):
    page.goto(f"{app_url}/projects?lang=en")
    wait_for_page(page)
    assert_clean(page)
    assert page.locator("[data-testid=stMain] h1", has_text=t("nav.projects", "en")).count() == 1
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction")
    assert direction == "ltr"
    full_screenshot(page, "walk-projects-en")


def choose(pg, label: str, typed: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` (options are virtualised:
    open the box, type to narrow the list, click the option)."""
    box = pg.locator("[data-testid=stSelectbox]", has_text=label).first
    box.locator("input").click()
    pg.keyboard.type(typed)
    pg.get_by_role("option", name=option).first.click()


def test_copied_projects_link_reproduces_the_view(browser, page, app_url):
    page.goto(f"{app_url}/projects")
    wait_for_page(page)
    search = page.get_by_label(t("filter.text", "fa"))
    search.fill("كاشان")  # Arabic kaf: must find «کاشان»
    search.press("Enter")
    page.wait_for_function("() => location.search.includes('f=')", timeout=30000)
    wait_for_page(page)
    choose(page, t("projects.sort", "fa"), "بودجه", t("projects.sort.-budget", "fa"))
    page.wait_for_function("() => location.search.includes('sort=')", timeout=30000)
    wait_for_page(page)
    title = "منطقه ویژه اقتصادی کاشان"
    choose(page, t("projects.pick", "fa"), "منطقه ویژه", title)
    page.wait_for_function("() => location.search.includes('project=')", timeout=30000)
    wait_for_page(page)
    link = page.url
    assert query(page)["project"] == ["kashan-02"]
    assert query(page)["sort"] == ["-budget"]
    assert "كاشان" in query(page)["f"][0]
    heading = page.locator("[data-testid=stMain] h3", has_text=title)
    assert heading.count() == 1
    assert_clean(page)

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fa-IR")
    try:
        other = context.new_page()
        other.requests = []
        other.on("request", lambda r: other.requests.append(r.url))
        other.goto(link)
        wait_for_page(other)
        assert other.get_by_label(t("filter.text", "fa")).input_value() == "كاشان"
        sort_box = other.locator("[data-testid=stSelectbox]", has_text=t("projects.sort", "fa"))
        shown = sort_box.inner_text() + " " + sort_box.locator("input").first.input_value()
        assert t("projects.sort.-budget", "fa") in shown
        assert other.locator("[data-testid=stMain] h3", has_text=title).count() == 1
        assert other.locator("[data-testid=stException]").count() == 0
        assert other.get_by_text(t("url.rejected", "fa", param="f")).count() == 0
        assert all(u.startswith(app_url) or u.startswith(("data:", "blob:", "about:"))
                   for u in other.requests)
        full_screenshot(other, "walk-projects-link")
    finally:
        context.close()


def test_copied_county_link_reproduces_the_view(browser, page, app_url):
    page.goto(f"{app_url}/county")
    wait_for_page(page)
    choose(page, t("county.pick", "fa"), "لنج", "لنجان")
    page.wait_for_function("() => location.search.includes('county=lenjan')", timeout=30000)
    wait_for_page(page)
    assert page.locator("[data-testid=stMain] h1", has_text="لنجان").count() == 1
    link = page.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fa-IR")
    try:
        other = context.new_page()
        other.goto(link)
        wait_for_page(other)
        assert other.locator("[data-testid=stMain] h1", has_text="لنجان").count() == 1
        assert other.locator("[data-testid=stException]").count() == 0
    finally:
        context.close()
