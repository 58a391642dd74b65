"""Expected orderings, reasons and diversity on the hand-made catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import answer


def order(index, request: dict[str, Any]) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.id for r in answer(index, request).results]


@pytest.mark.parametrize(
    ("request_", "first"),
    [
        ({"postcode": "9711", "dimensions": ["meedoen"], "complaints": ["eenzaamheid"]},
         {"ko1", "mt1"}),
        ({"dimensions": ["dagelijks_functioneren"]}, {"bg1"}),
        ({"spinnenweb": {"zingeving": 2, "meedoen": 9, "lichaamsfuncties": 9}}, {"vr1", "rg1"}),
        ({"postcode": "9711", "dimensions": ["lichaamsfuncties"]}, {"wg1", "ou1"}),
        ({"query": "mindfulness"}, {"mf1"}),
        ({"complaints": ["financien"]}, {"bg1"}),
        ({"postcode": "9711", "dimensions": ["mentaal_welbevinden"], "online_ok": False}, {"mf1"}),
        ({"postcode": "9711", "dimensions": ["mentaal_welbevinden"], "free_only": True,
          "limit": 3}, {"mt1", "wg1", "ko1", "jg1", "bg1", "vr1", "rg1", "wg2", "far1"}),
    ],
)
def test_expected_first(index, request_: dict[str, Any], first: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert order(index, request_)[0] in first


def test_near_beats_far_for_the_same_need(index) -> None:  # type: ignore[no-untyped-def]
    got = order(index, {"postcode": "9711", "dimensions": ["lichaamsfuncties"], "limit": 20})
    assert got.index("wg1") < got.index("wg3") < got.index("far1")


def test_query_only_finds_walking_groups_first(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"query": "wandelen", "limit": 4})
    assert {r.id for r in got.results} == {"wg1", "wg2", "wg3", "far1"}
    assert all(r.distance_km is None for r in got.results)
    assert got.location is None


def test_spinnenweb_only_uses_lowest_dimensions(index) -> None:  # type: ignore[no-untyped-def]
    web = {"meedoen": 3, "zingeving": 4, "lichaamsfuncties": 9, "mentaal_welbevinden": 7}
    got = answer(index, {"spinnenweb": web})
    assert got.needs == ["meedoen", "zingeving", "mentaal_welbevinden"]
    assert "Past bij Meedoen (jouw score 3)" in got.results[0].reasons


def test_no_location_gives_no_distance(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"dimensions": ["meedoen"], "limit": 100})
    assert all(r.distance_km is None for r in got.results)
    assert not any("km van huis" in reason for r in got.results for reason in r.reasons)
    assert all("distance" not in r.components for r in got.results)


def test_reasons_a_coach_can_read_out(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"postcode": "9711", "spinnenweb": {"meedoen": 3}, "limit": 100})
    by_id = {r.id: r for r in got.results}
    assert by_id["wg1"].reasons[:1] == ["Past bij Meedoen (jouw score 3)"]
    assert {"minder dan 0,1 km van huis", "gratis", "dinsdagochtend"} <= set(by_id["wg1"].reasons)
    assert {"1 km van huis", "rolstoeltoegankelijk", "woensdagochtend"} <= set(
        by_id["ko1"].reasons)
    assert "kosten € 2,50" in by_id["ou1"].reasons
    assert "online of telefonisch, vanuit huis" in by_id["mt1"].reasons
    assert "let op: gegevens nooit gecontroleerd" in by_id["bg1"].reasons


def test_diversity_covers_needs_and_providers(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"postcode": "9711", "dimensions": ["lichaamsfuncties", "meedoen"],
                         "limit": 4})
    top = got.results
    assert {"lichaamsfuncties", "meedoen"} <= {d for r in top[:3] for d in r.dimensions}
    assert len({r.organisation for r in top[:3]}) == 3


def test_scores_are_between_zero_and_one_and_components_explained(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"postcode": "9711", "dimensions": ["meedoen"], "query": "koffie",
                         "complaints": ["eenzaamheid"], "limit": 100})
    for r in got.results:
        assert 0 <= r.score <= 1
        assert set(r.components) == {"need", "complaint", "distance", "text", "freshness"}


def test_contract_shape(index) -> None:  # type: ignore[no-untyped-def]
    dumped = answer(index, {"postcode": "9711"}).model_dump()
    assert {"results", "total_candidates"} <= set(dumped)
    first = dumped["results"][0]
    assert {"id", "name", "organisation", "distance_km", "dimensions", "complaints", "cost",
            "score", "reasons"} <= set(first)
    assert isinstance(first["organisation"], str)
