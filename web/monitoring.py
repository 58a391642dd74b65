"""Monitoring for the municipality: indicators with charts, CSV export, capacity, activity use.

Aggregates only, never a single record: every number comes from the domain's presented cells,
so counts under 5 show as "<5" here and in the export. A gemeente account bound to a
municipality sees only that one; the administrator chooses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, Response, abort, render_template, request
from markupsafe import Markup
from sqlalchemy import Connection, select
from werkzeug.datastructures import MultiDict

from socialmap.referrals.access import AccessDenied, Viewer, aggregate_scope
from socialmap.referrals.capacity import (
    PracticeInput,
    actual_referrals,
    compare_with_actual,
    plan_capacity,
)
from socialmap.referrals.charts import dashboard_charts
from socialmap.referrals.errors import ReferralError
from socialmap.referrals.indicators import Scope, indicators_csv, per_practice, present_count
from socialmap.referrals.outcomes import activity_stats, never_chosen
from socialmap.tables import referrals

from .accounts import Role
from .auth import role_required
from .referral_support import current_viewer, today
from .state import get_state

bp = Blueprint("monitoring", __name__, url_prefix="/gemeente")
MAX_PRACTICES = 30
EXTRA_ROWS = 3
COMPARE_DAYS = 365


@dataclass
class Filters:
    """The dashboard filters as asked, the scope they give, and errors per field."""

    scope: Scope = field(default_factory=Scope)
    errors: dict[str, str] = field(default_factory=dict)


def _day(args: MultiDict[str, str], name: str, label: str, errors: dict[str, str]
         ) -> date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = f"{label}: vul een datum in zoals 2026-01-31."
        return None


def _filters(viewer: Viewer, args: MultiDict[str, str]) -> Filters:
    result = Filters()
    start = _day(args, "van", "Van", result.errors)
    end = _day(args, "tot", "Tot en met", result.errors)
    if start and end and start > end:
        result.errors["tot"] = "Tot en met: deze datum ligt vóór de datum 'van'."
    try:
        municipality = aggregate_scope(viewer, args.get("gemeente", "").strip()[:100] or None)
    except AccessDenied:
        abort(403)
    practice = args.get("praktijk", "").strip()[:100] or None
    result.scope = Scope(municipality, practice, start, end)
    return result


def _municipalities(conn: Connection) -> list[str]:
    stmt = select(referrals.c.municipality).distinct().order_by(referrals.c.municipality)
    return [row[0] for row in conn.execute(stmt)]


def _practices(conn: Connection, municipality: str | None) -> list[str]:
    counts = actual_referrals(conn, municipality=municipality, start=date.min, end=date.max)
    return sorted(counts)


def _context(conn: Connection, viewer: Viewer, scope: Scope) -> dict[str, Any]:
    return {"viewer": viewer, "scope": scope, "form": request.args,
            "municipalities": [] if viewer.municipality else _municipalities(conn),
            "practices": _practices(conn, scope.municipality)}


@bp.get("/monitor")
@role_required(Role.GEMEENTE)
def dashboard() -> Any:
    """Indicators of seed 002 §10 for the chosen scope, charts with their numbers beside."""
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        filters = _filters(viewer, request.args)
        context = _context(conn, viewer, filters.scope)
        if filters.errors:
            return render_template("monitoring/dashboard.html", errors=filters.errors,
                                   sets=[], charts=[], **context), 400
        sets = per_practice(conn, filters.scope)
    charts = [Markup(chart.html()) for chart in dashboard_charts(sets[0])]
    return render_template("monitoring/dashboard.html", errors={}, sets=sets, charts=charts,
                           **context)


@bp.get("/monitor.csv")
@role_required(Role.GEMEENTE)
def export() -> Any:
    """The anonymised CSV of the indicators (scope and per practice; '<5' where small)."""
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        filters = _filters(viewer, request.args)
        if filters.errors:
            abort(400)
        sets = per_practice(conn, filters.scope)
    name = f"indicatoren-{(filters.scope.municipality or 'alle').lower().replace(' ', '-')}.csv"
    return Response(indicators_csv(sets), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{_ascii(name)}"'})


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-.") else "-" for c in name)


@dataclass
class CapacityForm:
    """The practices typed into the planner, which start first, and errors per field."""

    practices: list[PracticeInput] = field(default_factory=list)
    start: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def _whole(args: MultiDict[str, str], name: str, label: str, low: int, high: int,
           errors: dict[str, str]) -> int | None:
    raw = args.get(name, "").strip().replace(".", "")
    if not raw.isdigit() or not low <= int(raw) <= high:
        errors[name] = f"{label}: vul een heel getal van {low} tot en met {high:,} in.".replace(
            ",", ".")
        return None
    return int(raw)


def _capacity_form(args: MultiDict[str, str]) -> CapacityForm:
    result = CapacityForm()
    for i in range(MAX_PRACTICES):
        prefix = f"praktijk-{i}"
        name = args.get(f"{prefix}-naam", "").strip()[:100]
        if not name and not args.get(f"{prefix}-patienten", "").strip():
            continue
        if not name:
            result.errors[f"{prefix}-naam"] = "Naam: vul de naam van de praktijk in."
        patients = _whole(args, f"{prefix}-patienten", "Ingeschreven patiënten", 1, 1_000_000,
                          result.errors)
        gps = _whole(args, f"{prefix}-huisartsen", "Aantal huisartsen", 1, 100, result.errors)
        result.rows.append(prefix)
        if name and patients and gps:
            result.practices.append(PracticeInput(name, patients, gps))
            if args.get(f"{prefix}-start") == "ja":
                result.start.append(name)
    if not result.rows:
        result.errors["praktijk-0-naam"] = "Vul minstens één praktijk in met het aantal patiënten."
    return result


def _capacity_defaults(practices: list[str]) -> MultiDict[str, str]:
    form: MultiDict[str, str] = MultiDict()
    for i, name in enumerate(practices[:MAX_PRACTICES]):
        form.add(f"praktijk-{i}-naam", name)
        form.add(f"praktijk-{i}-huisartsen", "1")
    return form


@bp.get("/capaciteit")
@role_required(Role.GEMEENTE)
def capacity() -> Any:
    """The capacity planner: expected referrals, coach and GP time, FTE, start, vs recorded."""
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        filters = _filters(viewer, MultiDict({"gemeente": request.args.get("gemeente", "")}))
        municipality = filters.scope.municipality
        known = _practices(conn, municipality)
        recorded = actual_referrals(conn, municipality=municipality,
                                    start=today() - timedelta(days=COMPARE_DAYS), end=today())
        municipalities = [] if viewer.municipality else _municipalities(conn)
    form = request.args if "bereken" in request.args else _capacity_defaults(known)
    rows = max(len(known), 1) + EXTRA_ROWS
    context = {"form": form, "rows": min(rows, MAX_PRACTICES), "municipality": municipality,
               "municipalities": municipalities, "viewer": viewer, "days": COMPARE_DAYS}
    if "bereken" not in request.args:
        return render_template("monitoring/capacity.html", errors={}, plan=None, **context)
    parsed = _capacity_form(request.args)
    plan = None
    if not parsed.errors:
        try:
            plan = plan_capacity(parsed.practices, start_with=parsed.start)
        except ReferralError as exc:
            parsed.errors.update(_plan_errors(exc))
    if plan is None:
        return render_template("monitoring/capacity.html", errors=parsed.errors, plan=None,
                               **context), 400
    comparison = [(c, present_count(c.recorded))
                  for c in compare_with_actual(plan, recorded, days=COMPARE_DAYS)]
    return render_template("monitoring/capacity.html", errors={}, plan=plan,
                           comparison=comparison, **context)


def _plan_errors(exc: ReferralError) -> dict[str, str]:
    errors: dict[str, str] = {}
    for detail in exc.details:
        parts = str(detail.get("field", "")).split(".")
        name = f"praktijk-{parts[1]}-naam" if len(parts) > 2 else "praktijk-0-naam"
        errors.setdefault(name, exc.message)
    return errors or {"praktijk-0-naam": exc.message}


@bp.get("/activiteiten-gebruik")
@role_required(Role.GEMEENTE)
def activity_use() -> Any:
    """Per activity how often it was proposed, chosen and kept; activities never chosen."""
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        filters = _filters(viewer, MultiDict({"gemeente": request.args.get("gemeente", "")}))
        municipality = filters.scope.municipality
        stats = activity_stats(conn, municipality=municipality)
        never = never_chosen(conn, municipality=municipality)
        municipalities = [] if viewer.municipality else _municipalities(conn)
    return render_template("monitoring/activity_use.html", stats=stats, never=never,
                           municipality=municipality, municipalities=municipalities,
                           viewer=viewer, form=request.args)
