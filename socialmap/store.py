"""Repository functions for the catalogue: every write is audited and bumps the catalogue version.

All functions take an open :class:`~sqlalchemy.Connection` inside a transaction (see
:func:`socialmap.database.transaction`); the caller decides the transaction's extent, so an import
or a multi-step edit is all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, func, insert, or_, select, update

from .errors import NotFound, StaleEdit
from .models import Activity, ActivityIn, Status
from .rows import activity_from_row, activity_to_row
from .tables import activities, audit_log, catalogue_state, organisations

SYSTEM_USER = "systeem"


def now() -> datetime:
    """The current time in UTC (one place, so tests can reason about it)."""
    return datetime.now(UTC)


def catalogue_version(conn: Connection) -> int:
    """The catalogue version counter: it changes with every write to the catalogue."""
    return int(conn.execute(select(catalogue_state.c.version).where(catalogue_state.c.id == 1))
               .scalar_one())


def _bump_version(conn: Connection) -> None:
    conn.execute(
        update(catalogue_state)
        .where(catalogue_state.c.id == 1)
        .values(version=catalogue_state.c.version + 1, changed=now())
    )


def record_audit(conn: Connection, *, user: str, action: str, entity_id: str | None,
                 changes: dict[str, Any], entity: str = "activity") -> None:
    """Append an entry to the audit log, stamped with the current time.

    ``entity`` names the kind of record (``"activity"``, ``"referral"``, ``"report"``) and
    ``entity_id`` which one (None for a catalogue-wide action such as a replace). ``changes``
    must be JSON-serialisable; callers decide what it may reveal (referrals name fields only).
    The entry is part of the caller's transaction, so it is rolled back with the change.
    """
    conn.execute(insert(audit_log).values(
        at=now(), user=user, action=action, entity=entity, entity_id=entity_id,
        changes=changes,
    ))


def _ensure_organisation(conn: Connection, activity: ActivityIn) -> None:
    org = activity.organisation
    existing = conn.execute(
        select(organisations.c.name).where(organisations.c.id == org.id)
    ).first()
    if existing is None:
        conn.execute(insert(organisations).values(id=org.id, name=org.name))
    elif existing.name != org.name:
        conn.execute(update(organisations).where(organisations.c.id == org.id)
                     .values(name=org.name))


def _select_activities() -> Select[Any]:
    return select(activities, organisations.c.name.label("organisation_name")).join(
        organisations, activities.c.organisation_id == organisations.c.id
    )


def get_activity(conn: Connection, activity_id: str) -> Activity:
    """The stored activity with this id; raises :class:`NotFound`."""
    row = conn.execute(_select_activities().where(activities.c.id == activity_id)).first()
    if row is None:
        raise NotFound(f"Activiteit '{activity_id}' bestaat niet.",
                       [{"field": "id", "message": "onbekend"}])
    return activity_from_row(row._mapping)


def find_activity(conn: Connection, activity_id: str) -> Activity | None:
    """The stored activity with this id, or None."""
    row = conn.execute(_select_activities().where(activities.c.id == activity_id)).first()
    return activity_from_row(row._mapping) if row is not None else None


@dataclass
class ActivityFilter:
    """Criteria for listing the catalogue; every field is optional."""

    status: Status | None = None
    classified: bool | None = None
    municipality: str | None = None
    search: str | None = None
    modified_after: datetime | None = None
    ids: list[str] | None = None


def _where(stmt: Select[Any], flt: ActivityFilter) -> Select[Any]:
    if flt.status is not None:
        stmt = stmt.where(activities.c.status == flt.status.value)
    if flt.classified is not None:
        stmt = stmt.where(activities.c.classified == flt.classified)
    if flt.municipality:
        stmt = stmt.where(activities.c.municipality == flt.municipality)
    if flt.search:
        like = f"%{flt.search.lower()}%"
        stmt = stmt.where(or_(
            func.lower(activities.c.name).like(like),
            func.lower(activities.c.description).like(like),
            func.lower(organisations.c.name).like(like),
            func.lower(activities.c.city).like(like),
        ))
    if flt.modified_after is not None:
        stmt = stmt.where(activities.c.last_modified > flt.modified_after)
    if flt.ids is not None:
        stmt = stmt.where(activities.c.id.in_(flt.ids))
    return stmt


def list_activities(conn: Connection, flt: ActivityFilter | None = None, *,
                    limit: int | None = None, offset: int = 0) -> list[Activity]:
    """Activities matching ``flt``, ordered by name then id."""
    stmt = _where(_select_activities(), flt or ActivityFilter())
    stmt = stmt.order_by(activities.c.name, activities.c.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [activity_from_row(r._mapping) for r in conn.execute(stmt)]


def count_activities(conn: Connection, flt: ActivityFilter | None = None) -> int:
    """How many activities match ``flt``."""
    stmt = _where(
        select(func.count()).select_from(activities.join(
            organisations, activities.c.organisation_id == organisations.c.id)),
        flt or ActivityFilter(),
    )
    return int(conn.execute(stmt).scalar_one())


def iter_activities(conn: Connection, batch: int = 2000) -> Iterator[Activity]:
    """Every activity, streamed in batches (for exports and index builds)."""
    # Options on the statement, not the connection: Connection.execution_options() changes the
    # connection in place, and a lingering yield_per breaks later writes on PostgreSQL.
    result = conn.execute(
        _select_activities().order_by(activities.c.id).execution_options(yield_per=batch))
    for row in result:
        yield activity_from_row(row._mapping)


def _diff(old: Activity | None, new: ActivityIn) -> dict[str, Any]:
    new_d = new.model_dump(mode="json")
    if old is None:
        return {k: [None, v] for k, v in new_d.items()}
    old_d = old.model_dump(mode="json", include=set(new_d))
    return {k: [old_d.get(k), v] for k, v in new_d.items() if old_d.get(k) != v}


def create_activity(conn: Connection, activity: ActivityIn, *, user: str) -> Activity:
    """Store a new activity (version 1); raises :class:`StaleEdit` if the id exists."""
    if find_activity(conn, activity.id) is not None:
        raise StaleEdit(f"Er bestaat al een activiteit met id '{activity.id}'.",
                        [{"field": "id", "message": "bestaat al"}])
    _ensure_organisation(conn, activity)
    stamp = now()
    row = activity_to_row(activity)
    conn.execute(insert(activities).values(**row, version=1, created=stamp, last_modified=stamp))
    record_audit(conn, user=user, action="create", entity_id=activity.id,
                 changes=_diff(None, activity))
    _bump_version(conn)
    return get_activity(conn, activity.id)


def update_activity(conn: Connection, activity: ActivityIn, *, expected_version: int,
                    user: str, keep_last_verified: bool = True) -> Activity:
    """Replace an activity's content if it is still at ``expected_version``.

    An edit never counts as verification: unless ``keep_last_verified`` is False, the stored
    ``last_verified`` stays. A stale version raises :class:`StaleEdit` naming who changed it.
    """
    old = get_activity(conn, activity.id)
    if keep_last_verified:
        activity = activity.model_copy(update={"last_verified": old.last_verified})
    changes = _diff(old, activity)
    if old.version != expected_version:
        raise _stale(conn, old, expected_version)
    if not changes:
        return old
    _ensure_organisation(conn, activity)
    result = conn.execute(
        update(activities)
        .where(activities.c.id == activity.id, activities.c.version == expected_version)
        .values(**activity_to_row(activity), version=expected_version + 1, last_modified=now())
    )
    if result.rowcount != 1:
        raise _stale(conn, get_activity(conn, activity.id), expected_version)
    record_audit(conn, user=user, action="update", entity_id=activity.id, changes=changes)
    _bump_version(conn)
    return get_activity(conn, activity.id)


def _stale(conn: Connection, current: Activity, expected: int) -> StaleEdit:
    last = conn.execute(
        select(audit_log.c.user, audit_log.c.at)
        .where(audit_log.c.entity_id == current.id)
        .order_by(audit_log.c.id.desc()).limit(1)
    ).first()
    who = f" door {last.user}" if last is not None else ""
    return StaleEdit(
        f"Deze activiteit is intussen gewijzigd{who} (versie {current.version}, u bewerkte "
        f"versie {expected}). Uw wijziging is niet opgeslagen; bekijk de nieuwe gegevens en "
        "breng uw wijziging opnieuw aan.",
        [{"field": "version", "expected": expected, "current": current.version}],
    )


def set_status(conn: Connection, activity_id: str, status: Status, *, expected_version: int,
               user: str) -> Activity:
    """Pause, deactivate or reactivate an activity (an audited, version-checked edit)."""
    old = get_activity(conn, activity_id)
    new = ActivityIn.model_validate(old.model_dump(include=set(ActivityIn.model_fields)))
    return update_activity(conn, new.model_copy(update={"status": status}),
                           expected_version=expected_version, user=user)


def verify_activity(conn: Connection, activity_id: str, *, user: str,
                    on: date | None = None) -> Activity:
    """Record that someone confirmed the entry is still right (sets ``last_verified``)."""
    old = get_activity(conn, activity_id)
    day = on or now().date()
    conn.execute(update(activities).where(activities.c.id == activity_id)
                 .values(last_verified=day))
    record_audit(conn, user=user, action="verify", entity_id=activity_id,
                 changes={"last_verified": [_iso(old.last_verified), day.isoformat()]})
    _bump_version(conn)
    return get_activity(conn, activity_id)


def _later(a: date | None, b: date | None) -> date | None:
    return max((d for d in (a, b) if d is not None), default=None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass
class WriteSummary:
    """What a bulk write did, by activity id."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def upsert_activities(conn: Connection, items: Iterable[ActivityIn], *, user: str,
                      action: str = "import") -> WriteSummary:
    """Add or update activities by id; identical data leaves the entry (and its dates) alone.

    ``last_verified`` is the later of the stored date and the one the input states: an import
    can record a newer verification, never undo one.
    """
    summary = WriteSummary()
    stamp = now()
    for item in items:
        old = find_activity(conn, item.id)
        if old is not None:
            item = item.model_copy(update={"last_verified": _later(old.last_verified,
                                                                   item.last_verified)})
        if old is not None and old.content_equal(item) and old.last_verified == item.last_verified:
            summary.unchanged.append(item.id)
            continue
        _ensure_organisation(conn, item)
        row = activity_to_row(item)
        if old is None:
            conn.execute(insert(activities).values(**row, version=1, created=stamp,
                                                   last_modified=stamp))
            summary.created.append(item.id)
        else:
            conn.execute(update(activities).where(activities.c.id == item.id).values(
                **row, version=old.version + 1, last_modified=stamp))
            summary.updated.append(item.id)
        record_audit(conn, user=user, action=action, entity_id=item.id,
                     changes=_diff(old, item))
    if summary.created or summary.updated:
        _bump_version(conn)
    return summary


