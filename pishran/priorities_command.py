"""``pishran priorities``: every county's candidate projects with score, rank, robustness
and the suggested picks (:mod:`analytics.priorities`), on the store's current version.

    pishran priorities [--json] [--weights FILE] [--picks N] [--county C] [--method M]
                       [--preset equal|deputy] [--draws K] [--seed S] [--lang fa|en]

``--weights FILE``: a JSON object criterion → weight (criteria left out weigh 0, a weight of
0 drops a criterion); an unknown criterion is refused with the list of known ones (exit 2).
Without it the ``--preset`` (default ``deputy``) is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from analytics.priorities import (
    CRITERIA,
    DEFAULT_DRAWS,
    DEFAULT_PICKS,
    METHODS,
    PRESETS,
    WeightsError,
    criteria_table,
    parse_weights,
    prioritise,
)
from core.counties import UnknownCountyError
from core.jsonsafe import to_jsonable
from i18n import fmt_number, t

__all__ = ["add_priorities_command", "priorities_data", "run_priorities"]


def _weights(args: argparse.Namespace) -> dict[str, float]:
    if not args.weights:
        return dict(PRESETS[args.preset])
    path = Path(args.weights)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise WeightsError(f"{path}: cannot read: {err.strerror}") from None
    except ValueError as err:
        raise WeightsError(f"{path}: not JSON: {err}") from None
    try:
        return parse_weights(raw)
    except WeightsError as err:
        raise WeightsError(f"{path}: {err}", err.unknown) from None


def priorities_data(result, counties, only: str | None = None) -> dict[str, Any]:
    """The result as plain JSON-ready data (per county, candidates by rank)."""
    names = counties.set_index("code")
    out = {"method": result.method, "picks": result.n_picks, "draws": result.draws,
           "spread": result.spread, "weights": result.weights.to_dict(),
           "constant": list(result.constant), "counties": []}
    for code, row in result.counties.iterrows():
        if only is not None and code != only:
            continue
        rows = result.county_table(code)
        out["counties"].append({
            "code": code, "name_fa": names.at[code, "name_fa"],
            "name_en": names.at[code, "name_en"], "n_candidates": int(row["n_candidates"]),
            "suggested": list(row["picks"]), "stable_share": row["stable_share"],
            "flips": bool(row["flips"]),
            "candidates": [{
                "project_id": r["project_id"], "title_fa": r["title_fa"],
                "title_en": r["title_en"], "sector": r["sector"], "status": r["status"],
                "score": r["score"], "rank": int(r["rank"]), "pick": bool(r["pick"]),
                "robustness": r["robustness"], "is_sample": bool(r["is_sample"]),
                "need_group": bool(r["need_group"]),
                "criteria": {c: {"value": r[c], "normalised": r[f"{c}_norm"],
                                 "contribution": r[f"{c}_contribution"]} for c in CRITERIA},
            } for _, r in rows.iterrows()],
        })
    return to_jsonable(out)


def _text(data: dict, lang: str) -> str:
    lines = [t("priorities.cli.header", lang, method=t(_METHOD_KEYS[data["method"]], lang),
               picks=fmt_number(data["picks"], lang), draws=fmt_number(data["draws"], lang))]
    weights = ", ".join(f"{c}={fmt_number(w, lang, 2)}" for c, w in data["weights"].items())
    lines.append(t("priorities.cli.weights", lang, weights=weights))
    for county in data["counties"]:
        name = county["name_fa"] if lang == "fa" else county["name_en"]
        flag = "  " + t("priorities.flips", lang) if county["flips"] else ""
        stable = fmt_number(100 * (county["stable_share"] or 0), lang)
        lines.append("")
        lines.append(f"{name} ({county['code']}) — "
                     + t("priorities.cli.stable", lang, share=stable) + flag)
        for c in county["candidates"]:
            mark = "★" if c["pick"] else " "
            title = c["title_fa"] if lang == "fa" else (c["title_en"] or c["title_fa"])
            robust = fmt_number(100 * (c["robustness"] or 0), lang)
            lines.append(f"  {mark} {fmt_number(c['rank'], lang)}. {c['project_id']}  "
                         f"{fmt_number(c['score'], lang, 3)}  {robust}%  {title}")
    return "\n".join(lines) + "\n"


_METHOD_KEYS = {"weighted_sum": "priorities.method.weighted_sum",
                "topsis": "priorities.method.topsis"}


def run_priorities(args: argparse.Namespace, dataset=None, out=None, err=None) -> int:
    """0 on success, 1 when the store cannot be read, 2 for a bad option."""
    out = out or sys.stdout
    err = err or sys.stderr
    if dataset is None:
        from briefing.context import StoreUnavailableError, current_dataset

        try:
            dataset = current_dataset()
        except StoreUnavailableError as problem:
            print(f"pishran priorities: error: {problem}", file=err)
            return 1
    county = None
    try:
        weights = _weights(args)
        if args.picks < 1:
            raise ValueError("--picks must be a whole number ≥ 1")
        if args.county:
            try:
                county = dataset.resolver.resolve(args.county)
            except UnknownCountyError as problem:
                raise ValueError(f"unknown county {args.county!r}; known counties: "
                                 f"{', '.join(dataset.resolver.codes)}") from problem
        criteria = criteria_table(dataset.projects, dataset.indicators, dataset.counties)
        result = prioritise(criteria, weights, args.method, args.picks, draws=args.draws,
                            seed=args.seed)
    except (WeightsError, ValueError) as problem:
        print(f"pishran priorities: error: {problem}", file=err)
        return 2
    data = priorities_data(result, dataset.counties, county)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    else:
        out.write(_text(data, args.lang))
    return 0


def add_priorities_command(subparsers: Any) -> None:
    """Add ``priorities`` to a ``pishran`` sub-parser set."""
    cmd = subparsers.add_parser("priorities", help="score each county's driver projects and "
                                                   "suggest its picks")
    cmd.add_argument("--json", action="store_true", help="machine-readable JSON output")
    cmd.add_argument("--weights", metavar="FILE",
                     help=f"JSON object criterion → weight; criteria: {', '.join(CRITERIA)}")
    cmd.add_argument("--preset", choices=tuple(PRESETS), default="deputy",
                     help="weights when --weights is not given")
    cmd.add_argument("--picks", type=int, default=DEFAULT_PICKS, help="picks per county")
    cmd.add_argument("--county", help="one county (name or code)")
    cmd.add_argument("--method", choices=METHODS, default="weighted_sum")
    cmd.add_argument("--draws", type=int, default=DEFAULT_DRAWS,
                     help="random weight draws for robustness")
    cmd.add_argument("--seed", type=int, default=0)
    cmd.add_argument("--lang", choices=("fa", "en"), default="fa")
    cmd.set_defaults(func=run_priorities)
