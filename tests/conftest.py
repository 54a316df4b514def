"""Shared fixtures: a tiny hand-made dataset whose panel can be computed by hand."""

from __future__ import annotations

import hashlib
import os

import pandas as pd
import pytest

_STORE_ROOT: list = []


@pytest.fixture(scope="session", autouse=True)
def _private_store(tmp_path_factory):
    """No test writes into the project's var/: the store, the accounts, the login
    counters and the saved scenarios live in a temporary directory for the session
    (tests/store sets its own per package / per test on top of this)."""
    root = tmp_path_factory.mktemp("pishran_var")
    _STORE_ROOT[:] = [root]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{root / 'pishran.db'}")
        mp.setenv("PISHRAN_USERS_FILE", str(root / "users.toml"))
        mp.setenv("PISHRAN_AUTH_STATE", str(root / "login_failures.json"))
        mp.setenv("PISHRAN_SCENARIO_DIR", str(root / "scenarios"))
        # a failing page raises in the tests (ui/errors.py), so AppTest sees the exception
        mp.setenv("PISHRAN_DEV", "1")
        yield root


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A test that points the app at another data directory (``PISHRAN_DATA_DIR``, set by
    its fixtures) gets a store of its own, seeded from that directory — the session store
    was seeded from ``data/``.  (tests/store manages its own stores.)"""
    data_dir = os.environ.get("PISHRAN_DATA_DIR")
    if not data_dir or not _STORE_ROOT or "store" in item.path.parent.name:
        yield
        return
    digest = hashlib.sha1(data_dir.encode()).hexdigest()[:12]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{_STORE_ROOT[0] / f'data_{digest}.db'}")
        yield


@pytest.fixture(scope="module")
def ds():
    """The embedded dataset, loaded once per test module."""
    from store.loading import load_dataset

    return load_dataset()


@pytest.fixture(scope="module")
def panel(ds):
    """The county panel of the embedded data (no filter), once per test module."""
    from analytics.panel import build_panel

    return build_panel(ds.projects, ds.indicators, ds.counties)


@pytest.fixture
def tiny_counties() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["isfahan", "lenjan", "nain"],
        "name_fa": ["اصفهان", "لنجان", "نائین"],
        "name_en": ["Isfahan", "Lenjan", "Nain"],
        "osm_name_fa": ["شهرستان اصفهان", "شهرستان لنجان", "شهرستان نائین"],
        "is_province_centre": [True, False, False],
    })


@pytest.fixture
def tiny_projects() -> pd.DataFrame:
    return pd.DataFrame({
        "project_id": ["i1", "i2", "l1", "l2", "n1"],
        "county_code": ["isfahan", "isfahan", "lenjan", "lenjan", "nain"],
        "title_fa": ["متروی بهارستان", "پارک فناوری", "هنرستان فولاد", "منطقه ویژه فولادشهر",
                     "شهرک فرآوری مواد معدنی"],
        "title_en": ["Metro", "Tech park", "Steel school", "Fooladshahr SEZ", "Mineral estate"],
        "agency_fa": ["شهرداری", "پارک علم و فناوری", "فنی و حرفه‌ای", "منطقه ویژه", "صمت"],
        "followup_officer": ["", "", "", "", ""],
        "sector": ["transport", "knowledge_tech", "skills", "trade_logistics_sez", "mining"],
        "status": ["in_progress", "completed", "stalled", "cancelled", "defined"],
        "physical_progress_pct": [50.0, 100.0, 20.0, 0.0, 0.0],
        "budget_billion_rials": [600.0, 200.0, 100.0, 1000.0, 100.0],
        "funding_source": ["national", "provincial", "mixed", "private", "national"],
        "expected_jobs": [100, 50, 40, 900, 60],
        "planned_start": ["1402/01/01", "1401/05/01", "1403/01/01", "1404/01/01", "1405/01/01"],
        "planned_end": ["1406/12/29", "1403/12/01", "1404/06/31", "1408/01/01", "1409/01/01"],
        "is_sample": [False, True, True, True, False],
    })


@pytest.fixture
def tiny_indicators() -> pd.DataFrame:
    rows = []
    values = {
        "population": {"isfahan": 2000.0, "lenjan": 500.0, "nain": 500.0},
        "unemployment_rate": {"isfahan": 10.0, "lenjan": 20.0, "nain": 8.0},
        "labour_force": {"isfahan": 800.0, "lenjan": 200.0, "nain": 150.0},
        "net_migration_rate": {"isfahan": 5.0, "lenjan": 12.0, "nain": -9.0},
    }
    for indicator, by_code in values.items():
        for code, value in by_code.items():
            rows.append({"county_code": code, "indicator": indicator, "year": 1395,
                         "value": value, "is_sample": code == "nain", "quality": "sample"})
    rows.append({"county_code": "isfahan", "indicator": "population", "year": 1390,
                 "value": 1.0, "is_sample": False, "quality": "sourced"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def server():
    """One warm kaleido renderer for the export tests (skipped where there is no Chromium)."""
    from exports import images
    from exports.images import ExportError, start_export_server

    try:
        images.find_browser()
    except ExportError as exc:
        pytest.skip(f"no Chromium: {exc}")
    start_export_server()
