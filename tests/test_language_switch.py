"""Language switch and download names (issue 16), without a browser: after a switch every
keyed widget's choice is sent again with the widget (Streamlit 1.67 sends a radio's or
select box's value as its shown label, so the browser would otherwise keep the old
language's label); ZWNJ in download names for browsers that keep it.  The browser half
is tests/e2e/test_language_switch.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import fmt_int, t
from ui.filenames import browser_name, keeps_zwnj
from ui.state import _pinnable

CHROME = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/131.0.0.0 Safari/537.36")
EDGE = CHROME + " Edg/131.0.0.0"
HEADLESS = CHROME.replace("Chrome/", "HeadlessChrome/")
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like "
          "Gecko) Version/17.5 Safari/605.1.15")


@pytest.mark.parametrize("value,expected", [
    ("quantile", True), (5, True), (0.6, True), (["lenjan", "nain"], True), ((1395, 1410), True),
    (None, False), (True, False), (False, False), ([], False), ({"selection": {}}, False),
    ([object()], False)])
def test_only_option_values_are_sent_again(value, expected):
    assert _pinnable(value) is expected


@pytest.mark.parametrize("agent,kept", [(CHROME, False), (EDGE, False), (HEADLESS, False),
                                        (FIREFOX, True),
                                        (SAFARI, True), (None, True), ("", True)])
def test_zwnj_in_download_names(agent, kept):
    name = "پروژه‌ها_1405-09-16"
    assert keeps_zwnj(agent) is kept
    shown = browser_name(name, agent)
    assert "_" not in shown.split("_1405")[0]  # never a «_» inside the word
    assert shown == (name if kept else "پروژه ها_1405-09-16")


#: The chrome (language switch) and the Map page, as app.py runs them: AppTest runs a
#: ``pages/*.py`` file by itself (the legacy pages folder), without app.py's chrome.
MAP_WITH_CHROME = """
from ui import layout
from ui.pages import map as page
layout.chrome()
page.render()
"""


def open_map() -> AppTest:
    at = AppTest.from_string(MAP_WITH_CHROME, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def test_switching_language_sends_every_choice_again_in_the_new_language():
    at = open_map()
    at.radio(key="map_w_classes").set_value("quantile")
    at.run()
    at.select_slider(key="map_w_k").set_value(6)
    at.run()
    at.radio(key="lang_radio").set_value("en")
    at.run()
    assert not at.exception
    assert at.session_state["lang"] == "en"
    classes, k = at.radio(key="map_w_classes"), at.select_slider(key="map_w_k")
    assert classes.value == "quantile" and k.value == 6
    # shown in English, and sent with the widget (set_value) so the browser shows it
    assert classes.label == t("map.classes", "en")
    assert list(classes.proto.options) == [t(f"map.classes.{c}", "en")
                                           for c in ("continuous", "quantile", "equal", "jenks")]
    assert classes.proto.set_value and k.proto.set_value
    assert at.selectbox(key="map_w_measure").proto.set_value
    # the language radio names each language in itself, whatever the language shown
    assert list(at.radio(key="lang_radio").proto.options) == ["فارسی", "English"]
    at.run()  # the next run sends nothing again
    assert not at.radio(key="map_w_classes").proto.set_value
    at.radio(key="lang_radio").set_value("fa")
    at.run()
    classes, k = at.radio(key="map_w_classes"), at.select_slider(key="map_w_k")
    assert (classes.value, k.value) == ("quantile", 6)
    assert classes.proto.set_value and k.proto.set_value
    assert list(k.proto.options) == [fmt_int(v, "fa") for v in range(3, 8)]


def test_no_multiselect_offers_streamlits_english_bulk_option():
    """Streamlit 1.67's multiselect adds «Select all» / «Select 45 matches» (English only,
    no parameter for its text) unless ``select_all=False``; the Scenario page's project
    picker offers its own Persian «add all» button instead (issue 16)."""
    import ast

    root = Path(__file__).resolve().parents[1] / "ui"
    offending = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "multiselect"):
                given = {k.arg: k.value for k in node.keywords}
                value = given.get("select_all")
                if not (isinstance(value, ast.Constant) and value.value is False):
                    offending.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert offending == []


def test_every_select_box_has_a_placeholder_in_the_readers_language():
    """A select box or multiselect with nothing chosen shows Streamlit's English «Choose an
    option» / «Choose options» unless given a ``placeholder``: every one in ui/ is given
    one from the catalogue (``t(…, lang)``)."""
    import ast

    root = Path(__file__).resolve().parents[1] / "ui"
    offending = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("selectbox", "multiselect")):  # st. or a column
                given = {k.arg: k.value for k in node.keywords}
                value = given.get("placeholder")
                if not (isinstance(value, ast.Call) and getattr(value.func, "id", None) == "t"):
                    offending.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert offending == []


def test_a_switch_never_sends_a_typed_password_back():
    """What the first run after a switch sets again: the choices, never a password."""
    probe = AppTest.from_string(
        "import streamlit as st\n"
        "from ui import state\n"
        "st.session_state['kept'] = state.keep_widget_choices()\n", default_timeout=60)
    probe.session_state["auth_password"] = "secret-1"
    probe.session_state["map_w_view"] = "tiles"
    probe.session_state["page:map_view"] = "tiles"
    probe.run()
    assert "map_w_view" in probe.session_state["kept"]
    assert "auth_password" not in probe.session_state["kept"]
    assert "page:map_view" not in probe.session_state["kept"]  # not a widget's key
