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


#: Largest block (rows x rows x words) multiplied at once: BLAS runs blocks this small on one
#: thread; larger products of a 100-row pool start threads that cost far more than the sums.
_BLOCK = 200_000


def _shared_names(index: MatchIndex, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise counts of shared name words of ``rows``, and each row's number of words.

    Exact integer counts (in floats), from a dense 0/1 matrix over only the words that at
    least two of the rows use, multiplied in blocks.
    """
    m = index.text.names_rows
    starts = m.indptr[rows]
    lengths = m.indptr[rows + 1] - starts
    first = np.cumsum(lengths) - lengths
    pos = np.repeat(starts - first, lengths) + np.arange(int(lengths.sum()))
    used, cols = np.unique(m.indices[pos], return_inverse=True)
    n = len(rows)
    words = np.zeros((n, len(used)))
    words[np.repeat(np.arange(n), lengths), cols] = 1.0
    words = words[:, words.sum(axis=0) > 1]
    step = max(1, _BLOCK // max(n * n, 1))
    inter = np.zeros((n, n))
    for s in range(0, words.shape[1], step):
        block = words[:, s:s + step]
        inter += block @ block.T
    np.fill_diagonal(inter, lengths)
    return inter, lengths.astype(float)


def similarity(index: MatchIndex, rows: np.ndarray, params: DiversityParams) -> np.ndarray:
    """Pairwise similarity 0..1 of the activities ``rows`` (weighted mix of three parts)."""
    dims = index.dims[rows].astype(float)
    name_inter, name_sizes = _shared_names(index, rows)
    org = index.organisation[rows]
    parts = (
        params.same_dimensions * _jaccard(dims @ dims.T, dims.sum(axis=1)),
        params.same_organisation * (org[:, None] == org[None, :]),
        params.similar_name * _jaccard(name_inter, name_sizes),
    )
    total = params.same_dimensions + params.same_organisation + params.similar_name
    return sum(parts) / total if total else np.zeros((len(rows), len(rows)))  # type: ignore[return-value]


#: Up to this many activities, an index keeps the similarity of every pair (at most 2.9 MB).
SMALL_INDEX = 600


def pool_similarity(index: MatchIndex, rows: np.ndarray, params: DiversityParams) -> np.ndarray:
    """:func:`similarity` of ``rows``; read from the index's own pairwise matrix when it is small.

    Every entry depends only on its two activities (shared words of the pool's other members do
    not count), so the entries read from the whole matrix are the very numbers computed for
    the pool alone.
    """
    if len(index) > SMALL_INDEX:
        return similarity(index, rows, params)
    key = ("similarity", params.same_dimensions, params.same_organisation, params.similar_name)
    full = index.cached(key, lambda: similarity(index, np.arange(len(index)), params))
    return full[np.ix_(rows, rows)]


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
    """Positions of the ``size`` best scores, best first (ties: lower position first).

    Ties at the edge of the pool are settled the same way, so the pool does not depend on
    how ``argpartition`` happens to order equal scores.
    """
    if len(scores) > size:
        edge = -np.partition(-scores, size - 1)[size - 1]
        above = np.flatnonzero(scores > edge)
        part = np.concatenate([above, np.flatnonzero(scores == edge)[: size - len(above)]])
    else:
        part = np.arange(len(scores))
    return part[np.lexsort((part, -scores[part]))]


def diversify(index: MatchIndex, rows: np.ndarray, scores: np.ndarray, limit: int,
              params: DiversityParams) -> np.ndarray:
    """Positions (into ``rows``) of the diverse top ``limit``, in presentation order.

    ``rows``: the candidates (ascending index rows); ``scores``: theirs, aligned. The pool is
    taken among them, equal scores at its edge going to the lower row.
    """
    pool = top_pool(scores, max(params.pool, limit))
    if len(pool) == 0:
        return pool
    sim = pool_similarity(index, rows[pool], params)
    return pool[mmr_order(scores[pool], sim, limit, params.lambda_)]
