"""Population rows of indicators.csv (1385/1390/1395, 28 counties + province): census figures,
derived GROUP splits and transparent estimates where a census figure is missing."""

from __future__ import annotations

from .common import CENSUS, PROVINCE, fail
from .rows import ind


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
