"""The command line: ``user add`` and ``serve`` (with the demo start)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import select

from socialmap.tables import users
from web import cli
from web.cli import main
from web.state import get_state


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WELZIJNSWIJZER_DATABASE_URL", db_url)
    return db_url


def _stored(db_url: str) -> list:
    from socialmap.database import make_engine

    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = list(conn.execute(select(users)))
    engine.dispose()
    return rows


def test_user_add_reads_password_from_stdin(cli_env: str) -> None:
    result = CliRunner().invoke(main, ["user", "add", "annet", "--role", "gemeente"],
                                input="een-lang-wachtwoord\n")
    assert result.exit_code == 0, result.output
    rows = _stored(cli_env)
    assert [(r.name, r.role) for r in rows] == [("annet", "gemeente")]
    assert rows[0].password_hash.startswith("scrypt:")
    assert "een-lang-wachtwoord" not in rows[0].password_hash


def test_user_add_has_no_password_option() -> None:
    result = CliRunner().invoke(main, ["user", "add", "x", "--role", "coach", "--password", "y"])
    assert result.exit_code == 2


@pytest.mark.parametrize(("args", "password"), [
    (["user", "add", "kort", "--role", "coach"], "kort\n"),
    (["user", "add", "!!", "--role", "coach"], "een-lang-wachtwoord\n"),
    (["user", "add", "iemand", "--role", "koning"], "een-lang-wachtwoord\n"),
])
def test_user_add_bad_input_exits_2(cli_env: str, args: list[str], password: str) -> None:
    result = CliRunner().invoke(main, args, input=password)
    assert result.exit_code == 2


def test_user_add_twice_exits_2(cli_env: str) -> None:
    runner = CliRunner()
    args = ["user", "add", "piet", "--role", "coach"]
    assert runner.invoke(main, args, input="een-lang-wachtwoord\n").exit_code == 0
    again = runner.invoke(main, args, input="een-lang-wachtwoord\n")
    assert again.exit_code == 2
    assert "bestaat al" in again.output


def test_serve_fills_demo_and_prints_passwords_once(cli_env: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Flask] = []
    monkeypatch.setattr(cli, "run_server", lambda app, host, port, threads: served.append(app))
    first = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert first.exit_code == 0, first.output
    passwords = re.findall(r"wachtwoord (\S+)", first.output)
    assert len(passwords) == 4
    assert "Demo-sociale kaart geladen" in first.output
    with served[0].app_context(), get_state().engine.connect() as conn:
        from socialmap.store import count_activities
        assert count_activities(conn) > 0
    second = CliRunner().invoke(main, ["serve"])
    assert second.exit_code == 0
    assert "wachtwoord" not in second.output
    assert len(_stored(cli_env)) == 4


def test_demo_password_logs_in(cli_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Flask] = []
    monkeypatch.setattr(cli, "run_server", lambda app, host, port, threads: served.append(app))
    output = CliRunner().invoke(main, ["serve"]).output
    password = re.search(r"demo-gemeente\s+rol gemeente\s+wachtwoord (\S+)", output).group(1)
    client = served[0].test_client()
    client.get("/inloggen")
    with client.session_transaction() as session:
        token = session["_csrf"]
    response = client.post("/inloggen", data={"naam": "demo-gemeente", "wachtwoord": password,
                                              "csrf_token": token})
    assert response.status_code == 302


def test_serve_without_secret_outside_demo_exits_2(cli_env: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELZIJNSWIJZER_DEMO", "false")
    monkeypatch.setattr(cli, "run_server", lambda *a: pytest.fail("must not serve"))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert "SECRET_KEY" in result.output


def test_other_commands_are_registered() -> None:
    assert {"serve", "user", "triage", "match", "model", "catalogue"} <= set(main.commands)
