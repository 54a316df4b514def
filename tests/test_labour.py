"""Labour/migration quadrants, checked against hand-computed values on the tiny dataset.

Tiny panel (conftest): unemployment isfahan 10, lenjan 20, nain 8 (labour force 800, 200,
150); net migration 5, 12, -9 per 1,000 (population 2000, 500, 500).
"""

import math

import numpy as np
import pandas as pd
import pytest

from analytics.labour import (
    QUADRANTS,
    classify_labour_migration,
    province_thresholds,
    quadrant_members,
)
from analytics.panel import build_panel

SD_U = math.sqrt(sum((v - 38 / 3) ** 2 for v in (10, 20, 8)) / 3)   # 5.2493
SD_M = math.sqrt(sum((v - 8 / 3) ** 2 for v in (5, 12, -9)) / 3)    # 8.7306


@pytest.fixture
def panel(tiny_projects, tiny_indicators, tiny_counties):
    return build_panel(tiny_projects, tiny_indicators, tiny_counties, today="1405/09/06")


def test_default_thresholds_are_the_province_values(panel):
    thr = province_thresholds(panel)
    # unemployed 80 + 40 + 12 = 132 of a labour force of 1150
    assert thr.unemployment == pytest.approx(100 * 132 / 1150)          # 11.478
    # (5·2000 + 12·500 − 9·500) / 3000
    assert thr.migration == pytest.approx(11500 / 3000)                 # 3.833
    out = classify_labour_migration(panel)
    assert out.attrs["thresholds"] == thr
    assert out["quadrant"].to_dict() == {
        "isfahan": "thriving",            # 10 < 11.48, 5 > 3.83
        "lenjan": "industrial_magnet",    # 20 > 11.48, 12 > 3.83
        "nain": "draining",               # 8 < 11.48, −9 < 3.83
    }


def test_adjusted_thresholds_and_distances(panel):
    out = classify_labour_migration(panel, unemployment_threshold=9, migration_threshold=6)
    assert out.loc["isfahan", "quadrant"] == "declining"   # 10 > 9 but 5 < 6
    assert out.loc["lenjan", "quadrant"] == "industrial_magnet"
    assert out.loc["nain", "quadrant"] == "draining"
    lenjan = out.loc["lenjan"]
    assert lenjan["unemployment_gap"] == pytest.approx(11)
    assert lenjan["migration_gap"] == pytest.approx(6)
    assert lenjan["distance"] == pytest.approx(math.hypot(11 / SD_U, 6 / SD_M))  # 2.2053
    assert lenjan["margin"] == pytest.approx(6 / SD_M)                           # 0.6872
    isfahan = out.loc["isfahan"]
    assert isfahan["distance"] == pytest.approx(math.hypot(1 / SD_U, 1 / SD_M))
    assert isfahan["margin"] == pytest.approx(min(1 / SD_U, 1 / SD_M))


def test_every_quadrant_and_a_county_on_the_line(panel):
    # On the line counts as "not above": Isfahan at exactly u0 = 10 and m0 = 5 → draining.
    out = classify_labour_migration(panel, unemployment_threshold=10, migration_threshold=5)
    assert out.loc["isfahan", "quadrant"] == "draining"
    assert out.loc["isfahan", "distance"] == 0
    thriving = classify_labour_migration(panel, 25, -20)
    assert set(thriving["quadrant"]) == {"thriving"}
    declining = classify_labour_migration(panel, 0, 20)
    assert set(declining["quadrant"]) == {"declining"}
    assert set(QUADRANTS) == {"industrial_magnet", "thriving", "declining", "draining"}


def test_sample_flags_and_missing_counties(panel):
    out = classify_labour_migration(panel)
    # the fixture marks every Nain indicator as sample
    assert out["is_sample"].to_dict() == {"isfahan": False, "lenjan": False, "nain": True}
    gap = panel.copy()
    gap.loc["nain", "net_migration_rate"] = np.nan
    out = classify_labour_migration(gap, 11, 4)
    assert out.loc["nain", "missing"] and pd.isna(out.loc["nain", "quadrant"])
    assert not out.loc["lenjan", "missing"]
    # σ now comes from the two classified counties only
    sd_m = np.std([5.0, 12.0])
    assert out.loc["lenjan", "distance"] == pytest.approx(
        math.hypot(9 / np.std([10.0, 20.0]), 8 / sd_m))


def test_quadrant_members_deepest_first(panel):
    out = classify_labour_migration(panel, 9, -10)
    members = quadrant_members(out)
    # isfahan (10, 5) and lenjan (20, 12) are both magnets; lenjan is deeper
    assert members["industrial_magnet"] == ["lenjan", "isfahan"]
    assert members["draining"] == []  # nain: 8 < 9, −9 > −10 → thriving
    assert members["thriving"] == ["nain"]


def test_real_data_names_the_steel_counties():
    from store.loading import load_dataset

    ds = load_dataset()
    panel = build_panel(ds.projects, ds.indicators, ds.counties, today="1405/09/06")
    magnets = quadrant_members(classify_labour_migration(panel))["industrial_magnet"]
    assert {"lenjan", "mobarakeh"} <= set(magnets)
