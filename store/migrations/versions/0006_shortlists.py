"""The recorded shortlist of each county's driver projects (issue 15).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

``shortlists``: one row per decision — the county, the chosen project ids (space-separated),
the editor's reason, what the tool suggested then (ids, method, weights as JSON, picks N),
the data version the decision was made on, who and when.  The current shortlist of a
county is its newest row; older rows are its history.  Append-only like the other history
tables (triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shortlists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("county_code", sa.Text, nullable=False),
        sa.Column("project_ids", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("suggested_ids", sa.Text, nullable=True),
        sa.Column("method", sa.Text, nullable=True),
        sa.Column("weights_json", sa.Text, nullable=True),
        sa.Column("n_picks", sa.Integer, nullable=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("dataset_versions.id"),
                  nullable=True),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_shortlists_county", "shortlists", ["county_code", "id"])
    if op.get_bind().dialect.name == "postgresql":  # pishran_append_only() is from 0001
        op.execute("CREATE TRIGGER shortlists_append_only BEFORE UPDATE OR DELETE ON shortlists "
                   "FOR EACH ROW EXECUTE FUNCTION pishran_append_only()")
        op.execute("CREATE TRIGGER shortlists_no_truncate BEFORE TRUNCATE ON shortlists "
                   "FOR EACH STATEMENT EXECUTE FUNCTION pishran_append_only()")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER shortlists_no_{action.lower()} BEFORE {action} ON "
                       "shortlists BEGIN SELECT RAISE(ABORT, 'shortlists is append-only'); END")


def downgrade() -> None:
    op.drop_index("ix_shortlists_county", table_name="shortlists")
    op.drop_table("shortlists")
