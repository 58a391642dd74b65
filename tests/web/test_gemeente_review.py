"""Review-queue actions: close a report, 'gecontroleerd: klopt nog', accept suggestions."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap import reports, store
from socialmap.models import Activity, ActivityIn
from web.accounts import Role
from web.state import get_state

from .conftest import csrf


@pytest.fixture
def gemeente(catalogue: Flask, login_as) -> FlaskClient:
    """A client logged in as a gemeente user, on the demo catalogue."""
    return login_as(Role.GEMEENTE)


def unclassified(app: Flask) -> Activity:
    """Make one activity 'te classificeren' with suggestions, as an import would."""
    with app.app_context(), get_state().engine.begin() as conn:
        activity = store.list_activities(conn, limit=1)[0]
        data = ActivityIn.model_validate(activity.model_dump(include=set(ActivityIn.model_fields)))
        data = data.model_copy(update={
            "dimensions": [], "complaints": [], "suggested_dimensions": ["meedoen", "zingeving"],
            "suggested_complaints": ["eenzaamheid"]})
        return store.update_activity(conn, data, expected_version=activity.version, user="import")


def test_report_can_be_closed_from_the_queue(catalogue: Flask, gemeente: FlaskClient) -> None:
    with catalogue.app_context(), get_state().engine.begin() as conn:
        activity = store.list_activities(conn, limit=1)[0]
        report_id = reports.add_report(conn, activity.id, "Het adres klopt niet")
    queue = gemeente.get("/gemeente/controle").get_data(as_text=True)
    assert "Het adres klopt niet" in queue and f"/gemeente/melding/{report_id}/afhandelen" in queue
    response = gemeente.post(f"/gemeente/melding/{report_id}/afhandelen",
                             data={"csrf_token": csrf(gemeente), "terug": "/gemeente/controle"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/gemeente/controle"
    assert "Het adres klopt niet" not in gemeente.get("/gemeente/controle").get_data(as_text=True)
    with catalogue.app_context(), get_state().engine.connect() as conn:
        assert reports.open_reports(conn) == []
        entry = store.list_audit(conn, limit=1)[0]
    assert (entry["action"], entry["user"]) == ("close_report", "test-gemeente")
    again = gemeente.post(f"/gemeente/melding/{report_id}/afhandelen",
                          data={"csrf_token": csrf(gemeente)})
    assert again.status_code == 404


def test_stale_activity_can_be_verified_from_the_queue(catalogue: Flask,
                                                       gemeente: FlaskClient) -> None:
    with catalogue.app_context(), get_state().engine.begin() as conn:
        activity = store.list_activities(conn, limit=1)[0]
        store.verify_activity(conn, activity.id, user="oud", on=date(2020, 1, 1))
    queue = gemeente.get("/gemeente/controle").get_data(as_text=True)
    assert f"/gemeente/activiteit/{activity.id}/gecontroleerd" in queue
    gemeente.post(f"/gemeente/activiteit/{activity.id}/gecontroleerd",
                  data={"csrf_token": csrf(gemeente), "terug": "/gemeente/controle#verouderd"})
    with catalogue.app_context(), get_state().engine.connect() as conn:
        assert store.get_activity(conn, activity.id).last_verified == date.today()


def test_back_link_outside_gemeente_is_ignored(catalogue: Flask, gemeente: FlaskClient) -> None:
    with catalogue.app_context(), get_state().engine.connect() as conn:
        activity = store.list_activities(conn, limit=1)[0]
    response = gemeente.post(f"/gemeente/activiteit/{activity.id}/gecontroleerd",
                             data={"csrf_token": csrf(gemeente), "terug": "//evil.example/"})
    assert response.headers["Location"] == f"/gemeente/activiteit/{activity.id}/bewerken"


def test_suggestions_are_shown_and_accepted_with_one_click(catalogue: Flask,
                                                           gemeente: FlaskClient) -> None:
    activity = unclassified(catalogue)
    queue = gemeente.get("/gemeente/controle").get_data(as_text=True)
    assert "Voorstel: Meedoen, Zingeving" in queue
    edit_page = gemeente.get(f"/gemeente/activiteit/{activity.id}/bewerken").get_data(as_text=True)
    assert "Voorstel voor de indeling" in edit_page
    response = gemeente.post(f"/gemeente/activiteit/{activity.id}/voorstel-overnemen", data={
        "csrf_token": csrf(gemeente), "version": activity.version})
    assert response.status_code == 302
    with catalogue.app_context(), get_state().engine.connect() as conn:
        after = store.get_activity(conn, activity.id)
        entry = store.list_audit(conn, entity_id=activity.id, limit=1)[0]
    assert after.dimensions == ["meedoen", "zingeving"] and after.complaints == ["eenzaamheid"]
    assert after.classified and entry["user"] == "test-gemeente"


def test_accepting_stale_suggestions_is_refused(catalogue: Flask, gemeente: FlaskClient) -> None:
    activity = unclassified(catalogue)
    response = gemeente.post(f"/gemeente/activiteit/{activity.id}/voorstel-overnemen", data={
        "csrf_token": csrf(gemeente), "version": activity.version - 1})
    assert response.status_code == 409
    with catalogue.app_context(), get_state().engine.connect() as conn:
        assert not store.get_activity(conn, activity.id).classified
