"""Security: headers, CSRF, roles on the server, login throttling, open redirects."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from web.accounts import Role

from .conftest import PASSWORD, csrf, make_user


@pytest.mark.parametrize("path", ["/", "/huisarts", "/api/v1/vocabulary", "/hsds/", "/nope"])
def test_security_headers(client: FlaskClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]


def test_session_cookie_is_httponly_and_samesite(app: Flask, client: FlaskClient) -> None:
    make_user(app, Role.COACH, "coach1")
    response = client.post("/inloggen", data={"naam": "coach1", "wachtwoord": PASSWORD,
                                              "csrf_token": csrf(client)})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize("path", ["/huisarts", "/inloggen", "/uitloggen", "/coach/lijst"])
def test_post_without_csrf_token_is_refused(client: FlaskClient, path: str) -> None:
    response = client.post(path, data={"klacht": "eenzaamheid"})
    assert response.status_code == 400
    assert b"Formulier verlopen" in response.data


def test_post_with_wrong_csrf_token_is_refused(client: FlaskClient) -> None:
    csrf(client)
    response = client.post("/huisarts", data={"klacht": "eenzaamheid", "csrf_token": "fout"})
    assert response.status_code == 400


def test_post_with_csrf_token_is_accepted(client: FlaskClient) -> None:
    response = client.post("/huisarts", data={"klacht": "eenzaamheid",
                                              "csrf_token": csrf(client)})
    assert response.status_code == 200


def test_anonymous_is_sent_to_login(client: FlaskClient) -> None:
    response = client.get("/gemeente/controle")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen?next=/gemeente/controle")


@pytest.mark.parametrize("role", [Role.COACH, Role.HUISARTS])
@pytest.mark.parametrize("path", ["/gemeente", "/gemeente/controle"])
def test_coach_and_gp_cannot_reach_gemeente_pages(login_as, role: Role, path: str) -> None:
    client = login_as(role)
    response = client.get(path)
    assert response.status_code == 403
    assert b"Geen toegang" in response.data


@pytest.mark.parametrize("role", [Role.GEMEENTE, Role.BEHEERDER])
def test_gemeente_and_beheerder_see_review_queue(login_as, role: Role) -> None:
    assert login_as(role).get("/gemeente/controle").status_code == 200


def test_wrong_password_then_throttled(app: Flask, client: FlaskClient) -> None:
    make_user(app, Role.GEMEENTE, "gem1")
    token = csrf(client)
    statuses = [client.post("/inloggen", data={"naam": "gem1", "wachtwoord": "fout-fout-fout",
                                               "csrf_token": token}).status_code
                for _ in range(6)]
    assert statuses[:5] == [400] * 5
    assert statuses[5] == 429
    blocked = client.post("/inloggen", data={"naam": "gem1", "wachtwoord": PASSWORD,
                                             "csrf_token": token})
    assert blocked.status_code == 429


def test_login_and_logout(app: Flask, client: FlaskClient) -> None:
    make_user(app, Role.GEMEENTE, "gem2")
    response = client.post("/inloggen", data={"naam": "gem2", "wachtwoord": PASSWORD,
                                              "next": "/gemeente", "csrf_token": csrf(client)})
    assert response.headers["Location"] == "/gemeente"
    assert b"gem2" in client.get("/").data
    client.post("/uitloggen", data={"csrf_token": csrf(client)})
    assert client.get("/gemeente").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil"])
def test_login_never_redirects_off_site(app: Flask, client: FlaskClient, target: str) -> None:
    make_user(app, Role.COACH, "coach2")
    response = client.post("/inloggen", data={"naam": "coach2", "wachtwoord": PASSWORD,
                                              "next": target, "csrf_token": csrf(client)})
    assert response.headers["Location"] == "/"


def test_require_login_closes_everything(db_url: str) -> None:
    from web.app import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "REQUIRE_LOGIN": True})
    client = app.test_client()
    assert client.get("/huisarts").status_code == 302
    assert client.get("/api/v1/vocabulary").status_code == 401
    assert client.get("/hsds/services").status_code == 401
    assert client.get("/toegankelijkheid").status_code == 200
    assert client.get("/inloggen").status_code == 200


def test_error_report_is_throttled(catalogue: Flask, client: FlaskClient) -> None:
    activity_id = client.post("/api/v1/match", json={"limit": 1}).get_json()["results"][0]["id"]
    token = csrf(client)
    url = f"/activiteit/{activity_id}/meld-een-fout"
    statuses = [client.post(url, data={"melding": "Tijd klopt niet", "csrf_token": token})
                .status_code for _ in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
