"""Province names and county counts for the ``IR-NN.geojson`` files of the country directory.

The county files are named by ISO 3166-2 code; the provinces file (``PISHRAN_PROVINCES``,
default ``../shared/geo/iran-provinces.geojson`` next to the project; see
:func:`core.settings.provinces_path`) carries ``name:fa`` and
``name:en`` but no code.  Each county file is matched to the province polygon that contains
the representative points of (up to) three of its counties, by majority.  A file that no
province contains — or a missing provinces file — keeps its ISO code as its name.

The result is tiny and derived from OSM (ODbL): it is memoised in-process and cached as JSON
under :func:`geo.config.cache_dir` (never inside the project).  No Streamlit here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import warnings
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry import shape

from core.files import write_atomic
from core.settings import provinces_path

from .config import cache_dir, country_dir, is_inside_project

__all__ = ["ProvinceInfo", "county_table", "province_names", "provinces",
           "provinces_path", "short_name"]

_VERSION = "provinces-1"


@dataclass(frozen=True)
class ProvinceInfo:
    """One county file: ISO code, OSM names (ISO code when unknown), number of county
    polygons, and a label point (lon, lat) inside the province (None when unknown)."""

    iso: str
    name_fa: str
    name_en: str
    n_counties: int
    lon: float | None = None
    lat: float | None = None

    def name(self, lang: str = "fa") -> str:
        return self.name_fa if lang == "fa" else self.name_en


def _stat(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)


def _props(feature: dict) -> dict:
    props = dict(feature.get("properties") or {})
    tags = props.get("tags")
    if isinstance(tags, dict):
        props = {**tags, **props}
    return props


def _polygon_features(data: dict) -> list[dict]:
    return [f for f in data.get("features", [])
            if (f.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")]


def _build(county_files: tuple[tuple[str, int, int], ...],
           provinces_file: tuple[str, int, int] | None) -> list[ProvinceInfo]:
    shapes: list[tuple[str, str, shapely.Geometry]] = []
    if provinces_file is not None:
        with open(provinces_file[0], encoding="utf-8") as handle:
            pdata = json.load(handle)
        for feature in _polygon_features(pdata):
            props = _props(feature)
            geom = shapely.make_valid(shape(feature["geometry"]))
            shapely.prepare(geom)
            shapes.append((str(props.get("name:fa") or props.get("name") or ""),
                           str(props.get("name:en") or ""), geom))
    out = []
    for path_str, _, _ in county_files:
        iso = Path(path_str).stem
        with open(path_str, encoding="utf-8") as handle:
            features = _polygon_features(json.load(handle))
        votes: Counter[int] = Counter()
        for feature in features[:3]:
            point = shape(feature["geometry"]).representative_point()
            for index, (_, _, geom) in enumerate(shapes):
                if geom.contains(point):
                    votes[index] += 1
                    break
        if votes:
            index = votes.most_common(1)[0][0]
            fa, en, geom = shapes[index]
            parts = shapely.get_parts(geom)
            label = parts[int(shapely.area(parts).argmax())].representative_point()
            out.append(ProvinceInfo(iso, fa or iso, en or iso, len(features),
                                    round(label.x, 4), round(label.y, 4)))
        else:
            out.append(ProvinceInfo(iso, iso, iso, len(features)))
    return out


def _cache_path(key: tuple) -> Path:
    digest = hashlib.sha256(json.dumps([_VERSION, key]).encode()).hexdigest()[:24]
    return cache_dir() / "geo" / f"provinces-{digest}.json"


@functools.lru_cache(maxsize=4)
def _memo(county_files: tuple[tuple[str, int, int], ...],
          provinces_file: tuple[str, int, int] | None) -> tuple[ProvinceInfo, ...]:
    path = _cache_path((county_files, provinces_file))
    try:
        with path.open(encoding="utf-8") as handle:
            return tuple(ProvinceInfo(**row) for row in json.load(handle))
    except (OSError, ValueError, TypeError):
        pass
    result = _build(county_files, provinces_file)
    if not is_inside_project(path):
        try:
            write_atomic(path, json.dumps([asdict(p) for p in result], ensure_ascii=False))
        except OSError as exc:
            warnings.warn(f"could not cache province names at {path}: {exc}", stacklevel=3)
    return tuple(result)


def provinces(directory: str | os.PathLike[str] | None = None,
              provinces_file: str | os.PathLike[str] | None = None) -> list[ProvinceInfo]:
    """One :class:`ProvinceInfo` per ``IR-*.geojson`` in ``directory`` (default
    :func:`geo.config.country_dir`), sorted by ISO code; ``[]`` when there is none."""
    folder = Path(directory or country_dir()).expanduser()
    if not folder.is_dir():
        return []
    files = tuple(_stat(f) for f in sorted(folder.glob("IR-*.geojson")))
    if not files:
        return []
    pfile = Path(provinces_file or provinces_path()).expanduser()
    return list(_memo(files, _stat(pfile) if pfile.is_file() else None))


def province_names(lang: str = "fa", directory: str | os.PathLike[str] | None = None,
                   provinces_file: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """ISO code → province name in ``lang`` (the ISO code where no name is known)."""
    return {p.iso: p.name(lang) for p in provinces(directory, provinces_file)}


_PREFIX_FA = re.compile(r"^\s*شهرستان\s+")
_SUFFIX_EN = re.compile(r"\s+County\s*$", re.IGNORECASE)


def short_name(name: str, lang: str = "fa") -> str:
    """An OSM county name without «شهرستان » / " County" (display only; joins use
    :func:`core.text.name_key`)."""
    text = str(name or "").strip()
    return _PREFIX_FA.sub("", text) if lang == "fa" else _SUFFIX_EN.sub("", text)


def county_table(geometry, infos: list[ProvinceInfo] | None = None,
                 iso: str | None = None) -> pd.DataFrame:
    """One row per county of a :class:`geo.cache.ProvinceGeometry` (index = code):
    ``name_fa``/``name_en`` (OSM names, short), ``area_km2``, ``osm_id``, ``province``
    (ISO code: the ``labels.province`` column of the country, else ``iso``),
    ``province_fa``/``province_en`` and ``n_counties`` (counties in that province)."""
    labels = geometry.labels.set_index("code")
    frame = pd.DataFrame(index=pd.Index(labels.index, name="code"))
    frame["name_fa"] = [short_name(n, "fa") for n in labels["name"]]
    frame["name_en"] = [short_name(n, "en") or short_name(n, "fa") for n in labels["name_en"]]
    frame.loc[frame["name_en"] == "", "name_en"] = frame["name_fa"]
    frame["osm_id"] = labels["osm_id"]
    frame["area_km2"] = geometry.areas_km2.reindex(frame.index).astype(float)
    if "province" in labels.columns:
        frame["province"] = labels["province"].astype(str)
    else:
        frame["province"] = iso or ""
    by_iso = {p.iso: p for p in (infos or [])}
    frame["province_fa"] = [by_iso[i].name_fa if i in by_iso else i for i in frame["province"]]
    frame["province_en"] = [by_iso[i].name_en if i in by_iso else i for i in frame["province"]]
    frame["n_counties"] = frame.groupby("province")["area_km2"].transform("size").astype(float)
    return frame
