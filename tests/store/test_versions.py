"""Versions: seeding, imports as complete snapshots, diff summaries, history, restore."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.schema import INDICATORS, PROJECTS
from core.settings import PROJECT_ROOT, database_url
from store import (
    User,
    add_user,
    dataset_at,
    import_file,
    list_versions,
    open_store,
    restore,
    shared_store,
    versions_frame,
)
from store.accounts import writer_name
from store.frames import typed_frame
from store.loading import load_dataset

from .conftest import snapshot
from .corpus import csv_bytes, rows
from .sample import INDICATOR_COLUMNS, PROJECT_COLUMNS, csv_text, indicator_rows, projects_csv


def test_seed_is_version_1_and_equals_the_embedded_data(store, data_dir):
    assert store.ensure_seeded() == 1
    assert store.ensure_seeded() == 1
    versions = list_versions(store)
    assert [(v.id, v.kind, v.is_current) for v in versions] == [(1, "seed", True)]
    embedded = load_dataset(data_dir)
    dataset = store.current_dataset()
    assert dataset.version == "1"
    pd.testing.assert_frame_equal(dataset.projects, typed_frame(
        embedded.projects, PROJECTS, ["coord_quality", "notes"]))
    assert dataset.projects["notes"].tolist()[:2] == [pd.NA, "یادداشت 1"]
    pd.testing.assert_frame_equal(dataset.indicators,
                                  typed_frame(embedded.indicators, INDICATORS))
    assert dataset.counties is store.base_dataset().counties
    assert versions[0].n_projects == len(embedded.projects)
    assert versions[0].n_indicators == len(embedded.indicators)


def test_current_dataset_seeds_an_empty_store(db_url, data_dir):
    with open_store(db_url, data_directory=data_dir) as store:
        assert store.current_version_id() is None
        assert store.current_dataset().version == "1"


def test_import_creates_a_complete_new_version(store):
    data = projects_csv(14, budget_shift=5)
    result = import_file(store, data, "پروژه‌ها.csv", "projects", "مریم")
    assert result.ok and result.version_id == 2
    version = store.version(2)
    assert version.is_current and version.kind == "projects"
    assert version.created_by == "مریم" and version.file_name == "پروژه‌ها.csv"
    assert version.file_sha256 == hashlib.sha256(data).hexdigest() == result.sha256
    assert (version.n_projects, version.n_indicators) == (14, 25)
    assert version.created_at.tzinfo is dt.UTC
    assert abs(version.created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert re.fullmatch(r"1[34]\d\d/\d\d/\d\d \d\d:\d\d", version.created_at_jalali)
    diff = version.diff
    assert diff["added"] == ["P-013", "P-014"] and diff["n_added"] == 2
    assert diff["n_changed"] == 12 and diff["removed"] == []
    assert diff["indicators"] == {"n_added": 0, "n_removed": 0, "n_changed": 0}
    dataset = store.current_dataset()
    assert dataset.version == "2" and len(dataset.projects) == 14
    assert len(dataset.indicators) == 25  # indicators carried over from version 1


def test_extra_columns_of_the_embedded_data_are_kept(store):
    assert store.extra_columns("projects") == ["coord_quality", "notes"]
    data = csv_bytes(rows(3), columns=PROJECT_COLUMNS)
    lines = data.decode().splitlines()
    lines[0] += ",توضیحات,ستون دیگر"
    lines[1] += ",پیمانکار عوض شد,x"
    result = import_file(store, "\n".join(lines).encode(), "p.csv", "projects", "a")
    assert result.ok
    assert [(w.rule, w.column) for w in result.warnings if w.rule != "not_in_file"] == [
        ("unknown_column", "ستون دیگر")]
    projects = store.current_dataset().projects
    assert list(projects.columns[-2:]) == ["coord_quality", "notes"]
    notes = dict(zip(projects["project_id"], projects["notes"], strict=True))
    assert [notes[f"C-00{i}"] for i in (1, 2, 3)] == ["پیمانکار عوض شد", pd.NA, pd.NA]
    assert notes["P-002"] == "یادداشت 1"  # merged: the projects absent from the file kept
    assert "C-001" in store.version(result.version_id).diff["added"]
    restore(store, 1, "a")
    assert store.current_dataset().projects["notes"].tolist()[1] == "یادداشت 1"


def test_diff_changed_and_removed(store, data_dir):
    import_file(store, data_dir / "projects.csv", "same.csv", "projects", "a")
    same = store.version(2).diff
    assert (same["n_added"], same["n_changed"], same["n_removed"]) == (0, 0, 0)
    result = import_file(store, projects_csv(10, budget_shift=1), "fewer.csv", "projects", "a",
                         mode="replace", confirm_removal=True)
    assert result.diff["removed"] == ["P-011", "P-012"]
    assert result.diff["n_changed"] == 10
    assert result.diff["mode"] == "replace" and store.version(3).n_projects == 10


def test_indicators_import_keeps_projects(store):
    data = csv_text(INDICATOR_COLUMNS, indicator_rows(years=(1401, 1402), scale=2)).encode()
    result = import_file(store, data, "indicators.csv", "indicators", "a")
    assert result.ok, [p.message("en") for p in result.problems]
    version = store.version(result.version_id)
    assert version.n_indicators == 25 and version.n_projects == 12
    assert version.diff["n_added"] == 0 and version.diff["indicators"]["n_added"] == 24
    dataset = store.current_dataset()
    assert set(dataset.indicators["year"].dropna()) == {1400, 1401, 1402}


def test_history_and_dataset_at(store):
    first = store.current_dataset()
    import_file(store, projects_csv(14), "v2.csv", "projects", "a")
    import_file(store, projects_csv(5), "v3.csv", "projects", "b")
    assert [v.id for v in list_versions(store)] == [3, 2, 1]
    assert len(dataset_at(store, 2).projects) == 14
    old = dataset_at(store, 1)
    pd.testing.assert_frame_equal(old.projects, first.projects)
    with pytest.raises(KeyError):
        dataset_at(store, 99)
    frame = versions_frame(store)
    assert frame["id"].tolist() == [3, 2, 1] and frame["current"].tolist() == [True, False, False]


def test_restore_writes_a_new_version_and_deletes_nothing(store):
    original = store.current_dataset()
    import_file(store, projects_csv(14, budget_shift=3), "v2.csv", "projects", "a")
    restored = restore(store, 1, "b")
    assert restored.id == 3 and restored.kind == "restore" and restored.restored_from == 1
    assert restored.is_current and restored.created_by == "b"
    assert restored.diff["removed"] == ["P-013", "P-014"]
    assert [v.id for v in list_versions(store)] == [3, 2, 1]
    pd.testing.assert_frame_equal(store.current_dataset().projects, original.projects)
    assert len(dataset_at(store, 2).projects) == 14  # the undone version is still there
    with pytest.raises(KeyError):
        restore(store, 42, "b")
    assert store.verify() == []


def test_dry_run_previews_without_storing(store):
    before = snapshot(store)
    result = import_file(store, projects_csv(10), "p.csv", "projects", None, dry_run=True,
                         mode="replace")
    assert result.ok and result.dry_run and result.version_id is None
    assert result.diff["n_removed"] == 2
    assert any(w.rule == "many_removed" for w in result.warnings)
    assert "2" in result.message("en")
    merged = import_file(store, projects_csv(10), "p.csv", "projects", None, dry_run=True)
    assert merged.ok and merged.diff["n_removed"] == 0 and merged.diff["n_not_in_file"] == 2
    assert not any(w.rule == "many_removed" for w in merged.warnings)
    assert "kept unchanged" in merged.message("en")
    assert snapshot(store) == before


def test_writes_need_a_writer(store, tmp_path):
    with pytest.raises(PermissionError):
        import_file(store, projects_csv(3), "p.csv", "projects", None)
    with pytest.raises(PermissionError):
        import_file(store, projects_csv(3), "p.csv", "projects", User("viewer", "viewer"))
    with pytest.raises(PermissionError):  # an editor object without an account
        restore(store, 1, User("ghost", "editor"))
    editor = add_user("ویراستار", "secret-password", "editor")
    assert writer_name(editor) == "ویراستار"
    assert import_file(store, projects_csv(3), "p.csv", "projects", editor).ok


def test_history_is_append_only(store):
    import_file(store, projects_csv(3), "p.csv", "projects", "a")
    for statement in ("UPDATE dataset_versions SET created_by = 'x'",
                      "DELETE FROM dataset_versions WHERE id = 1",
                      "DELETE FROM project_rows",
                      "UPDATE indicator_rows SET value = 0",
                      "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(statement))
    assert store.verify() == []


def test_audit_log_records_every_write(store):
    import_file(store, projects_csv(3), "p.csv", "projects", "علی")
    restore(store, 1, "زهرا")
    audit = store.audit_frame()
    assert audit["action"].tolist() == ["restore", "import", "seed"]
    assert audit["user_name"].tolist() == ["زهرا", "علی", "system"]
    assert audit.loc[1, "detail"]["file_name"] == "p.csv"


def test_cache_follows_the_database(db_url, data_dir):
    with open_store(db_url, data_directory=data_dir) as one, \
            open_store(db_url, data_directory=data_dir) as two:
        one.ensure_seeded()
        first = two.current_dataset()
        assert two.current_dataset() is first  # cached while nothing changed
        import_file(one, projects_csv(4), "p.csv", "projects", "a", mode="replace",
                    confirm_removal=True)
        second = two.current_dataset()  # the other store sees it on its next call
        assert second.version == "2" and len(second.projects) == 4


def test_database_url_default_and_env(monkeypatch, tmp_path):
    monkeypatch.delenv("PISHRAN_DATABASE_URL", raising=False)
    assert database_url() == f"sqlite:///{PROJECT_ROOT / 'var' / 'pishran.db'}"
    url = f"sqlite:///{tmp_path / 'nested' / 'dir' / 'x.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    assert database_url() == url
    store = shared_store()
    assert shared_store() is store and (tmp_path / "nested" / "dir" / "x.db").exists()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()
