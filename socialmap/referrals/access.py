"""Who may see or change which referral record; the viewer-scoped entry points for the web.

- A coach sees and edits the records they own and those of their own organisation.
- A GP practice creates referrals for itself and sees the *feedback* on its own referrals only.
- The municipality (and the administrator) see aggregates only, never a single record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from sqlalchemy import Connection, select

from socialmap.tables import users

from .errors import AccessDenied
from .feedback import Feedback, feedback_for
from .models import Referral, ReferralIn
from .store import ReferralFilter, create_referral, get_referral, list_referrals, update_referral


class ViewerRole(StrEnum):
    """The roles of the product (the same values as the web accounts)."""

    HUISARTS = "huisarts"
    COACH = "coach"
    GEMEENTE = "gemeente"
    BEHEERDER = "beheerder"


AGGREGATE_ONLY = frozenset({ViewerRole.GEMEENTE, ViewerRole.BEHEERDER})


@dataclass(frozen=True)
class Viewer:
    """Who is asking: role, user name and where they work (organisation or practice)."""

    role: ViewerRole
    user_name: str
    organisation: str | None = None
    practice: str | None = None
    municipality: str | None = None


def viewer_for_user(conn: Connection, user_name: str) -> Viewer:
    """The viewer of a stored user account (role, organisation and practice from ``users``)."""
    row = conn.execute(select(users.c.name, users.c.role, users.c.organisation,
                              users.c.practice).where(users.c.name == user_name)).first()
    if row is None:
        raise AccessDenied("Onbekende gebruiker.", [{"field": "user", "message": "onbekend"}])
    return Viewer(ViewerRole(row.role), row.name, row.organisation, row.practice)


def can_view(viewer: Viewer, referral: Referral) -> bool:
    """Whether the viewer may see the whole record (coaches of the owning organisation)."""
    if viewer.role is not ViewerRole.COACH:
        return False
    if referral.coach is not None and referral.coach == viewer.user_name:
        return True
    return viewer.organisation is not None and viewer.organisation == referral.organisation


def can_edit(viewer: Viewer, referral: Referral) -> bool:
    """Whether the viewer may change the record (the same coaches who may see it)."""
    return can_view(viewer, referral) and referral.anonymised_at is None


def can_view_feedback(viewer: Viewer, referral: Referral) -> bool:
    """Whether the viewer may read the feedback text (the referring practice, or the coach)."""
    if viewer.role is ViewerRole.HUISARTS:
        return viewer.practice is not None and viewer.practice == referral.practice
    return can_view(viewer, referral)


def can_create(viewer: Viewer, data: ReferralIn) -> bool:
    """A coach creates for their organisation; a GP practice for itself."""
    if viewer.role is ViewerRole.COACH:
        return viewer.organisation is not None and viewer.organisation == data.organisation
    if viewer.role is ViewerRole.HUISARTS:
        return viewer.practice is not None and viewer.practice == data.practice
    return False


def _denied(what: str) -> AccessDenied:
    return AccessDenied(f"U heeft geen toegang tot {what}.",
                        [{"field": "viewer", "message": "geen toegang"}])


def create_as(conn: Connection, viewer: Viewer, data: ReferralIn, *, today: date) -> Referral:
    """Create a referral as ``viewer``; a coach becomes its owner unless one is named."""
    if not can_create(viewer, data):
        raise _denied("verwijzingen van deze organisatie of praktijk")
    if viewer.role is ViewerRole.COACH and data.coach is None:
        data = data.model_copy(update={"coach": viewer.user_name})
    return create_referral(conn, data, user=viewer.user_name, today=today)


def get_as(conn: Connection, viewer: Viewer, referral_id: int) -> Referral:
    """The whole record, if the viewer may see it."""
    referral = get_referral(conn, referral_id)
    if not can_view(viewer, referral):
        raise _denied("deze verwijzing")
    return referral


def update_as(conn: Connection, viewer: Viewer, referral_id: int, data: ReferralIn, *,
              expected_version: int, today: date) -> Referral:
    """Save an edit as ``viewer``; the organisation cannot be moved to one they are not in."""
    referral = get_referral(conn, referral_id)
    if not can_edit(viewer, referral) or not can_view(viewer, _moved(referral, data)):
        raise _denied("deze verwijzing")
    return update_referral(conn, referral_id, data, expected_version=expected_version,
                           user=viewer.user_name, today=today)


def _moved(referral: Referral, data: ReferralIn) -> Referral:
    return referral.model_copy(update={"organisation": data.organisation, "coach": data.coach})


def list_for_viewer(conn: Connection, viewer: Viewer,
                    flt: ReferralFilter | None = None) -> list[Referral]:
    """Whole records the viewer may see; GPs, the municipality and admins get none."""
    if viewer.role is not ViewerRole.COACH:
        raise _denied("losse verwijzingen (alleen overzichten)")
    flt = flt or ReferralFilter()
    if viewer.organisation is not None:
        mine = list_referrals(conn, replace(flt, organisation=viewer.organisation))
        owned = list_referrals(conn, replace(flt, coach=viewer.user_name))
        seen = {r.id for r in mine}
        return sorted(mine + [r for r in owned if r.id not in seen],
                      key=lambda r: (r.referral_date, r.id), reverse=True)
    return list_referrals(conn, replace(flt, coach=viewer.user_name))


def feedback_as(conn: Connection, viewer: Viewer, referral_id: int, *, on: date) -> Feedback:
    """The feedback for the GP on one referral, if the viewer may read it."""
    referral = get_referral(conn, referral_id)
    if not can_view_feedback(viewer, referral):
        raise _denied("de terugkoppeling op deze verwijzing")
    return feedback_for(referral, on=on)


def feedback_list_for_practice(conn: Connection, viewer: Viewer, *, on: date,
                               flt: ReferralFilter | None = None) -> list[Feedback]:
    """The feedback on all referrals of the viewer's own practice (GPs only)."""
    if viewer.role is not ViewerRole.HUISARTS or viewer.practice is None:
        raise _denied("terugkoppelingen van een praktijk")
    rows = list_referrals(conn, replace(flt or ReferralFilter(), practice=viewer.practice))
    return [feedback_for(r, on=on) for r in rows if r.anonymised_at is None]


def aggregate_scope(viewer: Viewer, municipality: str | None) -> str | None:
    """The municipality an aggregate view may cover for this viewer.

    A municipality user with a municipality set sees only that one; coaches and GPs may see
    aggregates too (they are anonymous), the administrator any municipality.
    """
    if viewer.role is ViewerRole.GEMEENTE and viewer.municipality is not None:
        if municipality not in (None, viewer.municipality):
            raise _denied(f"de cijfers van gemeente {municipality}")
        return viewer.municipality
    return municipality
