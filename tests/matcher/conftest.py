"""Fixtures of the matcher tests: the hand-made catalogue as an index and in a database.

Databases come from the shared ``tests/conftest.py`` (``db_url``/``engine``: a migrated SQLite
file per test, or PostgreSQL when ``WELZIJNSWIJZER_DATABASE_URL`` names one).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from matcher.answer import MatchAnswer, build_answer
from matcher.config import load_weights
from matcher.index import MatchIndex
from matcher.ranking import rank
from matcher.request import parse_request
from socialmap.database import transaction
from socialmap.store import upsert_activities

from .catalogue import CATALOGUE, TODAY


@pytest.fixture(scope="session")
def index() -> MatchIndex:
    """The hand-made catalogue, indexed."""
    return MatchIndex.from_activities(CATALOGUE, version=1)


def answer(index: MatchIndex, request: dict[str, Any]) -> MatchAnswer:
    """Run the pipeline without a database (rules only, on the tests' fixed date)."""
    req = parse_request(request)
    return build_answer(index, rank(index, req, today=TODAY), req, TODAY, load_weights())


@pytest.fixture
def stored_engine(engine: Engine) -> Engine:
    """A migrated database holding the hand-made catalogue."""
    with transaction(engine) as conn:
        upsert_activities(conn, CATALOGUE, user="test")
    return engine
