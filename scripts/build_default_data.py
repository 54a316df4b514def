#!/usr/bin/env python3
"""Build the embedded default data of Pishran (``data/*.csv``) from the shared fact tables.

Reads the hand-checked fact tables in ``/work/shared/data`` (or ``--shared PATH``) and writes

* ``data/counties.csv``   - one row per county (28), census figures only;
* ``data/indicators.csv`` - long indicator table: sourced / derived / estimate / sample rows;
* ``data/projects.csv``   - driver-project registry: real reported projects + sample projects;
* ``data/places.csv``     - development assets (sourced only).

Every value carries its provenance (column ``quality``: sourced, derived, estimate, sample;
``is_sample`` = quality in {estimate, sample}).  Sample values are fixed in this file or drawn
from a seeded random generator, so the output is byte-for-byte reproducible.  The script checks
the constraints the brief puts on the sample values (ranking, weighted means, budget share) and
stops with an error instead of writing data that breaks them.  See ``data/README.md``.

Usage: ``python scripts/build_default_data.py [--shared PATH] [--out PATH]``
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import sys
from pathlib import Path

import jdatetime

SEED = 1405
REPO = Path(__file__).resolve().parents[1]
TODAY = jdatetime.date(1405, 9, 6)  # = 2026-11-27
QUALITIES = ("sourced", "derived", "estimate", "sample")
CENSUS = {2006: 1385, 2011: 1390, 2016: 1395}
PROVINCE = "PROVINCE"
ZWNJ = "\u200c"


def default_shared() -> Path:
    rel = REPO.parent / "shared" / "data"
    return rel if rel.is_dir() else Path("/work/shared/data")


# ----------------------------------------------------------------------------- helpers
def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            missing = set(columns) - set(row)
            extra = set(row) - set(columns)
            if missing or extra:
                raise ValueError(f"{path.name}: bad row keys missing={missing} extra={extra}")
            writer.writerow({k: fmt(row[k]) for k in columns})


def fmt(value) -> str:
    """CSV cell text: integers without '.0', floats without trailing zeros, bools lowercase."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(round(value, 6))
    if isinstance(value, jdatetime.date):
        return jdate(value)
    return str(value)


def jdate(d: jdatetime.date) -> str:
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d}"


def to_jalali_year(gregorian_year: str) -> int | None:
    """Census 2006/2011/2016 -> 1385/1390/1395; any other Gregorian year Y -> Y - 621
    (the Jalali year that starts on ~21 March Y and covers most of Y)."""
    if not gregorian_year.strip():
        return None
    g = int(gregorian_year)
    return CENSUS.get(g, g - 621)


