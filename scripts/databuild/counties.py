"""counties.csv: one row per county (28), census figures only, from the shared counties.csv."""

from __future__ import annotations

from .common import fail, num, tables

_T = tables()["counties"]
# County-years whose figure the shared notes mark REBASED / DERIVED (tables.toml).
DERIVED_POP: dict[str, set[int]] = {code: set(years) for code, years in _T["derived_pop"].items()}
AREA_SOURCE: str = _T["area_source"]


def build_counties(shared: list[dict[str, str]]) -> list[dict]:
    out = []
    for r in shared:
        code = r["code"]
        derived = DERIVED_POP.get(code, set())
        if derived and "REBASED" not in r["notes"]:
            fail(f"{code}: DERIVED_POP lists years but shared notes do not say REBASED")
        row = {
            "code": code,
            "name_fa": r["name_fa"],
            "name_en": r["name_en"],
            "osm_name_fa": r["osm_name_fa"],
            "osm_relation_id": int(r["osm_relation_id"]),
            "wikidata": r["wikidata"],
            "seat_fa": r["seat_fa"],
            "seat_en": r["seat_en"],
            "seat_lat": num(r["seat_lat"]),
            "seat_lon": num(r["seat_lon"]),
            "seat_coord_quality": "sourced" if r["seat_lat"] and r["seat_lon"] else "missing",
            "area_km2": num(r["area_km2"]),
            "area_source": AREA_SOURCE,
        }
        qualities = []
        for year in (2006, 2011, 2016):
            value = num(r[f"pop_{year}"])
            row[f"pop_{year}"] = int(value) if value is not None else None
            if value is None:
                q = ""
            else:
                q = "derived" if year in derived else "sourced"
                qualities.append(q)
            row[f"pop_{year}_quality"] = q
        row["pop_source"] = " | ".join(s.strip() for s in r["sources"].split("|") if s.strip())
        row["pop_notes"] = r["notes"]
        row["is_province_centre"] = r["is_province_centre"].strip().lower() == "true"
        row["established"] = r["established_year"]
        row["quality"] = "derived" if "derived" in qualities else "sourced"
        row["is_sample"] = False
        out.append(row)
    if len(out) != 28 or len({r["code"] for r in out}) != 28:
        fail("expected 28 unique counties")
    centres = [r["code"] for r in out if r["is_province_centre"]]
    if centres != ["isfahan"]:
        fail(f"province centre must be isfahan only, got {centres}")
    return out


COUNTY_COLUMNS = [
    "code", "name_fa", "name_en", "osm_name_fa", "osm_relation_id", "wikidata",
    "seat_fa", "seat_en", "seat_lat", "seat_lon", "seat_coord_quality",
    "area_km2", "area_source", "pop_2006", "pop_2011", "pop_2016",
    "pop_2006_quality", "pop_2011_quality", "pop_2016_quality",
    "pop_source", "pop_notes", "is_province_centre", "established", "quality", "is_sample",
]  # fmt: skip


def households(shared: list[dict[str, str]]) -> dict[str, float]:
    """Census 1395 households per county, in the order of the shared counties.csv."""
    return {
        r["code"]: float(r["households_2016"]) for r in shared if r["households_2016"].strip()
    }
