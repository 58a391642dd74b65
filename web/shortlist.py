"""The coach's shortlist: activity ids kept in the session (no personal data), and its texts."""

from __future__ import annotations

from flask import session
from sqlalchemy import Connection

from socialmap import store
from socialmap.models import Activity
from socialmap.store import ActivityFilter

SESSION_KEY = "shortlist"
MAX_ITEMS = 5


def ids() -> list[str]:
    """The shortlisted activity ids, in the order they were added."""
    value = session.get(SESSION_KEY)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)][:MAX_ITEMS]


def add(activity_id: str) -> bool:
    """Add an id (False when the list is full)."""
    current = ids()
    if activity_id in current:
        return True
    if len(current) >= MAX_ITEMS:
        return False
    session[SESSION_KEY] = [*current, activity_id]
    return True


def remove(activity_id: str) -> None:
    """Remove an id from the list."""
    session[SESSION_KEY] = [i for i in ids() if i != activity_id]


def clear() -> None:
    """Empty the list."""
    session.pop(SESSION_KEY, None)


def activities(conn: Connection) -> list[Activity]:
    """The shortlisted activities that still exist, in list order."""
    wanted = ids()
    if not wanted:
        return []
    found = {a.id: a for a in store.list_activities(conn, ActivityFilter(ids=wanted))}
    return [found[i] for i in wanted if i in found]


def when_text(activity: Activity) -> str:
    """When the activity takes place, in words."""
    return activity.schedule.when or ("online" if activity.online else "vraag het na")


def where_text(activity: Activity) -> str:
    """Where the activity takes place, in words."""
    if activity.online and activity.location is None:
        return "online of telefonisch"
    loc = activity.location
    if loc is None:
        return "onbekend"
    parts = [p for p in (loc.address, loc.postcode, loc.city) if p]
    return ", ".join(parts) or "onbekend"


def plain_text(items: list[Activity]) -> str:
    """The shortlist as a short plain-text message for e-mail or chat (plain language)."""
    lines = ["Uw welzijnsrecept: activiteiten die bij u kunnen passen.", ""]
    for n, a in enumerate(items, 1):
        lines.append(f"{n}. {a.name} ({a.organisation.name})")
        lines.append(f"   Waar: {where_text(a)}")
        lines.append(f"   Wanneer: {when_text(a)}")
        lines.append(f"   Kosten: {a.cost.label()}")
        how = a.signup or a.contact.phone or a.contact.email or a.contact.website
        if how:
            lines.append(f"   Aanmelden: {how}")
        lines.append("")
    lines.append("Vragen? Neem contact op met uw welzijnscoach.")
    return "\n".join(lines)
