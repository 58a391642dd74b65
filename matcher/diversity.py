"""Diversity: maximal marginal relevance over dimensions, organisations and names.

Without it a walking-group town gives ten near-identical walking groups; with it, the top list
covers the person's other needs and providers too.
"""

from __future__ import annotations

import numpy as np

from .config import DiversityParams
from .index import MatchIndex


def _jaccard(inter: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    union = sizes[:, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter, dtype=float), where=union > 0)


def similarity(index: MatchIndex, rows: np.ndarray, params: DiversityParams) -> np.ndarray:
    """Pairwise similarity 0..1 of the activities ``rows`` (weighted mix of three parts)."""
    dims = index.dims[rows].astype(float)
    names = index.text.names_rows[rows]
    name_inter = (names @ names.T).toarray()
    org = index.organisation[rows]
    parts = (
        params.same_dimensions * _jaccard(dims @ dims.T, dims.sum(axis=1)),
        params.same_organisation * (org[:, None] == org[None, :]),
        params.similar_name * _jaccard(name_inter, np.asarray(names.sum(axis=1)).ravel()),
    )
    total = params.same_dimensions + params.same_organisation + params.similar_name
    return sum(parts) / total if total else np.zeros((len(rows), len(rows)))  # type: ignore[return-value]


def mmr_order(scores: np.ndarray, sim: np.ndarray, limit: int, lam: float) -> list[int]:
    """Greedy MMR: positions (into ``scores``) of the ``limit`` chosen items, in order."""
    n = len(scores)
    chosen: list[int] = []
    max_sim = np.zeros(n)
    free = np.ones(n, dtype=bool)
    for _ in range(min(limit, n)):
        gain = np.where(free, lam * scores - (1 - lam) * max_sim, -np.inf)
        j = int(np.argmax(gain))
        chosen.append(j)
        free[j] = False
        max_sim = np.maximum(max_sim, sim[j])
    return chosen


def top_pool(scores: np.ndarray, size: int) -> np.ndarray:
    """Positions of the ``size`` best scores, best first (ties: lower position first)."""
    if len(scores) > size:
        part = np.argpartition(-scores, size - 1)[:size]
    else:
        part = np.arange(len(scores))
    return part[np.lexsort((part, -scores[part]))]


def diversify(index: MatchIndex, scores: np.ndarray, limit: int,
              params: DiversityParams) -> np.ndarray:
    """Rows of the diverse top ``limit`` in presentation order (``-inf`` scores: not eligible)."""
    pool = top_pool(scores, max(params.pool, limit))
    pool = pool[np.isfinite(scores[pool])]
    if len(pool) == 0:
        return pool
    sim = similarity(index, pool, params)
    return pool[mmr_order(scores[pool], sim, limit, params.lambda_)]
