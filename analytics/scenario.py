"""Scenarios: the baseline registry plus named edits, applied in order ("what if …?").

A :class:`Scenario` is plain data — a version, a name, a description and a list of
edits — that round-trips through JSON (:meth:`Scenario.to_dict` / :meth:`Scenario.parse`).
Parsing validates against an allow-list and collects *every* problem
(:class:`ScenarioProblem`: edit index, field, value, rule); :class:`ScenarioError` carries
them and renders them in Persian or English through the catalogue (``scenario.*`` keys).

JSON format (version 1)::

    {"version": 1, "name": "Khur tourism", "description": "…",
     "edits": [
       {"type": "set_projects", "filter": {"counties": ["khur_va_biabanak"],
                                           "sectors": ["tourism"]},
        "status": "completed", "physical_progress_pct": 100, "planned_end": "1405/12/29"},
       {"type": "cancel", "ids": ["nain-03"]},
       {"type": "postpone", "filter": {"sectors": ["water"]}, "months": 6},
       {"type": "add_project", "county": "nain", "sector": "tourism", "title_fa": "…",
        "budget_billion_rials": 500, "expected_jobs": 120, "status": "defined",
        "planned_start": "1405/01/01", "planned_end": "1407/12/29"},
       {"type": "shift_budget", "share": 0.1, "rule": "deprivation",
        "deprivation_by": "unemployment_rate"},
       {"type": "assumptions", "group": "industrial", "m": 0.8, "k": 2}]}

Edits (every edit may also carry a free-text ``note``):

``set_projects``
    ``ids`` (list) *or* ``filter`` (a :class:`~analytics.filters.ProjectFilter` dict;
    ``{}`` = every project) plus at least one of ``status``, ``physical_progress_pct``,
    ``planned_start``, ``planned_end`` (Jalali).  Setting ``status`` "completed" without a
    progress sets progress to 100; "completed" with a progress other than 100 is refused.
    A planned end before the (new or kept) planned start of any chosen project is refused.
``cancel``
    ``ids`` or ``filter``; status → "cancelled".  Completed projects are left as they are
    (their money is spent) and counted in the log.
``postpone``
    ``ids`` or ``filter`` and ``months`` (integer, −240…240; negative brings forward):
    planned start and end move by whole Jalali months; a day that does not exist in the
    target month becomes the month's last day (1404/06/31 + 1 month = 1404/07/30; Esfand
    has 29 or 30 days by the leap rule of :mod:`core.jalali`).  Completed and
    cancelled projects are left as they are; missing dates stay missing.
``add_project``
    a hypothetical project: ``county`` (name or code), ``sector``, ``title_fa``,
    ``budget_billion_rials`` ≥ 0, ``expected_jobs`` ≥ 0, optional ``title_en``,
    ``status`` (default "defined"), ``physical_progress_pct`` (default 0, or 100 when
    completed), ``planned_start``/``planned_end``, ``funding_source`` (default "mixed"),
    ``id`` (default ``hyp-NNN`` from the edit number; a given id gets the ``hyp-`` prefix).
``shift_budget``
    moves ``share`` (0–1) of the budget of the ``from`` counties (default: the province
    centre) to the ``to`` counties (default: every other county) by ``rule``:

    * ``per_capita`` — recipients in proportion to population (latest census);
    * ``deprivation`` — in proportion to a deprivation weight chosen by
      ``deprivation_by``: ``unemployment_rate`` (default; the latest rate in per cent) or
      ``development_rank`` (the consensus rank of :func:`analytics.ranking.rank_all_methods`
      over :data:`DEVELOPMENT_SPEC`, 1 = most developed; the weight is the rank itself, so
      the least developed of 28 counties weighs 28 and the most developed 1);
    * ``equal`` — the same amount to every recipient;
    * ``named`` — to the counties named in ``weights`` (``{"nain": 2, "natanz": 1}``) in
      proportion to the given weights (``to`` must then be left out).

    The amount leaving a donor county is ``share`` × the budget of its non-cancelled
    projects (optionally only those matching ``filter``), taken from each such project in
    proportion to its budget (b′ = b − share·b).  Each recipient receives it as ONE
    synthetic hypothetical project ``hyp-realloc-<edit number>-<county code>`` (status
    "defined", progress 0, no dates, title «بودجه بازتخصیص‌یافته (سناریو)»).  Its
    ``sector`` is the edit's ``sector`` if given, otherwise the sector that contributed the
    largest part of the moved budget; its funding source likewise the dominant donor one.
    The province total is preserved (to float rounding: the largest-weight recipient gets
    the remainder).  Jobs (``jobs``): ``average`` (default) — donor projects' expected jobs
    shrink in proportion (rounded to whole jobs) and a recipient's synthetic project gets
    budget × the recipient's current jobs-per-budget ratio over its non-cancelled projects
    (0 when it has no budget), rounded; ``none`` — no job changes, synthetic projects
    carry 0 jobs.
``assumptions``
    labour-model parameters ``m`` and/or ``k`` (see :mod:`analytics.labour_model`) for a
    ``group`` ("industrial", "other", "all") or a list of ``counties``.

Application (:func:`apply_scenario`) — and when order matters
--------------------------------------------------------------
Edits are applied in list order, each to the table left by the previous ones; id lists
and filters are evaluated at that moment (so they see statuses set earlier and
hypothetical projects added earlier).  Hence: edits touching disjoint projects commute
when neither's filter depends on a field the other changes; when two edits set the same
field of the same project the later wins (cancel then complete = completed); a
``shift_budget`` takes its share of the budget as it stands at that point (two 10 %
shifts move 10 % and then 10 % of the rest); ``assumptions`` edits commute with every
project edit (the labour model runs once, after all edits), and among themselves the
later wins for a county.  Edits never delete or reorder rows: baseline rows keep their
order and index, hypothetical rows are appended (``is_hypothetical`` True; baseline
rows False; ``source`` "scenario"; ``is_sample`` False).  The baseline tables are never
changed.  An edit with a problem is not applied; all problems of all edits are collected
and raised together as :class:`ScenarioError`.

Labour model: the new direct jobs J of a county are the expected jobs of the projects
that are *completed in the scenario but were not completed in the baseline* (including
completed hypothetical projects).  Projects completed in the baseline and not in the
scenario do not reduce J (the model has no job-loss side; they are counted in the log).
The adjusted unemployment rate, labour force and net-migration rate replace, in
``indicators_adjusted``, the latest-year rows the county panel uses (``quality``
"estimate", ``scenario_adjusted`` True); only counties with J > 0 are touched.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, ClassVar

import numpy as np
import pandas as pd

try:  # pandas ≥ 3 stores strings in pyarrow; used for fast masks on large registries
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover
    pa = pc = None

from analytics.filters import ProjectFilter
from analytics.labour_model import (
    COUNTY_GROUPS,
    INDUSTRIAL_COUNTIES,
    check_assumption,
    default_parameters,
    labour_effect,
)
from analytics.panel import indicator_wide
from core.jalali import JalaliDateError, format_jalali_iso, month_length, parse_jalali
from core.schema import FUNDING_SOURCES, SECTORS, STATUSES
from i18n import t
from i18n.formatting import fmt_number, join_list, localise_digits

__all__ = [
    "DEPRIVATION_BY",
    "DEVELOPMENT_SPEC",
    "EDIT_TYPES",
    "HYP_PREFIX",
    "JOB_RULES",
    "MAX_EDITS",
    "REALLOC_PREFIX",
    "SCENARIO_VERSION",
    "SHIFT_RULES",
    "AddProject",
    "Assumptions",
    "Cancel",
    "LogEntry",
    "Postpone",
    "Scenario",
    "ScenarioError",
    "ScenarioProblem",
    "ScenarioResult",
    "SetProjects",
    "ShiftBudget",
    "add_months",
    "apply_scenario",
    "describe_edit",
    "edit_from_dict",
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
_ID_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")

#: Indicators (direction) of the development rank used by ``deprivation_by:
#: development_rank`` — census/labour indicators only, so the weights do not depend on the
#: project registry being edited.
_LABOUR_INDICATORS = ("population", "unemployment_rate", "labour_force", "net_migration_rate")
DEVELOPMENT_SPEC = {
    "unemployment_rate": -1, "net_migration_rate": 1, "literacy_rate": 1,
    "urbanisation_rate": 1, "industrial_employment_share": 1,
}


# ---------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------


def _fmt_param(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return fmt_number(value, lang, 0)
    if isinstance(value, (float, np.floating)):
        decimals = 0 if float(value).is_integer() else 2
        return fmt_number(value, lang, decimals)
    if isinstance(value, (list, tuple)):
        return join_list((_fmt_param(v, lang) for v in value), lang)
    return str(value)


@dataclass(frozen=True)
class ScenarioProblem:
    """One problem: ``edit`` (0-based index in ``edits``; None for the scenario itself),
    ``field``, the offending ``value`` (as text), a stable ``rule`` id (message key
    ``scenario.rule.<rule>``) and the rule's ``params``."""

    edit: int | None
    field: str
    value: str
    rule: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "fa") -> str:
        params = {k: _fmt_param(v, lang) for k, v in self.params.items()}
        rule = t(f"scenario.rule.{self.rule}", lang, **params)
        value = self.value if len(self.value) <= 80 else self.value[:77] + "…"
        if self.edit is None:
            return t("scenario.problem.scenario", lang, field=self.field, value=value,
                     rule=rule)
        return t("scenario.problem.edit", lang, edit=localise_digits(str(self.edit + 1), lang),
                 field=self.field, value=value, rule=rule)

    def to_dict(self) -> dict:
        return {"edit": self.edit, "field": self.field, "value": self.value, "rule": self.rule,
                "params": {k: (list(v) if isinstance(v, tuple) else v)
                           for k, v in self.params.items()}}