def replace_catalogue(conn: Connection, items: list[ActivityIn], *, user: str) -> WriteSummary:
    """Make the catalogue exactly ``items`` (within the caller's transaction: atomic)."""
    keep = {i.id for i in items}
    stored = [r.id for r in conn.execute(select(activities.c.id))]
    removed = [i for i in stored if i not in keep]
    if removed:
        conn.execute(delete(activities).where(activities.c.id.in_(removed)))
        record_audit(conn, user=user, action="replace", entity_id=None,
                     changes={"removed": removed})
    summary = upsert_activities(conn, items, user=user, action="replace")
    summary.removed = removed
    if removed:
        _bump_version(conn)
    _drop_orphan_organisations(conn)
    return summary


def _drop_orphan_organisations(conn: Connection) -> None:
    used = select(activities.c.organisation_id)
    conn.execute(delete(organisations).where(organisations.c.id.not_in(used)))


def list_audit(conn: Connection, *, entity_id: str | None = None,
               limit: int = 100) -> list[dict[str, Any]]:
    """The newest audit entries, optionally of one activity."""
    stmt = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if entity_id is not None:
        stmt = stmt.where(audit_log.c.entity_id == entity_id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def is_empty(conn: Connection) -> bool:
    """Whether the catalogue holds no activities at all."""
    return conn.execute(select(activities.c.id).limit(1)).first() is None
