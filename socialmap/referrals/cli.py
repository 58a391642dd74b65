"""The ``referrals`` commands: retention (daily), demo records, anonymised indicator export.

Thin wrappers over the domain functions; user mistakes exit 2 with one clear line. The root
CLI (``web/cli.py``) registers :data:`referrals_group`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from socialmap.cliutil import UserError, get_engine
from socialmap.database import transaction

from . import demo, retention
from .errors import ReferralError
from .indicators import Scope, indicators_csv, per_practice


@click.group("referrals", help="Verwijzingen: bewaartermijn, demo-gegevens en monitoring.")
def referrals_group() -> None:
    """The ``referrals`` command group."""


@referrals_group.command("anonymise",
                         help="Anonimiseer verwijzingen die langer dan N jaar zijn afgesloten "
                              "(dagelijkse taak).")
@click.option("--years", type=click.IntRange(min=0), default=retention.DEFAULT_YEARS,
              show_default=True, help="Bewaartermijn in jaren na de einddatum.")
@click.option("--dry-run", is_flag=True, help="Toon alleen hoeveel er aan de beurt zijn.")
def anonymise_command(years: int, dry_run: bool) -> None:
    """Anonymise due records (or count them with ``--dry-run``)."""
    with transaction(get_engine()) as conn:
        result = retention.anonymise(conn, today=date.today(), years=years, dry_run=dry_run)
    verb = "zouden worden" if dry_run else "zijn"
    click.echo(f"{len(result.ids)} verwijzing(en) {verb} geanonimiseerd "
               f"(afgesloten op of vóór {result.cutoff.isoformat()}).")


@referrals_group.command("demo", help="Laad demo-verwijzingen (gelabeld DEMO-...).")
@click.option("--count", type=click.IntRange(min=1, max=5000), default=160, show_default=True)
def demo_command(count: int) -> None:
    """Load the demo referrals once, on the stored catalogue."""
    try:
        with transaction(get_engine()) as conn:
            added = demo.load_demo(conn, today=date.today(), count=count)
    except ReferralError as exc:
        raise UserError(exc.message) from None
    if added:
        click.echo(f"{added} demo-verwijzingen toegevoegd.")
    else:
        click.echo("Er staan al demo-verwijzingen in de database; niets toegevoegd.")


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{option}: geen geldige datum '{value}' (gebruik JJJJ-MM-DD)") from None


@referrals_group.command("indicators",
                         help="Exporteer de monitoringsindicatoren als geanonimiseerde CSV "
                              "(kleine aantallen als '<5').")
@click.option("--gemeente", default=None, help="Alleen deze gemeente.")
@click.option("--from", "start", default=None, help="Verwijsdatum vanaf (JJJJ-MM-DD).")
@click.option("--to", "end", default=None, help="Verwijsdatum tot en met (JJJJ-MM-DD).")
@click.option("--csv", "csv_path", required=True,
              type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Doelbestand (CSV).")
def indicators_command(gemeente: str | None, start: str | None, end: str | None,
                       csv_path: Path) -> None:
    """Write the indicators of the scope, and per practice, to a CSV file."""
    first, last = _day(start, "--from"), _day(end, "--to")
    if first and last and first > last:
        raise UserError("--from ligt na --to")
    with transaction(get_engine()) as conn:
        sets = per_practice(conn, Scope(gemeente, None, first, last))
    try:
        csv_path.write_text(indicators_csv(sets), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"--csv: kan {csv_path} niet schrijven ({exc.strerror})") from None
    click.echo(f"Indicatoren geschreven naar {csv_path} ({len(sets) - 1} praktijk(en)).")
