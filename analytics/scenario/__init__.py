"""Scenarios: the baseline registry plus named edits, applied in order ("what if …?").

A :class:`Scenario` is plain data — a version, a name, a description and a list of
edits — that round-trips through JSON (:meth:`Scenario.to_dict` / :meth:`Scenario.parse`).
Parsing validates against an allow-list and collects *every* problem (a
:class:`core.problems.Problem` of scope ``scenario``: edit index, field, value, rule);
:class:`ScenarioError` carries them and renders them in Persian or English through the
catalogue (``rule.<id>`` keys).

The package, by concern:

* :mod:`~analytics.scenario.rules` — the allow-list (version, kinds, enumerations,
  limits) and :class:`ScenarioError`;
* :mod:`~analytics.scenario.parse` — reading untrusted plain data field by field;
* :mod:`~analytics.scenario.model` — the edit dataclasses, :class:`Scenario`,
  :class:`ScenarioResult` and :class:`LogEntry`;
* :mod:`~analytics.scenario.files` — JSON text in and out (files and links; no disk I/O);
* :mod:`~core.months` — whole-month Jalali arithmetic (``postpone``);
* :mod:`~analytics.scenario.table` — the registry while it is edited;
* :mod:`~analytics.scenario.apply` — :func:`apply_scenario`: the edits, then the labour model;
* :mod:`~analytics.scenario.describe` — one line describing an edit;
* :mod:`~analytics.scenario.compare` — :func:`scenario_report`, baseline versus scenario.

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
    moves ``share`` (above 0, at most 1: a 0 share is refused as no change) of the budget
    of the ``from`` counties (default: the province centre) to the ``to`` counties
    (default: every other county) — or to a development level as a group, ``to_level``
    (``deprived`` = «محروم», ``semi_developed``, ``developed``: the levels by mean ± sd of
    the consensus score over :data:`DEVELOPMENT_SPEC`, :func:`level_counties`; donors left
    out) — by ``rule``:

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

from analytics.scenario.apply import DEVELOPMENT_SPEC, apply_scenario, level_counties
from analytics.scenario.compare import REPORT_PANEL_COLUMNS, REPORT_RANK_SPEC, scenario_report
from analytics.scenario.describe import describe_edit
from analytics.scenario.model import (
    AddProject,
    Assumptions,
    Cancel,
    Edit,
    LogEntry,
    Postpone,
    Scenario,
    ScenarioResult,
    SetProjects,
    ShiftBudget,
    edit_from_dict,
)
from analytics.scenario.rules import (
    DEPRIVATION_BY,
    EDIT_TYPES,
    HYP_PREFIX,
    JOB_RULES,
    MAX_EDITS,
    REALLOC_PREFIX,
    SCENARIO_VERSION,
    SHIFT_RULES,
    ScenarioError,
)
from core.months import add_months

__all__ = [
    "DEPRIVATION_BY",
    "DEVELOPMENT_SPEC",
    "EDIT_TYPES",
    "HYP_PREFIX",
    "JOB_RULES",
    "MAX_EDITS",
    "REALLOC_PREFIX",
    "REPORT_PANEL_COLUMNS",
    "REPORT_RANK_SPEC",
    "SCENARIO_VERSION",
    "SHIFT_RULES",
    "AddProject",
    "Assumptions",
    "Cancel",
    "Edit",
    "LogEntry",
    "Postpone",
    "Scenario",
    "ScenarioError",
    "ScenarioResult",
    "SetProjects",
    "ShiftBudget",
    "add_months",
    "apply_scenario",
    "level_counties",
    "describe_edit",
    "edit_from_dict",
    "scenario_report",
]
