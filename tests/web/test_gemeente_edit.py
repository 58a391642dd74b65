"""Creating, editing, pausing, deactivating and verifying activities; stale edits; audit log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap import store
from socialmap.models import Activity, ActivityIn, Status
from web.accounts import Role
from web.gemeente_forms import form_values
from web.state import get_state

from .conftest import csrf

NEW = {"naam": "Wandelen in het Noorderplantsoen", "omschrijving": "Samen een uur wandelen.",
       "organisatie": "Buurtwerk Noord", "postcode": "9717 AB", "kosten": "gratis",
       "dimensies": ["lichaamsfuncties", "meedoen"], "dagen": ["di"], "status": "actief"}


@pytest.fixture
def gemeente(catalogue: Flask, login_as) -> FlaskClient:
    """A client logged in as a gemeente user, on the demo catalogue."""
    return login_as(Role.GEMEENTE)


def stored(app: Flask, activity_id: str) -> Activity:
    with app.app_context(), get_state().engine.connect() as conn:
        return store.get_activity(conn, activity_id)


def first(app: Flask) -> Activity:
    with app.app_context(), get_state().engine.connect() as conn:
        return store.list_activities(conn, limit=1)[0]


def edit_data(client: FlaskClient, activity: Activity, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {**form_values(activity), "version": str(activity.version),
                               "csrf_token": csrf(client)}
    for multi in ("dimensies", "doelgroepen", "dagen"):
        data[multi] = [v for v in str(data[multi]).split(";") if v]
    data.update(changes)
    return data


def test_create_activity(catalogue: Flask, gemeente: FlaskClient) -> None:
    response = gemeente.post("/gemeente/nieuw", data={**NEW, "gecontroleerd": "ja",
                                                      "csrf_token": csrf(gemeente)})
    assert response.status_code == 302
    activity_id = response.headers["Location"].split("/")[-2]
    activity = stored(catalogue, activity_id)
    assert activity.name == NEW["naam"]
    assert activity.dimensions == ["lichaamsfuncties", "meedoen"]
    assert activity.location is not None and activity.location.municipality == "Groningen"
    assert activity.last_verified == date.today()
    page = gemeente.get(response.headers["Location"]).get_data(as_text=True)
    assert "is toegevoegd" in page and "aangemaakt" in page and "test-gemeente" in page


def test_invalid_create_is_400_with_errors_per_field_and_input_kept(gemeente: FlaskClient) -> None:
    data = {**NEW, "naam": "", "postcode": "97111A", "email": "geen-adres",
            "leeftijd_min": "70", "leeftijd_max": "20", "csrf_token": csrf(gemeente)}
    response = gemeente.post("/gemeente/nieuw", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'class="error-summary"' in html
    for field in ("naam", "postcode", "email", "leeftijd_min"):
        assert f'href="#veld-{field}"' in html
        assert f'id="fout-{field}"' in html
    assert "Vul de naam in." in html
    assert 'aria-describedby="hint-postcode fout-postcode" aria-invalid="true"' in html
    assert 'value="97111A"' in html and "Samen een uur wandelen." in html


def test_duplicate_id_is_a_field_error(catalogue: Flask, gemeente: FlaskClient) -> None:
    existing = first(catalogue)
    response = gemeente.post("/gemeente/nieuw", data={**NEW, "id": existing.id,
                                                      "csrf_token": csrf(gemeente)})
    assert response.status_code == 400
    assert 'id="fout-id"' in response.get_data(as_text=True)
    assert stored(catalogue, existing.id) == existing


def test_edit_saves_and_keeps_last_verified(catalogue: Flask, gemeente: FlaskClient) -> None:
    before = first(catalogue)
    response = gemeente.post(f"/gemeente/activiteit/{before.id}/bewerken",
                             data=edit_data(gemeente, before, naam="Nieuwe naam"))
    assert response.status_code == 302
    after = stored(catalogue, before.id)
    assert after.name == "Nieuwe naam"
    assert after.version == before.version + 1
    assert after.last_verified == before.last_verified


def test_invalid_edit_is_400_and_changes_nothing(catalogue: Flask, gemeente: FlaskClient) -> None:
    before = first(catalogue)
    response = gemeente.post(f"/gemeente/activiteit/{before.id}/bewerken",
                             data=edit_data(gemeente, before, kosten="ongeveer vijf euro"))
    assert response.status_code == 400
    assert 'value="ongeveer vijf euro"' in response.get_data(as_text=True)
    assert stored(catalogue, before.id) == before


def test_changed_postcode_moves_coordinates(catalogue: Flask, gemeente: FlaskClient) -> None:
    before = first(catalogue)
    gemeente.post(f"/gemeente/activiteit/{before.id}/bewerken",
                  data=edit_data(gemeente, before, postcode="1011 AB", online=""))
    after = stored(catalogue, before.id)
    assert after.location is not None and after.location.municipality == "Amsterdam"
    assert after.location.lat is not None and 52 < after.location.lat < 52.6


def test_stale_edit_is_refused_with_conflict_and_nothing_overwritten(
        catalogue: Flask, gemeente: FlaskClient) -> None:
    loaded = first(catalogue)
    with catalogue.app_context(), get_state().engine.begin() as conn:
        other = ActivityIn.model_validate(loaded.model_dump(include=set(ActivityIn.model_fields)))
        store.update_activity(conn, other.model_copy(update={"name": "Door collega"}),
                              expected_version=loaded.version, user="collega")
    response = gemeente.post(f"/gemeente/activiteit/{loaded.id}/bewerken",
                             data=edit_data(gemeente, loaded, naam="Mijn naam"))
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Niet opgeslagen" in html and "collega" in html
    assert "Door collega" in html and "Mijn naam" in html
    assert f'name="version" value="{loaded.version + 1}"' in html
    assert stored(catalogue, loaded.id).name == "Door collega"


@pytest.mark.parametrize("status", [Status.GEPAUZEERD, Status.INACTIEF])
def test_pause_deactivate_and_reactivate(catalogue: Flask, gemeente: FlaskClient,
                                         status: Status) -> None:
    activity = first(catalogue)
    url = f"/gemeente/activiteit/{activity.id}/status"
    response = gemeente.post(url, data={"status": status.value, "version": activity.version,
                                        "csrf_token": csrf(gemeente)})
    assert response.status_code == 302
    assert stored(catalogue, activity.id).status is status
    stale = gemeente.post(url, data={"status": "actief", "version": activity.version,
                                     "csrf_token": csrf(gemeente)})
    assert stale.status_code == 409
    gemeente.post(url, data={"status": "actief", "version": activity.version + 1,
                             "csrf_token": csrf(gemeente)})
    assert stored(catalogue, activity.id).status is Status.ACTIEF


def test_missing_version_is_a_bad_request(catalogue: Flask, gemeente: FlaskClient) -> None:
    activity = first(catalogue)
    response = gemeente.post(f"/gemeente/activiteit/{activity.id}/status",
                             data={"status": "inactief", "csrf_token": csrf(gemeente)})
    assert response.status_code == 400
    assert stored(catalogue, activity.id).status is activity.status


def test_verify_sets_last_verified_and_edit_does_not(catalogue: Flask,
                                                    gemeente: FlaskClient) -> None:
    activity = first(catalogue)
    with catalogue.app_context(), get_state().engine.begin() as conn:
        store.verify_activity(conn, activity.id, user="oud", on=date.today() - timedelta(days=900))
    activity = stored(catalogue, activity.id)
    gemeente.post(f"/gemeente/activiteit/{activity.id}/bewerken",
                  data=edit_data(gemeente, activity, wanneer="elke maandag"))
    assert stored(catalogue, activity.id).last_verified == date.today() - timedelta(days=900)
    response = gemeente.post(f"/gemeente/activiteit/{activity.id}/gecontroleerd",
                             data={"csrf_token": csrf(gemeente)})
    assert response.status_code == 302
    assert stored(catalogue, activity.id).last_verified == date.today()


def test_audit_log_records_the_user_and_page_shows_history(catalogue: Flask,
                                                           gemeente: FlaskClient) -> None:
    activity = first(catalogue)
    gemeente.post(f"/gemeente/activiteit/{activity.id}/bewerken",
                  data=edit_data(gemeente, activity, aanmelden="Bel even"))
    gemeente.post(f"/gemeente/activiteit/{activity.id}/gecontroleerd",
                  data={"csrf_token": csrf(gemeente)})
    with catalogue.app_context(), get_state().engine.connect() as conn:
        entries = store.list_audit(conn, entity_id=activity.id)
    assert [(e["action"], e["user"]) for e in entries[:2]] == [
        ("verify", "test-gemeente"), ("update", "test-gemeente")]
    html = gemeente.get(f"/gemeente/activiteit/{activity.id}/bewerken").get_data(as_text=True)
    assert "Geschiedenis" in html and "gecontroleerd: klopt nog" in html and "aanmelden" in html


def test_unknown_activity_is_404(gemeente: FlaskClient) -> None:
    assert gemeente.get("/gemeente/activiteit/bestaat-niet/bewerken").status_code == 404
