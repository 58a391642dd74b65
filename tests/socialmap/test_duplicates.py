"""Likely duplicates: similar name and organisation, close together or both online."""

from __future__ import annotations

import time
from typing import Any

from socialmap.importing.duplicates import Candidate, find_duplicates
from socialmap.models import ActivityIn


def _a(id_: str, name: str, org: str = "Buurtwerk Noord", **kw: Any) -> ActivityIn:
    data: dict[str, Any] = {
        "id": id_, "name": name, "description": "x",
        "organisation": {"id": org.lower().replace(" ", "-"), "name": org},
        "location": {"postcode": "9711AB", "lat": 53.2200, "lon": 6.5600},
    }
    data.update(kw)
    return ActivityIn.model_validate(data)


def _near(lat: float, lon: float) -> dict[str, Any]:
    return {"postcode": "9711AB", "lat": lat, "lon": lon}


def test_same_name_and_organisation_nearby() -> None:
    pairs = find_duplicates([Candidate(_a("a", "Wandelgroep De Stappers"), 2),
                             Candidate(_a("b", "wandelgroep de  stappers",
                                          location=_near(53.2230, 6.5650)), 3)])
    (pair,) = pairs
    assert pair.distance_km is not None and pair.distance_km < 1
    assert "rij 2" in pair.problem().message and "rij 3" in pair.problem().message


def test_word_order_does_not_matter() -> None:
    pairs = find_duplicates([Candidate(_a("a", "Koffieochtend Lindeboom")),
                             Candidate(_a("b", "Lindeboom koffieochtend"))])
    assert len(pairs) == 1


def test_far_apart_is_not_a_duplicate() -> None:
    far = _a("b", "Wandelgroep De Stappers", location=_near(53.30, 6.70))
    assert find_duplicates([Candidate(_a("a", "Wandelgroep De Stappers")), Candidate(far)]) == []


def test_other_organisation_is_not_a_duplicate() -> None:
    other = _a("b", "Wandelgroep De Stappers", org="Humanitas")
    assert find_duplicates([Candidate(_a("a", "Wandelgroep De Stappers")),
                            Candidate(other)]) == []


def test_both_online() -> None:
    a = _a("a", "Telefooncirkel", online=True, location=None)
    b = _a("b", "Telefoon cirkel", online=True, location=None)
    (pair,) = find_duplicates([Candidate(a)], [b])
    assert "beide online" in pair.problem().message and "catalogus" in pair.problem().message


def test_against_stored_skips_the_same_id() -> None:
    a = _a("a", "Wandelgroep De Stappers")
    assert find_duplicates([Candidate(a)], [a]) == []


def test_no_coordinates_same_pc4() -> None:
    a = _a("a", "Schuldhulp", location={"postcode": "1000AA"})
    b = _a("b", "Schuldhulp", location={"postcode": "1000AB"})
    assert len(find_duplicates([Candidate(a), Candidate(b)])) == 1


def test_a_few_thousand_rows_are_fast() -> None:
    items = [Candidate(_a(f"id-{i}", f"Activiteit nummer {i}",
                          location=_near(52 + (i % 60) * 0.01, 5 + (i // 60) * 0.01)))
             for i in range(3000)]
    start = time.perf_counter()
    find_duplicates(items)
    assert time.perf_counter() - start < 10
