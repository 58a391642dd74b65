"""The learned re-ranker: a scikit-learn estimator on :data:`matcher.features.FEATURES`.

It predicts the gain of proposing an activity (0 = not taken up, 0.5 = taken up, 1 = still
attending after three months) and is blended with the rule score.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.utils.validation import check_is_fitted, validate_data

MAX_GAIN = 2.0


class OutcomeReRanker(RegressorMixin, BaseEstimator):
    """Gradient-boosted trees predicting the outcome gain 0..1 of a proposal."""

    def __init__(self, max_iter: int = 200, learning_rate: float = 0.05,
                 max_leaf_nodes: int = 15, min_samples_leaf: int = 20,
                 random_state: int | None = None) -> None:
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: np.ndarray) -> OutcomeReRanker:  # noqa: N803
        """Fit on features ``X`` and gains ``y`` (0, 1 or 2 per proposal)."""
        X, y = validate_data(self, X, y)  # noqa: N806
        self.model_ = HistGradientBoostingRegressor(
            max_iter=self.max_iter, learning_rate=self.learning_rate,
            max_leaf_nodes=self.max_leaf_nodes, min_samples_leaf=self.min_samples_leaf,
            early_stopping=False, random_state=self.random_state,
        ).fit(X, np.asarray(y, dtype=float) / MAX_GAIN)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """Predicted gain 0..1 per row."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)  # noqa: N806
        return np.clip(self.model_.predict(X), 0.0, 1.0)


def dcg(gains: np.ndarray) -> float:
    """Discounted cumulative gain of gains in ranked order."""
    return float(np.sum((2.0 ** gains - 1) / np.log2(np.arange(2, len(gains) + 2))))


def ndcg_at(k: int, gains: np.ndarray, scores: np.ndarray) -> float | None:
    """NDCG@k of one query (ties by position); None when no item has any gain."""
    ideal = dcg(np.sort(gains)[::-1][:k])
    if ideal == 0:
        return None
    order = np.lexsort((np.arange(len(scores)), -scores))[:k]
    return dcg(gains[order]) / ideal


def mean_ndcg(k: int, groups: np.ndarray, gains: np.ndarray, scores: np.ndarray) -> float:
    """Mean NDCG@k over the queries in ``groups`` that have any gain."""
    values = []
    for g in np.unique(groups):
        m = groups == g
        v = ndcg_at(k, gains[m], scores[m])
        if v is not None:
            values.append(v)
    return float(np.mean(values)) if values else 0.0
