"""The gemeente's monitoring pages: aggregates only, suppression, CSV export, capacity."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap.referrals.demo import ORGANISATION, PRACTICES, load_demo
from web.accounts import Role
from web.state import get_state

from .test_referrals_support import GEMEENTE, ORG, PRACTICE, login, new_referral


@pytest.fixture
def demo(catalogue: Flask) -> str:
    """The demo referrals on the demo catalogue; returns their municipality."""
    with catalogue.app_context(), get_state().engine.begin() as conn:
        load_demo(conn, today=date.today())
    return _municipality(catalogue)


def _municipality(app: Flask) -> str:
    admin = login(app, Role.BEHEERDER, "beheer-m")
    html = admin.get("/gemeente/monitor").get_data(as_text=True)
    found = re.search(r'<option value="([^"]+)"', html)
    assert found, html
    return found.group(1)


@pytest.mark.parametrize("url", ["/gemeente/monitor", "/gemeente/monitor.csv",
                                 "/gemeente/capaciteit", "/gemeente/activiteiten-gebruik"])
def test_anonymous_and_wrong_roles(catalogue: Flask, url: str) -> None:
    response = catalogue.test_client().get(url)
    assert response.status_code == 302 and "/inloggen" in response.location
    coach = login(catalogue, Role.COACH, "coach-m", organisation=ORG)
    assert coach.get(url).status_code == 403


def test_dashboard_charts_tables_and_suppression(demo: str, catalogue: Flask) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=demo)
    response = gemeente.get("/gemeente/monitor")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<svg") == 3
    assert "Welzijnsrecepten per maand" in html and "Aantal welzijnsrecepten" in html
    assert "<caption>Cijfers: Spinnenweb bij intake en aan het eind</caption>" in html
    assert "&lt;5" in html  # small cells (e.g. a quiet month) are suppressed
    assert "DEMO-20" not in html  # never a single record
    for practice in PRACTICES:
        assert practice in html
    assert "style=" not in html  # strict CSP: no inline styles


def test_gemeente_sees_only_own_municipality(demo: str, catalogue: Flask) -> None:
    other = login(catalogue, Role.GEMEENTE, "gem-ander", municipality="Elders")
    html = other.get("/gemeente/monitor").get_data(as_text=True)
    assert "Aantal welzijnsrecepten</th><td>&lt;5" in html
    assert other.get(f"/gemeente/monitor?gemeente={demo}").status_code == 403


def test_small_numbers_are_suppressed(catalogue: Flask) -> None:
    coach = login(catalogue, Role.COACH, "coach-m", organisation=ORG)
    for n in range(3):
        new_referral(coach, kenmerk=f"ZD-{n}")
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=GEMEENTE)
    html = gemeente.get("/gemeente/monitor").get_data(as_text=True)
    assert "Aantal welzijnsrecepten</th><td>&lt;5</td>" in html
    assert ">3<" not in html
    rows = list(csv.DictReader(io.StringIO(
        gemeente.get("/gemeente/monitor.csv").get_data(as_text=True))))
    recipes = [r for r in rows if r["indicator"] == "recepten"]
    assert recipes and all(r["waarde"] == "<5" and r["aantal"] == "<5" for r in recipes)


def test_csv_export_is_anonymised(demo: str, catalogue: Flask) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=demo)
    response = gemeente.get("/gemeente/monitor.csv?van=2000-01-01")
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == ["gemeente", "praktijk", "van", "tot", "indicator",
                                 "omschrijving", "waarde", "aantal"]
    rows = list(reader)
    assert {r["gemeente"] for r in rows} == {demo}
    assert {r["praktijk"] for r in rows} == {"alle", *PRACTICES}
    assert "DEMO-" not in text and ORGANISATION not in text
    assert "demo-coach" not in text


@pytest.mark.parametrize(("query", "field"), [("van=gisteren", "van"),
                                              ("van=2026-05-01&tot=2026-01-01", "tot")])
def test_bad_period_is_named(catalogue: Flask, query: str, field: str) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=GEMEENTE)
    response = gemeente.get(f"/gemeente/monitor?{query}")
    assert response.status_code == 400
    assert f'id="fout-{field}"' in response.get_data(as_text=True)
    assert gemeente.get(f"/gemeente/monitor.csv?{query}").status_code == 400


def _plan(client: FlaskClient, patients: str, gps: str = "2", extra: str = "") -> str:
    response = client.get(f"/gemeente/capaciteit?bereken=1&praktijk-0-naam={PRACTICE}"
                          f"&praktijk-0-patienten={patients}&praktijk-0-huisartsen={gps}{extra}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_capacity_numbers_follow_the_input(catalogue: Flask) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=GEMEENTE)
    small = _plan(gemeente, "10000")
    assert "Verwachte verwijzingen</th><td>30 - 80</td>" in small
    assert "Benodigde fte welzijnscoach</th><td>0,16 - 0,67</td>" in small
    assert "Uren huisartsen</th><td>45,0 - 82,5</td>" in small
    large = _plan(gemeente, "20000")
    assert "Verwachte verwijzingen</th><td>60 - 160</td>" in large
    assert "minder dan verwacht" in large


def test_capacity_compares_with_recorded_referrals(demo: str, catalogue: Flask) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=demo)
    form = gemeente.get("/gemeente/capaciteit").get_data(as_text=True)
    assert all(p in form for p in PRACTICES)  # known practices are pre-filled
    html = gemeente.get("/gemeente/capaciteit?bereken=1"
                        f"&praktijk-0-naam={PRACTICES[0]}&praktijk-0-patienten=9000"
                        "&praktijk-0-huisartsen=3").get_data(as_text=True)
    row = re.search(rf"<th scope=\"row\">{re.escape(PRACTICES[0])}</th>(.*?)</tr>", html)
    assert row is not None
    assert re.search(r"<td>\d+</td><td>(meer dan|minder dan|zoals) verwacht</td>", row.group(1))


@pytest.mark.parametrize(("query", "field"), [
    ("praktijk-0-naam=A&praktijk-0-patienten=-5&praktijk-0-huisartsen=1",
     "praktijk-0-patienten"),
    ("praktijk-0-naam=A&praktijk-0-patienten=veel&praktijk-0-huisartsen=1",
     "praktijk-0-patienten"),
    ("praktijk-0-naam=A&praktijk-0-patienten=5000&praktijk-0-huisartsen=0",
     "praktijk-0-huisartsen"),
    ("praktijk-0-patienten=5000&praktijk-0-huisartsen=1", "praktijk-0-naam"),
    ("praktijk-0-naam=A&praktijk-0-patienten=5000&praktijk-0-huisartsen=1"
     "&praktijk-1-naam=A&praktijk-1-patienten=5000&praktijk-1-huisartsen=1", "praktijk-1-naam"),
    ("", "praktijk-0-naam"),
])
def test_capacity_bad_input(catalogue: Flask, query: str, field: str) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=GEMEENTE)
    response = gemeente.get(f"/gemeente/capaciteit?bereken=1&{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="fout-{field}"' in html and 'class="error-summary"' in html


def test_activity_use_with_suppression_and_never_chosen(demo: str, catalogue: Flask) -> None:
    gemeente = login(catalogue, Role.GEMEENTE, "gem-m", municipality=demo)
    html = gemeente.get("/gemeente/activiteiten-gebruik").get_data(as_text=True)
    assert "Voorgesteld, gekozen en volgehouden" in html
    assert "&lt;5" in html
    assert "Nooit gekozen (" in html
    assert "DEMO-" not in html