class ScenarioError(ValueError):
    """An invalid scenario; ``problems`` lists every problem found (nothing was applied)."""

    def __init__(self, problems: list[ScenarioProblem]):
        self.problems = list(problems)
        head = "; ".join(p.message("en") for p in self.problems[:5])
        more = f" (+{len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"invalid scenario: {head}{more}")

    def messages(self, lang: str = "fa") -> list[str]:
        return [p.message(lang) for p in self.problems]


def _show(value: object) -> str:
    if isinstance(value, str):
        return value
    try:
        import json

        return json.dumps(value, ensure_ascii=False, default=str)[:200]
    except (TypeError, ValueError, RecursionError):
        return repr(value)[:200]


# ---------------------------------------------------------------------------
# Edits
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Selected:
    """Common part of the edits that choose projects: ``ids`` or ``filter``."""

    ids: tuple[str, ...] | None = None
    filter: ProjectFilter | None = None
    note: str = ""


@dataclass(frozen=True)
class SetProjects(_Selected):
    kind: ClassVar[str] = "set_projects"
    status: str | None = None
    physical_progress_pct: float | None = None
    planned_start: str | None = None
    planned_end: str | None = None


@dataclass(frozen=True)
class Cancel(_Selected):
    kind: ClassVar[str] = "cancel"


@dataclass(frozen=True)
class Postpone(_Selected):
    kind: ClassVar[str] = "postpone"
    months: int = 0


@dataclass(frozen=True)
class AddProject:
    kind: ClassVar[str] = "add_project"
    county: str = ""
    sector: str = ""
    title_fa: str = ""
    budget_billion_rials: float = 0.0
    expected_jobs: int = 0
    title_en: str | None = None
    status: str = "defined"
    physical_progress_pct: float | None = None
    planned_start: str | None = None
    planned_end: str | None = None
    funding_source: str = "mixed"
    id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class ShiftBudget:
    kind: ClassVar[str] = "shift_budget"
    share: float = 0.0
    rule: str = "per_capita"
    from_counties: tuple[str, ...] | None = None
    to_counties: tuple[str, ...] | None = None
    weights: tuple[tuple[str, float], ...] | None = None
    deprivation_by: str = "unemployment_rate"
    jobs: str = "average"
    sector: str | None = None
    filter: ProjectFilter | None = None
    note: str = ""


@dataclass(frozen=True)
class Assumptions:
    kind: ClassVar[str] = "assumptions"
    group: str | None = None
    counties: tuple[str, ...] | None = None
    m: float | None = None
    k: float | None = None
    note: str = ""


Edit = SetProjects | Cancel | Postpone | AddProject | ShiftBudget | Assumptions
_EDIT_CLASSES = {c.kind: c for c in (SetProjects, Cancel, Postpone, AddProject, ShiftBudget,
                                     Assumptions)}
EDIT_TYPES = tuple(_EDIT_CLASSES)
# JSON key -> dataclass field where they differ.
_RENAMED = {"from": "from_counties", "to": "to_counties"}
_JSON_NAME = {v: k for k, v in _RENAMED.items()}


_ALWAYS_WRITTEN = {
    "add_project": {"county", "sector", "title_fa", "budget_billion_rials", "expected_jobs"},
    "shift_budget": {"share"},
    "postpone": {"months"},
}


def _edit_to_dict(edit: Edit) -> dict:
    """JSON-safe dict of one edit: ``type`` first, then the fields that differ from their
    defaults (required fields always)."""
    out: dict[str, Any] = {"type": edit.kind}
    default = type(edit)()
    for f in fields(edit):
        value = getattr(edit, f.name)
        always = f.name in _ALWAYS_WRITTEN.get(edit.kind, ())
        if not always and value == getattr(default, f.name):
            continue
        key = _JSON_NAME.get(f.name, f.name)
        if isinstance(value, ProjectFilter):
            out[key] = value.to_dict()
        elif f.name == "weights":
            out[key] = {c: w for c, w in value}
        elif isinstance(value, tuple):
            out[key] = list(value)
        else:
            out[key] = value
    return out


# ---------------------------------------------------------------------------
# Parsing (allow-list, every problem collected)
# ---------------------------------------------------------------------------


class _Reader:
    """Reads the fields of one JSON object, recording problems instead of raising."""

    def __init__(self, data: Mapping, edit: int | None, problems: list[ScenarioProblem]):
        self.data = data
        self.edit = edit
        self.problems = problems

    def problem(self, name: str, value: object, rule: str, **params: object) -> None:
        self.problems.append(ScenarioProblem(self.edit, name, _show(value), rule, params))

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
            self.problem(name, value, "not_number")
            return None
        value = float(value)
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
            self.problem(name, value, "not_integer")
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
        if not _ID_PART.match(part) or part.startswith("realloc-"):
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
        "deprivation_by": r.enum("deprivation_by", DEPRIVATION_BY, default="unemployment_rate"),
        "jobs": r.enum("jobs", JOB_RULES, default="average"),
        "sector": r.enum("sector", SECTORS),
        "filter": r.filter("filter"),
        "weights": None,
    }
    if out["share"] is None:
        out["share"] = 0.0
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
                    r.problem(f"weights.{county}", w, "not_number")
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
    elif weights is not None:
        r.problem("weights", weights, "weights_only_named")
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
                r.problem(name, r.data[name], p.rule, **p.params)
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
    "shift_budget": (_parse_shift_budget, ("share", "rule", "from", "to", "weights",
                                           "deprivation_by", "jobs", "sector", "filter")),
    "assumptions": (_parse_assumptions, ("group", "counties", "m", "k")),
}


def _parse_edit(data: object, index: int | None, problems: list[ScenarioProblem]
                ) -> Edit | None:
    before = len(problems)
    if not isinstance(data, dict):
        problems.append(ScenarioProblem(index, "edit", _show(data), "not_object"))
        return None
    kind = data.get("type")
    if kind not in _PARSERS or not isinstance(kind, str):
        problems.append(ScenarioProblem(index, "type", _show(kind), "unknown_type",
                                        {"allowed": list(EDIT_TYPES)}))
        return None
    parser, allowed = _PARSERS[kind]
    r = _Reader(data, index, problems)
    values = parser(r)
    values["note"] = r.text("note", default="") or ""
    r.unknown(("type", "note", *allowed))
    if len(problems) > before:
        return None
    return _EDIT_CLASSES[kind](**values)


def edit_from_dict(data: object, index: int | None = None) -> tuple[Edit | None, list]:
    """One edit from untrusted plain data: ``(edit, [])`` or ``(None, problems)``."""
    problems: list[ScenarioProblem] = []
    edit = _parse_edit(data, index, problems)
    return edit, problems


# ---------------------------------------------------------------------------
# Scenario
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """Plain data: ``edits`` applied in order to the baseline (see module docstring)."""

    edits: tuple[Edit, ...] = ()
    name: str = ""
    description: str = ""
    version: int = SCENARIO_VERSION

    def is_empty(self) -> bool:
        return not self.edits

    def to_dict(self) -> dict:
        """JSON-safe dict (the file / link format)."""
        out: dict[str, Any] = {"version": self.version}
        if self.name:
            out["name"] = self.name
        if self.description:
            out["description"] = self.description
        out["edits"] = [_edit_to_dict(e) for e in self.edits]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        import json

        separators = (",", ":") if indent is None else None
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent,
                          separators=separators)

    def with_edits(self, *edits: Edit) -> Scenario:
        return replace(self, edits=self.edits + tuple(edits))

    @classmethod
    def parse(cls, data: object) -> tuple[Scenario | None, list[ScenarioProblem]]:
        """From untrusted plain data: ``(scenario, [])`` or ``(None, problems)``; never raises."""
        problems: list[ScenarioProblem] = []
        if not isinstance(data, dict):
            return None, [ScenarioProblem(None, "scenario", _show(data), "not_object")]
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
        edits: list[Edit] = []
        if not isinstance(raw_edits, list):
            r.problem("edits", raw_edits, "not_list")
        elif len(raw_edits) > MAX_EDITS:
            r.problem("edits", f"{len(raw_edits)} items", "too_many", maximum=MAX_EDITS)
        else:
            for i, raw in enumerate(raw_edits):
                edit = _parse_edit(raw, i, problems)
                if edit is not None:
                    edits.append(edit)
        if problems:
            return None, problems
        return cls(edits=tuple(edits), name=name, description=description), []

    @classmethod
    def from_dict(cls, data: object) -> Scenario:
        """Like :meth:`parse` but raises :class:`ScenarioError`."""
        scenario, problems = cls.parse(data)
        if problems:
            raise ScenarioError(problems)
        return scenario


# ---------------------------------------------------------------------------
# Jalali month arithmetic
# ---------------------------------------------------------------------------


