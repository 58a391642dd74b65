"""Native CSV export: the contract's columns, safe to open in a spreadsheet program.

The default is ``,``-separated UTF-8 with ISO dates and a decimal point (for scripts and for
re-import). ``excel=True`` writes what Dutch Excel opens by double-click: ``;``-separated UTF-8
with BOM, decimal commas and ``dd-mm-jjjj`` dates. Both re-import to the same catalogue.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) get a leading ``'``; the importer removes it again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from ..importing.columns import NATIVE_COLUMNS
from ..importing.fields import FORMULA_TRIGGERS
from ..models import ActivityIn
from ..store import iter_activities


def guard_formula(value: str) -> str:
    """Prefix ``'`` to a cell that would start a formula (or already starts with ``'`` + one)."""
    if value.startswith(FORMULA_TRIGGERS) or (
            value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS + ("'",))):
        return "'" + value
    return value


def _number(value: float | Decimal | None, excel: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}" if isinstance(value, Decimal) else repr(value)
    return text.replace(".", ",") if excel else text


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def activity_row(a: ActivityIn, *, excel: bool = False) -> dict[str, str]:
    """The native column values of one activity, as text."""
    loc = a.location
    amount = a.cost.amount_eur
    verified = a.last_verified
    row = {
        "id": a.id, "naam": a.name, "omschrijving": a.description,
        "organisatie": a.organisation.name, "dimensies": ";".join(a.dimensions),
        "doelgroepen": ";".join(a.complaints),
        "adres": loc.address if loc else None, "postcode": loc.postcode if loc else None,
        "plaats": loc.city if loc else None, "gemeente": loc.municipality if loc else None,
        "lat": _number(loc.lat if loc else None, excel),
        "lon": _number(loc.lon if loc else None, excel),
        "online": _yes(a.online),
        "kosten": "" if amount is None else "gratis" if amount == 0 else _number(amount, excel),
        "kosten_toelichting": a.cost.note, "wanneer": a.schedule.when, "aanmelden": a.signup,
        "dagen": ";".join(a.schedule.days),
        "leeftijd_min": a.age_min, "leeftijd_max": a.age_max,
        "rolstoeltoegankelijk": a.wheelchair.value, "talen": ";".join(a.languages),
        "contactpersoon": a.contact.person, "telefoon": a.contact.phone,
        "email": a.contact.email, "website": a.contact.website,
        "laatst_gecontroleerd": "" if verified is None else (
            verified.strftime("%d-%m-%Y") if excel else verified.isoformat()),
        "status": a.status.value,
        "voorgestelde_dimensies": ";".join(a.suggested_dimensions),
        "voorgestelde_doelgroepen": ";".join(a.suggested_complaints),
    }
    return {k: guard_formula("" if v is None else str(v)) for k, v in row.items()}


def write_csv(activities: Iterable[ActivityIn], out: TextIO, *, excel: bool = False) -> int:
    """Write activities as native CSV to a text stream; returns how many were written."""
    writer = csv.DictWriter(out, fieldnames=NATIVE_COLUMNS, delimiter=";" if excel else ",",
                            lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for activity in activities:
        writer.writerow(activity_row(activity, excel=excel))
        count += 1
    return count


def csv_text(activities: Iterable[ActivityIn], *, excel: bool = False) -> str:
    """The native CSV as a string (the web download uses this)."""
    buffer = io.StringIO()
    write_csv(activities, buffer, excel=excel)
    return ("\ufeff" if excel else "") + buffer.getvalue()


def export_csv(engine: Engine, path: str | Path, *, excel: bool = False) -> int:
    """Write the whole catalogue to ``path`` as native CSV; returns the number of activities."""
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    with engine.connect() as conn, tmp.open("w", encoding="utf-8-sig" if excel else "utf-8",
                                            newline="") as out:
        count = write_csv(iter_activities(conn), out, excel=excel)
    tmp.replace(target)
    return count
