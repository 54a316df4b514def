"""indicators.csv: the long indicator table - sourced, derived, estimate and sample rows.

Sample values come from ``tables.toml`` ([indicators.*]); the constraints the brief puts on
them (ranking, weighted means, ranges) are checked here."""

from __future__ import annotations

import random

from .common import (
    CENSUS,
    PROVINCE,
    SEED,
    by_code,
    fail,
    num,
    tables,
    to_jalali_year,
    wmean,
)
from .population import build_population
from .rows import ind

_T = tables()["indicators"]
NETMIG_SAMPLE: dict[str, float] = _T["net_migration_1395"]
NETMIG_NEGATIVE: list[str] = _T["net_migration_negative"]
INDSHARE_SAMPLE: dict[str, float] = _T["industrial_share_1395"]
INDSHARE_HIGH: list[str] = _T["industrial_share_high"]
INDSHARE_LOW: list[str] = _T["industrial_share_low"]
LITERACY_SAMPLE: dict[str, float] = _T["literacy_1395"]
ISFAHAN_GROUP = "GROUP:isfahan+harand+varzaneh+jarqavieh+kuhpayeh"
#: today's counties that were one county (pre-2021 Isfahan) in the censuses 1390 and 1395
ISFAHAN_UNITS = ("isfahan", "harand", "varzaneh", "jarqavieh", "kuhpayeh")
GROUP_NAMES = {
    ISFAHAN_GROUP: "pre-2021 Isfahan County",
    "GROUP:fereydan+buin_va_miandasht": "Fereydan County as counted in 1390",
}


def is_pre2021(r: dict[str, str]) -> bool:
    """A shared row keyed 'isfahan' whose notes say it is the pre-2021 county's figure."""
    return r["code"] == "isfahan" and "pre-2021" in r["notes"].lower()


