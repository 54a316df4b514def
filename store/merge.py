"""Merge an imported projects table into the current registry, and the review of it.

A governor's return covers one county (or a few): by default (``mode="merge"``) each row
of the file updates the project it names and every other project is KEPT — those of the
counties the file covers are listed as "not in the returned file", those of the other
counties are untouched.  ``mode="replace"`` makes the file the whole registry: every
current project that the file does not name is removed (the callers state how many and
ask for confirmation).

Matching, row by row (a row naming another county than the others is handled on its own):

* a row with a project id names that project (an id not in the registry is a new project);
* a row without an id names the project of the same county whose title has the same
  :func:`core.text.name_key` (the one Persian normaliser: ZWNJ/space, ي/ك, digits…);
  none → a new project with the next free id ``<county>-NN``; two or more → a problem;
* two rows naming the same project are refused with both row numbers.

A matched project takes the file's value of every column the file HAS (a blank cell
blanks the field); columns the file does not have keep their current value.

:func:`plan_merge` is pure (frames in, :class:`MergePlan` out): ``plan.review`` gives,
per project, each field old → new with ``added`` / ``changed`` / ``unchanged`` /
``not_in_file``; :meth:`MergePlan.result` applies it, leaving out excluded project ids.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from core.problems import Problem
from core.schema import PROJECTS
from core.text import name_key
from i18n import fmt_int, has_key, localise_digits, t
from store.frames import typed_frame
from store.headers import label

__all__ = ["MODES", "MergePlan", "Review", "plan_merge", "CHANGES", "change_label",
           "mode_label", "value_text"]

MODES = ("merge", "replace")
# project-level outcomes; field-level ones are added/changed/unchanged/not_in_file
CHANGES = ("added", "changed", "unchanged", "not_in_file", "removed")
_PROJECT_COLUMNS = ["project_id", "county_code", "title_fa", "change", "sheet", "row",
                    "n_fields"]
_FIELD_COLUMNS = ["project_id", "county_code", "field", "old", "new", "change"]


_CHANGE_KEYS = {"added": "store.review.added", "changed": "store.review.changed",
                "unchanged": "store.review.unchanged", "not_in_file": "store.review.absent",
                "removed": "store.review.removal"}
_MODE_KEYS = {"merge": "store.mode.merge", "replace": "store.mode.replace"}
_ENUM_PREFIX = {"status": "status", "sector": "sector", "funding_source": "funding"}


def change_label(change: str, lang: str = "fa") -> str:
    """``added`` / ``changed`` / ``unchanged`` / ``not_in_file`` / ``removed`` in words."""
    return t(_CHANGE_KEYS[change], lang)


def mode_label(mode: str, lang: str = "fa") -> str:
    return t(_MODE_KEYS[mode], lang)


def value_text(field_name: str, value, lang: str = "fa", county_names: dict | None = None
               ) -> str:
    """A field value as the reader knows it: labels of enumerations, yes/no, county
    names, Persian digits; blank as «—»."""
    value = _plain(value)
    if value is None:
        return "—"
    if field_name == "county_code" and county_names:
        return str(county_names.get(value, value))
    prefix = _ENUM_PREFIX.get(field_name)
    if prefix and has_key(f"{prefix}.{value}"):
        return t(f"{prefix}.{value}", lang)
    if isinstance(value, bool):
        return t("store.dict.yes" if value else "store.dict.no", lang)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return localise_digits(str(value), lang) if lang == "fa" else str(value)


def _plain(value):
    """A cell as a plain comparable Python value (None for blank)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


