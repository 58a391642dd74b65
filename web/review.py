"""The gemeente's review queue, computed from the catalogue and the open error reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from socialmap import reports
from socialmap.geo import locate
from socialmap.importing.duplicates import Candidate, DuplicatePair, find_duplicates
from socialmap.models import Activity, Status
from socialmap.reports import ErrorReport
from socialmap.store import iter_activities


@dataclass
class ReviewQueue:
    """What a curator should look at, per reason."""

    stale: list[Activity] = field(default_factory=list)
    unclassified: list[Activity] = field(default_factory=list)
    no_location: list[Activity] = field(default_factory=list)
    duplicates: list[DuplicatePair] = field(default_factory=list)
    reports: list[tuple[ErrorReport, Activity | None]] = field(default_factory=list)

    @property
    def size(self) -> int:
        """How many items wait in total."""
        return (len(self.stale) + len(self.unclassified) + len(self.no_location)
                + len(self.duplicates) + len(self.reports))


def missing_location(activity: Activity) -> bool:
    """True for an activity on location that cannot be placed on a map."""
    if activity.online:
        return False
    loc = activity.location
    if loc is None:
        return True
    if loc.has_coordinates:
        return False
    return loc.postcode is None or locate(loc.postcode) is None


def review_queue(conn: Connection, *, stale_months: int = 12,
                 today: date | None = None) -> ReviewQueue:
    """Build the review queue (inactive activities are left out, except for reports)."""
    today = today or date.today()
    queue = ReviewQueue()
    everything = {a.id: a for a in iter_activities(conn)}
    live = [a for a in everything.values() if a.status is not Status.INACTIEF]
    for activity in live:
        if activity.is_stale(today, stale_months):
            queue.stale.append(activity)
        if not activity.classified:
            queue.unclassified.append(activity)
        if missing_location(activity):
            queue.no_location.append(activity)
    queue.duplicates = find_duplicates([Candidate(a) for a in live])
    queue.reports = [(r, everything.get(r.activity_id)) for r in reports.open_reports(conn)]
    return queue
