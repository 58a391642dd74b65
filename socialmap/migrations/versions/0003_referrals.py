"""referral records

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Referral records (no personal data), the activities proposed per referral, and where
    # users work (organisation, practice) for the access rules.
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("practice", sa.String(length=100), nullable=False),
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("coach", sa.String(length=100), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("age_band", sa.String(length=10), nullable=False),
        sa.Column("complaints", sa.JSON(), nullable=False),
        sa.Column("route", sa.String(length=40), nullable=False),
        sa.Column("referral_date", sa.Date(), nullable=False),
        sa.Column("first_contact_date", sa.Date(), nullable=True),
        sa.Column("intake_spinnenweb", sa.JSON(), nullable=True),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("talks", sa.Integer(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_spinnenweb", sa.JSON(), nullable=True),
        sa.Column("goal_reached", sa.Boolean(), nullable=True),
        sa.Column("goal_explanation", sa.Text(), nullable=True),
        sa.Column("referred_on", sa.Boolean(), nullable=True),
        sa.Column("referred_on_why", sa.Text(), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_modified", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index("ix_referrals_municipality", ["municipality"], unique=False)
        batch_op.create_index("ix_referrals_practice", ["practice"], unique=False)
        batch_op.create_index("ix_referrals_organisation", ["organisation"], unique=False)
        batch_op.create_index("ix_referrals_referral_date", ["referral_date"], unique=False)

    op.create_table(
        "referral_activities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.String(length=200), nullable=True),
        sa.Column("activity_ref", sa.String(length=200), nullable=False),
        sa.Column("activity_name", sa.String(length=300), nullable=False),
        sa.Column("activity_dimensions", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.Column("started_date", sa.Date(), nullable=True),
        sa.Column("provider_first_contact_days", sa.Integer(), nullable=True),
        sa.Column("attending_3m", sa.Boolean(), nullable=True),
        sa.Column("attending_6m", sa.Boolean(), nullable=True),
        sa.Column("attending_9m", sa.Boolean(), nullable=True),
        sa.Column("dropped_out_date", sa.Date(), nullable=True),
        sa.Column("dropout_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_activities_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_referral_activities_activity_id_activities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_activities")),
    )
    with op.batch_alter_table("referral_activities", schema=None) as batch_op:
        batch_op.create_index("ix_referral_activities_referral_id", ["referral_id"], unique=False)
        batch_op.create_index("ix_referral_activities_activity_ref", ["activity_ref"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organisation", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("practice", sa.String(length=100), nullable=True))


def downgrade() -> None:
    # Referral records, the activities proposed per referral, and where users work.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("practice")
        batch_op.drop_column("organisation")

    with op.batch_alter_table("referral_activities", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_activities_activity_ref")
        batch_op.drop_index("ix_referral_activities_referral_id")
    op.drop_table("referral_activities")

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_referral_date")
        batch_op.drop_index("ix_referrals_organisation")
        batch_op.drop_index("ix_referrals_practice")
        batch_op.drop_index("ix_referrals_municipality")
    op.drop_table("referrals")
