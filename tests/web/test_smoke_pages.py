"""Every page renders for the right people, in Dutch, with the security headers."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from web.accounts import Role

PUBLIC_PAGES = ["/", "/huisarts", "/coach", "/toegankelijkheid", "/inloggen", "/coach/recept",
                "/coach?zoeken=1&postcode=9711AB&score_meedoen=2"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_render_in_dutch(catalogue: Flask, client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert b'<html lang="nl">' in response.data
    assert b'href="#inhoud"' in response.data


def test_activity_page_has_report_form(catalogue: Flask, client: FlaskClient) -> None:
    activity_id = client.post("/api/v1/match", json={"limit": 1}).get_json()["results"][0]["id"]
    page = client.get(f"/activiteit/{activity_id}")
    assert page.status_code == 200
    assert b"Meld een fout" in page.data


def test_no_external_assets(catalogue: Flask, client: FlaskClient) -> None:
    for path in PUBLIC_PAGES:
        body = client.get(path).get_data(as_text=True)
        assert "http://" not in body.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in body
        assert "<script>" not in body and " style=" not in body


@pytest.mark.parametrize("path", ["/gemeente", "/gemeente/controle"])
def test_gemeente_pages_render_for_gemeente(catalogue: Flask, login_as, path: str) -> None:
    client = login_as(Role.GEMEENTE)
    assert client.get(path).status_code == 200
