"""The demo start: an empty database gets the demo catalogue and one account per role."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from importlib.resources import as_file

from sqlalchemy import Engine

import data
from socialmap import store
from socialmap.importing.report import ImportReport
from socialmap.importing.run import import_catalogue

from . import accounts
from .accounts import Role
from .referral_support import prepare_demo_referrals

DEMO_USER = "demo"
DEMO_CATALOGUE = ("demo", "sociale_kaart_demo.csv")


class DemoError(RuntimeError):
    """The demo catalogue could not be imported (a broken data file)."""


def fill_demo_catalogue(engine: Engine) -> ImportReport | None:
    """Import the demo catalogue when the catalogue is empty; None when it was not empty."""
    with engine.connect() as conn:
        if not store.is_empty(conn):
            return None
    with as_file(data.resource(*DEMO_CATALOGUE)) as path:
        report = import_catalogue(engine, path, user=DEMO_USER)
    if not report.applied:
        raise DemoError("De demo-sociale kaart kon niet worden geïmporteerd: "
                        + "; ".join(p.message for p in report.errors[:3]))
    return report


def create_demo_accounts(engine: Engine) -> list[tuple[str, Role, str]]:
    """One account per role with a random password, only when there are no accounts yet."""
    made: list[tuple[str, Role, str]] = []
    with engine.begin() as conn:
        if accounts.count_users(conn):
            return made
        for role in Role:
            password = secrets.token_urlsafe(15)
            accounts.add_user(conn, f"demo-{role.value}", role, password)
            made.append((f"demo-{role.value}", role, password))
    return made


def prepare_demo(engine: Engine, echo: Callable[[str], None]) -> None:
    """Fill an empty demo database and print new demo passwords once."""
    report = fill_demo_catalogue(engine)
    if report is not None and report.summary is not None:
        echo(f"Demo-sociale kaart geladen: {len(report.summary.created)} activiteiten.")
    made = create_demo_accounts(engine)
    prepare_demo_referrals(engine, echo)
    if made:
        echo("Demo-accounts (de wachtwoorden worden maar één keer getoond):")
        for name, role, password in made:
            echo(f"  {name:<18} rol {role.value:<10} wachtwoord {password}")
