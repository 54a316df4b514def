"""The wording of :class:`core.problems.Problem` — registered with core on import.

:mod:`core` sits below :mod:`i18n` and never imports it; importing :mod:`i18n` (its
``__init__`` imports this module) calls :func:`core.problems.register_renderer` with
:func:`render_problem`, so every ``Problem.message(lang)`` reads from the catalogue.

One rule namespace: the rule text is the key ``rule.<id>``.  The location differs by
scope, and so does how parameters are shown (both kept from before the two problem
types were merged, so no message changed):

* ``data`` — «پرونده «…»، ردیف …، ستون «…»، مقدار «…»: …» (``validation.problem``);
  numbers and number-shaped text (a limit "200", a count "200,000") only get the
  reader's digits (:func:`data_param`);
* ``scenario`` — «ویرایش …، فیلد «…»، مقدار «…»: …» (``scenario.problem.edit``, or
  ``scenario.problem.scenario`` for the scenario itself); numbers are formatted
  (separators, at most two decimals), lists joined with the reader's separator
  (:func:`fmt_param`); values longer than 80 characters are shortened with «…».
"""

from __future__ import annotations

import re

import numpy as np

from core.problems import Problem, register_renderer
from i18n.catalogue import t
from i18n.formatting import fmt_number, join_list, localise_digits

__all__ = ["data_param", "fmt_param", "problem_place", "render_problem"]

_NUMBER_TEXT = re.compile(r"\d[\d,]*(\.\d+)?")


def data_param(value: object, lang: str) -> object:
    """A data rule's parameter: numbers and number-shaped text in the reader's digits;
    a ``{"fa": …, "en": …}`` pair gives the reader's entry; anything else as it is."""
    if isinstance(value, dict) and lang in value:
        return value[lang]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return localise_digits(str(value), lang)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        return localise_digits(value, lang)
    return value


def fmt_param(value: object, lang: str) -> str:
    """A scenario parameter as text: whole numbers with separators, other numbers with
    two decimals, lists joined (each item formatted), anything else ``str``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return fmt_number(value, lang, 0)
    if isinstance(value, (float, np.floating)):
        decimals = 0 if float(value).is_integer() else 2
        return fmt_number(value, lang, decimals)
    if isinstance(value, (list, tuple)):
        return join_list((fmt_param(v, lang) for v in value), lang)
    return str(value)


# A form's problems name the form and its fields as the form shows them (the follow-up
# form's ``store.followups`` problems carry the file "followup" and the field ids).
_FORMS = {"followup": ("data_page.followup_form", {
    "project_id": "data_page.followup_project", "jalali_date": "data_page.followup_date",
    "status": "data_page.followup_status", "physical_pct": "data_page.followup_physical",
    "financial_pct": "data_page.followup_financial", "note": "data_page.followup_note",
    "blocker": "data_page.followup_blocker", "actor_role": "data_page.followup_actor",
    "person": "data_page.followup_person"})}


def problem_place(problem: Problem, lang: str = "fa") -> tuple[str, str]:
    """Where a data problem is, as the reader knows it: (file or «file / sheet», column) —
    a form's problems name the form and the field as the form labels them."""
    if problem.file in _FORMS and problem.sheet is None:
        form, fields = _FORMS[problem.file]
        column = problem.column
        return t(form, lang), t(fields[column], lang) if column in fields else column
    file = f"{problem.file} / {problem.sheet}" if problem.sheet else problem.file
    return file, problem.column


def render_problem(problem: Problem, lang: str = "fa") -> str:
    """``problem`` in ``lang`` (see the module docstring)."""
    if problem.scope == "scenario":
        params = {k: fmt_param(v, lang) for k, v in (problem.params or {}).items()}
        rule = t(f"rule.{problem.rule}", lang, **params)
        value = problem.value if len(problem.value) <= 80 else problem.value[:77] + "…"
        if problem.edit is None:
            return t("scenario.problem.scenario", lang, field=problem.column, value=value,
                     rule=rule)
        return t("scenario.problem.edit", lang,
                 edit=localise_digits(str(problem.edit + 1), lang), field=problem.column,
                 value=value, rule=rule)
    params = {k: data_param(v, lang) for k, v in (problem.params or {}).items()}
    rule = t(f"rule.{problem.rule}", lang, **params)
    file, column = problem_place(problem, lang)
    row = "—" if problem.row is None else localise_digits(str(problem.row), lang)
    return t("validation.problem", lang, file=file, row=row, column=column,
             value=problem.value, rule=rule)


register_renderer(render_problem)
