"""The translation catalogue: both languages, no key missing, no key orphaned, one glossary.

How a key is "used" is found by reading the source (AST) of every non-test module outside
``i18n/messages``:

* a string constant anywhere in the code that is a catalogue key (``t("map.title", …)``,
  ``title_key="views.x"``, ``{"map": "scenario_page.map_heading"}``, ``AccountError("store.account.…")``);
  a constant ``+`` concatenation (``"scenario_page.reading." + ("up" if … else "down")``) counts with
  every value it can take;
* a key built at run time — an f-string such as ``f"status.{s}"``, or a constant prefix such as
  ``"data_page.pr."`` that the code completes — matches one entry of :data:`DYNAMIC` below, which
  names the code's own constant that enumerates the missing part (or, for a list written out at
  the site, :data:`AT_SITE`: the string constants of the file that builds the key).

A key is *missing* when a literal ``t()`` / ``has_key()`` argument, or a :data:`DYNAMIC` template
filled with its enumeration (unless the site falls back with ``has_key``), is not in the catalogue.
A key is an *orphan* when nothing above reaches it.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import re
from functools import cache
from pathlib import Path

import pytest

from i18n import catalogue, t

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {"tests", "node_modules", "messages", "__pycache__", "build", "dist"}
KEY_PREFIX = re.compile(r"^[a-z_]+\.")
AT_SITE = "at site"  # the values are written out in the file(s) that build the key
ANYWHERE = "anywhere"  # the values are string constants somewhere in the code
HOLE = "{}"


def _source_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py")
                  if not any(part.startswith(".") or part in SKIP_DIRS or part.endswith(".egg-info")
                             for part in p.relative_to(ROOT).parts))


@cache
def _trees() -> dict[str, ast.Module]:
    return {p.relative_to(ROOT).as_posix(): ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in _source_files()}


def _module_constant(module: str, name: str):
    """``module.name`` — imported, or read from the source for a page (a Streamlit script)."""
    if module.startswith("pages/"):
        body = _trees()[module].body
        imported = {a.asname or a.name: (n.module, a.name) for n in body
                    if isinstance(n, ast.ImportFrom) for a in n.names}
        for node in body:
            if isinstance(node, ast.Assign) and any(getattr(n, "id", None) == name
                                                    for n in node.targets):
                used = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
                scope = {n: getattr(importlib.import_module(imported[n][0]), imported[n][1])
                         for n in used if n in imported}
                return eval(compile(ast.Expression(node.value), module, "eval"), scope)
        raise LookupError(f"{module} has no {name}")
    value = importlib.import_module(module)
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _names(module: str, name: str) -> list[str]:
    """An enumeration's members as text: a tuple/list/set of ids, a dict's keys, or the
    ``.name`` of schema columns."""
    value = _module_constant(module, name)
    return [getattr(v, "name", v) for v in value]


def _data_values(table: str, column: str) -> list[str]:
    """The distinct values of a column of the embedded data (``data/<table>.csv``)."""
    import pandas as pd

    return sorted(pd.read_csv(ROOT / "data" / f"{table}.csv", dtype=str)[column].dropna().unique())


def _reference_kinds() -> set[str]:
    """The kinds :func:`analytics.classify.reference_value` can return."""
    from analytics.classify import reference_value

    values = [1.0, 2.0, 4.0]
    return {reference_value(values, m, p, w)[1] for m in ("n_projects", "unemployment_rate")
            for p in (None, 3.0) for w in (None, [1.0, 2.0, 3.0])}


def _date_rules() -> set[str]:
    """``date_<reason>`` (analytics/validation.py, store/followups.py): the reasons are the
    string constants of core/jalali.py (``JalaliError.reason``)."""
    return {f"date_{reason}" for reason in _scan()["file_constants"]["core/jalali.py"]}


def _schema_columns() -> list[tuple[str, str]]:
    from store.headers import KIND_SCHEMAS

    return [(kind, c.name) for kind, schema in KIND_SCHEMAS.items() for c in schema.columns]


def _measures() -> list[str]:
    """Every measure a ``measure.{m}`` label is asked for: the balance X choices, the panel's
    measures (map, overview, county profile), the map's geography-only measures, the
    scenario report's columns and the county profile's indicators."""
    return sorted({*_names("analytics.measures", "BALANCE_X"),
                   *_names("analytics.panel", "PANEL_MEASURES"),
                   *_names("analytics.project_views", "PROFILE_INDICATORS")})


def _measure_ids() -> list[str]:
    """The balance table's ``measure_id`` values, from the balance of a four-county panel."""
    import pandas as pd

    from analytics.measures import panel_balance

    panel = pd.DataFrame({"x": [1.0, 2.0, 3.0, 5.0], "population": [10.0, 10.0, 10.0, 10.0],
                          "is_centre": [True, False, False, False],
                          "unemployment_rate": [5.0, 3.0, 8.0, 6.0]}, index=list("abcd"))
    return list(panel_balance(panel, "x").summary["measure_id"])


