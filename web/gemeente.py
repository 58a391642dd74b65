"""The gemeente pages: keeping the sociale kaart (login with role gemeente or beheerder).

Start: the catalogue list with search and filters, and the review queue. Editing, imports,
exports and the coverage view build on this blueprint.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from socialmap import reports, store
from socialmap.models import Status
from socialmap.store import ActivityFilter

from .accounts import Role
from .auth import role_required
from .review import review_queue
from .state import get_state

bp = Blueprint("gemeente", __name__, url_prefix="/gemeente")
PAGE_SIZE = 50


def _filter(args: Any) -> ActivityFilter:
    status = args.get("status", "")
    classified = {"ja": True, "nee": False}.get(args.get("ingedeeld", ""))
    return ActivityFilter(
        status=Status(status) if status in Status._value2member_map_ else None,
        classified=classified,
        municipality=args.get("gemeente", "").strip()[:200] or None,
        search=args.get("zoek", "").strip()[:200] or None,
    )


def _page(args: Any) -> int:
    raw = args.get("pagina", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1


@bp.get("")
@role_required(Role.GEMEENTE)
def catalogue() -> str:
    """List, search and filter the catalogue."""
    flt = _filter(request.args)
    page = _page(request.args)
    with get_state().engine.connect() as conn:
        total = store.count_activities(conn, flt)
        items = store.list_activities(conn, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        open_reports = reports.count_open_reports(conn)
    return render_template(
        "gemeente/catalogue.html", items=items, total=total, page=page,
        pages=max(1, -(-total // PAGE_SIZE)), form=request.args, statuses=list(Status),
        open_reports=open_reports,
    )


@bp.get("/controle")
@role_required(Role.GEMEENTE)
def review() -> str:
    """The review queue: stale, unclassified, without location, reported, likely duplicates."""
    months = get_state().settings.stale_months
    with get_state().engine.connect() as conn:
        queue = review_queue(conn, stale_months=months)
    return render_template("gemeente/review.html", queue=queue, months=months)
