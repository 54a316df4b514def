"""Initial store: versions, snapshot rows, current pointer, follow-ups, audit log.

Revision ID: 0001
Revises:
Create Date: 2025-11-27

The row tables are written out column by column (not generated from
``core.schema``) so that this migration never changes; a schema change needs a
new migration, and ``tests/store/test_migrations.py`` says so when it is missing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = ("dataset_versions", "project_rows", "indicator_rows", "followups", "audit_log")


def _key(name: str) -> list[sa.Column]:
    return [
        sa.Column("version_id", sa.Integer, sa.ForeignKey("dataset_versions.id"),
                  primary_key=True, autoincrement=False),
        sa.Column("row_no", sa.Integer, nullable=False, primary_key=name == "indicator_rows",
                  autoincrement=False),
    ]


def upgrade() -> None:
    op.create_table(
        "dataset_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=True),
        sa.Column("file_sha256", sa.Text, nullable=True),
        sa.Column("n_projects", sa.Integer, nullable=False),
        sa.Column("n_indicators", sa.Integer, nullable=False),
        sa.Column("diff_json", sa.Text, nullable=False),
        sa.Column("restored_from", sa.Integer, sa.ForeignKey("dataset_versions.id"),
                  nullable=True),
        sa.CheckConstraint("kind IN ('seed', 'projects', 'indicators', 'restore')",
                           name="ck_dataset_versions_kind"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("current_version_id", sa.Integer, sa.ForeignKey("dataset_versions.id"),
                  nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("id = 1", name="ck_store_state_single_row"),
    )
    op.execute("INSERT INTO store_state (id, current_version_id, updated_at) VALUES (1, NULL, NULL)")
    op.create_table(
        "project_rows",
        *_key("project_rows"),
        sa.Column("project_id", sa.Text, primary_key=True, nullable=False),
        sa.Column("county_code", sa.Text),
        sa.Column("title_fa", sa.Text),
        sa.Column("title_en", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("agency_fa", sa.Text),
        sa.Column("status", sa.Text),
        sa.Column("physical_progress_pct", sa.Double),
        sa.Column("financial_progress_pct", sa.Double),
        sa.Column("budget_billion_rials", sa.Double),
        sa.Column("funding_source", sa.Text),
        sa.Column("expected_jobs", sa.BigInteger),
        sa.Column("planned_start", sa.Text),
        sa.Column("planned_end", sa.Text),
        sa.Column("actual_start", sa.Text),
        sa.Column("actual_end", sa.Text),
        sa.Column("last_followup", sa.Text),
        sa.Column("followup_officer", sa.Text),
        sa.Column("lat", sa.Double),
        sa.Column("lon", sa.Double),
        sa.Column("source", sa.Text),
        sa.Column("is_sample", sa.Boolean),
        sa.Column("extra_json", sa.Text),
    )
    op.create_table(
        "indicator_rows",
        *_key("indicator_rows"),
        sa.Column("county_code", sa.Text),
        sa.Column("indicator", sa.Text),
        sa.Column("year", sa.BigInteger),
        sa.Column("value", sa.Double),
        sa.Column("unit", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("quality", sa.Text),
        sa.Column("is_sample", sa.Boolean),
        sa.Column("extra_json", sa.Text),
    )
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("project_id", sa.Text, nullable=False),
        sa.Column("jalali_date", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("physical_pct", sa.Double, nullable=True),
        sa.Column("financial_pct", sa.Double, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("blocker", sa.Text, nullable=True),
        sa.Column("actor_role", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('defined', 'study', 'in_progress', 'stalled', "
                           "'completed', 'cancelled')", name="ck_followups_status"),
        sa.CheckConstraint("actor_role IN ('followup_officer', 'governor_office', 'mp')",
                           name="ck_followups_actor_role"),
        sa.CheckConstraint("physical_pct IS NULL OR (physical_pct >= 0 AND physical_pct <= 100)",
                           name="ck_followups_physical_pct"),
        sa.CheckConstraint("financial_pct IS NULL OR (financial_pct >= 0 AND financial_pct <= 100)",
                           name="ck_followups_financial_pct"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_followups_project", "followups", ["project_id", "jalali_date"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=True),
        sa.Column("detail_json", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    """History is never rewritten: UPDATE/DELETE on the history tables is refused."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION pishran_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION pishran_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION pishran_append_only()")
    else:
        for table in APPEND_ONLY:
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON "
                           f"{table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def downgrade() -> None:
    for table in ("audit_log", "followups", "indicator_rows", "project_rows", "store_state",
                  "dataset_versions"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pishran_append_only()")