# template (``{}`` where the code inserts a value) -> (the values, where the key is built).
# The values: a callable returning them from the code's own constants (tuples for two holes),
# AT_SITE or ANYWHERE, or a tuple of these (their union).
DYNAMIC: dict[str, tuple[object, str]] = {
    "sector.{}": (lambda: _names("core.schema", "SECTORS"),
                  "ui/layout.py, ui/pages/scenario/*, figures/*, analytics/{validation,scenario}, store/templates"),
    "status.{}": (lambda: _names("core.schema", "STATUSES"), "ui/layout.py, ui/pages/*, figures/*, …"),
    "funding.{}": (lambda: _names("core.schema", "FUNDING_SOURCES"), "ui/layout.py, figures/project_charts.py, …"),
    "quality.{}": (lambda: _names("core.schema", "QUALITIES"), "figures/project_charts.py, briefing/views.py, ui/pages/overview.py"),
    "filter.provenance.{}": (lambda: _names("analytics.filters", "PROVENANCE_CHOICES"), "ui/layout.py"),
    "lang.{}": (lambda: _names("i18n.catalogue", "LANGUAGES"), "ui/layout.py"),
    "download.{}": (AT_SITE, "ui/downloads.py (png, svg)"),
    "download.{}_help": (AT_SITE, "ui/downloads.py"),
    "store.role.{}": (lambda: _names("store.accounts", "ROLES"), "ui/auth.py"),
    "store.actor.{}": (lambda: _names("store.models", "ACTOR_ROLES"), "ui/pages/data.py"),
    "store.kind.{}": (AT_SITE, "store/importing.py, store/templates.py, ui/pages/data.py (KINDS and 'seed')"),
    "store.col.{}.{}": (_schema_columns, "store/headers.py label()"),
    "store.help.{}.{}": (_schema_columns, "store/templates.py template_workbook()"),
    "store.dict.{}": (AT_SITE, "store/templates.py template_workbook()"),
    "store.report.{}": (AT_SITE, "store/importing.py"),
    "measure.{}": (_measures, "ui/pages/*, ui/pages/scenario/*, figures/*, briefing/*"),
    "measure.short.{}": (lambda: _names("analytics.measures", "BALANCE_X"), "ui/pages/balance.py, ui/pages/scenario/*, briefing/views.py, ui/pages/overview.py"),
    "measure_id.{}": (_measure_ids, "ui/pages/balance.py, ui/pages/scenario/*, briefing/* (the balance table)"),
    "report.col.{}": (AT_SITE, "briefing/report.py, ui/pages/scenario/common.py short_label()"),
    "map.measure.{}": (AT_SITE, "ui/pages/map.py GEO_MEASURES, figures/map_layers.py"),
    "map.hover.{}": ((lambda: _names("figures.map_layers", "HOVER_FIGURES"), _measures, AT_SITE),
                     "figures/map_layers.py hover cards (HOVER_FIGURES and the map's measure)"),
    "map.col.{}": (AT_SITE, "figures/map_layers.py project table"),
    "map.place_type.{}": ((lambda: _data_values("places", "type"),
                           lambda: _names("scripts.databuild.places", "PLACE_TYPES")),
                          "figures/map_layers.py (the data's place types, and the builder's)"),
    "map.place_status.{}": ((lambda: _data_values("places", "status"),
                             lambda: _module_constant("scripts.databuild.places", "SUFFIX_STATUS").values()),
                            "figures/map_layers.py (the data's place statuses, and the builder's)"),
    "map.view.{}": (AT_SITE, "ui/pages/map.py VIEWS"),
    "map.classes.{}": (AT_SITE, "ui/pages/map.py CLASSES"),
    "map.layer.{}": (AT_SITE, "ui/pages/map.py LAYERS"),
    "map.diff.{}": (_reference_kinds, "ui/pages/map.py (the kind classify.reference_value returns)"),
    "balance.group.{}": (AT_SITE, "figures/charts.py, briefing/views.py, ui/pages/balance.py (centre, rest)"),
    "balance.grouping.{}": (AT_SITE, "ui/pages/balance.py"),
    "balance.groups.{}": (AT_SITE, "ui/pages/balance.py"),
    "balance.unit.{}": (lambda: _names("analytics.measures", "BALANCE_X"), "ui/pages/balance.py"),
    "balance.reading.{}": (_measure_ids, "ui/pages/balance.py reading(), after its special cases"),
    "balance.reading.theil_{}": (lambda: {m.split("_")[2] for m in _measure_ids()
                                          if m.startswith("theil_") and m.count("_") == 2},
                                 "ui/pages/balance.py reading(): theil_<index>_<part>"),
    "labour.quadrant.{}": (lambda: _names("analytics.labour", "QUADRANTS"), "figures/charts.py, ui/pages/labour.py, briefing/report.py"),
    "labour.quadrant_desc.{}": (lambda: _names("analytics.labour", "QUADRANTS"), "ui/pages/labour.py"),
    "level.{}": (lambda: _names("analytics.ranking", "LEVELS"), "ui/pages/ranking.py, ui/pages/county.py, briefing/report.py"),
    "ranking.method.{}": ((AT_SITE, lambda: _names("analytics.ranking", "METHODS")),
                          "ui/pages/ranking.py METHOD_CHOICES ('all' and the methods), briefing/*"),
    "ranking.indicator.{}": (lambda: _names("analytics.indicators", "RANKING_INDICATORS"), "ui/pages/ranking.py, briefing/report.py"),
    "county.method.{}": (lambda: _names("analytics.ranking", "METHODS"), "ui/pages/county.py"),
    "county.col.{}": (AT_SITE, "figures/project_charts.py profile_display()"),
    "projects.col.{}": (lambda: _names("analytics.project_views", "EXPORT_COLUMNS"), "analytics/project_views.py"),
    "projects.field.{}": (lambda: _names("analytics.project_views", "FIELDS"), "figures/project_charts.py"),
    "projects.event.{}": (lambda: _names("analytics.project_views", "EVENTS"), "figures/project_charts.py"),
    "projects.history.{}": (AT_SITE, "figures/project_charts.py history_display()"),
    "projects.provenance.{}": (AT_SITE, "figures/project_charts.py, analytics/project_views.py provenance()"),
    "projects.token.{}": (lambda: _names("analytics.project_views", "SAMPLE_TOKENS"), "figures/project_charts.py, pages/projects.py"),
    "projects.sort.{}": (lambda: _names("analytics.project_views", "SORTS"), "pages/projects.py"),
    "overview.centre.{}": (AT_SITE, "ui/pages/overview.py"),
    "data_page.col.{}": (AT_SITE, "pages/data.py versions table"),
    "data_page.diff.{}": (AT_SITE, "ui/pages/data.py"),
    "data_page.pr.{}": (AT_SITE, "pages/data.py problems_display() + show_table()"),
    "data_page.tl.{}": (AT_SITE, "pages/data.py timeline + show_table()"),
    "views.source.{}": (AT_SITE, "briefing/views.py sources table"),
    "scenario.report.{}": (AT_SITE, "figures/scenario_charts.py, ui/pages/scenario/tables.py, briefing/report.py (baseline, scenario, change)"),
    "scenario.group.{}": (lambda: _names("analytics.labour_model", "COUNTY_GROUPS"), "analytics/scenario/, ui/pages/scenario/*"),
    "scenario.shift_rule.{}": (lambda: _names("analytics.scenario", "SHIFT_RULES"), "analytics/scenario/, ui/pages/scenario/builder.py"),
    "scenario.deprivation_by.{}": (lambda: _names("analytics.scenario", "DEPRIVATION_BY"), "analytics/scenario/, ui/pages/scenario/builder.py"),
    "scenario.edit.{}": (lambda: _names("analytics.scenario", "EDIT_TYPES"), "ui/pages/scenario/builder.py"),
    "scenario_page.kind_help.{}": (lambda: _names("analytics.scenario", "EDIT_TYPES"), "ui/pages/scenario/builder.py"),
    "scenario_page.set.{}": (AT_SITE, "ui/pages/scenario/builder.py _date_inputs() (start, end)"),
    "scenario_page.select.{}": (AT_SITE, "ui/pages/scenario/builder.py (filter, ids)"),
    "scenario_page.shift.jobs.{}": (lambda: _names("analytics.scenario", "JOB_RULES"), "ui/pages/scenario/builder.py"),
    "ui_polish.shift.recipients.{}": (lambda: _names("ui.pages.scenario.builder", "RECIPIENTS"), "ui/pages/scenario/builder.py"),
    "scenario_page.rank_kind.{}": (AT_SITE, "ui/pages/scenario/results.py (development, measure)"),
    # rule ids are written where a problem is raised, in any module
    "rule.{}": ((ANYWHERE, _date_rules), "core/problems.py's message (i18n), pages/data.py"),
}
# Templates filled for only some of their values: the site checks ``has_key`` and falls back
# to the raw value or another key, or an earlier branch handles the other values.
PARTIAL = {"quality.{}", "measure.short.{}", "map.hover.{}", "report.col.{}", "map.place_type.{}",
           "map.place_status.{}", "sector.{}", "status.{}", "funding.{}", "balance.reading.{}"}


