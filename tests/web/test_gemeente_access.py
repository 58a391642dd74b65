"""Every gemeente route: roles (server-side) and CSRF on every POST."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from web.accounts import Role

from .conftest import csrf

TOKEN = "x" * 43
ROUTES = [
    ("GET", "/gemeente"),
    ("GET", "/gemeente/controle"),
    ("GET", "/gemeente/nieuw"),
    ("POST", "/gemeente/nieuw"),
    ("GET", "/gemeente/activiteit/a1/bewerken"),
    ("POST", "/gemeente/activiteit/a1/bewerken"),
    ("POST", "/gemeente/activiteit/a1/status"),
    ("POST", "/gemeente/activiteit/a1/gecontroleerd"),
    ("POST", "/gemeente/activiteit/a1/voorstel-overnemen"),
    ("POST", "/gemeente/melding/1/afhandelen"),
    ("GET", "/gemeente/importeren"),
    ("POST", "/gemeente/importeren"),
    ("GET", f"/gemeente/importeren/{TOKEN}"),
    ("GET", f"/gemeente/importeren/{TOKEN}/koppelen"),
    ("POST", f"/gemeente/importeren/{TOKEN}/koppelen"),
    ("GET", f"/gemeente/importeren/{TOKEN}/koppeling.json"),
    ("POST", f"/gemeente/importeren/{TOKEN}/opties"),
    ("POST", f"/gemeente/importeren/{TOKEN}/bevestigen"),
    ("GET", "/gemeente/exporteren"),
    ("GET", "/gemeente/exporteren?formaat=csv"),
    ("GET", "/gemeente/exporteren?formaat=hsds"),
    ("GET", "/gemeente/dekking"),
]
POSTS = [path for method, path in ROUTES if method == "POST"]


def _send(client: FlaskClient, method: str, path: str, token: str | None = None):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(path)
    return client.post(path, data={"csrf_token": token} if token else {})


def test_anonymous_goes_to_login(client: FlaskClient) -> None:
    token = csrf(client)
    for method, path in ROUTES:
        response = _send(client, method, path, token)
        assert response.status_code == 302, (method, path)
        assert response.headers["Location"].startswith("/inloggen?next=/gemeente"), path


@pytest.mark.parametrize("role", [Role.COACH, Role.HUISARTS])
def test_coach_and_huisarts_get_403(login_as, role: Role) -> None:
    client = login_as(role)
    token = csrf(client)
    for method, path in ROUTES:
        assert _send(client, method, path, token).status_code == 403, (method, path)


def test_every_post_needs_csrf(login_as) -> None:
    client = login_as(Role.GEMEENTE)
    for path in POSTS:
        response = client.post(path, data={})
        assert response.status_code == 400, path
        assert "Formulier verlopen" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.GEMEENTE, Role.BEHEERDER])
def test_gemeente_and_beheerder_get_the_pages(login_as, role: Role) -> None:
    client = login_as(role)
    for path in ("/gemeente/nieuw", "/gemeente/importeren", "/gemeente/exporteren",
                 "/gemeente/dekking"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'aria-current="page"' in response.get_data(as_text=True)
