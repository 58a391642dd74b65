"""``catalogue import``: read a source, check it, write it in one transaction or not at all."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine

from ..errors import CatalogueError
from ..models import ActivityIn
from ..store import (
    catalogue_version,
    find_activity,
    iter_activities,
    replace_catalogue,
    upsert_activities,
)
from .classify import with_suggestions
from .columns import load_mapping
from .duplicates import Candidate, find_duplicates
from .native import DEFAULT_MAX_BYTES, check_file, read_native
from .report import ImportReport, ParsedRow, ParseResult, Problem


def is_hsds_source(path: Path) -> bool:
    """Whether ``path`` names an HSDS tabular data package (folder, .zip, datapackage.json)."""
    return path.is_dir() or path.suffix.lower() == ".zip" or path.name.lower() == "datapackage.json"


def read_source(path: str | Path, *, mapping: dict[str, list[str]] | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None) -> ParseResult:
    """Parse any supported source; problems are in the result, never raised."""
    path = Path(path)
    if not is_hsds_source(path):
        return read_native(path, mapping=mapping, max_bytes=max_bytes, today=today)
    result = ParseResult(source=path.name, format="hsds")
    try:
        if path.is_file():
            check_file(path, max_bytes)
        from ..hsds import read_hsds_package

        result = read_hsds_package(path)
    except CatalogueError as exc:
        result.file_errors.append(Problem(exc.message))
    except ImportError:
        result.file_errors.append(Problem("HSDS-import is in deze installatie niet beschikbaar."))
    if mapping:
        result.warnings.append(Problem("--mapping geldt alleen voor spreadsheets; genegeerd"))
    for row in result.rows:
        if row.activity is not None and not row.errors:
            row.activity = with_suggestions(row.activity)
    return result


def check_duplicate_ids(parsed: ParseResult) -> None:
    """Mark every row whose id also occurs in another row of the same source."""
    rows_by_id: dict[str, list[ParsedRow]] = defaultdict(list)
    for row in parsed.rows:
        key = row.activity.id if row.activity is not None else row.key
        if key is not None:
            rows_by_id[key].append(row)
    for key, rows in rows_by_id.items():
        if len(rows) < 2:
            continue
        for row in rows:
            others = ", ".join(str(r.row) for r in rows if r is not row)
            row.errors.append(Problem(
                f"id '{key}' komt ook voor in rij {others}; elke activiteit heeft een eigen id "
                "(zonder id-kolom: naam, organisatie en postcode zijn samen gelijk)",
                row.row, "id", key))
            row.activity = None


def _candidates(parsed: ParseResult) -> list[Candidate]:
    return [Candidate(r.activity, r.row) for r in parsed.rows
            if r.activity is not None and not r.errors]


def _review(conn: Connection, report: ImportReport) -> None:
    stored = [] if report.replace else list(iter_activities(conn))
    pairs = find_duplicates(_candidates(report.parsed), stored)
    report.duplicates = [p.problem() for p in pairs]
    report.to_classify = [a.id for a in report.parsed.valid if not a.classified]


def _kept(conn: Connection, report: ImportReport) -> list[ActivityIn]:
    valid = {a.id for a in report.parsed.valid}
    kept = []
    for row in report.parsed.invalid_rows:
        if row.key and row.key not in valid and (old := find_activity(conn, row.key)):
            kept.append(ActivityIn.model_validate(old.model_dump(include=set(
                ActivityIn.model_fields))))
    report.kept = [a.id for a in kept]
    return kept


def _write(conn: Connection, report: ImportReport, user: str) -> None:
    items = report.parsed.valid
    if report.replace:
        report.summary = replace_catalogue(conn, [*items, *_kept(conn, report)], user=user)
    else:
        report.summary = upsert_activities(conn, items, user=user)


Mapping = str | Path | dict[str, list[str]] | None


def import_catalogue(engine: Engine, path: str | Path, *, dry_run: bool = False,
                     replace: bool = False, mapping: Mapping = None, skip_invalid: bool = False,
                     user: str = "cli", max_bytes: int = DEFAULT_MAX_BYTES,
                     today: date | None = None) -> ImportReport:
    """Import a native spreadsheet or HSDS package; all or nothing, in one transaction.

    Nothing is written when the source has file errors, when a row is invalid (unless
    ``skip_invalid``), on ``dry_run`` (which still computes what would change), or on any
    exception. ``replace`` makes the catalogue exactly the imported rows.
    """
    try:
        plan = load_mapping(mapping) if isinstance(mapping, str | Path) else mapping
    except CatalogueError as exc:
        parsed = ParseResult(source=Path(path).name, format="onbekend",
                             file_errors=[Problem(exc.message)])
        return ImportReport(parsed, dry_run, replace, skip_invalid)
    parsed = read_source(path, mapping=plan, max_bytes=max_bytes, today=today)
    check_duplicate_ids(parsed)
    report = ImportReport(parsed, dry_run=dry_run, replace=replace, skip_invalid=skip_invalid)
    if parsed.file_errors:
        return report
    if replace and not parsed.valid:
        parsed.file_errors.append(Problem("geen enkele geldige rij: de catalogus wordt niet "
                                          "vervangen door een lege"))
        return report
    with engine.connect() as conn, conn.begin() as trans:
        report.version_before = catalogue_version(conn)
        _review(conn, report)
        if not report.ok:
            trans.rollback()
            return report
        _write(conn, report, user)
        report.version_after = catalogue_version(conn)
        if dry_run:
            trans.rollback()
            report.version_after = report.version_before
        else:
            trans.commit()
            report.applied = True
    return report
