"""Fixtures for the web app: ``app`` on a migrated temporary database, ``client``, ``runner``,
``login_as(role)``, and the demo catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from web import accounts
from web.accounts import Role
from web.app import create_app
from web.demo import fill_demo_catalogue
from web.security import CSRF_SESSION_KEY
from web.state import get_state

TEST_SECRET = "test-secret-" + "x" * 40
PASSWORD = "correct horse battery"


@pytest.fixture
def app(db_url: str) -> Iterator[Flask]:
    """The web app on an empty, migrated database (not in demo mode)."""
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "SECRET_KEY": TEST_SECRET,
                      "DEMO": False})
    yield app
    with app.app_context():
        get_state().engine.dispose()


@pytest.fixture
def catalogue(app: Flask) -> Flask:
    """The app with the demo catalogue loaded."""
    with app.app_context():
        fill_demo_catalogue(get_state().engine)
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """A CLI runner of the app."""
    return app.test_cli_runner()


def csrf(client: FlaskClient) -> str:
    """Put a CSRF token in the client's session and return it."""
    with client.session_transaction() as session:
        token = session.get(CSRF_SESSION_KEY) or "test-csrf-token"
        session[CSRF_SESSION_KEY] = token
    return str(token)


def make_user(app: Flask, role: Role, name: str | None = None) -> str:
    """Create an account with the test password; returns its name."""
    name = name or f"test-{role.value}"
    with app.app_context(), get_state().engine.begin() as conn:
        if accounts.find_user(conn, name) is None:
            accounts.add_user(conn, name, role, PASSWORD)
    return name


@pytest.fixture
def login_as(app: Flask, client: FlaskClient) -> Callable[[Role | str], FlaskClient]:
    """Log the client in with a fresh account of the given role."""
    def login(role: Role | str) -> FlaskClient:
        name = make_user(app, Role(role))
        response = client.post("/inloggen", data={
            "naam": name, "wachtwoord": PASSWORD, "csrf_token": csrf(client)})
        assert response.status_code == 302, response.data
        return client
    return login
