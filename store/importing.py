"""Import an uploaded projects or indicators file as a new version — all or nothing.

``import_file(store, source, file_name, kind, user)``:

1. refuses files over 10 MB before reading them, and more than 200,000 data rows;
2. reads the file (:func:`~store.reading.read_table_file`);
3. validates every sheet with :func:`analytics.validation.validate_table` plus the
   import's own checks — formula cells, Gregorian dates (with the Jalali equivalent as
   a suggestion, never converted), unknown counties, duplicate ids / duplicate
   county-indicator-year rows (also across sheets), non-finite numbers, over-long text,
   empty sheets — and lists EVERY problem with sheet, row and column as the user sees
   them;
4. stores nothing if there is any problem (the current version stays current);
   otherwise writes a new version in one transaction (:meth:`Store.create_version`):
   a projects file is MERGED into the current projects (:mod:`store.merge`: the rows
   update the projects they name — by id, or by county + title — or add new ones, the
   projects absent from the file are kept and listed per county as "not in the
   returned file"); ``mode="replace"`` makes it the whole projects table (removals need
   ``confirm_removal``); the indicators of the current version are kept.  An
   indicators file replaces the indicators table and keeps the projects.

``dry_run=True`` validates and computes the diff — and, for projects, the review
(``result.review``: per project, each field old → new) — against the current version
without writing.  ``exclude`` leaves reviewed rows out; ``base_version`` refuses the
import when another version became current after the review.  ``round_id`` records a
projects file as a return for that follow-up round (:mod:`store.rounds`: the stamp of a
county workbook is checked — another round is refused, rows of another county warned).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from collections.abc import Collection
from dataclasses import dataclass, field, replace

import pandas as pd

from analytics.validation import DataValidationError, Problem, problems_frame, validate_table
from core.counties import PROVINCE_CODE, CountyResolver, county_names
from core.gregorian import gregorian_suggestion
from core.schema import PROJECTS, TableSchema
from core.text import normalise_text
from i18n import fmt_int, t
from store.accounts import User, writer_name
from store.db import Store, indicator_diff, project_diff
from store.frames import empty_frame, to_records, typed_frame
from store.headers import EXTRA_SYNONYMS, KIND_SCHEMAS, header_key, label
from store.limits import MAX_CELL_CHARS
from store.merge import MODES, MergePlan, Review, plan_merge
from store.reading import RawSheet, read_input, read_table_file
from store.rounds import find_round, record_returns, stamp_checks
from store.vocabulary import words_for_import

__all__ = ["ImportResult", "import_file", "validate_file", "problems_to_excel", "KINDS"]

KINDS = tuple(KIND_SCHEMAS)
# A projects row may leave its id blank: it is then matched by county + title
# (store.merge), or becomes a new project with the next free id.
_IMPORT_SCHEMAS = {
    "projects": replace(PROJECTS, columns=tuple(
        replace(c, required=False) if c.name == "project_id" else c for c in PROJECTS.columns)),
    "indicators": KIND_SCHEMAS["indicators"]}
# A file with an id column may leave the Persian title out (the English download holds the
# English title): a row that names a stored project keeps its title, a new row must give
# one (store.merge reports it at its row).
_BY_ID_SCHEMA = replace(_IMPORT_SCHEMAS["projects"], columns=tuple(
    replace(c, required=False) if c.name == "title_fa" else c
    for c in _IMPORT_SCHEMAS["projects"].columns))


@dataclass
class ImportResult:
    """Outcome of :func:`import_file`; ``problems`` block the import, ``warnings`` do not."""

    ok: bool
    file_name: str
    kind: str | None
    version_id: int | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    diff: dict = field(default_factory=dict)
    rows: int = 0
    sha256: str = ""
    dry_run: bool = False
    mode: str | None = None  # projects: "merge" or "replace"
    review: Review | None = None  # projects: per project, each field old → new
    round_id: int | None = None  # the round the return is recorded for
    stamp: dict | None = None  # a county workbook's stamp (round, due date, county)

    def message(self, lang: str = "fa") -> str:
        if not self.ok:
            return t("store.import.failed", lang, count=fmt_int(len(self.problems), lang))
        counts = {k: fmt_int(self.diff.get(f"n_{k}", 0), lang)
                  for k in ("added", "changed", "removed")}
        if self.dry_run:
            text = t("store.import.preview", lang, **counts)
        else:
            text = t("store.import.ok", lang, version=fmt_int(self.version_id, lang), **counts)
        kept = self.diff.get("n_not_in_file", 0)
        if kept:
            text += t("store.import.kept", lang, count=fmt_int(kept, lang))
        excluded = len(self.diff.get("excluded") or ())
        if excluded:
            text += t("store.import.excluded", lang, count=fmt_int(excluded, lang))
        return text

    def problems_frame(self, lang: str = "fa") -> pd.DataFrame:
        return problems_frame(self.problems, lang)


# --- validation of one sheet ---------------------------------------------------------------

def _mask(problems: list[Problem], flagged: set[tuple[int, str]]) -> list[Problem]:
    return [p for p in problems if (p.row, p.column) not in flagged]


def _display(problem: Problem, sheet: RawSheet, kind: str) -> Problem:
    """Name columns as the file does (header text, Excel cell) and explain missing ones."""
    if problem.rule == "missing_column":
        return replace(problem, rule="missing_header", params={
            "name": problem.column, "label_fa": label(kind, problem.column, "fa"),
            "label_en": label(kind, problem.column, "en")})
    if problem.rule == "empty_table":
        return replace(problem, rule="empty_sheet")
    if problem.column in sheet.headers:
        params = dict(problem.params)
        cell = sheet.cell(problem.row, problem.column)
        if cell:
            params["cell"] = cell
        return replace(problem, column=sheet.headers[problem.column], params=params)
    return problem


def _cell_checks(sheet: RawSheet, schema: TableSchema, file: str,
                 extras: list[str]) -> list[Problem]:
    """Gregorian dates in Jalali columns and over-long text, before validate_table."""
    problems = []
    row_numbers = [int(n) for n in sheet.row_numbers.tolist()]
    kinds = [(c.name, c.kind) for c in schema.columns] + [(e, "text") for e in extras]
    for name, kind in kinds:
        if name not in sheet.frame.columns:
            continue
        for row, value in zip(row_numbers, sheet.frame[name].tolist(), strict=True):
            if not value or (kind != "jalali" and len(value) <= MAX_CELL_CHARS):
                continue
            rule, params = None, {}
            if len(value) > MAX_CELL_CHARS:
                rule, params = "text_too_long", {"limit": MAX_CELL_CHARS}
                value = value[:40] + "…"
            elif kind == "jalali":
                suggestion = gregorian_suggestion(value)
                if suggestion is not None:
                    rule, params = "gregorian_date", {"suggestion": suggestion}
            if rule and (row, name) not in sheet.flagged:
                sheet.flagged.add((row, name))
                problems.append(Problem(file, row, name, value, rule, params, sheet.name))
    return problems


def _adopt_extras(sheet: RawSheet, kind: str, extras: list[str]) -> None:
    """Unknown columns named like an extra column of the embedded data (``notes`` …)
    are kept under that name instead of being ignored."""
    wanted = {header_key(e): e for e in extras}
    for extra in extras:
        for synonym in EXTRA_SYNONYMS.get(extra, ()):
            wanted.setdefault(header_key(synonym), extra)
    schema = KIND_SCHEMAS[kind]
    for key in list(sheet.frame.columns):
        if key in schema.names or key in extras:
            continue
        text = sheet.headers.get(key, "")
        target = wanted.get(header_key(text))
        if not target or target in sheet.frame.columns:
            continue
        sheet.frame = sheet.frame.rename(columns={key: target})
        sheet.headers[target] = sheet.headers.pop(key)
        sheet.letters[target] = sheet.letters.pop(key)
        sheet.flagged = {(r, target if c == key else c) for r, c in sheet.flagged}
        sheet.warnings = [w for w in sheet.warnings
                          if not (w.rule == "unknown_column" and w.column == text)]


def _finite_checks(clean: pd.DataFrame, sheet: RawSheet, schema: TableSchema,
                   file: str) -> list[Problem]:
    problems = []
    for col in schema.columns:
        if col.kind != "float" or col.name not in clean.columns:
            continue
        values = pd.to_numeric(clean[col.name], errors="coerce")
        for idx in values.index[values.map(lambda v: isinstance(v, float) and math.isinf(v))]:
            row = int(sheet.row_numbers.loc[idx])
            if (row, col.name) not in sheet.flagged:
                problems.append(Problem(file, row, col.name, str(sheet.frame.at[idx, col.name]),
                                        "not_finite", {}, sheet.name))
    return problems


def _indicator_counties(raw: pd.DataFrame, sheet: RawSheet, resolver: CountyResolver,
                        file: str) -> tuple[pd.DataFrame, list[Problem], list[Problem]]:
    """As :mod:`store.loading`: ``GROUP:`` rows are skipped, ``PROVINCE`` is kept,
    county names in any spelling become codes, unknown ones are problems."""
    problems, warnings = [], []
    if "county_code" not in raw.columns:
        return raw, problems, warnings
    codes = raw["county_code"].astype(str)
    group = codes.str.strip().str.upper().str.startswith("GROUP:")
    for idx in raw.index[group]:
        warnings.append(Problem(file, int(sheet.row_numbers.loc[idx]), "county_code",
                                codes[idx], "group_row_skipped", {}, sheet.name))
    raw = raw[~group].copy()
    resolved = []
    for idx, value in raw["county_code"].items():
        if not str(value).strip():
            resolved.append(value)
            continue
        found = PROVINCE_CODE if str(value).strip() == PROVINCE_CODE else \
            resolver.try_resolve(value)
        if found is None:
            problems.append(Problem(file, int(sheet.row_numbers.loc[idx]), "county_code",
                                    str(value), "unknown_county",
                                    {"suggestions": ", ".join(resolver.suggest(value)) or "—"},
                                    sheet.name))
        resolved.append(found or value)
    raw["county_code"] = resolved
    return raw, problems, warnings


def _duplicate_keys(table: pd.DataFrame, rows: list[tuple[str | None, int]], file: str,
                    kind: str, sheets: dict[str | None, RawSheet]) -> list[Problem]:
    """Duplicate project ids across sheets / the same county-indicator-year figure from
    the same source twice (several sources for one figure are allowed, as in data/)."""
    if table.empty:
        return []
    if kind == "projects":
        key = table["project_id"].astype("string")
        columns = ["project_id"]
    else:
        key = (table["county_code"].astype("string").fillna("") + "\x1f"
               + table["indicator"].astype("string").fillna("") + "\x1f"
               + table["year"].astype("string").fillna("") + "\x1f"
               + table["source"].astype("string").fillna(""))
        columns = ["county_code", "indicator", "year"]
    first: dict[str, int] = {}
    problems = []
    for pos, value in enumerate(key.tolist()):
        if value is None or value is pd.NA:
            continue
        if value in first:
            sheet, row = rows[pos]
            first_sheet, first_row = rows[first[value]]
            if kind == "projects" and sheet == first_sheet:
                continue  # validate_table already reported duplicates within a sheet
            where = str(first_row) if first_sheet == sheet else f"{first_sheet}:{first_row}"
            problems.append(_display(Problem(
                file, row, columns[0], str(table.iloc[pos][columns[0]]),
                "duplicate_key" if kind == "indicators" else "duplicate", {"first": where},
                sheet), sheets[sheet], kind))
        else:
            first[value] = pos
    return problems


def _validate_sheet(sheet: RawSheet, kind: str, resolver: CountyResolver, file: str,
                    extras: list[str], vocabulary: dict | None = None):
    schema = _IMPORT_SCHEMAS[kind]
    if kind == "projects" and "project_id" in sheet.frame.columns:
        schema = _BY_ID_SCHEMA
    _adopt_extras(sheet, kind, extras)
    problems = list(sheet.problems)
    warnings = list(sheet.warnings)
    problems += _cell_checks(sheet, schema, file, extras)
    raw = sheet.frame[[c for c in schema.names if c in sheet.frame.columns]].copy()
    if kind == "indicators":
        raw, county_problems, county_warnings = _indicator_counties(raw, sheet, resolver, file)
        problems += county_problems
        warnings += county_warnings
    rows = sheet.row_numbers.loc[raw.index]
    if raw.empty:  # header only (validate_table cannot coerce empty columns)
        problems.append(Problem(file, None, "—", "", "empty_table", {}, sheet.name))
        problems += [Problem(file, None, c.name, "", "missing_column", {}, sheet.name)
                     for c in schema.columns if c.required and c.name not in raw.columns]
        problems = [_display(p, sheet, kind) if p.sheet == sheet.name else p for p in problems]
        return (empty_frame(schema, extras), rows, problems,
                [_display(p, sheet, kind) for p in warnings])
    # Entirely blank columns are left out before validate_table (it cannot coerce an
    # all-empty column); a required one gets its "required" problems here.
    blank = [c for c in raw.columns
             if len(raw) and not any(normalise_text(v) for v in pd.unique(raw[c]))]
    for name in blank:
        if schema.column(name).required:
            problems += [Problem(file, int(r), name, "", "required", {}, sheet.name)
                         for r in rows if (int(r), name) not in sheet.flagged]
    raw = raw.drop(columns=blank)
    clean, found = validate_table(raw, schema, file, resolver=resolver if kind == "projects"
                                  else None, row_numbers=rows, sheet=sheet.name,
                                  vocabulary=vocabulary, dialect=sheet.dialect)
    found = [p for p in found if not (p.rule == "missing_column" and p.column in blank)]
    problems += _mask(found, sheet.flagged)
    for extra in extras:
        if extra in sheet.frame.columns:
            clean[extra] = sheet.frame.loc[clean.index, extra].str.strip()
    problems += _finite_checks(clean, sheet, schema, file)
    problems = [_display(p, sheet, kind) if p.sheet == sheet.name else p for p in problems]
    warnings = [_display(p, sheet, kind) for p in warnings]
    return clean, rows, problems, warnings


def _order(problems: list[Problem], sheets: list[str | None]) -> list[Problem]:
    position = {name: i for i, name in enumerate(sheets)}
    return sorted(problems, key=lambda p: (p.row is not None, position.get(p.sheet, -1),
                                           p.row or 0))


# --- entry points --------------------------------------------------------------------------

@dataclass
class _Checked:
    """A read and validated file: the table, where each row came from (sheet, row), the
    columns each row's sheet gives (not entirely blank) and the sheets by name."""

    kind: str | None
    table: pd.DataFrame | None
    problems: list[Problem]
    warnings: list[Problem]
    data: bytes
    where: list[tuple[str | None, int]] = field(default_factory=list)
    present: list[frozenset[str]] = field(default_factory=list)
    sheets: dict[str | None, RawSheet] = field(default_factory=dict)


