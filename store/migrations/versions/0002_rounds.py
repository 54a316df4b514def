"""Follow-up rounds with the governors and the returns recorded against them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

``rounds``: name (unique), Jalali due date, who and when.  ``round_returns``: one row per
county a returned file covers — the round, the version that stored the return, who and
when.  Both are append-only like the other history tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("rounds", "round_returns")


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("due_jalali", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "round_returns",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id"), nullable=False),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("dataset_versions.id"),
                  nullable=False),
        sa.Column("county_code", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=True),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_round_returns_round", "round_returns", ["round_id", "county_code"])
    if op.get_bind().dialect.name == "postgresql":  # pishran_append_only() is from 0001
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION pishran_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION pishran_append_only()")
    else:
        for table in TABLES:
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON "
                           f"{table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def downgrade() -> None:
    op.drop_index("ix_round_returns_round", table_name="round_returns")
    op.drop_table("round_returns")
    op.drop_table("rounds")
