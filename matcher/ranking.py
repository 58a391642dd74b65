"""The ranking pipeline: hard filters -> components -> weighted sum -> re-rank -> diversity.

:func:`rank` is a pure function of the index, the request, the data files, the date and an
optional learned model: no database, no clock, no randomness. The hard limits are masks over
the whole index; components, scores, re-rank and diversity then work on the candidates' rows
only (arrays aligned with ``Scored.rows``), so an activity that fails a hard limit has no score
and can never be chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

import numpy as np

from .config import Synonyms, Weights, load_synonyms, load_weights
from .diversity import diversify, top_pool
from .features import feature_matrix
from .filters import candidate_mask, fill_distances
from .index import MatchIndex
from .request import MatchRequest, Origin, origin_of
from .scoring import (
    Needs,
    Rows,
    complaint_scores,
    distance_scores,
    freshness_scores,
    need_scores,
    needs_of,
    weighted_sum,
)
from .text import expand_query, text_scores

#: Above this share of the index as candidates, components are computed for every row (a few
#: cheap operations over all rows cost less than first picking the candidates' values).
WHOLE_INDEX_SHARE = 0.5


class Scorer(Protocol):
    """A learned model that scores candidates 0..1 from :data:`matcher.features.FEATURES`."""

    share: float
    label: str

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Scores 0..1, one per feature row."""
        ...


@dataclass(frozen=True)
class Scored:
    """The candidates (index rows passing every hard limit), their rule scores and parts.

    ``scores`` are aligned with ``rows``; ``dist`` covers the whole index. ``components`` are
    aligned with ``rows`` too, or, when ``whole`` (most of the index are candidates, and
    scoring every row costs less than picking the candidates' values first), cover the whole
    index: read them with :meth:`parts`.
    """

    rows: np.ndarray
    components: dict[str, np.ndarray]
    scores: np.ndarray
    dist: np.ndarray
    needs: Needs
    origin: Origin | None
    whole: bool = False

    def parts(self, positions: np.ndarray) -> dict[str, np.ndarray]:
        """The components of the candidates at ``positions`` (into ``rows``)."""
        at = self.rows[positions] if self.whole else positions
        return {k: v[at] for k, v in self.components.items()}


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


def components_for(index: MatchIndex, request: MatchRequest, dist: np.ndarray, needs: Needs,
                   today: date, weights: Weights, synonyms: Synonyms,
                   rows: Rows) -> dict[str, np.ndarray]:
    """The components that apply to this request, for the activities ``rows`` (aligned)."""
    comps: dict[str, np.ndarray] = {}
    if needs.any:
        comps["need"] = need_scores(index.dim_sets_t, index.columns["dimensions"].codes[rows],
                                    needs)
    if request.complaints:
        comps["complaint"] = complaint_scores(
            index.complaint_sets_t, index.columns["complaints"].codes[rows], request)
    if request.lat is not None or request.postcode is not None:
        comps["distance"] = distance_scores(dist[rows], index.online[rows], weights.distance)
    groups = expand_query(request.query or "", synonyms, weights.text)
    if groups:  # over the whole index: descriptions are scaled to the best match anywhere
        comps["text"] = text_scores(index.text, groups, weights.text)[rows]
    comps["freshness"] = index.cached(("freshness", today), lambda: freshness_scores(
        index.verified, today, weights.freshness))[rows]
    return comps


def score(index: MatchIndex, request: MatchRequest, *, today: date,
          weights: Weights | None = None, synonyms: Synonyms | None = None) -> Scored:
    """Filter by the hard limits, then score the candidates by the rules."""
    weights = weights or load_weights()
    origin = origin_of(request)
    mask, dist = candidate_mask(index, request, origin, weights.distance.horizon_km)
    rows = np.flatnonzero(mask)
    needs = needs_of(request, weights.need)
    whole = len(rows) > WHOLE_INDEX_SHARE * len(index)
    comps = components_for(index, request, dist, needs, today, weights,
                           synonyms or load_synonyms(), slice(None) if whole else rows)
    scores = weighted_sum(comps, weights)
    if whole and len(rows) < len(index):
        scores = scores[rows]
    return Scored(rows, comps, scores, dist, needs, origin, whole)


def blend(index: MatchIndex, scored: Scored, model: Scorer | None,
          weights: Weights) -> tuple[np.ndarray, str | None]:
    """Mix the model's score into the best ``rerank.pool`` rule scores (others unchanged)."""
    if model is None or model.share <= 0 or len(scored.rows) == 0:
        return scored.scores, None
    pool = top_pool(scored.scores, weights.rerank.pool)
    learned = model.predict(feature_matrix(
        index, scored.rows[pool], scored.parts(pool), scored.dist))
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
    rows = scored.rows[chosen]
    return Ranked(
        rows=rows, scores=final[chosen],
        components={k: np.asarray(v, dtype=float) for k, v in scored.parts(chosen).items()},
        dist=fill_distances(index, scored.origin, rows, scored.dist), needs=scored.needs,
        origin=scored.origin, total=len(scored.rows), model=label,
    )
