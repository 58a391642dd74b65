"""Postcodes are normalised and located by their PC4 centroid from the CBS data."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialmap.geo import haversine_km, locate, municipalities, normalise_postcode, pc4_places


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9711 ab", "9711AB"), ("9711AB", "9711AB"), (" 9711  Ab ", "9711AB"), ("9711", "9711"),
        ("0711AB", None), ("97111A", None), ("9711 A", None), ("", None), ("abcd", None),
        ("9711 SS", None),
    ],
)
def test_normalise_postcode(raw, expected):
    assert normalise_postcode(raw) == expected


@given(st.text(max_size=12))
def test_normalise_never_raises_and_is_idempotent(text):
    norm = normalise_postcode(text)
    if norm is not None:
        assert normalise_postcode(norm) == norm


def test_known_centroids_from_the_provenance_notes():
    place = locate("9711 AB")
    assert place is not None
    assert (place.lat, place.lon, place.municipality) == (53.21627, 6.56934, "Groningen")
    assert locate("1012")is not None and locate("1012").town == "Amsterdam"


def test_po_box_pc4_is_not_located():
    assert locate("1000 AA") is None
    assert locate("9700 AA") is None


def test_data_is_complete():
    places = pc4_places()
    assert len(places) == 4067
    assert len(municipalities()) == 342
    assert {p.municipality for p in places.values()} <= set(municipalities())


def test_haversine_groningen_to_amsterdam():
    a, b = locate("9711"), locate("1012")
    assert 140 < haversine_km(a.lat, a.lon, b.lat, b.lon) < 150
