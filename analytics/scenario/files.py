"""A scenario as JSON text and back — the saved file and the link payload (no disk I/O).

:mod:`store.scenarios` reads and writes the files and packs links; the text itself is
made and read here.  Reading is strict JSON (``NaN``/``Infinity`` refused) and never
raises: malformed text gives ``(None, problems)`` with rule ``not_json``.
"""

from __future__ import annotations

import json
from typing import Any

from analytics.scenario.model import Scenario
from core.problems import Problem

__all__ = ["compact_json", "file_text", "loads_strict", "scenario_from_text"]


def loads_strict(text: str) -> Any:
    """``json.loads`` refusing ``NaN``/``Infinity``."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not allowed")

    return json.loads(text, parse_constant=refuse)


def scenario_from_text(text: str, field: str) -> tuple[Scenario | None, list[Problem]]:
    """The scenario in JSON ``text`` (problems name ``field``, e.g. "file" or "link"):
    ``(scenario, [])`` or ``(None, problems)``; never raises."""
    try:
        data = loads_strict(text)
    except (ValueError, RecursionError) as err:
        return None, [Problem.in_scenario(None, field, text[:60], "not_json",
                                          {"detail": str(err)[:120]})]
    try:
        return Scenario.parse(data)
    except RecursionError:  # pragma: no cover - parse does not recurse deeply
        return None, [Problem.in_scenario(None, field, text[:60], "not_json",
                                          {"detail": "nested too deeply"})]


def file_text(scenario: Scenario, name: str) -> str:
    """The saved file: the scenario's dict under ``name``, indented, ending in a newline."""
    data = scenario.to_dict()
    data["name"] = name
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def compact_json(scenario: Scenario) -> str:
    """The scenario's dict as compact JSON (a link's payload before packing)."""
    return json.dumps(scenario.to_dict(), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
