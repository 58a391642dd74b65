"""activity error reports

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:49:59.923060
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "Meld een fout": reports of wrong details on an activity, for the review queue.
    op.create_table(
        "activity_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("activity_id", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=254), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("handled_by", sa.String(length=200), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_reports_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_reports")),
    )
    with op.batch_alter_table("activity_reports", schema=None) as batch_op:
        batch_op.create_index("ix_activity_reports_activity_id", ["activity_id"], unique=False)


def downgrade() -> None:
    # "Meld een fout": reports of wrong details on an activity, for the review queue.
    with op.batch_alter_table("activity_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_reports_activity_id")

    op.drop_table("activity_reports")
