"""Helpers for the referral and monitoring page tests (accounts with a workplace, login), and
tests of the account glue: workplaces and viewers."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap.referrals.access import ViewerRole
from web.accounts import AccountError, Role
from web.referral_support import set_workplace, viewer_of
from web.state import get_state

from .conftest import PASSWORD, csrf, make_user

ORG = "Welzijn Noord"
OTHER_ORG = "Welzijn Zuid"
PRACTICE = "Praktijk De Linde"
OTHER_PRACTICE = "Praktijk Oost"
GEMEENTE = "Groningen"


def days_ago(days: int) -> str:
    """An ISO date ``days`` before today."""
    return (date.today() - timedelta(days=days)).isoformat()


def login(app: Flask, role: Role, name: str, **workplace: str) -> FlaskClient:
    """A fresh client logged in as a new account with this role and workplace."""
    make_user(app, role, name)
    with app.app_context(), get_state().engine.begin() as conn:
        set_workplace(conn, name, **workplace)
    client = app.test_client()
    response = client.post("/inloggen", data={"naam": name, "wachtwoord": PASSWORD,
                                              "csrf_token": csrf(client)})
    assert response.status_code == 302, response.data
    return client


def post(client: FlaskClient, url: str, data: dict[str, object]) -> object:
    """POST a form with the session's CSRF token."""
    return client.post(url, data={**data, "csrf_token": csrf(client)})


def new_referral(client: FlaskClient, **changes: object) -> int:
    """Create a referral through the form; returns its id."""
    data: dict[str, object] = {
        "kenmerk": "ZD-1234", "praktijk": PRACTICE, "gemeente": GEMEENTE,
        "leeftijdsgroep": "45-64", "klacht": ["eenzaamheid"], "route": "welzijn_op_recept",
        "verwijsdatum": days_ago(300),
    }
    data.update(changes)
    response = post(client, "/coach/verwijzingen/nieuw", data)
    assert response.status_code == 302, response.get_data(as_text=True)  # type: ignore[attr-defined]
    found = re.search(r"/coach/verwijzingen/(\d+)$", response.location)  # type: ignore[attr-defined]
    assert found
    return int(found.group(1))


def version_of(client: FlaskClient, referral_id: int) -> int:
    """The version shown on the record page."""
    html = client.get(f"/coach/verwijzingen/{referral_id}").get_data(as_text=True)
    found = re.search(r"Versie (\d+)", html)
    assert found, html
    return int(found.group(1))


def test_workplace_per_role_and_gemeente_viewer(app: Flask) -> None:
    make_user(app, Role.GEMEENTE, "g1")
    make_user(app, Role.COACH, "c1")
    with app.app_context(), get_state().engine.begin() as conn:
        set_workplace(conn, "g1", municipality=GEMEENTE)
        set_workplace(conn, "c1", organisation=ORG)
        gemeente, coach = viewer_of(conn, "g1"), viewer_of(conn, "c1")
    assert gemeente.role is ViewerRole.GEMEENTE
    assert (gemeente.municipality, gemeente.organisation) == (GEMEENTE, None)
    assert (coach.organisation, coach.municipality) == (ORG, None)


@pytest.mark.parametrize(("role", "option", "hint"), [
    (Role.COACH, {"practice": PRACTICE}, "--practice past niet bij rol coach; gebruik "
                                         "--organisation"),
    (Role.HUISARTS, {"municipality": GEMEENTE}, "gebruik --practice"),
    (Role.BEHEERDER, {"organisation": ORG}, "--organisation past niet bij rol beheerder"),
])
def test_workplace_must_fit_the_role(app: Flask, role: Role, option: dict[str, str],
                                     hint: str) -> None:
    make_user(app, role, "iemand")
    with app.app_context(), get_state().engine.begin() as conn, \
            pytest.raises(AccountError, match=hint):
        set_workplace(conn, "iemand", **option)
