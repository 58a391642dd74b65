"""The in-memory match index: feature arrays, a latitude/longitude grid and the text matrices.

Only active, classified activities are indexed. The index is immutable once built; a new catalogue
version means a new index (see :mod:`matcher.service`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from socialmap.geo import locate
from socialmap.models import DAYS, Activity
from socialmap.vocabulary import load_vocabulary

from .config import load_weights
from .grid import GeoGrid
from .text import TextIndex, build_text_index

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


def _coordinates(a: Activity) -> tuple[float, float]:
    loc = a.location
    if a.online or loc is None:
        return np.nan, np.nan
    if loc.lat is not None and loc.lon is not None:
        return loc.lat, loc.lon
    place = locate(loc.postcode) if loc.postcode else None
    return (place.lat, place.lon) if place else (np.nan, np.nan)


def _row(a: Activity) -> tuple[object, ...]:
    lat, lon = _coordinates(a)
    loc = a.location
    amount = a.cost.amount_eur
    return (
        a.id, a.name, a.description, a.organisation.id, a.organisation.name, a.dimensions,
        a.complaints, lat, lon, a.online, np.nan if amount is None else float(amount),
        a.cost.label(), a.schedule.when, a.schedule.days,
        np.nan if a.age_min is None else a.age_min, np.nan if a.age_max is None else a.age_max,
        a.wheelchair.value, a.last_verified, loc.municipality if loc else None,
        loc.city if loc else None, tuple(a.languages), _signup(a),
    )


def _signup(a: Activity) -> str | None:
    """How to sign up: the sign-up text, else the contact's phone, else e-mail."""
    return a.signup or a.contact.phone or a.contact.email or None


def activities_frame(activities: Iterable[Activity]) -> pd.DataFrame:
    """The catalogue frame of the active, classified activities among ``activities``."""
    rows = [_row(a) for a in activities if a.active and a.classified]
    return pd.DataFrame(rows, columns=[*FRAME_COLUMNS, *OPTIONAL_COLUMNS])


def _with_optional(frame: pd.DataFrame) -> pd.DataFrame:
    missing = {c: [v] * len(frame) for c, v in OPTIONAL_COLUMNS.items() if c not in frame}
    return frame.assign(**missing) if missing else frame


def _day_bits(days: pd.Series) -> np.ndarray:
    """Week days as a bit mask per row (bit i: ``DAYS[i]``; 0: no days stated)."""
    return np.array([day_bits(ds) for ds in days], dtype=np.uint8)


def day_bits(days: Iterable[str]) -> int:
    """The bit mask of the week days ``days`` (codes of :data:`socialmap.models.DAYS`)."""
    return sum(1 << DAYS.index(d) for d in set(days))


def _language_rows(languages: pd.Series) -> dict[str, np.ndarray]:
    """Per language code, which rows offer it (one boolean array per code in the catalogue)."""
    out: dict[str, np.ndarray] = {}
    for r, codes in enumerate(languages):
        for code in codes:
            out.setdefault(code, np.zeros(len(languages), dtype=bool))[r] = True
    return out


def _membership(lists: pd.Series, ids: list[str]) -> np.ndarray:
    col = {v: i for i, v in enumerate(ids)}
    out = np.zeros((len(lists), len(ids)), dtype=bool)
    for r, values in enumerate(lists):
        for v in values:
            out[r, col[v]] = True
    return out


def _ordinal(days: pd.Series) -> np.ndarray:
    return np.array([d.toordinal() if isinstance(d, date) else np.nan for d in days], dtype=float)


def _tags(frame: pd.DataFrame) -> list[str]:
    vocab = load_vocabulary()
    dim = vocab.dimensions.label
    comp = vocab.complaints.label
    return [
        " ".join([name, org, *map(dim, dims), *map(comp, comps)])
        for name, org, dims, comps in zip(frame["name"], frame["organisation"],
                                          frame["dimensions"], frame["complaints"], strict=True)
    ]


@dataclass(frozen=True)
class MatchIndex:
    """Arrays over the indexed activities (row i of every array is activity ``ids[i]``)."""

    version: int
    columns: dict[str, np.ndarray]
    ids: np.ndarray
    dims: np.ndarray
    complaints: np.ndarray
    dims_t: np.ndarray
    complaints_t: np.ndarray
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
    grid: GeoGrid
    tree_rows: np.ndarray
    online_rows: np.ndarray
    text: TextIndex
    _cache: dict[Hashable, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """A per-index memo for arrays that depend only on the index and ``key`` (e.g. a date)."""
        if key not in self._cache:
            if len(self._cache) > 8:
                self._cache.clear()
            self._cache[key] = compute()
        return self._cache[key]

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, row: int) -> dict[str, Any]:
        """The catalogue values of one row (:data:`RECORD_COLUMNS`)."""
        return {c: values[row] for c, values in self.columns.items()}

    @classmethod
    def from_activities(cls, activities: Iterable[Activity], version: int = 0) -> MatchIndex:
        """Index the active, classified activities among ``activities``."""
        return cls.from_frame(activities_frame(activities), version)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, version: int = 0) -> MatchIndex:
        """Index a catalogue frame with :data:`FRAME_COLUMNS` (and any :data:`OPTIONAL_COLUMNS`)."""
        frame = _with_optional(frame.reset_index(drop=True))
        vocab = load_vocabulary()
        lat = frame["lat"].to_numpy(dtype=float)
        lon = frame["lon"].to_numpy(dtype=float)
        online = frame["online"].to_numpy(dtype=bool)
        tree_rows = np.flatnonzero(~online & ~np.isnan(lat))
        cost = frame["cost_eur"].to_numpy(dtype=float)
        dims = _membership(frame["dimensions"], vocab.dimensions.ids)
        complaints = _membership(frame["complaints"], vocab.complaints.ids)
        text = build_text_index(_tags(frame), frame["description"].tolist(),
                                load_weights().text.prefix_min_chars)
        return cls(
            version=version,
            columns={c: frame[c].to_numpy(dtype=object) for c in RECORD_COLUMNS},
            ids=frame["id"].to_numpy(dtype=object),
            dims=dims, complaints=complaints,
            dims_t=np.ascontiguousarray(dims.T, dtype=np.float32),
            complaints_t=np.ascontiguousarray(complaints.T, dtype=np.float32),
            lat=lat, lon=lon, online=online, free=cost == 0, cost_eur=cost,
            age_min=frame["age_min"].to_numpy(dtype=float),
            age_max=frame["age_max"].to_numpy(dtype=float),
            wheelchair=(frame["wheelchair"] == "ja").to_numpy(),
            verified=_ordinal(frame["last_verified"]),
            organisation=pd.factorize(frame["organisation_id"])[0],
            n_days=frame["days"].map(len).to_numpy(dtype=int),
            days=_day_bits(frame["days"]), languages=_language_rows(frame["languages"]),
            grid=GeoGrid.build(tree_rows, lat[tree_rows], lon[tree_rows]),
            tree_rows=tree_rows, online_rows=np.flatnonzero(online), text=text,
        )


__all__ = [
    "FRAME_COLUMNS", "OPTIONAL_COLUMNS", "RECORD_COLUMNS", "MatchIndex", "activities_frame",
    "day_bits",
]
