"""Repository functions for referral records: validated, audited, optimistic locking.

Every function takes an open :class:`~sqlalchemy.Connection` inside the caller's transaction
(:func:`socialmap.database.transaction`). All checks run before the first write, and any error
rolls the transaction back, so nothing is ever half-saved. Audit entries name the changed
fields, never their values: free texts and the reference stay out of the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from socialmap.errors import NotFound, StaleEdit
from socialmap.store import find_activity, now, record_audit
from socialmap.tables import audit_log, referral_activities, referrals

from .errors import ReferralError
from .models import Followup, ProposedActivity, Referral, ReferralIn, refuse
from .rules import check_referral

ENTITY = "referral"
_REFERRAL_FIELDS = [f for f in ReferralIn.model_fields if f != "activities"]


@dataclass
class ReferralFilter:
    """Criteria for listing referrals; every field is optional, dates are inclusive."""

    municipality: str | None = None
    practice: str | None = None
    organisation: str | None = None
    coach: str | None = None
    start: date | None = None
    end: date | None = None
    ids: Sequence[int] | None = None


def _values(data: ReferralIn) -> dict[str, Any]:
    values = data.model_dump(include=set(_REFERRAL_FIELDS), mode="python")
    values["age_band"] = data.age_band.value
    return values


def _activity_rows(conn: Connection, items: list[ProposedActivity],
                   known: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for the proposed activities; unknown ids raise before anything is written."""
    rows: list[dict[str, Any]] = []
    unknown: list[dict[str, object]] = []
    for position, item in enumerate(items):
        activity = find_activity(conn, item.activity_id)
        if activity is not None:
            name, dims, fk = activity.name, list(activity.dimensions), activity.id
        elif item.activity_id in known:
            stored = known[item.activity_id]
            name, dims, fk = stored["activity_name"], stored["activity_dimensions"], None
        else:
            unknown.append({"field": f"activities.{position}.activity_id",
                            "message": f"is onbekend: '{item.activity_id}' staat niet in "
                                       "de sociale kaart"})
            continue
        f = item.followup
        rows.append({
            "activity_id": fk, "activity_ref": item.activity_id, "activity_name": name,
            "activity_dimensions": dims, "position": position, "chosen": item.chosen,
            "started_date": item.started_date,
            "provider_first_contact_days": item.provider_first_contact_days,
            "attending_3m": f.attending_3m, "attending_6m": f.attending_6m,
            "attending_9m": f.attending_9m, "dropped_out_date": f.dropped_out_date,
            "dropout_reason": f.dropout_reason,
        })
    if unknown:
        raise refuse(unknown)
    return rows


def _stored_activities(conn: Connection, referral_id: int) -> dict[str, dict[str, Any]]:
    result = conn.execute(select(referral_activities)
                          .where(referral_activities.c.referral_id == referral_id))
    return {r.activity_ref: dict(r._mapping) for r in result}


def _insert_activities(conn: Connection, referral_id: int, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(referral_activities),
                     [{**row, "referral_id": referral_id} for row in rows])


def create_referral(conn: Connection, data: ReferralIn, *, user: str, today: date) -> Referral:
    """Store a new referral (version 1) after checking dates and activity ids."""
    check_referral(data, today=today)
    rows = _activity_rows(conn, data.activities, {})
    stamp = now()
    result = conn.execute(insert(referrals).values(
        **_values(data), version=1, created=stamp, last_modified=stamp).returning(referrals.c.id))
    referral_id = int(result.scalar_one())
    _insert_activities(conn, referral_id, rows)
    record_audit(conn, user=user, action="create", entity=ENTITY, entity_id=str(referral_id),
                 changes={"fields": sorted(_filled(data)), "version": 1})
    return get_referral(conn, referral_id)


def _filled(data: ReferralIn) -> set[str]:
    dumped = data.model_dump()
    return {k for k, v in dumped.items() if v not in (None, [], {}, 0)}


def update_referral(conn: Connection, referral_id: int, data: ReferralIn, *,
                    expected_version: int, user: str, today: date) -> Referral:
    """Replace a referral's content if it is still at ``expected_version``.

    A stale version raises :class:`StaleEdit` naming who saved in between; an anonymised
    record cannot be edited.
    """
    old = get_referral(conn, referral_id)
    if old.anonymised_at is not None:
        raise ReferralError("Deze verwijzing is geanonimiseerd en kan niet meer worden gewijzigd.",
                            [{"field": "anonymised_at", "message": "geanonimiseerd"}])
    if old.version != expected_version:
        raise _stale(conn, old, expected_version)
    check_referral(data, today=today)
    changed = _changed_fields(old, data)
    if not changed:
        return old
    rows = _activity_rows(conn, data.activities, _stored_activities(conn, referral_id))
    result = conn.execute(
        update(referrals)
        .where(referrals.c.id == referral_id, referrals.c.version == expected_version)
        .values(**_values(data), version=expected_version + 1, last_modified=now()))
    if result.rowcount != 1:
        raise _stale(conn, get_referral(conn, referral_id), expected_version)
    conn.execute(delete(referral_activities)
                 .where(referral_activities.c.referral_id == referral_id))
    _insert_activities(conn, referral_id, rows)
    record_audit(conn, user=user, action="update", entity=ENTITY, entity_id=str(referral_id),
                 changes={"fields": changed, "version": expected_version + 1})
    return get_referral(conn, referral_id)


