"""Fetch county boundaries afresh from the Overpass API (OpenStreetMap, ODbL).

``build_query`` asks for the province relation (``ISO3166-2=IR-NN``) and every
``boundary=administrative`` relation of the wanted ``admin_level`` inside its area, with
member ways and nodes (``out body; >; out skel qt;``).  ``parse_overpass`` assembles each
relation's member ways into polygons — ways may come in any order and direction; outer
and inner rings are merged end to end (``linemerge``), noded and polygonized, and inner
rings are cut out — and returns the same canonical GeoDataFrame as
:func:`geo.boundaries.read_boundaries`.  It also accepts ``out geom`` responses (member
ways carrying their own ``geometry``).

The written file is OSM data under the ODbL: it must live outside the project checkout
(default: the user cache directory) and maps made from it credit
«© OpenStreetMap contributors».
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import LineString, mapping
from shapely.ops import linemerge, polygonize, unary_union

from core.files import write_atomic

from .boundaries import canonical_frame
from .config import is_inside_project

__all__ = [
    "DEFAULT_ENDPOINT",
    "OverpassError",
    "build_query",
    "fetch_province",
    "parse_overpass",
]

DEFAULT_ENDPOINT = "https://overpass-api.de/api/interpreter"
USER_AGENT = "pishran-boundaries/1 (regional development dashboard; python-urllib)"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
_ISO = re.compile(r"^[A-Z]{2}-[0-9A-Z]{1,3}$")


class OverpassError(RuntimeError):
    """The Overpass request failed or returned no usable boundaries."""


def build_query(iso_code: str = "IR-10", admin_level: int = 5, timeout: int = 180) -> str:
    """Overpass QL for the ``admin_level`` boundaries inside province ``iso_code``."""
    iso_code = iso_code.strip().upper()
    if not _ISO.match(iso_code):
        raise ValueError(f"not an ISO 3166-2 code: {iso_code!r}")
    level = int(admin_level)
    if not 1 <= level <= 12:
        raise ValueError(f"admin_level out of range: {admin_level!r}")
    return (
        f"[out:json][timeout:{int(timeout)}];\n"
        f'area["ISO3166-2"="{iso_code}"]["boundary"="administrative"]->.province;\n'
        "(\n"
        f'  relation["ISO3166-2"="{iso_code}"]["boundary"="administrative"];\n'
        f'  relation["boundary"="administrative"]["admin_level"="{level}"](area.province);\n'
        ");\n"
        "out body;\n"
        ">;\n"
        "out skel qt;\n"
    )


# --------------------------------------------------------------------------- parsing


def _way_lines(data: Mapping[str, Any]) -> tuple[dict[int, LineString], dict[int, dict]]:
    elements = data.get("elements")
    if not isinstance(elements, list):
        raise OverpassError("Overpass response has no 'elements' list")
    nodes = {e["id"]: (float(e["lon"]), float(e["lat"]))
             for e in elements if e.get("type") == "node" and "lat" in e and "lon" in e}
    ways: dict[int, LineString] = {}
    relations: dict[int, dict] = {}
    for e in elements:
        if e.get("type") == "way" and "nodes" in e:
            coords = [nodes[n] for n in e["nodes"] if n in nodes]
            if len(coords) >= 2 and len(coords) == len(e["nodes"]):
                ways[e["id"]] = LineString(coords)
        elif e.get("type") == "relation":
            relations[e["id"]] = e
    return ways, relations


def _member_line(member: Mapping[str, Any], ways: Mapping[int, LineString]) -> LineString | None:
    geometry = member.get("geometry")
    if geometry:  # `out geom`
        coords = [(float(p["lon"]), float(p["lat"])) for p in geometry if p]
        return LineString(coords) if len(coords) >= 2 else None
    return ways.get(member.get("ref"))  # type: ignore[arg-type]


def _faces(lines: list[LineString]) -> list[shapely.Polygon]:
    if not lines:
        return []
    merged = linemerge(lines)  # joins ways end to end, whatever their direction
    noded = unary_union(merged)  # splits at shared/touching vertices so rings can close
    return list(polygonize(shapely.get_parts(noded)))


def _assemble(relation: Mapping[str, Any], ways: Mapping[int, LineString]
              ) -> shapely.Geometry | None:
    outer: list[LineString] = []
    inner: list[LineString] = []
    for member in relation.get("members", []):
        if member.get("type") != "way":
            continue
        line = _member_line(member, ways)
        if line is None:
            continue
        (inner if member.get("role") == "inner" else outer).append(line)
    shells = _faces(outer)
    if not shells:
        return None
    shape = unary_union(shells)
    holes = _faces(inner)
    if holes:
        shape = shape.difference(unary_union(holes))
    if not shape.is_valid:
        shape = shapely.make_valid(shape)
    polys = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon" and not p.is_empty]
    if not polys:
        return None
    multi = shapely.multipolygons(polys)
    return shapely.orient_polygons(multi, exterior_cw=False)  # RFC 7946: exteriors CCW


def _relations(data: Mapping[str, Any], admin_level: int | None, clip_to: str | None
               ) -> list[tuple[int, dict[str, str], shapely.Geometry]]:
    ways, relations = _way_lines(data)
    province = None
    if clip_to:
        for rel in relations.values():
            if rel.get("tags", {}).get("ISO3166-2", "").upper() == clip_to.upper():
                province = _assemble(rel, ways)
                break
    out = []
    skipped = []
    for rel_id, rel in relations.items():
        tags = dict(rel.get("tags", {}))
        if admin_level is not None and str(tags.get("admin_level")) != str(admin_level):
            continue
        geom = _assemble(rel, ways)
        if geom is None:
            skipped.append(str(tags.get("name", rel_id)))
            continue
        if province is not None and not province.buffer(1e-9).contains(
                geom.representative_point()):
            continue  # a neighbour touching the province border
        out.append((int(rel_id), tags, geom))
    if skipped:
        warnings.warn(f"Overpass relations without closed rings skipped: {', '.join(skipped)}",
                      stacklevel=3)
    out.sort(key=lambda item: item[0])
    return out


def parse_overpass(data: Mapping[str, Any], admin_level: int | None = 5,
                   clip_to: str | None = None) -> gpd.GeoDataFrame:
    """Overpass JSON → canonical boundary GeoDataFrame (see :mod:`geo.boundaries`).

    Keeps relations tagged ``admin_level`` (``None``: every relation).  With ``clip_to``
    (an ISO 3166-2 code) and that province's relation in ``data``, relations whose
    interior point lies outside it (neighbours sharing the border) are dropped.  Sorted by
    relation id.
    """
    relations = _relations(data, admin_level, clip_to)
    records = [{"osm_id": rel_id, "name": tags.get("name", ""),
                "name_en": tags.get("name:en", ""), "wikidata": tags.get("wikidata", "")}
               for rel_id, tags, _ in relations]
    return canonical_frame(records, [g for _, _, g in relations])


def _round(coords: Any, digits: int) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), digits) for c in coords]
    return [_round(c, digits) for c in coords]


def to_osm_geojson(data: Mapping[str, Any], admin_level: int | None = 5,
                   clip_to: str | None = None) -> dict[str, Any]:
    """Overpass JSON → GeoJSON FeatureCollection shaped like the shared files
    (``properties = {"type": "relation", "id": …, "tags": {…}}``)."""
    features = []
    for rel_id, tags, geom in _relations(data, admin_level, clip_to):
        geometry = mapping(geom)
        features.append({
            "type": "Feature",
            "properties": {"type": "relation", "id": rel_id, "tags": tags},
            "geometry": {"type": geometry["type"],
                         "coordinates": _round(geometry["coordinates"], 7)},
        })
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def fetch_province(
    iso_code: str,
    out_path: str | os.PathLike[str],
    endpoint: str = DEFAULT_ENDPOINT,
    timeout: int = 180,
    admin_level: int = 5,
) -> Path:
    """Download ``iso_code``'s county boundaries from Overpass and write them as GeoJSON
    (readable by :func:`geo.boundaries.read_boundaries`).  Returns the written path.

    Refuses to write inside the project checkout (ODbL data is not part of the project).
    Raises :class:`OverpassError` on network/HTTP errors or an empty answer.
    """
    out = Path(out_path).expanduser()
    if is_inside_project(out):
        raise ValueError(f"refusing to write OSM (ODbL) data inside the project: {out}")
    query = build_query(iso_code, admin_level, timeout)
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"data": query}).encode("utf-8"),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout + 30) as response:
            payload = response.read()
    except urllib.error.HTTPError as exc:
        raise OverpassError(f"Overpass HTTP {exc.code} from {endpoint}: {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise OverpassError(f"cannot reach Overpass at {endpoint}: {exc}") from exc
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise OverpassError(f"Overpass answer is not JSON ({payload[:120]!r})") from exc
    remark = str(data.get("remark", ""))
    if "error" in remark.lower():
        raise OverpassError(f"Overpass reported: {remark}")
    collection = to_osm_geojson(data, admin_level, clip_to=iso_code)
    if not collection["features"]:
        raise OverpassError(f"no admin_level={admin_level} boundaries found for {iso_code}")
    return write_atomic(out, json.dumps(collection, ensure_ascii=False,
                                        separators=(",", ":")))


