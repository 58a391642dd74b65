"""Fuzzing the JSON and HSDS APIs with arbitrary JSON and query strings: never a 500, and every
4xx answer has the one error shape ``{"error", "details"}``.

Unlike ``test_fuzz.py`` (field names of the contract with simple values), these strategies also
send nested junk, unbounded integers, floats beyond JSON (NaN, Infinity), unpaired surrogates, NUL
characters and near-valid bodies built from the real vocabulary. On PostgreSQL (CI) they also catch
text the database refuses, such as NUL.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialmap.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TRIAGE_FIELDS = ["age", "complaints", "signals", "spinnenweb", "text"]
MATCH_FIELDS = ["postcode", "lat", "lon", "dimensions", "spinnenweb", "complaints", "query",
                "max_km", "age", "free_only", "wheelchair", "online_ok", "limit"]
WORDS = (VOCAB.complaints.ids + VOCAB.signals.ids + VOCAB.dimensions.ids
         + ["9721 DM", "9721DM", "1012", "0000 AA", "eenzaam", "slaapt slecht", "suïcide"])
SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

any_text = st.text(st.characters(codec=None, categories=None), max_size=40)
#: URLs are UTF-8: unpaired surrogates cannot be sent in a path or query string at all.
url_text = st.text(st.characters(codec="utf-8"), max_size=40)
numbers = (st.integers() | st.integers(min_value=-(10**400), max_value=10**400)
           | st.floats(allow_nan=True, allow_infinity=True)
           | st.sampled_from([0, -1, 10, 10.5, 120, 121, 1e308, -1e-308, 2**63, 2**64 + 1]))
scalars = st.none() | st.booleans() | numbers | any_text | st.sampled_from(WORDS)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(WORDS + MATCH_FIELDS + TRIAGE_FIELDS) | any_text, inner, max_size=5),
    max_leaves=20,
)


def near_valid(fields: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies with the contract's field names and values that are almost right."""
    values = {
        "age": numbers | st.text(max_size=4),
        "complaints": st.lists(st.sampled_from(VOCAB.complaints.ids) | any_text, max_size=6),
        "signals": st.lists(st.sampled_from(VOCAB.signals.ids) | any_text, max_size=4),
        "dimensions": st.lists(st.sampled_from(VOCAB.dimensions.ids) | any_text, max_size=6),
        "spinnenweb": st.dictionaries(st.sampled_from(VOCAB.dimensions.ids) | any_text,
                                      numbers | scalars, max_size=7) | scalars,
        "text": any_text | st.text(max_size=2000),
        "query": any_text,
        "postcode": st.sampled_from(WORDS) | any_text | st.from_regex(r"\d{4} ?[A-Z]{0,2}"),
        "lat": numbers, "lon": numbers, "max_km": numbers, "limit": numbers,
        "free_only": scalars, "wheelchair": scalars, "online_ok": scalars,
    }
    return st.fixed_dictionaries({}, optional={f: values[f] for f in fields})


def assert_answer(response: Any, ok: tuple[int, ...] = (200,)) -> None:
    """No 500; a 4xx carries exactly the error shape."""
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = json.loads(response.get_data(as_text=True))
    if response.status_code >= 400:
        assert set(body) == {"error", "details"}, body
        assert isinstance(body["error"], str) and body["error"]
        assert isinstance(body["details"], list)
    else:
        assert response.status_code in ok


@pytest.fixture
def api(catalogue: Flask) -> FlaskClient:
    """A client of the app with the demo catalogue (so matching and HSDS do real work)."""
    return catalogue.test_client()


@SETTINGS
@given(body=json_values | near_valid(TRIAGE_FIELDS))
def test_triage_any_json(api: FlaskClient, body: Any) -> None:
    assert_answer(api.post("/api/v1/triage", data=json.dumps(body),
                           content_type="application/json"))


@SETTINGS
@given(body=json_values | near_valid(MATCH_FIELDS))
def test_match_any_json(api: FlaskClient, body: Any) -> None:
    assert_answer(api.post("/api/v1/match", data=json.dumps(body),
                           content_type="application/json"))


@settings(SETTINGS, max_examples=30)
@given(depth=st.integers(min_value=30, max_value=5000), kind=st.sampled_from("[{"))
def test_deeply_nested_json(api: FlaskClient, depth: int, kind: str) -> None:
    inner = "[" * depth + "]" * depth if kind == "[" else '{"a":' * depth + "1" + "}" * depth
    for path in ("/api/v1/triage", "/api/v1/match"):
        assert_answer(api.post(path, data='{"complaints":' + inner + "}",
                               content_type="application/json"))


HSDS_LISTS = ["/hsds/services", "/hsds/organizations", "/hsds/taxonomies",
              "/hsds/taxonomy_terms", "/hsds/service_at_locations"]
HSDS_PARAMS = ["page", "per_page", "search", "taxonomy_term_id", "taxonomy_id",
               "modified_after", "full", "format", "postcode", "proximity"]
param_values = (url_text | numbers.map(str) | st.sampled_from(
    ["", "0", "-1", "1e3", "true", "TRUE", "ja", "json", "xml", "0001-01-01T00:00:00+01:00",
     "9999-12-31T23:59:59-01:00", "2024-02-30", "00000000-0000-0000-0000-000000000000", "\x00"])
    | st.datetimes(timezones=st.timezones() | st.none()).map(lambda d: d.isoformat()))


@SETTINGS
@given(path=st.sampled_from(HSDS_LISTS),
       params=st.lists(st.tuples(st.sampled_from(HSDS_PARAMS) | url_text, param_values),
                       max_size=5))
def test_hsds_query_params(api: FlaskClient, path: str, params: list[tuple[str, str]]) -> None:
    response = api.get(path, query_string=params)
    assert_answer(response)
    if response.status_code == 200:
        assert {"total_items", "page_number", "contents"} <= set(response.get_json())


@SETTINGS
@given(path=st.sampled_from(["/hsds/services/", "/hsds/organizations/", "/hsds/taxonomies/",
                             "/hsds/taxonomy_terms/", "/hsds/service_at_locations/",
                             "/api/v1/activities/"]),
       item=url_text.filter(lambda s: s.strip() and "/" not in s and s not in (".", "..")))
def test_detail_ids(api: FlaskClient, path: str, item: str) -> None:
    response = api.get(path + item)
    if response.status_code == 308:  # werkzeug normalises some paths; not an answer
        return
    assert_answer(response)