def validate_file(store: Store, source, file_name: str, kind: str | None = None):
    """Read and validate without writing: (kind, table, problems, warnings, data bytes)."""
    checked = _check(store, source, file_name, kind)
    return checked.kind, checked.table, checked.problems, checked.warnings, checked.data


def _given(sheet: RawSheet) -> frozenset[str]:
    """The columns of ``sheet`` with at least one value (others keep the current values)."""
    return frozenset(c for c in sheet.frame.columns
                     if any(normalise_text(v) for v in pd.unique(sheet.frame[c])))


def _check(store: Store, source, file_name: str, kind: str | None) -> _Checked:
    data = read_input(source, file_name)
    sheets = read_table_file(data, file_name, kind=kind)
    if all(s.header_row is None for s in sheets):
        problems = [p for s in sheets for p in s.problems]
        if kind is not None:  # perhaps the other kind of table?
            try:
                others = {s.kind for s in read_table_file(data, file_name)} - {None, kind}
            except DataValidationError:
                others = set()
            if others:
                other = others.pop()
                problems.insert(0, Problem(file_name, None, "—", "", "wrong_kind", {
                    "found_fa": t(f"store.kind.{other}", "fa"),
                    "found_en": t(f"store.kind.{other}", "en"),
                    "chosen_fa": t(f"store.kind.{kind}", "fa"),
                    "chosen_en": t(f"store.kind.{kind}", "en")}))
        return _Checked(kind, None, problems, [], data)
    kinds = {s.kind for s in sheets if s.header_row is not None} - {None}
    if kind is None:
        if len(kinds) != 1:
            problem = Problem(file_name, None, "—", "", "unknown_kind", {})
            return _Checked(None, None, [problem], [], data)
        kind = kinds.pop()
    resolver = store.base_dataset().resolver
    extras = store.extra_columns(kind)
    vocabulary = words_for_import(store)  # the words editors mapped (store.vocabulary)
    tables, rows, present, problems, warnings = [], [], [], [], []
    if any(len(s.frame) for s in sheets):
        for sheet in sheets:  # a header-only sheet beside sheets with data is left out
            if sheet.header_row is not None and not len(sheet.frame):
                warnings.append(Problem(file_name, sheet.header_row, "—", "", "empty_sheet", {},
                                        sheet.name))
        sheets = [s for s in sheets if s.header_row is None or len(s.frame)]
    for sheet in sheets:
        if sheet.header_row is None:
            problems += sheet.problems
            continue
        clean, numbers, found, warned = _validate_sheet(sheet, kind, resolver, file_name,
                                                        extras, vocabulary)
        tables.append(typed_frame(clean, KIND_SCHEMAS[kind], extras))
        rows += [(sheet.name, int(n)) for n in numbers]
        present += [_given(sheet)] * len(numbers)
        problems += found
        warnings += warned
    table = pd.concat(tables, ignore_index=True) if tables else None
    by_name = {s.name: s for s in sheets}
    if table is not None:
        problems += _duplicate_keys(table, rows, file_name, kind, by_name)
    names = [s.name for s in sheets]
    return _Checked(kind, table, _order(problems, names), _order(warnings, names), data,
                    rows, present, by_name)