def add_months(date: str, months: int) -> str:
    """``YYYY/MM/DD`` + ``months`` whole Jalali months; a day past the end of the target
    month becomes its last day (1404/06/31 + 1 → 1404/07/30; 1403/12/30 + 12 → 1404/12/29)."""
    year, month, day = parse_jalali(date)
    total = year * 12 + (month - 1) + int(months)
    new_year, new_month = divmod(total, 12)
    new_month += 1
    if not 1200 <= new_year <= 1500:
        raise JalaliDateError(date, "year", f"year {new_year} outside 1200–1500")
    new_day = min(day, month_length(new_year, new_month))
    return f"{new_year:04d}/{new_month:02d}/{new_day:02d}"


def _add_months_many(dates: pd.Series, months: int) -> tuple[np.ndarray, list[str]]:
    """:func:`add_months` for many distinct dates at once: canonical ``YYYY/MM/DD`` texts
    are split with numpy and shifted with vectorised month arithmetic (Esfand's length
    looked up once per distinct year); other spellings go through :func:`add_months`.
    Returns (shifted texts, the dates that could not be shifted)."""
    texts = dates.astype(object).to_numpy()
    out = np.empty(len(texts), dtype=object)
    as_text = np.array(texts, dtype=str)
    right_length = np.char.str_len(as_text) == 10
    fixed = np.where(right_length, as_text.astype("<U10"), "??????????").astype("<U10")
    chars = fixed.view(np.uint32).reshape(len(texts), 10).astype(np.int64) - ord("0")
    slash = ord("/") - ord("0")
    digit_cols = [0, 1, 2, 3, 5, 6, 8, 9]
    canonical = ((chars[:, 4] == slash) & (chars[:, 7] == slash)
                 & ((chars[:, digit_cols] >= 0) & (chars[:, digit_cols] <= 9)).all(axis=1))
    bad: list[str] = []
    for i in np.flatnonzero(~canonical):  # rare: another accepted spelling
        try:
            out[i] = add_months(str(texts[i]), months)
        except JalaliDateError:
            bad.append(str(texts[i]))
    if canonical.any():
        c = chars[canonical]
        year = c[:, 0] * 1000 + c[:, 1] * 100 + c[:, 2] * 10 + c[:, 3]
        month = c[:, 5] * 10 + c[:, 6]
        day = c[:, 8] * 10 + c[:, 9]
        total = year * 12 + (month - 1) + int(months)
        new_year, new_month = total // 12, total % 12 + 1
        valid = ((1200 <= new_year) & (new_year <= 1500) & (1 <= month) & (month <= 12)
                 & (1 <= day) & (day <= 31))
        esfand_length = {int(y): month_length(int(y), 12) for y in np.unique(new_year[valid])}
        esfand = np.array([esfand_length.get(int(y), 29) for y in new_year], dtype=np.int64)
        length = np.where(new_month <= 6, 31, np.where(new_month <= 11, 30, esfand))
        new_day = np.minimum(day, length)
        positions = np.flatnonzero(canonical)
        digits = np.stack([new_year // 1000 % 10, new_year // 100 % 10, new_year // 10 % 10,
                           new_year % 10, np.full_like(new_year, slash), new_month // 10,
                           new_month % 10, np.full_like(new_year, slash), new_day // 10,
                           new_day % 10], axis=1) + ord("0")
        out[positions] = digits.astype(np.uint32).view("<U10").ravel()
        bad += [str(x) for x in texts[positions[~valid]]]
    return out, bad


def _shift_dates(values: pd.Series, months: int) -> tuple[np.ndarray, list[str]]:
    """Shift a column of Jalali texts (each distinct value computed once); NA stays NA."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    shifted = np.empty(len(uniques) + 1, dtype=object)
    shifted[-1] = None
    if len(uniques):
        shifted[:-1], bad = _add_months_many(pd.Series(uniques), months)
    else:
        bad = []
    return shifted[np.where(codes >= 0, codes, len(uniques))], bad


# --- fast paths for pyarrow-backed string columns (pandas ≥ 3 default) ---------------


def _arrow(values: pd.Series) -> Any:
    """The pyarrow array behind a pyarrow-backed string Series, else None."""
    if pa is None or getattr(values.dtype, "storage", None) != "pyarrow":
        return None
    return pa.array(values)


def _isin(values: pd.Series, choices: Iterable[str]) -> np.ndarray:
    """``values.isin(choices)`` as a bool array (NA → False)."""
    choices = [str(c) for c in choices]
    arr = _arrow(values)
    if arr is None:
        return values.isin(choices).to_numpy(dtype=bool, na_value=False)
    if len(choices) <= 4:  # a few string comparisons beat hashing every value
        out = np.zeros(len(values), dtype=bool)
        for choice in dict.fromkeys(choices):
            out |= _arrow_equals(arr, choice)
        return out
    found = pc.is_in(arr, value_set=pa.array(choices, type=arr.type)).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _arrow_equals(arr: Any, value: str) -> np.ndarray:
    found = pc.equal(arr, pa.scalar(value, type=arr.type)).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _equals(values: pd.Series, value: str) -> np.ndarray:
    """``values == value`` as a bool array (NA → False)."""
    arr = _arrow(values)
    if arr is None:
        return (values == value).to_numpy(dtype=bool, na_value=False)
    return _arrow_equals(arr, value)


def _positions(values: pd.Series, index: pd.Index) -> np.ndarray:
    """Position of each value in ``index`` (−1 when absent)."""
    if isinstance(values.dtype, pd.CategoricalDtype) and list(values.cat.categories) == list(
            index):
        return values.cat.codes.to_numpy()
    arr = _arrow(values)
    if arr is None:
        return index.get_indexer(values)
    found = pc.index_in(arr, value_set=pa.array([str(c) for c in index], type=arr.type))
    return np.asarray(found.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)


# --- per-registry cache of integer encodings ------------------------------------------
# Pages re-apply scenarios to the same registry: the integer codes of its enumerated
# columns (county position, status, sector, funding source) are computed once per
# DataFrame and reused while the column's storage is unchanged (an in-place write to the
# frame replaces the column's arrow array, which invalidates the entry).
_ENCODED: dict[int, tuple[Any, dict]] = {}


def _column_token(values: pd.Series) -> Any:
    """An immutable object identifying the column's current storage (None: not cacheable)."""
    return getattr(values.array, "_pa_array", None)


def _cached(frame: pd.DataFrame, column: str, key: Any, compute: Any) -> Any:
    """``compute(frame[column])``, cached per (frame, column, key) while the column's
    storage is the same object."""
    values = frame[column]
    token = _column_token(values)
    if token is None:
        return compute(values)
    entry = _ENCODED.get(id(frame))
    if entry is None or entry[0]() is not frame:
        frame_id = id(frame)

        def forget(ref: Any, frame_id: int = frame_id) -> None:
            current = _ENCODED.get(frame_id)
            if current is not None and current[0] is ref:
                del _ENCODED[frame_id]

        try:
            entry = (weakref.ref(frame, forget), {})
        except TypeError:  # pragma: no cover - frames are weak-referenceable
            return compute(values)
        _ENCODED[frame_id] = entry
    store = entry[1]
    hit = store.get((column, key))
    if hit is not None and hit[0] is token:
        return hit[1]
    result = compute(values)
    if isinstance(result, np.ndarray):
        result.flags.writeable = False
    elif isinstance(result, tuple):
        for part in result:
            if isinstance(part, np.ndarray):
                part.flags.writeable = False
    store[(column, key)] = (token, result)
    return result


def _encode(values: pd.Series, labels: tuple[str, ...]) -> np.ndarray:
    """Position of each value in ``labels`` (int32; −1 = missing or not a label)."""
    return np.asarray(_positions(values, pd.Index(list(labels), dtype=object)),
                      dtype=np.int32)


def _factorized(values: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """(int32 codes, −1 = missing; labels) of a text column."""
    arr = _arrow(values)
    if arr is not None:
        encoded = arr.dictionary_encode()
        codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        labels = tuple(str(x) for x in encoded.dictionary.to_pylist())
        return np.asarray(codes, dtype=np.int32), labels
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int32), tuple(str(u) for u in uniques)


def _codes_in(codes: np.ndarray, wanted: list[int]) -> np.ndarray:
    """``codes`` in ``wanted`` (non-negative codes) as a new bool array: a few equality
    passes (much faster than a gather) or, for many wanted codes, a lookup table."""
    if len(wanted) <= 8:
        out = np.zeros(len(codes), dtype=bool)
        for k in wanted:
            out |= codes == k
        return out
    lookup = np.zeros(int(codes.max(initial=0)) + 2, dtype=bool)
    lookup[[k for k in wanted if k < len(lookup) - 1]] = True
    lookup[-1] = False  # code −1 (missing) indexes the last slot
    return lookup[codes]


