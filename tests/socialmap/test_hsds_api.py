"""The read-only HSDS API functions: answers validate against the official compiled schemas."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine

from socialmap.database import transaction
from socialmap.errors import CatalogueError, NotFound
from socialmap.hsds import api, mapping, schemas
from socialmap.hsds.ids import activity_uuid, organisation_uuid, taxonomy_uuid, term_uuid
from socialmap.models import ActivityIn
from socialmap.store import create_activity
from tests.socialmap.test_hsds_package import plain, sample_catalogue


@pytest.fixture
def conn(engine: Engine) -> Iterator[Connection]:
    with transaction(engine) as c:
        for activity in sample_catalogue():
            create_activity(c, plain(activity), user="test")
    with engine.connect() as c:
        yield c


def valid(instance: object, *schema: str) -> None:
    assert schemas.errors(instance, *schema) == []


def valid_page(answer: dict[str, object], *item: str) -> None:
    errs = list(schemas.page_validator(*item).iter_errors(answer))
    assert errs == [], [e.message for e in errs]


def names(answer: dict[str, object]) -> list[str]:
    return [str(s["name"]) for s in answer["contents"]]  # type: ignore[attr-defined]


def test_root() -> None:
    assert api.root()["version"] == "3.0"
    assert api.root()["openapi_url"].startswith("https://")


def test_services_list_and_full(conn: Connection) -> None:
    flat = api.services(conn, {})
    valid_page(flat, "compiled", "service_list.json")
    assert names(flat) == ["Koffie-ochtend", "Moestuin", "Wandelgroep"]  # inactive one hidden
    full = api.services(conn, {"full": "true"})
    valid_page(full, "compiled", "service.json")
    assert all("attributes" in s for s in full["contents"])


def test_one_service_is_fully_nested(conn: Connection) -> None:
    answer = api.service(conn, activity_uuid("wandel-1"))
    valid(answer, "compiled", "service.json")
    assert answer["organization"]["name"] == "Welzijn Stad"
    assert {a["taxonomy_term"]["code"] for a in answer["attributes"]} == {
        "meedoen", "lichaamsfuncties", "eenzaamheid", "doelgroep-zingeving", "sleutel"}
    assert answer["schedules"][0]["byday"] == "TU,TH"
    assert answer["cost_options"][0]["amount"] == 2.5
    sal = answer["service_at_locations"][0]
    assert sal["location"]["addresses"][0]["postal_code"] == "9711AB"
    assert sal["location"]["accessibility"][0]["details"] == "rolstoeltoegankelijk: ja"


def test_unknown_or_inactive_service_is_not_found(conn: Connection) -> None:
    with pytest.raises(NotFound):
        api.service(conn, activity_uuid("bestaat-niet"))
    with pytest.raises(NotFound):  # inactief: not published
        api.service(conn, "6f1d2c3a-5b7e-4e2f-9a41-0c8d7e6b5a39")
    with pytest.raises(NotFound):
        api.service(conn, "geen-uuid")


def test_pagination(conn: Connection) -> None:
    first = api.services(conn, {"per_page": "2"})
    assert (first["total_items"], first["total_pages"], first["size"]) == (3, 2, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    second = api.services(conn, {"per_page": "2", "page": "2"})
    assert names(second) == ["Wandelgroep"] and second["last_page"]
    beyond = api.services(conn, {"per_page": "2", "page": "5"})
    assert beyond["empty"] and beyond["contents"] == []
    valid_page(beyond, "compiled", "service_list.json")


def test_filters(conn: Connection) -> None:
    assert names(api.services(conn, {"search": "WANDEL"})) == ["Wandelgroep"]
    term = term_uuid(mapping.DIMENSIONS, "meedoen")
    assert names(api.services(conn, {"taxonomy_term_id": term})) == [
        "Koffie-ochtend", "Wandelgroep"]
    complaints = taxonomy_uuid(mapping.COMPLAINTS)
    assert names(api.services(conn, {"taxonomy_id": complaints})) == ["Wandelgroep"]
    org = organisation_uuid("org-welzijn")
    assert len(api.services(conn, {"organization_id": org})["contents"]) == 3
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert api.services(conn, {"modified_after": future})["total_items"] == 0
    assert api.services(conn, {"modified_after": "2000-01-01"})["total_items"] == 3


@pytest.mark.parametrize(("params", "name"), [
    ({"page": "0"}, "page"), ({"per_page": "501"}, "per_page"), ({"page": "een"}, "page"),
    ({"full": "misschien"}, "full"), ({"taxonomy_term_id": "meedoen"}, "taxonomy_term_id"),
    ({"modified_after": "gisteren"}, "modified_after"), ({"format": "ndjson"}, "format"),
])
def test_bad_parameters_name_the_parameter(conn: Connection, params: dict[str, str],
                                           name: str) -> None:
    with pytest.raises(CatalogueError) as exc:
        api.services(conn, params)
    assert exc.value.details[0]["field"] == name
    assert name in exc.value.message


def test_organizations(conn: Connection) -> None:
    answer = api.organizations(conn, {})
    valid_page(answer, "compiled", "organization_list.json")
    assert names(answer) == ["Welzijn Stad"]  # Schrijfhuis has only an inactive service
    full = api.organizations(conn, {"full": "true"})
    valid_page(full, "compiled", "organization.json")
    one = api.organization(conn, organisation_uuid("org-welzijn"))
    valid(one, "compiled", "organization.json")
    assert len(one["services"]) == 3
    assert one["organization_identifiers"][0]["identifier"] == "org-welzijn"
    with pytest.raises(NotFound):
        api.organization(conn, organisation_uuid("c0ffee00-0000-4000-8000-000000000001"))


def test_service_at_locations(conn: Connection) -> None:
    answer = api.service_at_locations(conn, {})
    valid_page(answer, "compiled", "service_at_location_list.json")
    kinds = sorted(s["location"]["location_type"] for s in answer["contents"])
    assert kinds == ["physical", "physical", "physical", "virtual"]
    one = api.service_at_location(conn, answer["contents"][0]["id"])
    valid(one, "compiled", "service_at_location.json")
    term = term_uuid(mapping.COMPLAINTS, "eenzaamheid")
    assert api.service_at_locations(conn, {"taxonomy_term_id": term})["total_items"] == 1


def test_taxonomies_and_terms() -> None:
    answer = api.taxonomies({})
    valid_page(answer, "taxonomy.json")
    assert names(answer) == ["positieve-gezondheid", "wor-doelgroepen", "welzijnswijzer"]
    terms = api.taxonomy_terms({"per_page": "500"})
    valid_page(terms, "taxonomy_term.json")
    assert terms["total_items"] == 6 + 13 + 3
    only = api.taxonomy_terms({"taxonomy_id": taxonomy_uuid(mapping.DIMENSIONS)})
    assert [t["code"] for t in only["contents"]][:2] == ["lichaamsfuncties", "mentaal_welbevinden"]
    one = api.taxonomy_term(term_uuid(mapping.DIMENSIONS, "meedoen"))
    valid(one, "taxonomy_term.json")
    assert one["taxonomy_detail"]["name"] == "positieve-gezondheid"
    valid(api.taxonomy(taxonomy_uuid(mapping.INTERNAL)), "taxonomy.json")
    with pytest.raises(NotFound):
        api.taxonomy_term(taxonomy_uuid(mapping.DIMENSIONS))


def test_term_codes_are_unique_and_vocabulary_ids() -> None:
    codes = [t["code"] for t in mapping.taxonomy_terms()]
    assert len(codes) == len(set(codes))
    assert "zingeving" in codes and "doelgroep-zingeving" in codes
    assert mapping.term_for_id(term_uuid(mapping.COMPLAINTS, "doelgroep-zingeving")) == (
        mapping.COMPLAINTS, "zingeving")


@pytest.mark.parametrize("key", ["wandel-1", "c0ffee00-0000-4000-8000-0000000000aa"])
def test_services_validate_when_built_from_bare_activities(key: str) -> None:
    activity = ActivityIn(id=key, name="x", description="y",
                          organisation={"id": "o", "name": "O"}, online=True)
    valid(mapping.activity_to_service(activity, full=True), "compiled", "service.json")
    valid(mapping.activity_to_service(activity, full=False), "compiled", "service_list.json")