@dataclass(frozen=True)
class Review:
    """What an import would do, before anything is stored.

    ``projects``: one row per project named by the file, then the projects it leaves
    out (``not_in_file`` in merge mode for the counties the file covers, ``removed`` in
    replace mode) — columns ``project_id, county_code, title_fa, change, sheet, row,
    n_fields`` (fields changed).  ``fields``: per added/changed/unchanged project, each
    field ``old`` → ``new`` with its ``change``.  ``untouched``: projects of counties
    the file does not cover (merge mode)."""

    mode: str
    projects: pd.DataFrame
    fields: pd.DataFrame
    counties: tuple[str, ...]
    untouched: int

    def ids(self, change: str) -> list[str]:
        return self.projects.loc[self.projects["change"] == change, "project_id"].tolist()

    def counts(self) -> dict[str, int]:
        out = {f"n_{c}": int((self.projects["change"] == c).sum()) for c in CHANGES}
        out["n_untouched"] = self.untouched
        return out

    def not_in_file(self) -> dict[str, list[str]]:
        """County code → ids of its projects absent from the file (merge mode)."""
        rows = self.projects[self.projects["change"] == "not_in_file"]
        return {c: rows.loc[rows["county_code"] == c, "project_id"].tolist()
                for c in dict.fromkeys(rows["county_code"].tolist())}

    def excludable(self) -> list[str]:
        """Ids whose change an editor may leave out (added, changed, removed)."""
        return self.projects.loc[self.projects["change"].isin(("added", "changed", "removed")),
                                 "project_id"].tolist()

    def changed_fields(self) -> pd.DataFrame:
        """Only the fields that change (every field of an added project)."""
        return self.fields[self.fields["change"].isin(("added", "changed"))].reset_index(
            drop=True)

    def lines(self, lang: str = "fa", county_names: dict | None = None) -> list[str]:
        """The review as text (the command line's ``--dry-run``): each project named by
        the file with its changed fields old → new, then what the file leaves out."""
        names = county_names or {}
        out = [t("store.review.heading", lang, mode=t(_MODE_KEYS[self.mode], lang),
                 counties="، ".join(str(names.get(c, c)) for c in self.counties) or "—")]
        changes = self.changed_fields()
        for row in self.projects.itertuples(index=False):
            if row.change in ("not_in_file", "removed"):
                continue
            where = "" if row.row is None or pd.isna(row.row) else " " + t(
                "store.review.row", lang, row=fmt_int(int(row.row), lang))
            out.append(f"  {t(_CHANGE_KEYS[row.change], lang)}: {row.project_id} "
                       f"«{row.title_fa}»{where}")
            if row.change == "changed":
                for f in changes[changes["project_id"] == row.project_id].itertuples():
                    out.append(f"      {label('projects', f.field, lang)}: "
                               f"{value_text(f.field, f.old, lang, names)} → "
                               f"{value_text(f.field, f.new, lang, names)}")
        for county, ids in self.not_in_file().items():
            out.append("  " + t("store.review.not_in_file", lang,
                                county=str(names.get(county, county)),
                                count=fmt_int(len(ids), lang), ids="، ".join(ids)))
        removed = self.ids("removed")
        if removed:
            out.append("  " + t("store.review.removed", lang, count=fmt_int(len(removed), lang),
                                ids="، ".join(removed)))
        if self.untouched:
            out.append("  " + t("store.review.untouched", lang,
                                count=fmt_int(self.untouched, lang)))
        return out

    def to_dict(self, changed_only: bool = True) -> dict:
        fields = self.changed_fields() if changed_only else self.fields
        return {"mode": self.mode, "counties": list(self.counties), **self.counts(),
                "not_in_file": self.not_in_file(),
                "projects": [{k: _plain(v) for k, v in r.items()}
                             for r in self.projects.to_dict("records")],
                "fields": [{k: _plain(v) for k, v in r.items()}
                           for r in fields.to_dict("records")]}


@dataclass
class MergePlan:
    """The review, the problems (matching, duplicates) and the rows to apply."""

    review: Review
    problems: list[Problem] = field(default_factory=list)
    _current: pd.DataFrame | None = None
    _rows: list[tuple[str | None, dict]] = field(default_factory=list)  # (matched id, record)
    _extras: list[str] = field(default_factory=list)

    def unknown_exclusions(self, exclude: Collection[str]) -> list[str]:
        known = set(self.review.projects["project_id"])
        return [pid for pid in exclude if pid not in known]

    def result(self, exclude: Collection[str] = ()) -> pd.DataFrame:
        """The new projects table: the plan applied, minus the ``exclude`` project ids
        (an excluded added project is not added, an excluded change keeps the current
        values, an excluded removal keeps the project)."""
        excluded = set(exclude)
        current = self._current
        records = current.to_dict("records")
        by_id = {r["project_id"]: r for r in records}
        applied: dict[str, dict] = {}
        added: list[dict] = []
        for matched, record in self._rows:
            if record["project_id"] in excluded:
                if matched is not None:
                    applied[matched] = by_id[matched]
                continue
            if matched is None:
                added.append(record)
            else:
                applied[matched] = record
        if self.review.mode == "replace":  # the file's order, then removals left out
            rows = [applied.get(matched, record) if matched else record
                    for matched, record in self._rows
                    if matched is not None or record["project_id"] not in excluded]
            kept = set(self.review.ids("removed")) & excluded
            rows += [r for r in records if r["project_id"] in kept]
        else:  # the registry's order, new projects last
            rows = [applied.get(r["project_id"], r) for r in records] + added
        frame = pd.DataFrame(rows, columns=list(current.columns))
        return typed_frame(frame, PROJECTS, self._extras)


_SUFFIX = re.compile(r"^(.*)-(\d+)$")


def _next_ids(county: str, taken: set[str]):
    """``<county>-NN`` after the largest number already used for that county."""
    numbers = [int(m.group(2)) for pid in taken if (m := _SUFFIX.match(pid))
               and m.group(1) == county]
    n = max(numbers, default=0)
    while True:
        n += 1
        pid = f"{county}-{n:02d}"
        if pid not in taken:
            taken.add(pid)
            yield pid


