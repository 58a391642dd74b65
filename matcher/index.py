"""The in-memory match index: feature arrays, a haversine BallTree and the text matrices.

Only active, classified activities are indexed. The index is immutable once built; a new catalogue
version means a new index (see :mod:`matcher.service`). It is built by :mod:`matcher.build`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.neighbors import BallTree

from socialmap.models import DAYS

from .text import TextIndex

#: Columns of the catalogue frame an index is built from (one row per indexed activity).
FRAME_COLUMNS = (
    "id", "name", "description", "organisation_id", "organisation", "dimensions", "complaints",
    "lat", "lon", "online", "cost_eur", "cost_label", "when", "days", "age_min", "age_max",
    "wheelchair", "last_verified", "municipality", "city",
)
#: Further columns, with the value a frame without them gets (the :class:`Activity` defaults).
OPTIONAL_COLUMNS: dict[str, Any] = {"languages": ("nl",), "signup": None}
#: Columns an index keeps as values for the answers (the others live on only as arrays).
RECORD_COLUMNS = (
    "id", "name", "organisation", "dimensions", "complaints", "cost_label", "online",
    "municipality", "when", "signup", "days", "wheelchair",
)


#: Radius lookups an index remembers, and the largest answer (points) it keeps.
RADIUS_CACHE_SIZE = 1024
RADIUS_CACHE_HITS = 2000


def day_bits(days: Iterable[str]) -> int:
    """The bit mask of the week days ``days`` (codes of :data:`socialmap.models.DAYS`)."""
    return sum(1 << DAYS.index(d) for d in set(days))


@dataclass(frozen=True)
class Column:
    """One catalogue column as codes into its table of distinct values (lists as tuples)."""

    codes: np.ndarray
    values: Sequence[Any] | np.ndarray

    def __getitem__(self, row: int) -> Any:
        return self.values[self.codes[row]]

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class MatchIndex:
    """Arrays over the indexed activities (row i of every array is activity ``ids[i]``).

    ``dim_sets_t``/``complaint_sets_t`` are 0/1 (float32) matrices of the distinct lists of
    dimensions/complaints (D x S, one column per distinct list); a row's list is its code in
    ``columns["dimensions"]``/``columns["complaints"]``. ``age_min``/``age_max`` are -inf/+inf
    where the activity sets no limit. ``tree`` is a haversine ``BallTree`` over the located
    activities that are not online, in radians; its point ``k`` is index row ``tree_rows[k]``.
    Online activities (``online_rows``) are not in it: they are always in range.
    """

    version: int
    columns: dict[str, Column]
    ids: np.ndarray
    dims: np.ndarray
    complaints: np.ndarray
    dim_sets_t: np.ndarray
    complaint_sets_t: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    online: np.ndarray
    free: np.ndarray
    cost_eur: np.ndarray
    age_min: np.ndarray
    age_max: np.ndarray
    wheelchair: np.ndarray
    verified: np.ndarray
    organisation: np.ndarray
    n_days: np.ndarray
    days: np.ndarray
    languages: dict[str, np.ndarray]
    tree: BallTree | None
    tree_rows: np.ndarray
    online_rows: np.ndarray
    text: TextIndex
    _cache: dict[Hashable, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    _radius: dict[tuple[float, float, float], tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False)

    def cached(self, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """A per-index memo for arrays that depend only on the index and ``key`` (e.g. a date)."""
        if key not in self._cache:
            if len(self._cache) > 8:
                self._cache.clear()
            self._cache[key] = compute()
        return self._cache[key]

    def within(self, lat: float, lon: float, km: float,
               lookup: Callable[[], tuple[np.ndarray, np.ndarray]],
               ) -> tuple[np.ndarray, np.ndarray]:
        """The radius lookup ``lookup()`` for (lat, lon, km), remembered when its answer is small.

        Called for PC4 centroids only (never a request's own lat/lon), with a few radii, so the
        same lookups recur; a small answer (at most :data:`RADIUS_CACHE_HITS` points) is kept,
        read-only, for at most :data:`RADIUS_CACHE_SIZE` lookups.
        """
        key = (lat, lon, km)
        found = self._radius.get(key)
        if found is None:
            found = lookup()
            if len(found[0]) <= RADIUS_CACHE_HITS:
                for part in found:
                    part.flags.writeable = False
                if len(self._radius) >= RADIUS_CACHE_SIZE:
                    self._radius.clear()
                self._radius[key] = found
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, row: int) -> dict[str, Any]:
        """The catalogue values of one row (:data:`RECORD_COLUMNS`)."""
        return {c: values[row] for c, values in self.columns.items()}

    def records(self, rows: np.ndarray) -> list[dict[str, Any]]:
        """The catalogue values of ``rows`` (:data:`RECORD_COLUMNS`), one dict per row."""
        cols = [[col.values[k] for k in col.codes[rows].tolist()] for col in self.columns.values()]
        return [dict(zip(self.columns, values, strict=True)) for values in
                zip(*cols, strict=True)]

    @classmethod
    def from_activities(cls, activities: Iterable[Any], version: int = 0) -> MatchIndex:
        """Index the active, classified activities among ``activities`` (read in chunks)."""
        from .build import activity_chunks, build_index

        return build_index(activity_chunks(activities), version)

    @classmethod
    def from_frame(cls, frame: Any, version: int = 0) -> MatchIndex:
        """Index a catalogue frame with :data:`FRAME_COLUMNS` (and any :data:`OPTIONAL_COLUMNS`)."""
        from .build import build_index, frame_chunks

        return build_index(frame_chunks(frame), version)

    @classmethod
    def from_frames(cls, frames: Iterable[Any], version: int = 0) -> MatchIndex:
        """Index a catalogue given as consecutive frames (each as for :meth:`from_frame`)."""
        from .build import build_index

        return build_index(frames, version)


__all__ = [
    "FRAME_COLUMNS", "OPTIONAL_COLUMNS", "RECORD_COLUMNS", "Column", "MatchIndex", "day_bits",
]
