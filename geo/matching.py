"""Match boundary features to the project's county table.

Rules, in order: (1) the feature's OSM relation id equals the table's
``osm_relation_id``; (2) the :func:`core.text.name_key` of the feature's ``name`` or
``name_en`` equals the key of exactly one remaining row's ``name_fa``, ``osm_name_fa`` or
``name_en``.  Each feature and each code is used at most once; a name key shared by several
candidates is ambiguous and left unmatched (and reported), never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from core.text import name_key

__all__ = ["MatchReport", "codes_for_unknown", "match_counties"]

_NAME_COLUMNS = ("name_fa", "osm_name_fa", "name_en")


@dataclass(frozen=True)
class MatchReport:
    """Outcome of :func:`match_counties`."""

    matched: int
    by_osm_id: int
    by_name: int
    unmatched_features: list[tuple[str, int | None]] = field(default_factory=list)
    unmatched_codes: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every feature and every table row found its partner."""
        return not self.unmatched_features and not self.unmatched_codes

    def summary(self) -> str:
        parts = [f"{self.matched} matched ({self.by_osm_id} by OSM id, {self.by_name} by name)"]
        if self.unmatched_features:
            listed = ", ".join(f"{n or '?'} [{i}]" for n, i in self.unmatched_features)
            parts.append(f"unmatched features: {listed}")
        if self.unmatched_codes:
            parts.append(f"codes without geometry: {', '.join(self.unmatched_codes)}")
        if self.ambiguous:
            parts.append(f"ambiguous name keys: {', '.join(self.ambiguous)}")
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "matched": self.matched,
            "by_osm_id": self.by_osm_id,
            "by_name": self.by_name,
            "unmatched_features": [[n, i] for n, i in self.unmatched_features],
            "unmatched_codes": list(self.unmatched_codes),
            "ambiguous": list(self.ambiguous),
        }

    @classmethod
    def from_dict(cls, data: dict) -> MatchReport:
        return cls(
            matched=int(data["matched"]),
            by_osm_id=int(data["by_osm_id"]),
            by_name=int(data["by_name"]),
            unmatched_features=[(str(n), None if i is None else int(i))
                                for n, i in data["unmatched_features"]],
            unmatched_codes=[str(c) for c in data["unmatched_codes"]],
            ambiguous=[str(a) for a in data.get("ambiguous", [])],
        )


def _as_int(value: object) -> int | None:
    """An OSM id from int, float (``6554858.0``), numeric string or NA; else None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return None
            return int(number) if number.is_integer() else None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def match_counties(
    gdf: gpd.GeoDataFrame, counties_df: pd.DataFrame, *, keep_unmatched: bool = False
) -> tuple[gpd.GeoDataFrame, MatchReport]:
    """Attach the table's ``code`` to each boundary feature.

    ``gdf`` is in the shape :func:`geo.boundaries.read_boundaries` returns; ``counties_df``
    needs a ``code`` column and any of ``osm_relation_id``, ``name_fa``, ``osm_name_fa``,
    ``name_en``.  Returns the matched features (with ``code`` as the first column, in the
    table's row order, fresh index) and a :class:`MatchReport`.  With ``keep_unmatched``
    the unmatched features follow, coded as :func:`codes_for_unknown` does (``osm<id>``).
    """
    if "code" not in counties_df.columns:
        raise ValueError("counties table has no 'code' column")
    table = counties_df.reset_index(drop=True)
    codes = [str(c) for c in table["code"]]
    if len(set(codes)) != len(codes):
        raise ValueError("counties table has duplicate codes")

    feature_code: dict[int, str] = {}  # gdf position -> code
    used_codes: set[str] = set()

    # 1. OSM relation id.
    if "osm_relation_id" in table.columns and "osm_id" in gdf.columns:
        code_by_id: dict[int, str] = {}
        for code, rel in zip(codes, table["osm_relation_id"], strict=True):
            rel_id = _as_int(rel)
            if rel_id is not None:
                code_by_id.setdefault(rel_id, code)
        for pos, osm_id in enumerate(gdf["osm_id"]):
            code = code_by_id.get(_as_int(osm_id))  # type: ignore[arg-type]
            if code is not None and code not in used_codes:
                feature_code[pos] = code
                used_codes.add(code)
    by_osm_id = len(feature_code)

    # 2. Name keys of the remaining rows and features.
    key_codes: dict[str, set[str]] = defaultdict(set)
    for column in _NAME_COLUMNS:
        if column in table.columns:
            for code, value in zip(codes, table[column], strict=True):
                key = name_key(value)
                if key and code not in used_codes:
                    key_codes[key].add(code)
    feature_keys: dict[int, set[str]] = {}
    for pos in range(len(gdf)):
        if pos in feature_code:
            continue
        keys = {name_key(gdf[col].iloc[pos]) for col in ("name", "name_en") if col in gdf.columns}
        feature_keys[pos] = {k for k in keys if k}
    # candidate codes per feature; a key naming several codes is ambiguous
    ambiguous: set[str] = {k for k, c in key_codes.items() if len(c) > 1}
    candidates: dict[int, set[str]] = {}
    for pos, keys in feature_keys.items():
        found = set().union(*(key_codes[k] for k in keys if k in key_codes and k not in ambiguous))
        if len(found) == 1:
            candidates[pos] = found
    claimed: dict[str, list[int]] = defaultdict(list)
    for pos, found in candidates.items():
        claimed[next(iter(found))].append(pos)
    for code, positions in claimed.items():
        if len(positions) == 1:
            feature_code[positions[0]] = code
            used_codes.add(code)
        else:
            ambiguous.add(code)
    by_name = len(feature_code) - by_osm_id

    order = {code: i for i, code in enumerate(codes)}
    positions = sorted(feature_code, key=lambda p: order[feature_code[p]])
    matched = gdf.iloc[positions].copy()
    matched.insert(0, "code", [feature_code[p] for p in positions])
    matched = matched.reset_index(drop=True)
    if keep_unmatched:
        rest = codes_for_unknown(gdf.iloc[[p for p in range(len(gdf)) if p not in feature_code]])
        rest = rest[~rest["code"].isin(used_codes)]
        if len(rest):
            matched = pd.concat([matched, rest], ignore_index=True)

    unmatched_features = [
        (str(gdf["name"].iloc[p]) if "name" in gdf.columns else "",
         _as_int(gdf["osm_id"].iloc[p]) if "osm_id" in gdf.columns else None)
        for p in range(len(gdf)) if p not in feature_code
    ]
    report = MatchReport(
        matched=len(feature_code),
        by_osm_id=by_osm_id,
        by_name=by_name,
        unmatched_features=unmatched_features,
        unmatched_codes=[c for c in codes if c not in used_codes],
        ambiguous=sorted(ambiguous),
    )
    return matched, report


def codes_for_unknown(gdf: gpd.GeoDataFrame, prefix: str = "") -> gpd.GeoDataFrame:
    """Give every feature a code ``f"{prefix}osm{relation id}"`` (for provinces without a
    county table); features without an id get ``f"{prefix}feature{position}"``.  Duplicate
    relation ids keep their first feature only."""
    out = gdf.copy()
    ids = [_as_int(v) for v in out["osm_id"]] if "osm_id" in out.columns else [None] * len(out)
    out.insert(0, "code", [
        f"{prefix}osm{i}" if i is not None else f"{prefix}feature{pos}"
        for pos, i in enumerate(ids)
    ])
    return out.drop_duplicates("code", keep="first").reset_index(drop=True)
