"""The referral side of the command line: workplaces on ``user add``, the demo start,
the ``referrals`` command group."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import select

from socialmap.referrals.demo import ORGANISATION, PRACTICES
from socialmap.tables import users
from web import cli
from web.cli import main
from web.state import get_state

from .conftest import csrf

PASSWORD = "een-lang-wachtwoord\n"


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WELZIJNSWIJZER_DATABASE_URL", db_url)
    return db_url


def test_user_add_with_workplace(cli_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "anna", "--role", "coach",
                                  "--organisation", "Welzijn Noord"], input=PASSWORD)
    assert result.exit_code == 0, result.output
    wrong = runner.invoke(main, ["user", "add", "bert", "--role", "coach",
                                 "--practice", "De Linde"], input=PASSWORD)
    assert wrong.exit_code == 2
    assert "--practice past niet bij rol coach" in wrong.output
    served: list[Flask] = []
    monkeypatch.setattr(cli, "run_server", lambda app, host, port, threads: served.append(app))
    monkeypatch.setenv("WELZIJNSWIJZER_DEMO", "false")
    monkeypatch.setenv("WELZIJNSWIJZER_SECRET_KEY", "s" * 40)
    assert runner.invoke(main, ["serve"]).exit_code == 0
    with served[0].app_context(), get_state().engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(users))}
    assert rows["anna"].organisation == "Welzijn Noord"
    assert "bert" not in rows  # nothing half-saved


def _login(app: Flask, name: str, password: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    response = client.post("/inloggen", data={"naam": name, "wachtwoord": password,
                                              "csrf_token": csrf(client)})
    assert response.status_code == 302
    return client


def test_demo_start_loads_referrals_for_every_role(cli_env: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Flask] = []
    monkeypatch.setattr(cli, "run_server", lambda app, host, port, threads: served.append(app))
    output = CliRunner().invoke(main, ["serve"]).output
    assert "Demo-verwijzingen geladen: 160" in output
    passwords = dict(re.findall(r"(demo-\w+)\s+rol \w+\s+wachtwoord (\S+)", output))
    app = served[0]
    coach = _login(app, "demo-coach", passwords["demo-coach"])
    assert "DEMO-20" in coach.get("/coach/verwijzingen?status=alle").get_data(as_text=True)
    gp = _login(app, "demo-huisarts", passwords["demo-huisarts"])
    feedback = gp.get("/huisarts/terugkoppeling").get_data(as_text=True)
    assert PRACTICES[0] in feedback and "Terugkoppeling Welzijn op Recept" in feedback
    gemeente = _login(app, "demo-gemeente", passwords["demo-gemeente"])
    monitor = gemeente.get("/gemeente/monitor").get_data(as_text=True)
    assert "Aantal welzijnsrecepten</th><td>160</td>" in monitor
    assert ORGANISATION not in monitor
    again = CliRunner().invoke(main, ["serve"]).output
    assert "Demo-verwijzingen geladen" not in again


def test_referrals_group_is_registered() -> None:
    assert "referrals" in main.commands


def test_matcher_retrains_on_recorded_outcomes(cli_env: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "run_server", lambda app, host, port, threads: None)
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    result = CliRunner().invoke(main, ["model", "train"])
    assert result.exit_code == 0, result.output
    assert "Model opgeslagen" in result.output
