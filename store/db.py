"""The store: open (and migrate) the database, read versions, write new ones.

``open_store(url=None)`` → :class:`Store`.  SQLite (default, a file under ``var/``)
runs in WAL mode with foreign keys on; readers never block the writer and see a
consistent snapshot.  PostgreSQL is used when the URL says so (``postgresql://…``).

Consistency: every write (seed, import, restore) runs in ONE transaction that locks
the single ``store_state`` row (PostgreSQL ``SELECT … FOR UPDATE``; SQLite
``BEGIN IMMEDIATE``), inserts the version row and all of its rows, and moves the
current pointer.  A crash (even ``kill -9``) at any moment leaves either the previous
version current or the complete new one.  Readers read the pointer and the rows of
that version in one snapshot (SQLite read transaction; PostgreSQL REPEATABLE READ);
as versions never change once written, a reader can never see a mix.

Caching: :meth:`Store.current_dataset` caches by (current version id, number and
largest id of follow-up entries), which it reads on every call, so a change made by
another process — or another machine sharing the PostgreSQL server — is seen on the
next call.  Version tables are cached by version id (they are immutable).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, create_engine, event, func, insert, literal, select, text, update
from sqlalchemy.engine import Connection, make_url

from core.clock import as_utc, jalali_datetime, utcnow
from core.schema import INDICATORS, PROJECTS
from core.settings import database_url
from store.frames import extra_columns, records_frame, to_records, typed_frame
from store.loading import Dataset, data_dir, load_dataset
from store.models import (
    ROW_TABLES,
    audit_log,
    dataset_versions,
    followups,
    store_state,
)
from store.overlay import apply_followups

__all__ = [
    "Store",
    "VersionInfo",
    "open_store",
    "shared_store",
    "create_store_engine",
    "recorded_name",
    "project_diff",
    "indicator_diff",
    "MIGRATIONS_DIR",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_LOCK_KEY = 0x5049_5348  # "PISH": advisory lock serialising migrations
DIFF_LIST_LIMIT = 1000


# --- engine ------------------------------------------------------------------------------

def create_store_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default :func:`~core.settings.database_url`)."""
    parsed = make_url(url or database_url())
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": 60, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - trivial
        write = conn.get_execution_options().get("pishran_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+)?['\"]?", re.M)


