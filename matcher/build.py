"""Building a :class:`~matcher.index.MatchIndex` from the catalogue, one chunk of rows at a time.

The catalogue is read as consecutive frames (:data:`~matcher.index.FRAME_COLUMNS`), e.g. from
:func:`socialmap.store.iter_activities` in batches: a serving process never holds the whole
catalogue as Python objects, only each chunk while it is turned into arrays. Repeated values
(organisations, labels, schedules, lists of dimensions ...) are kept once per distinct value.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any

import numpy as np
import pandas as pd
from sklearn.neighbors import BallTree

from socialmap.geo import locate
from socialmap.models import Activity
from socialmap.vocabulary import load_vocabulary

from .codes import encode
from .config import load_weights
from .index import FRAME_COLUMNS, OPTIONAL_COLUMNS, RECORD_COLUMNS, Column, MatchIndex, day_bits
from .text import TextBuilder

#: Rows per chunk when an index is built from activities or from one large frame.
CHUNK_ROWS = 5000
#: BallTree leaf size (points per leaf), chosen by measuring radius queries on 100,000 points.
LEAF_SIZE = 20
#: Columns kept as arrays of numbers (NaN: unknown).
_NUMBERS = ("lat", "lon", "cost_eur", "age_min", "age_max")
#: Columns of lists, kept as codes into a table of distinct tuples.
_LISTS = ("dimensions", "complaints", "days", "languages")


def _coordinates(a: Activity) -> tuple[float, float]:
    loc = a.location
    if a.online or loc is None:
        return np.nan, np.nan
    if loc.lat is not None and loc.lon is not None:
        return loc.lat, loc.lon
    place = locate(loc.postcode) if loc.postcode else None
    return (place.lat, place.lon) if place else (np.nan, np.nan)


def _signup(a: Activity) -> str | None:
    """How to sign up: the sign-up text, else the contact's phone, else e-mail."""
    return a.signup or a.contact.phone or a.contact.email or None


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


def activities_frame(activities: Iterable[Activity]) -> pd.DataFrame:
    """The catalogue frame of the active, classified activities among ``activities``."""
    rows = [_row(a) for a in activities if a.active and a.classified]
    return pd.DataFrame(rows, columns=[*FRAME_COLUMNS, *OPTIONAL_COLUMNS])


