"""One problem type for everything the app refuses, and the error that carries them.

A :class:`Problem` says *where* (a data file's ``file``/``sheet``/``row``/``column``, or a
scenario's ``edit``/field — the field is kept in ``column``), *what* (the offending
``value`` as text) and *which rule* (a stable id; its message is the catalogue key
``rule.<id>``, filled with ``params``).  Imports, the embedded data, follow-ups, scenario
files and links all use it; :class:`ProblemsError` carries every problem found (nothing
was stored or applied) and :func:`problems_frame` lists them as a table.

Wording lives in :mod:`i18n`, which sits above :mod:`core`: core never imports it.
Instead :mod:`i18n.problems` registers the message renderer when :mod:`i18n` is imported
(:func:`register_renderer`); until then :meth:`Problem.message` falls back to a plain
English line naming the rule id and its parameters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Literal

import pandas as pd

from core.jsonsafe import to_jsonable

__all__ = [
    "DataValidationError",
    "Problem",
    "ProblemsError",
    "plain_message",
    "problems_frame",
    "register_renderer",
]

#: ``data``: a cell or a whole file of a table (file, sheet, row, column);
#: ``scenario``: a field of a scenario (``edit`` = 0-based edit index, None = the scenario
#: itself; the field name is in ``column``).
Scope = Literal["data", "scenario"]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem: where, what, which rule (see the module docstring).

    The positional order (file, row, column, value, rule, params, sheet) is the one the
    importers use; scenario problems are made with :meth:`in_scenario`.
    """

    file: str
    row: int | None
    column: str
    value: str
    rule: str
    params: dict = dataclasses.field(default_factory=dict)
    sheet: str | None = None
    edit: int | None = None
    scope: Scope = "data"

    @classmethod
    def in_scenario(cls, edit: int | None, field: str, value: str, rule: str,
                    params: dict | None = None) -> Problem:
        """A scenario problem: ``edit`` (0-based; None = the scenario itself), ``field``."""
        return cls("scenario", None, field, value, rule, dict(params or {}), None, edit,
                   "scenario")

    @property
    def field(self) -> str:
        """The scenario wording of :attr:`column` (the field of an edit)."""
        return self.column

    def message(self, lang: str = "fa") -> str:
        """The problem in the reader's language (plain English before :mod:`i18n` loads)."""
        return (_renderer or plain_message)(self, lang)

    def to_dict(self) -> dict:
        """JSON-safe dict of the fields (tuples in ``params`` become lists)."""
        return to_jsonable(dataclasses.asdict(self), infinity="none", scalars="keep")


_renderer: Callable[[Problem, str], str] | None = None


def register_renderer(renderer: Callable[[Problem, str], str] | None) -> None:
    """Use ``renderer(problem, lang)`` for every :meth:`Problem.message` (None: the
    plain fallback).  :mod:`i18n.problems` registers the catalogue's renderer."""
    global _renderer
    _renderer = renderer


def plain_message(problem: Problem, lang: str = "en") -> str:
    """The fallback wording: where, the value and the rule id with its parameters."""
    if problem.scope == "scenario":
        where = ("scenario" if problem.edit is None else f"edit {problem.edit + 1}")
        where += f", field '{problem.column}'"
    else:
        file = f"{problem.file} / {problem.sheet}" if problem.sheet else problem.file
        row = "—" if problem.row is None else str(problem.row)
        where = f"file '{file}', row {row}, column '{problem.column}'"
    params = ", ".join(f"{k}={v}" for k, v in (problem.params or {}).items())
    rule = f"{problem.rule} ({params})" if params else problem.rule
    return f"{where}, value '{problem.value}': {rule}"


class ProblemsError(ValueError):
    """Refused input: ``problems`` lists every problem found (nothing was stored or
    applied).  The text names the first five in English."""

    def __init__(self, problems: Iterable[Problem], heading: str):
        self.problems = list(problems)
        head = "; ".join(p.message("en") for p in self.problems[:5])
        more = f" (+{len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"{heading}: {head}{more}")

    def messages(self, lang: str = "fa") -> list[str]:
        return [p.message(lang) for p in self.problems]


class DataValidationError(ProblemsError):
    """A refused data file (``file``): every problem found; nothing was stored."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        super().__init__(problems, f"{len(problems)} problem(s) in {file}")


def problems_frame(problems: list[Problem], lang: str = "fa") -> pd.DataFrame:
    """Problems as a table (file, sheet, row, column, value, rule, message) for display/export."""
    return pd.DataFrame(
        [
            {"file": p.file, "sheet": p.sheet or "", "row": p.row, "column": p.column,
             "value": p.value, "rule": p.rule, "message": p.message(lang)}
            for p in problems
        ],
        columns=["file", "sheet", "row", "column", "value", "rule", "message"],
    )
