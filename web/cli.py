"""The ``welzijnswijzer`` command: the root group, ``serve`` and ``user add``.

Other packages contribute their own commands (triage, match, model, catalogue); this module
only gathers them.
"""

from __future__ import annotations

import sys

import click
import waitress
from flask import Flask

from matcher.cli import match_command, model_group
from socialmap.cli import catalogue_group
from socialmap.cliutil import CliContext, UserError, get_engine
from socialmap.referrals.cli import referrals_group
from triage.cli import triage_command

from . import accounts
from .accounts import AccountError, Role
from .app import create_app
from .demo import DemoError, prepare_demo
from .referral_support import set_workplace
from .settings import SettingsError
from .state import get_state


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """Welzijnswijzer: beslisondersteuning en sociale kaart voor Welzijn op Recept."""
    ctx.ensure_object(CliContext)


def run_server(app: Flask, host: str, port: int, threads: int) -> None:
    """Serve the app with waitress (a production WSGI server)."""
    waitress.serve(app, host=host, port=port, threads=threads, ident="welzijnswijzer")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Poort.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Aantal threads van de webserver.")
def serve(host: str, port: int, threads: int) -> None:
    """Start de webapp (waitress); een lege demo-database krijgt eerst de demo-sociale kaart."""
    try:
        app = create_app()
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    with app.app_context():
        state = get_state()
        if state.settings.demo:
            try:
                prepare_demo(state.engine, click.echo)
            except DemoError as exc:
                raise click.ClickException(str(exc)) from None
    click.echo(f"Welzijnswijzer draait op http://{host}:{port}/ (stoppen: Ctrl+C)")
    run_server(app, host, port, threads)


@main.group("user")
def user_group() -> None:
    """Accounts beheren."""


def _read_password() -> str:
    stdin = sys.stdin
    if stdin.isatty():
        return str(click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True,
                                err=True))
    return stdin.readline().rstrip("\r\n")


@user_group.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]),
              help="De rol van het account.")
@click.option("--organisation", default=None,
              help="Welzijnsorganisatie van een welzijnscoach (toegang tot haar verwijzingen).")
@click.option("--practice", default=None,
              help="Huisartsenpraktijk van een huisarts (terugkoppeling op eigen verwijzingen).")
@click.option("--municipality", default=None,
              help="Gemeente van een gemeente-account (ziet alleen de cijfers van die gemeente).")
def user_add(name: str, role: str, organisation: str | None, practice: str | None,
             municipality: str | None) -> None:
    """Maak een account; het wachtwoord komt van standaardinvoer (nooit als argument)."""
    password = _read_password()
    try:
        with get_engine().begin() as conn:
            user = accounts.add_user(conn, name, role, password)
            set_workplace(conn, user.name, organisation=organisation, practice=practice,
                          municipality=municipality)
    except AccountError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"Account '{user.name}' gemaakt met rol {user.role.value}.")


main.add_command(triage_command)
main.add_command(match_command)
main.add_command(model_group)
main.add_command(catalogue_group)
main.add_command(referrals_group)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