def num(text: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def is_sample(quality: str) -> bool:
    if quality not in QUALITIES:
        raise ValueError(f"bad quality {quality!r}")
    return quality in ("estimate", "sample")


def wmean(values: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights[k] for k in values)
    return sum(values[k] * weights[k] for k in values) / total


def fail(msg: str) -> None:
    raise SystemExit(f"build_default_data: constraint violated: {msg}")


# ----------------------------------------------------------------------------- counties
# County-years whose figure the shared notes mark REBASED / DERIVED (arithmetic on district
# figures to today's boundary); everything else in counties.csv is a published county total.
DERIVED_POP = {
    "isfahan": {2006, 2011, 2016},
    "borkhar": {2006},
    "shahinshahr_va_meymeh": {2006},
    "buin_va_miandasht": {2006, 2011},
    "khur_va_biabanak": {2006},
    "nain": {2006},
    "fereydan": {2006, 2011},
    "harand": {2006, 2011, 2016},
    "varzaneh": {2006, 2016},
    "jarqavieh": {2006},
    "kuhpayeh": {2006},
}

AREA_SOURCE = (
    "derived: area of the OSM relation polygon (OpenStreetMap IR-10 extract, Oct 2025) in "
    "EPSG:6933 equal-area, computed by the shared fact table build (_build/build.py); "
    "OSM province total is +0.84% above the reported 107,018-107,044 km2"
)


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

# ----------------------------------------------------------------------------- indicators
IND_COLUMNS = [
    "county_code", "indicator", "year", "value", "value_text", "unit",
    "source", "quality", "is_sample", "notes",
]  # fmt: skip


def ind(code, indicator, year, value, unit, source, quality, notes, value_text=""):
    return {
        "county_code": code,
        "indicator": indicator,
        "year": year,
        "value": value,
        "value_text": value_text,
        "unit": unit,
        "source": source,
        "quality": quality,
        "is_sample": is_sample(quality),
        "notes": notes,
    }


# --- sample values (invented for demonstration; constraints checked below) -----------------
# Unemployment rate 1395 (%), for the counties without a sourced census figure.
UNEMP_1395_SAMPLE = {
    "natanz": 7.4,  # sourced rank: 2nd lowest (value not published)
    "borkhar": 8.6,  # sourced rank: 3rd lowest (value not published)
    "kashan": 10.4,  # consistent with the sourced ~9% of 1391
    "khur_va_biabanak": 10.9,
    "nain": 11.3,
    "kuhpayeh": 11.7,
    "buin_va_miandasht": 11.9,
    "fereydan": 12.2,
    "ardestan": 12.5,
    "golpayegan": 12.7,
    "jarqavieh": 12.8,
    "harand": 13.0,
    "fereydunshahr": 13.3,
    "varzaneh": 13.4,
    "semirom": 13.6,
    "shahreza": 14.5,
    "dehaqan": 14.0,
    "chadegan": 14.2,
    "najafabad": 15.0,
    "tiran_va_karvan": 14.8,
    "isfahan": 15.4,
    "falavarjan": 15.6,
    "khomeynishahr": 15.7,
    "mobarakeh": 16.0,  # flagged migrant-receiving, high-unemployment county (IRIB 1404)
}
# Share of the total population in the labour force (economically active), 1395 - sample.
PARTICIPATION_SAMPLE = {
    "isfahan": 0.375, "kashan": 0.372, "aran_va_bidgol": 0.378, "borkhar": 0.371,
    "shahinshahr_va_meymeh": 0.366, "lenjan": 0.352, "mobarakeh": 0.355,
    "najafabad": 0.358, "khomeynishahr": 0.356, "falavarjan": 0.350, "shahreza": 0.354,
    "tiran_va_karvan": 0.343, "golpayegan": 0.352, "khansar": 0.338, "dehaqan": 0.341,
    "semirom": 0.334, "fereydan": 0.339, "buin_va_miandasht": 0.336, "fereydunshahr": 0.333,
    "chadegan": 0.335, "nain": 0.346, "khur_va_biabanak": 0.349, "ardestan": 0.344,
    "natanz": 0.347, "harand": 0.337, "varzaneh": 0.336, "jarqavieh": 0.334, "kuhpayeh": 0.338,
}  # fmt: skip
# Net migration 1390-1395 per 1,000 population of 1395 - sample.
NETMIG_SAMPLE = {
    "shahinshahr_va_meymeh": 46.0, "borkhar": 21.5, "kashan": 14.0, "mobarakeh": 13.5,
    "lenjan": 11.0, "aran_va_bidgol": 9.0, "isfahan": 5.5, "khomeynishahr": 2.5,
    "najafabad": 1.5, "falavarjan": -1.5, "tiran_va_karvan": -3.0, "shahreza": -4.5,
    "harand": -6.0, "golpayegan": -9.5, "natanz": -11.5, "dehaqan": -13.0,
    "varzaneh": -14.5, "fereydan": -15.0, "semirom": -15.5, "kuhpayeh": -16.0,
    "nain": -17.0, "khansar": -17.5, "jarqavieh": -18.0, "chadegan": -19.0,
    "buin_va_miandasht": -20.0, "ardestan": -21.0, "fereydunshahr": -22.0,
    "khur_va_biabanak": -24.5,
}  # fmt: skip
NETMIG_NEGATIVE = [
    "khur_va_biabanak", "nain", "ardestan", "fereydunshahr", "chadegan", "semirom",
    "buin_va_miandasht", "khansar", "golpayegan", "dehaqan", "natanz", "varzaneh",
    "kuhpayeh", "jarqavieh",
]  # fmt: skip
# Share of the employed working in industry (manufacturing + mining), 1395 (%) - sample.
INDSHARE_SAMPLE = {
    "lenjan": 48.5, "mobarakeh": 46.0, "borkhar": 44.5, "aran_va_bidgol": 43.0,
    "shahinshahr_va_meymeh": 42.0, "kashan": 40.5, "najafabad": 38.5, "khomeynishahr": 36.0,
    "falavarjan": 33.5, "isfahan": 30.0, "shahreza": 27.0, "tiran_va_karvan": 24.0,
    "golpayegan": 21.5, "ardestan": 22.0, "nain": 21.0, "kuhpayeh": 20.5, "natanz": 20.0,
    "jarqavieh": 19.0, "harand": 18.0, "dehaqan": 18.5, "varzaneh": 17.0, "khansar": 16.0,
    "fereydan": 15.0, "khur_va_biabanak": 14.5, "chadegan": 14.0, "semirom": 13.0,
    "fereydunshahr": 13.5, "buin_va_miandasht": 12.0,
}  # fmt: skip
INDSHARE_HIGH = [
    "lenjan", "mobarakeh", "borkhar", "shahinshahr_va_meymeh", "kashan", "aran_va_bidgol",
    "najafabad",
]  # fmt: skip
INDSHARE_LOW = [
    "semirom", "chadegan", "fereydunshahr", "fereydan", "buin_va_miandasht", "khansar",
    "golpayegan", "khur_va_biabanak", "dehaqan",
]  # fmt: skip
# Literacy rate 1395 (% of population aged 6+) - sample where not sourced.
LITERACY_SAMPLE = {
    "kashan": 89.6, "aran_va_bidgol": 88.1, "khomeynishahr": 90.6,
    "shahinshahr_va_meymeh": 91.7, "borkhar": 89.8, "mobarakeh": 88.7, "shahreza": 88.9,
    "tiran_va_karvan": 86.1, "golpayegan": 87.2, "khansar": 86.8, "dehaqan": 86.0,
    "semirom": 82.4, "fereydan": 84.3, "buin_va_miandasht": 81.2, "fereydunshahr": 82.0,
    "chadegan": 81.5, "nain": 85.2, "khur_va_biabanak": 84.0, "natanz": 85.8,
    "harand": 83.1, "varzaneh": 82.8, "jarqavieh": 80.6, "kuhpayeh": 81.9,
}  # fmt: skip
# Urbanisation rate 1395 (% of population in cities) - sample where not sourced.
URBAN_SAMPLE = {
    "kashan": 88.0, "aran_va_bidgol": 80.0, "khomeynishahr": 91.0,
    "shahinshahr_va_meymeh": 91.5, "borkhar": 85.0, "mobarakeh": 78.0, "shahreza": 86.0,
    "tiran_va_karvan": 62.0, "golpayegan": 74.0, "khansar": 78.0, "dehaqan": 72.0,
    "semirom": 55.0, "fereydan": 50.0, "buin_va_miandasht": 45.0, "fereydunshahr": 52.0,
    "chadegan": 48.0, "nain": 68.0, "khur_va_biabanak": 52.0, "natanz": 60.0,
    "harand": 45.0, "varzaneh": 50.0, "jarqavieh": 40.0, "kuhpayeh": 45.0,
}  # fmt: skip


def build_population(counties, shared_ind, provinces) -> tuple[list[dict], dict, dict]:
    """Population rows 1385/1390/1395 for all 28 counties + PROVINCE.

    Returns (rows, pop[code][jalali_year], summary)."""
    ratio = {(a, b): provinces[b][0] / provinces[a][0] for a in CENSUS for b in CENSUS}

    def shared_value(code: str, indicator: str, year: int | None = None) -> tuple[float, str]:
        hits = [
            r for r in shared_ind
            if r["code"] == code and r["indicator"] == indicator
            and (year is None or r["year"] == str(year))
        ]  # fmt: skip
        if len(hits) != 1:
            fail(f"expected one shared row {code}/{indicator}/{year}, got {len(hits)}")
        return float(hits[0]["value"]), hits[0]["source_url"]

    sci = {
        r["code"]: (float(r["value"]), r["source_url"])
        for r in shared_ind
        if r["indicator"] == "pop_2006_sci_county_table" and not r["code"].startswith("GROUP")
    }
    rows: list[dict] = []
    pop: dict[str, dict[int, float]] = {}

    # GROUP splits (Jarqavieh Olya, Kuhpayeh, Varzaneh) by 1385 district shares.
    sofla16, sofla_url = shared_value("jarqavieh", "population_jarqavieh_sofla_district", 2016)
    g16, g16_url = shared_value("GROUP:jarqavieh_olya_district+kuhpayeh", "population_combined")
    g11, g11_url = shared_value(
        "GROUP:varzaneh+jarqavieh_olya_district+kuhpayeh", "population_combined"
    )
    cty = {c["code"]: c for c in counties}
    # 1385 district figures (tr-Wikipedia table, quoted in the shared counties.csv notes)
    olya06, sofla06 = 14099.0, 20970.0  # Jarqavieh Olya / Jarqavieh Sofla districts
    if cty["jarqavieh"]["pop_2006"] != olya06 + sofla06:
        fail("Jarqavieh 2006 != Olya 14,099 + Sofla 20,970 (shared notes changed?)")
    kuh06 = float(cty["kuhpayeh"]["pop_2006"])
    bon06 = float(cty["varzaneh"]["pop_2006"])
    sofla11 = 22003.0  # Jarqavieh Sofla 1390, stated in the shared notes
    if "22,003" not in cty["jarqavieh"]["pop_notes"]:
        fail("Jarqavieh Sofla 2011 (22,003) no longer in the shared notes")
    olya16 = g16 * olya06 / (olya06 + kuh06)
    kuh16 = g16 * kuh06 / (olya06 + kuh06)
    tot3 = bon06 + olya06 + kuh06
    bon11, olya11, kuh11 = (g11 * v / tot3 for v in (bon06, olya06, kuh06))
    split2 = f"split by 1385 district populations Olya {olya06:,.0f} : Kuhpayeh {kuh06:,.0f}"
    split3 = (f"split by 1385 district populations Bon Rud {bon06:,.0f} : Olya {olya06:,.0f} : "
              f"Kuhpayeh {kuh06:,.0f}")  # fmt: skip
    grp16 = f"derived GROUP 1395 total {g16:,.0f} (Jarqavieh Olya + Kuhpayeh districts)"
    grp11 = f"derived GROUP 1390 total {g11:,.0f} (Bon Rud + Jarqavieh Olya + Kuhpayeh)"
    group_rule = {
        ("jarqavieh", 2016): (
            sofla16 + olya16,
            f"Jarqavieh Sofla 1395 {sofla16:,.0f} (sourced) + Jarqavieh Olya share of the "
            f"{grp16}, {split2}",
            f"{sofla_url} | {g16_url}",
        ),
        ("kuhpayeh", 2016): (
            kuh16,
            f"Kuhpayeh share of the {grp16}, {split2}",
            g16_url,
        ),
        ("jarqavieh", 2011): (
            sofla11 + olya11,
            f"Jarqavieh Sofla 1390 {sofla11:,.0f} (sourced) + Jarqavieh Olya share of the "
            f"{grp11}, {split3}",
            f"{sofla_url} | {g11_url}",
        ),
        ("kuhpayeh", 2011): (kuh11, f"Kuhpayeh share of the {grp11}, {split3}", g11_url),
        ("varzaneh", 2011): (bon11, f"Bon Rud (= Varzaneh) share of the {grp11}, {split3}",
                             g11_url),
    }
    # Khomeyni Shahr: never use the unverified 369,727.
    for c in counties:
        code = c["code"]
        pop[code] = {}
        for g in (2006, 2011, 2016):
            j = CENSUS[g]
            census = c[f"pop_{g}"]
            if census is not None:
                q = c[f"pop_{g}_quality"]
                note = "Census figure from counties.csv"
                if q == "derived":
                    note += " - REBASED/DERIVED to today's boundary (see counties.csv pop_notes)"
                rows.append(ind(code, "population", j, float(census), "persons",
                                c["pop_source"], q, note + "."))  # fmt: skip
                pop[code][j] = float(census)
                continue
            if (code, g) in group_rule:
                value, rule, urls = group_rule[(code, g)]
                value = round(value)
                inputs = " | ".join(dict.fromkeys(u.strip() for u in urls.split("|")))
                note = f"{rule} -> {value:,.0f}."
                if code == "kuhpayeh":
                    note += " (wikijoo 'about 27,000 (1395)' is itself an estimate; not used.)"
                rows.append(ind(code, "population", j, float(value), "persons",
                                "estimate: share of a derived GROUP total split by 1385 "
                                "district populations", "estimate",
                                f"{note} Inputs: {inputs}"))  # fmt: skip
                pop[code][j] = float(value)
                continue
            if g == 2006 and code in sci:
                value, url = sci[code]
                rule = ("estimate: SCI 1385 county-table value used as proxy for the "
                        "division-table series (runs 0.3-3% higher)")  # fmt: skip
                rows.append(ind(code, "population", j, value, "persons", rule, "estimate",
                                f"Proxy: SCI census 1385 county-table figure {value:,.0f} "
                                f"({url}); the division-table figure used for the other "
                                "counties is not available for this county."))  # fmt: skip
                pop[code][j] = value
                continue
            # nearest census year of the same county x province growth ratio
            known = [y for y in (2006, 2011, 2016) if c[f"pop_{y}"] is not None]
            if code == "semirom":
                base_g, base_v, base_desc = 2006, sci["semirom"][0], (
                    f"SCI 1385 county-table value {sci['semirom'][0]:,.0f} ({sci['semirom'][1]})")
            else:
                if not known:
                    fail(f"{code}: no census year to estimate from")
                base_g = min(known, key=lambda y: (abs(y - g), -y))
                base_v = float(c[f"pop_{base_g}"])
                base_desc = f"census {CENSUS[base_g]} value {base_v:,.0f} (counties.csv)"
            r = ratio[(base_g, g)]
            value = round(base_v * r)
            rule = (f"estimate: nearest census year x province growth ratio "
                    f"{CENSUS[base_g]}->{j}")  # fmt: skip
            note = (f"{base_desc} x province ratio {provinces[g][0]:,.0f}/"
                    f"{provinces[base_g][0]:,.0f} = {r:.5f} -> {value:,.0f}.")  # fmt: skip
            if code == "khansar" and g == 2016:
                note += (" The county governor's 'about 33,000 (1395)' (Mehr, 2025) is "
                         "an approximation and is not used; this estimate is probably high.")
            if code == "khomeynishahr" and g == 2016:
                note += (" The fa-Wikipedia mirror value 369,727 is NOT used (implausible, see "
                         "SOURCES.md / indicator pop_2016_unverified).")  # fmt: skip
            if code == "semirom":
                note += (" Semirom's Central District fell 47,535 -> 37,274 (1385->1395, "
                         "partly boundary changes); the province-ratio rule probably "
                         "overstates it.")
            rows.append(ind(code, "population", j, float(value), "persons", rule, "estimate",
                            note))  # fmt: skip
            pop[code][j] = float(value)
    for g, (v, url) in provinces.items():
        rows.append(ind(PROVINCE, "population", CENSUS[g], v, "persons", url, "sourced",
                        f"Census {CENSUS[g]} province total (shared indicator "
                        "population_census)."))  # fmt: skip
    summary = {}
    for g, (v, _url) in provinces.items():
        j = CENSUS[g]
        s = sum(pop[c][j] for c in pop)
        summary[j] = (s, v, s - v, 100 * (s - v) / v)
    return rows, pop, summary


def build_indicators(counties, shared_ind):
    codes = [c["code"] for c in counties]
    provinces = {}
    for r in shared_ind:
        if r["code"] == PROVINCE and r["indicator"] == "population_census":
            provinces[int(r["year"])] = (float(r["value"]), r["source_url"])
    if sorted(provinces) != [2006, 2011, 2016]:
        fail("province census totals missing from shared indicators")
    rows, pop, pop_summary = build_population(counties, shared_ind, provinces)
    p95 = {c: pop[c][1395] for c in codes}
    p90 = {c: pop[c][1390] for c in codes}
    consumed: set[int] = set()  # indexes of shared rows already turned into panel rows

    def take(code: str, indicator: str, year: str) -> dict | None:
        for i, r in enumerate(shared_ind):
            if r["code"] == code and r["indicator"] == indicator and r["year"] == year:
                consumed.add(i)
                return r
        return None

    for i, r in enumerate(shared_ind):
        if r["code"] == PROVINCE and r["indicator"] == "population_census":
            consumed.add(i)

    # 2. unemployment 1395
    unemp: dict[str, float] = {}
    for code in codes + [PROVINCE]:
        src = take(code, "unemployment_rate", "2016")
        if src:
            unemp[code] = float(src["value"])
            rows.append(ind(code, "unemployment_rate", 1395, float(src["value"]), "percent",
                            src["source_url"], "sourced", src["notes"]))  # fmt: skip
        elif code != PROVINCE:
            v = UNEMP_1395_SAMPLE[code]
            unemp[code] = v
            note = "SAMPLE value for demonstration, constrained by the sourced census facts"
            extra = {
                "natanz": " (sourced: 2nd lowest in the province, value not published)",
                "borkhar": " (sourced: 3rd lowest in the province, value not published)",
                "mobarakeh": " (sourced flag: migrant-receiving county with high unemployment)",
                "kashan": " (sourced: about 9% in 1391, see the 1391 row)",
            }.get(code, " (below the 3rd highest 16.3, above Borkhar)")
            rows.append(ind(code, "unemployment_rate", 1395, v, "percent", "sample", "sample",
                            note + extra + "."))  # fmt: skip
    county_unemp = {c: unemp[c] for c in codes}
    ranked = sorted(codes, key=lambda c: county_unemp[c])
    if ranked[:3] != ["aran_va_bidgol", "natanz", "borkhar"]:
        fail(f"lowest three unemployment = {ranked[:3]}")
    if ranked[-3:][::-1] != ["lenjan", "shahinshahr_va_meymeh", "khansar"]:
        fail(f"highest three unemployment = {ranked[-3:]}")
    if len(set(county_unemp.values())) != len(codes):
        fail("unemployment 1395 values must be distinct (clean ranking)")
    if not 15.5 <= county_unemp["mobarakeh"] <= 16.0:
        fail("Mobarakeh unemployment should be 15.5-16.0")
    u_mean = wmean(county_unemp, p95)
    if abs(u_mean - unemp[PROVINCE]) > 0.3:
        fail(f"weighted unemployment {u_mean:.2f} not within 0.3 of {unemp[PROVINCE]}")

    # unemployment 1390 (sample for every county + province) and the sourced 1391 rows
    rng = random.Random(SEED)
    u90 = {}
    for code in codes:
        delta = rng.uniform(0.8, 2.6)
        if code in ("khur_va_biabanak", "nain", "fereydunshahr"):
            delta = -rng.uniform(0.2, 0.9)  # peripheral counties: slightly worse in 1390
        v = round(county_unemp[code] - delta, 1)
        if code == "kashan":
            v = 8.8  # keep close to the sourced ~9% of 1391
        u90[code] = v
        rows.append(ind(code, "unemployment_rate", 1390, v, "percent", "sample", "sample",
                        "SAMPLE value for demonstration (1395 value minus a random 0.8-2.6 "
                        "points; +0.2-0.9 for Khur, Nain, Fereydunshahr). No county census "
                        "1390 unemployment was found."))  # fmt: skip
    u90_prov = round(wmean(u90, p90), 1)
    rows.append(ind(PROVINCE, "unemployment_rate", 1390, u90_prov, "percent", "sample", "sample",
                    "SAMPLE: population-weighted mean (1390 populations) of the county sample "
                    "values. Not a census figure; the sourced province figure nearest in time "
                    "is about 13% (1391)."))  # fmt: skip
    for code in ("kashan", PROVINCE):
        src = take(code, "unemployment_rate", "2012")
        rows.append(ind(code, "unemployment_rate", 1391, float(src["value"]), "percent",
                        src["source_url"], "sourced",
                        "approx. (page: 'about'). " + src["notes"]))  # fmt: skip

    # 3. labour force 1395
    for code in codes:
        s = PARTICIPATION_SAMPLE[code]
        if not 0.33 <= s <= 0.40:
            fail(f"participation share {code} out of range")
        v = float(round(p95[code] * s, -1))
        rows.append(ind(code, "labour_force", 1395, v, "persons", "sample", "sample",
                        f"SAMPLE: population 1395 ({p95[code]:,.0f}) x assumed share of the "
                        f"total population in the labour force {s:.3f} (range used 0.33-0.38; "
                        "no county labour-force figure was found)."))  # fmt: skip

    # 4. net migration 1395 (per 1,000; 1390-1395)
    inm = take(PROVINCE, "interprovincial_inmigrants_2011_2016", "2016")
    outm = take(PROVINCE, "interprovincial_outmigrants_2011_2016", "2016")
    net = float(inm["value"]) - float(outm["value"])
    prov_rate = 1000 * net / provinces[2016][0]
    for code in codes:
        v = NETMIG_SAMPLE[code]
        rows.append(ind(code, "net_migration_rate", 1395, v, "per 1,000 population", "sample",
                        "sample", "SAMPLE: net migrants 1390-1395 (in minus out, all moves "
                        "incl. within the province) per 1,000 population of 1395. Pattern "
                        "follows sourced facts: Shahin Shahr and Meymeh highest in-migration "
                        "rate; Lenjan and Mobarakeh migrant-receiving; peripheral desert and "
                        "mountain counties negative. No county table was found."))  # fmt: skip
    rows.append(ind(PROVINCE, "net_migration_rate", 1395, round(prov_rate, 2),
                    "per 1,000 population", f"{inm['source_url']}", "derived",
                    f"DERIVED: (interprovincial in-migrants {float(inm['value']):,.0f} - "
                    f"out-migrants {float(outm['value']):,.0f}) / population 1395 "
                    f"{provinces[2016][0]:,.0f} x 1000; inputs are approximate ('about'). "
                    "Interprovincial moves only; emigration abroad (7,188) not subtracted."))
    rows.append(ind(PROVINCE, "interprovincial_net_migrants_2011_2016", 1395, net,
                    "persons (approx.)", inm["source_url"], "derived",
                    "DERIVED: in-migrants about 128,000 - out-migrants about 103,000 "
                    "(census 1395, Aban 1390 - Aban 1395)."))  # fmt: skip
    mig_mean = wmean(NETMIG_SAMPLE, p95)
    if abs(mig_mean - prov_rate) > 1.0:
        fail(f"weighted net migration {mig_mean:.2f} not within 1 of {prov_rate:.2f}")
    top = max(codes, key=lambda c: NETMIG_SAMPLE[c])
    if top != "shahinshahr_va_meymeh":
        fail("Shahin Shahr must have the highest net migration")
    if any(NETMIG_SAMPLE[c] >= 0 for c in NETMIG_NEGATIVE):
        fail("peripheral counties must have negative net migration")
    if any(NETMIG_SAMPLE[c] <= 0 for c in ("lenjan", "mobarakeh", "isfahan")):
        fail("Lenjan, Mobarakeh, Isfahan must be positive")

    # 5. industrial employment share
    for code in codes:
        v = INDSHARE_SAMPLE[code]
        rows.append(ind(code, "industrial_employment_share", 1395, v, "percent", "sample",
                        "sample", "SAMPLE: share of the employed working in industry "
                        "(manufacturing and mining). High in the steel/textile/carpet belt, "
                        "low in agricultural and mountain counties; no county table found."))
    if any(not 35 <= INDSHARE_SAMPLE[c] <= 50 for c in INDSHARE_HIGH):
        fail("industrial share of the industrial counties must be 35-50")
    if not 28 <= INDSHARE_SAMPLE["isfahan"] <= 32 or any(
        not 12 <= INDSHARE_SAMPLE[c] <= 22 for c in INDSHARE_LOW
    ):
        fail("industrial share ranges")

    # 6./7. literacy and urbanisation
    for indicator, samples, lo, hi in (
        ("literacy_rate", LITERACY_SAMPLE, 80, 92),
        ("urbanisation_rate", URBAN_SAMPLE, 30, 95),
    ):
        for code in codes:
            src = take(code, indicator, "2016")
            if src:
                note = src["notes"]
                if "approx" in src["unit"]:
                    note = "approx. " + note
                rows.append(ind(code, indicator, 1395, float(src["value"]), "percent",
                                src["source_url"], "sourced", note))  # fmt: skip
            else:
                v = samples[code]
                if not lo <= v <= hi:
                    fail(f"{indicator} {code} out of range")
                what = ("literate share of the population aged 6+"
                        if indicator == "literacy_rate"
                        else "share of the population living in cities")
                note = f"SAMPLE value for demonstration ({what}); no sourced county figure."
                if indicator == "urbanisation_rate" and code == "harand":
                    note += " Lower bound from sourced figures: Harand city 7,829 / 21,257 = 36.8%."
                if indicator == "urbanisation_rate" and code == "khomeynishahr":
                    note += (" Sourced cities Khomeyni Shahr + Kushk + Asgharabad = "
                             "267,252 (Dorcheh missing) -> at least ~82% of the estimated "
                             "population.")
                rows.append(ind(code, indicator, 1395, v, "percent", "sample", "sample", note))
    urb = take("lenjan", "urban_population", "2011")
    lenjan11 = float(by_code(counties)["lenjan"]["pop_2011"])
    rows.append(ind("lenjan", "urbanisation_rate", 1390, round(100 * float(urb["value"]) /
                    lenjan11, 2), "percent", urb["source_url"], "derived",
                    f"DERIVED: urban population {float(urb['value']):,.0f} / census total "
                    f"{lenjan11:,.0f} x 100 (census 1390)."))  # fmt: skip
    consumed.discard(next(i for i, r in enumerate(shared_ind) if r is urb))  # keep raw row too

    # households 1395 from counties.csv (not requested as a panel; kept because sourced)
    cty = by_code(counties)
    for code, hh in HOUSEHOLDS.items():
        q = cty[code]["pop_2016_quality"] or "sourced"
        rows.append(ind(code, "households", 1395, hh, "households",
                        cty[code]["pop_source"], q,
                        "Census 1395 households (counties.csv of the shared fact table)"
                        + (", rebased like the population." if q == "derived" else ".")))

    # 8. every other shared row about one county, PROVINCE or a GROUP
    for i, r in enumerate(shared_ind):
        if i in consumed:
            continue
        code = r["code"]
        notes = r["notes"]
        if code == "driver_projects_count":
            code = PROVINCE
            notes = ("Province-wide figure (the shared file has the malformed code "
                     "'driver_projects_count'). " + notes)  # fmt: skip
        if code not in codes and code != PROVINCE and not code.startswith("GROUP:"):
            fail(f"unexpected shared code {code!r}")
        year = to_jalali_year(r["year"])
        value = num(r["value"])
        value_text = "" if value is not None else r["value"]
        quality = "derived" if notes.startswith("DERIVED") else "sourced"
        if code.startswith("GROUP:"):
            notes = "GROUP row (several units; consumers must skip it). " + notes
        if r["year"] and int(r["year"]) not in CENSUS:
            notes = f"Year converted from Gregorian {r['year']}. " + notes
        if r["indicator"] == "pop_2016_unverified":
            notes = "UNVERIFIED - not used as population anywhere. " + notes
        rows.append(ind(code, r["indicator"], year, value, r["unit"], r["source_url"], quality,
                        notes, value_text=value_text))  # fmt: skip

    stats = {
        "pop_summary": pop_summary,
        "unemp_wmean": u_mean,
        "unemp_province": unemp[PROVINCE],
        "unemp_1390_province_sample": u90_prov,
        "netmig_wmean": mig_mean,
        "netmig_province": prov_rate,
    }
    return rows, pop, stats


def by_code(rows):
    return {r["code"]: r for r in rows}


HOUSEHOLDS: dict[str, float] = {}  # filled from the shared counties.csv in main()

# ----------------------------------------------------------------------------- places
PLACE_IDS = {
    "Esfahan Steel Company (Zob Ahan)": "esfahan_steel",
    "Mobarakeh Steel Company": "mobarakeh_steel",
    "Isfahan Oil Refining Company": "isfahan_refinery",
    "Isfahan Science and Technology Town (ISTT)": "istt",
    "Abu Reyhan Science and Technology Park (ISTT second park)": "abu_reyhan_stp",
    "Isfahan Special Zone for Science and Technology": "isfahan_sci_tech_zone",
    "Kashan Special Economic Zone": "kashan_sez",
    "Fooladshahr Special Economic Zone (proposed)": "fooladshahr_sez",
    "Fooladshahr technology-park pole (proposed)": "fooladshahr_tech_pole",
}
PLACE_COLUMNS = [
    "place_id", "county_code", "type", "status", "name_fa", "name_en", "lat", "lon",
    "coord_quality", "source", "notes", "quality", "is_sample",
]  # fmt: skip
PLACE_TYPES = {
    "heavy_industry", "refinery", "science_technology_park", "science_technology_zone",
    "special_economic_zone", "technology_park_pole",
}  # fmt: skip


def build_places(shared_places):
    out = []
    for r in shared_places:
        raw_type = r["type"].strip()
        status = "operating"
        if raw_type.endswith("(proposed)"):
            status = "proposed"
            raw_type = raw_type.replace("(proposed)", "").strip()
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
        out.append({
            "place_id": PLACE_IDS[r["name_en"]],
            "county_code": r["code"],
            "type": raw_type,
            "status": status,
            "name_fa": r["name_fa"],
            "name_en": r["name_en"],
            "lat": num(r["lat"]),
            "lon": num(r["lon"]),
            "coord_quality": "sourced" if has_xy else "missing",
            "source": r["source_url"],
            "notes": notes,
            "quality": "sourced",
            "is_sample": False,
        })  # fmt: skip
    return out


# ----------------------------------------------------------------------------- projects
AGENCY = {
    "IND": "سازمان صنعت، معدن و تجارت استان اصفهان",
    "EST": "شرکت شهرک‌های صنعتی استان اصفهان",
    "CHT": "اداره کل میراث فرهنگی، گردشگری و صنایع دستی استان اصفهان",
    "AGR": "سازمان جهاد کشاورزی استان اصفهان",
    "STP": "شهرک علمی و تحقیقاتی اصفهان (پارک علم و فناوری)",
    "TVT": "اداره کل آموزش فنی و حرفه‌ای استان اصفهان",
    "WAT": "شرکت آب منطقه‌ای اصفهان",
    "ABF": "شرکت آب و فاضلاب استان اصفهان",
    "ROAD": "اداره کل راه و شهرسازی استان اصفهان",
    "RAH": "اداره کل راهداری و حمل و نقل جاده‌ای استان اصفهان",
    "HLT": "دانشگاه علوم پزشکی اصفهان",
    "METRO": "سازمان قطار شهری اصفهان و حومه",
    "SEZK": "سازمان منطقه ویژه اقتصادی کاشان",
    "ECON": "استانداری اصفهان (معاونت هماهنگی امور اقتصادی)",
    "POWER": "شرکت برق منطقه‌ای اصفهان",
    "SATBA": "سازمان انرژی‌های تجدیدپذیر و بهره‌وری انرژی برق (ساتبا)",
    "NRW": "اداره کل منابع طبیعی و آبخیزداری استان اصفهان",
    "DOE": "اداره کل حفاظت محیط زیست استان اصفهان",
    "SPORT": "اداره کل ورزش و جوانان استان اصفهان",
    "UKASH": "دانشگاه کاشان",
    "AZAD_NAJ": "دانشگاه آزاد اسلامی واحد نجف‌آباد",
    "AZAD_FAL": "دانشگاه آزاد اسلامی واحد فلاورجان",
    "MSC": "شرکت فولاد مبارکه",
    "ZOB": "شرکت ذوب آهن اصفهان",
    "TRADE": "سازمان توسعه تجارت ایران (نمایندگی استان اصفهان)",
}
SECTORS = (
    "industry", "mining", "agriculture", "tourism", "knowledge_tech", "transport", "water",
    "energy", "skills", "health", "trade_logistics_sez", "international",
)  # fmt: skip
STATUSES = ("defined", "study", "in_progress", "stalled", "completed", "cancelled")
FUNDING = ("national", "provincial", "private", "mixed")
PROJECT_COLUMNS = [
    "project_id", "county_code", "title_fa", "title_en", "sector", "agency_fa", "status",
    "physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
    "funding_source", "expected_jobs", "planned_start", "planned_end", "actual_start",
    "actual_end", "last_followup", "followup_officer", "lat", "lon", "coord_quality",
    "source", "is_sample", "sample_fields", "notes", "quality",
]  # fmt: skip

# Real projects: (county, match in the shared title, our title fa/en, sector, agency key,
# agency sourced?, budget, jobs, funding, progress override)
REAL = [
    ("lenjan", "Fooladshahr special economic zone", "منطقه ویژه اقتصادی فولادشهر",
     "Fooladshahr Special Economic Zone", "trade_logistics_sez", "ECON", False,
     14000, 3000, "mixed", None),
    ("lenjan", "Fooladshahr special economic zone", "قطب پارک فناوری فولادشهر",
     "Fooladshahr technology-park pole", "knowledge_tech", "STP", False,
     3500, 600, "mixed", None),
    ("shahreza", "petrochemical", "شهرک تخصصی پتروشیمی (شیمی‌پارک پروپیلن) شهرضا",
     "Shahreza specialised petrochemical estate (propylene chemical park)", "industry", "EST",
     True, 24000, 2500, "mixed", None),
    ("semirom", "Ammonia", "شیمی‌پارک آمونیاک سمیرم", "Semirom ammonia chemical park",
     "industry", "EST", True, 18000, 1200, "mixed", None),
    ("nain", "Mineral elements", "شهرک تخصصی فرآوری عناصر معدنی نائین",
     "Nain mineral-elements processing industrial estate", "mining", "EST", True,
     7000, 1100, "mixed", None),
    ("kashan", "textile", "شهرک تخصصی نساجی کاشان", "Kashan specialised textile estate",
     "industry", "EST", True, 6500, 2000, "mixed", None),
    ("kashan", "Kashan Special Economic Zone",
     "منطقه ویژه اقتصادی کاشان – تکمیل فاز یک و راه‌اندازی گمرک",
     "Kashan Special Economic Zone - phase 1 completion and customs launch",
     "trade_logistics_sez", "SEZK", False, 12000, 3500, "mixed", (90, 86)),
    ("tiran_va_karvan", "Pharmaceutical", "شهرک تخصصی پیش‌سازهای دارویی تیران و کرون",
     "Tiran va Karvan pharmaceutical-precursors specialised estate", "industry", "EST", True,
     5500, 900, "mixed", None),
    ("borkhar", "Bag, shoe", "شهرک تخصصی کیف، کفش و پوشاک دولت‌آباد",
     "Dowlatabad bag, shoe and clothing specialised estate", "industry", "EST", True,
     5000, 1800, "mixed", None),
    ("isfahan", "Baharestan", "توسعه خط مترو اصفهان تا بهارستان",
     "Isfahan metro extension to Baharestan", "transport", "METRO", False,
     260000, 1500, "mixed", None),
    ("shahinshahr_va_meymeh", "Shahinshahr", "توسعه مترو تا شاهین‌شهر",
     "Metro extension to Shahin Shahr", "transport", "METRO", False,
     55000, 700, "mixed", None),
]  # fmt: skip
REPORTED_STATUS = {
    "proposed": "defined",
    "planned": "study",
    "on agenda": "study",
    "infrastructure complete; awaiting customs": "in_progress",
}

# Sample projects per county: (sector, agency key, title_fa, title_en, budget bn rials, jobs,
# funding).  Invented for demonstration; chosen to fit each county's real economy.
S = tuple
SAMPLE_PROJECTS: dict[str, list[tuple]] = {
    "isfahan": [
        S(("knowledge_tech", "STP", "مرکز نوآوری و شتاب‌دهی دانش‌بنیان شهر اصفهان",
           "Isfahan knowledge-based innovation and acceleration centre", 20000, 1500, "mixed")),
        S(("health", "HLT", "بیمارستان تخصصی و مرکز گردشگری سلامت اصفهان",
           "Isfahan specialised hospital and health-tourism centre", 38000, 900, "national")),
        S(("tourism", "CHT", "احیای بافت تاریخی و مسیر گردشگری پیرامون میدان نقش جهان",
           "Historic-fabric revival and visitor route around Naqsh-e Jahan Square", 6000, 400,
           "mixed")),
        S(("water", "ABF", "تصفیه و بازچرخانی پساب شهری اصفهان برای مصارف صنعتی",
           "Isfahan urban wastewater treatment and reuse for industry", 48000, 250, "mixed")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی پیشرفته فناوری‌های صنعتی اصفهان",
           "Isfahan advanced industrial-technology skills centre", 900, 60, "provincial")),
    ],
    "kashan": [
        S(("tourism", "CHT", "مرمت و بهره‌برداری گردشگری از خانه‌های تاریخی کاشان",
           "Restoration and tourist use of Kashan's historic houses", 1200, 150, "mixed")),
        S(("tourism", "CHT", "توسعه زیرساخت گردشگری باغ فین و محور فین",
           "Visitor infrastructure for Fin Garden and the Fin axis", 800, 80, "provincial")),
        S(("international", "TRADE", "مرکز صادرات گلاب و فرآورده‌های گل محمدی قمصر",
           "Qamsar rosewater and Damask-rose products export centre", 600, 200, "private")),
        S(("knowledge_tech", "UKASH", "مرکز رشد فناوری نساجی دانشگاه کاشان",
           "University of Kashan textile-technology incubator", 450, 120, "national")),
    ],
    "aran_va_bidgol": [
        S(("industry", "EST", "توسعه شهرک تخصصی فرش ماشینی آران و بیدگل",
           "Aran va Bidgol machine-made carpet estate expansion", 6000, 1600, "mixed")),
        S(("tourism", "CHT", "توسعه گردشگری کویر و کاروانسرای مرنجاب",
           "Maranjab desert and caravanserai tourism development", 900, 120, "mixed")),
        S(("agriculture", "AGR", "واحدهای گلاب‌گیری و فرآوری گل محمدی آران و بیدگل",
           "Rosewater distilling and Damask-rose processing units", 350, 90, "private")),
        S(("skills", "TVT", "هنرستان مهارتی فرش و نساجی آران و بیدگل",
           "Aran va Bidgol carpet and textile vocational school", 220, 45, "provincial")),
        S(("international", "TRADE", "کنسرسیوم صادراتی فرش ماشینی به بازارهای منطقه‌ای",
           "Machine-carpet export consortium for regional markets", 150, 40, "mixed")),
    ],
    "lenjan": [
        S(("industry", "EST", "شهرک صنایع پایین‌دستی فولاد لنجان",
           "Lenjan downstream steel-products estate", 8500, 1500, "mixed")),
        S(("skills", "ZOB", "هنرستان فنی فولاد در جوار ذوب آهن اصفهان",
           "Steel vocational school beside Esfahan Steel", 300, 70, "mixed")),
        S(("water", "AGR", "نوسازی شبکه آبیاری و بهره‌وری آب کشاورزی حاشیه زاینده‌رود",
           "Irrigation renewal and water efficiency along the Zayandeh Rud", 2500, 100,
           "national")),
        S(("tourism", "CHT", "ساماندهی تفرجگاه‌های حاشیه زاینده‌رود در زرین‌شهر",
           "Zayandeh Rud riverside recreation areas in Zarrin Shahr", 400, 50, "provincial")),
    ],
    "mobarakeh": [
        S(("skills", "MSC", "مرکز آموزش مهارت‌های فنی در جوار فولاد مبارکه",
           "Technical skills centre beside Mobarakeh Steel", 450, 90, "private")),
        S(("industry", "EST", "شهرک صنایع پایین‌دستی فولاد مبارکه (ورق و لوله)",
           "Mobarakeh downstream steel estate (sheet and pipe)", 11000, 2000, "mixed")),
        S(("knowledge_tech", "STP", "مرکز نوآوری تأمین‌کنندگان دانش‌بنیان صنعت فولاد",
           "Innovation centre for knowledge-based suppliers of the steel industry", 1800, 350,
           "private")),
        S(("water", "WAT", "بازچرخانی پساب صنعتی و کاهش برداشت از زاینده‌رود",
           "Industrial wastewater recycling to cut Zayandeh Rud withdrawals", 5500, 60,
           "mixed")),
        S(("agriculture", "AGR", "گلخانه‌های کم‌مصرف آب حاشیه زاینده‌رود",
           "Water-saving greenhouses along the Zayandeh Rud", 700, 250, "private")),
    ],
    "shahinshahr_va_meymeh": [
        S(("industry", "EST", "توسعه شهرک صنعتی مورچه‌خورت",
           "Murcheh Khvort industrial estate expansion", 4000, 1500, "mixed")),
        S(("knowledge_tech", "STP", "کریدور فناوری شاهین‌شهر و شهرک علمی و تحقیقاتی اصفهان",
           "Shahin Shahr - Isfahan Science and Technology Town technology corridor", 1500, 400,
           "mixed")),
        S(("mining", "IND", "کارخانه آب معدنی و فرآوری مواد معدنی میمه",
           "Meymeh mineral-water bottling and minerals processing", 700, 150, "private")),
        S(("trade_logistics_sez", "RAH", "مرکز لجستیک و انبار منطقه‌ای شمال اصفهان",
           "North Isfahan regional logistics and warehousing centre", 3000, 400, "private")),
    ],
    "najafabad": [
        S(("industry", "IND", "خوشه سنگ‌بری و فرآوری سنگ تزئینی نجف‌آباد",
           "Najafabad stone-cutting and decorative-stone cluster", 2500, 900, "private")),
        S(("industry", "EST", "فاز توسعه شهرک‌های صنعتی نجف‌آباد",
           "Najafabad industrial estates expansion phase", 5500, 1500, "mixed")),
        S(("skills", "TVT", "هنرستان فنی سنگ و معدن نجف‌آباد",
           "Najafabad stone and mining vocational school", 250, 50, "provincial")),
        S(("knowledge_tech", "AZAD_NAJ", "مرکز رشد واحدهای فناور نجف‌آباد",
           "Najafabad technology-unit incubator", 400, 100, "mixed")),
        S(("water", "WAT", "بازچرخانی آب در کارگاه‌های سنگ‌بری",
           "Water recycling in stone-cutting workshops", 1800, 40, "mixed")),
    ],
    "khomeynishahr": [
        S(("industry", "IND", "خوشه نساجی و پوشاک خمینی‌شهر",
           "Khomeyni Shahr textile and clothing cluster", 1200, 500, "private")),
        S(("industry", "EST", "مجتمع کارگاهی قطعات خودرو خمینی‌شهر",
           "Khomeyni Shahr auto-parts SME workshop complex", 2800, 700, "mixed")),
        S(("knowledge_tech", "STP", "مرکز رشد فناوری خمینی‌شهر",
           "Khomeyni Shahr technology incubator", 350, 90, "mixed")),
        S(("skills", "TVT", "هنرستان مهارتی نساجی و پوشاک خمینی‌شهر",
           "Khomeyni Shahr textile and clothing vocational school", 200, 40, "provincial")),
        S(("tourism", "CHT", "ساماندهی حاشیه زاینده‌رود و گردشگری شهری خمینی‌شهر",
           "Khomeyni Shahr riverside and urban tourism", 600, 60, "provincial")),
    ],
    "falavarjan": [
        S(("industry", "IND", "مجتمع خدمات فنی و پشتیبانی صنایع فولاد فلاورجان",
           "Falavarjan technical-services complex for the steel industry", 2000, 450,
           "private")),
        S(("knowledge_tech", "AZAD_FAL", "مرکز رشد و نوآوری شهر دانشگاهی فلاورجان",
           "Falavarjan university-city incubator and innovation centre", 500, 120, "mixed")),
        S(("agriculture", "AGR", "کشت گلخانه‌ای و کشاورزی دقیق فلاورجان",
           "Greenhouse and precision farming in Falavarjan", 1500, 200, "private")),
        S(("skills", "TVT", "هنرستان فنی صنایع فلزی فلاورجان",
           "Falavarjan metal-industries vocational school", 220, 45, "provincial")),
        S(("trade_logistics_sez", "RAH", "پایانه بار و مرکز لجستیک جنوب‌غرب اصفهان",
           "South-west Isfahan freight terminal and logistics centre", 2200, 300, "mixed")),
    ],
    "borkhar": [
        S(("trade_logistics_sez", "RAH", "بندر خشک و مرکز لجستیک مجاور فرودگاه اصفهان",
           "Dry port and logistics centre next to Isfahan airport", 8000, 1100, "mixed")),
        S(("skills", "TVT", "هنرستان مهارتی کیف و کفش برخوار",
           "Borkhar bag and shoe vocational school", 200, 50, "provincial")),
        S(("energy", "POWER", "تأمین برق پایدار شهرک‌های صنعتی برخوار",
           "Reliable power supply for Borkhar industrial estates", 1800, 40, "national")),
        S(("knowledge_tech", "STP", "مرکز نوآوری صنایع کفش و چرم",
           "Shoe and leather industry innovation centre", 300, 80, "mixed")),
    ],
    "shahreza": [
        S(("agriculture", "AGR", "مجتمع فرآوری و بسته‌بندی پسته و محصولات باغی شهرضا",
           "Shahreza pistachio and orchard-products processing complex", 600, 180, "private")),
        S(("tourism", "CHT", "احیای فرش قمشه و بازارچه صنایع دستی شهرضا",
           "Qomsheh rug revival and Shahreza handicrafts bazaar", 250, 120, "mixed")),
        S(("skills", "TVT", "هنرستان فنی صنایع شیمیایی شهرضا",
           "Shahreza chemical-industries vocational school", 300, 60, "provincial")),
        S(("water", "WAT", "تأمین آب صنعتی شهرک پتروشیمی شهرضا",
           "Industrial water supply for the Shahreza petrochemical estate", 3500, 30,
           "national")),
    ],
    "semirom": [
        S(("agriculture", "AGR", "سردخانه‌های بزرگ و مرکز درجه‌بندی سیب سمیرم",
           "Semirom large cold stores and apple grading centre", 1200, 250, "private")),
        S(("industry", "IND", "کارخانه فرآوری میوه و کنسانتره سیب سمیرم",
           "Semirom fruit-processing and apple-concentrate plant", 1800, 300, "private")),
        S(("tourism", "CHT", "توسعه گردشگری پادنا و اقامتگاه‌های بوم‌گردی",
           "Padena tourism and eco-lodges", 500, 120, "mixed")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی باغبانی و فرآوری میوه سمیرم",
           "Semirom horticulture and fruit-processing skills centre", 150, 35, "provincial")),
    ],
    "nain": [
        S(("industry", "CHT", "خوشه عبابافی و پارچه‌های سنتی نائین",
           "Nain 'aba' weaving and traditional textiles cluster", 180, 150, "mixed")),
        S(("energy", "SATBA", "نیروگاه خورشیدی ۱۰ مگاواتی نائین",
           "Nain 10 MW solar power plant", 5000, 40, "private")),
        S(("skills", "TVT", "هنرستان معدن و فرآوری مواد معدنی نائین",
           "Nain mining and mineral-processing vocational school", 250, 50, "provincial")),
        S(("tourism", "CHT", "مرکز خدمات گردشگری کویری و بافت تاریخی نائین",
           "Nain desert-tourism services and historic-quarter centre", 400, 60, "provincial")),
    ],
    "tiran_va_karvan": [
        S(("agriculture", "AGR", "مجتمع گلخانه‌ای و فرآوری گیاهان دارویی تیران و کرون",
           "Tiran va Karvan greenhouse and medicinal-plant processing complex", 700, 200,
           "private")),
        S(("knowledge_tech", "STP", "مرکز رشد زیست‌فناوری و داروسازی تیران",
           "Tiran biotechnology and pharmaceutics incubator", 400, 80, "mixed")),
        S(("water", "AGR", "مرمت قنات‌ها و نوسازی شبکه آبیاری کرون",
           "Qanat restoration and irrigation renewal in Karvan", 900, 50, "national")),
    ],
    "golpayegan": [
        S(("industry", "IND", "توسعه صنایع لبنی و مراکز جمع‌آوری شیر گلپایگان",
           "Golpayegan dairy industry and milk-collection centres", 2000, 300, "private")),
        S(("agriculture", "AGR", "مجتمع دامپروری صنعتی گلپایگان",
           "Golpayegan industrial livestock complex", 1500, 200, "private")),
        S(("agriculture", "AGR", "کشت و فرآوری گیاهان دارویی گلپایگان",
           "Golpayegan medicinal-plant cultivation and processing", 400, 90, "mixed")),
        S(("tourism", "CHT", "گردشگری سد گلپایگان و بافت تاریخی شهر",
           "Golpayegan dam and historic-town tourism", 350, 50, "provincial")),
        S(("skills", "TVT", "مرکز آموزش فنی و حرفه‌ای صنایع غذایی گلپایگان",
           "Golpayegan food-industry vocational centre", 180, 40, "provincial")),
    ],
    "khansar": [
        S(("agriculture", "AGR", "مرکز فرآوری و بسته‌بندی عسل و گز خوانسار",
           "Khansar honey and gaz processing and packaging centre", 300, 80, "private")),
        S(("tourism", "CHT", "گردشگری طبیعت و ورزش‌های کوهستانی خوانسار",
           "Khansar nature tourism and mountain sports", 450, 60, "mixed")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی زنبورداری و صنایع غذایی خوانسار",
           "Khansar beekeeping and food-industry skills centre", 120, 30, "provincial")),
        S(("agriculture", "AGR", "نهالستان و ایستگاه تحقیقاتی گیاهان دارویی خوانسار",
           "Khansar medicinal-plant nursery and research station", 250, 25, "national")),
    ],
    "dehaqan": [
        S(("mining", "IND", "خوشه فرآوری سنگ مرمریت دهاقان",
           "Dehaqan marble processing cluster", 1500, 300, "private")),
        S(("agriculture", "AGR", "سردخانه و بسته‌بندی میوه باغ‌های دهاقان",
           "Dehaqan orchard fruit cold store and packing house", 500, 90, "private")),
        S(("skills", "TVT", "هنرستان فنی معدن و سنگ دهاقان",
           "Dehaqan mining and stone vocational school", 180, 40, "provincial")),
        S(("mining", "IND", "اکتشاف و تجهیز معدن سنگ تزئینی دهاقان",
           "Dehaqan decorative-stone quarry exploration and equipment", 900, 80, "private")),
    ],
    "natanz": [
        S(("tourism", "CHT", "توسعه گردشگری روستای تاریخی ابیانه",
           "Abyaneh historic village tourism development", 700, 100, "mixed")),
        S(("agriculture", "AGR", "سردخانه و فرآوری میوه (گلابی و زردآلو) نطنز",
           "Natanz fruit (pear and apricot) cold store and processing", 450, 90, "private")),
        S(("mining", "IND", "فرآوری مواد معدنی نطنز",
           "Natanz mineral processing", 1200, 150, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی گردشگری و صنایع دستی نطنز",
           "Natanz tourism and handicrafts skills centre", 150, 30, "provincial")),
        S(("transport", "ROAD", "بهسازی محور نطنز – کاشان",
           "Natanz - Kashan road upgrade", 3000, 100, "national")),
    ],
    "ardestan": [
        S(("mining", "IND", "مجتمع فرآوری مواد معدنی اردستان",
           "Ardestan mineral-processing complex", 2000, 250, "private")),
        S(("agriculture", "AGR", "فرآوری و بسته‌بندی پسته اردستان",
           "Ardestan pistachio processing and packing", 350, 70, "private")),
        S(("tourism", "CHT", "گردشگری کویری و کاروانسراهای اردستان",
           "Ardestan desert and caravanserai tourism", 400, 60, "provincial")),
        S(("skills", "TVT", "هنرستان معدن و کشاورزی اردستان",
           "Ardestan mining and agriculture vocational school", 180, 40, "provincial")),
        S(("energy", "SATBA", "نیروگاه خورشیدی ۱۰ مگاواتی اردستان",
           "Ardestan 10 MW solar power plant", 4800, 30, "private")),
    ],
    "khur_va_biabanak": [
        S(("tourism", "CHT", "توسعه گردشگری کویر مصر و فرحزاد",
           "Mesr and Farahzad desert tourism development", 600, 90, "mixed")),
        S(("energy", "SATBA", "نیروگاه خورشیدی خور و بیابانک",
           "Khur va Biabanak solar power plant", 6000, 40, "private")),
        S(("mining", "IND", "استحصال پتاس و نمک از شورابه‌های کویر",
           "Potash and salt recovery from desert brines", 4500, 200, "mixed")),
        S(("skills", "TVT", "مرکز آموزش مهارت‌های گردشگری کویر خور",
           "Khur desert-tourism skills centre", 120, 30, "provincial")),
        S(("water", "ABF", "آبرسانی پایدار و شیرین‌سازی آب روستاهای بیابانک",
           "Sustainable water supply and desalination for Biabanak villages", 900, 20,
           "national")),
    ],
    "chadegan": [
        S(("tourism", "CHT", "توسعه گردشگری دریاچه سد زاینده‌رود",
           "Zayandeh Rud dam lake tourism development", 800, 120, "mixed")),
        S(("agriculture", "AGR", "پرورش ماهی سردآبی پایین‌دست سد زاینده‌رود",
           "Cold-water fish farming below the Zayandeh Rud dam", 400, 80, "private")),
        S(("agriculture", "AGR", "کشت و فرآوری گیاهان دارویی چادگان",
           "Chadegan medicinal-plant cultivation and processing", 300, 70, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی گردشگری و ورزش‌های آبی چادگان",
           "Chadegan tourism and water-sports skills centre", 120, 25, "provincial")),
        S(("water", "NRW", "آبخیزداری و حفاظت حوضه بالادست زاینده‌رود",
           "Watershed management of the upper Zayandeh Rud basin", 1200, 60, "national")),
    ],
    "fereydunshahr": [
        S(("tourism", "CHT", "احیای روستاهای گرجی‌نشین و گردشگری میراث گرجی",
           "Georgian heritage villages revival and tourism", 500, 80, "mixed")),
        S(("tourism", "SPORT", "پیست اسکی و گردشگری زمستانی فریدون‌شهر",
           "Fereydunshahr ski slope and winter tourism", 2500, 150, "mixed")),
        S(("tourism", "CHT", "بوم‌گردی و گردشگری طبیعت چشمه لنگان",
           "Cheshmeh Langan eco-tourism", 300, 60, "private")),
        S(("agriculture", "AGR", "کشت و فرآوری گیاهان دارویی فریدون‌شهر",
           "Fereydunshahr medicinal-plant cultivation and processing", 350, 80, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی کشاورزی کوهستانی فریدون‌شهر",
           "Fereydunshahr mountain-agriculture skills centre", 120, 25, "provincial")),
    ],
    "fereydan": [
        S(("agriculture", "AGR", "مجتمع فرآوری و بسته‌بندی سیب‌زمینی فریدن",
           "Fereydan potato processing and packing complex", 1200, 200, "private")),
        S(("agriculture", "AGR", "دامپروری صنعتی و کارخانه لبنیات داران",
           "Daran industrial livestock and dairy plant", 1500, 250, "private")),
        S(("agriculture", "AGR", "سردخانه سیب‌زمینی و محصولات کشاورزی فریدن",
           "Fereydan potato and farm-produce cold store", 600, 60, "private")),
        S(("skills", "TVT", "هنرستان کشاورزی و دامپروری داران",
           "Daran agriculture and livestock vocational school", 150, 35, "provincial")),
        S(("tourism", "CHT", "گردشگری کوهستان دالانکوه فریدن",
           "Dalankuh mountain tourism in Fereydan", 300, 40, "mixed")),
    ],
    "buin_va_miandasht": [
        S(("agriculture", "AGR", "کشت مکانیزه و سردخانه سیب‌زمینی بوئین و میاندشت",
           "Mechanised potato farming and cold store in Buin va Miandasht", 700, 120,
           "private")),
        S(("agriculture", "AGR", "مجتمع پرورش دام و مرکز جمع‌آوری شیر بوئین و میاندشت",
           "Buin va Miandasht livestock complex and milk-collection centre", 800, 90,
           "private")),
        S(("skills", "TVT", "مرکز آموزش مهارت‌های کشاورزی و دامپروری بوئین و میاندشت",
           "Buin va Miandasht farming and livestock skills centre", 100, 25, "provincial")),
        S(("tourism", "CHT", "گردشگری روستاهای گرجی‌نشین بوئین و میاندشت",
           "Georgian villages tourism in Buin va Miandasht", 200, 30, "mixed")),
    ],
    "harand": [
        S(("agriculture", "AGR", "کشاورزی کم‌آب‌بر و گلخانه‌های خورشیدی هرند",
           "Low-water farming and solar greenhouses in Harand", 500, 90, "private")),
        S(("tourism", "DOE", "گردشگری تالاب گاوخونی از دروازه هرند",
           "Gavkhouni wetland tourism from the Harand gateway", 300, 30, "provincial")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی کشاورزی نوین هرند",
           "Harand modern-farming skills centre", 100, 20, "provincial")),
        S(("water", "ABF", "آبرسانی و تصفیه آب شرب روستاهای هرند",
           "Drinking-water supply and treatment for Harand villages", 800, 15, "national")),
    ],
    "varzaneh": [
        S(("tourism", "CHT", "توسعه گردشگری تپه‌های ماسه‌ای ریگ ورزنه",
           "Varzaneh sand-dunes tourism development", 600, 100, "mixed")),
        S(("water", "DOE", "احیا و حفاظت تالاب گاوخونی",
           "Gavkhouni wetland restoration and protection", 1500, 40, "national")),
        S(("mining", "IND", "فرآوری و بسته‌بندی نمک گاوخونی",
           "Gavkhouni salt processing and packing", 600, 70, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی بافندگی سنتی و صنایع دستی ورزنه",
           "Varzaneh traditional weaving and handicrafts skills centre", 120, 40,
           "provincial")),
        S(("agriculture", "AGR", "کشاورزی کم‌آب‌بر پایین‌دست زاینده‌رود در ورزنه",
           "Low-water farming on the lower Zayandeh Rud in Varzaneh", 450, 60, "mixed")),
    ],
    "jarqavieh": [
        S(("water", "ABF", "آبرسانی پایدار به شهرها و روستاهای جرقویه",
           "Sustainable water supply for Jarqavieh towns and villages", 2500, 30,
           "national")),
        S(("energy", "SATBA", "نیروگاه خورشیدی جرقویه",
           "Jarqavieh solar power plant", 4000, 30, "private")),
        S(("agriculture", "AGR", "کشت محصولات کم‌آب‌بر (انار و پسته) در جرقویه",
           "Low-water crops (pomegranate, pistachio) in Jarqavieh", 400, 80, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی انرژی خورشیدی و تأسیسات جرقویه",
           "Jarqavieh solar-energy and installations skills centre", 100, 25, "provincial")),
    ],
    "kuhpayeh": [
        S(("tourism", "CHT", "مرمت و احیای کاروانسرای تودشک",
           "Tudeshk caravanserai restoration and reuse", 300, 40, "mixed")),
        S(("trade_logistics_sez", "RAH", "مجتمع خدمات لجستیک و رفاهی محور اصفهان – نائین",
           "Logistics and roadside services complex on the Isfahan - Nain road", 1200, 120,
           "private")),
        S(("mining", "IND", "فرآوری مواد معدنی کوهپایه",
           "Kuhpayeh mineral processing", 1500, 150, "private")),
        S(("skills", "TVT", "مرکز مهارت‌آموزی معدن و حمل و نقل کوهپایه",
           "Kuhpayeh mining and transport skills centre", 100, 25, "provincial")),
        S(("water", "WAT", "بهبود منابع آب کشاورزی کوهپایه",
           "Kuhpayeh farm water-resource improvement", 700, 20, "national")),
    ],
}

