"""Fixtures of the store tests: every store test runs on SQLite (a temporary file) and,
when ``PISHRAN_TEST_POSTGRES_URL`` is set (``eval "$(scripts/start_test_postgres.sh)"``),
on PostgreSQL too — each test in a database of its own, dropped afterwards."""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from store import open_store
from store.models import dataset_versions, project_rows, store_state

from .sample import write_data_dir

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("PISHRAN_TEST_POSTGRES_URL", "").strip()
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_collection_modifyitems(config, items):
    if PG_ADMIN_URL:
        return
    skip = pytest.mark.skip(reason="PISHRAN_TEST_POSTGRES_URL is not set "
                                   "(eval \"$(scripts/start_test_postgres.sh)\")")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@contextmanager
def postgres_database():
    """A fresh PostgreSQL database; yields its URL and drops it afterwards."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"pishran_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database_url(backend: str, directory: Path):
    if backend == "sqlite":
        yield f"sqlite:///{directory / 'store.db'}"
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture(scope="package")
def data_dir(tmp_path_factory) -> Path:
    return write_data_dir(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="package", autouse=True)
def _session_env(data_dir):
    """The store tests' small data set — for this package only (a session-wide setting
    would leak into every test collected after tests/store)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PISHRAN_DATA_DIR", str(data_dir))
        mp.setenv("PISHRAN_BCRYPT_ROUNDS", "4")
        mp.delenv("PISHRAN_DATABASE_URL", raising=False)
        yield


DEFAULT_DB = "default.db"  # per test: where account changes without a ``store`` are audited


@pytest.fixture(autouse=True)
def _accounts_env(tmp_path, monkeypatch):
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_AUTH_STATE", str(tmp_path / "login_failures.json"))
    # add_user & co. write an audit entry into the default store: never the project's var/
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{tmp_path / DEFAULT_DB}")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url, data_dir):
    s = open_store(db_url, data_directory=data_dir)
    s.ensure_seeded()
    yield s
    s.close()


def snapshot(store) -> tuple:
    """(current version id, number of versions, number of project rows, sha256 of the
    current projects rows) read straight from the database — what must not change when
    an import is refused."""
    with store.engine.connect() as conn:
        current = conn.execute(select(store_state.c.current_version_id)).scalar()
        n_versions = conn.execute(select(dataset_versions.c.id)).all()
        n_rows = conn.execute(select(project_rows.c.project_id)).all()
        rows = conn.execute(select(project_rows).where(project_rows.c.version_id == current)
                            .order_by(project_rows.c.row_no)).all()
    digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
    return current, len(n_versions), len(n_rows), digest


def worker_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


WORKER = [sys.executable, str(Path(__file__).with_name("worker.py"))]
