"""Score components (each 0..1) and their weighted sum. Pure, vectorised over candidate rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from socialmap.vocabulary import load_vocabulary

from .config import DistanceParams, FreshnessParams, NeedParams, Weights
from .request import MatchRequest

DAYS_PER_MONTH = 30.44


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


def need_scores(dims_t: np.ndarray, needs: Needs) -> np.ndarray:
    """How well each activity's dimensions meet the greatest need it serves (dims_t: D x n)."""
    out = np.zeros(dims_t.shape[1], dtype=np.float32)
    for d in np.flatnonzero(needs.weights):
        np.maximum(out, dims_t[d] * np.float32(needs.weights[d]), out=out)
    return out


def complaint_scores(complaints_t: np.ndarray, request: MatchRequest) -> np.ndarray:
    """Share of the requested complaint categories the activity is meant for (C x n input)."""
    ids = load_vocabulary().complaints.ids
    out = np.zeros(complaints_t.shape[1], dtype=np.float32)
    for c in request.complaints:
        out += complaints_t[ids.index(c)]
    return out / max(len(request.complaints), 1)


def distance_scores(dist: np.ndarray, online: np.ndarray, params: DistanceParams,
                    measured: np.ndarray | None = None) -> np.ndarray:
    """Halves every ``half_score_km``; online activities get a fixed score, unknown 0.

    ``measured``: the rows with a distance, when the caller knows them (else found by scanning).
    """
    score = np.where(online, np.float32(params.online_score), np.float32(0.0))
    known = np.flatnonzero(~np.isnan(dist)) if measured is None else measured
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
    return sum(weights.weight(k) * v for k, v in components.items()) / total  # type: ignore[return-value]