def _replace_in_buffers(arr: Any, rows: np.ndarray, new: np.ndarray) -> Any:
    """``arr`` (a pyarrow string array) with ``rows`` (sorted, unique) replaced by the
    strings ``new``, built directly from the arrow buffers — when the replaced values are
    not missing and ``new`` holds only strings; None otherwise (the caller takes the
    general path).  Same byte lengths (shifted dates): the data buffer is copied and
    overwritten in place; otherwise, for a modest number of rows, the unchanged stretches
    and the new values are joined."""
    if (not isinstance(arr, pa.Array) or arr.offset != 0
            or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type))):
        return None
    try:
        added = pa.array(new, type=arr.type, from_pandas=False)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if added.null_count or (arr.null_count and not pc.all(
            pc.is_valid(arr.take(pa.array(rows)))).as_py()):
        return None
    validity, offsets_buf, data_buf = arr.buffers()
    offset_type = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    offsets = np.frombuffer(offsets_buf, dtype=offset_type, count=len(arr) + 1)
    _, new_offsets_buf, new_data_buf = added.buffers()
    new_offsets = np.frombuffer(new_offsets_buf, dtype=offset_type,
                                count=len(added) + 1).astype(np.int64)
    new_lengths = np.diff(new_offsets)
    old_start = offsets[rows].astype(np.int64)
    old_end = offsets[rows + 1].astype(np.int64)
    data = (np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None
            else np.zeros(0, dtype=np.uint8))
    new_data = (np.frombuffer(new_data_buf, dtype=np.uint8) if new_data_buf is not None
                else np.zeros(0, dtype=np.uint8))
    if np.array_equal(new_lengths, old_end - old_start):
        data = data[:int(offsets[-1])].copy()
        total = int(new_offsets[-1] - new_offsets[0])
        if total:
            shift = np.repeat(old_start - new_offsets[:-1], new_lengths)
            data[np.arange(int(new_offsets[0]), int(new_offsets[-1]), dtype=np.int64)
                 + shift] = new_data[int(new_offsets[0]):int(new_offsets[-1])]
        return pa.Array.from_buffers(arr.type, len(arr),
                                     [validity, offsets_buf, pa.py_buffer(data)],
                                     null_count=arr.null_count)
    if len(rows) > 50_000:
        return None
    lengths = np.diff(offsets.astype(np.int64))
    lengths[rows] = new_lengths
    out_offsets = np.zeros(len(arr) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out_offsets[1:])
    if offset_type is np.int32 and out_offsets[-1] > np.iinfo(np.int32).max:
        return None
    old_view, new_view = memoryview(data), memoryview(new_data)
    pieces = []
    prev = int(offsets[0])
    for s0, e0, n0, n1 in zip(old_start.tolist(), old_end.tolist(), new_offsets[:-1].tolist(),
                              new_offsets[1:].tolist()):
        pieces.append(old_view[prev:s0])
        pieces.append(new_view[n0:n1])
        prev = e0
    pieces.append(old_view[prev:int(offsets[-1])])
    joined = b"".join(pieces)
    return pa.Array.from_buffers(
        arr.type, len(arr),
        [validity, pa.py_buffer(out_offsets.astype(offset_type)), pa.py_buffer(joined)],
        null_count=arr.null_count)


def _where(values: pd.Series, mask: np.ndarray, value: object) -> pd.Series:
    """``values.mask(mask, value)`` (a scalar), fast for pyarrow strings."""
    if not mask.any():
        return values
    arr = _arrow(values) if isinstance(value, str) else None
    if arr is None:
        return values.mask(mask, value)
    out = pc.if_else(pa.array(mask), pa.scalar(value, type=arr.type), arr)
    return pd.Series(out, index=values.index, dtype=values.dtype, name=values.name)


def _numeric_set_rows(values: pd.Series, rows: np.ndarray, new: np.ndarray) -> pd.Series:
    """A numeric column (float, int or nullable Int64) with the positions ``rows`` set
    from ``new`` (floats; NaN = missing); the other rows and the dtype are kept."""
    if not len(rows):
        return values
    if isinstance(values.dtype, pd.Int64Dtype):
        data = np.array(values.to_numpy(dtype=np.int64, na_value=0), copy=True)
        missing = np.array(values.isna().to_numpy(), dtype=bool, copy=True)
        new_missing = np.isnan(new)
        data[rows] = np.where(new_missing, 0, new).astype(np.int64)
        missing[rows] = new_missing
        out = pd.arrays.IntegerArray(data, missing)
    elif values.dtype == np.float64:
        out = values.to_numpy(copy=True)
        out[rows] = new
    else:
        data = np.array(values.to_numpy(dtype=float, na_value=np.nan), dtype=float, copy=True)
        data[rows] = new
        try:
            out = pd.array(data, dtype=values.dtype)
        except (TypeError, ValueError):
            out = data
    return pd.Series(out, index=values.index, name=values.name)


def _replace_rows(values: pd.Series, rows: np.ndarray, new: np.ndarray) -> pd.Series:
    """``values`` with the positions ``rows`` (sorted, unique) replaced by ``new`` — one
    pass for pyarrow strings (a ``take`` over [old values, new values])."""
    if not len(rows):
        return values
    arr = _arrow(values)
    if arr is None:
        out = values.copy()
        out.iloc[rows] = new
        return out.astype(values.dtype)
    direct = _replace_in_buffers(arr, rows, new)
    if direct is not None:
        return pd.Series(direct, index=values.index, dtype=values.dtype, name=values.name)
    take = np.arange(len(values), dtype=np.int64)
    take[rows] = len(values) + np.arange(len(rows))
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    added = pa.array(list(new), type=arr.type, from_pandas=True)
    both = pa.concat_arrays([*(c for c in chunks if len(c)), added])
    return pd.Series(both.take(pa.array(take)), index=values.index, dtype=values.dtype,
                     name=values.name)


# ---------------------------------------------------------------------------
# Application
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _ByLang:
    fa: str
    en: str


@dataclass(frozen=True)
class LogEntry:
    """What one edit did: ``edit`` (0-based; None for the labour model), ``kind``,
    ``n_projects`` touched, and the description in both languages."""

    edit: int | None
    kind: str
    n_projects: int
    text_fa: str
    text_en: str

    def message(self, lang: str = "fa") -> str:
        return self.text_fa if lang == "fa" else self.text_en

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ScenarioResult:
    """``projects``: the edited registry (baseline rows first, in order, then
    hypothetical rows; column ``is_hypothetical``); ``indicators_adjusted``: indicators
    with the labour-model rows replaced (column ``scenario_adjusted``); ``labour``: the
    labour model per county (index code, columns
    :data:`analytics.labour_model.LABOUR_COLUMNS` + ``assumption``); ``log``: one or more
    entries per edit and one for the labour model."""

    projects: pd.DataFrame
    indicators_adjusted: pd.DataFrame
    labour: pd.DataFrame
    log: tuple[LogEntry, ...]
    scenario: Scenario

    @property
    def hypothetical(self) -> pd.DataFrame:
        return self.projects[self.projects["is_hypothetical"].to_numpy(dtype=bool)]


def _shallow_copy(frame: pd.DataFrame) -> pd.DataFrame:
    # pandas ≥ 3 always copies on write: a shallow copy is safe and cheap.
    deep = int(pd.__version__.split(".")[0]) < 3
    return frame.copy(deep=deep)


