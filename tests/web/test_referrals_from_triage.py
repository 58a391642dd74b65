"""A GP records a referral from the triage answer (/huisarts -> /huisarts/verwijzing/nieuw)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from socialmap.referrals.models import AgeBand
from socialmap.tables import referrals
from socialmap.vocabulary import load_vocabulary
from web.accounts import Role
from web.referral_forms import age_band_for
from web.state import get_state

from .conftest import csrf
from .test_referrals_support import GEMEENTE, ORG, OTHER_ORG, PRACTICE, days_ago, login, post

URL = "/huisarts/verwijzing/nieuw"
NOTE = "Mevrouw Jansen, Dorpsstraat 12, voelt zich erg eenzaam sinds haar man overleed."
BUTTON = "Verwijzing vastleggen voor de terugkoppeling"


def _answer(client: FlaskClient, **fields: object) -> str:
    response = client.post("/huisarts", data={"csrf_token": csrf(client), **fields})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def _referral_form(html: str) -> str:
    """The GET form on the answer page that leads to the GP referral page."""
    found = re.search(r'<form method="get" action="/huisarts/verwijzing/nieuw".*?</form>', html,
                      re.S)
    assert found, "no referral button on the answer page"
    return found.group(0)


def _form_query(form_html: str) -> str:
    pairs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form_html)
    return "&".join(f"{name}={unescape(value)}" for name, value in pairs)


def _gp_form(**changes: object) -> dict[str, Any]:
    data: dict[str, Any] = {"kenmerk": "ZD-2026-77", "organisatie": ORG, "gemeente": GEMEENTE,
                            "leeftijdsgroep": "65-74", "klacht": ["eenzaamheid"],
                            "route": "welzijn_op_recept", "verwijsdatum": days_ago(3)}
    data.update(changes)
    return data


def _stored(app: Flask) -> list[Any]:
    with app.app_context(), get_state().engine.connect() as conn:
        return list(conn.execute(select(referrals)).mappings())


@pytest.mark.parametrize(("age", "band"), [(None, None), (17, None), (18, AgeBand.A18_29),
                                           (44, AgeBand.A30_44), (64, AgeBand.A45_64),
                                           (65, AgeBand.A65_74), (80, AgeBand.A75_PLUS)])
def test_age_band_for(age: int | None, band: AgeBand | None) -> None:
    assert age_band_for(age) is band


def test_answer_carries_only_codes_never_the_note(client: FlaskClient) -> None:
    html = _answer(client, klacht=["eenzaamheid"], leeftijd="70", notitie=NOTE)
    form = _referral_form(html)
    assert BUTTON in form
    query = parse_qs(_form_query(form))
    assert set(query) == {"klacht", "route", "leeftijdsgroep"}
    assert "eenzaamheid" in query["klacht"]
    assert set(query["klacht"]) <= set(load_vocabulary().complaints.ids)
    assert query["route"] == ["welzijn_op_recept"] and query["leeftijdsgroep"] == ["65-74"]
    assert "Jansen" not in form and "Dorpsstraat" not in form and "70" not in form
    assert "<script" not in form and "style=" not in form


def test_no_button_when_wor_does_not_fit(client: FlaskClient) -> None:
    html = _answer(client, klacht=["eenzaamheid"], signaal=["suicidaliteit"])
    assert "Welzijn op Recept past nu niet" in html
    assert BUTTON not in html


def test_button_when_wor_is_a_second_route(client: FlaskClient) -> None:
    html = _answer(client, klacht=["eenzaamheid"], signaal=["praktische_hulp_nodig"])
    assert "Welzijn op Recept past nu niet" in html
    assert "route-welzijn_op_recept" not in html
    query = parse_qs(_form_query(_referral_form(html)))
    assert query["route"] == ["welzijn_op_recept"] and "leeftijdsgroep" not in query


def test_anonymous_goes_to_login_keeping_only_the_codes(client: FlaskClient) -> None:
    response = client.get(f"{URL}?klacht=eenzaamheid&route=welzijn_op_recept"
                          "&leeftijdsgroep=65-74")
    assert response.status_code == 302
    target = urlsplit(response.location)
    assert target.path == "/inloggen"
    nxt = urlsplit(parse_qs(target.query)["next"][0])
    assert nxt.path == URL
    assert parse_qs(nxt.query) == {"klacht": ["eenzaamheid"], "route": ["welzijn_op_recept"],
                                   "leeftijdsgroep": ["65-74"]}
    assert client.post(URL, data={"csrf_token": csrf(client)}).status_code == 302


@pytest.mark.parametrize("role", [Role.COACH, Role.GEMEENTE])
def test_other_roles_are_refused(catalogue: Flask, role: Role) -> None:
    workplace = {"organisation": ORG} if role is Role.COACH else {"municipality": GEMEENTE}
    client = login(catalogue, role, f"x-{role.value}", **workplace)
    assert client.get(URL).status_code == 403
    assert post(client, URL, _gp_form()).status_code == 403  # type: ignore[attr-defined]
    assert _stored(catalogue) == []


def test_gp_without_practice_gets_an_explanation(catalogue: Flask) -> None:
    gp = login(catalogue, Role.HUISARTS, "gp-zonder")
    response = gp.get(URL)
    assert response.status_code == 403
    assert "niet gekoppeld aan een huisartsenpraktijk" in response.get_data(as_text=True)
    assert post(gp, URL, _gp_form()).status_code == 403  # type: ignore[attr-defined]
    assert _stored(catalogue) == []


def test_prefilled_form_shows_codes_practice_organisations(catalogue: Flask) -> None:
    login(catalogue, Role.COACH, "coach-a", organisation=ORG)
    login(catalogue, Role.COACH, "coach-z", organisation=OTHER_ORG)
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    html = gp.get(f"{URL}?klacht=eenzaamheid&klacht=onbekend&route=welzijn_op_recept"
                  "&leeftijdsgroep=65-74&notitie=Jansen&naam=Jansen").get_data(as_text=True)
    assert 'value="eenzaamheid" checked' in html
    assert 'value="65-74" selected' in html
    assert f'value="{date.today().isoformat()}"' in html
    assert PRACTICE in html and 'name="praktijk"' not in html
    assert f'<option value="{ORG}">' in html and f'<option value="{OTHER_ORG}">' in html
    assert "Jansen" not in html and "onbekend" not in html


def test_post_needs_csrf(catalogue: Flask) -> None:
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    assert gp.post(URL, data=_gp_form()).status_code == 400
    assert _stored(catalogue) == []


def test_gp_creates_and_the_organisation_sees_it(catalogue: Flask) -> None:
    coach = login(catalogue, Role.COACH, "coach-a", organisation=ORG)
    stranger = login(catalogue, Role.COACH, "coach-z", organisation=OTHER_ORG)
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    html = _answer(gp, klacht=["eenzaamheid"], leeftijd="70", notitie=NOTE)
    prefilled = gp.get(f"{URL}?{_form_query(_referral_form(html))}")
    assert prefilled.status_code == 200
    assert "Jansen" not in prefilled.get_data(as_text=True)
    response = post(gp, URL, _gp_form(praktijk="Praktijk Elders"))
    assert response.status_code == 302, response.get_data(as_text=True)  # type: ignore[attr-defined]
    done = gp.get(response.location).get_data(as_text=True)  # type: ignore[attr-defined]
    assert f"De welzijnscoaches van {ORG} zien haar" in done
    assert 'href="/huisarts/terugkoppeling"' in done
    [row] = _stored(catalogue)
    assert row["practice"] == PRACTICE and row["organisation"] == ORG
    assert row["coach"] is None and row["age_band"] == "65-74"
    assert all("Jansen" not in str(value) for value in row.values())
    listing = coach.get("/coach/verwijzingen").get_data(as_text=True)
    assert "ZD-2026-77" in listing
    assert coach.get(f"/coach/verwijzingen/{row['id']}").status_code == 200
    assert "ZD-2026-77" not in stranger.get("/coach/verwijzingen").get_data(as_text=True)
    assert "ZD-2026-77" in gp.get("/huisarts/terugkoppeling").get_data(as_text=True)


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"verwijsdatum": (date.today() + timedelta(days=5)).isoformat()}, "verwijsdatum",
     "toekomst"),
    ({"kenmerk": "111 222 333"}, "kenmerk", "BSN"),
    ({"kenmerk": "jan@example.nl"}, "kenmerk", "e-mailadres"),
    ({"organisatie": ""}, "organisatie", "leeg"),
    ({"klacht": []}, "klacht", "minstens"),
    ({"verwijsdatum": ""}, "verwijsdatum", "vul de datum"),
])
def test_bad_input_is_refused_with_errors(catalogue: Flask, changes: dict[str, object],
                                          field: str, words: str) -> None:
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    response = post(gp, URL, _gp_form(**changes))
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert f'id="fout-{field}"' in html
    assert words.lower() in html.lower()
    assert _stored(catalogue) == []