FIRST_NAMES = [
    "مریم", "زهرا", "فاطمه", "نرگس", "الهام", "سمیه", "لیلا", "مهسا", "علی", "محمد",
    "حسین", "رضا", "مهدی", "امیر", "سعید", "حمید", "مجید", "محسن", "ناصر", "کاظم",
]  # fmt: skip
SURNAMES = [
    "احمدی", "رضایی", "کریمی", "موسوی", "حسینی", "نوروزی", "صادقی", "جعفری", "میرزایی",
    "اکبری", "قاسمی", "طاهری‌پور", "شریفی", "رحیمی‌زاده", "امینی‌فر", "هاشمی‌نژاد",
    "سلطانی", "یزدانی", "کاظمی", "ابراهیمی",
]  # fmt: skip


MONTHS = ["farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban",
          "azar", "dey", "bahman", "esfand"]  # fmt: skip


def jalali_text_to_date(text: str) -> str:
    """'6 Shahrivar 1404' -> '1404/06/06' (validated with jdatetime)."""
    day, month, year = text.split()
    d = jdatetime.date(int(year), MONTHS.index(month.lower()) + 1, int(day))
    return jdate(d)


def rand_date(rng: random.Random, a: jdatetime.date, b: jdatetime.date) -> jdatetime.date:
    if b < a:
        a, b = b, a
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def clamp_date(d, lo, hi):
    return lo if d < lo else hi if d > hi else d


