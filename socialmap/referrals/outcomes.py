"""Activity outcomes: the matcher's training rows, and what the gemeente and coaches see.

The rows follow the matcher's outcomes CSV (``matcher/training.py``, ``docs/matcher.md``): one
row per proposed activity, grouped by ``request_id`` (one referral), with ``taken_up`` and
``attending_3m`` as 0/1 and the request columns the matcher understands. Only outcomes that are
known are exported: a chosen activity whose 3-month follow-up is still open is left out, so it
does not count as a failure.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, CursorResult, Row, select

from socialmap.tables import activities, referral_activities, referrals

from .indicators import Cell, present_count, threshold

OUTCOME_COLUMNS = ["request_id", "activity_id", "proposed", "taken_up", "attending_3m",
                   "postcode", "lat", "lon", "dimensions", "spinnenweb", "complaints", "query",
                   "age", "free_only", "wheelchair", "online_ok", "age_band", "referral_date"]


def _pairs(conn: Connection, municipality: str | None = None) -> CursorResult[Any]:
    stmt = (select(referral_activities, referrals.c.age_band, referrals.c.complaints,
                   referrals.c.intake_spinnenweb, referrals.c.referral_date,
                   referrals.c.end_date, referrals.c.municipality)
            .join(referrals, referrals.c.id == referral_activities.c.referral_id)
            .order_by(referral_activities.c.referral_id, referral_activities.c.position))
    if municipality is not None:
        stmt = stmt.where(referrals.c.municipality == municipality)
    return conn.execute(stmt)


def _taken_up(row: Row[Any]) -> bool:
    return bool(row.chosen and (row.started_date is not None or row.attending_3m))


def _known(row: Row[Any]) -> bool:
    """Whether the outcome of this proposal is settled (else it is left out of training)."""
    if not row.chosen or row.attending_3m is not None or row.dropped_out_date is not None:
        return True
    return row.started_date is None and row.end_date is not None


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _spinnenweb_cell(scores: dict[str, float] | None) -> str:
    return ";".join(f"{k}:{v:g}" for k, v in (scores or {}).items())


def outcome_rows(conn: Connection) -> list[dict[str, str]]:
    """The matcher's training rows: one per proposed activity with a known outcome."""
    rows = []
    for row in _pairs(conn):
        if not _known(row):
            continue
        taken = _taken_up(row)
        rows.append({
            "request_id": f"verwijzing-{row.referral_id}", "activity_id": row.activity_ref,
            "proposed": "1", "taken_up": _flag(taken),
            "attending_3m": _flag(taken and bool(row.attending_3m)
                                  and row.dropped_out_date is None),
            "postcode": "", "lat": "", "lon": "", "dimensions": "",
            "spinnenweb": _spinnenweb_cell(row.intake_spinnenweb),
            "complaints": ";".join(row.complaints), "query": "",
            "age": row.age_band.split("-")[0].rstrip("+"), "free_only": "", "wheelchair": "",
            "online_ok": "", "age_band": row.age_band,
            "referral_date": row.referral_date.isoformat(),
        })
    return rows


def outcomes_csv(conn: Connection) -> str:
    """The training rows as CSV text (what ``matcher.training.read_outcomes`` reads)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=OUTCOME_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(outcome_rows(conn))
    return out.getvalue()


@dataclass(frozen=True)
class ActivityStat:
    """How often an activity was proposed, chosen and kept (suppressed cells)."""

    activity_id: str
    name: str
    proposed: Cell
    chosen: Cell
    kept_3m: Cell


def activity_stats(conn: Connection, *, municipality: str | None = None) -> list[ActivityStat]:
    """Per activity: proposed, chosen, still attending after 3 months; most proposed first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    names: dict[str, str] = {}
    for row in _pairs(conn, municipality):
        c = counts[row.activity_ref]
        names[row.activity_ref] = row.activity_name
        c[0] += 1
        c[1] += int(bool(row.chosen))
        c[2] += int(bool(row.chosen and row.attending_3m))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1][0], names[kv[0]]))
    return [ActivityStat(a, names[a], present_count(p), present_count(ch), present_count(k))
            for a, (p, ch, k) in ordered]


@dataclass(frozen=True)
class NeverChosen:
    """A catalogue activity that no resident chose (yet); ``proposed`` is suppressed."""

    activity_id: str
    name: str
    proposed: Cell


def never_chosen(conn: Connection, *, municipality: str | None = None) -> list[NeverChosen]:
    """Active catalogue activities never chosen in any referral, by name."""
    chosen = {r.activity_ref for r in _pairs(conn, municipality) if r.chosen}
    proposed: dict[str, int] = defaultdict(int)
    for r in _pairs(conn, municipality):
        proposed[r.activity_ref] += 1
    stmt = select(activities.c.id, activities.c.name).where(activities.c.status == "actief")
    if municipality is not None:
        stmt = stmt.where(activities.c.municipality == municipality)
    return [NeverChosen(r.id, r.name, present_count(proposed[r.id]))
            for r in conn.execute(stmt.order_by(activities.c.name, activities.c.id))
            if r.id not in chosen]


@dataclass(frozen=True)
class ProviderResponse:
    """How a provider responds to referrals, once there are enough records."""

    activity_id: str
    chosen: int
    started: int
    median_contact_days: float | None

    @property
    def text(self) -> str:
        """Dutch, e.g. 'meestal binnen 3 dagen contact, 9 van de 10 verwijzingen gestart'."""
        started = f"{round(10 * self.started / self.chosen)} van de 10 verwijzingen gestart"
        if self.median_contact_days is None:
            return started
        days = round(self.median_contact_days)
        unit = "dag" if days == 1 else "dagen"
        return f"meestal binnen {days} {unit} contact, {started}"


def provider_response(conn: Connection, activity_id: str) -> ProviderResponse | None:
    """The provider's response record for an activity, or None below the threshold."""
    rows = [r for r in conn.execute(
        select(referral_activities).where(referral_activities.c.activity_ref == activity_id,
                                          referral_activities.c.chosen.is_(True)))]
    if len(rows) < threshold():
        return None
    days = [r.provider_first_contact_days for r in rows
            if r.provider_first_contact_days is not None]
    started = sum(1 for r in rows if r.started_date is not None or r.attending_3m)
    median = statistics.median(days) if len(days) >= threshold() else None
    return ProviderResponse(activity_id, len(rows), started, median)
