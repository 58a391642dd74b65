"""A matcher worker process for the staleness test: answers requests sent over a pipe."""

from __future__ import annotations

from multiprocessing.connection import Connection

from matcher.service import Matcher
from socialmap.database import make_engine


def serve(url: str, pipe: Connection, check_interval: float) -> None:
    """Answer each request dict with (result ids, index version) until ``None`` arrives."""
    matcher = Matcher(make_engine(url), check_interval=check_interval)
    while (request := pipe.recv()) is not None:
        answer = matcher.match(request)
        pipe.send(([r.id for r in answer.results], matcher.index.version))
