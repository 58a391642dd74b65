"""'Meld een fout': anyone can report wrong details of an activity; curators handle the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from .errors import CatalogueError, NotFound
from .store import find_activity, now, record_audit
from .tables import activity_reports

MAX_MESSAGE = 2000


@dataclass(frozen=True)
class ErrorReport:
    """One report of wrong details on an activity."""

    id: int
    activity_id: str
    at: datetime
    message: str
    contact: str | None
    status: str
    handled_by: str | None


def add_report(conn: Connection, activity_id: str, message: str,
               contact: str | None = None) -> int:
    """Store a report about an activity; returns its id. The message is required."""
    text = " ".join((message or "").split())
    if not text:
        raise CatalogueError("Beschrijf wat er niet klopt.", [{"field": "message",
                                                               "message": "verplicht"}])
    if len(text) > MAX_MESSAGE:
        raise CatalogueError(f"Uw melding is te lang (maximaal {MAX_MESSAGE} tekens).",
                             [{"field": "message", "message": "te lang"}])
    if find_activity(conn, activity_id) is None:
        raise NotFound(f"Activiteit '{activity_id}' bestaat niet.")
    result = conn.execute(insert(activity_reports).values(
        activity_id=activity_id, at=now(), message=text,
        contact=(contact or "").strip()[:254] or None, status="open",
    ).returning(activity_reports.c.id))
    return int(result.scalar_one())


def open_reports(conn: Connection, activity_id: str | None = None) -> list[ErrorReport]:
    """Reports not yet handled, oldest first."""
    stmt = select(activity_reports).where(activity_reports.c.status == "open")
    if activity_id is not None:
        stmt = stmt.where(activity_reports.c.activity_id == activity_id)
    rows = conn.execute(stmt.order_by(activity_reports.c.id))
    return [ErrorReport(r.id, r.activity_id, r.at, r.message, r.contact, r.status, r.handled_by)
            for r in rows]


def count_open_reports(conn: Connection) -> int:
    """How many reports wait for a curator."""
    stmt = select(func.count()).select_from(activity_reports).where(
        activity_reports.c.status == "open")
    return int(conn.execute(stmt).scalar_one())


def close_report(conn: Connection, report_id: int, *, user: str) -> None:
    """Mark a report as handled by ``user`` (audited)."""
    result = conn.execute(
        update(activity_reports)
        .where(activity_reports.c.id == report_id, activity_reports.c.status == "open")
        .values(status="afgehandeld", handled_by=user, handled_at=now())
    )
    if result.rowcount != 1:
        raise NotFound("Deze melding bestaat niet of is al afgehandeld.")
    record_audit(conn, user=user, action="close_report", entity="report",
                 entity_id=str(report_id), changes={"status": ["open", "afgehandeld"]})
