"""Reading a scenario from untrusted plain data: an allow-list, every problem collected.

Each field is read by :class:`_Reader` (text, numbers, integers, enumerations, Jalali
dates, id lists, :class:`~analytics.filters.ProjectFilter` dicts) against the limits of
:mod:`analytics.scenario.rules`; a problem is recorded, never raised, so a user sees all
of them at once.  :func:`read_edit` gives an edit's kind and field values (the model
builds the dataclass); :func:`read_header` checks the scenario's own fields.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from analytics.filters import ProjectFilter
from analytics.labour_model import COUNTY_GROUPS, check_assumption
from analytics.ranking import LEVELS
from analytics.scenario.rules import (
    DEPRIVATION_BY,
    EDIT_TYPES,
    HYP_PREFIX,
    ID_PART,
    JOB_RULES,
    MAX_DESCRIPTION,
    MAX_EDITS,
    MAX_IDS,
    MAX_MONTHS,
    MAX_TEXT,
    SCENARIO_VERSION,
    SHIFT_RULES,
    scenario_problem,
)
from core.jalali import JalaliDateError, format_jalali_iso
from core.numbers import NUMBER_LIMIT
from core.problems import Problem
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES

__all__ = ["read_edit", "read_header"]

#: Rules of :func:`analytics.labour_model.check_assumption` worded for a scenario field.
_LABOUR_RULES = {"not_number": "must_be_number"}


class _Reader:
    """Reads the fields of one JSON object, recording problems instead of raising."""

    def __init__(self, data: Mapping, edit: int | None, problems: list[Problem]):
        self.data = data
        self.edit = edit
        self.problems = problems

    def problem(self, name: str, value: object, rule: str, **params: object) -> None:
        self.problems.append(scenario_problem(self.edit, name, value, rule, **params))

    def has(self, name: str) -> bool:
        return name in self.data

    def text(self, name: str, required: bool = False, max_len: int = MAX_TEXT,
             default: str | None = None) -> str | None:
        if name not in self.data or self.data[name] is None:
            if required:
                self.problem(name, "", "missing")
            return default
        value = self.data[name]
        if not isinstance(value, str):
            self.problem(name, value, "not_text")
            return default
        value = value.strip()
        if required and not value:
            self.problem(name, value, "missing")
            return default
        if len(value) > max_len:
            self.problem(name, value, "too_long", maximum=max_len)
            return default
        return value

    def number(self, name: str, lo: float | None = None, hi: float | None = None,
               required: bool = False) -> float | None:
        if name not in self.data or self.data[name] is None:
            if required:
                self.problem(name, "", "missing")
            return None
        value = self.data[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(
                float(value)):
            self.problem(name, value, "must_be_number")
            return None
        value = float(value)
        if abs(value) > NUMBER_LIMIT:  # the one bound on every number (core.numbers)
            self.problem(name, value, "out_of_range", minimum=-NUMBER_LIMIT,
                         maximum=NUMBER_LIMIT)
            return None
        if lo is not None and hi is None and value < lo:
            self.problem(name, value, "negative" if lo == 0 else "below_minimum", minimum=lo)
            return None
        if hi is not None and not (lo if lo is not None else -math.inf) <= value <= hi:
            self.problem(name, value, "out_of_range", minimum=lo, maximum=hi)
            return None
        return value

    def integer(self, name: str, lo: int, hi: int | None = None, required: bool = False
                ) -> int | None:
        if name not in self.data or self.data[name] is None:
            if required:
                self.problem(name, "", "missing")
            return None
        value = self.data[name]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(name, value, "must_be_integer")
            return None
        if abs(value) > NUMBER_LIMIT:  # the one bound on every number (core.numbers)
            self.problem(name, value, "out_of_range", minimum=lo, maximum=hi or NUMBER_LIMIT)
            return None
        if value < lo and hi is None:
            self.problem(name, value, "negative" if lo == 0 else "below_minimum", minimum=lo)
            return None
        if hi is not None and not lo <= value <= hi:
            self.problem(name, value, "out_of_range", minimum=lo, maximum=hi)
            return None
        return value

    def enum(self, name: str, allowed: tuple[str, ...], required: bool = False,
             default: str | None = None) -> str | None:
        if name not in self.data or self.data[name] is None:
            if required:
                self.problem(name, "", "missing")
            return default
        value = self.data[name]
        if value not in allowed or not isinstance(value, str):
            self.problem(name, value, "not_allowed", allowed=list(allowed))
            return default
        return value

    def date(self, name: str) -> str | None:
        if name not in self.data or self.data[name] is None:
            return None
        value = self.data[name]
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.problem(name, value, "bad_date", detail="YYYY/MM/DD")
            return None
        try:
            return format_jalali_iso(value if isinstance(value, str) else str(value))
        except JalaliDateError as err:
            self.problem(name, value, "bad_date", detail=err.detail or err.reason)
            return None

    def str_list(self, name: str, max_items: int = MAX_IDS) -> tuple[str, ...] | None:
        if name not in self.data or self.data[name] is None:
            return None
        value = self.data[name]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(name, value, "not_list")
            return None
        if len(value) > max_items:
            self.problem(name, f"{len(value)} items", "too_many", maximum=max_items)
            return None
        bad = [v for v in value if not isinstance(v, str) or not v.strip() or len(v) > MAX_TEXT]
        if bad:
            self.problem(name, bad[0], "not_text")
            return None
        if not value:
            self.problem(name, value, "empty")
            return None
        return tuple(dict.fromkeys(v.strip() for v in value))

    def filter(self, name: str = "filter") -> ProjectFilter | None:
        if name not in self.data or self.data[name] is None:
            return None
        value = self.data[name]
        if not isinstance(value, dict):
            self.problem(name, value, "not_object")
            return None
        flt, rejected = ProjectFilter.from_dict(value)
        if rejected:
            self.problem(name, value, "filter_rejected", keys=sorted(set(rejected)))
            return None
        if any(len(c) > MAX_TEXT or not c.strip() for c in flt.counties):
            self.problem(name, value, "filter_rejected", keys=["counties"])
            return None
        return flt

    def unknown(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                self.problem(str(key), self.data[key], "unknown_field",
                             allowed=sorted(a for a in allowed if a != "type"))


def _read_selection(r: _Reader) -> dict:
    ids = r.str_list("ids")
    flt = r.filter("filter")
    if r.has("ids") and r.has("filter"):
        r.problem("ids", r.data["ids"], "ids_and_filter")
    elif not r.has("ids") and not r.has("filter"):
        r.problem("ids", "", "need_selection")
    return {"ids": ids, "filter": flt}


def _check_completed(r: _Reader, status: str | None, progress: float | None) -> None:
    if status == "completed" and progress is not None and progress != 100:
        r.problem("physical_progress_pct", progress, "completed_progress")


def _check_dates(r: _Reader, start: str | None, end: str | None) -> None:
    if start and end and end < start:
        r.problem("planned_end", end, "end_before_start_value", start=start)


def _parse_set_projects(r: _Reader) -> dict:
    out = _read_selection(r)
    out["status"] = r.enum("status", STATUSES)
    out["physical_progress_pct"] = r.number("physical_progress_pct", 0, 100)
    out["planned_start"] = r.date("planned_start")
    out["planned_end"] = r.date("planned_end")
    if not any(r.has(k) for k in ("status", "physical_progress_pct", "planned_start",
                                  "planned_end")):
        r.problem("status", "", "nothing_to_set")
    _check_completed(r, out["status"], out["physical_progress_pct"])
    _check_dates(r, out["planned_start"], out["planned_end"])
    return out


def _parse_cancel(r: _Reader) -> dict:
    return _read_selection(r)


def _parse_postpone(r: _Reader) -> dict:
    out = _read_selection(r)
    months = r.integer("months", -MAX_MONTHS, MAX_MONTHS, required=True)
    out["months"] = 0 if months is None else months
    return out


def _parse_add_project(r: _Reader) -> dict:
    out: dict[str, Any] = {
        "county": r.text("county", required=True),
        "sector": r.enum("sector", SECTORS, required=True),
        "title_fa": r.text("title_fa", required=True),
        "title_en": r.text("title_en"),
        "budget_billion_rials": r.number("budget_billion_rials", 0, required=True),
        "expected_jobs": r.integer("expected_jobs", 0, required=True),
        "status": r.enum("status", STATUSES, default="defined"),
        "physical_progress_pct": r.number("physical_progress_pct", 0, 100),
        "planned_start": r.date("planned_start"),
        "planned_end": r.date("planned_end"),
        "funding_source": r.enum("funding_source", FUNDING_SOURCES, default="mixed"),
        "id": r.text("id", max_len=64),
    }
    if out["id"] is not None:
        part = out["id"][len(HYP_PREFIX):] if out["id"].startswith(HYP_PREFIX) else out["id"]
        if not ID_PART.match(part) or part.startswith("realloc-"):
            r.problem("id", out["id"], "bad_id")
            out["id"] = None
        else:
            out["id"] = HYP_PREFIX + part
    _check_completed(r, out["status"], out["physical_progress_pct"])
    _check_dates(r, out["planned_start"], out["planned_end"])
    return out


def _parse_shift_budget(r: _Reader) -> dict:
    out: dict[str, Any] = {
        "share": r.number("share", 0, 1, required=True),
        "rule": r.enum("rule", SHIFT_RULES, default="per_capita"),
        "from_counties": r.str_list("from", max_items=100),
        "to_counties": r.str_list("to", max_items=100),
        "to_level": r.enum("to_level", LEVELS),
        "deprivation_by": r.enum("deprivation_by", DEPRIVATION_BY, default="unemployment_rate"),
        "jobs": r.enum("jobs", JOB_RULES, default="average"),
        "sector": r.enum("sector", SECTORS),
        "filter": r.filter("filter"),
        "weights": None,
    }
    if out["share"] is None:
        out["share"] = 0.0
    elif out["share"] == 0 and r.has("share"):
        r.problem("share", r.data["share"], "share_zero")  # moving nothing is no change
    if out["rule"] is None:
        out["rule"] = "per_capita"
    weights = r.data.get("weights")
    if weights is not None:
        if not isinstance(weights, dict) or not weights:
            r.problem("weights", weights, "not_object")
        elif len(weights) > 100:
            r.problem("weights", f"{len(weights)} items", "too_many", maximum=100)
        else:
            pairs = []
            for county, w in weights.items():
                if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w):
                    r.problem(f"weights.{county}", w, "must_be_number")
                elif w < 0:
                    r.problem(f"weights.{county}", w, "negative")
                elif not county.strip() or len(county) > MAX_TEXT:
                    r.problem("weights", county, "not_text")
                else:
                    pairs.append((county.strip(), float(w)))
            if pairs and sum(w for _, w in pairs) <= 0:
                r.problem("weights", weights, "weights_zero")
            out["weights"] = tuple(pairs)
    if out["rule"] == "named":
        if weights is None:
            r.problem("weights", "", "weights_needed")
        if r.has("to"):
            r.problem("to", r.data["to"], "to_with_named")
        if r.has("to_level"):
            r.problem("to_level", r.data["to_level"], "to_with_named")
    elif weights is not None:
        r.problem("weights", weights, "weights_only_named")
    if r.has("to_level") and r.has("to"):
        r.problem("to_level", r.data["to_level"], "to_level_with_to")
    if r.has("deprivation_by") and out["rule"] != "deprivation":
        r.problem("deprivation_by", r.data["deprivation_by"], "deprivation_only")
    return out


def _parse_assumptions(r: _Reader) -> dict:
    out: dict[str, Any] = {
        "group": r.enum("group", COUNTY_GROUPS),
        "counties": r.str_list("counties", max_items=100),
        "m": None, "k": None,
    }
    for name in ("m", "k"):
        if r.has(name) and r.data[name] is not None:
            found = check_assumption(**{name: r.data[name]})
            for p in found:
                r.problem(name, r.data[name], _LABOUR_RULES.get(p.rule, p.rule), **p.params)
            if not found:
                out[name] = float(r.data[name])
    if r.has("group") and r.has("counties"):
        r.problem("group", r.data["group"], "group_and_counties")
    elif not r.has("group") and not r.has("counties"):
        r.problem("group", "", "need_group", allowed=list(COUNTY_GROUPS))
    if not r.has("m") and not r.has("k"):
        r.problem("m", "", "nothing_to_assume")
    return out


_PARSERS = {
    "set_projects": (_parse_set_projects, ("ids", "filter", "status", "physical_progress_pct",
                                           "planned_start", "planned_end")),
    "cancel": (_parse_cancel, ("ids", "filter")),
    "postpone": (_parse_postpone, ("ids", "filter", "months")),
    "add_project": (_parse_add_project, ("id", "county", "sector", "title_fa", "title_en",
                                         "budget_billion_rials", "expected_jobs", "status",
                                         "physical_progress_pct", "planned_start",
                                         "planned_end", "funding_source")),
    "shift_budget": (_parse_shift_budget, ("share", "rule", "from", "to", "to_level", "weights",
                                           "deprivation_by", "jobs", "sector", "filter")),
    "assumptions": (_parse_assumptions, ("group", "counties", "m", "k")),
}


def read_edit(data: object, index: int | None, problems: list[Problem]
              ) -> tuple[str, dict[str, Any]] | None:
    """The kind and field values of one edit (index ``index``), or None with the
    problems appended to ``problems``."""
    before = len(problems)
    if not isinstance(data, dict):
        problems.append(scenario_problem(index, "edit", data, "not_object"))
        return None
    kind = data.get("type")
    if kind not in _PARSERS or not isinstance(kind, str):
        problems.append(scenario_problem(index, "type", kind, "unknown_type",
                                         allowed=list(EDIT_TYPES)))
        return None
    parser, allowed = _PARSERS[kind]
    r = _Reader(data, index, problems)
    values = parser(r)
    values["note"] = r.text("note", default="") or ""
    r.unknown(("type", "note", *allowed))
    if len(problems) > before:
        return None
    return kind, values


def read_header(data: object, problems: list[Problem]) -> tuple[str, str, list]:
    """The scenario's own fields — (name, description, the raw edits) — checked against
    the allow-list (problems appended to ``problems``; the edits are read by the caller
    with :func:`read_edit` when the list itself is acceptable, else ``[]``)."""
    if not isinstance(data, dict):
        problems.append(scenario_problem(None, "scenario", data, "not_object"))
        return "", "", []
    r = _Reader(data, None, problems)
    version = data.get("version")
    if "version" not in data:
        r.problem("version", "", "missing")
    elif version != SCENARIO_VERSION or isinstance(version, bool):
        r.problem("version", version, "bad_version", expected=SCENARIO_VERSION)
    name = r.text("name", default="", max_len=80) or ""
    description = r.text("description", default="", max_len=MAX_DESCRIPTION) or ""
    r.unknown(("version", "name", "description", "edits"))
    raw_edits = data.get("edits", [])
    if not isinstance(raw_edits, list):
        r.problem("edits", raw_edits, "not_list")
        return name, description, []
    if len(raw_edits) > MAX_EDITS:
        r.problem("edits", f"{len(raw_edits)} items", "too_many", maximum=MAX_EDITS)
        return name, description, []
    return name, description, raw_edits
