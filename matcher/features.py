"""The feature matrix of (request, activity) pairs: input of the learned re-ranker.

The order of :data:`FEATURES` is part of a stored model's identity (see :mod:`matcher.modelfile`).
"""

from __future__ import annotations

import numpy as np

from .index import MatchIndex

COMPONENT_FEATURES = ("need", "complaint", "distance", "text", "freshness")
FEATURES = (
    *COMPONENT_FEATURES,
    "free", "online", "wheelchair", "n_dimensions", "n_complaints", "cost_known", "log_cost",
    "distance_km", "n_days", "request_has_need", "request_has_complaints",
    "request_has_location", "request_has_query",
)
#: Distance used for online or unknown places, and the cap of real distances.
FAR_KM = 50.0


def feature_matrix(index: MatchIndex, rows: np.ndarray, components: dict[str, np.ndarray],
                   dist: np.ndarray) -> np.ndarray:
    """One row per activity in ``rows``; ``components`` are aligned with ``rows``, ``dist``
    covers the whole index."""
    n = len(rows)
    comps = [components[name] if name in components else np.zeros(n)
             for name in COMPONENT_FEATURES]
    cost = index.cost_eur[rows]
    d = dist[rows]
    flags = [float(name in components) for name in ("need", "complaint", "distance", "text")]
    cols = [
        *comps,
        index.free[rows], index.online[rows], index.wheelchair[rows],
        index.dims[rows].sum(axis=1), index.complaints[rows].sum(axis=1),
        ~np.isnan(cost), np.log1p(np.nan_to_num(cost)),
        np.where(np.isnan(d), FAR_KM, np.minimum(d, FAR_KM)), index.n_days[rows],
        *(np.full(n, f) for f in flags),
    ]
    return np.column_stack([np.asarray(c, dtype=float) for c in cols]) if n else np.zeros(
        (0, len(FEATURES)))