def _merge_rows(old: tuple[np.ndarray, np.ndarray] | None, rows: np.ndarray,
                values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pending writes (sorted unique rows, values); for a row written twice the later wins."""
    if old is None:
        order = np.argsort(rows, kind="stable")
        return rows[order], values[order]
    all_rows = np.concatenate([old[0], rows])
    all_values = np.concatenate([old[1], values])
    # the last occurrence of each row wins: unique over the reversed arrays
    unique, first_in_reversed = np.unique(all_rows[::-1], return_index=True)
    return unique, all_values[::-1][first_in_reversed]


class _Table:
    """The registry being edited, kept in two parts: the large ``base`` (the baseline rows)
    and the small ``extra`` (added hypothetical rows), so adding rows never copies the
    large part.  Text writes to ``base`` are collected per column (``pending``) and applied
    once, by :meth:`frame`; reads see them.  Row numbers run over base then extra."""

    def __init__(self, baseline: pd.DataFrame):
        self.base = _shallow_copy(baseline)
        self.base["is_hypothetical"] = np.zeros(len(self.base), dtype=bool)
        self.extra = self.base.iloc[:0].copy()
        self.pending: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self.base) + len(self.extra)

    @property
    def columns(self) -> pd.Index:
        return self.base.columns

    @property
    def n_base(self) -> int:
        return len(self.base)

    def _split(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cut = np.searchsorted(rows, self.n_base)
        return rows[:cut], rows[cut:] - self.n_base

    def _overlay(self, name: str, out: np.ndarray, test: Any) -> np.ndarray:
        if name in self.pending:
            rows, values = self.pending[name]
            out[rows] = test(values)
        return out

    # --- reads -----------------------------------------------------------------------
    def isin(self, name: str, choices: Iterable[str]) -> np.ndarray:
        """Current ``column in choices`` per row (NA → False)."""
        choices = [str(c) for c in choices]
        base = self._overlay(name, _isin(self.base[name], choices).copy(),
                             lambda v: np.isin(v.astype(object), choices))
        if not len(self.extra):
            return base
        return np.concatenate([base, _isin(self.extra[name], choices)])

    def equals(self, name: str, value: str) -> np.ndarray:
        return self.isin(name, [value])

    def numbers(self, name: str, missing: float = 0.0) -> np.ndarray:
        """A numeric column as floats (missing → ``missing``)."""
        parts = [self.base[name].to_numpy(dtype=float, na_value=missing)]
        if len(self.extra):
            parts.append(self.extra[name].to_numpy(dtype=float, na_value=missing))
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def values_at(self, name: str, rows: np.ndarray) -> np.ndarray:
        """Current values of ``rows`` (sorted positions) as an object array."""
        base_rows, extra_rows = self._split(rows)
        base = self.base[name].iloc[base_rows].to_numpy(dtype=object, na_value=None)
        if name in self.pending and len(base_rows):
            base = np.array(base, dtype=object, copy=True)
            written, values = self.pending[name]
            at = np.searchsorted(written, base_rows)
            hit = at < len(written)
            hit[hit] = written[at[hit]] == base_rows[hit]
            base[hit] = values[at[hit]]
        if not len(extra_rows):
            return base
        extra = self.extra[name].iloc[extra_rows].to_numpy(dtype=object, na_value=None)
        return np.concatenate([base, extra])

    def subset(self, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """The current values of ``rows`` (sorted positions) in ``columns``."""
        base_rows, extra_rows = self._split(rows)
        base = self.base[columns].iloc[base_rows]
        pending = [c for c in columns if c in self.pending]
        if pending:
            base = base.assign(**{c: pd.Series(self.values_at(c, base_rows), index=base.index,
                                               dtype=self.base[c].dtype) for c in pending})
        if not len(extra_rows):
            return base
        return pd.concat([base, self.extra[columns].iloc[extra_rows]])

    # --- writes ----------------------------------------------------------------------
    def set_rows(self, name: str, rows: np.ndarray, values: object) -> None:
        """Set ``rows`` (sorted positions) of ``name`` to ``values`` (array or scalar)."""
        if not len(rows):
            return
        dtype = self.base[name].dtype
        numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
        values = np.broadcast_to(np.asarray(values, dtype=float if numeric else object),
                                 rows.shape)
        base_rows, extra_rows = self._split(rows)
        base_values, extra_values = values[:len(base_rows)], values[len(base_rows):]
        if len(base_rows):
            if numeric:
                self.base[name] = _numeric_set_rows(self.base[name], base_rows, base_values)
            else:
                self.pending[name] = _merge_rows(self.pending.get(name), base_rows,
                                                 np.array(base_values, dtype=object))
        if len(extra_rows):
            if numeric:
                self.extra[name] = _numeric_set_rows(self.extra[name], extra_rows, extra_values)
            else:
                column = self.extra[name].astype(object)
                column.iloc[extra_rows] = list(extra_values)
                self.extra[name] = column.astype(dtype)

    def append(self, rows: dict[str, list]) -> None:
        k = len(next(iter(rows.values())))
        columns = {}
        for c, dtype in self.base.dtypes.items():
            values = rows.get(c, [None] * k)
            try:
                columns[c] = pd.array(values, dtype=dtype)
            except (TypeError, ValueError):
                columns[c] = values
        new = pd.DataFrame(columns)
        self.extra = new if not len(self.extra) else pd.concat([self.extra, new],
                                                                ignore_index=True)

    def frame(self) -> pd.DataFrame:
        """The whole current table (pending writes applied; hypothetical rows appended)."""
        for name, (rows, values) in self.pending.items():
            self.base[name] = _replace_rows(self.base[name], rows, values)
        self.pending = {}
        if not len(self.extra):
            return self.base
        index = self.base.index
        extra = self.extra.copy()
        if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
            whole = pd.concat([self.base, extra], ignore_index=True)
        else:
            start = (int(index.max()) + 1 if len(index) and pd.api.types.is_integer_dtype(index)
                     else len(index))
            extra.index = pd.RangeIndex(start, start + len(extra))
            whole = pd.concat([self.base, extra])
        self.base, self.extra = whole, whole.iloc[:0].copy()
        return whole


class _State:
    def __init__(self, dataset: Any):
        self.dataset = dataset
        self.baseline = dataset.projects
        self.table = _Table(dataset.projects)
        self.codes = [str(c) for c in dataset.counties["code"]]
        self.code_index = pd.Index(self.codes)
        self.centre = str(dataset.centre_code)
        self._resolver = None
        counties = dataset.counties
        self.names_fa = dict(zip(self.codes, counties.get("name_fa", counties["code"])))
        self.names_en = dict(zip(self.codes, counties.get("name_en", counties["code"])))
        self.params = default_parameters(self.codes)
        self.params["assumption"] = "default"
        self.problems: list[ScenarioProblem] = []
        self.log: list[LogEntry] = []
        self._pos: np.ndarray | None = None
        self._wide: pd.DataFrame | None = None
        self.latest_rows: dict[tuple[str, str], int] = {}
        # Status is tracked as integer codes while edits run (cheap masks and writes) and
        # written back to the text column once, at the end (``finish``).
        labels, codes = _cached(self.baseline, "status", "status", _encode_status)
        self.status_labels, self.status_codes = list(labels), codes.copy()
        self.written_codes = self.status_codes.copy()  # what the text column holds
        self.base_completed = self.status_is("completed")

    # --- helpers -----------------------------------------------------------------------
    def problem(self, edit: int | None, name: str, value: object, rule: str, **params) -> None:
        self.problems.append(ScenarioProblem(edit, name, _show(value), rule, params))

    def add_log(self, edit: int | None, kind: str, n_projects: int, key: str,
                **params) -> None:
        def render(lang: str) -> str:
            shown = {}
            for name, value in params.items():
                if isinstance(value, _ByLang):
                    shown[name] = value.fa if lang == "fa" else value.en
                elif name in ("county", "counties", "donors"):
                    names = self.names_fa if lang == "fa" else self.names_en
                    codes = [value] if isinstance(value, str) else list(value)
                    shown[name] = _fmt_param([names.get(c, c) for c in codes], lang)
                elif name == "rule":
                    shown[name] = t(f"scenario.shift_rule.{value}", lang)
                elif name == "sector":
                    shown[name] = t(f"sector.{value}", lang)
                elif name == "share":
                    shown[name] = localise_digits(f"{100 * value:g}%", lang)
                elif name in ("m", "k"):
                    shown[name] = localise_digits(str(value), lang)
                else:
                    shown[name] = _fmt_param(value, lang)
            return t(key, lang, **shown)

        self.log.append(LogEntry(edit, kind, int(n_projects), render("fa"), render("en")))

    @property
    def resolver(self) -> Any:
        if self._resolver is None:
            self._resolver = self.dataset.resolver
        return self._resolver

    @property
    def pos(self) -> np.ndarray:
        """County position of every current row (cached; extended on append)."""
        table = self.table
        if self._pos is None:
            index = self.code_index
            self._pos = _cached(self.baseline, "county_code", tuple(self.codes),
                                lambda values: _positions(values, index))
        if len(self._pos) < len(table):  # added rows (few): looked up one by one
            added = table.values_at("county_code", np.arange(len(self._pos), len(table)))
            found = self.code_index.get_indexer(pd.Index(added, dtype=object))
            self._pos = np.concatenate([self._pos, found])
        return self._pos

    @property
    def wide(self) -> pd.DataFrame:
        """Latest population and labour indicators per county (as the panel uses them)."""
        if self._wide is None:
            self._wide, self.latest_rows = _latest(self.dataset.indicators,
                                                   _LABOUR_INDICATORS, self.codes)
        return self._wide

    def county(self, edit: int, name: str, value: str) -> str | None:
        code = value if value in self.code_index else self.resolver.try_resolve(value)
        if code is None:
            self.problem(edit, name, value, "unknown_county",
                         suggestions=", ".join(self.resolver.suggest(value)) or "—")
        return code

    def counties(self, edit: int, name: str, values: Iterable[str]) -> list[str] | None:
        ok = True
        out: list[str] = []
        for v in values:
            code = self.county(edit, name, v)
            ok &= code is not None
            if code is not None and code not in out:
                out.append(code)
        return out if ok else None

    def resolved_filter(self, edit: int, flt: ProjectFilter) -> ProjectFilter | None:
        if not flt.counties:
            return flt
        codes = self.counties(edit, "filter.counties", flt.counties)
        return None if codes is None else replace(flt, counties=tuple(codes))

    def select(self, edit: int, sel: _Selected) -> np.ndarray | None:
        if sel.ids is not None:
            mask = self.table.isin("project_id", sel.ids)
            found = set(self.table.values_at("project_id", np.flatnonzero(mask)))
            missing = [i for i in sel.ids if i not in found]
            if missing:
                self.problem(edit, "ids", list(missing), "unknown_project",
                             count=len(missing), ids=missing[:5])
                return None
            return mask
        flt = self.resolved_filter(edit, sel.filter or ProjectFilter())
        return None if flt is None else self.filter_mask(flt)

    # --- status as codes ---------------------------------------------------------------
    def status_code(self, status: str) -> int:
        if status not in self.status_labels:
            self.status_labels.append(status)
        return self.status_labels.index(status)

    def status_is(self, *statuses: str) -> np.ndarray:
        """Current status in ``statuses`` (bool per row)."""
        wanted = [self.status_labels.index(s) for s in statuses if s in self.status_labels]
        out = np.zeros(len(self.status_codes), dtype=bool)
        for code in wanted:
            out |= self.status_codes == code
        return out

    def set_status(self, mask: np.ndarray, status: str) -> None:
        if mask.any():
            self.status_codes[mask] = self.status_code(status)

    def status_text(self, rows: np.ndarray) -> pd.Series:
        """The current status of ``rows`` as text of the column's dtype."""
        labels = np.array(self.status_labels + [None], dtype=object)
        return pd.Series(labels[self.status_codes[rows]]).astype(self.baseline["status"].dtype)

    def finish(self) -> pd.DataFrame:
        """The edited table: status text written back (changed rows only), pending writes
        applied, hypothetical rows appended."""
        changed = np.flatnonzero(self.written_codes != self.status_codes)
        labels = np.array(self.status_labels + [None], dtype=object)
        self.table.set_rows("status", changed, labels[self.status_codes[changed]])
        self.written_codes = self.status_codes.copy()
        return self.table.frame()

    # --- selections -------------------------------------------------------------------
    def filter_mask(self, flt: ProjectFilter) -> np.ndarray:
        """``flt.mask(projects)``, evaluated by :class:`ProjectFilter` itself on the rows
        that pass its enumerated conditions (a fast necessary pre-selection: county
        positions and status codes with numpy, sector/funding text compared once)."""
        table = self.table
        pre = np.ones(len(table), dtype=bool)
        narrowed = False
        if flt.counties:
            wanted = self.code_index.get_indexer(list(flt.counties))
            pre &= _codes_in(self.pos, sorted({int(k) for k in wanted if k >= 0}))
            narrowed = True
        if flt.statuses:
            pre &= self.status_is(*flt.statuses)
            narrowed = True
        for column, chosen in (("sector", flt.sectors), ("funding_source", flt.funding_sources)):
            if chosen:
                pre &= self.column_isin(column, chosen)
                narrowed = True
        if (flt.year_from is None and flt.year_to is None and flt.provenance == "all"
                and not flt.text and all(c in self.code_index for c in flt.counties)):
            # only enumerated conditions: the pre-selection is exactly ``flt.mask``
            return pre
        rows = np.flatnonzero(pre) if narrowed else np.arange(len(table))
        out = np.zeros(len(table), dtype=bool)
        if len(rows):
            columns = list(table.columns) if flt.text else _filter_columns(table.base, flt)
            sub = table.subset(rows, columns)
            if "status" in columns:
                sub["status"] = self.status_text(rows).to_numpy()
            out[rows] = np.asarray(flt.mask(sub), dtype=bool)
        return out

    def column_isin(self, column: str, chosen: Iterable[str]) -> np.ndarray:
        """Current ``column in chosen`` per row (NA → False); baseline rows through the
        cached integer codes of the baseline column."""
        table = self.table
        values = self.baseline[column] if column in self.baseline else None
        if values is None or not pd.api.types.is_string_dtype(values.dtype):
            return table.isin(column, chosen)
        chosen = [str(c) for c in chosen]
        codes, labels = _cached(self.baseline, column, "factorized", _factorized)
        base = table._overlay(column, _codes_in(codes, [k for k, label in enumerate(labels)
                                                        if label in chosen]),
                              lambda v: np.isin(v.astype(object), chosen))
        if not len(table.extra):
            return base
        return np.concatenate([base, _isin(table.extra[column], chosen)])

    def codes_at(self, column: str, rows: np.ndarray) -> tuple[np.ndarray, list[str]] | None:
        """(integer codes, −1 = missing; labels) of the current values of ``rows``
        (sorted) of a text column never written for baseline rows; None otherwise."""
        table = self.table
        values = self.baseline[column] if column in self.baseline else None
        if (values is None or column in table.pending
                or not pd.api.types.is_string_dtype(values.dtype)):
            return None
        base_codes, base_labels = _cached(self.baseline, column, "factorized", _factorized)
        base_rows, extra_rows = table._split(rows)
        codes = base_codes[base_rows]
        labels = list(base_labels)
        if len(extra_rows):
            where = {label: k for k, label in enumerate(labels)}
            extra = []
            for value in table.extra[column].iloc[extra_rows].to_numpy(dtype=object,
                                                                       na_value=None):
                if value is None:
                    extra.append(-1)
                    continue
                value = str(value)
                if value not in where:
                    where[value] = len(labels)
                    labels.append(value)
                extra.append(where[value])
            codes = np.concatenate([codes, np.asarray(extra, dtype=codes.dtype)])
        return codes, labels

    def set_where(self, column: str, mask: np.ndarray, value: object) -> None:
        if column == "status":
            self.set_status(mask, str(value))
        else:
            self.table.set_rows(column, np.flatnonzero(mask), value)

    def append(self, rows: dict[str, list]) -> None:
        self.table.append(rows)
        added = np.array([self.status_code(str(x)) for x in rows["status"]], dtype=np.int16)
        self.status_codes = np.concatenate([self.status_codes, added])
        self.written_codes = np.concatenate([self.written_codes, added])


def _encode_status(status: pd.Series) -> tuple[list[str], np.ndarray]:
    """(labels, int16 codes; −1 = missing) of a status column: one ``index_in`` pass over
    :data:`STATUSES` for pyarrow strings; factorised when other values occur."""
    labels = list(STATUSES)
    arr = _arrow(status)
    if arr is not None:
        found = pc.index_in(arr, value_set=pa.array(labels, type=arr.type))
        if found.null_count == arr.null_count:
            codes = found.fill_null(-1).to_numpy(zero_copy_only=False)
            return labels, np.asarray(codes, dtype=np.int16)
    codes, uniques = pd.factorize(status, use_na_sentinel=True)
    found = [str(u) for u in uniques]
    return found + [s for s in labels if s not in found], codes.astype(np.int16)


def _filter_columns(frame: pd.DataFrame, flt: ProjectFilter) -> list[str]:
    """The columns :meth:`ProjectFilter.mask` reads for ``flt`` (without a text condition:
    with one, every column is passed)."""
    wanted = ["project_id"]
    for name, column in (("counties", "county_code"), ("sectors", "sector"),
                         ("statuses", "status"), ("funding_sources", "funding_source")):
        if getattr(flt, name):
            wanted.append(column)
    if flt.year_from is not None or flt.year_to is not None:
        wanted += ["planned_start", "planned_end"]
    if flt.provenance != "all":
        wanted.append("is_sample")
    return [c for c in wanted if c in frame.columns]


def _ids_of(state: _State, mask: np.ndarray, n: int = 5) -> list[str]:
    return [str(x) for x in state.table.values_at("project_id", np.flatnonzero(mask)[:n])]


def _apply_set_projects(state: _State, i: int, e: SetProjects) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    progress = e.physical_progress_pct
    if progress is None and e.status == "completed":
        progress = 100.0
    if e.planned_start is not None or e.planned_end is not None:
        rows = np.flatnonzero(mask)
        start = (np.full(len(rows), e.planned_start, dtype=object) if e.planned_start
                 else state.table.values_at("planned_start", rows))
        end = (np.full(len(rows), e.planned_end, dtype=object) if e.planned_end
               else state.table.values_at("planned_end", rows))
        start_text = pd.Series(start, dtype="string")
        end_text = pd.Series(end, dtype="string")
        bad = np.zeros(len(mask), dtype=bool)
        bad[rows[(end_text < start_text).fillna(False).to_numpy(dtype=bool)]] = True
        if bad.any():
            field_name = "planned_end" if e.planned_end is not None else "planned_start"
            state.problem(i, field_name, e.planned_end or e.planned_start, "end_before_start",
                          count=int(bad.sum()), ids=_ids_of(state, bad))
            return
    if e.status is not None:
        state.set_where("status", mask, e.status)
    if progress is not None:
        state.set_where("physical_progress_pct", mask, float(progress))
    for name in ("planned_start", "planned_end"):
        value = getattr(e, name)
        if value is not None:
            state.set_where(name, mask, value)
    shown = replace(e, physical_progress_pct=progress)
    n = int(mask.sum())
    state.add_log(i, e.kind, n, "scenario.log.set_projects", n=n,
                  changes=_ByLang(_changes(shown, "fa"), _changes(shown, "en")))
    if n == 0:
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_cancel(state: _State, i: int, e: Cancel) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    completed = state.status_is("completed")
    effective = mask & ~completed
    state.set_where("status", effective, "cancelled")
    n = int(effective.sum())
    state.add_log(i, e.kind, n, "scenario.log.cancel", n=n, skipped=int((mask & completed).sum()))
    if not mask.any():
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_postpone(state: _State, i: int, e: Postpone) -> None:
    mask = state.select(i, e)
    if mask is None:
        return
    closed = state.status_is("completed", "cancelled")
    effective = mask & ~closed
    rows = np.flatnonzero(effective)
    new_values = {}
    for name in ("planned_start", "planned_end"):
        current = pd.Series(state.table.values_at(name, rows), dtype=object)
        shifted, bad = _shift_dates(current, e.months)
        if bad:
            state.problem(i, "months", e.months, "date_out_of_range", dates=bad[:3])
            return
        new_values[name] = shifted
    for name, values in new_values.items():
        state.table.set_rows(name, rows, values)
    n = int(effective.sum())
    state.add_log(i, e.kind, n, "scenario.log.postpone", n=n, months=e.months,
                  skipped=int((mask & closed).sum()))
    if not mask.any():
        state.add_log(i, e.kind, 0, "scenario.log.no_match")


def _apply_add_project(state: _State, i: int, e: AddProject) -> None:
    code = state.county(i, "county", e.county)
    project_id = e.id or f"{HYP_PREFIX}{i + 1:03d}"
    if state.table.equals("project_id", project_id).any():
        state.problem(i, "id", project_id, "duplicate_id")
        return
    if code is None:
        return
    progress = e.physical_progress_pct
    if progress is None:
        progress = 100.0 if e.status == "completed" else 0.0
    row = {
        "project_id": [project_id], "county_code": [code], "title_fa": [e.title_fa],
        "title_en": [e.title_en], "sector": [e.sector], "status": [e.status],
        "physical_progress_pct": [float(progress)],
        "budget_billion_rials": [float(e.budget_billion_rials)],
        "funding_source": [e.funding_source], "expected_jobs": [int(e.expected_jobs)],
        "planned_start": [e.planned_start], "planned_end": [e.planned_end],
        "source": ["scenario"], "is_sample": [False], "is_hypothetical": [True],
    }
    state.append(row)
    state.add_log(i, e.kind, 1, "scenario.log.add_project", id=project_id, county=code,
                  budget=float(e.budget_billion_rials), jobs=int(e.expected_jobs))


def _development_rank(state: _State) -> pd.Series:
    from analytics.ranking import rank_all_methods

    frame = indicator_wide(state.dataset.indicators, state.codes, names=tuple(DEVELOPMENT_SPEC))
    frame = frame[list(DEVELOPMENT_SPEC)]
    result = rank_all_methods(frame, DEVELOPMENT_SPEC)
    return result.consensus.rank(ascending=False, method="min").reindex(frame.index)


def _shift_weights(state: _State, i: int, e: ShiftBudget, recipients: list[str]
                   ) -> np.ndarray | None:
    if e.rule == "equal":
        return np.ones(len(recipients))
    if e.rule == "named":
        given = {}
        for name, w in e.weights or ():
            code = state.county(i, "weights", name)
            if code is not None:
                given[code] = given.get(code, 0.0) + w
        return np.array([given.get(c, 0.0) for c in recipients])
    if e.rule == "per_capita":
        label, values = "population", state.wide["population"]
    elif e.deprivation_by == "unemployment_rate":
        label, values = "unemployment_rate", state.wide["unemployment_rate"]
    else:
        label = "development_rank"
        try:
            values = _development_rank(state)
        except ValueError as err:
            state.problem(i, "deprivation_by", e.deprivation_by, "rank_failed", detail=str(err))
            return None
    weights = values.reindex(recipients).to_numpy(dtype=float, na_value=np.nan)
    missing = [c for c, w in zip(recipients, weights) if not np.isfinite(w) or w < 0]
    if missing:
        state.problem(i, "rule", e.rule, "missing_weight", indicator=label, counties=missing)
        return None
    if weights.sum() <= 0:
        state.problem(i, "rule", e.rule, "weights_zero")
        return None
    return weights


def _dominant(values: np.ndarray, weights: np.ndarray) -> str:
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    totals = np.bincount(np.where(codes >= 0, codes, 0), weights=weights, minlength=len(uniques))
    return str(uniques[int(np.argmax(totals))])


def _dominant_of(state: _State, column: str, rows: np.ndarray, weights: np.ndarray) -> str:
    """:func:`_dominant` of ``column`` at ``rows`` (sorted), on the cached integer codes
    of the baseline column: labels are numbered in order of first appearance among
    ``rows``, as :func:`pandas.factorize` numbers them, so sums and ties come out alike."""
    found = state.codes_at(column, rows)
    if found is None:
        return _dominant(state.table.values_at(column, rows), weights)
    codes, labels = found
    uniq, first = np.unique(codes, return_index=True)
    first, uniq = first[uniq >= 0], uniq[uniq >= 0]
    if not len(uniq):
        return _dominant(state.table.values_at(column, rows), weights)
    order = uniq[np.argsort(first, kind="stable")]
    rank = np.zeros(len(labels) + 1, dtype=np.int64)  # last slot: missing (−1) → 0
    rank[order] = np.arange(len(order))
    totals = np.bincount(rank[codes], weights=weights, minlength=len(order))
    return str(labels[int(order[int(np.argmax(totals))])])


def _apply_shift_budget(state: _State, i: int, e: ShiftBudget) -> None:
    n_problems = len(state.problems)
    donors = (state.counties(i, "from", e.from_counties) if e.from_counties is not None
              else [state.centre])
    if e.rule == "named":
        recipients = state.counties(i, "weights", [c for c, _ in e.weights or ()])
    elif e.to_counties is not None:
        recipients = state.counties(i, "to", e.to_counties)
    else:
        recipients = [c for c in state.codes if c not in (donors or [])]
    flt = state.resolved_filter(i, e.filter) if e.filter is not None else None
    if donors is None or recipients is None or len(state.problems) > n_problems:
        return
    overlap = [c for c in recipients if c in donors]
    if overlap:
        state.problem(i, "to", list(overlap), "overlap", counties=overlap)
        return
    if not recipients:
        state.problem(i, "to", "", "no_recipients")
        return
    weights = _shift_weights(state, i, e, recipients)
    if weights is None:
        return

    table = state.table
    pos = state.pos
    active = ~state.status_is("cancelled")
    is_donor = np.zeros(len(state.codes) + 1, dtype=bool)
    is_donor[state.code_index.get_indexer(donors)] = True
    is_donor[-1] = False
    donor_mask = active & is_donor[pos]
    if flt is not None:
        donor_mask &= state.filter_mask(flt)
    donor_rows = np.flatnonzero(donor_mask)
    budget = table.numbers("budget_billion_rials")
    moved = budget[donor_rows] * e.share
    total = float(moved.sum())
    if not total > 0:
        state.add_log(i, e.kind, 0, "scenario.log.shift_nothing")
        return

    allocation = total * weights / weights.sum()
    biggest = int(np.argmax(weights))
    allocation[biggest] = total - (allocation.sum() - allocation[biggest])
    if e.jobs == "average":
        n = len(state.codes)
        jobs = table.numbers("expected_jobs", missing=np.nan)
        job_sum = np.bincount(pos, weights=np.nan_to_num(jobs) * active, minlength=n)
        budget_sum = np.bincount(pos, weights=budget * active, minlength=n)
        rpos = state.code_index.get_indexer(recipients)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(budget_sum[rpos] > 0, job_sum[rpos] / budget_sum[rpos], 0.0)
        new_jobs = np.rint(allocation * ratio).astype(np.int64)
    else:
        new_jobs = np.zeros(len(recipients), dtype=np.int64)
    sector = e.sector or _dominant_of(state, "sector", donor_rows, moved)
    funding = _dominant_of(state, "funding_source", donor_rows, moved)

    # donors: b' = b − share·b, taken from each project in proportion to its budget
    table.set_rows("budget_billion_rials", donor_rows, budget[donor_rows] - moved)
    if e.jobs == "average":
        table.set_rows("expected_jobs", donor_rows, np.rint(jobs[donor_rows] * (1 - e.share)))

    keep = allocation > 0
    k = int(keep.sum())
    codes = [c for c, ok in zip(recipients, keep) if ok]
    state.append({
        "project_id": [f"{REALLOC_PREFIX}{i + 1}-{c}" for c in codes],
        "county_code": codes,
        "title_fa": [t("scenario.realloc.title", "fa")] * k,
        "title_en": [t("scenario.realloc.title", "en")] * k,
        "sector": [sector] * k, "status": ["defined"] * k,
        "physical_progress_pct": [0.0] * k,
        "budget_billion_rials": [float(a) for a in allocation[keep]],
        "funding_source": [funding] * k,
        "expected_jobs": [int(j) for j in new_jobs[keep]],
        "source": ["scenario"] * k, "is_sample": [False] * k, "is_hypothetical": [True] * k,
    })
    state.add_log(i, e.kind, int(donor_mask.sum()), "scenario.log.shift_budget", amount=total,
                  share=e.share, donors=donors, n=k, rule=e.rule, sector=sector)


def _apply_assumptions(state: _State, i: int, e: Assumptions) -> None:
    if e.counties is not None:
        codes = state.counties(i, "counties", e.counties)
        if codes is None:
            return
    elif e.group == "industrial":
        codes = [c for c in state.codes if c in INDUSTRIAL_COUNTIES]
    elif e.group == "other":
        codes = [c for c in state.codes if c not in INDUSTRIAL_COUNTIES]
    else:
        codes = list(state.codes)
    if e.m is not None:
        state.params.loc[codes, "m"] = float(e.m)
    if e.k is not None:
        state.params.loc[codes, "k"] = float(e.k)
    state.params.loc[codes, "assumption"] = f"edit {i + 1}"
    state.add_log(i, e.kind, 0, "scenario.log.assumptions", n=len(codes),
                  m="—" if e.m is None else f"{e.m:g}", k="—" if e.k is None else f"{e.k:g}")


_APPLY = {
    "set_projects": _apply_set_projects,
    "cancel": _apply_cancel,
    "postpone": _apply_postpone,
    "add_project": _apply_add_project,
    "shift_budget": _apply_shift_budget,
    "assumptions": _apply_assumptions,
}


def _labour(state: _State) -> tuple[pd.DataFrame, np.ndarray]:
    """New direct jobs per county and the labour model on them."""
    n_base = len(state.baseline)
    now = state.status_is("completed")
    was = np.zeros(len(now), dtype=bool)
    was[:n_base] = state.base_completed
    new = now & ~was
    jobs = state.table.numbers("expected_jobs")
    new_jobs = np.bincount(state.pos[new], weights=jobs[new], minlength=len(state.codes))
    un_completed = int((was & ~now).sum())
    wide = state.wide
    labour_force = wide["labour_force"]
    unemployed = labour_force * wide["unemployment_rate"] / 100
    labour = labour_effect(pd.Series(new_jobs, index=state.code_index), unemployed,
                           labour_force, wide["population"], state.params["m"],
                           state.params["k"], wide["net_migration_rate"])
    labour.index.name = "code"
    labour.insert(0, "group", state.params["group"])
    labour["assumption"] = state.params["assumption"]
    positive = new_jobs > 0
    missing = [c for c, ok in zip(state.codes, labour["unemployment_rate_new"].notna()) if not ok]
    missing = [c for c, p in zip(state.codes, positive) if p and c in missing]
    state.add_log(None, "labour", int(new.sum()), "scenario.log.labour", jobs=float(new_jobs.sum()),
                  n=int(positive.sum()))
    if missing:
        state.add_log(None, "labour", 0, "scenario.log.labour_missing", counties=missing)
    if un_completed:
        state.add_log(None, "labour", un_completed, "scenario.log.un_completed", n=un_completed)
    return labour, positive & labour["unemployment_rate_new"].notna().to_numpy()


def _latest(indicators: pd.DataFrame, names: tuple[str, ...], codes: list[str]
            ) -> tuple[pd.DataFrame, dict[tuple[str, str], int]]:
    """The value the county panel uses for each (county, indicator) — the latest year with
    a value, as :func:`analytics.panel.indicator_wide` with ``year=None`` — and the row
    position it comes from."""
    name = indicators["indicator"].to_numpy(dtype=object, na_value=None)
    county = indicators["county_code"].to_numpy(dtype=object, na_value=None)
    year = pd.to_numeric(indicators["year"], errors="coerce").to_numpy(dtype=float,
                                                                        na_value=np.nan)
    value = pd.to_numeric(indicators["value"], errors="coerce").to_numpy(dtype=float,
                                                                          na_value=np.nan)
    keep = (np.isin(name, list(names)) & np.isin(county, list(codes)) & ~np.isnan(year)
            & ~np.isnan(value))
    rows = np.flatnonzero(keep)
    rows = rows[np.argsort(year[rows], kind="stable")]
    latest: dict[tuple[str, str], int] = {}
    for row in rows:  # a few hundred indicator rows, never projects
        latest[(county[row], name[row])] = int(row)
    table = np.full((len(codes), len(names)), np.nan)
    where = {c: i for i, c in enumerate(codes)}
    for (c, n), row in latest.items():
        table[where[c], names.index(n)] = value[row]
    return pd.DataFrame(table, index=pd.Index(codes, name="code"), columns=list(names)), latest


def _adjust_indicators(indicators: pd.DataFrame, labour: pd.DataFrame, touched: np.ndarray,
                       latest_rows: dict[tuple[str, str], int]) -> pd.DataFrame:
    """Indicators with the labour-model values written into the rows the panel reads."""
    out = _shallow_copy(indicators)
    flags = np.zeros(len(out), dtype=bool)
    codes = list(labour.index[touched])
    new_values = {
        "unemployment_rate": labour["unemployment_rate_new"],
        "labour_force": labour["labour_force_new"],
        "net_migration_rate": labour["net_migration_rate_new"],
    }
    positions, values = [], []
    for name, column in new_values.items():
        for code in codes:
            row = latest_rows.get((code, name))
            if row is not None and pd.notna(column[code]):
                positions.append(row)
                values.append(float(column[code]))
    if positions:
        value = out["value"].to_numpy(dtype=float, copy=True)
        value[positions] = values
        out["value"] = value
        flags[positions] = True
        if "quality" in out:
            out["quality"] = _where(out["quality"], flags, "estimate")
        if "source" in out:
            out["source"] = _where(out["source"], flags, "scenario labour model (assumption)")
    out["scenario_adjusted"] = flags
    return out


def apply_scenario(dataset: Any, scenario: Scenario | Mapping) -> ScenarioResult:
    """Apply ``scenario`` (a :class:`Scenario` or its dict) to ``dataset`` (an
    :class:`store.loading.Dataset` or any object with ``projects``, ``indicators``,
    ``counties``, ``centre_code`` and ``resolver``).  The dataset is never changed.

    Raises :class:`ScenarioError` with every problem of every edit (none applied).
    """
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario)
    state = _State(dataset)
    for i, edit in enumerate(scenario.edits):
        _APPLY[edit.kind](state, i, edit)
    if state.problems:
        raise ScenarioError(state.problems)
    projects = state.finish()
    labour, touched = _labour(state)
    indicators = _adjust_indicators(dataset.indicators, labour, touched, state.latest_rows)
    return ScenarioResult(projects=projects, indicators_adjusted=indicators,
                          labour=labour, log=tuple(state.log), scenario=scenario)


