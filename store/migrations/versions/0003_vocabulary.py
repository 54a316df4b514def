"""The office words an editor mapped to a schema value.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

``vocabulary``: one row per (column, normalised word key) — the word as typed, the schema
value it means, who and when (:mod:`store.vocabulary`; every addition is audited
``vocabulary_add``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vocabulary",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("column_name", sa.Text, nullable=False),
        sa.Column("word_key", sa.Text, nullable=False),
        sa.Column("word", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("column_name", "word_key", name="uq_vocabulary_word"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("vocabulary")
