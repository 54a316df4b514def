"""The allow-list of a scenario file and the problem of a refused one.

Versions, edit kinds, enumerations and size limits (:mod:`analytics.scenario.parse`
checks every field against them), and :class:`ScenarioError`, the error that carries
every :class:`core.problems.Problem` of a refused scenario (scope ``scenario``: the edit
index and the field; rule ids are catalogue keys ``rule.<id>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from core.problems import Problem, ProblemsError

__all__ = [
    "DEPRIVATION_BY",
    "EDIT_TYPES",
    "HYP_PREFIX",
    "JOB_RULES",
    "MAX_EDITS",
    "REALLOC_PREFIX",
    "SCENARIO_VERSION",
    "SHIFT_RULES",
    "ScenarioError",
    "scenario_problem",
    "shown",
]

SCENARIO_VERSION = 1
HYP_PREFIX = "hyp-"
REALLOC_PREFIX = "hyp-realloc-"
SHIFT_RULES = ("per_capita", "deprivation", "equal", "named")
DEPRIVATION_BY = ("unemployment_rate", "development_rank")
JOB_RULES = ("average", "none")
MAX_EDITS = 100
MAX_IDS = 5000
MAX_TEXT = 200
MAX_DESCRIPTION = 2000
MAX_MONTHS = 240
ID_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
#: The edit kinds, in the order the page and the CLI list them.
EDIT_TYPES = ("set_projects", "cancel", "postpone", "add_project", "shift_budget", "assumptions")


def shown(value: object) -> str:
    """``value`` as the text a problem shows (JSON for data; at most 200 characters)."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)[:200]
    except (TypeError, ValueError, RecursionError):
        return repr(value)[:200]


def scenario_problem(edit: int | None, field: str, value: object, rule: str,
                     **params: object) -> Problem:
    """A problem of ``field`` of edit ``edit`` (0-based; None = the scenario itself)."""
    return Problem.in_scenario(edit, field, shown(value), rule, params)


class ScenarioError(ProblemsError):
    """An invalid scenario; ``problems`` lists every problem found (nothing was applied)."""

    def __init__(self, problems: Iterable[Problem]):
        super().__init__(problems, "invalid scenario")
