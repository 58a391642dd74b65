"""The coverage view: active activities per area, per spinnenweb dimension and complaint category.

Rows are the municipalities in the catalogue (or, for one municipality, all its PC4 areas);
online activities, which serve every area, get a row of their own. A cell with 0 is a gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import render_template, request

from socialmap.geo import locate, pc4_places
from socialmap.models import Activity, Status
from socialmap.store import iter_activities
from socialmap.vocabulary import load_vocabulary

from .accounts import Role
from .auth import role_required
from .gemeente import bp
from .state import get_state

#: (lowest count, css class, legend text); a count gets the class of the last bin it reaches.
BINS = ((0, "heat-0", "0: gat, geen actief aanbod"), (1, "heat-1", "1 of 2"),
        (3, "heat-2", "3 tot en met 5"), (6, "heat-3", "6 of meer"))
UNKNOWN = "(onbekend)"
ONLINE = "Online of telefonisch (overal)"


def heat_class(count: int) -> str:
    """The css class of a count (see :data:`BINS`)."""
    return [css for low, css, _ in BINS if count >= low][-1]


@dataclass
class AreaRow:
    """The counts of one area: all active activities, and per dimension and complaint."""

    key: str
    label: str
    total: int = 0
    dimensions: dict[str, int] = field(default_factory=dict)
    complaints: dict[str, int] = field(default_factory=dict)

    def add(self, activity: Activity) -> None:
        """Count one active activity in this area."""
        self.total += 1
        for d in activity.dimensions:
            self.dimensions[d] = self.dimensions.get(d, 0) + 1
        for c in activity.complaints:
            self.complaints[c] = self.complaints.get(c, 0) + 1


@dataclass
class Coverage:
    """The heat-map: one row per area, plus online; ``municipality`` set for the PC4 view."""

    rows: list[AreaRow]
    online: AreaRow
    municipality: str | None = None

    def gaps(self, kind: str, ids: list[str]) -> int:
        """How many area cells of ``kind`` ('dimensions' or 'complaints') are 0."""
        return sum(1 for r in self.rows for i in ids if getattr(r, kind).get(i, 0) == 0)


def municipality_of(activity: Activity) -> str | None:
    """The municipality of an activity on location (stated, else from its postcode)."""
    loc = activity.location
    if loc is None:
        return None
    if loc.municipality:
        return loc.municipality
    place = locate(loc.postcode) if loc.postcode else None
    return place.municipality if place else None


def _pc4_rows(municipality: str, activities: list[Activity]) -> dict[str, AreaRow]:
    rows = {pc4: AreaRow(pc4, f"{pc4} {place.town}") for pc4, place in sorted(
        pc4_places().items()) if place.municipality == municipality}
    for a in activities:
        pc4 = a.location.pc4 if a.location else None
        if municipality_of(a) == municipality and pc4 and pc4 not in rows:
            place = pc4_places().get(pc4)
            rows[pc4] = AreaRow(pc4, f"{pc4} {place.town if place else ''}".strip())
    return dict(sorted(rows.items()))


def _area_key(activity: Activity, municipality: str | None) -> str | None:
    """The row an activity on location counts in; None when outside the chosen municipality."""
    name = municipality_of(activity)
    if not municipality:
        return name or UNKNOWN
    if name != municipality:
        return None
    return (activity.location.pc4 if activity.location else None) or UNKNOWN


def count_coverage(activities: Iterable[Activity], municipality: str | None = None) -> Coverage:
    """Count active activities per area (municipalities, or the PC4 areas of one of them)."""
    everything = list(activities)
    online = AreaRow("online", ONLINE)
    if municipality:
        rows = _pc4_rows(municipality, everything)
    else:
        names = sorted({m for a in everything if (m := municipality_of(a))})
        rows = {m: AreaRow(m, m) for m in names}
    for a in everything:
        if a.status is not Status.ACTIEF:
            continue
        if a.online or a.location is None:
            online.add(a)
            continue
        key = _area_key(a, municipality)
        if key is not None:
            rows.setdefault(key, AreaRow(key, key)).add(a)
    return Coverage(list(rows.values()), online, municipality or None)


def short_label(label: str) -> str:
    """A column header short enough for a table: the label up to its first comma or bracket."""
    return label.split(",")[0].split(" (")[0].strip()


@bp.get("/dekking")
@role_required(Role.GEMEENTE)
def coverage() -> str:
    """The coverage heat-map; ``?gemeente=`` shows the PC4 areas of one municipality."""
    with get_state().engine.connect() as conn:
        activities = list(iter_activities(conn))
    names = sorted({m for a in activities if (m := municipality_of(a))})
    chosen = request.args.get("gemeente", "").strip()
    if chosen not in names:
        chosen = ""
    vocab = load_vocabulary()
    return render_template(
        "gemeente/coverage.html", cov=count_coverage(activities, chosen or None), names=names,
        chosen=chosen, bins=BINS, heat_class=heat_class,
        dimensions=[(t.id, t.label) for t in vocab.dimensions.terms],
        complaints=[(t.id, short_label(t.label), t.label) for t in vocab.complaints.terms],
    )
