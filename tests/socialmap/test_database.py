"""The schema is built by the Alembic migrations and matches the table definitions."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from socialmap.database import migrate
from socialmap.store import catalogue_version
from socialmap.tables import metadata


def test_migrations_build_the_declared_schema(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_migrate_is_idempotent(engine):
    migrate(engine)
    with engine.connect() as conn:
        assert catalogue_version(conn) == 0
        tables = set(inspect(conn).get_table_names())
    assert {"activities", "organisations", "audit_log", "catalogue_state", "users"} <= tables
