"""Dates, progress and sample coordinates of the registry's projects (all Jalali, seeded)."""

from __future__ import annotations

import datetime as dt
import math
import random

import jdatetime

from .common import TODAY, jdate

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