# ---------------------------------------------------------------------------
# Descriptions (for the page and the CLI)
# ---------------------------------------------------------------------------


_FILTER_LABELS = {"counties": "filter.counties", "sectors": "filter.sectors",
                  "statuses": "filter.statuses", "funding_sources": "filter.funding",
                  "year_from": "filter.years", "year_to": "filter.years",
                  "provenance": "filter.provenance",
                  "text": "filter.text"}


def _county_list(codes: Iterable[str], lang: str, names: Mapping[str, str] | None) -> str:
    """County codes as the reader's names (the codes themselves without ``names``)."""
    names = names or {}
    return join_list((names.get(c, c) for c in codes), lang)


def _describe_target(edit: Any, lang: str, names: Mapping[str, str] | None = None) -> str:
    if getattr(edit, "ids", None) is not None:
        ids = list(edit.ids)
        shown = ", ".join(ids[:3]) + (" …" if len(ids) > 3 else "")
        return t("scenario.describe.ids", lang, n=fmt_number(len(ids), lang), ids=shown)
    flt = getattr(edit, "filter", None) or ProjectFilter()
    if flt.is_empty():
        return t("scenario.describe.all", lang)
    parts = []
    for key, value in flt.to_dict().items():
        if key == "counties":
            shown = _county_list(value, lang, names)
        else:
            if key == "sectors":
                value = [t(f"sector.{v}", lang) for v in value]
            elif key == "statuses":
                value = [t(f"status.{v}", lang) for v in value]
            elif key == "funding_sources":
                value = [t(f"funding.{v}", lang) for v in value]
            shown = join_list(value, lang) if isinstance(value, list) else str(value)
        label = t(_FILTER_LABELS[key], lang) if key in _FILTER_LABELS else key
        parts.append(f"{label}: {localise_digits(shown, lang)}")
    return t("scenario.describe.filter", lang, filter=("؛ " if lang == "fa" else "; ").join(parts))


