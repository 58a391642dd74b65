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
