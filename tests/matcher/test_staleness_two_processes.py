"""Worker processes sharing one database notice catalogue changes and rebuild their index."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from matcher.service import Matcher
from socialmap.database import transaction
from socialmap.models import Status
from socialmap.store import catalogue_version, create_activity, get_activity, set_status

from .catalogue import BY_ID
from .worker import serve

REQUEST = {"postcode": "9711", "dimensions": ["meedoen"], "limit": 100}
INTERVAL = 0.2


def _change_catalogue(engine: Engine) -> int:
    """Deactivate ko1 and add a new meedoen activity; returns the new catalogue version."""
    with transaction(engine) as conn:
        ko1 = get_activity(conn, "ko1")
        set_status(conn, "ko1", Status.INACTIEF, expected_version=ko1.version, user="test")
        new = BY_ID["vr1"].model_copy(update={"id": "nw1", "name": "Nieuw: samen eten"})
        create_activity(conn, new, user="test")
        return catalogue_version(conn)


@pytest.fixture
def workers(stored_engine: Engine, db_url: str) -> Iterator[list]:  # type: ignore[type-arg]
    ctx = mp.get_context("spawn")
    pipes, procs = [], []
    for _ in range(2):
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=serve, args=(db_url, theirs, INTERVAL), daemon=True)
        proc.start()
        pipes.append(ours)
        procs.append(proc)
    yield pipes
    for pipe, proc in zip(pipes, procs, strict=True):
        pipe.send(None)
        proc.join(timeout=10)


def _ask(pipe, request: dict) -> tuple[list[str], int]:  # type: ignore[no-untyped-def, type-arg]
    pipe.send(request)
    assert pipe.poll(60), "worker did not answer"
    return pipe.recv()  # type: ignore[no-any-return]


def test_two_worker_processes_see_changes(stored_engine: Engine, workers: list) -> None:  # type: ignore[type-arg]
    for pipe in workers:
        ids, _ = _ask(pipe, REQUEST)
        assert "ko1" in ids and "nw1" not in ids
    version = _change_catalogue(stored_engine)
    time.sleep(INTERVAL * 2)
    for pipe in workers:
        ids, seen = _ask(pipe, REQUEST)
        assert "ko1" not in ids and "nw1" in ids
        assert seen == version


def test_version_is_checked_at_most_every_interval(stored_engine: Engine) -> None:
    now = [0.0]
    matcher = Matcher(stored_engine, check_interval=2.0, clock=lambda: now[0])
    before = matcher.index
    _change_catalogue(stored_engine)
    now[0] = 1.0
    assert matcher.index is before
    assert "ko1" in {r.id for r in matcher.match(REQUEST).results}
    now[0] = 2.5
    assert matcher.index is not before
    assert "ko1" not in {r.id for r in matcher.match(REQUEST).results}


def test_refresh_can_be_forced(stored_engine: Engine) -> None:
    matcher = Matcher(stored_engine, check_interval=3600)
    before = matcher.index
    assert matcher.refresh(force=True) is before
    _change_catalogue(stored_engine)
    assert matcher.refresh(force=True).version == before.version + 2
