"""Helpers for the catalogue import tests: writing small native spreadsheets to disk."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from socialmap.models import Activity
from socialmap.store import catalogue_version, iter_activities

HEADERS = ["id", "naam", "omschrijving", "organisatie", "dimensies", "doelgroepen", "adres",
           "postcode", "plaats", "online", "kosten", "dagen", "laatst_gecontroleerd", "status"]


def row(**values: Any) -> dict[str, str]:
    """A valid native row (a walking group in Groningen), with ``values`` overriding fields."""
    base = {
        "id": "wandel-1", "naam": "Wandelgroep De Stappers",
        "omschrijving": "Samen wandelen door het Noorderplantsoen.",
        "organisatie": "Buurtwerk Noord", "dimensies": "Lichaamsfuncties; Meedoen",
        "doelgroepen": "eenzaamheid", "adres": "Noorderplantsoen 1", "postcode": "9711 AB",
        "plaats": "Groningen", "online": "nee", "kosten": "gratis", "dagen": "di, do",
        "laatst_gecontroleerd": "03-04-2024", "status": "actief",
    }
    base.update({k: str(v) for k, v in values.items()})
    return base


def csv_text(rows: list[dict[str, str]], headers: list[str] | None = None,
             delimiter: str = ",") -> str:
    """CSV text of ``rows`` with ``headers`` (default: the keys of the first row)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers or list(rows[0]), delimiter=delimiter,
                            extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_sheet(path: Path, rows: list[dict[str, str]], *, headers: list[str] | None = None,
                delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """Write ``rows`` as a CSV file and return its path."""
    path.write_bytes(csv_text(rows, headers, delimiter).encode(encoding))
    return path


def snapshot(engine: Engine) -> tuple[int, list[Activity]]:
    """The catalogue version and every activity (to check that nothing changed)."""
    with engine.connect() as conn:
        return catalogue_version(conn), list(iter_activities(conn))
