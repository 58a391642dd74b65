"""The JSON API ``/api/v1`` as the contract says: answers, error shapes, never a 500."""

from __future__ import annotations

import json

import pytest
from flask import Flask
from flask.testing import FlaskClient

TRIAGE = {
    "age": 54,
    "complaints": ["eenzaamheid", "slaapproblemen"],
    "spinnenweb": {"meedoen": 3, "zingeving": 4},
    "text": "Sinds overlijden partner alleen, slaapt slecht, weinig contacten.",
}


def assert_error_shape(response, status: int = 400) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error", "details"}
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["details"], list)
    return body


def test_vocabulary(client: FlaskClient) -> None:
    body = client.get("/api/v1/vocabulary").get_json()
    assert [d["id"] for d in body["spinnenweb_dimensions"]][:2] == [
        "lichaamsfuncties", "mentaal_welbevinden"]
    assert len(body["complaint_categories"]) == 13


def test_triage_answer_has_contract_fields(client: FlaskClient) -> None:
    response = client.post("/api/v1/triage", json=TRIAGE)
    assert response.status_code == 200
    body = response.get_json()
    for key in ("route", "fits_wor", "also_consider", "complaints", "detected", "reasons",
                "next_steps"):
        assert key in body
    assert body["fits_wor"] == (body["route"] == "welzijn_op_recept")
    assert set(body["detected"]) >= {"complaints", "signals"}
    assert all({"code", "text"} <= set(r) for r in body["reasons"])
    assert response.headers["Cache-Control"] == "no-store"


def test_triage_is_not_logged(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    client.post("/api/v1/triage", json={**TRIAGE, "text": "GEHEIM-1234 woont alleen"})
    client.post("/api/v1/triage", json={"text": "GEHEIM-1234", "age": "x"})
    assert "GEHEIM-1234" not in caplog.text


def test_triage_bad_field_names_the_field(client: FlaskClient) -> None:
    body = assert_error_shape(client.post("/api/v1/triage", json={"complaints": ["bestaat_niet"]}))
    assert any("complaints" in str(d.get("field")) for d in body["details"])


def test_match_answer(catalogue: Flask, client: FlaskClient) -> None:
    response = client.post("/api/v1/match", json={"postcode": "9711AB", "dimensions": ["meedoen"],
                                                  "limit": 5})
    assert response.status_code == 200
    body = response.get_json()
    assert {"results", "total_candidates"} <= set(body)
    assert len(body["results"]) <= 5
    for item in body["results"]:
        assert {"id", "name", "organisation", "distance_km", "dimensions", "complaints", "cost",
                "score", "reasons"} <= set(item)


def test_match_bad_postcode(client: FlaskClient) -> None:
    body = assert_error_shape(client.post("/api/v1/match", json={"postcode": "AB12"}))
    assert body["details"]


def test_activity_by_id(catalogue: Flask, client: FlaskClient) -> None:
    first = client.post("/api/v1/match", json={"limit": 1}).get_json()["results"][0]
    body = client.get(f"/api/v1/activities/{first['id']}").get_json()
    assert body["id"] == first["id"]
    assert {"name", "description", "organisation", "dimensions", "status"} <= set(body)


def test_unknown_activity_is_404_json(client: FlaskClient) -> None:
    assert_error_shape(client.get("/api/v1/activities/bestaat-niet"), 404)
    assert_error_shape(client.get("/api/v1/activities/" + "x" * 300), 404)


@pytest.mark.parametrize("path", ["/api/v1/triage", "/api/v1/match"])
@pytest.mark.parametrize(("data", "content_type"), [
    ("{", "application/json"),
    ("[1, 2]", "application/json"),
    ('"tekst"', "application/json"),
    ("null", "application/json"),
    ('{"age": NaN}', "application/json"),
    ("\xff\xfe", "application/json"),
    ("[" * 5000 + "]" * 5000, "application/json"),
    ("age=3", "application/x-www-form-urlencoded"),
    ('{"age": 3}', "text/plain"),
    ("", None),
])
def test_bad_bodies_get_400_json(client: FlaskClient, path: str, data: str,
                                 content_type: str | None) -> None:
    response = client.post(path, data=data.encode("latin-1", "replace"),
                           content_type=content_type)
    assert_error_shape(response, 400)


@pytest.mark.parametrize("body", [
    {}, {"age": -1}, {"age": True}, {"age": 1e99}, {"complaints": "eenzaamheid"},
    {"complaints": [1]}, {"spinnenweb": {"meedoen": 11}}, {"spinnenweb": []},
    {"text": 5}, {"text": "x" * 20_000}, {"onbekend": 1},
])
def test_bad_triage_fields_get_400(client: FlaskClient, body: dict) -> None:
    assert_error_shape(client.post("/api/v1/triage", json=body))


@pytest.mark.parametrize("body", [
    {"limit": 0}, {"limit": 1000}, {"max_km": -1}, {"lat": 52}, {"dimensions": ["x"]},
    {"free_only": "ja"}, {"onbekend": 1}, {"spinnenweb": {"meedoen": 20}},
])
def test_bad_match_fields_get_400(client: FlaskClient, body: dict) -> None:
    assert_error_shape(client.post("/api/v1/match", json=body))


def test_wrong_method_is_405_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/triage")
    assert_error_shape(response, 405)
    assert "POST" in response.headers["Allow"]


def test_too_large_body_is_413_json(db_url: str) -> None:
    from web.app import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "MAX_UPLOAD_MB": 1})
    response = app.test_client().post("/api/v1/triage", data=b"{" + b" " * (2 * 1024 * 1024),
                                      content_type="application/json")
    assert_error_shape(response, 413)


def test_openapi_description_is_served(client: FlaskClient) -> None:
    spec = json.loads(client.get("/api/v1/openapi.json").data)
    assert spec["openapi"].startswith("3.")
    assert {"/vocabulary", "/triage", "/match", "/activities/{id}"} <= set(spec["paths"])
