"""Hard filters: the contract's limits that an activity must meet to be returned at all.

Every function is pure and vectorised over the whole index; together they give the candidates.
"""

from __future__ import annotations

import numpy as np
from sklearn import config_context
from sklearn.neighbors import BallTree

from socialmap.geo import EARTH_RADIUS_KM

from .index import MatchIndex, day_bits
from .request import MatchRequest, Origin


def age_mask(index: MatchIndex, age: int | None) -> np.ndarray:
    """Activities whose own age range admits ``age`` (no range: everyone)."""
    if age is None:
        return np.ones(len(index), dtype=bool)
    mask = index.age_min <= age  # no lower limit: -inf
    mask &= index.age_max >= age  # no upper limit: +inf
    return mask


def day_mask(index: MatchIndex, days: list[str]) -> np.ndarray:
    """Activities on at least one of ``days`` (none asked: all); no days stated: kept."""
    if not days:
        return np.ones(len(index), dtype=bool)
    return (index.days == 0) | ((index.days & day_bits(days)) != 0)


def language_mask(index: MatchIndex, languages: list[str]) -> np.ndarray:
    """Activities offering at least one of ``languages`` (none asked: all)."""
    mask = np.zeros(len(index), dtype=bool) if languages else np.ones(len(index), dtype=bool)
    for code in languages:
        found = index.languages.get(code)
        if found is not None:
            mask |= found
    return mask


def limits_mask(index: MatchIndex, request: MatchRequest) -> np.ndarray:
    """All limits that need no distance: age, free_only, wheelchair, online_ok, days, languages."""
    mask = age_mask(index, request.age) & day_mask(index, request.days)
    mask &= language_mask(index, request.languages)
    if request.free_only:
        mask &= index.free
    if request.wheelchair:
        mask &= index.wheelchair
    if not request.online_ok:
        mask &= ~index.online
    return mask


def haversine_np(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances in km from one point to many (NaN stays NaN)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def within_km(tree: BallTree | None, rows: np.ndarray, lat: float, lon: float,
              km: float) -> tuple[np.ndarray, np.ndarray]:
    """``rows[k]`` of the tree's points ``k`` within ``km`` of (lat, lon), and their distances.

    ``tree`` is a haversine ``BallTree`` over (lat, lon) in radians. It finds the points; their
    distances are then measured with numpy (asking the tree for them costs twice the time, as
    it then measures every point of the balls that lie wholly inside the radius too). The query
    point is a validated location (finite), so scikit-learn's finiteness check of it is skipped;
    it is passed as the float64 C-contiguous array the tree would convert it to anyway.
    """
    if tree is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    point = np.radians(np.array([[lat, lon]], dtype=np.float64))
    with config_context(assume_finite=True):
        hits = tree.query_radius(point, r=km / EARTH_RADIUS_KM)[0]
    found = np.asarray(tree.data)[hits]
    p1, l1 = point[0]
    a = (np.sin((found[:, 0] - p1) / 2) ** 2
         + np.cos(p1) * np.cos(found[:, 0]) * np.sin((found[:, 1] - l1) / 2) ** 2)
    return rows[hits], 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _radius(index: MatchIndex, origin: Origin, km: float) -> tuple[np.ndarray, np.ndarray]:
    """Rows of located activities within ``km`` (BallTree, haversine) and their distances.

    Only lookups from a PC4 centroid are remembered: a request's own lat/lon may be a home
    address, and nothing of a person's location is kept between requests.
    """
    def lookup() -> tuple[np.ndarray, np.ndarray]:
        return within_km(index.tree, index.tree_rows, origin.lat, origin.lon, km)

    if origin.pc4 is None:
        return lookup()
    return index.within(origin.lat, origin.lon, km, lookup)


def distances_km(index: MatchIndex, origin: Origin | None, max_km: float | None,
                 horizon_km: float) -> tuple[np.ndarray, np.ndarray]:
    """Distances (NaN: online, unlocated, or beyond ``max_km``/``horizon_km``) and in-range mask.

    Only the BallTree's radius hits are measured. With ``max_km`` that radius is the hard limit;
    without it, ``horizon_km`` bounds the lookup and everything is in range. Online activities
    are always in range (whether they may be shown is :func:`limits_mask`'s business).
    """
    n = len(index)
    dist = np.full(n, np.nan)
    if origin is None:
        return dist, np.ones(n, dtype=bool)
    rows, km = _radius(index, origin, horizon_km if max_km is None else max_km)
    dist[rows] = km
    if max_km is None:
        return dist, np.ones(n, dtype=bool)
    within = index.online.copy()
    within[rows] = km <= max_km
    return dist, within


def fill_distances(index: MatchIndex, origin: Origin | None, rows: np.ndarray,
                   dist: np.ndarray) -> np.ndarray:
    """Distances of ``rows``, measuring the located ones the radius lookup left out."""
    out = dist[rows].copy()
    if origin is None:
        return out
    missing = np.isnan(out) & ~index.online[rows] & ~np.isnan(index.lat[rows])
    r = rows[missing]
    out[missing] = haversine_np(origin.lat, origin.lon, index.lat[r], index.lon[r])
    return out


def candidate_mask(index: MatchIndex, request: MatchRequest, origin: Origin | None,
                   horizon_km: float) -> tuple[np.ndarray, np.ndarray]:
    """Which activities pass every hard limit, and the distances measured on the way (see
    :func:`distances_km`)."""
    dist, within = distances_km(index, origin, request.max_km, horizon_km)
    within &= limits_mask(index, request)
    return within, dist
