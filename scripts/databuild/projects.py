"""projects.csv: the driver-project registry - real projects reported in the news (shared
projects_news.csv) plus sample projects (``sample_projects.csv``), with seeded statuses,
schedules, budgets, follow-ups, officers and coordinates; and the registry's constraints."""

from __future__ import annotations

import csv
import datetime as dt
import math
import random

import jdatetime

from core.schema import FUNDING_SOURCES as FUNDING
from core.schema import SECTORS, STATUSES

from .common import SAMPLE_PROJECTS_FILE, SEED, TODAY, by_code, fail, tables
from .schedule import assign_schedule, jalali_text_to_date, offset_point, rand_date

_T = tables()["projects"]
AGENCY: dict[str, str] = _T["agencies"]
REPORTED_STATUS: dict[str, str] = _T["reported_status"]
SAMPLE_STATUS_QUOTAS: list[tuple[str, int]] = list(_T["sample_status_quotas"].items())
FIRST_NAMES: list[str] = _T["first_names"]
SURNAMES: list[str] = _T["surnames"]
# Real projects: one dict per project, see [[projects.real]] in tables.toml.
REAL: list[dict] = _T["real"]
SAMPLE_COLUMNS = [
    "county_code", "sector", "agency", "title_fa", "title_en", "budget_billion_rials",
    "expected_jobs", "funding_source",
]  # fmt: skip
PROJECT_COLUMNS = [
    "project_id", "county_code", "title_fa", "title_en", "sector", "agency_fa", "status",
    "physical_progress_pct", "financial_progress_pct", "budget_billion_rials",
    "funding_source", "expected_jobs", "planned_start", "planned_end", "actual_start",
    "actual_end", "last_followup", "followup_officer", "lat", "lon", "coord_quality",
    "source", "is_sample", "sample_fields", "notes", "quality",
]  # fmt: skip

# Real projects: (county, match in the shared title, our title fa/en, sector, agency key,
# agency sourced?, budget, jobs, funding, progress override)


def load_sample_projects(path=SAMPLE_PROJECTS_FILE) -> dict[str, list[tuple]]:
    """Sample projects per county, in file order: (sector, agency key, title_fa, title_en,
    budget bn rials, jobs, funding).  Invented for demonstration; chosen to fit each county's
    real economy."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != SAMPLE_COLUMNS:
            raise ValueError(f"{path}: columns {reader.fieldnames}, expected {SAMPLE_COLUMNS}")
        out: dict[str, list[tuple]] = {}
        for r in reader:
            out.setdefault(r["county_code"], []).append((
                r["sector"], r["agency"], r["title_fa"], r["title_en"],
                int(r["budget_billion_rials"]), int(r["expected_jobs"]), r["funding_source"],
            ))  # fmt: skip
    return out


SAMPLE_PROJECTS = load_sample_projects()


def build_projects(counties, shared_news):
    rng = random.Random(SEED + 1)
    by = by_code(counties)
    area = {c: float(by[c]["area_km2"]) for c in by}
    projects: list[dict] = []
    # --- real projects
    real_by_county: dict[str, list[dict]] = {}
    for real in REAL:
        code, match, tfa, ten = (real[k] for k in ("county_code", "match", "title_fa", "title_en"))
        sector, akey, agency_sourced = real["sector"], real["agency"], real["agency_sourced"]
        budget, jobs = real["budget_billion_rials"], real["expected_jobs"]
        funding, prog = real["funding_source"], real.get("progress")
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
    quotas = SAMPLE_STATUS_QUOTAS
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
        # No invented names of people (issue 13): two officer *posts* per county, named by
        # role and county, for the office to replace with its own staff.  The two name draws
        # of the earlier builder are kept so that every later random value is unchanged.
        for _ in range(2):
            rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        officers[code] = [f"کارشناس پیگیری {n} {by[code]['name_fa']}" for n in ("۱", "۲")]
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
