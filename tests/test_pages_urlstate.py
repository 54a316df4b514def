"""ui.state's one way of reading a page choice from the URL and seeding a widget with it:
page_param (session, else an allow-listed ``?key=``, else the default, with a notice for a
rejected value), seed (a widget's first value only), json_value."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from i18n import t
from ui import state


def _page():
    import streamlit as st

    from ui import state

    value = state.page_param("k", "a", state.choice(["a", "b"]))
    once = state.page_param("scope", "p", state.choice(["p", "q"]), session_key="m_scope",
                            max_len=5, follow_links=False)
    picked = st.selectbox("pick", ["a", "b"], key=state.seed("w", value, options=["a", "b"]))
    st.text(f"value={value} once={once} picked={picked}")
    state.show_notices()
    state.sync_url({"k": picked if picked != "a" else None})


def run(**query) -> AppTest:
    at = AppTest.from_function(_page, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def text(at: AppTest) -> str:
    return at.text[0].value


def test_the_url_seeds_the_widget_once_then_the_visitor_decides():
    at = run(k="b", scope="q")
    assert text(at) == "value=b once=q picked=b" and not at.warning
    at.selectbox(key="w").set_value("a").run()
    assert text(at) == "value=b once=q picked=a"  # the widget keeps the visitor's choice
    assert "k" not in at.query_params  # the default is left out of the URL


def test_a_rejected_value_falls_back_with_one_notice():
    at = run(k="evil", scope="toolong")
    assert text(at) == "value=a once=p picked=a"
    warnings = [w.value for w in at.warning]
    assert warnings == [t("url.rejected", "fa", param="k"), t("url.rejected", "fa", param="scope")]
    at.run()
    assert not at.warning  # shown once


def test_json_value_is_none_for_anything_but_json():
    assert state.json_value('{"a": [1, 2]}') == {"a": [1, 2]}
    assert state.json_value("{not json") is None
    assert state.json_value(None) is None
    assert state.json_value("[" * 3000) is None  # too long to parse
