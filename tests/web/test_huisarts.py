"""The GP page: form -> advice, highlighted note with confirm/strike, teaser; nothing stored."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from socialmap.tables import activity_reports, audit_log
from web.state import get_state

from .conftest import csrf

NOTE = "Sinds overlijden partner alleen, slaapt slecht, weinig contacten."


def post(client: FlaskClient, **fields: object):
    return client.post("/huisarts", data={"csrf_token": csrf(client), **fields})


def test_form_lists_13_complaints_with_their_wording(client: FlaskClient) -> None:
    html = client.get("/huisarts").get_data(as_text=True)
    assert html.count('name="klacht"') == 13
    assert "somber voelen, angstig gevoel" in html
    assert 'name="signaal"' in html and 'name="notitie"' in html


def test_answer_shows_route_steps_referral_and_teaser(catalogue: Flask,
                                                     client: FlaskClient) -> None:
    response = post(client, klacht=["eenzaamheid"], leeftijd="70", postcode="9711AB",
                    notitie=NOTE)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Welzijn op Recept past." in html
    assert "Volgende stappen" in html
    assert 'id="verwijstekst"' in html and 'data-copy="verwijstekst"' in html
    assert "Activiteiten in de buurt van 9711AB" in html
    assert "<mark" in html
    assert response.headers["Cache-Control"] == "no-store"


def test_detected_items_can_be_struck(client: FlaskClient) -> None:
    html = post(client, notitie=NOTE).get_data(as_text=True)
    value = re.search(r'name="schrap" value="([^"]*slaapproblemen)"', html).group(1)
    again = post(client, notitie=NOTE, schrap=value).get_data(as_text=True)
    assert re.search(r'<mark class="struck"[^>]*>slaapt slecht</mark>', again)
    assert re.search(r'name="schrap" value="[^"]*slaapproblemen" [^>]*checked', again)
    referral = re.search(r'<textarea id="verwijstekst"[^>]*>(.*?)</textarea>', again, re.S).group(1)
    assert "slaapproblemen" not in referral and "slaapt slecht" not in referral


def test_detected_items_can_be_confirmed(client: FlaskClient) -> None:
    html = post(client, notitie=NOTE, bevestig_klacht="slaapproblemen").get_data(as_text=True)
    assert 'name="bevestig_klacht" value="slaapproblemen"' not in html


def test_signal_routes_away_from_wor(client: FlaskClient) -> None:
    html = post(client, klacht=["eenzaamheid"], signaal=["suicidaliteit"]).get_data(as_text=True)
    assert "Welzijn op Recept past nu niet." in html


def test_empty_form_explains_what_is_missing(client: FlaskClient) -> None:
    response = post(client)
    assert response.status_code == 400
    assert "Kies minstens één klacht" in response.get_data(as_text=True)


def test_bad_fields_are_named_in_dutch(client: FlaskClient) -> None:
    response = post(client, klacht=["eenzaamheid"], leeftijd="oud", postcode="AB",
                    score_meedoen="12")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Vul een heel getal in." in html
    assert "Vul een postcode in" in html
    assert "Vul een getal van 0 tot en met 10 in." in html
    assert 'aria-invalid="true"' in html


def test_nothing_is_stored(app: Flask, client: FlaskClient) -> None:
    post(client, klacht=["eenzaamheid"], notitie="GEHEIM-NOTITIE")
    with client.session_transaction() as session:
        assert "GEHEIM" not in str(dict(session))
    with app.app_context(), get_state().engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_log)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(activity_reports)).scalar_one() == 0