def _changed_fields(old: Referral, new: ReferralIn) -> list[str]:
    old_d = old.to_input().model_dump(mode="json")
    new_d = new.model_dump(mode="json")
    for item in old_d["activities"] + new_d["activities"]:
        item["activity_name"] = None
        item["activity_dimensions"] = []
    return sorted(k for k in new_d if old_d.get(k) != new_d[k])


def _stale(conn: Connection, current: Referral, expected: int) -> StaleEdit:
    last = conn.execute(
        select(audit_log.c.user)
        .where(audit_log.c.entity == ENTITY, audit_log.c.entity_id == str(current.id))
        .order_by(audit_log.c.id.desc()).limit(1)
    ).first()
    who = f" door {last.user}" if last is not None else ""
    return StaleEdit(
        f"Deze verwijzing is intussen gewijzigd{who} (versie {current.version}, u bewerkte "
        f"versie {expected}). Uw wijziging is niet opgeslagen; bekijk de nieuwe gegevens en "
        "breng uw wijziging opnieuw aan.",
        [{"field": "version", "expected": expected, "current": current.version}],
    )


def _proposed(row: Any) -> ProposedActivity:
    return ProposedActivity(
        activity_id=row.activity_ref, activity_name=row.activity_name,
        activity_dimensions=row.activity_dimensions, chosen=row.chosen,
        started_date=row.started_date,
        provider_first_contact_days=row.provider_first_contact_days,
        followup=Followup(attending_3m=row.attending_3m, attending_6m=row.attending_6m,
                          attending_9m=row.attending_9m, dropped_out_date=row.dropped_out_date,
                          dropout_reason=row.dropout_reason),
    )


def _activities_by_referral(conn: Connection, ids: Iterable[int]
                            ) -> dict[int, list[ProposedActivity]]:
    found: dict[int, list[ProposedActivity]] = {}
    id_list = list(ids)
    for chunk_start in range(0, len(id_list), 500):
        chunk = id_list[chunk_start:chunk_start + 500]
        result = conn.execute(
            select(referral_activities).where(referral_activities.c.referral_id.in_(chunk))
            .order_by(referral_activities.c.referral_id, referral_activities.c.position))
        for row in result:
            found.setdefault(row.referral_id, []).append(_proposed(row))
    return found


def _referral(row: Any, activities: list[ProposedActivity]) -> Referral:
    values = dict(row._mapping)
    return Referral.model_validate({**values, "activities": activities})


def get_referral(conn: Connection, referral_id: int) -> Referral:
    """The stored referral with this id; raises :class:`NotFound`."""
    row = conn.execute(select(referrals).where(referrals.c.id == referral_id)).first()
    if row is None:
        raise NotFound(f"Verwijzing {referral_id} bestaat niet.",
                       [{"field": "id", "message": "onbekend"}])
    return _referral(row, _activities_by_referral(conn, [referral_id]).get(referral_id, []))


def _where(stmt: Any, flt: ReferralFilter) -> Any:
    c = referrals.c
    for column, value in ((c.municipality, flt.municipality), (c.practice, flt.practice),
                          (c.organisation, flt.organisation), (c.coach, flt.coach)):
        if value is not None:
            stmt = stmt.where(column == value)
    if flt.start is not None:
        stmt = stmt.where(c.referral_date >= flt.start)
    if flt.end is not None:
        stmt = stmt.where(c.referral_date <= flt.end)
    if flt.ids is not None:
        stmt = stmt.where(c.id.in_(list(flt.ids)))
    return stmt


def list_referrals(conn: Connection, flt: ReferralFilter | None = None) -> list[Referral]:
    """Referrals matching ``flt``, newest referral date first (internal: no access check)."""
    stmt = _where(select(referrals), flt or ReferralFilter())
    rows = list(conn.execute(stmt.order_by(referrals.c.referral_date.desc(),
                                           referrals.c.id.desc())))
    acts = _activities_by_referral(conn, [r.id for r in rows])
    return [_referral(r, acts.get(r.id, [])) for r in rows]


def reference_exists(conn: Connection, reference: str) -> bool:
    """Whether a (not anonymised) referral with this reference is stored."""
    stmt = select(referrals.c.id).where(referrals.c.reference == reference).limit(1)
    return conn.execute(stmt).first() is not None
