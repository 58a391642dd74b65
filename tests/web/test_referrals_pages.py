"""The referral pages per role: coach list, record and section forms, GP feedback."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from web.accounts import Role

from .test_referrals_support import (
    GEMEENTE,
    ORG,
    OTHER_ORG,
    OTHER_PRACTICE,
    PRACTICE,
    days_ago,
    login,
    new_referral,
    post,
    version_of,
)

ACTIVITY = "demo-0001"


@pytest.fixture
def coach(catalogue: Flask) -> FlaskClient:
    """The owning coach of organisation ORG."""
    return login(catalogue, Role.COACH, "coach-a", organisation=ORG)


def _edit(client: FlaskClient, rid: int, section: str, data: dict[str, Any]) -> Any:
    return post(client, f"/coach/verwijzingen/{rid}/{section}",
                {"versie": version_of(client, rid), **data})


@pytest.mark.parametrize("url", ["/coach/verwijzingen", "/coach/verwijzingen/nieuw",
                                 "/coach/verwijzingen/1", "/huisarts/terugkoppeling"])
def test_anonymous_goes_to_login(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert "/inloggen" in response.location


def test_access_per_role(catalogue: Flask, coach: FlaskClient) -> None:
    rid = new_referral(coach)
    colleague = login(catalogue, Role.COACH, "coach-b", organisation=ORG)
    stranger = login(catalogue, Role.COACH, "coach-z", organisation=OTHER_ORG)
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    gemeente = login(catalogue, Role.GEMEENTE, "gem-a", municipality=GEMEENTE)
    admin = login(catalogue, Role.BEHEERDER, "beheer-a")
    url = f"/coach/verwijzingen/{rid}"
    assert "ZD-1234" in coach.get(url).get_data(as_text=True)
    assert colleague.get(url).status_code == 200
    assert "ZD-1234" in colleague.get("/coach/verwijzingen").get_data(as_text=True)
    assert stranger.get(url).status_code == 404
    assert stranger.get(url + "/hulpvraag").status_code == 404
    assert "ZD-1234" not in stranger.get("/coach/verwijzingen").get_data(as_text=True)
    assert gp.get(url).status_code == 403
    assert gemeente.get(url).status_code == 403
    assert admin.get(url).status_code == 404
    assert admin.get("/coach/verwijzingen").status_code == 403


def test_stranger_cannot_edit(catalogue: Flask, coach: FlaskClient) -> None:
    rid = new_referral(coach)
    stranger = login(catalogue, Role.COACH, "coach-z", organisation=OTHER_ORG)
    response = post(stranger, f"/coach/verwijzingen/{rid}/hulpvraag",
                    {"versie": 1, "eerste_contact": days_ago(290)})
    assert response.status_code == 404  # type: ignore[attr-defined]
    assert "nog niet" in coach.get(f"/coach/verwijzingen/{rid}").get_data(as_text=True)


def test_full_flow_intake_to_nine_months(catalogue: Flask, coach: FlaskClient) -> None:
    rid = new_referral(coach)
    steps: list[tuple[str, dict[str, Any]]] = [
        ("hulpvraag", {"eerste_contact": days_ago(292), "hulpvraag": "Meer contact in de buurt",
                       "gesprekken": "1", "score_meedoen": "3", "score_zingeving": "4,5"}),
        ("activiteiten", {"activiteit_nieuw": ACTIVITY}),
        ("activiteiten", {"act-0-id": ACTIVITY, "act-0-gekozen": "ja",
                          "act-0-start": days_ago(280), "act-0-dagen": "2"}),
        ("vervolg", {"act-0-id": ACTIVITY, "act-0-3m": "ja", "act-0-6m": "ja",
                     "act-0-9m": "ja"}),
        ("afsluiting", {"einddatum": days_ago(10), "gesprekken": "5", "score_meedoen": "7",
                        "score_zingeving": "6", "doel": "ja",
                        "doel_toelichting": "Wandelt elke week mee", "doorverwezen": "ja"}),
    ]
    for section, data in steps:
        response = _edit(coach, rid, section, data)
        assert response.status_code == 302, (section, response.get_data(as_text=True))
    html = coach.get(f"/coach/verwijzingen/{rid}").get_data(as_text=True)
    assert "Versie 6" in html
    assert "Wandelgroep De Stapvoets" in html
    assert "<svg" in html and "uw eigen beeld" in html.lower()
    assert "+4" in html  # meedoen 3 -> 7 in the table beside the chart
    assert 'data-copy="terugkoppeling"' in html
    assert "Doel behaald: ja. Toelichting: Wandelt elke week mee" in html
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    feedback = gp.get("/huisarts/terugkoppeling").get_data(as_text=True)
    assert "Terugkoppeling Welzijn op Recept (einde begeleiding)" in feedback
    assert "Aantal gesprekken: 5" in feedback
    assert "Doorverwezen naar activiteit: ja, naar Wandelgroep De Stapvoets" in feedback


def test_activity_by_name_and_unknown_activity(catalogue: Flask, coach: FlaskClient) -> None:
    rid = new_referral(coach)
    response = _edit(coach, rid, "activiteiten", {"activiteit_nieuw": "niet-bestaand-99"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "staat niet in de sociale kaart" in html
    assert 'id="fout-activiteit_nieuw"' in html
    assert version_of(coach, rid) == 1
    response = _edit(coach, rid, "activiteiten", {"activiteit_nieuw": "wandelgroep de stapvoets"})
    assert response.status_code == 400
    assert "er zijn 2 activiteiten met deze naam" in response.get_data(as_text=True)
    response = _edit(coach, rid, "activiteiten", {"activiteit_nieuw": "linedance groningen"})
    assert response.status_code == 302
    assert "Linedance Groningen" in coach.get(f"/coach/verwijzingen/{rid}").get_data(as_text=True)
    search = coach.get(f"/coach/verwijzingen/{rid}/activiteiten?zoek=wandel")
    assert 'name="voeg_toe"' in search.get_data(as_text=True)


def test_overdue_first_contact_is_flagged_and_first(catalogue: Flask,
                                                    coach: FlaskClient) -> None:
    new_referral(coach, kenmerk="ZD-RECENT", verwijsdatum=days_ago(2))
    new_referral(coach, kenmerk="ZD-LATE", verwijsdatum=days_ago(30))
    html = coach.get("/coach/verwijzingen").get_data(as_text=True)
    assert "1 verwijzing zonder eerste contact" in html
    assert html.index("ZD-LATE") < html.index("ZD-RECENT")
    assert "later dan 14 dagen" in html


BAD_INPUT = [
    ("hulpvraag", {"eerste_contact": days_ago(-5)}, "eerste_contact", "ligt in de toekomst"),
    ("hulpvraag", {"eerste_contact": days_ago(400)}, "eerste_contact", "vóór de verwijsdatum"),
    ("hulpvraag", {"eerste_contact": "gisteren"}, "eerste_contact", "geen geldige datum"),
    ("hulpvraag", {"eerste_contact": days_ago(290), "gesprekken": "-1"}, "gesprekken",
     "moet minstens 0 zijn"),
    ("hulpvraag", {"eerste_contact": days_ago(290), "gesprekken": "twee"}, "gesprekken",
     "geheel getal"),
    ("hulpvraag", {"score_meedoen": "11"}, "score_meedoen", "van 0 tot en met 10"),
    ("afsluiting", {"einddatum": days_ago(301)}, "einddatum", "vóór het eerste contact"),
    ("afsluiting", {"doel": "misschien"}, "doel", "Kies ja, nee"),
    ("wie", {"kenmerk": "111222333"}, "kenmerk", "lijkt op een BSN"),
    ("wie", {"kenmerk": "iemand@example.org"}, "kenmerk", "e-mailadres"),
    ("wie", {"klacht": []}, "klacht", "kies er minstens 1"),
    ("wie", {"leeftijdsgroep": "12-17"}, "leeftijdsgroep", "kies uit"),
    ("wie", {"verwijsdatum": days_ago(-1)}, "verwijsdatum", "ligt in de toekomst"),
]


@pytest.mark.parametrize(("section", "data", "field", "message"), BAD_INPUT)
def test_bad_input_is_refused_and_nothing_saved(catalogue: Flask, coach: FlaskClient,
                                                section: str, data: dict[str, Any], field: str,
                                                message: str) -> None:
    rid = new_referral(coach)
    base: dict[str, Any] = {}
    if section == "wie":
        base = {"kenmerk": "ZD-1234", "praktijk": PRACTICE, "gemeente": GEMEENTE,
                "leeftijdsgroep": "45-64", "klacht": ["eenzaamheid"],
                "verwijsdatum": days_ago(300)}
    response = _edit(coach, rid, section, {**base, **data})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert f'id="fout-{field}"' in html
    assert 'class="error-summary"' in html
    assert version_of(coach, rid) == 1


def test_new_referral_bad_input_shows_form_again(catalogue: Flask, coach: FlaskClient) -> None:
    response = post(coach, "/coach/verwijzingen/nieuw", {
        "kenmerk": "", "praktijk": PRACTICE, "gemeente": GEMEENTE, "leeftijdsgroep": "45-64",
        "verwijsdatum": days_ago(3)})
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert 'id="fout-kenmerk"' in html and 'id="fout-klacht"' in html
    assert "ZD-" not in coach.get("/coach/verwijzingen?status=alle").get_data(as_text=True)


def test_post_without_csrf_is_refused(catalogue: Flask, coach: FlaskClient) -> None:
    response = coach.post("/coach/verwijzingen/nieuw", data={"kenmerk": "ZD-1"})
    assert response.status_code == 400


def test_stale_edit_shows_conflict(catalogue: Flask, coach: FlaskClient) -> None:
    rid = new_referral(coach)
    colleague = login(catalogue, Role.COACH, "coach-b", organisation=ORG)
    old = version_of(colleague, rid)
    assert _edit(coach, rid, "hulpvraag", {"eerste_contact": days_ago(295)}).status_code == 302
    response = post(colleague, f"/coach/verwijzingen/{rid}/hulpvraag",
                    {"versie": old, "eerste_contact": days_ago(290), "hulpvraag": "Mijn tekst"})
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 409  # type: ignore[attr-defined]
    assert "intussen gewijzigd door coach-a" in html
    assert "Mijn tekst" in html  # the colleague's input is kept to copy over
    record = coach.get(f"/coach/verwijzingen/{rid}").get_data(as_text=True)
    assert "Mijn tekst" not in record


def test_gp_sees_only_own_practice_feedback(catalogue: Flask, coach: FlaskClient) -> None:
    new_referral(coach, kenmerk="ZD-EIGEN")
    new_referral(coach, kenmerk="ZD-ANDER", praktijk=OTHER_PRACTICE)
    gp = login(catalogue, Role.HUISARTS, "gp-a", practice=PRACTICE)
    html = gp.get("/huisarts/terugkoppeling").get_data(as_text=True)
    assert "ZD-EIGEN" in html and "ZD-ANDER" not in html
    assert 'class="copy-button"' in html
    unbound = login(catalogue, Role.HUISARTS, "gp-zonder")
    assert unbound.get("/huisarts/terugkoppeling").status_code == 403
    assert coach.get("/huisarts/terugkoppeling").status_code == 403


def test_coach_without_organisation_cannot_create(catalogue: Flask) -> None:
    loose = login(catalogue, Role.COACH, "coach-los")
    assert loose.get("/coach/verwijzingen/nieuw").status_code == 403


def test_provider_response_on_activity_page(catalogue: Flask, coach: FlaskClient) -> None:
    for n in range(5):
        rid = new_referral(coach, kenmerk=f"ZD-{n}")
        assert _edit(coach, rid, "hulpvraag", {"eerste_contact": days_ago(295)}).status_code == 302
        assert _edit(coach, rid, "activiteiten", {"activiteit_nieuw": ACTIVITY}).status_code == 302
        assert _edit(coach, rid, "activiteiten", {
            "act-0-id": ACTIVITY, "act-0-gekozen": "ja", "act-0-start": days_ago(280),
            "act-0-dagen": "3"}).status_code == 302
    html = coach.get(f"/activiteit/{ACTIVITY}").get_data(as_text=True)
    assert "meestal binnen 3 dagen contact, 10 van de 10 verwijzingen gestart" in html
    anonymous = catalogue.test_client()
    assert "meestal binnen" not in anonymous.get(f"/activiteit/{ACTIVITY}").get_data(as_text=True)