def import_file(store: Store, source, file_name: str | None = None, kind: str | None = None,
                user: User | str | None = None, *, dry_run: bool = False, mode: str = "merge",
                exclude: Collection[str] = (), confirm_removal: bool = False,
                base_version: int | None = None, round_id: int | None = None
                ) -> ImportResult:
    """Validate ``source`` (bytes, path or upload) and, when it has no problem at all,
    store it as a new current version (see module docstring).  Never raises for bad
    content: every problem is in the result.  ``PermissionError`` when ``user`` may not
    write (not checked for ``dry_run``).

    Projects: ``mode="merge"`` (default) updates the projects the file names and keeps
    the others; ``mode="replace"`` makes the file the whole registry and, when that
    removes projects, needs ``confirm_removal=True``.  ``exclude``: project ids of the
    review whose change is left out.  ``base_version``: the version the review was made
    against — refused when another version has become current since.  Indicators:
    the file replaces the indicators table (``mode`` does not apply).  ``round_id``: a
    projects file is the return for that round (``KeyError`` for an unknown round); a
    stamped county workbook with no round chosen is recorded for its stamped round."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if round_id is not None and find_round(store, int(round_id)) is None:
        raise KeyError(f"no round {round_id}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if not file_name:
        named = getattr(source, "name", None) or (
            os.fspath(source) if isinstance(source, str | os.PathLike) else None)
        file_name = os.path.basename(str(named)) if named else "upload"
    name = None if dry_run else writer_name(user)
    result = ImportResult(ok=False, file_name=file_name, kind=kind, dry_run=dry_run)
    try:
        checked = _check(store, source, file_name, kind)
    except DataValidationError as err:
        result.problems = err.problems
        return result
    kind, table = checked.kind, checked.table
    result.kind, result.problems, result.warnings = kind, checked.problems, checked.warnings
    result.sha256 = hashlib.sha256(checked.data).hexdigest()
    if kind == "projects" and table is not None:
        round_id, result.stamp, found, warned = stamp_checks(
            store, checked.data, table, checked.where, checked.sheets, result.file_name,
            round_id)
        result.problems = _order(result.problems + found, list(checked.sheets))
        result.warnings = _order(result.warnings + warned, list(checked.sheets))
    elif round_id is not None and kind is not None:
        result.problems.append(Problem(result.file_name, None, "—", "", "round_not_projects",
                                       {}))
    result.round_id = round_id
    if result.problems and table is not None and kind == "projects":
        # every problem at once: also the rows naming one project twice (by title) …
        store.ensure_seeded()
        current = store.dataset_at(store.current_version_id()).projects
        found = _plan(store, checked, result.file_name, mode, exclude, current)[1]
        result.problems = _order(result.problems + found, list(checked.sheets))
    if result.problems or table is None:
        return result
    result.rows = len(table)
    store.ensure_seeded()
    if kind == "projects":
        result.mode = mode
        return _import_projects(store, checked, result, name, mode=mode, exclude=exclude,
                                confirm_removal=confirm_removal, base_version=base_version,
                                round_id=round_id)
    if dry_run:
        current = store.current_version_id()
        before = store.dataset_at(current) if current else None
        if before is not None:
            old = {k: to_records(getattr(before, k), KIND_SCHEMAS[k]) for k in KINDS}
            new = dict(old) | {kind: to_records(table, KIND_SCHEMAS[kind])}
            result.diff = project_diff(old["projects"], new["projects"])
            result.diff["indicators"] = indicator_diff(old["indicators"], new["indicators"])
        result.ok = True
        return result
    with store.write() as (conn, current):
        version_id, diff = store.create_version(
            conn, current, kind=kind, user=name, file_name=result.file_name,
            sha256=result.sha256, projects=current, indicators=table)
        store.audit(conn, name, "import", version_id, {
            "file_name": result.file_name, "kind": kind, "sha256": result.sha256,
            "rows": len(table), "previous": current,
            "n_added": diff["n_added"], "n_changed": diff["n_changed"],
            "n_removed": diff["n_removed"]})
    result.ok, result.version_id, result.diff = True, version_id, diff
    return result


def _plan(store: Store, checked: _Checked, file_name: str, mode: str, exclude,
          projects: pd.DataFrame) -> tuple[MergePlan, list[Problem], list[Problem]]:
    """The merge plan of a checked projects file against ``projects``, with its problems
    (shown as the file names its columns) and warnings."""
    plan = plan_merge(projects, checked.table, checked.where, checked.present, file_name, mode)
    problems = [_display(p, checked.sheets[p.sheet], "projects") if p.sheet in checked.sheets
                else p for p in plan.problems]
    problems += [Problem(file_name, None, "project_id", pid, "exclude_unknown", {})
                 for pid in plan.unknown_exclusions(exclude)]
    warnings = []
    stored_county = dict(zip(projects["project_id"], projects["county_code"], strict=True))
    review = plan.review
    for row in review.projects.itertuples(index=False):
        before = stored_county.get(row.project_id)
        if row.change == "changed" and before is not None and before != row.county_code:
            warnings.append(_display(Problem(
                file_name, int(row.row), "county_code", str(row.county_code), "county_moved",
                {"id": row.project_id, "old": _county_name(store, before),
                 "new": _county_name(store, row.county_code)}, row.sheet),
                checked.sheets[row.sheet], "projects"))
    for county, ids in review.not_in_file().items():
        warnings.append(Problem(file_name, None, "county_code", _county_name(store, county),
                                "not_in_file", {"count": len(ids), "ids": "، ".join(ids)}))
    return plan, _order(problems, list(checked.sheets)), warnings


def _county_name(store: Store, code) -> str:
    counties = store.base_dataset().counties
    names = county_names(counties, "fa")
    return str(names.get(code, code))


def _diff_detail(plan: MergePlan, exclude) -> dict:
    review = plan.review
    excluded = sorted(set(exclude) & set(review.excludable()))
    return {"mode": review.mode, "counties": list(review.counties),
            "not_in_file": review.not_in_file(),
            "n_not_in_file": review.counts()["n_not_in_file"],
            "n_untouched": review.untouched, "excluded": excluded}


def _import_projects(store: Store, checked: _Checked, result: ImportResult, name: str | None,
                     *, mode: str, exclude, confirm_removal: bool,
                     base_version: int | None, round_id: int | None = None
                     ) -> ImportResult:
    file_name = result.file_name
    exclude = list(dict.fromkeys(exclude))

    def refused(current: int | None, plan: MergePlan) -> list[Problem]:
        problems = []
        if base_version is not None and current != base_version:
            problems.append(Problem(file_name, None, "—", "", "version_changed",
                                    {"reviewed": base_version, "current": current}))
        removed = len(set(plan.review.ids("removed")) - set(exclude))
        if mode == "replace" and removed and not confirm_removal and name is not None:
            problems.append(Problem(file_name, None, "project_id", "", "replace_not_confirmed",
                                    {"removed": removed, "before": len(plan._current)}))
        return problems

    if result.dry_run:
        current = store.current_version_id()
        with store.read() as conn:
            stored, standing = store.standing_projects(conn, current)
        plan, problems, warnings = _plan(store, checked, file_name, mode, exclude, standing)
        result.review = plan.review
        result.warnings += warnings
        result.problems += problems + refused(current, plan)
        if result.problems:
            return result
        new = _stored_unless_changed(plan, exclude, stored)
        result.diff = project_diff(to_records(stored, PROJECTS), to_records(new, PROJECTS))
        result.diff["indicators"] = {"n_added": 0, "n_removed": 0, "n_changed": 0}
        result.diff |= _diff_detail(plan, exclude)
        result.warnings += _removal_warning(result.diff, len(stored), file_name)
        result.ok = True
        return result
    with store.write() as (conn, current):
        stored, standing = store.standing_projects(conn, current)
        plan, problems, warnings = _plan(store, checked, file_name, mode, exclude, standing)
        result.review = plan.review
        result.warnings += warnings
        new = _stored_unless_changed(plan, exclude, stored)
        result.problems += problems + refused(current, plan)
        if result.problems:
            return result  # nothing written: the transaction holds no change
        detail = _diff_detail(plan, exclude)
        if round_id is not None:
            detail["round_id"] = round_id
        version_id, diff = store.create_version(
            conn, current, kind="projects", user=name, file_name=file_name,
            sha256=result.sha256, projects=new, indicators=current, diff_extra=detail)
        store.audit(conn, name, "import", version_id, {
            "file_name": file_name, "kind": "projects", "sha256": result.sha256,
            "rows": result.rows, "previous": current, "mode": mode,
            "n_added": diff["n_added"], "n_changed": diff["n_changed"],
            "n_removed": diff["n_removed"], "n_not_in_file": detail["n_not_in_file"],
            "excluded": detail["excluded"], "round_id": round_id})
        if round_id is not None:  # the return, recorded with its version
            stamped = (result.stamp or {}).get("county_code")
            record_returns(conn, round_id, version_id, [stamped] if stamped
                           else detail["counties"], name, file_name)
    result.ok, result.version_id, result.diff = True, version_id, diff
    return result


def _stored_unless_changed(plan: MergePlan, exclude, stored: pd.DataFrame) -> pd.DataFrame:
    """The new projects table of ``plan`` (made against the projects as they stand), with
    every project the file does not add or change kept exactly as stored: the follow-up
    log stays a log, and a return that changes nothing changes no stored row."""
    new = plan.result(exclude)
    touched = (set(plan.review.ids("added")) | set(plan.review.ids("changed"))) - set(exclude)
    keep = ~new["project_id"].isin(touched) & new["project_id"].isin(stored["project_id"])
    if not keep.any():
        return new
    kept = stored.set_index("project_id").loc[new.loc[keep, "project_id"]].reset_index()
    rows = pd.concat([new[~keep], kept[new.columns]], ignore_index=True)
    order = {pid: i for i, pid in enumerate(new["project_id"])}
    return rows.sort_values("project_id", key=lambda s: s.map(order)).reset_index(drop=True)


def _removal_warning(diff: dict, before: int, file_name: str) -> list[Problem]:
    removed = diff.get("n_removed", 0)
    if not removed or not before:
        return []
    return [Problem(file_name, None, "project_id", "", "many_removed",
                    {"removed": removed, "before": before})]


def problems_to_excel(problems: list[Problem], lang: str = "fa") -> bytes:
    """A downloadable .xlsx listing every problem (right-to-left for Persian).

    Values are written as text — a value such as ``=HYPERLINK(…)`` from a bad file is
    never turned into a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    ws = workbook.active
    ws.title = t("store.report.sheet", lang)
    ws.sheet_view.rightToLeft = lang == "fa"
    keys = ("file", "sheet_name", "row", "column", "cell", "value", "rule", "message")
    ws.append([t(f"store.report.{k}", lang) for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    limit = 1_000_000  # an Excel sheet holds 1,048,576 rows
    for p in problems[:limit]:
        values = [p.file, p.sheet or "", p.row, p.column, p.params.get("cell", ""), p.value,
                  p.rule, p.message(lang)]
        ws.append([v if v is None or isinstance(v, int) else str(v) for v in values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    if len(problems) > limit:
        ws.append([t("store.report.truncated", lang, count=len(problems) - limit)])
    for letter, width in zip("ABCDEFGH", (24, 14, 8, 24, 8, 24, 18, 80), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
