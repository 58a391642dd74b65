"""Conversion between :class:`Activity` models and rows of the ``activities`` table."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import RowMapping

from .models import Activity, ActivityIn


def activity_to_row(a: ActivityIn) -> dict[str, Any]:
    """The column values of an activity (without version and timestamps)."""
    loc = a.location
    amount = a.cost.amount_eur
    cents = None if amount is None else int((amount * 100).to_integral_value())
    return {
        "id": a.id, "name": a.name, "description": a.description,
        "organisation_id": a.organisation.id,
        "dimensions": a.dimensions, "complaints": a.complaints,
        "suggested_dimensions": a.suggested_dimensions,
        "suggested_complaints": a.suggested_complaints,
        "address": loc.address if loc else None,
        "postcode": loc.postcode if loc else None,
        "city": loc.city if loc else None,
        "municipality": loc.municipality if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "online": a.online, "cost_cents": cents, "cost_note": a.cost.note,
        "schedule_when": a.schedule.when, "days": a.schedule.days, "signup": a.signup,
        "age_min": a.age_min, "age_max": a.age_max, "wheelchair": a.wheelchair.value,
        "languages": a.languages,
        "contact_person": a.contact.person, "contact_phone": a.contact.phone,
        "contact_email": a.contact.email, "contact_website": a.contact.website,
        "last_verified": a.last_verified, "status": a.status.value, "classified": a.classified,
    }


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def activity_from_row(r: RowMapping) -> Activity:
    """The activity stored in a row joined with its organisation's name."""
    has_place = any(r[k] is not None for k in ("address", "postcode", "city", "lat"))
    location = None
    if has_place or r["municipality"] is not None:
        location = {
            "address": r["address"], "postcode": r["postcode"], "city": r["city"],
            "municipality": r["municipality"], "lat": r["lat"], "lon": r["lon"],
        }
    cents = r["cost_cents"]
    return Activity.model_validate({
        "id": r["id"], "name": r["name"], "description": r["description"],
        "organisation": {"id": r["organisation_id"], "name": r["organisation_name"]},
        "dimensions": r["dimensions"], "complaints": r["complaints"],
        "suggested_dimensions": r["suggested_dimensions"],
        "suggested_complaints": r["suggested_complaints"],
        "location": location, "online": r["online"],
        "cost": {"amount_eur": None if cents is None else Decimal(cents) / 100,
                 "note": r["cost_note"]},
        "schedule": {"when": r["schedule_when"], "days": r["days"]},
        "signup": r["signup"], "age_min": r["age_min"], "age_max": r["age_max"],
        "wheelchair": r["wheelchair"], "languages": r["languages"],
        "contact": {"person": r["contact_person"], "phone": r["contact_phone"],
                    "email": r["contact_email"], "website": r["contact_website"]},
        "last_verified": r["last_verified"], "status": r["status"],
        "version": r["version"], "created": _aware(r["created"]),
        "last_modified": _aware(r["last_modified"]),
    })
