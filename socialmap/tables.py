"""The database schema (SQLAlchemy Core). Alembic migrations in ``migrations/`` create it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

organisations = Table(
    "organisations",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", String(300), nullable=False),
)

activities = Table(
    "activities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("description", Text, nullable=False),
    Column("organisation_id", String(200), ForeignKey("organisations.id"), nullable=False),
    Column("dimensions", JSON, nullable=False),
    Column("complaints", JSON, nullable=False),
    Column("suggested_dimensions", JSON, nullable=False),
    Column("suggested_complaints", JSON, nullable=False),
    Column("address", String(300)),
    Column("postcode", String(6)),
    Column("city", String(200)),
    Column("municipality", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    Column("online", Boolean, nullable=False),
    Column("cost_cents", Integer),
    Column("cost_note", String(500)),
    Column("schedule_when", String(500)),
    Column("days", JSON, nullable=False),
    Column("signup", String(1000)),
    Column("age_min", Integer),
    Column("age_max", Integer),
    Column("wheelchair", String(10), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("contact_person", String(200)),
    Column("contact_phone", String(50)),
    Column("contact_email", String(254)),
    Column("contact_website", String(500)),
    Column("last_verified", Date),
    Column("status", String(12), nullable=False),
    Column("classified", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("last_modified", DateTime(timezone=True), nullable=False),
    Index("ix_activities_municipality", "municipality"),
    Index("ix_activities_status", "status"),
)

catalogue_state = Table(
    "catalogue_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("changed", DateTime(timezone=True)),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(200)),
    Column("changes", JSON, nullable=False),
    Index("ix_audit_log_entity_id", "entity_id"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(300), nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    # Added in 0003: where a coach or GP works, so access rules can compare them.
    Column("organisation", String(100)),
    Column("practice", String(100)),
)

activity_reports = Table(
    "activity_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("activity_id", String(200), ForeignKey("activities.id", ondelete="CASCADE"),
           nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("message", Text, nullable=False),
    Column("contact", String(254)),
    Column("status", String(20), nullable=False),
    Column("handled_by", String(200)),
    Column("handled_at", DateTime(timezone=True)),
    Index("ix_activity_reports_activity_id", "activity_id"),
)

referrals = Table(
    "referrals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(60)),
    Column("practice", String(100), nullable=False),
    Column("organisation", String(100), nullable=False),
    Column("coach", String(100)),
    Column("municipality", String(100), nullable=False),
    Column("age_band", String(10), nullable=False),
    Column("complaints", JSON, nullable=False),
    Column("route", String(40), nullable=False),
    Column("referral_date", Date, nullable=False),
    Column("first_contact_date", Date),
    Column("intake_spinnenweb", JSON),
    Column("question", Text),
    Column("talks", Integer, nullable=False),
    Column("end_date", Date),
    Column("end_spinnenweb", JSON),
    Column("goal_reached", Boolean),
    Column("goal_explanation", Text),
    Column("referred_on", Boolean),
    Column("referred_on_why", Text),
    Column("anonymised_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("last_modified", DateTime(timezone=True), nullable=False),
    Index("ix_referrals_municipality", "municipality"),
    Index("ix_referrals_practice", "practice"),
    Index("ix_referrals_organisation", "organisation"),
    Index("ix_referrals_referral_date", "referral_date"),
)

referral_activities = Table(
    "referral_activities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("referral_id", Integer, ForeignKey("referrals.id", ondelete="CASCADE"),
           nullable=False),
    # A catalogue replace may delete the activity: the outcome stays, with its name.
    Column("activity_id", String(200), ForeignKey("activities.id", ondelete="SET NULL")),
    Column("activity_ref", String(200), nullable=False),
    Column("activity_name", String(300), nullable=False),
    Column("activity_dimensions", JSON, nullable=False),
    Column("position", Integer, nullable=False),
    Column("chosen", Boolean, nullable=False),
    Column("started_date", Date),
    Column("provider_first_contact_days", Integer),
    Column("attending_3m", Boolean),
    Column("attending_6m", Boolean),
    Column("attending_9m", Boolean),
    Column("dropped_out_date", Date),
    Column("dropout_reason", Text),
    Index("ix_referral_activities_referral_id", "referral_id"),
    Index("ix_referral_activities_activity_ref", "activity_ref"),
)
