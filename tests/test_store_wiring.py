"""ui.data is wired to the store: ``dataset()`` is the store's current dataset and sees a
version imported through another Store object (another process) on the next call; the
panel follows; an unavailable store falls back to the embedded data."""

from __future__ import annotations

import pytest

from analytics.filters import ProjectFilter
from core.jalali import today_jalali
from store import add_followup, import_file, open_store, shared_store
from store.db import _shared
from store.loading import load_dataset
from ui import data


@pytest.fixture
def url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'pishran.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    yield url
    _shared.pop(url, None)


@pytest.fixture
def other(url):
    store = open_store(url)
    store.ensure_seeded()
    yield store
    store.close()


def test_dataset_is_the_store_current_dataset(url, other):
    ds = data.dataset()
    assert ds.version == "1"
    assert ds is shared_store().current_dataset()
    assert len(ds.projects) == len(other.dataset_at(1).projects)


def test_an_import_by_another_store_is_seen_on_the_next_call(url, other):
    before = data.dataset()
    first_panel, _ = data.panel(ProjectFilter())
    frame = other.dataset_at(1).projects.copy()
    pid = str(frame.loc[0, "project_id"])
    county = frame.loc[0, "county_code"]
    frame.loc[0, "budget_billion_rials"] = 1_000_000.0
    result = import_file(other, frame.to_csv(index=False).encode(), "p.csv", "projects",
                         "tester")
    assert result.ok and result.version_id == 2
    after = data.dataset()
    assert after.version == "2" and before.version == "1"
    row = after.projects.loc[after.projects["project_id"] == pid].iloc[0]
    assert row["budget_billion_rials"] == 1_000_000.0
    second_panel, _ = data.panel(ProjectFilter())
    assert second_panel.loc[county, "budget_total"] > first_panel.loc[county, "budget_total"]


def test_a_followup_by_another_store_changes_the_status(url, other):
    pid = str(other.dataset_at(1).projects.loc[0, "project_id"])
    assert data.dataset().version == "1"
    add_followup(other, pid, today_jalali(), "stalled", 10, None, "n", None,
                 "followup_officer", "tester", person="فرمانداری")
    row = data.dataset().projects.set_index("project_id").loc[pid]
    assert row["status"] == "stalled"


def test_unavailable_store_falls_back_to_the_embedded_data(monkeypatch):
    monkeypatch.setattr(data, "store", lambda: None)
    ds = data.dataset()
    assert ds.version == load_dataset().version
