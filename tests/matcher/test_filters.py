"""Every hard limit and every bad request, table-driven on the hand-made catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.errors import MatchError
from matcher.request import parse_request

from .catalogue import BY_ID, INDEXED, NEVER
from .conftest import answer

ALL = {"limit": 100}
#: Activities of the hand-made catalogue that state no week days (kept by every ``days`` filter).
NO_DAYS = INDEXED - {"wg1", "ko1", "mf1", "ou1", "yo1"}


def ids(index, request: dict[str, Any]) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.id for r in answer(index, {**ALL, **request}).results}


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        ({}, INDEXED),
        ({"postcode": "9711AB"}, INDEXED),
        ({"free_only": True}, {"wg1", "wg2", "ko1", "mt1", "jg1", "bg1", "vr1", "rg1", "far1"}),
        ({"wheelchair": True}, {"mf1", "ko1", "ou1"}),
        ({"online_ok": False}, INDEXED - {"mt1", "yo1"}),
        ({"age": 19}, INDEXED - {"ou1"}),
        ({"age": 80}, INDEXED - {"jg1"}),
        ({"age": 17}, INDEXED - {"ou1", "mf1"}),
        ({"postcode": "9711", "max_km": 0}, {"wg1", "ou1", "jg1", "bg1", "sc1", "mt1", "yo1"}),
        ({"postcode": "9711", "max_km": 0, "online_ok": False},
         {"wg1", "ou1", "jg1", "bg1", "sc1"}),
        ({"postcode": "9711", "max_km": 10}, INDEXED - {"far1"}),
        ({"lat": 52.36, "lon": 4.87, "max_km": 5}, {"far1", "mt1", "yo1"}),
        ({"postcode": "9711", "max_km": 10, "free_only": True, "wheelchair": True}, {"ko1"}),
        ({"query": "wandelen", "free_only": True, "online_ok": False, "age": 80,
          "postcode": "9711", "max_km": 3}, {"wg1", "wg2", "ko1", "bg1", "vr1", "rg1"}),
    ],
)
def test_hard_limits(index, request_: dict[str, Any], expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {**ALL, **request_})
    assert {r.id for r in got.results} == expected
    assert got.total_candidates == len(expected)


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        ({"days": []}, INDEXED),
        ({"days": ["di"]}, NO_DAYS | {"wg1"}),
        ({"days": ["ma", "wo"]}, NO_DAYS | {"mf1", "ko1"}),
        ({"days": ["do"]}, NO_DAYS | {"mf1"}),
        ({"days": ["zo"]}, NO_DAYS),
        ({"days": ["ma", "di", "wo", "do", "vr", "za", "zo"]}, INDEXED),
        ({"languages": []}, INDEXED),
        ({"languages": ["nl"]}, INDEXED - {"yo1"}),
        ({"languages": ["en"]}, {"mf1", "rg1", "yo1"}),
        ({"languages": ["ar", "en"]}, {"mf1", "rg1", "yo1", "mt1"}),
        ({"languages": ["pl"]}, set()),
        ({"days": ["za"], "languages": ["en"]}, {"rg1", "yo1"}),
        ({"days": ["za"], "languages": ["en"], "online_ok": False}, {"rg1"}),
        ({"days": ["ma"], "languages": ["tr"], "postcode": "9711", "max_km": 0}, {"mt1"}),
        ({"days": ["di"], "free_only": True, "query": "wandelen"},
         {"wg1", "wg2", "mt1", "jg1", "bg1", "vr1", "rg1", "far1"}),
    ],
)
def test_day_and_language_filters(index, request_: dict[str, Any], expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {**ALL, **request_})
    assert {r.id for r in got.results} == expected
    assert got.total_candidates == len(expected)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_day_filter_comes_before_the_cut(index, limit: int) -> None:  # type: ignore[no-untyped-def]
    """A short list is still full: the filter runs before scoring, diversity and the limit."""
    got = answer(index, {"days": ["za"], "languages": ["en"], "limit": limit})
    assert len(got.results) == min(limit, 2) and got.total_candidates == 2
    assert {r.id for r in got.results} <= {"rg1", "yo1"}


def test_signup_says_how_to_join(index) -> None:  # type: ignore[no-untyped-def]
    got = {r.id: r.signup for r in answer(index, ALL).results}
    assert got["mf1"] == "Aanmelden via de site"
    assert got["mt1"] == "050 123 45 67" and got["rg1"] == "rouw@example.org"
    assert got["wg1"] is None


def test_inactive_paused_and_unclassified_are_never_indexed(index) -> None:  # type: ignore[no-untyped-def]
    assert not NEVER & set(index.ids)


def test_max_km_is_measured(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {**ALL, "postcode": "9711", "max_km": 2.5})
    for r in got.results:
        assert r.online or (r.distance_km is not None and r.distance_km <= 2.5)


def test_limit_cuts_but_total_counts_all(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"limit": 3})
    assert len(got.results) == 3 and got.total_candidates == len(INDEXED)


def test_cost_labels(index) -> None:  # type: ignore[no-untyped-def]
    got = {r.id: r.cost for r in answer(index, ALL).results}
    assert got["wg1"] == "gratis" and got["ou1"] == "€ 2,50" and got["sc1"] == "onbekend"
    assert BY_ID["sc1"].cost.amount_eur is None


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        ({"dimensions": ["gezondheid"]}, "dimensions"),
        ({"complaints": ["verveling"]}, "complaints"),
        ({"spinnenweb": {"geluk": 3}}, "spinnenweb"),
        ({"spinnenweb": {"meedoen": 11}}, "spinnenweb"),
        ({"postcode": "1000"}, "postcode"),
        ({"postcode": "12345"}, "postcode"),
        ({"postcode": "9711", "max_km": -1}, "max_km"),
        ({"max_km": 5}, "max_km"),
        ({"limit": 0}, "limit"),
        ({"limit": 10000}, "limit"),
        ({"age": -3}, "age"),
        ({"age": "zeventig"}, "age"),
        ({"lat": 53.2}, "lat/lon"),
        ({"free_only": "ja"}, "free_only"),
        ({"kleur": "blauw"}, "kleur"),
        ({"days": ["maandag"]}, "days"),
        ({"days": "ma"}, "days"),
        ({"days": [1]}, "days"),
        ({"days": ["Ma"]}, "days"),
        ({"languages": ["NL"]}, "languages"),
        ({"languages": ["eng"]}, "languages"),
        ({"languages": ["nl\n"]}, "languages"),
        ({"languages": [""]}, "languages"),
        ({"languages": "nl"}, "languages"),
        ({"languages": ["n1"]}, "languages"),
    ],
)
def test_bad_requests_name_the_field(request_: dict[str, Any], field: str) -> None:
    with pytest.raises(MatchError) as err:
        parse_request(request_)
    assert [d["field"] for d in err.value.details] == [field]
    assert field in err.value.message


def test_unknown_postcode_says_so() -> None:
    with pytest.raises(MatchError, match="postcode 1000 bestaat niet"):
        parse_request({"postcode": "1000AB"})


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        ({"days": ["maandag", "ma"]}, "days: onbekende dag: maandag (kies uit ma, di, wo, do, vr, "
                                      "za, zo)"),
        ({"languages": ["nl", "NL"]}, "languages: NL is geen taalcode (ISO 639-1"),
    ],
)
def test_day_and_language_errors_are_dutch(request_: dict[str, Any], message: str) -> None:
    with pytest.raises(MatchError) as err:
        parse_request(request_)
    assert message in err.value.message


def test_days_and_languages_are_deduplicated() -> None:
    req = parse_request({"days": ["wo", "ma", "wo"], "languages": ["en", "nl", "en"]})
    assert req.days == ["ma", "wo"] and req.languages == ["en", "nl"]


def test_request_must_be_an_object() -> None:
    with pytest.raises(MatchError, match="JSON-object"):
        parse_request(["meedoen"])
