"""Monitoring indicators of seed 002 §10 per municipality, practice and period.

Raw numbers are computed from referral records, then *presented* as :class:`Cell` values. Small
numbers are suppressed in exactly one place, :func:`present_count` / :func:`present_share` /
:func:`present_mean`: a count under the threshold (5) shows as "<5", and so does a share or an
average resting on fewer than 5 records (or a share whose numerator is under 5). Every view,
chart and export is built from cells, never from raw numbers.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from socialmap.vocabulary import load_vocabulary

from .capacity import load_planning
from .models import ProposedActivity, Referral
from .store import ReferralFilter, list_referrals

SUPPRESSED = "<5"
MONTHS = (3, 6, 9)


def threshold() -> int:
    """The suppression threshold from the planning parameters (5)."""
    return int(load_planning().suppression_threshold.value)


@dataclass(frozen=True)
class Cell:
    """A presented number: its text, the value (None when suppressed) and its base n."""

    text: str
    value: float | None
    n: int
    suppressed: bool = False


def _nl(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def present_count(count: int) -> Cell:
    """A count; under the threshold it shows as '<5'."""
    if count < threshold():
        return Cell(SUPPRESSED, None, count, True)
    return Cell(str(count), float(count), count)


def present_share(part: int, whole: int) -> Cell:
    """A percentage; suppressed when the part or the whole is under the threshold."""
    if part < threshold() or whole < threshold():
        return Cell(SUPPRESSED, None, whole, True)
    share = 100 * part / whole
    return Cell(f"{share:.0f}%", share, whole)


def present_mean(values: Sequence[float], digits: int = 1, signed: bool = False) -> Cell:
    """An average; suppressed when it rests on fewer values than the threshold."""
    if len(values) < threshold():
        return Cell(SUPPRESSED, None, len(values), True)
    mean = statistics.fmean(values)
    text = ("+" if signed and mean > 0 else "") + _nl(mean, digits)
    return Cell(text, mean, len(values))


@dataclass(frozen=True)
class Indicator:
    """One presented indicator: stable key, Dutch label, cell."""

    key: str
    label: str
    cell: Cell


@dataclass(frozen=True)
class Scope:
    """Which records an indicator set covers (None means all)."""

    municipality: str | None = None
    practice: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass
class Indicators:
    """The presented indicators of one scope."""

    scope: Scope
    output: list[Indicator] = field(default_factory=list)
    outcome: list[Indicator] = field(default_factory=list)
    spinnenweb: list[tuple[str, Cell, Cell, Cell]] = field(default_factory=list)
    trend: list[tuple[str, Cell]] = field(default_factory=list)
    profiles: dict[str, list[tuple[str, Cell]]] = field(default_factory=dict)
    complaint_by_dimension: list[tuple[str, list[Cell]]] = field(default_factory=list)

    def rows(self) -> list[Indicator]:
        """Every indicator as a flat list (for tables and the CSV export)."""
        rows = self.output + self.outcome
        for dim, intake, end, change in self.spinnenweb:
            rows += [Indicator(f"spinnenweb_{dim}_intake", f"Spinnenweb {dim}: intake", intake),
                     Indicator(f"spinnenweb_{dim}_eind", f"Spinnenweb {dim}: eind", end),
                     Indicator(f"spinnenweb_{dim}_verandering",
                               f"Spinnenweb {dim}: verandering", change)]
        for month, cell in self.trend:
            rows.append(Indicator(f"recepten_{month}", f"Recepten {month}", cell))
        for kind, items in self.profiles.items():
            rows += [Indicator(f"profiel_{kind}_{key}", f"Profiel {kind}: {key}", cell)
                     for key, cell in items]
        return rows


def _chosen(r: Referral) -> list[ProposedActivity]:
    return [a for a in r.activities if a.chosen]


def _share(refs: Sequence[Referral], known: Callable[[Referral], bool],
           yes: Callable[[Referral], bool]) -> Cell:
    base = [r for r in refs if known(r)]
    return present_share(sum(1 for r in base if yes(r)), len(base))


def _referred(r: Referral) -> bool | None:
    if r.referred_on is not None:
        return r.referred_on
    return True if _chosen(r) else None


def _output(refs: Sequence[Referral]) -> list[Indicator]:
    started = [r for r in refs if r.first_contact_date is not None]
    days = [(first - r.referral_date).days for r in refs
            if (first := r.first_contact_date) is not None]
    max_days = int(load_planning().first_contact_max_days.value)
    return [
        Indicator("recepten", "Aantal welzijnsrecepten", present_count(len(refs))),
        Indicator("gesprekken_per_verwijzing", "Gesprekken per verwijzing (gemiddeld)",
                  present_mean([r.talks for r in started])),
        Indicator("doorgeleid_activiteit", "Doorgeleid naar een activiteit",
                  _share(refs, lambda r: _referred(r) is not None, lambda r: _referred(r) is True)),
        Indicator("dagen_tot_eerste_contact", "Dagen tot eerste contact (gemiddeld)",
                  present_mean(days)),
        Indicator("eerste_contact_op_tijd", f"Eerste contact binnen {max_days} dagen",
                  present_share(sum(1 for d in days if d <= max_days), len(days))),
    ]


def _attending(r: Referral, months: int) -> bool | None:
    values = [getattr(a.followup, f"attending_{months}m") for a in _chosen(r)]
    known = [v for v in values if v is not None]
    return any(known) if known else None


def _participation(refs: Sequence[Referral], months: int) -> Indicator:
    known = [_attending(r, months) for r in refs]
    cell = present_share(sum(1 for k in known if k is True), sum(1 for k in known if k is not None))
    return Indicator(f"deelname_{months}m", f"Neemt na {months} maanden nog deel", cell)


def _outcome(refs: Sequence[Referral]) -> list[Indicator]:
    rows = [_participation(refs, m) for m in MONTHS]
    rows.append(Indicator("afgehaakt", "Afgehaakt bij een gekozen activiteit", _share(
        refs, lambda r: bool(_chosen(r)),
        lambda r: any(a.followup.dropped_out_date for a in _chosen(r)))))
    rows.append(Indicator("doel_behaald", "Doel behaald", _share(
        refs, lambda r: r.goal_reached is not None, lambda r: r.goal_reached is True)))
    return rows


def _spinnenweb(refs: Sequence[Referral]) -> list[tuple[str, Cell, Cell, Cell]]:
    result = []
    for dim in load_vocabulary().dimensions.ids:
        pairs = [(r.intake_spinnenweb[dim], r.end_spinnenweb[dim]) for r in refs
                 if r.intake_spinnenweb and r.end_spinnenweb
                 and dim in r.intake_spinnenweb and dim in r.end_spinnenweb]
        result.append((dim, present_mean([a for a, _ in pairs]),
                       present_mean([b for _, b in pairs]),
                       present_mean([b - a for a, b in pairs], signed=True)))
    return result


def _trend(refs: Sequence[Referral]) -> list[tuple[str, Cell]]:
    counts = Counter(r.referral_date.strftime("%Y-%m") for r in refs)
    if not counts:
        return []
    months = _month_range(min(counts), max(counts))
    return [(m, present_count(counts.get(m, 0))) for m in months]


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _profiles(refs: Sequence[Referral]) -> dict[str, list[tuple[str, Cell]]]:
    voc = load_vocabulary()
    complaints = Counter(c for r in refs for c in r.complaints)
    ages = Counter(r.age_band.value for r in refs)
    dims = Counter(d for r in refs for d in {d for a in _chosen(r) for d in a.activity_dimensions})
    return {
        "leeftijd": [(band, present_count(ages[band])) for band in sorted(ages)],
        "klacht": [(c, present_count(complaints[c])) for c in voc.complaints.ids
                   if complaints[c]],
        "activiteit_dimensie": [(d, present_count(dims[d])) for d in voc.dimensions.ids
                                if dims[d]],
    }


def _cross(refs: Sequence[Referral]) -> list[tuple[str, list[Cell]]]:
    voc = load_vocabulary()
    table: Counter[tuple[str, str]] = Counter()
    for r in refs:
        dims = {d for a in _chosen(r) for d in a.activity_dimensions}
        table.update((c, d) for c in r.complaints for d in dims)
    return [(c, [present_count(table[(c, d)]) for d in voc.dimensions.ids])
            for c in voc.complaints.ids if any(table[(c, d)] for d in voc.dimensions.ids)]


def compute_indicators(refs: Sequence[Referral], scope: Scope | None = None) -> Indicators:
    """All presented indicators of ``refs`` (pure; suppression already applied)."""
    return Indicators(scope=scope or Scope(), output=_output(refs), outcome=_outcome(refs),
                      spinnenweb=_spinnenweb(refs), trend=_trend(refs),
                      profiles=_profiles(refs), complaint_by_dimension=_cross(refs))


def load_indicators(conn: Connection, scope: Scope) -> Indicators:
    """The indicators of the stored referrals in ``scope`` (by referral date)."""
    refs = list_referrals(conn, ReferralFilter(municipality=scope.municipality,
                                               practice=scope.practice, start=scope.start,
                                               end=scope.end))
    return compute_indicators(refs, scope)


def per_practice(conn: Connection, scope: Scope) -> list[Indicators]:
    """The scope as a whole, then one indicator set per practice in it."""
    refs = list_referrals(conn, ReferralFilter(municipality=scope.municipality,
                                               practice=scope.practice, start=scope.start,
                                               end=scope.end))
    sets = [compute_indicators(refs, scope)]
    for practice in sorted({r.practice for r in refs}):
        sub = Scope(scope.municipality, practice, scope.start, scope.end)
        sets.append(compute_indicators([r for r in refs if r.practice == practice], sub))
    return sets


CSV_COLUMNS = ["gemeente", "praktijk", "van", "tot", "indicator", "omschrijving", "waarde",
               "aantal"]


def indicators_csv(sets: Sequence[Indicators]) -> str:
    """The anonymised CSV export: one line per indicator and scope, suppression applied."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for ind in sets:
        s = ind.scope
        for row in ind.rows():
            n = SUPPRESSED if row.cell.n < threshold() else str(row.cell.n)
            writer.writerow([s.municipality or "alle", s.practice or "alle",
                             s.start.isoformat() if s.start else "",
                             s.end.isoformat() if s.end else "",
                             row.key, row.label, row.cell.text, n])
    return out.getvalue()
