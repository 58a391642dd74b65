"""The per-process matcher: keeps an index of the catalogue fresh and answers requests.

Several worker processes may share one database: each checks the catalogue version counter at
most every ``check_interval`` seconds and rebuilds its index when the counter moved.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from socialmap.store import catalogue_version, iter_activities

from .answer import MatchAnswer, build_answer
from .config import Weights, load_weights
from .index import MatchIndex
from .ranking import Scorer, rank
from .request import MatchRequest, parse_request

log = logging.getLogger(__name__)
DEFAULT_CHECK_INTERVAL = 2.0


def load_index(engine: Engine) -> MatchIndex:
    """Build an index of the stored catalogue (version read first: never newer than the data)."""
    with engine.connect() as conn:
        version = catalogue_version(conn)
        return MatchIndex.from_activities(iter_activities(conn), version)


class Matcher:
    """Answers match requests against the catalogue in ``engine``."""

    def __init__(self, engine: Engine, *, check_interval: float = DEFAULT_CHECK_INTERVAL,
                 model: Scorer | None = None, model_dir: Path | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], date] = date.today) -> None:
        self.engine = engine
        self.check_interval = check_interval
        self.weights: Weights = load_weights()
        self._clock = clock
        self._today = today
        self._lock = threading.Lock()
        self._index: MatchIndex | None = None
        self._checked = float("-inf")
        self.model = model if model is not None else _load_model(model_dir, self.weights)

    @property
    def index(self) -> MatchIndex:
        """The current index (fresh within ``check_interval``)."""
        return self.refresh()

    def refresh(self, force: bool = False) -> MatchIndex:
        """Check the catalogue version (if due or forced) and rebuild the index if it moved."""
        with self._lock:
            now = self._clock()
            if self._index is not None and not force and now - self._checked < self.check_interval:
                return self._index
            self._checked = now
            with self.engine.connect() as conn:
                version = catalogue_version(conn)
            if self._index is None or self._index.version != version:
                self._index = load_index(self.engine)
                log.info("match index rebuilt: %d activities, version %d",
                         len(self._index), self._index.version)
            return self._index

    def match(self, request: MatchRequest | dict[str, Any]) -> MatchAnswer:
        """Validate ``request`` (raises :class:`~matcher.errors.MatchError`) and answer it."""
        req = parse_request(request)
        index = self.refresh()
        today = self._today()
        ranked = rank(index, req, today=today, model=self.model, weights=self.weights)
        return build_answer(index, ranked, req, today, self.weights)


def _load_model(model_dir: Path | None, weights: Weights) -> Scorer | None:
    from .modelfile import load_for_matching

    return load_for_matching(model_dir, weights)
