"""The ranking pipeline: hard filters -> components -> weighted sum -> re-rank -> diversity.

:func:`rank` is a pure function of the index, the request, the data files, the date and an
optional learned model: no database, no clock, no randomness.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

import numpy as np

from .config import Synonyms, Weights, load_synonyms, load_weights
from .diversity import diversify, top_pool
from .features import feature_matrix
from .filters import candidates
from .index import MatchIndex
from .request import MatchRequest, Origin, origin_of
from .scoring import (
    Needs,
    complaint_scores,
    complaint_vector,
    distance_scores,
    freshness_scores,
    need_scores,
    needs_of,
    weighted_sum,
)
from .text import expand_query, text_scores


class Scorer(Protocol):
    """A learned model that scores candidates 0..1 from :data:`matcher.features.FEATURES`."""

    share: float
    label: str

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Scores 0..1, one per feature row."""
        ...


@dataclass(frozen=True)
class Scored:
    """All candidates with their components and rule score."""

    rows: np.ndarray
    components: dict[str, np.ndarray]
    scores: np.ndarray
    dist: np.ndarray
    needs: Needs
    origin: Origin | None


@dataclass(frozen=True)
class Ranked:
    """The chosen activities in order, with everything needed to explain them."""

    rows: np.ndarray
    scores: np.ndarray
    components: dict[str, np.ndarray]
    dist: np.ndarray
    needs: Needs
    origin: Origin | None
    total: int
    model: str | None


def components_for(index: MatchIndex, rows: np.ndarray, request: MatchRequest,
                   dist: np.ndarray, needs: Needs, today: date, weights: Weights,
                   synonyms: Synonyms) -> dict[str, np.ndarray]:
    """The components that apply to this request, for the activities ``rows``."""
    comps: dict[str, np.ndarray] = {}
    if needs.any:
        comps["need"] = need_scores(index.dims[rows], needs)
    if request.complaints:
        comps["complaint"] = complaint_scores(index.complaints[rows].astype(float),
                                              complaint_vector(request))
    if request.lat is not None or request.postcode is not None:
        comps["distance"] = distance_scores(dist[rows], index.online[rows], weights.distance)
    groups = expand_query(request.query or "", synonyms, weights.text)
    if groups:
        comps["text"] = text_scores(index.text, rows, groups, weights.text)
    comps["freshness"] = freshness_scores(index.verified[rows], today, weights.freshness)
    return comps


def score(index: MatchIndex, request: MatchRequest, *, today: date,
          weights: Weights | None = None, synonyms: Synonyms | None = None) -> Scored:
    """Filter and score every candidate by the rules."""
    weights = weights or load_weights()
    synonyms = synonyms or load_synonyms()
    origin = origin_of(request)
    rows, dist = candidates(index, request, origin)
    needs = needs_of(request, weights.need)
    comps = components_for(index, rows, request, dist, needs, today, weights, synonyms)
    return Scored(rows, comps, weighted_sum(comps, weights), dist, needs, origin)


def blend(index: MatchIndex, scored: Scored, model: Scorer | None,
          weights: Weights) -> tuple[np.ndarray, str | None]:
    """Mix the model's score into the best ``rerank.pool`` rule scores (others unchanged)."""
    if model is None or model.share <= 0 or len(scored.rows) == 0:
        return scored.scores, None
    pool = top_pool(scored.scores, weights.rerank.pool)
    comps = {k: v[pool] for k, v in scored.components.items()}
    learned = model.predict(feature_matrix(index, scored.rows[pool], comps, scored.dist))
    final = scored.scores.copy()
    final[pool] = (1 - model.share) * final[pool] + model.share * learned
    return final, model.label


def rank(index: MatchIndex, request: MatchRequest, *, today: date, model: Scorer | None = None,
         weights: Weights | None = None, synonyms: Synonyms | None = None) -> Ranked:
    """The diverse, explained top ``request.limit`` for one request."""
    weights = weights or load_weights()
    scored = score(index, request, today=today, weights=weights, synonyms=synonyms)
    final, label = blend(index, scored, model, weights)
    chosen = diversify(index, scored.rows, final, request.limit, weights.diversity)
    return Ranked(
        rows=scored.rows[chosen], scores=final[chosen],
        components={k: v[chosen] for k, v in scored.components.items()},
        dist=scored.dist[scored.rows[chosen]], needs=scored.needs, origin=scored.origin,
        total=len(scored.rows), model=label,
    )
