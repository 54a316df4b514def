"""Alembic: one head, the migrated schema equals the models, the CLI config works."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from store import open_store
from store.db import alembic_config, head_revision
from store.models import metadata

from .conftest import ROOT


def test_head_revision_matches_alembic():
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_migrated_schema_equals_models(db_url, data_dir):
    """Fails when core.schema (or models.py) changed without a new migration."""
    with open_store(db_url, data_directory=data_dir) as store:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
            assert context.get_current_revision() == head_revision()
            tables = set(inspect(conn).get_table_names())
    assert {"dataset_versions", "store_state", "project_rows", "indicator_rows", "followups",
            "audit_log", "alembic_version"} <= tables


def test_open_is_idempotent(db_url, data_dir):
    for _ in range(3):
        with open_store(db_url, data_directory=data_dir) as store:
            store.ensure_seeded()
    with open_store(db_url, data_directory=data_dir) as store:
        assert [v.id for v in store.list_versions()] == [1]


def test_alembic_ini_upgrade_and_downgrade(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    config = Config(str(ROOT / "alembic.ini"))
    command.upgrade(config, "head")
    engine = create_engine(url)
    assert "project_rows" in inspect(engine).get_table_names()
    command.downgrade(config, "base")
    assert "project_rows" not in inspect(engine).get_table_names()
    engine.dispose()


def test_offline_sql_is_generated(monkeypatch, capsys):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", "postgresql://u@localhost/db")
    command.upgrade(Config(str(ROOT / "alembic.ini")), "head", sql=True)
    sql = capsys.readouterr().out
    assert "CREATE TABLE project_rows" in sql and "pishran_append_only" in sql


def _followup_triggers(conn) -> set[str]:
    if conn.dialect.name == "postgresql":
        query = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                 "AND tgrelid = 'followups'::regclass")
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'followups'"
    return {row[0] for row in conn.execute(text(query))}


def test_followup_person_column_keeps_the_append_only_triggers(db_url, data_dir):
    """0005 adds ``followups.person`` with a plain ADD COLUMN: the 0001 triggers stay."""
    from store.followups import add_followup

    with open_store(db_url, data_directory=data_dir) as store:
        store.ensure_seeded()
        with store.engine.connect() as conn:
            assert "person" in {c["name"] for c in inspect(conn).get_columns("followups")}
            expected = ({"followups_append_only", "followups_no_truncate"}
                        if conn.dialect.name == "postgresql"
                        else {"followups_no_update", "followups_no_delete"})
            assert _followup_triggers(conn) == expected
        add_followup(store, "P-001", "1404/08/01", "in_progress", user="tester",
                     today="1404/09/01", person="کسی")
        with store.engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text("UPDATE followups SET person = 'x'"))


def test_followup_person_downgrade_and_upgrade(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'steps.db'}"
    monkeypatch.setenv("PISHRAN_DATABASE_URL", url)
    config = Config(str(ROOT / "alembic.ini"))
    command.upgrade(config, "head")
    engine = create_engine(url)
    command.downgrade(config, "0004")
    with engine.connect() as conn:
        assert "person" not in {c["name"] for c in inspect(conn).get_columns("followups")}
        assert _followup_triggers(conn) == {"followups_no_update", "followups_no_delete"}
    command.upgrade(config, "head")
    with engine.connect() as conn:
        assert "person" in {c["name"] for c in inspect(conn).get_columns("followups")}
        assert _followup_triggers(conn) == {"followups_no_update", "followups_no_delete"}
    engine.dispose()
