"""Crafted links (issue 17, fault 6): every page opened with tampered query parameters
falls back to its defaults with a visible notice and never raises — the audit's
``{"year_to":1390}`` (outside the year slider), ``{"year_from":1499}``, 1,900 ``[`` in
``?f=`` and in ``/ranking?spec=``, and more of the same kind.  Runs under AppTest with the
tests' development mode (``PISHRAN_DEV``), so any exception of a page fails the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from ui import state

ROOT = Path(__file__).resolve().parents[1]
DEEP = "[" * 1900
NESTED = json.dumps({"counties": [[[[[["isfahan"]]]]]]})

#: (page, query, the parameter whose notice must show — None: no notice expected)
LINKS = [
    ("overview", {"f": '{"year_to":1390}'}, "f"),
    ("overview", {"f": '{"year_from":1499}'}, "f"),
    ("overview", {"f": '{"year_from":1410,"year_to":1400}'}, "f"),
    ("overview", {"f": DEEP}, "f"),
    ("overview", {"f": NESTED}, "f"),
    ("overview", {"f": '{"year_from":NaN}'}, "f"),
    ("overview", {"f": '{"year_from":1e400}'}, "f"),
    ("overview", {"f": '{"year_from":true}'}, "f"),
    ("overview", {"f": '{"text":"' + "x" * 3000 + '"}'}, "f"),
    ("overview", {"f": "\x00{}"}, "f"),
    ("overview", {"lang": "xx"}, "lang"),
    ("overview", {"measure": "__class__"}, "measure"),
    ("ranking", {"spec": DEEP}, "spec"),
    ("ranking", {"spec": '{"unemployment_rate":[1,1e400]}'}, "spec"),
    ("ranking", {"spec": '{"__proto__":[1,1]}'}, "spec"),
    ("ranking", {"spec": json.dumps({"a": {"b": {"c": {"d": {"e": 1}}}}})}, "spec"),
    ("ranking", {"method": "evil"}, "method"),
    ("map", {"k": "²"}, "k"),
    ("map", {"k": "99"}, "k"),
    ("map", {"layers": "projects,../../etc"}, "layers"),
    ("map", {"f": '{"year_to":1390}', "county": "<script>"}, "f"),
    ("balance", {"ring": "isfahan,nowhere", "x": "evil"}, "x"),
    ("labour", {"u": "nan", "m": "1e999"}, "u"),
    ("projects", {"cols": DEEP, "sort": "evil"}, "sort"),
    ("county", {"county": "<img src=x>"}, "county"),
    ("briefing", {"views": "a,b"}, "views"),
    ("scenario", {"s": "pishran1:!!!!", "f": DEEP}, "f"),
]


def open_with(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    return at.run()


@pytest.mark.parametrize(("page", "query", "param"), LINKS,
                         ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(LINKS)])
def test_crafted_link_falls_back_with_a_notice(page, query, param):
    at = open_with(page, query)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if param is not None:
        lang = "fa"
        expected = t("url.rejected", lang, param=param)
        assert expected in [w.value for w in at.warning], [w.value for w in at.warning]


def test_the_link_parser_never_raises():
    assert state.json_value(DEEP) is None
    assert state.json_value("[" * 10 + "]" * 10) is None  # deeper than MAX_DEPTH
    assert state.json_value('{"a": [1, 2]}') == {"a": [1, 2]}
    assert state.json_value('"[[[[[[[[" ') == "[[[[[[[["  # brackets inside a string
    assert state.json_value("NaN") is None and state.json_value("[Infinity]") is None
    assert state.json_value(None) is None and state.json_value(123) is None


def test_link_years_are_the_sliders_years():
    assert state.filter_year_ok(None)
    assert state.filter_year_ok(state.FILTER_YEARS[0])
    assert state.filter_year_ok(state.FILTER_YEARS[-1])
    assert not state.filter_year_ok(1390) and not state.filter_year_ok(1499)
    assert not state.filter_year_ok(True)


def _failing_page():
    import os

    from ui.errors import guarded

    os.environ.pop("PISHRAN_DEV", None)

    def page():
        raise ValueError("/secret/server/path.py: 1390 is not in iterable")

    guarded(page)


def test_a_failing_page_shows_an_incident_id_and_logs_the_traceback(monkeypatch, caplog):
    monkeypatch.delenv("PISHRAN_DEV", raising=False)
    with caplog.at_level("ERROR", logger="pishran.incident"):
        at = AppTest.from_function(_failing_page, default_timeout=30).run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert "/secret" not in error and "ValueError" not in error and "Traceback" not in error
    incident = error.split("شناسهٔ ")[1].split(" ")[0]
    assert len(incident) == 8
    assert error == t("incident.message", "fa", incident=incident)
    logged = [r for r in caplog.records if incident in r.getMessage()]
    assert logged and logged[0].exc_info and "/secret/server/path.py" in logged[0].getMessage()