def plan_merge(current: pd.DataFrame, incoming: pd.DataFrame,
               where: list[tuple[str | None, int]], present: list[Collection[str]],
               file_name: str, mode: str = "merge") -> MergePlan:
    """Plan the import of ``incoming`` (typed projects rows) into ``current``.

    ``where[i]``: (sheet, row number) of incoming row ``i`` as the user sees it;
    ``present[i]``: the columns its sheet has (others keep their current value)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    extras = [c for c in current.columns if c not in PROJECTS.names]
    extras += [c for c in incoming.columns if c not in PROJECTS.names and c not in extras]
    current = typed_frame(current, PROJECTS, extras)
    incoming = typed_frame(incoming, PROJECTS, extras)
    columns = [*PROJECTS.names, *extras]
    records = current.to_dict("records")
    by_id = {r["project_id"]: i for i, r in enumerate(records)}
    by_title: dict[tuple[str, str], list[str]] = {}
    for r in records:
        by_title.setdefault((r["county_code"], name_key(r["title_fa"])), []).append(
            r["project_id"])
    taken = set(by_id) | {p for p in incoming["project_id"].tolist() if _plain(p)}
    id_makers: dict[str, object] = {}
    problems: list[Problem] = []
    claimed: dict[str, tuple[int, bool]] = {}  # id → (incoming position, named by id)
    new_titles: dict[tuple[str, str], int] = {}
    rows: list[tuple[str | None, dict]] = []
    project_rows, field_rows = [], []

    for pos, record in enumerate(incoming.to_dict("records")):
        sheet, row = where[pos]
        pid = _plain(record["project_id"])
        county = _plain(record["county_code"])
        key = (county, name_key(record["title_fa"]))
        by_name = pid is None
        if _plain(record["title_fa"]) is None and (
                "title_fa" in present[pos] or pid is None or pid not in by_id):
            # a new project needs its title; a stored one keeps it unless the file blanks it
            problems.append(Problem(file_name, row, "title_fa", "", "required", {}, sheet))
            continue
        if pid is not None:
            matched = pid if pid in by_id else None
        else:
            found = by_title.get(key, [])
            if len(found) > 1:
                problems.append(Problem(file_name, row, "title_fa", str(record["title_fa"]),
                                        "ambiguous_title", {"ids": "، ".join(found)}, sheet))
                continue
            matched = found[0] if found else None
        if matched is None and pid is None:  # a new project without id
            if key in new_titles:
                first = new_titles[key]
                problems.append(Problem(file_name, row, "title_fa", str(record["title_fa"]),
                                        "duplicate_row", {"first": _where(where, first, sheet)},
                                        sheet))
                continue
            new_titles[key] = pos
            maker = id_makers.setdefault(county, _next_ids(county, taken))
            pid = next(maker)
        target = matched or pid
        if target in claimed:
            first, first_by_id = claimed[target]
            if by_name or not first_by_id:  # ids repeated by id: validation reports them
                problems.append(Problem(file_name, row, "project_id" if not by_name
                                        else "title_fa",
                                        str(record["project_id"] if not by_name
                                            else record["title_fa"]),
                                        "duplicate_row", {"first": _where(where, first, sheet)},
                                        sheet))
            continue
        claimed[target] = (pos, not by_name)
        has = set(present[pos]) | {"project_id"}
        if matched is None:
            new = {c: (record[c] if c in has else pd.NA) for c in columns}
            new["project_id"] = pid
            change, old = "added", None
        else:
            old = records[by_id[matched]]
            new = {c: (record[c] if c in has else old[c]) for c in columns}
            new["project_id"] = matched
            change = None
        n_fields = 0
        for c in columns:
            if c == "project_id":
                continue
            before = None if old is None else _plain(old[c])
            after = _plain(new[c])
            if old is None:
                what = "added"
            elif c not in has:
                what = "not_in_file"
            else:
                what = "unchanged" if before == after else "changed"
            n_fields += what in ("added", "changed")
            field_rows.append({"project_id": new["project_id"], "county_code": new["county_code"],
                               "field": c, "old": before, "new": after, "change": what})
        if change is None:
            change = "changed" if n_fields else "unchanged"
        rows.append((matched, new))
        project_rows.append({"project_id": new["project_id"], "county_code": new["county_code"],
                             "title_fa": new["title_fa"], "change": change, "sheet": sheet,
                             "row": row, "n_fields": n_fields})
    named = {r["project_id"] for _, r in rows} | set(claimed)
    covered = tuple(dict.fromkeys(str(c) for _, r in rows if (c := _plain(r["county_code"]))))
    untouched = 0
    for r in records:
        if r["project_id"] in named:
            continue
        if mode == "replace":
            change = "removed"
        elif r["county_code"] in covered:
            change = "not_in_file"
        else:
            untouched += 1
            continue
        project_rows.append({"project_id": r["project_id"], "county_code": r["county_code"],
                             "title_fa": r["title_fa"], "change": change, "sheet": None,
                             "row": None, "n_fields": 0})
    review = Review(
        mode=mode,
        projects=pd.DataFrame(project_rows, columns=_PROJECT_COLUMNS),
        fields=pd.DataFrame(field_rows, columns=_FIELD_COLUMNS),
        counties=covered, untouched=untouched)
    return MergePlan(review, problems, current, rows, extras)


def _where(where: list[tuple[str | None, int]], pos: int, sheet: str | None) -> str:
    first_sheet, row = where[pos]
    return str(row) if first_sheet == sheet else f"{first_sheet}:{row}"
