"""core.problems: one problem type for data files and scenarios — the catalogue's wording
once i18n is imported (registered, not imported by core), a plain fallback without it,
and the error that carries every problem."""

from __future__ import annotations

import json

import pytest

import core.problems as problems_module
from core.problems import (
    DataValidationError,
    Problem,
    ProblemsError,
    plain_message,
    problems_frame,
    register_renderer,
)
from i18n.problems import render_problem

DATA = Problem("p.csv", 3, "budget", "x", "below_minimum", {"minimum": 1300}, "Sheet1")
SCENARIO = Problem.in_scenario(1, "share", "2", "out_of_range", {"minimum": 0, "maximum": 1})
WHOLE = Problem.in_scenario(None, "version", "2", "bad_version", {"expected": 1})


@pytest.fixture
def unregistered():
    """No renderer registered (as before i18n is imported); restored afterwards."""
    register_renderer(None)
    yield
    register_renderer(render_problem)


def test_importing_i18n_registers_the_catalogue_renderer():
    import i18n  # noqa: F401 - importing it is what registers the renderer

    assert problems_module._renderer is render_problem
    assert DATA.message("en") == ("file 'p.csv / Sheet1', row 3, column 'budget', value 'x': "
                                  "below the minimum 1300")
    assert DATA.message("fa").startswith("پرونده «p.csv / Sheet1»، ردیف ۳")
    assert "۱۳۰۰" in DATA.message("fa")  # data parameters: the reader's digits only


def test_scenario_problems_use_the_same_type_and_rule_namespace():
    assert SCENARIO.scope == "scenario" and SCENARIO.field == "share" and SCENARIO.edit == 1
    assert SCENARIO.message("en") == "edit 2, field 'share', value '2': must be between 0 and 1"
    assert SCENARIO.message("fa").startswith("ویرایش ۲، فیلد «share»")
    assert WHOLE.message("en") == "scenario, field 'version', value '2': unsupported version; expected 1"
    long = Problem.in_scenario(0, "name", "x" * 100, "too_long", {"maximum": 80})
    assert "x" * 77 + "…" in long.message("en")


def test_plain_fallback_without_i18n(unregistered):
    assert DATA.message("fa") == plain_message(DATA) == (
        "file 'p.csv / Sheet1', row 3, column 'budget', value 'x': below_minimum (minimum=1300)")
    assert SCENARIO.message("en") == (
        "edit 2, field 'share', value '2': out_of_range (minimum=0, maximum=1)")
    assert WHOLE.message("en") == "scenario, field 'version', value '2': bad_version (expected=1)"


def test_the_error_carries_every_problem():
    many = [Problem("f.csv", i, "c", "v", "required") for i in range(7)]
    err = DataValidationError("f.csv", many)
    assert isinstance(err, ProblemsError) and isinstance(err, ValueError)
    assert err.file == "f.csv" and err.problems == many
    assert str(err).startswith("7 problem(s) in f.csv: file 'f.csv', row 0")
    assert str(err).endswith("(+2 more)")
    assert err.messages("en") == [p.message("en") for p in many]


def test_to_dict_and_frame():
    found = Problem.in_scenario(0, "ids", '["a"]', "unknown_project_ids",
                                {"count": 1, "ids": ("a",)})
    assert json.loads(json.dumps(found.to_dict()))["params"] == {"count": 1, "ids": ["a"]}
    frame = problems_frame([DATA, SCENARIO], "en")
    assert list(frame.columns) == ["file", "sheet", "row", "column", "value", "rule", "message"]
    assert frame["message"].tolist() == [DATA.message("en"), SCENARIO.message("en")]
