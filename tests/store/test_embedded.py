"""With the project's embedded data (data/*.csv): seeding, and re-importing the same
tables — as CSV and as a Persian-header workbook — changes nothing."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from core.settings import PROJECT_ROOT as ROOT
from store import import_file, open_store
from store.headers import label
from store.loading import load_dataset

DATA = ROOT / "data"
pytestmark = pytest.mark.skipif(not (DATA / "projects.csv").exists(),
                                reason="no embedded data (data/*.csv)")


def test_embedded_data_round_trips(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'store.db'}", data_directory=DATA) as store:
        assert store.ensure_seeded() == 1
        embedded = load_dataset(DATA)
        dataset = store.current_dataset()
        assert len(dataset.projects) == len(embedded.projects)
        assert len(dataset.indicators) == len(embedded.indicators)
        assert set(embedded.projects.columns) <= set(dataset.projects.columns)
        for name, kind in (("projects.csv", "projects"), ("indicators.csv", "indicators")):
            result = import_file(store, DATA / name, name, None, "t")
            assert result.ok and result.kind == kind, [p.message("en") for p in result.problems]
            diff = result.diff if kind == "projects" else result.diff["indicators"]
            assert (diff["n_added"], diff["n_changed"], diff["n_removed"]) == (0, 0, 0)
        workbook = Workbook()
        ws = workbook.active
        ws.sheet_view.rightToLeft = True
        projects = dataset.projects
        ws.append([label("projects", c, "fa") for c in projects.columns])
        for row in projects.itertuples(index=False):
            ws.append([None if pd.isna(v) else (v.item() if hasattr(v, "item") else v)
                       for v in row])
        out = io.BytesIO()
        workbook.save(out)
        result = import_file(store, out.getvalue(), "پروژه‌ها.xlsx", None, "t")
        assert result.ok and result.diff["n_changed"] == 0
        assert store.verify() == []