def _template(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)


def _values(node: ast.AST) -> set[str] | None:
    """Every text a constant expression can take (constants, ``a if c else b``, ``+``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        a, b = _values(node.body), _values(node.orelse)
        return a | b if a is not None and b is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _values(node.left), _values(node.right)
        return {x + y for x in a for y in b} if a is not None and b is not None else None
    return None


def _is_key_template(template: str) -> bool:
    """A template whose text before the first hole is the start of some catalogue key."""
    head = template.split(HOLE, 1)[0]
    return bool(KEY_PREFIX.match(head)) and any(k.startswith(head) for k in catalogue())


@cache
def _scan() -> dict[str, object]:
    literals: set[str] = set()            # every constant text (and constant + constant)
    lookups: list[tuple[str, int, str]] = []  # literal t()/has_key() arguments
    templates: dict[str, set[str]] = {}    # key template -> files building it
    file_constants: dict[str, set[str]] = {}
    keys = catalogue()
    for path, tree in _trees().items():
        consts = file_constants.setdefault(path, set())
        parts: set[int] = set()  # constants that are pieces of an f-string or of a constant "+"
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp)
                                                   and _values(node) is not None):
                parts |= {id(n) for n in ast.walk(node) if n is not node}
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                consts.add(node.value)
                literals.add(node.value)
                # a constant prefix the code completes ("data_page.pr." + column)
                if node.value.endswith(".") and id(node) not in parts and node.value not in keys \
                        and _is_key_template(node.value + HOLE):
                    templates.setdefault(node.value + HOLE, set()).add(path)
            elif isinstance(node, ast.BinOp):
                literals |= _values(node) or set()
            elif isinstance(node, ast.JoinedStr):
                template = _template(node)
                if HOLE in template and _is_key_template(template):
                    templates.setdefault(template, set()).add(path)
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                if name in ("t", "has_key"):
                    for value in _values(node.args[0]) or ():
                        lookups.append((path, node.lineno, value))
    return {"literals": literals, "lookups": lookups, "templates": templates,
            "file_constants": file_constants}


def _expand(template: str) -> set[str]:
    """The keys a declared template can build."""
    sources, _where = DYNAMIC[template]
    holes = template.count(HOLE)
    fills: list[tuple] = []
    for source in sources if isinstance(sources, tuple) else (sources,):
        if source in (AT_SITE, ANYWHERE):
            files = (_scan()["templates"].get(template, set()) if source == AT_SITE
                     else _scan()["file_constants"])
            words = set().union(set(), *(_scan()["file_constants"][f] for f in files))
            fills += itertools.product(words, repeat=holes)
        else:
            fills += [(v,) if holes == 1 else tuple(v) for v in source()]
    out = set()
    for fill in fills:
        text = template
        for part in fill:
            text = text.replace(HOLE, str(part), 1)
        out.add(text)
    return out


def test_every_key_has_both_languages():
    from i18n.catalogue import LANGUAGES

    assert LANGUAGES == ("fa", "en")
    bad = [k for k, pair in catalogue().items()
           if len(pair) != 2 or not all(isinstance(s, str) and s.strip() for s in pair)]
    assert not bad, f"keys without a fa and an en text: {bad}"


def test_every_dynamic_key_template_is_declared():
    undeclared = {tpl: sorted(files) for tpl, files in _scan()["templates"].items()
                  if tpl not in DYNAMIC}
    assert not undeclared, ("keys built at run time with no entry in DYNAMIC (add one naming the "
                            f"constant that enumerates the values): {undeclared}")
    unused = [tpl for tpl in DYNAMIC if tpl not in _scan()["templates"]]
    assert not unused, f"DYNAMIC entries that no code builds any more: {unused}"


def test_no_key_used_in_code_is_missing():
    keys = catalogue()
    missing = sorted({f"{path}:{line}: {key}" for path, line, key in _scan()["lookups"]
                      if key not in keys})
    for template, (source, _where) in DYNAMIC.items():
        if template in PARTIAL or any(s in (AT_SITE, ANYWHERE) for s in
                                      (source if isinstance(source, tuple) else (source,))):
            continue
        missing += sorted(f"{template} -> {k}" for k in _expand(template) - set(keys))
    assert not missing, f"keys used in code but not in the catalogue: {missing}"


def test_no_orphan_keys():
    reached = _scan()["literals"] & set(catalogue())
    for template in DYNAMIC:
        reached |= _expand(template)
    # a glossary term is reached through the sections that take their text from it
    reached &= set(catalogue())
    shared = {catalogue()[k] for k in reached}
    reached |= {k for k, pair in catalogue().items() if k.startswith("glossary.") and pair in shared}
    orphans = sorted(set(catalogue()) - reached)
    assert not orphans, f"catalogue keys no code can reach: {orphans}"


def test_glossary_terms_read_the_same_everywhere():
    """No key gives a glossary term's English text (any case) another Persian text."""
    glossary = {k: pair for k, pair in catalogue().items() if k.startswith("glossary.")}
    assert glossary
    clashes = [f"{k}: {fa!r} (glossary {g}: {gfa!r})"
               for g, (gfa, gen) in glossary.items()
               for k, (fa, en) in catalogue().items()
               if en.casefold() == gen.casefold() and fa != gfa]
    assert not clashes, f"translated differently from the glossary: {clashes}"


def test_t_fills_placeholders_and_rejects_unknown_keys():
    assert t("validation.problem", "en", file="a.csv", row=2, column="c", value="v",
             rule="r") == "file 'a.csv', row 2, column 'c', value 'v': r"
    with pytest.raises(KeyError):
        t("no.such.key", "fa")
