"""Parts of the index and pipeline that must equal their plain counterparts exactly."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from matcher.diversity import top_pool
from matcher.filters import haversine_np
from matcher.grid import GeoGrid
from matcher.text import _tfidf


@pytest.mark.parametrize(
    ("lat", "lon", "km"),
    [(52.1, 5.1, 0.5), (52.1, 5.1, 25.0), (53.4, 6.9, 80.0), (0.0, 179.95, 40.0),
     (89.9, 10.0, 30.0), (-33.9, -179.9, 15.0), (52.1, 5.1, 3000.0)],
)
def test_grid_finds_exactly_the_points_within_the_radius(lat: float, lon: float,
                                                         km: float) -> None:
    rng = np.random.default_rng(7)
    lats = np.concatenate([rng.uniform(-90, 90, 3000), lat + rng.normal(0, 0.5, 3000)])
    lons = np.concatenate([rng.uniform(-180, 180, 3000), lon + rng.normal(0, 0.5, 3000)])
    lats, lons = np.clip(lats, -90, 90), (lons + 180) % 360 - 180
    rows = np.arange(len(lats)) * 3
    grid = GeoGrid.build(rows, lats, lons)
    found, dist = grid.within(lat, lon, km)
    brute = haversine_np(lat, lon, lats, lons)
    assert sorted(found.tolist()) == sorted(rows[brute <= km].tolist())
    np.testing.assert_allclose(dist, brute[found // 3], rtol=1e-12, atol=1e-9)


def test_top_pool_breaks_ties_at_the_edge_by_position() -> None:
    scores = np.array([0.5, 0.9, 0.5, 0.5, -np.inf, 0.5, 0.9, 0.5])
    assert top_pool(scores, 4).tolist() == [1, 6, 0, 2]
    assert top_pool(scores, 20).tolist() == [1, 6, 0, 2, 3, 5, 7, 4]


def test_tfidf_is_scikit_learns() -> None:
    rng = np.random.default_rng(3)
    dense = rng.integers(1, 5, (300, 50)) * (rng.random((300, 50)) < 0.2)
    dense[5] = 0  # an empty row
    counts = sparse.csr_matrix(dense.astype(float))
    expected = sparse.csr_matrix(TfidfTransformer(sublinear_tf=True).fit_transform(counts))
    got = _tfidf(counts.copy())
    assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
    assert (got.data == expected.data).all()
