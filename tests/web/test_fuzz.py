"""Property-based fuzzing of the JSON API: no input ever gets a 500."""

from __future__ import annotations

import json

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = ["age", "complaints", "signals", "spinnenweb", "text", "postcode", "dimensions",
          "query", "max_km", "free_only", "wheelchair", "online_ok", "limit", "lat", "lon",
          "eenzaamheid", "meedoen", ""]
scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=30))
values = st.recursive(
    scalars | st.sampled_from(FIELDS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), inner,
                                                                max_size=4),
    max_leaves=12,
)
bodies = st.dictionaries(st.sampled_from(FIELDS), values, max_size=6)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_match_spinnenweb_null_is_400(client: FlaskClient) -> None:
    response = client.post("/api/v1/match", json={"spinnenweb": None})
    assert response.status_code == 400
    assert response.get_json()["details"][0]["field"] == "spinnenweb"


@SETTINGS
@given(body=bodies)
def test_triage_never_500(client: FlaskClient, body: dict) -> None:
    response = client.post("/api/v1/triage", json=body)
    assert response.status_code in (200, 400)
    assert set(response.get_json()) >= ({"error", "details"} if response.status_code == 400
                                         else {"route"})


@SETTINGS
@given(body=bodies)
def test_match_never_500(client: FlaskClient, body: dict) -> None:
    response = client.post("/api/v1/match", json=body)
    assert response.status_code in (200, 400)


@SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
       content_type=st.sampled_from(["application/json", "text/plain", None,
                                     "application/json; charset=latin-1"]))
def test_raw_bodies_never_500(client: FlaskClient, raw: bytes, content_type: str | None) -> None:
    for path in ("/api/v1/triage", "/api/v1/match"):
        response = client.post(path, data=raw, content_type=content_type)
        assert response.status_code in (200, 400), (path, raw, response.data)
        json.loads(response.data)


@SETTINGS
@given(activity_id=st.text(min_size=1, max_size=300).filter(lambda s: "/" not in s))
def test_activity_ids_never_500(client: FlaskClient, activity_id: str) -> None:
    response = client.get("/api/v1/activities/" + activity_id)
    assert response.status_code in (404, 308, 400)
