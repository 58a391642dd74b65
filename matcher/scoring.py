"""Score components (each 0..1) and their weighted sum. Pure, vectorised over candidate rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from socialmap.vocabulary import load_vocabulary

from .config import DistanceParams, FreshnessParams, NeedParams, Weights
from .request import MatchRequest

DAYS_PER_MONTH = 30.44
#: Which index rows to score: their numbers, or ``slice(None)`` for all (no copies needed).
Rows = np.ndarray | slice


@dataclass(frozen=True)
class Needs:
    """The dimensions the person needs most, with a weight each (1 = the greatest need)."""

    dimensions: tuple[str, ...]
    weights: np.ndarray
    source: str  # "dimensions", "spinnenweb" or "none"

    @property
    def any(self) -> bool:
        """Whether the request states any need."""
        return bool(self.dimensions)


def needs_of(request: MatchRequest, params: NeedParams) -> Needs:
    """Needs from the requested dimensions, else from the lowest spinnenweb scores."""
    ids = load_vocabulary().dimensions.ids
    weights = np.zeros(len(ids))
    if request.dimensions:
        for d in request.dimensions:
            weights[ids.index(d)] = 1.0
        return Needs(tuple(request.dimensions), weights, "dimensions")
    web = {d: s for d, s in request.spinnenweb.items() if s <= params.spinnenweb_max_need_score}
    lowest = sorted(web, key=lambda d: (web[d], ids.index(d)))[: params.spinnenweb_top]
    if not lowest:
        return Needs((), weights, "none")
    worst = 10 - web[lowest[0]]
    for d in lowest:
        weights[ids.index(d)] = (10 - web[d]) / worst if worst > 0 else 1.0
    return Needs(tuple(lowest), weights, "spinnenweb")


def need_scores(dims_t: np.ndarray, needs: Needs, rows: Rows) -> np.ndarray:
    """How well the dimensions of ``rows`` meet the greatest need each serves (dims_t: D x n)."""
    out = np.zeros(dims_t[0][rows].shape, dtype=np.float32)
    for d in np.flatnonzero(needs.weights):
        np.maximum(out, dims_t[d][rows] * np.float32(needs.weights[d]), out=out)
    return out


def complaint_scores(complaints_t: np.ndarray, request: MatchRequest,
                     rows: Rows) -> np.ndarray:
    """Share of the requested complaint categories each of ``rows`` is meant for (C x n input)."""
    ids = load_vocabulary().complaints.ids
    out = np.zeros(complaints_t[0][rows].shape, dtype=np.float32)
    for c in request.complaints:
        out += complaints_t[ids.index(c)][rows]
    return out / max(len(request.complaints), 1)


def distance_scores(dist: np.ndarray, online: np.ndarray, params: DistanceParams) -> np.ndarray:
    """Halves every ``half_score_km``; online activities get a fixed score, unknown 0."""
    score = np.where(online, np.float32(params.online_score), np.float32(0.0))
    known = ~np.isnan(dist)
    score[known] = np.exp2(-dist[known] / params.half_score_km)
    return score


def freshness_scores(verified: np.ndarray, today: date, params: FreshnessParams) -> np.ndarray:
    """1 when verified recently, falling linearly to 0 at ``stale_months``."""
    months = (today.toordinal() - verified) / DAYS_PER_MONTH
    span = max(params.stale_months - params.fresh_months, 1e-9)
    score = np.clip(1 - (months - params.fresh_months) / span, 0.0, 1.0)
    return np.where(np.isnan(verified), params.unknown_score, score).astype(np.float32)


def weighted_sum(components: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    """Weighted mean of the components that apply (weights renormalised over them)."""
    total = sum(weights.weight(k) for k in components)
    if total <= 0:
        return np.zeros(len(next(iter(components.values()))))
    items = iter(components.items())
    first, values = next(items)
    out: np.ndarray = weights.weight(first) * values
    for k, v in items:  # the sum's own order and types, in place where the type allows
        term = weights.weight(k) * v
        if np.result_type(out, term) == out.dtype:
            out += term
        else:
            out = out + term
    out /= total
    return out