def activity_chunks(activities: Iterable[Activity],
                    size: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """Catalogue frames of at most ``size`` activities each (only active, classified ones)."""
    it = iter(activities)
    while chunk := list(islice(it, size)):
        yield activities_frame(chunk)


def frame_chunks(frame: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """Consecutive slices of ``frame`` with at most ``size`` rows."""
    for start in range(0, max(len(frame), 1), size):
        yield frame.iloc[start:start + size]


class _Codes:
    """Distinct values in order of first appearance, and each row's code into them."""

    def __init__(self) -> None:
        self.table: dict[Hashable, int] = {}
        self.parts: list[np.ndarray] = []

    def add(self, values: Iterable[Hashable], n: int) -> None:
        self.parts.append(encode(values, n, self.table))

    def codes(self) -> np.ndarray:
        return np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int32)

    def values(self) -> tuple[Any, ...]:
        return tuple(self.table)


def _ordinal(days: Iterable[object]) -> list[float]:
    return [d.toordinal() if isinstance(d, date) else np.nan for d in days]


class _Chunks:
    """What the chunks add up to: arrays of numbers, coded columns and the text builder."""

    def __init__(self) -> None:
        self.numbers: dict[str, list[np.ndarray]] = {c: [] for c in (*_NUMBERS, "verified")}
        self.online: list[np.ndarray] = []
        coded = dict.fromkeys([*RECORD_COLUMNS, *_LISTS, "organisation_id"])
        self.codes = {c: _Codes() for c in coded if c != "id"}
        self.ids: list[np.ndarray] = []
        self.text = TextBuilder()
        self._labels = (load_vocabulary().dimensions.label, load_vocabulary().complaints.label)

    def add(self, frame: pd.DataFrame) -> None:
        """Take in one chunk. Arrays are copied: a view would keep the chunk's block alive."""
        missing = {c: [v] * len(frame) for c, v in OPTIONAL_COLUMNS.items() if c not in frame}
        frame = frame.assign(**missing) if missing else frame
        n = len(frame)
        for c in _NUMBERS:
            self.numbers[c].append(frame[c].to_numpy(dtype=float, copy=True))
        self.numbers["verified"].append(np.array(_ordinal(frame["last_verified"]), dtype=float))
        self.online.append(frame["online"].to_numpy(dtype=bool, copy=True))
        self.ids.append(frame["id"].to_numpy(dtype=object, copy=True))
        for c, codes in self.codes.items():
            values = frame[c]
            codes.add(map(tuple, values) if c in _LISTS else values, n)
        self.text.add(self._tags(frame), frame["description"])

    def _tags(self, frame: pd.DataFrame) -> Iterator[str]:
        dim, comp = self._labels
        for name, org, dims, comps in zip(frame["name"], frame["organisation"],
                                          frame["dimensions"], frame["complaints"], strict=True):
            yield " ".join([name, org, *map(dim, dims), *map(comp, comps)])


def _membership(values: tuple[tuple[str, ...], ...], ids: list[str]) -> np.ndarray:
    """Distinct-list-by-id 0/1 matrix (one row per distinct list; rows spread it by code)."""
    col = {v: i for i, v in enumerate(ids)}
    table = np.zeros((len(values), len(ids)), dtype=bool)
    for r, listed in enumerate(values):
        table[r, [col[v] for v in listed]] = True
    return table


def _language_rows(values: tuple[tuple[str, ...], ...], codes: np.ndarray) -> dict[str, np.ndarray]:
    """Per language code, which rows offer it (one boolean array per code in the catalogue)."""
    out: dict[str, np.ndarray] = {}
    for code in dict.fromkeys(c for listed in values for c in listed):
        offered = np.array([code in listed for listed in values], dtype=bool)
        out[code] = offered[codes]
    return out


def ball_tree(lat: np.ndarray, lon: np.ndarray) -> BallTree | None:
    """A haversine BallTree over points in degrees (stored in radians); None without points."""
    if len(lat) == 0:
        return None
    coords = np.radians(np.column_stack([lat, lon]))
    return BallTree(coords, leaf_size=LEAF_SIZE, metric="haversine")


def _column(codes: _Codes) -> Column:
    values = codes.values()
    small = np.int16 if len(values) < 2**15 else np.int32
    return Column(codes.codes().astype(small), values)


def _read(frames: Iterable[pd.DataFrame]) -> _Chunks:
    acc = _Chunks()
    for frame in frames:
        acc.add(frame)
    return acc


def build_index(frames: Iterable[pd.DataFrame], version: int = 0) -> MatchIndex:
    """Index the catalogue given as consecutive frames (each dropped once it is read)."""
    acc = _read(frames)
    vocab = load_vocabulary()
    num = {c: np.concatenate(parts) if parts else np.zeros(0) for c, parts in acc.numbers.items()}
    online = np.concatenate(acc.online) if acc.online else np.zeros(0, dtype=bool)
    lists = {c: (acc.codes[c].values(), acc.codes[c].codes()) for c in _LISTS}
    dim_sets = _membership(lists["dimensions"][0], vocab.dimensions.ids)
    complaint_sets = _membership(lists["complaints"][0], vocab.complaints.ids)
    day_values, day_codes = lists["days"]
    tree_rows = np.flatnonzero(~online & ~np.isnan(num["lat"]))
    columns = {c: _column(acc.codes[c]) for c in RECORD_COLUMNS if c != "id"}
    ids = np.concatenate(acc.ids) if acc.ids else np.zeros(0, dtype=object)
    return MatchIndex(
        version=version,
        columns={"id": Column(np.arange(len(ids), dtype=np.int32), ids), **columns},
        ids=ids, dims=dim_sets[lists["dimensions"][1]],
        complaints=complaint_sets[lists["complaints"][1]],
        dim_sets_t=np.ascontiguousarray(dim_sets.T, dtype=np.float32),
        complaint_sets_t=np.ascontiguousarray(complaint_sets.T, dtype=np.float32),
        lat=num["lat"], lon=num["lon"], online=online, free=num["cost_eur"] == 0,
        cost_eur=num["cost_eur"], age_min=_limit(num["age_min"], -np.inf),
        age_max=_limit(num["age_max"], np.inf),
        wheelchair=columns["wheelchair"].codes == _code(columns["wheelchair"], "ja"),
        verified=num["verified"], organisation=acc.codes["organisation_id"].codes(),
        n_days=np.array([len(v) for v in day_values], dtype=np.int8)[day_codes],
        days=np.array([day_bits(v) for v in day_values], dtype=np.uint8)[day_codes],
        languages=_language_rows(*lists["languages"]),
        tree=ball_tree(num["lat"][tree_rows], num["lon"][tree_rows]),
        tree_rows=tree_rows, online_rows=np.flatnonzero(online),
        text=acc.text.build(load_weights().text.prefix_min_chars),
    )


def _limit(ages: np.ndarray, none: float) -> np.ndarray:
    """Age limits as float32 (whole years are exact), ``none`` where there is no limit."""
    return np.where(np.isnan(ages), none, ages).astype(np.float32)


def _code(column: Column, value: object) -> int:
    """The code of ``value`` in ``column`` (-1 when no row has it)."""
    values = list(column.values)
    return values.index(value) if value in values else -1


__all__ = [
    "CHUNK_ROWS", "LEAF_SIZE", "activities_frame", "activity_chunks", "ball_tree", "build_index",
    "frame_chunks",
]