def _changes(edit: SetProjects, lang: str) -> str:
    changes = []
    if edit.status is not None:
        changes.append(t("scenario.describe.status", lang, status=t(f"status.{edit.status}", lang)))
    if edit.physical_progress_pct is not None:
        changes.append(t("scenario.describe.progress", lang,
                         progress=fmt_number(edit.physical_progress_pct, lang)))
    if edit.planned_start is not None:
        changes.append(t("scenario.describe.planned_start", lang,
                         date=localise_digits(edit.planned_start, lang)))
    if edit.planned_end is not None:
        changes.append(t("scenario.describe.planned_end", lang,
                         date=localise_digits(edit.planned_end, lang)))
    return join_list(changes, lang)


def describe_edit(edit: Edit, lang: str = "fa", names: Mapping[str, str] | None = None) -> str:
    """One line describing ``edit`` in ``lang`` (the edit list of the page and the CLI);
    county codes are shown as ``names[code]`` when ``names`` (code → name) is given."""
    def num(value: object, decimals: int = 0) -> str:
        return fmt_number(value, lang, decimals)

    if isinstance(edit, SetProjects):
        text = t("scenario.describe.set_projects", lang, target=_describe_target(edit, lang, names),
                 changes=_changes(edit, lang))
    elif isinstance(edit, Cancel):
        text = t("scenario.describe.cancel", lang, target=_describe_target(edit, lang, names))
    elif isinstance(edit, Postpone):
        text = t("scenario.describe.postpone", lang, target=_describe_target(edit, lang, names),
                 months=localise_digits(str(edit.months), lang))
    elif isinstance(edit, AddProject):
        text = t("scenario.describe.add_project", lang, title=edit.title_fa if lang == "fa"
                 else (edit.title_en or edit.title_fa),
                 county=_county_list([edit.county], lang, names),
                 sector=t(f"sector.{edit.sector}", lang), budget=num(edit.budget_billion_rials),
                 jobs=num(edit.expected_jobs), status=t(f"status.{edit.status}", lang))
    elif isinstance(edit, ShiftBudget):
        donors = _county_list(edit.from_counties, lang, names) if edit.from_counties else t(
            "common.centre", lang)
        if edit.rule == "named":
            recipients = join_list((f"{(names or {}).get(c, c)} ({localise_digits(f'{w:g}', lang)})"
                                    for c, w in edit.weights or ()), lang)
        elif edit.to_counties:
            recipients = _county_list(edit.to_counties, lang, names)
        else:
            recipients = t("common.rest", lang)
        rule = t(f"scenario.shift_rule.{edit.rule}", lang)
        if edit.rule == "deprivation":
            rule += f" ({t(f'scenario.deprivation_by.{edit.deprivation_by}', lang)})"
        text = t("scenario.describe.shift_budget", lang,
                 share=localise_digits(f"{100 * edit.share:g}%", lang), donors=donors,
                 recipients=recipients, rule=rule)
    else:
        who = (_county_list(edit.counties, lang, names) if edit.counties is not None
               else t(f"scenario.group.{edit.group}", lang))
        text = t("scenario.describe.assumptions", lang, who=who,
                 m="—" if edit.m is None else localise_digits(f"{edit.m:g}", lang),
                 k="—" if edit.k is None else localise_digits(f"{edit.k:g}", lang))
    return f"{text} — {edit.note}" if getattr(edit, "note", "") else text