def offset_point(rng, lat, lon, radius_km):
    dist = rng.uniform(0.5, radius_km)
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = dist * math.cos(bearing) / 111.32
    dlon = dist * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def assign_schedule(rng: random.Random, status: str, p: dict) -> None:
    """Fill dates and progress consistent with status (all Jalali)."""
    J = jdatetime.date
    d = dt.timedelta
    lo_end, hi_end = J(1403, 1, 1), J(1410, 12, 29)
    actual_start = actual_end = None
    if status == "completed":
        ps = rand_date(rng, J(1401, 1, 15), J(1403, 6, 31))
        pe = clamp_date(ps + d(days=rng.randint(500, 1100)), lo_end, J(1405, 6, 31))
        actual_start = ps + d(days=rng.randint(0, 120))
        ae = actual_start + d(days=int((pe - ps).days * rng.uniform(0.9, 1.35)))
        actual_end = clamp_date(ae, actual_start + d(days=200), TODAY - d(days=25))
        phys = 100
        fin = rng.randint(93, 100)
    elif status == "in_progress":
        ps = rand_date(rng, J(1401, 6, 1), J(1404, 12, 15))
        pe = clamp_date(ps + d(days=rng.randint(700, 1800)), lo_end, hi_end)
        actual_start = clamp_date(ps + d(days=rng.randint(-30, 150)), ps - d(days=30),
                                  TODAY - d(days=75))  # fmt: skip
        frac = (TODAY - actual_start).days / max(1, (pe - actual_start).days)
        phys = max(10, min(95, round(100 * frac * rng.uniform(0.55, 1.0))))
        fin = max(5, min(100, phys + rng.randint(-10, 15)))
    elif status == "stalled":
        ps = rand_date(rng, J(1401, 1, 15), J(1404, 3, 31))
        pe = clamp_date(ps + d(days=rng.randint(500, 1500)), lo_end, hi_end)
        actual_start = clamp_date(ps + d(days=rng.randint(0, 200)), ps, TODAY - d(days=220))
        phys = rng.randint(8, 65)
        fin = max(5, min(100, phys + rng.randint(-5, 20)))
    elif status == "defined":
        ps = rand_date(rng, J(1404, 6, 1), J(1405, 12, 20))
        pe = clamp_date(ps + d(days=rng.randint(700, 2000)), lo_end, hi_end)
        phys, fin = 0, rng.randint(0, 2)
    elif status == "study":
        ps = rand_date(rng, J(1403, 9, 1), J(1405, 12, 20))
        pe = clamp_date(ps + d(days=rng.randint(700, 2000)), lo_end, hi_end)
        phys, fin = rng.randint(1, 8), rng.randint(1, 10)
    elif status == "cancelled":
        ps = rand_date(rng, J(1401, 1, 15), J(1403, 12, 20))
        pe = clamp_date(ps + d(days=rng.randint(600, 1500)), lo_end, hi_end)
        if rng.random() < 0.5:
            actual_start = ps + d(days=rng.randint(0, 150))
            phys = rng.randint(3, 20)
            fin = min(100, phys + rng.randint(0, 8))
        else:
            phys, fin = 0, rng.randint(0, 3)
    else:
        raise ValueError(status)
    if pe <= ps:
        pe = ps + d(days=365)
    p.update(planned_start=ps, planned_end=pe, actual_start=actual_start, actual_end=actual_end,
             physical_progress_pct=phys, financial_progress_pct=fin)  # fmt: skip


