"""Property: over random catalogues and requests, no result ever breaks a hard limit,
and every activity within the limits is a candidate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.index import MatchIndex
from matcher.ranking import score
from matcher.request import origin_of, parse_request
from socialmap.geo import haversine_km, locate
from socialmap.models import DAYS, Activity
from socialmap.vocabulary import load_vocabulary

from .catalogue import TODAY
from .conftest import answer

VOCAB = load_vocabulary()
PC4S = ["9711", "9712", "9725", "9736", "9401", "8911", "1011", "1071", "3511", "6211"]
WORDS = ["wandelen", "koffie", "maatje", "yoga", "geld", "samen", "buurt", "rouw", "sport"]
EPS = 1e-6

dims = st.lists(st.sampled_from(VOCAB.dimensions.ids), max_size=3, unique=True)
complaints = st.lists(st.sampled_from(VOCAB.complaints.ids), max_size=3, unique=True)
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
ages = st.one_of(st.none(), st.integers(0, 100))
costs = st.sampled_from([None, "0", "0.00", "1.50", "25"])
LANGUAGES = ["nl", "en", "ar", "tr"]
days = st.lists(st.sampled_from(DAYS), max_size=3, unique=True)
languages = st.lists(st.sampled_from(LANGUAGES), max_size=3)


@st.composite
def activity(draw: st.DrawFn, n: int) -> Activity:
    online = draw(st.booleans())
    low, high = draw(ages), draw(ages)
    if low is not None and high is not None and low > high:
        low, high = high, low
    location = None
    if not online or draw(st.booleans()):
        if draw(st.booleans()):
            location = {"postcode": draw(st.sampled_from(PC4S))}
        else:
            location = {"lat": draw(st.floats(50.8, 53.5)), "lon": draw(st.floats(3.4, 7.2))}
    amount = draw(costs)
    return Activity.model_validate({
        "id": f"a{n}", "name": draw(text), "description": draw(text),
        "organisation": {"id": f"o{draw(st.integers(0, 4))}", "name": "Organisatie"},
        "dimensions": draw(dims), "complaints": draw(complaints), "online": online,
        "location": location, "cost": {"amount_eur": None if amount is None else Decimal(amount)},
        "age_min": low, "age_max": high,
        "wheelchair": draw(st.sampled_from(["ja", "nee", "onbekend"])),
        "status": draw(st.sampled_from(["actief", "actief", "gepauzeerd", "inactief"])),
        "last_verified": draw(st.one_of(st.none(), st.dates(date(2020, 1, 1), TODAY))),
        "schedule": {"days": draw(days)},
        "languages": draw(languages),
    })


catalogues = st.integers(0, 30).flatmap(
    lambda n: st.tuples(*(activity(i) for i in range(n))).map(list))


@st.composite
def request(draw: st.DrawFn) -> dict[str, Any]:
    req: dict[str, Any] = {"limit": draw(st.integers(1, 100))}
    where = draw(st.sampled_from(["none", "postcode", "latlon"]))
    if where == "postcode":
        req["postcode"] = draw(st.sampled_from(PC4S))
    elif where == "latlon":
        req["lat"], req["lon"] = draw(st.floats(50.8, 53.5)), draw(st.floats(3.4, 7.2))
    if where != "none" and draw(st.booleans()):
        req["max_km"] = draw(st.floats(0, 150))
    optional = {
        "age": st.integers(0, 120), "free_only": st.booleans(), "wheelchair": st.booleans(),
        "online_ok": st.booleans(), "dimensions": dims, "complaints": complaints, "query": text,
        "spinnenweb": st.dictionaries(st.sampled_from(VOCAB.dimensions.ids), st.integers(0, 10)),
        "days": days, "languages": st.lists(st.sampled_from([*LANGUAGES, "pl"]), max_size=3),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            req[key] = draw(strategy)
    return req


def _coords(a: Activity) -> tuple[float, float] | None:
    loc = a.location
    if loc is None:
        return None
    if loc.lat is not None and loc.lon is not None:
        return loc.lat, loc.lon
    place = locate(loc.postcode or "")
    return (place.lat, place.lon) if place else None


def allowed(a: Activity, req: dict[str, Any], slack: float) -> bool:
    """The contract's hard limits, written independently of the matcher."""
    if not (a.active and a.classified):
        return False
    age = req.get("age")
    if age is not None and ((a.age_min or 0) > age or (a.age_max if a.age_max is not None
                                                        else 999) < age):
        return False
    if req.get("free_only") and not a.cost.is_free:
        return False
    if req.get("wheelchair") and a.wheelchair.value != "ja":
        return False
    if req.get("days") and a.schedule.days and not set(req["days"]) & set(a.schedule.days):
        return False
    if req.get("languages") and not set(req["languages"]) & set(a.languages):
        return False
    if a.online:
        return bool(req.get("online_ok", True))
    if req.get("max_km") is None:
        return True
    origin, here = origin_of(parse_request(req)), _coords(a)
    return origin is not None and here is not None and haversine_km(
        origin.lat, origin.lon, *here) <= req["max_km"] + slack


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues, req=request())
def test_no_result_breaks_a_hard_limit(catalogue: list[Activity], req: dict[str, Any]) -> None:
    index = MatchIndex.from_activities(catalogue)
    got = answer(index, req)
    by_id = {a.id: a for a in catalogue}
    assert len(got.results) <= req["limit"]
    assert len({r.id for r in got.results}) == len(got.results)
    for r in got.results:
        assert allowed(by_id[r.id], req, slack=EPS), r.id
        assert 0.0 <= r.score <= 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues, req=request())
def test_every_allowed_activity_is_a_candidate(catalogue: list[Activity],
                                               req: dict[str, Any]) -> None:
    index = MatchIndex.from_activities(catalogue)
    scored = score(index, parse_request(req), today=TODAY)
    got = {str(index.ids[i]) for i in scored.rows}
    assert {a.id for a in catalogue if allowed(a, req, slack=-EPS)} <= got
    assert got <= {a.id for a in catalogue if allowed(a, req, slack=EPS)}
