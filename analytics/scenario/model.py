"""What a scenario is: its edits (dataclasses, one per kind), the :class:`Scenario`
itself, and what applying it gives (:class:`ScenarioResult`, :class:`LogEntry`).

A :class:`Scenario` is plain data that round-trips through its dict
(:meth:`Scenario.to_dict` / :meth:`Scenario.parse`, the file and link format); the
fields of every edit kind are described in :mod:`analytics.scenario`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, ClassVar

import pandas as pd

from analytics.filters import ProjectFilter
from analytics.scenario.parse import read_edit, read_header
from analytics.scenario.rules import EDIT_TYPES, SCENARIO_VERSION, ScenarioError
from core.problems import Problem

__all__ = [
    "AddProject",
    "Assumptions",
    "Cancel",
    "Edit",
    "LogEntry",
    "Postpone",
    "Scenario",
    "ScenarioResult",
    "SetProjects",
    "ShiftBudget",
    "edit_from_dict",
    "edit_to_dict",
]


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
    to_level: str | None = None  # a development level as the recipients («deprived»: محروم)
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
assert tuple(_EDIT_CLASSES) == EDIT_TYPES, "one dataclass per edit kind, in order"
# JSON key -> dataclass field where they differ.
_RENAMED = {"from": "from_counties", "to": "to_counties"}
_JSON_NAME = {v: k for k, v in _RENAMED.items()}


_ALWAYS_WRITTEN = {
    "add_project": {"county", "sector", "title_fa", "budget_billion_rials", "expected_jobs"},
    "shift_budget": {"share"},
    "postpone": {"months"},
}


def edit_to_dict(edit: Edit) -> dict:
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


@dataclass(frozen=True)
class Scenario:
    """Plain data: ``edits`` applied in order to the baseline (see :mod:`analytics.scenario`)."""

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
        out["edits"] = [edit_to_dict(e) for e in self.edits]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text of :meth:`to_dict` (``indent=None``: compact, for links and keys)."""
        separators = (",", ":") if indent is None else None
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent,
                          separators=separators)

    def with_edits(self, *edits: Edit) -> Scenario:
        return replace(self, edits=self.edits + tuple(edits))

    @classmethod
    def parse(cls, data: object) -> tuple[Scenario | None, list[Problem]]:
        """From untrusted plain data: ``(scenario, [])`` or ``(None, problems)``; never raises."""
        problems: list[Problem] = []
        name, description, raw_edits = read_header(data, problems)
        edits: list[Edit] = []
        for i, raw in enumerate(raw_edits):
            read = read_edit(raw, i, problems)
            if read is not None:
                edits.append(_EDIT_CLASSES[read[0]](**read[1]))
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




def edit_from_dict(data: object, index: int | None = None) -> tuple[Edit | None, list[Problem]]:
    """One edit from untrusted plain data: ``(edit, [])`` or ``(None, problems)``."""
    problems: list[Problem] = []
    read = read_edit(data, index, problems)
    if read is None:
        return None, problems
    return _EDIT_CLASSES[read[0]](**read[1]), problems
