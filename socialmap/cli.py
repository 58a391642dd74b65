"""``welzijnswijzer catalogue ...``: import, export and a quick look at the sociale kaart.

Thin wrappers over :mod:`socialmap.importing`, :mod:`socialmap.exporting` and the store. Exit
codes: 0 ok, 2 bad input (one Dutch line on stderr; the full report on stdout), 1 other failure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from .cliutil import UserError, get_engine
from .errors import CatalogueError, NotFound
from .exporting import FORMATS, export_catalogue
from .importing.native import DEFAULT_MAX_BYTES
from .importing.run import import_catalogue
from .models import Activity, Status
from .store import ActivityFilter, get_activity, list_activities
from .vocabulary import load_vocabulary

MAX_MB_ENV = "WELZIJNSWIJZER_IMPORT_MAX_MB"


@click.group("catalogue")
def catalogue_group() -> None:
    """De sociale kaart: importeren, exporteren en bekijken."""


@catalogue_group.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Alleen controleren; niets opslaan.")
@click.option("--replace", is_flag=True, help="De hele catalogus vervangen (in één keer).")
@click.option("--mapping", type=click.Path(path_type=Path),
              help="JSON-bestand: eigen kolomkoppen -> native kolommen.")
@click.option("--skip-invalid", is_flag=True, help="Geldige rijen importeren, foute overslaan.")
@click.option("--json", "as_json", is_flag=True, help="Het rapport als JSON.")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), envvar=MAX_MB_ENV,
              default=DEFAULT_MAX_BYTES / 1024 / 1024, show_default=True,
              help=f"Grotere bestanden worden geweigerd (ook via {MAX_MB_ENV}).")
@click.option("--user", default="cli", show_default=True, help="Naam in het wijzigingslog.")
def import_command(path: Path, dry_run: bool, replace: bool, mapping: Path | None,
                   skip_invalid: bool, as_json: bool, max_mb: float, user: str) -> None:
    """Importeer een spreadsheet (CSV/XLSX) of een HSDS-pakket (map, .zip, datapackage.json)."""
    try:
        report = import_catalogue(
            get_engine(), path, dry_run=dry_run, replace=replace, mapping=mapping,
            skip_invalid=skip_invalid, user=user, max_bytes=int(max_mb * 1024 * 1024))
    except SQLAlchemyError as exc:
        raise click.ClickException(f"databasefout, niets geïmporteerd: {exc}") from exc
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text(), nl=False)
    if not report.ok:
        raise UserError(report.headline())


@catalogue_group.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="hsds: HSDS 3.0-datapakket (map of .zip); csv: native spreadsheet.")
@click.option("--excel", is_flag=True,
              help="CSV voor Nederlandse Excel: puntkomma, BOM, decimale komma.")
@click.argument("path", type=click.Path(path_type=Path))
def export_command(fmt: str, excel: bool, path: Path) -> None:
    """Schrijf de hele catalogus naar PATH."""
    try:
        count = export_catalogue(get_engine(), fmt, path, excel=excel)
    except CatalogueError as exc:
        raise UserError(exc.message) from exc
    except OSError as exc:
        raise click.ClickException(f"{path}: kan niet schrijven ({exc.strerror}).") from exc
    click.echo(f"{count} activiteit(en) geëxporteerd naar {path} ({fmt}).", err=True)


@catalogue_group.command("list")
@click.option("--gemeente", help="Alleen deze gemeente.")
@click.option("--status", type=click.Choice([s.value for s in Status]), help="Alleen deze status.")
@click.option("--te-classificeren", is_flag=True, help="Alleen activiteiten zonder dimensies.")
@click.option("--zoek", help="Zoek in naam, omschrijving, organisatie en plaats.")
def list_command(gemeente: str | None, status: str | None, te_classificeren: bool,
                 zoek: str | None) -> None:
    """Toon de catalogus als tabel."""
    flt = ActivityFilter(status=Status(status) if status else None,
                         classified=False if te_classificeren else None,
                         municipality=gemeente, search=zoek)
    with get_engine().connect() as conn:
        items = list_activities(conn, flt)
    rows = [(a.id, a.name, (a.location.municipality if a.location else None) or
             ("online" if a.online else ""), a.status.value,
             ", ".join(a.dimensions) or "te classificeren") for a in items]
    click.echo(_table(("id", "naam", "gemeente", "status", "dimensies"), rows))
    click.echo(f"{len(rows)} activiteit(en).", err=True)


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], width: int = 40) -> str:
    cells = [tuple(c if len(c) <= width or i == 0 else c[:width - 1] + "…"
                   for i, c in enumerate(r)) for r in rows]
    sizes = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(s) for h, s in zip(headers, sizes, strict=True)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    lines += ["  ".join(c.ljust(s) for c, s in zip(r, sizes, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


@catalogue_group.command("show")
@click.argument("activity_id")
@click.option("--json", "as_json", is_flag=True, help="Alle velden als JSON.")
def show_command(activity_id: str, as_json: bool) -> None:
    """Toon één activiteit."""
    try:
        with get_engine().connect() as conn:
            activity = get_activity(conn, activity_id)
    except NotFound as exc:
        raise UserError(exc.message) from exc
    if as_json:
        click.echo(json.dumps(activity.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(describe(activity))


def describe(a: Activity) -> str:
    """A Dutch plain-text card of one activity."""
    vocab = load_vocabulary()
    loc = a.location
    place = ", ".join(p for p in (loc.address, loc.postcode, loc.city) if p) if loc else ""
    dims = ", ".join(vocab.dimensions.label(d) for d in a.dimensions)
    suggested = ", ".join(vocab.dimensions.label(d) for d in a.suggested_dimensions)
    fields = [
        ("id", a.id), ("naam", a.name), ("organisatie", a.organisation.name),
        ("omschrijving", a.description),
        ("dimensies", dims or f"te classificeren (voorstel: {suggested or 'geen'})"),
        ("doelgroepen", ", ".join(vocab.complaints.label(c) for c in a.complaints)),
        ("adres", place), ("gemeente", loc.municipality if loc else None),
        ("coördinaten", f"{loc.lat}, {loc.lon}" if loc and loc.has_coordinates else None),
        ("online", "ja" if a.online else "nee"), ("kosten", a.cost.label()),
        ("kosten_toelichting", a.cost.note), ("wanneer", a.schedule.when),
        ("dagen", ", ".join(a.schedule.days)), ("aanmelden", a.signup),
        ("leeftijd", _ages(a)), ("rolstoeltoegankelijk", a.wheelchair.value),
        ("talen", ", ".join(a.languages)), ("contactpersoon", a.contact.person),
        ("telefoon", a.contact.phone), ("email", a.contact.email),
        ("website", a.contact.website),
        ("laatst_gecontroleerd", a.last_verified.strftime("%d-%m-%Y") if a.last_verified
         else "nooit"),
        ("status", a.status.value), ("versie", str(a.version)),
    ]
    return "\n".join(f"{k + ':':22}{v}" for k, v in fields if v)


def _ages(a: Activity) -> str | None:
    if a.age_min is None and a.age_max is None:
        return None
    return f"{a.age_min if a.age_min is not None else 0} - {a.age_max or ''} jaar".replace(
        " -  jaar", "+ jaar")