def head_revision() -> str:
    """The newest migration, read from the migration files (without importing Alembic,
    which costs a second at start-up; a test checks it against Alembic's own answer)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision") and found["down_revision"] != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def _current_revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # noqa: BLE001 - no table yet (fresh database)
        return None


def _migrate(engine: Engine) -> None:
    """``alembic upgrade head`` — once, even when several processes open at the same time."""
    with engine.connect() as conn:
        if _current_revision(conn) == head_revision():
            return
    from alembic import command

    config = alembic_config()
    with engine.connect() as conn:
        conn = conn.execution_options(pishran_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


# --- versions ------------------------------------------------------------------------------

@dataclass(frozen=True)
class VersionInfo:
    """One dataset version (``created_at`` is aware UTC)."""

    id: int
    created_at: object
    created_by: str
    kind: str
    file_name: str | None
    file_sha256: str | None
    n_projects: int
    n_indicators: int
    diff: dict = field(default_factory=dict)
    restored_from: int | None = None
    is_current: bool = False

    @property
    def created_at_jalali(self) -> str:
        """Tehran-local Jalali time, e.g. ``1404/08/28 14:05``."""
        return jalali_datetime(self.created_at)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "created_at": self.created_at.isoformat(),
            "created_at_jalali": self.created_at_jalali, "created_by": self.created_by,
            "kind": self.kind, "file_name": self.file_name, "file_sha256": self.file_sha256,
            "n_projects": self.n_projects, "n_indicators": self.n_indicators,
            "diff": self.diff, "restored_from": self.restored_from, "is_current": self.is_current,
        }


def _version_info(row, current: int | None) -> VersionInfo:
    return VersionInfo(
        id=row.id, created_at=as_utc(row.created_at), created_by=row.created_by, kind=row.kind,
        file_name=row.file_name, file_sha256=row.file_sha256, n_projects=row.n_projects,
        n_indicators=row.n_indicators, diff=json.loads(row.diff_json or "{}"),
        restored_from=row.restored_from, is_current=row.id == current,
    )


def recorded_name(name: str | None) -> str:
    """The writer's name as recorded (stripped, at most 200 characters).

    The store takes writers by name: a name is a trusted caller (the command line: the
    operator already has the database in hand).  Signed-in users are checked first by
    :func:`store.accounts.writer_name`, which then passes their name here.
    """
    if isinstance(name, str) and name.strip():
        return name.strip()[:200]
    raise PermissionError("writing needs a user (the app is read-only without an account)")


def _norm(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def project_diff(old: list[dict], new: list[dict]) -> dict:
    """Added/changed/removed project ids between two lists of project records."""
    names = [*PROJECTS.names, "extra_json"]
    before = {r["project_id"]: tuple(_norm(r.get(n)) for n in names) for r in old}
    after = {r["project_id"]: tuple(_norm(r.get(n)) for n in names) for r in new}
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(after) & set(before) if after[k] != before[k])
    out = {"n_added": len(added), "n_changed": len(changed), "n_removed": len(removed)}
    for name, ids in (("added", added), ("changed", changed), ("removed", removed)):
        out[name] = ids[:DIFF_LIST_LIMIT]
        if len(ids) > DIFF_LIST_LIMIT:
            out[f"{name}_truncated"] = True
    return out


def indicator_diff(old: list[dict], new: list[dict]) -> dict:
    def keyed(rows):
        out = {}
        for r in rows:
            out[(r["county_code"], r["indicator"], r["year"], r["source"])] = tuple(
                _norm(r.get(n)) for n in [*INDICATORS.names, "extra_json"])
        return out

    before, after = keyed(old), keyed(new)
    return {"n_added": len(set(after) - set(before)),
            "n_removed": len(set(before) - set(after)),
            "n_changed": sum(1 for k in set(after) & set(before) if after[k] != before[k])}


_EMBEDDED: dict[tuple, Dataset] = {}
_EMBEDDED_LOCK = threading.Lock()


def _embedded(directory: Path) -> Dataset:
    """:func:`load_dataset` of ``directory``, cached per process while its files are
    unchanged (same names, sizes and modification times)."""
    files = sorted(directory.glob("*.csv"))
    key = (str(directory.resolve()),
           tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files))
    with _EMBEDDED_LOCK:
        if key not in _EMBEDDED:
            _EMBEDDED.clear()
            _EMBEDDED[key] = load_dataset(directory)
        return _EMBEDDED[key]


# --- the store -----------------------------------------------------------------------------

class Store:
    """Versioned projects/indicators, the follow-up log and the audit log."""

    def __init__(self, engine: Engine, data_directory: Path | None = None):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self.dialect = engine.dialect.name
        self.data_dir = Path(data_directory) if data_directory else data_dir()
        self._lock = threading.RLock()
        self._base: Dataset | None = None
        self._tables: OrderedDict[int, tuple[pd.DataFrame, pd.DataFrame]] = OrderedDict()
        self._current: tuple[tuple, Dataset] | None = None

    # -- plumbing
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def read(self):
        """A read-only connection inside one consistent snapshot."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self):
        """A write transaction holding the store lock; yields (connection, current id)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(pishran_write=True)
            with conn.begin():
                current = conn.execute(
                    select(store_state.c.current_version_id)
                    .where(store_state.c.id == 1).with_for_update()
                ).scalar_one()
                yield conn, current

    def extra_columns(self, kind: str) -> list[str]:
        """The extra (non-schema) columns of ``kind`` kept by the store: those of the
        embedded data (e.g. ``notes``, ``coord_quality``)."""
        base = self.base_dataset()
        frame, schema = (base.projects, PROJECTS) if kind == "projects" else (
            base.indicators, INDICATORS)
        return extra_columns(frame, schema)

    def base_dataset(self) -> Dataset:
        """The embedded default data (counties and places always come from here)."""
        with self._lock:
            if self._base is None:
                self._base = _embedded(self.data_dir)
            return self._base

    # -- reading
    def current_version_id(self) -> int | None:
        with self.read() as conn:
            return self._pointer(conn)

    @staticmethod
    def _pointer(conn: Connection) -> int | None:
        return conn.execute(
            select(store_state.c.current_version_id).where(store_state.c.id == 1)
        ).scalar_one_or_none()

    def version_tables(self, conn: Connection, version_id: int
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(projects, indicators) of ``version_id`` as imported, read on ``conn`` (e.g.
        inside :meth:`write`, to merge an import into the current version)."""
        return self._version_tables(conn, version_id)

    def _version_tables(self, conn: Connection, version_id: int):
        with self._lock:
            if version_id in self._tables:
                self._tables.move_to_end(version_id)
                return self._tables[version_id]
        frames = []
        for table, schema in (ROW_TABLES["projects"], ROW_TABLES["indicators"]):
            rows = conn.execute(
                select(*[table.c[n] for n in schema.names], table.c.extra_json)
                .where(table.c.version_id == version_id).order_by(table.c.row_no)
            ).mappings().all()
            frames.append(records_frame(rows, schema))
        result = (frames[0], frames[1])
        with self._lock:
            self._tables[version_id] = result
            while len(self._tables) > 4:
                self._tables.popitem(last=False)
        return result

    def _dataset(self, projects: pd.DataFrame, indicators: pd.DataFrame, version_id: int):
        base = self.base_dataset()
        return Dataset(counties=base.counties, indicators=indicators, projects=projects,
                       places=base.places, version=str(version_id))

    def current_dataset(self) -> Dataset:
        """The current version with each project's latest follow-up applied
        (see :func:`store.overlay.apply_followups`); seeds an empty store."""
        with self.read() as conn:
            # one round trip per page run: the pointer and the follow-up log's size
            version_id, n, last = conn.execute(select(
                select(store_state.c.current_version_id).where(store_state.c.id == 1)
                .scalar_subquery(),
                select(func.count()).select_from(followups).scalar_subquery(),
                select(func.max(followups.c.id)).scalar_subquery())).one()
            if version_id is not None:
                key = (version_id, n, last)
                with self._lock:
                    if self._current is not None and self._current[0] == key:
                        return self._current[1]
                projects, indicators = self._version_tables(conn, version_id)
                log = self._followups_frame(conn) if n else None
        if version_id is None:
            self.ensure_seeded()
            return self.current_dataset()
        dataset = self._dataset(apply_followups(projects, log), indicators, version_id)
        with self._lock:
            self._current = (key, dataset)
        return dataset

    def dataset_at(self, version_id: int) -> Dataset:
        """Version ``version_id`` exactly as it was imported (no follow-ups applied)."""
        with self.read() as conn:
            if conn.execute(select(dataset_versions.c.id)
                            .where(dataset_versions.c.id == version_id)).first() is None:
                raise KeyError(f"no version {version_id}")
            projects, indicators = self._version_tables(conn, version_id)
        return self._dataset(projects, indicators, version_id)

    def list_versions(self) -> list[VersionInfo]:
        """All versions, newest first."""
        with self.read() as conn:
            current = self._pointer(conn)
            rows = conn.execute(select(dataset_versions)
                                .order_by(dataset_versions.c.id.desc())).all()
        return [_version_info(r, current) for r in rows]

    def version(self, version_id: int) -> VersionInfo:
        with self.read() as conn:
            current = self._pointer(conn)
            row = conn.execute(select(dataset_versions)
                               .where(dataset_versions.c.id == version_id)).first()
        if row is None:
            raise KeyError(f"no version {version_id}")
        return _version_info(row, current)

    def _followups_frame(self, conn: Connection, project_id: str | None = None) -> pd.DataFrame:
        query = select(followups).order_by(followups.c.jalali_date, followups.c.recorded_at,
                                           followups.c.id)
        if project_id is not None:
            query = query.where(followups.c.project_id == project_id)
        rows = conn.execute(query).mappings().all()
        frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in followups.c])
        for name in ("project_id", "jalali_date", "status", "note", "blocker", "actor_role",
                     "recorded_by", "person"):
            frame[name] = frame[name].astype("string")
        for name in ("physical_pct", "financial_pct"):
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        frame["id"] = frame["id"].astype("int64")
        frame["recorded_at"] = pd.to_datetime(frame["recorded_at"]).dt.tz_localize("UTC")
        return frame

    def standing_projects(self, conn: Connection, version_id: int | None
                          ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Version ``version_id``'s projects as imported, and as they stand (the follow-up
        log laid over them, :func:`store.overlay.apply_followups`) — read inside the
        caller's transaction, so an import compares a file with what the app shows."""
        projects = self._version_tables(conn, version_id)[0]
        log = self._followups_frame(conn)
        return projects, apply_followups(projects, log if len(log) else None)

    def followups_frame(self, project_id: str | None = None) -> pd.DataFrame:
        """The follow-up log (all projects or one), oldest first."""
        with self.read() as conn:
            return self._followups_frame(conn, project_id)

    def audit_frame(self, limit: int = 500, actions: tuple[str, ...] | None = None
                    ) -> pd.DataFrame:
        """The latest ``limit`` audit entries (only ``actions`` when given), newest first."""
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if actions is not None:
            query = query.where(audit_log.c.action.in_(list(actions)))
        with self.read() as conn:
            rows = conn.execute(query).mappings().all()
        frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in audit_log.c])
        frame["detail"] = frame.pop("detail_json").map(json.loads)
        return frame

    def audit_change_recorded(self, change: str) -> bool:
        """Whether audit entries of the account change ``change`` (``detail["change"]``,
        hex) were committed — see :func:`store.accounts._settle`."""
        if not change or not all(c in "0123456789abcdef" for c in change):
            return False
        pattern = f'%"change": "{change}"%'
        with self.read() as conn:
            found = conn.execute(select(audit_log.c.id).where(
                audit_log.c.detail_json.like(pattern)).limit(1)).first()
        return found is not None

    # -- writing
    @staticmethod
    def audit(conn: Connection, user: str, action: str, version_id: int | None,
              detail: dict) -> None:
        conn.execute(insert(audit_log).values(
            at=utcnow(), user_name=user, action=action, version_id=version_id,
            detail_json=json.dumps(detail, ensure_ascii=False, default=str)))

    @staticmethod
    def _rows(conn: Connection, kind: str, version_id: int) -> list[dict]:
        table, schema = ROW_TABLES[kind]
        rows = conn.execute(select(*[table.c[n] for n in schema.names], table.c.extra_json)
                            .where(table.c.version_id == version_id)
                            .order_by(table.c.row_no)).mappings().all()
        return [dict(r) for r in rows]

    def create_version(self, conn: Connection, previous: int | None, *, kind: str, user: str,
                       file_name: str | None, sha256: str | None,
                       projects: pd.DataFrame | int | None,
                       indicators: pd.DataFrame | int | None,
                       restored_from: int | None = None,
                       diff_extra: dict | None = None) -> tuple[int, dict]:
        """Write a complete version inside the caller's :meth:`write` transaction.

        ``projects``/``indicators``: a frame (the new table), or a version id whose
        table is copied.  ``diff_extra`` is recorded with the diff summary (an import's
        mode, the projects it left out …).  Moves the current pointer; returns (new id,
        diff summary).
        """
        tables = {"projects": projects, "indicators": indicators}
        new_records: dict[str, list[dict]] = {}
        counts: dict[str, int] = {}
        for name, source in tables.items():
            schema = ROW_TABLES[name][1]
            if isinstance(source, pd.DataFrame):
                new_records[name] = to_records(source, schema)
            elif source is None:
                new_records[name] = []
            else:
                new_records[name] = self._rows(conn, name, int(source))
        old = {name: self._rows(conn, name, previous) if previous else [] for name in tables}
        diff = project_diff(old["projects"], new_records["projects"])
        diff["indicators"] = indicator_diff(old["indicators"], new_records["indicators"])
        diff |= diff_extra or {}
        for name in tables:
            counts[name] = len(new_records[name])
        version_id = conn.execute(insert(dataset_versions).values(
            created_at=utcnow(), created_by=user, kind=kind, file_name=file_name,
            file_sha256=sha256, n_projects=counts["projects"],
            n_indicators=counts["indicators"], diff_json=json.dumps(diff, ensure_ascii=False),
            restored_from=restored_from,
        )).inserted_primary_key[0]
        for name, source in tables.items():
            table, schema = ROW_TABLES[name]
            if source is not None and not isinstance(source, pd.DataFrame):
                columns = ["row_no", *schema.names, "extra_json"]
                conn.execute(insert(table).from_select(
                    ["version_id", *columns],
                    select(literal(version_id), *[table.c[c] for c in columns])
                    .where(table.c.version_id == int(source)),
                ))
            elif new_records[name]:
                rows = new_records[name]
                for start in range(0, len(rows), 5000):
                    conn.execute(insert(table), [r | {"version_id": version_id}
                                                 for r in rows[start:start + 5000]])
        conn.execute(update(store_state).where(store_state.c.id == 1)
                     .values(current_version_id=version_id, updated_at=utcnow()))
        return version_id, diff

    def ensure_seeded(self, user: str = "system") -> int:
        """Load the embedded default data as version 1 if the store has no version yet.

        Idempotent and safe when several processes start at once: the check and the
        write happen under the store lock, so only the first one creates version 1.
        """
        current = self.current_version_id()
        if current is not None:
            return current
        base = self.base_dataset()
        digest = hashlib.sha256()
        for name in ("projects.csv", "indicators.csv"):
            path = self.data_dir / name
            if path.exists():
                digest.update(path.read_bytes())
        with self.write() as (conn, current):
            if current is not None:
                return current
            version_id, diff = self.create_version(
                conn, None, kind="seed", user=user, file_name="data/projects.csv, "
                "data/indicators.csv", sha256=digest.hexdigest(),
                projects=typed_frame(base.projects, PROJECTS,
                                     extra_columns(base.projects, PROJECTS)),
                indicators=typed_frame(base.indicators, INDICATORS,
                                       extra_columns(base.indicators, INDICATORS)))
            self.audit(conn, user, "seed", version_id, {"n_added": diff["n_added"]})
            return version_id

    def restore(self, version_id: int, user: str) -> VersionInfo:
        """Make an old version current again by writing a NEW version that copies it.

        ``user`` is the writer's name (see :func:`store.versions.restore` for a signed-in
        :class:`~store.accounts.User`).  Nothing is deleted: the versions in between stay
        in the history."""
        name = recorded_name(user)
        with self.write() as (conn, current):
            if conn.execute(select(dataset_versions.c.id)
                            .where(dataset_versions.c.id == version_id)).first() is None:
                raise KeyError(f"no version {version_id}")
            new_id, diff = self.create_version(
                conn, current, kind="restore", user=name, file_name=None, sha256=None,
                projects=version_id, indicators=version_id, restored_from=version_id)
            self.audit(conn, name, "restore", new_id, {"restored_from": version_id,
                                                       "previous": current})
        return self.version(new_id)

    # -- checks
    def verify(self) -> list[str]:
        """Integrity problems (empty list = healthy): SQLite ``integrity_check`` and
        ``foreign_key_check``, the current pointer, each version's recorded row counts."""
        problems: list[str] = []
        with self.read() as conn:
            if self.dialect == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
                if result != ["ok"]:
                    problems.extend(f"integrity_check: {r}" for r in result)
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                    problems.append(f"foreign_key_check: {tuple(row)}")
            current = self._pointer(conn)
            versions = conn.execute(select(dataset_versions.c.id, dataset_versions.c.n_projects,
                                           dataset_versions.c.n_indicators)).all()
            counted = {}
            for name in ("projects", "indicators"):
                table = ROW_TABLES[name][0]
                counted[name] = dict(conn.execute(
                    select(table.c.version_id, func.count()).group_by(table.c.version_id)).all())
            ids = {v.id for v in versions}
            if versions and current not in ids:
                problems.append(f"current version {current} does not exist")
            for v in versions:
                if counted["projects"].get(v.id, 0) != v.n_projects:
                    problems.append(f"version {v.id}: {counted['projects'].get(v.id, 0)} "
                                    f"project rows, recorded {v.n_projects}")
                if counted["indicators"].get(v.id, 0) != v.n_indicators:
                    problems.append(f"version {v.id}: indicator rows differ from recorded count")
            for name in ("projects", "indicators"):
                orphans = set(counted[name]) - ids
                if orphans:
                    problems.append(f"{name} rows of unknown versions {sorted(orphans)}")
        return problems


def open_store(url: str | None = None, *, data_directory: Path | None = None,
               migrate: bool = True) -> Store:
    """Open the store at ``url`` (default ``PISHRAN_DATABASE_URL`` or ``var/pishran.db``)
    and bring its schema to the latest migration."""
    engine = create_store_engine(url)
    if migrate:
        _migrate(engine)
    return Store(engine, data_directory)


_shared: dict[str, Store] = {}
_shared_lock = threading.Lock()


def shared_store(url: str | None = None) -> Store:
    """One :class:`Store` per URL for the whole process (for the web app)."""
    key = url or database_url()
    with _shared_lock:
        if key not in _shared:
            _shared[key] = open_store(key)
        return _shared[key]
