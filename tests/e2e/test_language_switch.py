"""Switching language mid-session keeps every widget's choice (issue 16): on Overview, Map
and Scenario a visitor sets some widgets, presses English, then Persian again; every radio
group, select box and slider must show the same choice — in the new language — at each step,
and the language switch itself must show the language in use.

The widgets are read from the DOM in document order (the order does not depend on the
language: right-to-left only mirrors the layout).  A radio is its checked option's position,
a slider its ``aria-valuenow`` (a select slider's is the option index) and the text on its
thumbs, a select box the text it shows.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import screenshot
from tests.e2e.test_walk_all_pages import app_pages, page_url, wait_for_page

PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٬٫٪", "0123456789,.%")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")

# Every widget of the page, in document order, as plain data.
READ = """() => {
  const shown = e => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  const radios = [...document.querySelectorAll('[data-testid=stRadio]')].filter(shown).map(g => {
    const inputs = [...g.querySelectorAll('input[type=radio]')];
    return {label: g.querySelector('[data-testid=stWidgetLabel]')?.innerText || '',
            checked: inputs.findIndex(i => i.checked), n: inputs.length};
  });
  const selects = [...document.querySelectorAll('[data-testid=stSelectbox]')].filter(shown)
    .map(s => (s.querySelector('input[role=combobox]')?.value || '').trim());
  const sliders = [...document.querySelectorAll('[data-testid=stSlider]')].filter(shown).map(s => ({
    now: [...s.querySelectorAll('input[type=range]')].map(h => h.value),
    thumbs: [...s.querySelectorAll('[data-testid=stSliderThumbValue]')].map(v => v.innerText.trim()),
  }));
  return {radios, selects, sliders};
}"""


def read_widgets(pg) -> dict:
    return pg.evaluate(READ)


def switch(pg, to: str) -> None:
    """Press the sidebar's language option ``to`` («فارسی» / «English»)."""
    label = {"fa": "فارسی", "en": "English"}[to]
    pg.locator("[data-testid=stSidebar] [data-testid=stRadio]").first.get_by_text(
        label, exact=True).click()
    pg.wait_for_function(
        "dir => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction === dir",
        arg="rtl" if to == "fa" else "ltr", timeout=60000)
    wait_for_page(pg)
    pg.wait_for_timeout(1500)  # late reruns (a widget reporting its value) settle


def pick_radio(pg, group_label: str, option_index: int) -> None:
    """Choose option ``option_index`` of the radio group whose label contains ``group_label``."""
    group = pg.locator("[data-testid=stRadio]").filter(has_text=group_label).first
    group.locator("label").nth(option_index).click()
    wait_for_page(pg)
    pg.wait_for_timeout(800)


def assert_same_choices(before: dict, after: dict, *, same_text: bool) -> None:
    assert [r["n"] for r in after["radios"]] == [r["n"] for r in before["radios"]], (before, after)
    for b, a in zip(before["radios"][1:], after["radios"][1:]):  # [0]: the language itself
        assert a["checked"] >= 0, f"radio «{a['label']}» shows no choice: {after}"
        assert a["checked"] == b["checked"], (b, a)
    assert len(after["selects"]) == len(before["selects"]), (before, after)
    for b, a in zip(before["selects"], after["selects"]):
        assert a or not b, f"a select box shows nothing: {after}"  # (none chosen: placeholder)
        if same_text:
            assert a == b
    assert len(after["sliders"]) == len(before["sliders"]), (before, after)
    for b, a in zip(before["sliders"], after["sliders"]):
        assert a["now"] == b["now"], (b, a)
        # the thumbs show the same numbers (Persian digits in Persian), in the same order
        assert [x.translate(PERSIAN_DIGITS) for x in a["thumbs"]] == \
            [x.translate(PERSIAN_DIGITS) for x in b["thumbs"]], (b, a)
        if same_text:
            assert a["thumbs"] == b["thumbs"]


# Under the browser's Persian locale (the page fixture's fa-IR) Streamlit's sliders place
# their thumbs from the right: the filled part of the track and the min/max labels must
# run the same way (ui/layout.py mirrors the fill and orders the labels).
SLIDER_DIRECTIONS = """() => [...document.querySelectorAll('[data-testid=stSlider]')]
  .filter(e => e.checkVisibility()).map(s => {
    const track = s.querySelector('[data-orientation=horizontal] > [data-orientation=horizontal]');
    const fill = track.querySelector(':scope > div:first-child');
    const ticks = s.querySelector('[data-testid=stSliderTickBar]');
    return {fill: getComputedStyle(fill).transform,
            ticks: ticks ? getComputedStyle(ticks).direction : null};
  })"""


def assert_sliders_run_right_to_left(pg) -> None:
    assert pg.evaluate("() => navigator.language") == "fa-IR"
    for slider in pg.evaluate(SLIDER_DIRECTIONS):
        assert slider["fill"].startswith("matrix(-1"), slider
        assert slider["ticks"] in (None, "rtl"), slider


def language_radio(widgets: dict) -> dict:
    return widgets["radios"][0]  # the sidebar's first radio is the language switch


# Every page of app.py (read as test_walk_all_pages reads it).  On the three pages of the
# issue a radio group is moved off its default first (Map), and their select boxes, which
# hold app words, must read in English after the switch.
PAGES = [page_url(url) for _, _, url in app_pages()]
MOVE = {"/map": ("رنگ‌بندی", 2)}
APP_WORDS = {"/", "/map", "/scenario"}


@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "overview" for p in PAGES])
def test_language_switch_keeps_every_choice(page, app_url, path):
    move = MOVE.get(path)
    page.goto(f"{app_url}{path}")
    wait_for_page(page)
    if move:
        pick_radio(page, *move)
    fa = read_widgets(page)
    assert language_radio(fa)["checked"] == 0
    if path in APP_WORDS:
        assert len(fa["radios"]) > 1 and (fa["selects"] or fa["sliders"]), fa

    switch(page, "en")
    en = read_widgets(page)
    assert language_radio(en)["checked"] == 1
    assert_same_choices(fa, en, same_text=False)
    for text in en["selects"] if path in APP_WORDS else ():  # app words: in English
        assert not ARABIC_LETTER.search(text), en["selects"]
    for slider in en["sliders"]:
        assert not any(ARABIC_LETTER.search(x) for x in slider["thumbs"]), en["sliders"]
    assert_sliders_run_right_to_left(page)
    name = "home" if path == "/" else path.strip("/")
    screenshot(page, f"lang_switch_{name}_en")

    switch(page, "fa")
    back = read_widgets(page)
    assert language_radio(back)["checked"] == 0
    assert_same_choices(fa, back, same_text=True)
    assert_sliders_run_right_to_left(page)
    screenshot(page, f"lang_switch_{name}_fa")
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.outside() == [], page.outside()


def test_download_names_keep_words_whole_in_chromium(page, app_url):
    """Streamlit sends «پروژه‌ها_…» with its ZWNJ (RFC 5987); Chromium turns a ZWNJ in a
    saved name into «_» («پروژه_ها»), so the app sends it a space there (ui/filenames.py)."""
    page.goto(f"{app_url}/projects")
    wait_for_page(page)
    button = page.locator("[data-testid=stDownloadButton] button").filter(visible=True).first
    with page.expect_download() as download:
        button.click()
    name = download.value.suggested_filename
    stem = name.rsplit("_", 1)[0]  # «<title>_<Jalali date>.xlsx»
    assert stem == "پروژه ها", name
    assert page.outside() == []