def build_projects(counties, shared_news):
    rng = random.Random(SEED + 1)
    by = by_code(counties)
    area = {c: float(by[c]["area_km2"]) for c in by}
    projects: list[dict] = []
    # --- real projects
    real_by_county: dict[str, list[dict]] = {}
    for (code, match, tfa, ten, sector, akey, agency_sourced, budget, jobs, funding,
         prog) in REAL:  # fmt: skip
        hits = [r for r in shared_news if r["code"] == code and match.lower() in
                r["title"].lower()]  # fmt: skip
        if len(hits) != 1:
            fail(f"real project {code}/{match}: {len(hits)} matches in projects_news.csv")
        src = hits[0]
        status = REPORTED_STATUS[src["status"]]
        jd = jalali_text_to_date(src["date_jalali"])
        fields = ["budget", "funding", "jobs", "progress", "dates", "followup", "officer"]
        if not agency_sourced:
            fields.insert(0, "agency")
        note = (f"REAL project reported {jd} ({src['date_gregorian']}): \"{src['title']}\"; "
                f"reported status '{src['status']}' -> {status}.")  # fmt: skip
        if src["notes"]:
            note += " Source note: " + src["notes"]
        if code == "lenjan":
            note += (" The report names the SEZ and the technology-park pole together; "
                     "registered here as two projects citing the same report.")  # fmt: skip
        if agency_sourced:
            note += " Agency as reported (Industrial Estates Company of Isfahan list)."
        real_by_county.setdefault(code, []).append({
            "county_code": code, "title_fa": tfa, "title_en": ten, "sector": sector,
            "agency_fa": AGENCY[akey], "status": status, "budget": budget, "jobs": jobs,
            "funding_source": funding, "source": src["source_url"], "is_sample": False,
            "quality": "sourced", "fields": fields, "notes": note, "prog": prog,
        })  # fmt: skip
    # --- assemble per county
    codes = [c["code"] for c in counties]
    for code in codes:
        items = list(real_by_county.get(code, []))
        for sector, akey, tfa, ten, budget, jobs, funding in SAMPLE_PROJECTS[code]:
            items.append({
                "county_code": code, "title_fa": tfa, "title_en": ten, "sector": sector,
                "agency_fa": AGENCY[akey], "status": None, "budget": budget, "jobs": jobs,
                "funding_source": funding, "source": "sample", "is_sample": True,
                "quality": "sample", "fields": [], "prog": None,
                "notes": "SAMPLE project invented for demonstration; chosen to fit the "
                         "county's economy. All fields are sample values.",
            })  # fmt: skip
        for k, it in enumerate(items, start=1):
            it["project_id"] = f"{code}-{k:02d}"
            projects.append(it)
    # --- statuses for the sample rows (fixed quotas, seeded shuffle)
    sample_rows = [p for p in projects if p["is_sample"]]
    order = list(range(len(sample_rows)))
    rng.shuffle(order)
    quotas = [("cancelled", 5), ("completed", 18), ("stalled", 17), ("defined", 13),
              ("study", 20)]  # fmt: skip
    pos = 0
    for status, n in quotas:
        for idx in order[pos:pos + n]:
            sample_rows[idx]["status"] = status
        pos += n
    for idx in order[pos:]:
        sample_rows[idx]["status"] = "in_progress"
    # --- schedule, progress, budget, jobs
    for p in projects:
        assign_schedule(rng, p["status"], p)
        if p["prog"]:
            p["physical_progress_pct"], p["financial_progress_pct"] = p["prog"]
        b = p["budget"] * rng.uniform(0.92, 1.08)
        p["budget_billion_rials"] = float(round(b, -1) if b >= 1000 else round(b / 5) * 5)
        j = p["jobs"] * rng.uniform(0.9, 1.1)
        p["expected_jobs"] = int(round(j, -1) if j >= 100 else round(j / 5) * 5)
    # --- follow-up dates: ~15% older than 90 days
    stale_limit = TODAY - dt.timedelta(days=91)
    fresh_from = TODAY - dt.timedelta(days=89)
    eligible = [p for p in projects if p["status"] != "completed" and
                (p["actual_start"] is None or p["actual_start"] < stale_limit - dt.timedelta(
                    days=60))]  # fmt: skip
    n_stale = round(0.15 * len(projects))
    stale = set(id(p) for p in rng.sample(eligible, n_stale))
    for p in projects:
        if id(p) in stale:
            lo = jdatetime.date(1404, 1, 1)
            if p["actual_start"] is not None:
                lo = max(lo, p["actual_start"] + dt.timedelta(days=30))
            p["last_followup"] = rand_date(rng, lo, stale_limit)
        else:
            lo = fresh_from
            if p["actual_end"] is not None:
                lo = max(lo, p["actual_end"])
            p["last_followup"] = rand_date(rng, lo, TODAY - dt.timedelta(days=1))
    # --- officers and coordinates
    officers = {}
    for code in codes:
        officers[code] = [f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(2)]
    for p in projects:
        c = by[p["county_code"]]
        p["followup_officer"] = rng.choice(officers[p["county_code"]])
        p["lat"] = p["lon"] = None
        p["coord_quality"] = ""
        if c["seat_lat"] is not None and rng.random() < 0.58:
            radius = min(10.0, max(2.0, 0.25 * math.sqrt(area[p["county_code"]])))
            p["lat"], p["lon"] = offset_point(rng, c["seat_lat"], c["seat_lon"], radius)
            p["coord_quality"] = "sample"
            if not p["is_sample"]:
                p["fields"].append("coords")
        p["sample_fields"] = ",".join(p["fields"])
        if p["coord_quality"] == "sample":
            p["notes"] += (" lat/lon: SAMPLE point within "
                           f"{min(10.0, max(2.0, 0.25 * math.sqrt(area[p['county_code']]))):.0f}"
                           " km of the county seat, not the real site.")  # fmt: skip
    out = []
    for p in projects:
        out.append({k: p.get(k) for k in PROJECT_COLUMNS})
    return out


