"""The HSDS 3.0 API over HTTP: paths, pagination, filters; answers validate against the official
compiled schemas in ``data/hsds/compiled``."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap.hsds import schemas


def valid_page(answer: dict, *item: str) -> None:
    errors = [e.message for e in schemas.page_validator(*item).iter_errors(answer)]
    assert errors == []


def valid(answer: dict, *schema: str) -> None:
    assert schemas.errors(answer, *schema) == []


def get(client: FlaskClient, path: str, status: int = 200) -> dict:
    response = client.get(path)
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/json"
    return response.get_json()


def test_root(client: FlaskClient) -> None:
    body = get(client, "/hsds/")
    assert body["version"].startswith("3.0")


def test_services_pages_validate(catalogue: Flask, client: FlaskClient) -> None:
    first = get(client, "/hsds/services?per_page=5")
    valid_page(first, "compiled", "service_list.json")
    assert first["size"] == 5 and first["page_number"] == 1 and first["total_items"] > 5
    second = get(client, "/hsds/services?per_page=5&page=2")
    assert {s["id"] for s in first["contents"]}.isdisjoint(s["id"] for s in second["contents"])
    full = get(client, "/hsds/services?per_page=3&full=true")
    valid_page(full, "compiled", "service.json")


def test_one_service_and_its_organization(catalogue: Flask, client: FlaskClient) -> None:
    listed = get(client, "/hsds/services?per_page=1")["contents"][0]
    service = get(client, f"/hsds/services/{listed['id']}")
    valid(service, "compiled", "service.json")
    org_id = service["organization"]["id"] if "organization" in service else None
    orgs = get(client, "/hsds/organizations?per_page=5")
    valid_page(orgs, "compiled", "organization_list.json")
    org = get(client, f"/hsds/organizations/{org_id or orgs['contents'][0]['id']}")
    valid(org, "compiled", "organization.json")


def test_taxonomies_and_terms(client: FlaskClient) -> None:
    taxonomies = get(client, "/hsds/taxonomies")
    valid_page(taxonomies, "taxonomy.json")
    one = get(client, f"/hsds/taxonomies/{taxonomies['contents'][0]['id']}")
    valid(one, "taxonomy.json")
    terms = get(client, "/hsds/taxonomy_terms?per_page=100")
    valid_page(terms, "taxonomy_term.json")
    codes = {t["code"] for t in terms["contents"]}
    assert {"meedoen", "eenzaamheid"} <= codes
    term = next(t for t in terms["contents"] if t["code"] == "meedoen")
    valid(get(client, f"/hsds/taxonomy_terms/{term['id']}"), "taxonomy_term.json")


def test_filters(catalogue: Flask, client: FlaskClient) -> None:
    terms = get(client, "/hsds/taxonomy_terms?per_page=100")["contents"]
    meedoen = next(t for t in terms if t["code"] == "meedoen")
    by_term = get(client, f"/hsds/services?taxonomy_term_id={meedoen['id']}&per_page=500")
    everything = get(client, "/hsds/services?per_page=500")
    assert 0 < by_term["total_items"] <= everything["total_items"]
    assert get(client, "/hsds/services?modified_after=2999-01-01T00:00:00Z")["total_items"] == 0
    searched = get(client, "/hsds/services?search=wandel&per_page=500")
    assert 0 < searched["total_items"] < everything["total_items"]


def test_service_at_locations(catalogue: Flask, client: FlaskClient) -> None:
    sals = get(client, "/hsds/service_at_locations?per_page=5")
    valid_page(sals, "compiled", "service_at_location.json")
    one = get(client, f"/hsds/service_at_locations/{sals['contents'][0]['id']}")
    valid(one, "compiled", "service_at_location.json")


@pytest.mark.parametrize("path", [
    "/hsds/services?page=0", "/hsds/services?per_page=abc", "/hsds/services?per_page=100000",
    "/hsds/services?full=misschien", "/hsds/services?taxonomy_term_id=geen-uuid",
    "/hsds/services?modified_after=gisteren", "/hsds/organizations?page=-1",
    "/hsds/taxonomy_terms?taxonomy_id=x", "/hsds/services?format=xml",
])
def test_bad_parameters_are_400_json(client: FlaskClient, path: str) -> None:
    body = get(client, path, 400)
    assert set(body) == {"error", "details"} and body["details"]


@pytest.mark.parametrize("path", [
    "/hsds/services/00000000-0000-0000-0000-000000000000", "/hsds/services/geen-uuid",
    "/hsds/organizations/x", "/hsds/taxonomies/x", "/hsds/taxonomy_terms/x",
    "/hsds/service_at_locations/x", "/hsds/nope",
])
def test_unknown_ids_are_404_json(client: FlaskClient, path: str) -> None:
    assert set(get(client, path, 404)) == {"error", "details"}


def test_hsds_is_read_only(client: FlaskClient) -> None:
    assert client.post("/hsds/services", json={}).status_code == 405