def build_indicators(counties, shared_ind, households: dict[str, float]):
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

    def pre2021(indicator: str, year: str) -> dict:
        """The pre-2021 Isfahan figure of a shared row keyed 'isfahan' (as a GROUP row)."""
        for r in shared_ind:
            if is_pre2021(r) and r["indicator"] == indicator and r["year"] == year:
                return {**r, "code": ISFAHAN_GROUP}
        fail(f"no pre-2021 Isfahan row {indicator}/{year}")

    def take(code: str, indicator: str, year: str) -> dict | None:
        for i, r in enumerate(shared_ind):
            if r["code"] == code and r["indicator"] == indicator and r["year"] == year:
                consumed.add(i)
                return r
        return None

    for i, r in enumerate(shared_ind):
        if r["code"] == PROVINCE and r["indicator"] == "population_census":
            consumed.add(i)

    def census(code: str, indicator: str, year: str) -> dict | None:
        """The shared census row of one county (or PROVINCE); consumed (passed through
        unchanged by section 8) only when the panel copy is not the same row."""
        for r in shared_ind:
            if r["code"] == code and r["indicator"] == indicator and r["year"] == year:
                return r
        return None

    def group_of(code: str, indicator: str, year: str) -> dict | None:
        """The shared GROUP row (all members counties) of ``indicator``/``year`` that
        contains ``code``: the figure of a larger unit, never the county's own."""
        for r in shared_ind:
            if (r["code"].startswith("GROUP:") and r["indicator"] == indicator
                    and r["year"] == year):
                members = r["code"].removeprefix("GROUP:").split("+")
                if code in members and all(m in codes for m in members):
                    return r
        return None

    def group_row(code: str, indicator: str, jyear: int, g: dict, unit: str, what: str):
        members = g["code"].removeprefix("GROUP:").split("+")
        return ind(code, indicator, jyear, float(g["value"]), unit, g["source_url"], "group",
                   f"GROUP VALUE, not this county's own figure: {what} of {g['code']} "
                   f"({GROUP_NAMES.get(g['code'], ' + '.join(members))}), shown for each of "
                   f"its {len(members)} units because the census gives no split; consumers "
                   f"must not use it as the county's value. Group row: {g['notes']}")

    # 2. unemployment 1395 = census 1395 (SCI Table 5, population 15+), the series of
    # unemployment_rate_census; the five units of pre-2021 Isfahan show the GROUP value.
    unemp: dict[str, float] = {}
    for code in codes:
        src = census(code, "unemployment_rate_census", "2016")
        news = take(code, "unemployment_rate", "2016")
        if src:
            v = float(src["value"])
            unemp[code] = v
            if news and float(news["value"]) == v:
                rows.append(ind(code, "unemployment_rate", 1395, v, "percent",
                                f"{news['source_url']} | {src['source_url']}", "sourced",
                                "Census 1395 rate, population 15+, as published in the news "
                                "report (" + news["notes"] + ") = SCI census 1395 Table 5 "
                                "(unemployment_rate_census): " + src["notes"]))  # fmt: skip
            else:
                if news:
                    fail(f"{code}: news unemployment {news['value']} != census {v}")
                rows.append(ind(code, "unemployment_rate", 1395, v, "percent",
                                src["source_url"], "derived",
                                "Census 1395 rate, population 15+ (same row as "
                                "unemployment_rate_census). " + src["notes"]))  # fmt: skip
            continue
        g = group_of(code, "unemployment_rate_census", "2016")
        if g is None or news:
            fail(f"{code}: no census unemployment and no GROUP row")
        unemp[code] = float(g["value"])
        rows.append(group_row(code, "unemployment_rate", 1395, g, "percent",
                              "census 1395 unemployment rate (15+)"))
    prov_u = census(PROVINCE, "unemployment_rate_census", "2016")
    unemp[PROVINCE] = float(prov_u["value"])
    rows.append(ind(PROVINCE, "unemployment_rate", 1395, unemp[PROVINCE], "percent",
                    prov_u["source_url"], "derived",
                    "Census 1395 province rate, population 15+ (same row as "
                    "unemployment_rate_census), the comparator of the county census rates. "
                    + prov_u["notes"]))  # fmt: skip
    news_prov = take(PROVINCE, "unemployment_rate", "2016")
    rows.append(ind(PROVINCE, "unemployment_rate_news", 1395, float(news_prov["value"]),
                    "percent", news_prov["source_url"], "sourced",
                    "Shared indicator unemployment_rate (2016), kept under its own id so "
                    "that it is never set beside the county census rates. "
                    + news_prov["notes"]))  # fmt: skip
    county_unemp = {c: unemp[c] for c in codes}
    own = [c for c in codes if c not in ISFAHAN_UNITS]
    ranked = sorted(own, key=lambda c: county_unemp[c])
    if ranked[:3] != ["aran_va_bidgol", "natanz", "borkhar"]:
        fail(f"lowest three census unemployment = {ranked[:3]} (news order differs)")
    if ranked[-3:][::-1] != ["lenjan", "shahinshahr_va_meymeh", "khansar"]:
        fail(f"highest three census unemployment = {ranked[-3:]} (news order differs)")
    # the weighted mean of the county rates must give back the province census rate
    lf_census = {c: float(census(c, "labour_force_census", "2016")["value"]) for c in own}
    g_lf = float(group_of("isfahan", "labour_force_census", "2016")["value"])
    u_mean = (sum(county_unemp[c] * lf_census[c] for c in own)
              + county_unemp["isfahan"] * g_lf) / (sum(lf_census.values()) + g_lf)
    if abs(u_mean - unemp[PROVINCE]) > 0.05:
        fail(f"labour-force-weighted census unemployment {u_mean:.2f} != {unemp[PROVINCE]}")

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
                        "SAMPLE value for demonstration (census 1395 value, or for the five "
                        "units of pre-2021 Isfahan the GROUP value, minus a random 0.8-2.6 "
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

    # 3. labour force 1395 = census 1395 economically active population 15+; the five units
    # of pre-2021 Isfahan: the GROUP's labour force split by population 1395 (estimate).
    g = group_of("isfahan", "labour_force_census", "2016")
    g_pop = sum(p95[c] for c in ISFAHAN_UNITS)
    for code in codes:
        src = census(code, "labour_force_census", "2016")
        if src:
            rows.append(ind(code, "labour_force", 1395, float(src["value"]), "persons",
                            src["source_url"], "sourced",
                            "Census 1395, economically active population aged 15+ (same row "
                            "as labour_force_census). " + src["notes"]))  # fmt: skip
            continue
        v = float(round(float(g["value"]) * p95[code] / g_pop))
        rows.append(ind(code, "labour_force", 1395, v, "persons",
                        "estimate: GROUP census labour force split by population 1395",
                        "estimate",
                        f"ESTIMATE: labour force 15+ of {g['code']} (pre-2021 Isfahan County, "
                        f"SCI census 1395) {float(g['value']):,.0f} x population 1395 of this "
                        f"county {p95[code]:,.0f} / population 1395 of the five units "
                        f"{g_pop:,.0f} -> {v:,.0f}. Assumes the same participation in all five "
                        f"units; the census gives no split. Input: {g['source_url']}"))

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

    # 6. literacy 1395: sourced where a county page gives it, the GROUP value for the five
    # units of pre-2021 Isfahan (the page figure is the pre-2021 county's), sample elsewhere.
    for code in codes:
        src = census(code, "literacy_rate", "2016")
        if src and not is_pre2021(src):
            take(code, "literacy_rate", "2016")
            rows.append(ind(code, "literacy_rate", 1395, float(src["value"]), "percent",
                            src["source_url"], "sourced", src["notes"]))  # fmt: skip
            continue
        if code in ISFAHAN_UNITS:
            g = pre2021("literacy_rate", "2016")
            rows.append(group_row(code, "literacy_rate", 1395, g, "percent",
                                  "literacy rate (page figure)"))
            continue
        v = LITERACY_SAMPLE[code]
        if not 80 <= v <= 92:
            fail(f"literacy_rate {code} out of range")
        rows.append(ind(code, "literacy_rate", 1395, v, "percent", "sample", "sample",
                        "SAMPLE value for demonstration (literate share of the population "
                        "aged 6+); no sourced county figure."))  # fmt: skip

    # 7. urbanisation 1390 and 1395 = census (urban / total, SCI Table 1); GROUP value where
    # the census counted a larger unit (pre-2021 Isfahan; Fereydan with Buin in 1390).
    for gyear, jyear in (("2011", 1390), ("2016", 1395)):
        for code in codes:
            src = census(code, "urbanisation_rate_census", gyear)
            if src:
                rows.append(ind(code, "urbanisation_rate", jyear, float(src["value"]),
                                "percent", src["source_url"], "derived",
                                "Census rate (same row as urbanisation_rate_census). "
                                + src["notes"]))  # fmt: skip
                continue
            g = group_of(code, "urbanisation_rate_census", gyear)
            if g is None:
                fail(f"{code}: no census urbanisation {gyear} and no GROUP row")
            rows.append(group_row(code, "urbanisation_rate", jyear, g, "percent",
                                  f"census {jyear} urbanisation rate"))
        prov = census(PROVINCE, "urbanisation_rate_census", gyear)
        rows.append(ind(PROVINCE, "urbanisation_rate", jyear, float(prov["value"]), "percent",
                        prov["source_url"], "derived",
                        "Census province rate (same row as urbanisation_rate_census). "
                        + prov["notes"]))  # fmt: skip

    # households 1395 from counties.csv (not requested as a panel; kept because sourced)
    cty = by_code(counties)
    for code, hh in households.items():
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
        if is_pre2021(r):
            code = ISFAHAN_GROUP
            notes = ("Re-coded from 'isfahan': the figure is the pre-2021 county's (its notes "
                     "say so), i.e. of today's Isfahan + Harand + Varzaneh + Jarqavieh + "
                     "Kuhpayeh. " + notes)
        if code not in codes and code != PROVINCE and not code.startswith("GROUP:"):
            fail(f"unexpected shared code {code!r}")
        indicator = r["indicator"]
        if indicator == "urbanisation_rate":
            indicator = "urbanisation_rate_page"
            notes = ("Page value kept under its own id; the panel's urbanisation_rate is the "
                     "census series (urbanisation_rate_census). " + notes)
        year = to_jalali_year(r["year"])
        value = num(r["value"])
        value_text = "" if value is not None else r["value"]
        quality = "derived" if notes.startswith("DERIVED") else "sourced"
        if code.startswith("GROUP:"):
            notes = "GROUP row (several units; not the figure of any one of them). " + notes
        if r["year"] and int(r["year"]) not in CENSUS:
            notes = f"Year converted from Gregorian {r['year']}. " + notes
        rows.append(ind(code, indicator, year, value, r["unit"], r["source_url"], quality,
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
