"""Retention: anonymise referral records a set period after their end (default 2 years).

Anonymising removes the reference and the free texts (question, explanations, drop-out
reasons), which could identify someone; the coded fields stay for the indicators. A record that
was never closed counts as ended one year after the referral date. Meant to run daily; running
it twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, and_, or_, select, update

from socialmap.store import now, record_audit
from socialmap.tables import referral_activities, referrals

from .errors import ReferralError

DEFAULT_YEARS = 2
OPEN_RECORD_YEARS = 1
SYSTEM_USER = "systeem"
FREE_TEXTS = ("question", "goal_explanation", "referred_on_why")


@dataclass(frozen=True)
class RetentionResult:
    """Which records were (or, in a dry run, would be) anonymised."""

    ids: tuple[int, ...]
    dry_run: bool
    cutoff: date


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def due_ids(conn: Connection, *, today: date, years: int = DEFAULT_YEARS) -> list[int]:
    """Ids of records whose end lies ``years`` or more before ``today``, not yet anonymised."""
    if years < 0:
        raise ReferralError("Het aantal jaren moet 0 of meer zijn.",
                            [{"field": "years", "message": "moet 0 of meer zijn"}])
    cutoff = _years_before(today, years)
    open_cutoff = _years_before(cutoff, OPEN_RECORD_YEARS)
    c = referrals.c
    stmt = select(c.id).where(c.anonymised_at.is_(None), or_(
        c.end_date <= cutoff,
        and_(c.end_date.is_(None), c.referral_date <= open_cutoff),
    )).order_by(c.id)
    return [int(row.id) for row in conn.execute(stmt)]


def anonymise(conn: Connection, *, today: date, years: int = DEFAULT_YEARS,
              dry_run: bool = False, user: str = SYSTEM_USER) -> RetentionResult:
    """Anonymise every due record (or only list them with ``dry_run``)."""
    ids = due_ids(conn, today=today, years=years)
    result = RetentionResult(tuple(ids), dry_run, _years_before(today, years))
    if dry_run or not ids:
        return result
    stamp = now()
    conn.execute(update(referrals).where(referrals.c.id.in_(ids)).values(
        reference=None, anonymised_at=stamp, version=referrals.c.version + 1,
        last_modified=stamp, **{name: None for name in FREE_TEXTS}))
    conn.execute(update(referral_activities)
                 .where(referral_activities.c.referral_id.in_(ids)).values(dropout_reason=None))
    for referral_id in ids:
        record_audit(conn, user=user, action="anonymise", entity="referral",
                     entity_id=str(referral_id), changes={"years": years})
    return result
