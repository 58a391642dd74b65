"""Parts of the index and pipeline that must equal their plain counterparts exactly."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from matcher.build import activity_chunks, ball_tree, build_index
from matcher.codes import encode
from matcher.config import load_weights
from matcher.diversity import pool_similarity, similarity, top_pool
from matcher.filters import haversine_np, within_km
from matcher.index import RADIUS_CACHE_HITS, Column
from matcher.text import _tfidf

from .catalogue import CATALOGUE
from .conftest import answer


@pytest.mark.parametrize(
    ("lat", "lon", "km"),
    [(52.1, 5.1, 0.5), (52.1, 5.1, 25.0), (53.4, 6.9, 80.0), (0.0, 179.95, 40.0),
     (89.9, 10.0, 30.0), (-33.9, -179.9, 15.0), (52.1, 5.1, 3000.0)],
)
def test_ball_tree_finds_exactly_the_points_within_the_radius(lat: float, lon: float,
                                                              km: float) -> None:
    rng = np.random.default_rng(7)
    lats = np.concatenate([rng.uniform(-90, 90, 3000), lat + rng.normal(0, 0.5, 3000)])
    lons = np.concatenate([rng.uniform(-180, 180, 3000), lon + rng.normal(0, 0.5, 3000)])
    lats, lons = np.clip(lats, -90, 90), (lons + 180) % 360 - 180
    rows = np.arange(len(lats)) * 3
    found, dist = within_km(ball_tree(lats, lons), rows, lat, lon, km)
    brute = haversine_np(lat, lon, lats, lons)
    assert sorted(found.tolist()) == sorted(rows[brute <= km].tolist())
    np.testing.assert_allclose(dist, brute[found // 3], rtol=1e-12, atol=1e-9)


def test_ball_tree_lookup_without_points() -> None:
    found, dist = within_km(ball_tree(np.zeros(0), np.zeros(0)), np.zeros(0, dtype=int),
                            52.1, 5.1, 10.0)
    assert len(found) == 0 and len(dist) == 0


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


def _same(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if sparse.issparse(a):
        return all(np.array_equal(getattr(a, k), getattr(b, k))
                   for k in ("data", "indices", "indptr"))
    if isinstance(a, Column):
        return [a[i] for i in range(len(a))] == [b[i] for i in range(len(b))]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def test_index_built_in_chunks_equals_one_chunk() -> None:
    whole = build_index(activity_chunks(CATALOGUE, size=len(CATALOGUE)))
    small = build_index(activity_chunks(CATALOGUE, size=4))
    for name in ("ids", "dims", "complaints", "dim_sets_t", "complaint_sets_t", "lat", "lon",
                 "online", "cost_eur", "age_min", "age_max", "wheelchair", "verified",
                 "organisation",
                 "n_days", "days", "languages", "tree_rows", "online_rows", "columns"):
        assert _same(getattr(whole, name), getattr(small, name)), name
    for name in ("vocab", "ids", "names", "names_rows", "descriptions", "by_length", "by_prefix",
                 "words_by_length"):
        assert _same(getattr(whole.text, name), getattr(small.text, name)), name
    assert whole.record(3) == small.record(3)
    assert _same(whole.tree.get_arrays()[0], small.tree.get_arrays()[0])


def test_codes_keep_each_value_once_in_order_of_appearance() -> None:
    table: dict[object, int] = {"b": 0}
    codes = encode(["a", "b", None, "a", ("x", "y"), None], 6, table)
    assert codes.tolist() == [1, 0, 3, 1, 2, 3]
    assert list(table) == ["b", "a", ("x", "y"), None]


def test_small_radius_lookups_are_remembered_read_only() -> None:
    index = build_index(activity_chunks(CATALOGUE))
    calls = []

    def lookup(n: int) -> tuple[np.ndarray, np.ndarray]:
        calls.append(n)
        return np.arange(n), np.zeros(n)

    first = index.within(53.2, 6.5, 5.0, lambda: lookup(3))
    again = index.within(53.2, 6.5, 5.0, lambda: lookup(3))
    assert calls == [3] and again[0] is first[0] and not first[0].flags.writeable
    index.within(53.2, 6.5, 80.0, lambda: lookup(RADIUS_CACHE_HITS + 1))
    index.within(53.2, 6.5, 80.0, lambda: lookup(RADIUS_CACHE_HITS + 1))
    assert calls == [3, RADIUS_CACHE_HITS + 1, RADIUS_CACHE_HITS + 1]


def test_a_requests_own_coordinates_are_not_remembered() -> None:
    index = build_index(activity_chunks(CATALOGUE))
    by_coordinates = answer(index, {"lat": 53.2194, "lon": 6.5665, "max_km": 10})
    assert not index._radius  # a lat/lon may be a home address
    by_postcode = answer(index, {"postcode": "9711 AB", "max_km": 10})
    assert list(index._radius) and by_coordinates.results and by_postcode.results


def test_small_index_pool_similarity_is_the_pools_own() -> None:
    index = build_index(activity_chunks(CATALOGUE))
    params = load_weights().diversity
    rng = np.random.default_rng(5)
    for _ in range(20):
        pool = rng.choice(len(index), size=int(rng.integers(1, len(index))), replace=False)
        got = pool_similarity(index, pool, params)
        assert (got == similarity(index, pool, params)).all()
