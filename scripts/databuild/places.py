"""places.csv: development assets (sourced only), from the shared places.csv.

A ``(proposed)`` / ``(planned)`` suffix of the shared type sets ``status``.  ``coord_quality``
keeps the shared precision of the point (``exact`` = the asset's own published point,
``town`` = the point of the town the source names); ``missing`` when there is no point."""

from __future__ import annotations

from .common import fail, num, tables

_T = tables()["places"]
PLACE_IDS: dict[str, str] = _T["ids"]
PLACE_TYPES: set[str] = set(_T["types"])
COORD_QUALITIES = ("exact", "town")
SUFFIX_STATUS = {"(proposed)": "proposed", "(planned)": "planned"}
PLACE_COLUMNS = [
    "place_id", "county_code", "type", "status", "name_fa", "name_en", "lat", "lon",
    "coord_quality", "coord_source", "source", "notes", "quality", "is_sample",
]  # fmt: skip


def build_places(shared_places):
    out = []
    for r in shared_places:
        raw_type = r["type"].strip()
        status = "operating"
        for suffix, suffix_status in SUFFIX_STATUS.items():
            if raw_type.endswith(suffix):
                status = suffix_status
                raw_type = raw_type.removesuffix(suffix).strip()
        if raw_type not in PLACE_TYPES:
            fail(f"unknown place type {raw_type}")
        notes = r["notes"]
        if r["name_en"].startswith("Isfahan Science and Technology Town"):
            notes += (" Location: north-west of Isfahan city in the Isfahan / Shahin Shahr "
                      "area; the county is not stated in the source, so county_code is left "
                      "empty rather than guessed.")  # fmt: skip
        if r["name_en"] == "Kashan Special Economic Zone":
            notes += " status 'operating' = infrastructure ready, customs office still pending."
        has_xy = bool(r["lat"].strip() and r["lon"].strip())
        coord_quality = r.get("coord_quality", "").strip()
        if has_xy and coord_quality not in COORD_QUALITIES:
            fail(f"{r['name_en']}: coord_quality {coord_quality!r} not in {COORD_QUALITIES}")
        if not has_xy:
            coord_quality = "missing"
        if r["name_en"] not in PLACE_IDS:
            fail(f"no place_id for {r['name_en']!r} (tables.toml [places.ids])")
        out.append({
            "place_id": PLACE_IDS[r["name_en"]],
            "county_code": r["code"],
            "type": raw_type,
            "status": status,
            "name_fa": r["name_fa"],
            "name_en": r["name_en"],
            "lat": num(r["lat"]),
            "lon": num(r["lon"]),
            "coord_quality": coord_quality,
            "coord_source": r.get("coord_source", "").strip() if has_xy else "",
            "source": r["source_url"],
            "notes": notes,
            "quality": "sourced",
            "is_sample": False,
        })  # fmt: skip
    return out