def check_projects(projects, counties) -> dict:
    codes = [c["code"] for c in counties]
    per = {c: 0 for c in codes}
    for p in projects:
        per[p["county_code"]] += 1
        if p["sector"] not in SECTORS or p["status"] not in STATUSES:
            fail(f"{p['project_id']}: bad enum")
        if p["funding_source"] not in FUNDING:
            fail(f"{p['project_id']}: bad funding")
        if p["planned_end"] <= p["planned_start"]:
            fail(f"{p['project_id']}: planned_end <= planned_start")
        if not 1401 <= p["planned_start"].year <= 1405 or not 1403 <= p["planned_end"].year <= 1410:
            fail(f"{p['project_id']}: planned dates out of range")
        if p["status"] == "completed" and p["physical_progress_pct"] != 100:
            fail(f"{p['project_id']}: completed but not 100%")
    if not all(3 <= n <= 6 for n in per.values()):
        fail(f"projects per county {per}")
    if not 130 <= len(projects) <= 160:
        fail(f"{len(projects)} projects")
    total = sum(p["budget_billion_rials"] for p in projects)
    centre = sum(p["budget_billion_rials"] for p in projects if p["county_code"] == "isfahan")
    share = centre / total
    if not 0.50 <= share <= 0.60:
        fail(f"centre budget share {share:.3f}")
    overdue = [p for p in projects if p["planned_end"] < TODAY
               and p["status"] not in ("completed", "cancelled")]  # fmt: skip
    stale = [p for p in projects if (TODAY - p["last_followup"]).days > 90]
    return {"n": len(projects), "centre_share": share, "total_budget": total,
            "overdue": len(overdue), "stale": len(stale),
            "real": sum(1 for p in projects if not p["is_sample"]),
            "status": {s: sum(1 for p in projects if p["status"] == s) for s in STATUSES}}


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared(),
                    help="folder with the shared fact tables (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=REPO / "data", help="output folder")
    args = ap.parse_args(argv)
    shared = args.shared
    for name in ("counties.csv", "indicators.csv", "places.csv", "projects_news.csv"):
        if not (shared / name).is_file():
            print(f"missing {shared / name}", file=sys.stderr)
            return 2
    shared_counties = read_csv(shared / "counties.csv")
    shared_ind = read_csv(shared / "indicators.csv")
    counties = build_counties(shared_counties)
    HOUSEHOLDS.clear()
    for r in shared_counties:
        if r["households_2016"].strip():
            HOUSEHOLDS[r["code"]] = float(r["households_2016"])
    indicators, _pop, stats = build_indicators(counties, shared_ind)
    places = build_places(read_csv(shared / "places.csv"))
    projects = build_projects(counties, read_csv(shared / "projects_news.csv"))
    pstats = check_projects(projects, counties)

    write_csv(args.out / "counties.csv", COUNTY_COLUMNS, counties)
    write_csv(args.out / "indicators.csv", IND_COLUMNS, indicators)
    write_csv(args.out / "projects.csv", PROJECT_COLUMNS, projects)
    write_csv(args.out / "places.csv", PLACE_COLUMNS, places)

    print(f"shared: {shared}")
    print(f"counties: {len(counties)}  places: {len(places)}  indicators: {len(indicators)}")
    by_q = {q: sum(1 for r in indicators if r["quality"] == q) for q in QUALITIES}
    print(f"indicator rows by quality: {by_q}")
    for j, (s, v, diff, pct) in sorted(stats["pop_summary"].items()):
        print(f"population {j}: sum of 28 = {s:,.0f} vs province {v:,.0f} "
              f"({diff:+,.0f}, {pct:+.2f}%)")  # fmt: skip
    print(f"unemployment 1395: weighted mean {stats['unemp_wmean']:.2f} "
          f"(province {stats['unemp_province']}); 1390 province sample "
          f"{stats['unemp_1390_province_sample']}")  # fmt: skip
    print(f"net migration: weighted mean {stats['netmig_wmean']:.2f} per 1,000 "
          f"(province derived {stats['netmig_province']:.2f})")  # fmt: skip
    print(f"projects: {pstats['n']} (real {pstats['real']}, sample "
          f"{pstats['n'] - pstats['real']}); statuses {pstats['status']}")  # fmt: skip
    print(f"budget total {pstats['total_budget']:,.0f} bn rials; centre share "
          f"{100 * pstats['centre_share']:.1f}%; overdue {pstats['overdue']}; "
          f"stale (>90 d) {pstats['stale']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
