"""People who follow the driver projects up, and the counties of each MP seat.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

``people``: name, role (follow-up officer, governor's office, MP, other), contact, the
county codes covered (space-separated), an active flag, who and when (created / updated).
``mp_seats``: a seat name (unique) and the county codes it covers.  Rows are updated in
place (a person is deactivated, never deleted); every change is in the audit log
(:mod:`store.people`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("contact", sa.Text, nullable=True),
        sa.Column("counties", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('followup_officer', 'governor_office', 'mp', 'other')",
                           name="ck_people_role"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "mp_seats",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("counties", sa.Text, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("mp_seats")
    op.drop_table("people")
