"""Human descriptions of scenario edits (the page's edit list, the CLI, the report).

One line per edit in Persian or English (catalogue keys ``scenario.describe.*``);
county codes are shown by name when the caller passes the names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from analytics.filters import ProjectFilter
from analytics.scenario.model import (
    AddProject,
    Cancel,
    Edit,
    Postpone,
    SetProjects,
    ShiftBudget,
)
from i18n import t
from i18n.formatting import fmt_number, join_list, localise_digits

__all__ = ["changes_text", "describe_edit"]


_FILTER_LABELS = {"counties": "filter.counties", "sectors": "filter.sectors",
                  "statuses": "filter.statuses", "funding_sources": "filter.funding",
                  "year_from": "filter.years", "year_to": "filter.years",
                  "provenance": "filter.provenance",
                  "text": "filter.text"}


def _county_list(codes: Iterable[str], lang: str, names: Mapping[str, str] | None) -> str:
    """County codes as the reader's names (the codes themselves without ``names``)."""
    names = names or {}
    return join_list((names.get(c, c) for c in codes), lang)


def _describe_target(edit: Any, lang: str, names: Mapping[str, str] | None = None,
                     titles: Mapping[str, str] | None = None) -> str:
    if getattr(edit, "ids", None) is not None:
        ids = list(edit.ids)
        if titles:  # the projects by title («…»), the id only where no title is known
            shown = join_list((f"«{titles[i]}»" if titles.get(i) else i for i in ids[:3]), lang)
        else:
            shown = ", ".join(ids[:3])
        shown += " …" if len(ids) > 3 else ""
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


def changes_text(edit: SetProjects, lang: str) -> str:
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


def describe_edit(edit: Edit, lang: str = "fa", names: Mapping[str, str] | None = None,
                  titles: Mapping[str, str] | None = None) -> str:
    """One line describing ``edit`` in ``lang`` (the edit list of the page and the CLI);
    county codes are shown as ``names[code]`` when ``names`` (code → name) is given, and
    chosen projects by their titles when ``titles`` (project id → title) is given."""
    def num(value: object, decimals: int = 0) -> str:
        return fmt_number(value, lang, decimals)

    if isinstance(edit, SetProjects):
        text = t("scenario.describe.set_projects", lang, target=_describe_target(edit, lang, names, titles),
                 changes=changes_text(edit, lang))
    elif isinstance(edit, Cancel):
        text = t("scenario.describe.cancel", lang, target=_describe_target(edit, lang, names, titles))
    elif isinstance(edit, Postpone):
        text = t("scenario.describe.postpone", lang, target=_describe_target(edit, lang, names, titles),
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
        elif edit.to_level:
            recipients = t("ui_polish.shift.level_group", lang,
                           level=t(f"level.{edit.to_level}", lang))
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

