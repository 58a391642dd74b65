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


def need_scores(dim_sets_t: np.ndarray, codes: np.ndarray, needs: Needs) -> np.ndarray:
    """How well each activity's dimensions meet the greatest need it serves.

    Scored once per distinct list of dimensions (``dim_sets_t``: D x S) and spread over the
    activities by their list's code (``codes``).
    """
    out = np.zeros(dim_sets_t.shape[1], dtype=np.float32)
    for d in np.flatnonzero(needs.weights):
        np.maximum(out, dim_sets_t[d] * np.float32(needs.weights[d]), out=out)
    return out[codes]


def complaint_scores(complaint_sets_t: np.ndarray, codes: np.ndarray,
                     request: MatchRequest) -> np.ndarray:
    """Share of the requested complaint categories each activity is meant for (per distinct
    list of complaints, C x S, spread by ``codes`` as in :func:`need_scores`)."""
    ids = load_vocabulary().complaints.ids
    out = np.zeros(complaint_sets_t.shape[1], dtype=np.float32)
    for c in request.complaints:
        out += complaint_sets_t[ids.index(c)]
    return (out / max(len(request.complaints), 1))[codes]


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
