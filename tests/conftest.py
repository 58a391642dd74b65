"""Shared fixtures: a migrated database per test, on SQLite or (in CI) PostgreSQL.

Set ``WELZIJNSWIJZER_DATABASE_URL`` to run the suite on PostgreSQL: every test then starts from an
empty schema built by the Alembic migrations, exactly as on SQLite.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from socialmap import database
from socialmap.database import make_engine, migrate
from socialmap.tables import metadata

URL_ENV = "WELZIJNSWIJZER_DATABASE_URL"


def _reset_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The URL of an empty database for this test (PostgreSQL when the env names one)."""
    url = os.environ.get(URL_ENV)
    if url and not url.startswith("sqlite"):
        engine = make_engine(url)
        _reset_postgres(engine)
        engine.dispose()
        return url
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated, empty database engine."""
    eng = make_engine(db_url)
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture(autouse=True)
def _dispose_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Close every engine a test made (apps, CLI runs), so no connection outlives its test."""
    made: list[Engine] = []
    real = database.create_engine

    def tracking_create_engine(*args: Any, **kwargs: Any) -> Engine:
        engine = real(*args, **kwargs)
        made.append(engine)
        return engine

    monkeypatch.setattr(database, "create_engine", tracking_create_engine)
    yield
    for engine in made:
        engine.dispose()


@pytest.fixture(autouse=True)
def _isolated_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's instance folder (and default SQLite file) in its own tmp dir."""
    monkeypatch.setenv("WELZIJNSWIJZER_INSTANCE_PATH", str(tmp_path / "instance"))
    if not os.environ.get(URL_ENV, "").startswith("postgresql"):
        monkeypatch.delenv(URL_ENV, raising=False)


__all__ = ["metadata"]
