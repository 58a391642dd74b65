"""The coach flow: spinnenweb and filters, results, shortlist, the printable handout and text."""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from werkzeug.datastructures import MultiDict

from socialmap.store import ActivityFilter, list_activities
from socialmap.tables import activity_reports
from web.charts import describe, spinnenweb_svg
from web.coach import SHOWN
from web.forms import match_form
from web.state import get_state

from .conftest import csrf

SEARCH = "/coach?zoeken=1&postcode=9711AB&score_meedoen=2&score_zingeving=3&max_km=10"


def result_ids(html: str) -> list[str]:
    return re.findall(r'name="id" value="([^"]+)"', html)


def test_chart_is_svg_with_text_alternative() -> None:
    svg = str(spinnenweb_svg({"meedoen": 2, "zingeving": 7.5}))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    assert "style=" not in svg
    expected = "Scores van 0 tot 10: Zingeving 7,5, Meedoen 2."
    assert describe({"meedoen": 2, "zingeving": 7.5}) == expected


def test_search_shows_results_with_reasons_distance_cost(catalogue: Flask,
                                                         client: FlaskClient) -> None:
    html = client.get(SEARCH).get_data(as_text=True)
    assert "gevonden" in html and "<svg" in html
    assert result_ids(html)
    assert " km" in html and ("gratis" in html or "€" in html)
    assert 'class="reasons"' in html


def test_filters_are_applied(catalogue: Flask, client: FlaskClient) -> None:
    html = client.get(SEARCH + "&gratis=ja&dag=zo&taal=ar").get_data(as_text=True)
    with catalogue.app_context(), get_state().engine.connect() as conn:
        from socialmap.store import get_activity
        for activity_id in result_ids(html):
            a = get_activity(conn, activity_id)
            assert a.cost.is_free and "ar" in a.languages
            assert not a.schedule.days or "zo" in a.schedule.days


def test_day_and_language_filter_before_the_cut(catalogue: Flask, client: FlaskClient) -> None:
    """The filters run inside the matcher: a full page of results whenever there are enough."""
    html = client.get("/coach?zoeken=1&score_meedoen=2&dag=ma&taal=nl").get_data(as_text=True)
    ids = result_ids(html)
    assert len(ids) == SHOWN == len(set(ids))
    with catalogue.app_context(), get_state().engine.connect() as conn:
        for a in list_activities(conn, ActivityFilter(ids=ids)):
            assert "nl" in a.languages and (not a.schedule.days or "ma" in a.schedule.days)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"dag": "zo", "taal": "AR"}, {"days": ["zo"], "languages": ["ar"]}),
        ({"dag": "zondag", "taal": "arabisch"}, {}),
        ({"dag": "", "taal": " "}, {}),
        ({"taal": "é1"}, {}),
    ],
)
def test_day_and_language_go_into_the_match_request(query: dict[str, str],
                                                     expected: dict[str, Any]) -> None:
    request = match_form(MultiDict(query)).request
    assert {k: request[k] for k in ("days", "languages") if k in request} == expected


def test_results_come_from_the_match_answer(catalogue: Flask, client: FlaskClient) -> None:
    """After the index is built a search loads no activities: the answer has all it shows."""
    client.get(SEARCH)
    with catalogue.app_context():
        engine = get_state().engine
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        html = client.get(SEARCH + "&taal=nl").get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert not [s for s in statements if "FROM activities" in s]
    ids = result_ids(html)
    with catalogue.app_context(), engine.connect() as conn:
        stored = {a.id: a for a in list_activities(conn, ActivityFilter(ids=ids))}
    page = htmllib.unescape(html)
    for activity_id in ids:
        a = stored[activity_id]
        signup = a.signup or a.contact.phone or a.contact.email or "zie de details"
        assert a.name in page and a.organisation.name in page and a.cost.label() in page
        assert f"<dd>{a.schedule.when or 'vraag het na'}</dd>" in page
        assert f"<dd>{signup}</dd>" in page


def test_bad_filters_are_named(catalogue: Flask, client: FlaskClient) -> None:
    response = client.get("/coach?zoeken=1&postcode=0000&score_meedoen=abc")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Vul een postcode in" in html and "Vul een getal in." in html


def test_shortlist_handout_and_text(catalogue: Flask, client: FlaskClient) -> None:
    ids = result_ids(client.get(SEARCH).get_data(as_text=True))[:2]
    token = csrf(client)
    for activity_id in ids:
        response = client.post("/coach/lijst", data={"id": activity_id, "csrf_token": token,
                                                     "terug": "/coach"})
        assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["shortlist"] == ids
    handout = client.get("/coach/recept").get_data(as_text=True)
    assert "Mijn welzijnsrecept" in handout and handout.count("<h3>") >= 2
    text = client.get("/coach/recept.txt")
    assert text.mimetype == "text/plain"
    assert text.get_data(as_text=True).startswith("Uw welzijnsrecept")
    client.post("/coach/lijst/weg", data={"id": ids[0], "csrf_token": token})
    with client.session_transaction() as session:
        assert session["shortlist"] == ids[1:]


def test_print_stylesheet_exists(client: FlaskClient) -> None:
    with client.get("/static/style.css") as response:
        css = response.get_data(as_text=True)
    assert "@media print" in css and "size: A4" in css


def test_unknown_activity_cannot_be_shortlisted(client: FlaskClient) -> None:
    response = client.post("/coach/lijst", data={"id": "bestaat-niet", "csrf_token": csrf(client)})
    assert response.status_code == 404


def test_error_report_reaches_review_queue(catalogue: Flask, client: FlaskClient,
                                           login_as) -> None:
    activity_id = result_ids(client.get(SEARCH).get_data(as_text=True))[0]
    response = client.post(f"/activiteit/{activity_id}/meld-een-fout",
                           data={"melding": "De tijd klopt niet meer", "csrf_token": csrf(client)})
    assert response.status_code == 302
    with catalogue.app_context(), get_state().engine.connect() as conn:
        stored = conn.execute(select(activity_reports.c.activity_id)).scalars().all()
    assert stored == [activity_id]
    queue = login_as("gemeente").get("/gemeente/controle").get_data(as_text=True)
    assert "De tijd klopt niet meer" in queue


def test_empty_error_report_is_refused(catalogue: Flask, client: FlaskClient) -> None:
    activity_id = result_ids(client.get(SEARCH).get_data(as_text=True))[0]
    response = client.post(f"/activiteit/{activity_id}/meld-een-fout",
                           data={"melding": "  ", "csrf_token": csrf(client)})
    assert response.status_code == 400
    assert "Beschrijf wat er niet klopt." in response.get_data(as_text=True)
