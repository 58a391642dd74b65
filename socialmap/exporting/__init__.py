"""Writing the catalogue out: native CSV (:mod:`.csv_export`) or an HSDS package."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from ..errors import CatalogueError
from ..store import iter_activities

FORMATS = ("hsds", "csv")


def export_catalogue(engine: Engine, fmt: str, path: str | Path, *, excel: bool = False) -> int:
    """Export the whole catalogue as ``hsds`` or ``csv``; returns the number of activities."""
    if fmt == "csv":
        from .csv_export import export_csv

        return export_csv(engine, path, excel=excel)
    if fmt == "hsds":
        from ..hsds import write_hsds_package

        with engine.connect() as conn:
            activities = list(iter_activities(conn))
        write_hsds_package(activities, Path(path))
        return len(activities)
    raise CatalogueError(f"Onbekend exportformaat '{fmt}'; kies uit {', '.join(FORMATS)}.")
