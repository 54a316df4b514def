"""Tables of the store (SQLAlchemy Core metadata).

Design — *a version is a full snapshot*:

* ``dataset_versions`` — one row per version (seed, import, restore); never updated
  or deleted (database triggers refuse UPDATE/DELETE).
* ``project_rows`` / ``indicator_rows`` — the complete projects and indicators tables
  of every version, keyed by ``version_id``.  An import of projects copies the
  indicators of the previous version (``INSERT … SELECT``) and vice versa, so each
  version is self-contained and reading one never needs another.
* ``store_state`` — a single row (``id = 1``) holding ``current_version_id``; it is
  switched in the same transaction that writes the new version, so a reader sees
  either the old or the new version completely.  Writers lock this row (PostgreSQL
  ``SELECT … FOR UPDATE``; SQLite ``BEGIN IMMEDIATE``), which serialises them.
* ``followups`` — append-only log of follow-up entries (triggers refuse changes); each
  entry may name a ``person`` (migration ``0005``).
* ``audit_log`` — who wrote what, when (append-only): ``seed``, ``import``, ``restore``,
  ``followup`` and the account changes ``user_add`` / ``user_remove`` /
  ``user_password`` / ``user_role`` (``version_id`` NULL; never a password or hash),
  ``round_add``, ``vocabulary_add``.
* ``rounds`` — the follow-up rounds with the governors (name, Jalali due date); and
  ``round_returns`` — which version recorded a county's return for a round (one row per
  county the returned file covers).  Both append-only (migration ``0002``).
* ``vocabulary`` — the office words an editor mapped to a schema value («ترکیبی» →
  ``mixed`` in ``funding_source``): column, normalised word key (unique per column), the
  word as typed, the value, who and when (migration ``0003``; :mod:`store.vocabulary`).
* ``people`` — follow-up officers, governors' offices and MPs (name, role, contact, the
  counties they cover, active flag; never deleted, deactivated) and ``mp_seats`` — which
  counties each MP seat covers (migration ``0004``; :mod:`store.people`).  No names ship
  with the embedded data: the office enters them.
* ``shortlists`` — each county's recorded shortlist of driver projects, one row per
  decision (ids, reason, what was suggested, data version, who and when); the newest row of
  a county is its current shortlist (migration ``0006``; :mod:`store.shortlists`).

The row tables mirror :data:`core.schema.PROJECTS` / ``INDICATORS`` column by
column; ``extra_json`` keeps the extra columns the embedded data has beside the schema
(e.g. ``notes``, ``coord_quality``) as a JSON object of text values.  The migration in ``migrations/versions`` spells the same tables out
explicitly; ``tests/store/test_migrations.py`` fails when they drift apart (a schema
change needs a new migration).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

from core.schema import INDICATORS, PROJECTS, STATUSES, TableSchema

__all__ = [
    "metadata",
    "dataset_versions",
    "store_state",
    "project_rows",
    "indicator_rows",
    "followups",
    "audit_log",
    "rounds",
    "round_returns",
    "vocabulary",
    "shortlists",
    "ROW_TABLES",
    "ACTOR_ROLES",
    "APPEND_ONLY_TABLES",
    "sql_type",
]

ACTOR_ROLES = ("followup_officer", "governor_office", "mp")
APPEND_ONLY_TABLES = ("dataset_versions", "project_rows", "indicator_rows", "followups",
                      "audit_log", "rounds", "round_returns", "shortlists")

metadata = MetaData()


def sql_type(kind: str):
    """Column type for a schema kind (text-like kinds are unbounded ``TEXT``)."""
    return {"int": BigInteger, "float": Double, "bool": Boolean}.get(kind, Text)()


dataset_versions = Table(
    "dataset_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(), nullable=False),  # UTC, naive
    Column("created_by", Text, nullable=False),
    Column("kind", Text, nullable=False),  # seed | projects | indicators | restore
    Column("file_name", Text, nullable=True),
    Column("file_sha256", Text, nullable=True),
    Column("n_projects", Integer, nullable=False),
    Column("n_indicators", Integer, nullable=False),
    Column("diff_json", Text, nullable=False),
    Column("restored_from", Integer, ForeignKey("dataset_versions.id"), nullable=True),
    CheckConstraint("kind IN ('seed', 'projects', 'indicators', 'restore')",
                    name="ck_dataset_versions_kind"),
    sqlite_autoincrement=True,
)

store_state = Table(
    "store_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("current_version_id", Integer, ForeignKey("dataset_versions.id"), nullable=True),
    Column("updated_at", DateTime(), nullable=True),
    CheckConstraint("id = 1", name="ck_store_state_single_row"),
)


def _row_table(name: str, schema: TableSchema, key: tuple[str, ...]) -> Table:
    columns = [
        Column("version_id", Integer, ForeignKey("dataset_versions.id"), primary_key=True,
               autoincrement=False),
        Column("row_no", Integer, nullable=False, primary_key="row_no" in key,
               autoincrement=False),
    ]
    for col in schema.columns:
        columns.append(Column(col.name, sql_type(col.kind), primary_key=col.name in key,
                              nullable=col.name not in key))
    columns.append(Column("extra_json", Text, nullable=True))  # extra columns, as text
    return Table(name, metadata, *columns)


project_rows = _row_table("project_rows", PROJECTS, ("project_id",))
indicator_rows = _row_table("indicator_rows", INDICATORS, ("row_no",))
ROW_TABLES = {"projects": (project_rows, PROJECTS), "indicators": (indicator_rows, INDICATORS)}

_statuses = ", ".join(f"'{s}'" for s in STATUSES)
_roles = ", ".join(f"'{r}'" for r in ACTOR_ROLES)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_id", Text, nullable=False),
    Column("jalali_date", Text, nullable=False),  # YYYY/MM/DD
    Column("status", Text, nullable=False),
    Column("physical_pct", Double, nullable=True),
    Column("financial_pct", Double, nullable=True),
    Column("note", Text, nullable=True),
    Column("blocker", Text, nullable=True),
    Column("actor_role", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", DateTime(), nullable=False),  # UTC, naive
    Column("person", Text, nullable=True),  # who was followed up with (migration 0005)
    CheckConstraint(f"status IN ({_statuses})", name="ck_followups_status"),
    CheckConstraint(f"actor_role IN ({_roles})", name="ck_followups_actor_role"),
    CheckConstraint("physical_pct IS NULL OR (physical_pct >= 0 AND physical_pct <= 100)",
                    name="ck_followups_physical_pct"),
    CheckConstraint("financial_pct IS NULL OR (financial_pct >= 0 AND financial_pct <= 100)",
                    name="ck_followups_financial_pct"),
    Index("ix_followups_project", "project_id", "jalali_date"),
    sqlite_autoincrement=True,
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(), nullable=False),  # UTC, naive
    Column("user_name", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("version_id", Integer, nullable=True),
    Column("detail_json", Text, nullable=False),
    sqlite_autoincrement=True,
)

rounds = Table(
    "rounds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("due_jalali", Text, nullable=False),  # YYYY/MM/DD
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(), nullable=False),  # UTC, naive
    sqlite_autoincrement=True,
)

round_returns = Table(
    "round_returns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", Integer, ForeignKey("rounds.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("dataset_versions.id"), nullable=False),
    Column("county_code", Text, nullable=False),
    Column("file_name", Text, nullable=True),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", DateTime(), nullable=False),  # UTC, naive
    Index("ix_round_returns_round", "round_id", "county_code"),
    sqlite_autoincrement=True,
)

vocabulary = Table(
    "vocabulary",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("column_name", Text, nullable=False),
    Column("word_key", Text, nullable=False),  # core.vocabulary.value_key(word)
    Column("word", Text, nullable=False),  # as the editor typed it
    Column("value", Text, nullable=False),  # the schema id it means
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(), nullable=False),  # UTC, naive
    UniqueConstraint("column_name", "word_key", name="uq_vocabulary_word"),
    sqlite_autoincrement=True,
)

#: What a person in :data:`people` is to the follow-up (``other``: anyone else).
PERSON_ROLES = ("followup_officer", "governor_office", "mp", "other")
_person_roles = ", ".join(f"'{r}'" for r in PERSON_ROLES)

# ``people`` — who follows what (migration ``0004``; :mod:`store.people`): name, role, contact,
# the county codes the person covers (space-separated text), an active flag (never deleted:
# deactivated), who and when.  ``mp_seats`` — the counties each MP seat covers.  Every change
# is audited (``person_add`` / ``person_update`` / ``seat_set``).
people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("contact", Text, nullable=True),
    Column("counties", Text, nullable=False),  # county codes, space-separated
    Column("active", Boolean, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(), nullable=False),  # UTC, naive
    Column("updated_by", Text, nullable=False),
    Column("updated_at", DateTime(), nullable=False),  # UTC, naive
    CheckConstraint(f"role IN ({_person_roles})", name="ck_people_role"),
    sqlite_autoincrement=True,
)

mp_seats = Table(
    "mp_seats",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("counties", Text, nullable=False),  # county codes, space-separated
    Column("updated_by", Text, nullable=False),
    Column("updated_at", DateTime(), nullable=False),  # UTC, naive
    sqlite_autoincrement=True,
)

# ``shortlists`` — the recorded decision on each county's 2–3 driver projects (migration
# ``0006``; :mod:`store.shortlists`); append-only, the newest row of a county is current.
shortlists = Table(
    "shortlists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("county_code", Text, nullable=False),
    Column("project_ids", Text, nullable=False),  # space-separated project ids
    Column("reason", Text, nullable=False),
    Column("suggested_ids", Text, nullable=True),  # what the tool suggested then
    Column("method", Text, nullable=True),
    Column("weights_json", Text, nullable=True),
    Column("n_picks", Integer, nullable=True),
    Column("version_id", Integer, ForeignKey("dataset_versions.id"), nullable=True),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", DateTime(), nullable=False),  # UTC, naive
    Index("ix_shortlists_county", "county_code", "id"),
    sqlite_autoincrement=True,
)
