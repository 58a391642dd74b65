"""Connecting to the catalogue database and bringing its schema up to date (Alembic)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, insert, select
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from .tables import catalogue_state

DEFAULT_DB_NAME = "welzijnswijzer.db"


def default_url(instance_path: str | Path) -> str:
    """The embedded default: an SQLite file in the instance folder."""
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DEFAULT_DB_NAME}"


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgresql://`` URLs."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.removeprefix("postgres://")
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, a busy timeout and WAL."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` and make sure the catalogue version row exists."""
    with as_file(files("socialmap").joinpath("migrations")) as script_dir:
        config = Config()
        config.set_main_option("script_location", str(script_dir))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    with engine.begin() as conn:
        if conn.execute(select(catalogue_state.c.id)).first() is None:
            conn.execute(insert(catalogue_state).values(id=1, version=0))


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction: committed when the block ends, rolled back on any error."""
    with engine.begin() as conn:
        yield conn
