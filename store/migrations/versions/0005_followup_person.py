"""Every follow-up entry names a person (issue 13, point 4).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

Adds the nullable text column ``person`` to ``followups``: the person the entry was
followed up with (an active person of the people records, or a free-text name while the
office has entered no people).  Older entries keep ``NULL``.

A plain ``ALTER TABLE … ADD COLUMN`` on both SQLite and PostgreSQL (no batch mode): batch
mode would copy the table and drop the append-only triggers of migration ``0001``, while
``ADD COLUMN`` keeps them (``tests/store/test_migrations.py`` checks).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("followups", sa.Column("person", sa.Text, nullable=True))


def downgrade() -> None:
    # SQLite ≥ 3.35 and PostgreSQL drop a column in place; the triggers name no column.
    op.drop_column("followups", "person")
